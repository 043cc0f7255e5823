"""A headset on a test clock whose blocks a test can craft: the computer's wall clock stepped,
NaN stamps, samples lost, drained every 20 ms like the worker does, through the real Intake."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from drivers.boards.board import BoardLayout
from drivers.boards.profiles import PackageCounter, find_profile
from drivers.stream.intake import Intake
from drivers.stream.ringbuffer import RingBuffer

RATE = 250


class CraftedHeadset:
    """Sample ``k`` is taken at monotonic time ``start + k / RATE`` and stamped with the wall clock
    (monotonic + an offset the test can step). :meth:`drain` delivers what is due, like
    ``get_board_data`` every 20 ms, and hands it to the intake with the drain's monotonic time."""

    def __init__(self, *, counter: bool = True, modulo: int = 256) -> None:
        base = find_profile("virtual_visitor")
        self.profile = replace(base, package_counter=PackageCounter(modulo, 1) if counter else None)
        self.modulo = modulo
        self.layout = BoardLayout.for_channels(len(base.channels), RATE)
        self.buffer = RingBuffer(len(base.channels), 120 * RATE)
        self.monotonic = 100.0
        self.wall_offset = 1_700_000_000.0
        #: How long after a sample was stamped the worker drains it (the wall clock has moved on).
        self.drain_latency = 0.0
        self.intake = Intake(self.profile, self.layout, self.buffer, wall_clock=self.wall_clock)
        self._next = 0  # the next sample to take
        self._start = self.monotonic

    def wall_clock(self) -> float:
        return self.monotonic + self.wall_offset + self.drain_latency

    def samples(self, seconds: float) -> np.ndarray:
        """The block of samples taken during the next ``seconds`` (the clock moves on)."""
        self.monotonic += seconds
        due = round((self.monotonic - self._start) * RATE) - self._next
        index = np.arange(self._next, self._next + max(due, 0))
        self._next += len(index)
        layout = self.layout
        block = np.zeros((layout.num_rows, len(index)))
        block[layout.package_row] = index % self.modulo
        taken_at = self._start + (index + 1) / RATE
        block[layout.timestamp_row] = taken_at + self.wall_offset
        block[list(layout.eeg_rows)] = np.sin(index / 7.0)
        return block

    def drain(self, seconds: float = 0.02, block: np.ndarray | None = None) -> np.ndarray:
        """Deliver the samples due after ``seconds`` (or ``block``, crafted from them)."""
        block = self.samples(seconds) if block is None else block
        self.intake.ingest(block, drained_at=self.monotonic)
        return block

    def stream(self, seconds: float) -> None:
        for _ in range(round(seconds / 0.02)):
            self.drain()

    def silence(self, seconds: float) -> None:
        """The radio drops everything for ``seconds``: polled, nothing arrives."""
        for _ in range(round(seconds / 0.02)):
            self.samples(0.02)
            self.intake.ingest(np.zeros((self.layout.num_rows, 0)), drained_at=self.monotonic)

    @property
    def lost(self) -> int:
        return self.intake.loss.lost

    @property
    def taken(self) -> int:
        return self._next
