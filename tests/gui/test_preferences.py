"""Preferences: the verdict scale edited from the keyboard and mouse, recent libraries, and
the light or dark scheme."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from counterclaim.gui.settings.preferences import (
    DEFAULT_RATINGS,
    MAX_RECENT,
    Preferences,
    PreferencesDialog,
)
from counterclaim.gui.settings.theme import (
    ENVIRONMENT,
    apply_scheme,
    force_scheme,
    is_dark,
    readable,
)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot: QtBot, settings: QSettings) -> PreferencesDialog:
    dialog = PreferencesDialog(Preferences(settings))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the scheme, later tests get the style and palette back."""
    style, palette = qapp.style().name(), qapp.palette()
    yield
    force_scheme(qapp, None)
    qapp.setStyle(style)
    qapp.setPalette(palette)


def reread(settings: QSettings) -> Preferences:
    """Preferences as the next run of the application would read them from disk."""
    settings.sync()
    return Preferences(QSettings(settings.fileName(), QSettings.Format.IniFormat))


def click_row(qtbot: QtBot, dialog: PreferencesDialog, row: int) -> None:
    view = dialog.ratings_view
    rect = view.visualRect(dialog.ratings.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into_editor(qtbot: QtBot, dialog: PreferencesDialog, text: str) -> None:
    editors = [e for e in dialog.ratings_view.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: dialog.ratings_view.state() != QAbstractItemView.State.EditingState)


def ok_button(dialog: PreferencesDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_defaults_without_settings(settings: QSettings) -> None:
    preferences = Preferences(settings)
    assert preferences.ratings() == DEFAULT_RATINGS
    assert preferences.colour_bands_by() == "side"
    assert preferences.recent_libraries() == []


def test_edit_the_scale_and_save(
    qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings
) -> None:
    view = dialog.ratings_view
    click_row(qtbot, dialog, 1)  # "Mostly true"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    click_row(qtbot, dialog, 0)  # "True"
    qtbot.keyClick(view, Qt.Key.Key_F2)
    type_into_editor(qtbot, dialog, "Accurate")
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)  # below "Half true"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # after it, being edited
    type_into_editor(qtbot, dialog, "Satire")
    dialog.bands.setCurrentIndex(dialog.bands.findData("verdict"))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = reread(settings)
    assert again.ratings() == (
        "Half true",
        "Accurate",
        "Satire",
        "Mostly false",
        "False",
        "Misleading",
        "Unproven",
    )
    assert again.colour_bands_by() == "verdict"


def test_move_buttons_follow_the_selection(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    assert not dialog.remove_button.isEnabled()
    click_row(qtbot, dialog, 0)
    assert not dialog.up_button.isEnabled() and dialog.down_button.isEnabled()
    click_row(qtbot, dialog, len(DEFAULT_RATINGS) - 1)
    assert dialog.up_button.isEnabled() and not dialog.down_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Move &up
    qtbot.waitUntil(lambda: dialog.chosen_ratings()[-2:] == ["Unproven", "Misleading"])
    assert dialog.up_button.isEnabled() and dialog.down_button.isEnabled()


def test_a_repeated_verdict_is_refused(
    qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(dialog, "warn", warnings.append)
    click_row(qtbot, dialog, 0)
    qtbot.keyClick(dialog.ratings_view, Qt.Key.Key_F2)
    type_into_editor(qtbot, dialog, "  false ")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still open, to fix the scale
    assert warnings == ["“false” and “False” are the same verdict; keep one of them."]
    assert reread(settings).ratings() == DEFAULT_RATINGS


def test_restore_defaults_and_cancel(
    qtbot: QtBot, dialog: PreferencesDialog, settings: QSettings
) -> None:
    Preferences(settings).set_ratings(["Correct", "Wrong"])
    fresh = PreferencesDialog(Preferences(settings))
    qtbot.addWidget(fresh)
    assert fresh.chosen_ratings() == ["Correct", "Wrong"]
    qtbot.mouseClick(fresh.defaults_button, Qt.MouseButton.LeftButton)
    assert fresh.chosen_ratings() == list(DEFAULT_RATINGS)
    fresh.reject()
    assert reread(settings).ratings() == ("Correct", "Wrong")


def test_set_ratings_validates(settings: QSettings) -> None:
    preferences = Preferences(settings)
    preferences.set_ratings([" Correct ", "", "Wrong", "  "])
    assert preferences.ratings() == ("Correct", "Wrong")
    with pytest.raises(ValueError, match="“Wrong” and “WRONG”"):
        preferences.set_ratings(["Correct", "Wrong", "WRONG"])
    with pytest.raises(ValueError):
        preferences.set_ratings(["", " "])
    preferences.set_ratings(["Only"])  # an ini file gives a one-item list back as a string
    assert reread(settings).ratings() == ("Only",)


def test_stored_garbage_gives_the_defaults(settings: QSettings) -> None:
    settings.setValue("review/ratings", 42)
    settings.setValue("view/colour_bands_by", "astrology")
    preferences = reread(settings)
    assert preferences.ratings() == DEFAULT_RATINGS
    assert preferences.colour_bands_by() == "side"
    settings.setValue("review/ratings", ["A", "a"])
    assert Preferences(settings).ratings() == DEFAULT_RATINGS


def test_recent_libraries_most_recent_first_and_capped(tmp_path: Path, settings: QSettings) -> None:
    preferences = Preferences(settings)
    paths = [tmp_path / f"library{n}.sqlite" for n in range(MAX_RECENT + 2)]
    for path in paths:
        path.touch()
        preferences.add_recent_library(str(path))
    preferences.add_recent_library(str(paths[3]))  # opened again: first, not twice
    recent = reread(settings).recent_libraries()
    assert len(recent) == MAX_RECENT
    assert recent[0] == str(paths[3].resolve())
    assert recent[1] == str(paths[-1].resolve())
    assert str(paths[0].resolve()) not in recent
    assert len(set(recent)) == len(recent)
    paths[-1].unlink()
    assert str(paths[-1].resolve()) not in preferences.recent_libraries()


def test_readable_lightens_dark_colours_on_dark() -> None:
    from PySide6.QtGui import QColor

    navy = "#1f3a93"
    lighter = QColor(readable(navy, dark=True))
    assert lighter.lightnessF() >= 0.65 > QColor(navy).lightnessF()
    assert readable(navy, dark=False) == navy  # chosen for a light background already
    assert QColor(readable("#fff59d", dark=False)).lightnessF() < QColor("#fff59d").lightnessF()


def test_environment_asks_for_dark(
    qapp: QApplication, restored_look: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not is_dark(qapp)  # offscreen reports no scheme and a light palette
    monkeypatch.setenv(ENVIRONMENT, "dark")
    apply_scheme(qapp)
    assert qapp.palette().window().color().lightness() < 128
    assert qapp.palette().text().color().lightness() > 200
    assert is_dark(qapp)
    monkeypatch.setenv(ENVIRONMENT, "light")
    apply_scheme(qapp)
    assert qapp.palette().window().color().lightness() >= 128
