"""The composition root: the one place the showroom is assembled from its parts.

The command line, ``--self-test`` and the tests all build the app here, so an option cannot be
parsed in one place and forgotten in another (``--kiosk`` once was: the window opened as a normal
desktop window with the rehearsal keys live).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import __version__
from app.i18n import LANGUAGES, LanguageManager, default_language, install_cjk_fallback
from app.main_window import MainWindow
from app.settings import AppSettings
from demos.registry import DemoEntry, discover_demos
from drivers.acquisition import Acquisition
from drivers.profiles import BoardProfile

log = logging.getLogger(__name__)


@dataclass
class Showroom:
    """Everything one running showroom is made of; :meth:`close` takes it down in order."""

    app: QApplication
    window: MainWindow
    acquisition: Acquisition
    languages: LanguageManager
    settings: AppSettings

    def close(self) -> None:
        """Stop the demo, then the acquisition (it releases the board), then close the window."""
        self.window.host.close_demo()
        self.acquisition.stop()
        self.window.close()


def qt_application(name: str = "bci-showroom") -> QApplication:
    """The process's QApplication, made once, with the names QSettings and the log folder use."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(name)
    app.setOrganizationName("BCI Showroom")
    app.setApplicationVersion(__version__)
    return app


def build_showroom(
    profile: BoardProfile,
    *,
    language: str | None = None,
    settings: AppSettings | Path | None = None,
    kiosk: bool = False,
    entries: Sequence[DemoEntry] | None = None,
    acquisition: Acquisition | None = None,
) -> Showroom:
    """Assemble the showroom on ``profile`` (not started, not shown).

    ``language`` wins over the remembered one; ``settings`` is an :class:`AppSettings`, a file, or
    None for the user's settings file; ``entries`` replaces the discovered demos (tests);
    ``acquisition`` replaces the profile's own (tests stand a simulated board in for hardware).
    """
    app = qt_application() if QApplication.instance() is None else QApplication.instance()
    install_cjk_fallback(app)
    if not isinstance(settings, AppSettings):
        settings = AppSettings(settings)
    languages = LanguageManager(app)
    chosen = language or settings.value("language", "") or default_language()
    languages.set_language(chosen if chosen in LANGUAGES else default_language())
    acquisition = acquisition or Acquisition(profile)
    window = MainWindow(
        acquisition,
        discover_demos() if entries is None else entries,
        languages,
        settings,
        kiosk=kiosk,
    )
    return Showroom(app, window, acquisition, languages, settings)


def start(showroom: Showroom, demo_id: str | None = None) -> None:
    """Start streaming, put the window on screen, and open ``demo_id`` if given."""
    showroom.acquisition.start()
    window = showroom.window
    window.present()
    log.info(
        "window on screen: kiosk=%s full_screen=%s menu_bar=%s rehearsal_keys=%s staff_controls=%s",
        window.kiosk,
        window.isFullScreen(),
        window.menuBar().isVisible(),
        window.rehearsal is not None,
        window.staff_mode,
    )
    if demo_id:
        window.open_demo_by_id(demo_id)
