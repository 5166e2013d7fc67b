"""Where counterclaim finds its shipped data."""

from __future__ import annotations

import atexit
import json
import os
import sys
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

RESOURCES: Traversable = files("counterclaim") / "resources"
"""The data the program reads, inside the package: it travels in the wheel."""


def resource_path(resource: Traversable) -> Path:
    """A real file for a resource, kept until the process ends (the package's own file
    when it is installed as files, as a wheel or an editable install is)."""
    return _kept.enter_context(as_file(resource))


_kept = ExitStack()
atexit.register(_kept.close)

SAMPLE_ARTICLE = resource_path(RESOURCES / "samples" / "peskov-nato.txt")


@cache
def lexicon(name: str) -> dict[str, Any]:
    """A JSON lexicon from counterclaim/resources/lexicons, read once per process."""
    with (RESOURCES / "lexicons" / f"{name}.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


APP_NAME = "counterclaim"
ORGANISATION = "counterclaim"
LIBRARY_FILE = "library.sqlite"
APP_ID = "io.github.counterclaim.Counterclaim"
"""The desktop's name for the program: its menu entry (.desktop), icon and AppStream data
in packaging/ are all named after it."""


def app_icon() -> Path:
    """The program's icon (the same drawing as packaging/'s), for the window."""
    return resource_path(RESOURCES / "icons" / f"{APP_ID}.svg")


def state_folder() -> Path:
    """What counterclaim keeps about its own work, not the reviewer's:
    $XDG_STATE_HOME/counterclaim (~/.local/state/counterclaim)."""
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return state / APP_NAME


def log_folder() -> Path:
    """Where the details of a bug are written (Help > Open Log Folder): the user's state
    folder, $XDG_STATE_HOME/counterclaim/logs (~/.local/state/counterclaim/logs), which
    the XDG base directories keep for logs; ~/Library/Logs/counterclaim on macOS,
    %LOCALAPPDATA%\\counterclaim\\logs on Windows."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / APP_NAME / "logs"
    return state_folder() / "logs"


def default_library_path() -> Path:
    """The library in the user's data folder: where Qt's AppDataLocation points on Linux
    ($XDG_DATA_HOME/<organisation>/<application>), without importing Qt."""
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANISATION / APP_NAME / LIBRARY_FILE
