"""What the connector bands are, and which of them a paint draws, in which order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

EndState = Literal["visible", "above", "below"]


@dataclass(frozen=True)
class Band:
    row: int  # the pair's row in the table model
    start: int  # Qt document positions of the statement in the article view
    end: int
    colour: str  # "#rrggbb", the side's or the verdict's colour, chosen by the caller
    selected: bool = False


class BandGeometry(NamedTuple):
    """A band as it would be painted now, in the bands widget's own y coordinates (a tuple:
    every paint makes one for each band, and compares them with the last paint's)."""

    row: int
    left_top: float
    left_bottom: float
    right_top: float
    right_bottom: float
    left_state: EndState
    right_state: EndState
    selected: bool
    colour: str


def curve_weights(width: int) -> list[float]:
    """How far an edge has gone from its left height to its right height (0 to 1) at the
    middle of each column of pixels, for the S-curve the bands draw: a cubic from (0, y0) to
    (width, y1) with both control points at half the width, level with their own end."""
    weights = []
    for column in range(width):
        wanted = (column + 0.5) / width
        low, high = 0.0, 1.0
        for _ in range(40):  # x(t) / width = 1.5 t (1 - t) + t^3 rises with t: halve to it
            t = (low + high) / 2
            low, high = (t, high) if 1.5 * t * (1 - t) + t**3 < wanted else (low, t)
        t = (low + high) / 2
        weights.append(3 * t * t - 2 * t**3)  # y(t): the same cubic's share of the rise
    return weights


def in_row_order(shape: BandGeometry) -> int:
    return shape.row


def _off_one_edge(shape: BandGeometry) -> bool:
    return shape.left_state == shape.right_state != "visible"


def worth_painting(shapes: list[BandGeometry]) -> list[BandGeometry]:
    """The bands in view; of those whose two ends are off the same edge (each a line along
    it, all in the same place), the last, which is the one seen."""
    last = {shape.left_state: n for n, shape in enumerate(shapes) if _off_one_edge(shape)}
    keep = set(last.values())
    return [s for n, s in enumerate(shapes) if n in keep or not _off_one_edge(s)]


def arrows(shapes: list[BandGeometry], width: int) -> dict[tuple[EndState, float], str]:
    """Each pinned end's arrow, by place, in the colour of the last band pinned there (the
    one painted over the others), in the order they are painted."""
    found: dict[tuple[EndState, float], str] = {}
    for shape in shapes:
        for state, x in ((shape.left_state, 1.0), (shape.right_state, width - 1.0)):
            if state != "visible":
                found.pop((state, x), None)
                found[(state, x)] = shape.colour
    return found
