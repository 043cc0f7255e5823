from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from drivers.stream.ringbuffer import RingBuffer


def chunk(start: int, n: int, channels: int = 2):
    """Filtered samples equal their absolute index (raw: its negative), so order and gaps show."""
    index = np.arange(start, start + n, dtype=float)
    filtered = np.vstack([index + 1000 * c for c in range(channels)])
    return -filtered, filtered, index / 100.0, np.where(index % 5 == 0, index, 0.0)


def test_latest_returns_oldest_first_across_the_wrap():
    buffer = RingBuffer(2, capacity=10)
    buffer.write(*chunk(0, 7))
    buffer.write(*chunk(7, 7))
    window = buffer.latest(10)
    assert window.start == 4 and window.end == 14
    np.testing.assert_array_equal(window.data[0], np.arange(4, 14))
    np.testing.assert_array_equal(window.data[1], np.arange(4, 14) + 1000)
    np.testing.assert_array_equal(window.timestamps, np.arange(4, 14) / 100.0)
    np.testing.assert_array_equal(buffer.latest(10, filtered=False).data[0], -np.arange(4, 14))
    assert buffer.total_written == 14


def test_latest_while_filling_and_chunk_larger_than_capacity():
    buffer = RingBuffer(2, capacity=10)
    assert buffer.latest(5).n_samples == 0
    buffer.write(*chunk(0, 3))
    assert buffer.latest(5).n_samples == 3
    buffer.write(*chunk(3, 25))
    window = buffer.latest(100)
    np.testing.assert_array_equal(window.data[0], np.arange(18, 28))
    assert buffer.total_written == 28


def test_read_since_reports_what_a_slow_reader_missed():
    buffer = RingBuffer(2, capacity=10)
    buffer.write(*chunk(0, 6))
    first = buffer.read_since(0)
    assert (first.start, first.end, first.missed) == (0, 6, 0)
    buffer.write(*chunk(6, 12))
    late = buffer.read_since(first.end)
    assert late.missed == 2 and late.start == 8 and late.end == 18
    np.testing.assert_array_equal(late.data[0], np.arange(8, 18))
    assert buffer.read_since(late.end).n_samples == 0


def test_write_rejects_wrong_shapes():
    buffer = RingBuffer(2, capacity=10)
    raw, filtered, ts, markers = chunk(0, 4, channels=3)
    with pytest.raises(ValueError):
        buffer.write(raw, filtered, ts, markers)


def test_concurrent_writer_and_readers_never_see_torn_or_reordered_samples():
    buffer = RingBuffer(2, capacity=500)
    total = 60_000
    errors: list[str] = []
    done = threading.Event()

    reader_cursor = [0]

    def writer():
        rng = np.random.default_rng(1)
        written = 0
        while written < total:
            # Wrap many times, but never lap the cursor reader (that case has its own test above).
            while written - reader_cursor[0] > 400:
                time.sleep(0)
            n = min(int(rng.integers(1, 40)), total - written)
            buffer.write(*chunk(written, n))
            written += n
        done.set()

    def window_reader():
        while not done.is_set():
            window = buffer.latest(300)
            expected = np.arange(window.start, window.end, dtype=float)
            if not (
                np.array_equal(window.data[0], expected) and np.array_equal(window.data[1], expected + 1000)
            ):
                errors.append(f"torn window at {window.start}")
                return
            if not np.array_equal(window.timestamps, expected / 100.0):
                errors.append(f"timestamps out of step at {window.start}")
                return

    collected: list[np.ndarray] = []

    def cursor_reader():
        cursor = 0
        while not done.is_set() or cursor < buffer.total_written:
            window = buffer.read_since(cursor)
            if window.missed:
                errors.append(f"cursor reader missed {window.missed}")
                return
            collected.append(window.data[0])
            cursor = reader_cursor[0] = window.end

    threads = [threading.Thread(target=f) for f in (writer, window_reader, window_reader, cursor_reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    np.testing.assert_array_equal(np.concatenate(collected), np.arange(total))


def test_a_chunk_larger_than_the_buffer_is_written_under_one_lock():
    """Readers must never see the write half done (the count moved, the samples not yet)."""
    buffer = RingBuffer(2, capacity=100)
    stop = threading.Event()
    torn: list[tuple[int, float]] = []

    def reader() -> None:
        while not stop.is_set():
            window = buffer.latest(100)
            if window.n_samples and window.data[0, -1] != window.end - 1:
                torn.append((window.end, float(window.data[0, -1])))

    thread = threading.Thread(target=reader)
    thread.start()
    for start in range(0, 250 * 200, 250):
        buffer.write(*chunk(start, 250))
    stop.set()
    thread.join()
    assert torn == []


def test_lost_counts_and_invalid_values_travel_with_the_samples():
    buffer = RingBuffer(2, capacity=20)
    raw, filtered, ts, markers = chunk(0, 10)
    buffer.write(raw, filtered, ts, markers)  # no loss given: the count stays at 0
    lost_total = np.array([0, 0, 0, 5, 5, 5, 5, 5, 5, 5])  # 5 samples lost before sample 13
    invalid = np.zeros((2, 10), dtype=bool)
    invalid[1, 7] = True
    buffer.write(*chunk(10, 10), lost_total, invalid)
    assert buffer.latest(10).intact() is False
    before_gap = buffer.read_since(0)
    assert before_gap.gap_samples == 5
    assert buffer.latest(7).gap_samples == 0 and not buffer.latest(7).intact()  # channel 1 at 17
    assert buffer.latest(7).intact([0])
    assert buffer.latest(2).intact()
    buffer.write(*chunk(20, 3))  # carries the last count on
    assert buffer.latest(5).lost_total.tolist() == [5] * 5


def test_the_smallest_buffer_holds_one_channel_and_one_sample_and_nothing_smaller_is_made():
    buffer = RingBuffer(1, capacity=1)
    raw, filtered, ts, markers = chunk(0, 3, channels=1)
    assert buffer.write(raw, filtered, ts, markers) == 1  # only the newest fits
    assert buffer.latest(5).data.tolist() == [[2.0]] and buffer.total_written == 3
    for channels, capacity in ((0, 10), (2, 0), (0, 0)):
        with pytest.raises(ValueError):
            RingBuffer(channels, capacity)


def test_an_empty_write_changes_nothing_and_a_wrong_filtered_shape_is_refused():
    buffer = RingBuffer(2, capacity=10)
    raw, filtered, ts, markers = chunk(0, 0)
    assert buffer.write(raw, filtered, ts, markers) == 0 and buffer.total_written == 0
    raw, filtered, ts, markers = chunk(0, 4)
    for wrong in (filtered[:, :3], filtered[:, :1], filtered[:1]):  # one would broadcast silently
        with pytest.raises(ValueError):
            buffer.write(raw, wrong, ts, markers)
    assert buffer.total_written == 0
    assert buffer.write(raw, filtered, ts, markers) == 4


def test_the_lost_count_carries_on_from_the_very_last_sample():
    buffer = RingBuffer(2, capacity=20)
    buffer.write(*chunk(0, 4), np.array([0, 0, 2, 7]))
    buffer.write(*chunk(4, 3))
    window = buffer.latest(7)
    assert window.lost_total.tolist() == [0, 0, 2, 7, 7, 7, 7]
    assert window.lost_total.dtype.kind == "i"  # counts, as the intake gives them


def test_a_reader_that_fell_behind_gets_a_window_that_is_not_intact():
    buffer = RingBuffer(2, capacity=10)
    buffer.write(*chunk(0, 25))
    late = buffer.read_since(0)
    assert late.missed == 15 and late.gap_samples == 0 and not late.intact()
    assert buffer.read_since(25).intact()


def test_the_invalid_mask_selects_the_replaced_values_and_both_reads_carry_both():
    buffer = RingBuffer(2, capacity=10)
    invalid = np.zeros((2, 4), dtype=bool)
    invalid[1, 2] = True
    raw, filtered, ts, markers = chunk(0, 4)
    buffer.write(raw, filtered, ts, markers, None, invalid)
    window = buffer.latest(4, filtered=False)
    assert window.data[window.invalid].tolist() == [raw[1, 2]] and window.filtered is None
    both = buffer.read_since(0, both=True)
    np.testing.assert_array_equal(both.data, raw)
    np.testing.assert_array_equal(both.filtered, filtered)
    assert buffer.read_since(0).filtered is None


def test_a_window_without_an_invalid_mask_is_whole_unless_missed_or_gapped():
    from drivers.stream.ringbuffer import Window

    data = np.zeros((1, 3))
    assert Window(data, np.zeros(3), np.zeros(3), start=0).intact()
    assert not Window(data, np.zeros(3), np.zeros(3), start=0, missed=1).intact()
    assert not Window(data, np.zeros(3), np.zeros(3), start=0, lost_total=np.array([0, 1, 1])).intact()
