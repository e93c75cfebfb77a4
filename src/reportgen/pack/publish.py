"""Publishing a meeting's outputs all at once, and only what reportgen wrote.

Every output is first written into a staging folder beside its destination.
When all of them are written, each is moved into place (a rename on the same
disk), the files reportgen wrote on an earlier run that are no longer current
are removed (an item made exempt, a renamed item), and the list of what was
written is kept in the folder. Files reportgen did not write are never
touched. A build that fails or is killed before the swap leaves the earlier
outputs exactly as they were; the next run removes its staging folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

from reportgen.errors import InputError, Problem
from reportgen.output import write_bytes

RECORD = ".reportgen-published.json"
_STAGING = ".{name}.staging-{pid}"


class Stage:
    """Outputs for named folders ("public", "exempt"), held back until publish()."""

    def __init__(self, folders: dict[str, Path]):
        self.folders = {name: Path(folder) for name, folder in folders.items()}
        self.staged: dict[str, set[str]] = {name: set() for name in folders}
        self.touched: set[str] = set()
        for folder in self.folders.values():
            clean_stale(folder)

    def _staging(self, name: str) -> Path:
        folder = self.folders[name]
        return folder.parent / _STAGING.format(name=folder.name, pid=os.getpid())

    def write(self, name: str, relative: str, data: bytes) -> Path:
        """Stage data for folders[name]/relative; returns where it will be published."""
        try:
            write_bytes(self._staging(name) / relative, data)
        except OSError as exc:
            raise _unwritable(self.folders[name], exc) from None
        self.staged[name].add(relative)
        self.touched.add(name)
        return self.folders[name] / relative

    def publish(self) -> list[Path]:
        """Move every staged file into place, remove what is no longer current, and
        record what was written. Folders with nothing staged are left as they were,
        except that files reportgen wrote there before are removed."""
        published = []
        for name, folder in self.folders.items():
            staging = self._staging(name)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                for relative in sorted(self.staged[name]):
                    target = folder / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(staging / relative, target)
                    published.append(target)
                _remove_stale(folder, self.staged[name])
                if self.staged[name] or (folder / RECORD).exists():
                    write_bytes(folder / RECORD, json.dumps(
                        sorted(self.staged[name]), indent=1).encode())
            except OSError as exc:
                raise _unwritable(folder, exc) from None
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        return published

    def discard(self) -> None:
        for name in self.folders:
            shutil.rmtree(self._staging(name), ignore_errors=True)


def _remove_stale(folder: Path, current: set[str]) -> None:
    """Files the last run wrote here that this run did not: no longer current."""
    try:
        before = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for relative in before if isinstance(before, list) else []:
        if relative not in current and ".." not in Path(relative).parts:
            with contextlib.suppress(FileNotFoundError):
                (folder / relative).unlink()


def clean_stale(folder: Path) -> None:
    """Remove what a killed run left: its staging folders and half-written files."""
    folder = Path(folder)
    parent = folder.parent
    if parent.is_dir():
        for staging in parent.glob(_STAGING.format(name=folder.name, pid="*")):
            pid = staging.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(staging, ignore_errors=True)
    for sub in (folder, folder / "items"):
        if sub.is_dir():
            for part in sub.glob(".*.part"):
                with contextlib.suppress(OSError):
                    part.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _unwritable(folder: Path, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc)
    return InputError(Problem(folder, f"cannot write the outputs here ({reason}): choose "
                              "another folder with -o, or free some space"))
