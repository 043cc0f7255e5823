"""Stream consumers with a cursor of their own: every sample once, in order, or reported missed."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.acquisition.worker import Acquisition, AcquisitionState
from drivers.boards.profiles import find_profile
from drivers.simulation.simulated import SimulatedBoard
from drivers.stream.readers import Stream, StreamReader
from drivers.stream.ringbuffer import RingBuffer, Window

CHANNELS = 2


def source(start: int, n: int) -> dict[str, np.ndarray]:
    """Samples ``start`` .. ``start + n`` as the worker would write them, each field a function of
    the sample's absolute index so that order, duplicates and gaps all show: filtered values equal
    the index (raw: its negative), every 7th sample has a marker, the lost count steps every 13
    samples and channel 1 is invalid on every 11th."""
    index = np.arange(start, start + n)
    filtered = np.vstack([index + 1000.0 * channel for channel in range(CHANNELS)])
    invalid = np.zeros((CHANNELS, n), dtype=bool)
    invalid[1] = index % 11 == 0
    return {
        "raw": -filtered,
        "filtered": filtered,
        "timestamps": index / 100.0,
        "markers": np.where(index % 7 == 3, index + 1.0, 0.0),
        "lost_total": (index // 13).astype(np.int64),
        "invalid": invalid,
    }


class Writer:
    """Plays the acquisition worker: the only writer of the ring buffer."""

    def __init__(self, capacity: int) -> None:
        self.buffer = RingBuffer(CHANNELS, capacity)
        profile = find_profile("synthetic")
        self.stream = Stream(self.buffer, replace(profile, channels=profile.channels[:CHANNELS]), 100.0)

    @property
    def total(self) -> int:
        return self.buffer.total_written

    def write(self, n: int) -> None:
        chunk = source(self.total, n)
        self.buffer.write(
            chunk["raw"],
            chunk["filtered"],
            chunk["timestamps"],
            chunk["markers"],
            chunk["lost_total"],
            chunk["invalid"],
        )


class Received:
    """Everything one reader got, read after read, checked as it arrives."""

    def __init__(self, reader: StreamReader) -> None:
        self.reader = reader
        self.first = reader.position
        self.windows: list[Window] = []

    def read(self) -> Window:
        before = self.reader.position
        window = self.reader.read()
        assert window.start == before + window.missed, "a read must go on where the last one ended"
        assert self.reader.position == window.end
        self.windows.append(window)
        return window

    @property
    def indices(self) -> np.ndarray:
        parts = [np.arange(window.start, window.end) for window in self.windows]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=int)

    @property
    def markers(self) -> list[float]:
        return [float(value) for window in self.windows for value in window.markers[window.markers != 0]]

    def assert_matches_source(self) -> None:
        """Every field of every sample read is the one written at that index."""
        if not self.windows:
            return
        got = {
            "data": np.concatenate([window.data for window in self.windows], axis=1),
            "timestamps": np.concatenate([window.timestamps for window in self.windows]),
            "markers": np.concatenate([window.markers for window in self.windows]),
            "lost_total": np.concatenate([window.lost_total for window in self.windows]),
            "invalid": np.concatenate([window.invalid for window in self.windows], axis=1),
        }
        indices = self.indices
        assert np.all(np.diff(indices) > 0), "a sample was read twice or out of order"
        expected = source(0, int(indices[-1]) + 1 if indices.size else 0)
        data = expected["filtered" if self.reader.filtered else "raw"]
        np.testing.assert_array_equal(got["data"], data[:, indices])
        for field in ("timestamps", "markers", "lost_total"):
            np.testing.assert_array_equal(got[field], expected[field][indices])
        np.testing.assert_array_equal(got["invalid"], expected["invalid"][:, indices])


def test_readers_at_different_cadences_see_every_sample_and_marker_exactly_once():
    writer = Writer(capacity=128)
    every = {period: Received(writer.stream.reader(filtered=period == 7)) for period in (1, 3, 7)}
    sizes = [1, 5, 17, 0, 9, 3, 12, 2]  # chunks as uneven as a Bluetooth board delivers them
    for turn in range(200):
        writer.write(sizes[turn % len(sizes)])
        for period, received in every.items():
            if turn % period == 0:
                received.read()
    for received in every.values():
        assert received.reader.pending == writer.total - received.reader.position
        received.read()
        assert received.reader.pending == 0 and received.reader.missed_total == 0
        np.testing.assert_array_equal(received.indices, np.arange(writer.total))
        received.assert_matches_source()
        assert received.markers == [i + 1.0 for i in range(writer.total) if i % 7 == 3]
    assert len(every[1].windows) == 201 and len(every[7].windows) == 30  # really different cadences


def test_a_reader_left_behind_is_told_exactly_how_many_samples_were_overwritten():
    writer = Writer(capacity=10)
    keeping_up, left_behind = writer.stream.reader(), writer.stream.reader()
    for _ in range(5):
        writer.write(5)
        keeping_up.read()
    assert left_behind.pending == 25
    late = left_behind.read()
    assert (late.missed, late.start, late.end) == (15, 15, 25)
    np.testing.assert_array_equal(late.data[0], -np.arange(15, 25))
    assert not late.intact()  # a decoder refuses it
    assert left_behind.missed_total == 15 and keeping_up.missed_total == 0
    writer.write(4)
    assert left_behind.read().missed == keeping_up.read().missed == 0
    writer.write(33)  # one chunk larger than the whole buffer: its oldest 23 never fit
    assert left_behind.read().missed == 23 and keeping_up.read().missed == 23
    assert left_behind.missed_total == 38 and keeping_up.missed_total == 23
    assert left_behind.position == writer.total == 62


def test_filtered_and_raw_readers_see_the_same_samples_and_markers():
    writer = Writer(capacity=64)
    raw, filtered = Received(writer.stream.reader()), Received(writer.stream.reader(filtered=True))
    for n in (3, 20, 7, 30):
        writer.write(n)
        raw.read()
        filtered.read()
    assert not raw.reader.filtered and filtered.reader.filtered
    np.testing.assert_array_equal(raw.indices, filtered.indices)
    assert raw.markers == filtered.markers
    raw.assert_matches_source()
    filtered.assert_matches_source()
    assert raw.windows[-1].data[0, -1] == -filtered.windows[-1].data[0, -1] == -59


def test_a_reader_made_mid_stream_starts_now_or_at_the_oldest_sample_held():
    writer = Writer(capacity=32)
    writer.write(50)
    now = writer.stream.reader()
    assert (now.position, now.pending) == (50, 0)
    assert now.read().n_samples == 0
    held = writer.stream.reader(from_now=False)
    assert held.position == 18  # the buffer holds the last 32 of 50: nothing it could read is missed
    writer.write(6)
    first_now, first_held = now.read(), held.read()
    assert (first_now.start, first_now.end, first_now.missed) == (50, 56, 0)
    assert (first_held.start, first_held.end, first_held.missed) == (24, 56, 6)  # 6 overwritten since
    young = Writer(capacity=32)
    young.write(5)
    assert young.stream.reader(from_now=False).read().start == 0


def test_seek_rereads_what_the_buffer_holds_and_refuses_the_future():
    writer = Writer(capacity=20)
    writer.write(30)
    reader = writer.stream.reader()
    reader.seek(25)
    assert (reader.read().start, reader.position) == (25, 30)
    reader.seek(5)
    again = reader.read()
    assert (again.missed, again.start, again.end) == (5, 10, 30)
    for position in (-1, 31):
        with pytest.raises(ValueError):
            reader.seek(position)
    assert reader.position == 30


@settings(max_examples=50, deadline=None)
@given(
    capacity=st.integers(1, 48),
    turns=st.lists(
        st.tuples(st.integers(0, 40), st.tuples(st.booleans(), st.booleans(), st.booleans())), max_size=60
    ),
)
def test_reads_and_reported_misses_add_up_to_what_was_written(capacity, turns):
    """Any chunk sizes, any read cadence: what each reader got, plus the samples it was told it
    missed (always the oldest, overwritten ones), is everything written since it started, once."""
    writer = Writer(capacity)
    readers = [Received(writer.stream.reader(filtered=filtered)) for filtered in (False, True, False)]
    for n, reads in turns:
        writer.write(n)
        for received, reads_now in zip(readers, reads, strict=True):
            if reads_now:
                behind = writer.total - received.reader.position
                assert received.read().missed == max(0, behind - capacity)
    for received in readers:
        received.read()
        received.assert_matches_source()
        assert received.reader.position == writer.total
        assert received.indices.size + received.reader.missed_total == writer.total
        missed = np.setdiff1d(np.arange(writer.total), received.indices)
        assert missed.size == received.reader.missed_total


@settings(max_examples=50, deadline=None)
@given(
    chunks=st.lists(st.integers(0, 30), max_size=50),
    cadences=st.lists(st.integers(1, 6), min_size=2, max_size=3),
)
def test_a_reader_that_keeps_up_gets_exactly_what_was_written(chunks, cadences):
    writer = Writer(capacity=max(1, sum(chunks)))  # nothing is ever overwritten
    readers = [Received(writer.stream.reader(filtered=bool(i % 2))) for i in range(len(cadences))]
    for turn, n in enumerate(chunks):
        writer.write(n)
        for received, every in zip(readers, cadences, strict=True):
            if turn % every == 0:
                received.read()
    for received in readers:
        received.read()
        assert received.reader.missed_total == 0
        np.testing.assert_array_equal(received.indices, np.arange(writer.total))
        received.assert_matches_source()


def test_readers_on_a_live_acquisition_each_get_the_whole_stream(qtbot, qapp):
    """The real worker and ring buffer on a simulated 1 kHz board; markers every 40 ms; a fast raw
    reader, a slow raw reader and a filtered one that joins mid-stream."""
    board = SimulatedBoard(8, 1000, seed=5)
    profile = find_profile("virtual_visitor_32ch_1k")
    profile = replace(profile, channels=profile.channels[:8], sampling_rate=1000)
    acquisition = Acquisition(profile, board_factory=lambda: board, layout=board.layout)
    try:
        acquisition.start()
        qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=10_000)
        fast, slow = Received(acquisition.stream.reader()), Received(acquisition.stream.reader())
        late: Received | None = None
        sent = 0
        for turn in range(60):
            if turn % 2 == 0:
                sent += 1
                acquisition.insert_marker(float(sent))
            qtbot.wait(20)
            fast.read()
            if turn % 10 == 9:
                slow.read()
            if turn == 20:
                late = Received(acquisition.stream.reader(filtered=True))
            elif late is not None and turn % 5 == 0:
                late.read()
        qtbot.waitUntil(lambda: acquisition._worker.markers.waiting == 0, timeout=5_000)
    finally:
        assert acquisition.stop(timeout_ms=10_000)
    assert late is not None
    for received in (fast, slow, late):
        received.read()
        assert received.reader.missed_total == 0 and received.reader.pending == 0
        assert all(window.gap_samples == 0 for window in received.windows)
    assert fast.first == slow.first and fast.reader.position == slow.reader.position
    np.testing.assert_array_equal(fast.indices, np.arange(fast.first, fast.reader.position))
    assert len(fast.windows) > len(slow.windows)
    raw = np.concatenate([window.data for window in fast.windows], axis=1)
    np.testing.assert_array_equal(raw, np.concatenate([window.data for window in slow.windows], axis=1))
    assert fast.markers == slow.markers == [float(value) for value in range(1, sent + 1)]
    tail = fast.indices >= late.first
    np.testing.assert_array_equal(late.indices, fast.indices[tail])
    timestamps = np.concatenate([window.timestamps for window in fast.windows])
    np.testing.assert_array_equal(np.concatenate([w.timestamps for w in late.windows]), timestamps[tail])
    markers = np.concatenate([window.markers for window in fast.windows])[tail]
    assert late.markers == markers[markers != 0].tolist() and late.markers
    filtered = np.concatenate([window.data for window in late.windows], axis=1)
    assert not np.allclose(filtered, raw[:, tail])  # the filtered view, not the raw one
