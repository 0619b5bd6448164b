"""Entry point of the frozen application (PyInstaller)."""

import sys

from desktop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
