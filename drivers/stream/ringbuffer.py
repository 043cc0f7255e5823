"""A preallocated ring buffer of EEG samples, shared by one writer and many readers.

The acquisition worker is the only writer. Plots and decoders read copies of the latest window or
of everything since their own cursor, under the same lock, so a reader never sees a half-written
chunk. Sample positions are absolute counts since the stream started; a reader that falls more
than the capacity behind is told how many samples it missed instead of silently getting a gap.

Two more facts travel with every sample, so a decoder can refuse a window that is not whole:
how many samples the board lost before it in total (a step in that count inside a window is a
gap, across reconnects too) and which channels were not finite numbers (NaN, inf) there. The
worker has already replaced those values by the channel's last good one, so no consumer ever
sees a NaN; the mask says where that happened.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Window:
    """A contiguous block of samples, oldest first.

    ``data`` is (channels, samples) in µV; ``start`` is the absolute index of its first sample;
    ``missed`` counts samples a cursor reader lost because it fell behind the buffer;
    ``lost_total`` is, per sample, how many samples the board had lost before it since the stream
    started; ``invalid`` (channels, samples) marks values that arrived as NaN or infinite.
    ``filtered`` is set only by a read with ``both=True``: then ``data`` holds the raw samples and
    ``filtered`` the very same samples through the display chain, copied under one lock (two
    reads could end on different samples when the writer comes in between).
    """

    data: np.ndarray
    timestamps: np.ndarray
    markers: np.ndarray
    start: int
    missed: int = 0
    lost_total: np.ndarray | None = None
    invalid: np.ndarray | None = None
    filtered: np.ndarray | None = None

    @property
    def end(self) -> int:
        return self.start + self.data.shape[1]

    @property
    def n_samples(self) -> int:
        return self.data.shape[1]

    @property
    def gap_samples(self) -> int:
        """Samples the board lost between this window's first and last sample."""
        if self.lost_total is None or self.lost_total.size == 0:
            return 0
        return int(self.lost_total[-1] - self.lost_total[0])

    def intact(self, channels: list[int] | None = None) -> bool:
        """Whole: nothing missed by the reader, no gap inside, no invalid value in ``channels`` (all)."""
        if self.missed or self.gap_samples:
            return False
        if self.invalid is None:
            return True
        rows = self.invalid if channels is None else self.invalid[channels]
        return not rows.any()


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
        self._lost_total = np.zeros(capacity, dtype=np.int64)
        self._invalid = np.zeros((n_channels, capacity), dtype=bool)
        self._written = 0
        self._lock = threading.Lock()

    @property
    def total_written(self) -> int:
        """Samples written since the start (not capped by capacity)."""
        with self._lock:
            return self._written

    def write(
        self,
        raw: np.ndarray,
        filtered: np.ndarray,
        timestamps: np.ndarray,
        markers: np.ndarray,
        lost_total: np.ndarray | None = None,
        invalid: np.ndarray | None = None,
    ) -> int:
        """Append a chunk in one step under the lock (readers never see part of it); returns how
        many samples were written. Without ``lost_total`` the last count carries on (no loss)."""
        n = raw.shape[1]
        if n == 0:
            return 0
        if raw.shape != (self.n_channels, n) or filtered.shape != raw.shape:
            raise ValueError(f"expected ({self.n_channels}, n) arrays, got {raw.shape} and {filtered.shape}")
        skip = max(0, n - self.capacity)  # a chunk larger than the buffer: only its newest samples fit
        with self._lock:
            if lost_total is None:
                previous = self._lost_total[(self._written - 1) % self.capacity] if self._written else 0
                lost_total = np.full(n, previous, dtype=np.int64)
            positions = (self._written + skip + np.arange(n - skip)) % self.capacity
            self._raw[:, positions] = raw[:, skip:]
            self._filtered[:, positions] = filtered[:, skip:]
            self._timestamps[positions] = timestamps[skip:]
            self._markers[positions] = markers[skip:]
            self._lost_total[positions] = lost_total[skip:]
            self._invalid[:, positions] = False if invalid is None else invalid[:, skip:]
            self._written += n
        return n - skip

    def latest(self, n: int, *, filtered: bool = True, both: bool = False) -> Window:
        """The newest ``n`` samples (fewer while the buffer is still filling). ``both``: raw in
        ``data`` and filtered in ``window.filtered``, for the same samples (``filtered`` is moot)."""
        with self._lock:
            n = max(0, min(n, self.capacity, self._written))
            return self._copy(self._written - n, self._written, filtered, both)

    def read_since(self, cursor: int, *, filtered: bool = True, both: bool = False) -> Window:
        """Everything written since absolute position ``cursor``; pass ``window.end`` next time.
        ``both`` as in :meth:`latest`."""
        with self._lock:
            oldest = max(0, self._written - self.capacity)
            missed = max(0, oldest - cursor)
            start = max(cursor, oldest)
            return self._copy(min(start, self._written), self._written, filtered, both, missed)

    def _copy(self, start: int, end: int, filtered: bool, both: bool, missed: int = 0) -> Window:
        positions = np.arange(start, end) % self.capacity
        source = self._filtered if filtered and not both else self._raw
        return Window(
            data=source[:, positions],
            timestamps=self._timestamps[positions],
            markers=self._markers[positions],
            start=start,
            missed=missed,
            lost_total=self._lost_total[positions],
            invalid=self._invalid[:, positions],
            filtered=self._filtered[:, positions] if both else None,
        )
