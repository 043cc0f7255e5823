"""The sample intake the acquisition worker and the test stream share: a NaN and a marker planted
through the test stream come out as they would live."""

from __future__ import annotations

import logging

import numpy as np

from demos.mi_cursor.session import VisitLog
from drivers.acquisition.worker import Acquisition
from drivers.analysis.dsp import CausalFilter, display_filter_sos
from drivers.boards.profiles import find_profile
from drivers.stream.intake import Intake
from tests.virtual_stream import RATE, LiveStream

CHANNEL = 5  # C3


def plant_nan(live: LiveStream, sample: int) -> dict[str, float]:
    """The next block the headset delivers carries NaN at ``sample`` of :data:`CHANNEL`; returns
    that sample's timestamp and the value before it (what the worker puts in its place)."""
    drain = live.board.get_board_data
    layout = live.board.layout
    planted: dict[str, float] = {}

    def with_nan() -> np.ndarray:
        block = drain()
        if not planted and block.shape[1] > sample:
            row = layout.eeg_rows[CHANNEL]
            planted.update(stamp=float(block[layout.timestamp_row, sample]), before=block[row, sample - 1])
            block[row, sample] = np.nan
        return block

    live.board.get_board_data = with_nan
    return planted


def test_the_worker_and_the_test_stream_write_through_the_same_intake(qapp):
    worker = Acquisition(find_profile("virtual_visitor"))._worker
    assert type(worker._intake) is type(LiveStream().intake) is Intake


def test_a_planted_nan_and_marker_are_handled_as_live(caplog):
    live = LiveStream()
    live.advance(1.0)
    log = VisitLog(live.stream, [CHANNEL, 7], keep_s=10.0)
    planted = plant_nan(live, sample=10)
    at = live.now + 0.1  # a cue in the middle of the next block
    live.markers.request(77, at)
    with caplog.at_level(logging.WARNING, logger="drivers.stream.intake"):
        live.advance(0.2)
    log.update()

    everything = live.stream.latest(60.0, both=True)
    nan_at = int(np.flatnonzero(everything.timestamps == planted["stamp"])[0])
    # Replaced by the last good value and marked, on that channel and sample only.
    assert everything.data[CHANNEL, nan_at] == planted["before"]
    assert np.argwhere(everything.invalid).tolist() == [[CHANNEL, nan_at]]
    assert live.intake.invalid_values == 1
    assert "NaN or infinite" in caplog.text
    # Never in the display filter: it ran over the replaced values, as it does live.
    assert np.isfinite(everything.filtered).all()
    display = CausalFilter(display_filter_sos(RATE, live.profile.mains_hz), everything.data.shape[0])
    np.testing.assert_allclose(everything.filtered, display(everything.data))
    # The marker is on the first sample stamped at or after the moment asked for, once.
    marked = np.flatnonzero(everything.markers == 77).tolist()
    assert marked == [int(np.searchsorted(everything.timestamps, at))]
    assert live.markers.placed == 1 and live.markers.lost == 0
    # A decoder's history sees both where they are: the marker at its position, the NaN refused.
    position = everything.start + marked[0]
    assert [(marker.position, marker.code) for marker in log.markers] == [(position, 77)]
    nan_position = everything.start + nan_at
    assert log.span(nan_position - 5, nan_position + 5) is None
    assert log.span(nan_position + 1, nan_position + 20) is not None
