"""One font program per font in a merged pack: share_fonts().

WeasyPrint lays out each report on its own and embeds its own subset of each
font, so a pack merged from twelve reports carries twelve copies of DejaVu
Sans. Its subsets keep glyph ids (HarfBuzz's RETAIN_GIDS: a glyph left out is
an empty outline of no width, the rest stay at their ids), so the subsets of one
original are pieces of one font: their union, each glyph taken from a subset
that has it with its hmtx entry, is a program every part can use as it is. Only
the font descriptors change (their /FontFile2 and the subset tag in /FontName
and /BaseFont); content streams, /W, ToUnicode and tags are untouched.

The union is built from the embedded subsets, not by subsetting the installed
font again: the pack needs nothing but itself, so it works for a report taken
from the cache after a font upgrade, a house font from a template folder, or a
machine where fontconfig finds a different file.

Shared: TrueType programs (/FontFile2) of CIDFontType2 fonts with an Identity
CIDToGIDMap and /W, grouped by the name after the subset tag and by identity
(name table, head creation date and revision, metrics). Every glyph a part
draws (its /W) or holds (an outline: a composite's components) must be the
same in every subset that has it. Anything else keeps its program exactly as
it was: CFF and Type 1 programs, simple fonts, tables a union cannot merge, a
glyph two subsets draw differently, a program that does not parse.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import struct
import zlib
from dataclasses import dataclass, field

import pikepdf
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph
from pikepdf import Dictionary, Name, Pdf

# Tables a PDF viewer never reads (the text is already shaped and placed glyph by
# glyph) that differ from subset to subset: the shared program leaves them out.
_DROPPED = {"GDEF", "GSUB", "GPOS", "MATH", "BASE", "JSTF", "kern", "hdmx", "LTSH",
            "VDMX", "DSIG"}
# Rebuilt from the glyphs, or merged, in the shared program.
_REBUILT = {"glyf", "loca", "hmtx", "hhea", "maxp", "head", "cmap", "post", "OS/2"}
# The same in every subset of one original: compared byte for byte (FFTM, FontForge's
# dates, is kept by fontTools' subsetter, which WeasyPrint uses without HarfBuzz's).
_KEPT = {"name", "gasp", "cvt ", "fpgm", "prep", "FFTM", "meta"}
# Fields a subsetter computes from the glyphs it keeps (fontTools subsetting also
# stamps head.modified with the time): everything else is the original's.
_COMPUTED = {
    "head": {"checkSumAdjustment", "modified", "xMin", "yMin", "xMax", "yMax",
             "indexToLocFormat"},
    "hhea": {"advanceWidthMax", "minLeftSideBearing", "minRightSideBearing",
             "xMaxExtent", "numberOfHMetrics"},
    "OS/2": {"usFirstCharIndex", "usLastCharIndex", "ulUnicodeRange1", "ulUnicodeRange2",
             "ulUnicodeRange3", "ulUnicodeRange4", "ulCodePageRange1", "ulCodePageRange2",
             "xAvgCharWidth", "usMaxContext"},
}
_MERGED_CMAPS = {0, 4, 6, 12, 13}  # subtable formats that are a plain code -> glyph map
_TAG = re.compile(r"^[A-Z]{6}\+")


@dataclass
class _Program:
    """One embedded font program and everything that points at it."""

    stream: pikepdf.Stream
    descriptors: list[Dictionary] = field(default_factory=list)
    fonts: list[Dictionary] = field(default_factory=list)  # CIDFonts and their Type0s
    used: set[int] = field(default_factory=set)  # glyph ids its parts draw
    shareable: bool = True
    font: TTFont | None = None  # once parsed, its glyphs named by id (_parse)
    outlines: list[bytes] = field(default_factory=list)  # by glyph id; b"": none
    metrics: tuple[bytes, int] = (b"", 0)  # hmtx, read by _metric()
    needed: set[int] = field(default_factory=set)  # drawn, or holding an outline


def share_fonts(pdf: Pdf) -> None:
    """Give pdf one TrueType program per font where its parts embed several subsets.

    Changes only font descriptors and font names in pdf; a group of subsets that
    cannot be united is left as it was. Never raises for a font it cannot read."""
    groups: dict[tuple, list[_Program]] = {}
    for program in _programs(pdf):
        key = _identity(program) if program.shareable else None
        if key is not None:
            groups.setdefault(key, []).append(program)
    for (name, *_), members in groups.items():
        if len(members) > 1 and (data := _union(members)) is not None:
            _point_at(pdf, members, name, data)


# -- finding the programs ----------------------------------------------------
def _programs(pdf: Pdf) -> list[_Program]:
    """Every /FontFile2 program the pages' fonts use, with their descriptors and
    fonts, in the order the pages first use them (same PDF, same result)."""
    programs: dict[tuple, _Program] = {}
    for font, parents in _fonts(pdf):
        descriptor = font.get("/FontDescriptor")
        stream = descriptor.get("/FontFile2") if isinstance(descriptor, Dictionary) else None
        if not isinstance(stream, pikepdf.Stream):
            continue
        program = programs.setdefault(stream.objgen, _Program(stream))
        if not any(d.objgen == descriptor.objgen != (0, 0) for d in program.descriptors):
            program.descriptors.append(descriptor)
        program.fonts += [font, *parents]
        used = _drawn(font)
        # Another program beside it, or a /CIDSet (which would have to list the union).
        program.shareable &= used is not None and "/CIDSet" not in descriptor and not (
            "/FontFile" in descriptor or "/FontFile3" in descriptor)
        program.used |= used or set()
    return [p for p in programs.values() if p.shareable]


def _fonts(pdf: Pdf):
    """(font, its Type0 parents) for every font in what the pages draw: their own
    content, forms, annotations' appearances, patterns, Type 3 glyphs (pikepdf's
    walk, safe from loops and inherited resources alike)."""
    seen = pikepdf.ObjectSet()
    for scope in pdf.content_scopes():
        fonts = scope.resources.get_dict(Name.Font) if scope.resources is not None else None
        for font in (fonts or {}).values():
            if not isinstance(font, Dictionary) or not seen.add(font):
                continue
            if font.get("/Subtype") != Name.Type0:
                yield font, []
                continue
            for child in font.get_list(Name.DescendantFonts) or ():
                if isinstance(child, Dictionary):  # two Type0s may share it: both renamed
                    yield child, [font]


def _drawn(font: Dictionary) -> set[int] | None:
    """The glyph ids a CIDFontType2 with an Identity CIDToGIDMap lists in /W;
    None for any other font (its glyphs are not known from the PDF alone)."""
    widths = font.get("/W")
    if (font.get("/Subtype") != Name.CIDFontType2
            or font.get("/CIDToGIDMap", Name.Identity) != Name.Identity
            or not isinstance(widths, pikepdf.Array)):
        return None
    used: set[int] = set()
    index = 0
    try:
        while index < len(widths):
            first, second = int(widths[index]), widths[index + 1]
            if isinstance(second, pikepdf.Array):  # c [w1 w2 ...]
                used.update(range(first, first + len(second)))
                index += 2
            else:  # c_first c_last w
                used.update(range(first, int(second) + 1))
                index += 3
    except (IndexError, TypeError, ValueError):
        return None
    return used


def _identity(program: _Program) -> tuple | None:
    """(name after the subset tag, what makes two subsets pieces of one original);
    None when the program cannot be shared."""
    names = {_TAG.sub("", str(d.get("/FontName", ""))[1:]) for d in program.descriptors}
    if len(names) != 1 or "" in names:
        return None
    try:
        font = _parse(program.stream.read_bytes())
        tables = set(font.keys()) - {"GlyphOrder"}
        if not {"glyf", "loca", "hmtx", "head", "hhea", "maxp"} <= tables or (
                tables - _DROPPED - _REBUILT - _KEPT):
            return None
        fields = tuple((tag, _fields(font[tag], _COMPUTED.get(tag, set())))
                       for tag in ("head", "hhea", "OS/2") if tag in font)
        post = font["post"] if "post" in font else None
        header = (post.italicAngle, post.underlinePosition, post.underlineThickness,
                  post.isFixedPitch) if post is not None else None
        kept = tuple((tag, hashlib.sha256(font.reader[tag]).hexdigest())
                     for tag in sorted(_KEPT & tables))
        outlines, metrics = _outlines(font), _metrics(font)
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a broken font
        return None
    program.font, program.outlines, program.metrics = font, outlines, metrics
    # A drawn composite's components are in none of the parts' /W: outlines count too.
    program.needed = program.used | {gid for gid, data in enumerate(outlines) if data}
    return (names.pop(), tuple(sorted(tables - _DROPPED)), fields, header, kept)


def _parse(data: bytes) -> TTFont:
    """A TTFont whose glyphs are named by id alone ("gid00042"), so the cmaps and
    composite glyphs of different subsets name one another's glyphs alike."""
    # Bounds are taken from the members (_bound), not recomputed from every glyph.
    font = TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False)
    font.setGlyphOrder(_names(font["maxp"].numGlyphs))
    return font


@functools.cache
def _names(count: int) -> list[str]:
    return [f"gid{gid:05d}" for gid in range(count)]  # shared, so never changed


def _outlines(font: TTFont) -> list[bytes]:
    """Each glyph's bytes in glyf by id, b"" for none; sliced, not decoded (fast)."""
    data, offsets = font.reader["glyf"], font["loca"].locations
    return [data[offsets[gid]:offsets[gid + 1]] for gid in range(len(font.getGlyphOrder()))]


def _metrics(font: TTFont) -> tuple[bytes, int]:
    """hmtx's bytes and how many full (advance, bearing) pairs open it, checked for
    length; _metric() reads a glyph's entry from them (faster than decoding all)."""
    count, glyphs = font["hhea"].numberOfHMetrics, len(font.getGlyphOrder())
    data = font.reader["hmtx"]
    if not 0 < count <= glyphs or len(data) < 4 * count + 2 * (glyphs - count):
        raise ValueError("hmtx is shorter than hhea and maxp say")
    return data, count


def _metric(member: _Program, gid: int) -> tuple[int, int]:
    """(advance, left side bearing) of a glyph, as hmtx has it."""
    data, count = member.metrics
    if gid < count:
        return struct.unpack_from(">Hh", data, 4 * gid)
    return struct.unpack_from(">H", data, 4 * (count - 1))[0], struct.unpack_from(
        ">h", data, 4 * count + 2 * (gid - count))[0]


def _fields(table, computed: set[str]) -> tuple:
    return tuple((key, repr(vars(value)) if hasattr(value, "__dict__") else repr(value))
                 for key, value in sorted(vars(table).items())
                 if key not in computed and not key.startswith("_"))


# -- the union -----------------------------------------------------------------
def _union(members: list[_Program]) -> bytes | None:
    """One program with every glyph any member holds or draws; None when two
    members disagree on one (then the group is not one font after all) or a
    glyph cannot be read. Only the members' parsed copies are changed."""
    try:
        return _build(members)
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a broken glyph
        return None


def _build(members: list[_Program]) -> bytes | None:
    base = max(members, key=lambda m: len(m.outlines))
    font = base.font
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = font.getGlyphOrder()
    chosen: dict[int, tuple | None] = {}
    for member in members:
        for gid in sorted(member.needed):
            value = _glyph(member, gid)
            if value is None and gid < len(order):  # drawn as .notdef: would not be now
                return None
            if not _same(chosen.setdefault(gid, value), value, glyf):
                return None
    for member in members:
        for gid in sorted(member.needed - base.needed):
            if gid < len(order):
                glyf.glyphs[order[gid]] = Glyph(member.outlines[gid])
                hmtx.metrics[order[gid]] = _metric(member, gid)
    if not _merge_cmaps(font, [m.font for m in members]):
        return None
    for tag in _DROPPED & set(font.keys()):
        del font[tag]
    if "OS/2" in font:
        for key in ("ulUnicodeRange1", "ulUnicodeRange2", "ulUnicodeRange3",
                    "ulUnicodeRange4", "ulCodePageRange1", "ulCodePageRange2"):
            values = [getattr(m.font["OS/2"], key, None) for m in members]
            if None not in values:
                setattr(font["OS/2"], key, _or(values))
    if "post" in font and font["post"].formatType == 2.0:
        font["post"].formatType = 3.0  # names by id only: a PDF never reads them
    _bound(font, [m.font for m in members])
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _glyph(member: _Program, gid: int) -> tuple | None:
    """A glyph as its outline's bytes and (advance, left side bearing); None past
    the end of the font (a viewer draws .notdef there)."""
    if gid >= len(member.outlines):
        return None
    return member.outlines[gid], _metric(member, gid)


def _same(one: tuple | None, other: tuple | None, glyf) -> bool:
    """Two _glyph() values alike; bytes that differ are compared once decoded,
    as two subsetters may pad or pack the same outline differently."""
    if one == other or one is None or other is None or one[1] != other[1]:
        return one == other
    decoded = []
    for outline, _ in (one, other):
        glyph = Glyph(outline)
        glyph.expand(glyf)  # components are read by id: any member's glyf will do
        decoded.append(glyph.compile(glyf, False))
    return decoded[0] == decoded[1]


def _bound(font, fonts: list) -> None:
    """head, hhea and maxp bounds of font made to hold every member's glyphs: each
    member's own values (the original's, or its subset's) bound the glyphs it has."""
    for tag, low, high in (("head", ("xMin", "yMin"), ("xMax", "yMax")),
                           ("hhea", ("minLeftSideBearing", "minRightSideBearing"),
                            ("advanceWidthMax", "xMaxExtent")),
                           ("maxp", (), tuple(k for k in vars(font["maxp"])
                                              if k.startswith("max")))):
        for key in low:
            setattr(font[tag], key, min(getattr(f[tag], key) for f in fonts))
        for key in high:
            setattr(font[tag], key, max(getattr(f[tag], key) for f in fonts))


def _merge_cmaps(font, fonts: list) -> bool:
    """font's cmap with every member's mappings added; False on a code two map apart."""
    if "cmap" not in font:
        return all("cmap" not in other for other in fonts)
    tables = {(t.platformID, t.platEncID, t.format): t for t in font["cmap"].tables}
    for other in fonts:
        if other is font or "cmap" not in other:
            continue
        for table in other["cmap"].tables:
            key = (table.platformID, table.platEncID, table.format)
            if key not in tables:
                font["cmap"].tables.append(table)
                tables[key] = table
            elif table.format not in _MERGED_CMAPS:
                if table.compile(other) != tables[key].compile(font):
                    return False
            else:
                mapping = tables[key].cmap
                for code, name in table.cmap.items():
                    if mapping.setdefault(code, name) != name:
                        return False
    font["cmap"].tables.sort(key=lambda t: (t.platformID, t.platEncID, t.format))
    return True


def _or(values: list[int]) -> int:
    result = 0
    for value in values:
        result |= value
    return result


# -- pointing the descriptors at it --------------------------------------------
def _point_at(pdf: Pdf, members: list[_Program], name: str, data: bytes) -> None:
    """Every member's descriptors use one new program, its tag made from its bytes."""
    stream = pdf.make_stream(b"")
    stream.write(zlib.compress(data, 9), filter=Name.FlateDecode)  # read back as saved
    stream.Length1 = len(data)
    tag = "".join(chr(65 + byte % 26) for byte in hashlib.sha256(data).digest()[:6])
    for member in members:
        for descriptor in member.descriptors:
            descriptor.FontFile2 = stream
            descriptor.FontName = Name(f"/{tag}+{name}")
        for font in member.fonts:
            base = str(font.get("/BaseFont", ""))[1:]
            if _TAG.match(base):
                font.BaseFont = Name(f"/{tag}+{base[7:]}")
