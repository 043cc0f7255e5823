"""The virtual visitor's headset written into a ring buffer by the acquisition worker's own
:class:`~drivers.stream.intake.Intake`, on a test clock, so that minutes of EEG take seconds. Shared by the
decoders' and flows' tests: what they read went through the very code that runs live (invalid
values replaced and marked, losses counted, markers placed, display filter, one write)."""

from __future__ import annotations

from drivers.boards.profiles import find_profile
from drivers.simulation.virtual_visitor import VirtualVisitor, VirtualVisitorBoard
from drivers.stream.intake import Intake, SampleLossTracker
from drivers.stream.markers import MarkerPlacer
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer

RATE = 250


class LiveStream:
    """The virtual visitor's headset streaming through an :class:`Intake` into a ring buffer, on a
    test clock so that seconds of EEG take milliseconds. Markers asked for with
    ``markers.request(code, at)`` go on the first sample stamped at or after ``at``, as live; the
    board's own (``board.insert_marker``) are kept. ``feeding = False`` stops the headset's data
    from arriving."""

    def __init__(self, seed: int = 11, profile: str = "virtual_visitor", rate: int = RATE) -> None:
        self.profile = find_profile(profile)
        self.now = 5_000.0
        self.visitor = VirtualVisitor(lambda: self.now)
        self.board = VirtualVisitorBoard(self.profile.channels, rate, self.visitor, seed=seed)
        self.board.prepare_session()
        self.board.start_stream()
        self.buffer = RingBuffer(len(self.profile.channels), 60 * rate)
        self.stream = Stream(self.buffer, self.profile, rate)
        self.intake = Intake(self.profile, self.board.layout, self.buffer)
        self.feeding = True

    @property
    def markers(self) -> MarkerPlacer:
        return self.intake.markers

    @property
    def loss(self) -> SampleLossTracker:
        return self.intake.loss

    def advance(self, seconds: float) -> None:
        self.now += seconds
        if self.feeding:
            self.intake.ingest(self.board.get_board_data(), drained_at=self.now)
