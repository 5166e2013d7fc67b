"""Speakers and sides: the panel, its item model and its controller."""
