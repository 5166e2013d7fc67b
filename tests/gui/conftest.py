"""A workbench on a fresh library with the sample analysed, for tests that review it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench
from counterclaim.services.analysis import QuietProgress
from counterclaim.services.review import details_edits
from counterclaim.store import Library
from tests.conftest import EVAL
from tests.windows import sharing, shown_workbench

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def reviewing(
    qtbot: QtBot, library_path: Path, extractor: Extractor, settings: QSettings
) -> Iterator[Workbench]:
    """The window on the analysed sample, the first pair selected, focus in the pairs."""
    workbench = shown_workbench(qtbot, sharing(library_path, extractor), settings, (1500, 900))
    qtbot.waitUntil(lambda: not workbench.review.counts_pending)  # the list's counts
    with qtbot.waitSignal(workbench.events.analysis_changed, timeout=60_000):
        workbench.analysis.start()
    qtbot.waitUntil(lambda: not workbench.window.progress.isVisible(), timeout=60_000)
    workbench.window.pair_table.setFocus()
    yield workbench
    workbench.close()


RUMOURS = (
    "Weekend rumours\n\n"
    "Radio host Dan Olsen said Tiger Woods was suspended by the PGA Tour for a failed drug "
    "test.\n\n"
    "The National Report website said Purdon was quarantined over Ebola after a family of five "
    "tested positive for the virus.\n\n"
    "The Navarro County health district said on Wednesday that Purdon was never quarantined "
    "over Ebola.\n"
)
"""A plain text whose claims the two real articles answer: with them in the library its
rebuttals come from two other articles."""


@dataclass
class RealLibrary:
    bench: Workbench
    ids: dict[str, int]  # "fnc-train-410", "fnc-train-147", "rumours" -> article id


@pytest.fixture
def real_library(
    qtbot: QtBot, tmp_path: Path, library_path: Path, extractor: Extractor, settings: QSettings
) -> Iterator[RealLibrary]:
    """The window at 1280x800 on a library of two newspairs-dev articles (fnc-train-410, on
    a hoax about Ebola in Purdon, and fnc-train-147, on Tiger Woods) and a plain text,
    imported as files and analysed; the plain text's outlet and date entered as a reviewer
    enters them (the Purdon article's date is read from its dateline)."""
    gold = EVAL / "newspairs-dev.jsonl"
    if not gold.exists():
        pytest.skip("needs ../shared/eval")
    files = []
    with gold.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in ("fnc-train-410", "fnc-train-147"):
                path = tmp_path / f"{record['id']}.txt"
                path.write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
                files.append(path)
    (tmp_path / "rumours.txt").write_text(RUMOURS, encoding="utf-8")
    files.append(tmp_path / "rumours.txt")
    service = sharing(library_path, extractor)
    added = service.import_paths(QuietProgress(), files).added
    service.analyse(QuietProgress(), added)
    ids = dict(zip([f.stem for f in files], added, strict=True))
    with Library.open(library_path) as library:
        for key, outlet, published in (
            ("fnc-train-410", None, "2014-10-14"),
            ("rumours", "Desk notes", "2014-10-15"),
        ):
            before = library.article(ids[key]).meta
            after = replace(before, outlet=outlet, published=published)
            edits = details_edits(ids[key], before, after)
            if edits:  # the Purdon article's dateline gives it its date when imported
                library.apply("Edit details", edits, "tester")
    workbench = shown_workbench(qtbot, service, settings)
    qtbot.waitExposed(workbench.window)
    qtbot.waitUntil(lambda: not workbench.review.counts_pending)  # the list's counts
    yield RealLibrary(workbench, ids)
    workbench.close()
