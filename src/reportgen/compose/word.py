"""Composition of a Word report: its cleaned fragment in the house template.

The officer's headings, lists and numbers are theirs: nothing is numbered
here. The template (templates/word-report.html.j2, a council may override
it) runs in the TemplateSet's sandbox like every report kind.
"""

from __future__ import annotations

from jinja2 import TemplateError
from markupsafe import Markup

from reportgen.compose.templates import KindDef, TemplateSet
from reportgen.errors import InputError, Problem
from reportgen.house import House
from reportgen.readers.word import WordReport

WORD_KIND = KindDef("word-report", "word-report.html.j2")


def compose_word_report(report: WordReport, templates: TemplateSet, house: House | None = None,
                        agenda_item: str = "", page_numbers: bool = True,
                        exempt_paragraph: int | None = None) -> str:
    """The report as a standalone HTML document (CSS and pictures inline), as
    compose() makes for a workbook report; raise InputError on a template error.

    page_numbers=False leaves page numbers out (a pack stamps its own);
    exempt_paragraph marks the report NOT FOR PUBLICATION under that paragraph
    of Schedule 12A."""
    house = house or House()
    try:
        return templates.env.get_template(WORD_KIND.template).render(
            kind=WORD_KIND,
            item={"exempt_paragraph": exempt_paragraph or ""},
            house=house,
            logo=house.logo_uri(templates),
            css=Markup(house.stylesheet(templates)),
            title=report.title,
            body=Markup(report.body_html),
            agenda_item=agenda_item,
            page_numbers=page_numbers,
        )
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or templates.find(WORD_KIND.template)
        raise InputError(Problem(where or WORD_KIND.template,
                                 f"template error: {exc}")) from None
