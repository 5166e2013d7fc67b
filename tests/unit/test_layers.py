"""The layers DESIGN.md draws: Qt only in gui/ (QtGui also in report/), SQLAlchemy and
Alembic only in store/, spaCy only in nlp/."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "counterclaim"
RULES = {
    "PySide6": ("gui", "report"),
    "shiboken6": ("gui",),
    "sqlalchemy": ("store",),
    "alembic": ("store",),
    "spacy": ("nlp",),
    "thinc": ("nlp",),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_every_import_stays_in_its_layer() -> None:
    crossings = []
    for path in PACKAGE.rglob("*.py"):
        layer = path.relative_to(PACKAGE).parts[0]
        for module in imported_modules(path) & RULES.keys():
            if layer not in RULES[module]:
                crossings.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert crossings == []


def test_the_check_sees_a_crossing(tmp_path: Path) -> None:
    offender = tmp_path / "x.py"
    offender.write_text("import spacy\nfrom sqlalchemy.orm import Session\n")
    assert imported_modules(offender) == {"spacy", "sqlalchemy"}
