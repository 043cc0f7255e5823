"""The main window: the visitor's pages, the demo menu and host, the staff's pages, in one stack.

On a desktop it opens on the menu, with a menu bar (language, staff console, help). In kiosk mode
it runs the visitor flow of :mod:`app.visitor.flow` (attract → consent → menu → demo → thank-you),
returns to attract when the visitor has gone, refuses to close or leave full screen
(:mod:`app.visitor.kiosk`), and opens the staff console only after the hidden gesture and the staff PIN.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
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
from app.demo_gate import Phase
from app.demo_host import DEFAULT_MAX_FLICKER_S, MAX_FLICKER_RANGE_S, MAX_FLICKER_SETTING, DemoHost
from app.errors import friendly_message, raised_in
from app.i18n import LANGUAGE_SETTING, LANGUAGES, LanguageManager, stored_language
from app.menu import DemoMenu
from app.pin import PinLock
from app.pin_pad import PinPad
from app.rehearsal import RehearsalKeys, describe, key_help_text
from app.resources import icon
from app.settings import AppSettings
from app.staff_console import StaffConsole, menu_entries
from app.status import PLAYER_TEXT, StatusPanel, board_display_name
from app.style import SHOWROOM_STYLE
from app.usage import USAGE_FILE, UsageLog
from app.visitor.attract import AttractPage
from app.visitor.flow import (
    DEFAULT_IDLE_TIMEOUT_S,
    IDLE_TIMEOUT_RANGE_S,
    IdleClock,
    Screen,
    VisitorFlow,
)
from app.visitor.flow import Action as FlowAction
from app.visitor.flow import Step as FlowStep
from app.visitor.intro import ConsentPage
from app.visitor.kiosk import KioskGuard
from app.visitor.thanks import ThanksPage
from demos.base import DemoContext
from demos.kit.i18n import Retranslating, fill, translate
from demos.registry import DemoEntry
from drivers import cues
from drivers.acquisition import Acquisition, AcquisitionState
from drivers.board_errors import describe_board_problem
from drivers.profiles import BoardProfile

log = logging.getLogger(__name__)
MESSAGE_SHOWN_MS = 10_000
#: The thank-you screen goes back to attract by itself after this long (s).
THANKS_SHOWN_S = 15
#: How often the idle clock is looked at (ms): a visitor gone for 60 s need not be caught to the ms.
IDLE_CHECK_MS = 500
#: The setting that turns the signal check before decoding demos off (engineers, tests).
SIGNAL_CHECK_SETTING = "signal_check/enabled"


def stop_acquisitions(acquisitions: Sequence[Acquisition]) -> None:
    """Stop every headset's acquisition at once: each may wait for a hanging board call, and two
    such waits side by side take no longer than one (quitting stays within the stop timeout)."""
    if len(acquisitions) == 1:
        acquisitions[0].stop()
        return
    with ThreadPoolExecutor(len(acquisitions), thread_name_prefix="stop-acquisition") as pool:
        list(pool.map(lambda acquisition: acquisition.stop(), acquisitions))


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
        self.acquisition = acquisition
        self.second_acquisition = second_acquisition
        self.languages = languages
        self.settings = settings
        self.kiosk = kiosk
        #: Every discovered demo; the menu shows them in the order and selection staff chose.
        self.entries = list(entries)
        self.staff_mode = not kiosk and bool(settings.value("staff_mode", False))
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
        self.message_banner = QLabel()
        self.message_banner.setObjectName("messageBanner")
        self.message_banner.setWordWrap(True)
        self.message_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_banner.hide()
        layout.addWidget(self.message_banner)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_banner.hide)

        self.stack = QStackedWidget()
        self.menu = DemoMenu(menu_entries(self.entries, settings))
        self.menu.set_montage(acquisition.profile.roles)
        self.menu.sigDemoChosen.connect(self.open_demo)
        self.menu.sigLanguageToggle.connect(self.toggle_language)
        checking = settings.value(SIGNAL_CHECK_SETTING, True)
        self.host = DemoHost(
            self.announce,
            self.headset_text,
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
        self.pin_pad = PinPad(PinLock(settings))
        self.pin_pad.sigUnlocked.connect(self.open_staff_console)
        self.pin_pad.sigCancelled.connect(self.leave_staff_pages)
        self.console: StaffConsole | None = None  # built the first time staff open it
        for page in (self.attract, self.consent, self.menu, self.host, self.thanks, self.pin_pad):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._page_before_staff: QWidget | None = None

        #: The visit in kiosk mode (None on a desktop: the window opens on the menu, never idles).
        self.visitor_flow = VisitorFlow() if kiosk else None
        self._visit_id: int | None = None
        #: The open demo's usage session: (demo id, session id, a result was reported).
        self._session: tuple[str, int, bool] | None = None
        #: The idle clock's time source (tests step a fake one instead of waiting a minute).
        self.clock: Callable[[], float] = time.monotonic
        self.idle = IdleClock(self.idle_timeout_s())
        self._held_by_check = False  # the idle clock waits while the signal check runs
        self.guard = KioskGuard(self, protect=kiosk)
        self.guard.sigActivity.connect(lambda: self.idle.touched(self.clock()))
        self.guard.sigUnlockGesture.connect(self.ask_for_pin)
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self.check_idle)
        self.attract.sigStart.connect(self._attract_touched)
        self.consent.sigAccepted.connect(lambda: self._follow_flow(self.visitor_flow.consent_given()))
        self.consent.sigDeclined.connect(lambda: self._follow_flow(self.visitor_flow.consent_declined()))
        self.consent.sigLanguageToggle.connect(self.toggle_language)
        self.menu.sigFinished.connect(self.finish_visit)
        self.host.sigFinished.connect(self.finish_visit)
        self.thanks.sigDone.connect(self._thanks_done)
        if self.visitor_flow is not None:
            self.menu.set_visitor_flow(True)
            self.host.set_visitor_flow(True)
            self._follow_flow(self.visitor_flow.start())
            self._idle_timer.start()
        else:
            self.stack.setCurrentWidget(self.menu)

        player_1, player_2 = PLAYER_TEXT if second_acquisition is not None else (None, None)
        self._player_1 = player_1
        self.status_panel = self._attach(acquisition)
        #: The second headset's status (None without one).
        self.second_status_panel = (
            self._status_panel_for(second_acquisition, player_2) if second_acquisition is not None else None
        )

        self.rehearsal: RehearsalKeys | None = None
        self.visitor_label = QLabel()
        if acquisition.visitor is not None and not kiosk:  # staff steer the virtual visitor by keyboard
            self.rehearsal = RehearsalKeys(self, acquisition.visitor, acquisition.stream)
            self.rehearsal.sigChanged.connect(self.visitor_label.setText)
            self.statusBar().addPermanentWidget(self.visitor_label)

        self._build_menu_bar()
        self.menuBar().setVisible(not kiosk)
        self.statusBar().setVisible(not kiosk)  # sampling rates are for staff: they see them in the console
        languages.sigLanguageChanged.connect(self._on_language_changed)
        self.retranslate()
        #: What staff must know (a damaged settings file, a stored board that failed), as functions
        #: that say it in the language of the moment. In a kiosk it waits atop the staff console.
        self._staff_notices: list[Callable[[], str]] = []
        if settings.problem is not None:
            self.tell_staff(self._settings_problem_text)

    def _attach(self, acquisition: Acquisition) -> StatusPanel:
        """Make ``acquisition`` the first headset: its status, its montage on the menu, its stream."""
        self.acquisition = acquisition
        panel = self._status_panel_for(acquisition, self._player_1)
        acquisition.sigState.connect(self._on_acquisition_state)
        acquisition.sigBoardError.connect(lambda _error: self.host.refresh_headset_text())
        self.menu.set_montage(acquisition.profile.roles)
        self.attract.set_stream(acquisition.stream)
        return panel

    def _detach(self, acquisition: Acquisition, panel: StatusPanel) -> None:
        """Disconnect the first headset staff replaced and take its status off the status bar."""
        for signal in (acquisition.sigState, acquisition.sigStats, acquisition.sigBoardError):
            signal.disconnect()
        for label in (panel.board_label, panel.rate_label, panel.lost_label, panel.integrity_label):
            self.statusBar().removeWidget(label)
            label.deleteLater()
        self.statusBar().removeWidget(panel.state_label)
        panel.state_label.deleteLater()
        panel.deleteLater()

    def _status_panel_for(self, acquisition: Acquisition, prefix: str | None) -> StatusPanel:
        """A status panel in the status bar, fed by ``acquisition``'s signals."""
        panel = StatusPanel(
            self.statusBar(), acquisition.profile, acquisition.layout.sampling_rate, prefix=prefix
        )
        acquisition.sigState.connect(panel.set_state)
        acquisition.sigStats.connect(panel.set_stats)
        acquisition.sigBoardError.connect(
            lambda error: panel.set_problem(describe_board_problem(error, acquisition.profile))
        )
        return panel

    @property
    def acquisitions(self) -> list[Acquisition]:
        """Every headset's acquisition: the first, and the second when there is one."""
        second = self.second_acquisition
        return [self.acquisition] if second is None else [self.acquisition, second]

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
        return DemoContext(
            stream=self.acquisition.stream,
            cue=cue,
            settings=self.settings.for_demo(demo_id),
            logger=logging.getLogger(f"demos.{demo_id}"),
            language=lambda: self.languages.language,
            staff_mode=lambda: self.staff_mode,
            second_stream=None if self.second_acquisition is None else self.second_acquisition.stream,
            data_folder=self.settings.demo_folder(demo_id),
            report_result=lambda describe: self._on_result(demo_id, describe),
        )

    def _on_result(self, demo_id: str, describe: Callable[[], str]) -> None:
        """A demo reported the visitor's result: the session counts as completed, and the
        thank-you screen will show it."""
        if self._session is not None and self._session[0] == demo_id:
            self._session = (*self._session[:2], True)
        self.idle.release(self.clock())  # a result on screen: whatever task came before is over
        if self.visitor_flow is not None:
            self.visitor_flow.result(demo_id, describe)

    def announce(self, cue: cues.Cue, at: float | None = None) -> None:
        """The shell's half of ``context.cue``: the marker into the stream of every headset, and
        each virtual visitor (where one wears a headset) does what the cue asks."""
        at = time.time() if at is None else at
        self.idle.cue(cue, self.clock())
        for acquisition in self.acquisitions:
            acquisition.insert_marker(cue.code, at)
            if acquisition.visitor is not None:
                acquisition.visitor.follow(cue, at)
        if self.rehearsal is not None and self.acquisition.visitor is not None:
            self.visitor_label.setText(describe(self.acquisition.visitor.snapshot()))
        log.info("cue %s", cue.text)

    def headset_text(self) -> str:
        """Why the headset sends nothing, in the current language (for the visitor and staff)."""
        problem = self.status_panel.problem_text()
        if problem is not None:
            return problem
        if self.acquisition.state is AcquisitionState.CONNECTING:
            return translate("MainWindow", "Connecting to the headset…")
        return friendly_message("board")

    def open_demo(self, entry: DemoEntry) -> bool:
        flow = self.visitor_flow
        if flow is not None and flow.screen is Screen.ATTRACT:
            self._follow_flow(flow.skip_to_menu())  # --demo: the visit starts in the demo
        self._close_demo()
        streaming = self.acquisition.state is AcquisitionState.STREAMING
        if self.host.open(entry, self.acquisition.profile.roles, self.make_context, streaming):
            self._session = (entry.key, self.usage.demo_started(entry.key, self._visit_id), False)
            if flow is not None:
                self._follow_flow(flow.demo_opened())
            else:
                self.stack.setCurrentWidget(self.host)
            return True
        self.show_menu()
        return False

    def _close_demo(self) -> None:
        """Stop the open demo (if any) and count its session."""
        self.host.close_demo()
        if self._session is not None:
            _demo_id, session_id, completed = self._session
            self._session = None
            self.usage.demo_ended(session_id, completed)

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
        self.settings.set_value("staff_mode", self.staff_mode)
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
        self._close_demo()
        flow = self.visitor_flow
        if flow is None:
            self.stack.setCurrentWidget(self.menu)
        elif flow.screen is Screen.DEMO:
            self._follow_flow(flow.demo_left())

    # --- the visit (kiosk mode) -------------------------------------------------------------------------
    def _follow_flow(self, actions: list[FlowAction], *, show: bool = True) -> None:
        """Carry out the flow's actions; ``show=False`` leaves the page on screen (staff's)."""
        pages = {
            Screen.ATTRACT: self.attract,
            Screen.CONSENT: self.consent,
            Screen.MENU: self.menu,
            Screen.DEMO: self.host,
            Screen.THANKS: self.thanks,
        }
        for action in actions:
            if action.step is FlowStep.SHOW and action.screen is not None and show:
                if action.screen is Screen.THANKS:
                    self.thanks.show_results(self._result_lines())  # it counts down to sigDone
                self.stack.setCurrentWidget(pages[action.screen])
                self.idle.reset(self.clock())
                log.info("visitor screen: %s", action.screen.value)
            elif action.step is FlowStep.CLOSE_DEMO:
                self._close_demo()
            elif action.step is FlowStep.START_VISIT:
                self._visit_id = self.usage.visit_started()
            elif action.step is FlowStep.END_VISIT:
                if self._visit_id is not None:
                    self.usage.visit_ended(self._visit_id, action.reason)
                self._visit_id = None
            elif action.step is FlowStep.PURGE:
                self._purge()

    def _result_lines(self) -> list[tuple[str, str]]:
        """The visit's results for the thank-you screen: (demo title, result), in the order played."""
        visit = self.visitor_flow.visit if self.visitor_flow is not None else None
        titles = {entry.key: entry.demo_class for entry in self.entries if entry.demo_class is not None}
        lines = []
        for demo_id, say in visit.results.items() if visit is not None else ():
            demo = titles.get(demo_id)
            try:
                line = say()
            except Exception:  # a demo's sentence must not keep the visitor from their thank-you
                log.exception("demo %s could not describe its result", demo_id)
                continue
            lines.append((translate(demo.translation_context, demo.title) if demo else demo_id, line))
        return lines

    def _purge(self) -> None:
        """Nothing of the last visitor stays: their results, their consent, their language, any
        message; the demo is already closed (its widget deleted)."""
        self.thanks.clear()
        self.consent.clear()
        self.pin_pad.clear()
        self.host.allow_check_override(not self.kiosk)
        self._message_timer.stop()
        self.message_banner.hide()
        self.message_banner.clear()
        self._use_default_language()
        log.info("visitor data purged")

    def _attract_touched(self) -> None:
        if self.visitor_flow is not None and self.stack.currentWidget() is self.attract:
            self._follow_flow(self.visitor_flow.touched_attract())

    def finish_visit(self) -> None:
        """The visitor pressed "I'm done": the thank-you screen with their results."""
        if self.visitor_flow is not None:
            self._follow_flow(self.visitor_flow.finished())

    def _thanks_done(self) -> None:
        if self.visitor_flow is not None:
            self._follow_flow(self.visitor_flow.thanks_done())

    def max_flicker_s(self) -> float:
        """The flicker limit staff set (``safety/max_flicker_s``), within the allowed range."""
        stored = self.settings.value(MAX_FLICKER_SETTING, DEFAULT_MAX_FLICKER_S)
        low, high = MAX_FLICKER_RANGE_S
        limit = min(high, max(low, stored))
        if limit != stored:
            log.warning(
                "setting %s=%g is outside %g-%g s; using %g", MAX_FLICKER_SETTING, stored, low, high, limit
            )
        return limit

    def idle_timeout_s(self) -> float:
        low, high = IDLE_TIMEOUT_RANGE_S
        stored = self.settings.value("kiosk/idle_timeout_s", DEFAULT_IDLE_TIMEOUT_S)
        return float(min(high, max(low, stored)))

    def check_idle(self) -> None:
        """Back to attract when the visitor has gone, from any screen (the staff's too)."""
        flow = self.visitor_flow
        if flow is None:
            return
        now = self.clock()
        checking = self.host.phase in (Phase.CHECKING, Phase.WAITING)
        if checking != self._held_by_check:  # staff fit the headset: nobody touches the screen
            self._held_by_check = checking
            self.idle.hold(now) if checking else self.idle.release(now)
        if flow.screen is Screen.ATTRACT and self.stack.currentWidget() is self.attract:
            return
        if not self.idle.expired(now):
            return
        log.info("nobody touched the kiosk for %g s: back to the start", self.idle.timeout_s)
        while (dialog := QApplication.activeModalWidget()) is not None:  # a file dialog left open
            dialog.close()
            if QApplication.activeModalWidget() is dialog:
                dialog.hide()
                break
        if self.stack.currentWidget() in (self.pin_pad, self.console):
            self.leave_staff_pages()
        actions = flow.idle()
        self._follow_flow(actions or [FlowAction(FlowStep.PURGE), FlowAction(FlowStep.SHOW, Screen.ATTRACT)])

    def default_language(self) -> str:
        """The language each visitor starts in: the one staff chose, else the system's."""
        return stored_language(self.settings)

    def _use_default_language(self) -> None:
        if self.languages.language != self.default_language():  # reinstalling retranslates every widget
            self.languages.set_language(self.default_language())

    @property
    def _home_page(self) -> QWidget:
        """Where the window rests: the attract screen in a kiosk, the menu on a desktop."""
        return self.menu if self.visitor_flow is None else self.attract

    # --- staff ------------------------------------------------------------------------------------------
    def ask_for_pin(self) -> None:
        """The hidden gesture: the PIN pad in kiosk mode; on a desktop the console opens at once."""
        if self.stack.currentWidget() in (self.pin_pad, self.console):
            return
        if not self.kiosk:
            self.open_staff_console()
            return
        self._page_before_staff = self.stack.currentWidget()
        self.pin_pad.clear()
        self.stack.setCurrentWidget(self.pin_pad)
        self.idle.reset(self.clock())

    def open_staff_console(self) -> None:
        self.host.allow_check_override(True)  # staff are here: they may start a demo anyway
        if self._page_before_staff is None or self.stack.currentWidget() is not self.pin_pad:
            self._page_before_staff = self.stack.currentWidget()
        if self.console is None:
            self.console = StaffConsole(self)
            self.console.sigClose.connect(self.leave_staff_pages)
            self.console.sigQuit.connect(self.quit_showroom)
            self.stack.addWidget(self.console)
        self.console.show_notice("\n".join(say() for say in self._staff_notices))
        self.stack.setCurrentWidget(self.console)
        self.idle.reset(self.clock())
        log.info("staff console open")

    def leave_staff_pages(self) -> None:
        """Back to where the staff gesture was made (the visitor's screen, or the menu), with what
        staff changed in the console in force."""
        self.pin_pad.clear()
        self.host.max_flicker_s = self.max_flicker_s()
        self.idle.timeout_s = self.idle_timeout_s()
        page = self._page_before_staff
        self._page_before_staff = None
        if page is None or (page is self.host and self.host.gate is None):
            page = self._home_page
        if page is self.attract:
            self._use_default_language()  # the next visitor's, as staff may just have set it
        self.stack.setCurrentWidget(page)
        self.idle.reset(self.clock())

    def _allow_closing(self, *_session_manager: object) -> None:
        self._closing_allowed = True

    def quit_showroom(self) -> None:
        """Close the window for good, also in kiosk mode (staff quit, or the app shuts down)."""
        self._closing_allowed = True
        self.close()

    # The staff console's host (app.staff_console.StaffHost): ---------------------------------------------
    def board_problem_text(self) -> str | None:
        """The first headset's problem in plain words (None while it streams or connects)."""
        if self.acquisition.state is AcquisitionState.STREAMING:
            return None
        return self.status_panel.problem_text()

    def apply_board(self, profile: BoardProfile) -> None:
        """Staff chose another board: stop the demo and the old headset, start the new one. Staff
        stay in the console; they return to the menu (or attract)."""
        if self.stack.currentWidget() in (self.pin_pad, self.console):  # staff stay where they are
            self._close_demo()
            self._page_before_staff = self._home_page
            if self.visitor_flow is not None and self.visitor_flow.screen is not Screen.ATTRACT:
                self._follow_flow(self.visitor_flow.idle(), show=False)  # a new headset: a new visit
        else:
            self.show_menu()
        old, panel = self.acquisition, self.status_panel
        old.stop()
        self._detach(old, panel)
        replacement = Acquisition(profile.with_mains(old.profile.mains_hz))
        self.status_panel = self._attach(replacement)
        if self.rehearsal is not None:  # the keys steer the person in the new headset, if any
            self.rehearsal.visitor = replacement.visitor or self.rehearsal.visitor
            self.rehearsal.stream = replacement.stream
        self.visitor_label.setVisible(self.rehearsal is not None and replacement.visitor is not None)
        replacement.start()
        log.info("staff switched the board to %s", profile.key)

    def start_acquisition(self) -> None:
        self.acquisition.start()

    def stop_acquisition(self) -> None:
        self.acquisition.stop()
        self.status_panel.set_state(AcquisitionState.STOPPED.value)
        self._on_acquisition_state(AcquisitionState.STOPPED.value)

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
            self.settings.set_value(LANGUAGE_SETTING, language)

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
        if self.second_acquisition is not None:
            second = self.second_acquisition
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

    def _on_acquisition_state(self, state: str) -> None:
        current = AcquisitionState(state)
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
        self._idle_timer.stop()
        self._close_demo()
        self.usage.end_open()  # a visit under way ends "closed"
        self._visit_id = None
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
