"""Which files an import reads: the files named, and the article files inside folders."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from counterclaim.ingest.articles import SUPPORTED_SUFFIXES, unsupported
from counterclaim.text import visible


class Problem(str):
    """A one-line message about a path that cannot be imported (control characters in the
    path shown as escapes, see `visible`); `path` says which."""

    path: Path

    def __new__(cls, path: Path, message: str) -> Problem:
        problem = super().__new__(cls, visible(message))
        problem.path = path
        return problem


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """The files as given plus the supported files inside folders (recursively, sorted by
    name, hidden files and folders skipped), and one message per problem: a path that does
    not exist, one that cannot be read, a named file of an unsupported type, a folder
    with no article files. Other files inside folders are skipped without a word."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            known = len(problems)
            found = _walk(path, problems, {path.resolve()})
            if not found and len(problems) == known:
                problems.append(
                    Problem(
                        path,
                        f"{path}: no article files (.txt .md .html .pdf .docx) "
                        f"in this folder; choose the folder the articles are in",
                    )
                )
            files.extend(found)
        elif not path.exists():
            problems.append(
                Problem(path, f"{path}: no such file or folder; check the name and try again")
            )
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            problems.append(Problem(path, unsupported(path)))
        elif not os.access(path, os.R_OK):
            problems.append(Problem(path, _unreadable(path, "file")))
        else:
            files.append(path)
    return _unique(files), problems


def _walk(folder: Path, problems: list[str], seen: set[Path]) -> list[Path]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        problems.append(Problem(folder, _unreadable(folder, "folder", reason)))
        return []
    files: list[Path] = []
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if path.resolve() not in seen:  # a link back up the tree is walked once
                seen.add(path.resolve())
                files.extend(_walk(path, problems, seen))
        elif entry.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            if os.access(path, os.R_OK):
                files.append(path)
            else:
                problems.append(Problem(path, _unreadable(path, "file")))
    return files


def _unreadable(path: Path, what: str, reason: str = "permission denied") -> str:
    return f"{path}: the {what} cannot be read ({reason}); check its permissions"


def _unique(files: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in files:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
