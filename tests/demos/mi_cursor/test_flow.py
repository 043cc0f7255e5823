"""The motor-imagery visit without Qt, closed loop on the virtual visitor, in accelerated time.

A stand-in for the widget ticks the flow every 50 ms of a fake clock, puts each announced cue into
the stream as the acquisition worker does and lets the virtual visitor follow it: the visitor
imagines the hand the arrow (or the target) asks for, by itself. Minutes of EEG take seconds.
"""

from __future__ import annotations

import numpy as np
import pytest

from demos.mi_cursor.flow import Announce, MiFlow, Options, Phase, Step
from demos.mi_cursor.processing import LEFT, RIGHT
from drivers import cues
from tests.virtual_stream import LiveStream

TICK_S = 0.05


class Visit:
    """The widget's part: tick, announce, and let the visitor follow."""

    def __init__(
        self,
        seed: int,
        options: Options | None = None,
        *,
        illiterate: bool = False,
        profile: str = "virtual_visitor",
    ) -> None:
        self.live = LiveStream(seed=seed, profile=profile)
        self.live.visitor.set_illiterate(illiterate)
        self.flow = MiFlow(self.live.stream, options or Options(), seed=seed)
        self.announced: list[cues.Cue] = []
        self.live.advance(1.0)

    def do(self, actions: list[Announce]) -> None:
        for action in actions:
            self.announced.append(action.cue)
            self.live.markers.request(action.cue.code, self.live.now)
            self.live.visitor.follow(action.cue, self.live.now)

    def run_while(self, *phases: Phase, limit_s: float = 600.0) -> None:
        until = self.live.now + limit_s
        while self.flow.phase in phases:
            assert self.live.now < until, f"still in {self.flow.phase} after {limit_s} s"
            self.live.advance(TICK_S)
            self.do(self.flow.tick(self.live.now))

    def calibrate(self) -> None:
        self.do(self.flow.start(self.live.now))
        self.run_while(Phase.CALIBRATION, Phase.TRAINING)

    def play(self) -> None:
        self.do(self.flow.play(self.live.now))
        self.run_while(Phase.GAME)


@pytest.fixture(scope="module")
def good_visits() -> list[Visit]:
    visits = []
    for seed in (3, 11):
        visit = Visit(seed)
        visit.calibrate()
        visit.play()
        visits.append(visit)
    return visits


def test_a_calibration_cues_every_trial_and_learns_the_visitors_pattern(good_visits):
    for visit in good_visits:
        flow = visit.flow
        assert flow.phase is Phase.GAME_OVER
        imagery = [cue for cue in visit.announced if isinstance(cue, cues.Imagery)]
        calibration_sides = [cue.side.value for cue in imagery if cue.side is not cues.Side.REST]
        assert calibration_sides[: len(flow.plan)] == flow.plan
        assert flow.plan.count(LEFT) == flow.plan.count(RIGHT) == Options().trials_per_class
        assert flow.calibrated.trials == {LEFT: 10, RIGHT: 10} and flow.calibrated.dropped == 0
        assert flow.calibrated.validation.accuracy >= 0.9 > flow.calibrated.validation.chance


def test_imagining_moves_the_ball_the_right_way_in_at_least_90_percent_of_targets(good_visits):
    targets = [target for visit in good_visits for target in visit.flow.game.targets]
    assert len(targets) == 2 * Options().game_targets
    right_way = sum(target.moved_right_way for target in targets)
    assert right_way >= 0.9 * len(targets), [(t.side, round(t.cursor, 2)) for t in targets]
    assert {target.side for target in targets} == {LEFT, RIGHT}
    hits = sum(bool(target.hit) for target in targets)
    assert hits >= 0.8 * len(targets)
    # Decisions every 250 ms on the sliding window: a target reached within its 6 s takes 4-24.
    assert all(0 < target.decisions <= 24 for target in targets)


def test_the_erd_course_shows_the_desynchronisation_opposite_the_imagined_hand(good_visits):
    for visit in good_visits:
        course = visit.flow.calibrated.course
        during = (course.times_s > 1.0) & (course.times_s < 3.5)
        for hand, opposite in ((LEFT, RIGHT), (RIGHT, LEFT)):
            assert course.curves[hand, opposite][during].mean() < -0.2
            assert course.curves[hand, opposite][during].mean() < course.curves[hand, hand][during].mean()


def test_two_electrodes_c3_and_c4_are_enough():
    """A Cyton's default montage has C3 and C4 over the motor strip (and no Cz)."""
    visit = Visit(4, Options(trials_per_class=8, game_targets=6), profile="cyton")
    assert [visit.live.stream.channel_names[i] for i in visit.flow.channels] == ["C3", "C4"]
    visit.calibrate()
    assert visit.flow.calibrated.validation.above_chance
    visit.play()
    targets = visit.flow.game.targets
    assert sum(target.moved_right_way for target in targets) >= 5


def test_an_illiterate_visitor_is_told_it_was_chance_and_the_game_still_runs():
    visit = Visit(5, Options(trials_per_class=6, game_targets=3), illiterate=True)
    visit.calibrate()
    validation = visit.flow.calibrated.validation
    assert validation is not None and not validation.above_chance
    visit.play()
    assert visit.flow.phase is Phase.GAME_OVER and len(visit.flow.game.targets) == 3


def test_a_headset_that_sends_nothing_gives_no_decoder_and_no_game():
    visit = Visit(7, Options(trials_per_class=5))
    visit.do(visit.flow.start(visit.live.now))
    visit.live.feeding = False  # nothing arrives: no marker, no sample
    visit.run_while(Phase.CALIBRATION, Phase.TRAINING)
    calibrated = visit.flow.calibrated
    assert visit.flow.phase is Phase.RESULT
    assert calibrated.validation is None and calibrated.trials == {LEFT: 0, RIGHT: 0}
    assert calibrated.dropped == 10
    assert visit.flow.play(visit.live.now) == [] and visit.flow.phase is Phase.RESULT


def test_trials_with_a_radio_gap_are_dropped_not_learned_from():
    """A gap one second after the arrow falls inside the trial's 0.5-2.5 s epoch."""
    visit = Visit(8, Options(trials_per_class=6))
    visit.do(visit.flow.start(visit.live.now))
    gapped: set[int] = set()
    while visit.flow.phase in (Phase.CALIBRATION, Phase.TRAINING):
        flow = visit.flow
        imagining = flow.phase is Phase.CALIBRATION and flow.step is Step.IMAGERY
        second_in = imagining and visit.live.now - flow.step_started >= 1.0
        if second_in and flow.trial in (2, 7) and flow.trial not in gapped:
            visit.live.visitor.radio_gap(0.3)
            gapped.add(flow.trial)
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    assert gapped == {2, 7}
    assert visit.live.loss.lost > 0
    assert visit.flow.calibrated.dropped == 2
    assert sum(visit.flow.calibrated.trials.values()) == 10


def test_an_electrode_pop_during_a_trial_drops_it_and_holds_the_ball():
    visit = Visit(6, Options(trials_per_class=6, game_targets=3))
    visit.do(visit.flow.start(visit.live.now))
    c3 = visit.live.stream.channel_names.index("C3")
    popped = False
    while visit.flow.phase in (Phase.CALIBRATION, Phase.TRAINING):
        flow = visit.flow
        second_in = flow.step is Step.IMAGERY and visit.live.now - flow.step_started >= 1.0
        if not popped and flow.trial == 3 and second_in:
            visit.live.visitor.pop_electrode(c3)
            popped = True
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    assert visit.flow.calibrated.dropped >= 1
    assert sum(visit.flow.calibrated.trials.values()) <= 11
    visit.do(visit.flow.play(visit.live.now))
    for _ in range(round(1.5 / TICK_S)):  # get ready (1 s), then the target shows
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    assert visit.flow.step is Step.IMAGERY and visit.flow.game.targets[-1].hit is None
    decisions = visit.flow.game.targets[-1].decisions
    visit.live.visitor.pop_electrode(c3)
    for _ in range(10):
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    assert visit.flow.game.targets[-1].decisions == decisions  # held while the pop is in the window


def test_a_paused_visit_resumes_with_the_interrupted_trial_from_its_cross():
    visit = Visit(9, Options(trials_per_class=5))
    visit.do(visit.flow.start(visit.live.now))
    visit.live.advance(2.0)
    visit.do(visit.flow.tick(visit.live.now))
    assert visit.flow.step is Step.IMAGERY
    visit.flow.interrupt(visit.live.now)
    assert visit.flow.tick(visit.live.now + 30) == [] and visit.flow.phase is Phase.PAUSED
    visit.live.advance(5.0)
    visit.do(visit.flow.resume(visit.live.now))
    assert visit.flow.phase is Phase.CALIBRATION and visit.flow.step is Step.FIXATION
    assert visit.flow.trial == 0
    assert isinstance(visit.announced[-1], cues.Fixation)


@pytest.mark.parametrize("into_imagery_s", [0.3, 3.0])
def test_a_trial_interrupted_while_imagining_is_done_again_and_counted_once(into_imagery_s):
    """The headset taken off during an arrow: early, its epoch has a gap; late (3 s into 4), its
    epoch reached the stream whole. Either way the attempt is void and the trial is done again."""
    visit = Visit(12, Options(trials_per_class=5))
    visit.do(visit.flow.start(visit.live.now))
    interrupted = False
    while visit.flow.phase in (Phase.CALIBRATION, Phase.TRAINING):
        flow = visit.flow
        in_imagery = flow.step is Step.IMAGERY and visit.live.now - flow.step_started >= into_imagery_s
        if not interrupted and flow.trial == 2 and in_imagery:
            interrupted = True
            visit.live.visitor.take_off_headset()
            flow.interrupt(visit.live.now)
            visit.do([Announce(cues.Stopped(cues.StopReason.SIGNAL))])
            visit.live.advance(3.0)
            visit.live.visitor.put_on_headset()
            visit.live.advance(2.0)
            visit.do(flow.resume(visit.live.now))
            assert flow.trial == 2 and flow.step is Step.FIXATION
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    calibrated = visit.flow.calibrated
    assert calibrated.trials == {LEFT: 5, RIGHT: 5} and calibrated.dropped == 0
    assert calibrated.validation.n_trials == 10
    for curve in calibrated.course.curves.values():
        assert np.all(np.abs(curve) < 3.0), "the picture holds no trial of the headset's garbage"


def test_options_from_settings_are_typed_and_kept_in_range():
    class Stored:
        def __init__(self, values):
            self.values = values

        def value(self, key, default):
            value = self.values.get(key, default)
            return value if isinstance(value, type(default)) else default

        def set_value(self, key, value):
            self.values[key] = value

    options = Options.from_settings(
        Stored({"trials_per_class": 1000, "imagery_s": 0.1, "window_s": 9.0, "pipeline": "nope"})
    )
    # The calibration stays within 3 minutes: 13 trials per hand of 1.5 + 3 + 2 s.
    assert options.trials_per_class == 13 and options.imagery_s == 3.0 and options.window_s == 2.0
    assert options.calibration_s <= 180
    assert Options.from_settings(Stored({"trials_per_class": 1000, "imagery_s": 6.0})).trials_per_class == 9
    assert Options.from_settings(Stored({"trials_per_class": 2})).trials_per_class == 8
    assert options.pipeline == Options().pipeline
    assert Options.from_settings(Stored({"pipeline": "mdm"})).pipeline == "mdm"
    default = Options()
    assert default.calibration_s <= 180, "the calibration takes at most 3 minutes"
    assert np.isclose(default.calibration_s, 20 * (1.5 + 4.0 + 2.0))


def test_a_flat_electrode_gives_no_decoder_rather_than_a_stuck_training():
    visit = Visit(13, Options(trials_per_class=5))
    visit.live.visitor.flat_channel(visit.live.stream.channel_names.index("C3"))
    visit.calibrate()  # would loop in TRAINING if the fit raised
    assert visit.flow.phase is Phase.RESULT and visit.flow.calibrated.validation is None
    assert visit.flow.calibrated.dropped == 10 and visit.flow.decoder is None


def play_until(visit: Visit, condition, limit_s: float = 60.0) -> None:
    until = visit.live.now + limit_s
    while not condition():
        assert visit.live.now < until and visit.flow.phase is Phase.GAME
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))


@pytest.fixture(scope="module")
def trained() -> Visit:
    visit = Visit(14, Options(trials_per_class=6, game_targets=30))
    visit.calibrate()
    assert visit.flow.decoder is not None
    return visit


def test_each_target_ends_with_a_decision_cue_in_the_stream(trained):
    visit = trained
    visit.do(visit.flow.play(visit.live.now))
    play_until(visit, lambda: len(visit.flow.game.targets) == 3)
    decisions = [cue for cue in visit.announced if isinstance(cue, cues.Decision)]
    ended = [target for target in visit.flow.game.targets if target.hit is not None]
    assert len(decisions) == len(ended) == 2
    for cue, target in zip(decisions, ended, strict=True):
        assert cue.key == (None if abs(target.cursor) < 1 else int(target.cursor > 0))


def test_a_late_tick_decides_once_and_a_gap_decides_nothing(trained):
    visit = trained
    visit.do(visit.flow.play(visit.live.now))
    play_until(visit, lambda: visit.flow.step is Step.IMAGERY and visit.flow.game.targets[-1].decisions >= 1)
    before = visit.flow.game.targets[-1].decisions
    visit.live.advance(1.0)  # the widget's timer stalled for a second
    visit.do(visit.flow.tick(visit.live.now))
    target = visit.flow.game.targets[-1]
    assert target.decisions == before + 1 or target.hit is not None
    play_until(visit, lambda: visit.flow.step is Step.IMAGERY and visit.flow.game.targets[-1].hit is None)
    play_until(visit, lambda: visit.flow.game.targets[-1].decisions >= 1)
    visit.live.visitor.radio_gap(0.3)
    visit.live.advance(0.5)
    decisions = visit.flow.game.targets[-1].decisions
    for _ in range(round(1.5 / TICK_S)):  # the 2 s window holds the gap for 2 s
        visit.live.advance(TICK_S)
        visit.do(visit.flow.tick(visit.live.now))
    assert visit.flow.game.targets[-1].decisions == decisions


def test_resuming_a_game_keeps_a_scored_target_and_shows_an_unfinished_one_again(trained):
    visit = trained
    visit.do(visit.flow.play(visit.live.now))
    play_until(visit, lambda: visit.flow.game.targets[-1].hit is not None)
    scored = list(visit.flow.game.targets)
    visit.flow.interrupt(visit.live.now)
    visit.do(visit.flow.resume(visit.live.now))
    assert visit.flow.game.targets[:-1] == scored and visit.flow.game.targets[-1].hit is None
    play_until(visit, lambda: visit.flow.step is Step.IMAGERY)
    unfinished = len(visit.flow.game.targets)
    visit.flow.interrupt(visit.live.now)
    visit.do(visit.flow.resume(visit.live.now))
    assert len(visit.flow.game.targets) == unfinished and visit.flow.step is Step.FIXATION
