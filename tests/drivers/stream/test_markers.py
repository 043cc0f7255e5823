"""Marker placement without a board: order, back-to-back markers, gaps, session ends."""

from __future__ import annotations

import numpy as np

from drivers.stream.markers import MarkerPlacer

RATE = 250.0


def stamps(first: int, n: int) -> np.ndarray:
    return 100.0 + np.arange(first, first + n) / RATE


def test_a_marker_goes_on_the_first_sample_stamped_at_or_after_its_moment():
    placer = MarkerPlacer()
    placer.request(7.0, 100.0 + 10.5 / RATE)
    row = np.zeros(50)
    assert placer.place(stamps(0, 50), row, np.zeros(50)) == []
    assert np.flatnonzero(row).tolist() == [11] and row[11] == 7.0


def test_back_to_back_markers_all_land_in_order_on_consecutive_free_samples():
    placer = MarkerPlacer()
    for value in range(1, 201):  # 200 markers asked for the same moment
        placer.request(float(value), 100.0 + 3 / RATE)
    seen: list[float] = []
    first = 0
    while placer.waiting:
        row = np.zeros(20)
        assert placer.place(stamps(first, 20), row, np.zeros(20)) == []
        seen += row[row != 0].tolist()
        first += 20
    assert seen == [float(value) for value in range(1, 201)]
    assert placer.placed == 200 and placer.lost == 0


def test_a_marker_whose_samples_were_lost_is_reported_not_shifted_past_the_gap():
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 5 / RATE)
    placer.request(2.0, 100.0 + 60 / RATE)  # inside a gap: samples 50..549 never arrive
    placer.request(3.0, 100.0 + 560 / RATE)
    row = np.zeros(50)
    placer.place(stamps(0, 50), row, np.zeros(50))
    after = np.zeros(50)
    lost_before = np.zeros(50)
    lost_before[0] = 500
    lost = placer.place(stamps(550, 50), after, lost_before)
    assert [marker.value for marker in lost] == [2.0]
    assert row[5] == 1.0 and after[10] == 3.0
    assert (placer.placed, placer.lost) == (2, 1)


def test_markers_of_the_board_itself_are_kept_and_ours_take_the_next_free_sample():
    placer = MarkerPlacer()
    placer.request(9.0, 100.0 + 4 / RATE)
    row = np.zeros(10)
    row[4] = 55.0  # a replayed recording's own marker
    placer.place(stamps(0, 10), row, np.zeros(10))
    assert row[4] == 55.0 and row[5] == 9.0


def test_a_late_burst_without_lost_samples_still_carries_the_marker():
    """The host stalled: samples came stamped 300 ms late, but none was lost."""
    placer = MarkerPlacer()
    placer.request(5.0, 100.0)
    row = np.zeros(10)
    assert placer.place(100.3 + np.arange(10) / RATE, row, np.zeros(10)) == []
    assert row[0] == 5.0


def test_markers_still_waiting_when_the_session_ends_are_lost():
    placer = MarkerPlacer()
    placer.request(4.0, 200.0)  # no sample that late has arrived
    assert placer.place(stamps(0, 10), np.zeros(10), np.zeros(10)) == []
    lost = placer.drop_all("the board was lost")
    assert [(marker.value, marker.reason) for marker in lost] == [(4.0, "the board was lost")]
    assert placer.lost == 1 and placer.waiting == 0


def test_markers_asked_for_out_of_time_order_keep_the_order_they_were_asked_in():
    """A later request for an earlier moment (a cue stamped late) goes after the one before it."""
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 8 / RATE)
    placer.request(2.0, 100.0 + 3 / RATE)
    placer.request(3.0, 100.0 + 8 / RATE)
    row = np.zeros(20)
    placer.place(stamps(0, 20), row, np.zeros(20))
    assert {int(i): row[i] for i in np.flatnonzero(row)} == {8: 1.0, 9: 2.0, 10: 3.0}


def test_a_marker_due_behind_one_still_waiting_waits_too():
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 30 / RATE)  # its sample comes in the next block
    placer.request(2.0, 100.0 + 2 / RATE)
    first = np.zeros(20)
    placer.place(stamps(0, 20), first, np.zeros(20))
    second = np.zeros(20)
    placer.place(stamps(20, 20), second, np.zeros(20))
    assert not first.any() and {int(i): second[i] for i in np.flatnonzero(second)} == {10: 1.0, 11: 2.0}


def test_two_markers_for_one_moment_take_consecutive_samples():
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 4 / RATE)
    placer.request(2.0, 100.0 + 4 / RATE)
    row = np.zeros(10)
    placer.place(stamps(0, 10), row, np.zeros(10))
    assert np.flatnonzero(row).tolist() == [4, 5]


class RequestWhilePlacing(np.ndarray):
    """A marker row that, when the first marker is written into it, lets another thread ask for
    a marker: the request arrives while the block is being placed."""

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if self.placer is not None:
            placer, self.placer = self.placer, None
            placer.request(9.0, 100.0 + 1 / RATE)


def test_a_marker_asked_for_while_a_block_is_placed_comes_after_the_ones_waiting():
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 2 / RATE)
    placer.request(2.0, 100.0 + 50 / RATE)  # waits for a later block
    placer.request(3.0, 100.0 + 2 / RATE)
    row = np.zeros(10).view(RequestWhilePlacing)
    row.placer = placer
    placer.place(stamps(0, 10), row, np.zeros(10))
    assert placer.waiting == 3  # 2.0 and 3.0 put back before 9.0, none dropped
    later = np.zeros(60)
    placer.place(stamps(10, 60), later, np.zeros(60))
    assert [later[i] for i in np.flatnonzero(later)] == [2.0, 3.0, 9.0]
    assert placer.placed == 4 and placer.lost == 0


def test_a_single_sample_lost_at_a_markers_moment_loses_the_marker():
    placer = MarkerPlacer()
    placer.request(1.0, 100.0 + 10 / RATE)  # sample 10 never arrived; 11 did, right after it
    placer.request(2.0, 100.0 + 12 / RATE)
    times = np.delete(stamps(0, 20), 10)
    lost_before = np.zeros(19)
    lost_before[10] = 1
    row = np.zeros(19)
    lost = placer.place(times, row, lost_before)
    assert [(marker.value, marker.requested_at, marker.reason) for marker in lost] == [
        (1.0, 100.0 + 10 / RATE, "its samples were lost")
    ]
    assert np.flatnonzero(row).tolist() == [11] and row[11] == 2.0


def test_markers_lost_add_up_over_blocks_and_the_session_end():
    placer = MarkerPlacer()
    for block in range(3):
        placer.request(float(block + 1), 100.0 + (block * 10 + 1) / RATE)
        lost_before = np.zeros(10)
        lost_before[1] = 1
        placer.place(stamps(block * 10, 10), np.zeros(10), lost_before)
    placer.request(7.0, 500.0)
    placer.request(8.0, 500.0)
    dropped = placer.drop_all("acquisition stopped")
    assert [(marker.value, marker.requested_at) for marker in dropped] == [(7.0, 500.0), (8.0, 500.0)]
    assert placer.lost == 5 and placer.placed == 0
