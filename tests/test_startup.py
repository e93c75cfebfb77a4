"""--help and check start fast: the heavy libraries load only where needed."""

import subprocess
import sys

from .conftest import MERTON

PROBE = """
import sys
from click.testing import CliRunner
from reportgen.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
heavy = sorted(m for m in ("weasyprint", "matplotlib", "docx", "pikepdf") if m in sys.modules)
print(result.exit_code, ",".join(heavy) or "none")
"""


def loaded_by(*args: str) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, check=True)
    return done.stdout.split()[-1]


def test_help_loads_no_heavy_library():
    assert loaded_by("--help") == "none"
    assert loaded_by("pack", "--help") == "none"


def test_check_loads_no_layout_library():
    assert loaded_by("check", str(MERTON)) == "none"
