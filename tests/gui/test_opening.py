"""Opening a library that will not open as it is: a damaged one is left as it was while
the reviewer recovers what can be read or opens another; an empty file becomes a library
only when the reviewer says so; a read-only one opens read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import counterclaim.gui.app as app_module
from counterclaim.gui import opening
from counterclaim.gui.app import Launcher
from counterclaim.store import DamagedLibrary
from tests.gui.test_workbench_settings import launcher as launcher  # the fixture, reused
from tests.gui.test_workbench_settings import settled
from tests.library_files import damage, fill, listing


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "work.sqlite"
    fill(path)
    damage(path)
    return path


def answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    """Answer the damaged-library question with `choice`; returns what the window told."""
    told: list[str] = []
    monkeypatch.setattr(opening, "choose_for_damaged", lambda parent, error: choice)
    monkeypatch.setattr(opening, "tell", lambda parent, message: told.append(message))
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: told.append(text)
    )
    return told


def test_a_damaged_library_is_recovered_into_a_new_one_which_opens(
    qtbot: QtBot, launcher: Launcher, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = answer(monkeypatch, opening.RECOVER)
    asked: list[Path] = []

    def ask_recovery_path(parent: object, suggested: Path) -> str:
        asked.append(suggested)
        return str(suggested)

    monkeypatch.setattr(opening, "ask_recovery_path", ask_recovery_path)
    before = damaged.read_bytes()

    assert launcher.open(damaged)

    bench = settled(qtbot, launcher)
    recovered = damaged.with_name("work-recovered.sqlite")
    assert asked == [recovered]
    assert bench.library.path == recovered
    assert bench.window.windowTitle().startswith("work-recovered.sqlite")
    count = len(bench.library.articles())
    assert 30 < count < 40
    (message,) = told
    assert message == (
        f"Recovered {count} articles, {2 * count} statements and {count} links into "
        "work-recovered.sqlite. Some rows could not be read (articles). "
        f"{5 * (40 - count)} rows that belonged to what could not be read were left out. "
        "work.sqlite was left as it was."
    )
    assert damaged.read_bytes() == before


def test_another_library_can_be_opened_instead_of_a_damaged_one(
    qtbot: QtBot,
    launcher: Launcher,
    damaged: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer(monkeypatch, opening.OPEN_ANOTHER)
    other = tmp_path / "other.sqlite"
    fill(other, 2)
    monkeypatch.setattr(opening, "ask_library", lambda parent, folder: str(other))

    assert launcher.open(damaged)

    assert settled(qtbot, launcher).library.path == other


def test_the_open_library_stays_when_the_reviewer_cancels(
    qtbot: QtBot, launcher: Launcher, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = answer(monkeypatch, opening.CANCEL)
    first = damaged.with_name("first.sqlite")
    fill(first, 2)
    assert launcher.open(first)
    bench = settled(qtbot, launcher)
    questions: list[DamagedLibrary] = []

    def cancel(parent: object, error: DamagedLibrary) -> str:
        questions.append(error)
        return opening.CANCEL

    monkeypatch.setattr(opening, "choose_for_damaged", cancel)

    assert not launcher.open(damaged)

    assert launcher.bench is bench and bench.window.isVisible()
    assert [q.path for q in questions] == [damaged] and told == []
    assert [n for n in listing(damaged.parent) if n.startswith("work")] == ["work.sqlite"]


def test_an_empty_file_becomes_a_library_only_when_the_reviewer_says_so(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "new.sqlite"
    empty.touch()
    answers = [False, True]
    asked: list[Path] = []

    def confirm(parent: object, path: Path) -> bool:
        asked.append(path)
        return answers.pop(0)

    monkeypatch.setattr(opening, "confirm_new_library", confirm)

    assert not launcher.open(empty)
    assert empty.stat().st_size == 0 and launcher.bench is None

    assert launcher.open(empty)
    assert asked == [empty, empty]
    assert settled(qtbot, launcher).library.path == empty
    assert empty.stat().st_size > 0


def test_a_read_only_library_opens_read_only(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path
) -> None:
    path = tmp_path / "archive.sqlite"
    fill(path, 2)
    path.chmod(0o444)
    try:
        assert launcher.open(path)
        bench = settled(qtbot, launcher)
        assert bench.window.windowTitle().startswith("archive.sqlite (read-only)")
        assert len(bench.library.articles()) == 2
        assert listing(tmp_path) == ["archive.sqlite"]
    finally:
        path.chmod(0o644)
