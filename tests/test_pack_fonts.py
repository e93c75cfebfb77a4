"""One font program per font in a pack (pack.fonts.share_fonts).

The example meeting is packed once; its items' own PDFs (each with its own
font subsets) are then merged here with and without sharing, so every check
compares the same pages before and after."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reportgen.pack.fonts import share_fonts
from reportgen.pack.merge import merge, open_part, to_bytes

from .conftest import MEETING, make_workbook, minimal_item, run
from .pdfcheck import outline_titles, structure_types

TAG = re.compile(r"^/[A-Z]{6}\+")


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack")
    result = run("pack", MEETING, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def items(packed) -> list[bytes]:
    """The public items' PDFs as published alone, in agenda order."""
    return [path.read_bytes() for path in sorted((packed / "items").glob("*.pdf"))]


@pytest.fixture(scope="module")
def saved(items, tmp_path_factory) -> dict[bool, Path]:
    """The items merged as a pack, without (False) and with (True) shared fonts."""
    folder = tmp_path_factory.mktemp("merged")
    paths = {share: folder / f"shared-{share}.pdf" for share in (False, True)}
    for share, path in paths.items():
        path.write_bytes(to_bytes(merged(items, share)))
    return paths


def merged(items: list[bytes], share: bool) -> pikepdf.Pdf:
    pdf = merge([open_part(data, f"Part {n}") for n, data in enumerate(items, 1)], "Pack")
    if share:
        share_fonts(pdf)
    return pdf


def programs(pdf: pikepdf.Pdf) -> dict[str, dict[tuple, pikepdf.Dictionary]]:
    """Font name without its subset tag -> {program objgen: a descriptor using it}."""
    found: dict[str, dict[tuple, pikepdf.Dictionary]] = {}
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in obj:
                    name = TAG.sub("", str(obj.FontName))
                    found.setdefault(name, {})[obj[key].objgen] = obj
    return found


def font_bytes(pdf: pikepdf.Pdf) -> int:
    """Bytes of the font programs as stored (compressed), each counted once."""
    return sum(len(descriptor[key].read_raw_bytes())
               for group in programs(pdf).values() for descriptor in group.values()
               for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor)


def cid_fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return [obj for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Subtype") == "/CIDFontType2"]


def widths(font: pikepdf.Dictionary) -> dict[int, float]:
    """/W as glyph id -> width (WeasyPrint writes the c [w1 w2 ...] form)."""
    found, entries = {}, list(font.W)
    for first, listed in zip(entries[::2], entries[1::2], strict=True):
        found.update({int(first) + n: float(w) for n, w in enumerate(listed)})
    return found


def drawn(font: TTFont, gid: int) -> tuple[int, list]:
    """A glyph's advance and its outline as drawn (components drawn in place)."""
    name, glyphs = font.getGlyphOrder()[gid], font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return font["hmtx"][name][0], pen.value


@pytest.fixture(scope="module")
def body_font(items) -> str:
    """The font (name without its tag) that most items embed."""
    counts = Counter(name for data in items for name in programs(pikepdf.open(io.BytesIO(data))))
    return counts.most_common(1)[0][0]


def test_the_pack_holds_each_font_program_once(packed, items):
    names = {name for data in items for name in programs(pikepdf.open(io.BytesIO(data)))}
    with pikepdf.open(packed / "agenda-pack.pdf") as pdf:
        found = programs(pdf)
        assert names <= set(found) and len(names) >= 3
        assert {name: len(group) for name, group in found.items()} == dict.fromkeys(found, 1)
        for font in cid_fonts(pdf):  # one tag per font, the same in every name
            tag = str(font.FontDescriptor.FontName)[:8]
            assert str(font.BaseFont).startswith(tag)
            assert TAG.match(tag)


def test_the_packs_widths_are_its_programs_widths(packed):
    with pikepdf.open(packed / "agenda-pack.pdf") as pdf:
        for font in cid_fonts(pdf):
            program = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
            order, scale = program.getGlyphOrder(), 1000 / program["head"].unitsPerEm
            for gid, width in widths(font).items():
                assert abs(program["hmtx"][order[gid]][0] * scale - width) < 1, (font, gid)


def test_sharing_makes_the_pack_smaller_and_keeps_every_page_s_text(items, saved):
    with pikepdf.open(saved[False]) as before, pikepdf.open(saved[True]) as after:
        old_fonts, new_fonts = font_bytes(before), font_bytes(after)
    assert new_fonts < old_fonts / 2
    assert saved[True].stat().st_size < saved[False].stat().st_size - old_fonts / 3
    old, new = PdfReader(saved[False]), PdfReader(saved[True])
    assert [p.extract_text() for p in new.pages] == [p.extract_text() for p in old.pages]
    # Each item's first line on the page where the item starts in the pack, each
    # character where it was.
    start = 0
    with pdfplumber.open(saved[False]) as old, pdfplumber.open(saved[True]) as new:
        for data in items:
            with pdfplumber.open(io.BytesIO(data)) as item:
                first_line = item.pages[0].extract_text().splitlines()[0]
                assert first_line in new.pages[start].extract_text()
                assert _chars(new.pages[start]) == _chars(old.pages[start])
                start += len(item.pages)
        assert start == len(new.pages)


def _chars(page) -> list[tuple]:
    return [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for c in page.chars]


def test_shared_programs_draw_each_part_s_glyphs_as_its_own_did(items):
    pdf = merged(items, share=False)
    own = {font.objgen: font.FontDescriptor.FontFile2.read_bytes() for font in cid_fonts(pdf)}
    share_fonts(pdf)
    checked = 0
    for font in cid_fonts(pdf):
        old = TTFont(io.BytesIO(own[font.objgen]))
        new = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
        for gid in widths(font):
            assert drawn(new, gid) == drawn(old, gid), (font.BaseFont, gid)
            checked += 1
    assert checked > 500


def test_tags_bookmarks_and_metadata_are_kept(saved):
    assert structure_types(saved[True]) == structure_types(saved[False])
    assert outline_titles(saved[True]) == outline_titles(saved[False])
    pages = [[r.get_destination_page_number(e) for e in r.outline if not isinstance(e, list)]
             for r in (PdfReader(saved[False]), PdfReader(saved[True]))]
    assert pages[0] == pages[1]
    with pikepdf.open(saved[False]) as old, pikepdf.open(saved[True]) as new:
        assert [p.obj.get("/StructParents") for p in old.pages] == \
            [p.obj.get("/StructParents") for p in new.pages]
        assert new.Root.Metadata.read_bytes() == old.Root.Metadata.read_bytes()


def test_the_same_parts_give_the_same_bytes(items, saved):
    assert to_bytes(merged(items, share=True)) == saved[True].read_bytes()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_pages_render_pixel_for_pixel_as_before(saved, tmp_path):
    for share, path in saved.items():
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(path),
                        str(tmp_path / f"{share}-page")], check=True)
    pages = sorted(tmp_path.glob("False-page-*.png"))
    assert len(pages) > 10
    for page in pages:
        assert page.read_bytes() == (tmp_path / page.name.replace("False", "True")).read_bytes()


def test_two_builds_of_a_meeting_are_byte_identical(tmp_path):
    rows = [["Item", "Title", "Report"]]
    for number in (1, 2, 3):
        make_workbook(tmp_path / "in" / f"item-{number}.xlsx", minimal_item(
            Sections=[["Section", "Text"], ["Purpose of report", f"Item {number} – ﬁnal."]]))
        rows.append([number, f"Item {number}", f"item-{number}.xlsx"])
    meeting = make_workbook(tmp_path / "in" / "meeting.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": rows})
    packs = []
    for out in ("one", "two"):
        result = run("pack", meeting, "-o", tmp_path / out, "-j", "1")
        assert result.exit_code == 0, result.output
        packs.append((tmp_path / out / "agenda-pack.pdf").read_bytes())
    assert packs[0] == packs[1]
    with pikepdf.open(io.BytesIO(packs[0])) as pdf:
        assert all(len(group) == 1 for group in programs(pdf).values())
        assert re.search(rb"<pdfuaid:part[^>]*>1</", pdf.Root.Metadata.read_bytes())


@pytest.mark.parametrize("family, harfbuzz", [("DejaVu Sans", True),
                                               ("Liberation Sans", False)],
                         ids=["DejaVu, HarfBuzz subsets", "Liberation, fontTools subsets"])
def test_other_fonts_and_the_other_subsetter_are_shared_too(family, harfbuzz, monkeypatch,
                                                           tmp_path):
    from weasyprint import HTML
    from weasyprint.pdf import fonts as weasyprint_fonts

    if not harfbuzz:  # what WeasyPrint does where libharfbuzz-subset0 is missing
        monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)
    parts = [HTML(string=f"<html lang=en><body style='font-family: {family}'><h1>{text}"
                         f"</h1><p>{text} <i>{text}</i></p></body></html>").write_pdf(
                             pdf_variant="pdf/ua-1")
             for text in ("Alpha beta – 1", "Épsilon ﬁnal 2", "Quick brown fox")]
    paths = {share: tmp_path / f"{share}.pdf" for share in (False, True)}
    for share, path in paths.items():
        path.write_bytes(to_bytes(merged(parts, share)))
    with pikepdf.open(paths[True]) as pdf:
        found = programs(pdf)
        assert found and all(len(group) == 1 for group in found.values())
        assert any(name.startswith(family.replace(" ", "-")) for name in found)
    with pdfplumber.open(paths[False]) as old, pdfplumber.open(paths[True]) as new:
        assert [_chars(page) for page in new.pages] == [_chars(page) for page in old.pages]


# -- what cannot be shared is left as it was -------------------------------------
def _first_program(pdf: pikepdf.Pdf, name: str) -> pikepdf.Dictionary:
    return next(iter(programs(pdf)[name].values()))


def _reprogram(descriptor: pikepdf.Dictionary, change) -> None:
    # No recalculation on saving: it would change head.flags too (another original).
    font = TTFont(io.BytesIO(descriptor.FontFile2.read_bytes()), recalcBBoxes=False)
    change(font)
    out = io.BytesIO()
    font.save(out)
    descriptor.FontFile2.write(out.getvalue())


def _move_e(font: TTFont) -> None:
    """Draw "e" (which every part uses) differently."""
    glyph = font["glyf"][font.getBestCmap()[ord("e")]]
    glyph.coordinates.translate((40, 0))
    glyph.recalcBounds(font["glyf"])


def _revise(font: TTFont) -> None:
    font["head"].fontRevision += 1


def _garble(descriptor: pikepdf.Dictionary) -> None:
    descriptor.FontFile2.write(b"not a font program")


def _as_cff(descriptor: pikepdf.Dictionary) -> None:
    descriptor.FontFile3 = descriptor.FontFile2
    del descriptor["/FontFile2"]


@pytest.mark.parametrize("doctor, others_shared", [
    (lambda d: _reprogram(d, _move_e), False),  # a conflict: the whole group stays
    (lambda d: _reprogram(d, _revise), True),  # another original: it keeps its own
    (_garble, True),
    (_as_cff, True),
], ids=["conflicting glyph", "other revision", "unreadable", "CFF"])
def test_a_subset_that_does_not_fit_keeps_its_own_program(items, body_font, doctor,
                                                         others_shared):
    having = [data for data in items
              if body_font in programs(pikepdf.open(io.BytesIO(data)))][:3]
    assert len(having) == 3
    with pikepdf.open(io.BytesIO(having[0])) as first:
        doctor(_first_program(first, body_font))
        odd = to_bytes(first)
        odd_program = _program(_first_program(first, body_font))
    parts = [odd, *having[1:]]
    unshared = {name: len(group) for name, group in programs(merged(parts, False)).items()}
    pdf = merged(parts, share=True)
    group = programs(pdf)[body_font]
    assert len(group) == (2 if others_shared else unshared[body_font])  # stamps' too
    assert odd_program in [_program(descriptor) for descriptor in group.values()]
    others = [name for name, count in unshared.items() if name != body_font and count > 1]
    assert others and all(len(programs(pdf)[name]) == 1 for name in others)  # still shared


def _program(descriptor: pikepdf.Dictionary) -> bytes:
    return (descriptor.get("/FontFile2") or descriptor.get("/FontFile3")).read_bytes()
