"""The visit's sensorimotor signal, kept whole: every sample, its markers, and where it is not whole.

The flow reads the stream through its own :class:`~drivers.stream.StreamReader` and appends every
sample of the sensorimotor channels, raw and band-passed (causally, with kept state, as offline
evaluation filters a recording). Cues are found by their marker in the stream, so a calibration
epoch starts on the very sample the imagery cue was placed on. A sample is marked as a gap when
the board lost samples right before it, when one of its values arrived as NaN/inf, or when the
reader fell behind the buffer (the missed samples are kept as zeros marked as gaps, so positions
stay exact); an epoch or a decision window with a gap inside is refused, never decided on.
"""

from __future__ import annotations

import numpy as np

from demos.mi_cursor.processing import band_pass_sos
from drivers.dsp import CausalFilter
from drivers.stream import Stream

#: By default the log keeps this much signal; older samples are dropped (a visit lasts minutes).
KEEP_S = 300.0


class VisitLog:
    """Raw and band-passed sensorimotor signal since the visit began, by absolute stream position."""

    def __init__(self, stream: Stream, channels: list[int], keep_s: float = KEEP_S) -> None:
        self.stream = stream
        self.channels = list(channels)
        self.sampling_rate = stream.sampling_rate
        self._reader = stream.reader(filtered=False, from_now=True)
        self._band = CausalFilter(band_pass_sos(self.sampling_rate), len(self.channels))
        capacity = round(keep_s * self.sampling_rate)
        self._raw = np.zeros((len(self.channels), capacity))
        self._filtered = np.zeros((len(self.channels), capacity))
        self._break = np.zeros(capacity, dtype=bool)  # samples were lost right before this one
        self._invalid = np.zeros(capacity, dtype=bool)  # not a real value (NaN/inf replaced, missed)
        self._n = 0  # samples held, the oldest at column 0
        self._first = self._reader.position  # absolute position of the oldest sample kept
        self._last_lost: int | None = None
        #: (absolute position, marker code, the sample's timestamp) of every marker seen, in order.
        self.markers: list[tuple[int, int, float]] = []

    @property
    def end(self) -> int:
        """Absolute position after the newest sample read."""
        return self._first + self._n

    def update(self) -> int:
        """Read what arrived; returns how many samples (missed ones included) were added."""
        window = self._reader.read()
        if window.missed:
            # Zeros keep the positions exact; they are not filtered (a step from the signal to zero
            # would ring for half a second), and the filter restarts from the next real sample.
            missed = np.zeros((len(self.channels), window.missed))
            self._append(
                missed, missed, np.ones(window.missed, dtype=bool), np.ones(window.missed, dtype=bool)
            )
            self._band.reset()
            self._last_lost = None
        if window.n_samples == 0:
            return window.missed
        raw = window.data[self.channels]
        breaks = np.zeros(window.n_samples, dtype=bool)
        breaks[0] = bool(window.missed)
        if window.lost_total is not None:
            lost = window.lost_total.astype(np.int64)
            before = np.concatenate(([lost[0] if self._last_lost is None else self._last_lost], lost[:-1]))
            breaks |= lost > before
            self._last_lost = int(lost[-1])
        invalid = np.zeros(window.n_samples, dtype=bool)
        if window.invalid is not None:
            invalid = window.invalid[self.channels].any(axis=0)
        for index in np.flatnonzero(window.markers):
            self.markers.append(
                (window.start + int(index), int(window.markers[index]), float(window.timestamps[index]))
            )
        self._append(raw, self._band(raw), breaks, invalid)
        return window.missed + window.n_samples

    def _append(self, raw: np.ndarray, filtered: np.ndarray, breaks: np.ndarray, invalid: np.ndarray) -> None:
        capacity = self._break.size
        if raw.shape[1] > capacity:  # more than the log holds at once: only the newest fit
            self._first += self._n + raw.shape[1] - capacity
            self._n = 0
            raw, filtered = raw[:, -capacity:], filtered[:, -capacity:]
            breaks, invalid = breaks[-capacity:], invalid[-capacity:]
        if self._n + raw.shape[1] > capacity:
            # Full: drop the oldest quarter and more, so this copy happens once per quarter log.
            drop = min(self._n, self._n + raw.shape[1] - capacity + capacity // 4)
            for array in (self._raw, self._filtered):
                array[:, : self._n - drop] = array[:, drop : self._n]
            for mask in (self._break, self._invalid):
                mask[: self._n - drop] = mask[drop : self._n]
            self._first += drop
            self._n -= drop
        end = self._n + raw.shape[1]
        self._raw[:, self._n : end] = raw
        self._filtered[:, self._n : end] = filtered
        self._break[self._n : end] = breaks
        self._invalid[self._n : end] = invalid
        self._n = end

    def span(self, first: int, last: int, *, filtered: bool = True) -> np.ndarray | None:
        """Samples at absolute positions ``first``..``last`` (exclusive), or None when they are not all
        here yet, no longer here, or not whole (a break after the first sample, an invalid one anywhere)."""
        if first < self._first or last > self.end or last <= first:
            return None
        start, stop = first - self._first, last - self._first
        if self._break[start + 1 : stop].any() or self._invalid[start:stop].any():
            return None
        source = self._filtered if filtered else self._raw
        return source[:, start:stop].copy()

    def latest(self, seconds: float, *, filtered: bool = True) -> np.ndarray | None:
        """The newest ``seconds``, or None when there are fewer or they hold a gap."""
        n = round(seconds * self.sampling_rate)
        return self.span(self.end - n, self.end, filtered=filtered)

    def marker_positions(self, codes: set[int], since: int = 0) -> list[tuple[int, int, float]]:
        """(position, code, timestamp) of markers with one of ``codes`` at or after position ``since``."""
        return [marker for marker in self.markers if marker[1] in codes and marker[0] >= since]
