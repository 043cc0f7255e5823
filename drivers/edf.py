"""EDF/EDF+ recordings: signals in µV, channel names, sampling rate and annotations (no Qt).

Read with edfio, which returns physical values exactly as stored. Offline evaluation uses it
today; replay and import of recordings will reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

_TO_MICROVOLTS = {"uv": 1.0, "µv": 1.0, "mv": 1e3, "v": 1e6, "nv": 1e-3}


@dataclass(frozen=True)
class Annotation:
    onset_s: float
    duration_s: float
    text: str


@dataclass(frozen=True)
class Recording:
    """(channels, samples) µV at one sampling rate, with the recording's annotations."""

    data: np.ndarray
    channel_names: list[str]
    sampling_rate: float
    annotations: list[Annotation]
    path: Path


class RecordingError(ValueError):
    """A file that can't be used as an EEG recording; the message says why."""


def read_edf(path: str | Path, channels: list[str] | None = None) -> Recording:
    """Read the EEG signals (all, or ``channels`` by name) of an EDF/EDF+ file."""
    import edfio

    path = Path(path)
    try:
        edf = edfio.read_edf(path)
    except FileNotFoundError:
        raise RecordingError(f"{path}: no such file") from None
    except Exception as error:  # edfio raises several kinds for malformed headers
        raise RecordingError(f"{path}: not a readable EDF file ({error})") from None
    signals = [signal for signal in edf.signals if signal.label != "EDF Annotations"]
    if channels is not None:
        by_name = {signal.label: signal for signal in signals}
        missing = [name for name in channels if name not in by_name]
        if missing:
            raise RecordingError(f"{path}: no channel(s) {', '.join(missing)}; it has {', '.join(by_name)}")
        signals = [by_name[name] for name in channels]
    if not signals:
        raise RecordingError(f"{path}: no signals")
    rates = {signal.sampling_frequency for signal in signals}
    if len(rates) != 1:
        raise RecordingError(f"{path}: channels have different sampling rates {sorted(rates)}; pick some")
    scales = []
    for signal in signals:
        unit = signal.physical_dimension.strip().lower()
        if unit not in _TO_MICROVOLTS:
            raise RecordingError(
                f"{path}: channel {signal.label} is in {signal.physical_dimension!r}, not volts"
            )
        scales.append(_TO_MICROVOLTS[unit])
    data = np.vstack([signal.data * scale for signal, scale in zip(signals, scales, strict=True)])
    annotations = [Annotation(float(a.onset), float(a.duration or 0.0), a.text) for a in edf.annotations]
    return Recording(data, [signal.label for signal in signals], float(rates.pop()), annotations, path)
