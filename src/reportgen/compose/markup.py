"""Officer-typed section text -> blocks (paragraphs, sub-headings, lists).

The text follows a small Markdown subset: a line starting "- " or "•" is a
bullet, "1. " a numbered list item, "## " a sub-heading, **bold** and
*italic*. Raw HTML, images and code blocks are switched off, so whatever
an officer types is shown as text and nothing is ever fetched. Web and
e-mail addresses become links (linkify-it, markdown-it's own link finder);
only http, https and mailto links are made.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_md = (
    MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": True})
    .disable(["image", "html_block", "html_inline", "code", "fence", "lheading", "hr"])
    .enable("linkify")
)
# Leading blanks only ([ \t], not \s): \s would let each line's match run on
# through every following blank line, quadratic in a cell of many newlines.
_BULLET = re.compile(r"^([ \t]*)[•▪●◦‣][ \t]*", re.MULTILINE)
_SCHEMES = ("http://", "https://", "mailto:")


@dataclass
class Block:
    """One block of a section: kind is "para", "heading", "bullets" or "numbers"."""

    kind: str
    html: Markup = Markup("")
    items: list[Markup] = field(default_factory=list)
    number: str = ""  # paragraph number ("3.2"), assigned by composition


def parse_blocks(text: str) -> list[Block]:
    """Parse one section's text into blocks, in order."""
    tokens = _md.parse(_BULLET.sub(r"\1- ", text))
    blocks: list[Block] = []
    list_depth = 0
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            if list_depth == 0:
                kind = "bullets" if token.type == "bullet_list_open" else "numbers"
                blocks.append(Block(kind))
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "inline":
            html = Markup(_md.renderer.renderInline(token.children or [], _md.options, {}))
            opener = tokens[i - 1].type
            if list_depth:
                blocks[-1].items.append(html.strip())
            elif opener == "heading_open":
                blocks.append(Block("heading", html.strip()))
            else:
                blocks.append(Block("para", html.strip()))
    return blocks


def inline(text: str) -> Markup:
    """One cell's text as safe inline HTML (bold, italic, line breaks)."""
    blocks = parse_blocks(text)
    parts = []
    for b in blocks:
        parts.append(b.html if b.kind in ("para", "heading") else Markup("<br>").join(b.items))
    return Markup("<br><br>").join(parts)


def lines(text: object) -> Markup:
    """Plain cell text as HTML: escaped, blank lines as paragraph breaks,
    newlines as <br>. Nothing in it is read as markup."""
    text = str(text).strip()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) <= 1:
        return Markup("<br>").join(_linked(line) for line in text.split("\n"))
    return Markup("").join(Markup("<p>{}</p>").format(lines(p)) for p in paragraphs)


def _linked(text: str) -> Markup:
    """text escaped, with its web and e-mail addresses as links."""
    out, at = [], 0
    for match in _finder().match(text) or []:
        if not match.url.lower().startswith(_SCHEMES):
            continue
        out += [escape(text[at:match.index]),
                Markup('<a href="{}">{}</a>').format(match.url, match.raw)]
        at = match.last_index
    out.append(escape(text[at:]))
    return Markup("").join(out)


@functools.cache
def _finder():
    from linkify_it import LinkifyIt

    return LinkifyIt()
