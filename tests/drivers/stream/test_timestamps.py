"""Timestamps checked like samples: NaN stamps filled in, the computer's clock stepped forwards or
back, never counted as samples lost; a headset's real silence still is."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from drivers.stream.markers import MarkerPlacer
from drivers.stream.timestamps import fill_invalid
from tests.drivers.stream.crafted import RATE, CraftedHeadset


def test_nan_timestamps_are_filled_in_from_their_neighbours_and_counted(caplog):
    headset = CraftedHeadset()
    headset.stream(1.0)
    block = headset.samples(0.2)
    truth = block[headset.layout.timestamp_row].copy()
    block[headset.layout.timestamp_row, [0, 3, 4, 49]] = np.nan  # first, a run, and last
    block[headset.layout.timestamp_row, 10] = np.inf
    at = float(truth[4])  # a marker asked for the moment of a sample whose stamp is NaN
    headset.intake.markers.request(9.0, at)
    with caplog.at_level(logging.WARNING, logger="drivers.stream.intake"):
        headset.drain(block=block)
    headset.stream(0.5)
    everything = headset.buffer.latest(10_000)
    assert np.isfinite(everything.timestamps).all()
    np.testing.assert_allclose(everything.timestamps[-175:-125], truth, rtol=0, atol=1e-6)
    assert headset.lost == 0 and everything.lost_total.max() == 0
    assert headset.intake.invalid_stamps == 5
    assert [record.getMessage() for record in caplog.records] == [
        "the board sent 5 NaN or infinite stamp(s) or counter(s); filled in"
    ]
    assert everything.timestamps[everything.markers == 9.0].tolist() == pytest.approx([at], abs=1e-6)


def test_a_block_of_nothing_but_nan_stamps_keeps_the_count_and_every_marker():
    headset = CraftedHeadset()
    headset.drain_latency = 0.05  # filled in from the last good stamp, not from the drain's time
    headset.stream(0.5)
    for code in range(1, 11):
        headset.intake.markers.request(float(code), headset.wall_clock() + code * 0.02)
    for _ in range(15):
        block = headset.samples(0.02)
        block[headset.layout.timestamp_row] = np.nan
        block[headset.layout.package_row] = np.nan
        headset.drain(block=block)
    headset.stream(0.5)
    everything = headset.buffer.latest(10_000)
    assert headset.lost == 0
    assert everything.markers[everything.markers != 0].tolist() == [float(code) for code in range(1, 11)]
    np.testing.assert_allclose(np.diff(everything.timestamps), 1 / RATE, rtol=0, atol=1e-6)


def test_nan_stamps_before_any_good_one_are_stamped_from_the_wall_clock():
    headset = CraftedHeadset(counter=False)
    block = headset.samples(0.1)
    block[headset.layout.timestamp_row] = np.nan
    headset.drain(block=block)
    window = headset.buffer.latest(100)
    assert window.timestamps[-1] == pytest.approx(headset.wall_clock(), abs=1e-6)
    np.testing.assert_allclose(np.diff(window.timestamps), 1 / RATE, rtol=0, atol=1e-6)


def test_fill_invalid_counts_on_from_the_last_good_value_or_back_from_the_first():
    filled, mask = fill_invalid(np.array([np.nan, np.nan, 10.0, np.nan, 15.5]), None, 1.0)
    assert filled.tolist() == [8.0, 9.0, 10.0, 11.0, 15.5] and mask.tolist() == [1, 1, 0, 1, 0]
    jittered = np.array([7.5, np.nan, 10.0, np.nan, np.inf, 20.0, np.nan])  # finite ones are kept
    assert fill_invalid(jittered, 3.0, 1.0)[0].tolist() == [7.5, 8.5, 10.0, 11.0, 12.0, 20.0, 21.0]
    filled, mask = fill_invalid(np.array([np.nan, 5.0]), 3.0, 1.0)
    assert filled.tolist() == [4.0, 5.0]
    same, none = fill_invalid(np.array([1.0, 2.0]), None, 1.0)
    assert same.tolist() == [1.0, 2.0] and none is None
    with pytest.raises(ValueError):
        fill_invalid(np.array([np.nan]), None, 1.0)


@pytest.mark.parametrize("counter", [True, False], ids=["packet counter", "no counter"])
@pytest.mark.parametrize("jump_s", [30.0, 2.0, 0.6])
def test_a_forward_step_of_the_computers_clock_loses_no_sample(counter, jump_s):
    headset = CraftedHeadset(counter=counter)
    headset.stream(2.0)
    headset.wall_offset += jump_s  # NTP, a user, a laptop waking up
    headset.stream(2.0)
    assert headset.lost == 0
    window = headset.buffer.latest(1_000)
    assert window.intact() and window.n_samples == headset.taken


@pytest.mark.parametrize("counter", [True, False], ids=["packet counter", "no counter"])
def test_a_backward_step_of_the_clock_loses_none_and_a_gap_after_it_still_counts(counter):
    headset = CraftedHeadset(counter=counter)
    headset.stream(1.0)
    headset.wall_offset -= 30.0
    headset.stream(1.0)
    assert headset.lost == 0
    headset.silence(1.5)
    headset.stream(0.5)
    assert headset.lost == pytest.approx(1.5 * RATE, abs=1)


@pytest.mark.parametrize("counter", [True, False], ids=["packet counter", "no counter"])
def test_a_real_silence_and_a_clock_step_in_it_count_only_the_silence(counter):
    headset = CraftedHeadset(counter=counter)
    headset.stream(1.0)
    headset.silence(3.0)
    headset.wall_offset += 30.0
    headset.stream(1.0)
    if counter:  # the counter says how many within a wrap, the clocks how many wraps: exact
        assert headset.lost == 3 * RATE
    else:  # time alone: at most a drain and a stamp's lead (0.12 s) more than the silence
        assert 3 * RATE <= headset.lost <= 3.12 * RATE


def test_a_reconnect_gap_is_bounded_by_the_monotonic_clock_not_the_wall_clock():
    headset = CraftedHeadset()
    headset.stream(1.0)
    headset.intake.new_link()
    headset.silence(2.0)  # reconnecting: 2 s without data
    headset.wall_offset += 60.0
    headset.stream(0.5)
    assert 2 * RATE <= headset.lost <= 2.12 * RATE  # not 60 s: the counter restarted, time tells


def test_a_marker_lands_right_after_the_clock_was_set_back_inside_a_block():
    """Stamps are not sorted then: the first sample stamped at or after the moment, in block order."""
    placer = MarkerPlacer()
    stamps = np.concatenate([1000.0 + np.arange(5) / RATE, 970.0 + np.arange(5) / RATE])
    placer.request(3.0, 970.0 + 2.5 / RATE)
    row = np.zeros(10)
    assert placer.place(stamps, row, np.zeros(10)) == []
    assert np.flatnonzero(row).tolist() == [0]  # 1000.0 is at or after it: the earliest such sample
    placer.request(4.0, 1000.0 + 4.5 / RATE)  # after every stamp of the block: waits
    later = np.zeros(10)
    placer.place(stamps, later, np.zeros(10))
    assert not later.any() and placer.waiting == 1


def test_a_marker_for_a_moment_that_is_not_a_number_is_refused():
    placer = MarkerPlacer()
    with pytest.raises(ValueError):
        placer.request(1.0, float("nan"))
    assert placer.waiting == 0


def test_a_nan_stamp_first_after_a_reconnect_is_counted_back_from_the_new_links_stamps():
    headset = CraftedHeadset(counter=False)
    headset.stream(1.0)
    headset.intake.new_link()
    headset.silence(2.0)
    block = headset.samples(0.04)
    truth = block[headset.layout.timestamp_row].copy()
    block[headset.layout.timestamp_row, :3] = np.nan
    headset.drain(block=block)
    np.testing.assert_allclose(headset.buffer.latest(10).timestamps, truth, rtol=0, atol=1e-6)
    assert 2 * RATE <= headset.lost <= 2.12 * RATE


def test_nan_packet_counters_are_filled_in_and_counted_with_the_stamps():
    headset = CraftedHeadset()
    headset.stream(0.2)
    block = headset.samples(0.1)
    block[headset.layout.package_row, [0, 7, 8]] = np.nan
    block[headset.layout.timestamp_row, 3] = np.nan
    headset.drain(block=block)
    assert headset.intake.invalid_stamps == 4 and headset.lost == 0
    headset.intake.new_link()
    block = headset.samples(0.04)  # a new link whose first block has no counter at all
    block[headset.layout.package_row] = np.nan
    block[headset.layout.timestamp_row, 5] = np.nan
    headset.drain(block=block)
    headset.stream(0.2)
    assert headset.intake.invalid_stamps == 15 and headset.lost == 0


def test_a_clock_step_inside_a_block_is_taken_out_where_it_happened():
    headset = CraftedHeadset(counter=False)
    headset.stream(1.0)
    block = headset.samples(0.1)
    block[headset.layout.timestamp_row, 12:] += 30.0  # the clock was set forward mid-block
    headset.drain(block=block)
    headset.wall_offset += 30.0
    headset.stream(1.0)
    assert headset.lost == 0


def test_a_gap_that_began_while_the_worker_was_stalled_is_counted_whole():
    """The worker drained nothing for 1 s; the headset went silent half-way through it."""
    headset = CraftedHeadset(counter=False)
    headset.stream(1.0)
    delivered = headset.samples(0.5)
    headset.samples(0.5)  # taken during the radio gap: never delivered
    headset.drain(block=delivered)  # the late drain, 1 s after the one before
    headset.silence(1.0)
    headset.stream(0.5)
    assert 1.5 * RATE <= headset.lost <= 1.62 * RATE
