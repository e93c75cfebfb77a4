"""How much memory does a pack with a very long appendix take? One run per size.

    .venv/bin/python benchmarks/big_appendix.py [--pages 2000 5000] [--tagged] [--jobs N]
                                                [--keep DIR]

Generates, in a temporary folder, pack_speed's meeting of two reports, the
second with one appendix PDF of N A4 pages (made with pikepdf: a few
paragraphs of text per page in Helvetica, different on every page; with
--tagged, each paragraph a tagged P, as Word exports it), then runs
`reportgen pack` on it in a child process and prints, per N: seconds, CPU
seconds, the peak resident MB of the largest process of the run (the pack or
one of its workers), and the pack's size. No timing or memory is asserted
anywhere; the target is shown beside.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pack_speed  # noqa: E402
from pack_speed import BIN, PARAGRAPH, SENTENCES  # noqa: E402

TARGET_PAGES, TARGET_MB = 2000, 600
LINES_PER_PAGE = 48
CHARACTERS_PER_LINE = 84


def write_appendix(path: Path, pages: int, tagged: bool = False) -> None:
    """An A4 PDF of pages pages of text, each page's words its own."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1,
                                        BaseFont=Name.Helvetica,
                                        Encoding=Name.WinAnsiEncoding))
    resources = pdf.make_indirect(Dictionary(Font=Dictionary(F1=font)))
    document = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=Array()))
    parents = []
    words = (PARAGRAPH + " ".join(SENTENCES)).split()
    for number in range(pages):
        page = pdf.make_indirect(Dictionary(Type=Name.Page, MediaBox=[0, 0, 595.28, 841.89],
                                            Resources=resources))
        content, marked = [f"BT /F1 10 Tf 13 TL 56 790 Td (Consultation response "
                           f"{number + 1}) Tj T*"], Array()
        lines = _lines(words, number)
        for paragraph in range(0, LINES_PER_PAGE, 8):
            if tagged:
                element = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P,
                                                       P=document, Pg=page, K=len(marked)))
                document.K.append(element)
                marked.append(element)
                content.append(f"/P <</MCID {len(marked) - 1}>> BDC")
            content += [f"T* [{line}] TJ" for line in lines[paragraph:paragraph + 8]]
            content.append("EMC T*" if tagged else "T*")
        content.append("ET")
        page.Contents = pdf.make_stream("\n".join(content).encode("latin-1"))
        if tagged:
            page.StructParents = number
            parents += [number, pdf.make_indirect(marked)]
        pdf.pages.append(pikepdf.Page(page))
    if tagged:
        tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([document]),
                                            ParentTree=Dictionary(Nums=Array(parents)),
                                            ParentTreeNextKey=pages))
        document.P = tree
        pdf.Root.StructTreeRoot = tree
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.Lang = pikepdf.String("en-GB")
    pdf.docinfo.Title = pikepdf.String("Consultation responses in full")
    pdf.save(path, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _lines(words: list[str], seed: int) -> list[str]:
    """LINES_PER_PAGE lines of a page's own words, justified as a word processor
    would: each line a TJ array with its own space between words."""
    pick = random.Random(seed)
    lines = []
    while len(lines) < LINES_PER_PAGE:
        line: list[str] = []
        while len(" ".join(line)) < CHARACTERS_PER_LINE:
            line.append(pick.choice(words))
        gap = pick.randint(250, 330)
        lines.append(f" -{gap} ".join(f"({word})" for word in line))
    return lines


def write_meeting(folder: Path, pages: int, tagged: bool) -> Path:
    """pack_speed's meeting of two reports, the second with the long appendix."""
    path = pack_speed.write_meeting(folder, 2)
    write_appendix(folder / "responses.pdf", pages, tagged)
    workbook = load_workbook(path)
    agenda = workbook["Agenda"]
    agenda["D1"], agenda["E1"] = "Appendices", "Appendix titles"
    agenda["D3"], agenda["E3"] = "responses.pdf", "Consultation responses in full"
    workbook.save(path)
    return path


def pack_once(work: Path, pages: int, tagged: bool, jobs: int | None) -> tuple:
    """Make the meeting with a pages-long appendix and pack it: one table row."""
    started = time.perf_counter()
    meeting = write_meeting(work / f"in-{pages}", pages, tagged)
    made = time.perf_counter() - started
    out = work / f"out-{pages}"
    seconds, cpu, memory = pack_speed.measured([str(BIN / "reportgen"), "pack", str(meeting),
                                     "-o", str(out)] + (["-j", str(jobs)] if jobs else []))
    pack = out / "agenda-pack.pdf"
    appendix = (meeting.parent / "responses.pdf").stat().st_size
    return (pages, pack_speed.pages_of(pack), seconds, cpu, memory,
            pack.stat().st_size / 2**20, appendix / 2**20, made)


def print_table(rows: list[tuple], tagged: bool, jobs: int | None) -> None:
    kind = "tagged" if tagged else "untagged"
    print(f"\nreportgen pack with one long {kind} appendix, {os.cpu_count()} cores, "
          f"{jobs or os.cpu_count()} process(es), Python {sys.version.split()[0]}\n")
    print("| appendix pages | pack pages | seconds | CPU s | peak MB | pack MB | appendix MB "
          "| target |")
    print("| --------------:| ----------:| -------:| -----:| -------:| -------:| -----------:"
          "| ------ |")
    for pages, total, seconds, cpu, memory, size, appendix, _ in rows:
        target = (f"<= {TARGET_MB} MB " + ("met" if memory <= TARGET_MB else "MISSED")
                  if pages <= TARGET_PAGES else "")
        print(f"| {pages:14} | {total:10} | {seconds:7.1f} | {cpu:5.0f} | {memory:7.0f} | "
              f"{size:7.1f} | {appendix:11.1f} | {target} |")
    print("\n(generating the inputs took "
          + ", ".join(f"{made:.1f} s" for *_, made in rows) + ": not counted)")


@contextlib.contextmanager
def workspace(keep: Path | None):
    """A temporary folder, copied to keep (when given) before it is removed."""
    with tempfile.TemporaryDirectory(prefix="reportgen-big-") as folder:
        try:
            yield Path(folder)
        finally:
            if keep:
                shutil.copytree(folder, keep, dirs_exist_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[TARGET_PAGES, 5000],
                        help="appendix lengths to pack, one run each")
    parser.add_argument("--tagged", action="store_true", help="a tagged appendix")
    parser.add_argument("--jobs", type=int, help="reportgen pack -j (default: all cores)")
    parser.add_argument("--keep", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    with workspace(args.keep) as work:
        rows = [pack_once(work, pages, args.tagged, args.jobs) for pages in args.pages]
    print_table(rows, args.tagged, args.jobs)


if __name__ == "__main__":
    main()
