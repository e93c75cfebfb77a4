"""The agenda item workbook (input contract v1) -> reportgen.model.Item."""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import ProblemList, did_you_mean
from reportgen.model import Action, Field, Item, Recommendation, SectionText
from reportgen.readers.cells import cell_text, normalise, parse_date
from reportgen.readers.workbook import Table, find_sheet, open_workbook, read_fields, read_table

REPORT_FIELDS: dict[str, tuple[str, ...]] = {
    "report_type": ("Report type", "Type", "Kind", "Template"),
    "committee": ("Committee", "Meeting of"),
    "meeting_date": ("Meeting date", "Date of meeting", "Date"),
    "agenda_item": ("Agenda item", "Item", "Item number"),
    "title": ("Title", "Subject", "Report title"),
    "wards": ("Wards", "Ward", "Wards affected"),
    "lead_officer": ("Lead officer",),
    "lead_member": ("Lead member", "Cabinet member", "Portfolio holder"),
    "contact_officer": ("Contact officer", "Contact", "Report author"),
    "recommendations": ("Recommendations", "Recommendation", "Recommendations to the committee"),
    "key_decision": ("Key decision",),
    "forward_plan_reference": ("Forward plan reference", "Forward plan ref", "Forward plan"),
    "exempt": ("Exempt", "Exempt information", "Schedule 12A"),
    "reasons_for_urgency": ("Reasons for urgency", "Urgency"),
}

RECOMMENDATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": ("No", "Number", "Rec", "#", "Rec no", "Reference"),
    "recommendation": ("Recommendation",),
    "decision": ("Decision",),
    "response": ("Executive response", "Response", "Cabinet response", "Action"),
    "timeline": ("Timescale", "Deadline", "Target date", "Due", "Due date"),
    "lead_officer": ("Responsible officer", "Owner", "Lead"),
    "status": (),
    "rag": ("RAG rating", "RAG status"),
    "progress": ("Progress update", "Update", "Comments"),
    "updated": ("Last updated", "Date updated"),
}

ACTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "ref": ("No", "Number", "Rec", "#", "Recommendation", "Rec no", "Reference"),
    "action": ("Executive response", "Response"),
    "timeline": ("Timescale", "Deadline", "Target date", "Due", "Due date"),
    "lead_officer": ("Responsible officer", "Owner", "Lead"),
    "status": (),
    "progress": ("Progress update", "Update", "Comments"),
}

ITEM_SHEETS = ("Report", "Recommendations", "Tracker", "Actions", "Action plan", "Sections",
               "Narrative", "Scope", "Instructions", "Lists")

SECTION_COLUMNS: dict[str, tuple[str, ...]] = {
    "section": ("Heading", "Section name"),
    "text": ("Paragraph", "Content", "Paragraphs"),
}


def read_item(path: Path, wb=None) -> Item:
    """Read an item workbook (or wb, already opened from path); raise InputError
    listing every problem found."""
    path = Path(path)
    problems = ProblemList(path)
    wb = wb if wb is not None else open_workbook(path)

    report = find_sheet(wb, "Report")
    if report is None:
        if find_sheet(wb, "Meeting") is not None:
            problems.error("this is a meeting workbook (it has a Meeting sheet): build it with "
                           "reportgen pack, or give reportgen build an item workbook")
        else:
            problems.error("no Report sheet: expected a sheet named Report with Field | Value "
                           "rows")
        problems.raise_if_errors()
    fields = _read_report_fields(report, problems)
    item = Item(source=path, report_type="", fields=fields)
    item.report_type = normalise_kind(item.field("report_type"))
    if not item.report_type:
        problems.error("no Report type: expected executive-response, scope, cabinet, "
                       "monitoring or the name of a council template", "Report")
    _read_typed_fields(item, report, problems)

    item.sheets = {normalise(ws.title) for ws in wb.sheets}
    recs = find_sheet(wb, "Recommendations", "Recommendation", "Tracker")
    if recs is not None:
        item.sheets.add("recommendations")
        errors_before = len(problems.errors)
        item.recommendations, item.rec_columns = _read_recommendations(recs, problems)
        actions = find_sheet(wb, "Actions", "Action plan")
        if actions is not None and len(problems.errors) == errors_before:
            _read_actions(actions, item.recommendations, problems)

    sections = find_sheet(wb, "Sections", "Section", "Narrative")
    if sections is not None:
        item.sections = _read_sections(sections, problems)
    item.sections += _read_section_files(path.parent / "sections")

    scope = find_sheet(wb, "Scope")
    if scope is not None:
        item.scope = [Field(label, cell_text(raw), normalise(label), f"{scope.title}!{cell}")
                      for label, raw, cell in read_fields(scope)]

    problems.items += wb.sheet_suspects(ITEM_SHEETS)
    item.warnings = problems.warnings
    problems.raise_if_errors(partial=item)
    return item


def _read_typed_fields(item: Item, report, problems: ProblemList) -> None:
    """Meeting date, Key decision and Exempt: fields that must hold a certain kind of value."""
    for f in item.fields:
        cell = f.cell.partition("!")[2]  # Report!B4 -> B4, to read the raw value
        if f.key == "meeting_date":
            item.meeting_date = parse_date(report.value(cell))
            if item.meeting_date is None and f.value:
                problems.error(f"Meeting date {f.value!r} is not a date: expected a date "
                               "cell or a written date such as 7 March 2017", report.title, cell)
        elif f.key == "key_decision" and f.value:
            item.key_decision = parse_yes_no(f.value)
            if item.key_decision is None:
                problems.error(f"Key decision {f.value!r}: expected Yes or No", report.title, cell)
        elif f.key == "exempt" and f.value:
            ok, item.exempt_paragraph = parse_exempt(f.value)
            if not ok:
                problems.error(f"Exempt {f.value!r}: expected No, or the paragraph of Schedule "
                               "12A (1 to 7) that makes the item exempt", report.title, cell)


def parse_yes_no(text: str) -> bool | None:
    key = normalise(text)
    return True if key in ("yes", "y", "true") else False if key in ("no", "n", "false") else None


def parse_exempt(text: str) -> tuple[bool, int | None]:
    """("No" | "" -> public; "3", "Paragraph 3", "3 - financial affairs" -> paragraph 3)."""
    if parse_yes_no(text) is False or not text.strip():
        return True, None
    match = re.search(r"\b([1-7])\b", text)
    return (True, int(match.group(1))) if match else (False, None)


def normalise_kind(text: str) -> str:
    """'Executive Response' -> 'executive-response'."""
    return "-".join(text.lower().replace("_", " ").replace("-", " ").split())


def _read_report_fields(ws, problems: ProblemList) -> list[Field]:
    lookup = {normalise(label): key for key, labels in REPORT_FIELDS.items()
              for label in (key, *labels)}
    fields: list[Field] = []
    seen: set[str] = set()
    for label, raw, cell in read_fields(ws):
        key = lookup.get(normalise(label))
        if key in seen:
            problems.error(f"{label!r} is given twice; expected each field once",
                           ws.title, "A" + cell[1:])
            continue
        if key:
            seen.add(key)
        fields.append(Field(label, cell_text(raw), key or normalise(label),
                            f"{ws.title}!{cell}", known=key is not None))
    return fields


def _require_columns(table: Table, problems: ProblemList) -> bool:
    problems.items += table.suspect_warnings(problems.file)
    found = [c.label for c in table.columns]
    for key in table.missing:
        name = key.replace("_", " ").capitalize()
        hint = did_you_mean(name, found) if found else ""
        seen = f"; the header row has {', '.join(found)}" if found else "; no header row found"
        problems.error(f"no {name} column{hint}: expected a header naming it in the "
                       f"first 10 rows{seen}", table.name, f"A{table.header_row}")
    return not table.missing


def _read_recommendations(ws, problems: ProblemList) -> tuple[list[Recommendation], list[str]]:
    table = read_table(ws, RECOMMENDATION_COLUMNS, required=("recommendation",))
    if not _require_columns(table, problems):
        return [], []
    recs: list[Recommendation] = []
    seen: dict[str, str] = {}
    for row in table.rows():
        text = row.text("recommendation")
        if not text:
            problems.error("empty Recommendation: expected the recommendation's text",
                           table.name, row.cell("recommendation"))
            continue
        ref = row.text("ref") or str(len(recs) + 1)
        if ref in seen:
            problems.error(f"duplicate Ref {ref!r} (also at {seen[ref]}): expected each "
                           "recommendation once", table.name, row.cell("ref"))
            continue
        seen[ref] = row.cell("ref")
        recs.append(Recommendation(
            ref=ref, text=text, decision=row.text("decision"), response=row.text("response"),
            timeline=row.text("timeline"), timeline_date=parse_date(row.raw("timeline")),
            lead_officer=row.text("lead_officer"), status=row.text("status"),
            rag=row.text("rag").title(), progress=row.text("progress"),
            updated=row.text("updated"), extra=row.extras(), cells=row.wheres(),
        ))
    return recs, [c.label for c in table.columns if c.extra]


def _read_actions(ws, recs: list[Recommendation], problems: ProblemList) -> None:
    table = read_table(ws, ACTION_COLUMNS, required=("ref", "action"))
    if not _require_columns(table, problems):
        return
    by_ref = {r.ref: r for r in recs}
    for row in table.rows():
        ref = row.text("ref")
        rec = by_ref.get(ref)
        if rec is None:
            known = ", ".join(by_ref) or "none"
            problems.error(f"Ref {ref!r} matches no recommendation: expected one of {known}",
                           table.name, row.cell("ref"))
            continue
        rec.actions.append(Action(
            text=row.text("action"), timeline=row.text("timeline"),
            lead_officer=row.text("lead_officer"), status=row.text("status"),
            progress=row.text("progress"), extra=row.extras(), cells=row.wheres(),
        ))


def _read_sections(ws, problems: ProblemList) -> list[SectionText]:
    table = read_table(ws, SECTION_COLUMNS, required=("section", "text"))
    if not _require_columns(table, problems):
        return []
    found: list[SectionText] = []
    for row in table.rows():
        name = row.text("section")
        if not name:
            problems.error("empty Section: expected the name of the report section",
                           table.name, row.cell("section"))
            continue
        found.append(SectionText(name, row.text("text"), row.where("section")))
    return found


def _read_section_files(folder: Path) -> list[SectionText]:
    if not folder.is_dir():
        return []
    return [SectionText(f.stem.replace("-", " ").replace("_", " "),
                        f.read_text(encoding="utf-8"), f"sections/{f.name}")
            for f in sorted(folder.glob("*.md"))]
