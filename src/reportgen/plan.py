"""The meeting plan: a meeting workbook and every file it names, read once and resolved.

Every fact about an agenda row is decided here, once, and only read elsewhere:
its publication status (public, exempt with its Schedule 12A paragraph, late),
reconciled from the Agenda row and the report's own Report sheet; its output
names in the public and exempt folders; its appendices with letters and
titles; the date "overdue" is judged against; its cache key. `check`, `pack`,
`batch`, the index page and the cycle documents read the plan; nothing
downstream looks at an Agenda cell or an Exempt field again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import __version__
from reportgen.errors import InputError, Problem
from reportgen.fingerprint import file_hash
from reportgen.house import House
from reportgen.model import AgendaEntry, Item, Meeting
from reportgen.readers.cells import normalise

if TYPE_CHECKING:
    from reportgen.readers.word import WordReport

PUBLIC, EXEMPT, SUPPLEMENTARY = "public", "exempt", "supplementary"
HEADING, PROCEDURAL, REPORT = "heading", "procedural", "report"
WORD, PDF, WORKBOOK = "word", "pdf", "workbook"
ITEMS_FOLDER = "items"


def report_format(path: Path) -> str:
    """What kind of report a file is, by its name: workbook, word or pdf."""
    suffix = path.suffix.lower()
    return WORD if suffix == ".docx" else PDF if suffix == ".pdf" else WORKBOOK


def slug(text: str, limit: int = 60) -> str:
    """'Minutes of the previous meeting' -> 'minutes-of-the-previous-meeting'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "item"


@dataclass(frozen=True)
class AppendixPlan:
    """An appendix PDF as it is published: lettered per item, titled, named."""

    letter: str  # "A"
    path: Path
    title: str  # the Appendix titles column, else the PDF's Title, else a tidied file name
    stem: str  # "06-guiding-principles-appendix-a"
    where: str  # the Agenda cell that names it

    @property
    def label(self) -> str:
        return f"Appendix {self.letter}"


@dataclass(frozen=True)
class ItemPlan:
    """One Agenda row, resolved."""

    entry: AgendaEntry
    kind: str  # HEADING, PROCEDURAL or REPORT
    exempt_paragraph: int | None = None  # decided from every source
    late: bool = False
    report_format: str = ""  # WORKBOOK, WORD or PDF, for report rows
    record: Item | None = None  # the item workbook as read (workbook reports)
    word: WordReport | None = None  # the officer's .docx as read (Word reports)
    appendices: tuple[AppendixPlan, ...] = ()
    stem: str = ""  # output name in items/: "04-shared-services"
    cache_key: str = ""
    problems: tuple[Problem, ...] = ()  # this row's errors: it is not built

    @property
    def number(self) -> str:
        return self.entry.number

    @property
    def title(self) -> str:
        return self.entry.title or self.entry.heading

    @property
    def exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def pack(self) -> str:
        """Which pack the row's papers go in: exempt wins over late."""
        return EXEMPT if self.exempt else SUPPLEMENTARY if self.late else PUBLIC

    @property
    def has_papers(self) -> bool:
        return self.kind == REPORT or bool(self.appendices)

    @property
    def bookmark(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class MeetingPlan:
    """A meeting, every row resolved; immutable once made."""

    meeting: Meeting
    rows: tuple[ItemPlan, ...]
    public_dir: Path
    exempt_dir: Path
    reference_date: date | None  # "overdue" is judged against the meeting's date
    warnings: tuple[Problem, ...] = ()
    inputs: tuple[Path, ...] = ()  # every file read, for batch's fingerprint

    @property
    def problems(self) -> list[Problem]:
        return [p for row in self.rows for p in row.problems]

    def in_pack(self, pack: str) -> list[ItemPlan]:
        """The rows whose papers (report or appendices) go in pack, in agenda order."""
        return [row for row in self.rows if row.has_papers and row.pack == pack
                and not row.problems]

    def folder(self, row: ItemPlan) -> Path:
        """Where a row's own files go: exempt papers never in the public folder."""
        return (self.exempt_dir if row.exempt else self.public_dir) / ITEMS_FOLDER

    @property
    def has_exempt(self) -> bool:
        return any(row.exempt for row in self.rows)


def default_exempt_dir(public_dir: Path) -> Path:
    """outputs/osc-2017-03-07 -> outputs/osc-2017-03-07-exempt, beside it."""
    public_dir = Path(public_dir)
    return public_dir.parent / f"{public_dir.name}-exempt"


def resolve_meeting(path: Path, house: House, public_dir: Path,
                    exempt_dir: Path | None = None, environment: str = "",
                    formats: tuple[str, ...] = ("pdf", "docx", "html")) -> MeetingPlan:
    """Read the meeting workbook and every report it names, and decide every fact.

    Raises InputError for problems that stop the whole meeting (the workbook
    itself, two rows with one output name, files outside the allowed folders);
    a bad report is kept in its row's `problems`, so the others still build.
    """
    from reportgen.readers.meeting import read_meeting

    meeting = read_meeting(Path(path), house.allowed_folders)
    problems: list[Problem] = []
    warnings: list[Problem] = list(meeting.warnings)
    rows: list[ItemPlan] = []
    inputs: list[Path] = [meeting.source]
    for entry in meeting.agenda:
        row = _resolve_row(meeting, entry, house, problems, warnings)
        inputs += _row_inputs(row)
        rows.append(row)
    _check_unique_names(meeting, rows, problems)
    if problems:
        raise InputError(problems)
    public_dir = Path(public_dir)
    plan_rows = tuple(_with_cache_key(row, meeting, environment, formats) for row in rows)
    return MeetingPlan(meeting, plan_rows, public_dir,
                       Path(exempt_dir) if exempt_dir else default_exempt_dir(public_dir),
                       meeting.date, tuple(warnings), tuple(inputs))


def _resolve_row(meeting: Meeting, entry: AgendaEntry, house: House,
                 problems: list[Problem], warnings: list[Problem]) -> ItemPlan:
    if entry.heading:
        return ItemPlan(entry, HEADING)
    stem = item_stem(entry)
    appendices = tuple(
        AppendixPlan(letter=_letter(n), path=p,
                     title=_appendix_title(p, entry.appendix_titles[n]
                                           if n < len(entry.appendix_titles) else ""),
                     stem=f"{stem}-appendix-{_letter(n).lower()}",
                     where=entry.cells.get("appendices", ""))
        for n, p in enumerate(entry.appendices))
    if entry.report is None:
        return ItemPlan(entry, PROCEDURAL, entry.exempt_paragraph, entry.supplementary,
                        appendices=appendices, stem=stem)
    fmt = report_format(entry.report)
    record = word = None
    row_problems: list[Problem] = []
    paragraph = entry.exempt_paragraph
    if fmt == WORKBOOK:
        from reportgen.readers.item import read_item

        record, row_problems = _read_report(read_item, entry.report)
        if record is not None:
            paragraph = _reconcile_exempt(meeting, entry, record, problems, warnings)
            warnings += record.warnings
    elif fmt == WORD:  # read once here: the worker lays out this reading
        from reportgen.readers.word import read_word_report

        word, row_problems = _read_report(read_word_report, entry.report)
        warnings += word.warnings if word is not None else ()
    return ItemPlan(entry, REPORT, paragraph, entry.supplementary, fmt, record, word,
                    appendices, stem, problems=tuple(row_problems))


def _read_report(read, path: Path) -> tuple[object | None, list[Problem]]:
    """read(path), or None and the problems that stop it being read: a report that
    cannot be read is never published, whatever it says."""
    try:
        return read(path), []
    except InputError as exc:
        return None, exc.problems


def _reconcile_exempt(meeting: Meeting, entry: AgendaEntry, record: Item,
                      problems: list[Problem], warnings: list[Problem]) -> int | None:
    """Exempt when the Agenda row or the report's own Report sheet says so; both filled
    in and different is an error naming both cells."""
    agenda_where = f"{entry.cells.get('exempt', f'Agenda!A{entry.row}')}"
    report_field = next((f for f in record.fields if f.key == "exempt"), None)
    report_stated = report_field is not None and bool(report_field.value.strip())
    if entry.exempt_stated and report_stated and entry.exempt_paragraph != \
            record.exempt_paragraph:
        problems.append(Problem.at(
            meeting.source, f"the Agenda says {_say(entry.exempt_paragraph)} but "
            f"{record.source.name} {report_field.cell} says "
            f"{_say(record.exempt_paragraph)}: make the two agree", agenda_where))
    paragraph = entry.exempt_paragraph or record.exempt_paragraph
    if paragraph and not (entry.exempt_stated and report_stated):
        empty = agenda_where if not entry.exempt_stated else \
            f"{record.source.name} Report sheet"
        warnings.append(Problem.at(
            meeting.source, f"item {entry.number} is exempt (paragraph {paragraph}) on one "
            f"side only; it is treated as exempt: fill in the Exempt cell at {empty} so "
            "the two agree", agenda_where, "warning", blocks_publication=True))
    return paragraph


def _say(paragraph: int | None) -> str:
    return f"exempt under paragraph {paragraph}" if paragraph else "not exempt"


def _appendix_title(path: Path, given: str) -> str:
    """The title an appendix is listed and bookmarked under, decided once (the rule
    is pack.appendix.appendix_title: the column, the PDF's title, the file name)."""
    from reportgen.pack.appendix import appendix_title

    return appendix_title(path, given)


def _letter(n: int) -> str:
    return chr(ord("A") + n % 26) * (n // 26 + 1)


def item_stem(entry: AgendaEntry) -> str:
    """An agenda row's output name: "04-shared-services"."""
    number = entry.number.zfill(2) if entry.number.isdigit() else slug(entry.number, 10)
    return f"{number}-{slug(entry.title)}"


def _check_unique_names(meeting: Meeting, rows: list[ItemPlan],
                        problems: list[Problem]) -> None:
    seen: dict[str, ItemPlan] = {}
    for row in rows:
        if row.kind == HEADING or not row.has_papers:
            continue
        other = seen.get(row.stem)
        if other is not None:
            problems.append(Problem(
                meeting.source, f"rows {other.entry.row} and {row.entry.row} would both be "
                f"written as items/{row.stem}.*: give them different numbers or titles",
                "Agenda", f"A{row.entry.row}"))
        seen[row.stem] = row


def _report_inputs(row: ItemPlan) -> list[Path]:
    """The files a row's report was read from (its workbook and narrative files)."""
    if row.record is not None:
        return list(row.record.inputs)
    return [row.entry.report] if row.entry.report else []


def _row_inputs(row: ItemPlan) -> list[Path]:
    return _report_inputs(row) + [a.path for a in row.appendices]


def _with_cache_key(row: ItemPlan, meeting: Meeting, environment: str,
                    formats: tuple[str, ...]) -> ItemPlan:
    """What a report's rendering depends on: every file read for it, its agenda number,
    exempt status, appendices' titles, the meeting's date (overdue marking), the
    templates and configuration (environment), the formats, reportgen's version."""
    if row.kind != REPORT or row.problems:
        return row
    digest = hashlib.sha256("\n".join([
        __version__, environment, row.number, str(row.exempt_paragraph), ",".join(formats),
        str(meeting.date), *[f"{a.letter}={a.title}" for a in row.appendices]]).encode())
    for path in _report_inputs(row):  # appendices are not in the report: their titles are
        digest.update(b"\0" + str(path).encode() + b"\0" + file_hash(path).encode())
    return replace(row, cache_key=digest.hexdigest()[:32])


def procedural_wording(title: str) -> str | None:
    """The standard-wording template for a procedural row left without Text, or None."""
    from reportgen.contract import PROCEDURAL_WORDING

    key = normalise(title)
    return next((name for label, name in PROCEDURAL_WORDING.items()
                 if normalise(label) == key), None)
