"""A preallocated ring buffer of EEG samples, shared by one writer and many readers.

The acquisition worker is the only writer. Plots and decoders read copies of the latest window or
of everything since their own cursor, under the same lock, so a reader never sees a half-written
chunk. Sample positions are absolute counts since the stream started; a reader that falls more
than the capacity behind is told how many samples it missed instead of silently getting a gap.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Window:
    """A contiguous block of samples, oldest first.

    ``data`` is (channels, samples) in µV; ``start`` is the absolute index of its first sample;
    ``missed`` counts samples a cursor reader lost because it fell behind the buffer.
    """

    data: np.ndarray
    timestamps: np.ndarray
    markers: np.ndarray
    start: int
    missed: int = 0

    @property
    def end(self) -> int:
        return self.start + self.data.shape[1]

    @property
    def n_samples(self) -> int:
        return self.data.shape[1]


class RingBuffer:
    """Raw and filtered EEG, timestamps and markers for the last ``capacity`` samples."""

    def __init__(self, n_channels: int, capacity: int) -> None:
        if n_channels < 1 or capacity < 1:
            raise ValueError("a ring buffer needs at least one channel and one sample")
        self.n_channels = n_channels
        self.capacity = capacity
        self._raw = np.zeros((n_channels, capacity))
        self._filtered = np.zeros((n_channels, capacity))
        self._timestamps = np.zeros(capacity)
        self._markers = np.zeros(capacity)
        self._written = 0
        self._lock = threading.Lock()

    @property
    def total_written(self) -> int:
        """Samples written since the start (not capped by capacity)."""
        with self._lock:
            return self._written

    def write(
        self, raw: np.ndarray, filtered: np.ndarray, timestamps: np.ndarray, markers: np.ndarray
    ) -> int:
        """Append a chunk; returns how many samples were written."""
        n = raw.shape[1]
        if n == 0:
            return 0
        if raw.shape != (self.n_channels, n) or filtered.shape != raw.shape:
            raise ValueError(f"expected ({self.n_channels}, n) arrays, got {raw.shape} and {filtered.shape}")
        if n > self.capacity:  # only the newest samples fit
            skip = n - self.capacity
            with self._lock:
                self._written += skip
            raw, filtered = raw[:, skip:], filtered[:, skip:]
            timestamps, markers = timestamps[skip:], markers[skip:]
            n = self.capacity
        with self._lock:
            positions = (self._written + np.arange(n)) % self.capacity
            self._raw[:, positions] = raw
            self._filtered[:, positions] = filtered
            self._timestamps[positions] = timestamps
            self._markers[positions] = markers
            self._written += n
        return n

    def latest(self, n: int, *, filtered: bool = True) -> Window:
        """The newest ``n`` samples (fewer while the buffer is still filling)."""
        with self._lock:
            n = max(0, min(n, self.capacity, self._written))
            return self._copy(self._written - n, self._written, filtered)

    def read_since(self, cursor: int, *, filtered: bool = True) -> Window:
        """Everything written since absolute position ``cursor``; pass ``window.end`` next time."""
        with self._lock:
            oldest = max(0, self._written - self.capacity)
            missed = max(0, oldest - cursor)
            start = max(cursor, oldest)
            return self._copy(min(start, self._written), self._written, filtered, missed)

    def _copy(self, start: int, end: int, filtered: bool, missed: int = 0) -> Window:
        positions = np.arange(start, end) % self.capacity
        source = self._filtered if filtered else self._raw
        return Window(
            data=source[:, positions],
            timestamps=self._timestamps[positions],
            markers=self._markers[positions],
            start=start,
            missed=missed,
        )
