"""Markers placed into the stream by the acquisition worker, each exactly once or reported lost.

Why not ``BoardShim.insert_marker``: what a board does with a marker differs from board to board
and none of them says when it drops one. BrainFlow's synthetic board queues them (all 200 of
200 back-to-back markers arrive); a board that writes the marker into its sample's slot keeps
only the last of two for the same sample; a marker sent while no data flows (a radio gap, the
headset off, a reconnect) waits for a session that may never deliver it. So the worker writes
markers itself, into the marker row of the blocks it drains, by the rule BrainFlow's own boards
follow: a marker goes on the first sample stamped at or after the moment it was asked for.
BrainFlow stamps samples with the host's clock (checked for the synthetic and the playback-file
board; our simulated boards do the same), so that moment and the stamps are comparable.

- Two markers for the same sample: the second goes on the next free sample, so order is kept and
  none is overwritten (a sample holds one marker, as in BrainFlow's data layout).
- The samples at its moment were lost (a radio gap: the first sample stamped after it has lost
  samples right before it): putting the marker on that later sample would shift a trial's onset
  by the length of the gap, so it is reported lost instead. Lateness alone is not loss: when the
  host stalls, BrainFlow stamps a burst of samples late, and the marker still goes on the first
  of them, as BrainFlow's own boards would put it.
- Asked for while no session streams (connecting, the headset off), or still waiting when the
  session ends (board lost, acquisition stopped): lost too, since no sample of that time exists.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass
class _Pending:
    value: float
    requested_at: float
    due: bool = False  # its moment's sample has arrived; it only waits for a free slot


@dataclass(frozen=True)
class LostMarker:
    value: float
    requested_at: float
    reason: str


class MarkerPlacer:
    """Thread-safe queue of requested markers, placed into blocks by the one writer."""

    def __init__(self) -> None:
        self.placed = 0
        self.lost = 0
        self._lock = threading.Lock()
        self._pending: list[_Pending] = []

    def request(self, value: float, at: float) -> None:
        """Any thread: a marker for the moment ``at`` (host clock, seconds)."""
        if not np.isfinite(at):
            raise ValueError(f"a marker needs a finite moment, not {at}")
        with self._lock:
            self._pending.append(_Pending(float(value), float(at)))

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._pending)

    def place(
        self, timestamps: np.ndarray, marker_row: np.ndarray, lost_before: np.ndarray
    ) -> list[LostMarker]:
        """Write waiting markers into ``marker_row`` (in place) for a block stamped ``timestamps``
        whose samples had ``lost_before`` samples lost right before each of them.

        Markers the board put there itself (a replayed recording's) are kept; ours go on free
        samples. Returns the markers found lost in this block.
        """
        n = len(timestamps)
        with self._lock:
            pending, self._pending = self._pending, []
        lost: list[LostMarker] = []
        waiting: list[_Pending] = []
        position = 0  # markers stay in order: each goes after the one before it
        for marker in pending:
            if not marker.due:
                # Not a binary search: after the wall clock was set back, stamps are not sorted.
                at_or_after = np.flatnonzero(timestamps >= marker.requested_at)
                moment = int(at_or_after[0]) if at_or_after.size else n
                if moment < n and lost_before[moment] > 0:
                    lost.append(LostMarker(marker.value, marker.requested_at, "its samples were lost"))
                    continue
                marker.due = moment < n
                if marker.due and not waiting:
                    position = max(position, moment)
            if waiting or not marker.due:  # behind one still waiting for its sample, or itself
                waiting.append(marker)
                continue
            while position < n and marker_row[position] != 0:
                position += 1
            if position >= n:  # the block is full of markers: the next block's first free sample
                waiting.append(marker)
                continue
            marker_row[position] = marker.value
            position += 1
            self.placed += 1
        if waiting:  # back at the head of the queue, before any requested meanwhile
            with self._lock:
                self._pending[:0] = waiting
        self.lost += len(lost)
        return lost

    def drop_all(self, reason: str) -> list[LostMarker]:
        """The session ended: every waiting marker is lost."""
        with self._lock:
            pending, self._pending = self._pending, []
        self.lost += len(pending)
        return [LostMarker(marker.value, marker.requested_at, reason) for marker in pending]
