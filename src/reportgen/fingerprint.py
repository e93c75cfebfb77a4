"""Content hashes of everything a meeting's outputs depend on.

Used by batch to tell an unchanged meeting from a changed one (every file the
meeting plan read: the meeting workbook, reports, narrative files, appendices)
and by the plan's cache keys (the template folders, the configuration and
reportgen's version).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from reportgen import __version__
from reportgen.house import House


def file_hash(path: Path) -> str:
    """The file's SHA-256, read once per process while the file stays as it is (the
    plan's cache keys and the manifest ask for the same files)."""
    status = os.stat(path)
    return _hash(str(path), status.st_size, status.st_mtime_ns, status.st_ino)


@functools.lru_cache(maxsize=4096)
def _hash(path: str, size: int, mtime_ns: int, inode: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def folder_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): file_hash(p)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def environment_fingerprint(house: House) -> str:
    """Templates, configuration and version: a change here rebuilds everything."""
    digest = hashlib.sha256(__version__.encode())
    for folder in house.template_set().folders:
        for name, value in folder_hashes(folder).items():
            digest.update(f"{name}={value}\n".encode())
    for path in (house.source, house.logo, house.reference_docx):
        if path and Path(path).is_file():
            digest.update(file_hash(Path(path)).encode())
    return digest.hexdigest()


def input_hashes(paths) -> dict[str, str]:
    """Hashes of the files a meeting plan read (plan.MeetingPlan.inputs)."""
    return {str(path): file_hash(Path(path)) for path in paths}
