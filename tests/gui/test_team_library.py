"""The window on a team library (a PostgreSQL database): opened by its address, shown and
remembered without a password, and two reviewers' windows follow each other's decisions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from counterclaim.domain import LinkStatus
from counterclaim.gui.app import Workbench, application, build
from counterclaim.gui.settings.preferences import Preferences
from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import AnalysisService, QuietProgress

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
