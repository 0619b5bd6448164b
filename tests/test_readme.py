"""The README's command table lists exactly the commands of ``faaliyet`` (desktop/cli.py)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from desktop.cli import build_parser

# `faaliyet` and `faaliyet open FILE` open the window (desktop/launcher.py); the rest is the CLI
WINDOW = {"", "open"}
README = Path(__file__).resolve().parents[1] / "README.md"


def parser_commands(parser: argparse.ArgumentParser, prefix: str = "") -> set[str]:
    """Every command path of the parser: ``check``, ``values import``… (a command with
    subcommands is listed by its subcommands)."""
    out: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                out |= parser_commands(sub, path) or {path}
    return out


def readme_commands(text: str) -> set[str]:
    """The command words of each row of the README's table (``| `faaliyet values import DOSYA …` |``)."""
    out = set()
    for line in text.splitlines():
        m = re.match(r"\|\s*`faaliyet((?: [a-z]+(?=[ `]))*)", line)
        if m:
            out.add(m.group(1).strip())
    return out


def test_readme_command_table_matches_the_cli():
    documented = readme_commands(README.read_text(encoding="utf-8"))
    documented -= WINDOW  # the launcher's, not the CLI's
    commands = parser_commands(build_parser())
    assert documented - commands == set(), "README lists commands the CLI does not have"
    assert commands - documented == set(), "CLI commands missing from README's table"


def test_the_table_reader_sees_subcommands_and_arguments_apart():
    text = "| `faaliyet values import DOSYA X.json` | … |\n| `faaliyet plan import plan.xlsx` | … |\n| `faaliyet check DOSYA` | … |\n| `faaliyet` | pencere |\n"
    assert readme_commands(text) == {"values import", "plan import", "check", ""}
    assert {"values import", "values export", "plan template", "plan import", "check"} <= parser_commands(build_parser())
    assert "values" not in parser_commands(build_parser())
