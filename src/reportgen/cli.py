"""The reportgen command line (DESIGN.md, command line v1).

Exit status: 0 success, 1 bad input (one line per problem, naming file,
sheet and cell), 2 bad usage. Heavy libraries are imported inside the
commands that need them, so --help answers at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen import __version__
from reportgen.errors import InputError, Problem
from reportgen.output import FORMATS


def report_problems(problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: p.severity != "error"):
        click.echo(str(problem), err=True)


def parse_formats(ctx, param, value: str) -> tuple[str, ...]:
    chosen = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"expected a comma-separated list of {', '.join(FORMATS)}")
    return chosen


config_option = click.option(
    "--config", type=click.Path(dir_okay=False, path_type=Path),
    help="House style file (default: ./reportgen.toml when present).")


def meeting_folders(public: str, exempt: str):
    """-o and --exempt-dir for a command that writes a meeting's public and exempt
    papers (pack, decisions); public and exempt are what each folder holds."""
    def decorate(command):
        command = click.option(
            "--exempt-dir", type=click.Path(file_okay=False, path_type=Path),
            help=f"Folder for {exempt}, never to be published (default: the output "
            "folder's name with -exempt, beside it).")(command)
        return click.option(
            "-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
            help=f"Folder for {public} (default: outputs/<meeting workbook stem>/).")(command)
    return decorate


def load_house(config: Path | None):
    from reportgen.house import House

    return House.load(config)


BUG_REPORTS = "https://github.com/reportgen/reportgen/issues"


class Group(click.Group):
    """Turns InputError from any command into one line per problem and exit 1; any
    other failure into one line saying it is a bug, its traceback kept in a log file."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            report_problems(exc.problems)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as exc:  # the machine, not the input: a full disk, a lost folder
            click.echo(f"{exc.filename or 'reportgen'}: {exc.strerror or exc}", err=True)
            ctx.exit(1)
        except Exception:
            log = _write_crash_log()
            click.echo(f"reportgen: internal error (a bug in reportgen, not in your files): "
                       f"please report it at {BUG_REPORTS} with the log {log}", err=True)
            ctx.exit(1)


def _write_crash_log() -> str:
    import tempfile
    import traceback

    fd, path = tempfile.mkstemp(prefix="reportgen-crash-", suffix=".log")
    with open(fd, "w", encoding="utf-8") as log:
        log.write(f"reportgen {__version__} {' '.join(sys.argv)}\n")
        traceback.print_exc(file=log)
    return path


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def main() -> None:
    """Committee reports and agenda packs (PDF, DOCX, HTML) from council spreadsheets.

    \b
    Report types (the Report sheet's "Report type"): executive-response,
    scope, cabinet, monitoring, or the name of a council template.
    Start with: reportgen new item report.xlsx --type executive-response
    """


@main.command(short_help="One report (workbook or Word) into PDF, Word and HTML.")
@click.argument("item", metavar="REPORT",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs"), show_default=True, help="Folder to write into.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True,
              callback=parse_formats, help="Comma-separated formats to write.")
@config_option
def build(item: Path, out_dir: Path, formats: tuple[str, ...], config: Path | None) -> None:
    """Build one agenda item into OUTPUT/<REPORT stem>.pdf/.docx/.html.

    REPORT is an item workbook (.xlsx), or a report an officer wrote in Word
    (.docx): laid out in the house style, its own .docx published unchanged,
    and what to fix before publishing printed as warnings."""
    from reportgen.build import Builder

    builder = Builder(load_house(config))
    rendered = builder.render(item, layout="pdf" in formats)
    report_problems(rendered.warnings)
    for path in builder.write(rendered, out_dir, item.stem, formats):
        click.echo(str(path))


@main.command(short_help="A meeting's packs, item files and web page.")
@click.argument("meeting", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@meeting_folders("the public papers", "exempt papers")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Reports laid out at once (default: one per core).")
@click.option("--strict", is_flag=True,
              help="Write nothing (exit 1) while anything must be fixed before publication.")
@click.option("--force", is_flag=True,
              help="Build again even when nothing changed since the last build.")
@config_option
def pack(meeting: Path, out_dir: Path | None, exempt_dir: Path | None, jobs: int | None,
         strict: bool, force: bool, config: Path | None) -> None:
    """Build a meeting's agenda packs, each item's files and its web page: public
    papers in OUTPUT, exempt ones only in the exempt folder."""
    from reportgen.pack.build import PackBuilder
    from reportgen.progress import report_progress

    out_dir = out_dir or Path("outputs") / meeting.stem
    result = PackBuilder(load_house(config), jobs, progress=report_progress()).build(
        meeting, out_dir, exempt_dir=exempt_dir, strict=strict, force=force)
    report_problems(result.warnings)
    for path in result.written:
        click.echo(str(path))
    click.echo(pack_summary(result))


def pack_summary(result) -> str:
    """One line: what was built, where, and how many warnings."""
    warnings = len(result.warnings)
    blocking = sum(p.blocks_publication for p in result.warnings)
    fix = f" ({blocking} to fix before publication)" if blocking else ""
    work = ("nothing changed since the last build" if result.unchanged
            else f"laid out {result.laid_out}, the rest from the cache")
    return (f"{result.items} item{'s' * (result.items != 1)}, {result.pages} pages in the "
            f"packs; {work}; "
            f"{warnings} warning{'s' * (warnings != 1)}{fix}. Publish {result.out_dir}/; "
            f"never publish {result.exempt_dir}/")


@main.command(short_help="Every meeting under a folder, rebuilding what changed.")
@click.argument("folder", required=False, default=Path("inputs"),
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_root", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs"), show_default=True,
              help="Folder to write each meeting into, as OUTPUT/<meeting workbook stem>/.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes laying out reports (default: one per core).")
@click.option("--force", is_flag=True, help="Rebuild everything, changed or not.")
@click.option("--strict", is_flag=True,
              help="Build no meeting that has anything to fix before publication.")
@config_option
def batch(folder: Path, out_root: Path, jobs: int | None, force: bool, strict: bool,
          config: Path | None) -> None:
    """Build every meeting workbook under FOLDER (default: inputs/), rebuilding only
    what changed since the last run."""
    from reportgen.batch import FAILED, find_meetings, run_batch
    from reportgen.progress import Progress, summary_table

    house = load_house(config)  # a broken configuration: one message, not one a meeting
    meetings = find_meetings(folder)
    if not meetings:
        click.echo(f"no meeting workbooks (with a Meeting sheet) under {folder}", err=True)
        sys.exit(1)
    stems: dict[str, Path] = {}
    for path in meetings:
        if path.stem in stems:  # both would be built into OUTPUT/<stem>/
            click.echo(f"{path}: has the same name as {stems[path.stem]}: rename one, as both "
                       f"would be written to {out_root / path.stem}", err=True)
            sys.exit(1)
        stems[path.stem] = path
    total = len(meetings)
    outcomes = []
    with Progress(total) as progress:
        for outcome in run_batch(meetings, out_root, jobs, force, house, strict):
            outcomes.append(outcome)
            progress.advance(outcome)
    for outcome in outcomes:
        report_problems(outcome.problems + outcome.warnings)
    click.echo(summary_table(outcomes))
    warnings = sum(len(o.warnings) for o in outcomes)
    click.echo(f"{warnings} warning{'s' * (warnings != 1)}")
    if any(o.status == FAILED for o in outcomes):
        sys.exit(1)


@main.command(short_help="Every problem in workbooks or folders; writes nothing.")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@config_option
def check(paths: tuple[Path, ...], config: Path | None) -> None:
    """Check item and meeting workbooks (or folders of them) and print every problem,
    errors first, one line each; write nothing. Exit 1 when there is any error."""
    from reportgen.check import Checker

    house = load_house(config)
    report = Checker(house.template_set(), house=house).check(list(paths))
    report_problems(report.problems)
    for note in report.notes:
        click.echo(note)
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    click.echo(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    if errors:
        sys.exit(1)


@main.command(short_help="A blank item or meeting workbook to fill in.")
@click.argument("what", type=click.Choice(["item", "meeting"]))
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--type", "kind", default="executive-response", show_default=True,
              help="Report type of a new item (a built-in kind or a council's own).")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@config_option
def new(what: str, path: Path, kind: str, force: bool, config: Path | None) -> None:
    """Write a blank item or meeting workbook in the input contract's form."""
    from reportgen.new import new_item, new_meeting
    from reportgen.output import atomic_path

    if path.suffix.lower() != ".xlsx":
        raise click.BadParameter("the workbook's name must end in .xlsx", param_hint="PATH")
    if path.exists() and not force:
        raise click.BadParameter(f"{path} exists; choose another name or pass --force",
                                 param_hint="PATH")
    templates = load_house(config).template_set()
    if what == "item" and kind not in templates.kinds():
        from reportgen.errors import did_you_mean

        raise click.BadParameter(f"unknown report type {kind!r}"
                                 f"{did_you_mean(kind, templates.kinds())}: expected one of "
                                 + ", ".join(templates.kinds()), param_hint="--type")
    with atomic_path(path) as tmp:
        new_item(tmp, kind, templates) if what == "item" else new_meeting(tmp)
    click.echo(str(path))


@main.command("forward-plan", short_help="The notice of key decisions (forward plan).")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs") / "forward-plan", show_default=True,
              help="Folder to write forward-plan.pdf/.docx/.html into.")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"]),
              help="First day of the period, and the notice's publication date "
              "(default: today).")
@click.option("--months", type=click.IntRange(1, 24), default=4, show_default=True,
              help="Length of the period in months.")
@config_option
def forward_plan(folder: Path, out_dir: Path, start, months: int, config: Path | None) -> None:
    """Write the notice of key decisions from the forward plan workbooks and Cabinet
    item workbooks (Key decision Yes) under FOLDER."""
    from datetime import date

    from reportgen.cycle.notice import publish_notice

    first = start.date() if start else date.today()
    for path in publish_notice(folder, out_dir, first, months, load_house(config)):
        click.echo(str(path))


@main.command(short_help="The record of decisions, with the call-in date.")
@click.argument("meeting", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@meeting_folders("the public record", "the record of items decided in private")
@click.option("--published", type=click.DateTime(["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"]),
              help="Date the record is published, from which the call-in period runs "
              "(default: the first working day after the meeting).")
@click.option("--write-back/--no-write-back", default=True, show_default=True,
              help="Write the decisions on scrutiny recommendations into each item's "
              "tracker, keeping the original as <tracker>.<meeting date>.bak.xlsx.")
@config_option
def decisions(meeting: Path, out_dir: Path | None, exempt_dir: Path | None, published,
              write_back: bool, config: Path | None) -> None:
    """Write the record of decisions of an executive meeting from its Decisions sheet."""
    from reportgen.cycle.record import publish_decisions

    result = publish_decisions(meeting, out_dir or Path("outputs") / meeting.stem, exempt_dir,
                               published.date() if published else None, load_house(config),
                               write_back)
    report_problems(result.warnings)
    for path in result.written:
        click.echo(str(path))
    for update in result.updates:
        for ref, cell, before, after in update.changes:
            click.echo(f"{update.tracker.name}: {cell}: recommendation {ref}: decision "
                       f"{before or '(empty)'} -> {after}")
        if update.backup:
            click.echo(f"{update.tracker.name}: the original is kept as {update.backup.name}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
