"""Recommendations trackers shaped like real councils', made at test time.

Each maker writes an item workbook into a folder and returns its path. The
set covers what councils' trackers hold: York's columns (Origin, Date,
Area, Exec Date), a 12-column tracker, a 4-column one, long progress notes,
40+ rows, a 10,000-character "word" and a long web address.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .conftest import make_workbook

LONG_WORD = "Ж" * 10_000  # one character, so a test can count every one of them
LONG_URL = ("https://www.example.gov.uk/democracy/committee-papers/"
            + "scrutiny-reviews/" * 6 + "final-report.pdf?version=" + "0123456789" * 4)
OFFICERS = ["AD Business Improvement", "Director of Environment and Regeneration",
            "Head of Democratic Services", "Chief Executive", "CMT"]
STATUSES = ["In progress", "Not started", "Implemented", "Overdue", "Ongoing"]
RAGS = ["Green", "Amber", "Red", "Green", "Amber"]
SENTENCES = [
    "The council should review how the service is commissioned before the contract ends.",
    "Officers should report progress to the committee every six months.",
    "Residents who use the service should be consulted on any change to it.",
    "The lead member should publish the findings and the council's response.",
]
PROGRESS = ("Work began in the spring. A project board meets monthly and has agreed a "
            "timetable with partners; the first phase finished on time and under budget, "
            "and the second phase is being planned with the voluntary sector. ")


def report(kind: str, title: str, sections: list[list[str]] | None = None) -> dict:
    return {
        "Report": [["Field", "Value"], ["Report type", kind],
                   ["Committee", "Overview and Scrutiny Commission"],
                   ["Meeting date", date(2024, 3, 7)], ["Title", title]],
        "Sections": [["Section", "Text"], ["Purpose of report", "To report progress."],
                     *(sections or [])],
    }


def york(folder: Path) -> Path:
    """York's scrutiny tracker: where each recommendation came from and when the
    executive received it, beside the response."""
    header = ["Ref", "Origin", "Date", "Recommendation", "Area", "Exec Date", "Decision",
              "Executive response", "Lead officer", "Status", "Progress"]
    rows = [[f"CSMC {n:02d}", "Customer and Corporate Services Scrutiny Management "
             "Committee", date(2023, 1 + n % 12, 1 + n), SENTENCES[n % 4], "Corporate",
             date(2023, 2 + n % 10, 10), "Approved", SENTENCES[(n + 1) % 4],
             OFFICERS[n % 5], STATUSES[n % 5], PROGRESS] for n in range(1, 9)]
    return make_workbook(folder / "york.xlsx", {
        **report("monitoring", "York-like tracker"), "Recommendations": [header, *rows]})


def twelve_columns(folder: Path) -> Path:
    header = ["Ref", "Recommendation", "Decision", "Executive response", "Timeline",
              "Lead officer", "Status", "RAG", "Progress", "Updated", "Cost", "Ward"]
    rows = [[n, SENTENCES[n % 4], "Partially accepted", SENTENCES[(n + 2) % 4],
             date(2024, 12, 31), OFFICERS[n % 5], STATUSES[n % 5], RAGS[n % 5],
             PROGRESS, date(2024, 2, 1), "£12,500 a year", "Abbey; Colliers Wood; Wimbledon"]
            for n in range(1, 7)]
    return make_workbook(folder / "twelve.xlsx", {
        **report("monitoring", "Twelve-column tracker"), "Recommendations": [header, *rows]})


def four_columns(folder: Path) -> Path:
    rows = [[n, SENTENCES[n % 4], STATUSES[n % 5], PROGRESS[: 60 + 10 * n]]
            for n in range(1, 6)]
    return make_workbook(folder / "four.xlsx", {
        **report("monitoring", "Four-column tracker"),
        "Recommendations": [["Ref", "Recommendation", "Status", "Progress"], *rows]})


def long_progress(folder: Path) -> Path:
    """Progress notes of several paragraphs, as departments paste them in."""
    notes = "\n\n".join([PROGRESS * 3] * 3)
    rows = [[n, SENTENCES[n % 4], "Accepted", OFFICERS[n % 5], STATUSES[n % 5], notes]
            for n in range(1, 5)]
    return make_workbook(folder / "long-progress.xlsx", {
        **report("monitoring", "Long progress notes"),
        "Recommendations": [["Ref", "Recommendation", "Decision", "Lead officer", "Status",
                             "Progress"], *rows]})


def many_rows(folder: Path) -> Path:
    rows = [[f"R{n:03d}", SENTENCES[n % 4], "Accepted", OFFICERS[n % 5], STATUSES[n % 5],
             RAGS[n % 5], f"Update {n}: on track.", date(2024, 1, 1 + n % 28)]
            for n in range(1, 46)]
    return make_workbook(folder / "many-rows.xlsx", {
        **report("monitoring", "Forty-five recommendations"),
        "Recommendations": [["Ref", "Recommendation", "Decision", "Lead officer", "Status",
                             "RAG", "Progress", "Updated"], *rows]})


def hostile_words(folder: Path) -> Path:
    """A 10,000-character word and a long web address in the executive responses."""
    rows = [[1, "Publish the papers online.", f"They are at {LONG_URL} now.", "May 2024",
             "Head of Democratic Services"],
            [2, "Keep the raw data.", LONG_WORD, "June 2024", "CMT"],
            [3, "Report back.", "Agreed.", "July 2024", "Chief Executive"]]
    return make_workbook(folder / "hostile.xlsx", {
        **report("executive-response", "Long words"),
        "Recommendations": [["Ref", "Recommendation", "Executive response", "Timeline",
                             "Lead officer"], *rows]})


def numbered_paragraphs(folder: Path) -> Path:
    """Sections 10 and 12 with paragraphs up to 12.14, for the numbers' gap."""
    sections = [["Risk management and health and safety implications", "Ten one."],
                *[["Background papers", f"Paper {n} is one of the papers read by the task "
                   "group, which is described here at length so that the line wraps."]
                  for n in range(1, 15)]]
    return make_workbook(folder / "numbered.xlsx", {
        **report("executive-response", "Numbered paragraphs", sections),
        "Recommendations": [["Ref", "Recommendation", "Executive response"],
                            [1, "Do it.", "Done."]]})


TRACKERS = {maker.__name__: maker for maker in (york, twelve_columns, four_columns,
                                                long_progress, many_rows, hostile_words)}
