"""Where a story was filed is one of an article's details: stored with it, edited and
undone like the others, on a file and on a server; a library from before keeps its titles."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from counterclaim.ingest import load_text
from counterclaim.services.review import details_edits
from counterclaim.store import Library
from counterclaim.store.location import LibraryLocation
from tests.library_files import library_at

# newspairs' fnc-train-410 opens so; its first sentence was its title before 0012
CORSICANA = (
    "CORSICANA (October 14, 2014) Navarro County officials Tuesday emphatically rejected as "
    "false a posting on the National Report website that said the small town of Purdon was "
    'quarantined.\n\n"This report is entirely false," County Judge H.M. Davenport said.'
)


def test_the_place_of_a_dateline_is_stored_edited_and_undone(
    library_location: LibraryLocation,
) -> None:
    loaded = load_text(CORSICANA)
    with Library.open(library_location) as library:
        article_id, _ = library.add_article(loaded.meta, loaded.text, loaded.sha256)
    with Library.open(library_location) as library:
        stored = library.article(article_id).meta
        assert (stored.place, stored.published) == ("Corsicana", "2014-10-14")
        assert stored.title == loaded.meta.title and "CORSICANA" not in stored.title
        edited = replace(stored, place="Corsicana, Texas")
        batch = library.apply(
            "Edit article details", details_edits(article_id, stored, edited), "me"
        )
        assert library.article(article_id).meta.place == "Corsicana, Texas"
        library.undo(batch.id)
        assert library.article(article_id).meta.place == "Corsicana"


def test_a_library_from_before_keeps_its_titles_and_has_no_places(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    library_at(path, "0011")
    old_title = "CORSICANA (October 14, 2014) Navarro County officials Tuesday emphatically"
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "INSERT INTO articles (id, title, text, sha256, imported_at, analysed, paired) "
            "VALUES (1, ?, ?, 'x', '2026-01-01 00:00:00', 0, 0)",
            (old_title, CORSICANA),
        )
        db.commit()
    with Library.open(path) as library:
        meta = library.article(1).meta
    assert (meta.title, meta.place) == (old_title, None)
