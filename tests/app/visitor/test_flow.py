"""The visitor's way through the kiosk and the idle clock, without Qt."""

from __future__ import annotations

import pytest

from app.visitor.flow import LONGEST_TASK_S, IdleClock, Screen, Step, VisitorFlow
from drivers import cues


def steps(actions):
    return [(action.step, action.screen, action.reason) for action in actions]


def test_a_whole_visit_attract_consent_menu_demo_thanks_attract():
    flow = VisitorFlow()
    assert steps(flow.start()) == [(Step.SHOW, Screen.ATTRACT, "")]
    assert steps(flow.touched_attract()) == [(Step.START_VISIT, None, ""), (Step.SHOW, Screen.CONSENT, "")]
    assert steps(flow.consent_given()) == [(Step.SHOW, Screen.MENU, "")]
    assert steps(flow.demo_opened()) == [(Step.SHOW, Screen.DEMO, "")]
    flow.result("attention", lambda: "Focus 80")
    assert steps(flow.demo_left()) == [(Step.CLOSE_DEMO, None, ""), (Step.SHOW, Screen.MENU, "")]
    flow.demo_opened()
    flow.result("mi_cursor", lambda: "7 of 10")
    flow.result("attention", lambda: "Focus 85")  # played again: the newest result, now last
    assert [(key, say()) for key, say in flow.visit.results.items()] == [
        ("mi_cursor", "7 of 10"),
        ("attention", "Focus 85"),
    ]
    assert steps(flow.finished()) == [
        (Step.CLOSE_DEMO, None, ""),
        (Step.END_VISIT, None, "finished"),
        (Step.SHOW, Screen.THANKS, ""),
    ]
    assert flow.visit is not None  # the thank-you screen shows it
    assert steps(flow.thanks_done()) == [(Step.PURGE, None, ""), (Step.SHOW, Screen.ATTRACT, "")]
    assert flow.visit is None


@pytest.mark.parametrize("screen", [Screen.CONSENT, Screen.MENU, Screen.DEMO, Screen.THANKS])
def test_idle_returns_to_attract_from_every_screen_and_purges(screen):
    flow = VisitorFlow()
    flow.start()
    flow.touched_attract()
    if screen is not Screen.CONSENT:
        flow.consent_given()
    if screen in (Screen.DEMO, Screen.THANKS):
        flow.demo_opened()
        flow.result("attention", lambda: "Focus 80")
    if screen is Screen.THANKS:
        flow.finished()
    assert flow.screen is screen
    actions = steps(flow.idle())
    assert actions[-2:] == [(Step.PURGE, None, ""), (Step.SHOW, Screen.ATTRACT, "")]
    assert ((Step.CLOSE_DEMO, None, "") in actions) == (screen is Screen.DEMO)
    assert flow.screen is Screen.ATTRACT and flow.visit is None
    assert flow.idle() == []  # attract stays


def test_declining_consent_ends_the_visit_and_events_out_of_turn_do_nothing():
    flow = VisitorFlow()
    flow.start()
    assert flow.consent_given() == [] and flow.demo_opened() == [] and flow.finished() == []
    flow.touched_attract()
    assert steps(flow.consent_declined())[-1] == (Step.SHOW, Screen.ATTRACT, "")
    assert flow.thanks_done() == [] and flow.demo_left() == []


def test_the_idle_clock_counts_from_the_last_touch():
    clock = IdleClock(60)
    clock.reset(0)
    assert not clock.expired(59.9) and clock.expired(60)
    clock.touched(50)
    assert not clock.expired(109) and clock.expired(110)


def test_a_hands_off_task_holds_the_idle_clock_until_its_end_cue():
    clock = IdleClock(60)
    clock.reset(0)
    clock.cue(cues.Round(cues.RoundMode.FOCUS), 10)  # a 60 s round: the visitor touches nothing
    assert not clock.expired(75)
    clock.cue(cues.Round(cues.RoundMode.END), 70)
    assert not clock.expired(129) and clock.expired(130)  # then 60 s to read the result


def test_a_task_whose_end_never_comes_still_expires():
    clock = IdleClock(60)
    clock.reset(0)
    clock.cue(cues.BaselinePhase(cues.Baseline.EYES_CLOSED), 5)
    assert not clock.expired(5 + LONGEST_TASK_S - 1) and clock.expired(5 + LONGEST_TASK_S)


def test_the_rest_after_a_motor_imagery_trial_ends_the_task():
    clock = IdleClock(60)
    clock.reset(0)
    clock.cue(cues.Fixation(), 1)
    clock.cue(cues.Imagery(cues.Side.LEFT), 3)
    assert not clock.expired(100)  # imagining: hands off
    clock.cue(cues.Imagery(cues.Side.REST), 8)  # the last trial's rest: the result page follows
    assert not clock.expired(67) and clock.expired(68)


def test_a_hold_waits_then_the_clock_runs_from_its_release():
    clock = IdleClock(60)
    clock.reset(0)
    clock.hold(10)
    assert not clock.expired(150)
    clock.release(150)
    assert not clock.expired(209) and clock.expired(210)
