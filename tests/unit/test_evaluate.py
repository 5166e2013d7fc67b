"""The attribution evaluation on small gold files of our own, and on PolNeAR when present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from counterclaim.evaluate import GoldFormatError, evaluate_attribution, read_gold

if TYPE_CHECKING:
    from counterclaim.nlp.extract import Extractor


EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "polnear-dev.jsonl"
TEXT = "Jane Smith said the bridge was unsafe. The weather was fine. Bob Lee believes it is safe."


def gold_file(tmp_path: Path, attributions: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    record = {"id": "a1", "title": "", "text": TEXT, "attributions": attributions}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def attribution(content: str, speaker: str, cue: str) -> dict[str, object]:
    start = TEXT.index(content)
    speaker_start = TEXT.index(speaker)
    return {
        "speaker": speaker,
        "cue": cue,
        "content_spans": [[start, start + len(content)]],
        "speaker_spans": [[speaker_start, speaker_start + len(speaker)]],
        "has_quote_marks": False,
    }


def test_scores_count_matches_misses_and_false_alarms(tmp_path: Path, extractor: Extractor) -> None:
    path = gold_file(
        tmp_path,
        [
            attribution("the bridge was unsafe", "Jane Smith", "said"),
            attribution("The weather was fine", "Jane Smith", "said"),  # a miss, on purpose
        ],
    )
    errors: list[dict[str, Any]] = []
    summary = evaluate_attribution(read_gold(path), extractor, errors.append).summary
    assert summary["counts"]["gold"] == 2 and summary["counts"]["predicted"] == 2
    assert summary["overlap"]["recall"] == 0.5
    assert summary["overlap"]["precision"] == 0.5  # Bob Lee's belief is not in this gold
    assert summary["speech_recall"] == 0.5
    assert summary["speaker_agreement"] == 1.0
    assert sorted(e["error"] for e in errors) == ["false_alarm", "miss"]


def test_a_file_of_another_shape_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"claim": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="line 1"):
        list(read_gold(path))


@pytest.mark.skipif(not EVAL.exists(), reason="../shared/eval is not beside this checkout")
def test_polnear_dev_sample_stays_above_a_floor(extractor: Extractor) -> None:
    articles = list(read_gold(EVAL))[:12]
    summary = evaluate_attribution(articles, extractor).summary
    assert summary["overlap"]["f1"] > 0.7, summary
    assert summary["speaker_agreement"] > 0.8, summary


def test_pairing_scores_on_a_small_file(tmp_path: Path, extractor: Extractor) -> None:
    from counterclaim.evaluate import evaluate_pairing, read_pairs

    rows = [
        ("1", "c1", "NATO is hostile to Russia.", "NATO is not hostile to Russia.", "opposes"),
        ("2", "c1", "NATO is hostile to Russia.", "NATO is hostile to Russia.", "supports"),
        ("3", "c1", "NATO is hostile to Russia.", "Madrid was sunny.", "neutral"),
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": i, "claim_id": c, "claim": a, "counter": b, "label": label}) + "\n"
            for i, c, a, b, label in rows
        ),
        encoding="utf-8",
    )
    summary = evaluate_pairing(read_pairs(path), extractor)
    assert summary["opposes"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert summary["accuracy"] == 1.0
    assert summary["ranking"] == {"claims": 1, "opposing_first": 1.0}


EMERGENT = EVAL.parent / "emergent-train.jsonl"


@pytest.mark.skipif(not EMERGENT.exists(), reason="../shared/eval is not beside this checkout")
def test_emergent_sample_stays_above_a_floor(extractor: Extractor) -> None:
    from counterclaim.evaluate import evaluate_pairing, read_pairs

    rows = list(read_pairs(EMERGENT))[:600]
    summary = evaluate_pairing(rows, extractor)
    assert summary["opposes"]["f1"] > 0.5, summary
