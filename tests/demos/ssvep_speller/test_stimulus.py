"""The stimulus shows the sampled sinusoid frame by frame and counts what it drops."""

from __future__ import annotations

import numpy as np
import pytest

from demos.ssvep_speller.stimulus import FrameClock, jfpm_phases, luminance, validate_frequencies


def test_luminance_is_the_sampled_sinusoid_for_a_frequency_that_does_not_divide_the_refresh_rate():
    refresh, frequency, phase = 60.0, 8.6, 0.5 * np.pi  # 60 / 8.6 is not an integer
    frames = np.arange(600)
    shown = np.array([luminance(np.array([frequency]), np.array([phase]), n, refresh)[0] for n in frames])
    expected = 0.5 * (1 + np.sin(2 * np.pi * frequency * frames / refresh + phase))
    np.testing.assert_allclose(shown, expected, atol=1e-12)
    assert shown.min() >= 0 and shown.max() <= 1
    # The sequence really carries 8.6 Hz: its spectrum peaks there, not at a divisor of 60 Hz.
    spectrum = np.abs(np.fft.rfft(shown - shown.mean()))
    peak = np.fft.rfftfreq(len(shown), 1 / refresh)[np.argmax(spectrum)]
    assert peak == pytest.approx(8.6, abs=0.1)


def test_jfpm_phases_step_by_half_pi():
    phases = jfpm_phases(40)
    assert phases[:5] == pytest.approx([0, np.pi / 2, np.pi, 1.5 * np.pi, 0])


def test_frame_clock_measures_the_period_and_counts_dropped_frames():
    clock = FrameClock()
    period = 1 / 60
    t = 10.0
    for n in range(120):
        skipped = 2 if n in (30, 80) else 0  # two late frames, each two periods late
        t += period * (1 + skipped)
        clock.presented(t + (0.0004 if n % 2 else -0.0004))  # jitter below the 1.2 x threshold
    assert clock.refresh_hz == pytest.approx(60, rel=0.01)
    assert clock.dropped_frames == 4
    assert clock.has_vsync
    assert len(clock.intervals_s) == 119  # every interval kept for the session record


def test_no_vsync_is_recognised_and_a_nominal_rate_takes_over():
    clock = FrameClock()
    for n in range(50):
        clock.presented(n * 0.0015)  # Mesa under Xvfb: a frame every 1.5 ms
    assert not clock.has_vsync
    paced = FrameClock(nominal_hz=60.0)
    assert paced.refresh_hz == 60.0 and paced.dropped_frames == 0


def test_layout_frequencies_are_validated_against_the_refresh_rate():
    assert validate_frequencies(8 + 0.2 * np.arange(40), 60.0) == []
    problems = validate_frequencies([8.0, 25.0, 8.0], 60.0)
    assert any("25 Hz" in problem for problem in problems)
    assert any("share a frequency" in problem for problem in problems)
