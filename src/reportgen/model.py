"""Typed records that the readers produce and composition consumes.

Nothing downstream of the readers sees a spreadsheet cell: only these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class HasFields:
    """Records read from a Field | Value sheet: look a value up by its key."""

    fields: list[Field]

    def field(self, key: str, default: str = "") -> str:
        return next((f.value for f in self.fields if f.key == key), default)


@dataclass
class Action:
    """One executive action under a recommendation (a sub-row of its table row)."""

    text: str
    timeline: str = ""
    lead_officer: str = ""
    status: str = ""
    progress: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # key -> "Actions!C4", for messages


@dataclass
class Recommendation:
    ref: str
    text: str
    decision: str = ""
    response: str = ""
    timeline: str = ""
    timeline_date: date | None = None
    lead_officer: str = ""
    status: str = ""
    rag: str = ""
    progress: str = ""
    updated: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    overdue: bool = False
    cells: dict[str, str] = field(default_factory=dict)  # key -> "Recommendations!D7"

    @property
    def responses(self) -> list[Action]:
        """The table's sub-rows: the actions, or the recommendation's own response."""
        if self.actions:
            return self.actions
        return [Action(self.response, self.timeline, self.lead_officer, self.status,
                       self.progress)]


@dataclass
class SectionText:
    """An officer's text for one named section of a report (raw, unparsed)."""

    name: str
    text: str
    where: str  # its Section cell, "Sections!A7", or "sections/background.md"


@dataclass
class Field:
    """One Field | Value row: label as typed, value as text."""

    label: str
    value: str
    key: str  # canonical key for known fields, else the normalised label
    cell: str = ""  # where the value was read, e.g. "Report!B4"
    known: bool = True


@dataclass
class Item(HasFields):
    """One agenda item's report, as read from its workbook."""

    source: Path
    report_type: str
    fields: list[Field]
    recommendations: list[Recommendation] = field(default_factory=list)
    rec_columns: list[str] = field(default_factory=list)  # extra columns, as typed
    sections: list[SectionText] = field(default_factory=list)
    scope: list[Field] = field(default_factory=list)
    meeting_date: date | None = None
    key_decision: bool | None = None
    exempt_paragraph: int | None = None  # paragraph of Schedule 12A, None when public
    sheets: set[str] = field(default_factory=set)  # normalised names of the sheets read
    warnings: list = field(default_factory=list)  # Problems found while reading

    @property
    def title(self) -> str:
        return self.field("title")


@dataclass
class AgendaEntry:
    """One row of a meeting's agenda."""

    number: str
    title: str
    report: Path | None = None  # the item workbook, resolved
    text: str = ""  # for procedural items
    wards: str = ""
    exempt_paragraph: int | None = None
    appendices: list[Path] = field(default_factory=list)
    supplementary: bool = False
    row: int = 0  # the Agenda sheet row, for messages

    @property
    def procedural(self) -> bool:
        return self.report is None


@dataclass
class Meeting(HasFields):
    source: Path
    fields: list[Field]
    agenda: list[AgendaEntry]
    date: date | None = None
