"""Message boxes that show what they are given as it is: plain text (never markup, so a
file named "<img src=...>" is a name, not a picture), each line with its control
characters shown as escapes (`counterclaim.text.visible`), so a name with a line break or
a terminal escape in it cannot split or hide a line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from counterclaim.text import visible

Icon = QMessageBox.Icon


def message_box(parent: QWidget | None, icon: Icon, title: str, *lines: str) -> QMessageBox:
    """A message box with these lines (not yet shown: `open()` it, or `exec()` to wait)."""
    text = "\n".join(visible(line) for line in lines)
    box = QMessageBox(icon, visible(title), text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
