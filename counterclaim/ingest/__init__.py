"""Reading articles (.txt .md .html .pdf .docx, or pasted text) into normalised plain
text and metadata. Untrusted input: sizes are capped, nothing is fetched, no markup is
kept."""

from counterclaim.ingest.articles import SUPPORTED_SUFFIXES, load_article, load_text
from counterclaim.ingest.base import (
    MAX_BYTES,
    ImportError_,
    LoadedArticle,
    describe_size,
    guess_meta,
    normalise_text,
    text_sha256,
)
from counterclaim.ingest.files import Problem, collect_files
from counterclaim.ingest.language import detect_language, language_name

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ImportError_",
    "LoadedArticle",
    "Problem",
    "collect_files",
    "describe_size",
    "detect_language",
    "guess_meta",
    "language_name",
    "load_article",
    "load_text",
    "normalise_text",
    "text_sha256",
]
