"""The shell's safety policies around one demo, as a small Qt-free state machine.

Every demo gets them without a line of its own, from what its :class:`~demos.base.Requirements`
declare and the cues it announces:

- a demo that **flickers** starts only after the visitor accepted the photosensitivity warning;
  from its first flicker (a :class:`~drivers.cues.FlickerOnset` cue) to the end of its run (the
  demo says when: :meth:`~demos.base.Demo.in_flicker_run`), any touch, click or key pauses it at
  once, between two flickers too; a flicker that runs too long stops at the flicker time limit;
- a demo that **decodes** does not start while the headset sends nothing: the visitor reads why
  and waits; if the headset drops out mid-visit the demo is paused the same way;
- with ``checks`` (the kiosk's signal check), a decoding demo starts only after the signal check
  passed or staff overrode it, once per opening.

The gate turns events (opened, warning accepted or declined, stream up or down, cue, touch, limit,
continue) into :class:`Step` actions; :class:`app.demo_host.DemoHost` only carries them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from drivers import cues
from drivers.cues import StopReason


class Phase(Enum):
    WARNING = "warning"  # the photosensitivity warning is up
    WAITING = "waiting"  # a decoding demo waits for the headset
    CHECKING = "checking"  # the signal check runs before a decoding demo starts
    RUNNING = "running"  # the demo is on screen
    STOPPED = "stopped"  # the shell paused the demo; the visitor may continue
    CLOSED = "closed"


class Step(Enum):
    SHOW_WARNING = "show-warning"
    SHOW_WAITING = "show-waiting"
    SHOW_STOPPED = "show-stopped"
    SHOW_CHECK = "show-check"  # the signal check page, checking the live signal
    STOP_CHECK = "stop-check"
    START_DEMO = "start-demo"  # build and start it (once)
    SHOW_DEMO = "show-demo"
    INTERRUPT_DEMO = "interrupt-demo"  # stop its stimuli now, and put a Stopped cue in the stream
    RESUME_DEMO = "resume-demo"
    WATCH_FLICKER = "watch-flicker"  # catch every touch and key; arm the flicker time limit
    FLICKER_ENDED = "flicker-ended"  # disarm the limit; keep catching touches until the run is over
    UNWATCH_FLICKER = "unwatch-flicker"
    BACK_TO_MENU = "back-to-menu"


#: Cues after which no flicker is on screen any more.
FLICKER_ENDS = (cues.FlickerEnd, cues.Decision, cues.Stopped)


@dataclass(frozen=True)
class Action:
    step: Step
    reason: StopReason | None = None


class DemoGate:
    """What the shell shows and does around one opened demo."""

    def __init__(self, *, flickers: bool, decodes: bool, checks: bool = False) -> None:
        self.flickers = flickers
        self.decodes = decodes
        self.checks = checks and decodes
        self.checked = False
        self.phase = Phase.CLOSED
        self.started = False
        self.flickering = False
        #: A flicker ended and the demo may start the next one by itself: a touch still pauses it.
        self.between_flickers = False
        self.streaming = False
        #: Why the demo was last stopped by the shell (shown on the "stopped" page).
        self.stop_reason: StopReason | None = None

    # --- events -----------------------------------------------------------------------------------
    def open(self, streaming: bool) -> list[Action]:
        self.streaming = streaming
        if self.flickers:
            self.phase = Phase.WARNING
            return [Action(Step.SHOW_WARNING)]
        return self._start_when_ready()

    def warning_accepted(self) -> list[Action]:
        if self.phase is not Phase.WARNING:
            return []
        return self._start_when_ready()

    def warning_declined(self) -> list[Action]:
        if self.phase is not Phase.WARNING:
            return []
        self.phase = Phase.CLOSED
        return [Action(Step.BACK_TO_MENU)]

    def check_passed(self) -> list[Action]:
        """The signal check passed, or staff chose to start anyway."""
        if self.phase is not Phase.CHECKING:
            return []
        self.checked = True
        return [Action(Step.STOP_CHECK), *self._start_when_ready()]

    def check_left(self) -> list[Action]:
        """The visitor went back to the menu from the signal check."""
        if self.phase is not Phase.CHECKING:
            return []
        self.phase = Phase.CLOSED
        return [Action(Step.STOP_CHECK), Action(Step.BACK_TO_MENU)]

    def stream_changed(self, streaming: bool) -> list[Action]:
        was, self.streaming = self.streaming, streaming
        if not self.decodes or was == streaming:
            return []
        if not streaming and self.phase is Phase.CHECKING:
            self.phase = Phase.WAITING
            return [Action(Step.STOP_CHECK), Action(Step.SHOW_WAITING)]
        if streaming and self.phase is Phase.WAITING:
            if not self.started:
                return self._start_when_ready()
            self.phase = Phase.STOPPED  # the visitor chooses when to go on
            return [Action(Step.SHOW_STOPPED)]
        if not streaming and self.phase in (Phase.RUNNING, Phase.STOPPED):
            actions = self._interrupt(StopReason.SIGNAL) if self.phase is Phase.RUNNING else []
            self.stop_reason = StopReason.SIGNAL  # what the page says when the headset is back
            self.phase = Phase.WAITING
            return [*actions, Action(Step.SHOW_WAITING)]
        return []

    def cue(self, cue: cues.Cue) -> list[Action]:
        """A cue the demo announced: a flicker onset arms stop-on-touch and the time limit; its end
        disarms the limit only (the demo's next flicker may come in a moment, see :meth:`run_over`)."""
        if isinstance(cue, cues.FlickerOnset) and self.phase is Phase.RUNNING and not self.flickering:
            self.flickering, self.between_flickers = True, False
            return [Action(Step.WATCH_FLICKER)]
        if isinstance(cue, FLICKER_ENDS) and self.flickering:
            self.flickering, self.between_flickers = False, True
            return [Action(Step.FLICKER_ENDED)]
        return []

    def run_over(self) -> list[Action]:
        """Between flickers, the demo's run turned out to be over: touches are ordinary again."""
        if not self.between_flickers:
            return []
        self.between_flickers = False
        return [Action(Step.UNWATCH_FLICKER)]

    def touched(self) -> list[Action]:
        """A touch, click or key during a flicker run (a flicker or the pause between two)."""
        if not (self.flickering or self.between_flickers):
            return []
        self.phase = Phase.STOPPED
        return [*self._interrupt(StopReason.TOUCH), Action(Step.SHOW_STOPPED)]

    def limit_reached(self) -> list[Action]:
        """The flicker ran for the longest continuous time allowed."""
        if not self.flickering:
            return []
        self.phase = Phase.STOPPED
        return [*self._interrupt(StopReason.LIMIT), Action(Step.SHOW_STOPPED)]

    def continue_(self) -> list[Action]:
        """The visitor chose to go on after a stop."""
        if self.phase is not Phase.STOPPED:
            return []
        if self.decodes and not self.streaming:
            self.phase = Phase.WAITING
            return [Action(Step.SHOW_WAITING)]
        self.phase = Phase.RUNNING
        return [Action(Step.SHOW_DEMO), Action(Step.RESUME_DEMO)]

    def close(self) -> list[Action]:
        actions = [Action(Step.UNWATCH_FLICKER)] if self.flickering or self.between_flickers else []
        if self.phase is Phase.CHECKING:
            actions.append(Action(Step.STOP_CHECK))
        self.flickering = self.between_flickers = False
        self.phase = Phase.CLOSED
        return actions

    # --- internals --------------------------------------------------------------------------------
    def _start_when_ready(self) -> list[Action]:
        if self.decodes and not self.streaming:
            self.phase = Phase.WAITING
            return [Action(Step.SHOW_WAITING)]
        if self.checks and not self.checked:
            self.phase = Phase.CHECKING
            return [Action(Step.SHOW_CHECK)]
        self.phase = Phase.RUNNING
        self.started = True
        return [Action(Step.START_DEMO), Action(Step.SHOW_DEMO)]

    def _interrupt(self, reason: StopReason) -> list[Action]:
        self.stop_reason = reason
        actions = [Action(Step.INTERRUPT_DEMO, reason)]
        if self.flickering or self.between_flickers:
            self.flickering = self.between_flickers = False
            actions.insert(0, Action(Step.UNWATCH_FLICKER))
        return actions
