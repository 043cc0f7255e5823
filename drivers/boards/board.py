"""The board interface the acquisition worker drives, and the data layout it reads.

The worker talks to every source through BoardShim's own method names, so a BrainFlow board, the
playback-file board and our simulated sources run through one code path. ``BoardLayout`` says
which rows of ``get_board_data()`` hold EEG, timestamps, the packet counter and markers, exactly as
BrainFlow's board description does. Creating the board a profile names is
:func:`drivers.acquisition.sources.open_board`'s job: the simulated sources import this module for
their layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from drivers.boards.profiles import BoardProfile


class BoardUnavailableError(RuntimeError):
    """A simulated link is down (the equivalent of BrainFlow's BOARD_NOT_READY errors)."""


class Board(Protocol):
    """The subset of ``brainflow.BoardShim`` the acquisition worker uses.

    Not ``insert_marker``: the worker writes markers into the data itself (see
    :mod:`drivers.stream.markers`), because boards differ in what they do with two markers for one sample
    or a marker sent while no data flows, and none reports a marker it dropped.
    """

    def prepare_session(self) -> None: ...
    def is_prepared(self) -> bool: ...
    def start_stream(self, num_samples: int = ..., streamer_params: str | None = ...) -> None: ...
    def get_board_data(self) -> np.ndarray: ...
    def stop_stream(self) -> None: ...
    def release_session(self) -> None: ...


@dataclass(frozen=True)
class BoardLayout:
    """Row roles of a board's data block, as BrainFlow describes them."""

    sampling_rate: int
    num_rows: int
    eeg_rows: tuple[int, ...]
    timestamp_row: int
    marker_row: int
    package_row: int | None

    @classmethod
    def from_brainflow(cls, board_id: int) -> BoardLayout:
        from brainflow.board_shim import BoardShim

        descr = BoardShim.get_board_descr(board_id)
        return cls(
            sampling_rate=int(descr["sampling_rate"]),
            num_rows=int(descr["num_rows"]),
            eeg_rows=tuple(descr["eeg_channels"]),
            timestamp_row=int(descr["timestamp_channel"]),
            marker_row=int(descr["marker_channel"]),
            package_row=descr.get("package_num_channel"),
        )

    @classmethod
    def for_channels(cls, n_channels: int, sampling_rate: int) -> BoardLayout:
        """BrainFlow-style layout for a simulated source: counter, EEG rows, timestamp, marker."""
        return cls(
            sampling_rate=sampling_rate,
            num_rows=n_channels + 3,
            eeg_rows=tuple(range(1, n_channels + 1)),
            timestamp_row=n_channels + 1,
            marker_row=n_channels + 2,
            package_row=0,
        )


def layout_for(profile: BoardProfile) -> BoardLayout:
    """The data layout a profile's board will deliver."""
    if profile.source == "simulated":
        assert profile.sampling_rate is not None
        return BoardLayout.for_channels(len(profile.channels), profile.sampling_rate)
    assert profile.board_id is not None
    from brainflow.board_shim import BoardIds

    board_id = profile.board_id
    if board_id == BoardIds.PLAYBACK_FILE_BOARD.value:
        board_id = int(profile.params.get("master_board", BoardIds.SYNTHETIC_BOARD.value))
    return BoardLayout.from_brainflow(board_id)
