"""Appendix and PDF report inputs: made safe to publish, titled, marked on any page.

Every input PDF is made here, at test time, with pikepdf or WeasyPrint.
"""

from __future__ import annotations

import pdfplumber
import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String
from pypdf import PdfReader

from reportgen.errors import InputError
from reportgen.pack.appendix import (
    read_appendix,
    read_bounded,
    read_pdf_report,
    sanitise_pdf,
    tidy_file_name,
)

from .conftest import make_workbook, minimal_item, run
from .pdfcheck import outline_titles

A4 = (0, 0, 595, 842)
SHAPES = {  # what each page of the shapes appendix is, as its page dictionary says
    "A4 landscape": {"media": (0, 0, 842, 595)},
    "A3 portrait": {"media": (0, 0, 842, 1191)},
    "A4 turned 90": {"rotate": 90},
    "A4 turned 270, offset": {"media": (50, 50, 645, 892), "rotate": 270},
    "A4 cropped": {"crop": (100, 150, 500, 700)},
}


# -- making input PDFs -----------------------------------------------------
def text_pdf(pages: list[dict] | None = None) -> pikepdf.Pdf:
    """A PDF with a text layer, one page per spec (media, crop, rotate)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica))
    for number, spec in enumerate(pages or [{}]):
        media = spec.get("media", A4)
        page = pdf.add_blank_page(page_size=(media[2], media[3]))
        page.obj.MediaBox = Array(media)
        if "crop" in spec:
            page.obj.CropBox = Array(spec["crop"])
        if "rotate" in spec:
            page.obj.Rotate = spec["rotate"]
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(
            f"BT /F1 12 Tf {media[0] + 150} {media[1] + 300} Td (Body text {number}) Tj ET"
            .encode())
    return pdf


def js(pdf, code: str = "app.alert(1)"):
    return pdf.make_indirect(Dictionary(Type=Name.Action, S=Name.JavaScript, JS=String(code)))


def annotation(pdf, page, subtype: str, **keys):
    annot = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name(subtype),
                                         Rect=Array([100, 100, 200, 120]), **keys))
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    page.obj.Annots.append(annot)
    return annot


def hostile_pdf(path):
    """Every kind of active content and private note the sanitiser must take out,
    beside the links and form field it must keep."""
    pdf = text_pdf([{}, {}])
    first, second = pdf.pages
    root = pdf.Root
    spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=String("secret.xlsx"),
                                        EF=Dictionary(F=pdf.make_stream(b"private data"))))
    root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("init"), js(pdf)])),
                            EmbeddedFiles=Dictionary(Names=Array([String("secret.xlsx"), spec])))
    root.OpenAction = js(pdf)
    root.AA = Dictionary(WC=js(pdf))
    first.obj.AA = Dictionary(O=js(pdf))
    # links: kept (web, e-mail, within the document), and taken out
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.URI, URI=String("https://example.org/")))
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.URI,
                                                 URI=String("mailto:clerk@example.org")))
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.GoTo, D=Array([second.obj, Name.Fit]),
                                                 Next=js(pdf)))
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.URI, URI=String("file:///etc/passwd")))
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.Launch, F=String("calc.exe")))
    annotation(pdf, first, "/Link", A=Dictionary(S=Name.GoToR, F=String("//server/x.pdf"),
                                                 D=Array([0, Name.Fit])))
    # a form: the field and its appearance stay, its scripts and submit button go
    look = pdf.make_stream(b"0 0 1 rg 0 0 100 20 re f")
    look.Type, look.Subtype, look.BBox = Name.XObject, Name.Form, Array([0, 0, 100, 20])
    field = annotation(pdf, second, "/Widget", FT=Name.Tx, T=String("Name"),
                       AP=Dictionary(N=look), AA=Dictionary(K=js(pdf)))
    button = annotation(pdf, second, "/Widget", FT=Name.Btn, T=String("Send"),
                        A=Dictionary(S=Name.SubmitForm, F=String("https://example.org/in")))
    root.AcroForm = Dictionary(Fields=Array([field, button]))
    # reviewer notes and an attachment
    note = annotation(pdf, second, "/Text", Contents=String("Do not publish this bit"))
    note.Popup = annotation(pdf, second, "/Popup", Parent=note)
    annotation(pdf, second, "/Highlight", Contents=String("check with legal"))
    annotation(pdf, second, "/FreeText", Contents=String("draft"))
    annotation(pdf, second, "/FileAttachment", FS=spec, Contents=String("spreadsheet"))
    pdf.save(path)
    return path


def tagged_pdf(path, title: str = "Consultation responses"):
    """A tagged PDF/UA appendix, laid out by WeasyPrint."""
    from weasyprint import HTML

    HTML(string=f"<html lang='en-GB'><title>{title}</title><h1>{title}</h1><p>Text.</p>"
         ).write_pdf(path, pdf_variant="pdf/ua-1")
    return path


def all_dictionaries(path):
    """Every dictionary reachable from the trailer of the PDF at path."""
    pdf = pikepdf.open(path)
    seen, stack, found = set(), [pdf.trailer], []
    while stack:
        obj = stack.pop()
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            if obj.is_indirect:
                if obj.objgen in seen:
                    continue
                seen.add(obj.objgen)
            found.append(obj)
            stack += [value for key, value in obj.items() if key != "/Parent"]
        elif isinstance(obj, pikepdf.Array):
            stack += list(obj)
    return pdf, found


def meeting(folder, appendices: str, titles: str = ""):
    make_workbook(folder / "good.xlsx", minimal_item())
    row = [1, "Good", "good.xlsx", appendices] + ([titles] if titles else [])
    header = ["Item", "Title", "Report", "Appendices"] + (["Appendix titles"] if titles else [])
    return make_workbook(folder / "m.xlsx", {
        "Meeting": [["Field", "Value"], ["Committee", "Cabinet"], ["Date", "7 March 2017"]],
        "Agenda": [header, row]})


# -- sanitising ------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    hostile_pdf(folder / "appendix-b.pdf")
    text_pdf(list(SHAPES.values())).save(folder / "appendix-c-site-plans.pdf")
    result = run("pack", meeting(folder, "appendix-b.pdf; appendix-c-site-plans.pdf"),
                 "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out", result.output


def test_unsafe_content_is_removed_and_links_and_fields_kept(tmp_path):
    data, removed = sanitise_pdf(hostile_pdf(tmp_path / "appendix-b.pdf"))
    (tmp_path / "clean.pdf").write_bytes(data)
    pdf, found = all_dictionaries(tmp_path / "clean.pdf")
    assert not [d for d in found if "/JS" in d or d.get("/S") in (
        Name.JavaScript, Name.Launch, Name.GoToR, Name.SubmitForm)]
    assert not [d for d in found if "/EmbeddedFiles" in d or "/AA" in d or "/OpenAction" in d]
    subtypes = [str(d.get("/Subtype")) for d in found if d.get("/Type") == Name.Annot]
    assert sorted(subtypes) == ["/Link"] * 3 + ["/Widget"] * 2
    uris = {str(d.URI) for d in found if d.get("/S") == Name.URI}
    assert uris == {"https://example.org/", "mailto:clerk@example.org"}
    assert any(d.get("/S") == Name.GoTo for d in found)
    field = next(d for d in found if d.get("/T") == "Name")
    assert "/AP" in field and "/AA" not in field
    assert b"private data" not in data and b"Do not publish" not in data
    assert removed == ["6 JavaScript actions", "1 action that starts a program",
                       "1 link to a local file", "1 link that opens another PDF",
                       "1 form action that sends or loads data", "1 attached file",
                       "3 reviewer comments"]



def test_tagged_comment_leaves_no_tag_behind_and_xfa_goes(tmp_path):
    pdf = pikepdf.open(tagged_pdf(tmp_path / "tagged.pdf"))
    note = annotation(pdf, pdf.pages[0], "/Text", Contents=String("Do not publish this bit"))
    objr = Dictionary(Type=Name.OBJR, Obj=note, Pg=pdf.pages[0].obj)
    element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Annot, K=objr))
    document = pdf.Root.StructTreeRoot.K
    document = document[0] if isinstance(document, Array) else document
    element.P = document
    document.K.append(element)
    pdf.Root.AcroForm = Dictionary(Fields=Array(), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    pdf.save(tmp_path / "noted.pdf")
    data, removed = sanitise_pdf(tmp_path / "noted.pdf")
    assert removed == ["1 scripted (XFA) form layer", "1 reviewer comment"]
    (tmp_path / "clean.pdf").write_bytes(data)
    _, found = all_dictionaries(tmp_path / "clean.pdf")
    assert not [d for d in found if d.get("/Type") == Name.OBJR or d.get("/S") == Name.Annot]
    assert b"Do not publish" not in data and b"xdp" not in data
    assert any(d.get("/S") == Name.P for d in found)  # the rest of the tags stay


def test_unapplied_redaction_is_refused(tmp_path):
    pdf = text_pdf()
    annotation(pdf, pdf.pages[0], "/Redact", OverlayText=String("Redacted"))
    pdf.save(tmp_path / "redacted.pdf")
    with pytest.raises(InputError) as caught:
        read_appendix(tmp_path / "redacted.pdf", "1", "A", [])
    assert str(caught.value).startswith("redacted.pdf: has 1 redaction mark(s) that were never "
                                        "applied: the text under them is still in the file")

def test_pack_says_what_was_removed_from_each_appendix(hostile_pack):
    out, output = hostile_pack
    assert ("appendix-b.pdf: warning: removed from the published copy: 6 JavaScript actions, "
            "1 action that starts a program, 1 link to a local file") in output
    assert "appendix-c-site-plans.pdf: warning: removed" not in output
    data = (out / "agenda-pack.pdf").read_bytes()
    assert b"/JavaScript" not in data and b"private data" not in data
    reader = PdfReader(out / "agenda-pack.pdf")
    uris = [a.get_object()["/A"].get("/URI") for page in reader.pages
            for a in page.get("/Annots") or [] if "/A" in a.get_object()]
    assert "https://example.org/" in uris and not any("file:" in str(u) for u in uris)


def test_password_protected_appendix_is_one_line(tmp_path):
    text_pdf().save(tmp_path / "locked.pdf",
                    encryption=pikepdf.Encryption(user="x", owner="y"))
    with pytest.raises(InputError) as caught:
        read_appendix(tmp_path / "locked.pdf", "1", "A", [])
    assert str(caught.value) == ("locked.pdf: is password-protected: ask for an unprotected "
                                 "copy")
    result = run("pack", meeting(tmp_path, "locked.pdf"), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [str(caught.value)]
    assert not (tmp_path / "out" / "agenda-pack.pdf").exists()


@pytest.mark.parametrize("split", [False, True])
def test_appendix_whose_page_inflates_beyond_reason_is_one_line(tmp_path, split):
    """80 MB of drawing packed into 80 KB (in one stream, or two: stamping once joined
    them in memory, and the tag repair reads them whole): refused before any is read."""
    import zlib

    pdf = text_pdf()
    bomb = pikepdf.Stream(pdf, zlib.compress(b" " * (80 << 20), 1))
    bomb.Filter = pikepdf.Name.FlateDecode
    page = pdf.pages[0].obj
    page.Contents = pikepdf.Array([page.Contents, pdf.make_indirect(bomb)]) if split \
        else pdf.make_indirect(bomb)
    pdf.save(tmp_path / "bomb.pdf")
    assert (tmp_path / "bomb.pdf").stat().st_size < 1 << 20
    with pytest.raises(InputError) as caught:
        read_appendix(tmp_path / "bomb.pdf", "1", "A", [])
    assert str(caught.value) == (
        "bomb.pdf: page 1's content unpacks (or may unpack) to more than 64 MB: the file is "
        "damaged or hostile; ask for a freshly saved copy")
    result = run("pack", meeting(tmp_path, "bomb.pdf"), "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [str(caught.value)]
    assert not (tmp_path / "out" / "agenda-pack.pdf").exists()


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"not a pdf at all",
                                  b""])
def test_damaged_appendix_is_one_line(tmp_path, data):
    (tmp_path / "broken.pdf").write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_appendix(tmp_path / "broken.pdf", "1", "A", [])
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith("broken.pdf: is damaged and cannot be read (")


def test_size_is_checked_before_the_file_is_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as file:
        file.truncate(300 * 2**20)  # sparse: nothing written, nothing to read
    monkeypatch.setattr(type(huge), "open", lambda *a, **k: pytest.fail("read the file"))
    with pytest.raises(InputError) as caught:
        read_appendix(huge, "1", "A", [])
    assert str(caught.value).startswith("huge.pdf: is 300 MB: reportgen takes PDFs up to 200 MB")
    monkeypatch.undo()
    with pytest.raises(InputError):
        read_bounded(hostile_pdf(tmp_path / "small.pdf"), limit=100)


def test_pdf_report_keeps_its_tags_and_title_and_is_sanitised(tmp_path):
    warnings = []
    report = read_pdf_report(tagged_pdf(tmp_path / "minutes.pdf", "Minutes of 7 February"),
                             warnings)
    assert (report.title, report.pages, report.tagged, warnings) == (
        "Minutes of 7 February", 1, True, [])
    with pikepdf.open(__import__("io").BytesIO(report.data)) as pdf:
        assert "/StructTreeRoot" in pdf.Root
    scan = read_pdf_report(hostile_pdf(tmp_path / "2017-02-07_draft-minutes.pdf"), warnings)
    assert scan.title == "2017 02 07 draft minutes" and not scan.tagged
    assert [w.message.split(":")[0] for w in warnings] == [
        "removed from the published copy", "is not a tagged PDF"]


# -- titles ----------------------------------------------------------------
@pytest.mark.parametrize("name, title", [
    ("appendix-a-guiding-principles.pdf", "Guiding principles"),
    ("App_B_risk_register.pdf", "Risk register"),
    ("appendix 3 - budget 2017.pdf", "Budget 2017"),
    ("Appendix-C.pdf", "Appendix C"),
    ("application-form.pdf", "Application form"),
    ("appendix-guidance_notes.pdf", "Guidance notes"),
    ("CIPFA-code.pdf", "CIPFA code"),
])
def test_file_names_tidied_into_titles(name, title):
    assert tidy_file_name(name) == title


def test_title_from_column_then_metadata_then_file_name(tmp_path):
    def title_of(name, docinfo=None, xmp=None, given=""):
        pdf = text_pdf()
        if docinfo is not None:
            pdf.docinfo.Title = docinfo
        if xmp is not None:
            with pdf.open_metadata(update_docinfo=False) as meta:
                meta["dc:title"] = xmp
        pdf.save(tmp_path / name)
        return read_appendix(tmp_path / name, "4", "B", [], title=given)

    given = title_of("app-b.pdf", docinfo="Ignored", given="  Housing  need  ")
    assert (given.title, given.label, given.bookmark) == (
        "Housing need", "Agenda Item 4, Appendix B", "Appendix B \u2013 Housing need")
    assert title_of("app-b.pdf", docinfo="Equality impact assessment").title == \
        "Equality impact assessment"
    assert title_of("app-b.pdf", xmp="Consultation report").title == "Consultation report"
    for junk in ("Appendix B", "Microsoft Word - app-b.docx", "untitled", "   "):
        assert title_of("appendix-b-site-plan.pdf", docinfo=junk).title == "Site plan", junk


def test_bookmarks_use_titles_under_the_item_never_file_names(tmp_path):
    tagged_pdf(tmp_path / "appendix-a.pdf", "Consultation responses")
    tagged_pdf(tmp_path / "appendix-b.pdf", "Equality impact assessment")
    text_pdf().save(tmp_path / "appendix-c-site-plan.pdf")
    result = run("pack", meeting(tmp_path, "appendix-a.pdf; appendix-b.pdf; "
                                 "appendix-c-site-plan.pdf", titles="Responses received"),
                 "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    reader = PdfReader(tmp_path / "out" / "agenda-pack.pdf")
    # v2: the item's bookmark is "N. <agenda title>", not the report's own title
    item = next(i for i, entry in enumerate(reader.outline) if not isinstance(entry, list)
                and entry.title == "1. Good")
    nested = reader.outline[item + 1]
    titles = [entry.title for entry in nested if not isinstance(entry, list)]
    assert titles[0] == "1 Purpose of report"  # the report's headings, no "Test item" level
    assert titles[-3:] == ["Appendix A \u2013 Responses received",
                           "Appendix B \u2013 Equality impact assessment",
                           "Appendix C \u2013 Site plan"]
    # the tagged appendices' own outlines only repeated their titles
    assert not isinstance(nested[-1], list) and not isinstance(nested[-2], list)
    assert not [t for t in outline_titles(tmp_path / "out" / "agenda-pack.pdf") if ".pdf" in t]


# -- PDF/UA ----------------------------------------------------------------
def xmp(path) -> str:
    with pikepdf.open(path) as pdf:
        return pdf.Root.Metadata.read_bytes().decode()


def test_pack_with_an_untagged_appendix_drops_the_pdfua_claim(hostile_pack):
    out, output = hostile_pack
    assert ("agenda-pack.pdf: warning: not PDF/UA: appendix-b.pdf, appendix-c-site-plans.pdf "
            "are untagged") in output.splitlines()
    assert "pdfuaid" not in xmp(out / "agenda-pack.pdf")
    # the report's own file is whole and tagged: it keeps its claim
    assert 'pdfuaid:part' in xmp(out / "items" / "01-good.pdf")


def test_pack_of_tagged_parts_claims_pdfua(tmp_path):
    tagged_pdf(tmp_path / "responses.pdf")
    result = run("pack", meeting(tmp_path, "responses.pdf"), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    # v2's pack prints every `check` warning too (here a passed publication deadline and
    # an empty standard section); none may be about the PDFs or the pack
    warnings = [line for line in result.output.splitlines() if ": warning: " in line]
    assert not [w for w in warnings if "pdf" in w.lower()], warnings
    with pikepdf.open(tmp_path / "out" / "agenda-pack.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == "Cabinet, 7 March 2017: Agenda" == str(pdf.docinfo.Title)
        assert pdf.Root.Lang == "en-GB" and bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert pdf.pdf_version == "1.7"


# -- marks on pages of any shape -------------------------------------------
def test_marks_inside_the_visible_page_upright_top_right_and_bottom_centre(hostile_pack):
    out, _ = hostile_pack
    with pdfplumber.open(out / "agenda-pack.pdf") as pdf:
        pages = pdf.pages[-len(SHAPES):]
        assert len(pdf.pages) == pages[-1].page_number
        for shape, page in zip(SHAPES, pages, strict=True):
            left, top, right, bottom = page.cropbox  # as displayed, from the top
            width, height = right - left, bottom - top
            words = page.extract_words()
            mark = [w for w in words if w["text"] in ("Agenda", "Item", "1,", "Appendix", "B")
                    and w["top"] < top + height / 2]
            assert " ".join(w["text"] for w in mark) == "Agenda Item 1, Appendix B", shape
            number = [w for w in words if w["text"] == str(page.page_number)]
            assert len(number) == 1, shape
            for word in mark + number:
                assert word["upright"], shape
                assert left <= word["x0"] < word["x1"] <= right, shape
                assert top <= word["top"] < word["bottom"] <= bottom, shape
            # the mark ends in the top right quarter (a long mark may start left of
            # the middle of a narrow page)
            assert mark[-1]["x1"] > left + width * 3 / 4, shape
            assert mark[0]["bottom"] < top + height / 4, shape
            middle = (number[0]["x0"] + number[0]["x1"]) / 2
            assert abs(middle - (left + width / 2)) < width * 0.05, shape
            assert number[0]["top"] > bottom - height * 0.12, shape

