"""A visitor's way through the kiosk, and the idle clock that ends it, as Qt-free state machines.

attract → consent → menu ⇄ demo → thank-you → attract. Any screen returns to attract when nobody
touched the kiosk for the idle timeout: the demo is stopped and everything of the visitor is purged
(their results, the consent box, the language they chose), so the next visitor starts clean.

:class:`VisitorFlow` turns events into :class:`Step` actions that
:class:`app.visitor.visit.VisitController` carries out; :class:`IdleClock` decides when the visitor
has gone. Neither imports Qt, so both are tested without a display and with a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from app.config import IDLE_TIMEOUT
from drivers import cues

#: A cue that starts a task the visitor does without touching (look at a key, imagine a hand, sit
#: with the eyes closed, play a round) holds the idle clock until the cue that ends it — but never
#: longer than this (s): a demo that forgot its end cue still returns to attract in the end.
LONGEST_TASK_S = 180.0


class Screen(Enum):
    ATTRACT = "attract"
    CONSENT = "consent"
    MENU = "menu"
    DEMO = "demo"
    THANKS = "thanks"


class Step(Enum):
    SHOW = "show"  # put ``screen`` on screen
    CLOSE_DEMO = "close-demo"  # stop the demo and delete its widget
    START_VISIT = "start-visit"  # a new visitor: count it
    END_VISIT = "end-visit"  # the visitor left (``reason``): count it
    PURGE = "purge"  # forget everything of the visitor in every widget; back to the default language


@dataclass(frozen=True)
class Action:
    step: Step
    screen: Screen | None = None
    reason: str = ""


@dataclass
class Visit:
    """What the thank-you screen shows: each demo's one-line result (a function that says it in the
    current language), in the order played."""

    results: dict[str, Callable[[], str]] = field(default_factory=dict)


def _show(screen: Screen) -> Action:
    return Action(Step.SHOW, screen)


class VisitorFlow:
    """Which screen a kiosk visitor sees, from the events of the visit."""

    def __init__(self) -> None:
        self.screen = Screen.ATTRACT
        self.visit: Visit | None = None

    def start(self) -> list[Action]:
        """The kiosk opens: the attract screen, nobody visiting."""
        self.screen = Screen.ATTRACT
        return [_show(Screen.ATTRACT)]

    def touched_attract(self) -> list[Action]:
        if self.screen is not Screen.ATTRACT:
            return []
        self.screen = Screen.CONSENT
        self.visit = Visit()
        return [Action(Step.START_VISIT), _show(Screen.CONSENT)]

    def consent_given(self) -> list[Action]:
        if self.screen is not Screen.CONSENT:
            return []
        self.screen = Screen.MENU
        return [_show(Screen.MENU)]

    def consent_declined(self) -> list[Action]:
        if self.screen is not Screen.CONSENT:
            return []
        return self._leave("declined", thank=False)

    def demo_opened(self) -> list[Action]:
        if self.screen is not Screen.MENU:
            return []
        self.screen = Screen.DEMO
        return [_show(Screen.DEMO)]

    def demo_left(self) -> list[Action]:
        """Back to the menu from a demo (its back button, or the demo failed)."""
        if self.screen is not Screen.DEMO:
            return []
        self.screen = Screen.MENU
        return [Action(Step.CLOSE_DEMO), _show(Screen.MENU)]

    def skip_to_menu(self) -> list[Action]:
        """A visit that starts at the menu (``--demo`` opens one straight away)."""
        if self.screen is not Screen.ATTRACT:
            return []
        self.screen = Screen.MENU
        self.visit = Visit()
        return [Action(Step.START_VISIT), _show(Screen.MENU)]

    def result(self, demo_id: str, result: Callable[[], str]) -> None:
        """A demo reported the visitor's result (the latest one per demo is kept for the thank-you)."""
        if self.visit is not None:
            self.visit.results.pop(demo_id, None)  # re-played: goes to the end, in the order played
            self.visit.results[demo_id] = result

    def finished(self) -> list[Action]:
        """The visitor pressed "I'm done" on the menu or in a demo."""
        if self.screen not in (Screen.MENU, Screen.DEMO):
            return []
        actions = [Action(Step.CLOSE_DEMO)] if self.screen is Screen.DEMO else []
        self.screen = Screen.THANKS
        return [*actions, Action(Step.END_VISIT, reason="finished"), _show(Screen.THANKS)]

    def thanks_done(self) -> list[Action]:
        """The thank-you screen was touched or its time ran out."""
        if self.screen is not Screen.THANKS:
            return []
        self.screen = Screen.ATTRACT
        self.visit = None
        return [Action(Step.PURGE), _show(Screen.ATTRACT)]

    def idle(self) -> list[Action]:
        """Nobody touched the kiosk for the idle timeout: back to attract from anywhere."""
        if self.screen is Screen.ATTRACT:
            return []
        if self.screen is Screen.THANKS:
            return self.thanks_done()
        return self._leave("idle", thank=False)

    def _leave(self, reason: str, *, thank: bool) -> list[Action]:
        actions = [Action(Step.CLOSE_DEMO)] if self.screen is Screen.DEMO else []
        self.screen = Screen.THANKS if thank else Screen.ATTRACT
        self.visit = None
        return [*actions, Action(Step.END_VISIT, reason=reason), Action(Step.PURGE), _show(self.screen)]


#: Cues that start a hands-off task, and the cues that end it.
TASK_STARTS = (cues.FlickerOnset, cues.Imagery, cues.Fixation)
TASK_ENDS = (cues.FlickerEnd, cues.Decision, cues.Stopped)


def opens_task(cue: cues.Cue) -> bool:
    """Whether the visitor now does something without touching the screen until an ending cue."""
    if isinstance(cue, cues.Imagery) and cue.side is cues.Side.REST:
        return False  # the rest after a trial, and after the last one
    if isinstance(cue, cues.BaselinePhase):
        return cue.phase is not cues.Baseline.END
    if isinstance(cue, cues.Round):
        return cue.mode is not cues.RoundMode.END
    return isinstance(cue, TASK_STARTS)


def closes_task(cue: cues.Cue) -> bool:
    if isinstance(cue, cues.Imagery) and cue.side is cues.Side.REST:
        return True
    if isinstance(cue, cues.BaselinePhase):
        return cue.phase is cues.Baseline.END
    if isinstance(cue, cues.Round):
        return cue.mode is cues.RoundMode.END
    return isinstance(cue, TASK_ENDS)


class IdleClock:
    """When the visitor has gone: ``timeout_s`` after the last touch or key, or after the last cue.

    A visitor spelling with their eyes, imagining a hand or playing a 60 s focus round touches
    nothing; the demo's cues say so. A cue that opens such a task holds the clock until the cue that
    closes it (at most :data:`LONGEST_TASK_S`), and every cue counts as activity.
    """

    def __init__(self, timeout_s: float = IDLE_TIMEOUT.default) -> None:
        self.timeout_s = timeout_s
        self._last_activity = 0.0
        self._task_since: float | None = None

    def reset(self, now: float) -> None:
        """A touch, a key, a new screen: the visitor is here."""
        self._last_activity = now
        self._task_since = None

    def touched(self, now: float) -> None:
        self._last_activity = now

    def cue(self, cue: cues.Cue, now: float) -> None:
        self._last_activity = now
        if opens_task(cue):
            self._task_since = now
        elif closes_task(cue):
            self._task_since = None

    def hold(self, now: float) -> None:
        """Something the visitor waits through without touching (the signal check while staff fit
        the headset) has begun: like a task, for at most :data:`LONGEST_TASK_S`."""
        if self._task_since is None:
            self._task_since = now

    def release(self, now: float) -> None:
        """What :meth:`hold` waited for is over: the clock counts from now."""
        self.reset(now)

    def deadline(self) -> float:
        """When the visitor counts as gone, unless something happens before."""
        if self._task_since is not None:
            return max(self._last_activity + self.timeout_s, self._task_since + LONGEST_TASK_S)
        return self._last_activity + self.timeout_s

    def expired(self, now: float) -> bool:
        return now >= self.deadline()
