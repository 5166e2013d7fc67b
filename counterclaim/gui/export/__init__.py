"""Exporting a comparison report."""
