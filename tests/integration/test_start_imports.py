"""What only importing articles, migrating a library, pairing, exporting or a library on a
server needs is not imported to open the window on a library file that is up to date."""

from __future__ import annotations

import json
from pathlib import Path

from alembic.script import ScriptDirectory

from counterclaim.store import Library
from counterclaim.store.migrate import MIGRATIONS, head_revision, known_revisions
from tests.child import run_python

ONLY_FOR_IMPORTING_OR_MIGRATING = ("trafilatura", "pypdf", "docx", "py3langid", "alembic")
ONLY_FOR_PAIRING_EXPORTING_OR_SERVERS = (
    "snowballstemmer",  # the pairing's words
    "jinja2",  # the report
    "counterclaim.report.html",
    "sqlalchemy.dialects.postgresql",
    "counterclaim.ingest",  # the article readers
    "charset_normalizer",
    "psycopg",
)

OPEN_WINDOW = """
import json, sys
from pathlib import Path
from counterclaim.gui.app import application, build
application()
bench = build(Path(sys.argv[1]))
bench.window.show()
bench.review.refresh()
print(json.dumps(sorted(sys.modules)))
bench.close()
"""


def test_opening_the_window_imports_neither_readers_nor_alembic(
    library_path: Path, tmp_path: Path
) -> None:
    Library.open(library_path).close()  # a library at the newest schema
    done = run_python(OPEN_WINDOW, str(library_path), home=tmp_path, check=True)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert "counterclaim.store.library" in modules
    loaded = [m for m in ONLY_FOR_IMPORTING_OR_MIGRATING if m in modules]
    assert loaded == []
    assert [m for m in ONLY_FOR_PAIRING_EXPORTING_OR_SERVERS if m in modules] == []


def test_the_revisions_read_from_the_scripts_are_alembics() -> None:
    scripts = ScriptDirectory(str(MIGRATIONS))
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}
