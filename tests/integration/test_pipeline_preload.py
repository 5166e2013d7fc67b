"""`counterclaim import` loads the pipeline while it reads the files and opens the library
(whose damage check reads the whole file), so a big library costs no more waiting."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from counterclaim.paths import SAMPLE_ARTICLE
from counterclaim.services.analysis import Analyser, AnalysisService, QuietProgress


def test_the_pipeline_loads_once_beside_the_import_and_analysis_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = AnalysisService(tmp_path / "library.sqlite")
    loads: list[str] = []
    stored = threading.Event()
    load = AnalysisService._load

    def slow_load(self: AnalysisService) -> Analyser:
        loads.append(threading.current_thread().name)
        assert stored.wait(30), "the files were not stored while the pipeline loaded"
        return load(self)

    monkeypatch.setattr(AnalysisService, "_load", slow_load)
    service.load_in_background()
    report = service.import_paths(QuietProgress(), [SAMPLE_ARTICLE])
    stored.set()  # the import did not wait for the pipeline
    assert service.analyse(QuietProgress(), report.added) == report.added
    service.close()
    assert loads == ["pipeline-load"]


def test_a_pipeline_that_fails_to_load_beside_the_import_is_reported_by_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: AnalysisService) -> Analyser:
        raise RuntimeError("no English pipeline is installed")

    monkeypatch.setattr(AnalysisService, "_load", broken)
    service = AnalysisService(tmp_path / "library.sqlite")
    service.load_in_background()
    report = service.import_paths(QuietProgress(), [SAMPLE_ARTICLE])
    with pytest.raises(RuntimeError, match="no English pipeline"):
        service.analyse(QuietProgress(), report.added)
