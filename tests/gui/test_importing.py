"""Bringing articles into the window: drop files and folders, paste text, edit an
article's details; bad files are reported and leave the library as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from counterclaim.domain import ArticleMeta
from counterclaim.gui.app import Workbench
from counterclaim.gui.library.details import ArticleDetailsDialog
from counterclaim.gui.main_window import MainWindow
from counterclaim.gui.messages import Icon, message_box
from counterclaim.gui.settings.preferences import Preferences

ENGLISH = (
    "Ministers deny the plan\n\n"
    'The finance minister said on Monday that "the budget will not cut pensions". '
    "The opposition leader said the budget would cut pensions by a fifth.\n"
)
FRENCH = (
    "Le gouvernement dément\n\n"
    "Le ministre des finances a déclaré lundi que le budget ne réduira pas les retraites. "
    "Le chef de l'opposition a affirmé que les retraites baisseront d'un cinquième.\n"
)


def drop(window: MainWindow, paths: list[Path]) -> None:
    """Drop files on the window, as a file manager does. (Qt delivers a drop only during a
    real drag, so the window's handler is called with the event a drop brings.)"""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(400, 300),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(
        QPoint(400, 300),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(event)


def titles(bench: Workbench) -> list[str]:
    model = bench.review.articles
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_drop_a_folder_imports_the_good_files_and_reports_the_bad(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    folder = tmp_path / "collected"
    folder.mkdir()
    (folder / "ministers.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "broken.docx").write_text("not a zip at all", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000) as done:
        drop(bench.window, [folder])
    report = done.args[0]
    assert len(report.added) == 1
    assert "Ministers deny the plan" in titles(bench)
    assert len(told) == 1
    lines = told[0].splitlines()
    assert lines[0] == "Imported 1 article"
    assert any("broken.docx" in line for line in lines[1:])
    assert any("empty.txt" in line for line in lines[1:])
    qtbot.waitUntil(lambda: bench.library.article(report.added[0]).analysed, timeout=60_000)


def test_the_same_text_twice_is_one_article(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    first.write_text(ENGLISH, encoding="utf-8")
    second.write_text(ENGLISH.replace(" ", "  "), encoding="utf-8")  # only white space differs
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000):
        bench.importing.import_paths([first])
    count = len(titles(bench))
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000):
        bench.importing.import_paths([second])
    assert len(titles(bench)) == count
    assert "b.md: already in the library as “Ministers deny the plan”" in told[-1]


def test_paste_text_on_the_library_list(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    QGuiApplication.clipboard().setText(ENGLISH)
    bench.window.library_list.setFocus()
    qtbot.keyClick(bench.window.library_list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "Ministers deny the plan" in titles(bench)
    assert told == []
    QGuiApplication.clipboard().setText("   ")
    bench.window.paste_action.trigger()
    assert len(told) == 1 and "pasted text" in told[0]


def test_an_article_in_another_language_gets_no_statements(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    path = tmp_path / "retraites.txt"
    path.write_text(FRENCH, encoding="utf-8")
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000) as done:
        bench.importing.import_paths([path])
    (article_id,) = done.args[0].added
    assert "is in French, not English: it was imported without statements" in told[0]
    qtbot.waitUntil(lambda: bench.library.article(article_id).analysed, timeout=60_000)
    analysis = bench.library.analysis(article_id)
    assert analysis is not None and analysis.statements == () and analysis.pairs == ()
    assert bench.library.article(article_id).meta.language == "fr"


def test_edit_an_articles_details_and_undo(
    qtbot: QtBot, reviewing: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    article_id = bench.review.article_id
    assert article_id is not None
    before = bench.library.article(article_id).meta

    def answer(meta: ArticleMeta) -> ArticleMeta:
        dialog = ArticleDetailsDialog(meta)
        qtbot.addWidget(dialog)
        dialog.fields["outlet"].setText("Euro Weekly News")
        dialog.fields["title"].setText("Peskov calls NATO hostile")
        return dialog.meta()

    monkeypatch.setattr(bench.details, "ask", answer)
    qtbot.keyClick(bench.window.pair_table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    meta = bench.library.article(article_id).meta
    assert (meta.title, meta.outlet) == ("Peskov calls NATO hostile", "Euro Weekly News")
    assert titles(bench)[0] == "Peskov calls NATO hostile"
    bench.window.undo_action.trigger()
    assert bench.library.article(article_id).meta == before
    assert titles(bench)[0] == before.title


def test_the_size_cap_comes_from_the_preferences(
    qtbot: QtBot,
    reviewing: Workbench,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    Preferences(settings).set_max_megabytes(1)
    bench.preferences.apply()
    big = tmp_path / "long.txt"
    big.write_text(ENGLISH + "More words of the article. " * 50_000, encoding="utf-8")
    count = len(titles(bench))
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000):
        bench.importing.import_paths([big])
    assert len(titles(bench)) == count
    assert "long.txt" in told[0] and "1 MB" in told[0] and "Preferences" in told[0]


def test_the_summary_says_which_bytes_were_replaced(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    path = tmp_path / "cafe.txt"
    path.write_bytes(
        ENGLISH.replace("Monday", "Monday at Café Marée \x00").encode().replace(b"\x00", b"\x92")
    )
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000) as done:
        bench.importing.import_paths([path])
    (article_id,) = done.args[0].added
    assert "Café Marée \ufffd" in bench.library.article(article_id).text
    assert told[0].splitlines() == [
        "Imported 1 article",
        f"{path}: 1 byte that is not UTF-8 was replaced by “\ufffd”, at line 3",
    ]
    qtbot.waitUntil(lambda: bench.library.article(article_id).analysed, timeout=60_000)


def test_a_file_too_short_to_analyse_is_refused(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    stub = tmp_path / "stub.txt"
    stub.write_bytes(b"a")
    count = len(titles(bench))
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000):
        bench.importing.import_paths([stub])
    assert len(titles(bench)) == count
    assert told[0].splitlines() == [
        "Imported 0 articles",
        "",
        "Not imported:",
        f"• {stub}: only 1 word of text, too little to analyse (a statement needs at least 3, "
        f"as in “NATO denied it”); choose a file with the article in it",
    ]


def test_names_with_control_characters_are_shown_escaped(
    qtbot: QtBot, reviewing: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = reviewing
    told: list[str] = []
    monkeypatch.setattr(bench.importing, "tell", told.append)
    good = tmp_path / "evil\n\x1b[31m.txt"
    good.write_bytes(b"Bridge \x1b[2Jis safe\n\nThe minister said the bridge was safe.\n")
    empty = tmp_path / "evil\n\x1b[31m-empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(bench.importing.imported, timeout=60_000) as done:
        bench.importing.import_paths([good, empty])
    assert "Bridge \\x1b[2Jis safe" in titles(bench)
    assert told[0].splitlines() == [
        "Imported 1 article",
        "",
        "Not imported:",
        f"• {tmp_path}/evil\\n\\x1b[31m-empty.txt: the file is empty; "
        f"choose a file with the article in it",
    ]
    bench.window.show_busy(f"Reading {good.name}…", 0, 1)
    assert bench.window.statusBar().currentMessage() == "Reading evil\\n\\x1b[31m.txt…"
    box = message_box(bench.window, Icon.Warning, "Import", f"{good}: <img src='file:///x'>")
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == f"{tmp_path}/evil\\n\\x1b[31m.txt: <img src='file:///x'>"
    (article_id,) = done.args[0].added
    qtbot.waitUntil(lambda: bench.library.article(article_id).analysed, timeout=60_000)
