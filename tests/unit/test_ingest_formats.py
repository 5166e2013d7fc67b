"""Web pages, PDFs and Word files as a fact-checker saves them, made here in tmp_path:
what the reader sees of their text and metadata, and the one-line message when a file
cannot be used. Nothing may touch the network."""

from __future__ import annotations

import io
import json
import os
import socket
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from counterclaim import cli
from counterclaim.ingest import (
    SUPPORTED_SUFFIXES,
    ImportError_,
    collect_files,
    detect_language,
    load_article,
    load_text,
)
from counterclaim.ingest.decoding import decode_bytes

ARTICLE = [
    "The transport minister said on Tuesday that the Elm Street bridge was safe and would "
    "stay open, despite a report by engineers who called it “a danger to the public”.",
    "“There is no risk to anyone who drives across it,” the minister told reporters after "
    "meeting René Lefèvre, the mayor. She added that inspections would continue every month.",
    "The engineers’ union disputed that. Its spokesman, Tom Brown, said the cracks found in "
    "January had grown and that the bridge should close at once.",
]
FRENCH = (
    "Le ministre a déclaré mercredi que la réforme serait adoptée « à tout prix », malgré "
    "l’opposition des syndicats. « Nous irons jusqu’au bout », a-t-il ajouté. Le maire a "
    "répondu que la leçon était reçue et que ça irait très bien."
)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f"network access during import: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def one_line_about(path: Path | str, error: pytest.ExceptionInfo[ImportError_]) -> str:
    message = str(error.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


# --- web pages --------------------------------------------------------------------------


def web_page(head_charset: str = '<meta charset="windows-1252">') -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE)
    return f"""<!DOCTYPE html>
<html><head>{head_charset}
<title>Minister denies bridge is unsafe | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Minister denies bridge is unsafe">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="https://example.com/news/bridge-safe">
<script>var tracking = "SCRIPT_SECRET"; document.write("<p>injected</p>");</script>
<style>.x {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Minister denies bridge is unsafe</h1>
{paragraphs}
<p>Residents said they saw <a href="https://example.com/x">lorries</a> on it every day.
<img src="file:///etc/passwd"></p>
</article>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>COMMENT_TEXT This is outrageous, close it now! I drive there daily.</p>
</div></section>
<script>console.log("SECOND_SCRIPT")</script>
<footer>Copyright 2024 The Daily Example</footer>
</body></html>"""


@pytest.mark.parametrize(
    "charset",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        "",  # no declared charset: the narrowed detector finds cp1252
    ],
)
def test_a_saved_web_page_gives_its_article_text_and_metadata(tmp_path: Path, charset: str) -> None:
    path = write(tmp_path, "page.html", web_page(charset).encode("cp1252"))
    article = load_article(path)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Minister denies bridge is unsafe"
    assert paragraphs[1:4] == ARTICLE
    assert paragraphs[4] == "Residents said they saw lorries on it every day."
    for unwanted in ("SCRIPT_SECRET", "SECOND_SCRIPT", "injected", "COMMENT_TEXT", "<", "Home"):
        assert unwanted not in article.text
    meta = article.meta
    assert (meta.title, meta.outlet, meta.author, meta.published) == (
        "Minister denies bridge is unsafe",
        "The Daily Example",
        "Jane Smith",
        "2024-03-05",
    )
    assert meta.source == "https://example.com/news/bridge-safe"
    assert meta.language == "en"


def test_a_truncated_page_still_gives_the_text_it_has(tmp_path: Path) -> None:
    page = web_page().encode("cp1252")
    cut = page.index(b"every month") + len(b"every month")  # inside a <p>, no tag closed
    article = load_article(write(tmp_path, "cut.html", page[:cut] + b'<p class="x'))
    assert article.text.split("\n\n")[1] == ARTICLE[0]
    assert article.text.endswith("She added that inspections would continue every month")
    assert "<" not in article.text and "SCRIPT_SECRET" not in article.text


@pytest.mark.parametrize(
    "body",
    [
        "<form><label>Email</label><input name=e><label>Password</label>"
        "<input type=password><button>Log in</button></form>",
        "<ul>"
        + "".join(f'<li><a href="/{i}">Headline {i} about the news</a></li>' for i in range(30)),
        "",
    ],
    ids=["login", "list of headlines", "empty body"],
)
def test_a_page_without_an_article_says_what_to_save(tmp_path: Path, body: str) -> None:
    path = write(
        tmp_path, "page.htm", f"<html><head><title>Sign in</title></head><body>{body}".encode()
    )
    with pytest.raises(ImportError_) as error:
        load_article(path)
    assert one_line_about(path, error).endswith(
        "no article text found in the page; save the article page itself "
        "(not a list or a login page)"
    )


def test_a_canonical_link_that_is_not_a_web_address_is_ignored(tmp_path: Path) -> None:
    page = web_page().replace("https://example.com/news/bridge-safe", "javascript:alert(1)")
    path = write(tmp_path, "page.html", page.encode("cp1252"))
    assert load_article(path).meta.source == str(path)


HOSPITAL = [
    "The health minister said on Monday that the new hospital in Rivertown would open in "
    "May, despite claims by nurses that the wards were not finished.",
    "“Every ward will be ready and staffed on the first day,” she told reporters outside the "
    "building, adding that the contractors had worked through the winter.",
    "The nurses’ union disputed that. Its leader, Maria Olsen, said that two of the four "
    "wards still had no beds and that the opening should wait until autumn.",
    "“The minister has not been inside the building since January,” Ms Olsen said in a "
    "statement the union published.",
    "Local residents said they had waited ten years for the hospital and did not mind a few "
    "more months if it meant the building was safe.",
]
BANNER = "We use cookies to improve your experience on our site and to show you relevant adverts."
RELATED = [
    "Hospital waiting lists grow for a third year in a row",
    "Nurses vote to strike over pay and conditions in the north",
]
TEASER = "Read next: the minister said last year that the old hospital would stay open for good."
NOT_ARTICLE = [BANNER, *RELATED, TEASER, "Accept all", "SCRIPT_TEXT", "COMMENT_TEXT", "Copyright"]


def saved_hospital_page(banner_in_article: bool) -> str:
    """A page as a browser saves it: the article's paragraphs between scripts, an HTML
    comment, file:// links (one paragraph is all link), a cookie banner, related links, a
    teaser in an aside, readers' comments and a footer."""
    banner = (
        f'<div id="cookie-banner" class="cookie-consent"><p>{BANNER}</p>'
        f"<button>Accept all</button></div>"
    )
    related = '<div class="related-links"><h3>Related</h3><ul>' + "".join(
        f'<li><a href="file:///C:/Users/ed/saved/{n}.html">{title}</a></li>'
        for n, title in enumerate(RELATED)
    )
    p = HOSPITAL
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Minister says hospital will open in May</title>
<script>window.dataLayer = window.dataLayer || [];</script></head><body>
{"" if banner_in_article else banner}
<nav><a href="/">Home</a> <a href="/health">Health</a></nav>
<article><h1>Minister says hospital will open in May</h1>
<p>{p[0]}</p>
<script>googletag.cmd.push(function() {{ googletag.display("ad-1"); }});</script>
<p>{p[1]} <a href="file:///C:/Users/ed/Desktop/statement.pdf">Read the statement</a></p>
<!-- ad slot: <p>not text</p> -->
{banner if banner_in_article else ""}
<script type="text/javascript">var html = "<p>SCRIPT_TEXT</p>";</script>
<p>{p[2]}</p>
{related}</ul></div>
<p><a href="file:///home/ed/saved/union-statement.html">{p[3]}</a></p>
<aside><p>{TEASER}</p></aside>
<script>console.log("SECOND_SCRIPT")</script>
<p>{p[4]}</p>
</article>
<section id="comments" class="comments"><div class="comment">
<p>COMMENT_TEXT This minister has never told the truth, close the place down now.</p>
</div></section>
<footer><p>Copyright 2024 The Rivertown Gazette. All rights reserved in every country.</p>
</footer></body></html>"""


@pytest.mark.parametrize("banner_in_article", [False, True], ids=["banner on top", "in article"])
def test_every_article_paragraph_of_a_saved_page_is_kept_and_nothing_else(
    tmp_path: Path, banner_in_article: bool
) -> None:
    page = saved_hospital_page(banner_in_article).encode()
    article = load_article(write(tmp_path, "hospital.html", page))
    assert [missing for missing in HOSPITAL if missing not in article.text] == []
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Minister says hospital will open in May"
    assert [n for n, p in enumerate(paragraphs) if p.startswith(tuple(HOSPITAL))] == [1, 2, 3, 4, 5]
    assert [unwanted for unwanted in NOT_ARTICLE if unwanted in article.text] == []


# --- text encodings ---------------------------------------------------------------------


def test_windows_1252_french_is_not_read_as_cp775(tmp_path: Path) -> None:
    """charset-normalizer alone reads this as cp775 (PRACTICES.md)."""
    text = "Façade élevée : « Ça va très bien », a répondu l’élève à côté."
    article = load_article(write(tmp_path, "fr.txt", text.encode("cp1252")))
    assert article.text == text


def test_a_french_article_is_imported_and_says_it_is_french(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "fr.txt", FRENCH.encode("cp1252")))
    assert article.text == FRENCH
    assert article.meta.language == "fr"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", "Министр иностранных дел заявил, что переговоры продолжатся."),
        ("koi8_r", "Министр иностранных дел заявил, что переговоры продолжатся."),
        ("cp1250", "Minister powiedział, że rozmowy będą kontynuowane. Źródło: Łódź."),
        ("shift_jis", "外務大臣は来週も交渉を続けると述べた。"),
        ("gb18030", "外交部长表示，谈判将于下周继续进行。"),
        ("utf-16", "She said “no” to the plan, the minister’s office confirmed."),
        ("utf-8-sig", "She said “no” to the plan, the minister’s office confirmed."),
    ],
)
def test_other_encodings_news_sites_use(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def utf8_with_bad_bytes() -> bytes:
    """A UTF-8 article of 14 lines in which three bytes are not UTF-8: a Windows-1252 quote
    pasted in on line 12, and a cut byte on line 14."""
    lines = [
        "Restaurant closes after inspection",
        "",
        "The owner of Café Marée, Annika Sørensen, said on Friday that the kitchen was clean.",
        *[f"Line {n} of the report says the inspectors came twice." for n in range(4, 12)],
        "“We have done nothing wrong,” she said. BAD",
        "",
        "The inspectors’ office said the café could open again next week. BAD",
    ]
    data = "\n".join(lines).encode("utf-8")
    data = data.replace(b"BAD", b"\x92", 1)  # line 12
    return data.replace(b"BAD", b"\xe9\xff")  # line 14: two more


def test_a_utf8_file_with_a_few_bad_bytes_keeps_its_letters(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "cafe.txt", utf8_with_bad_bytes()))
    assert "Café Marée" in article.text and "Annika Sørensen" in article.text
    assert "inspectors’ office" in article.text
    assert article.text.count("\ufffd") == 3
    assert article.notes == (
        "3 bytes that are not UTF-8 were replaced by “\ufffd”, first at line 12",
    )


def test_one_bad_byte_in_a_web_page_is_named_with_its_line(tmp_path: Path) -> None:
    page = web_page('<meta charset="utf-8">').replace("René Lefèvre", "René Lef\x00vre")
    data = page.encode("utf-8").replace(b"\x00", b"\xe8")
    line = data[: data.index(b"\xe8")].count(b"\n") + 1
    article = load_article(write(tmp_path, "page.html", data))
    assert "René Lef\ufffdvre, the mayor" in article.text
    assert article.notes == (f"1 byte that is not UTF-8 was replaced by “\ufffd”, at line {line}",)


def test_text_with_no_utf8_in_it_is_read_as_a_legacy_code_page(tmp_path: Path) -> None:
    """Not one well-formed UTF-8 sequence: the bytes are a code page, nothing is replaced."""
    text = "Café Marée: Annika Sørensen said the kitchen was clean."
    article = load_article(write(tmp_path, "cafe.txt", text.encode("cp1252")))
    assert (article.text, article.notes) == (text, ())


def test_a_declared_charset_wins_over_guessing() -> None:
    data = "Ça coûte 5 €".encode("iso8859_15")
    assert decode_bytes(data, "a.html", declared="iso-8859-15") == "Ça coûte 5 €"


# --- PDF --------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def text_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF with a text layer, one text line per entry, written object by object."""
    page_ids = [4 + 2 * n for n in range(len(pages))]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % i for i in page_ids), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for n, lines in enumerate(pages):
        stream = (
            b"BT /F1 10 Tf 14 TL 50 760 Td "
            + b"".join(_pdf_string(line) + b" Tj T* " for line in lines)
            + b"ET"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_ids[n] + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 2)
    if info:
        fields = b" ".join(b"/" + k.encode() + b" " + _pdf_string(v) for k, v in info.items())
        objects.append(b"<< " + fields + b" >>")
        trailer += b" /Info %d 0 R" % len(objects)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref))
    return out.getvalue()


PDF_PAGES = [
    [
        "Minister denies bridge is unsafe",
        "The transport minister said on Tuesday that the Elm Street bridge was safe",
        "and would stay open, despite a report by engineers who called it a dan-",
        "ger to the public. She said there was no risk to anyone, and that",
        "inspections would go on.",
        "The engineers' union disputed that. Its spokesman, Tom Brown, said that",
        "the cracks had grown.",
        "1",
    ],
    [
        "Residents said they had seen heavy lorries on the bridge every single day",
        "this year.",
        "Page 2 of 2",
    ],
]
PDF_TEXT = (
    "Minister denies bridge is unsafe\n\n"
    "The transport minister said on Tuesday that the Elm Street bridge was safe and would "
    "stay open, despite a report by engineers who called it a danger to the public. She said "
    "there was no risk to anyone, and that inspections would go on.\n\n"
    "The engineers' union disputed that. Its spokesman, Tom Brown, said that the cracks had "
    "grown.\n\n"
    "Residents said they had seen heavy lorries on the bridge every single day this year."
)
PDF_INFO = {
    "Title": "Bridge stays open",
    "Author": "Jane Smith",
    "CreationDate": "D:20240305093000Z",
}


def test_a_pdf_gives_its_text_in_paragraphs_and_its_metadata(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a.pdf", text_pdf(PDF_PAGES, PDF_INFO)))
    assert article.text == PDF_TEXT
    meta = article.meta
    assert (meta.title, meta.author, meta.published) == (
        "Bridge stays open",
        "Jane Smith",
        "2024-03-05",
    )
    assert meta.language == "en"


def test_a_pdf_without_metadata_takes_its_title_from_the_first_line(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a.pdf", text_pdf(PDF_PAGES)))
    assert article.meta.title == "Minister denies bridge is unsafe"


def _rewritten(data: bytes, password: str | None = None, blank: bool = False) -> bytes:
    writer = PdfWriter() if blank else PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if blank:
        writer.add_blank_page(612, 792)  # what a scan is to the text layer: nothing
    if password is not None:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda pdf: _rewritten(pdf, password="pw"),
            "the PDF is protected by a password; save an unprotected copy",
        ),
        (
            lambda pdf: _rewritten(pdf, blank=True),
            "the PDF has no text layer (scanned images?); run OCR on it first, or paste the text",
        ),
        (lambda pdf: pdf[: len(pdf) // 2], "the PDF is damaged or incomplete ("),
        (lambda pdf: b"%PDF-1.4", "the PDF is damaged or incomplete ("),
    ],
    ids=["password", "image only", "cut in half", "header only"],
)
def test_a_pdf_that_cannot_be_read_says_why(
    tmp_path: Path, make: Any, message: str, capfd: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "a.pdf", make(text_pdf(PDF_PAGES, PDF_INFO)))
    with pytest.raises(ImportError_) as error:
        load_article(path)
    assert one_line_about(path, error).startswith(f"{path}: {message}")
    assert capfd.readouterr().err == ""  # pypdf's own warnings stay quiet


def test_a_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    pdf = _rewritten(text_pdf(PDF_PAGES), password="")
    assert load_article(write(tmp_path, "a.pdf", pdf)).text == PDF_TEXT


# --- Word -------------------------------------------------------------------------------


def word_document(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.add_heading("Minister denies bridge is unsafe", level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
        document.add_paragraph("")
    properties = document.core_properties
    properties.title = "Bridge stays open"
    properties.author = "Jane Smith"
    properties.created = properties.created.replace(year=2024, month=3, day=5)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_gives_paragraphs_and_its_properties(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "a.docx", word_document(ARTICLE)))
    assert article.text == "\n\n".join(["Minister denies bridge is unsafe", *ARTICLE])
    meta = article.meta
    assert (meta.title, meta.author, meta.published) == (
        "Bridge stays open",
        "Jane Smith",
        "2024-03-05",
    )


@pytest.mark.parametrize(
    "data", [b"This is plain text saved with the wrong name.\n", b"PK\x03\x04broken"]
)
def test_a_file_named_docx_that_is_not_one(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "a.docx", data)
    with pytest.raises(ImportError_) as error:
        load_article(path)
    assert "is not a Word document (.docx) or is damaged" in one_line_about(path, error)


# --- size, pasted text, language --------------------------------------------------------


def test_a_file_over_the_cap_says_its_size_the_cap_and_how_to_raise_it(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 600)
    with pytest.raises(ImportError_) as error:
        load_article(path, max_bytes=2048)
    assert one_line_about(path, error) == (
        f"{path}: 2.9 KB is over the 2 KB limit for one article; if it really is one article, "
        "raise the limit to 1 MB or more: --max-size 1 on the command line, or "
        "File > Preferences… (Ctrl+,) > “Largest article file to import” in the window"
    )


def test_extract_reads_a_file_over_the_cap_when_told_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "big.txt", ("Jane Smith said the bridge was unsafe. " * 80).encode())
    code, out, err = run_cli(capsys, "extract", str(path), "--json", "--max-size", "0.002")
    assert (code, out) == (1, [])
    assert err == [
        f"counterclaim: {path}: 3 KB is over the 2 KB limit for one article; if it really is "
        "one article, raise the limit to 1 MB or more: --max-size 1 on the command line, or "
        "File > Preferences… (Ctrl+,) > “Largest article file to import” in the window"
    ]
    code, out, err = run_cli(capsys, "extract", str(path), "--json", "--max-size", "1")
    assert code == 0, err
    assert json.loads(out[0])["article"]["chars"] == len(path.read_text(encoding="utf-8"))


def test_pasted_text_is_an_article(tmp_path: Path) -> None:
    article = load_text("Bridge stays open\r\n\r\n" + ARTICLE[0], source="https://example.com/a")
    assert article.text == "Bridge stays open\n\n" + ARTICLE[0]
    assert article.meta.title == "Bridge stays open"
    assert article.meta.source == "https://example.com/a"
    assert article.meta.language == "en"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (" \n\t ", "pasted text: there is no text; paste the article's text"),
        (
            "x" * 3000,
            "pasted text: 2.9 KB is over the 2 KB limit for one article; if it really is one "
            "article, raise the limit to 1 MB or more in File > Preferences… (Ctrl+,) > "
            "“Largest article file to import”",
        ),
    ],
)
def test_pasted_text_that_cannot_be_used(text: str, message: str) -> None:
    with pytest.raises(ImportError_, match=r"^pasted text: ") as error:
        load_text(text, max_bytes=2048)
    assert str(error.value) == message


def test_language_needs_enough_letters() -> None:
    assert detect_language("Oui, non.") is None
    assert detect_language(FRENCH) == "fr"
    assert detect_language(" ".join(ARTICLE)) == "en"
    assert detect_language("Der Außenminister sagte, die Gespräche würden fortgesetzt.") == "de"


# --- folders ----------------------------------------------------------------------------


def test_folders_give_their_article_files_sorted_without_hidden_ones(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    good = write(folder, "b-good.txt", b"Headline\n\nThe minister said the bridge was safe.\n")
    bad = write(folder, "a-bad.pdf", b"%PDF-1.4 cut")
    nested = write(folder, "sub/c.html", web_page().encode("cp1252"))
    write(folder, ".hidden.txt", b"secret")
    write(folder, ".git/d.txt", b"secret")
    write(folder, "photo.jpg", b"\xff\xd8\xff")
    notes = write(tmp_path, "notes.odt", b"x")
    files, problems = collect_files([folder, tmp_path / "missing", notes, good])
    assert files == [bad, good, nested]
    assert problems == [
        f"{tmp_path / 'missing'}: no such file or folder; check the name and try again",
        f"{notes}: unsupported file type .odt; save the article as .txt, .md, .html, .pdf or .docx",
    ]


def test_a_folder_without_articles_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    assert collect_files([tmp_path]) == (
        [],
        [
            f"{tmp_path}: no article files (.txt .md .html .pdf .docx) in this folder; "
            f"choose the folder the articles are in"
        ],
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_files_and_folders_are_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    write(locked, "a.txt", b"text")
    secret = write(tmp_path, "open/secret.txt", b"text")
    secret.chmod(0)
    locked.chmod(0)
    try:
        files, problems = collect_files([locked, tmp_path / "open"])
    finally:
        locked.chmod(0o700)
        secret.chmod(0o600)
    assert files == []
    assert problems == [
        f"{locked}: the folder cannot be read (permission denied); check its permissions",
        f"{secret}: the file cannot be read (permission denied); check its permissions",
    ]


def test_unreadable_paths_are_named_even_when_running_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    write(locked, "a.txt", b"text")
    secret = write(tmp_path, "open/secret.txt", b"text")
    real_scandir, real_access = os.scandir, os.access

    def scandir(path: Any) -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != secret and real_access(p, mode))
    files, problems = collect_files([locked, tmp_path / "open", secret])
    assert files == []
    assert problems == [
        f"{locked}: the folder cannot be read (permission denied); check its permissions",
        f"{secret}: the file cannot be read (permission denied); check its permissions",
        f"{secret}: the file cannot be read (permission denied); check its permissions",
    ]
    # collect_files promises str messages; each is a Problem, a str that also carries .path
    assert [problem.path for problem in problems] == [locked, secret, secret]  # type: ignore[attr-defined]


def test_every_supported_suffix_has_a_reader() -> None:
    assert set(SUPPORTED_SUFFIXES) == {
        ".txt",
        ".md",
        ".markdown",
        ".text",
        ".html",
        ".htm",
        ".pdf",
        ".docx",
    }


# --- the command line -------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def library_titles(path: Path) -> list[str]:
    from counterclaim.store import Library

    with Library.open(path) as library:
        return sorted(a.title for a in library.articles())


def test_import_a_folder_keeps_the_good_files_and_names_the_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    write(folder, "a.html", web_page().encode("cp1252"))
    write(folder, "b.pdf", text_pdf(PDF_PAGES, PDF_INFO))
    write(folder, "c.docx", b"plain text, not a Word file")
    write(folder, "d.pdf", text_pdf(PDF_PAGES)[:300])
    write(folder, "e.txt", FRENCH.encode("cp1252"))
    library = tmp_path / "lib.sqlite"
    code, out, err = run_cli(
        capsys, "import", str(folder), "--library", str(library), "--no-analyse", "--json"
    )
    assert code == 1
    lines = {Path(d["path"]).name: d for d in map(json.loads, out)}
    assert {name for name, d in lines.items() if d["ok"]} == {"a.html", "b.pdf", "e.txt"}
    assert lines["a.html"]["title"] == "Minister denies bridge is unsafe"
    assert lines["e.txt"]["language"] == "fr" and "article_id" in lines["e.txt"]
    assert "is not a Word document" in lines["c.docx"]["error"]
    assert len(err) == 2
    assert err[0].startswith(f"skipped: {folder / 'c.docx'}: is not a Word document")
    assert err[1].startswith(f"skipped: {folder / 'd.pdf'}: the PDF is damaged")
    assert library_titles(library) == sorted(
        [
            "Minister denies bridge is unsafe",
            "Bridge stays open",
            # the first sentence, cut at a word to 90 characters
            "Le ministre a déclaré mercredi que la réforme serait adoptée « à tout prix », malgré…",
        ]
    )

    code, out, err = run_cli(
        capsys, "import", str(folder / "b.pdf"), "--library", str(library), "--json"
    )
    # the articles stored with --no-analyse are left unanalysed: this import finishes them
    assert code == 0 and err == ["Finishing 3 articles that an earlier run left unanalysed."]
    assert json.loads(out[0]) == {
        "path": str(folder / "b.pdf"),
        "ok": True,
        "article_id": lines["b.pdf"]["article_id"],
        "created": False,
        "duplicate_of": lines["b.pdf"]["article_id"],
        "title": "Bridge stays open",
        "language": "en",
    }


def test_import_reads_out_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    french = write(tmp_path, "fr.txt", f"Réforme des retraites\n\n{FRENCH}\n".encode())
    big = write(tmp_path, "big.txt", b"word " * 300_000)
    library = tmp_path / "lib.sqlite"
    code, out, err = run_cli(
        capsys,
        "import",
        str(french),
        str(big),
        "--library",
        str(library),
        "--no-analyse",
        "--max-size",
        "1",
    )
    assert code == 1
    assert out == [
        f"{french}: imported “Réforme des retraites” as article 1",
        f"{french}: “Réforme des retraites” is in French, not English: imported without statements",
    ]
    assert err == [
        f"skipped: {big}: 1.4 MB is over the 1 MB limit for one article; if it really is one "
        "article, raise the limit to 2 MB or more: --max-size 2 on the command line, or "
        "File > Preferences… (Ctrl+,) > “Largest article file to import” in the window"
    ]
    code, out, _ = run_cli(capsys, "import", str(french), "--library", str(library))
    assert code == 0
    assert out == [
        f"{french}: already in the library as article 1 “Réforme des retraites”",
        "Finishing 1 article that an earlier run left unanalysed.",  # the --no-analyse one
    ]


def test_import_says_which_bytes_were_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "cafe.txt", utf8_with_bad_bytes())
    library = tmp_path / "lib.sqlite"
    code, out, err = run_cli(capsys, "import", str(path), "--library", str(library), "--no-analyse")
    assert (code, err) == (0, [])
    assert out == [
        f"{path}: imported “Restaurant closes after inspection” as article 1",
        f"{path}: 3 bytes that are not UTF-8 were replaced by “\ufffd”, first at line 12",
    ]
    path.write_bytes(utf8_with_bad_bytes().replace(b"Friday", b"Monday"))
    code, out, _ = run_cli(capsys, "import", str(path), "--library", str(library), "--json")
    assert json.loads(out[0])["notes"] == [
        "3 bytes that are not UTF-8 were replaced by “\ufffd”, first at line 12"
    ]


def test_import_refuses_a_file_too_short_to_analyse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "stub.txt", b"a")
    library = tmp_path / "lib.sqlite"
    code, out, err = run_cli(capsys, "import", str(path), "--library", str(library))
    assert (code, out) == (2, [])
    assert err == [
        f"skipped: {path}: only 1 word of text, too little to analyse (a statement needs at "
        f"least 3, as in “NATO denied it”); choose a file with the article in it"
    ]
    assert not library.exists()


EVIL_NAME = "evil\n\x1b[31mred\u202etxt.exe"  # a line break, a colour escape, bidi override
EVIL_SHOWN = "evil\\n\\x1b[31mred\\u202etxt.exe"


def test_import_prints_names_with_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, f"{EVIL_NAME}.txt", b"Bridge \x1b[2Jis safe\n\nThe minister said so.")
    empty = write(tmp_path, f"{EVIL_NAME}-empty.txt", b"")
    library = tmp_path / "lib.sqlite"
    args = ("import", str(good), str(empty), "--library", str(library), "--no-analyse")
    code, out, err = run_cli(capsys, *args)
    assert code == 1
    assert out == [f"{tmp_path}/{EVIL_SHOWN}.txt: imported “Bridge \\x1b[2Jis safe” as article 1"]
    assert err == [
        f"skipped: {tmp_path}/{EVIL_SHOWN}-empty.txt: the file is empty; "
        f"choose a file with the article in it"
    ]
    code, out, err = run_cli(capsys, *args, "--json")
    assert "\x1b" not in "".join(out + err) and "\u202e" not in "".join(out + err)
    assert [json.loads(line)["path"] for line in out] == [str(good), str(empty)]  # exact


def test_an_error_about_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"{EVIL_NAME}.txt"
    code, out, err = run_cli(capsys, "extract", str(missing))
    assert (code, out) == (1, [])
    assert err == [
        f"counterclaim: {tmp_path}/{EVIL_SHOWN}.txt: no such file; check the name and try again"
    ]
    code, _, err = run_cli(capsys, "export", "--format", "md", "-o", "-", "--library", str(missing))
    assert code == 2 and err == [
        f"counterclaim: {tmp_path}/{EVIL_SHOWN}.txt: no library there; import an article first"
    ]


def test_import_of_nothing_readable_exits_2_and_leaves_no_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "lib.sqlite"
    code, _, err = run_cli(
        capsys,
        "import",
        str(tmp_path / "nope.txt"),
        str(write(tmp_path, "x.txt", b"")),
        "--library",
        str(library),
    )
    assert code == 2 and len(err) == 2
    assert not library.exists()
