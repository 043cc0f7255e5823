"""The shell's safety policies as a state machine, without Qt."""

from __future__ import annotations

from app.demo_gate import Action, DemoGate, Phase, Step
from drivers import cues
from drivers.cues import StopReason


def steps(actions: list[Action]) -> list[Step]:
    return [action.step for action in actions]


def test_a_flickering_demo_starts_only_after_the_warning_and_a_declined_warning_goes_back():
    gate = DemoGate(flickers=True, decodes=False)
    assert steps(gate.open(streaming=True)) == [Step.SHOW_WARNING]
    assert gate.cue(cues.FlickerOnset(0, 10.0)) == []  # nothing flickers before the demo runs
    assert steps(gate.warning_accepted()) == [Step.START_DEMO, Step.SHOW_DEMO]
    declined = DemoGate(flickers=True, decodes=False)
    declined.open(streaming=True)
    assert steps(declined.warning_declined()) == [Step.BACK_TO_MENU] and not declined.started


def test_touches_stop_only_a_running_flicker():
    gate = DemoGate(flickers=True, decodes=False)
    gate.open(streaming=True)
    gate.warning_accepted()
    assert gate.touched() == []  # no flicker yet: a touch is an ordinary touch
    assert steps(gate.cue(cues.FlickerOnset(3, 9.0))) == [Step.WATCH_FLICKER]
    actions = gate.touched()
    assert steps(actions) == [Step.UNWATCH_FLICKER, Step.INTERRUPT_DEMO, Step.SHOW_STOPPED]
    assert actions[1].reason is StopReason.TOUCH and gate.phase is Phase.STOPPED
    assert gate.touched() == [] and gate.limit_reached() == []
    assert steps(gate.continue_()) == [Step.SHOW_DEMO, Step.RESUME_DEMO]


def between_flickers(end: cues.Cue) -> DemoGate:
    gate = DemoGate(flickers=True, decodes=True)
    gate.open(streaming=True)
    gate.warning_accepted()
    gate.cue(cues.FlickerOnset())
    assert steps(gate.cue(end)) == [Step.FLICKER_ENDED]
    return gate


def test_every_cue_that_ends_a_flicker_disarms_the_limit_and_touches_pause_until_the_run_is_over():
    for end in (cues.FlickerEnd(), cues.Decision(2, 0.9), cues.Decision(None), cues.Stopped()):
        gate = between_flickers(end)
        assert gate.limit_reached() == [] and gate.phase is Phase.RUNNING
        assert steps(gate.cue(cues.FlickerOnset())) == [Step.WATCH_FLICKER]  # the run's next flicker
        gate = between_flickers(end)
        actions = gate.touched()  # issue 22: a tap between two flickers of a run pauses it
        assert steps(actions) == [Step.UNWATCH_FLICKER, Step.INTERRUPT_DEMO, Step.SHOW_STOPPED]
        assert actions[1].reason is StopReason.TOUCH
        gate = between_flickers(end)
        assert steps(gate.run_over()) == [Step.UNWATCH_FLICKER]
        assert gate.touched() == [] and gate.run_over() == []  # after the run: an ordinary touch


def test_the_limit_stops_a_flicker_with_its_own_reason():
    gate = DemoGate(flickers=True, decodes=False)
    gate.open(streaming=True)
    gate.warning_accepted()
    gate.cue(cues.FlickerOnset())
    actions = gate.limit_reached()
    assert actions[1].reason is StopReason.LIMIT and gate.stop_reason is StopReason.LIMIT


def test_a_decoding_demo_waits_for_the_stream_before_and_during_the_visit():
    gate = DemoGate(flickers=False, decodes=True)
    assert steps(gate.open(streaming=False)) == [Step.SHOW_WAITING] and not gate.started
    assert steps(gate.stream_changed(True)) == [Step.START_DEMO, Step.SHOW_DEMO]
    gate.cue(cues.FlickerOnset())
    lost = gate.stream_changed(False)
    assert steps(lost) == [Step.UNWATCH_FLICKER, Step.INTERRUPT_DEMO, Step.SHOW_WAITING]
    assert lost[1].reason is StopReason.SIGNAL
    assert steps(gate.stream_changed(True)) == [Step.SHOW_STOPPED]  # the visitor decides when to go on
    assert gate.stream_changed(True) == []
    gate.stream_changed(False)
    gate.stream_changed(True)
    assert steps(gate.continue_()) == [Step.SHOW_DEMO, Step.RESUME_DEMO]


def test_continue_waits_again_if_the_headset_went_silent_meanwhile():
    gate = DemoGate(flickers=True, decodes=True)
    gate.open(streaming=True)
    gate.warning_accepted()
    gate.cue(cues.FlickerOnset())
    gate.touched()
    gate.stream_changed(False)
    assert gate.phase is Phase.WAITING
    gate.stream_changed(True)
    assert gate.phase is Phase.STOPPED


def test_a_demo_that_does_not_decode_ignores_the_stream():
    gate = DemoGate(flickers=False, decodes=False)
    assert steps(gate.open(streaming=False)) == [Step.START_DEMO, Step.SHOW_DEMO]
    assert gate.stream_changed(True) == [] and gate.stream_changed(False) == []


def test_closing_while_a_flicker_is_watched_releases_the_watch():
    gate = DemoGate(flickers=True, decodes=False)
    gate.open(streaming=True)
    gate.warning_accepted()
    gate.cue(cues.FlickerOnset())
    assert steps(gate.close()) == [Step.UNWATCH_FLICKER] and gate.phase is Phase.CLOSED
