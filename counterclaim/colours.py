"""The colours of sides, for every layer: the palette a new side takes its colour from and
the grey of speakers on no side. Plain strings, no Qt."""

from __future__ import annotations

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
