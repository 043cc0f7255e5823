"""The attention game without Qt, closed loop on the virtual visitor, in accelerated time.

A stand-in for the widget ticks the flow every 0.1 s of a fake clock, puts each announced cue into
the stream as the acquisition worker does and lets the virtual visitor follow it: the visitor
opens and closes the eyes for the baseline, focuses or relaxes in the round, by itself.
"""

from __future__ import annotations

import numpy as np
import pytest

from demos.attention.flow import Announce, AttentionFlow, Mode, Options, Phase
from demos.attention.player import Player
from demos.attention.processing import Hold
from drivers import cues
from tests.virtual_stream import LiveStream

TICK_S = 0.1
SHORT = Options(baseline_phase_s=12.0, round_s=30.0)


class Visit:
    """The widget's part: tick, announce to every headset, and let each visitor follow."""

    def __init__(self, seed: int = 3, options: Options = SHORT, second_focus: float | None = None) -> None:
        self.lives = [LiveStream(seed=seed)]
        if second_focus is not None:
            second = LiveStream(seed=seed + 100)
            second.visitor.focus = second_focus
            self.lives.append(second)
        self.flow = AttentionFlow([Player(live.stream) for live in self.lives], options)
        self.announced: list[cues.Cue] = []
        self.advance(1.5)

    @property
    def now(self) -> float:
        return self.lives[0].now

    def advance(self, seconds: float) -> None:
        for live in self.lives:
            live.advance(seconds)

    def do(self, actions) -> None:
        for action in actions:
            if isinstance(action, Announce):
                self.announced.append(action.cue)
                for live in self.lives:
                    live.markers.request(action.cue.code, live.now)
                    live.visitor.follow(action.cue, live.now)

    def tick(self) -> None:
        self.advance(TICK_S)
        self.do(self.flow.tick(self.now))

    def run_while(self, *phases: Phase, limit_s: float = 300.0) -> None:
        until = self.now + limit_s
        while self.flow.phase in phases:
            assert self.now < until, f"still in {self.flow.phase} after {limit_s} s"
            self.tick()

    def play(self, mode: Mode) -> None:
        self.do(self.flow.choose(mode, self.now))
        self.run_while(Phase.BASELINE, Phase.READY, Phase.ROUND)


def test_a_focus_game_goes_baseline_round_result_with_its_cues_in_the_stream():
    visit = Visit()
    visit.play(Mode.FOCUS)
    assert visit.flow.phase is Phase.RESULT
    assert visit.announced == [
        cues.BaselinePhase(cues.Baseline.EYES_OPEN),
        cues.BaselinePhase(cues.Baseline.EYES_CLOSED),
        cues.BaselinePhase(cues.Baseline.END),
        cues.Round(cues.RoundMode.FOCUS),
        cues.Round(cues.RoundMode.END),
    ]
    visit.advance(0.5)  # the last cue's sample arrives
    markers = visit.lives[0].buffer.latest(visit.lives[0].buffer.capacity).markers
    assert [code for code in markers if code] == [cue.code for cue in visit.announced]
    baseline = visit.flow.players[0].baseline
    assert baseline is not None and baseline.alpha_rose and baseline.n_open >= 80
    outcome = visit.flow.outcome
    assert outcome.mode is Mode.FOCUS and outcome.scores[0] > 60
    trace = visit.flow.players[0].trace
    assert len(trace.scores) == pytest.approx(SHORT.round_s / TICK_S, abs=2)
    assert np.isfinite(trace.alpha).all() and np.isfinite(trace.beta).all()


def test_relax_round_scores_high_and_a_second_game_keeps_the_baseline():
    visit = Visit(seed=5)
    visit.play(Mode.FOCUS)
    visit.flow.again()
    visit.announced.clear()
    visit.play(Mode.RELAX)
    assert visit.announced == [cues.Round(cues.RoundMode.RELAX), cues.Round(cues.RoundMode.END)]
    assert visit.flow.outcome.scores[0] > 80


def _step_response(seed: int) -> tuple[float, float, float]:
    """Rest, then attention raised: the focus score before, after, and when it crossed halfway."""
    visit = Visit(seed=seed)
    visit.play(Mode.RELAX)  # a baseline, then back to rest (attention 0.5) after the round
    player = visit.flow.players[0]
    for _ in range(50):
        visit.tick()
    times, scores = [], []
    raised_at = visit.now
    visit.lives[0].visitor.set_attention(0.9)
    for _ in range(80):
        visit.tick()
        times.append(visit.now - raised_at)
        scores.append(player.meter.scores[0])
    before = float(np.mean([s for t, s in zip(times, scores, strict=True) if t <= 0.2]))
    after = float(np.mean([s for t, s in zip(times, scores, strict=True) if t >= 3.0]))
    halfway = next(t for t, s in zip(times, scores, strict=True) if s >= (before + after) / 2)
    return before, after, halfway


def test_raising_attention_raises_the_focus_score_within_about_a_second():
    results = [_step_response(seed) for seed in (3, 7, 11)]
    for before, after, _ in results:
        assert after > before + 10
    assert np.median([halfway for *_, halfway in results]) <= 1.2


def test_blinks_and_clenches_hold_the_score_instead_of_moving_it():
    visit = Visit(seed=6)
    visit.play(Mode.FOCUS)
    visit.flow.again()
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    visit.run_while(Phase.READY)
    player, visitor = visit.flow.players[0], visit.lives[0].visitor
    for _ in range(20):
        visit.tick()
    held = []
    for event in range(6):
        (visitor.blink if event % 2 == 0 else visitor.clench)()
        for _ in range(25):
            before = player.meter.scores.copy()
            visit.tick()
            if player.last.hold is not None:
                held.append(player.last.hold)
                assert np.array_equal(player.meter.scores, before)  # held: not a hair moved
    assert Hold.BLINK in held and Hold.JAW in held
    assert visit.flow.phase is Phase.ROUND


@pytest.mark.parametrize(("second_focus", "winner"), [(0.6, 0), (1.0, 1)])
def test_the_duel_is_won_by_the_visitor_who_focuses_more(second_focus, winner):
    visit = Visit(seed=8, second_focus=second_focus)
    visit.play(Mode.DUEL)
    assert visit.flow.phase is Phase.RESULT
    outcome = visit.flow.outcome
    assert outcome.winner == winner
    assert outcome.scores[winner] > outcome.scores[1 - winner]
    # Both headsets got every cue; each stream holds them exactly once.
    visit.advance(0.5)
    for live in visit.lives:
        markers = live.buffer.latest(live.buffer.capacity).markers
        assert [code for code in markers if code] == [cue.code for cue in visit.announced]


def test_a_duel_needs_a_second_headset():
    visit = Visit()
    assert not visit.flow.can_duel
    with pytest.raises(ValueError, match="second headset"):
        visit.flow.choose(Mode.DUEL, visit.now)


def test_an_interrupted_baseline_starts_again_and_an_interrupted_round_replays():
    visit = Visit(seed=9)
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    for _ in range(150):  # into the eyes-closed phase
        visit.tick()
    assert visit.flow.baseline_step is cues.Baseline.EYES_CLOSED
    visit.flow.interrupt(visit.now)
    assert visit.flow.phase is Phase.PAUSED
    visit.do(visit.flow.resume(visit.now))
    assert visit.flow.phase is Phase.BASELINE and visit.flow.baseline_step is cues.Baseline.EYES_OPEN
    assert visit.flow.players[0].baseline_readings == {"open": [], "closed": []}
    visit.run_while(Phase.BASELINE, Phase.READY)
    for _ in range(50):
        visit.tick()
    visit.flow.interrupt(visit.now)
    visit.do(visit.flow.resume(visit.now))
    assert visit.flow.phase is Phase.READY
    visit.run_while(Phase.READY, Phase.ROUND)
    assert len(visit.flow.players[0].trace.scores) == pytest.approx(SHORT.round_s / TICK_S, abs=2)


def test_leaving_or_a_pause_ends_the_phase_under_way_in_the_stream():
    visit = Visit(seed=12)
    visit.do(visit.flow.choose(Mode.RELAX, visit.now))
    for _ in range(150):
        visit.tick()
    assert visit.lives[0].visitor.snapshot().relaxed  # eyes closed
    visit.do(visit.flow.interrupt(visit.now))
    assert visit.announced[-1] == cues.BaselinePhase(cues.Baseline.END)
    assert not visit.lives[0].visitor.snapshot().relaxed  # told the baseline is over: eyes open
    visit.do(visit.flow.resume(visit.now))
    visit.run_while(Phase.BASELINE, Phase.READY)
    for _ in range(30):
        visit.tick()
    visit.do(visit.flow.stop())
    assert visit.announced[-1] == cues.Round(cues.RoundMode.END) and visit.flow.phase is Phase.INTRO
    assert visit.flow.stop() == []  # nothing under way: nothing to end


def test_a_baseline_without_signal_fails_kindly():
    visit = Visit(seed=10)
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    visit.lives[0].visitor.flat_channel(12)
    visit.run_while(Phase.BASELINE)
    assert visit.flow.phase is Phase.BASELINE_FAILED
    visit.lives[0].visitor.clear_faults()
    visit.do(visit.flow.retry_baseline(visit.now))
    visit.run_while(Phase.BASELINE)
    assert visit.flow.phase is Phase.READY


def test_settings_are_kept_in_range():
    class Stored:
        def __init__(self, values):
            self.values = values

        def value(self, key, default):
            return type(default)(self.values.get(key, default))

    options = Options.from_settings(Stored({"baseline_phase_s": 1.0, "round_s": 5000}))
    assert options.baseline_phase_s == 10.0 and options.round_s == 120.0
    assert Options.from_settings(Stored({})) == Options()
