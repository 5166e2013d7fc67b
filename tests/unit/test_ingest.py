from pathlib import Path

import pytest

from counterclaim.ingest import ImportError_, load_article, load_text, text_sha256


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file_keeps_offsets_of_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Headline here\r\n\r\nNATO said “no”.\r\n".encode())
    article = load_article(path)
    assert article.text == "Headline here\n\nNATO said “no”.\n"
    assert article.meta.title == "Headline here"


def test_same_text_with_other_white_space_has_the_same_hash() -> None:
    assert text_sha256("NATO  said\nno.") == text_sha256("NATO said no.\n")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("utf16.txt", b"\xff\xfe\x00\xd8", "UTF-16 text but is not; re-save it as UTF-8"),
        ("doc.pdf", b"%PDF-1.4", "the PDF is damaged or incomplete"),
        ("doc.rtf", b"{\\rtf1 text}", "unsupported file type .rtf; save the article as .txt, .md"),
        ("noext", b"text", r"unsupported file type \(no extension\)"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportError_, match=message):
        load_article(write(tmp_path, name, data))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match="no such file"):
        load_article(tmp_path / "nope.txt")


def test_markdown_marks_are_dropped(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a.md", b"# Title\n\nShe said **no** [here](http://x)."))
    assert article.text.startswith("Title\n\nShe said no here.")


def test_a_legacy_encoded_text_file_is_decoded(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "latin.txt", "Façade élevée à côté".encode("cp1252")))
    assert article.text == "Façade élevée à côté"


def test_a_folder_given_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match="is a folder; give the article files inside it"):
        load_article(tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"x", "only 1 word of text, too little to analyse"),
        (b"Peskov\n\nlied", "only 2 words of text, too little to analyse"),
        (b"2024 -- 12/05 *", "no words in the text, only digits or signs"),
    ],
)
def test_too_little_to_analyse_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path, "short.txt", data)
    with pytest.raises(ImportError_) as error:
        load_article(path)
    assert str(error.value).startswith(f"{path}: {message}")
    assert str(error.value).endswith("; choose a file with the article in it")


@pytest.mark.parametrize(
    "statement",
    ["NATO denied it.", "“No,” she said.", "外務大臣は交渉を続けると述べた。", "Он это отрицал."],
)
def test_a_one_sentence_statement_is_enough(tmp_path: Path, statement: str) -> None:
    article = load_article(write(tmp_path, "one.txt", statement.encode()))
    assert article.text == statement


def test_too_little_pasted_text_says_to_paste_the_article() -> None:
    with pytest.raises(ImportError_) as error:
        load_text("ok")
    assert str(error.value) == (
        "pasted text: only 1 word of text, too little to analyse (a statement needs at least "
        "3, as in “NATO denied it”); paste the article's text"
    )
