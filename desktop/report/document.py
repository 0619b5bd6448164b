"""The document template: page templates, running header/footer, TASLAK, TOC and bookmarks."""

from __future__ import annotations

import calendar
import copy
import datetime as dt
import time
import weakref
import zlib

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from . import fonts as F
from .makeup import Together, keep_with_next
from .marks import LIST_ANCHOR
from .paragraph import Paragraph
from .pdf_canvas import LeanCanvas
from .styles import DRAFT, MUTED, RULE, sheet

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.5 * cm
MARGIN_BOTTOM = 2.2 * cm


class Cancelled(Exception):
    """Raised inside the build when the caller asked to stop."""


class Heading(Paragraph):
    """A heading that makes a TOC entry and a PDF bookmark (``key`` is unique)."""

    def __init__(
        self, text: str, level: int, key: str, *, style: str | None = None, toc: bool = True, outline: str | None = None
    ):
        super().__init__(text, sheet()[style or f"h{min(level, 4)}"])
        self.level = level
        self.key = key
        self.toc = toc
        self.outline = outline or self.getPlainText()


class Bookmark(Flowable):
    """An invisible bookmark (outline entry) without a visible heading."""

    def __init__(self, title: str, level: int, key: str):
        super().__init__()
        self.title, self.level, self.key = title, level, key
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


class Anchor(Flowable):
    """An invisible point whose page the document records (``PageBook``): a marked figure's table,
    the findings annex."""

    def __init__(self, *names: str):
        super().__init__()
        self.names = names
        self.width = self.height = 0
        self.keepWithNext = 1  # on the page of what follows (a table's title and the table), never left behind

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


class PageBook(Flowable):
    """Indexing flowable: the page of every ``Anchor`` as the previous pass laid it out.

    ``known`` is what the parts print (the findings annex's "Sayfa" column, the draft banner);
    multiBuild runs another pass until the pages found equal the pages printed.
    """

    def __init__(self):
        super().__init__()
        self.known: dict[str, int] = {}
        self.now: dict[str, int] = {}
        self.satisfied = False

    def isIndexing(self):
        return 1

    def beforeBuild(self):
        self.now = {}

    def afterBuild(self):
        self.satisfied = self.now == self.known
        self.known = self.now

    def isSatisfied(self):
        return self.satisfied

    def notify(self, kind, stuff):
        pass

    def saw(self, names, page: int) -> None:
        for name in names:
            self.now.setdefault(name, page)

    def page(self, name: str) -> int | None:
        return self.known.get(name)

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


class PageCounter(Flowable):
    """Indexing flowable: multiBuild runs until the page count is stable, so
    the footer's "N / M" is right on the final pass."""

    def __init__(self, doc: ReportDoc):
        super().__init__()
        self.doc = doc
        self.previous: int | None = None
        self.current: int | None = None

    def isIndexing(self):
        return 1

    def beforeBuild(self):
        self.previous = self.current

    def afterBuild(self):
        self.current = self.doc.page

    def isSatisfied(self):
        return self.previous is not None and self.previous == self.current

    def notify(self, kind, stuff):
        pass

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        pass


def fixed_canvas(when: dt.date):
    """A canvas class whose creation/modification date is ``when`` (00:00 UTC)."""
    epoch = calendar.timegm(when.timetuple())

    class FixedCanvas(LeanCanvas):
        def __init__(self, *a, **kw):
            kw["invariant"] = 1
            super().__init__(*a, **kw)
            ts = TimeStamp(True)
            ts.t = epoch
            ts.lt = time.gmtime(epoch)
            ts.YMDhms = tuple(ts.lt)[:6]
            self._doc._timeStamp = ts

        def showPage(self):
            super().showPage()
            squeeze(self._doc.Pages.pages[-1])

    return FixedCanvas


def squeeze(page) -> None:
    """Compress a finished page's content now, as saving would (the same bytes in the PDF).

    ReportLab keeps every page's content as text until the PDF is saved and
    compresses it then: a long report held its whole text, about 20 KB a
    page. Compressed when the page ends, it holds a fifth of that.
    """
    if not page.compression or not page.stream or page.Contents or rl_config.useA85:
        return  # what ``PDFPage.check_format`` would not compress with zlib alone is left to it
    text = page.stream
    stream = PDFStream(content=zlib.compress(text.encode("utf8") if isinstance(text, str) else text))
    stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = None


def _no_draw(*args, **kwargs):
    pass


# Paragraphs and tables whose layout the dry pass keeps for the drawing pass (a paragraph's parse
# and lines, ``paragraph.py``; a table's ReportLab Table with its measured rows, ``tables.py``):
# a report of up to this many (the sample has about 1.150) lays each out once; beyond it, the
# rest are made again when drawn, so memory stays bounded (about 3 KB a kept paragraph, a few
# KB to tens of KB a kept table) whatever the pages.
KEEP_LINES = 2_000


class PassMode:
    """Shared by a document and its frames; copies of a frame share it too."""

    def __init__(self):
        self.dry = False
        self.lines_kept = 0  # paragraphs placed in the dry pass that keep their lines (KEEP_LINES)

    def keeps(self, flowable) -> bool:
        """Whether a flowable the dry pass placed keeps what it made for the drawing pass."""
        if not getattr(flowable, "keeps_lines", False) or self.lines_kept >= KEEP_LINES:
            return False
        self.lines_kept += 1
        return True

    def __deepcopy__(self, memo):
        return self


class LayoutFrame(Frame):
    """A frame that only lays out (no drawing) while its document makes a dry pass."""

    def __init__(self, mode: PassMode, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mode = mode

    def _add(self, flowable, canv, trySplit=0):
        if not self.mode.dry:
            return super()._add(flowable, canv, trySplit)
        # an instance attribute shadows the method for this call (through
        # __dict__: Drawings refuse unknown attributes)
        flowable.__dict__["drawOn"] = _no_draw
        placed = 0
        try:
            placed = super()._add(flowable, canv, trySplit)
            return placed
        finally:
            flowable.__dict__.pop("drawOn", None)
            release = getattr(flowable, "release", None)
            # not placed: split or tried on the next page, with what it has made
            if placed and release is not None and not self.mode.keeps(flowable):
                release()

    add = _add  # Frame binds add = _add in its class body

    def __deepcopy__(self, memo):
        """``copy.deepcopy`` without walking numbers and strings one by one: ReportLab copies the
        frame for every ``KeepTogether`` it measures (hundreds a build); what it may change in the
        copy are plain values and the odd list, which are still copied deeply."""
        twin = self.__class__.__new__(self.__class__)
        memo[id(self)] = twin
        for name, value in self.__dict__.items():
            twin.__dict__[name] = value if isinstance(value, _PLAIN) else copy.deepcopy(value, memo)
        return twin


_PLAIN = (int, float, str, type(None), PassMode)  # immutable (PassMode is shared on purpose)


def _if_alive(ref, edit, *args) -> None:
    target = ref()
    if target is not None:
        edit(target, *args)


def _weak_edits(append):
    """``multiBuild``'s list of edits to undo between passes, holding its flowables weakly.

    ReportLab marks a flowable moved to the next page (``_postponed``) and
    keeps it in that list until the pass ends: every split part of a table
    (a whole ReportLab ``Table``, a style object per cell) stayed alive until
    the PDF was saved, memory growing with the pages. A part that nothing
    else holds is never laid out again, so its edit needs no undoing; the
    story's own flowables are held by the story and are undone as before.
    """

    def edit(e) -> None:
        try:
            ref = weakref.ref(e[1])
        except TypeError:  # not weakly referable: kept as ReportLab keeps it
            append(e)
            return
        append((_if_alive, ref, e[0], *e[2:]))

    return edit


class ReportDoc(BaseDocTemplate):
    keepTogetherClass = Together

    @property
    def _multiBuildEdits(self):
        return self.__dict__["_edits"]

    @_multiBuildEdits.setter
    def _multiBuildEdits(self, append) -> None:
        self.__dict__["_edits"] = _weak_edits(append)

    @_multiBuildEdits.deleter
    def _multiBuildEdits(self) -> None:
        del self.__dict__["_edits"]

    def __init__(self, filename, *, header_left: str, header_right: str, draft: bool, check=None, **kw):
        super().__init__(
            filename,
            pagesize=PORTRAIT,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            initialFontName=F.SANS,
            initialFontSize=10,
            initialLeading=12,
            **kw,
        )
        self.header_left = header_left
        self.header_right = header_right
        self.draft = draft
        self.check = check  # called after every flowable: progress / cancel
        self.counter = PageCounter(self)
        self.pages = PageBook()
        self.open_errors = 0  # the draft banner says how many, and on which page the list starts
        self._outline_level = -1
        # The first pass only finds page numbers (TOC, "N / M") and is never
        # saved: it lays out without drawing. Later passes draw.
        self.passes = 0
        self.mode = PassMode()
        pw, ph = PORTRAIT
        lw, lh = LANDSCAPE

        def frame(x: float, width: float, height: float, frame_id: str) -> LayoutFrame:  # the body, no padding
            return LayoutFrame(
                self.mode,
                x,
                MARGIN_BOTTOM,
                width,
                height,
                id=frame_id,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        portrait_frame = frame(MARGIN_X, pw - 2 * MARGIN_X, ph - MARGIN_TOP - MARGIN_BOTTOM, "p")
        landscape_frame = frame(MARGIN_X * 0.8, lw - 1.6 * MARGIN_X, lh - MARGIN_TOP - MARGIN_BOTTOM, "l")
        cover_frame = frame(MARGIN_X, pw - 2 * MARGIN_X, ph - 2 * MARGIN_BOTTOM, "c")
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=self._cover_page, onPageEnd=self._watermark, pagesize=PORTRAIT),
                PageTemplate("portrait", [portrait_frame], onPage=self._page, onPageEnd=self._watermark, pagesize=PORTRAIT),
                PageTemplate("landscape", [landscape_frame], onPage=self._page, onPageEnd=self._watermark, pagesize=LANDSCAPE),
            ]
        )

    @property
    def portrait_width(self) -> float:
        return PORTRAIT[0] - 2 * MARGIN_X

    @property
    def landscape_width(self) -> float:
        return LANDSCAPE[0] - 1.6 * MARGIN_X

    # --- page decoration --------------------------------------------------
    def _watermark(self, canv, doc=None):
        """Drawn last, over the page's tables, in a light transparent red."""
        if not self.draft or self.mode.dry:
            return
        w, h = canv._pagesize
        canv.saveState()
        canv.setFillColor(DRAFT)
        canv.setFillAlpha(0.09)
        canv.setFont(F.SANS_BOLD, 110)
        canv.translate(w / 2, h / 2)
        canv.rotate(45 if h > w else 30)
        canv.drawCentredString(0, -38, "TASLAK")
        canv.restoreState()

    def _cover_page(self, canv, doc):
        if self.draft and not self.mode.dry:
            w, h = canv._pagesize
            canv.saveState()
            canv.setFillColor(DRAFT)
            canv.setFont(F.SANS_BOLD, 9)
            canv.drawCentredString(w / 2, h - 1.45 * cm, self.banner())
            canv.restoreState()

    def banner(self) -> str:
        """The draft banner: how many errors are open and where their list is."""
        page = self.pages.page(LIST_ANCHOR)
        where = f"liste: Açık Bulgular, s. {page}" if page else "liste: Açık Bulgular"
        if not self.open_errors:
            return f"TASLAK – denetimde açık hatalar var; {where}"
        return f"TASLAK – {self.open_errors} hata açık; {where}"

    def _page(self, canv, doc):
        if self.mode.dry:  # the dry pass is never saved: its pages need no header or footer
            return
        w, h = canv._pagesize
        left = MARGIN_X if w < h else MARGIN_X * 0.8
        right = w - left
        canv.saveState()
        canv.setFont(F.SANS, 8)
        canv.setFillColor(MUTED)
        y = h - 1.45 * cm
        canv.drawString(left, y, self.header_left)
        canv.drawRightString(right, y, self.header_right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(left, y - 4, right, y - 4)
        if self.draft:
            canv.setFillColor(DRAFT)
            canv.setFont(F.SANS_BOLD, 8)
            canv.drawCentredString(w / 2, y, self.banner())
        canv.setFillColor(MUTED)
        canv.setFont(F.SANS, 8)
        total = self.counter.previous
        text = f"{doc.page} / {total}" if total else f"{doc.page}"
        canv.line(left, 1.45 * cm + 10, right, 1.45 * cm + 10)
        canv.drawCentredString(w / 2, 1.45 * cm, text)
        canv.restoreState()

    def handle_keepWithNext(self, flowables):
        keep_with_next(self, flowables)

    # --- headings: TOC entries and bookmarks ----------------------------------
    def afterFlowable(self, flowable):
        if self.check is not None:
            self.check()
        if isinstance(flowable, Anchor):
            self.pages.saw(flowable.names, self.page)
            return
        names = getattr(flowable, "anchor_names", None)  # a table whose rows hold marked figures
        if names:
            self.pages.saw(names, self.page)
        if isinstance(flowable, (Heading, Bookmark)):
            level = min(flowable.level, self._outline_level + 1)
            self._outline_level = level
            title = flowable.outline if isinstance(flowable, Heading) else flowable.title
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(title, flowable.key, level, closed=level >= 1)
            if isinstance(flowable, Heading) and flowable.toc:
                self.notify("TOCEntry", (min(flowable.level, 3), title, self.page, flowable.key))

    def beforeDocument(self):
        self.passes += 1
        self.mode.dry = self.passes == 1
        self._outline_level = -1
        self.canv.showOutline()
