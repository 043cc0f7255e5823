"""The attention game without Qt, closed loop on the virtual visitor, in accelerated time.

A stand-in for the widget ticks the flow every 0.1 s of a fake clock, puts each announced cue into
the stream as the acquisition worker does and lets the virtual visitor follow it: the visitor
opens and closes the eyes for the baseline, focuses or relaxes in the round, by itself.
"""

from __future__ import annotations

import numpy as np
import pytest

from demos.attention.flow import EYES_OPEN_CALL_S, AttentionFlow, Mode, Options, Phase
from demos.attention.player import Player
from demos.attention.processing import Hold
from drivers import cues
from tests.demos.attention.visits import TICK_S, Visit

SHORT = Options(baseline_phase_s=12.0, round_s=30.0)


def test_a_focus_game_goes_baseline_round_result_with_its_cues_in_the_stream():
    visit = Visit(options=SHORT)
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
    visit = Visit(options=SHORT, seed=5)
    visit.play(Mode.FOCUS)
    visit.flow.again()
    visit.announced.clear()
    visit.play(Mode.RELAX)
    assert visit.announced == [cues.Round(cues.RoundMode.RELAX), cues.Round(cues.RoundMode.END)]
    assert visit.flow.outcome.scores[0] > 80


def _step_response(seed: int) -> tuple[float, float, float]:
    """Rest, then attention raised: the focus score before, after, and when it crossed halfway."""
    visit = Visit(options=SHORT, seed=seed)
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
    visit = Visit(options=SHORT, seed=6)
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
        first = None
        for tick in range(25):
            before = player.meter.scores.copy()
            visit.tick()
            if player.last.hold is not None:
                first = tick if first is None else first
                held.append(player.last.hold)
                assert np.array_equal(player.meter.scores, before)  # held: not a hair moved
        # Caught within 0.2 s of a clench (its EMG raises beta, the focus score; over whole 1 s
        # windows it went unseen for 0.3-0.5 s) and 0.3 s of a blink (its bump takes 0.15 s to rise).
        assert first is not None and first <= (2 if event % 2 == 0 else 1), (event, first)
    assert Hold.BLINK in held and Hold.JAW in held
    assert visit.flow.phase is Phase.ROUND


@pytest.mark.parametrize(("second_focus", "winner"), [(0.6, 0), (1.0, 1)])
def test_the_duel_is_won_by_the_visitor_who_focuses_more(second_focus, winner):
    visit = Visit(options=SHORT, seed=8, second_focus=second_focus)
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
    visit = Visit(options=SHORT)
    assert not visit.flow.can_duel
    with pytest.raises(ValueError, match="second headset"):
        visit.flow.choose(Mode.DUEL, visit.now)


def test_an_interrupted_baseline_starts_again_and_an_interrupted_round_replays():
    visit = Visit(options=SHORT, seed=9)
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
    visit = Visit(options=SHORT, seed=12)
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
    visit = Visit(options=SHORT, seed=10)
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


class RecordedStream:
    """A real recording played as a stream: what ``Player`` reads of a live one (the newest window,
    raw and display-filtered), advanced by a clock."""

    def __init__(self, data: np.ndarray, roles, rate: float) -> None:
        from scipy import signal

        from drivers.analysis.dsp import display_filter_sos

        self.raw = data
        self.filtered = signal.sosfilt(display_filter_sos(rate, 50), data - data[:, :1], axis=1)
        self.roles, self.n_channels, self.sampling_rate = list(roles), len(roles), rate
        self.end = 0

    def latest(self, seconds: float, *, filtered: bool = True, both: bool = False):
        from drivers.stream.ringbuffer import Window

        start = max(0, self.end - round(seconds * self.sampling_rate))
        source = self.filtered if filtered and not both else self.raw
        n = self.end - start
        also = self.filtered[:, start : self.end] if both else None
        return Window(
            source[:, start : self.end], np.zeros(n), np.zeros(n), start, 0, np.zeros(n, int), None, also
        )


def test_a_real_persons_eeg_learns_a_baseline_without_false_alarms(shared_data):
    """PhysioNet S001: R01 (eyes open) then R02 (eyes closed) as the two baseline phases. Fixed
    limits call this EEG "muscle" everywhere; the visitor's own limits must not, and the rest
    levels for "how it worked" must come out."""
    from drivers.files.edf import read_edf
    from drivers.roles import electrode_role

    runs = [read_edf(shared_data / "mi" / name) for name in ("S001R01.edf", "S001R02.edf")]
    names = runs[0].channel_names
    rows = [row for row, name in enumerate(names) if electrode_role(name)]
    roles = [electrode_role(names[row]) for row in rows]
    rate = runs[0].sampling_rate
    data = np.concatenate([run.data[rows, : round(25 * rate)] for run in runs], axis=1)
    stream = RecordedStream(data, roles, rate)
    flow = AttentionFlow([Player(stream)], Options(baseline_phase_s=25.0, round_s=20.0))
    now = 0.0
    stream.end = round(rate)  # the first second is there when the baseline starts
    flow.choose(Mode.RELAX, now)
    baseline_holds = []
    while flow.phase is Phase.BASELINE:
        now += TICK_S
        stream.end = min(data.shape[1], round((now + 1.0) * rate))
        flow.tick(now)
        baseline_holds.append(flow.players[0].last.hold)
    player = flow.players[0]
    assert flow.phase is Phase.READY, "the baseline was not learnt"
    assert Hold.JAW in baseline_holds  # judged by limits for anyone while it ran…
    learnt_holds = {reading.hold for readings in player.baseline_readings.values() for reading in readings}
    assert Hold.JAW in learnt_holds
    assert player.baseline.n_open > 100 and player.baseline.n_closed > 100  # …but kept by its own limits
    assert player.baseline.alpha_rose
    assert player.rest_powers is not None and player.closed_powers[0] > 2 * player.rest_powers[0]


def test_the_first_baseline_windows_kept_start_after_the_eyes_settled():
    from demos.attention.processing import SETTLE_S, WINDOW_S

    visit = Visit(options=SHORT, seed=13)
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    started = visit.now
    visit.run_while(Phase.BASELINE)
    first_open = visit.flow.players[0].baseline_readings["open"][0]
    assert first_open.at - WINDOW_S >= started + SETTLE_S - 1e-9


def test_a_dead_second_headset_freezes_the_duel_and_the_round_is_not_scored():
    visit = Visit(options=SHORT, seed=9, second_focus=0.7)
    visit.do(visit.flow.choose(Mode.DUEL, visit.now))
    visit.run_while(Phase.BASELINE, Phase.READY)
    for _ in range(40):
        visit.tick()
    visit.lives[1].feeding = False
    for _ in range(10):  # the stream goes quiet: after 0.5 s its windows are gaps
        visit.tick()
    rope = visit.flow.rope
    for _ in range(50):
        visit.tick()
        assert visit.flow.players[1].last.hold is Hold.GAP
        assert visit.flow.rope == rope
    visit.run_while(Phase.ROUND)
    assert visit.flow.outcome.measured is False and visit.flow.outcome.winner is None


def test_a_round_held_throughout_is_not_scored():
    visit = Visit(options=SHORT, seed=14)
    visit.play(Mode.FOCUS)
    assert visit.flow.outcome.measured
    visit.flow.again()
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    visit.lives[0].visitor.flat_channel(12)
    visit.run_while(Phase.READY, Phase.ROUND)
    assert visit.flow.outcome.measured is False


def test_a_duel_level_at_the_bell_is_a_draw():
    visit = Visit(options=SHORT, seed=15, second_focus=0.9)
    visit.flow.mode = Mode.DUEL
    for player in visit.flow.players:
        player.trace.scores = [60.0, 62.0]
    visit.flow.rope = 0.0
    visit.flow._finish(visit.now)
    assert visit.flow.outcome.winner is None and visit.flow.outcome.measured
    visit.flow.players[1].trace.scores = [70.0, 72.0]
    visit.flow._finish(visit.now)
    assert visit.flow.outcome.winner == 1  # level ball: the higher average wins


def test_a_new_player_learns_a_new_baseline():
    visit = Visit(options=SHORT, seed=16)
    visit.play(Mode.FOCUS)
    visit.flow.again()
    assert visit.flow.knows_the_players
    visit.flow.new_players()
    assert not visit.flow.knows_the_players and visit.flow.players[0].trace.scores == []
    visit.announced.clear()
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    assert visit.announced == [cues.BaselinePhase(cues.Baseline.EYES_OPEN)]


def test_no_score_shows_before_the_rounds_first_measured_window():
    """ "Get ready" measured windows, but no score is shown until the round has measured its own,
    in a first game (after the baseline) and in the next one (where the last round's score lingered)."""
    visit = Visit(options=SHORT)
    player = visit.flow.players[0]
    visit.do(visit.flow.choose(Mode.FOCUS, visit.now))
    for game in range(2):
        visit.run_while(Phase.BASELINE)
        shown = []
        while visit.flow.phase is Phase.READY:
            shown.append(visit.flow.score(player))
            visit.tick()
        assert len(shown) > 10 and shown == [None] * len(shown), game
        assert player.last is not None and player.last.values is not None  # the meter did measure
        assert visit.flow.score(player) is None  # the round begins: the meter starts afresh
        visit.tick()
        assert visit.flow.score(player) is not None  # its first window in the round is scored
        visit.run_while(Phase.ROUND)
        visit.flow.again()
        visit.do(visit.flow.choose(Mode.FOCUS, visit.now))  # the same player: straight to get ready


def test_the_screen_calls_open_your_eyes_when_the_eyes_closed_phase_ends_then_counts_down():
    """Without sound, the call is the screen's: for EYES_OPEN_CALL_S after the eyes-closed phase,
    and the 3, 2, 1 comes after it, whole."""
    visit = Visit(options=SHORT)
    flow = visit.flow
    visit.do(flow.choose(Mode.FOCUS, visit.now))
    called_while_closed = False
    while flow.phase is Phase.BASELINE:
        called_while_closed |= flow.calling_eyes_open(visit.now)
        visit.tick()
    ended = visit.now
    assert not called_while_closed and flow.phase is Phase.READY
    assert flow.calling_eyes_open(ended)
    assert flow.remaining_s(ended) == pytest.approx(flow.options.ready_s + EYES_OPEN_CALL_S)
    assert flow.calling_eyes_open(ended + EYES_OPEN_CALL_S - 0.01)
    assert not flow.calling_eyes_open(ended + EYES_OPEN_CALL_S)
    assert flow.remaining_s(ended + EYES_OPEN_CALL_S) == pytest.approx(flow.options.ready_s)
    visit.run_while(Phase.READY)
    assert visit.now - ended == pytest.approx(flow.options.ready_s + EYES_OPEN_CALL_S, abs=0.11)
