"""Help > About says what a fact-checker reporting a problem ran."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from counterclaim.gui.about import AboutDialog
from counterclaim.gui.app import Workbench, application, build
from counterclaim.nlp.models import available_model
from counterclaim.services.analysis import AnalysisService
from counterclaim.store import LibraryLocation
from counterclaim.store.migrate import head_revision


@pytest.fixture
def bench(qtbot: QtBot, library_path: Path) -> Iterator[Workbench]:
    application()
    workbench = build(library_path, AnalysisService(library_path))
    qtbot.addWidget(workbench.window)
    workbench.window.show()
    yield workbench
    workbench.close()


def about_text(dialog: QWidget) -> str:
    label = dialog.findChild(QLabel, "aboutText")
    assert isinstance(label, QLabel)
    return label.text()


def test_help_about_shows_version_licence_pipeline_library_and_schema(
    qtbot: QtBot, bench: Workbench, library_path: Path
) -> None:
    help_menu = [a.text() for a in bench.window.menuBar().actions()]
    assert help_menu[-1] == "&Help"
    bench.window.about_action.trigger()
    dialog = bench.window.findChild(QDialog, "aboutDialog")
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(dialog.isVisible)
    text = about_text(dialog)
    model = available_model()
    revision = head_revision()
    assert revision is not None
    assert f"counterclaim {version('counterclaim')}" in text
    assert "Licence: MIT" in text
    assert f"spaCy pipeline: {model} {version(model)}" in text
    assert f"Library: {library_path}" in text
    assert f"Schema revision: {revision}" in text
    dialog.close()


def test_about_a_team_library_never_shows_its_password(qtbot: QtBot) -> None:
    application()
    parent = QWidget()
    qtbot.addWidget(parent)
    location = LibraryLocation.parse("postgresql://anna:s3cret-pw@/desk?host=/tmp")
    dialog = AboutDialog(parent, location)
    text = about_text(dialog)
    assert "Library: postgresql://anna" in text and "s3cret-pw" not in text
