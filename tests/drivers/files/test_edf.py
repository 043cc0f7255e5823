"""The EDF reader reads whole files exactly as edfio does, and refuses damaged ones with one sentence.

Every damaged case here was read before (silently wrong, a bare edfio warning, or a traceback from
the lazy data or annotations): each must now be a RecordingError naming the file and the field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import edfio
import numpy as np
import pytest

from drivers.files.edf import RecordingError, read_edf
from tests.drivers.edf_files import (
    CHANNELS,
    LABELS,
    get_field,
    header_size,
    record_bytes,
    replace_once,
    set_field,
    write_ssvep_edf,
)

Mutation = Callable[[bytes], bytes]

DAMAGE: list[tuple[str, Mutation, str]] = [
    ("empty file", lambda raw: b"", r"0 bytes, too short for an EDF header"),
    (
        "cut inside the header",
        lambda raw: raw[:300],
        r"truncated inside the header \(300 of its 1536 bytes\)",
    ),
    (
        "cut inside the first data record (no record left, as at byte 3172 of a Kalunga file)",
        lambda raw: raw[: header_size(raw) + record_bytes(raw) // 2],
        r"truncated: the header counts 108 data records",
    ),
    ("cut mid-record (edfio: only a UserWarning)", lambda raw: raw[:-100], r"truncated: the header counts"),
    ("cut at a record boundary", lambda raw: raw[: -record_bytes(raw)], r"truncated: the header counts"),
    ("bytes appended", lambda raw: raw + b"\0" * 10, r"10 bytes more than the header's 108 data records"),
    (
        "record count too high",
        lambda raw: set_field(raw, "number of data records", "109"),
        r"truncated: the header counts 109",
    ),
    (
        "record count too low",
        lambda raw: set_field(raw, "number of data records", "107"),
        r"bytes more than the header's 107 data records",
    ),
    (
        "record count -1",
        lambda raw: set_field(raw, "number of data records", "-1"),
        r"-1, so .* never closed",
    ),
    ("record count 0", lambda raw: set_field(raw, "number of data records", "0"), r"records' is 0: no data"),
    (
        "record count junk",
        lambda raw: set_field(raw, "number of data records", "1_10"),
        r"'1_10', not a whole",
    ),
    ("record duration 0", lambda raw: set_field(raw, "duration of a data record", "0"), r"record' is 0 s"),
    (
        "negative record duration",
        lambda raw: set_field(raw, "duration of a data record", "-0.5"),
        r"is -0.5 s",
    ),
    (
        "record duration NaN",
        lambda raw: set_field(raw, "duration of a data record", "nan"),
        r"'nan', not a finite",
    ),
    (
        "record duration edited (sampling rate 128 -> 106.7 Hz)",
        lambda raw: set_field(raw, "duration of a data record", "0.6"),
        r"data record 1 starts at 0.5 s, not 0.6 s",
    ),
    ("bytes in header", lambda raw: set_field(raw, "bytes in header", "1537"), r"'bytes in header' is 1537"),
    ("number of signals", lambda raw: set_field(raw, "number of signals", "4"), r"4 signals make 1280"),
    ("number of signals 0", lambda raw: set_field(raw, "number of signals", "0"), r"signals' is 0"),
    ("not EDF (BDF)", lambda raw: set_field(raw, "version", b"\xffBIOSEMI"), r"not an EDF file"),
    (
        "physical minimum NaN",
        lambda raw: set_field(raw, "physical minimum", "NaN", signal=1),
        r"signal 2 \(Oz\)'s physical minimum is 'NaN', not a finite number",
    ),
    (
        "physical maximum infinite",
        lambda raw: set_field(raw, "physical maximum", "1e999", signal=0),
        r"signal 1 \(O1\)'s physical maximum is '1e999', not a finite number",
    ),
    (
        "physical minimum unreadable (edfio: uncalibrated data)",
        lambda raw: set_field(raw, "physical minimum", "-19.4x", signal=0),
        r"physical minimum is '-19.4x'",
    ),
    (
        "physical minimum equals maximum",
        lambda raw: set_field(raw, "physical minimum", get_field(raw, "physical maximum", 2), signal=2),
        r"signal 3 \(O2\)'s physical minimum and maximum are both",
    ),
    (
        "digital minimum above maximum",
        lambda raw: set_field(raw, "digital minimum", "32767", signal=0),
        r"digital range 32767..32767 is not an increasing",
    ),
    (
        "digital range beyond 16 bits",
        lambda raw: set_field(raw, "digital maximum", "99999", signal=0),
        r"digital range -32768..99999",
    ),
    (
        "digital range narrower than the samples",
        lambda raw: set_field(raw, "digital maximum", "100", signal=3),
        r"signal 4 \(POz\) has samples outside its digital range -32768..100",
    ),
    (
        "zero samples per record",
        lambda raw: set_field(raw, "samples per data record", "0", signal=0),
        r"signal 1 \(O1\) has 0 samples per data record",
    ),
    (
        "samples per record unreadable",
        lambda raw: set_field(raw, "samples per data record", "6x", signal=4),
        r"signal 5 \(EDF Annotations\)'s samples per data record is '6x'",
    ),
    (
        "label not ASCII",
        lambda raw: set_field(raw, "label", b"O\xe91", signal=0),
        r"label of signal 1 is not",
    ),
    (
        "two labels alike",
        lambda raw: set_field(raw, "label", "Oz", signal=0),
        r"more than one signal is labelled 'Oz'",
    ),
    (
        "unit not volts",
        lambda raw: set_field(raw, "physical dimension", "uW", signal=1),
        r"Oz is in 'uW', not volts",
    ),
    (
        "annotation onset beyond the data",
        lambda raw: replace_once(raw, b"+15\x155\x1413Hz", b"+99\x155\x1413Hz"),
        r"annotation '13Hz' at 99 s lies outside the recording \(0 to 54 s\)",
    ),
    (
        "negative annotation onset",
        lambda raw: replace_once(raw, b"+15\x155\x1413Hz", b"-15\x155\x1413Hz"),
        r"annotation '13Hz' at -15 s lies outside",
    ),
    (
        "annotation text not UTF-8 (edfio: UnicodeDecodeError when read)",
        lambda raw: replace_once(raw, b"+15\x155\x1413Hz", b"+15\x155\x1413\xffz"),
        r"an annotation text in data record 30 is not UTF-8",
    ),
    (
        "control character in an annotation text",
        lambda raw: replace_once(raw, b"+15\x155\x1413Hz", b"+15\x155\x141\x03Hz"),
        r"annotation text '1\\x03Hz' in data record 30 has control characters",
    ),
    (
        "annotation separator damaged (edfio: the trial silently skipped)",
        lambda raw: replace_once(raw, b"+15\x155\x1413Hz", b"+15X5\x1413Hz"),
        r"the annotation at byte 6 of data record 30 is damaged",
    ),
    (
        "timekeeping damaged (edfio: 'No valid annotations')",
        lambda raw: replace_once(raw, b"+0\x14\x14\x00", b"x0\x14\x14\x00"),
        r"the annotation at byte 0 of data record 0 is damaged",
    ),
    (
        "garbage in the annotation padding",
        lambda raw: replace_once(raw, b"+0\x14\x14\x00\x00\x00", b"+0\x14\x14\x00\x007"),
        r"data record 0 has stray bytes after its annotations \(byte 5\)",
    ),
    (
        "no timekeeping annotation",
        lambda raw: replace_once(raw, b"+0\x14\x14\x00\x00", b"+0\x14X\x14\x00"),
        r"data record 0 has no EDF\+ timekeeping annotation",
    ),
    (
        "timekeeping out of step (EDF+D gap)",
        lambda raw: replace_once(raw, b"+1.5\x14\x14", b"+2.5\x14\x14"),
        r"data record 3 starts at 2.5 s, not 1.5 s",
    ),
]


@pytest.fixture
def sample(tmp_path) -> Path:
    return write_ssvep_edf(tmp_path / "sample.edf")


def test_a_whole_file_reads_as_edfio_reads_it(sample):
    recording = read_edf(sample)
    edf = edfio.read_edf(sample)
    assert recording.channel_names == list(CHANNELS) and recording.sampling_rate == 128.0
    np.testing.assert_array_equal(recording.data, np.vstack([signal.data for signal in edf.signals]))
    assert [(a.onset_s, a.duration_s, a.text) for a in recording.annotations] == [
        (a.onset, a.duration, a.text) for a in edf.annotations
    ]
    assert [a.text for a in recording.annotations] == list(LABELS)
    assert read_edf(sample, channels=["POz", "O1"]).channel_names == ["POz", "O1"]


def test_the_real_recordings_read_as_edfio_reads_them(shared_data):
    files = sorted(shared_data.glob("*/*.edf"))
    assert len(files) == 8
    for path in files:
        recording = read_edf(path)
        edf = edfio.read_edf(path)
        np.testing.assert_array_equal(recording.data, np.vstack([signal.data for signal in edf.signals]))
        assert [(a.onset_s, a.duration_s, a.text) for a in recording.annotations] == [
            (a.onset, a.duration or 0.0, a.text) for a in edf.annotations
        ]


@pytest.mark.parametrize(
    ("mutate", "expected"), [case[1:] for case in DAMAGE], ids=[case[0] for case in DAMAGE]
)
def test_damage_is_one_sentence_naming_the_file_and_what_is_wrong(sample, mutate, expected):
    damaged = sample.with_name("damaged.edf")
    damaged.write_bytes(mutate(sample.read_bytes()))
    with pytest.raises(RecordingError, match=expected) as caught:
        read_edf(damaged)
    message = str(caught.value)
    assert message.startswith(f"{damaged}: ") and "\n" not in message


def test_a_missing_file_or_a_folder_is_a_recording_error(tmp_path):
    with pytest.raises(RecordingError, match="no such file"):
        read_edf(tmp_path / "missing.edf")
    with pytest.raises(RecordingError, match="can't read it"):
        read_edf(tmp_path)


def test_unknown_channels_and_unequal_rates_are_refused(sample, tmp_path):
    with pytest.raises(RecordingError, match=r"no channel\(s\) Cz; it has O1, Oz, O2, POz"):
        read_edf(sample, channels=["Cz"])
    mixed = tmp_path / "mixed.edf"
    signals = [
        edfio.EdfSignal(np.zeros(256), 128, label="O1", physical_dimension="uV", physical_range=(-1, 1)),
        edfio.EdfSignal(np.zeros(512), 256, label="O2", physical_dimension="uV", physical_range=(-1, 1)),
    ]
    edfio.Edf(signals).write(mixed)
    with pytest.raises(RecordingError, match="different sampling rates"):
        read_edf(mixed)
