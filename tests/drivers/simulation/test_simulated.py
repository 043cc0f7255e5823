from __future__ import annotations

import numpy as np
import pytest

from drivers.boards.board import BoardUnavailableError
from drivers.simulation.simulated import SimulatedBoard


class FakeClock:
    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def started(n_channels: int = 4, rate: int = 250, seed: int = 0) -> tuple[SimulatedBoard, FakeClock]:
    clock = FakeClock()
    board = SimulatedBoard(n_channels, rate, seed=seed, clock=clock)
    board.prepare_session()
    board.start_stream()
    return board, clock


def test_delivers_exactly_what_the_clock_says_is_due_in_brainflow_layout():
    board, clock = started(rate=500)
    layout = board.layout
    assert board.get_board_data().shape == (layout.num_rows, 0)
    clock.now += 2.0
    data = board.get_board_data()
    assert data.shape == (layout.num_rows, 1000)
    np.testing.assert_array_equal(data[layout.package_row][:300], np.arange(300) % 256)
    np.testing.assert_allclose(np.diff(data[layout.timestamp_row]), 1 / 500)
    eeg = data[list(layout.eeg_rows)]
    assert np.all((eeg.std(axis=1) > 3) & (eeg.std(axis=1) < 60))  # EEG-like µV, not volts or zeros
    clock.now += 0.01
    assert board.get_board_data().shape[1] == 5


def test_same_seed_same_signal():
    a, clock_a = started(seed=7)
    b, clock_b = started(seed=7)
    clock_a.now += 1
    clock_b.now += 1
    np.testing.assert_array_equal(a.get_board_data()[1:5], b.get_board_data()[1:5])


def test_marker_lands_on_the_first_sample_after_insertion():
    board, clock = started()
    clock.now += 0.5
    board.get_board_data()
    clock.now += 0.1
    board.insert_marker(3.0)  # inserted at t = 0.6 s, before the samples of 0.5-1.0 s are read
    clock.now += 0.4
    data = board.get_board_data()
    marker_at = np.flatnonzero(data[board.layout.marker_row])
    assert len(marker_at) == 1 and data[board.layout.marker_row, marker_at[0]] == 3.0
    assert data[board.layout.timestamp_row, marker_at[0]] == pytest.approx(1000.6 + 1 / 250, abs=1e-9)


def test_two_markers_for_one_sample_both_land_in_order_as_in_brainflow():
    board, clock = started()
    clock.now += 0.1
    board.insert_marker(1.0)
    board.insert_marker(2.0)
    clock.now += 0.4
    row = board.get_board_data()[board.layout.marker_row]
    assert row[row != 0].tolist() == [1.0, 2.0]


def test_a_gap_loses_samples_but_the_counter_keeps_counting():
    board, clock = started()
    clock.now += 1.0
    before = board.get_board_data()
    board.drop_output(0.5)
    clock.now += 0.4
    assert board.get_board_data().shape[1] == 0
    clock.now += 0.6
    after = board.get_board_data()
    row = board.layout.package_row
    lost = (after[row, 0] - before[row, -1]) % 256 - 1
    assert lost == 125  # every sample taken in the 0.5 s gap, however the reads fell
    assert after.shape[1] == 125  # the 0.5 s after the gap arrive


def test_unavailable_board_raises_until_it_comes_back():
    board, clock = started()
    board.set_unavailable(True)
    with pytest.raises(BoardUnavailableError):
        board.get_board_data()
    with pytest.raises(BoardUnavailableError):
        board.prepare_session()
    board.set_unavailable(False)
    clock.now += 0.1
    assert board.get_board_data().shape[1] == 25
