"""Loading the spaCy pipeline with counterclaim's components added."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# importing the modules registers their factories with spaCy
from counterclaim.datelines import find_dateline
from counterclaim.nlp import attribution, quotes  # noqa: F401 - registers factories
from counterclaim.nlp.models import PREFERRED_MODELS, PipelineMissing, available_model

__all__ = ["PREFERRED_MODELS", "PipelineMissing", "available_model", "load_pipeline"]


def load_pipeline(preferred: str | None = None) -> Language:
    """The spaCy pipeline with paragraph-aware sentences, quotes and attribution."""
    nlp = spacy.load(available_model(preferred))
    nlp.add_pipe("cc_paragraphs", before="parser")
    nlp.add_pipe("cc_quotes", after="ner")
    nlp.add_pipe("cc_attribution", after="cc_quotes")
    return nlp


@Language.component("cc_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, bylines and paragraphs have no full
    stop to tell the parser."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            token.is_sent_start = False
    _dateline_apart(doc)
    return doc


def _dateline_apart(doc: Doc) -> None:
    """A dateline ("WASHINGTON (AP) — ", "BAGHDAD—") is a sentence of its own: the story's
    first sentence starts after it, so a city or an agency is never taken for who spoke,
    and what was said never starts with it."""
    dateline = find_dateline(doc.text)
    if dateline is None:
        return
    inside = [t for t in doc if dateline.start <= t.idx < dateline.end]
    after = next((t for t in doc if t.idx >= dateline.end and not t.is_space), None)
    if not inside or after is None:
        return
    for token in inside[1:]:
        token.is_sent_start = False
    after.is_sent_start = True
