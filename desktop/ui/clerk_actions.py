"""The clerk's window's actions: the File, Edit and Help menus, the toolbar, and which of them
the open file allows (a mixin of ``main_window.MainWindow``).

Each action calls a method of the window (``open_file``, ``send``, ``fill_from_excel``…);
``_enable_actions`` is called by the window's ``_update`` whenever the file, its state or its
undo history changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from . import look
from .i18n import tr


class ClerkActions:
    """The window's actions, menus and toolbar (``self`` is the ``MainWindow``)."""

    def _action(self, text: str, slot, keys=(), tip: str = "") -> QAction:
        act = QAction(self)  # not QAction(text, self): its overloads make PySide build the QIcon type
        act.setText(text)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut = " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        act.setToolTip(f"{tip or text} ({shortcut})" if shortcut else (tip or text))
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _actions(self) -> None:
        self.act_open = self._action(tr("Dosya aç…"), self.choose_file, [QKeySequence.StandardKey.Open])
        self.act_close = self._action(tr("Dosyayı kapat"), self.close_file, [QKeySequence.StandardKey.Close])
        self.act_undo = self._action(tr("Geri al"), self.undo, [QKeySequence.StandardKey.Undo], tr("Son değişikliği geri al"))
        self.act_redo = self._action(tr("Yinele"), self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"], tr("Geri alınanı yeniden yap"))
        self.act_find = self._action(tr("Alan bul…"), self.find, [QKeySequence.StandardKey.Find])
        self.act_send = self._action(
            tr("Gönder…"),
            self.send,
            [],
            tr("Denetle, gönderildi olarak işaretle ve gönderilecek kopyayı seçtiğiniz yere yaz (hata varken gönderilmez)"),
        )
        self.act_draft = self._action(
            tr("Taslak kopya kaydet…"), self.draft_copy, [], tr("Göndermeden bir kopya yaz; adında -TASLAK olur")
        )
        self.act_reopen = self._action(
            tr("Gönderimi geri al…"), self.reopen, [], tr("Gönderilmiş dosyayı gerekçe yazarak yeniden düzenlemeye aç")
        )
        self.act_return = self._action(
            tr("Geri gönderme notunu aç…"),
            self.choose_return,
            [],
            tr("Strateji Geliştirme'nin gönderdiği .geri.json dosyasını açar: dosya notla düzenlemeye açılır"),
        )
        self.act_excel_fill = self._action(
            tr("Excel şablonundan doldur…"),
            lambda: self.fill_from_excel(),
            [],
            tr("Doldurulmuş Excel şablonundaki değerleri önizleyip dosyaya al"),
        )
        self.act_excel_template = self._action(
            tr("Şablonu Excel'e ver…"),
            lambda: self.write_excel_template(),
            [],
            tr("Birimin formunu doldurulacak bir Excel dosyası olarak kaydet"),
        )
        self.act_report = self._action(
            tr("Birim raporunu göster…"),
            lambda: self.show_report(),
            [],
            tr("Birimin raporunu PDF olarak oluştur, göster ve yazdır"),
        )
        # one action, one key: F1 twice over (HelpContents is F1 too) made Qt call the shortcut ambiguous
        self.act_help = self._action(tr("Yardım"), lambda: self.show_help(), ["F1"], tr("Birim kılavuzunu aç"))
        self.act_help_strategy = self._action(tr("Strateji Geliştirme kılavuzu"), lambda: self.show_help("strateji"))
        self.act_quit = self._action(tr("Çıkış"), self.close, [QKeySequence.StandardKey.Quit])
        menu = self.menuBar().addMenu(tr("&Dosya"))
        for a in (
            self.act_open,
            self.act_close,
            None,
            self.act_excel_fill,
            self.act_excel_template,
            self.act_report,
            None,
            self.act_send,
            self.act_draft,
            self.act_reopen,
            self.act_return,
            None,
            self.act_quit,
        ):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu = self.menuBar().addMenu(tr("Dü&zen"))
        for a in (self.act_undo, self.act_redo, None, self.act_find):
            menu.addSeparator() if a is None else menu.addAction(a)
        self.act_about = self._action(tr("Faaliyet hakkında…"), lambda: self.show_about())
        menu = self.menuBar().addMenu(tr("&Yardım"))
        menu.addAction(self.act_help)
        menu.addAction(self.act_help_strategy)
        menu.addSeparator()
        menu.addAction(self.act_about)
        self.toolbar = bar = QToolBar(tr("Araçlar"), self)
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.act_undo, self.act_redo, self.act_find, None, self.act_send, None, self.act_help):
            bar.addSeparator() if a is None else bar.addAction(a)
        look.roomy_toolbar(bar)
        self.addToolBar(bar)

    def _enable_actions(self) -> None:
        """What the open file (none, locked, submitted, read-only) and its undo history allow."""
        doc = self.doc
        has = doc is not None
        for a in (
            self.act_close,
            self.act_find,
            self.act_send,
            self.act_draft,
            self.act_return,
            self.act_excel_template,
            self.act_report,
        ):
            a.setEnabled(has)
        self.act_reopen.setEnabled(False)
        self.act_excel_fill.setEnabled(has and not doc.locked)
        self.toolbar.setVisible(has)
        if not has:
            self.act_undo.setEnabled(False)
            self.act_redo.setEnabled(False)
            return
        stack = self.editor.stack
        self.act_undo.setEnabled(stack.canUndo() and not doc.locked)
        self.act_redo.setEnabled(stack.canRedo() and not doc.locked)
        self.act_undo.setToolTip(
            tr("Geri al: {0} (Ctrl+Z)").format(stack.undoText()) if stack.canUndo() else tr("Geri al (Ctrl+Z)")
        )
        self.act_redo.setToolTip(
            tr("Yinele: {0} (Ctrl+Y)").format(stack.redoText()) if stack.canRedo() else tr("Yinele (Ctrl+Y)")
        )
        self.act_send.setEnabled(not doc.readonly)
        self.act_send.setText(tr("Kopyayı yeniden yaz…") if doc.submitted else tr("Gönder…"))
        self.act_draft.setEnabled(True)
        self.act_draft.setText(tr("Kopya kaydet…") if doc.submitted else tr("Taslak kopya kaydet…"))
        self.act_reopen.setEnabled(doc.submitted and not doc.readonly)
        self.act_return.setEnabled(not doc.readonly)
