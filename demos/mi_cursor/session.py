"""The visit's sensorimotor signal, kept whole: every sample, its markers, and where it is not whole.

The flow reads the stream through a :class:`~drivers.stream.tape.Tape` of the sensorimotor channels,
raw and band-passed (causally, with kept state, as offline evaluation filters a recording; the
filter restarts after a gap). Cues are found by their marker in the stream, so a calibration
epoch starts on the very sample the imagery cue was placed on. A sample is a break when the board
lost samples right before it or the reader fell behind the buffer (the missed samples are kept as
zeros marked invalid, so positions stay exact), and invalid when one of its values arrived as
NaN/inf; an epoch or a decision window with a gap inside is refused, never decided on.
"""

from __future__ import annotations

import numpy as np

from demos.mi_cursor.processing import band_pass_sos
from drivers.stream.readers import Stream
from drivers.stream.tape import Marker, Tape

#: By default the log keeps this much signal; older samples are dropped (a visit lasts minutes).
KEEP_S = 300.0


class VisitLog:
    """Raw and band-passed sensorimotor signal since the visit began, by absolute stream position."""

    def __init__(self, stream: Stream, channels: list[int], keep_s: float = KEEP_S) -> None:
        self.channels = list(channels)
        self.sampling_rate = stream.sampling_rate
        self._tape = Tape(stream, self.channels, keep_s=keep_s, filtered=band_pass_sos(self.sampling_rate))

    @property
    def end(self) -> int:
        """Absolute position after the newest sample read."""
        return self._tape.end

    @property
    def markers(self) -> list[Marker]:
        """(absolute position, marker code, the sample's timestamp) of every marker held, in order."""
        return self._tape.markers

    def update(self) -> int:
        """Read what arrived; returns how many samples (missed ones included) were added."""
        return self._tape.update()

    def span(self, first: int, last: int, *, filtered: bool = True) -> np.ndarray | None:
        """Samples at absolute positions ``first``..``last`` (exclusive), or None when they are not all
        here yet, no longer here, or not whole (a break after the first sample, an invalid one anywhere)."""
        if not self._tape.whole(first, last):
            return None
        source = self._tape.filtered if filtered else self._tape.raw
        return source(first, last).copy()

    def latest(self, seconds: float, *, filtered: bool = True) -> np.ndarray | None:
        """The newest ``seconds``, or None when there are fewer or they hold a gap."""
        n = round(seconds * self.sampling_rate)
        return self.span(self.end - n, self.end, filtered=filtered)

    def marker_positions(self, codes: set[int], since: int = 0) -> list[Marker]:
        """(position, code, timestamp) of markers with one of ``codes`` at or after position ``since``."""
        return [marker for marker in self.markers if marker.code in codes and marker.position >= since]
