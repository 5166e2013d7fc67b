"""When a library will not open as it is. An empty file becomes a library only if the
reviewer says so. A damaged one is left as it was: the reviewer opens another library, or
recovers what can still be read into a new one (`counterclaim.store.recovery`). Anything
else is a message saying why.

The questions are module functions, so tests answer them.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from counterclaim.store import (
    DamagedLibrary,
    EmptyLibraryFile,
    Library,
    LibraryError,
    Recovery,
    recover,
    recovered_path,
)
from counterclaim.text import visible

RECOVER, OPEN_ANOTHER, CANCEL = "recover", "open another", "cancel"
LIBRARIES = "counterclaim libraries (*.sqlite *.counterclaim)"


def tr(text: str) -> str:
    return QCoreApplication.translate("opening", text)


def library_instead(parent: QWidget | None, error: LibraryError) -> Path | None:
    """The library to open instead of the one `error` refused, or None; raises
    `LibraryError` if making or recovering it failed."""
    if isinstance(error, EmptyLibraryFile):
        if not confirm_new_library(parent, error.path):
            return None
        Library.open(error.path).close()
        return error.path
    if isinstance(error, DamagedLibrary):
        choice = choose_for_damaged(parent, error)
        if choice == RECOVER:
            return _recover(parent, error.path)
        if choice == OPEN_ANOTHER:
            chosen = ask_library(parent, error.path.parent)
            return Path(chosen) if chosen else None
        return None
    QMessageBox.critical(parent, "counterclaim", visible(str(error)))
    return None


def _recover(parent: QWidget | None, damaged: Path) -> Path | None:
    chosen = ask_recovery_path(parent, recovered_path(damaged))
    if not chosen:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        recovery = recover(damaged, Path(chosen))
    finally:
        QApplication.restoreOverrideCursor()
    tell(parent, summary(recovery, damaged))
    return recovery.target


def summary(recovery: Recovery, damaged: Path) -> str:
    text = tr(
        "Recovered {articles} articles, {statements} statements and {links} links into {target}."
    ).format(
        articles=recovery.rows("articles"),
        statements=recovery.rows("statements"),
        links=recovery.rows("links"),
        target=visible(recovery.target.name),
    )
    if recovery.damaged_tables:
        text += " " + tr("Some rows could not be read ({tables}).").format(
            tables=", ".join(recovery.damaged_tables)
        )
    if recovery.dropped:
        text += " " + tr(
            "{count} rows that belonged to what could not be read were left out."
        ).format(count=recovery.dropped)
    return text + " " + tr("{name} was left as it was.").format(name=visible(damaged.name))


def confirm_new_library(parent: QWidget | None, path: Path) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "counterclaim", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        tr("{name} is an empty file (0 bytes), not a library.").format(name=visible(path.name))
    )
    box.setInformativeText(tr("Start a new library in it?"))
    start = box.addButton(tr("Start a New Library"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is start


def choose_for_damaged(parent: QWidget | None, error: DamagedLibrary) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, "counterclaim", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        tr("{name} is damaged ({detail}). Nothing in it was changed.").format(
            name=visible(error.path.name), detail=visible(error.detail)
        )
    )
    box.setInformativeText(
        tr(
            "Recover what can still be read into a new library (the damaged file stays as "
            "it is), or open another library."
        )
    )
    recover_button = box.addButton(
        tr("Recover into a New Library…"), QMessageBox.ButtonRole.AcceptRole
    )
    other_button = box.addButton(tr("Open Another Library…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover_button:
        return RECOVER
    return OPEN_ANOTHER if clicked is other_button else CANCEL


def ask_recovery_path(parent: QWidget | None, suggested: Path) -> str:
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Save the recovered library as"), str(suggested), tr(LIBRARIES)
    )
    return path


def ask_library(parent: QWidget | None, folder: Path) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open a library"), str(folder), tr(LIBRARIES))
    return path


def tell(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, "counterclaim", message)


def ask_password(parent: QWidget | None, error: LibraryError, library: str) -> bool:
    """Ask for the server's password; it is given to the server's client library for this
    session (PGPASSWORD in this process), never kept in the settings or written down."""
    password, given = QInputDialog.getText(
        parent,
        "Password for the team library",
        f"{visible(str(error))[:1].upper()}{visible(str(error))[1:]}.\n\n"
        f"Password for {library} (kept for this session only):",
        QLineEdit.EchoMode.Password,
    )
    if not given or not password:
        return False
    os.environ["PGPASSWORD"] = password
    return True
