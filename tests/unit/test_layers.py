"""The layers DESIGN.md draws, and the direction between our own packages.

Libraries: Qt only in gui/ (and QtGui in report/pdf.py, for the PDF), SQLAlchemy and
Alembic only in store/, spaCy only in nlp/. Our packages: what reads, stores or reports
(nlp, ingest, store, report) never calls up into services, gui or cli; services never
into gui or cli; the window reaches the library through `counterclaim.store`'s public
names, never its table models."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "counterclaim"
LIBRARIES = {
    "PySide6": ("gui", "report/pdf.py"),
    "shiboken6": ("gui",),
    "sqlalchemy": ("store",),
    "alembic": ("store",),
    "psycopg": ("store",),
    "spacy": ("nlp",),
    "thinc": ("nlp",),
}
NEVER = {  # our package -> the packages of ours it must not import
    "nlp": ("services", "gui", "cli"),
    "ingest": ("services", "gui", "cli"),
    "store": ("services", "gui", "cli"),
    "report": ("services", "gui", "cli"),
    "services": ("gui", "cli"),
    "gui": ("store.models", "cli"),
}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, in full ("counterclaim.store.models", "spacy.tokens")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def crossings(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        layer = where.split("/")[0].removesuffix(".py")
        for module in imported_modules(path):
            top = module.split(".")[0]
            allowed = LIBRARIES.get(top)
            if allowed is not None and not any(
                where == place or where.startswith(place + "/") for place in allowed
            ):
                found.append(f"{where} imports {top}")
            for banned in NEVER.get(layer, ()):
                if module == f"counterclaim.{banned}" or module.startswith(
                    f"counterclaim.{banned}."
                ):
                    found.append(f"{where} imports counterclaim.{banned}")
    return sorted(set(found))


def test_every_import_stays_in_its_layer() -> None:
    assert crossings(PACKAGE) == []


def test_the_check_sees_a_crossing(tmp_path: Path) -> None:
    package = tmp_path / "counterclaim"
    (package / "nlp").mkdir(parents=True)
    (package / "report").mkdir()
    (package / "gui").mkdir()
    (package / "nlp" / "x.py").write_text("import spacy\nfrom sqlalchemy.orm import Session\n")
    (package / "report" / "html.py").write_text("from PySide6.QtGui import QFont\n")
    (package / "report" / "pdf.py").write_text("from PySide6.QtGui import QFont\n")
    (package / "gui" / "y.py").write_text("from counterclaim.store.models import Link\n")
    (package / "store.py").write_text(
        "from counterclaim.services.analysis import AnalysisService\n"
    )
    assert crossings(package) == [
        "gui/y.py imports counterclaim.store.models",
        "nlp/x.py imports sqlalchemy",
        "report/html.py imports PySide6",
        "store.py imports counterclaim.services",
    ]
