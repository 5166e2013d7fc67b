"""The wheel works anywhere: built from the sources, installed into a fresh venv, run from a
folder outside the source tree, it extracts the sample's three pairs as the golden file
says. Nothing is downloaded: the wheel is built without build isolation and installed
with --no-index and --no-deps over the project's own dependencies."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "peskov-nato.json"
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)

pytestmark = pytest.mark.packaging


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=240, env=env)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    major = int(version("setuptools").split(".")[0])
    assert major >= 77, "building the wheel needs setuptools 77 or later: run `make setup`"
    sources = tmp_path_factory.mktemp("sources") / "counterclaim"
    shutil.copytree(ROOT, sources, ignore=NOT_SOURCES)  # the build writes beside its sources
    out = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), "."],
        cwd=sources,
    )
    [built] = out.glob("counterclaim-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel, which finds its dependencies in the project's venv
    through a .pth file (a .pth line adds a folder, not the .pth files in it, so the
    project's editable install stays out)."""
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv)
    python = venv / "bin" / "python"
    own = run([str(python), "-c", "import site; print(site.getsitepackages()[0])"], cwd=venv)
    (Path(own.strip()) / "project-dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            str(wheel),
        ],
        cwd=venv,
    )
    return venv


def test_the_installed_wheel_extracts_the_sample_from_anywhere(
    installed: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    python = str(installed / "bin" / "python")
    where = "from counterclaim.paths import SAMPLE_ARTICLE; print(SAMPLE_ARTICLE)"
    sample = Path(run([python, "-c", where], cwd=tmp_path, env=env).strip())
    assert sample.is_relative_to(installed), f"the sample is read from {sample}"
    output = run(
        [str(installed / "bin" / "counterclaim"), "extract", str(sample), "--json"],
        cwd=tmp_path,
        env=env,
    )
    [document] = [json.loads(line) for line in output.splitlines()]
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden["pairs"]) == 3
    assert document["pairs"] == golden["pairs"]
    assert document["statements"] == golden["statements"]


def test_the_installed_wheel_carries_the_window_icon(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    where = "from counterclaim.paths import app_icon; print(app_icon())"
    python = str(installed / "bin" / "python")
    icon = Path(run([python, "-c", where], cwd=tmp_path, env=env).strip())
    assert icon.is_relative_to(installed), f"the icon is read from {icon}"
    assert icon.read_bytes() == (ROOT / "packaging" / icon.name).read_bytes()
