"""The real app on the virtual visitor, for scripts that drive it outside pytest (benchmarks, Xvfb runs)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from app.i18n import LanguageManager
from app.main_window import MainWindow
from app.settings import AppSettings
from demos.registry import discover_demos
from drivers.acquisition import Acquisition
from drivers.profiles import find_profile


def open_app(app: QApplication, profile: str = "virtual_visitor") -> tuple[MainWindow, LanguageManager]:
    """The main window at 1280 x 860 with its acquisition streaming, settings in a fresh folder.

    The caller stops it: ``window.host.close_demo(); window.acquisition.stop()``.
    """
    acquisition = Acquisition(find_profile(profile))
    languages = LanguageManager(app)
    settings = AppSettings(Path(tempfile.mkdtemp()) / "settings.ini")
    window = MainWindow(acquisition, discover_demos(), languages, settings)
    window.resize(1280, 860)
    window.show()
    acquisition.start()
    return window, languages


def wait(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Process events until ``condition()`` holds or the time is up; whether it holds."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(20)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return bool(condition())
