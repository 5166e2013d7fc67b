"""Where counterclaim finds its shipped data."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLE_ARTICLE = RESOURCES / "samples" / "peskov-nato.txt"


@cache
def lexicon(name: str) -> dict[str, Any]:
    """A JSON lexicon from resources/lexicons, read once per process."""
    with (RESOURCES / "lexicons" / f"{name}.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


APP_NAME = "counterclaim"
ORGANISATION = "counterclaim"
LIBRARY_FILE = "library.sqlite"


def default_library_path() -> Path:
    """The library in the user's data folder: where Qt's AppDataLocation points on Linux
    ($XDG_DATA_HOME/<organisation>/<application>), without importing Qt."""
    import os
    import sys

    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANISATION / APP_NAME / LIBRARY_FILE
