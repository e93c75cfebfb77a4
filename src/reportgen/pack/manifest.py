"""Knowing, without reading a meeting again, that its published outputs are current.

After a build the exempt folder keeps a manifest (there, because it names
every input, exempt ones too, and is never published): the hash of every file the
meeting plan read, the environment's fingerprint (templates, configuration,
reportgen's version), the options that shape the outputs, the size and
modification time of every file published, and the warnings with the day
they were found on. A later build whose inputs, environment, options and
outputs all still match has nothing to do, and takes the recorded result
instead of reading every workbook again.

The warnings are reused only on the day they were found: a deadline can pass
overnight. On another day the meeting is read and checked again (its reports
still come from the cache).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import date
from pathlib import Path

from reportgen.errors import Problem

MANIFEST = ".reportgen-manifest.json"


def options_of(public_dir: Path, exempt_dir: Path, formats: tuple[str, ...]) -> dict:
    """The options a pack's outputs depend on, as the manifest keeps them."""
    return {"public": str(Path(public_dir).resolve()), "exempt": str(Path(exempt_dir).resolve()),
            "formats": sorted(formats)}


def read_manifest(exempt_dir: Path) -> dict:
    """The manifest kept in exempt_dir, or {} when there is none (or it is unreadable)."""
    try:
        manifest = json.loads((Path(exempt_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def unchanged(manifest: dict, environment: str, options: dict) -> bool:
    """True when nothing the recorded outputs depend on has changed and they are all
    still there as they were written."""
    from reportgen.fingerprint import input_hashes

    if not manifest or manifest.get("environment") != environment \
            or manifest.get("options") != options:
        return False
    outputs = manifest.get("outputs")
    if not isinstance(outputs, dict) or not all(
            _stamp(Path(path)) == stamp for path, stamp in outputs.items()):
        return False
    inputs = manifest.get("inputs")
    try:
        return isinstance(inputs, dict) and input_hashes(inputs) == inputs
    except OSError:  # an input gone: build again, and say so there
        return False


def recorded_warnings(manifest: dict, today: date) -> list[Problem] | None:
    """The warnings recorded with the manifest, if they were found today; else None."""
    if manifest.get("today") != today.isoformat():
        return None
    try:
        return [Problem(**fields) for fields in manifest.get("warnings", [])]
    except TypeError:
        return None


def write_manifest(exempt_dir: Path, inputs: list[Path], environment: str, options: dict,
                   written: list[Path], warnings: list[Problem], today: date,
                   **summary: int) -> None:
    """Record a finished build in exempt_dir (summary: its item and page counts)."""
    from reportgen.fingerprint import input_hashes
    from reportgen.output import write_text

    manifest = {
        "environment": environment, "options": options,
        "inputs": input_hashes(Path(path).resolve() for path in inputs),
        "outputs": {str(Path(path).resolve()): _stamp(path) for path in written},
        "today": today.isoformat(),
        "warnings": [dict(asdict(p), file=str(p.file)) for p in warnings],
        **summary,
    }
    write_text(Path(exempt_dir) / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))


def _stamp(path: Path) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]
