"""Where a window opens: inside the screen it is on, and where the user left it.

A window opens at its preferred size, but never larger than ``MAX_SHARE`` of
the screen's available area (the desktop without the task bar), centred in
it: on a 1366×768 office screen, or at 150 % scale, the status bar's saved
indicator and the bottom of every panel stay on screen. The size and
position the user gave it are remembered (QSettings) and restored only when
they still fit inside one of the screens (a laptop taken off its large
monitor gets the default again). ``available`` and ``available_areas`` are
the places that ask Qt for the screens' areas: tests replace them with a
small screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from . import settings

MAX_SHARE = 0.9


def available(widget: QWidget) -> QRect:
    """The available area (logical pixels) of the screen the widget is on, or of the primary screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def available_areas() -> list[QRect]:
    """The available area of every screen (a laptop with a monitor has two)."""
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def default_rect(preferred: QSize, area: QRect) -> QRect:
    """``preferred`` shrunk to at most MAX_SHARE of ``area`` in each direction, centred in it."""
    w = min(preferred.width(), int(area.width() * MAX_SHARE))
    h = min(preferred.height(), int(area.height() * MAX_SHARE))
    rect = QRect(0, 0, w, h)
    rect.moveCenter(area.center())
    return rect


def fits(rect: QRect, area: QRect) -> bool:
    return rect.isValid() and area.contains(rect)


def place(win: QWidget, key: str, preferred: QSize) -> None:
    """Give ``win`` its remembered geometry if that fits the screen, else the default one."""
    area = available(win)
    s = settings.settings()
    saved = s.value(f"{key}/rect")
    maximized = s.value(f"{key}/maximized", False) in (True, "true")
    if isinstance(saved, QRect) and any(fits(saved, a) for a in available_areas()):
        rect = saved  # where the user left it, on whichever screen still shows all of it
    else:
        rect = default_rect(preferred, area)
    win.setGeometry(rect)
    if maximized:
        win.setWindowState(win.windowState() | Qt.WindowState.WindowMaximized)


def remember(win: QWidget, key: str) -> None:
    """Store the window's normal (not maximized) geometry and whether it was maximized."""
    s = settings.settings()
    s.setValue(f"{key}/rect", win.normalGeometry() if win.isMaximized() else win.geometry())
    s.setValue(f"{key}/maximized", win.isMaximized())
