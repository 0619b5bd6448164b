"""The `faaliyet` command line (no Qt). Every command has Turkish help.

Exit status: 0 success, 1 the work was done but found errors (check) or was
refused (import), 2 a file could not be opened or an argument is wrong.

The commands live in `desktop/commands/`, one module for each concept, each with its arguments;
here are the parser's top level (the commands in the order `faaliyet --help` lists them) and `main`.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys

from . import argparse_tr
from .commands import definition, excel, plan, report, values, workflow, year
from .commands.common import Command, Failure
from .core import i18n
from .core.forms import InvalidData
from .core.i18n import _
from .version import version

# each adds its command with its arguments, in the order `faaliyet --help` lists them
_COMMANDS = (
    definition.add_departments,
    definition.add_init,
    year.add_new,
    year.add_distribute,
    definition.add_fields,
    values.add_values,
    year.add_year,
    report.add_check,
    report.add_demo,
    report.add_build,
    workflow.add_merge,
    workflow.add_submit,
    workflow.add_copy,
    workflow.add_reopen,
    workflow.add_return,
    workflow.add_receive,
    excel.add_excel,
    plan.add_plan,
)


def build_parser() -> argparse.ArgumentParser:
    argparse_tr.install()
    p = argparse.ArgumentParser(
        prog="faaliyet",
        description=_("Belediye faaliyet raporu: birim dosyaları, denetim, birleştirme ve rapor."),
        epilog=_("Pencereyi açmak için komutsuz 'faaliyet' ya da 'faaliyet open DOSYA' çalıştırın."),
    )
    p.add_argument("--version", action="version", version=f"faaliyet {version()}", help=_("sürümü yazar ve çıkar"))
    sub = p.add_subparsers(dest="command", metavar=_("KOMUT"), title=_("komutlar"))
    sub.required = True

    def add(name: str, helptext: str, func: Command | None) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=helptext, description=helptext)
        sp.set_defaults(func=func)
        return sp

    for register in _COMMANDS:
        register(add)
    return p


def main(argv: list[str] | None = None) -> int:
    i18n.set_language(i18n.language_from_environment())  # Turkish unless FAALIYET_LANG=en
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return status
    except Failure as exc:
        print(str(exc), file=sys.stderr)
        return exc.status
    except InvalidData as exc:  # e.g. another department's form asked of a department file (Turkish, says what to use)
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(_("Durduruldu."), file=sys.stderr)
        return 130
    except OSError as exc:
        if not _closed_pipe(exc):
            raise
        _silence_stdout()
        return 128 + 13  # as if killed by SIGPIPE, like `yes | head`


def _closed_pipe(exc: OSError) -> bool:
    """The reader of our output went away (``faaliyet fields X | head``)."""
    # Windows reports a closed pipe as EINVAL on write
    return isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL)


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it): nothing to flush at exit


if __name__ == "__main__":
    sys.exit(main())
