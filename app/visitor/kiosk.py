"""Kiosk mode's guards: visitors cannot leave, only one showroom runs, staff get in by a hidden gesture.

- :class:`KioskGuard` (an application-wide event filter) swallows Esc, and keeps the window full
  screen and in front: when it loses focus or full screen, or is minimised, it takes them back (and
  looks every 2 s, for what no event announced). The window itself
  refuses to close (Alt+F4, the close button) unless staff quit from their console.
- It also reports every touch, click and key (``sigActivity``: the idle clock) and a long press in
  the top-left corner (``sigUnlockGesture``: the staff PIN pad).
- :class:`SingleInstance`: an OS lock on a file beside the settings file; a second start of the
  same showroom finds it held, asks the first to come to the front, and exits.

What Qt cannot stop (Ctrl+Alt+Del, the Windows key, Alt+Tab to another program) is the operating
system's job: the README's Windows kiosk deployment (Shell Launcher or assigned access) does it.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)
#: The corner a staff member presses, and for how long (a visitor's tap or swipe is far shorter).
CORNER_PX = 90
LONG_PRESS_MS = 3000
#: After the window lost focus or full screen, it takes them back this soon (ms): at once would
#: fight the window manager while it is still moving focus.
REGAIN_MS = 300
#: How often the window checks it is still full screen and not minimised (ms): a window manager's
#: minimise left a kiosk hidden for good, its state-change event not saying "not full screen".
WATCH_MS = 2000
#: The exit code when the kiosk's window cannot be brought back on screen: not 0 (a watchdog
#: reads that as "staff quit"), not 2 (a bad command line), so the watchdog starts it again.
EXIT_WINDOW_LOST = 3
#: How often a running showroom looks for a second start's wake-up request (ms).
WAKE_POLL_MS = 1000

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.TabletPress,
        QEvent.Type.Wheel,
    }
)
PRESS_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
RELEASE_EVENTS = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel})


class KioskGuard(QObject):
    """Watches every input event of the application on behalf of ``window``.

    ``protect`` (kiosk mode) swallows Esc and keeps the window full screen and in front; without
    it the guard only reports activity (``sigActivity``) and the corner gesture.
    """

    sigActivity = Signal()
    sigUnlockGesture = Signal()

    def __init__(self, window: QWidget, *, protect: bool) -> None:
        super().__init__(window)
        self.window = window
        self.protect = protect
        self.refused_keys = 0
        self._press_timer = QTimer(self)
        self._press_timer.setSingleShot(True)
        self._press_timer.setInterval(LONG_PRESS_MS)
        self._press_timer.timeout.connect(self._long_press)
        self._regain_timer = QTimer(self)
        self._regain_timer.setSingleShot(True)
        self._regain_timer.setInterval(REGAIN_MS)
        self._regain_timer.timeout.connect(self.regain)
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_MS)
        self._watch_timer.timeout.connect(self._watch)
        self._gone_checks = 0  # watches in a row that found the window off screen
        if protect:
            self._watch_timer.start()
        QApplication.instance().installEventFilter(self)
        window.installEventFilter(self)

    def remove(self) -> None:
        self._watch_timer.stop()
        QApplication.instance().removeEventFilter(self)

    # --- what the filter sees -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            watched is self.window
            and self.protect
            and (
                kind == QEvent.Type.WindowDeactivate
                or (kind == QEvent.Type.WindowStateChange and self._lost_full_screen())
            )
        ):
            self._regain_timer.start()
        if not isinstance(watched, QWidget):
            return False
        if kind in INPUT_EVENTS:
            self.sigActivity.emit()  # an event climbs the widget tree: several per touch, all harmless
        if kind in PRESS_EVENTS:
            self._press_started(watched, event)
        elif kind in RELEASE_EVENTS:
            self._press_timer.stop()
        if self.protect and kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return self._refuse_key(event)
        return False

    def _refuse_key(self, event: QEvent) -> bool:
        """Swallow the keys a visitor could leave with (Esc closes dialogs and leaves full screen on
        some platforms; Alt+F4 reaches the window as a close, which the window refuses)."""
        if not isinstance(event, QKeyEvent):
            return False
        key, modifiers = event.key(), event.modifiers()
        alt_f4 = key == Qt.Key.Key_F4 and modifiers & Qt.KeyboardModifier.AltModifier
        quit_keys = key in (Qt.Key.Key_Q, Qt.Key.Key_W) and modifiers & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Escape or alt_f4 or quit_keys:
            if event.type() == QEvent.Type.KeyPress:
                self.refused_keys += 1
                log.info("kiosk: refused the key %s", event.keyCombination().toCombined())
            event.accept()
            return True
        return False

    def _press_started(self, watched: QWidget, event: QEvent) -> None:
        position = _window_position(watched, event) if watched.window() is self.window else None
        if position is not None and QRect(0, 0, CORNER_PX, CORNER_PX).contains(position):
            self._press_timer.start()
        else:
            self._press_timer.stop()

    def _long_press(self) -> None:
        log.info("kiosk: staff gesture (long press in the corner)")
        self.sigUnlockGesture.emit()

    def regain(self) -> None:
        """Full screen and in front again (a visitor, a notification or another program took it).
        Not while one of the app's own dialogs is open (staff choosing a file): it is in front."""
        if not self.protect or not self.window.isVisible() or QApplication.activeModalWidget() is not None:
            return
        if self._lost_full_screen():
            log.info("kiosk: the window was minimised or left full screen; taking it back")
            self.window.showFullScreen()  # clears the minimised flag too
        self.window.raise_()
        self.window.activateWindow()

    def _lost_full_screen(self) -> bool:
        # Minimised keeps the full-screen flag too (Qt reports both): isFullScreen() alone missed it.
        return self.window.isMinimized() or not self.window.isFullScreen()

    def _watch(self) -> None:
        if self.window.isVisible() and not self._exposed():
            self._bring_back()
            return
        self._gone_checks = 0
        if self._lost_full_screen() and not self._regain_timer.isActive():
            self.regain()

    def _exposed(self) -> bool:
        handle = self.window.windowHandle()
        return handle is not None and handle.isExposed()

    def _bring_back(self) -> None:
        """The window is meant to be on screen and is not: another program unmapped it, destroyed
        its native window, or a window manager hid it without telling. Show it again; then build
        its native window anew; and if even that stays off screen, end the showroom with
        :data:`EXIT_WINDOW_LOST` so the watchdog starts a new one (never a dark kiosk that lives)."""
        self._gone_checks += 1
        if self._gone_checks == 1:
            log.warning(
                "kiosk: the window is off screen (unmapped or destroyed from outside); showing it again"
            )
            self.window.hide()
        elif self._gone_checks == 2:
            log.warning("kiosk: the window is still off screen; making a new native window")
            self.window.hide()
            self.window.windowHandle().destroy()
        else:
            log.error(
                "kiosk: the window cannot be brought back on screen; ending for the watchdog to restart"
            )
            QApplication.exit(EXIT_WINDOW_LOST)
            return
        self.window.setGeometry(self.window.screen().geometry())
        self.window.showFullScreen()
        self.window.raise_()
        self.window.activateWindow()


def _window_position(watched: QWidget, event: QEvent) -> QPoint | None:
    """Where a press happened, in the window's coordinates."""
    if isinstance(event, QMouseEvent):
        local = event.position().toPoint()
    elif isinstance(event, QTouchEvent) and event.points():
        local = event.points()[0].position().toPoint()
    else:
        return None
    return watched.mapTo(watched.window(), local) if not watched.isWindow() else local


class SingleInstance(QObject):
    """One showroom per settings file: a lock on a file, and a wake-up file to call the running one.

    Another configuration (``--settings`` elsewhere: tests, an engineer's second copy) has its own
    lock. The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows),
    held on an open file: it goes when the process dies, however it dies, so the file a crash
    leaves behind never blocks the next start (a process id written in it could since belong to
    another program: a check by process id once read such a file as "already running", exit 0,
    which the watchdog takes for "staff quit").
    A second start writes the wake-up file; the running showroom looks for it every
    :data:`WAKE_POLL_MS` and comes to the front. (A local socket would need QtNetwork, which the
    installer leaves out; a stat a second costs nothing.)
    """

    sigWake = Signal()

    def __init__(self, settings_path: Path) -> None:
        super().__init__()
        # Not "<settings>.lock": QSettings takes that one itself while it saves, and would wait
        # for ever on a lock this process holds.
        self.lock_path = settings_path.with_name(settings_path.name + ".running")
        self.wake_path = settings_path.with_name(settings_path.name + ".wake")
        self._handle: int | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(WAKE_POLL_MS)
        self._poll.timeout.connect(self._check_wake)

    def acquire(self) -> bool:
        """True: this is the only showroom (it now watches for wake-ups). False: another runs."""
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = lock_file(self.lock_path)
        except LockHeld:
            return False  # another showroom holds it
        except OSError as error:
            # Not another showroom: a lock file that cannot be made. Refusing to start would
            # leave the kiosk dark (and the watchdog reads exit code 0 as "staff quit").
            log.error("cannot lock the file %s (%s); running unlocked", self.lock_path, error)
            return True
        self.wake_path.unlink(missing_ok=True)  # a request nobody answered before a crash
        self._poll.start()
        return True

    def wake_running(self) -> bool:
        """Ask the running showroom to come to the front (it looks within a second)."""
        try:
            self.wake_path.write_text("wake\n", encoding="utf-8")
        except OSError as error:
            log.warning("cannot ask the running showroom to come to the front: %s", error)
            return False
        return True

    def release(self) -> None:
        self._poll.stop()
        if self._handle is not None:
            unlock_file(self.lock_path, self._handle)
            self._handle = None

    def _check_wake(self) -> None:
        if self.wake_path.exists():
            self.wake_path.unlink(missing_ok=True)
            log.info("a second start asked the showroom to come to the front")
            self.sigWake.emit()


class LockHeld(Exception):
    """Another process holds the lock."""


#: Tries at taking the lock when the file is replaced under it (a showroom leaving deletes it).
_LOCK_TRIES = 3


def lock_file(path: Path) -> int:
    """An open handle on ``path`` (created if need be) with the OS's exclusive lock on it, released
    by :func:`unlock_file` or by the process's death. Raises :class:`LockHeld` when another
    process holds it, OSError when it cannot be made (a folder, no permission, not a regular file)."""
    for _ in range(_LOCK_TRIES):
        # O_NONBLOCK: a FIFO put in its place must not hold the start.
        handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o600)
        try:
            if not stat.S_ISREG(os.fstat(handle).st_mode):
                raise OSError(errno.EINVAL, "not a regular file")
            _os_lock(handle)
            if sys.platform != "win32" and not _same_file(handle, path):
                os.close(handle)  # locked a file a leaving showroom had just deleted: again
                continue
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()}\n".encode("ascii"))  # for people; the lock is what counts
            return handle
        except BaseException:
            os.close(handle)
            raise
    raise OSError(errno.EAGAIN, "the lock file kept being replaced")


def unlock_file(path: Path, handle: int) -> None:
    """Let the lock go and delete the file (on POSIX while still locked, so nobody takes a file
    that is about to go; Windows cannot delete an open file: it is closed first)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(handle, 0, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
            os.close(handle)
            path.unlink(missing_ok=True)  # fails if the next showroom has opened it: fine
        else:
            path.unlink(missing_ok=True)
            os.close(handle)
    except OSError as error:
        log.warning("cannot remove the lock file %s: %s", path, error)


def _os_lock(handle: int) -> None:
    """The exclusive lock, without waiting; :class:`LockHeld` when another process has it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError as error:  # the C runtime says EACCES (or EDEADLOCK) when it is taken
            if error.errno in (errno.EACCES, errno.EDEADLK):
                raise LockHeld(str(error)) from None
            raise
        return
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        raise LockHeld(str(error)) from None


def _same_file(handle: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(handle)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def bring_to_front(window: QWidget, full_screen: bool) -> None:
    """Show ``window`` in front of everything (a second start asked for it)."""
    window.showFullScreen() if full_screen else window.showNormal()
    window.raise_()
    window.activateWindow()
