"""Scoring the extraction stages against hand-annotated gold files."""
