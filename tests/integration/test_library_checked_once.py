"""The window opens the library for every import and analysis: its file is read for damage
the first time, and again only when another file has been put in its place."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counterclaim.gui.start import open_behind, show_frame
from counterclaim.paths import state_folder
from counterclaim.services.analysis import AnalysisService, QuietProgress
from counterclaim.store import Library, access, checked
from counterclaim.store.errors import DamagedLibrary
from tests.library_files import damage, fill


def watch_checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str]]:
    """Each look at a library file from now on: whether its pages were read, and on which
    thread."""
    checks: list[tuple[bool, str]] = []
    read_state = access._read_state

    def watched(at: Path, check: bool = True) -> access.FileState:
        checks.append((check, threading.current_thread().name))
        return read_state(at, check)

    monkeypatch.setattr(access, "_read_state", watched)
    return checks


def reads(seen: list[tuple[bool, str]]) -> list[bool]:
    """Whether each look read the file's pages."""
    return [check for check, _thread in seen]


def forget_checks() -> None:
    """As on a machine where counterclaim never closed the library."""
    (state_folder() / checked.RECORDS).unlink(missing_ok=True)


def test_a_service_reads_its_library_for_damage_once_and_a_replaced_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path)
    forget_checks()
    seen = watch_checks(monkeypatch)
    service = AnalysisService(path)
    for _ in range(3):  # as the window's imports and analyses do
        service.analyse_pending(QuietProgress())
    assert len(reads(seen)) >= 3 and reads(seen)[0] is True
    assert not any(reads(seen)[1:])  # opened again and again, read for damage once

    copy = tmp_path / "damaged copy.sqlite"
    shutil.copyfile(path, copy)
    damage(copy)
    copy.replace(path)  # another file in its place, as a restore from a bad disk would
    with pytest.raises(DamagedLibrary):
        service.analyse_pending(QuietProgress())
    assert reads(seen)[-1] is True


def test_statements_saved_without_features_are_parsed_for_pairing(tmp_path: Path) -> None:
    """A statement analysed before features were kept has none: pairing parses it,
    rather than reading a JSON null as its features."""
    path = tmp_path / "old.sqlite"
    fill(path, articles=3)
    with Library.open(path) as library:
        article = library.article_list()[0]
        analysis = library.analysis(article.id)
        assert analysis is not None
        ids = [s.id for s in analysis.statements]
        assert library.statement_features(ids) == {}
    service = AnalysisService(path)
    assert service.pair_across_library(QuietProgress()) >= 0
    with Library.open(path) as library:
        assert set(library.statement_features(ids)) == set(ids)  # parsed once, and kept


def test_the_windows_check_beside_its_imports_passes_a_sound_file_only_while_unchanged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path)
    assert access.PageCheck(path).passed()
    assert not access.PageCheck(tmp_path / "none.sqlite").passed()
    earlier = access.PageCheck(path)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    copy.replace(path)  # another file in its place after the check: checked again
    assert not earlier.passed()
    damage(path)
    assert not access.PageCheck(path).passed()  # the opening then says what is wrong
    with pytest.raises(DamagedLibrary):
        Library.open(path, check=not access.PageCheck(path).passed())


def test_the_window_reads_its_library_for_damage_once_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path, articles=3)
    forget_checks()  # or it is opened as it was left, without reading it at all
    checks = watch_checks(monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    frame = show_frame(path)
    launcher = open_behind(frame, path)
    assert launcher is not None and launcher.bench is not None
    try:
        launcher.bench.runner.wait()  # the start-up task opens the library too
        assert launcher.bench.window.library_list.model().rowCount() == 3
    finally:
        launcher.close()
    assert [name for check, name in checks if check] == ["library-check"]

    checks.clear()  # the next start, on the library as the window left it
    again = open_behind(show_frame(path), path)
    assert again is not None and again.bench is not None
    again.bench.runner.wait()
    again.close()
    assert [check for check, _name in checks if check] == []


def test_a_library_left_as_it_was_closed_is_opened_without_reading_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path, articles=3)
    forget_checks()
    seen = watch_checks(monkeypatch)
    with Library.open(path) as library:  # read for damage: never closed here before
        library.set_pairing_due(True)
    with Library.open(path):  # as it was left: not read again
        pass
    assert reads(seen) == [True, False]

    a_day_on = checked.CHECK_EVERY + time.time()
    assert not checked.unchanged_since_closed(path, now=a_day_on)  # read again each day

    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    copy.replace(path)  # another file in its place: read again
    with Library.open(path):
        pass
    assert reads(seen) == [True, False, True]

    damage(path)  # changed since it was closed: read again, and refused
    with pytest.raises(DamagedLibrary):
        Library.open(path)
    assert reads(seen)[-1] is True


def test_a_record_that_cannot_be_read_only_means_the_library_is_read_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "desk.sqlite"
    fill(path, articles=2)
    (state_folder() / checked.RECORDS).write_text("{not json", encoding="utf-8")
    assert not checked.unchanged_since_closed(path)
    with Library.open(path):
        pass
    assert checked.unchanged_since_closed(path)
