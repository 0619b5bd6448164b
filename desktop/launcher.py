"""The `faaliyet` command: the window for `faaliyet` / `faaliyet open FILE`, else the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] == "open":
        from . import collector

        collector.pause()  # before PySide's import; the first window shown ends it (ui.app.starting)
        from .ui.app import main as gui_main

        return gui_main(args[1:])
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
