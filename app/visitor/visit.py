"""The visit as the window shows it: the flow followed on the page stack, and the visit's books.

:class:`VisitController` carries out what :class:`~app.visitor.flow.VisitorFlow` says (which page,
close the demo, count the visit, purge), runs the idle clock that sends a gone visitor's kiosk back
to attract, counts each demo's usage session, and collects the results for the thank-you page. On
a desktop there is no flow: the window rests on the menu, never idles, and only the usage sessions
are counted.

It holds the pages it shows, not the window: what else of the window a visitor leaves behind (a
message, the language, the PIN typed) and what staff left open when the visitor has gone come as
two functions, ``forget_visitor`` and ``close_staff_pages``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStackedWidget

from app.config import IDLE_TIMEOUT
from app.demo_gate import Phase
from app.demo_host import DemoHost
from app.menu import DemoMenu
from app.settings import AppSettings
from app.usage import UsageLog
from app.visitor.attract import AttractPage
from app.visitor.flow import Action as FlowAction
from app.visitor.flow import IdleClock, Screen, VisitorFlow
from app.visitor.flow import Step as FlowStep
from app.visitor.intro import ConsentPage
from app.visitor.thanks import ThanksPage
from demos.kit.i18n import translate
from demos.registry import DemoEntry
from drivers import cues

log = logging.getLogger(__name__)
#: How often the idle clock is looked at (ms): a visitor gone for 60 s need not be caught to the ms.
IDLE_CHECK_MS = 500
#: How often what demos promised to forget is looked at besides start and visits' ends (ms): a
#: name kept "until the end of the day" must go on a night nobody visits.
FORGET_CHECK_MS = 3_600_000


class VisitController(QObject):
    """Follows the visitor flow on ``stack`` (kiosk mode), or keeps the menu and the demo on it
    (``kiosk=False``), and counts visits and demo sessions in ``usage``.

    ``forget_visitor`` clears what the window keeps of a visitor beyond these pages;
    ``close_staff_pages`` takes staff's pages (and any dialog) off the screen when the visitor has
    gone. :attr:`clock` is the idle clock's time source (tests step a fake one).
    """

    def __init__(
        self,
        stack: QStackedWidget,
        *,
        attract: AttractPage,
        consent: ConsentPage,
        menu: DemoMenu,
        host: DemoHost,
        thanks: ThanksPage,
        usage: UsageLog,
        entries: Sequence[DemoEntry],
        settings: AppSettings,
        kiosk: bool,
        forget_visitor: Callable[[], None],
        close_staff_pages: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack = stack
        self.attract, self.consent, self.menu, self.host, self.thanks = attract, consent, menu, host, thanks
        self.usage = usage
        self.entries = entries
        self.settings = settings
        self.kiosk = kiosk
        self._forget_visitor = forget_visitor
        self._close_staff_pages = close_staff_pages
        #: The visit in kiosk mode (None on a desktop: the window opens on the menu, never idles).
        self.flow = VisitorFlow() if kiosk else None
        self._visit_id: int | None = None
        #: The open demo's usage session: (demo id, session id, a result was reported).
        self._session: tuple[str, int, bool] | None = None
        #: The idle clock's time source (tests step a fake one instead of waiting a minute).
        self.clock: Callable[[], float] = time.monotonic
        self.idle = IdleClock(self.idle_timeout_s())
        self._held_by_check = False  # the idle clock waits while the signal check runs
        self._held_for_staff = False  # and while staff must choose a PIN before visitors come
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)
        self._idle_timer.timeout.connect(self.check_idle)
        self._forget_timer = QTimer(self)
        self._forget_timer.setInterval(FORGET_CHECK_MS)
        self._forget_timer.timeout.connect(self.forget_expired)
        self._forget_timer.start()
        self.forget_expired()
        attract.sigStart.connect(self._attract_touched)
        consent.sigAccepted.connect(lambda: self._follow(self.flow.consent_given()))
        consent.sigDeclined.connect(lambda: self._follow(self.flow.consent_declined()))
        menu.sigFinished.connect(self.finish)
        host.sigFinished.connect(self.finish)
        thanks.sigDone.connect(self._thanks_done)
        if self.flow is not None:
            menu.set_visitor_flow(True)
            host.set_visitor_flow(True)
            self._follow(self.flow.start())
            self._idle_timer.start()
        else:
            stack.setCurrentWidget(menu)

    # --- the demos --------------------------------------------------------------------------------------
    def demo_chosen(self) -> None:
        """A demo is about to open: on the attract screen (``--demo``), the visit starts in it."""
        if self.flow is not None and self.flow.screen is Screen.ATTRACT:
            self._follow(self.flow.skip_to_menu())

    def demo_opened(self, demo_id: str) -> None:
        """The host opened ``demo_id``: its usage session starts, and it goes on screen."""
        self._session = (demo_id, self.usage.demo_started(demo_id, self._visit_id), False)
        if self.flow is not None:
            self._follow(self.flow.demo_opened())
        else:
            self.stack.setCurrentWidget(self.host)

    def close_demo(self) -> None:
        """Stop the open demo (if any) and count its session."""
        self.host.close_demo()
        if self._session is not None:
            _demo_id, session_id, completed = self._session
            self._session = None
            self.usage.demo_ended(session_id, completed)

    def back_to_menu(self) -> None:
        """The demo is over (its back button, it failed, or it could not open): the menu."""
        self.close_demo()
        if self.flow is None:
            self.stack.setCurrentWidget(self.menu)
        elif self.flow.screen is Screen.DEMO:
            self._follow(self.flow.demo_left())

    def restart_unseen(self) -> None:
        """Staff changed the headset from their pages: the demo stops and a visit under way ends,
        with nothing shown (staff stay where they are; they return to attract)."""
        self.close_demo()
        if self.flow is not None and self.flow.screen is not Screen.ATTRACT:
            self._follow(self.flow.idle(), show=False)  # a new headset: a new visit

    def result(self, demo_id: str, describe: Callable[[], str]) -> None:
        """A demo reported the visitor's result: the session counts as completed, and the
        thank-you screen will show it."""
        if self._session is not None and self._session[0] == demo_id:
            self._session = (*self._session[:2], True)
        self.idle.release(self.clock())  # a result on screen: whatever task came before is over
        if self.flow is not None:
            self.flow.result(demo_id, describe)

    # --- the flow ---------------------------------------------------------------------------------------
    def _follow(self, actions: list[FlowAction], *, show: bool = True) -> None:
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
                self.close_demo()
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
        visit = self.flow.visit if self.flow is not None else None
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
        """Nothing of the last visitor stays: their results, their consent, the window's message
        and their language (``forget_visitor``); the demo is already closed (its widget deleted);
        what demos keep is cut to what they promised (:meth:`forget_expired`)."""
        self.thanks.clear()
        self.consent.clear()
        self.host.allow_check_override(not self.kiosk)
        self._forget_visitor()
        self.forget_expired()
        log.info("visitor data purged")

    def forget_expired(self) -> None:
        """Every demo deletes what it promised to forget by now (``Demo.forget_expired``), unless
        one is open (it keeps its own promise while it runs). A demo that fails is logged; the
        others still forget."""
        if self.host.demo is not None:
            return
        for entry in self.entries:
            if entry.demo_class is None:
                continue
            demo_id = entry.demo_class.id
            try:
                entry.demo_class.forget_expired(
                    self.settings.demo_folder(demo_id), self.settings.for_demo(demo_id)
                )
            except Exception:
                log.exception("demo %s could not forget what it promised to forget", demo_id)

    def _attract_touched(self) -> None:
        if self.flow is not None and self.stack.currentWidget() is self.attract:
            self._follow(self.flow.touched_attract())

    def finish(self) -> None:
        """The visitor pressed "I'm done": the thank-you screen with their results."""
        if self.flow is not None:
            self._follow(self.flow.finished())

    def _thanks_done(self) -> None:
        if self.flow is not None:
            self._follow(self.flow.thanks_done())

    # --- the idle clock ---------------------------------------------------------------------------------
    def idle_timeout_s(self) -> float:
        return float(IDLE_TIMEOUT.read(self.settings))

    def settings_changed(self) -> None:
        """Staff may have changed the idle timeout."""
        self.idle.timeout_s = self.idle_timeout_s()

    def touched(self) -> None:
        """A touch, a click or a key somewhere in the window."""
        self.idle.touched(self.clock())

    def reset_idle(self) -> None:
        """Someone is here (a new page on screen): the idle clock counts from now."""
        self.idle.reset(self.clock())

    def cue(self, cue: cues.Cue) -> None:
        """A demo's cue: activity, and perhaps a task the visitor does without touching."""
        self.idle.cue(cue, self.clock())

    def check_idle(self) -> None:
        """Back to attract when the visitor has gone, from any screen (the staff's too)."""
        flow = self.flow
        if flow is None or self._held_for_staff:
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
        self._close_staff_pages()
        actions = flow.idle()
        self._follow(actions or [FlowAction(FlowStep.PURGE), FlowAction(FlowStep.SHOW, Screen.ATTRACT)])

    def hold_for_staff(self) -> None:
        """Staff must act before any visitor is served (a new PIN): the idle clock waits, so it
        cannot send the kiosk to the attract screen past them."""
        self._held_for_staff = True

    def serve_visitors(self) -> None:
        """After :meth:`hold_for_staff`: visitors may come, the idle clock counts from now."""
        self._held_for_staff = False
        self.reset_idle()

    def end(self) -> None:
        """The window closes: the idle clock stops, the demo closes, a visit under way ends "closed"."""
        self._idle_timer.stop()
        self.close_demo()
        self.usage.end_open()
        self._visit_id = None
