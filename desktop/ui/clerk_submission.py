"""Sending the clerk's file and what comes back: File → Gönder, a draft copy, reopening a
submitted file, and the strategy unit's return notes (a mixin of ``main_window.MainWindow``).

The rules live in ``submit``; these are the window's steps around them: store what is being
typed, ask, and say what happened.
"""

from __future__ import annotations

from pathlib import Path

from . import settings
from .i18n import tr


class ClerkSubmission:
    """Send, draft copy, reopen, receive a return note (``self`` is the ``MainWindow``)."""

    def send(self, dest: Path | None = None) -> bool:
        """The one "Gönder" step (``submit.send``); ``dest``: the copy's place (asked when None)."""
        if self.doc is None:
            return False
        self.commit_focused()
        from . import submit

        done, message = submit.send(self.doc, self, dest, confirm=lambda text: self.ask(tr("Gönder"), text))
        if message:
            self.inform(tr("Gönder"), message, "information" if done else "warning")
        return done

    def draft_copy(self, dest: Path | None = None) -> None:
        if self.doc is None:
            return
        self.commit_focused()
        from . import submit

        done, message = submit.draft_copy(self.doc, self, dest)
        if message:
            self.inform(tr("Taslak kopya"), message, "information" if done else "critical")

    def reopen(self) -> None:
        if self.doc is None:
            return
        from . import submit

        done, message = submit.reopen(self.doc, self.ask_text)
        if message:
            self.inform(tr("Gönderimi geri al"), message, "information" if done else "warning")

    def choose_return(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.doc.path.parent) if self.doc else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Geri gönderme notunu aç"), start, tr("Geri gönderme notu (*.geri.json);;Tüm dosyalar (*)")
        )
        if name:
            self.receive_return(Path(name))

    def receive_return(self, path: Path) -> bool:
        """A return file from the strategy unit (File → open, dropped, or chosen): checked, then received."""
        from . import submit

        if self.doc is None or not submit.answers(self.doc, path):
            # the note answers another file: the recently opened file it answers, if there is one
            match = submit.recent_file_for(path, settings.recent_files())
            if match is not None and self.open_file(match) and self.doc is not None and submit.received(self.doc, path):
                return True  # opening it received the note (it lay beside the file)
            if self.doc is None:
                if match is None:
                    self.inform(
                        tr("Geri gönderme notu"),
                        tr("Önce notun geldiği birim dosyasını açın, sonra notu açın ya da pencereye bırakın."),
                        "warning",
                    )
                return False
        done, message = submit.receive_return(self.doc, path)
        self.inform(tr("Geri gönderme notu"), message, "information" if done else "warning")
        return done
