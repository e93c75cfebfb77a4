"""How fast is a pack? reportgen beside raw WeasyPrint and LibreOffice, one run.

    .venv/bin/python benchmarks/pack_speed.py [--items 12] [--keep DIR]

Generates a 12-item meeting (25 recommendations of two or three sentences and
three narrative sections per item) and prints, from one run on this machine
(core count and the font subsetter WeasyPrint used in the header):
reportgen's cold pack (all cores, and one process), warm pack rebuilds
(nothing changed, one item changed), the items PDF-only in one process, raw
WeasyPrint on the same HTML, LibreOffice converting the same DOCX files to
tagged PDF (like for like: UseTaggedPDF; with its start-up, and with the
start-up measured alone and taken off; skipped when soffice is absent), and
batch. Then the pack's bytes per page and its size against the sum of its
parts, and its font programs (one per font: pack.fonts) against its largest
item's. Peak memory is the largest resident size of any one process of the
run. No timing is asserted anywhere; targets are shown beside the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

BIN = Path(sys.executable).parent
SENTENCES = [
    "The council should review how the service is commissioned before the contract ends.",
    "Officers should report progress to the committee every six months.",
    "The review should compare the costs and outcomes of the options considered.",
    "Residents who use the service should be consulted on any change to how it is provided.",
    "The lead member should publish the findings and the council's response on its website.",
]
PARAGRAPH = ("The task group heard evidence from officers, partners and residents over four "
             "sessions. Its members visited two neighbouring boroughs to see how they share "
             "services, and considered national research on the costs and benefits of "
             "alternative delivery models. ") * 2


def write_item(path: Path, number: int) -> None:
    wb = Workbook()
    report = wb.active
    report.title = "Report"
    for row in (("Field", "Value"), ("Report type", "executive-response"),
                ("Committee", "Overview and Scrutiny Commission"),
                ("Meeting date", "7 March 2017"), ("Title", f"Scrutiny review {number}"),
                ("Recommendations", "That the Commission notes the executive response.")):
        report.append(row)
    recs = wb.create_sheet("Recommendations")
    recs.append(["Ref", "Recommendation", "Executive response", "Timeline", "Lead officer"])
    for n in range(1, 26):
        text = " ".join(SENTENCES[(n + k) % 5] for k in range(2 + n % 2))
        recs.append([n, text, " ".join(SENTENCES[(n + k + 2) % 5] for k in range(2)),
                     "March 2018", "Director of Environment and Regeneration"])
    sections = wb.create_sheet("Sections")
    sections.append(["Section", "Text"])
    for name in ("Purpose of report", "Background", "Executive response"):
        for _ in range(3):
            sections.append([name, PARAGRAPH])
    wb.save(path)


def write_meeting(folder: Path, items: int) -> Path:
    folder.mkdir(parents=True)
    wb = Workbook()
    meeting = wb.active
    meeting.title = "Meeting"
    for row in (("Field", "Value"), ("Council", "London Borough of Example"),
                ("Committee", "Overview and Scrutiny Commission"), ("Date", "7 March 2017")):
        meeting.append(row)
    agenda = wb.create_sheet("Agenda")
    agenda.append(["Item", "Title", "Report"])
    for n in range(1, items + 1):
        write_item(folder / f"item-{n:02d}.xlsx", n)
        agenda.append([n, f"Scrutiny review {n}", f"item-{n:02d}.xlsx"])
    path = folder / "meeting.xlsx"
    wb.save(path)
    return path


def measured(command: list[str]) -> tuple[float, float, float]:
    """Seconds, CPU seconds (all processes: steadier than seconds on a shared
    machine) and the peak resident MB of the largest process of this run alone
    (wait4's usage covers the child and the workers it waited for)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed ({child.returncode}):\n"
                     f"{errors.read().decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds and the peak resident MB of the command's largest process."""
    seconds, _, memory = measured(command)
    return seconds, memory


RAW_WEASYPRINT = """
import sys
from pathlib import Path
from weasyprint import HTML
for path in sorted(Path(sys.argv[1]).glob('*.html')):
    HTML(string=path.read_text(), base_url=str(path.parent)).write_pdf(
        Path(sys.argv[2]) / (path.stem + '.pdf'), pdf_variant='pdf/ua-1')
"""

COMPOSE_ONLY = """
import sys
from pathlib import Path
from reportgen.build import Builder
builder = Builder()
for path in sorted(Path(sys.argv[1]).glob('item-*.xlsx')):
    rendered = builder.render(path, agenda_item=path.stem[-2:], layout=False, page_numbers=False)
    (Path(sys.argv[2]) / (path.stem + '.html')).write_text(rendered.html)
"""


PDF_ONLY = """
import sys
from pathlib import Path
from reportgen.build import Builder
builder = Builder()
for path in sorted(Path(sys.argv[1]).glob('item-*.xlsx')):
    builder.build(path, Path(sys.argv[2]), formats=('pdf',))
"""


LO_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
SUBSETTER = """
from weasyprint.text.ffi import harfbuzz, harfbuzz_subset
print("HarfBuzz-Subset" if harfbuzz_subset and harfbuzz.hb_version_atleast(4, 1, 0)
      else "fontTools (install libharfbuzz-subset0)")
"""


def libreoffice(soffice: str, docx: list[Path], out: Path) -> tuple[float, float, float]:
    """Seconds to convert docx to tagged PDF in one soffice run, the same less its
    start-up (timed alone on a one-line document), and peak MB."""
    from docx import Document

    blank = out / "blank" / "blank.docx"
    blank.parent.mkdir(parents=True)
    document = Document()
    document.add_paragraph("Start-up.")
    document.save(blank)
    convert = [soffice, "--headless", "--norestore", "--convert-to", LO_TAGGED_PDF]
    subprocess.run([*convert, "--outdir", str(blank.parent), str(blank)], check=True,
                   capture_output=True)  # first run makes the profile: not timed
    start_up, _ = timed([*convert, "--outdir", str(blank.parent), str(blank)])
    seconds, memory = timed([*convert, "--outdir", str(out), *map(str, docx)])
    return seconds, max(seconds - start_up, 0.001), memory


def pages_of(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def font_bytes(pdf: Path) -> int:
    """Bytes of the embedded font programs as stored (compressed), each once."""
    import pikepdf

    programs = {}
    with pikepdf.open(pdf) as document:
        for obj in document.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in obj:
                        programs[obj[key].objgen] = len(obj[key].read_raw_bytes())
    return sum(programs.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reportgen-bench-"))
    reportgen = str(BIN / "reportgen")
    cores = os.cpu_count() or 1
    subsetter = subprocess.run([sys.executable, "-c", SUBSETTER], capture_output=True,
                               text=True, check=True).stdout.strip()
    try:
        meeting = write_meeting(work / "in" / "bench", args.items)
        rows = []
        pack = [reportgen, "pack", str(meeting), "-o", str(work / "p")]

        pack_seconds, memory = timed(pack)
        pack_pdf = work / "p" / "agenda-pack.pdf"
        pages = pages_of(pack_pdf)
        rows.append((f"reportgen pack, cold, {cores} processes", pack_seconds, memory, pages))
        one_seconds, memory = timed([reportgen, "pack", str(meeting), "-o", str(work / "p1"),
                                     "-j", "1"])
        rows.append(("reportgen pack, cold, 1 process", one_seconds, memory, pages))
        warm_none, memory = timed(pack)
        rows.append(("reportgen pack, warm, nothing changed", warm_none, memory, pages))
        write_item(meeting.parent / "item-03.xlsx", 103)
        warm_one, memory = timed(pack)
        rows.append((f"reportgen pack, warm, 1 of {args.items} changed", warm_one, memory,
                     pages))

        html_dir, raw_dir = work / "html", work / "raw"
        html_dir.mkdir(), raw_dir.mkdir()
        subprocess.run([sys.executable, "-c", COMPOSE_ONLY, str(meeting.parent), str(html_dir)],
                       check=True)
        raw_seconds, memory = timed([sys.executable, "-c", RAW_WEASYPRINT, str(html_dir),
                                     str(raw_dir)])
        raw_pages = sum(pages_of(p) for p in raw_dir.glob("*.pdf"))
        rows.append(("raw WeasyPrint, same HTML, 1 process", raw_seconds, memory, raw_pages))

        pdf_seconds, memory = timed([sys.executable, "-c", PDF_ONLY, str(meeting.parent),
                                     str(work / "pdf-only")])
        rows.append(("reportgen items, PDF only, 1 process", pdf_seconds, memory, raw_pages))

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        lo_seconds = lo_warm = None
        if soffice:
            docx = sorted((work / "p" / "items").glob("*.docx"))
            lo_seconds, lo_warm, memory = libreoffice(soffice, docx, work / "lo")
            lo_pages = sum(pages_of(p) for p in (work / "lo").glob("*.pdf"))
            rows.append(("LibreOffice, same DOCX, tagged PDF", lo_seconds, memory, lo_pages))
            rows.append(("LibreOffice, less its start-up", lo_warm, memory, lo_pages))

        batch = [reportgen, "batch", str(work / "in"), "-o", str(work / "b")]
        full, memory = timed(batch)
        rows.append(("batch: full build", full, memory, pages))
        none, memory = timed(batch)
        rows.append(("batch: nothing changed", none, memory, pages))
        write_item(meeting.parent / "item-05.xlsx", 105)  # a changed title
        one, memory = timed(batch)
        changed = "Scrutiny review 105" in subprocess.run(
            ["pdftotext", str(work / "b" / "meeting" / "agenda-pack.pdf"), "-"],
            capture_output=True, text=True).stdout if shutil.which("pdftotext") else None
        rows.append((f"batch: one item of {args.items} changed", one, memory, pages))

        items = sorted((work / "p" / "items").glob("*.pdf"))
        parts = sum(p.stat().st_size for p in items)
        size, fonts = pack_pdf.stat().st_size, font_bytes(pack_pdf)
        largest = max(font_bytes(p) for p in items)
        content = size - fonts
        print(f"\nreportgen pack benchmark: {args.items} items, {pages} pages, {cores} cores, "
              f"font subsetter {subsetter}, Python {sys.version.split()[0]}\n")
        print(f"| {'run':42} | {'seconds':>8} | {'pages/s':>8} | {'peak MB':>8} |")
        print(f"| {'-' * 42} | {'-' * 8}:| {'-' * 8}:| {'-' * 8}:|")
        for name, secs, mem, n in rows:
            print(f"| {name:42} | {secs:8.2f} | {n / secs:8.1f} | {mem:8.0f} |")
        print(f"\npack: {size / 1024:.0f} KB, {size / pages / 1024:.1f} KB per page; "
              f"{size / parts:.2f} x the sum of its items' own PDFs ({parts / 1024:.0f} KB)")
        print(f"pack's font programs {fonts / 1024:.0f} KB (largest item's own "
              f"{largest / 1024:.0f} KB), content {content / 1024:.0f} KB, "
              f"{content / pages / 1024:.1f} KB per page")
        print(f"pack / (largest item's fonts + pack content)     "
              f"{size / (largest + content):8.2f}   <= 1.10")
        print("\nratio                                          measured   target")
        if lo_seconds:
            print(f"pack, cold ({cores} processes) / LibreOffice          "
                  f"{pack_seconds / lo_seconds:8.2f}   <= 1.00")
            print(f"pack, cold ({cores} processes) / LO less start-up     "
                  f"{pack_seconds / lo_warm:8.2f}")
        else:
            print("pack / LibreOffice                             skipped: soffice not found")
        print(f"items, PDF only (1 process) / raw WeasyPrint - 1   "
              f"{pdf_seconds / raw_seconds - 1:6.2f}   <= 0.15")
        print(f"whole pack (1 process) / raw WeasyPrint - 1      "
              f"{one_seconds / raw_seconds - 1:8.2f}   (adds DOCX, HTML, front sheet, merge)")
        print(f"pack warm, nothing changed / cold               {warm_none / pack_seconds:8.2f}")
        print(f"pack warm, one item changed / cold              {warm_one / pack_seconds:8.2f}")
        print(f"batch nothing changed / full                     {none / full:8.2f}   <= 0.10")
        print(f"batch one item changed / full                    {one / full:8.2f}   <= 0.35")
        print(f"change visible in the rebuilt pack               {changed!s:>8}   True")
        print(f"peak memory, MB                                  "
              f"{max(r[2] for r in rows if not r[0].startswith('LibreOffice')):8.0f}   <= 600")
    finally:
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
