"""A file double-clicked while Faaliyet runs opens in the running program.

The first window process listens on a local socket (a named pipe on Windows,
a socket file elsewhere) named for the user, so two users of one terminal
server never meet. A later ``faaliyet open FILE`` first offers FILE to it
(``hand_off``); when the running program answers, the new process ends
without a window. Nobody listening (no program running, or one that hangs)
means the new process opens the file itself, as before.

One request is one line of JSON, ``{"open": ["/abs/path"]}``, answered by
``ok``. Paths are made absolute by the sender: the two processes do not
share a working folder.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QObject, QTimer, Signal

ENV = "FAALIYET_INSTANCE_NAME"
TIMEOUT_MS = 1500  # a running program answers in milliseconds; a hung one must not keep the clerk waiting long
MAX_REQUEST = 64 * 1024


def server_name(user: str | None = None) -> str:
    """The socket's name: one per user (hashed: a user name may hold characters a pipe name may not).

    ``$FAALIYET_INSTANCE_NAME`` replaces it (tests: never the user's running program)."""
    if user is None and os.environ.get(ENV):
        return os.environ[ENV]
    try:
        who = user if user is not None else getpass.getuser()
    except (KeyError, OSError):  # no user name in a stripped-down environment
        who = "?"
    return "faaliyet-" + hashlib.sha256(who.encode("utf-8")).hexdigest()[:16]


def maybe_running(name: str) -> bool:
    """False when surely nobody listens: on Unix the socket is a file in the temp folder (no
    QtNetwork needed to see that, ~8 ms of every `faaliyet open FILE` saved); a Windows pipe is
    only found by connecting."""
    if sys.platform == "win32":
        return True
    return Path(name).exists() if Path(name).is_absolute() else (Path(QDir.tempPath()) / name).exists()


def hand_off(paths: list[Path], name: str | None = None, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask a running Faaliyet to open ``paths``; True when it took them."""
    name = name or server_name()
    if not maybe_running(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    request = json.dumps({"open": [str(Path(p).absolute()) for p in paths]}).encode("utf-8") + b"\n"
    socket.write(request)
    if not socket.waitForBytesWritten(timeout_ms):
        return False
    answer = b""
    while b"\n" not in answer and socket.waitForReadyRead(timeout_ms):
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


class Listener(QObject):
    """The running program's side: emits ``open_requested(path)`` for every file handed over."""

    open_requested = Signal(Path)

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # only this user may connect
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; False when another Faaliyet already does (it gets the files, not us).

        Asked first, because listening would not fail: with an access option set, Qt on Unix
        moves its new socket file over the old one, and Windows gives a second pipe of the same name.
        """
        from PySide6.QtNetwork import QLocalServer

        if _answers(self.name):
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a program that crashed
        return self.server.listen(self.name)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket=socket, buffer=buffer) -> None:
                buffer += bytes(socket.readAll().data())
                if len(buffer) > MAX_REQUEST:
                    socket.abort()
                    return
                if b"\n" not in buffer:
                    return
                paths = _parse(bytes(buffer))
                socket.write(b"ok\n" if paths is not None else b"error\n")
                socket.flush()
                socket.disconnectFromServer()
                for path in paths or []:  # opened from the event loop, not inside the socket's handler
                    QTimer.singleShot(0, lambda path=path: self.open_requested.emit(path))

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()


def _parse(data: bytes) -> list[Path] | None:
    try:
        request = json.loads(data.split(b"\n", 1)[0].decode("utf-8"))
        paths = request["open"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
        return None
    return [Path(p) for p in paths]


def _answers(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(200)
    socket.abort()
    return alive


def start(open_path: Callable[[Path], None], name: str | None = None) -> Listener | None:
    """Listen for files from later starts, handing each to ``open_path``; None when another program listens."""
    listener = Listener(name)
    if not listener.listen():
        return None
    listener.open_requested.connect(open_path)
    return listener
