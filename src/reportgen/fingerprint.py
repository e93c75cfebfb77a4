"""Content hashes of everything a meeting's outputs depend on.

Used by batch to tell an unchanged meeting from a changed one: the meeting
workbook, every item workbook (and its sections/ folder), every appendix,
every file in the template folders, the configuration, and reportgen's
version.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportgen import __version__
from reportgen.house import House
from reportgen.model import Meeting


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): _file_hash(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def environment_fingerprint(house: House) -> str:
    """Templates, configuration and version: a change here rebuilds everything."""
    digest = hashlib.sha256(__version__.encode())
    for folder in house.template_set().folders:
        for name, value in folder_hashes(folder).items():
            digest.update(f"{name}={value}\n".encode())
    for path in (house.source, house.logo, house.reference_docx):
        if path and Path(path).is_file():
            digest.update(_file_hash(Path(path)).encode())
    return digest.hexdigest()


def meeting_inputs(meeting: Meeting) -> dict[str, str]:
    """Hashes of the meeting workbook and every file its agenda names."""
    hashes = {str(meeting.source.name): _file_hash(meeting.source)}
    for entry in meeting.agenda:
        paths = ([entry.report] if entry.report else []) + entry.appendices
        if entry.report is not None:
            sections = entry.report.parent / "sections"
            if sections.is_dir():
                paths += sorted(sections.glob("*.md"))
        for path in paths:
            hashes[str(path)] = _file_hash(path)
    return hashes
