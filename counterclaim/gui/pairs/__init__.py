"""Pairs: the table and its filters, the two cards, the bands between them, triage and
linking by hand."""
