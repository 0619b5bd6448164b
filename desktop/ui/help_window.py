"""The user guides in a help window: F1 and the Help menu of both windows.

The guides are Markdown files in ``resources/help/`` (``memur.md`` for the
department clerk, ``strateji.md`` for the strategy unit) with screenshots
beside them in ``img/``, written by ``bench/screenshots_ui.py``; they ship in
the PyInstaller bundle with the rest of ``resources/``. A QTextBrowser shows
them (links between the guides stay inside the window, web links open in the
browser). A window has at most one help window: F1 again brings it to the front.
When a guide file is missing (a broken installation) the short summary of
``help.py`` is shown instead, so F1 never shows nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from .. import resources
from . import geometry
from .i18n import tr

CLERK, STRATEGY = "memur", "strateji"
PREFERRED_SIZE = QSize(900, 760)


def guide_path(guide: str) -> Path:
    return resources.help_folder() / f"{guide}.md"


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it ("Göndermek" -> "göndermek"): the guides' links work in both."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def name_headings(doc: QTextDocument) -> list[str]:
    """Give every heading its anchor (Qt's Markdown reader makes none): ``[…](#göndermek)`` then scrolls."""
    names = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.text().strip():
            name = slug(block.text())
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([name])
            cursor.mergeCharFormat(fmt)
            names.append(name)
        block = block.next()
    return names


class HelpWindow(QWidget):
    def __init__(self, guide: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(tr("Faaliyet — Yardım"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.clerk_button = QPushButton(tr("Birim kılavuzu"), self)
        self.clerk_button.setObjectName("helpClerk")
        self.clerk_button.clicked.connect(lambda: self.show_guide(CLERK))
        self.strategy_button = QPushButton(tr("Strateji Geliştirme kılavuzu"), self)
        self.strategy_button.setObjectName("helpStrategy")
        self.strategy_button.clicked.connect(lambda: self.show_guide(STRATEGY))
        self.back_button = QPushButton(tr("◀ Geri"), self)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.clerk_button)
        bar.addWidget(self.strategy_button)
        lay.addLayout(bar)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)  # web links go to the system browser, guide links stay here
        self.browser.anchorClicked.connect(self._follow)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        lay.addWidget(self.browser, 1)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        self.setGeometry(geometry.default_rect(PREFERRED_SIZE, geometry.available(parent or self)))
        self.guide = ""
        self.show_guide(guide)

    def show_guide(self, guide: str) -> None:
        self.guide = guide
        path = guide_path(guide)
        if path.is_file():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
            name_headings(self.browser.document())
        else:
            from .help import help_html

            self.browser.setHtml(help_html())

    def text(self) -> str:
        return self.browser.toPlainText()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.fragment() and (not url.path() or url.path() == self.browser.source().path()):
            self.browser.scrollToAnchor(url.fragment())
        else:
            target = self.browser.source().resolved(url)
            resource = (
                QTextDocument.ResourceType.MarkdownResource
                if target.path().endswith(".md")
                else QTextDocument.ResourceType.UnknownResource
            )
            self.browser.setSource(target, resource)


def show_help(parent: QWidget, guide: str) -> HelpWindow:
    """The help window of ``parent`` on ``guide`` (made once, then brought to the front)."""
    win = parent.findChild(HelpWindow, "helpWindow")
    if win is None:
        win = HelpWindow(guide, parent)
    elif win.guide != guide:
        win.show_guide(guide)
    win.show()
    win.raise_()
    win.activateWindow()
    return win
