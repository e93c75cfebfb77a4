"""The input contract: every sheet, field and column officers type, declared once.

Readers look columns up here, `new` writes its blank workbooks from here,
`check` draws its expectations from here, and `docs/contract.md` is generated
from here (`python -m reportgen.contract`). No other module lists a column.

Matching (readers.cells.normalise): case, spaces, punctuation, a trailing
"(s)" and a plural "s" are ignored, and each entry's synonyms mean the same.
"""

from __future__ import annotations

from dataclasses import dataclass

BUILTIN_KINDS = ("executive-response", "scope", "cabinet", "monitoring")
ALL_KINDS: tuple[str, ...] = ()  # an entry whose kinds are () is used by every report kind
RESPONSE_KINDS = ("executive-response", "cabinet")
TRACKER_KINDS = ("monitoring",)

DECISIONS = ("Accepted", "Partially accepted", "Not accepted", "Noted")
# The standard status words. Councils' own words (Complete, Ongoing, Paused ...)
# are kept as typed and `check` names them; "Overdue" is worked out, never typed.
STATUSES = ("Not started", "In progress", "Implemented", "Not accepted")
COUNCIL_STATUSES = ("Complete", "Ongoing", "Paused")
RAG_RATINGS = ("Red", "Amber", "Green")
YES_NO = ("Yes", "No")
EXEMPT_CHOICES = ("No", "1", "2", "3", "4", "5", "6", "7")


@dataclass(frozen=True)
class Entry:
    """One field of a Field | Value sheet, or one column of a table sheet."""

    key: str  # the name code uses
    label: str  # the header `new` writes and the docs show
    synonyms: tuple[str, ...] = ()
    type: str = "text"  # text, lines, date, yes-no, exempt, paths, kind
    required: bool = False
    kinds: tuple[str, ...] = ALL_KINDS  # report kinds whose `new` workbook offers it
    choices: tuple[str, ...] = ()  # drop-down values in `new`
    open_choices: bool = False  # other words allowed (kept as typed)
    help: str = ""
    since: int = 1  # contract version that added it
    width: int = 20  # column width in `new`

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, self.key, *self.synonyms)

    def used_by(self, kind: str) -> bool:
        """Offered by `new` for kind (a council's own kind is offered everything)."""
        return not self.kinds or kind in self.kinds or kind not in BUILTIN_KINDS


@dataclass(frozen=True)
class Sheet:
    """A sheet of the contract: Field | Value rows ("fields") or a header row and
    data rows ("table")."""

    name: str
    layout: str  # "fields" or "table"
    entries: tuple[Entry, ...]
    synonyms: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ALL_KINDS
    optional: bool = True
    help: str = ""
    since: int = 1

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)

    def synonym_map(self) -> dict[str, tuple[str, ...]]:
        """key -> the labels that mean it, as readers.workbook.read_table takes it."""
        return {e.key: (e.label, *e.synonyms) for e in self.entries}

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.entries if e.required)

    def entry(self, key: str) -> Entry:
        return next(e for e in self.entries if e.key == key)

    def keys(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.entries)

    def for_kind(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.used_by(kind))

    def used_by(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds or kind not in BUILTIN_KINDS


E = Entry

# -- the item workbook ------------------------------------------------------------
REPORT = Sheet("Report", "fields", (
    E("report_type", "Report type", ("Type", "Kind", "Template"), "kind", required=True,
      help="executive-response, scope, cabinet, monitoring, or a council template's name"),
    E("committee", "Committee", ("Meeting of",), help="e.g. Overview and Scrutiny Commission"),
    E("meeting_date", "Meeting date", ("Date of meeting", "Date"), "date",
      help="a date cell or a written date such as 7 March 2017"),
    E("agenda_item", "Agenda item", ("Item", "Item number"),
      help="optional: a pack numbers its items itself"),
    E("title", "Title", ("Subject", "Report title")),
    E("wards", "Wards", ("Ward", "Wards affected"), help='"All" or a list'),
    E("lead_officer", "Lead officer", (), "lines"),
    E("lead_member", "Lead member", ("Cabinet member", "Portfolio holder"), "lines"),
    E("contact_officer", "Contact officer", ("Contact", "Report author"), "lines"),
    E("recommendations", "Recommendations",
      ("Recommendation", "Recommendations to the committee"), "lines",
      help="to the committee, one per line; shown A., B., C."),
    E("key_decision", "Key decision", (), "yes-no", kinds=("cabinet",), choices=YES_NO),
    E("forward_plan_reference", "Forward plan reference",
      ("Forward plan ref", "Forward plan"), kinds=("cabinet",)),
    E("exempt", "Exempt", ("Exempt information", "Schedule 12A", "Exempt paragraph",
                           "Part II", "Part 2", "Confidential", "Not for publication"),
      "exempt", choices=EXEMPT_CHOICES,
      help="No, or the paragraph of Schedule 12A (1 to 7) that makes the report exempt"),
    E("reasons_for_urgency", "Reasons for urgency", ("Urgency",), "lines", kinds=("cabinet",)),
), optional=False, help="one row per field; fill in the Value column")

RECOMMENDATIONS = Sheet("Recommendations", "table", (
    E("ref", "Ref", ("No", "Number", "Rec", "#", "Rec no", "Reference"), width=8,
      help="optional: numbered in order when empty"),
    E("review", "Review", ("Origin", "Scrutiny report"), kinds=TRACKER_KINDS, since=2,
      help="which scrutiny review the recommendation came from"),
    E("report_date", "Report date", ("Date",), "date", kinds=TRACKER_KINDS, since=2,
      help="the scrutiny report's date"),
    E("executive_date", "Executive date", ("Exec date", "Cabinet date", "Date to Cabinet"),
      "date", kinds=TRACKER_KINDS, since=2,
      help="when the executive received the report: its response is due two months later"),
    E("recommendation", "Recommendation", (), required=True, width=50),
    E("decision", "Decision", (), choices=DECISIONS,
      kinds=TRACKER_KINDS + RESPONSE_KINDS),
    E("response", "Executive response", ("Response", "Cabinet response", "Action"),
      kinds=RESPONSE_KINDS, width=50),
    E("timeline", "Timeline", ("Timescale", "Deadline", "Target date", "Due", "Due date"),
      "date"),
    E("lead_officer", "Lead officer", ("Responsible officer", "Owner", "Lead"), width=22),
    E("status", "Status", (), choices=STATUSES + COUNCIL_STATUSES, open_choices=True,
      kinds=TRACKER_KINDS),
    E("rag", "RAG", ("RAG rating", "RAG status"), choices=RAG_RATINGS, kinds=TRACKER_KINDS,
      width=8),
    E("progress", "Progress", ("Progress update", "Update", "Comments"), kinds=TRACKER_KINDS,
      width=40),
    E("updated", "Updated", ("Last updated", "Date updated"), "date", kinds=TRACKER_KINDS),
), synonyms=("Recommendation", "Tracker"), kinds=RESPONSE_KINDS + TRACKER_KINDS,
    help="one row per recommendation")

ACTIONS = Sheet("Actions", "table", (
    E("ref", "Ref", ("No", "Number", "Rec", "#", "Recommendation", "Rec no", "Reference"),
      required=True, width=8, help="the recommendation's Ref"),
    E("action", "Action", ("Executive response", "Response"), required=True, width=60),
    E("timeline", "Timeline", ("Timescale", "Deadline", "Target date", "Due", "Due date"),
      "date"),
    E("lead_officer", "Lead officer", ("Responsible officer", "Owner", "Lead"), width=22),
    E("status", "Status", (), choices=STATUSES + COUNCIL_STATUSES, open_choices=True),
    E("progress", "Progress", ("Progress update", "Update", "Comments"), width=40),
), synonyms=("Action", "Action plan"), kinds=RESPONSE_KINDS,
    help="several actions for one recommendation, each with its own timeline and lead")

SECTIONS = Sheet("Sections", "table", (
    E("section", "Section", ("Heading", "Section name"), required=True, width=30),
    E("text", "Text", ("Paragraph", "Content", "Paragraphs"), required=True, width=90),
), synonyms=("Section", "Narrative"),
    help="one row per paragraph; Section is the heading it belongs under")

# How the Recommendations columns are shown, in the contract's order (labels from the
# entries above): the responses table has one sub-row per action, and the tracker
# shows the timeline under the recommendation's text.
RESPONSE_COLUMNS = ("response", "timeline", "lead_officer")  # always, per action
PER_RESPONSE_COLUMNS = ("status", "progress")  # per action, when any has a value
PER_RECOMMENDATION_COLUMNS = tuple(  # per recommendation, when any has a value
    k for k in RECOMMENDATIONS.keys()
    if k not in ("ref", "recommendation", *RESPONSE_COLUMNS, *PER_RESPONSE_COLUMNS))
TRACKER_COLUMNS = tuple(k for k in RECOMMENDATIONS.keys() if k != "timeline")

# The Harrow scope form's rows, in order; `new --type scope` writes them.
SCOPE_ROWS = ("Subject", "Committee", "Membership", "Aims/ Objectives/ Outcomes",
              "Measures of success of review", "Scope", "Service priorities",
              "Review sponsor", "Accountable manager", "Support officer(s)",
              "Administrative support", "External input", "Methodology",
              "Equality implications", "Assumptions/ Constraints", "Section 17 implications",
              "Timescale", "Resource commitments", "Report author", "Reporting arrangements",
              "Follow up arrangements (proposals)")
SCOPE = Sheet("Scope", "fields", tuple(E(row, row) for row in SCOPE_ROWS), kinds=("scope",),
              help="the rows of the numbered scope form, in order")

# Report fields every template places itself, not as front-matter rows (the title is
# the heading); a kind's .toml may name more (placed_fields).
PLACED_ELSEWHERE = ("report_type", "title", "recommendations", "exempt")

ITEM_SHEETS = (REPORT, RECOMMENDATIONS, ACTIONS, SECTIONS, SCOPE)

# Where a report's narrative Markdown files live: "<workbook stem>.sections/".
SECTIONS_FOLDER_SUFFIX = ".sections"
SHARED_SECTIONS_FOLDER = "sections"  # version 1: one folder beside the workbook

# -- the meeting workbook ---------------------------------------------------------
MEETING = Sheet("Meeting", "fields", (
    E("council", "Council", ("Authority", "Organisation")),
    E("committee", "Committee", ("Meeting of", "Body"), required=True),
    E("date", "Date", ("Meeting date", "Date of meeting"), "date", required=True),
    E("time", "Time", ("Start time",)),
    E("venue", "Venue", ("Place", "Location"), "lines"),
    E("membership", "Membership", ("Members", "Membership of the committee"), "lines",
      help="one member per line"),
    E("quorum", "Quorum"),
    E("contact", "Contact", ("Contact officer", "Clerk", "Democratic services contact"),
      "lines"),
), optional=False)

AGENDA = Sheet("Agenda", "table", (
    E("item", "Item", ("No", "Number", "Item no", "#"), width=8,
      help="optional: items are numbered in order"),
    E("heading", "Heading", ("Section heading", "Part"), since=2, width=30,
      help="a row with only a Heading starts a group of items; not numbered"),
    E("title", "Title", ("Subject",), required=True, width=50),
    E("report", "Report", ("Workbook", "Report workbook", "File", "Document"), "paths",
      width=45, help="the item's workbook, Word report (.docx) or PDF, relative to this file"),
    E("text", "Text", ("Procedural text", "Description"), "lines", width=50,
      help="for procedural items; left empty, the usual ones get standard wording"),
    E("presenter", "Presenter", ("Presented by", "Reporting officer", "Lead member"),
      since=2, width=25),
    E("wards", "Wards", ("Ward",), width=14),
    E("exempt", "Exempt", ("Exempt information", "Schedule 12A", "Part II", "Part 2",
                           "Exempt paragraph", "Confidential", "Private",
                           "Not for publication"),
      "exempt", choices=EXEMPT_CHOICES, width=10,
      help="empty or No: public; else the paragraph of Schedule 12A (1 to 7)"),
    E("appendices", "Appendices", ("Appendix", "Appendix PDFs", "Attachments"), "paths",
      width=45, help="PDF files, separated by ;"),
    E("appendix_titles", "Appendix titles", ("Appendix title",), since=2, width=40,
      help="separated by ;, in the same order as Appendices"),
    E("supplementary", "Supplementary", ("Late", "Late item", "To follow"), "yes-no",
      choices=YES_NO, width=14, help="Yes: the item goes in a supplementary agenda"),
    E("late_reason", "Reason for lateness", ("Late reason", "Reason late"), "lines",
      since=2, width=40),
    E("urgency", "Reason for urgency", ("Urgency", "Reasons for urgency"), "lines",
      since=2, width=40),
), optional=False, help="one row per item, in order")

# Named _SHEET so as not to clash with DECISIONS, the words of the Decision column.
DECISIONS_SHEET = Sheet("Decisions", "table", (
    E("item", "Item", ("No", "Number", "Agenda item", "#"), required=True, width=8),
    E("decision", "Decision", ("Decisions", "Resolved"), "lines", required=True, width=60),
    E("reasons", "Reasons", ("Reasons for decision", "Reason"), "lines", width=50),
    E("alternatives", "Alternative options rejected",
      ("Alternatives", "Alternative options", "Options rejected"), "lines", width=40),
    E("interests", "Conflicts of interest", ("Interests declared", "Declarations"),
      "lines", width=30),
    E("dispensations", "Dispensations", ("Dispensation",), "lines", width=30),
    E("urgent", "Urgent", ("Urgency", "Not subject to call-in"), "yes-no", choices=YES_NO,
      width=10, help="Yes: not subject to call-in"),
), since=2)

MEETING_SHEETS = (MEETING, AGENDA, DECISIONS_SHEET)

# -- the forward plan workbook ----------------------------------------------------
FORWARD_PLAN = Sheet("Forward plan", "table", (
    E("ref", "Ref", ("Reference", "Forward plan reference", "No"), required=True, width=12),
    E("matter", "Matter", ("Subject", "Title", "Decision"), required=True, width=50),
    E("decision_maker", "Decision maker", ("Decision taker", "Decision-maker"), width=20),
    E("decision_date", "Decision date", ("Date", "Date of decision"), "date", width=16),
    E("wards", "Wards", ("Ward",), width=14),
    E("documents", "Documents", ("Documents to be considered", "Reports"), "lines",
      width=40),
    E("contact", "Contact", ("Contact officer",), "lines", width=30),
    E("exempt", "Exempt paragraph", ("Exempt", "Private", "Part 2"), "exempt",
      choices=EXEMPT_CHOICES, width=10),
    E("first_published", "First published", ("Published", "Date published"), "date",
      width=16),
), synonyms=("Notice of key decisions", "Key decisions"), since=2)

# Procedural agenda rows that get the council's standard wording when their Text
# is empty: row title (matched like headers) -> template under templates/procedural/.
PROCEDURAL_WORDING = {
    "Apologies for absence": "apologies",
    "Apologies": "apologies",
    "Substitute members": "substitutes",
    "Substitutes": "substitutes",
    "Declarations of interest": "declarations",
    "Declarations of pecuniary interest": "declarations",
    "Disclosures of interest": "declarations",
    "Minutes of the previous meeting": "minutes",
    "Minutes": "minutes",
    "Public participation": "public-participation",
    "Public questions": "public-participation",
    "Webcasting notice": "webcasting",
    "Webcasting": "webcasting",
}


def markdown() -> str:
    """The contract as Markdown tables (docs/contract.md is this text)."""
    out = ["# The input contract", "",
           "Generated from `src/reportgen/contract.py` by "
           "`python -m reportgen.contract > docs/contract.md`: do not edit by hand.", "",
           "Sheet names and headers match ignoring case, spaces, punctuation, a trailing "
           '"(s)" and a plural "s"; each entry\'s other names mean the same. A header row '
           "may sit under title rows (the first 10 rows are searched). Only visible sheets, "
           "rows and columns are read. Extra fields and columns are kept and shown.", ""]
    groups = (("Item workbook (one per report)", ITEM_SHEETS),
              ("Meeting workbook (one per meeting)", MEETING_SHEETS),
              ("Forward plan workbook (optional)", (FORWARD_PLAN,)))
    for title, sheets in groups:
        out += [f"## {title}", ""]
        for sheet in sheets:
            kinds = f" Used by: {', '.join(sheet.kinds)}." if sheet.kinds else ""
            required = "" if sheet.optional else " Required."
            also = f" Also named: {', '.join(sheet.synonyms)}." if sheet.synonyms else ""
            out += [f"### {sheet.name}", "",
                    f"{'Field | Value rows' if sheet.layout == 'fields' else 'A table'}: "
                    f"{sheet.help or 'see below'}.{required}{kinds}{also}", "",
                    "| name | other names | type | values | notes |",
                    "| --- | --- | --- | --- | --- |"]
            for e in sheet.entries:
                notes = "; ".join(filter(None, [
                    "required" if e.required else "",
                    f"offered for {', '.join(e.kinds)}" if e.kinds else "",
                    "new in version 2" if e.since == 2 else "", e.help]))
                values = ", ".join(e.choices) + (" or the council's own" if e.open_choices
                                                 else "")
                out.append(f"| {e.label} | {', '.join(e.synonyms)} | {e.type} | {values} | "
                           f"{notes} |")
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(markdown())
