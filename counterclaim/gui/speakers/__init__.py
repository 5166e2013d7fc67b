"""Speakers and sides: the panel and its controller."""
