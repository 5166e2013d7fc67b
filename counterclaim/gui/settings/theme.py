"""Follow the system's light or dark colour scheme, and keep side colours readable on it.

Where the platform reports a dark scheme but gives a light palette (many Linux desktops,
and the offscreen platform, which reports no scheme at all), the Fusion style with a dark
palette of our own is used. ``COUNTERCLAIM_COLOR_SCHEME=dark`` (or ``light``) overrides what
the desktop reports, for screenshots and for desktops that report nothing.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ENVIRONMENT = "COUNTERCLAIM_COLOR_SCHEME"
DARK_BASE = "#1e1e1e"
LIGHT_BASE = "#ffffff"

_Role, _Group = QPalette.ColorRole, QPalette.ColorGroup
_DARK_COLOURS = {
    _Role.Window: "#2b2b2b",
    _Role.WindowText: "#e6e6e6",
    _Role.Base: DARK_BASE,
    _Role.AlternateBase: "#262626",
    _Role.ToolTipBase: "#3c3c3c",
    _Role.ToolTipText: "#e6e6e6",
    _Role.PlaceholderText: "#8c8c8c",
    _Role.Text: "#e6e6e6",
    _Role.Button: "#353535",
    _Role.ButtonText: "#e6e6e6",
    _Role.BrightText: "#ff7b72",
    _Role.Light: "#4a4a4a",
    _Role.Midlight: "#3e3e3e",
    _Role.Mid: "#2f2f2f",
    _Role.Dark: "#1a1a1a",
    _Role.Shadow: "#0f0f0f",
    _Role.Highlight: "#2f65ca",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#74b3ff",
    _Role.LinkVisited: "#c29bff",
    _Role.Accent: "#2f65ca",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7a7a7a",
    _Role.Text: "#7a7a7a",
    _Role.ButtonText: "#7a7a7a",
    _Role.Base: "#262626",
    _Role.Button: "#2f2f2f",
    _Role.Highlight: "#4a4a4a",
    _Role.HighlightedText: "#a0a0a0",
    _Role.PlaceholderText: "#5f5f5f",
}


def is_dark(app: QGuiApplication) -> bool:
    """Whether the desktop uses a dark scheme; if it does not say, whether the palette is."""
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return app.palette().window().color().lightness() < 128
    return scheme == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


class _SchemeFollower(QObject):
    """Lives on the application: remembers the platform's style, whether a scheme was forced
    and whether our dark palette is in use, and re-applies when the desktop switches."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("counterclaimSchemeFollower")
        self.app = app
        self.platform_style = app.style().name()
        self.forced: bool | None = None
        self.ours = False
        self.busy = False
        app.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if not self.busy:
            apply_scheme(self.app)

    def requested(self) -> bool | None:
        """Dark (True) or light (False) when forced or set in the environment, else None."""
        if self.forced is not None:
            return self.forced
        wanted = os.environ.get(ENVIRONMENT, "").strip().casefold()
        return {"dark": True, "light": False}.get(wanted)

    def apply(self) -> None:
        self.busy = True
        try:
            wanted = self.requested()
            if wanted is not None:
                _request_scheme(self.app, wanted)
            self._restore_platform()
            dark = is_dark(self.app) if wanted is None else wanted
            if dark and self.app.palette().window().color().lightness() >= 128:
                self.app.setStyle("Fusion")
                self.app.setPalette(dark_palette())
                self.ours = True
        finally:
            self.busy = False

    def _restore_platform(self) -> None:
        if self.ours:
            self.app.setStyle(self.platform_style)
            self.app.setPalette(QPalette())  # a palette that sets nothing: the platform's
            self.ours = False


def _follower(app: QApplication) -> _SchemeFollower:
    found = app.findChild(_SchemeFollower, "counterclaimSchemeFollower")
    return found if isinstance(found, _SchemeFollower) else _SchemeFollower(app)


def _request_scheme(app: QGuiApplication, dark: bool) -> None:
    """Ask the platform for a scheme (Qt 6.8+). Platforms that cannot switch, such as
    offscreen, ignore the request and keep reporting what they did."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


def apply_scheme(app: QApplication) -> None:
    """Use a dark palette when the scheme is dark and the platform's palette is not, leave
    the platform's palette alone otherwise; follow the desktop when it switches."""
    _follower(app).apply()


def force_scheme(app: QApplication, dark: bool | None) -> None:
    """Use a dark (True) or light (False) scheme whatever the desktop says, or follow the
    desktop again (None)."""
    follower = _follower(app)
    follower.forced = dark
    if dark is None and hasattr(app.styleHints(), "unsetColorScheme"):
        app.styleHints().unsetColorScheme()
    follower.apply()


def readable(colour: str, dark: bool) -> str:
    """A side colour (chosen for a light background) adjusted to stay readable as text or an
    outline: lightened on a dark background, darkened only when very light on a light one."""
    qcolour = QColor(colour)
    if not qcolour.isValid():
        return colour
    hue, saturation = qcolour.hslHueF(), qcolour.hslSaturationF()
    lightness = qcolour.lightnessF()
    if dark:
        lightness = max(lightness, 0.65)
        while _contrast(hue, saturation, lightness, DARK_BASE) < 4.5 and lightness < 1:
            lightness = min(lightness + 0.02, 1.0)
    else:
        while _contrast(hue, saturation, lightness, LIGHT_BASE) < 3 and lightness > 0:
            lightness = max(lightness - 0.02, 0.0)
    return QColor.fromHslF(hue, saturation, lightness).name()


def _contrast(hue: float, saturation: float, lightness: float, background: str) -> float:
    """WCAG contrast ratio of an HSL colour against a background."""
    ours = _luminance(QColor.fromHslF(hue, saturation, lightness))
    theirs = _luminance(QColor(background))
    return (max(ours, theirs) + 0.05) / (min(ours, theirs) + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
