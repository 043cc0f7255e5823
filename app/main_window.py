"""The main window: the visitor's pages, the demo menu and host, the staff's pages, in one stack.

On a desktop it opens on the menu, with a menu bar (language, staff console, help). In kiosk mode
it shows the visitor's pages as :mod:`app.visitor.visit` follows the visitor flow (attract →
consent → menu → demo → thank-you, back to attract when the visitor has gone), refuses to close or
leave full screen (:mod:`app.visitor.kiosk`), and opens the staff console only after the hidden
gesture and the staff PIN. The headsets (:mod:`app.headsets`) feed the status bar and the demos.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.banner import OverlayBanner
from app.config import LANGUAGE, LANGUAGES, MAX_FLICKER, SIGNAL_CHECK, STAFF_MODE
from app.demo_host import DemoHost
from app.errors import friendly_message, raised_in
from app.headsets import Headsets, stop_acquisitions
from app.i18n import LanguageManager, stored_language
from app.menu import DemoMenu
from app.pin import PinLock, is_factory_pin
from app.pin_pad import NewPinPad, PinPad
from app.rehearsal import RehearsalKeys, describe, key_help_text
from app.resources import icon
from app.settings import AppSettings
from app.staff_console.console import StaffConsole
from app.staff_console.menu_order import menu_entries
from app.status import board_display_name
from app.style import SHOWROOM_STYLE
from app.usage import USAGE_FILE, UsageLog
from app.visitor.attract import AttractPage
from app.visitor.intro import ConsentPage
from app.visitor.kiosk import KioskGuard
from app.visitor.thanks import ThanksPage
from app.visitor.visit import VisitController
from demos.base import DemoContext
from demos.kit.i18n import Retranslating, fill, translate
from demos.registry import DemoEntry
from drivers import cues
from drivers.acquisition.worker import Acquisition, AcquisitionState
from drivers.boards.profiles import BoardProfile

log = logging.getLogger(__name__)
MESSAGE_SHOWN_MS = 10_000
#: The thank-you screen goes back to attract by itself after this long (s).
THANKS_SHOWN_S = 15


class MainWindow(Retranslating, QMainWindow):
    """The showroom's one window. In kiosk mode: full screen, no menu bar, no rehearsal keys, no
    staff controls; a visitor's keys can do nothing but what the screen offers.

    ``second_acquisition`` is the second headset when staff configured one (the duel): its status
    shows beside the first one's, demos get its stream as ``context.second_stream``, and every cue
    reaches both headsets. The rehearsal keys steer the first visitor only.
    """

    def __init__(
        self,
        acquisition: Acquisition,
        entries: Sequence[DemoEntry],
        languages: LanguageManager,
        settings: AppSettings,
        *,
        kiosk: bool = False,
        second_acquisition: Acquisition | None = None,
    ) -> None:
        super().__init__()
        self.languages = languages
        self.settings = settings
        self.kiosk = kiosk
        #: Every discovered demo; the menu shows them in the order and selection staff chose.
        self.entries = list(entries)
        self.staff_mode = not kiosk and bool(STAFF_MODE.read(settings))
        self.log_path: Path | None = None
        self.usage = UsageLog(settings.data_folder / USAGE_FILE)
        self.setWindowIcon(icon("app.svg"))
        self.setStyleSheet(SHOWROOM_STYLE)
        self.resize(1280, 800)
        if kiosk:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self._closing_allowed = not kiosk
        self._closed = False
        # Windows shutting down or logging off asks every window to close: a kiosk must let it.
        QApplication.instance().commitDataRequest.connect(self._allow_closing)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message_banner = OverlayBanner(central)  # over the page: a banner moves no control
        self.message_banner.setObjectName("messageBanner")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_banner.hide)

        #: The headsets: the first one (staff may change its board) and the duel's second one.
        self.headsets = Headsets(acquisition, second_acquisition, self.statusBar(), self)
        self.stack = QStackedWidget()
        self.menu = DemoMenu(menu_entries(self.entries, settings))
        self.menu.set_montage(acquisition.profile.roles)
        self.menu.sigDemoChosen.connect(self.open_demo)
        self.menu.sigLanguageToggle.connect(self.toggle_language)
        checking = SIGNAL_CHECK.read(settings)
        self.host = DemoHost(
            self.announce,
            self.headsets.headset_text,
            self.max_flicker_s(),
            signal_source=(lambda: (self.acquisition.stream, self.acquisition.profile.mains_hz))
            if checking
            else None,
        )
        self.host.allow_check_override(not kiosk)
        self.host.sigBackToMenu.connect(self.show_menu)
        self.host.sigFailed.connect(self.show_message)

        # The visitor's pages (kiosk mode) and the staff's.
        self.attract = AttractPage()
        self.consent = ConsentPage()
        self.thanks = ThanksPage(countdown_s=THANKS_SHOWN_S)
        self.pin_pad = PinPad(PinLock(settings, factory_opens=not kiosk))
        self.pin_pad.sigUnlocked.connect(self._unlocked)
        self.pin_pad.sigCancelled.connect(self.leave_staff_pages)
        #: Where staff choose a new PIN: a kiosk's first step while the factory PIN is in use, and
        #: after an unlock with a PIN too short or guessable.
        self.new_pin_pad = NewPinPad(settings)
        self.new_pin_pad.sigPinSet.connect(self._new_pin_chosen)
        self.console: StaffConsole | None = None  # built the first time staff open it
        for page in (self.attract, self.consent, self.menu, self.host, self.thanks, self.pin_pad):
            self.stack.addWidget(page)
        self.stack.addWidget(self.new_pin_pad)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._page_before_staff: QWidget | None = None

        self.guard = KioskGuard(self, protect=kiosk)
        self.guard.sigUnlockGesture.connect(self.ask_for_pin)
        self.consent.sigLanguageToggle.connect(self.toggle_language)
        #: The visit: the visitor flow in kiosk mode, the idle clock, the usage sessions.
        self.visit = VisitController(
            self.stack,
            attract=self.attract,
            consent=self.consent,
            menu=self.menu,
            host=self.host,
            thanks=self.thanks,
            usage=self.usage,
            entries=self.entries,
            settings=settings,
            kiosk=kiosk,
            forget_visitor=self._forget_visitor,
            close_staff_pages=self._close_staff_pages,
            parent=self,
        )
        self.guard.sigActivity.connect(self.visit.touched)
        if self._needs_new_pin():
            self._ask_for_new_pin()

        self.headsets.sigState.connect(self._on_acquisition_state)
        self.headsets.sigBoardError.connect(self._on_board_error)
        self._show_headset(acquisition)

        self.rehearsal: RehearsalKeys | None = None
        self.visitor_label = QLabel()
        if acquisition.visitor is not None and not kiosk:  # staff steer the virtual visitor by keyboard
            self.rehearsal = RehearsalKeys(self, acquisition.visitor, acquisition.stream)
            self.rehearsal.sigChanged.connect(self.visitor_label.setText)
            self.statusBar().addPermanentWidget(self.visitor_label)

        self._build_menu_bar()
        self.menuBar().setVisible(not kiosk)
        self.statusBar().setVisible(not kiosk)  # sampling rates are for staff: they see them in the console
        for staff_chrome in (self.menuBar(), self.statusBar()):  # a desktop's, read by staff, not visitors
            staff_chrome.setProperty("staffOnly", True)
        languages.sigLanguageChanged.connect(self._on_language_changed)
        self.retranslate()
        #: What staff must know (a damaged settings file, a stored board that failed), as functions
        #: that say it in the language of the moment. In a kiosk it waits atop the staff console.
        self._staff_notices: list[Callable[[], str]] = []
        if settings.problem is not None:
            self.tell_staff(self._settings_problem_text)

    def _show_headset(self, acquisition: Acquisition) -> None:
        """The first headset is ``acquisition``: its montage on the menu, its stream on attract."""
        self.menu.set_montage(acquisition.profile.roles)
        self.attract.set_stream(acquisition.stream)

    @property
    def acquisition(self) -> Acquisition:
        """The first headset's acquisition, the one every demo reads."""
        return self.headsets.acquisition

    @property
    def acquisitions(self) -> list[Acquisition]:
        """Every headset's acquisition: the first, and the second when there is one."""
        return self.headsets.acquisitions

    def present(self) -> None:
        """Show the window as its mode wants it: full screen in kiosk mode (sized to the screen
        first: without a window manager, full screen alone leaves the window at its own size)."""
        if self.kiosk:
            self.setGeometry(self.screen().geometry())
            self.showFullScreen()
        else:
            self.show()

    # --- demos ------------------------------------------------------------------------------------------
    def make_context(self, demo_id: str, cue: Callable[..., None]) -> DemoContext:
        second = self.headsets.second_acquisition
        return DemoContext(
            stream=self.acquisition.stream,
            cue=cue,
            settings=self.settings.for_demo(demo_id),
            logger=logging.getLogger(f"demos.{demo_id}"),
            language=lambda: self.languages.language,
            staff_mode=lambda: self.staff_mode,
            second_stream=None if second is None else second.stream,
            data_folder=self.settings.demo_folder(demo_id),
            report_result=lambda describe: self.visit.result(demo_id, describe),
        )

    def announce(self, cue: cues.Cue, at: float | None = None) -> None:
        """The shell's half of ``context.cue``: the idle clock hears it, every headset gets it, and
        the rehearsal keys' label says what the virtual visitor does now."""
        self.visit.cue(cue)
        self.headsets.announce(cue, at)
        if self.rehearsal is not None and self.acquisition.visitor is not None:
            self.visitor_label.setText(describe(self.acquisition.visitor.snapshot()))

    def open_demo(self, entry: DemoEntry) -> bool:
        if self.stack.currentWidget() is self.new_pin_pad:  # ``--demo`` on a kiosk with the factory PIN
            log.warning("demo %s not opened: the kiosk waits for staff to choose a new PIN", entry.key)
            return False
        self.visit.demo_chosen()
        self.visit.close_demo()
        streaming = self.acquisition.state is AcquisitionState.STREAMING
        if self.host.open(entry, self.acquisition.profile.roles, self.make_context, streaming):
            self.visit.demo_opened(entry.key)
            return True
        self.show_menu()
        return False

    def demo_failed(self, exc_traceback: TracebackType | None) -> bool:
        """An uncaught exception: if it came from the open demo's package (raised in its timer or
        slot, where the host cannot catch it), stop the demo and go back to the menu with an
        apology, and return True. False when no demo is open or the error was not the demo's."""
        demo = self.host.demo
        if demo is None or not raised_in(exc_traceback, type(demo).__module__.rpartition(".")[0]):
            return False
        log.error("demo %s failed; back to the menu", self.host.entry.key if self.host.entry else "?")
        self.show_menu()
        self.show_message(friendly_message("demo_failed"))
        return True

    def set_staff_mode(self, on: bool) -> None:
        """Staff controls on or off (never on in kiosk mode); remembered for the next start."""
        self.staff_mode = on and not self.kiosk
        STAFF_MODE.write(self.settings, self.staff_mode)
        self._staff_action.setChecked(self.staff_mode)
        self.host.set_staff_mode(self.staff_mode)

    def open_demo_by_id(self, demo_id: str) -> bool:
        for tile in self.menu.tiles:
            if tile.entry.key == demo_id:
                return self.open_demo(tile.entry)
        self.show_message(
            QCoreApplication.translate("MainWindow", "There is no demo called %1.").replace("%1", demo_id)
        )
        return False

    def show_menu(self) -> None:
        self.visit.back_to_menu()

    def max_flicker_s(self) -> float:
        """The flicker limit staff set (``safety/max_flicker_s``), within the allowed range."""
        return MAX_FLICKER.read(self.settings)

    # --- the visit (kiosk mode) -------------------------------------------------------------------------
    def _forget_visitor(self) -> None:
        """What the window keeps of the last visitor goes at the visit's purge: the PIN typed, any
        message, their language."""
        self.pin_pad.clear()
        self._message_timer.stop()
        self.message_banner.hide()
        self.message_banner.clear()
        self._use_default_language()

    def _close_staff_pages(self) -> None:
        """The visitor has gone: a dialog left open closes, and the staff's pages if on screen."""
        while (dialog := QApplication.activeModalWidget()) is not None:  # a file dialog left open
            dialog.close()
            if QApplication.activeModalWidget() is dialog:
                dialog.hide()
                break
        if self.stack.currentWidget() in (self.pin_pad, self.console, self.new_pin_pad):
            self.leave_staff_pages()

    def default_language(self) -> str:
        """The language each visitor starts in: the one staff chose, else the system's."""
        return stored_language(self.settings)

    def _use_default_language(self) -> None:
        if self.languages.language != self.default_language():  # reinstalling retranslates every widget
            self.languages.set_language(self.default_language())

    @property
    def _home_page(self) -> QWidget:
        """Where the window rests: the attract screen in a kiosk, the menu on a desktop."""
        return self.menu if self.visit.flow is None else self.attract

    # --- staff ------------------------------------------------------------------------------------------
    def ask_for_pin(self) -> None:
        """The hidden gesture: the PIN pad in kiosk mode (the new PIN's pad while the factory PIN
        is in use); on a desktop the console opens at once."""
        if self.stack.currentWidget() in (self.pin_pad, self.console, self.new_pin_pad):
            return
        if self._needs_new_pin():
            self._ask_for_new_pin()
            return
        if not self.kiosk:
            self.open_staff_console()
            return
        self._page_before_staff = self.stack.currentWidget()
        self.pin_pad.clear()
        self.stack.setCurrentWidget(self.pin_pad)
        self.visit.reset_idle()

    def _needs_new_pin(self) -> bool:
        """A kiosk does not serve visitors with the factory PIN (printed in the README)."""
        return self.kiosk and is_factory_pin(self.settings)

    def _ask_for_new_pin(self) -> None:
        """Staff choose a PIN first; the idle clock waits (no visitor is served meanwhile)."""
        log.warning("kiosk: the factory PIN is in use; staff must choose a new PIN before visitors come")
        self.visit.hold_for_staff()
        self.new_pin_pad.ask(replacing_weak=False)
        self.stack.setCurrentWidget(self.new_pin_pad)

    def _unlocked(self) -> None:
        """The right PIN: the console; first a new PIN when the one typed is too short or guessable
        (set before PINs had 6 digits: it falls to offline guessing). Staff who walk away from it
        are sent back by the idle clock, and asked again at their next unlock."""
        if not self.pin_pad.lock.weak_pin:
            self.open_staff_console()
            return
        log.warning("kiosk: the staff PIN is too short or guessable; staff are asked for a new one")
        self.new_pin_pad.ask(replacing_weak=True)
        self.stack.setCurrentWidget(self.new_pin_pad)
        self.visit.reset_idle()

    def _new_pin_chosen(self) -> None:
        """Staff chose their PIN: the console if they were unlocking, else (the first start) the
        kiosk serves visitors from the attract screen."""
        if self.new_pin_pad.replacing_weak:
            self.open_staff_console()
            return
        self.stack.setCurrentWidget(self.attract)
        self.visit.serve_visitors()

    def open_staff_console(self) -> None:
        self.host.allow_check_override(True)  # staff are here: they may start a demo anyway
        pads = (self.pin_pad, self.new_pin_pad)
        if self._page_before_staff is None or self.stack.currentWidget() not in pads:
            self._page_before_staff = self.stack.currentWidget()
        if self.console is None:
            self.console = StaffConsole(self)
            self.console.sigClose.connect(self.leave_staff_pages)
            self.console.sigQuit.connect(self.quit_showroom)
            self.stack.addWidget(self.console)
        self.console.show_notice("\n".join(say() for say in self._staff_notices))
        self.stack.setCurrentWidget(self.console)
        self.visit.reset_idle()
        log.info("staff console open")

    def leave_staff_pages(self) -> None:
        """Back to where the staff gesture was made (the visitor's screen, or the menu), with what
        staff changed in the console in force."""
        self.pin_pad.clear()
        self.new_pin_pad.clear()
        self.host.max_flicker_s = self.max_flicker_s()
        self.visit.settings_changed()
        page = self._page_before_staff
        self._page_before_staff = None
        if page is None or (page is self.host and self.host.gate is None):
            page = self._home_page
        if page is self.attract:
            self._use_default_language()  # the next visitor's, as staff may just have set it
        self.stack.setCurrentWidget(page)
        self.visit.reset_idle()

    def _allow_closing(self, *_session_manager: object) -> None:
        self._closing_allowed = True

    def quit_showroom(self) -> None:
        """Close the window for good, also in kiosk mode (staff quit, or the app shuts down)."""
        self._closing_allowed = True
        self.close()

    # The staff console's host (app.staff_console.host.StaffHost): -------------------------------------
    def board_problem_text(self) -> str | None:
        return self.headsets.board_problem_text()

    def apply_board(self, profile: BoardProfile) -> None:
        """Staff chose another board: stop the demo and the old headset, start the new one. Staff
        stay in the console; they return to the menu (or attract)."""
        if self.stack.currentWidget() in (self.pin_pad, self.console):  # staff stay where they are
            self.visit.restart_unseen()
            self._page_before_staff = self._home_page
        else:
            self.show_menu()
        replacement = self.headsets.replace(profile)
        self._show_headset(replacement)
        if self.rehearsal is not None:  # the keys steer the person in the new headset, if any
            self.rehearsal.visitor = replacement.visitor or self.rehearsal.visitor
            self.rehearsal.stream = replacement.stream
        self.visitor_label.setVisible(self.rehearsal is not None and replacement.visitor is not None)
        replacement.start()
        log.info("staff switched the board to %s", profile.key)

    def start_acquisition(self) -> None:
        self.headsets.start()

    def stop_acquisition(self) -> None:
        self.headsets.stop()

    def menu_changed(self) -> None:
        """Staff changed which demos the menu shows, or their order."""
        self.menu.set_entries(menu_entries(self.entries, self.settings))
        self.menu.set_montage(self.acquisition.profile.roles)

    def tell_staff(self, say: Callable[[], str]) -> None:
        """A notice for staff: on a desktop in the banner at once; in a kiosk atop the staff console
        only, since the banner is on the visitors' screen (it showed a file path on the attract page)."""
        self._staff_notices.append(say)
        if not self.kiosk:
            self.show_message(say())

    def show_message(self, text: str) -> None:
        """A friendly message at the top of the window that goes away by itself."""
        self.message_banner.setText(text)
        self.message_banner.show()
        self._message_timer.start(MESSAGE_SHOWN_MS)

    # --- language -----------------------------------------------------------------------------------------
    def toggle_language(self) -> None:
        codes = list(LANGUAGES)
        self.set_language(codes[(codes.index(self.languages.language) + 1) % len(codes)])

    def set_language(self, language: str) -> None:
        """Switch the language; on a desktop it is remembered, in kiosk mode it lasts one visit
        (staff choose the default in the console)."""
        self.languages.set_language(language)
        if not self.kiosk:
            LANGUAGE.write(self.settings, language)

    def _on_language_changed(self, language: str) -> None:
        for action in self._language_actions.actions():
            action.setChecked(action.data() == language)

    # --- chrome -----------------------------------------------------------------------------------------
    def _build_menu_bar(self) -> None:
        bar = self.menuBar()
        self._language_menu = bar.addMenu("")
        self._language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.languages.language)
            action.triggered.connect(lambda _checked=False, chosen=code: self.set_language(chosen))
            self._language_actions.addAction(action)
            self._language_menu.addAction(action)
        self._help_menu = bar.addMenu("")
        self._console_action = QAction(self)
        self._console_action.triggered.connect(self.open_staff_console)
        self._help_menu.addAction(self._console_action)
        self._staff_action = QAction(self, checkable=True)
        self._staff_action.setChecked(self.staff_mode)
        self._staff_action.toggled.connect(self.set_staff_mode)
        self._help_menu.addAction(self._staff_action)
        self._rehearsal_action = QAction(self)
        self._rehearsal_action.triggered.connect(self._show_rehearsal_keys)
        self._rehearsal_action.setVisible(self.rehearsal is not None)
        self._help_menu.addAction(self._rehearsal_action)
        self._about_action = QAction(self)
        self._about_action.triggered.connect(self._show_about)
        self._help_menu.addAction(self._about_action)

    def _show_rehearsal_keys(self) -> None:
        QMessageBox.information(
            self, QCoreApplication.translate("MainWindow", "Rehearsal keys"), key_help_text()
        )

    def _show_about(self) -> None:
        def translate(text: str) -> str:
            return QCoreApplication.translate("MainWindow", text)

        profile, rate = self.acquisition.profile, self.acquisition.layout.sampling_rate
        lines = [
            f"BCI Showroom {__version__}",
            translate("Brain-computer-interface demos for science-outreach showrooms."),
            fill(translate("Board: %1 (%2 Hz)"), board_display_name(profile), rate),
        ]
        second = self.headsets.second_acquisition
        if second is not None:
            lines.append(
                fill(
                    QCoreApplication.translate("MainWindow", "Player 2's board: %1 (%2 Hz)"),
                    board_display_name(second.profile),
                    second.layout.sampling_rate,
                )
            )
        lines += [
            translate("Log file: %1").replace("%1", str(self.log_path or "-")),
        ]
        QMessageBox.about(self, translate("About BCI Showroom"), "\n".join(lines))

    def _on_board_error(self, _error: object) -> None:
        """No data comes (the state may stay *connecting* while it retries): tiles grey till it streams."""
        self.menu.set_headset_down(True)
        self.host.refresh_headset_text()

    def _on_acquisition_state(self, state: str) -> None:
        current = AcquisitionState(state)
        # Tiles grey when the headset is lost or stopped and return when it streams; a reconnect
        # attempt (connecting) changes nothing, so they do not flicker while it retries.
        if current in (AcquisitionState.DISCONNECTED, AcquisitionState.STOPPED):
            self.menu.set_headset_down(True)
        elif current is AcquisitionState.STREAMING:
            self.menu.set_headset_down(False)
        self.host.stream_changed(current is AcquisitionState.STREAMING)
        self.host.refresh_headset_text()
        if current is AcquisitionState.DISCONNECTED and self.stack.currentWidget() is self.host:
            self.show_message(friendly_message("board"))
        elif current is AcquisitionState.STREAMING and self.message_banner.text() == friendly_message(
            "board"
        ):
            self._message_timer.stop()  # data flows again: the visitor should not read otherwise
            self.message_banner.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "BCI Showroom"))
        self._language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self._help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self._about_action.setText(QCoreApplication.translate("MainWindow", "&About BCI Showroom"))
        self._staff_action.setText(QCoreApplication.translate("MainWindow", "&Staff controls"))
        self._console_action.setText(translate("MainWindow", "Staff &console…"))
        self._rehearsal_action.setText(
            QCoreApplication.translate("MainWindow", "&Rehearsal keys (virtual visitor)")
        )
        if self.rehearsal is not None:
            self.visitor_label.setText(describe(self.rehearsal.state))
        other = [name for code, name in LANGUAGES.items() if code != self.languages.language]
        self.menu.set_language_button_text(" / ".join(other))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_allowed:  # Alt+F4, the close button: a visitor cannot leave the kiosk
            log.info("kiosk: refused to close the window")
            event.ignore()
            self.guard.regain()
            return
        if self._closed:  # closed before (a staff quit, then the app's own shutdown): all is let go
            super().closeEvent(event)
            return
        self._closed = True
        self.visit.end()  # a visit under way ends "closed"
        self.usage.close()  # its writer thread puts what waits into the file (2 s at most)
        stop_acquisitions(self.acquisitions)
        self.guard.remove()
        QApplication.instance().commitDataRequest.disconnect(self._allow_closing)
        super().closeEvent(event)

    def _settings_problem_text(self) -> str:
        problem = self.settings.problem
        assert problem is not None
        if problem.kind == "reset":
            return fill(
                translate(
                    "MainWindow",
                    "Staff: the settings file was damaged. It was saved as %1 and the showroom started "
                    "with default settings.",
                ),
                problem.path,
            )
        return fill(
            translate(
                "MainWindow",
                "Staff: the settings file %1 cannot be saved; changes last until the app closes.",
            ),
            problem.path,
        )
