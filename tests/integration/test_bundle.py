"""The one-folder bundle (`make bundle`, packaging/counterclaim.spec) works on a machine
without Python: run from a folder outside the source tree, with nothing in its
environment that points at a Python or the project's venv, it tells its version, extracts
the sample's three pairs as the golden file says, opens the window (offscreen), whose
pipeline process analyses the sample, imports text, web pages and Word files with the
pipeline in processes of its own, and writes the reports.

Run by `make bundle-test` only (marker `bundle`, deselected by default)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from counterclaim.about import About
from counterclaim.paths import SAMPLE_ARTICLE

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "counterclaim" / "counterclaim"
GOLDEN = ROOT / "tests" / "golden" / "peskov-nato.json"
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        not BUNDLE.exists(), reason=f"no bundle at {BUNDLE}: build it with `make bundle`"
    ),
]

DESIGN_PAIRS = [
    # DESIGN.md, "The Peskov/NATO sample": who claims, what, who rebuts, with what
    ("Dmitriy Peskov", "hostile", "NATO", "not hostile to Russia"),
    ("Dmitriy Peskov", "hostile", "NATO", "poses no threat to Russia"),
    ("Dmitriy Peskov", "involvement", "Jens Stoltenberg", "not involved in the conflict"),
]


def bare_environment(home: Path) -> dict[str, str]:
    """A machine without Python as far as the bundle can tell: no venv on the PATH, no
    PYTHONPATH, PYTHONHOME or VIRTUAL_ENV, a home and user folders of its own."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }


def bundle(
    folder: Path, *arguments: str, platform: str = "offscreen"
) -> subprocess.CompletedProcess[str]:
    """The bundle run in `folder`; with the "xcb" platform, on a screen of Xvfb's."""
    screen = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"] if platform == "xcb" else []
    return subprocess.run(
        [*screen, str(BUNDLE), *arguments],
        cwd=folder,
        env=bare_environment(folder) | {"QT_QPA_PLATFORM": platform},
        capture_output=True,
        text=True,
        timeout=240,
    )


def succeeded(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, f"{' '.join(done.args)} failed:\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the source tree, holding a copy of the sample article."""
    assert not tmp_path.is_relative_to(ROOT)
    shutil.copy(SAMPLE_ARTICLE, tmp_path / "peskov-nato.txt")
    return tmp_path


def test_the_bundle_holds_what_it_runs() -> None:
    """Its own Python and libraries: nothing in it is a link to the venv or the system."""
    folder = BUNDLE.parent
    assert list((folder / "_internal").glob("libpython3*.so*")), "no Python in the bundle"
    outside = [
        p for p in folder.rglob("*") if p.is_symlink() and not p.resolve().is_relative_to(folder)
    ]
    assert not outside, f"links out of the bundle: {outside[:5]}"


def test_version_names_the_program_and_the_pipeline(elsewhere: Path) -> None:
    line = succeeded(bundle(elsewhere, "--version")).strip()
    assert line == About.find().version_line()
    assert "en_core_web_sm" in line


def test_extract_finds_the_samples_pairs_as_the_golden_file_says(elsewhere: Path) -> None:
    output = succeeded(bundle(elsewhere, "extract", "peskov-nato.txt", "--json"))
    [document] = [json.loads(line) for line in output.splitlines()]
    statements = {s["id"]: s for s in document["statements"]}
    speakers = {s["id"]: s["name"] for s in document["speakers"]}

    def said(statement_id: str) -> tuple[str, str]:
        statement = statements[statement_id]
        return speakers[statement["speaker"]], statement["text"]

    found = [(*said(p["claim"]), *said(p["rebuttal"])) for p in document["pairs"]]
    for claimant, claim, rebutter, rebuttal in DESIGN_PAIRS:
        assert any(
            c == claimant and claim in ct and r == rebutter and rebuttal in rt
            for c, ct, r, rt in found
        ), f"{claimant} ⟷ {rebutter} “{rebuttal}” is missing: {found}"
    assert document == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_the_window_shows_and_its_pipeline_process_analyses_the_sample(
    elsewhere: Path, platform: str
) -> None:
    """First start on a new library: the window shows (offscreen, and on an X server), the
    sample goes in and is analysed in the pipeline's own process (started with "spawn":
    the bundle runs itself again), and the pair table shows the three pairs."""
    if platform == "xcb" and shutil.which("xvfb-run") is None:
        pytest.skip("the window on an X server needs xvfb-run: apt install xvfb")
    library = elsewhere / "library.sqlite"
    done = bundle(elsewhere, "gui", "--check", "--library", str(library), platform=platform)
    lines = succeeded(done).splitlines()
    assert lines[0] == "The window is shown; opening the library…"
    assert lines[1] == "library.sqlite – counterclaim: Ready: 1 article analysed"
    assert lines[2].startswith("Pairs shown for “Russia's Dmitriy Peskov slams NATO")
    assert lines[2].endswith(": 3")
    for claimant, claim, rebutter, rebuttal in DESIGN_PAIRS:
        assert any(
            line.startswith(f"{claimant} “")
            and claim in line.partition("⟷")[0]
            and line.partition("⟷")[2].startswith(f" {rebutter} “")
            and rebuttal in line.partition("⟷")[2]
            for line in lines[3:]
        ), f"{claimant} ⟷ {rebutter} “{rebuttal}” is not shown:\n{done.stdout}"
    assert library.exists()


def test_import_reads_every_kind_of_file_and_analyses_in_processes(elsewhere: Path) -> None:
    """`import --processes 2` analyses in two pipeline processes of the bundle's own; a
    saved web page and a Word file are read as the installed program reads them."""
    page = elsewhere / "rail.html"
    paragraphs = (FIXTURES / "one-side.txt").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    page.write_text(
        f"<html><head><title>{paragraphs[0]}</title></head><body><article><h1>{paragraphs[0]}"
        f"</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    word = docx.Document()
    for paragraph in (FIXTURES / "no-contradiction.txt").read_text(encoding="utf-8").split("\n\n"):
        word.add_paragraph(paragraph)
    word.save(str(elsewhere / "harbour.docx"))
    library = str(elsewhere / "library.sqlite")
    files = ["peskov-nato.txt", "rail.html", "harbour.docx"]
    output = succeeded(
        bundle(elsewhere, "import", *files, "--processes", "2", "--json", "--library", library)
    )
    told = {line["path"]: line for line in map(json.loads, output.splitlines())}
    assert {path: told[path]["ok"] for path in files} == dict.fromkeys(files, True)
    assert told["rail.html"]["title"] == "Ministers defend the new rail timetable"
    assert told["harbour.docx"]["title"] == "Harbour festival draws record crowds"

    report = json.loads(
        succeeded(bundle(elsewhere, "export", "--format", "json", "-o", "-", "--library", library))
    )
    pairs = {a["title"]: len(a["pairs"]) for a in report["articles"]}
    assert pairs[told["peskov-nato.txt"]["title"]] == 3


@pytest.mark.parametrize(("fmt", "start"), [("html", b"<!DOCTYPE html>"), ("pdf", b"%PDF-")])
def test_the_report_is_written(elsewhere: Path, fmt: str, start: bytes) -> None:
    library = str(elsewhere / "library.sqlite")
    succeeded(bundle(elsewhere, "import", "peskov-nato.txt", "--library", library))
    succeeded(
        bundle(elsewhere, "export", "--format", fmt, "-o", f"report.{fmt}", "--library", library)
    )
    written = (elsewhere / f"report.{fmt}").read_bytes()
    assert written.startswith(start)
    if fmt == "html":
        assert "poses no threat to Russia" in written.decode("utf-8")
