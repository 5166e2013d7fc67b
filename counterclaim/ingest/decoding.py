"""Bytes to text: byte-order mark, then the declared charset, then UTF-8, then UTF-8 with
the few bytes that are not UTF-8 replaced (when the text is mostly UTF-8), then a detector
narrowed to the encodings news pages actually use.

"Mostly UTF-8": at least as many well-formed multi-byte UTF-8 sequences as bytes that are
not UTF-8. Text in a legacy code page almost never holds a well-formed sequence by chance
("é" in Windows-1252 is one byte, followed by a letter, not by the continuation bytes UTF-8
needs), so a file whose accented letters are UTF-8 is UTF-8, and a stray byte in it (a
copy that was cut, a Windows-1252 quote pasted in) is replaced by U+FFFD and reported,
rather than reading every "é" of the file as "Ã©". Text without a single well-formed
sequence goes to the detector as before.

charset-normalizer on its own decoded plain Windows-1252 French as cp775, and with a
short list it still prefers cp1250 for French and German (the letters agree for most
words, "très" comes out as "trčs"). So each candidate is scored with its mess detector and
ties go to the encoding listed first: Western European, then Cyrillic, Central European,
Greek, Turkish, Baltic, then the East Asian ones.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer.md import mess_ratio

from counterclaim.ingest.base import ImportError_

CANDIDATES = (
    "cp1252",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "iso8859_15",
    "cp1253",
    "cp1254",
    "cp1257",
    "shift_jis",
    "gb18030",
    "big5",
    "euc_kr",
    "euc_jp",
)
_SAMPLE_CHARS = 32_000  # scoring the first part is enough and keeps a 20 MB file quick
_TOO_MESSY = 0.5
_SHORT_TEXT = 200  # bytes
_SHORT_TEXT_TOLERANCE = 0.4
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte surrogateescape could not decode
_MULTI_BYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a character UTF-8 needs 2-4 bytes for
_LINE_END = re.compile("\r\n|\r|\n")
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# What browsers do with these labels (WHATWG Encoding): latin-1 means windows-1252, and a
# page that says UTF-16 in its own bytes is not UTF-16.
_AS_BROWSERS_READ = {
    "iso8859_1": "cp1252",
    "latin_1": "cp1252",
    "ascii": "cp1252",
    "utf_16": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The charset a web page names for itself, from its raw bytes: <meta charset>, the
    http-equiv Content-Type, or the XML declaration."""
    head = data[:16_384]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii") if found else None


@dataclass(frozen=True)
class Decoded:
    """A file's text, and the bytes that were not UTF-8 and were replaced by U+FFFD: how
    many, and the line of the file the first is on (0 when none was)."""

    text: str
    replaced: int = 0
    first_line: int = 0

    @property
    def note(self) -> str | None:
        """What the reader should know about the text, in one line, or None."""
        if not self.replaced:
            return None
        if self.replaced == 1:
            return f"1 byte that is not UTF-8 was replaced by “\ufffd”, at line {self.first_line}"
        return (
            f"{self.replaced} bytes that are not UTF-8 were replaced by “\ufffd”, "
            f"first at line {self.first_line}"
        )


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """The text of a file; raises ImportError_ when it is empty, binary or undecodable."""
    return decode(data, where, declared).text


def decode(data: bytes, where: str, declared: str | None = None) -> Decoded:
    """The text of a file, with what was replaced to read it; raises ImportError_ when it
    is empty, binary or undecodable."""
    if not data.strip():
        raise ImportError_(f"{where}: the file is empty; choose a file with the article in it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_decode_with_bom(data, encoding, where))
    if b"\x00" in data[:8192]:
        raise ImportError_(f"{where}: looks like a binary file, not text; save it as .txt first")
    for encoding in (_codec(declared) or "utf-8", "utf-8"):
        try:
            return Decoded(data.decode(encoding))
        except UnicodeDecodeError:
            pass
    return _mostly_utf8(data) or Decoded(_detect(data, where))


def _mostly_utf8(data: bytes) -> Decoded | None:
    """The text read as UTF-8 with each stretch of bytes that is not UTF-8 replaced by
    U+FFFD, as browsers do, when the file is mostly UTF-8 (see the module's docstring)."""
    escaped = data.decode("utf-8", errors="surrogateescape")  # one surrogate per bad byte
    bad = _ESCAPED_BYTE.subn("", escaped)[1]  # counted without a list of millions
    well_formed = _MULTI_BYTE.subn("", escaped)[1]
    if not well_formed or well_formed < bad:
        return None
    first = _ESCAPED_BYTE.search(escaped)
    line = len(_LINE_END.findall(escaped, 0, first.start())) + 1 if first else 0
    return Decoded(data.decode("utf-8", errors="replace"), bad, line)


def _decode_with_bom(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ImportError_(
            f"{where}: starts like {encoding.upper()} text but is not; re-save it as UTF-8"
        ) from None


def _codec(label: str | None) -> str | None:
    """Python's codec for a declared charset, or None if Python has no such codec."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name.replace("-", "_")
    except LookupError:
        return None
    if name.startswith("utf_16") or name.startswith("utf_32"):
        name = "utf_16"
    return _AS_BROWSERS_READ.get(name, name)


def _detect(data: bytes, where: str) -> str:
    scored = []  # (mess, rank, text) in the order of CANDIDATES
    for rank, encoding in enumerate(CANDIDATES):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((round(mess_ratio(text[:_SAMPLE_CHARS], 1.0), 3), rank, text))
    least = min((mess for mess, _, _ in scored), default=_TOO_MESSY)
    if least >= _TOO_MESSY:
        raise ImportError_(
            f"{where}: the text encoding could not be recognised; "
            f"re-save it as UTF-8 and import it again"
        )
    # On a line or two the mess score is noise ("Façade élevée à côté" scores 0.35 in
    # cp1252 and 0 in cp1257): there cp1252, by far the most common, wins when it is near.
    mess, rank, text = scored[0]
    if rank == 0 and len(data) < _SHORT_TEXT and mess <= least + _SHORT_TEXT_TOLERANCE:
        return text
    return min(scored)[2]
