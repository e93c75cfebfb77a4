"""Officer-typed section text -> blocks (paragraphs, sub-headings, lists).

The text follows exactly the contract's small Markdown subset: a line
starting "- " or "•" is a bullet, "1. " a numbered list item, "## " a
sub-heading, **bold** and *italic*, blank lines between paragraphs.
Everything else shows as typed: every other character markdown-it would read
(underscores, brackets, entities, backslashes, "<", "#" other than "## ") is
backslash-escaped before parsing, and the rules that would reinterpret or drop
text (links, reference definitions, entities, code, quotes, HTML) are off, so
nothing is ever fetched. Web and e-mail addresses become links (linkify-it,
markdown-it's own link finder); only http, https and mailto links are made.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_md = (
    # markdown-it drops what lies deeper than maxNesting (20: ten list levels); lists
    # are capped at MAX_INDENT instead, so a deeply nested list keeps every word.
    MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": True,
                              "maxNesting": 100})
    .disable(["image", "link", "autolink", "backticks", "html_block", "html_inline", "code",
              "fence", "lheading", "hr", "blockquote", "reference", "entity"])
    .enable("linkify")
)
# Characters markdown-it reads that the subset does not use: shown as typed.
_LITERAL = re.compile(r"([\\_`\[\]<>!&~|])")
# At a line's start: "#" not followed by "# " (only "## " is a sub-heading), and
# "+ " or "* " (only "- " and "•" are bullets).
_LITERAL_START = re.compile(r"^([ \t]*)(#(?!# )|[+*](?=[ \t]))", re.MULTILINE)
MAX_INDENT = 60  # thirty list levels; deeper lines are kept, at that depth
_DEEP = re.compile(rf"^[ \t]{{{MAX_INDENT + 1},}}", re.MULTILINE)
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
    text = _DEEP.sub(" " * MAX_INDENT, _LITERAL.sub(r"\\\1", text))
    text = _LITERAL_START.sub(r"\1\\\2", text)
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
    finder = _finder()
    if not finder.pretest(text):  # no "." "@" or "://" to start an address: most cells
        return escape(text)
    out, at = [], 0
    for match in finder.match(text) or []:
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
