"""`counterclaim FILE...`, as the desktop's menu entry runs it for files opened with
counterclaim: the files go to the window to import, a first word that names a command is
still that command, and a file that is not there is bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim import cli
from counterclaim.errors import BAD_INPUT
from tests.integration.test_cli import cli as run_cli


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, list[Path]]]:
    """What the window was asked to open (the library, the files), instead of opening it."""
    from counterclaim.gui import app

    calls: list[tuple[object, list[Path]]] = []

    def run(library: object, files: list[Path], check: bool = False) -> int:
        calls.append((library, list(files)))
        return 0

    monkeypatch.setattr(app, "run", run)
    return calls


def test_files_open_the_window_and_go_to_it_to_import(
    opened: list[tuple[object, list[Path]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "minister.txt").write_text("The minister said the bridge was safe.\n")
    (tmp_path / "saved").mkdir()
    (tmp_path / "-odd.md").write_text("The mayor said it was not.\n")
    library = tmp_path / "desk.sqlite"
    assert cli.main(["--library", str(library), "minister.txt", "saved"]) == 0
    assert cli.main(["gui", "minister.txt"]) == 0
    assert cli.main(["--", "-odd.md"]) == 0
    assert cli.main([]) == 0
    assert [files for _, files in opened] == [
        [tmp_path / "minister.txt", tmp_path / "saved"],
        [tmp_path / "minister.txt"],
        [tmp_path / "-odd.md"],
        [],
    ]
    assert opened[0][0] == library


def test_a_first_word_that_names_a_command_is_the_command(
    opened: list[tuple[object, list[Path]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library").write_text("a file that happens to be called library\n")
    missing = tmp_path / "none.sqlite"
    assert cli.main(["library", "check", str(missing)]) != 0
    assert "there is no library file at" in capsys.readouterr().err  # `library check` ran
    assert opened == []


def test_a_file_that_is_not_there_says_what_to_do(tmp_path: Path) -> None:
    library = tmp_path / "desk.sqlite"
    (tmp_path / "here.txt").write_text("The minister said the bridge was safe.\n")
    done = run_cli("--library", str(library), str(tmp_path / "here.txt"), "artcle.txt")
    assert done.returncode == BAD_INPUT
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("counterclaim: artcle.txt: no such file or folder; give the path")
    assert "a command (gui, import," in line
    assert not library.exists()
