"""The speller's trial flow without Qt, driven as its widget drives it, on the virtual visitor.

A stand-in for the widget (:class:`Shell`) carries out the flow's actions on a fake clock: it
presents the first flicker frame (``flow.onset``), puts announced cues into the stream at their
moment (as the acquisition worker's marker placer does) and lets the virtual visitor follow them,
runs the phase timer and polls every 50 ms. Seconds of EEG take milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from demos.ssvep_speller.flow import (
    NO_SIGNAL_GRACE_S,
    Announce,
    Block,
    Mark,
    Options,
    Phase,
    Plan,
    Poll,
    Prompt,
    SaveRecord,
    Say,
    ShowMarks,
    SpellerFlow,
    StartFlicker,
    StopFlicker,
    Wait,
)
from demos.ssvep_speller.layouts import builtin_layouts
from demos.ssvep_speller.session import Calibration, Outcome
from drivers import cues
from drivers.cues import StopReason
from tests.virtual_stream import LiveStream

LAYOUTS = builtin_layouts()
KEYBOARD = LAYOUTS["keyboard40"]
PHRASES = LAYOUTS["phrases"]
HELLO, NAOJI = KEYBOARD.tasks[0], KEYBOARD.tasks[1]
POLL_S = 0.05  # the widget's poll timer
FIRST_FRAME_S = 1 / 60  # the first flicker frame reaches the screen a frame after StartFlicker


class Shell:
    """Does what ``SpellerWidget._do`` does with the flow's actions, on the fake clock."""

    def __init__(self, flow: SpellerFlow, live: LiveStream, refresh_hz: float = 60.0) -> None:
        self.flow, self.live = flow, live
        self.refresh_hz = refresh_hz
        self.actions: list = []  # every action the flow returned, in order
        self.onsets: list[float] = []  # every ``at`` given to flow.onset
        self.timer: float | None = None
        self.polling = False
        self.flickering = False

    def do(self, actions: list) -> list:
        for action in actions:
            self.actions.append(action)
            match action:
                case Announce(cue=cue, at=at):
                    self.cue(cue, at)
                case StartFlicker():
                    self.flickering = True
                    at = self.live.now + FIRST_FRAME_S
                    self.onsets.append(at)
                    self.do(self.flow.onset(at))
                case StopFlicker():
                    self.flickering = False
                case Wait(seconds=seconds):
                    self.timer = seconds
                case Poll(on=on):
                    self.polling = on
        if not self.flow.busy:
            self.timer = None
        return actions

    def cue(self, cue: cues.Cue, at: float | None = None) -> None:
        """``DemoContext.cue``: the cue's marker into the stream at ``at``; the visitor follows it."""
        at = self.live.now if at is None else at
        self.live.markers.request(cue.code, at)
        self.live.visitor.follow(cue, at)

    def interrupt(self, reason: StopReason) -> list:
        """The shell stops the visit: it announces the stop itself, then tells the flow."""
        self.cue(cues.Stopped(reason))
        return self.do(self.flow.interrupted(reason))

    def step(self) -> bool:
        """One timer event (a poll tick while polling, else the phase timer); False if none is due."""
        if self.polling:
            self.live.advance(POLL_S)
            self.do(self.flow.poll())
            return True
        if self.timer is not None:
            seconds, self.timer = self.timer, None
            self.live.advance(seconds)
            self.do(self.flow.timer_elapsed(refresh_hz=self.refresh_hz))
            return True
        return False

    def run_until(self, done: Callable[[], bool], limit_s: float = 60.0) -> None:
        end = self.live.now + limit_s
        while not done():
            assert self.live.now < end, f"not done within {limit_s} s (phase {self.flow.phase})"
            assert self.step(), f"nothing scheduled in phase {self.flow.phase}"

    def run_trials(self, n: int) -> None:
        """Until ``n`` more trials have ended (decided, unsure, interrupted, or a gap)."""
        stops = self.count(StopFlicker) + n
        self.run_until(lambda: self.count(StopFlicker) >= stops)

    # --- what happened ---------------------------------------------------------------------------------
    def count(self, kind: type) -> int:
        return sum(isinstance(action, kind) for action in self.actions)

    def announced(self, since: int = 0) -> list[cues.Cue]:
        return [action.cue for action in self.actions[since:] if isinstance(action, Announce)]

    def said(self, since: int = 0) -> list[Prompt]:
        return [action.prompt for action in self.actions[since:] if isinstance(action, Say)]

    def records(self, since: int = 0) -> list[dict]:
        return [action.record for action in self.actions[since:] if isinstance(action, SaveRecord)]


def speller(options: Options | None = None, seed: int = 11) -> tuple[SpellerFlow, Shell, LiveStream]:
    live = LiveStream(seed=seed)
    live.advance(1.0)  # the headset has been streaming for a while
    flow = SpellerFlow(live.stream, options or Options(), clock=lambda: live.now)
    return flow, Shell(flow, live), live


def onset_of(key: int, layout=KEYBOARD) -> cues.FlickerOnset:
    return cues.FlickerOnset(key, layout.keys[key].frequency_hz, layout.keys[key].phase_rad)


# --- copy spelling ---------------------------------------------------------------------------------------
def test_copy_spelling_hello_types_it_and_announces_onset_then_decision_for_every_letter():
    flow, shell, live = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FINISHED)

    assert flow.run.text() == "HELLO"
    summary = flow.run.summary()
    assert summary.selections == 5 and summary.accuracy >= 0.95
    keys = [KEYBOARD.index_of(letter) for letter in "HELLO"]
    announced = shell.announced()
    assert announced[0::2] == [onset_of(key) for key in keys]
    assert [type(cue) for cue in announced[1::2]] == [cues.Decision] * 5
    assert [cue.key for cue in announced[1::2]] == keys
    assert len(announced) == 10
    # Each onset cue carries the moment the first frame was presented, not the moment of the call.
    onset_announces = [a for a in shell.actions if isinstance(a, Announce) and a.at is not None]
    assert [a.at for a in onset_announces] == shell.onsets and len(shell.onsets) == 5
    # ... and its marker sits on the first sample taken at or after that moment.
    window = live.stream.latest(60.0, filtered=False)
    for key, at in zip(keys, shell.onsets, strict=True):
        stamp = window.timestamps[np.flatnonzero(window.markers == key + 1)]
        assert np.any((stamp >= at) & (stamp < at + 1.5 / live.stream.sampling_rate))
    (record,) = shell.records()
    assert record["text"] == "HELLO" and record["task"] == "HELLO" and record["decoder"] == "FBCCA"
    assert shell.said()[-1] is Prompt.SUMMARY


def test_the_word_to_copy_is_known_before_the_first_letter_and_every_run_starts_empty():
    flow, shell, _ = speller()
    assert flow.selected_task is None and flow.start() == []  # nothing chosen yet: nothing starts
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    assert flow.selected_task == HELLO and flow.run is None
    shell.do(flow.start())
    assert flow.run.task == HELLO and flow.run.text() == ""
    assert flow.cued == KEYBOARD.index_of("H")
    shell.run_until(lambda: flow.run.selected)
    assert flow.run.text() == "H"
    shell.do(flow.stop())
    assert flow.phase is Phase.PAUSED
    mark = len(shell.actions)
    shell.do(flow.start())  # Start (not Continue) on a paused run: a new run
    assert flow.run.task == HELLO and flow.run.text() == "" and flow.run.trials == []
    assert [record["text"] for record in shell.records(mark)] == ["H"]  # the old run's record was kept


def test_choosing_another_plan_while_paused_closes_the_run_and_the_next_start_uses_it():
    flow, shell, _ = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FEEDBACK)
    shell.do(flow.stop())
    assert flow.phase is Phase.PAUSED and flow.run.text() == "H"

    actions = shell.do(flow.choose(Plan(KEYBOARD, NAOJI)))
    (record,) = shell.records(len(shell.actions) - len(actions))
    assert record["task"] == "HELLO" and record["text"] == "H"
    assert flow.phase is Phase.IDLE and flow.run is None and flow.selected_task == NAOJI
    assert flow.continue_() == []  # regression: Continue kept the old mode
    actions = shell.do(flow.start())
    assert flow.run.task == NAOJI and flow.run.text() == ""
    assert ShowMarks({KEYBOARD.index_of("N"): Mark.CUED}) in actions

    # Another layout: the next start flickers that layout's keys, freely.
    shell.do(flow.stop())
    mark = len(shell.actions)
    shell.do(flow.choose(Plan(PHRASES)))
    assert shell.records(mark) == []  # the NAOJI run had no trial yet: nothing to keep
    shell.do(flow.start())
    assert flow.run.layout is PHRASES and flow.run.task is None
    shell.run_until(lambda: shell.flickering)
    (flicker,) = [a for a in shell.actions[mark:] if isinstance(a, StartFlicker)]
    np.testing.assert_array_equal(flicker.frequencies, PHRASES.frequencies)
    assert shell.announced(mark)[-1].key is None

    # Calibrated mode chosen while paused: the next start calibrates first.
    shell.do(flow.stop())
    shell.do(flow.choose(Plan(PHRASES, PHRASES.tasks[0], calibrated=True)))
    actions = shell.do(flow.start())
    assert flow.block is Block.CALIBRATION and Say(Prompt.CALIBRATING, (1, 12)) in actions


def test_choose_is_ignored_while_a_trial_is_under_way():
    flow, shell, _ = speller()
    plan = Plan(KEYBOARD, HELLO)
    shell.do(flow.choose(plan))
    shell.do(flow.start())
    for phase in (Phase.CUE, Phase.FLICKER, Phase.FEEDBACK):
        shell.run_until(lambda phase=phase: flow.phase is phase)
        run = flow.run
        assert flow.choose(Plan(PHRASES)) == []
        assert flow.plan is plan and flow.run is run and flow.phase is phase
    assert flow.run.text() == "H"


def test_start_over_clears_the_text_and_the_next_start_begins_empty():
    flow, shell, _ = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FEEDBACK)
    shell.do(flow.stop())
    actions = shell.do(flow.start_over())
    assert flow.phase is Phase.IDLE and flow.run is None
    assert Say(Prompt.READY) in actions and Poll(False) in actions
    assert [action.record["text"] for action in actions if isinstance(action, SaveRecord)] == ["H"]
    assert flow.selected_task == HELLO  # the plan stays
    shell.do(flow.start())
    assert flow.run.text() == "" and flow.run.trials == [] and flow.cued == KEYBOARD.index_of("H")


# --- pauses ----------------------------------------------------------------------------------------------
def test_unsure_answers_in_a_row_pause_with_a_kind_word_and_continue_resets_the_count():
    flow, shell, live = speller(Options(unsure_limit=3))
    live.visitor.set_illiterate(True)
    shell.do(flow.choose(Plan(KEYBOARD)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.PAUSED, limit_s=30.0)

    assert [trial.outcome for trial in flow.run.trials] == [Outcome.UNSURE] * 3
    assert flow.run.text() == "" and flow.unsure_in_a_row == 3
    assert shell.said().count(Prompt.UNSURE) == 2 and shell.said()[-1] is Prompt.UNSURE_STREAK
    assert [cue.key for cue in shell.announced() if isinstance(cue, cues.Decision)] == [None] * 3
    assert not shell.polling and not shell.flickering

    actions = shell.do(flow.continue_())
    assert flow.unsure_in_a_row == 0 and flow.phase is Phase.CUE
    assert Say(Prompt.LOOK_AT_CHOICE) in actions
    shell.run_trials(1)
    assert flow.unsure_in_a_row == 1 and flow.phase is Phase.FEEDBACK  # one more is no streak
    assert shell.said()[-1] is Prompt.UNSURE


def test_an_interrupt_during_the_flicker_pauses_without_a_cue_and_continue_asks_the_same_key():
    flow, shell, _ = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FLICKER)
    shell.step()
    actions = shell.do(flow.interrupted(StopReason.TOUCH))

    assert not any(isinstance(action, Announce) for action in actions)  # the shell announced it
    (stop,) = [action for action in actions if isinstance(action, StopFlicker)]
    h = KEYBOARD.index_of("H")
    assert stop.trial.outcome is Outcome.INTERRUPTED and stop.trial.cued == h
    assert Poll(False) in actions and Say(Prompt.STOPPED) in actions
    assert flow.phase is Phase.PAUSED and flow.run.trials == [stop.trial] and flow.run.text() == ""

    actions = shell.do(flow.continue_())
    assert flow.phase is Phase.CUE and flow.cued == h
    assert ShowMarks({h: Mark.CUED}) in actions
    mark = len(shell.actions)
    shell.run_until(lambda: flow.run.selected)
    assert shell.announced(mark)[0] == onset_of(h) and flow.run.text() == "H"


def test_a_radio_gap_during_the_flicker_types_nothing_and_asks_the_same_key_again():
    flow, shell, live = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FLICKER)
    for _ in range(6):  # 0.3 s into the flicker, long before the shortest decision window
        shell.step()
    live.visitor.radio_gap(0.5)
    mark = len(shell.actions)
    shell.run_trials(1)

    h = KEYBOARD.index_of("H")
    assert flow.run.trials[-1].outcome is Outcome.SIGNAL_GAP and flow.run.trials[-1].cued == h
    assert flow.run.text() == "" and flow.phase is Phase.FEEDBACK
    assert shell.announced(mark) == [cues.Stopped(StopReason.SIGNAL)]
    assert shell.said(mark) == [Prompt.SIGNAL_GAP]
    live.visitor.clear_faults()
    mark = len(shell.actions)
    shell.run_until(lambda: flow.run.selected)
    assert shell.announced(mark)[0] == onset_of(h)
    assert flow.run.text() == "H"


def test_no_data_during_a_flicker_pauses_with_no_signal_after_the_deadline():
    flow, shell, live = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FLICKER)
    live.feeding = False
    flicker_from = live.now
    mark = len(shell.actions)
    shell.run_until(lambda: flow.phase is not Phase.FLICKER, limit_s=10.0)

    assert flow.phase is Phase.PAUSED and shell.said(mark) == [Prompt.NO_SIGNAL]
    waited = live.now - flicker_from
    deadline = KEYBOARD.stopping.max_s + NO_SIGNAL_GRACE_S
    assert deadline < waited <= deadline + POLL_S + 1e-9
    assert shell.announced(mark) == [cues.Stopped(StopReason.SIGNAL)]
    assert not shell.flickering and not shell.polling
    assert flow.run.trials[-1].outcome is Outcome.INTERRUPTED and flow.run.text() == ""


def test_a_display_too_slow_for_the_layout_stops_before_any_flicker():
    assert KEYBOARD.problems_at(20.0)
    flow, shell, _ = speller()
    shell.refresh_hz = 20.0
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    assert shell.step()  # the cue's timer, with the refresh rate measured meanwhile
    assert shell.said()[-1] is Prompt.DISPLAY_TOO_SLOW
    assert flow.phase is Phase.IDLE and flow.run is None
    assert shell.count(StartFlicker) == 0 and shell.announced() == [] and not shell.polling


def test_a_run_stopped_by_a_display_too_slow_keeps_its_record():
    """The refresh rate is measured during every cue: a run already under way that ends because
    the display became too slow (e.g. moved to another screen) is closed, and its trials must
    still reach the session log as every other closed run's do."""
    flow, shell, _ = speller()
    shell.do(flow.choose(Plan(KEYBOARD, HELLO)))
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FEEDBACK)
    shell.refresh_hz = 20.0
    mark = len(shell.actions)
    shell.run_until(lambda: flow.phase is Phase.IDLE)
    assert shell.said(mark)[-1] is Prompt.DISPLAY_TOO_SLOW
    assert [record["text"] for record in flow.records] == ["H"]
    assert [record["text"] for record in shell.records(mark)] == ["H"]


# --- free spelling ---------------------------------------------------------------------------------------
def test_free_spelling_cues_every_target_and_types_what_the_visitor_chose():
    flow, shell, live = speller()
    shell.do(flow.choose(Plan(KEYBOARD)))
    actions = shell.do(flow.start())
    assert Say(Prompt.LOOK_AT_CHOICE) in actions and ShowMarks({}) in actions
    shell.run_trials(3)

    onsets = [cue for cue in shell.announced() if isinstance(cue, cues.FlickerOnset)]
    targets = tuple(cues.Target(key.frequency_hz, key.phase_rad) for key in KEYBOARD.keys)
    assert onsets == [cues.FlickerOnset(key=None, targets=targets)] * 3
    assert len(live.visitor.free_choices) == 3
    assert [trial.outcome for trial in flow.run.trials] == [Outcome.TYPED] * 3
    assert flow.run.selected == live.visitor.free_choices
    expected = ""
    for key in live.visitor.free_choices:
        expected = KEYBOARD.type_key(expected, key)
    assert flow.run.text() == expected
    assert not flow.run.finished and flow.phase is Phase.FEEDBACK  # free spelling runs until stopped


# --- calibrated mode -------------------------------------------------------------------------------------
def run_calibration(flow: SpellerFlow, shell: Shell) -> int:
    """Start the calibrated phrase board and run its calibration block; the actions' index after it."""
    shell.do(flow.choose(Plan(PHRASES, PHRASES.tasks[0], calibrated=True)))
    shell.do(flow.start())
    assert flow.block is Block.CALIBRATION
    shell.run_until(lambda: flow.block is Block.SPELLING, limit_s=60.0)
    return len(shell.actions)


def test_the_calibrated_mode_calibrates_then_spells_with_trca():
    flow, shell, _ = speller(Options(calibration_trial_s=1.0))
    mark = run_calibration(flow, shell)

    calibration = shell.announced()[: 2 * 12]
    assert [type(cue) for cue in calibration] == [cues.FlickerOnset, cues.FlickerEnd] * 12
    sequence = Calibration(PHRASES, blocks=2, trial_s=1.0).sequence
    assert [cue.key for cue in calibration[0::2]] == sequence
    assert sorted(sequence) == sorted(list(range(6)) * 2)  # every key twice
    calibrating = [a.values for a in shell.actions[:mark] if isinstance(a, Say) and a.values]
    assert calibrating == [(n, 12) for n in range(1, 13)]
    assert flow.decoder_name == "TRCA" and flow.phase is Phase.CUE
    assert flow.online.rule.max_s == pytest.approx(1.0)  # TRCA looks no longer than it learned

    shell.run_until(lambda: flow.phase is Phase.FINISHED)
    summary = flow.run.summary()  # two 1 s trials per key: good, not perfect (chance is 1 in 6)
    assert summary.selections == 3 and summary.correct >= 2
    assert [record["decoder"] for record in shell.records()] == ["TRCA"]
    shell.do(flow.start())  # fitted on this layout in this visit: no second calibration
    assert flow.block is Block.SPELLING and flow.decoder_name == "TRCA"


def test_a_failed_calibration_fit_falls_back_to_fbcca_without_leaving_the_visit(monkeypatch):
    def fails(self, sampling_rate, mains_hz=None):
        raise np.linalg.LinAlgError("singular matrix")

    monkeypatch.setattr(Calibration, "fit", fails)
    flow, shell, _ = speller(Options(calibration_trial_s=1.0))
    run_calibration(flow, shell)

    assert sum(isinstance(cue, cues.FlickerEnd) for cue in shell.announced()) == 12
    assert flow.phase is Phase.CUE and flow.decoder_name == "FBCCA" and flow.trca is None
    assert not flow.plan.calibrated and flow.run.task == PHRASES.tasks[0]
    shell.run_until(lambda: flow.phase is Phase.FINISHED)
    assert flow.run.summary().selections == 3
    assert [record["decoder"] for record in shell.records()] == ["FBCCA"]


# --- settings --------------------------------------------------------------------------------------------
class FakeSettings:
    """A demo's settings backed by a dict; like the real ones, a value comes as the default's type."""

    def __init__(self, values: dict) -> None:
        self.values = dict(values)

    def value(self, key: str, default):
        return type(default)(self.values[key]) if key in self.values else default

    def set_value(self, key: str, value) -> None:
        self.values[key] = value


def test_options_from_settings_are_clamped_and_default_when_missing():
    assert Options.from_settings(FakeSettings({})) == Options()
    too_much = FakeSettings(
        {
            "cue_s": 60.0,
            "feedback_s": 9.0,
            "calibration_blocks": 50,
            "calibration_trial_s": 30.0,
            "unsure_limit": 99,
        }
    )
    assert Options.from_settings(too_much) == Options(
        cue_s=5.0, feedback_s=5.0, calibration_blocks=6, calibration_trial_s=4.0, unsure_limit=20
    )
    too_little = FakeSettings(
        {
            "cue_s": 0.0,
            "feedback_s": -1.0,
            "calibration_blocks": 0,
            "calibration_trial_s": 0.1,
            "unsure_limit": 0,
        }
    )
    assert Options.from_settings(too_little) == Options(
        cue_s=0.2, feedback_s=0.1, calibration_blocks=2, calibration_trial_s=0.5, unsure_limit=1
    )
    some = Options.from_settings(FakeSettings({"cue_s": 0.5, "calibration_blocks": 3}))
    assert some == Options(cue_s=0.5, calibration_blocks=3)
    assert isinstance(some.calibration_blocks, int) and isinstance(some.unsure_limit, int)
