"""Table column widths, worked out once from what the columns hold.

fit_columns() takes a table's column headers and cell texts and returns
each column's width (as a fraction of the text width and in cm), the
table's type size and whether it needs a landscape page. The PDF (CSS
``table-layout: fixed``) and the Word writer both use these numbers, so a
table is laid out the same way in both.

Rules, in order:
  * no column is narrower than its longest ordinary word at the table's
    type size (longer "words", such as web addresses, wrap anywhere);
  * every column gets the width its longest line wants, up to a common
    level (weighted by the square root of that want) that fills the page:
    reference and date columns stay narrow and on one line, text columns
    share the rest, long notes more than short sentences;
  * a table whose words do not fit portrait A4 at its type size is set
    up to 1 pt smaller (never below 10 pt) when that is enough, and on a
    landscape page otherwise, down to 10 pt;
  * a table too wide even for that (York's 11-column tracker) is "tight":
    landscape, 10 pt, each column at least 65% of its longest word (all of
    words up to 8 letters), the rest shared as above, and the words that do
    not fit are hyphenated.

Text is measured with DejaVu Sans's advance widths: wider than Arial and
Liberation Sans (the house default), so the estimate is safe for those and
for a council that chooses DejaVu.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

PORTRAIT_CM = 17.0  # A4 less 20 mm margins each side (templates/css/report.css)
LANDSCAPE_CM = 25.7
FLOOR_PT = 10.0  # the smallest type any table is set in
PORTRAIT_SHRINK_PT = 1.0  # how much smaller a table may be set to stay portrait
CELL_PADDING_CM = 0.40  # 5 pt each side plus the rule in CSS; Word's 0.19 cm margins
WORD_SLACK = 1.02  # rounding, kerning differences between renderers
EXTRA_CM = 0.15  # a RAG label's padding inside its cell
LONGEST_ORDINARY_WORD = 20  # characters; longer ones wrap anywhere
SHORT_LINE = 25  # characters: a column no longer than this is kept on one line
TIGHT_WORD_SHARE = 0.65  # of its longest word a tight table's column must hold
HYPHENATED = 8  # characters: shorter words are never hyphenated, even in a tight table
_PT_PER_CM = 72 / 2.54
_UNITS_PER_EM = 2048
# DejaVu Sans advance widths, (regular, bold), for " " to "~", in font units.
_WIDTHS = (
    (651, 713), (821, 934), (942, 1067), (1716, 1716), (1303, 1425), (1946, 2052), (1597, 1786),
    (563, 627), (799, 936), (799, 936), (1024, 1071), (1716, 1716), (651, 778), (739, 850),
    (651, 778), (690, 748), (1303, 1425), (1303, 1425), (1303, 1425), (1303, 1425),
    (1303, 1425), (1303, 1425), (1303, 1425), (1303, 1425), (1303, 1425), (1303, 1425),
    (690, 819), (690, 819), (1716, 1716), (1716, 1716), (1716, 1716), (1087, 1188),
    (2048, 2048), (1401, 1585), (1405, 1561), (1430, 1503), (1577, 1700), (1294, 1399),
    (1178, 1399), (1587, 1681), (1540, 1714), (604, 762), (604, 762), (1343, 1587),
    (1141, 1305), (1767, 2038), (1532, 1714), (1612, 1741), (1235, 1501), (1612, 1741),
    (1423, 1577), (1300, 1475), (1251, 1397), (1499, 1663), (1401, 1585), (2025, 2259),
    (1403, 1579), (1251, 1483), (1403, 1485), (799, 936), (690, 748), (799, 936), (1716, 1716),
    (1024, 1024), (1024, 1024), (1255, 1382), (1300, 1466), (1126, 1214), (1300, 1466),
    (1260, 1389), (721, 891), (1300, 1466), (1298, 1458), (569, 702), (569, 702), (1186, 1362),
    (569, 702), (1995, 2134), (1298, 1458), (1253, 1407), (1300, 1466), (1300, 1466),
    (842, 1010), (1067, 1219), (803, 979), (1298, 1458), (1212, 1335), (1675, 1892),
    (1212, 1321), (1212, 1335), (1075, 1192), (1303, 1458), (690, 748), (1303, 1458),
    (1716, 1716),)
_OTHER = 1425  # a letter outside ASCII: as wide as a bold digit
_WIDE = 2048  # East Asian wide and full-width characters: one em
# Line breaks are allowed after a hyphen or a dash before a letter, and at spaces
# (Unicode line breaking, as Pango and Word do it; not after "/" in "16/17").
_BREAKS = re.compile(r"\s+|(?<=[-\u2010\u2013\u2014])(?=[^\W\d])")
_ADDRESS = re.compile(r"^\W*(https?://|www\.|[^@\s]+@[^@\s]+\.)", re.IGNORECASE)


@dataclass(frozen=True)
class TableFit:
    """How a table is laid out: one entry per column in fractions and cm."""

    fractions: tuple[float, ...]
    cm: tuple[float, ...]
    font_pt: float
    landscape: bool
    min_cm: float  # the narrowest the table can be without splitting a word

    @property
    def tight(self) -> bool:
        """Even landscape at 10 pt is too narrow: some words must be hyphenated."""
        return self.min_cm > (LANDSCAPE_CM if self.landscape else PORTRAIT_CM)

    @property
    def percents(self) -> tuple[float, ...]:
        return tuple(round(f * 100, 2) for f in self.fractions)


def text_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of text set on one line at size_pt, in cm."""
    return _cm(_units(text, bold), size_pt)


def _units(text: str, bold: bool) -> int:
    """The width of text in font units: every size is this, scaled."""
    units = 0
    for char in text:
        code = ord(char)
        if 32 <= code < 127:
            units += _WIDTHS[code - 32][bold]
        elif unicodedata.east_asian_width(char) in "WF":
            units += _WIDE
        elif not unicodedata.combining(char):
            units += _OTHER
    return units


def _cm(units: float, size_pt: float) -> float:
    return units / _UNITS_PER_EM * size_pt / _PT_PER_CM


def ordinary_words(text: str) -> list[str]:
    """The words of text that must not be split: not addresses, not over-long."""
    return [w for token in text.split() if not _ADDRESS.match(token)
            for w in _BREAKS.split(token) if w and len(w) <= LONGEST_ORDINARY_WORD]


def table_size(body_pt: float) -> float:
    """The type size of tables for a body size: 1 pt smaller, never below 10 pt."""
    return max(FLOOR_PT, body_pt - 1)


def fit_columns(headers: Sequence[str], columns: Sequence[Sequence[str]],
                body_pt: float = 12.0, bold: Sequence[Sequence[str]] = ()) -> TableFit:
    """Widths for a table with these headers and, per column, these cell texts.

    columns[i] holds column i's cell texts (any number, newlines allowed);
    headers are set in bold, and so is any text in bold[i] (a part of a cell of
    column i). Never raises; a table too wide even in landscape at 10 pt gets
    widths in proportion to its words, and they wrap anywhere."""
    size = table_size(body_pt)
    short = [all(len(line) <= SHORT_LINE for text in cells for line in text.splitlines())
             for cells in columns]
    # Measured once, in font units: a width at any size is the same number scaled.
    widest = [_Widest.of([h, *(bold[i] if i < len(bold) else ())], cells)
              for i, (h, cells) in enumerate(zip(headers, columns, strict=True))]
    for width_cm, landscape, smallest in ((PORTRAIT_CM, False, size - PORTRAIT_SHRINK_PT),
                                          (LANDSCAPE_CM, True, FLOOR_PT)):
        for pt in _sizes(size, max(smallest, FLOOR_PT)):
            mins = [w.min_cm(pt) for w in widest]
            if sum(mins) <= width_cm:
                wants = [max(m, w.want_cm(pt)) for m, w in zip(mins, widest, strict=True)]
                return _share(mins, wants, width_cm, pt, landscape, short)
    # Tight: hyphenation lets a long word take two lines, so a column needs only part
    # of its longest word, and the long-text columns get room to keep rows short.
    mins = [w.min_cm(FLOOR_PT) for w in widest]
    soft = [w.min_cm(FLOOR_PT, hyphenated=True) for w in widest]
    soft = [w * min(1.0, LANDSCAPE_CM / sum(soft)) for w in soft]
    wants = [max(s, w.want_cm(FLOOR_PT)) for s, w in zip(soft, widest, strict=True)]
    fit = _share(soft, wants, LANDSCAPE_CM, FLOOR_PT, True)  # no room to keep lines whole
    return TableFit(fit.fractions, fit.cm, FLOOR_PT, True, round(sum(mins), 2))


def _sizes(largest: float, smallest: float) -> list[float]:
    """largest, then half a point smaller each step, down to smallest."""
    sizes = [largest]
    while sizes[-1] - 0.5 >= smallest - 1e-9:
        sizes.append(sizes[-1] - 0.5)
    return sizes


@dataclass(frozen=True)
class _Widest:
    """A column's widest ordinary word, the word needing most room when words longer
    than HYPHENATED characters need only TIGHT_WORD_SHARE of theirs, and its widest
    line, in font units (bold text measured bold)."""

    word: int
    hyphenated: tuple[int, float]  # (units, share of them needed)
    line: int

    @classmethod
    def of(cls, bold: Sequence[str], cells: Sequence[str]) -> _Widest:
        found = [(w, False) for text in cells for w in ordinary_words(text)]
        found += [(w, True) for text in bold for w in ordinary_words(text)]
        words = [(_units(w, b), TIGHT_WORD_SHARE if len(w) > HYPHENATED else 1.0)
                 for w, b in found]
        lines = [_units(line, False) for text in cells for line in text.splitlines()]
        lines += [_units(line, True) for text in bold for line in text.splitlines()]
        return cls(max((units for units, _ in words), default=0),
                   max(words, key=lambda word: word[0] * word[1], default=(0, 1.0)),
                   max(lines, default=0))

    def min_cm(self, pt: float, hyphenated: bool = False) -> float:
        """The widest word at pt (only its share when hyphenated), plus the padding."""
        units, share = self.hyphenated if hyphenated else (self.word, 1.0)
        return _cm(units, pt) * share * WORD_SLACK + CELL_PADDING_CM + EXTRA_CM

    def want_cm(self, pt: float) -> float:
        """How wide the column would be at pt with no line wrapped."""
        return _cm(self.line, pt) * WORD_SLACK + CELL_PADDING_CM + EXTRA_CM


def _unwrap_short(mins: list[float], wants: list[float], short: Sequence[bool],
                  width_cm: float) -> list[float]:
    """Short columns (refs, dates, statuses) kept on one line while there is room,
    the cheapest first."""
    mins = list(mins)
    for i in sorted((i for i, s in enumerate(short) if s), key=lambda i: wants[i] - mins[i]):
        if sum(mins) + wants[i] - mins[i] <= width_cm:
            mins[i] = wants[i]
    return mins


def _share(mins: list[float], wants: list[float], width_cm: float, pt: float,
           landscape: bool, short: Sequence[bool] = ()) -> TableFit:
    """Fill width_cm. When every line fits unwrapped, in proportion to each column's
    want. Else each column gets its want or a common level times the square root of
    its want, whichever is less, and never less than its minimum: short columns are
    not wrapped to make long ones a little wider, and a column of long notes gets
    more room than one of short sentences, so rows stay short. Short columns
    stay on one line first, while the page has room (_unwrap_short)."""
    if not mins:
        return TableFit((), (), pt, landscape, 0.0)
    capped = [min(w, width_cm) for w in wants]
    if sum(capped) <= width_cm:
        widths = [w * width_cm / sum(capped) for w in capped]
    elif sum(mins) <= width_cm:
        mins = _unwrap_short(mins, capped, short, width_cm)
        weights = [math.sqrt(w) for w in wants]

        def at(level: float) -> list[float]:
            return [max(m, min(c, level * g)) for m, c, g in zip(mins, capped, weights,
                                                                 strict=True)]

        low, high = 0.0, max(c / g for c, g in zip(capped, weights, strict=True))
        for _ in range(50):  # bisection: the total grows with the level
            middle = (low + high) / 2
            low, high = (middle, high) if sum(at(middle)) < width_cm else (low, middle)
        widths = at(low)
        widths[widths.index(max(widths))] += width_cm - sum(widths)  # the rounding left over
    else:
        widths = [m * width_cm / sum(mins) for m in mins]
    fractions = tuple(w / width_cm for w in widths)
    return TableFit(fractions, tuple(round(w, 2) for w in widths), pt, landscape,
                    round(sum(mins), 2))
