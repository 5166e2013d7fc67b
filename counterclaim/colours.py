"""The colours of sides, for every layer: the palette a new side takes its colour from,
the grey of speakers on no side, and a colour made safe for a style attribute with the ink
readable on it. Plain strings, no Qt."""

from __future__ import annotations

import re

NO_SIDE_COLOUR = "#7f8c8d"
"""The grey of speakers (and unknown speakers) on no side."""

SIDE_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#882255",  # wine
    "#117733",  # dark green
)
"""Okabe–Ito colours (without yellow) and two of Paul Tol's: distinct, readable on white."""


def side_colour(n: int) -> str:
    """The colour of the `n`th side (counting from 0); the palette repeats after its last."""
    return SIDE_COLOURS[n % len(SIDE_COLOURS)]


_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


def safe_colour(colour: str) -> str:
    """A side colour as "#rrggbb", or the no-side grey when it is anything else (a colour
    goes into a style attribute: only a hex colour may)."""
    colour = colour.strip()
    if not _HEX_COLOUR.fullmatch(colour):
        return NO_SIDE_COLOUR
    if len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour.lower()


def ink_on(colour: str) -> str:
    """Black or white text, whichever is more readable on this background (WCAG)."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    channels = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
