"""Errors the user can act on: one base class, one line on stderr, the right exit status;
anything else is a bug and is not swallowed."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from counterclaim import cli, errors
from counterclaim.errors import CounterclaimError
from counterclaim.evaluate import GoldFormatError
from counterclaim.files import NotAFileError
from counterclaim.ingest import ImportError_
from counterclaim.nlp.pipeline import PipelineMissing
from counterclaim.report import ReportError
from counterclaim.store import Library, LibraryError


@pytest.mark.parametrize(
    ("error", "exit_code"),
    [
        (cli.UsageError, 2),
        (ImportError_, 2),
        (GoldFormatError, 2),
        (ReportError, 2),
        (NotAFileError, 2),
        (LibraryError, 1),
        (PipelineMissing, 1),
    ],
)
def test_every_error_the_user_can_act_on_shares_the_base(
    error: type[Exception], exit_code: int
) -> None:
    assert issubclass(error, CounterclaimError)
    assert getattr(error("x"), "exit_code", None) == exit_code


def test_gold_and_pipeline_errors_keep_their_builtin_bases() -> None:
    assert issubclass(GoldFormatError, ValueError)
    assert issubclass(PipelineMissing, RuntimeError)


def test_the_errors_module_imports_nothing() -> None:
    tree = ast.parse(Path(errors.__file__).read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err.splitlines()


def test_a_file_that_is_not_a_library_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    code, err = run(capsys, "rebuttals", "1", "--library", str(notes))
    assert code == 1 and len(err) == 1 and err[0].startswith("counterclaim: ")


def test_a_report_of_nothing_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    code, err = run(capsys, "export", "--format", "md", "-o", "-", "--library", str(path))
    assert code == 2
    assert err == ["counterclaim: no article in the library is analysed yet; import one first"]


def test_a_gold_file_out_of_shape_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": "x"}) + "\n", encoding="utf-8")
    code, err = run(capsys, "evaluate", "pairs", str(gold))
    assert code == 2 and len(err) == 1
    assert err[0].startswith(f"counterclaim: {gold}, line 1: not an article")


def test_a_bug_is_not_swallowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    monkeypatch.setattr("counterclaim.report.ReportStream", broken)
    with pytest.raises(KeyError):
        cli.main(["export", "--format", "md", "-o", "-", "--library", str(path)])
