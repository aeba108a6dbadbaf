"""Extraction: one Document in, its Facts out. Pure functions over the text (see pipeline.py)."""
