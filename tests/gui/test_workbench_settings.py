"""What the workbench remembers and what the preferences change, as a reviewer meets them:
the window's size, docks and splitters, recent libraries, the verdict scale, bands coloured
by verdict, the dark scheme, and opening another library in place of the current one."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QTextFormat
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

import counterclaim.gui.app as app_module
from counterclaim.gui.app import Launcher, Workbench, application, build
from counterclaim.gui.pairs.model import PairTableModel
from counterclaim.gui.pairs.review import verdict_colour
from counterclaim.gui.settings.preferences import DEFAULT_RATINGS, Preferences
from counterclaim.gui.settings.theme import (
    ENVIRONMENT,
    apply_scheme,
    force_scheme,
    is_dark,
    readable,
)
from counterclaim.services.analysis import AnalysisService

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor

GREY = "#7f8c8d"
SELECTED_PAIR = QTextFormat.Property.UserProperty + 1  # as in gui/article_view.py
SCALE = ["Correct", "Partly correct", "Wrong"]


def opened(
    qtbot: QtBot,
    path: Path,
    settings: QSettings,
    extractor: Extractor | None = None,
    open_library: Callable[[Path | str], object] | None = None,
) -> Workbench:
    """A workbench shown on the library at `path`; analysed if given an extractor."""
    application()
    service = AnalysisService(path)
    if extractor is not None:
        service.use(extractor)
    bench = build(path, service, settings, open_library=open_library)
    qtbot.addWidget(bench.window)
    bench.window.show()
    bench.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bench.window)  # keys reach it
    bench.review.refresh()
    if extractor is not None:
        with qtbot.waitSignal(bench.events.analysis_changed, timeout=60_000):
            bench.analysis.start()
        qtbot.waitUntil(lambda: not bench.window.progress.isVisible(), timeout=60_000)
    return bench


def items(box: QComboBox) -> list[str]:
    return [box.itemText(n) for n in range(box.count())]


def choose_verdict(bench: Workbench, verdict: str) -> None:
    view = bench.window.pair_view
    index = view.verdict.findData(verdict)
    assert index >= 0, f"{verdict!r} is not offered"
    view.verdict.setCurrentIndex(index)
    view.verdict.activated.emit(index)


def band_colours(bench: Workbench) -> dict[int, set[str]]:
    colours: dict[int, set[str]] = {}
    for band in bench.window.bands.geometry_of_bands():
        colours.setdefault(band.row, set()).add(band.colour)
    return colours


def close_enough(got: list[int], wanted: list[int], slack: int = 4) -> bool:
    return len(got) == len(wanted) and all(
        abs(a - b) <= slack for a, b in zip(got, wanted, strict=True)
    )


# -- remembered between sessions


def test_window_and_splitters_are_remembered(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = tmp_path / "library.sqlite"
    # the offscreen screen is 800 px wide, narrower than the window can be: Qt fits a
    # restored window to the screen, so the first session is only there to let it do so
    opened(qtbot, path, settings).close()
    bench = opened(qtbot, path, settings)
    window = bench.window
    window.resize(window.width(), 600)
    qtbot.waitUntil(lambda: window.height() == 600)
    default_main, default_pairs = window.splitter.sizes(), window.pairs_splitter.sizes()
    width, height = sum(default_main), sum(default_pairs)
    window.splitter.setSizes([width // 4, width // 3, 56, width - width // 4 - width // 3 - 56])
    window.pairs_splitter.setSizes([height // 4, height - height // 4])
    size, main, pairs = window.size(), window.splitter.sizes(), window.pairs_splitter.sizes()
    assert not close_enough(main, default_main)  # they did move
    assert not close_enough(pairs, default_pairs)
    bench.close()

    again = opened(qtbot, path, settings)
    try:
        assert again.window.size() == size
        assert close_enough(again.window.splitter.sizes(), main), again.window.splitter.sizes()
        assert close_enough(again.window.pairs_splitter.sizes(), pairs)
    finally:
        again.close()


def test_docks_shown_are_shown_again(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    path = tmp_path / "library.sqlite"
    bench = opened(qtbot, path, settings)
    window = bench.window
    assert not window.speakers_dock.isVisible() and not window.history_dock.isVisible()
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # View > Speakers and Sides
    assert window.speakers_dock.isVisible()
    bench.close()

    again = opened(qtbot, path, settings)
    try:
        assert again.window.speakers_dock.isVisible()
        assert not again.window.overview_dock.isVisible()  # the dock it shares a place with
        assert not again.window.history_dock.isVisible()
        assert again.window.speakers_action.isChecked()  # View menu says so too
    finally:
        again.close()


def test_recent_libraries_newest_first_and_open_on_click(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    opened(qtbot, first, settings).close()
    asked: list[Path | str] = []
    bench = opened(qtbot, second, settings, open_library=asked.append)
    try:
        menu = bench.window.recent_menu
        menu.aboutToShow.emit()  # File > Recent Libraries
        entries = [a for a in menu.actions() if not a.isSeparator()]
        assert [a.text() for a in entries] == [
            f"&1 {second.resolve()}",
            f"&2 {first.resolve()}",
        ]
        assert all(a.isEnabled() for a in entries)
        entries[1].trigger()
        assert asked == [first.resolve()]
    finally:
        bench.close()


def test_no_recent_library_yet_says_so(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    bench = opened(qtbot, tmp_path / "library.sqlite", settings)
    try:
        (tmp_path / "library.sqlite").unlink()  # gone from disk: not offered
        bench.window.recent_menu.aboutToShow.emit()
        (entry,) = bench.window.recent_menu.actions()
        assert entry.text() == "No other library opened yet" and not entry.isEnabled()
    finally:
        bench.close()


# -- the verdict scale and the bands


def test_a_new_scale_is_offered_everywhere(
    qtbot: QtBot, reviewing: Workbench, settings: QSettings
) -> None:
    view, bar = reviewing.window.pair_view, reviewing.window.filter_bar
    assert items(view.verdict) == ["No verdict yet", *DEFAULT_RATINGS]
    Preferences(settings).set_ratings(SCALE)
    reviewing.preferences.apply()
    assert items(view.verdict) == ["No verdict yet", *SCALE]
    assert items(bar.verdict) == ["Any verdict", "No verdict yet", *SCALE]
    assert reviewing.review.ratings == tuple(SCALE)


def test_a_verdict_no_longer_on_the_scale_is_still_shown(
    qtbot: QtBot, reviewing: Workbench, settings: QSettings
) -> None:
    choose_verdict(reviewing, "Misleading")
    Preferences(settings).set_ratings(SCALE)
    reviewing.preferences.apply()
    assert reviewing.triage.current_row() == 0
    assert reviewing.window.pair_view.verdict.currentText() == "Misleading"
    pairs = reviewing.review.pairs
    assert pairs.data(pairs.index(0, PairTableModel.STATUS)) == "suggested: Misleading"
    assert reviewing.review.pairs.pair(0).verdict == "Misleading"


def test_an_off_scale_verdict_is_not_offered_for_other_pairs(
    qtbot: QtBot, reviewing: Workbench, settings: QSettings
) -> None:
    choose_verdict(reviewing, "Misleading")
    Preferences(settings).set_ratings(SCALE)
    reviewing.preferences.apply()
    assert reviewing.window.pair_view.verdict.currentText() == "Misleading"
    qtbot.keyClick(reviewing.window.pair_table, Qt.Key.Key_J)  # Review > Next Pair
    assert reviewing.triage.current_row() == 1
    assert items(reviewing.window.pair_view.verdict) == ["No verdict yet", *SCALE]


def test_bands_coloured_by_verdict(qtbot: QtBot, reviewing: Workbench, settings: QSettings) -> None:
    window = reviewing.window
    by_side = band_colours(reviewing)
    assert set(by_side) == {0, 1, 2} and GREY not in set().union(*by_side.values())
    choose_verdict(reviewing, "False")
    assert reviewing.review.pairs.pair(0).verdict == "False"
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # Review > Colour Bands by Verdict
    assert window.bands_by_verdict_action.isChecked()
    colours = band_colours(reviewing)
    assert colours[0] == {verdict_colour("False", DEFAULT_RATINGS)}
    assert colours[1] == colours[2] == {GREY}
    settings.sync()
    assert (
        Preferences(QSettings(settings.fileName(), QSettings.Format.IniFormat)).colour_bands_by()
        == "verdict"
    )
    window.bands_by_verdict_action.trigger()  # and back to sides
    assert band_colours(reviewing) == by_side
    assert Preferences(settings).colour_bands_by() == "side"


def test_a_new_verdict_recolours_its_band(
    qtbot: QtBot, reviewing: Workbench, settings: QSettings
) -> None:
    reviewing.window.bands_by_verdict_action.trigger()
    assert band_colours(reviewing)[0] == {GREY}
    choose_verdict(reviewing, "True")
    assert band_colours(reviewing)[0] == {verdict_colour("True", DEFAULT_RATINGS)}


# -- light and dark


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does to the scheme, later tests get the style and palette back."""
    style, palette = qapp.style().name(), qapp.palette()
    yield
    force_scheme(qapp, None)
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def dark_bench(
    qtbot: QtBot,
    qapp: QApplication,
    library_path: Path,
    settings: QSettings,
    extractor: Extractor,
    restored_look: None,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Workbench]:
    """A workbench opened, and the sample analysed, while the scheme is dark."""
    assert not is_dark(qapp)  # offscreen: no scheme and a light palette
    monkeypatch.setenv(ENVIRONMENT, "dark")
    apply_scheme(qapp)
    bench = opened(qtbot, library_path, settings, extractor)
    yield bench
    bench.close()


def sides_by_label(bench: Workbench) -> dict[str, str]:
    return {side.label: side.colour for side in bench.library.sides()}


def test_a_workbench_opened_in_the_dark_is_dark(dark_bench: Workbench) -> None:
    window = dark_bench.window
    assert window.palette().window().color().lightness() < 128
    assert window.article_view.palette().base().color().lightness() < 128
    assert dark_bench.review.dark  # build() follows the scheme by itself
    # the article's highlights use the side colours lightened for the dark background
    lightened = {readable(colour, True) for colour in sides_by_label(dark_bench).values()}
    backgrounds = {
        fmt.background().color().name()
        for _span, fmt in window.article_view.highlights()
        if fmt.background().style() != Qt.BrushStyle.NoBrush
        and not fmt.boolProperty(SELECTED_PAIR)  # see the test below
    }
    assert backgrounds and backgrounds <= lightened
    assert lightened.isdisjoint(c.lower() for c in sides_by_label(dark_bench).values())


def test_dark_scheme_lightens_side_colours_in_the_pair_table(dark_bench: Workbench) -> None:
    pairs, colours = dark_bench.review.pairs, sides_by_label(dark_bench)
    claim_by = pairs.index(0, PairTableModel.CLAIM_SPEAKER)
    rebuttal_by = pairs.index(0, PairTableModel.REBUTTAL_SPEAKER)
    assert (claim_by.data(), rebuttal_by.data()) == ("Dmitriy Peskov", "NATO")
    for index, side in ((claim_by, "Russia"), (rebuttal_by, "NATO")):
        shown = index.data(Qt.ItemDataRole.ForegroundRole)
        in_light = QColor(readable(colours[side], False))
        assert shown.lightnessF() > in_light.lightnessF(), (shown.name(), in_light.name())
        assert shown == QColor(readable(colours[side], True))


# -- opening another library


class QuickService(AnalysisService):
    """The launcher's service, but in this process with the session's pipeline."""

    extractor_to_use: ClassVar[Extractor | None] = None  # the launcher fixture sets it

    def __init__(
        self, library_path: Path, preferred_model: str | None = None, in_child: bool = False
    ) -> None:
        super().__init__(library_path, preferred_model, in_child=False)
        extractor = type(self).extractor_to_use
        assert extractor is not None
        self.use(extractor)


@pytest.fixture
def launcher(
    qtbot: QtBot, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Launcher]:
    application()
    monkeypatch.setattr(QuickService, "extractor_to_use", extractor)
    monkeypatch.setattr(app_module, "AnalysisService", QuickService)
    launcher = Launcher()
    yield launcher
    launcher.close()
    if launcher.bench is not None:
        launcher.bench.window.close()
        launcher.bench.window.deleteLater()
    gc.unfreeze()  # Launcher.open freezes the heap; let later tests' garbage go


def settled(qtbot: QtBot, launcher: Launcher) -> Workbench:
    bench = launcher.bench
    assert bench is not None
    qtbot.waitUntil(lambda: not bench.window.progress.isVisible(), timeout=60_000)
    return bench


def test_launcher_opens_another_library_in_place(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert launcher.open(first)
    old = settled(qtbot, launcher)
    assert old.window.isVisible() and "first.sqlite" in old.window.windowTitle()
    assert old.review.analysis is not None  # the sample, analysed

    assert launcher.open(second)
    assert not old.window.isVisible()  # hidden at once, deleted later
    new = settled(qtbot, launcher)
    assert new is not old
    qtbot.waitUntil(lambda: not isValid(old.window))  # and gone
    assert new.window.isVisible()
    assert new.window.windowTitle().startswith("second.sqlite")
    assert new.library.path == second


def test_launcher_keeps_the_library_when_another_will_not_open(
    qtbot: QtBot, launcher: Launcher, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(
        app_module.QMessageBox, "critical", lambda parent, title, text: told.append(text)
    )
    assert launcher.open(tmp_path / "library.sqlite")
    bench = settled(qtbot, launcher)
    folder = tmp_path / "a folder"
    folder.mkdir()
    garbage = tmp_path / "notes.sqlite"
    garbage.write_text("these are my notes, not a database\n" * 40)
    assert not launcher.open(folder)
    assert not launcher.open(garbage)
    assert len(told) == 2
    assert "folder" in told[0] and "not a counterclaim library" in told[1]
    assert launcher.bench is bench
    assert bench.window.isVisible() and bench.window.windowTitle().startswith("library.sqlite")
    assert garbage.read_text().startswith("these are my notes")  # left as it was
