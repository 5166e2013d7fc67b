"""Reading article files into normalised plain text and metadata."""

from counterclaim.ingest.text import (
    MAX_BYTES,
    ImportError_,
    LoadedArticle,
    load_article,
    normalise_text,
    text_sha256,
)

__all__ = [
    "MAX_BYTES",
    "ImportError_",
    "LoadedArticle",
    "load_article",
    "normalise_text",
    "text_sha256",
]
