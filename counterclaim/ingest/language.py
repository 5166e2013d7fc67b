"""Which language an article is in, among the languages news is mostly written in.

py3langid's model takes about a second to load: it is loaded on first use, once.
"""

from __future__ import annotations

import threading
from typing import Any

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ms": "Malay",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sr": "Serbian",
    "sv": "Swedish",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
MIN_LETTERS = 40  # below this a guess is a coin toss
_MIN_CONFIDENCE = 0.5
_SAMPLE_CHARS = 20_000

_lock = threading.Lock()
_identifier: Any = None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short to
    tell or the guess is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    language, confidence = _language_identifier().classify(sample)
    return str(language) if confidence >= _MIN_CONFIDENCE else None


def language_name(code: str) -> str:
    """ "French" for "fr"; the code itself for a language not in the list."""
    return LANGUAGE_NAMES.get(code, code)


def _language_identifier() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(sorted(LANGUAGE_NAMES.keys() & set(identifier.labels)))
            _identifier = identifier
        return _identifier
