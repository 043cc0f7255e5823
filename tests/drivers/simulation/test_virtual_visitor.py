"""The virtual visitor puts each effect where physiology puts it, and each fault is detectable.

Most checks record the same seeded visitor twice, with and without one intent: the background is
then identical, and the difference is exactly the effect (where, at which frequency and phase,
with which latency). Spectral checks use Welch power as a decoder would see it. All of it runs
faster than real time on a test clock.
"""

from __future__ import annotations

import numpy as np
import pytest

from drivers import cues
from drivers.analysis.dsp import CausalFilter, display_filter_sos, welch_spectrum
from drivers.analysis.quality import ChannelQuality, assess_channels
from drivers.boards.board import BoardUnavailableError
from drivers.boards.profiles import find_profile
from drivers.simulation.virtual_visitor import (
    FOCUSED_ATTENTION,
    RAIL_UV,
    RESTING_ATTENTION,
    VISUAL_LATENCY_S,
    VirtualVisitor,
    VirtualVisitorBoard,
)

PROFILE = find_profile("virtual_visitor")
NAMES = PROFILE.channel_names
FS = 250
START = 1_000.0


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


def record(setup=None, seconds: float = 10.0, seed: int = 1, during=None, focus: float = FOCUSED_ATTENTION):
    """EEG (channels, samples) of a seeded visitor who focuses to ``focus`` in a focus round;
    ``setup(visitor, clock)`` runs before streaming, ``during(visitor, clock, elapsed_s)`` every 20 ms."""
    clock = Clock()
    visitor = VirtualVisitor(clock, focus=focus)
    board = VirtualVisitorBoard(PROFILE.channels, FS, visitor, seed=seed)
    board.prepare_session()
    board.start_stream()
    if setup:
        setup(visitor, clock)
    blocks = []
    for step in range(round(seconds / 0.02)):
        if during:
            during(visitor, clock, step * 0.02)
        clock.now += 0.02
        blocks.append(board.get_board_data())
    data = np.hstack(blocks)
    return data[list(board.layout.eeg_rows)], data[board.layout.timestamp_row]


def band_power(eeg: np.ndarray, low: float, high: float) -> np.ndarray:
    spectrum = welch_spectrum(eeg, FS, segment_s=2.0)
    band = (spectrum.freqs >= low) & (spectrum.freqs <= high)
    return spectrum.power[:, band].sum(axis=1) * (spectrum.freqs[1] - spectrum.freqs[0])


def ch(name: str) -> int:
    return NAMES.index(name)


OCCIPITAL = [ch(n) for n in ("O1", "Oz", "O2", "PO7", "PO8")]
FRONTAL = [ch(n) for n in ("Fp1", "Fp2", "F3", "Fz", "F4")]


def test_background_is_eeg_like_and_seeded():
    rest, stamps = record(seconds=4)
    again, _ = record(seconds=4)
    other, _ = record(seconds=4, seed=2)
    np.testing.assert_array_equal(rest, again)
    assert not np.array_equal(rest, other)
    rms = rest.std(axis=1)
    assert np.all((rms > 5) & (rms < 40)), rms  # tens of µV, every channel a bit different
    assert len(set(np.round(rms, 3))) == len(rms)
    assert len(stamps) == 4 * FS and np.allclose(np.diff(stamps), 1 / FS)
    assert set(assess_channels(rest, rest, FS)) == {ChannelQuality.GOOD}


def test_ssvep_at_f_and_2f_on_occipital_channels_only_while_attending():
    frequency = 15.0
    rest, _ = record()
    looking, _ = record(lambda v, c: v.look_at(frequency))
    at_f = band_power(looking, frequency - 0.25, frequency + 0.25) / band_power(
        rest, frequency - 0.25, frequency + 0.25
    )
    at_2f = band_power(looking, 2 * frequency - 0.25, 2 * frequency + 0.25) / band_power(
        rest, 2 * frequency - 0.25, 2 * frequency + 0.25
    )
    assert np.all(at_f[OCCIPITAL] > 4), at_f
    assert np.all(at_2f[OCCIPITAL] > 2), at_2f
    assert np.all(np.abs(at_f[FRONTAL] - 1) < 0.05)  # nothing reaches the forehead
    # Only while the target flickers: looking away ends it.
    stopped, _ = record(
        during=lambda v, c, t: v.look_away() if t >= 5 else None, setup=lambda v, c: v.look_at(frequency)
    )
    late = slice(6 * FS, None)
    ratio = band_power(stopped[:, late], 14.75, 15.25) / band_power(rest[:, late], 14.75, 15.25)
    assert np.all(np.abs(ratio[OCCIPITAL] - 1) < 0.05)


def test_ssvep_follows_the_targets_phase_and_starts_after_the_visual_latency():
    frequency, onset_after = 12.0, 1.0
    # Attending also blocks alpha; switch that off here so the difference is the SSVEP alone.
    rest, stamps = record(lambda v, c: v.set_snr(alpha=0.0), seconds=4)
    looks = {}
    for phase in (0.0, np.pi / 2):
        looks[phase], _ = record(
            lambda v, c, p=phase: (v.set_snr(alpha=0.0), v.look_at(frequency, p, onset=START + onset_after)),
            seconds=4,
        )
    response = looks[0.0][ch("Oz")] - rest[ch("Oz")]
    begins = stamps[np.flatnonzero(np.abs(response) > 1e-9)[0]] - (START + onset_after)
    assert begins == pytest.approx(VISUAL_LATENCY_S, abs=1.5 / FS)
    # After the ramp, the fundamental's phase is the stimulus phase (delayed by the latency).
    late = stamps > START + onset_after + 1.0
    t = stamps[late] - START - onset_after - VISUAL_LATENCY_S
    for phase, eeg in looks.items():
        response = eeg[ch("Oz"), late] - rest[ch("Oz"), late]
        measured = np.angle(np.sum(response * np.exp(-1j * 2 * np.pi * frequency * t)))
        assert np.angle(np.exp(1j * (measured - (phase - np.pi / 2)))) == pytest.approx(0, abs=0.05)


def test_alpha_at_least_doubles_on_occipital_channels_with_eyes_closed():
    open_eyes, _ = record()
    closed, _ = record(lambda v, c: v.set_relaxed(True))
    ratio = band_power(closed, 8, 12) / band_power(open_eyes, 8, 12)
    assert np.all(ratio[OCCIPITAL] >= 2), ratio[OCCIPITAL]
    assert ratio[ch("Fz")] < ratio[ch("Oz")] / 2  # posterior, not frontal


def test_mu_desynchronises_contralateral_to_the_imagined_hand():
    rest, _ = record()
    right, _ = record(lambda v, c: v.imagine("right"))
    left, _ = record(lambda v, c: v.imagine("left"))
    mu = (9.5, 13.0)
    assert band_power(right, *mu)[ch("C3")] < 0.6 * band_power(rest, *mu)[ch("C3")]
    assert band_power(right, *mu)[ch("C4")] >= 0.95 * band_power(rest, *mu)[ch("C4")]
    assert band_power(left, *mu)[ch("C4")] < 0.6 * band_power(rest, *mu)[ch("C4")]
    assert band_power(left, *mu)[ch("C3")] >= 0.95 * band_power(rest, *mu)[ch("C3")]
    assert band_power(right, 18, 24)[ch("C3")] < 0.8 * band_power(rest, 18, 24)[ch("C3")]  # beta too


def test_attention_trades_frontal_theta_for_beta():
    idle, _ = record(lambda v, c: v.set_attention(0.0))
    focused, _ = record(lambda v, c: v.set_attention(1.0))
    fz = ch("Fz")
    assert band_power(focused, 4, 8)[fz] < band_power(idle, 4, 8)[fz]
    assert band_power(focused, 13, 30)[fz] > 1.5 * band_power(idle, 13, 30)[fz]


def test_blinks_are_large_at_the_forehead_and_small_at_the_back():
    rest, stamps = record(seconds=3)
    blinked, _ = record(lambda v, c: v.blink(START + 1.0), seconds=3)
    blink = blinked - rest
    peak = np.abs(blink).max(axis=1)
    assert 100 <= peak[ch("Fp1")] <= 300
    assert peak[ch("Oz")] < 0.1 * peak[ch("Fp1")]
    during = stamps[np.flatnonzero(np.abs(blink[ch("Fp1")]) > 1)]
    assert during[0] >= START + 1.0 and during[-1] <= START + 1.31


def test_an_illiterate_visitor_leaves_no_usable_trace_of_the_task():
    def illiterate(then):
        return lambda v, c: (v.set_illiterate(True), then(v, c))

    rest, _ = record(illiterate(lambda v, c: None))
    looking, _ = record(illiterate(lambda v, c: v.look_at(15.0)))
    right, _ = record(illiterate(lambda v, c: v.imagine("right")))
    assert np.all(
        band_power(looking, 14.75, 15.25)[OCCIPITAL] / band_power(rest, 14.75, 15.25)[OCCIPITAL] < 1.3
    )
    assert band_power(right, 9.5, 13)[ch("C3")] > 0.9 * band_power(rest, 9.5, 13)[ch("C3")]


def quality_after(during, seconds: float = 3.0) -> list[ChannelQuality]:
    raw, _ = record(during=during, seconds=seconds)
    filtered = CausalFilter(display_filter_sos(FS, 50), raw.shape[0])(raw)
    last = slice(-FS, None)
    return assess_channels(raw[:, last], filtered[:, last], FS)


@pytest.mark.parametrize(
    ("fault", "at_s", "channel", "expected"),
    [
        (lambda v: v.flat_channel(ch("Cz")), 1.0, "Cz", ChannelQuality.FLAT),
        (lambda v: v.rail_channel(ch("O1")), 1.0, "O1", ChannelQuality.RAILED),
        (lambda v: v.pop_electrode(ch("P3")), 2.2, "P3", ChannelQuality.ARTIFACT),  # a pop decays in ~1 s
        (lambda v: v.clench(5.0), 1.0, "Fp1", ChannelQuality.MUSCLE),
    ],
)
def test_each_electrode_fault_is_named_by_the_quality_code(fault, at_s, channel, expected):
    codes = quality_after(lambda v, c, t: fault(v) if abs(t - at_s) < 0.01 else None)
    assert codes[ch(channel)] is expected
    others = {code for index, code in enumerate(codes) if index != ch(channel)}
    if expected is not ChannelQuality.MUSCLE:  # a clench reaches several sites; a bad electrode one
        assert others == {ChannelQuality.GOOD}


def streaming_for_a_second() -> tuple[VirtualVisitor, VirtualVisitorBoard, Clock]:
    """A visitor's headset that has been streaming for 1 s on a test clock (nothing read yet)."""
    clock = Clock()
    visitor = VirtualVisitor(clock)
    board = VirtualVisitorBoard(PROFILE.channels, FS, visitor, seed=1)
    board.prepare_session()
    board.start_stream()
    clock.now += 1.0
    return visitor, board, clock


def test_a_headset_taken_off_rails_then_goes_silent_and_cannot_reconnect_until_put_back():
    visitor, board, clock = streaming_for_a_second()
    board.get_board_data()
    visitor.take_off_headset()
    clock.now += 0.5
    garbage = board.get_board_data()[list(board.layout.eeg_rows)]
    codes = assess_channels(garbage, garbage, FS)
    assert codes.count(ChannelQuality.RAILED) >= len(codes) // 2
    assert np.any(garbage == RAIL_UV)
    clock.now += 1.0
    board.get_board_data()
    clock.now += 1.0
    assert board.get_board_data().shape[1] == 0  # then nothing at all
    board.release_session()
    with pytest.raises(BoardUnavailableError):
        board.prepare_session()
    visitor.put_on_headset()
    board.prepare_session()
    board.start_stream()
    clock.now += 0.2
    assert board.get_board_data().shape[1] == 50


def test_a_radio_gap_loses_exactly_its_samples():
    visitor, board, clock = streaming_for_a_second()
    before = board.get_board_data()
    visitor.radio_gap(0.4)
    for _ in range(10):  # 0.2 s steps: two of them fall inside the gap
        clock.now += 0.2
        block = board.get_board_data()
        if block.shape[1]:
            break
    counter = board.layout.package_row
    assert (block[counter, 0] - before[counter, -1]) % 256 - 1 == pytest.approx(0.4 * FS, abs=1)


def test_intent_arguments_are_checked():
    visitor = VirtualVisitor()
    with pytest.raises(ValueError):
        visitor.imagine("both")
    with pytest.raises(ValueError):
        visitor.look_at(0.0)
    with pytest.raises(TypeError):
        visitor.set_snr(telepathy=1.0)
    visitor.set_attention(7)
    assert visitor.snapshot().attention == 1.0


def test_snr_knob_scales_the_effect_exactly():
    rest, _ = record(lambda v, c: v.set_snr(alpha=0.0), seconds=3)
    full, _ = record(lambda v, c: (v.set_snr(alpha=0.0), v.look_at(15.0)), seconds=3)
    half, _ = record(lambda v, c: (v.set_snr(alpha=0.0, ssvep=0.5), v.look_at(15.0)), seconds=3)
    oz = ch("Oz")
    np.testing.assert_allclose(half[oz] - rest[oz], 0.5 * (full[oz] - rest[oz]), atol=1e-9)


@pytest.mark.parametrize(
    ("rate", "names"),
    [(500, ("Fp1", "C3", "C4", "Oz")), (1000, ("Fz", "C3", "Cz", "C4", "Pz", "PO7", "Oz", "PO8"))],
)
def test_any_montage_and_rate_from_a_profile(tmp_path, rate, names):
    roles = {
        "Fp1": "frontal",
        "Fz": "frontal",
        "C3": "sensorimotor-left",
        "C4": "sensorimotor-right",
        "Cz": "central",
        "Pz": "parietal",
        "PO7": "occipital",
        "Oz": "occipital",
        "PO8": "occipital",
    }
    channels = ", ".join(f'{{ name = "{n}", role = "{roles[n]}" }}' for n in names)
    path = tmp_path / "cap.toml"
    path.write_text(f'name = "Cap"\nsource = "simulated"\nsampling_rate = {rate}\nchannels = [{channels}]\n')
    from drivers.acquisition.sources import open_board
    from drivers.boards.profiles import load_profile_file

    profile = load_profile_file(path)

    def oz_spectrum(looking: bool, relaxed: bool):
        clock = Clock()
        visitor = VirtualVisitor(clock)
        board = open_board(profile, visitor)
        board._rng = np.random.default_rng(5)  # the same background for every condition
        board.prepare_session()
        board.start_stream()
        visitor.set_relaxed(relaxed)
        if looking:
            visitor.look_at(13.0)
        clock.now += 30.0  # enough segments that background and SSVEP stop interfering by chance
        data = board.get_board_data()
        eeg = data[list(board.layout.eeg_rows)]
        assert eeg.shape == (len(names), 30 * rate)
        spectrum = welch_spectrum(eeg[:, rate:], rate, segment_s=2.0)
        return spectrum.freqs, spectrum.power[names.index("Oz")]

    freqs, rest = oz_spectrum(looking=False, relaxed=False)
    _, looking = oz_spectrum(looking=True, relaxed=False)
    _, relaxed = oz_spectrum(looking=False, relaxed=True)
    at_13, alpha = np.argmin(np.abs(freqs - 13.0)), (freqs >= 9) & (freqs <= 11)
    assert looking[at_13] > 3 * rest[at_13]  # the SSVEP
    assert relaxed[alpha].sum() > 2 * rest[alpha].sum()  # relaxed alpha


def test_attending_a_target_blocks_posterior_alpha():
    rest, _ = record()
    looking, _ = record(lambda v, c: v.look_at(15.0))
    assert np.all(band_power(looking, 9, 11)[OCCIPITAL] < 0.6 * band_power(rest, 9, 11)[OCCIPITAL])


def test_each_person_focuses_as_hard_as_they_can_when_a_round_asks_them_to():
    strong, weak = VirtualVisitor(), VirtualVisitor(seed=1, focus=0.7)
    for visitor in (strong, weak):
        visitor.follow(cues.Round(cues.RoundMode.FOCUS))
    assert strong.snapshot().attention == FOCUSED_ATTENTION == 0.9
    assert weak.snapshot().attention == 0.7
    for visitor in (strong, weak):
        visitor.follow(cues.Round(cues.RoundMode.RELAX))
        assert visitor.snapshot().attention == RESTING_ATTENTION and visitor.snapshot().relaxed
        visitor.follow(cues.Round(cues.RoundMode.END))
        assert visitor.snapshot().attention == RESTING_ATTENTION and not visitor.snapshot().relaxed
    # Same seed, so the same background: the difference in a focus round is the weaker focus alone.
    focus_round = lambda v, c: v.follow(cues.Round(cues.RoundMode.FOCUS))  # noqa: E731
    strong_eeg, _ = record(focus_round)
    weak_eeg, _ = record(focus_round, focus=0.7)
    fz = ch("Fz")
    assert band_power(weak_eeg, 13, 30)[fz] < 0.95 * band_power(strong_eeg, 13, 30)[fz]
    assert band_power(weak_eeg, 4, 8)[fz] > band_power(strong_eeg, 4, 8)[fz]


@pytest.mark.parametrize("focus", [-0.1, 1.5, float("nan")])
def test_a_focus_that_is_no_attention_level_is_refused(focus):
    with pytest.raises(ValueError, match="focus"):
        VirtualVisitor(focus=focus)
