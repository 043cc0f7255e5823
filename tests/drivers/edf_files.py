"""Small EDF+ files for tests: a synthetic SSVEP recording, and byte-level editing of its header.

Shared by the EDF reader's tests and the offline evaluation's tests and fuzz.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import edfio
import numpy as np

from drivers.files.edf import SIGNAL_FIELDS

CHANNELS = ("O1", "Oz", "O2", "POz")
#: Trial labels in recording order, 6.5 s apart from 2 s on (as in the Kalunga files: rest first).
LABELS = ("rest", "rest", "13Hz", "17Hz", "21Hz", "13Hz", "17Hz", "21Hz")
FIRST_ONSET_S, TRIAL_SPACING_S, TRIAL_S = 2.0, 6.5, 5.0
#: (offset, width) of the fixed header fields this test edits.
HEADER_FIELDS = {
    "version": (0, 8),
    "bytes in header": (184, 8),
    "number of data records": (236, 8),
    "duration of a data record": (244, 8),
    "number of signals": (252, 4),
}


def write_ssvep_edf(
    path: Path,
    *,
    rate: float = 128.0,
    record_s: float = 0.5,
    labels: Sequence[str] = LABELS,
    channels: Sequence[str] = CHANNELS,
    hum: tuple[float, float] = (0.0, 50.0),
    flat: Sequence[str] = (),
    seed: int = 0,
) -> Path:
    """A small EDF+C SSVEP recording written by edfio: noise, plus each flicker trial's frequency and
    its second harmonic in every channel, plus ``hum`` (µV, Hz), plus constant ``flat`` channels."""
    rng = np.random.default_rng(seed)
    duration = FIRST_ONSET_S + TRIAL_SPACING_S * len(labels)
    t = np.arange(round(duration * rate)) / rate
    data = 5.0 * rng.standard_normal((len(channels), len(t)))
    data += hum[0] * np.sin(2 * np.pi * hum[1] * t + rng.uniform(0, 2 * np.pi, (len(channels), 1)))
    for index, label in enumerate(labels):
        onset = FIRST_ONSET_S + TRIAL_SPACING_S * index
        if label.endswith("Hz") and label[:-2].replace(".", "").isdigit():
            frequency = float(label[:-2])
            inside = (t >= onset + 0.3) & (t < onset + TRIAL_S)
            for harmonic, amplitude in ((1, 3.0), (2, 1.5)):
                data[:, inside] += amplitude * np.sin(2 * np.pi * harmonic * frequency * t[inside])
    signals = [
        edfio.EdfSignal(values, rate, label=name, physical_dimension="uV")
        for values, name in zip(data, channels, strict=True)
    ]
    signals += [
        edfio.EdfSignal(
            np.full(len(t), 12.5), rate, label=name, physical_dimension="uV", physical_range=(-500, 500)
        )
        for name in flat
    ]
    annotations = [
        edfio.EdfAnnotation(FIRST_ONSET_S + TRIAL_SPACING_S * index, TRIAL_S, label)
        for index, label in enumerate(labels)
    ]
    edfio.Edf(signals, annotations=annotations, data_record_duration=record_s).write(path)
    return path


def n_signals(raw: bytes) -> int:
    return int(raw[252:256])


def header_size(raw: bytes) -> int:
    return 256 * (n_signals(raw) + 1)


def signal_field_span(raw: bytes, name: str, signal: int) -> tuple[int, int]:
    start = 256
    for field, width in SIGNAL_FIELDS:
        if field == name:
            return start + signal * width, start + (signal + 1) * width
        start += width * n_signals(raw)
    raise KeyError(name)


def set_field(raw: bytes, name: str, value: str | bytes, signal: int | None = None) -> bytes:
    """``raw`` with one header field (of ``signal``, for per-signal fields) set to ``value``, space-padded."""
    if signal is None:
        start, width = HEADER_FIELDS[name]
        end = start + width
    else:
        start, end = signal_field_span(raw, name, signal)
    value = value.encode() if isinstance(value, str) else value
    assert len(value) <= end - start
    return raw[:start] + value.ljust(end - start) + raw[end:]


def get_field(raw: bytes, name: str, signal: int) -> str:
    start, end = signal_field_span(raw, name, signal)
    return raw[start:end].decode().strip()


def record_bytes(raw: bytes) -> int:
    return 2 * sum(int(get_field(raw, "samples per data record", i)) for i in range(n_signals(raw)))


def replace_once(raw: bytes, old: bytes, new: bytes) -> bytes:
    """``raw`` with the single occurrence of ``old`` (in the annotations) replaced by as many bytes."""
    assert len(new) == len(old) and raw.count(old) == 1, (old, raw.count(old))
    return raw.replace(old, new)
