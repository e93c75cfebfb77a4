"""Composition: typed records and templates -> one semantic HTML document."""
