"""Speakers and sides, planned as `Edit`s for the undo stack: rename a speaker or a side,
merge two speakers, move a speaker to a side (made if new), change a side's colour. A
name that no longer exists raises `LibraryError`."""

from __future__ import annotations

from counterclaim.domain import Analysis, Edit
from counterclaim.store import Library, LibraryError


def rename_speaker(library: Library, speaker_id: str, name: str) -> list[Edit]:
    return [Edit(speaker_id, "name", library.value(speaker_id, "name"), name)]


def rename_side(library: Library, label: str, new_label: str) -> list[Edit]:
    return library.rename_side_edits(side_id(library, label), new_label)


def merge(library: Library, kept_id: str, merged_id: str) -> list[Edit]:
    return library.merge_edits(kept_id, merged_id)


def move(library: Library, speaker_id: str, label: str) -> list[Edit]:
    """The speaker on the side called `label`; a side of that name is made if none is."""
    made: list[Edit] = []
    found = library.side_id(label)
    if found is None:
        found = library.new_side(label)
        made.append(Edit(found, "hidden", "1", "0"))
    before = library.value(speaker_id, "side")
    if before == found:
        return []
    return [*made, Edit(speaker_id, "side", before, found)]


def colour(library: Library, label: str, colour: str) -> list[Edit]:
    side = side_id(library, label)
    before = library.value(side, "colour")
    return [] if before == colour else [Edit(side, "colour", before, colour)]


def side_id(library: Library, label: str) -> str:
    found = library.side_id(label)
    if found is None:
        raise LibraryError(f"there is no side called '{label}' any more")
    return found


def statement_counts(analysis: Analysis | None) -> dict[str, int]:
    """How many statements each speaker of an article makes."""
    counts: dict[str, int] = {}
    for statement in analysis.statements if analysis else ():
        if statement.speaker_id is not None:
            counts[statement.speaker_id] = counts.get(statement.speaker_id, 0) + 1
    return counts
