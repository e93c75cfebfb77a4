"""Batch progress: a bar on a terminal, plain lines otherwise; the summary table."""

from __future__ import annotations

import sys

import click


class Progress:
    """tqdm's bar when stderr is a terminal; one line per meeting when it is not."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="meeting", file=sys.stderr, leave=False)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()

    def advance(self, outcome) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(outcome.meeting.stem)
            self.bar.update(1)
        else:
            click.echo(f"{outcome.meeting.stem}: {outcome.status} "
                       f"({outcome.seconds:.1f} s)", err=True)


def summary_table(outcomes) -> str:
    rows = [("meeting", "items", "pages", "result", "seconds")]
    for o in sorted(outcomes, key=lambda o: o.meeting.stem):
        rows.append((o.meeting.stem, str(o.items), str(o.pages), o.status, f"{o.seconds:.1f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) if i in (0, 3) else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def report_progress():
    """For `pack`: "reports laid out, n of N" on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        click.echo(f"\rreports laid out: {done} of {total}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show
