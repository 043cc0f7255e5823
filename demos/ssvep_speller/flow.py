"""The speller's trial flow as a Qt-free state machine: events in, actions out.

One trial: CUE (the key to copy gets a yellow frame for ``cue_s``; the display's refresh rate is
measured meanwhile) → FLICKER (the widget reports the first frame, the flow announces the flicker
onset cue and polls the decoder) → FEEDBACK (the chosen key turns green, or red when it was not
the cued one, for ``feedback_s``) → the next trial. A copy task ends in FINISHED with a summary;
free spelling runs until stopped. The calibrated mode runs a calibration block first (every key
cued ``calibration_blocks`` times) and fits ensemble TRCA on it.

The widget calls one method per event (:meth:`SpellerFlow.start`, :meth:`~SpellerFlow.timer_elapsed`,
:meth:`~SpellerFlow.onset`, :meth:`~SpellerFlow.poll`, ...) and carries out the returned actions:
announce a cue, start or stop the flicker, start the phase timer, start or stop polling, show a
prompt, mark keys, log a record. Everything else it draws from the flow's state (phase, run, plan).

Pauses: the visitor's stop button, the shell's interrupt (a touch, the flicker time limit, the
headset lost), no EEG arriving during a flicker, a display too slow for the layout, and
``unsure_limit`` "not sure" answers in a row (a visitor staring at a key that the decoder cannot
tell deserves a break and a kind word, not an endless loop).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, StrEnum

import numpy as np

from demos.base import DemoSettings
from demos.ssvep_speller.layouts import Layout, Task
from demos.ssvep_speller.processing import FBCCA, EnsembleTRCA
from demos.ssvep_speller.processing import Decision as Choice
from demos.ssvep_speller.session import (
    Calibration,
    OnlineDecoder,
    OnsetReader,
    Outcome,
    SpellingRun,
    TrialRecord,
    calibrated_stopping_rule,
    decimation_for,
)
from demos.ssvep_speller.settings import (
    CALIBRATION_BLOCKS,
    CALIBRATION_TRIAL_S,
    CUE_S,
    FEEDBACK_S,
    UNSURE_LIMIT,
)
from drivers import cues
from drivers.cues import StopReason
from drivers.roles import Role
from drivers.stream.readers import Stream

NO_SIGNAL_GRACE_S = 1.5  # an onset marker that has not shown up by then means no data is coming


class Phase(Enum):
    IDLE = "idle"  # nothing runs; the visitor may choose a layout and task
    CUE = "cue"
    FLICKER = "flicker"
    FEEDBACK = "feedback"
    PAUSED = "paused"  # a run is open; Continue resumes it
    FINISHED = "finished"  # a copy task is done; its summary is shown


class Block(Enum):
    CALIBRATION = "calibration"
    SPELLING = "spelling"


class Mark(Enum):
    CUED = "cued"
    CHOSEN = "chosen"
    WRONG = "wrong"


class Prompt(StrEnum):
    """What the visitor reads above the keys (the widget translates each)."""

    READY = "ready"
    CALIBRATING = "calibrating"  # values: trial number, trials
    LOOK_AT_FRAME = "look-at-frame"
    LOOK_AT_CHOICE = "look-at-choice"
    GOT_IT = "got-it"
    WRONG_KEY = "wrong-key"
    UNSURE = "unsure"
    UNSURE_STREAK = "unsure-streak"
    SIGNAL_GAP = "signal-gap"
    STOPPED = "stopped"
    NO_SIGNAL = "no-signal"
    DISPLAY_TOO_SLOW = "display-too-slow"
    WELL_DONE = "well-done"
    SUMMARY = "summary"


@dataclass(frozen=True)
class Plan:
    """What the visitor chose: a layout, a copy task (None: free spelling), calibrated or not."""

    layout: Layout
    task: Task | None = None
    calibrated: bool = False


@dataclass(frozen=True)
class Options:
    """The speller's settings, typed (read once per visit)."""

    cue_s: float = CUE_S.default
    feedback_s: float = FEEDBACK_S.default
    calibration_blocks: int = CALIBRATION_BLOCKS.default
    calibration_trial_s: float = CALIBRATION_TRIAL_S.default
    unsure_limit: int = UNSURE_LIMIT.default

    @classmethod
    def from_settings(cls, settings: DemoSettings) -> Options:
        """The demo's stored settings, each kept within what makes sense for a visitor."""
        return cls(
            cue_s=CUE_S.read(settings),
            feedback_s=FEEDBACK_S.read(settings),
            calibration_blocks=CALIBRATION_BLOCKS.read(settings),
            calibration_trial_s=CALIBRATION_TRIAL_S.read(settings),
            unsure_limit=UNSURE_LIMIT.read(settings),
        )


# --- actions ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Announce:
    cue: cues.Cue
    at: float | None = None


@dataclass(frozen=True)
class StartFlicker:
    frequencies: np.ndarray
    phases: np.ndarray


@dataclass(frozen=True)
class StopFlicker:
    """Stop the flicker now; the widget writes the frame timing of what was shown into ``trial``."""

    trial: TrialRecord


@dataclass(frozen=True)
class Wait:
    seconds: float


@dataclass(frozen=True)
class Poll:
    on: bool


@dataclass(frozen=True)
class Say:
    prompt: Prompt
    values: tuple = ()


@dataclass(frozen=True)
class ShowMarks:
    marks: dict[int, Mark] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveRecord:
    record: dict


Action = Announce | StartFlicker | StopFlicker | Wait | Poll | Say | ShowMarks | SaveRecord


class SpellerFlow:
    """One visitor's speller: plan, runs, calibration and the decoders, without a screen."""

    def __init__(
        self,
        stream: Stream,
        options: Options = Options(),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.options = options
        self.clock = clock
        self.channels = stream.channels_with_role(Role.OCCIPITAL, Role.PARIETAL)
        self.decimation = decimation_for(stream.sampling_rate)
        self.decoding_rate = stream.sampling_rate / self.decimation
        self.phase = Phase.IDLE
        self.block: Block | None = None
        self.plan: Plan | None = None
        self.run: SpellingRun | None = None
        self.calibration: Calibration | None = None
        self.trca: EnsembleTRCA | None = None  # fitted on ``trca_layout`` in this visit
        self.trca_layout: str | None = None
        self.online: OnlineDecoder | None = None
        self.cued: int | None = None
        self.last: TrialRecord | None = None
        self.unsure_in_a_row = 0
        self.records: list[dict] = []
        self._reader = OnsetReader(self.channels, stream.sampling_rate, decimation=self.decimation)
        self._trial_started = 0.0
        self._deadline = 0.0

    # --- what the widget reads ------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A trial is under way (cue, flicker or feedback): the visitor's choices are locked."""
        return self.phase in (Phase.CUE, Phase.FLICKER, Phase.FEEDBACK)

    @property
    def decoder_name(self) -> str:
        return "TRCA" if self.online is not None and self.online.decoder is self.trca else "FBCCA"

    @property
    def selected_task(self) -> Task | None:
        return self.plan.task if self.plan else None

    # --- events ---------------------------------------------------------------------------------------
    def choose(self, plan: Plan) -> list[Action]:
        """The visitor picked a layout or task. Outside a trial it replaces the plan; a paused or
        finished run is closed (its record kept) and the next Start begins afresh."""
        if self.busy:
            return []
        actions = self._close_run() if self.phase in (Phase.PAUSED, Phase.FINISHED) else []
        if self.plan is not None and plan.layout.name != self.plan.layout.name:
            self.calibration = None
        self.plan = plan
        self.phase = Phase.IDLE
        return [*actions, ShowMarks(), Say(Prompt.READY)]

    def start(self) -> list[Action]:
        """Start with the current plan: a fresh run (empty text), after calibration if needed."""
        if self.plan is None or self.busy:
            return []
        actions = self._close_run() if self.phase in (Phase.PAUSED, Phase.FINISHED) else []
        plan = self.plan
        if plan.calibrated and (self.trca is None or self.trca_layout != plan.layout.name):
            self.calibration = Calibration(
                plan.layout,
                blocks=self.options.calibration_blocks,
                trial_s=self.options.calibration_trial_s,
            )
            self.block = Block.CALIBRATION
        else:
            self._new_run()
        return [*actions, *self._next_trial()]

    def continue_(self) -> list[Action]:
        """Carry on after a pause, at the same key of the same run."""
        if self.phase is not Phase.PAUSED:
            return []
        self.unsure_in_a_row = 0
        return self._next_trial()

    def stop(self) -> list[Action]:
        """The visitor's stop button: end the trial now and pause."""
        return self._pause(Prompt.STOPPED, cue=cues.Stopped(StopReason.DEMO))

    def interrupted(self, reason: StopReason) -> list[Action]:
        """The shell stopped the visit (and announced the stop itself): pause without a cue."""
        prompt = Prompt.NO_SIGNAL if reason is StopReason.SIGNAL else Prompt.STOPPED
        return self._pause(prompt, cue=None)

    def start_over(self) -> list[Action]:
        """Clear the text and go back to the start (the plan stays)."""
        actions = self._end_trial(cues.Stopped(StopReason.DEMO)) if self.phase is Phase.FLICKER else []
        actions += self._close_run()
        self.phase = Phase.IDLE
        return [*actions, Poll(False), ShowMarks(), Say(Prompt.READY)]

    def timer_elapsed(self, refresh_hz: float | None = None) -> list[Action]:
        """The cue or the feedback time is over (``refresh_hz``: the display as measured during the cue)."""
        if self.phase is Phase.FEEDBACK:
            return self._next_trial()
        if self.phase is not Phase.CUE:
            return []
        layout = self._layout
        if refresh_hz and layout.problems_at(refresh_hz):
            actions = self._close_run()
            self.phase = Phase.IDLE
            return [*actions, ShowMarks(), Say(Prompt.DISPLAY_TOO_SLOW)]
        cursor, marker = self.stream.total_samples, self._onset_cue().code
        if self.block is Block.CALIBRATION:
            self._reader.begin(cursor, marker)
            longest_s = self.calibration.trial_s
        else:
            self.online.begin(cursor, marker)
            longest_s = self.online.rule.max_s
        self.phase = Phase.FLICKER
        self._deadline = self.clock() + longest_s + NO_SIGNAL_GRACE_S
        return [ShowMarks(), StartFlicker(layout.frequencies, layout.phases), Poll(True)]

    def onset(self, at: float) -> list[Action]:
        """The first flicker frame reached the screen at wall-clock time ``at``."""
        if self.phase is not Phase.FLICKER:
            return []
        return [Announce(self._onset_cue(), at)]

    def poll(self) -> list[Action]:
        """Read what arrived during the flicker: a decision, a complete calibration trial, a gap."""
        if self.phase is not Phase.FLICKER:
            return []
        if self.block is Block.CALIBRATION:
            data = self._reader.read(self.stream)
            if self._reader.broken:
                return self._signal_gap()
            if data.shape[1] >= round(self.calibration.trial_s * self.decoding_rate):
                return self._calibration_trial_done(data)
        else:
            choice = self.online.poll(self.stream)
            if self.online.broken:
                return self._signal_gap()
            if choice is not None:
                return self._decided(choice)
        if self.clock() > self._deadline:
            return self._pause(Prompt.NO_SIGNAL, cue=cues.Stopped(StopReason.SIGNAL))
        return []

    def leave(self) -> list[Action]:
        """The demo leaves the screen: stop everything and keep the run's record."""
        actions = self._end_trial(cues.Stopped(StopReason.DEMO)) if self.phase is Phase.FLICKER else []
        actions += self._close_run()
        self.phase = Phase.IDLE
        return [*actions, Poll(False)]

    # --- trial steps ----------------------------------------------------------------------------------
    @property
    def _layout(self) -> Layout:
        assert self.plan is not None
        return self.plan.layout

    def _onset_cue(self) -> cues.FlickerOnset:
        layout = self._layout
        if self.cued is None:
            targets = tuple(cues.Target(key.frequency_hz, key.phase_rad) for key in layout.keys)
            return cues.FlickerOnset(targets=targets)
        key = layout.keys[self.cued]
        return cues.FlickerOnset(self.cued, key.frequency_hz, key.phase_rad)

    def _new_run(self) -> None:
        plan = self.plan
        assert plan is not None
        self.run = SpellingRun(plan.layout, plan.task)
        self.block = Block.SPELLING
        self.unsure_in_a_row = 0
        self.last = None
        if plan.calibrated and self.trca is not None and self.trca_layout == plan.layout.name:
            rule = calibrated_stopping_rule(plan.layout.stopping, self.trca.template_s)
            self.online = OnlineDecoder(self.trca, self.channels, rule, decimation=self.decimation)
        else:
            decoder = FBCCA(plan.layout.frequencies, self.decoding_rate, mains_hz=self.stream.mains_hz)
            self.online = OnlineDecoder(
                decoder, self.channels, plan.layout.stopping, decimation=self.decimation
            )
        self.online.prepare()

    def _next_trial(self) -> list[Action]:
        if self.block is Block.CALIBRATION:
            if self.calibration.done:
                return self._finish_calibration()
            self.cued = self.calibration.next_cue
            prompt = Say(
                Prompt.CALIBRATING, (len(self.calibration.windows) + 1, len(self.calibration.sequence))
            )
        else:
            if self.run.finished:
                return self._finish_run()
            self.cued = self.run.next_cue
            prompt = Say(Prompt.LOOK_AT_FRAME if self.cued is not None else Prompt.LOOK_AT_CHOICE)
        self.phase = Phase.CUE
        self._trial_started = self.clock()
        marks = {self.cued: Mark.CUED} if self.cued is not None else {}
        return [ShowMarks(marks), prompt, Wait(self.options.cue_s)]

    def _end_trial(self, cue: cues.Cue | None, outcome: Outcome = Outcome.INTERRUPTED) -> list[Action]:
        """Stop the flicker; the trial's record (filled in by the caller and the widget)."""
        trial = TrialRecord(self.cued, outcome)
        trial.seconds = self.clock() - self._trial_started
        self.last = trial
        actions: list[Action] = [Poll(False), StopFlicker(trial)]
        if cue is not None:
            actions.append(Announce(cue))
        return actions

    def _decided(self, choice: Choice) -> list[Action]:
        accepted = choice.confidence >= self._layout.stopping.accept
        actions = self._end_trial(cues.Decision(choice.target if accepted else None, choice.confidence))
        trial = self.last
        trial.outcome = Outcome.TYPED if accepted else Outcome.UNSURE
        trial.target, trial.confidence, trial.window_s = choice.target, choice.confidence, choice.window_s
        self.run.add(trial)
        if accepted:
            self.unsure_in_a_row = 0
            right = self.cued is None or choice.target == self.cued
            actions += [
                ShowMarks({choice.target: Mark.CHOSEN if right else Mark.WRONG}),
                Say(Prompt.GOT_IT if right else Prompt.WRONG_KEY),
            ]
        else:
            self.unsure_in_a_row += 1
            if self.unsure_in_a_row >= self.options.unsure_limit:
                self.phase = Phase.PAUSED
                return [*actions, ShowMarks(), Say(Prompt.UNSURE_STREAK)]
            actions += [ShowMarks(), Say(Prompt.UNSURE)]
        self.phase = Phase.FEEDBACK
        return [*actions, Wait(self.options.feedback_s)]

    def _signal_gap(self) -> list[Action]:
        """Samples were lost (or arrived broken) during the flicker: decide nothing, ask again."""
        actions = self._end_trial(cues.Stopped(StopReason.SIGNAL), Outcome.SIGNAL_GAP)
        if self.block is Block.SPELLING:
            self.run.add(self.last)
        self.phase = Phase.FEEDBACK
        return [*actions, ShowMarks(), Say(Prompt.SIGNAL_GAP), Wait(self.options.feedback_s)]

    def _calibration_trial_done(self, data: np.ndarray) -> list[Action]:
        actions = self._end_trial(cues.FlickerEnd())
        self.calibration.add(data)
        self.phase = Phase.FEEDBACK
        return [*actions, ShowMarks(), Wait(self.options.feedback_s)]

    def _finish_calibration(self) -> list[Action]:
        """Fit the calibrated decoder and go straight on to spelling with it."""
        calibration, self.calibration = self.calibration, None
        try:
            self.trca = calibration.fit(self.decoding_rate, self.stream.mains_hz)
            self.trca_layout = calibration.layout.name
        except Exception:  # a failed fit must not end the visit: the training-free decoder works
            self.trca = self.trca_layout = None
            self.plan = Plan(self._layout, self.plan.task, calibrated=False)
        self._new_run()
        return self._next_trial()

    def _finish_run(self) -> list[Action]:
        self.phase = Phase.FINISHED
        actions: list[Action] = [ShowMarks()]
        summary = self.run.summary()
        if self.run.task is None or summary.selections == 0:
            actions.append(Say(Prompt.WELL_DONE))
        else:
            actions.append(Say(Prompt.SUMMARY, (summary, self.run)))
        return [*actions, *self._save_record()]

    def _pause(self, prompt: Prompt, cue: cues.Cue | None) -> list[Action]:
        if self.phase not in (Phase.CUE, Phase.FLICKER, Phase.FEEDBACK):
            return []
        actions = self._end_trial(cue) if self.phase is Phase.FLICKER else [Poll(False)]
        if self.phase is Phase.FLICKER and self.block is Block.SPELLING:
            self.run.add(self.last)
        self.phase = Phase.PAUSED
        return [*actions, ShowMarks(), Say(prompt)]

    def _save_record(self) -> list[Action]:
        if self.run is None or not self.run.trials:
            return []
        record = self.run.record()
        record["decoder"] = self.decoder_name
        self.records.append(record)
        return [SaveRecord(record)]

    def _close_run(self) -> list[Action]:
        """Forget the open run (saving its record unless a finished run saved it already)."""
        actions = self._save_record() if self.run is not None and not self.run.finished else []
        self.run = None
        self.calibration = None
        self.block = None
        self.cued = None
        return actions
