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
