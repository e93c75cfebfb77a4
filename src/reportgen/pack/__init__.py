"""Agenda packs: render reports, merge, stamp, publish."""
