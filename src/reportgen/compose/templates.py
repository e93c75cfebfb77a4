"""Finding templates: the built-in folder, and a council's folder over it.

A council's folder overrides built-in files one by one; a new
``<kind>.html.j2`` there is a new report type. Every template runs in
Jinja2's sandbox with autoescaping on, so cell text stays text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment

from reportgen.compose.charts import bar_chart, describe
from reportgen.compose.markup import lines, parse_blocks
from reportgen.compose.tables import body_points, fit_table
from reportgen.errors import InputError, Problem
from reportgen.readers.cells import format_date, normalise

KIND_SUFFIX = ".html.j2"
# Templates that are not report kinds a workbook can name: the skeleton, and the
# layout of reports written in Word (compose/word.py).
NOT_KINDS = {"base", "word-report"}


def builtin_templates() -> Path:
    """The built-in templates: inside the installed package, or the repository's."""
    here = Path(__file__).resolve().parents[1]  # the reportgen package
    for candidate in (here / "templates", here.parents[1] / "templates"):
        if (candidate / "base.html.j2").is_file():
            return candidate
    raise FileNotFoundError("reportgen's built-in templates are missing from the installation")


@dataclass(frozen=True)
class SectionDef:
    """A standard section of a report kind, from the kind's .toml file."""

    name: str
    synonyms: tuple[str, ...] = ()
    default: str = ""
    optional: bool = False
    numbered: bool = True
    table: str = ""  # a table the template shows at the end of this section
    required: bool = False  # an empty one is a `check` warning and a --strict refusal
    required_when: str = ""  # required when this Report field is yes (e.g. key_decision)

    def matches(self, name: str) -> bool:
        key = normalise(name)
        return key == normalise(self.name) or key in {normalise(s) for s in self.synonyms}


@dataclass(frozen=True)
class KindDef:
    """A report kind: its template and its standard sections."""

    name: str
    template: str
    sections: tuple[SectionDef, ...] = ()
    settings: dict = field(default_factory=dict, hash=False, compare=False)

    def find_section(self, name: str) -> SectionDef | None:
        return next((s for s in self.sections if s.matches(name)), None)


@pass_context
def _fit_table(context, html: str, label: str):
    """{% filter fit_table(label) %}<table>…{% endfilter %}: see compose.tables."""
    house = context.get("house")
    return fit_table(html, label, body_points(getattr(house, "font_size", "12pt")))


class TemplateSet:
    """The template folders in force: a council's (if any) over the built-in."""

    def __init__(self, council_folder: Path | None = None):
        self.folders = [f for f in (council_folder, builtin_templates()) if f]
        self._kinds: dict[str, KindDef | None] = {}

    @cached_property
    def env(self) -> SandboxedEnvironment:
        env = SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(str(f)) for f in self.folders]),
            autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        )
        env.filters["lines"] = lines
        env.filters["blocks"] = parse_blocks
        env.filters["fit_table"] = _fit_table
        env.filters["long_date"] = lambda d: format_date(d) if d else ""
        env.globals["bar_chart"] = bar_chart
        env.globals["describe_chart"] = describe
        return env

    def find(self, relative: str) -> Path | None:
        """The first file at relative path in the folders, council's first."""
        for folder in self.folders:
            path = folder / relative
            if path.is_file():
                return path
        return None

    def kinds(self) -> list[str]:
        names = {p.name[: -len(KIND_SUFFIX)] for f in self.folders
                 for p in f.glob(f"*{KIND_SUFFIX}") if not p.name.startswith("_")}
        names -= NOT_KINDS
        return sorted(names)

    def kind(self, name: str) -> KindDef | None:
        """The report kind called name (its .toml read once), or None."""
        if name not in self._kinds:
            self._kinds[name] = self._read_kind(name)
        return self._kinds[name]

    def _read_kind(self, name: str) -> KindDef | None:
        if name not in self.kinds():
            return None
        spec = self.find(f"{name}.toml")
        try:
            data = tomllib.loads(spec.read_text(encoding="utf-8")) if spec else {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(Problem(spec, f"not valid TOML: {exc}")) from None
        sections = tuple(
            SectionDef(
                name=s["name"], synonyms=tuple(s.get("synonyms", ())),
                default=s.get("default", ""), optional=s.get("optional", False),
                numbered=s.get("numbered", True), table=s.get("table", ""),
                required=s.get("required", False), required_when=s.get("required_when", ""),
            )
            for s in data.get("sections", [])
        )
        settings = {k: v for k, v in data.items() if k != "sections"}
        return KindDef(name, name + KIND_SUFFIX, sections, settings)
