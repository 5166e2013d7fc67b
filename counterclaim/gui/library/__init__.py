"""The library: the article list, importing, analysing, article details, searching statements."""
