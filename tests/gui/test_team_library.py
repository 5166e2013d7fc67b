"""The window on a team library (a PostgreSQL database): opened by its address, shown and
remembered without a password, and two reviewers' windows follow each other's decisions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from counterclaim.domain import LinkStatus
from counterclaim.gui.app import Workbench, application, build
from counterclaim.gui.settings.preferences import Preferences
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress
from tests.postgres import admin

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.fixture
def team(postgres_database: str, extractor: Extractor) -> str:
    """A team library with the sample analysed; its address with a password in it."""
    service = AnalysisService(postgres_database)  # type: ignore[arg-type]
    service.use(extractor)
    report = service.import_paths(QuietProgress(), [SAMPLE_ARTICLE])
    service.analyse(QuietProgress(), report.added)
    return make_url(postgres_database).set(password="s3cret-pw").render_as_string(False)


def window_on(qtbot: QtBot, address: str, settings: QSettings, who: str) -> Workbench:
    application()
    bench = build(address, AnalysisService(address), settings)  # type: ignore[arg-type]
    bench.editor.who = who
    assert bench.watch is not None
    bench.watch.who = who
    qtbot.addWidget(bench.window)
    bench.window.show()
    bench.review.refresh()
    return bench


@pytest.fixture
def two(qtbot: QtBot, team: str, tmp_path: Path) -> Iterator[tuple[Workbench, Workbench]]:
    """Ana's and Ben's windows on the team library, each with settings of their own."""
    benches = [
        window_on(
            qtbot, team, QSettings(str(tmp_path / f"{who}.ini"), QSettings.Format.IniFormat), who
        )
        for who in ("ana", "ben")
    ]
    yield benches[0], benches[1]
    for bench in benches:
        bench.close()


def test_a_team_library_is_shown_and_remembered_without_its_password(
    two: tuple[Workbench, Workbench], tmp_path: Path
) -> None:
    ana, _ = two
    title = ana.window.windowTitle()
    assert "s3cret-pw" not in title and title.startswith("postgresql://")
    assert ana.review.pairs.rowCount() == 3  # the sample's pairs, read from the server
    settings = QSettings(str(tmp_path / "ana.ini"), QSettings.Format.IniFormat)
    (recent,) = Preferences(settings).recent_libraries()
    assert recent.startswith("postgresql://") and "s3cret-pw" not in recent
    assert "s3cret-pw" not in (tmp_path / "ana.ini").read_text(encoding="utf-8")


def test_two_reviewers_on_a_team_library_see_each_others_decisions(
    qtbot: QtBot, two: tuple[Workbench, Workbench]
) -> None:
    ana, ben = two
    ana.window.confirm_action.trigger()
    qtbot.waitUntil(lambda: ben.review.pairs.pair(0).status is LinkStatus.CONFIRMED, timeout=10_000)
    assert "ana changed the library" in ben.window.statusBar().currentMessage()


def test_a_server_gone_keeps_the_note_and_saves_it_when_back(
    qtbot: QtBot, team: str, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ana.ini"), QSettings.Format.IniFormat)
    ana = window_on(qtbot, team, settings, "ana")
    database = make_url(team).database
    try:
        note = ana.window.pair_view.note
        with admin(server_of(team)) as connection:  # the server goes away for this library
            connection.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )
        note.setFocus()
        qtbot.keyClicks(note, "NATO denies it")
        qtbot.keyClick(note, Qt.Key.Key_Return)
        (told,) = [b for b in ana.window.findChildren(QMessageBox) if b.isVisible()]
        assert told.text().startswith("cannot reach the library postgresql://")
        assert "s3cret-pw" not in told.text()
        told.close()
        assert note.text() == "NATO denies it"  # kept, still to be saved
        assert ana.watch is not None and not ana.watch.look()  # nothing read over it
        with admin(server_of(team)) as connection:  # back
            connection.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        link = ana.review.pairs.pair(0).id or ""
        # saved by itself once the library can be read again (the window's next look)
        qtbot.waitUntil(lambda: not note.isModified(), timeout=10_000)
        assert ana.library.pair(link).note == "NATO denies it"
        assert note.text() == "NATO denies it"
    finally:
        with admin(server_of(team)) as connection:
            connection.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        ana.close()


def server_of(address: str) -> str:
    """The maintenance database of the server holding `address`."""
    return make_url(address).set(database="postgres").render_as_string(False)
