"""Per-channel signal quality codes: what staff must fix before a demo can work (no Qt).

Computed from the last second or two of raw and display-filtered EEG. The thresholds are for
scalp EEG in µV as BrainFlow delivers it: a working electrode shows tens of µV; an input that
saturates sits at the amplifier's rail (OpenBCI's ±187,500 µV); a disconnected input is flat;
an electrode that pops or a blink throws a transient of hundreds of µV; a clenched jaw adds
broadband muscle activity above 20 Hz.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np

from drivers.analysis.dsp import Spectrum, welch_spectrum

RAILED_ABOVE_UV = 100_000.0
FLAT_BELOW_UV = 0.5
ARTIFACT_ABOVE_UV = 400.0  # peak-to-peak of the filtered signal
MUSCLE_ABOVE_UV = 10.0  # RMS of the raw signal between 20 Hz and 45 Hz or Nyquist, mains excluded
MUSCLE_BAND_HZ = (20.0, 45.0)


class ChannelQuality(StrEnum):
    GOOD = "good"
    FLAT = "flat"
    RAILED = "railed"
    ARTIFACT = "artifact"  # a large transient: electrode pop, movement, blink on frontal sites
    MUSCLE = "muscle"  # sustained EMG: jaw clench, frowning, chewing
    INVALID = "invalid"  # the board sent NaN or infinite values (a driver or cable fault)


def muscle_rms(spectrum: Spectrum, sampling_rate: float) -> np.ndarray:
    """Per channel, the RMS (µV) between 20 Hz and 45 Hz (or Nyquist), mains lines left out: what
    a clenched jaw or a frown adds, and EEG hardly has."""
    low, high = MUSCLE_BAND_HZ
    band = (spectrum.freqs >= low) & (spectrum.freqs <= min(high, 0.45 * sampling_rate))
    band &= np.abs(spectrum.freqs - 50.0) > 2.0
    band &= np.abs(spectrum.freqs - 60.0) > 2.0
    bin_width = spectrum.freqs[1] - spectrum.freqs[0]
    return np.sqrt(spectrum.power[:, band].sum(axis=1) * bin_width)


def assess_channels(
    raw: np.ndarray,
    filtered: np.ndarray,
    sampling_rate: float,
    raw_spectrum: Spectrum | None = None,
    invalid: np.ndarray | None = None,
) -> list[ChannelQuality]:
    """One code per channel for (channels, samples) windows of raw and filtered EEG in µV.

    Pass ``raw_spectrum`` (``welch_spectrum(raw, sampling_rate)``) if the caller has it already,
    and ``invalid`` (the window's mask of values that arrived as NaN or inf) to have those
    channels called INVALID whatever their stand-in values look like.
    """
    bad = invalid.any(axis=1) if invalid is not None and invalid.size else np.zeros(raw.shape[0], bool)
    if raw.shape[1] < 8:
        return [ChannelQuality.INVALID if bad[c] else ChannelQuality.GOOD for c in range(raw.shape[0])]
    railed = np.mean(np.abs(raw) >= RAILED_ABOVE_UV, axis=1) > 0.5
    flat = raw.std(axis=1) < FLAT_BELOW_UV
    transient = np.ptp(filtered, axis=1) > ARTIFACT_ABOVE_UV
    muscle = muscle_rms(raw_spectrum or welch_spectrum(raw, sampling_rate), sampling_rate) > MUSCLE_ABOVE_UV
    codes = []
    for channel in range(raw.shape[0]):
        if bad[channel]:
            codes.append(ChannelQuality.INVALID)
        elif railed[channel]:
            codes.append(ChannelQuality.RAILED)
        elif flat[channel]:
            codes.append(ChannelQuality.FLAT)
        elif transient[channel]:
            codes.append(ChannelQuality.ARTIFACT)
        elif muscle[channel]:
            codes.append(ChannelQuality.MUSCLE)
        else:
            codes.append(ChannelQuality.GOOD)
    return codes
