"""Problems found in the inputs, and the exception that carries them.

Every problem names where it was found (file, sheet, cell) and what was
expected, so an officer can go straight to the cell and fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in an input file."""

    file: Path | str
    message: str
    sheet: str | None = None
    cell: str | None = None
    severity: str = "error"  # "error" or "warning"
    # A warning a clerk must fix before publication: `pack --strict` refuses while one
    # remains (placeholders, a passed deadline, a report dated for another meeting ...).
    blocks_publication: bool = False

    @classmethod
    def at(cls, file: Path | str, message: str, where: str = "",
           severity: str = "error", blocks_publication: bool = False) -> Problem:
        """A problem at where, written as records keep it: "Sheet!B4" or "Sheet"."""
        sheet, _, cell = where.partition("!")
        return cls(file, message, sheet or None, cell or None, severity, blocks_publication)

    @property
    def location(self) -> str:
        name = Path(self.file).name
        if self.sheet and self.cell:
            return f"{name}: {self.sheet}!{self.cell}"
        if self.sheet:
            return f"{name}: {self.sheet}"
        return name

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        message = " ".join(self.message.split())  # one line per problem, always
        return f"{self.location}: {prefix}{message}"


class InputError(Exception):
    """Bad input: one or more problems, each naming file, sheet and cell."""

    def __init__(self, problems: list[Problem] | Problem, partial: object = None):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.partial = partial  # what was read despite the problems, for `check`
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemList:
    """Collects problems while reading, so one run reports all of them."""

    def __init__(self, file: Path | str):
        self.file = file
        self.items: list[Problem] = []

    def error(self, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.items.append(Problem(self.file, message, sheet, cell))

    def warn(self, message: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.items.append(Problem(self.file, message, sheet, cell, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def raise_if_errors(self, partial: object = None) -> None:
        if self.errors:
            raise InputError(self.errors, partial)


def did_you_mean(word: str, choices) -> str:
    """' (did you mean 'Executive response'?)' when a choice is close, else ''."""
    import difflib

    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1,
                                      cutoff=0.6)
    if not close:
        return ""
    original = next(c for c in choices if c.lower() == close[0])
    return f" (did you mean {original!r}?)"


def refuse_unless_ready(warnings: list[Problem]) -> None:
    """--strict: nothing is published while a clerk has something to fix first."""
    blocking = [p for p in warnings if p.blocks_publication]
    if blocking:
        raise InputError(blocking + [Problem(
            "--strict", f"{len(blocking)} thing{'s' * (len(blocking) != 1)} to fix before "
            "publication: nothing was written")])
