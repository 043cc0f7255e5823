"""Samples lost, counted as a decoder needs them: jittered and bursty host stamps, repeated
counter values, counter wraps, gaps a wrapping counter cannot see, reconnects."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.stream.intake import PacketLossCounter, SampleLossTracker

RATE = 250.0


def stamps(index: np.ndarray, jitter_s: float = 0.0, seed: int = 0) -> np.ndarray:
    """Host stamps of samples ``index``: on time, plus up to ``jitter_s`` of random lateness."""
    late = np.random.default_rng(seed).uniform(0, jitter_s, len(index)) if jitter_s else 0.0
    return 1000.0 + index / RATE + late


def feed(tracker: SampleLossTracker, index: np.ndarray, *, jitter_s: float = 0.0, block: int = 5) -> list:
    """Deliver samples ``index`` (counter = index % 256) in blocks; lost before each, in order."""
    lost: list[int] = []
    times = stamps(index, jitter_s)
    for start in range(0, len(index), block):
        part = slice(start, start + block)
        counters = index[part] % 256 if tracker.counter is not None else None
        lost += tracker.update(counters, times[part]).tolist()
    return lost


@pytest.mark.parametrize("counter", [True, False], ids=["packet counter", "no counter"])
def test_jittered_and_bursty_host_stamps_lose_nothing(counter):
    tracker = SampleLossTracker(RATE, PacketLossCounter(256) if counter else None)
    index = np.arange(2_000)
    times = stamps(index, jitter_s=0.03)
    times[500:550] = times[549]  # a burst: 50 samples stamped at once after a 200 ms host stall
    lost = []
    for start in range(0, 2_000, 7):
        part = slice(start, start + 7)
        lost += tracker.update(index[part] % 256 if counter else None, times[part]).tolist()
    assert sum(lost) == 0 and tracker.lost == 0 and len(lost) == 2_000


@pytest.mark.parametrize("gap", [1, 3, 200, 256, 257, 512, 700])
def test_a_gap_is_counted_exactly_whatever_its_length_against_the_counter_wrap(gap):
    """256 samples (1.024 s at 250 Hz) are one whole wrap: the counter alone would see nothing."""
    tracker = SampleLossTracker(RATE, PacketLossCounter(256))
    index = np.concatenate([np.arange(0, 300), np.arange(300 + gap, 600 + gap)])
    lost = feed(tracker, index, jitter_s=0.02)
    assert lost[300] == gap and sum(lost) == gap == tracker.lost


def test_losses_add_up_over_several_gaps():
    tracker = SampleLossTracker(RATE, PacketLossCounter(256))
    index = np.concatenate([np.arange(0, 100), np.arange(103, 200), np.arange(456, 600)])
    lost = feed(tracker, index)
    assert lost[100] == 3 and lost[197] == 256 and tracker.lost == 259


def test_a_repeated_counter_value_is_not_a_wrap_lost():
    """A driver that sends one packet twice: the counter steps back by one, time moves on."""
    tracker = SampleLossTracker(RATE, PacketLossCounter(256))
    index = np.concatenate([np.arange(0, 100), [99], np.arange(100, 200)])
    times = stamps(np.concatenate([np.arange(0, 100), [99.5], np.arange(100, 200)]))
    lost = tracker.update(index % 256, times)
    assert lost.sum() == 0 and tracker.lost == 0


def test_a_counter_that_wraps_with_jittered_stamps_loses_nothing():
    counter = PacketLossCounter(256)
    tracker = SampleLossTracker(RATE, counter)
    index = np.arange(250, 262)  # wraps 255 -> 0 in the middle of the block
    assert feed(tracker, index, jitter_s=0.03, block=12) == [0] * 12
    assert counter.update(np.array([5, 6]), stamps(np.array([261, 262])) + 0.03, RATE).tolist() == [0, 0]


def test_a_counter_with_step_two_counts_each_missing_sample_once():
    tracker = SampleLossTracker(RATE, PacketLossCounter(256, step=2))
    index = np.concatenate([np.arange(0, 50), np.arange(52, 100)])  # samples 50 and 51 lost
    counters = (index * 2) % 256
    lost = tracker.update(counters, stamps(index))
    assert lost[50] == 2 and tracker.lost == 2


def test_without_timestamps_the_counter_alone_counts():
    counter = PacketLossCounter(256)
    assert counter.update(np.array([1, 2, 5]), np.array([0.0, 0.004, 0.016])).tolist() == [0, 0, 2]


def test_without_a_counter_a_pause_of_half_a_second_counts_and_a_counter_row_is_ignored():
    tracker = SampleLossTracker(RATE, None)
    index = np.concatenate([np.arange(0, 100), np.arange(225, 300)])
    lost = tracker.update(index % 256, stamps(index))
    assert lost[100] == 125 and tracker.lost == 125


def test_empty_and_one_sample_blocks():
    for counter in (PacketLossCounter(256), None):
        tracker = SampleLossTracker(RATE, counter)
        empty = tracker.update(np.zeros(0) if counter else None, np.zeros(0))
        assert empty.shape == (0,) and tracker.lost == 0
        first = tracker.update(np.array([0]) if counter else None, stamps(np.array([0])))
        assert first.tolist() == [0]
        one = tracker.update(np.array([200]) if counter else None, stamps(np.array([200])))
        assert one.tolist() == [199] and tracker.lost == 199
    assert PacketLossCounter(256).update(np.zeros(0)).shape == (0,)


@pytest.mark.parametrize("counter", [True, False], ids=["packet counter", "no counter"])
def test_a_reconnect_counts_the_pause_and_a_seamless_one_counts_nothing(counter):
    tracker = SampleLossTracker(RATE, PacketLossCounter(256) if counter else None)
    feed(tracker, np.arange(0, 100))
    tracker.new_link()
    assert feed(tracker, np.arange(100, 150)) == [0] * 50  # back at once: nothing lost
    tracker.new_link()
    lost = feed(tracker, np.arange(400, 450) - 400 + 400)  # 250 samples while reconnecting
    assert lost[0] == 250 and tracker.lost == 250
    assert feed(tracker, np.arange(450, 460)) == [0] * 10  # the link goes on: not a new one


def test_counts_are_whole_numbers_on_every_path():
    """Decoders compare counts: every path returns integers, one per sample."""
    for counter in (PacketLossCounter(256), None):
        tracker = SampleLossTracker(RATE, counter)
        results = [tracker.update(np.zeros(0) if counter else None, np.zeros(0))]
        results.append(tracker.update(np.arange(10) if counter else None, stamps(np.arange(10))))
        tracker.new_link()
        results.append(tracker.update(np.arange(3) if counter else None, stamps(np.arange(200, 203))))
        assert [result.dtype.kind for result in results] == ["i", "i", "i"]
    assert PacketLossCounter(256).update(np.zeros(0)).dtype.kind == "i"
