"""A large article built through the store API, for tests and benchmarks of long sessions."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from counterclaim.domain import (
    Analysis,
    ArticleMeta,
    Pair,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.store import Library

if TYPE_CHECKING:  # Qt is imported only by the tests that open a window
    from pytestqt.qtbot import QtBot

    from counterclaim.gui.app import Workbench

SPEAKERS = (
    Speaker("p1", "Dmitriy Peskov", SpeakerKind.PERSON, ("Peskov",), "Kremlin", "Russia"),
    Speaker("p2", "Jens Stoltenberg", SpeakerKind.PERSON, ("Stoltenberg",), "NATO", "NATO"),
)


def store_large_article(path: Path, statements: int = 160) -> tuple[int, int]:
    """Store one analysed article of `statements` quotes, the two sides taking turns, each
    odd quote paired as the rebuttal of the one before it. Returns (article id, pairs)."""
    parts: list[str] = []
    found: list[Statement] = []
    at = 0
    for n in range(statements):
        speaker = SPEAKERS[n % 2]
        lead = f'{speaker.name} said: "'
        words = f"the bridge at kilometre {n} was {'closed' if n % 2 == 0 else 'never closed'}"
        start = at + len(lead)
        sentence = f'{lead}{words}." '
        found.append(
            Statement(
                id=f"s{n}",
                speaker_id=speaker.id,
                speaker_text=speaker.name,
                cue="said",
                kind=StatementKind.DIRECT,
                content=Span(start, start + len(words)),
                text=words,
                cue_span=Span(at + len(speaker.name) + 1, at + len(speaker.name) + 5),
                speaker_span=Span(at, at + len(speaker.name)),
            )
        )
        parts.append(sentence)
        at += len(sentence)
    text = "".join(parts)
    pairs = tuple(
        Pair(f"s{n}", f"s{n + 1}", round(0.9 - n / (4 * statements), 3), ("says the opposite",))
        for n in range(0, statements - 1, 2)
    )
    analysis = Analysis(SPEAKERS, tuple(found), pairs)
    with Library.open(path) as library:
        digest = hashlib.sha256(text.encode()).hexdigest()
        article_id, _new = library.add_article(ArticleMeta("A long exchange"), text, digest)
        library.save_analysis(article_id, analysis)
    return article_id, len(pairs)


def open_workbench(qtbot: QtBot, library_path: Path, settings_path: Path) -> Workbench:
    """The window on a library whose articles are already analysed (no pipeline), shown,
    active, and with focus in the pairs, as a reviewer sits down to it."""
    from PySide6.QtCore import QSettings

    from counterclaim.gui.app import application, build
    from counterclaim.services.analysis import AnalysisService

    application()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    workbench = build(library_path, AnalysisService(library_path), settings)
    qtbot.addWidget(workbench.window)
    workbench.window.resize(1500, 900)
    workbench.window.show()
    workbench.review.refresh()
    qtbot.waitUntil(workbench.window.isActiveWindow)  # or the keys reach no shortcut
    workbench.window.pair_table.setFocus()
    return workbench
