"""The window's frame is on screen before anything but Qt is loaded, names the library
that is opening, and the workbench takes its place where it stood."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counterclaim.domain import ArticleEntry
from counterclaim.gui.library.articles import ArticleListModel
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.tables import Index
from counterclaim.store import Library
from tests.child import run_python

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from counterclaim.gui.start import application, open_behind, show_frame

seen = {}
app = application()
path = Path(sys.argv[1])
frame = show_frame(path)
frame.move(40, 60)
frame.resize(1300, 820)

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "first" not in seen:
            seen["first"] = {
                "title": frame.windowTitle(),
                "text": frame.centralWidget().text(),
                "loaded": sorted(m for m in ("sqlalchemy", "counterclaim.store",
                                             "counterclaim.gui.main_window", "spacy")
                                 if m in sys.modules),
            }
        return False

app.installEventFilter(watch := Watch())
opened = []

def go():
    opened.append(open_behind(frame, path))
    window = opened[0].bench.window
    seen["after"] = {
        "frame visible": frame.isVisible(),
        "window visible": window.isVisible(),
        "size": [window.width(), window.height()],
        "articles": window.library_list.model().rowCount(),
    }
    QTimer.singleShot(0, app.quit)

frame.painted.connect(go)
app.exec()
opened[0].close()
print(json.dumps(seen))
"""


def test_the_frame_shows_first_and_the_workbench_takes_its_place(tmp_path: Path) -> None:
    library = tmp_path / "desk.sqlite"
    with Library.open(library, create=True):
        pass
    done = run_python(CHILD, str(library), home=tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["first"] == {
        "title": "desk.sqlite – counterclaim",
        "text": "Opening the library “desk.sqlite”…",
        "loaded": [],  # nothing but Qt before the frame is on screen
    }
    assert seen["after"]["frame visible"] is False
    assert seen["after"]["window visible"] is True
    assert seen["after"]["size"] == [1300, 820]  # where the frame stood


def test_a_library_of_ten_thousand_articles_is_listed_a_screenful_at_a_time(
    qtbot: QtBot,
) -> None:
    """The list shows its first articles without measuring the titles of all the others
    first; the last article is still reachable."""
    asked: list[int] = []

    class Counting(ArticleListModel):
        def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                asked.append(index.row())
            return super().data(index, role)

    articles = Counting()
    articles.set_articles(
        [
            ArticleEntry(n, f"Article {n}: the council said the bridge {n} was safe")
            for n in range(10_000)
        ]
    )
    window = MainWindow(articles, PairTableModel(), lambda _query: [])
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.library_list.setCurrentIndex(articles.index(0))
    QApplication.processEvents()
    assert len(set(asked)) < 1_000  # a screenful or a few batches, not 10,000 titles
    window.library_list.scrollToBottom()
    qtbot.waitUntil(lambda: 9_999 in asked)


def test_the_frame_of_a_team_library_names_it_without_its_password(qtbot: QtBot) -> None:
    from counterclaim.gui.start import Frame

    frame = Frame("postgresql://ana:s3cret@db.example:5433/factdesk")
    qtbot.addWidget(frame)
    assert frame.windowTitle() == "postgresql://ana@db.example:5433/factdesk – counterclaim"
    label = frame.centralWidget()
    assert isinstance(label, QLabel) and "s3cret" not in label.text()


def test_the_window_shows_the_icon_of_the_menu_entry(qtbot: QtBot, tmp_path: Path) -> None:
    from counterclaim.gui.start import Frame, application
    from counterclaim.paths import APP_ID

    app = application()
    assert app.desktopFileName() == APP_ID  # Wayland finds the menu entry's icon by it
    frame = Frame(tmp_path / "desk.sqlite")
    qtbot.addWidget(frame)
    for size in (16, 256):
        image = frame.windowIcon().pixmap(size, size).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
