"""Natural-language processing: the only layer that imports spaCy."""
