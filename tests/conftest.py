"""Shared fixtures: one spaCy pipeline per test session, isolated user folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from counterclaim.paths import SAMPLE_ARTICLE

if TYPE_CHECKING:
    from counterclaim.domain import Analysis
    from counterclaim.nlp.extract import Extractor

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SAMPLE_TITLE = 'Russia\'s Dmitriy Peskov slams NATO as a "hostile organisation".'


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings, the default library and the log go to a temporary folder, never the
    user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("COUNTERCLAIM_LIBRARY", raising=False)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    from counterclaim.nlp.extract import Extractor

    return Extractor.load()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_analysis(extractor: Extractor, sample_text: str) -> Analysis:
    return extractor.analyse(sample_text, SAMPLE_TITLE)


@pytest.fixture
def library_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "library.sqlite"


pytest_plugins = ["tests.postgres"]
