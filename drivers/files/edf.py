"""EDF/EDF+ recordings: signals in µV, channel names, sampling rate and annotations (no Qt).

edfio reads the signals (physical values exactly as stored). It forgives damage that would make
an offline evaluation lie: a truncated file or a wrong record count is only a warning, header
numbers it can't parse give uncalibrated data, annotation records that don't parse are skipped
in silence, and data and annotations are read lazily, so damage surfaces as assorted exceptions
long after the file was opened. So :func:`read_edf` first checks every header field it relies
on, the file size against the header, the EDF+ timekeeping of every data record and every
annotation against the EDF+ grammar, and raises :class:`RecordingError` with one sentence naming
the file and what is wrong. A file is read whole or not at all.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_TO_MICROVOLTS = {"uv": 1.0, "µv": 1.0, "mv": 1e3, "v": 1e6, "nv": 1e-3}
_ANNOTATIONS_LABEL = "EDF Annotations"
_FIXED_HEADER_BYTES = 256
#: (name, width) of each per-signal header field; the file stores each field for all signals in turn.
SIGNAL_FIELDS = (
    ("label", 16),
    ("transducer type", 80),
    ("physical dimension", 8),
    ("physical minimum", 8),
    ("physical maximum", 8),
    ("digital minimum", 8),
    ("digital maximum", 8),
    ("prefiltering", 80),
    ("samples per data record", 8),
    ("reserved", 32),
)
_INT16_RANGE = (-32768, 32767)
_INTEGER = re.compile(r"[+-]?\d+")
# Not Python's float(): it also takes "nan", "inf" and "1_0", which a flipped byte can produce.
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
#: One time-stamped annotation list (EDF+ spec, section 2.2.2): +onset[\x15duration]\x14{text\x14}\x00.
_TAL = re.compile(rb"([+-]\d+(?:\.\d+)?)(?:\x15(\d+(?:\.\d+)?))?\x14((?:[^\x00\x14]*\x14)*)\x00")


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


@dataclass(frozen=True)
class _Signal:
    """One signal's header fields, parsed and checked only as far as the file's layout needs."""

    index: int
    label: str
    raw_label: bytes
    dimension: str
    physical: tuple[str, str]
    digital: tuple[str, str]
    samples_per_record: int

    @property
    def is_annotations(self) -> bool:
        return self.label == _ANNOTATIONS_LABEL

    @property
    def title(self) -> str:
        return f"signal {self.index + 1} ({self.label})"


@dataclass(frozen=True)
class _Header:
    header_bytes: int
    n_records: int
    record_s: float
    signals: tuple[_Signal, ...]

    @property
    def record_bytes(self) -> int:
        return 2 * sum(signal.samples_per_record for signal in self.signals)


def read_edf(path: str | Path, channels: list[str] | None = None) -> Recording:
    """Read the EEG signals (all, or ``channels`` by name) of an EDF/EDF+ file, or say why not."""
    path = Path(path)
    raw = _read_bytes(path)
    header = _parse_header(raw, path)
    chosen = _choose(header, channels, path)
    scales = [_check_signal(signal, path) for signal in chosen]
    rates = {signal.samples_per_record / header.record_s for signal in chosen}
    if len(rates) != 1:
        raise RecordingError(f"{path}: channels have different sampling rates {sorted(rates)}; pick some")
    rate = rates.pop()
    annotations = _annotations(raw, header, path, rate)
    data = _signal_data(raw, header, chosen, scales, path)
    return Recording(data, [signal.label for signal in chosen], rate, annotations, path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise RecordingError(f"{path}: no such file") from None
    except OSError as error:
        raise RecordingError(f"{path}: can't read it ({error.strerror or error})") from None


def _text(field: bytes) -> str:
    return field.decode("ascii", errors="replace").strip()


def _integer(text: str, what: str, path: Path) -> int:
    if not _INTEGER.fullmatch(text):
        raise RecordingError(f"{path}: {what} is {text!r}, not a whole number")
    return int(text)


def _decimal(text: str, what: str, path: Path) -> float:
    value = float(text) if _DECIMAL.fullmatch(text) else math.nan
    if not math.isfinite(value):
        raise RecordingError(f"{path}: {what} is {text!r}, not a finite number")
    return value


def _parse_header(raw: bytes, path: Path) -> _Header:
    """The fixed header and the signal table, checked against each other and the file's size."""
    if len(raw) < _FIXED_HEADER_BYTES:
        raise RecordingError(f"{path}: {len(raw)} bytes, too short for an EDF header (256 bytes or more)")
    if _text(raw[0:8]) != "0":
        raise RecordingError(f"{path}: not an EDF file (its version field is {_text(raw[0:8])!r}, not '0')")
    n_signals = _integer(_text(raw[252:256]), "header field 'number of signals'", path)
    if n_signals < 1:
        raise RecordingError(f"{path}: header field 'number of signals' is {n_signals}; it has no signals")
    size = _FIXED_HEADER_BYTES * (n_signals + 1)
    stated_size = _integer(_text(raw[184:192]), "header field 'bytes in header'", path)
    if stated_size != size:
        raise RecordingError(
            f"{path}: header field 'bytes in header' is {stated_size}, but {n_signals} signals make {size}"
        )
    if len(raw) < size:
        raise RecordingError(f"{path}: truncated inside the header ({len(raw)} of its {size} bytes)")
    n_records = _integer(_text(raw[236:244]), "header field 'number of data records'", path)
    if n_records == -1:
        raise RecordingError(
            f"{path}: header field 'number of data records' is -1, so the recording was never closed"
        )
    if n_records < 1:
        raise RecordingError(f"{path}: header field 'number of data records' is {n_records}: no data")
    record_s = _decimal(_text(raw[244:252]), "header field 'duration of a data record'", path)
    if record_s <= 0:
        raise RecordingError(f"{path}: header field 'duration of a data record' is {record_s:g} s")
    header = _Header(size, n_records, record_s, _parse_signals(raw, n_signals, path))
    expected = size + n_records * header.record_bytes
    if len(raw) < expected:
        raise RecordingError(
            f"{path}: truncated: the header counts {n_records} data records of {header.record_bytes} bytes "
            f"({expected} bytes in all) but the file has {len(raw)}"
        )
    if len(raw) > expected:
        raise RecordingError(
            f"{path}: {len(raw) - expected} bytes more than the header's {n_records} data records of "
            f"{header.record_bytes} bytes: its record count or samples per record are wrong"
        )
    return header


def _parse_signals(raw: bytes, n_signals: int, path: Path) -> tuple[_Signal, ...]:
    fields: dict[str, list[bytes]] = {}
    start = _FIXED_HEADER_BYTES
    for name, width in SIGNAL_FIELDS:
        fields[name] = [raw[start + i * width : start + (i + 1) * width] for i in range(n_signals)]
        start += width * n_signals
    signals = []
    for i in range(n_signals):
        label = _text(fields["label"][i])
        samples = _integer(
            _text(fields["samples per data record"][i]),
            f"signal {i + 1} ({label})'s samples per data record",
            path,
        )
        if samples < 1:
            raise RecordingError(f"{path}: signal {i + 1} ({label}) has {samples} samples per data record")
        signals.append(
            _Signal(
                index=i,
                label=label,
                raw_label=fields["label"][i],
                # Some writers put a Latin-1 "µ" into this ASCII field.
                dimension=fields["physical dimension"][i].decode("latin-1").strip(),
                physical=(_text(fields["physical minimum"][i]), _text(fields["physical maximum"][i])),
                digital=(_text(fields["digital minimum"][i]), _text(fields["digital maximum"][i])),
                samples_per_record=samples,
            )
        )
    return tuple(signals)


def _choose(header: _Header, channels: list[str] | None, path: Path) -> list[_Signal]:
    signals = [signal for signal in header.signals if not signal.is_annotations]
    if not signals:
        raise RecordingError(f"{path}: no signals")
    for signal in signals:
        if not all(32 <= byte <= 126 for byte in signal.raw_label):
            raise RecordingError(f"{path}: the label of signal {signal.index + 1} is not printable ASCII")
    labels = [signal.label for signal in signals]
    twice = sorted({label for label in labels if labels.count(label) > 1})
    if twice:
        raise RecordingError(f"{path}: more than one signal is labelled {', '.join(map(repr, twice))}")
    if channels is None:
        return signals
    by_name = {signal.label: signal for signal in signals}
    missing = [name for name in channels if name not in by_name]
    if missing:
        raise RecordingError(f"{path}: no channel(s) {', '.join(missing)}; it has {', '.join(by_name)}")
    return [by_name[name] for name in channels]


def _check_signal(signal: _Signal, path: Path) -> float:
    """Check the fields that calibrate ``signal``; returns the factor from its unit to µV."""
    low = _decimal(signal.physical[0], f"{signal.title}'s physical minimum", path)
    high = _decimal(signal.physical[1], f"{signal.title}'s physical maximum", path)
    if low == high:
        raise RecordingError(f"{path}: {signal.title}'s physical minimum and maximum are both {low:g}")
    digital_low = _integer(signal.digital[0], f"{signal.title}'s digital minimum", path)
    digital_high = _integer(signal.digital[1], f"{signal.title}'s digital maximum", path)
    if not _INT16_RANGE[0] <= digital_low < digital_high <= _INT16_RANGE[1]:
        raise RecordingError(
            f"{path}: {signal.title}'s digital range {digital_low}..{digital_high} is not an increasing "
            "range of 16-bit numbers"
        )
    unit = signal.dimension.lower()
    if unit not in _TO_MICROVOLTS:
        raise RecordingError(f"{path}: channel {signal.label} is in {signal.dimension!r}, not volts")
    return _TO_MICROVOLTS[unit]


def _annotations(raw: bytes, header: _Header, path: Path, rate: float) -> list[Annotation]:
    """Every annotation, onsets in seconds from the first sample, after checking the timekeeping.

    The first TAL of each data record of the first annotation signal says when that record starts
    (EDF+ "timekeeping"). Evaluation places trials by sample index, which is only right when
    record i starts at i record durations: anything else is a gap (EDF+D), or a damaged record
    duration or timekeeping stamp, and is refused. Half a sample of slack: less can't move a trial.
    """
    offsets = np.cumsum([0] + [2 * signal.samples_per_record for signal in header.signals])
    records = np.frombuffer(
        raw, dtype=np.uint8, count=header.n_records * header.record_bytes, offset=header.header_bytes
    ).reshape(header.n_records, header.record_bytes)
    duration_s = header.n_records * header.record_s
    annotation_signals = [signal for signal in header.signals if signal.is_annotations]
    first_onset = 0.0
    found = []
    for signal in annotation_signals:
        start, end = offsets[signal.index], offsets[signal.index + 1]
        for record, block in enumerate(records[:, start:end]):
            tals = _parse_tals(block.tobytes(), record, path)
            if signal is annotation_signals[0]:
                if not tals or tals[0][2][:1] != [""]:
                    raise RecordingError(f"{path}: data record {record} has no EDF+ timekeeping annotation")
                onset, _, texts = tals[0]
                first_onset = onset if record == 0 else first_onset
                expected = first_onset + record * header.record_s
                if abs(onset - expected) > 0.5 / rate:
                    raise RecordingError(
                        f"{path}: data record {record} starts at {onset:g} s, not {expected:g} s: a gap "
                        "(EDF+D), a damaged record duration or timekeeping"
                    )
                tals[0] = (onset, None, texts[1:])
            for onset, duration, texts in tals:
                relative = round(onset - first_onset, 12)
                for text in texts:
                    if not 0 <= relative <= duration_s:
                        raise RecordingError(
                            f"{path}: annotation {text!r} at {relative:g} s lies outside the recording "
                            f"(0 to {duration_s:g} s)"
                        )
                    found.append(Annotation(relative, duration or 0.0, text))
    return sorted(found, key=lambda a: (a.onset_s, a.duration_s, a.text))


def _parse_tals(block: bytes, record: int, path: Path) -> list[tuple[float, float | None, list[str]]]:
    """The (onset, duration, texts) of one data record's annotation bytes, strictly by the grammar.

    edfio searches the bytes for anything that looks like a TAL and skips the rest, so a damaged
    byte silently drops a trial; here the TALs must fill the block up to the NUL padding.
    """
    tals = []
    position = 0
    while position < len(block) and block[position] != 0:
        match = _TAL.match(block, position)
        if match is None:
            raise RecordingError(
                f"{path}: the annotation at byte {position} of data record {record} is damaged"
            )
        onset = float(match.group(1))
        duration = float(match.group(2)) if match.group(2) else None
        if not math.isfinite(onset) or not math.isfinite(duration or 0.0):
            raise RecordingError(f"{path}: an annotation in data record {record} has no finite time")
        try:
            texts = match.group(3).decode("utf-8").split("\x14")[:-1]
        except UnicodeDecodeError:
            raise RecordingError(f"{path}: an annotation text in data record {record} is not UTF-8") from None
        for text in texts:
            if not text.isprintable():
                raise RecordingError(
                    f"{path}: annotation text {text!r} in data record {record} has control characters"
                )
        tals.append((onset, duration, texts))
        position = match.end()
    if any(block[position:]):
        raise RecordingError(
            f"{path}: data record {record} has stray bytes after its annotations (byte {position})"
        )
    return tals


def _signal_data(
    raw: bytes, header: _Header, chosen: list[_Signal], scales: list[float], path: Path
) -> np.ndarray:
    """Physical values in µV, read by edfio from the checked bytes; samples must lie in the digital range."""
    import edfio

    ordinary = [signal.index for signal in header.signals if not signal.is_annotations]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # edfio warns where it would hand out damaged data
            edf_signals = edfio.read_edf(raw).signals
            signals = [edf_signals[ordinary.index(signal.index)] for signal in chosen]
            digital = [(signal.digital, signal.digital_range) for signal in signals]
            physical = [signal.data for signal in signals]
    except Exception as error:  # edfio raises many kinds; each means "can't be read"
        raise RecordingError(f"{path}: edfio can't read the signals ({error})") from None
    for signal, (values, (low, high)) in zip(chosen, digital, strict=True):
        if values.min() < low or values.max() > high:
            raise RecordingError(
                f"{path}: {signal.title} has samples outside its digital range {low}..{high}"
            )
    return np.vstack([values * scale for values, scale in zip(physical, scales, strict=True)])
