from __future__ import annotations

import numpy as np

from drivers.profiles import find_profile
from drivers.ringbuffer import RingBuffer
from drivers.roles import Role
from drivers.stream import PacketLossCounter, RateMeter, Stream


def test_loss_counter_handles_wrap_and_gaps():
    counter = PacketLossCounter(modulo=256)
    assert counter.update(np.arange(250, 256)) == 0
    assert counter.update(np.array([0, 1, 2])) == 0  # wrapped, nothing lost
    assert counter.update(np.array([5, 6])) == 2  # 3 and 4 lost
    assert counter.update(np.array([10])) == 3  # lost across a chunk boundary
    assert counter.lost == 5
    counter.reset_link()
    assert counter.update(np.array([100])) == 0  # a new link restarts the counter


def test_loss_counter_uses_timestamps_for_gaps_longer_than_a_counter_wrap():
    counter = PacketLossCounter(modulo=256)
    rate = 250.0
    before = np.arange(0, 100)
    after = np.arange(500, 520)  # 400 samples lost: the 8-bit counter alone would say 144
    counter.update(before % 256, before / rate, rate)
    assert counter.update(after % 256, after / rate, rate) == 400
    jittery = np.arange(520, 540) / rate + 0.012  # 12 ms of host timestamp jitter, nothing lost
    assert counter.update(np.arange(520, 540) % 256, jittery, rate) == 0


def test_loss_counter_with_a_step_of_two():
    counter = PacketLossCounter(modulo=256, step=2)
    assert counter.update(np.array([0, 2, 4, 8, 10])) == 1


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
