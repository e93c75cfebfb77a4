"""House style: a council's reportgen.toml (name, logo, fonts, colours,
templates folder, Word reference document)."""

from __future__ import annotations

import base64
import functools
import mimetypes
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from reportgen.compose.templates import TemplateSet
from reportgen.errors import InputError, Problem

CONFIG_NAME = "reportgen.toml"
_SAFE_CSS_VALUE = re.compile(r"^[#\w\s,.'\"()%-]*$")


@dataclass(frozen=True)
class CycleSettings:
    """[cycle] in reportgen.toml: the council's own periods around its meetings."""

    call_in_working_days: int = 5  # record of decisions: working days to call a decision in
    monitoring_interval_months: int = 6  # check: a progress update older than this is stale

    @classmethod
    def from_toml(cls, value: object, path: Path, problems: list[Problem]) -> CycleSettings:
        names = [f.name for f in fields(cls)]
        if not isinstance(value, dict):
            problems.append(Problem(path, "[cycle] must be a table: expected " + ", ".join(
                f"{n} = <whole number>" for n in names)))
            return cls()
        settings = {}
        for key, number in value.items():
            if key not in names:
                problems.append(Problem(path, f"unknown setting [cycle] {key!r}: expected "
                                        + " or ".join(names)))
            elif isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 100:
                problems.append(Problem(path, f"[cycle] {key} = {number!r}: expected a whole "
                                        "number from 1 to 99"))
            else:
                settings[key] = number
        return cls(**settings)


@dataclass
class House:
    """What a council sets in reportgen.toml; the defaults are a plain house style."""

    council: str = ""
    logo: Path | None = None
    # Arial, as in the Word reference document; Liberation Sans has Arial's metrics
    # (and lays out faster than DejaVu Sans); DejaVu Sans covers what they cannot show.
    font: str = "Arial, Liberation Sans, Helvetica, DejaVu Sans, sans-serif"
    heading_font: str = ""
    font_size: str = "12pt"
    accent_colour: str = "#1d3f6e"
    templates: Path | None = None
    reference_docx: Path | None = None
    source: Path | None = None
    # Folders outside the meeting's own from which workbooks may name files (a shared
    # drive of appendices); `[inputs] allowed_folders` in reportgen.toml.
    allowed_folders: tuple[Path, ...] = ()
    cycle: CycleSettings = field(default_factory=CycleSettings)

    @classmethod
    def load(cls, path: Path | None = None) -> House:
        """Read the config at path, or ./reportgen.toml if present, else defaults."""
        if path is None:
            path = Path.cwd() / CONFIG_NAME
            if not path.is_file():
                return cls()
        path = Path(path)
        if not path.is_file():
            raise InputError(Problem(path, "configuration file not found"))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(Problem(path, f"not valid TOML: {exc}")) from None
        house = cls(source=path)
        problems = []
        inputs = data.pop("inputs", {})
        house.allowed_folders = _allowed_folders(path, inputs, problems)
        for key, value in data.items():
            attr = key.replace("-", "_")
            if attr == "cycle":
                house.cycle = CycleSettings.from_toml(value, path, problems)
                continue
            if attr in _NOT_SETTINGS or not hasattr(house, attr):
                problems.append(Problem(path, f"unknown setting {key!r}: expected one of "
                                        f"{', '.join(SETTINGS)}"))
                continue
            if attr in _PATHS:
                value = _confined_path(path, key, value, house.allowed_folders, problems)
                if value is None:
                    continue
            elif not _SAFE_CSS_VALUE.match(str(value)):
                problems.append(Problem(path, f"{key} {value!r} has characters not allowed "
                                        "in a font name, size or colour"))
                continue
            setattr(house, attr, value)
        if problems:
            raise InputError(problems)
        return house

    def template_set(self) -> TemplateSet:
        return TemplateSet(self.templates)

    def stylesheet(self, templates: TemplateSet) -> str:
        """The report CSS with this house's fonts and colours as CSS variables."""
        css = templates.find("css/report.css")
        variables = (
            ":root {"
            f" --font: {self.font}; --heading-font: {self.heading_font or self.font};"
            f" --font-size: {self.font_size}; --accent: {self.accent_colour}; }}\n"
        )
        return variables + (_read(css).decode("utf-8") if css else "")

    def logo_uri(self, templates: TemplateSet) -> str:
        """The logo as a data: URI, so the HTML stands alone and nothing is fetched."""
        path = self.logo or templates.find("logo.svg") or templates.find("logo.png")
        if path is None:
            return ""
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return f"data:{mime};base64,{base64.b64encode(_read(path)).decode()}"


SETTINGS = ("council", "logo", "font", "heading_font", "font_size", "accent_colour",
            "templates", "reference_docx", "[inputs] allowed_folders", "[cycle]")
_NOT_SETTINGS = ("source", "allowed_folders", "cycle")
_PATHS = {"logo": "file", "templates": "folder", "reference_docx": "file"}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"<svg", b"<?xml")
MAX_LOGO_BYTES = 5_000_000  # a council logo is tens of kB


def _allowed_folders(config: Path, inputs: object, problems: list[Problem]) -> tuple[Path, ...]:
    folders = inputs.get("allowed_folders", []) if isinstance(inputs, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        problems.append(Problem(config, "[inputs] allowed_folders: expected a list of "
                                'folder paths, e.g. ["/srv/shared/committee-appendices"]'))
        return ()
    found = []
    for text in folders:
        folder = (config.parent / text).resolve()
        if not folder.is_dir():
            problems.append(Problem(config, f"[inputs] allowed_folders: {text!r} is not a "
                                    "folder"))
        else:
            found.append(folder)
    return tuple(found)


def _confined_path(config: Path, key: str, value: object, allowed: tuple[Path, ...],
                   problems: list[Problem]) -> Path | None:
    """A path the configuration names: inside its folder or an allowed one, of the right
    kind (a logo must be an image), never a device or a pipe."""
    import stat

    path = (config.parent / str(value)).resolve()
    want = _PATHS[key]
    try:
        mode = path.stat().st_mode
    except OSError:
        problems.append(Problem(config, f"{key} {str(value)!r} does not exist"))
        return None
    if not any(path.is_relative_to(f) for f in (config.parent.resolve(), *allowed)):
        problems.append(Problem(config, f"{key} {str(value)!r} is outside this file's folder "
                                "and the [inputs] allowed_folders"))
    elif want == "folder" and not stat.S_ISDIR(mode) or want == "file" and not \
            stat.S_ISREG(mode):
        problems.append(Problem(config, f"{key} {str(value)!r} is not a {want}"))
    elif key == "logo" and (path.stat().st_size > MAX_LOGO_BYTES or not _is_image(path)):
        problems.append(Problem(config, f"logo {str(value)!r} is not a PNG, JPEG, GIF or SVG "
                                f"image under {MAX_LOGO_BYTES // 1_000_000} MB"))
    else:
        return path
    return None


def _is_image(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(256).lstrip()
    return head.startswith(_IMAGE_MAGIC) and (not head.startswith(b"<?xml") or b"<svg" in head)


def _read(path: Path) -> bytes:
    """A template-folder file, read once per version (every item of a batch uses it)."""
    stat = path.stat()
    return _read_version(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=32)
def _read_version(path: Path, mtime_ns: int, size: int) -> bytes:
    return path.read_bytes()
