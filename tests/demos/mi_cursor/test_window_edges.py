"""Mind ball's decision windows at their exact samples, and what the visit log keeps per trial.

The stream here holds each sample's absolute position as its value on every channel, and the
band-pass is swapped for a filter that changes nothing, so a window's first and last values say
exactly which samples it holds: one sample early or late is a different array.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

import numpy as np
import pytest

import demos.mi_cursor.flow as mi_flow
import demos.mi_cursor.session as mi_session
from demos.mi_cursor.flow import MiFlow, Options, Phase, Step
from demos.mi_cursor.processing import EPOCH_S, ERD_SETTLE_S
from demos.mi_cursor.session import VisitLog
from drivers import cues
from drivers.boards.profiles import find_profile
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer

RATE = 100
TRIAL_SPACING = 600  # samples between imagery cues
FIRST_CUE = 300
OPTIONS = Options(trials_per_class=5, fixation_s=1.0, imagery_s=3.0, rest_s=(1.0, 1.0), window_s=2.0)


class Positions:
    """A stream whose values are sample positions; markers where the test puts them."""

    def __init__(self, capacity: int = 20_000) -> None:
        self.profile = find_profile("virtual_visitor")
        self.buffer = RingBuffer(len(self.profile.channels), capacity)
        self.stream = Stream(self.buffer, self.profile, RATE)

    def write(self, n: int, markers: dict[int, float] | None = None, lost: int = 0) -> None:
        start = self.buffer.total_written
        data = np.tile(np.arange(start, start + n, dtype=float), (self.buffer.n_channels, 1))
        codes = np.zeros(n)
        for position, code in (markers or {}).items():
            codes[position - start] = code
        previous = 0 if start == 0 else int(self.buffer.latest(1).lost_total[-1])
        lost_total = np.full(n, previous + lost, dtype=np.int64)
        mask = np.zeros(data.shape, dtype=bool)
        self.buffer.write(data, data, np.arange(start, start + n) / RATE, codes, lost_total, mask)


class RecordingDecoder:
    """Stands in for the MI decoder: keeps what it was trained on and every window it was asked about."""

    made: ClassVar[list[RecordingDecoder]] = []

    def __init__(self, pipeline: str) -> None:
        self.fitted = False
        self.epochs: np.ndarray | None = None
        self.labels: list[str] = []
        self.windows: list[np.ndarray] = []
        RecordingDecoder.made.append(self)

    def fit(self, epochs: np.ndarray, labels) -> str:
        self.epochs, self.labels, self.fitted = epochs, list(labels), True
        return "validated"

    def probability_right(self, window: np.ndarray) -> float:
        self.windows.append(window.copy())
        return 0.6


@pytest.fixture
def exact(monkeypatch):
    """The band-pass changes nothing, every window is usable, the decoder records what it sees."""
    monkeypatch.setattr(mi_session, "band_pass_sos", lambda rate: np.array([[1.0, 0.0, 0.0, 1.0, 0.0, 0.0]]))
    monkeypatch.setattr(mi_flow, "is_unusable", lambda window: False)
    monkeypatch.setattr(mi_flow, "MotorImageryDecoder", RecordingDecoder)
    courses: list = []
    monkeypatch.setattr(
        mi_flow, "erd_course", lambda trials, labels, roles, rate, before_s: courses.append(trials)
    )
    RecordingDecoder.made.clear()
    return courses


def calibrate(positions: Positions) -> tuple[MiFlow, list[int]]:
    """A calibration whose imagery cues sit at FIRST_CUE + k x TRIAL_SPACING; ticked to its result."""
    flow = MiFlow(positions.stream, OPTIONS, seed=1)
    flow.start(0.0)
    cue_at = [FIRST_CUE + k * TRIAL_SPACING for k in range(len(flow.plan))]
    markers = {at: cues.Imagery(cues.Side(side)).code for at, side in zip(cue_at, flow.plan, strict=True)}
    positions.write(cue_at[-1] + 400, markers)
    now = 0.0
    while flow.phase is not Phase.RESULT:
        now += 0.25
        flow.tick(now)
        assert now < 200, flow.phase
    return flow, cue_at


def test_each_calibration_epoch_is_exactly_half_a_second_to_2_5_s_after_its_cue(exact):
    positions = Positions()
    flow, cue_at = calibrate(positions)
    decoder = RecordingDecoder.made[-1]
    first, last = round(EPOCH_S[0] * RATE), round(EPOCH_S[1] * RATE)
    assert decoder.epochs.shape == (len(cue_at), len(flow.channels), last - first)
    for epoch, cue in zip(decoder.epochs, cue_at, strict=True):
        assert np.array_equal(epoch[0], np.arange(cue + first, cue + last))  # first and last sample exact
    assert decoder.labels == flow.plan
    # "How it worked" gets each trial from the rest before it (settle + 1 s) to the end of imagery.
    before, after = round((ERD_SETTLE_S + 1.0) * RATE), round(OPTIONS.imagery_s * RATE)
    courses = exact[-1]
    assert [course[0][0] for course in courses] == [cue - before for cue in cue_at]
    assert all(course.shape[1] == before + after for course in courses)


def test_a_trial_whose_epoch_has_a_loss_on_its_last_sample_is_left_out_and_one_just_after_is_kept(exact):
    """A sample lost right before the epoch's last sample breaks it; one lost right after it does not."""
    positions = Positions()
    flow = MiFlow(positions.stream, replace(OPTIONS, trials_per_class=6), seed=1)  # one may go
    flow.start(0.0)
    cue_at = [FIRST_CUE + k * TRIAL_SPACING for k in range(len(flow.plan))]
    markers = {at: cues.Imagery(cues.Side(side)).code for at, side in zip(cue_at, flow.plan, strict=True)}
    last = round(EPOCH_S[1] * RATE)
    broken_end = cue_at[0] + last - 1  # the epoch's last sample: a loss right before it
    kept_end = cue_at[1] + last  # the first sample after the epoch: a loss there is outside it
    positions.write(broken_end, {at: code for at, code in markers.items() if at < broken_end})
    positions.write(
        kept_end - broken_end, {at: c for at, c in markers.items() if broken_end <= at < kept_end}, lost=1
    )
    positions.write(
        cue_at[-1] + 400 - kept_end, {at: c for at, c in markers.items() if at >= kept_end}, lost=1
    )
    now = 0.0
    while flow.phase is not Phase.RESULT:
        now += 0.25
        flow.tick(now)
    decoder = RecordingDecoder.made[-1]
    starts = [int(epoch[0, 0]) for epoch in decoder.epochs]
    assert cue_at[0] + round(EPOCH_S[0] * RATE) not in starts
    assert cue_at[1] + round(EPOCH_S[0] * RATE) in starts
    assert flow.calibrated.dropped == 1


def test_the_game_decides_from_half_a_second_after_the_target_on_the_newest_window_exactly(exact):
    positions = Positions()
    flow, _ = calibrate(positions)
    decoder = RecordingDecoder.made[-1]
    now = 1000.0
    flow.play(now)
    now += OPTIONS.ready_s
    flow.tick(now)  # get ready is over: the target shows
    assert flow.step is Step.IMAGERY
    shown = now
    positions.write(100)
    flow.tick(shown + EPOCH_S[0] - 0.01)  # before the calibration epochs start: no decision
    assert decoder.windows == []
    positions.write(7)
    flow.tick(shown + EPOCH_S[0])  # from there on
    assert len(decoder.windows) == 1
    end = positions.buffer.total_written
    n = round(OPTIONS.window_s * RATE)
    assert np.array_equal(decoder.windows[0][0], np.arange(end - n, end))  # the newest n samples, no more
    assert flow.game.targets[-1].decisions == 1
    flow.tick(shown + EPOCH_S[0] + OPTIONS.step_s - 0.01)  # a step not yet over: no second decision
    assert len(decoder.windows) == 1
    positions.write(3)
    flow.tick(shown + EPOCH_S[0] + OPTIONS.step_s)
    assert len(decoder.windows) == 2 and decoder.windows[1][0, -1] == positions.buffer.total_written - 1


# --- the visit log -------------------------------------------------------------------------------------
@pytest.fixture
def log(exact) -> tuple[Positions, VisitLog]:
    positions = Positions()
    positions.write(10)
    return positions, VisitLog(positions.stream, [5, 7], keep_s=4.0)


def test_the_log_starts_where_the_visit_began_and_counts_what_it_reads(log):
    positions, visit = log
    assert visit.end == 10 and visit.update() == 0
    positions.write(25)
    assert visit.update() == 25 and visit.end == 35
    assert visit.span(9, 11) is None  # the sample before the visit began is not the log's
    assert np.array_equal(visit.span(10, 35, filtered=False)[1], np.arange(10, 35))


def test_a_span_holds_exactly_its_samples_and_latest_exactly_the_newest(log):
    positions, visit = log
    positions.write(300)
    visit.update()
    window = visit.span(100, 150)
    assert window.shape == (2, 50) and window[0, 0] == 100 and window[0, -1] == 149
    assert visit.span(100, 311) is None  # one sample past the newest is not here yet
    assert visit.span(100, 310) is not None
    newest = visit.latest(1.0)
    assert np.array_equal(newest[0], np.arange(210, 310))
    assert visit.latest(3.0) is not None and visit.latest(3.01) is None  # 300 samples, not 301


def test_markers_are_recorded_per_trial_with_their_code_position_and_time(log):
    positions, visit = log
    left, right = cues.Imagery(cues.Side.LEFT).code, cues.Imagery(cues.Side.RIGHT).code
    positions.write(200, {40: left, 120: right, 121: cues.Fixation().code})
    visit.update()
    assert visit.marker_positions({left, right}) == [(40, left, 0.40), (120, right, 1.20)]
    assert visit.marker_positions({left, right}, since=120) == [(120, right, 1.20)]  # since is inclusive
    assert visit.marker_positions({left, right}, since=121) == []
    assert [m.code for m in visit.markers] == [left, right, cues.Fixation().code]


def test_a_marker_on_the_streams_very_first_sample_is_found(exact):
    positions = Positions()
    visit = VisitLog(positions.stream, [5, 7], keep_s=4.0)  # the visit began with the stream
    left = cues.Imagery(cues.Side.LEFT).code
    positions.write(50, {0: left})
    visit.update()
    assert visit.marker_positions({left}) == [(0, left, 0.0)]


def test_a_loss_breaks_a_span_only_from_the_sample_after_the_first(log):
    positions, visit = log
    positions.write(90)
    positions.write(50, lost=2)  # 2 samples lost right before position 100
    visit.update()
    assert visit.span(100, 140) is not None  # the loss is before the span's first sample
    assert visit.span(99, 101) is None and visit.span(60, 100) is not None
