"""Kiosk mode's guards: visitors cannot leave, only one showroom runs, staff get in by a hidden gesture.

- :class:`KioskGuard` (an application-wide event filter) swallows Esc, and keeps the window full
  screen and in front: when it loses focus or full screen, or is minimised, it takes them back (and
  looks every 2 s, for what no event announced). The window itself
  refuses to close (Alt+F4, the close button) unless staff quit from their console.
- It also reports every touch, click and key (``sigActivity``: the idle clock) and a long press in
  the top-left corner (``sigUnlockGesture``: the staff PIN pad).
- :class:`SingleInstance`: a lock file beside the settings file; a second start of the same
  showroom finds it, asks the first to come to the front over a local socket, and exits.

What Qt cannot stop (Ctrl+Alt+Del, the Windows key, Alt+Tab to another program) is the operating
system's job: the README's Windows kiosk deployment (Shell Launcher or assigned access) does it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QLockFile, QObject, QPoint, QRect, Qt, QTimer, Signal
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
        if self._lost_full_screen() and not self._regain_timer.isActive():
            self.regain()


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
    """One showroom per settings file: a lock file, and a wake-up file to call the running one.

    Another configuration (``--settings`` elsewhere: tests, an engineer's second copy) has its own
    lock. A lock left by a crashed showroom is stale and taken over (QLockFile checks the process).
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
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # a lock is stale only when its process is gone, never by age
        self._poll = QTimer(self)
        self._poll.setInterval(WAKE_POLL_MS)
        self._poll.timeout.connect(self._check_wake)

    def acquire(self) -> bool:
        """True: this is the only showroom (it now watches for wake-ups). False: another runs."""
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.error(
                "cannot create the folder of the lock file %s (%s); running unlocked", self.lock_path, error
            )
            return True
        if not self._lock.tryLock(100):
            if self._lock.error() is QLockFile.LockError.LockFailedError:
                return False  # another showroom holds it
            # Not another showroom: a lock file that cannot be written. Refusing to start would
            # leave the kiosk dark (and the watchdog reads exit code 0 as "staff quit").
            log.error(
                "cannot create the lock file %s (%s); running unlocked", self.lock_path, self._lock.error()
            )
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
        self._lock.unlock()

    def _check_wake(self) -> None:
        if self.wake_path.exists():
            self.wake_path.unlink(missing_ok=True)
            log.info("a second start asked the showroom to come to the front")
            self.sigWake.emit()


def bring_to_front(window: QWidget, full_screen: bool) -> None:
    """Show ``window`` in front of everything (a second start asked for it)."""
    window.showFullScreen() if full_screen else window.showNormal()
    window.raise_()
    window.activateWindow()
