"""The strategy window's actions: the File, Edit, Year and Help menus, the toolbar, and which
of them the open file allows (a mixin of ``window.StrategyWindow``).

Each action calls a method of the window (``merge``, ``build``, ``export_excel``,
``prepare_next_year``…); ``_enable_actions`` is called by the window's ``_update`` whenever
the file, its state or the chapters' undo history changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from .. import look
from ..help_window import CLERK
from ..i18n import tr


class StrategyActions:
    """The window's actions, menus and toolbar (``self`` is the ``StrategyWindow``)."""

    def _action(self, text: str, slot, keys=(), tip: str = "") -> QAction:
        act = QAction(text, self)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setToolTip(tip or text)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _actions(self) -> None:
        self.act_files = self._action(
            tr("Dosya ekle…"),
            lambda: self.merge(self.choose_files()),
            [QKeySequence.StandardKey.Open],
            tr("Birimlerden gelen dosyaları denetleyip birleşik dosyaya aktar"),
        )
        self.act_folder = self._action(tr("Klasör ekle…"), self._merge_folder)
        self.act_build = self._action(
            tr("Raporu oluştur…"), lambda: self.build(), ["Ctrl+B"], tr("Kurumun faaliyet raporunu PDF olarak oluştur")
        )
        self.act_excel = self._action(
            tr("Excel'e aktar…"), self.export_excel, [], tr("Performans tablosu ve bütün tablolar tek .xlsx dosyasına")
        )
        self.act_next_year = self._action(
            tr("Sonraki yılı hazırla…"),
            lambda: self.prepare_next_year(),
            [],
            tr("Bu yılın birleşik dosyasından sonraki yılın tanım klasörünü ve birleşik dosyasını yaz"),
        )
        self.act_past_years = self._action(
            tr("Geçmiş yıl ekle…"),
            lambda: self.add_past_years(),
            [],
            tr("Önceki yılların birleşik dosyalarındaki değerleri bu dosyaya geçmiş yıl olarak ekle"),
        )
        self.act_undo = self._action(
            tr("Geri al"), lambda: self.editor and self.editor.stack.undo(), [QKeySequence.StandardKey.Undo]
        )
        self.act_redo = self._action(tr("Yinele"), lambda: self.editor and self.editor.stack.redo(), ["Ctrl+Y", "Ctrl+Shift+Z"])
        self.act_close = self._action(tr("Kapat"), self.close, [QKeySequence.StandardKey.Close])
        self.act_help = self._action(tr("Yardım"), lambda: self.show_help(), ["F1"], tr("Strateji Geliştirme kılavuzunu aç"))
        self.act_help_clerk = self._action(tr("Birim kılavuzu"), lambda: self.show_help(CLERK))
        menu = self.menuBar().addMenu(tr("&Dosya"))
        for a in (self.act_files, self.act_folder, None, self.act_build, self.act_excel, None, self.act_close):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu = self.menuBar().addMenu(tr("Dü&zen"))
        menu.addAction(self.act_undo)
        menu.addAction(self.act_redo)
        menu = self.menuBar().addMenu(tr("&Yıl"))
        menu.addAction(self.act_next_year)
        menu.addAction(self.act_past_years)
        self.act_about = self._action(tr("Faaliyet hakkında…"), lambda: self.show_about())
        menu = self.menuBar().addMenu(tr("&Yardım"))
        menu.addAction(self.act_help)
        menu.addAction(self.act_help_clerk)
        menu.addSeparator()
        menu.addAction(self.act_about)
        bar = QToolBar(tr("Araçlar"), self)
        bar.setObjectName("strategyToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # adding files is on the board itself (buttons and drop area); the toolbar holds the rest
        for a in (self.act_build, self.act_excel, None, self.act_undo, self.act_redo, None, self.act_help):
            bar.addSeparator() if a is None else bar.addAction(a)
        look.roomy_toolbar(bar)
        self.addToolBar(bar)

    def _enable_actions(self, writable: bool) -> None:
        """Adding files and past years, undo and redo only when the file may be written."""
        for a in (self.act_files, self.act_folder, self.act_past_years):
            a.setEnabled(writable)
        stack = self.editor.stack if self.editor else None
        self.act_undo.setEnabled(bool(stack and stack.canUndo()) and writable)
        self.act_redo.setEnabled(bool(stack and stack.canRedo()) and writable)
