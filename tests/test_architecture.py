"""The dependency direction is enforced, not just described.

ui → store → core and report → store → core; core, store, report and the CLI
never import Qt; core and store never import ReportLab.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_cli_runs_without_qt_or_reportlab_loaded():
    code = (
        "import sys; from desktop import cli; "
        "rc = cli.main(['departments']); "
        "assert 'PySide6' not in sys.modules and 'reportlab' not in sys.modules, sorted(sys.modules); "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "itfaiye\tİtfaiye Müdürlüğü" in result.stdout
