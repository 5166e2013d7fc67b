"""Two reviewers' programs writing one library at the same moment, on a file and on a
PostgreSQL server: the same article imported by both is one article, each sets the verdict
of the same pairs over and over from what it last read, and afterwards every action either
was made (and is in the library) or was refused as a conflict and reported; none is lost
and none half-made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from counterclaim.domain import (
    Analysis,
    ArticleMeta,
    BatchState,
    Edit,
    Pair,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.store import Library, LibraryLocation
from tests.conftest import ROOT

ROUNDS = 60

WRITER = r"""
import json, random, sys, time
from pathlib import Path
from counterclaim.domain import Edit
from counterclaim.services.analysis import AnalysisService
from counterclaim.store import EditConflict, Library

where, who, ready, links = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4:]
(ready / who).touch()
while len(list(ready.iterdir())) < 2:  # both start together
    time.sleep(0.01)
report = AnalysisService(where).import_text("The same article, imported by two.\n" * 3)
made, conflicts = [], 0
random.seed(who)
with Library.open(where) as library:
    for n in range(%(rounds)d):
        link = links[n % len(links)]
        seen = library.pair(link).verdict
        time.sleep(random.random() * 0.01)  # the other may write in between
        try:
            batch = library.apply("Set verdict", [Edit(link, "verdict", seen, f"{who}-{n}")], who)
            made.append(batch.id)
        except EditConflict:
            conflicts += 1
print(json.dumps({"made": made, "conflicts": conflicts, "new": report.added}))
""".replace("%(rounds)d", str(ROUNDS))


def analysis_with_pairs(text: str, pairs: int) -> Analysis:
    speakers = (
        Speaker("sp1", "Dmitry Peskov", SpeakerKind.PERSON, side="Russia"),
        Speaker("sp2", "NATO", SpeakerKind.ORGANISATION, side="NATO"),
    )
    statements = tuple(
        Statement(
            id=f"st{n}",
            speaker_id=speakers[n % 2].id,
            speaker_text=speakers[n % 2].name,
            cue="said",
            kind=StatementKind.INDIRECT,
            content=Span(n, n + 1),
            text=text[n],
            rule="test",
        )
        for n in range(2 * pairs)
    )
    found = tuple(Pair(f"st{2 * k}", f"st{2 * k + 1}", 0.9, ("a denial",)) for k in range(pairs))
    return Analysis(speakers, statements, found)


def test_two_writers_lose_nothing_and_every_conflict_is_reported(
    library_location: LibraryLocation, tmp_path: Path
) -> None:
    text = "NATO is hostile and it is not. " * 4
    with Library.open(library_location) as library:
        article_id, _ = library.add_article(ArticleMeta("Both"), text, "sha-both")
        stored = library.save_analysis(article_id, analysis_with_pairs(text, 3))
        links = [p.id or "" for p in stored.pairs]
    where = library_location.address or str(library_location.path)
    ready = tmp_path / "ready"
    ready.mkdir()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, where, who, str(ready), *links],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for who in ("ana", "ben")
    ]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    made = [batch for result in results for batch in result["made"]]
    conflicts = sum(result["conflicts"] for result in results)
    print(f"\n{library_location}: {len(made)} actions made, {conflicts} conflicts reported")
    assert len(made) + conflicts == 2 * ROUNDS  # each action made or reported
    assert conflicts > 0  # both wrote the same verdicts at once
    assert sorted(len(result["new"]) for result in results) == [0, 1]  # one article
    with Library.open(library_location) as library:
        found = {b.id: b for b in library.batches(limit=10 * ROUNDS)}
        assert set(made) <= set(found)  # every action made is there, whole
        assert all(found[b].state is BatchState.DONE and len(found[b].edits) == 1 for b in made)
        for link in links:  # the verdict is the last action made on it
            last = max((b for b in made if found[b].edits[0].target == link), key=lambda b: b)
            assert library.pair(link).verdict == found[last].edits[0].after
        assert sum(a.title.startswith("The same article") for a in library.article_list()) == 1


def test_an_analysis_saved_over_a_reviewers_decision_keeps_it(
    library_location: LibraryLocation,
) -> None:
    """The article is analysed again (by another reviewer's window) after a pair was
    confirmed and its verdict set: the decision stays, on the same pair."""
    text = "NATO is hostile and it is not. " * 4
    analysis = analysis_with_pairs(text, 2)
    with Library.open(library_location) as library:
        article_id, _ = library.add_article(ArticleMeta("Again"), text, "sha-again")
        link = library.save_analysis(article_id, analysis).pairs[0].id or ""
        pair = library.pair(link)
        library.apply(
            "Confirm",
            [Edit(link, "status", "suggested", "confirmed"), Edit(link, "verdict", None, "False")],
            "ana",
        )
        again = library.save_analysis(article_id, analysis)
        kept = [p for p in again.pairs if p.claim_id == pair.claim_id]
        assert [(p.id, p.status.value, p.verdict) for p in kept] == [(link, "confirmed", "False")]
