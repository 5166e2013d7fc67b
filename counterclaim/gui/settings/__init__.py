"""Preferences and the colour scheme."""
