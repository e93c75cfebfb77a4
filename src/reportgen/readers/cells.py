"""Turning cell values and header labels into clean text, dates and keys."""

from __future__ import annotations

import re
from datetime import date, datetime, time

_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Control characters other than tab and newline: Word and PDF writers reject them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Dropped and reported: lone surrogates (from _xD800_ escapes) and noncharacters no
# encoder accepts, and the bidirectional embeddings, overrides and isolates that
# would reorder the words around them ("Trojan Source").
_UNSHOWABLE = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_NON_WORD = re.compile(r"[^0-9a-z#]+")
_PLURAL = re.compile(r"\(s\)\s*$")
_LIST_MARKER = re.compile(r"(?:[-•*]|[A-Za-z0-9]{1,3}[.)])\s")

WRITTEN_DATE_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%A %d %B %Y", "%A, %d %B %Y", "%d/%m/%Y", "%d/%m/%y",
    "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B, %Y",
)
_LONGEST_DATE = 40  # "Wednesday, 30 September 2017" is 28 characters
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)\b", re.IGNORECASE)


def normalise(label: object) -> str:
    """A header or sheet name as a matching key: lower case, no spaces or
    punctuation, no trailing "(s)" or plural "s". "Lead Officer(s)" and "Lead
    officers" -> "leadofficer"."""
    text = _PLURAL.sub("", str(label or "").strip().lower())
    key = _NON_WORD.sub("", text)
    if key == "" and "#" in text:
        return "#"
    return _singular(key)


def _singular(key: str) -> str:
    """"recommendations" -> "recommendation"; "status", "progress", "analysis" kept."""
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        return key[:-1]
    return key


def clean_text(text: str) -> str:
    """Decode Excel's _xHHHH_ escapes, drop control characters and characters that
    cannot be shown or would reorder the text, tidy line ends."""
    return clean_text_report(text)[0]


def clean_text_report(text: str) -> tuple[str, list[str]]:
    """clean_text(text), and the characters it dropped that an officer typed or
    pasted ("U+202E"), so the caller can warn naming the cell."""
    text = _ESCAPE.sub(lambda m: _decode_escape(m.group(1)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    dropped = [f"U+{ord(c):04X}" for c in _UNSHOWABLE.findall(text)]
    if dropped:
        text = _UNSHOWABLE.sub("", text)
    return text.strip(), dropped


def _decode_escape(hex_digits: str) -> str:
    char = chr(int(hex_digits, 16))
    # A vertical tab is how Excel stores a line break typed with Alt+Enter on a Mac.
    return "\n" if char == "\x0b" else char


def format_date(value: date) -> str:
    """UK committee style: 7 March 2017."""
    return f"{value.day} {value:%B %Y}"


def format_time(value: time) -> str:
    """Committee papers write times as 7.15 pm or 7 pm."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}.{value.minute:02d} {suffix}" if value.minute else f"{hour} {suffix}"


def cell_text(value: object) -> str:
    """Any cell value as the text an officer sees in the cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return format_date(value.date())
        if value.date() == date(1899, 12, 30) or value.year < 1900:
            return format_time(value.time())
        return f"{format_date(value.date())}, {format_time(value.time())}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return format_time(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return clean_text(str(value))


def parse_date(value: object) -> date | None:
    """A date cell or a written date ("7 March 2017", "07/03/2017"), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = _ORDINAL.sub(r"\1", " ".join(value.split()))
    if len(text) > _LONGEST_DATE or not any(ch.isdigit() for ch in text):
        return None  # a sentence, not a date: skip eleven failing strptime calls
    for fmt in WRITTEN_DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def split_lines(text: str) -> list[str]:
    """Non-empty lines of a multi-line cell, with list markers removed."""
    lines = []
    for line in text.split("\n"):
        line = line.lstrip()
        marker = _LIST_MARKER.match(line)  # anchored, bounded: linear in the line
        line = (line[marker.end():] if marker else line).strip()
        if line:
            lines.append(line)
    return lines
