"""A pipeline that lasts as long as its process (a `counterclaim` command, a pipeline
process of the window) is kept out of the garbage collector's full passes, which went
through all its objects; one that a process lets go of and goes on is not, or its
reference cycles would never be freed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from counterclaim.paths import SAMPLE_ARTICLE
from tests.child import run_python

COMMAND = r"""
import gc, json, sys
from counterclaim.cli import main
code = main(["import", "--library", sys.argv[1], "--processes", "1", sys.argv[2]])
print(json.dumps({"code": code, "frozen": gc.get_freeze_count()}))
"""

LET_GO = r"""
import gc, json, sys
from counterclaim.services.analysis import AnalysisService
service = AnalysisService(sys.argv[1])
service.extractor()
print(json.dumps({"frozen": gc.get_freeze_count()}))
"""


def last(done: subprocess.CompletedProcess[str]) -> dict[str, int]:
    found: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_a_commands_pipeline_is_kept_out_of_the_collector_and_a_passing_one_is_not(
    tmp_path: Path,
) -> None:
    library = str(tmp_path / "lib.sqlite")
    command = last(run_python(COMMAND, library, str(SAMPLE_ARTICLE), home=tmp_path, check=True))
    passing = last(run_python(LET_GO, library, home=tmp_path, check=True))
    assert command["code"] == 0
    assert command["frozen"] > 100_000  # the pipeline's objects, and what came before them
    # none of its pipeline (Python 3.12 keeps a few hundred objects of its own there)
    assert passing["frozen"] < command["frozen"] // 100
