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
from app.config import APPLICATION, LANGUAGE, LANGUAGES, ORGANIZATION, SECOND_BOARD
from app.headsets import stop_acquisitions
from app.i18n import LanguageManager, install_cjk_fallback, stored_language
from app.main_window import MainWindow
from app.settings import AppSettings
from demos.kit.i18n import fill, translate
from demos.registry import DemoEntry, discover_demos
from drivers.acquisition.worker import Acquisition
from drivers.boards.board import layout_for
from drivers.boards.profiles import BoardProfile, find_profile, preflight
from drivers.simulation.virtual_visitor import VirtualVisitor

log = logging.getLogger(__name__)

#: The second person on the virtual visitor: another seed, and a weaker focus than the first's 0.9,
#: so a duel between the two has a winner.
SECOND_VISITOR_SEED, SECOND_VISITOR_FOCUS = 1, 0.7


@dataclass
class Showroom:
    """Everything one running showroom is made of; :meth:`close` takes it down in order."""

    app: QApplication
    window: MainWindow
    #: The first headset's acquisition at start; staff may replace it from the console, so code
    #: that runs later asks :attr:`acquisitions` (the window's current ones).
    acquisition: Acquisition
    languages: LanguageManager
    settings: AppSettings
    #: The second headset's acquisition when staff configured one (the duel), else None.
    second_acquisition: Acquisition | None = None

    @property
    def acquisitions(self) -> list[Acquisition]:
        """Every headset's acquisition: the first, and the second when there is one."""
        return self.window.acquisitions

    def close(self) -> None:
        """Stop the demo, then the acquisitions (they release the boards), then close the window."""
        self.window.host.close_demo()
        stop_acquisitions(self.acquisitions)
        self.window.quit_showroom()


def end_showroom(showroom: Showroom) -> None:
    """A stop from outside (SIGTERM, Ctrl+C, Windows logging off): the end staff quitting gives
    (the window closes: every open visit closed in the usage store, the headsets released within
    their stop timeout), then the event loop ends, a dialog's nested one too, with exit code 0."""
    showroom.window.quit_showroom()
    showroom.app.exit(0)


def qt_application(name: str = APPLICATION) -> QApplication:
    """The process's QApplication, made once, with the names QSettings and the log folder use."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(name)
    app.setOrganizationName(ORGANIZATION)
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
    second_profile: BoardProfile | None = None,
    second_acquisition: Acquisition | None = None,
) -> Showroom:
    """Assemble the showroom on ``profile`` (not started, not shown).

    ``language`` (``--lang``) wins over the remembered one and is remembered in its place: in a
    kiosk every visitor starts in it, not only the first. ``settings`` is an :class:`AppSettings`,
    a file, or None for the user's settings file; ``entries`` replaces the discovered demos (tests);
    ``acquisition`` replaces the profile's own (tests stand a simulated board in for hardware).

    A second headset (the duel) runs on ``second_profile`` (``--second-board``), else on the board
    :data:`~app.config.SECOND_BOARD` names, else there is none; ``second_acquisition`` replaces it
    (tests). It is in the same room as the first, so it uses the first's mains frequency. A stored
    board that cannot be used is logged and shown to staff, and the showroom starts with one headset.
    """
    app = qt_application() if QApplication.instance() is None else QApplication.instance()
    install_cjk_fallback(app)
    if not isinstance(settings, AppSettings):
        settings = AppSettings(settings)
    languages = LanguageManager(app)
    if language in LANGUAGES and LANGUAGE.read(settings) != language:
        LANGUAGE.write(settings, language)
    languages.set_language(language if language in LANGUAGES else stored_language(settings))
    acquisition = acquisition or Acquisition(profile)
    problem = None
    if second_acquisition is None:
        if second_profile is None:
            second_profile, problem = stored_second_profile(settings)
        if second_profile is not None:
            second_acquisition = second_acquisition_for(second_profile.with_mains(profile.mains_hz))
    window = MainWindow(
        acquisition,
        discover_demos() if entries is None else entries,
        languages,
        settings,
        kiosk=kiosk,
        second_acquisition=second_acquisition,
    )
    if problem is not None:
        message = translate(
            "MainWindow",
            "The second headset (setting duel/board) cannot be used: %1. Starting with one headset.",
        )
        window.show_message(fill(message, problem))
    return Showroom(app, window, acquisition, languages, settings, second_acquisition)


def stored_second_profile(settings: AppSettings) -> tuple[BoardProfile | None, str | None]:
    """The second headset's board as :data:`~app.config.SECOND_BOARD` names it, checked like
    ``--second-board``: (profile, None); (None, None) when the setting is empty or absent; and
    (None, why) when the stored value cannot be used, which never stops the showroom."""
    stored = SECOND_BOARD.read(settings).strip()
    if not stored:
        return None, None
    try:
        second = find_profile(stored)
        preflight(second)
        layout_for(second)
    except Exception as error:  # a hand-edited settings file must not keep the showroom from starting
        log.warning(
            "setting %s=%r cannot be used (%s); starting without the second headset",
            SECOND_BOARD.key,
            stored,
            error,
        )
        return None, str(error)
    return second, None


def second_acquisition_for(profile: BoardProfile) -> Acquisition:
    """The second headset's acquisition; on the virtual visitor, another person than the first."""
    log.info("second headset: %s", profile.key)
    if profile.source == "simulated":
        person = VirtualVisitor(seed=SECOND_VISITOR_SEED, focus=SECOND_VISITOR_FOCUS)
        acquisition = Acquisition(profile, visitor=person)
    else:
        acquisition = Acquisition(profile)
    acquisition.thread_name = f"acquisition-2-{profile.key}"  # the log tells the two headsets apart
    return acquisition


def start(showroom: Showroom, demo_id: str | None = None) -> None:
    """Start streaming (every headset), put the window on screen, and open ``demo_id`` if given."""
    for acquisition in showroom.acquisitions:
        acquisition.start()
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
