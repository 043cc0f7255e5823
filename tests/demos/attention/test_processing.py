"""The indices and artifact holds on synthetic windows, real EEG and the virtual visitor."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from demos.attention.processing import (
    WINDOW_S,
    ArtifactLimits,
    Baseline,
    Hold,
    IndexMeter,
    band_powers,
    check_window,
    choose_channels,
    find_hold,
    index_values,
    learn_baseline,
)
from drivers.analysis.dsp import display_filter_sos
from drivers.boards.profiles import find_profile
from drivers.files.edf import read_edf
from drivers.roles import Role, electrode_role
from tests.virtual_stream import LiveStream

RATE = 250.0


def sines(
    amplitudes: dict[float, float], n_channels: int = 4, seconds: float = 2.0, seed: int = 0
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    wave = sum(a * np.sin(2 * np.pi * f * t + rng.uniform(0, 6)) for f, a in amplitudes.items())
    return np.tile(wave, (n_channels, 1)) + rng.normal(0, 0.5, (n_channels, len(t)))


def test_channels_follow_the_montage():
    virtual = choose_channels(find_profile("virtual_visitor").roles)
    roles = find_profile("virtual_visitor").roles
    assert {roles[row] for row in virtual.relax} == {Role.OCCIPITAL, Role.PARIETAL}
    assert len(virtual.focus) == 16 and {roles[row] for row in virtual.frontal} == {Role.FRONTAL}
    muse = choose_channels(find_profile("muse2").roles)  # TP9, AF7, AF8, TP10: no posterior site
    assert muse.relax == muse.focus == (0, 1, 2, 3) and muse.frontal == (1, 2)
    with pytest.raises(ValueError):
        choose_channels([Role.REFERENCE])


def test_indices_read_the_bands_they_name():
    channels = choose_channels([Role.OCCIPITAL] * 4)
    alpha = index_values(band_powers(sines({10.0: 20.0, 18.0: 2.0}), RATE), channels)
    beta = index_values(band_powers(sines({10.0: 2.0, 18.0: 20.0}), RATE), channels)
    assert alpha[1] > beta[1] + 2  # relative alpha: log units
    assert beta[0] > alpha[0] + 2  # engagement beta / (alpha + theta)
    flat = index_values(np.zeros((4, 3)), channels)  # a dead channel gives numbers, not NaN
    assert np.isfinite(flat).all()


def test_baseline_scales_from_the_visitors_own_levels():
    rng = np.random.default_rng(1)
    eyes_open = np.column_stack([rng.normal(0.0, 0.1, 50), rng.normal(-1.0, 0.1, 50)])
    eyes_closed = np.column_stack([rng.normal(-0.8, 0.1, 50), rng.normal(0.0, 0.1, 50)])
    baseline = Baseline.from_values(eyes_open, eyes_closed)
    assert baseline.alpha_rose
    at_rest = baseline.score(baseline.open_mean)
    assert at_rest[0] == pytest.approx(50, abs=1) and at_rest[1] < 10
    assert baseline.score(baseline.closed_mean)[1] > 90
    assert baseline.score(baseline.open_mean + np.array([0.4, 0.0]))[0] > 90  # 4 SD above rest
    with pytest.raises(ValueError, match="clean windows"):
        Baseline.from_values(eyes_open[:3], eyes_closed)


def test_relax_scale_stays_sane_when_alpha_did_not_rise():
    """Eyes that did not close (or poor contact): the eyes-closed level is no higher than the open
    one, so two eyes-open spreads stand in for the span instead of a division by ~0."""
    rng = np.random.default_rng(2)
    eyes_open = np.column_stack([np.zeros(40), rng.normal(-1.0, 0.1, 40)])
    baseline = Baseline.from_values(eyes_open, eyes_open.copy())
    assert not baseline.alpha_rose
    one_sd_up = baseline.score(np.array([0.0, baseline.open_mean[1] + baseline.open_sd[1]]))[1]
    assert 10 < one_sd_up < 90  # halfway up the stand-in span: a middling score, not 0 or 100


def test_meter_holds_its_value_through_gaps_and_smooths():
    channels = choose_channels([Role.OCCIPITAL] * 4)
    meter = IndexMeter(channels, 4, RATE, smoothing_s=0.4)
    calm = sines({10.0: 20.0, 18.0: 2.0}, seconds=WINDOW_S)
    meter.baseline = Baseline(np.array([0.0, -2.0]), np.array([0.2, 0.2]), np.array([-2.0, 0.0]), 20, 20)
    first = meter.update(calm, calm, 0.0)
    assert first.hold is None and first.scores is not None
    gap = meter.update(calm, calm, 0.1, intact=False)
    assert gap.hold is Hold.GAP and np.array_equal(gap.scores, first.scores)
    busy = sines({10.0: 2.0, 18.0: 20.0}, seconds=WINDOW_S)
    moved = meter.update(busy, busy, 0.1)
    # One tick of 0.1 s moves 1 - exp(-0.25) = 22 % of the way, not all of it.
    target = meter.baseline.score(index_values(band_powers(busy, RATE), channels))
    assert moved.scores[0] == pytest.approx(
        first.scores[0] + 0.2212 * (target[0] - first.scores[0]), rel=1e-3
    )


def _recorded_readings(recording, channels, rows) -> list:
    """A meter's readings of 1 s windows every 0.1 s of a real recording (display-filtered like live)."""
    rate = recording.sampling_rate
    raw = recording.data[rows]
    filtered = signal.sosfilt(display_filter_sos(rate, 50.0), raw - raw[:, :1], axis=1)
    meter = IndexMeter(channels, len(rows), rate)
    size, step = round(rate), round(rate / 10)
    return [
        meter.measure(raw[:, s : s + size], filtered[:, s : s + size], s / rate)
        for s in range(size, raw.shape[1] - size, step)
    ]


def test_a_baseline_learns_limits_per_phase(shared_data):
    """Closed eyes raise alpha: on PhysioNet S001, limits learnt from the open eyes alone hold
    hundreds of the eyes-closed windows as movement; learnt per phase, one at most."""
    runs = [read_edf(shared_data / "mi" / name) for name in ("S001R01.edf", "S001R02.edf")]
    names = runs[0].channel_names
    rows = [row for row, name in enumerate(names) if electrode_role(name)]
    channels = choose_channels([electrode_role(names[row]) for row in rows])
    eyes_open, eyes_closed = (_recorded_readings(run, channels, rows) for run in runs)
    learnt = learn_baseline(eyes_open, eyes_closed, channels)
    open_only = ArtifactLimits.from_checks([r.check for r in eyes_open])
    held_by_open_limits = sum(find_hold(r.check, channels, open_only) is not None for r in eyes_closed)
    held_by_learnt = sum(find_hold(r.check, channels, learnt.limits) is not None for r in eyes_closed)
    assert held_by_open_limits > len(eyes_closed) / 4 and held_by_learnt <= 2
    assert learnt.baseline.n_closed == len(eyes_closed) - held_by_learnt
    assert learnt.baseline.alpha_rose and learnt.closed_powers[0] > 2 * learnt.rest_powers[0]


def test_a_blink_in_the_baseline_is_left_out_of_it():
    live = LiveStream(seed=21)
    channels = choose_channels(live.profile.roles)
    meter = IndexMeter(channels, len(live.profile.roles), RATE)
    live.advance(2.0)

    def phase(seconds: float, blink_at: float | None = None) -> list:
        readings = []
        for tick in range(round(seconds / 0.1)):
            if blink_at is not None and tick == round(blink_at / 0.1):
                live.visitor.blink()
            live.advance(0.1)
            raw, filtered = live.stream.latest(WINDOW_S, filtered=False), live.stream.latest(WINDOW_S)
            readings.append(meter.measure(raw.data, filtered.data, live.now, invalid=raw.invalid))
        return readings

    eyes_open = phase(15.0, blink_at=8.0)
    live.visitor.set_relaxed(True)
    phase(2.0)  # the alpha rises
    learnt = learn_baseline(eyes_open, phase(15.0), channels)
    # The blink's 1.3 s of windows (a window holds it for its own second and the blink's 0.3 s).
    assert len(eyes_open) - 15 <= learnt.baseline.n_open <= len(eyes_open) - 8


def _live_windows(live: LiveStream, seconds: float, step: float = 0.1):
    for _ in range(round(seconds / step)):
        live.advance(step)
        yield live.stream.latest(WINDOW_S, filtered=False), live.stream.latest(WINDOW_S)


def test_blinks_clenches_and_broken_electrodes_hold_on_the_virtual_visitor():
    live = LiveStream(seed=4)
    channels = choose_channels(live.profile.roles)
    live.advance(2.0)
    checks = [check_window(raw.data, f.data, RATE, channels) for raw, f in _live_windows(live, 10.0)]
    limits = ArtifactLimits.from_checks(checks)
    assert all(find_hold(check, channels, limits) is None for check in checks[-50:])

    def holds(seconds: float) -> list:
        return [
            find_hold(check_window(raw.data, f.data, RATE, channels, raw.invalid), channels, limits)
            for raw, f in _live_windows(live, seconds)
        ]

    live.visitor.blink()
    assert Hold.BLINK in holds(0.5)
    holds(1.5)
    live.visitor.clench(1.0)
    assert Hold.JAW in holds(1.0)
    holds(1.5)
    live.visitor.pop_electrode(12)  # O1: far from the eyes
    assert Hold.MOVEMENT in holds(0.5)
    holds(3.0)
    live.visitor.flat_channel(3)
    assert set(holds(1.5)[-5:]) == {Hold.HEADSET}  # once the window holds only the flat signal


def test_artifact_limits_are_the_recordings_own(shared_data):
    """PhysioNet S001's resting EEG has more 20-45 Hz power than the live panel's muscle line on
    most channels: absolute limits would hold every window; the visitor's own hold few."""
    recording = read_edf(shared_data / "mi" / "S001R01.edf")
    rows = [row for row, name in enumerate(recording.channel_names) if electrode_role(name)]
    roles = [electrode_role(recording.channel_names[row]) for row in rows]
    channels = choose_channels(roles)
    raw = recording.data[rows]
    filtered = signal.sosfilt(display_filter_sos(160.0, None), raw - raw[:, :1], axis=1)
    size = 320
    checks = [
        check_window(raw[:, s : s + size], filtered[:, s : s + size], 160.0, channels)
        for s in range(160, raw.shape[1] - size, size)
    ]
    absolute = ArtifactLimits.absolute(len(rows))
    own = ArtifactLimits.from_checks(checks)
    held_absolute = sum(find_hold(c, channels, absolute) is not None for c in checks)
    held_own = [find_hold(c, channels, own) for c in checks]
    assert held_absolute == len(checks)
    assert sum(h is not None for h in held_own) < len(checks) / 3
    assert Hold.BLINK in held_own  # the subject blinks in R01
