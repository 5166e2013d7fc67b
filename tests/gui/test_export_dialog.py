"""The export dialog: a preview of our report, the scope and format a user picks, a file."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counterclaim.gui.export.controller import ExportController
from counterclaim.gui.export.dialog import ExportDialog
from counterclaim.store import Library
from tests.unit.test_report import FORMULA, RATINGS, Hostile
from tests.unit.test_report import hostile as hostile  # a library with one hostile article


@pytest.fixture
def dialog(qtbot: QtBot, hostile: Hostile) -> Iterator[ExportDialog]:
    library, article_id, _ = hostile
    shown = ExportDialog(library, article_id, set(), RATINGS)
    qtbot.addWidget(shown)
    yield shown


def test_the_preview_shows_the_report_and_loads_nothing(dialog: ExportDialog) -> None:
    text = dialog.preview.toPlainText()
    assert "Claims and rebuttals: # <script>alert(1)</script> *Peskov* slams NATO" in text
    assert FORMULA in text
    assert not dialog.preview.openLinks()
    assert dialog.scope.checkedId() == ExportDialog.ARTICLE
    assert not dialog.scope.button(ExportDialog.SELECTION).isEnabled()


def test_export_as_csv_writes_the_chosen_file(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pairs"
    asked: list[tuple[str, str]] = []

    def ask_path(fmt: str, suggested: str) -> str:
        asked.append((fmt, suggested))
        return str(target)

    monkeypatch.setattr(dialog, "ask_path", ask_path)
    dialog.choose(ExportDialog.LIBRARY, "csv")
    dialog.export_button.click()
    written = tmp_path / "pairs.csv"
    rows = list(csv.DictReader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert asked == [("csv", "counterclaim-report.csv")]
    assert dialog.written == written
    assert {r["rebuttal_text"] for r in rows} >= {"'" + FORMULA}


def test_a_write_error_is_told_and_nothing_is_written(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        dialog, "ask_path", lambda fmt, suggested: str(tmp_path / "missing" / "r.md")
    )
    monkeypatch.setattr(dialog, "tell", told.append)
    dialog.choose(ExportDialog.ARTICLE, "md")
    dialog.export_button.click()
    assert len(told) == 1 and "could not be written" in told[0]
    assert dialog.written is None and not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    ("name", "what"), [("report.md", "a named pipe (FIFO)"), ("reports", "a folder")]
)
def test_a_pipe_or_folder_is_not_written_over_and_the_cli_message_is_told(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, what: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    chosen = folder / name
    if name == "reports":
        chosen.mkdir()
    else:
        os.mkfifo(chosen)
    told: list[str] = []
    monkeypatch.setattr(dialog, "ask_path", lambda fmt, suggested: str(chosen))
    monkeypatch.setattr(dialog, "tell", told.append)
    dialog.choose(ExportDialog.ARTICLE, "md")
    dialog.export_button.click()
    assert told == [f"{chosen} is {what}, not a file: choose a file to write to"]
    assert dialog.written is None and [p.name for p in folder.iterdir()] == [name]
    assert chosen.is_dir() or stat.S_ISFIFO(chosen.stat().st_mode)


def test_the_selected_pairs_scope_reports_only_them(qtbot: QtBot, hostile: Hostile) -> None:
    library, article_id, stored = hostile
    chosen = next(p for p in stored.pairs if p.reasons == ("Arabic",))
    assert chosen.id is not None
    shown = ExportDialog(library, article_id, {chosen.id}, RATINGS)
    qtbot.addWidget(shown)
    assert shown.scope.checkedId() == ExportDialog.ARTICLE  # what is on screen, at first
    shown.show()
    qtbot.waitExposed(shown)
    radio = shown.scope.button(ExportDialog.SELECTION)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert shown.scope.checkedId() == ExportDialog.SELECTION
    assert shown.report is not None and shown.report.totals.pairs == 1


def test_the_action_opens_the_dialog_on_what_the_window_shows(
    qtbot: QtBot, hostile: Hostile
) -> None:
    library: Library = hostile[0]
    window = QWidget()
    qtbot.addWidget(window)
    action = QAction("Export…", window)
    controller = ExportController(
        action, window, library, lambda: hostile[1], lambda: set(), lambda: RATINGS
    )
    action.trigger()
    assert controller.dialog is not None and controller.dialog.isVisible()
    assert controller.dialog.article_id == hostile[1]
    controller.dialog.reject()
