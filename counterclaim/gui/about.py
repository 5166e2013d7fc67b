"""Help > About: what a fact-checker reporting a problem says they ran."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from counterclaim.about import About
from counterclaim.store import LibraryLocation
from counterclaim.store.migrate import head_revision
from counterclaim.text import visible


class AboutDialog(QDialog):
    """The version, licence, spaCy pipeline, library and schema revision, as plain text
    that can be selected and copied into a problem report."""

    def __init__(
        self, parent: QWidget, location: LibraryLocation, preferred_model: str | None = None
    ):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About counterclaim"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        info = About.find(preferred_model)
        self.text = QLabel(self)
        self.text.setObjectName("aboutText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setText(
            "\n".join(
                (
                    f"counterclaim {info.version}",
                    self.tr("A desktop workbench for fact-checkers."),
                    "",
                    self.tr("Licence: {0}").format(info.licence),
                    self.tr("spaCy pipeline: {0}").format(info.model),
                    self.tr("Library: {0}").format(visible(str(location))),  # no password
                    self.tr("Schema revision: {0}").format(head_revision() or "none"),
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
