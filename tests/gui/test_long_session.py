"""A reviewing session lasts hours: the Qt binding must not wear anything out on the way.

PySide6-Essentials 6.12.0 on Python 3.11 took one reference from None on every Qt call that
returns nothing, and the window died with "none_dealloc" after a few dozen pair selections
(pyproject.toml pins a binding without the leak)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from counterclaim.gui.app import Workbench, application
from tests.large import open_workbench, store_large_article

CALLS = 1000


def none_references_lost(call: Callable[[], object]) -> int:
    """How many references None has lost across CALLS calls of `call`."""
    call()  # anything made once on a first call is made before counting
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def test_qt_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    application()
    label, widget = QLabel(), QWidget()
    qtbot.addWidget(label)
    qtbot.addWidget(widget)
    path = QPainterPath()
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        lost = {
            "QLabel.setText": none_references_lost(lambda: label.setText("x")),
            "QWidget.update": none_references_lost(widget.update),
            "QPainterPath.cubicTo": none_references_lost(lambda: path.cubicTo(1, 2, 3, 4, 5, 6)),
            "QPainter.drawPath": none_references_lost(lambda: painter.drawPath(path)),
        }
    finally:
        painter.end()
    # a leaking binding loses one reference a call: 1000 here for each method
    assert {name: n for name, n in lost.items() if n >= CALLS // 10} == {}


@pytest.fixture
def long_article(qtbot: QtBot, library_path: Path, tmp_path: Path) -> Iterator[Workbench]:
    """The window on one article of 160 statements and 80 pairs, nothing else to analyse."""
    _article, pairs = store_large_article(library_path, statements=160)
    workbench = open_workbench(qtbot, library_path, tmp_path / "settings.ini")
    assert workbench.review.pairs.rowCount() == pairs
    yield workbench
    workbench.close()


def test_walking_300_pairs_with_j_and_k_keeps_the_window_alive(
    qtbot: QtBot, long_article: Workbench
) -> None:
    bench = long_article
    window, pairs = bench.window, bench.review.pairs
    last = pairs.rowCount() - 1
    row, step = 0, 1
    for _ in range(300):  # down to the last pair with J, back up with K, and down again
        if not 0 <= row + step <= last:
            step = -step
        qtbot.keyClick(window.pair_table, Qt.Key.Key_J if step > 0 else Qt.Key.Key_K)
        row += step
        assert bench.triage.current_row() == row
    assert window.isVisible()
    claim, rebuttal = pairs.statements(row)
    assert window.pair_view.claim.text.text() == claim.text  # the cards follow the walk
    assert window.pair_view.rebuttal.text.text() == rebuttal.text
    assert {band.row for band in window.bands.geometry_of_bands() if band.selected} == {row}
