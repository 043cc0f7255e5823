"""Signal processing shared by acquisition, plots and decoders (numpy/scipy only, no Qt).

Why scipy and not BrainFlow's ``DataFilter`` here: the stream is filtered chunk by chunk as it
arrives, and only ``scipy.signal.sosfilt`` keeps the filter state (``zi``) between chunks, so the
display is free of edge transients every 20 ms (the same choice as MNE-LSL). Spectra use Welch's
method once per update for all channels, and band powers integrate that same spectrum instead of
computing it again per band.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The classical EEG bands (Hz), in display order.
BANDS: dict[str, tuple[float, float]] = {
    "delta": (1.0, 4.0),
    "theta": (4.0, 8.0),
    "alpha": (8.0, 13.0),
    "beta": (13.0, 30.0),
    "gamma": (30.0, 45.0),
}

DISPLAY_BAND_HZ = (1.0, 40.0)
MAINS_CHOICES_HZ = (50.0, 60.0)
#: A mains line this far above its spectral neighbourhood is hum. The Kalunga files, notched by
#: their amplifier, show 2-9 dB at 50 Hz (median over channels); 30 µV of hum on them shows ~40 dB.
HUM_THRESHOLD_DB = 20.0
NOTCH_QUALITY = 30.0


def display_filter_sos(
    sampling_rate: float, mains_hz: float | None, band: tuple[float, float] = DISPLAY_BAND_HZ
) -> np.ndarray:
    """Second-order sections of the display chain: mains notch then a 4th-order Butterworth band-pass."""
    # scipy.signal takes ~0.7 s to import: imported where used, not on the way to the first screen.
    from scipy import signal

    nyquist = sampling_rate / 2
    low, high = band
    high = min(high, 0.45 * sampling_rate)
    sections = [signal.butter(4, [low, high], btype="bandpass", fs=sampling_rate, output="sos")]
    if mains_hz is not None and mains_hz < nyquist:
        b, a = signal.iirnotch(mains_hz, NOTCH_QUALITY, fs=sampling_rate)
        sections.insert(0, signal.tf2sos(b, a))
    return np.vstack(sections)


class CausalFilter:
    """A multichannel ``sosfilt`` that keeps its state across chunks.

    The state starts at the steady-state response to the first sample of each channel, so the
    DC offset of a real amplifier (often tens of mV) does not ring through the display for seconds.
    """

    def __init__(self, sos: np.ndarray, n_channels: int) -> None:
        self._sos = sos
        self._n_channels = n_channels
        from scipy import signal  # see display_filter_sos

        self._zi_unit = signal.sosfilt_zi(sos)  # (sections, 2)
        self._zi: np.ndarray | None = None

    def reset(self) -> None:
        self._zi = None

    def __call__(self, chunk: np.ndarray) -> np.ndarray:
        if chunk.shape[1] == 0:
            return chunk.copy()
        from scipy import signal  # see display_filter_sos

        if self._zi is None:
            self._zi = self._zi_unit[:, None, :] * chunk[None, :, 0, None]
        out, self._zi = signal.sosfilt(self._sos, chunk, axis=1, zi=self._zi)
        return out


@dataclass(frozen=True)
class Spectrum:
    """Power spectral density per channel: ``freqs`` (Hz) and ``power`` (channels, freqs) in µV²/Hz."""

    freqs: np.ndarray
    power: np.ndarray

    def band_powers(self, bands: dict[str, tuple[float, float]] = BANDS) -> np.ndarray:
        """Absolute power per channel and band (channels, bands) in µV², integrated over the PSD."""
        result = np.zeros((self.power.shape[0], len(bands)))
        for column, (low, high) in enumerate(bands.values()):
            mask = (self.freqs >= low) & (self.freqs < high)
            if mask.sum() >= 2:
                result[:, column] = np.trapezoid(self.power[:, mask], self.freqs[mask], axis=1)
        return result


def welch_spectrum(data: np.ndarray, sampling_rate: float, segment_s: float = 1.0) -> Spectrum:
    """Welch PSD of every channel at once (Hann, 50 % overlap, mean removed per segment).

    Not ``detrend="linear"``: that solves a least-squares fit per segment through LAPACK, whose
    OpenBLAS threads then spin on every core; at 32 ch x 1 kHz that took the live panel from
    ~60 % to ~150 % CPU. Sub-1 Hz drift, the only thing a linear detrend adds here, lies outside
    every band we report.
    """
    nperseg = max(8, min(data.shape[1], int(segment_s * sampling_rate)))
    from scipy import signal  # see display_filter_sos

    freqs, power = signal.welch(data, fs=sampling_rate, nperseg=nperseg, detrend="constant", axis=1)
    return Spectrum(freqs=freqs, power=power)


def mains_hum_db(data: np.ndarray, rate: float) -> dict[float, float]:
    """How far each mains frequency stands above its spectral neighbourhood, in dB (median over channels).

    Hum is a narrow line: the highest Welch bin (0.5 Hz resolution) within 0.5 Hz of 50 or 60 Hz
    against the median 2-5 Hz away on both sides, where EEG is smooth. Only frequencies whose
    neighbourhood lies below the Nyquist frequency are measured.
    """
    spectrum = welch_spectrum(data, rate, segment_s=2.0)
    distance = np.abs(spectrum.freqs[None, :] - np.array(MAINS_CHOICES_HZ)[:, None])
    floor = np.finfo(float).tiny  # a line in digital silence is hum too, not a division by zero
    measured = {}
    for mains, away in zip(MAINS_CHOICES_HZ, distance, strict=True):
        line, around = away <= 0.5, (away >= 2.0) & (away <= 5.0)
        if mains + 5.0 >= rate / 2 or not line.any() or not around.any():
            continue
        peak = np.maximum(spectrum.power[:, line].max(axis=1), floor)
        level = np.maximum(np.median(spectrum.power[:, around], axis=1), floor)
        measured[mains] = float(np.median(10 * np.log10(peak / level)))
    return measured


def find_hum(data: np.ndarray, rate: float) -> float | None:
    """The mains frequency whose hum stands out most (at least :data:`HUM_THRESHOLD_DB`), or None:
    offline evaluations notch what a recording holds, not what the showroom's country uses."""
    hum = {mains: db for mains, db in mains_hum_db(data, rate).items() if db >= HUM_THRESHOLD_DB}
    return max(hum, key=hum.__getitem__) if hum else None
