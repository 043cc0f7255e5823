"""The speller's decision, tested directly: the confidence function, the visual-latency skip and the
stopping rule, each at its exact boundary (a wrong but confident letter must never be typed).

The live tests (test_session.py, test_widget.py) show the whole path works on the virtual visitor;
these pin down the pieces a small change could break without those noticing: the confidence's
shape, which samples after the onset marker are read, and when the decoder stops looking.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy import signal

from demos.ssvep_speller.flow import Phase, Plan, Prompt, Say
from demos.ssvep_speller.layouts import StoppingRule
from demos.ssvep_speller.processing import (
    FBCCA,
    Decision,
    EnsembleTRCA,
    decision_from_scores,
    subband_weights,
)
from demos.ssvep_speller.session import OnlineDecoder, OnsetReader, Outcome, calibrated_stopping_rule
from drivers.boards.profiles import find_profile
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer
from tests.demos.ssvep_speller.test_flow import KEYBOARD, speller

RATE = 100.0
ONSET = 7.0  # the onset marker's code in these tests
CHANNELS = [8, 9]


# --- the confidence --------------------------------------------------------------------------------------
def test_confidence_is_the_winners_relative_margin_rising_with_it_from_0_to_1():
    runner_ups = np.linspace(1.0, 0.0, 21)  # the winner scores 1.0; the runner-up falls from a tie to 0
    confidences = [
        decision_from_scores(np.array([0.0, 1.0, second]), 1.0).confidence for second in runner_ups
    ]
    assert confidences == pytest.approx(1.0 - runner_ups)  # (best - second) / best
    assert np.all(np.diff(confidences) > 0)  # strictly monotone in the margin
    assert confidences[0] == 0.0 and confidences[-1] == 1.0
    # The same margin relative to a smaller winner is more sure: it is relative, not absolute.
    assert decision_from_scores(np.array([0.5, 0.4]), 1.0).confidence == pytest.approx(0.2)
    assert decision_from_scores(np.array([1.0, 0.9]), 1.0).confidence == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("scores", "target", "confidence"),
    [
        ([0.3, 0.3, 0.1], None, 0.0),  # a tie is a coin toss (either may win)
        ([0.8, -0.4], 0, 1.0),  # TRCA's correlations can be negative: (0.8 + 0.4) / 0.8 is capped at 1
        ([0.1, -0.5, 0.9], 2, pytest.approx(8 / 9)),
        ([-0.2, -0.1, -0.3], 1, 0.0),  # nothing scored above 0: no confidence at all
        ([0.0, 0.0], None, 0.0),
        ([0.4], 0, 1.0),  # one target: nothing to confuse it with
    ],
)
def test_confidence_is_bounded_and_the_target_is_the_best_score(scores, target, confidence):
    decision = decision_from_scores(np.array(scores), 1.5)
    assert np.array_equal(decision.scores, scores)  # every target's score goes with the decision
    assert decision.target == (target if target is not None else decision.target)
    assert scores[decision.target] == max(scores) and decision.confidence == pytest.approx(confidence)
    assert 0.0 <= decision.confidence <= 1.0 and decision.window_s == 1.5


def margins(bands: np.ndarray) -> tuple[float, float]:
    """The winner's relative margin over all sub-bands, and over the harmonic sub-bands alone."""
    weights = subband_weights(len(bands))
    everything, harmonic = weights @ bands, weights[1:] @ bands[1:]
    winner = int(np.argmax(everything))
    rival = np.max(np.delete(harmonic, winner))
    return (everything[winner] - np.sort(everything)[-2]) / everything[winner], (
        harmonic[winner] - rival
    ) / harmonic[winner]


def test_fbccas_confidence_is_the_smaller_of_the_all_band_and_the_harmonic_margins(monkeypatch):
    """Strong in the first sub-band only (alpha's way) wins the decision but is not confident."""
    decoder = FBCCA([8.0, 10.0, 12.0], 250)
    rest = [[0.1, 0.1, 0.1]] * 3
    alpha_like = np.array([[0.1, 0.9, 0.1], [0.2, 0.21, 0.1], *rest])  # harmonics: barely ahead
    fundamental_close = np.array([[0.1, 0.5, 0.49], [0.1, 0.5, 0.1], *rest])  # harmonics: far ahead
    for bands in (alpha_like, fundamental_close):
        monkeypatch.setattr(decoder, "band_scores", lambda window, bands=bands: bands)
        decision = decoder.decide(np.zeros((2, 300)))
        assert decision.target == 1 and decision.window_s == pytest.approx(1.2)  # 300 samples at 250 Hz
        assert decision.confidence == pytest.approx(min(margins(bands)))
    assert margins(alpha_like)[1] < margins(alpha_like)[0]  # the harmonic margin decided
    assert margins(fundamental_close)[0] < margins(fundamental_close)[1]  # the all-band margin decided
    no_harmonics = np.array([[0.1, 0.9, 0.1], *[[0.1, 0.0, 0.1]] * 4])
    monkeypatch.setattr(decoder, "band_scores", lambda window: no_harmonics)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no 0/0 on the way: the winner has no harmonic response at all
        assert decoder.decide(np.zeros((2, 250))).confidence == 0.0


@pytest.mark.parametrize("n_bands", [1, 2])
def test_the_harmonic_margin_applies_from_two_sub_bands_on(monkeypatch, n_bands):
    """With one sub-band there are no harmonic sub-bands: the all-band margin alone decides."""
    decoder = FBCCA([8.0, 10.0, 12.0], 250, n_bands=n_bands)
    assert len(decoder.bands) == n_bands
    bands = np.array([[0.1, 0.9, 0.1], [0.2, 0.21, 0.1]])[:n_bands]
    monkeypatch.setattr(decoder, "band_scores", lambda window: bands)
    everything = decoder.weights @ bands
    expected = (0.9 - 0.1) / 0.9 if n_bands == 1 else min(margins(bands))
    assert everything.argmax() == 1 and decoder.decide(np.zeros((2, 250))).confidence == pytest.approx(
        expected
    )


def test_with_two_keys_the_other_one_is_the_harmonic_rival(monkeypatch):
    decoder = FBCCA([8.0, 10.0], 250)
    bands = np.array([[0.1, 0.9], *[[0.2, 0.21]] * 4])  # alpha's way: ahead in the fundamentals only
    monkeypatch.setattr(decoder, "band_scores", lambda window: bands)
    decision = decoder.decide(np.zeros((2, 250)))
    assert decision.target == 1 and decision.confidence == pytest.approx(min(margins(bands)))
    assert decision.confidence < 0.1


def test_a_single_key_has_nothing_to_be_confused_with(monkeypatch):
    decoder = FBCCA([10.0], 250)
    bands = np.full((5, 1), 0.3)
    monkeypatch.setattr(decoder, "band_scores", lambda window: bands)
    decision = decoder.decide(np.zeros((2, 250)))
    assert decision.target == 0 and decision.confidence == 1.0


def test_trcas_decision_reports_the_window_it_used_at_most_the_calibration_length():
    rate, samples = 100.0, 150
    rng = np.random.default_rng(1)
    t = np.arange(samples) / rate
    trials = np.array(
        [
            np.sin(2 * np.pi * (8.0 + 2 * label) * t) + 0.1 * rng.standard_normal((2, samples))
            for label in (0, 1, 0, 1)
        ]
    )
    decoder = EnsembleTRCA(2, rate).fit(trials, [0, 1, 0, 1])
    assert decoder.decide(trials[1][:, :100]).window_s == pytest.approx(1.0)
    assert decoder.decide(np.hstack([trials[1], trials[1]])).window_s == pytest.approx(1.5)


# --- the visual-latency skip ----------------------------------------------------------------------------
def ramp_stream(n: int, onset_at: int) -> Stream:
    """A stream whose every value is its sample's absolute position, with the onset marker at ``onset_at``."""
    profile = find_profile("virtual_visitor")
    buffer = RingBuffer(len(profile.channels), n + 10)
    data = np.tile(np.arange(n, dtype=float), (buffer.n_channels, 1))
    markers = np.zeros(n)
    markers[onset_at] = ONSET
    buffer.write(
        data,
        data,
        np.arange(n) / RATE,
        markers,
        np.zeros(n, dtype=np.int64),
        np.zeros((buffer.n_channels, n), dtype=bool),
    )
    return Stream(buffer, profile, RATE)


@pytest.mark.parametrize("latency_s", [0.14, 0.0, 0.5, 0.147])  # 14.7 samples: 15 skipped, not 14
def test_the_latency_skip_drops_exactly_the_first_samples_after_the_onset(latency_s):
    onset_at = 37
    reader = OnsetReader(CHANNELS, RATE, latency_s=latency_s)
    reader.begin(0, ONSET)
    window = reader.read(ramp_stream(300, onset_at))
    skipped = round(latency_s * RATE)
    assert window[0, 0] == onset_at + skipped  # neither one sample early nor one late
    assert np.array_equal(window[1], np.arange(onset_at + skipped, 300))
    assert not reader.broken


def test_a_window_shifted_by_one_sample_reads_another_signal_after_decimation():
    """At 1 kHz, decimated by 4: the step sits exactly where the latency ends, so the window read
    from there is all ones (a window one sample early would begin on a zero); on noise, the window
    is the stream from that sample on, low-passed from it, every 4th sample from the first."""
    stream_rate, onset_at, n = 1000.0, 200, 1200
    latency = round(0.14 * stream_rate)
    profile = find_profile("virtual_visitor")

    def read(data: np.ndarray) -> np.ndarray:
        buffer = RingBuffer(len(profile.channels), n)
        markers = np.zeros(n)
        markers[onset_at] = ONSET
        buffer.write(
            data,
            data,
            np.arange(n) / stream_rate,
            markers,
            np.zeros(n, dtype=np.int64),
            np.zeros_like(data, bool),
        )
        reader = OnsetReader(CHANNELS, stream_rate, decimation=4)
        reader.begin(0, ONSET)
        return reader.read(Stream(buffer, profile, stream_rate))

    step = np.zeros((len(profile.channels), n))
    step[:, onset_at + latency :] = 1.0
    window = read(step)
    assert window.shape[1] == (n - onset_at - latency + 3) // 4 and np.allclose(window, 1.0)
    noise = np.random.default_rng(3).standard_normal((len(profile.channels), n))
    sos = signal.butter(8, 0.8 * 250 / 2, fs=stream_rate, output="sos")
    kept = noise[CHANNELS, onset_at + latency :]
    low, _ = signal.sosfilt(sos, kept, axis=1, zi=signal.sosfilt_zi(sos)[:, None, :] * kept[None, :, 0, None])
    assert np.allclose(read(noise), low[:, ::4])


def test_an_onset_right_at_the_begin_cursor_is_read_from_its_first_sample():
    reader = OnsetReader(CHANNELS, RATE, latency_s=0.0)
    reader.begin(37, ONSET)  # the marker lands on the very sample the trial may start at
    window = reader.read(ramp_stream(300, 37))
    assert window[0, 0] == 37 and window.shape == (2, 263) and not reader.broken


def test_a_trial_moved_to_another_stream_after_its_onset_is_broken_not_spliced():
    reader = OnsetReader(CHANNELS, RATE, latency_s=0.14)
    reader.begin(0, ONSET)
    assert reader.read(ramp_stream(300, 37)).shape[1] > 0 and not reader.broken
    window = reader.read(ramp_stream(300, 37))  # the board reconnected: a new stream
    assert reader.broken and window.shape == (2, 0)
    assert reader.broken  # and it stays so: the flow asks for the key again


def test_no_sample_before_the_onset_marker_is_read_and_the_begin_cursor_hides_older_markers():
    reader = OnsetReader(CHANNELS, RATE, latency_s=0.0)
    reader.begin(50, ONSET)  # the trial began at 50: the marker at 37 belongs to an older trial
    assert reader.read(ramp_stream(300, 37)).shape == (2, 0)


# --- the stopping rule ----------------------------------------------------------------------------------
class ScriptedDecoder:
    """Decides with a confidence given per window length (samples); records the lengths asked."""

    sampling_rate = RATE

    def __init__(self, confidence) -> None:
        self.confidence = confidence
        self.lengths: list[int] = []

    def scores(self, window: np.ndarray) -> np.ndarray:
        return np.zeros(2)

    def decide(self, window: np.ndarray) -> Decision:
        self.lengths.append(window.shape[1])
        return Decision(1, np.array([0.0, 1.0]), self.confidence(window.shape[1]), window.shape[1] / RATE)


class GrowingReader:
    """Stands in for the onset reader: ``available`` samples after the latency so far."""

    def __init__(self) -> None:
        self.available = 0
        self.broken = False
        self.channels = CHANNELS

    def begin(self, cursor: int, marker: float) -> None:
        self.available = 0

    def read(self, stream) -> np.ndarray:
        return np.zeros((2, self.available))


def online(rule: StoppingRule, confidence) -> tuple[OnlineDecoder, ScriptedDecoder, GrowingReader]:
    decoder = ScriptedDecoder(confidence)
    live = OnlineDecoder(decoder, CHANNELS, rule)
    live.reader = GrowingReader()
    return live, decoder, live.reader


RULE = StoppingRule(min_s=1.0, step_s=0.25, max_s=2.0, threshold=0.35, accept=0.25)


def poll_until(live: OnlineDecoder, reader: GrowingReader, last: int) -> list[tuple[int, Decision]]:
    """Poll after every new sample up to ``last`` until a decision: [(samples available, decision)]."""
    decisions = []
    for available in range(last + 1):
        reader.available = available
        decision = live.poll(None)
        if decision is not None:
            decisions.append((available, decision))
            break  # the flow stops polling once a decision came
    return decisions


def test_the_decoder_waits_for_min_s_then_looks_every_step_s_until_max_s():
    live, decoder, reader = online(RULE, lambda n: 0.0)
    decisions = poll_until(live, reader, 300)
    assert decoder.lengths == [100, 125, 150, 175, 200]  # min_s, every step_s, max_s; each once
    assert [(at, d.window_s) for at, d in decisions] == [(200, 2.0)]  # unsure: given up at max_s only


def test_just_below_the_threshold_waits_and_at_the_threshold_it_stops():
    below = np.nextafter(RULE.threshold, 0.0)
    live, decoder, reader = online(RULE, lambda n: RULE.threshold if n == 150 else below)
    decisions = poll_until(live, reader, 300)
    assert [(at, d.confidence) for at, d in decisions] == [(150, RULE.threshold)]
    assert decoder.lengths == [100, 125, 150]  # it stopped looking there
    live, decoder, reader = online(RULE, lambda n: 0.9)
    assert [at for at, _ in poll_until(live, reader, 300)] == [100]  # sure at once: stops at min_s


def test_a_late_poll_decides_once_on_the_longest_window_the_grid_allows():
    live, decoder, reader = online(RULE, lambda n: 0.0)
    reader.available = 174  # three steps' worth arrived at once, not quite a fourth
    assert live.poll(None) is None and decoder.lengths == [150]
    assert live.poll(None) is None and decoder.lengths == [150]  # nothing new: no second look
    reader.available = 10_000  # far beyond max_s: decides on max_s exactly
    decision = live.poll(None)
    assert decision is not None and decision.window_s == 2.0 and decoder.lengths == [150, 200]
    assert live.poll(None) is None  # decided: nothing more from this trial


def test_a_new_trial_starts_the_grid_again():
    live, decoder, reader = online(RULE, lambda n: 0.9)
    poll_until(live, reader, 100)
    live.begin(0, ONSET)
    reader.available = 100
    assert live.poll(None) is not None and decoder.lengths == [100, 100]


@pytest.mark.parametrize(("trial_s", "min_s"), [(1.5, 0.5), (0.4, 0.4)])
def test_the_calibrated_rule_runs_from_half_a_second_up_to_the_calibration_length(trial_s, min_s):
    rule = calibrated_stopping_rule(RULE, trial_s)
    assert (rule.min_s, rule.max_s) == (min_s, trial_s)
    assert (rule.step_s, rule.threshold, rule.accept) == (RULE.step_s, RULE.threshold, RULE.accept)


def test_a_broken_trial_is_never_decided_however_sure():
    live, decoder, reader = online(RULE, lambda n: 1.0)
    reader.broken = True
    reader.available = 300
    assert live.poll(None) is None and decoder.lengths == []


@pytest.mark.parametrize(
    ("confidence", "outcome", "typed"),
    [
        (np.nextafter(KEYBOARD.stopping.accept, 0.0), Outcome.UNSURE, ""),
        (KEYBOARD.stopping.accept, Outcome.TYPED, "H"),
    ],
    ids=["just-below-accept", "at-accept"],
)
def test_at_max_s_only_a_confidence_at_least_accept_is_typed(confidence, outcome, typed):
    """The flow's half of the rule: a decision given up at max_s types only from ``accept`` on."""
    flow, shell, _ = speller()
    shell.do(flow.choose(Plan(KEYBOARD, KEYBOARD.tasks[0])))  # HELLO
    shell.do(flow.start())
    shell.run_until(lambda: flow.phase is Phase.FLICKER)
    target = KEYBOARD.index_of("H")
    scores = np.zeros(len(KEYBOARD.keys))
    flow.online.poll = lambda stream: Decision(target, scores, confidence, KEYBOARD.stopping.max_s)
    actions = shell.do(flow.poll())
    assert flow.last.outcome is outcome and flow.run.text() == typed
    assert (Say(Prompt.UNSURE) in actions) is (outcome is Outcome.UNSURE)
