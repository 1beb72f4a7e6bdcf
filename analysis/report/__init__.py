"""Narrative reports by topic: papermill-executed notebooks converted to HTML and PDF.

``narrative`` computes what a report says, ``charts``/``style`` draw it, ``html`` escapes it,
``build`` runs, converts and indexes the reports (``python -m analysis.report --help``).
"""
