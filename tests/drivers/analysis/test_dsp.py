from __future__ import annotations

import numpy as np
from scipy import signal

from drivers.analysis.dsp import CausalFilter, display_filter_sos, welch_spectrum

FS = 250.0


def sine(freq: float, seconds: float, amplitude: float = 10.0) -> np.ndarray:
    t = np.arange(int(seconds * FS)) / FS
    return amplitude * np.sin(2 * np.pi * freq * t)


def test_chunked_filtering_equals_one_pass_because_state_is_kept():
    rng = np.random.default_rng(0)
    data = rng.standard_normal((3, 2000)) * 20 + 500  # with a DC offset, as real amplifiers have
    sos = display_filter_sos(FS, 50)
    chunked = CausalFilter(sos, 3)
    pieces = []
    start = 0
    for size in rng.integers(1, 30, size=400):
        pieces.append(chunked(data[:, start : start + size]))
        start += size
        if start >= data.shape[1]:
            break
    out = np.hstack(pieces)
    zi = signal.sosfilt_zi(sos)[:, None, :] * data[None, :, 0, None]
    expected, _ = signal.sosfilt(sos, data[:, : out.shape[1]], axis=1, zi=zi)
    np.testing.assert_allclose(out, expected, atol=1e-9)


def test_display_chain_removes_mains_and_dc_and_keeps_alpha():
    data = np.vstack([sine(10, 8) + sine(50, 8, amplitude=40) + 3000.0])
    out = CausalFilter(display_filter_sos(FS, 50), 1)(data)[:, int(4 * FS) :]  # after settling
    spectrum = welch_spectrum(out, FS, segment_s=2.0)
    power_at = {f: spectrum.power[0, np.argmin(abs(spectrum.freqs - f))] for f in (10, 50)}
    assert power_at[50] < power_at[10] * 1e-3
    assert abs(out.mean()) < 1.0
    assert 9.0 < np.sqrt(2) * out.std() < 11.0  # the 10 µV alpha passes essentially unchanged


def test_60_hz_notch_when_configured():
    sos = display_filter_sos(FS, 60)
    freqs, response = signal.sosfreqz(sos, worN=4096, fs=FS)
    gain_db = 20 * np.log10(np.abs(response) + 1e-12)
    assert gain_db[np.argmin(abs(freqs - 60))] < -30
    assert gain_db[np.argmin(abs(freqs - 50))] < -10  # outside the 1-40 Hz display band anyway
    assert abs(gain_db[np.argmin(abs(freqs - 10))]) < 0.5


def test_band_powers_integrate_the_spectrum():
    data = np.vstack([sine(10, 4, amplitude=10), sine(20, 4, amplitude=4)])
    powers = welch_spectrum(data, FS, segment_s=2.0).band_powers()
    # columns: delta theta alpha beta gamma; a sine of amplitude A carries A²/2
    assert np.argmax(powers[0]) == 2 and abs(powers[0, 2] - 50) < 5
    assert np.argmax(powers[1]) == 3 and abs(powers[1, 3] - 8) < 1
