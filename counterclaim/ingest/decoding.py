"""Bytes to text: byte-order mark, then the declared charset, then UTF-8, then a detector
narrowed to the encodings news pages actually use.

charset-normalizer on its own decoded plain Windows-1252 French as cp775, and with a
short list it still prefers cp1250 for French and German (the letters agree for most
words, "très" comes out as "trčs"). So each candidate is scored with its mess detector and
ties go to the encoding listed first: Western European, then Cyrillic, Central European,
Greek, Turkish, Baltic, then the East Asian ones.
"""

from __future__ import annotations

import codecs
import re

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


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """The text of a file; raises ImportError_ when it is empty, binary or undecodable."""
    if not data.strip():
        raise ImportError_(f"{where}: the file is empty; choose a file with the article in it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding, where)
    if b"\x00" in data[:8192]:
        raise ImportError_(f"{where}: looks like a binary file, not text; save it as .txt first")
    for encoding in (_codec(declared) or "utf-8", "utf-8"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return _detect(data, where)


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
