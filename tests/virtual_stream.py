"""The virtual visitor's headset written into a ring buffer as the acquisition worker writes it, on
a test clock, so that minutes of EEG take seconds. Shared by the decoders' and flows' tests."""

from __future__ import annotations

import numpy as np

from drivers.dsp import CausalFilter, display_filter_sos
from drivers.markers import MarkerPlacer
from drivers.profiles import find_profile
from drivers.ringbuffer import RingBuffer
from drivers.stream import PacketLossCounter, SampleLossTracker, Stream
from drivers.virtual_visitor import VirtualVisitor, VirtualVisitorBoard

RATE = 250


class LiveVisitor:
    """The virtual visitor's headset written into a ring buffer as the acquisition worker would,
    on a test clock so that seconds of EEG take milliseconds."""

    def __init__(self, seed: int = 11, profile: str = "virtual_visitor", rate: int = RATE) -> None:
        self.profile = find_profile(profile)
        self.now = 5_000.0
        self.visitor = VirtualVisitor(lambda: self.now)
        self.board = VirtualVisitorBoard(self.profile.channels, rate, self.visitor, seed=seed)
        self.board.prepare_session()
        self.board.start_stream()
        self.buffer = RingBuffer(len(self.profile.channels), 60 * rate)
        self.stream = Stream(self.buffer, self.profile, rate)
        self.loss = SampleLossTracker(rate, PacketLossCounter(256))
        # The display chain the acquisition worker runs, so "filtered" reads are what they are live.
        self.display = CausalFilter(
            display_filter_sos(rate, self.profile.mains_hz), len(self.profile.channels)
        )

    def advance(self, seconds: float) -> None:
        self.now += seconds
        block = self.board.get_board_data()
        layout = self.board.layout
        eeg = block[list(layout.eeg_rows)]
        lost_total = self.loss.lost + np.cumsum(
            self.loss.update(block[layout.package_row], block[layout.timestamp_row])
        )
        self.buffer.write(
            eeg, self.display(eeg), block[layout.timestamp_row], block[layout.marker_row], lost_total
        )


class LiveStream(LiveVisitor):
    """:class:`LiveVisitor` with markers placed as the acquisition worker places them
    (:class:`MarkerPlacer`: on the first sample stamped at or after the requested moment), and a
    switch to stop the headset's data from arriving."""

    def __init__(self, seed: int = 11, profile: str = "virtual_visitor", rate: int = RATE) -> None:
        super().__init__(seed=seed, profile=profile, rate=rate)
        self.markers = MarkerPlacer()
        self.feeding = True

    def advance(self, seconds: float) -> None:
        self.now += seconds
        if not self.feeding:
            return
        block = self.board.get_board_data()
        if block.shape[1] == 0:
            return
        layout = self.board.layout
        eeg = block[list(layout.eeg_rows)]
        stamps = block[layout.timestamp_row]
        marker_row = block[layout.marker_row].copy()
        lost_before_block = self.loss.lost
        lost_each = self.loss.update(block[layout.package_row], stamps)
        self.markers.place(stamps, marker_row, lost_each)
        self.buffer.write(
            eeg, self.display(eeg), stamps, marker_row, lost_before_block + np.cumsum(lost_each)
        )
