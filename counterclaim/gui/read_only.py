"""A library the reviewer may only read (a file or folder without write permission, or a
shared library whose role may only read): every action that would change it is turned
off, and each says why."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from counterclaim.gui.main_window import MainWindow

REASON = (
    "This library is read-only: you can read it, search it and export reports, but not "
    "change it. To review, ask for write access, or open a copy you can write "
    "(File > Open Library)."
)


def lock(window: MainWindow, reason: str = REASON) -> None:
    """Turn off what would change the library, saying why on each, and show a lasting
    "Read-only" sign in the status bar."""
    actions = (
        window.import_action,
        window.import_folder_action,
        window.paste_action,
        window.details_action,
        window.analyse_action,
        window.retry_action,
        window.confirm_action,
        window.reject_action,
        window.mark_claim_action,
        window.mark_rebuttal_action,
        window.link_action,
        window.remove_link_action,
    )
    for action in actions:
        action.setEnabled(False)
        action.setToolTip(reason)
        action.setStatusTip(reason)
    view = window.pair_view
    for widget in (view.relation, view.verdict, view.note):
        widget.setEnabled(False)
        widget.setToolTip(reason)
    window.speaker_panel.lock(reason)
    sign = QLabel(window.tr("Read-only"), window)
    sign.setObjectName("readOnly")
    sign.setToolTip(reason)
    sign.setAccessibleName(reason)
    window.statusBar().addPermanentWidget(sign)
