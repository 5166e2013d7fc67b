"""The first second of the window: its frame is on screen at once, where the reviewer left
it, saying which library is opening; the workbench (the library, the store, the views and
their controllers, `counterclaim.gui.app`) is imported and built behind it and takes its
place. Only Qt is imported here, so that the frame shows as soon as a bare window would.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from counterclaim.paths import APP_ID, APP_NAME, LIBRARY_FILE, ORGANISATION, app_icon
from counterclaim.text import visible

if TYPE_CHECKING:
    from counterclaim.gui.app import Launcher


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("counterclaim")
    app.setDesktopFileName(APP_ID)  # the menu entry's icon and name on Wayland
    app.setWindowIcon(QIcon(str(app_icon())))
    return app


Where = Path | str
"""A library file, or the address of a library on a PostgreSQL server (`postgresql://`)."""


def shown(where: Where) -> str:
    """A library's name as the window shows it: a file's name, or the server address
    without its password (read here without the store, which the frame must not wait for)."""
    if isinstance(where, Path):
        return visible(where.name)
    parts = urlsplit(where)
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return visible(f"{parts.scheme}://{user}{host}{port}{parts.path}")


def whole(where: Where) -> str:
    """Where a library is, in full: a file's path, or the server address without its
    password."""
    return visible(str(where)) if isinstance(where, Path) else shown(where)


def default_library() -> Path:
    """The library in the user's data folder (QStandardPaths.AppDataLocation)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / LIBRARY_FILE


class Frame(QMainWindow):
    """The window as it first shows: the reviewer's size and place, the library's name,
    and "Opening…" where the articles will be. `painted` is sent once it is on screen."""

    painted = Signal()

    def __init__(self, library_path: Where) -> None:
        super().__init__()
        self._shown = False
        name = shown(library_path)
        self.setObjectName("startFrame")
        self.setWindowTitle(f"{name} – counterclaim")
        label = QLabel(self.tr("Opening the library “{0}”…").format(name), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(self.tr("Opening the library"))
        label.installEventFilter(self)
        self.setCentralWidget(label)
        self.resize(1500, 900)
        geometry = QSettings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.painted.emit)  # after this paint reaches the screen
        return super().eventFilter(watched, event)


def show_frame(library_path: Where) -> Frame:
    frame = Frame(library_path)
    frame.show()
    return frame


def open_behind(frame: Frame, library_path: Where, files: Sequence[Path] = ()) -> Launcher | None:
    """Import and build the workbench, show it in the frame's place and close the frame,
    then import the files given; None when no library could be opened (the reviewer was
    told why)."""
    checked = None
    if isinstance(library_path, Path):  # its pages are read for damage meanwhile
        from counterclaim.store.access import PageCheck

        checked = PageCheck(library_path)
    from counterclaim.gui.app import Launcher
    from counterclaim.gui.crash import install

    launcher = Launcher()
    install(lambda: launcher.where() or whole(library_path))
    opened = launcher.open(library_path, instead_of=frame, checked=checked)
    frame.close()
    frame.deleteLater()
    if not opened:
        return None
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(launcher.close)
    launcher.import_files(files)
    return launcher


def run(library_path: Where | None = None, files: Sequence[Path] = (), check: bool = False) -> int:
    """Show the frame at once; the library opens and the pipeline loads behind it. With
    `check`, say what the window shows once the library is ready, then quit."""
    from counterclaim.gui.checking import quit_when_ready, tell_shown
    from counterclaim.gui.settings.theme import apply_scheme

    app = application()
    apply_scheme(app)
    path = library_path or default_library()
    frame = show_frame(path)
    kept: list[Launcher] = []

    def open_library() -> None:
        launcher = open_behind(frame, path, files)
        if launcher is None:
            app.exit(1)
            return
        kept.append(launcher)
        if check:
            quit_when_ready(launcher)

    if check:
        frame.painted.connect(tell_shown)
    frame.painted.connect(open_library)
    return app.exec()
