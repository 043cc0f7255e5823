"""The real app on the virtual visitor, for scripts that drive it outside pytest (benchmarks, Xvfb runs)."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.bootstrap import build_showroom, start
from app.i18n import LanguageManager
from app.main_window import MainWindow
from app.settings import AppSettings
from drivers.boards.profiles import find_profile

#: The staff PIN of the kiosks tests and scripts open: with the factory PIN a kiosk asks staff to
#: choose a new PIN before it serves visitors (the tests of that step set none).
KIOSK_PIN = "864213"


@functools.cache
def kiosk_pin_hash() -> str:
    """:data:`KIOSK_PIN` as the settings file stores it (hashed once per process: ~65 ms)."""
    from app.pin import hash_pin

    return hash_pin(KIOSK_PIN)


def open_app(
    app: QApplication, profile: str = "virtual_visitor", *, settings: dict | None = None, kiosk: bool = False
) -> tuple[MainWindow, LanguageManager]:
    """The main window at 1280 x 860 with its acquisition streaming, settings in a fresh folder
    (``settings`` written there first; a kiosk gets :data:`KIOSK_PIN` unless they hold a PIN), built
    by the app's own composition root.

    The caller stops it: ``window.host.close_demo(); window.acquisition.stop()``.
    """
    stored = AppSettings(Path(tempfile.mkdtemp()) / "settings.ini")
    staff_pin = {"kiosk/pin_hash": kiosk_pin_hash()} if kiosk else {}
    for key, value in {"signal_check/enabled": False, **staff_pin, **(settings or {})}.items():
        stored.set_value(key, value)
    showroom = build_showroom(find_profile(profile), language="en", settings=stored, kiosk=kiosk)
    showroom.window.resize(1280, 860)
    start(showroom)
    return showroom.window, showroom.languages


def wait(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Process events until ``condition()`` holds or the time is up; whether it holds."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(20)
    # A timer of its own, stopped on the way out: QTimer.singleShot(ms, callable) would stay pending
    # for the whole timeout and keeps ~60 B per call for good (the kiosk soak calls this 2,000 times).
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(round(timeout_s * 1000))
    loop.exec()
    timer.stop()
    deadline.stop()
    return bool(condition())


def enter_demo(window: MainWindow, demo_id: str, timeout_s: float = 10.0) -> QWidget:
    """Open a demo as a visitor does: accept the photosensitivity warning if the shell shows it,
    and wait until the demo runs (a decoding demo waits for the headset). Returns its widget."""
    from app.demo_gate import Phase

    if not window.open_demo_by_id(demo_id):
        raise RuntimeError(f"demo {demo_id} did not open: {window.message_banner.text()}")
    if window.host.phase is Phase.WARNING:
        window.host.continue_visit()
    if not wait(lambda: window.host.phase is Phase.RUNNING, timeout_s):
        raise RuntimeError(f"demo {demo_id} did not start ({window.host.phase.value})")
    return window.host.demo_widget
