"""Per-channel signal summary for the signal explorer (numpy/scipy only, no Qt).

Staff read this table while fitting a headset: the quality code (flat, railed, artifact, muscle,
good; see :mod:`drivers.analysis.quality`), the amplitude, how much mains hum the raw signal carries (a loose
electrode picks up 50 Hz first) and the dominant rhythm.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from drivers.analysis.dsp import welch_spectrum
from drivers.analysis.quality import ChannelQuality, assess_channels
from drivers.roles import Role
from drivers.signal_check import Verdict, check_window

MAINS_HALF_WIDTH_HZ = 2.0  # the Hann window spreads a line over about ±1.5 bins of 1 Hz
RHYTHM_RANGE_HZ = (1.0, 40.0)


@dataclass(frozen=True)
class ChannelSummary:
    quality: ChannelQuality
    rms_uv: float
    mains_uv: float
    dominant_hz: float


def summarize_channels(
    raw: np.ndarray,
    filtered: np.ndarray,
    sampling_rate: float,
    mains_hz: float,
    invalid: np.ndarray | None = None,
) -> list[ChannelSummary]:
    """Summaries of (channels, samples) raw and display-filtered EEG in µV; ``invalid`` marks
    values that arrived as NaN or inf (see :class:`~drivers.stream.ringbuffer.Window`)."""
    if raw.shape[1] < int(sampling_rate / 2):
        return []
    rms = np.sqrt(np.mean((filtered - filtered.mean(axis=1, keepdims=True)) ** 2, axis=1))
    raw_spectrum = welch_spectrum(raw, sampling_rate)
    mains = raw_spectrum.band_powers(
        {"mains": (mains_hz - MAINS_HALF_WIDTH_HZ, mains_hz + MAINS_HALF_WIDTH_HZ)}
    )
    # A sine of amplitude A has power A²/2: report the hum as an amplitude staff can compare to EEG.
    mains_uv = np.sqrt(2 * mains[:, 0])
    filtered_spectrum = welch_spectrum(filtered, sampling_rate)
    low, high = RHYTHM_RANGE_HZ
    band = (filtered_spectrum.freqs >= low) & (filtered_spectrum.freqs <= high)
    dominant = filtered_spectrum.freqs[band][np.argmax(filtered_spectrum.power[:, band], axis=1)]
    qualities = assess_channels(raw, filtered, sampling_rate, raw_spectrum, invalid)
    return [
        ChannelSummary(quality=q, rms_uv=float(r), mains_uv=float(m), dominant_hz=float(d))
        for q, r, m, d in zip(qualities, rms, mains_uv, dominant, strict=True)
    ]


def headset_off(
    raw: np.ndarray,
    filtered: np.ndarray,
    sampling_rate: float,
    names: Sequence[str],
    roles: Sequence[Role],
    invalid: np.ndarray | None = None,
) -> bool:
    """Whether the headset looks taken off (most channels railed, flat or huge at once), judged as
    the signal check before decoding demos judges it: then the table says so once, instead of a
    warning on every channel."""
    if raw.shape[1] == 0:
        return False
    result = check_window(raw, sampling_rate, names, roles, filtered=filtered, invalid=invalid)
    return result.verdict is Verdict.HEADSET_OFF
