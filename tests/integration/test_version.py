"""`counterclaim --version` says what a fact-checker reporting a problem ran."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

from counterclaim.nlp.models import available_model


def test_version_names_the_program_and_the_spacy_pipeline() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "counterclaim.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    model = available_model()
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"counterclaim {version('counterclaim')} (spaCy pipeline: {model} {version(model)})\n"
    )
