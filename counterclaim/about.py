"""What a fact-checker reporting a problem says they ran: `counterclaim --version` and
Help > About."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, metadata

from counterclaim.nlp.models import model_description


@dataclass(frozen=True)
class About:
    version: str
    licence: str
    model: str

    @classmethod
    def find(cls, preferred_model: str | None = None) -> About:
        try:
            info = metadata("counterclaim")
        except PackageNotFoundError:  # run from sources never installed
            return cls("unknown (not installed)", "MIT", model_description(preferred_model))
        licence = (info.get_all("License-Expression") or info.get_all("License") or ["MIT"])[0]
        return cls(info["Version"], licence, model_description(preferred_model))

    def version_line(self) -> str:
        return f"counterclaim {self.version} (spaCy pipeline: {self.model})"
