from __future__ import annotations

import numpy as np

from drivers.boards.profiles import find_profile
from drivers.roles import Role
from drivers.stream.intake import PacketLossCounter, SampleLossTracker
from drivers.stream.readers import RateMeter, Stream
from drivers.stream.ringbuffer import RingBuffer


def test_loss_counter_handles_wrap_and_gaps():
    counter = PacketLossCounter(modulo=256)
    assert counter.update(np.arange(250, 256)).sum() == 0
    assert counter.update(np.array([0, 1, 2])).sum() == 0  # wrapped, nothing lost
    assert list(counter.update(np.array([5, 6]))) == [2, 0]  # 3 and 4 lost, before sample 5
    assert list(counter.update(np.array([10]))) == [3]  # lost across a chunk boundary
    assert counter.lost == 5
    counter.reset_link()
    assert list(counter.update(np.array([100]))) == [0]  # a new link restarts the counter


def test_loss_counter_uses_timestamps_for_gaps_longer_than_a_counter_wrap():
    counter = PacketLossCounter(modulo=256)
    rate = 250.0
    before = np.arange(0, 100)
    after = np.arange(500, 520)  # 400 samples lost: the 8-bit counter alone would say 144
    counter.update(before % 256, before / rate, rate)
    assert counter.update(after % 256, after / rate, rate).sum() == 400
    jittery = np.arange(520, 540) / rate + 0.012  # 12 ms of host timestamp jitter, nothing lost
    assert counter.update(np.arange(520, 540) % 256, jittery, rate).sum() == 0


def test_loss_counter_with_a_step_of_two():
    counter = PacketLossCounter(modulo=256, step=2)
    assert counter.update(np.array([0, 2, 4, 8, 10])).sum() == 1


def test_loss_tracker_counts_a_reconnect_gap_that_the_restarted_counter_cannot_see():
    rate = 250.0
    tracker = SampleLossTracker(rate, PacketLossCounter(modulo=256))
    first = np.arange(0, 500)
    assert tracker.update(first % 256, 100 + first / rate).sum() == 0
    tracker.new_link()  # 6 s without data, then a new session whose counter starts at 0 again
    second = np.arange(0, 50)
    lost = tracker.update(second % 256, 100 + 499 / rate + 6.0 + (second + 1) / rate)
    assert lost[0] == 1500 and lost[1:].sum() == 0
    assert tracker.lost == 1500


def test_loss_tracker_without_a_counter_uses_long_pauses_only():
    rate = 250.0
    tracker = SampleLossTracker(rate, None)
    times = 10 + np.arange(100) / rate
    times[50:] += 0.02  # Bluetooth jitter: nothing lost
    assert tracker.update(None, times).sum() == 0
    later = times[-1] + 2.0 + np.arange(1, 11) / rate  # a 2 s pause: 500 samples
    assert tracker.update(None, later).tolist() == [500] + [0] * 9
    tracker.new_link()
    assert tracker.update(None, later[-1] + 1.0 + np.arange(1, 3) / rate).tolist() == [250, 0]


def test_rate_meter_over_a_sliding_window():
    now = [0.0]
    meter = RateMeter(window_s=2.0, clock=lambda: now[0])
    for _ in range(200):
        now[0] += 0.02
        meter.add(5)  # 250 Hz
    assert abs(meter.rate - 250) < 3
    for _ in range(100):
        now[0] += 0.02
        meter.add(10)  # the board speeds up to 500 Hz
    assert abs(meter.rate - 500) < 10


def test_stream_finds_channels_by_role_and_converts_seconds():
    profile = find_profile("synthetic")
    stream = Stream(RingBuffer(16, 2500), profile, 250)
    assert stream.channels_with_role(Role.OCCIPITAL) == [5, 6, 7]
    assert stream.channels_with_role("sensorimotor-left", Role.SENSORIMOTOR_RIGHT) == [1, 3]
    assert stream.capacity_s == 10
    assert stream.latest(1.0).n_samples == 0
