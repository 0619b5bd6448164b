"""The `faaliyet` commands (no Qt), one module for each concept; `desktop/cli.py` puts them in one parser.

Each module holds its commands' functions (``cmd_*``) and, next to them, the sub-parsers that give
them their arguments (``add_*``); `common` holds what every command shares.
"""
