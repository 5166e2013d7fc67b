"""The names this module had when it read only .txt and .md files; the readers now live
beside it (base, decoding, plain, webpage, pdf, word, articles, files)."""

from counterclaim.ingest.articles import SUPPORTED_SUFFIXES, load_article, load_text
from counterclaim.ingest.base import (
    MAX_BYTES,
    ImportError_,
    LoadedArticle,
    guess_meta,
    normalise_text,
    text_sha256,
)

SUPPORTED = SUPPORTED_SUFFIXES

__all__ = [
    "MAX_BYTES",
    "SUPPORTED",
    "ImportError_",
    "LoadedArticle",
    "guess_meta",
    "load_article",
    "load_text",
    "normalise_text",
    "text_sha256",
]
