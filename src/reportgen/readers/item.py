"""The agenda item workbook (the contract's item sheets) -> reportgen.model.Item."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from reportgen import contract
from reportgen.errors import InputError, ProblemList, did_you_mean
from reportgen.model import Action, Field, Item, Recommendation, SectionText
from reportgen.readers.cells import cell_text, format_date, normalise, parse_date
from reportgen.readers.placeholders import placeholder_warnings
from reportgen.readers.workbook import Table, find_sheet, open_workbook, read_fields, read_table

# Every sheet name the item workbook may have: a near miss of one is named in a warning.
ITEM_SHEETS = tuple(name for sheet in contract.ITEM_SHEETS for name in sheet.names) + (
    "Instructions", "Lists")
MAX_SECTION_FILE_BYTES = 2_000_000  # a long narrative is ~50 kB; 2 MB is forty of them


def read_item(path: Path, wb=None) -> Item:
    """Read an item workbook (or wb, already opened from path); raise InputError
    listing every problem found. Warnings go in Item.warnings."""
    path = Path(path)
    problems = ProblemList(path)
    wb = wb if wb is not None else open_workbook(path)

    report = find_sheet(wb, *contract.REPORT.names)
    if report is None:
        if find_sheet(wb, *contract.MEETING.names) is not None:
            problems.error("this is a meeting workbook (it has a Meeting sheet): build it with "
                           "reportgen pack, or give reportgen build an item workbook")
        else:
            problems.error("no Report sheet: expected a sheet named Report with Field | Value "
                           "rows" + wb.hidden_hint("Report"))
        problems.raise_if_errors()
    fields, raw = _read_report_fields(report, problems)
    item = Item(source=path, report_type="", fields=fields, inputs=[path])
    item.report_type = normalise_kind(item.field("report_type"))
    if not item.report_type:
        problems.error("no Report type: expected executive-response, scope, cabinet, "
                       "monitoring or the name of a council template", report.title)
    _read_typed_fields(item, raw, problems)

    item.sheets = {normalise(ws.title) for ws in wb.sheets}
    recs = find_sheet(wb, *contract.RECOMMENDATIONS.names)
    if recs is not None:
        item.sheets.add(normalise(contract.RECOMMENDATIONS.name))
        errors_before = len(problems.errors)
        item.recommendations, item.rec_columns = _read_recommendations(recs, problems)
        actions = find_sheet(wb, *contract.ACTIONS.names)
        if actions is not None and len(problems.errors) == errors_before:
            _read_actions(actions, item.recommendations, problems)

    sections = find_sheet(wb, *contract.SECTIONS.names)
    if sections is not None:
        item.sections = _read_sections(sections, problems)
    item.sections += _read_section_files(item, problems)

    scope = find_sheet(wb, *contract.SCOPE.names)
    if scope is not None:
        item.scope = [Field(label, cell_text(value), normalise(label), f"{scope.title}!{cell}")
                      for label, value, cell in read_fields(scope)]

    item.warnings += [p for p in problems.items if p.severity == "warning"]
    item.warnings += wb.sheet_suspects(ITEM_SHEETS)
    item.warnings += wb.left_out()
    item.warnings += placeholder_warnings(path, wb)
    problems.raise_if_errors(partial=item)
    return item


def _read_typed_fields(item: Item, raw: dict[str, object], problems: ProblemList) -> None:
    """Meeting date, Key decision and Exempt: fields that must hold a certain kind of value."""
    for f in item.fields:
        if f.key == "meeting_date":
            item.meeting_date = parse_date(raw[f.key])
            if item.meeting_date is None and f.value:
                problems.error(f"Meeting date {f.value!r} is not a date: expected a date "
                               "cell or a written date such as 7 March 2017", *_at(f))
        elif f.key == "key_decision" and f.value:
            item.key_decision = parse_yes_no(f.value)
            if item.key_decision is None:
                problems.error(f"Key decision {f.value!r}: expected Yes or No", *_at(f))
        elif f.key == "exempt" and f.value:
            ok, item.exempt_paragraph = parse_exempt(f.value)
            if not ok:
                problems.error(exempt_message(f.value, "No"), *_at(f))


def _at(f: Field) -> tuple[str, str]:
    sheet, _, cell = f.cell.partition("!")
    return sheet, cell


def parse_yes_no(text: str) -> bool | None:
    key = normalise(text)
    return True if key in ("yes", "y", "true") else False if key in ("no", "n", "false") else None


def parse_exempt(text: str) -> tuple[bool, int | None]:
    """("No" | "" -> public; "3", "Para 3", "Paragraph 3", "3 - financial affairs" ->
    paragraph 3). A bare Yes is not enough: the paragraph decides what may be withheld."""
    if parse_yes_no(text) is False or not text.strip():
        return True, None
    match = re.search(r"\b([1-7])\b", text)
    return (True, int(match.group(1))) if match else (False, None)


def exempt_message(value: str, public_word: str) -> str:
    """The message for an Exempt cell that names no paragraph of Schedule 12A."""
    if parse_yes_no(value):
        return (f"Exempt {value!r}: say which paragraph of Schedule 12A (1 to 7) makes the "
                "item exempt, e.g. 3 for financial or business affairs")
    return (f"Exempt {value!r}: expected {public_word}, or the paragraph of Schedule 12A "
            "(1 to 7) that makes the item exempt")


def normalise_kind(text: str) -> str:
    """'Executive Response' -> 'executive-response'."""
    return "-".join(text.lower().replace("_", " ").replace("-", " ").split())


def _read_report_fields(ws, problems: ProblemList) -> tuple[list[Field], dict[str, object]]:
    """The Report sheet's fields in order, and the raw value of each known one."""
    lookup = {normalise(label): e.key for e in contract.REPORT.entries for label in e.names}
    fields: list[Field] = []
    raw: dict[str, object] = {}
    for label, value, cell in read_fields(ws):
        key = lookup.get(normalise(label))
        if key in raw:
            problems.error(f"{label!r} is given twice; expected each field once",
                           ws.title, "A" + cell[1:])
            continue
        if key:
            raw[key] = value
        fields.append(Field(label, cell_text(value), key or normalise(label),
                            f"{ws.title}!{cell}", known=key is not None))
    return fields, raw


def require_columns(table: Table, problems: ProblemList) -> bool:
    """An error per required column the header row lacks, listing the headers found."""
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
    sheet = contract.RECOMMENDATIONS
    table = read_table(ws, sheet.synonym_map(), required=sheet.required)
    if not require_columns(table, problems):
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
        timeline, timeline_date = dated(row, "timeline")
        updated, updated_date = dated(row, "updated")
        recs.append(Recommendation(
            ref=ref, text=text, decision=row.text("decision"), response=row.text("response"),
            timeline=timeline, timeline_date=timeline_date,
            lead_officer=row.text("lead_officer"), status=row.text("status"),
            rag=row.text("rag").title(), progress=row.text("progress"),
            updated=updated, updated_date=updated_date,
            review=row.text("review"), report_date=parse_date(row.raw("report_date")),
            executive_date=parse_date(row.raw("executive_date")),
            extra=row.extras(), cells=row.wheres(),
        ))
    return recs, [c.label for c in table.columns if c.extra]


def dated(row, key: str) -> tuple[str, date | None]:
    """A date column's text and date: a date typed as text ("31/12/2026") reads the
    same as a date cell (31 December 2026); anything else ("Ongoing") as typed."""
    parsed = parse_date(row.raw(key))
    return (format_date(parsed) if parsed else row.text(key)), parsed


def _read_actions(ws, recs: list[Recommendation], problems: ProblemList) -> None:
    sheet = contract.ACTIONS
    table = read_table(ws, sheet.synonym_map(), required=sheet.required)
    if not require_columns(table, problems):
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
            text=row.text("action"), timeline=dated(row, "timeline")[0],
            lead_officer=row.text("lead_officer"), status=row.text("status"),
            progress=row.text("progress"), extra=row.extras(), cells=row.wheres(),
        ))


def _read_sections(ws, problems: ProblemList) -> list[SectionText]:
    sheet = contract.SECTIONS
    table = read_table(ws, sheet.synonym_map(), required=sheet.required)
    if not require_columns(table, problems):
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


def sections_folder(workbook: Path) -> Path:
    """Where a workbook's narrative Markdown files live: "<stem>.sections/" beside it."""
    return workbook.parent / (workbook.stem + contract.SECTIONS_FOLDER_SUFFIX)


def _read_section_files(item: Item, problems: ProblemList) -> list[SectionText]:
    """The report's own narrative files; the version 1 shared sections/ folder only
    while this is the one workbook beside it (else another report's exempt
    narrative could be published in this one)."""
    own = sections_folder(item.source)
    shared = item.source.parent / contract.SHARED_SECTIONS_FOLDER
    if own.is_dir():
        folder, shown = own, own.name
    elif shared.is_dir():
        neighbours = sorted(p.name for p in shared.parent.iterdir()
                            if p.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xls")
                            and not p.name.startswith(("~$", ".")))
        if len(neighbours) > 1:
            problems.error(f"the shared sections/ folder sits beside {len(neighbours)} "
                           f"workbooks ({', '.join(neighbours)}), so it is not clear whose "
                           f"narrative it is: move each report's files into a folder named "
                           f"after its workbook, here {own.name}/", "sections")
            return []
        problems.warn(f"narrative read from the shared sections/ folder: rename it "
                      f"{own.name}/ so it stays with this report", "sections")
        folder, shown = shared, "sections"
    else:
        return []
    found = []
    for md in sorted(folder.glob("*.md")):
        text = _read_section_file(md, folder, f"{shown}/{md.name}", item, problems)
        if text is not None:
            found.append(SectionText(md.stem.replace("-", " ").replace("_", " "), text,
                                     f"{shown}/{md.name}"))
    return found


def _read_section_file(md: Path, folder: Path, shown: str, item: Item,
                       problems: ProblemList) -> str | None:
    """A narrative file's text, if it is a regular file inside its folder (a link out
    of the folder could publish any file on the machine)."""
    import stat

    target = md.resolve()
    try:
        info = target.stat()
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        problems.error(f"{shown} is not a regular file (a link to nowhere, a folder or a "
                       "device): expected a Markdown text file", "sections")
    elif not target.is_relative_to(folder.resolve()):
        problems.error(f"{shown} links to a file outside its folder ({target}): copy the "
                       "text into the folder instead", "sections")
    elif info.st_size > MAX_SECTION_FILE_BYTES:
        problems.error(f"{shown} is {info.st_size:,} bytes: expected narrative text under "
                       f"{MAX_SECTION_FILE_BYTES:,} bytes", "sections")
    else:
        from reportgen.files import read_limited

        try:  # read through files.py too: the file may have changed since it was looked at
            text = read_limited(target, MAX_SECTION_FILE_BYTES, item.source,
                                shown).decode("utf-8")
        except InputError as exc:
            problems.items += exc.problems
            return None
        except UnicodeDecodeError:
            problems.error(f"{shown} is not UTF-8 text: save it as UTF-8", "sections")
            return None
        item.inputs.append(md)
        return text
    return None
