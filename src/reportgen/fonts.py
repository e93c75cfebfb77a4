"""Which characters the installed fonts can show.

WeasyPrint (through Pango and fontconfig) falls back to any installed font
that has a character, so a character is shown when some font covers it. One
that no font covers prints as an empty box: `check` names its cell instead.
The coverage is read once per process from fontconfig (`fc-list`), which
Pango needs anyway. CJK needs an extra Debian package (fonts-noto-cjk).
"""

from __future__ import annotations

import functools
import shutil
import subprocess

# Characters that are layout, not glyphs: never reported.
_INVISIBLE = {0x09, 0x0A, 0x0D, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}


@functools.cache
def _coverage() -> tuple[tuple[int, int], ...] | None:
    """Merged code point ranges covered by some installed font; None if unknown."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run([fc_list, "--format", "%{charset}\\n"], capture_output=True,
                              text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for token in done.stdout.split():
        first, _, last = token.partition("-")
        try:
            ranges.append((int(first, 16), int(last or first, 16)))
        except ValueError:
            continue
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged) or None


def unshowable(text: str) -> list[str]:
    """The distinct characters of text that no installed font can show, in order."""
    coverage = _coverage()
    if coverage is None or (text.isascii() and "\x7f" not in text):
        return []
    import bisect

    starts = _starts()
    found = []
    for char in dict.fromkeys(text):
        point = ord(char)
        if point < 0x7F or point in _INVISIBLE:
            continue
        index = bisect.bisect_right(starts, point) - 1
        if index < 0 or coverage[index][1] < point:
            found.append(char)
    return found


@functools.cache
def _starts() -> list[int]:
    return [first for first, _ in _coverage() or ()]
