"""The CLI contract, run as a user runs it: a real process, a real library file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.paths import SAMPLE_ARTICLE


def cli(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counterclaim.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def file_state(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_extract_json_follows_the_contract(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Jane Smith said the bridge was unsafe.\n", encoding="utf-8")
    result = cli("extract", str(SAMPLE_ARTICLE), str(other), "--json")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["file"] for d in lines] == [str(SAMPLE_ARTICLE), str(other)]
    sample = lines[0]
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    assert sample["article"]["chars"] == len(text)
    for statement in sample["statements"]:
        assert text[statement["start"] : statement["end"]] == statement["text"]
        assert statement["kind"] in ("direct", "indirect", "mixed", "headline")
    scores = [p["score"] for p in sample["pairs"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    names = {s["id"]: s["name"] for s in sample["speakers"]}
    statements = {s["id"]: s for s in sample["statements"]}
    best = sample["pairs"][0]
    assert names[statements[best["claim"]]["speaker"]] == "Dmitriy Peskov"
    assert names[statements[best["rebuttal"]]["speaker"]] in ("NATO", "Jens Stoltenberg")


def test_import_twice_keeps_one_article(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    first = cli("import", str(SAMPLE_ARTICLE), "--library", str(library), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["created"] is True
    second = cli(
        "import", str(SAMPLE_ARTICLE), "--json", env={"COUNTERCLAIM_LIBRARY": str(library)}
    )
    assert second.returncode == 0, second.stderr
    before, again = json.loads(first.stdout), json.loads(second.stdout)
    assert again == {**before, "created": False, "duplicate_of": before["article_id"]}


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03", "binary"),
    ],
)
def test_bad_input_fails_with_one_line_and_leaves_the_library_alone(
    tmp_path: Path, name: str, data: bytes | None, words: str
) -> None:
    library = tmp_path / "lib.sqlite"
    assert (
        cli("import", str(SAMPLE_ARTICLE), "--library", str(library), "--no-analyse").returncode
        == 0
    )
    before = file_state(library)
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = cli("import", str(path), "--library", str(library))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert file_state(library) == before


def test_a_library_that_is_not_a_library_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = cli("import", str(SAMPLE_ARTICLE), "--library", str(notes))
    assert result.returncode != 0 and "--library" in result.stderr
    assert notes.read_text() == "my notes\n"


def test_compare_two_texts() -> None:
    result = cli("compare", "NATO is hostile to Russia", "NATO poses no threat to Russia", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["rebuts"] is True and answer["reasons"]


def test_compare_jsonl(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {"id": "a", "claim": "The bridge is safe.", "counter": "The bridge is not safe."}
        )
        + "\n"
        + json.dumps({"id": 7, "claim": "The bridge is safe.", "counter": "Lunch was at noon."})
        + "\n",
        encoding="utf-8",
    )
    result = cli("compare", "--jsonl", str(pairs))
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["id"], a["rebuts"]) for a in answers] == [("a", True), (7, False)]
    assert set(answers[0]) == {"id", "rebuts", "score", "reasons"}


def test_compare_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text('{"id": 1, "claim": "x"}\n', encoding="utf-8")
    result = cli("compare", "--jsonl", str(pairs))
    assert result.returncode != 0 and "line 1" in result.stderr


def test_evaluate_pairs_on_a_gold_article_and_its_errors(tmp_path: Path) -> None:
    text = (
        "Reports that the mayor of Springfield was arrested in Miami spread quickly on "
        "Friday. The mayor's office said the reports of an arrest were false."
    )
    record = {
        "id": "a1",
        "title": "",
        "text": text,
        "speakers": [
            {"name": "reports", "aliases": ["Reports"], "side": "rumour"},
            {"name": "the mayor's office", "aliases": [], "side": "mayor"},
        ],
        "statements": [
            {"sid": "s1", "speaker": "reports", "anchor": "was arrested in Miami"},
            {"sid": "s2", "speaker": "the mayor's office", "anchor": "were false"},
        ],
        "pairs": [{"claim": "s1", "rebuttal": "s2"}],
    }
    gold, errors = tmp_path / "gold.jsonl", tmp_path / "errors.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = cli("evaluate", "pairs", str(gold), "--json", "--errors", str(errors))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["pairs"]["right"] == summary["pairs"]["gold"] == 1
    assert summary["statements"]["found"] == 2
    assert errors.read_text(encoding="utf-8") == ""  # nothing missed, nothing wrong

    gold.write_text('{"id": "a1", "text": "x"}\n', encoding="utf-8")
    result = cli("evaluate", "pairs", str(gold))
    assert result.returncode != 0
    assert "line 1" in result.stderr and len(result.stderr.strip().splitlines()) == 1
