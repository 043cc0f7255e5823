"""Stops sent from outside the window, turned into the showroom's one orderly end.

A service manager's ``kill -TERM``, Ctrl+C in the terminal, a closed terminal (SIGHUP), and on
Windows a closed console window: each must end the showroom the way staff quitting does (every
open visit closed in the usage store, the headsets released, the lock let go, exit code 0), not
kill it on the spot, nor be ignored until Qt's event loop happens to run Python code.

POSIX signals reach Python only between Python bytecodes, which never run while Qt's loop waits.
So :class:`StopRequests` gives Python a handler for each stop signal (the default would kill the
process) and points :func:`signal.set_wakeup_fd` at a socket pair watched by a
:class:`~PySide6.QtCore.QSocketNotifier`: the signal's number wakes the loop at once, and
:attr:`StopRequests.sigStop` is emitted from the GUI thread.

Windows logging off or shutting down does not send these: it asks the application to save its
session (``QGuiApplication.commitDataRequest``, connected by the command line to the same end).
A console window being closed calls a console control handler on another thread; the one here
(``SetConsoleCtrlHandler``, through ctypes) writes to the same socket and waits for the end.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import threading
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

#: The signals that mean "stop": a service manager's, Ctrl+C's, a closed terminal's, Ctrl+Break's.
STOP_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK") if hasattr(signal, name)
)
#: Windows console events that end the process once the handler returns (close, log-off, shutdown).
_CONSOLE_ENDS = {2: "the console window was closed", 5: "the user logs off", 6: "Windows shuts down"}
#: How long a console handler waits for the orderly end (Windows kills the process after ~5 s).
CONSOLE_WAIT_S = 4.0
_STOP_NUMBERS = frozenset(int(number) for number in STOP_SIGNALS)


class StopRequests(QObject):
    """Watches for stop signals while it exists; :meth:`close` puts the previous handlers back.

    Made in the GUI thread (the only one allowed to set signal handlers). :attr:`sigStop` carries
    what asked for the stop, for the log.
    """

    sigStop = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        #: Set once the showroom has ended (a console handler waits for it before Windows kills us).
        self.ended = threading.Event()
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        # A signal ignored when the showroom started (SIGHUP under nohup) stays ignored.
        self._previous: dict[signal.Signals, Callable | int | None] = {
            number: signal.signal(number, _noted)
            for number in STOP_SIGNALS
            if signal.getsignal(number) is not signal.SIG_IGN
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._console_handler = (
            _set_console_handler(self._console_event, True) if sys.platform == "win32" else None
        )

    def _drain(self) -> None:
        """The loop woke: each stop signal's number that arrived asks for the end, once."""
        try:
            numbers = self._reader.recv(256)
        except (BlockingIOError, InterruptedError):
            return
        for number in numbers:
            if number in _STOP_NUMBERS:
                reason = signal.Signals(number).name
                log.info("%s received: ending the showroom as staff quitting does", reason)
                self.sigStop.emit(reason)

    def _console_event(self, event: int) -> bool:
        """Windows calls this on its own thread: wake the GUI thread, wait for the orderly end."""
        if event not in _CONSOLE_ENDS:
            return False  # Ctrl+C and Ctrl+Break: Python's own handler turns them into signals
        log.info("%s: ending the showroom", _CONSOLE_ENDS[event])
        with contextlib.suppress(OSError):
            self._writer.send(bytes([int(signal.SIGTERM)]))
        self.ended.wait(CONSOLE_WAIT_S)
        return True

    def close(self) -> None:
        """The showroom has ended: the previous handlers again, and a waiting console handler freed."""
        self.ended.set()
        self._notifier.setEnabled(False)
        for number, previous in self._previous.items():
            signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        if self._console_handler is not None:
            _set_console_handler(self._console_handler, False)
        self._reader.close()
        self._writer.close()


def _noted(number: int, _frame: FrameType | None) -> None:
    """Python's handler for a stop signal: it only has to exist (the default kills the process, or
    raises KeyboardInterrupt in whatever slot runs next); the wake-up socket does the rest."""


def _set_console_handler(on_event: Callable[[int], bool], add: bool) -> Callable[[int], bool]:
    """``SetConsoleCtrlHandler``: ``add`` (True) a Python function, returned as the ctypes callback
    (kept alive by the caller while it is set), or remove (False) a callback returned before."""
    import ctypes
    from ctypes import wintypes

    callback = on_event
    if add:
        handler_type = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)  # type: ignore[attr-defined]
        callback = handler_type(lambda event: bool(on_event(int(event))))
    if not ctypes.windll.kernel32.SetConsoleCtrlHandler(callback, add):  # type: ignore[attr-defined]
        log.warning("cannot %s the console's close handler", "set" if add else "remove")
    return callback
