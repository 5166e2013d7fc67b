"""A library that can't be used, met through the command line: one line saying what to
do, and the file left as it was. Read-only libraries are tried with a user's real
permissions (when the tests run as root, without root's power to write anything)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.integration.test_cli import cli
from tests.library_files import damage, fill, listing


def damaged_message(path: Path) -> str:
    return (
        f"counterclaim: the library '{path}' is damaged (SQLite's check found damaged pages); "
        f"nothing in it was changed. Open it in the window (counterclaim --library '{path}') "
        "to recover what can be read into a new library, or go back to a copy you kept"
    )


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "work.sqlite"
    fill(path)
    damage(path)
    return path


def test_import_into_a_damaged_library_stores_nothing_and_says_what_to_do(
    damaged: Path, tmp_path: Path
) -> None:
    article = tmp_path / "new.txt"
    article.write_text("NATO said the bridge is safe.\n", encoding="utf-8")
    before = damaged.read_bytes()

    result = cli("import", str(article), "--library", str(damaged), "--no-analyse")

    assert result.returncode == 1
    assert result.stdout == ""  # no "imported ... as article 41"
    assert result.stderr.splitlines() == [damaged_message(damaged)]
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("command", [("export", "--format", "md", "-o", "-"), ("rebuttals", "1")])
def test_reading_a_damaged_library_is_one_line_not_a_traceback(
    damaged: Path, command: tuple[str, ...]
) -> None:
    before = damaged.read_bytes()

    result = cli(*command, "--library", str(damaged))

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [damaged_message(damaged)]
    assert damaged.read_bytes() == before


@pytest.mark.parametrize(
    "command", [("export", "--format", "md", "-o", "report.md"), ("rebuttals", "1")]
)
def test_an_empty_file_is_not_made_a_library_by_what_only_reads(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    empty = tmp_path / "library.sqlite"
    empty.touch()

    result = subprocess.run(
        [sys.executable, "-m", "counterclaim.cli", *command, "--library", str(empty)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"counterclaim: '{empty}' is an empty file (0 bytes), not a library: choose another "
        "file with --library, or import an article to start a new library in it"
    ]
    assert listing(tmp_path) == ["library.sqlite"] and empty.stat().st_size == 0


# -- read-only, with a user's real permissions


def cli_as_a_user(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line without root's power to write anything: as root, through
    `setpriv` without the capabilities that override file permissions."""
    command = [sys.executable, "-m", "counterclaim.cli", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("run as root, and no setpriv to give up root's powers")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
    )


def test_a_library_in_a_read_only_folder_can_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    library = folder / "library.sqlite"
    fill(library, 3)
    folder.chmod(0o555)
    report = tmp_path / "report.json"

    result = cli_as_a_user(
        "export", "--format", "json", "--library", str(library), "-o", str(report)
    )

    folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert '"title": "Claims and rebuttals in 3 articles"' in report.read_text(encoding="utf-8")
    assert listing(folder) == ["library.sqlite"]


def test_a_read_only_library_leaves_no_log_files_that_lock_it_later(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    fill(library, 3)
    library.chmod(0o444)
    article = tmp_path / "new.txt"
    article.write_text("NATO said the bridge is safe.\n", encoding="utf-8")
    report = tmp_path / "report.md"

    exported = cli_as_a_user(
        "export", "--format", "md", "--library", str(library), "-o", str(report)
    )
    refused = cli_as_a_user("import", str(article), "--library", str(library), "--no-analyse")
    left = listing(tmp_path)
    library.chmod(0o644)
    imported = cli_as_a_user("import", str(article), "--library", str(library), "--no-analyse")

    assert exported.returncode == 0, exported.stderr
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"counterclaim: the library '{library}' is read-only: nothing can be changed in it. "
        "Make the file and its folder writable to change it"
    ]
    assert left == ["library.sqlite", "new.txt", "report.md"]  # no -wal, no -shm
    assert imported.returncode == 0, imported.stderr
    assert "as article 4" in imported.stdout
