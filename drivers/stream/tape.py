"""A consumer's own recent history of the stream, by absolute sample position (no Qt).

Decoders, the signal check and the attract screen all need more than the newest window: what
arrived since a cue, the last two seconds judged again every quarter second, a trace that scrolls.
A :class:`Tape` is that history, read with a :class:`~drivers.stream.readers.StreamReader` of its own and
kept for a bounded number of seconds. Besides the samples of the chosen channels it keeps, per
sample, how many samples were lost right before it (by the board, or by this tape's reader when it
fell behind the buffer) and which values are not real ones (NaN or infinite, replaced by the
worker or found here and set to zero), and every marker with its position. Samples the reader
missed are kept as zeros marked invalid, so positions stay exact.

A tape may filter: either its own causal filter (``sosfilt`` with kept state, as an offline
evaluation filters a recording), restarted at every gap (a state from before a gap would ring
across the jump) and, when asked, at every jump no EEG makes (an input going to or coming off the
rail); or the worker's display chain, read together with the raw samples in one call.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Literal, NamedTuple

import numpy as np

from drivers.analysis.dsp import CausalFilter
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import Window

#: ``filtered=DISPLAY``: keep the stream's display-filtered samples (the worker's chain).
DISPLAY = "display"


class Marker(NamedTuple):
    """A marker the tape read: its sample's absolute position, its code and that sample's timestamp."""

    position: int
    code: float
    timestamp: float


class Tape:
    """The last ``keep_s`` seconds (at least) of ``channels`` (all when None) of ``stream``.

    ``filtered``: None keeps raw samples only; :data:`DISPLAY` keeps the stream's display-filtered
    samples too; an array of second-order sections runs a filter of the tape's own over the raw
    samples, restarted at gaps and, with ``restart_jump_uv``, wherever a channel steps by at least
    that much from one sample to the next. ``position`` is where reading starts (an absolute
    sample index; default: the next sample to arrive). One consumer on one thread.
    """

    def __init__(
        self,
        stream: Stream,
        channels: Sequence[int] | None = None,
        *,
        keep_s: float,
        filtered: np.ndarray | Literal["display"] | None = None,
        restart_jump_uv: float | None = None,
        position: int | None = None,
    ) -> None:
        self.stream = stream
        self.channels = list(range(stream.n_channels)) if channels is None else list(channels)
        self._all_channels = channels is None
        self._display = isinstance(filtered, str)
        if self._display and filtered != DISPLAY:
            raise ValueError(f"filtered must be None, {DISPLAY!r} or second-order sections, not {filtered!r}")
        n = len(self.channels)
        own = None if filtered is None or self._display else np.asarray(filtered)
        self._filter = None if own is None else CausalFilter(own, n)
        self._restart_jump_uv = restart_jump_uv
        self._reader = stream.reader(both=self._display)
        if position is not None:
            self._reader.seek(position)
        self._keep = max(1, round(keep_s * stream.sampling_rate))  # the newest held, at least
        capacity = self._keep + max(1, self._keep // 4)  # room to append before the oldest move out
        self._raw = np.zeros((n, capacity))
        self._filtered = np.zeros((n, capacity)) if filtered is not None else None
        self._invalid = np.zeros((n, capacity), dtype=bool)
        self._lost = np.zeros(capacity, dtype=np.int64)  # samples lost right before each one
        self._n = 0
        self._first = self._reader.position  # absolute position of the oldest sample held
        self._last_lost_total: int | None = None
        self._missed = 0  # missed by the reader, to count before the next real sample
        #: Every marker read, oldest first; those older than the oldest sample held are dropped.
        self.markers: list[Marker] = []

    # --- where the tape is ------------------------------------------------------------------------
    @property
    def start(self) -> int:
        """Absolute position of the oldest sample held."""
        return self._first

    @property
    def end(self) -> int:
        """Absolute position after the newest sample held (where the next read continues)."""
        return self._first + self._n

    # --- reading --------------------------------------------------------------------------------------
    def update(self) -> int:
        """Read what arrived; returns how many positions were added (missed samples included)."""
        window = self._reader.read()
        if window.missed:
            self._append_missed(window.missed)
        if window.n_samples:
            self._append(window)
        return window.missed + window.n_samples

    def _append_missed(self, missed: int) -> None:
        """Zeros marked invalid keep the positions exact; they are not filtered (a step from the
        signal to zero would ring), and the next real sample counts them as lost before it."""
        n = len(self.channels)
        self._write(
            np.zeros((n, missed)),
            None if self._filtered is None else np.zeros((n, missed)),
            np.ones((n, missed), dtype=bool),
            np.zeros(missed, dtype=np.int64),
        )
        self._missed += missed
        self._last_lost_total = None

    def _append(self, window: Window) -> None:
        rows = slice(None) if self._all_channels else self.channels
        raw = window.data[rows]
        invalid = np.zeros(raw.shape, dtype=bool) if window.invalid is None else window.invalid[rows]
        finite = np.isfinite(raw)
        if not finite.all():  # the worker replaces such values; one written otherwise is not used
            invalid = invalid | ~finite
            raw = np.where(finite, raw, 0.0)
        lost = np.zeros(window.n_samples, dtype=np.int64)
        if window.lost_total is not None:
            totals = window.lost_total
            previous = totals[0] if self._last_lost_total is None else self._last_lost_total
            lost[0] = totals[0] - previous
            lost[1:] = np.diff(totals)
            self._last_lost_total = int(totals[-1])
        lost[0] += self._missed
        self._missed = 0
        filtered = None
        if self._display:
            assert window.filtered is not None
            filtered = window.filtered[rows]
            finite = np.isfinite(filtered)
            if not finite.all():
                invalid = invalid | ~finite
                filtered = np.where(finite, filtered, 0.0)
        elif self._filter is not None:
            filtered = self._run_filter(raw, lost)
        for index in np.flatnonzero(window.markers):
            code, stamp = float(window.markers[index]), float(window.timestamps[index])
            self.markers.append(Marker(window.start + int(index), code, stamp))
        self._write(raw, filtered, invalid, lost)

    def _run_filter(self, raw: np.ndarray, lost: np.ndarray) -> np.ndarray:
        """The tape's filter over a chunk, started afresh at each gap and each jump no EEG makes."""
        assert self._filter is not None
        restart = lost > 0
        if self._restart_jump_uv is not None:
            previous = self._raw[:, self._n - 1 : self._n] if self._n else raw[:, :1]
            steps = np.abs(np.diff(np.concatenate([previous, raw], axis=1), axis=1)).max(axis=0)
            restart |= steps >= self._restart_jump_uv
        cuts = np.flatnonzero(restart)
        if cuts.size == 0:
            filtered = self._filter(raw)
        else:
            pieces, begin = [], 0
            for cut in [*cuts, raw.shape[1]]:
                if cut > begin:
                    pieces.append(self._filter(raw[:, begin:cut]))
                if cut < raw.shape[1]:
                    self._filter.reset()
                begin = cut
            filtered = np.concatenate(pieces, axis=1)
        if not np.isfinite(filtered).all():  # never carry a poisoned filter state on
            self._filter.reset()
            filtered = np.where(np.isfinite(filtered), filtered, 0.0)
        return filtered

    def _write(
        self, raw: np.ndarray, filtered: np.ndarray | None, invalid: np.ndarray, lost: np.ndarray
    ) -> None:
        capacity = self._lost.size
        new = raw.shape[1]
        if new > capacity:  # more than the tape holds at once: only the newest fit
            skip = new - capacity
            self._first += self._n + skip
            self._n = 0
            raw, invalid, lost = raw[:, skip:], invalid[:, skip:], lost[skip:]
            filtered = None if filtered is None else filtered[:, skip:]
            new = capacity
        if self._n + new > capacity:
            # Full: keep the newest ``keep_s`` with what comes; this copy happens once per slack.
            drop = min(self._n, self._n + new - self._keep)
            kept = self._n - drop
            for array in (self._raw, self._filtered, self._invalid):
                if array is not None:
                    array[:, :kept] = array[:, drop : self._n]
            self._lost[:kept] = self._lost[drop : self._n]
            self._first += drop
            self._n = kept
        if self.markers and self.markers[0].position < self._first:
            del self.markers[: bisect_left(self.markers, self._first, key=lambda marker: marker.position)]
        end = self._n + new
        self._raw[:, self._n : end] = raw
        if self._filtered is not None and filtered is not None:
            self._filtered[:, self._n : end] = filtered
        self._invalid[:, self._n : end] = invalid
        self._lost[self._n : end] = lost
        self._n = end

    # --- what is held -------------------------------------------------------------------------------
    def holds(self, first: int, last: int) -> bool:
        """Positions ``first``..``last`` (exclusive) have all arrived and are still held."""
        return self._first <= first < last <= self.end

    def whole(self, first: int, last: int) -> bool:
        """Held, with no sample lost between them and no invalid value among them."""
        if not self.holds(first, last):
            return False
        start, stop = first - self._first, last - self._first
        return not (self._lost[start + 1 : stop].any() or self._invalid[:, start:stop].any())

    def raw(self, first: int, last: int) -> np.ndarray:
        """Raw samples at positions ``first``..``last`` (a view: copy what you keep)."""
        return self._raw[:, self._columns(first, last)]

    def filtered(self, first: int, last: int) -> np.ndarray:
        """Filtered samples at positions ``first``..``last`` (a view: copy what you keep)."""
        if self._filtered is None:
            raise ValueError("this tape keeps no filtered samples")
        return self._filtered[:, self._columns(first, last)]

    def invalid(self, first: int, last: int) -> np.ndarray:
        """Which values at positions ``first``..``last`` are not real ones, per channel (a view)."""
        return self._invalid[:, self._columns(first, last)]

    def lost(self, first: int, last: int) -> np.ndarray:
        """Samples lost right before each position ``first``..``last`` (a view)."""
        return self._lost[self._columns(first, last)]

    def _columns(self, first: int, last: int) -> slice:
        if not self._first <= first <= last <= self.end:
            raise ValueError(f"positions {first}..{last} are not held ({self._first}..{self.end} are)")
        return slice(first - self._first, last - self._first)
