"""Word documents (.docx): paragraphs and the core properties."""

from __future__ import annotations

import io
from datetime import datetime

import docx

from counterclaim.ingest.base import Found, ImportError_

# python-docx's own template says these: they describe the tool, not the article.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def read_docx(data: bytes, where: str) -> tuple[str, Found]:
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text.strip() for p in document.paragraphs]
        properties = document.core_properties
        found = Found(
            title=_text(properties.title),
            author=_author(properties.author),
            published=_date(properties.created),
        )
    except Exception:  # zip or XML errors of a file that is not what its name says
        raise ImportError_(
            f"{where}: is not a Word document (.docx) or is damaged; open it in Word or "
            f"LibreOffice and save it as .docx (or .txt) again"
        ) from None
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise ImportError_(
            f"{where}: the document has no text; choose a file with the article in it"
        )
    return text, found


def _text(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _author(value: object) -> str | None:
    author = _text(value)
    return None if author == _TEMPLATE_AUTHOR else author


def _date(value: object) -> str | None:
    if not isinstance(value, datetime) or value.replace(tzinfo=None) == _TEMPLATE_CREATED:
        return None
    return value.date().isoformat()
