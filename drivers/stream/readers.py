"""What consumers of the EEG stream see: a read-only view of the ring buffer plus its montage.

Demos, plots and offline tools get a :class:`Stream`; none of them can reach the board. A consumer
that must see every sample (a decoder, a recorder, an LSL outlet, the staff's signal check) takes
its own :class:`StreamReader` from :meth:`Stream.reader` and pulls on its own cadence: the worker
never learns who reads. (What the worker does with each chunk before it is written is
:mod:`drivers.stream.intake`'s.) Also here: the sampling rate as measured on arrival.
"""

from __future__ import annotations

import time
from collections import deque

from drivers.analysis.quality import ChannelQuality, assess_channels
from drivers.boards.profiles import BoardProfile
from drivers.roles import Role
from drivers.stream.ringbuffer import RingBuffer, Window


class Stream:
    """Windows of raw or filtered EEG with the sampling rate and channel roles to interpret them."""

    def __init__(self, buffer: RingBuffer, profile: BoardProfile, sampling_rate: float) -> None:
        self._buffer = buffer
        self.profile = profile
        self.sampling_rate = float(sampling_rate)
        self.mains_hz = profile.mains_hz

    @property
    def channel_names(self) -> list[str]:
        return self.profile.channel_names

    @property
    def roles(self) -> list[Role]:
        return self.profile.roles

    @property
    def n_channels(self) -> int:
        return len(self.profile.channels)

    @property
    def total_samples(self) -> int:
        return self._buffer.total_written

    @property
    def capacity_s(self) -> float:
        return self._buffer.capacity / self.sampling_rate

    def channels_with_role(self, *roles: Role | str) -> list[int]:
        """Row indices of the channels whose role is any of ``roles``."""
        wanted = {Role(role) for role in roles}
        return [index for index, role in enumerate(self.roles) if role in wanted]

    def latest(self, seconds: float, *, filtered: bool = True, both: bool = False) -> Window:
        """The newest ``seconds`` of data (less while the stream is young). ``both``: the raw
        samples in ``data`` and the same samples filtered in ``window.filtered``, from one read."""
        return self._buffer.latest(round(seconds * self.sampling_rate), filtered=filtered, both=both)

    def read_since(self, cursor: int, *, filtered: bool = True, both: bool = False) -> Window:
        """Everything since ``cursor`` (an absolute sample index; start with ``total_samples``).
        A consumer that reads again and again is simpler with its own :meth:`reader`."""
        return self._buffer.read_since(cursor, filtered=filtered, both=both)

    def reader(self, *, filtered: bool = False, both: bool = False, from_now: bool = True) -> StreamReader:
        """A new cursor of one consumer's own, for reading every sample exactly once.

        Raw by default: recorders, outlets and decoders want the board's values; the display
        filter is for eyes (``both`` gives the two for the same samples, see :meth:`latest`).
        ``from_now`` starts at the next sample to arrive; otherwise at the oldest sample the
        buffer still holds (everything, while it has not wrapped yet).
        """
        total = self._buffer.total_written
        start = total if from_now else max(0, total - self._buffer.capacity)
        return StreamReader(self, start, filtered=filtered, both=both)

    def channel_quality(self, seconds: float = 2.0) -> list[ChannelQuality]:
        """A quality code per channel over the last ``seconds`` (see :mod:`drivers.analysis.quality`)."""
        window = self.latest(seconds, both=True)
        return assess_channels(window.data, window.filtered, self.sampling_rate, invalid=window.invalid)


class StreamReader:
    """One consumer's cursor on a :class:`Stream`: each :meth:`read` returns what arrived since the last.

    Every sample comes once, in order, with its markers, lost count and invalid mask, so a
    recorder or an outlet can pass the stream on whole without the acquisition worker knowing it
    exists. A reader that falls more than the buffer's capacity behind is not silently moved on:
    the window it gets next says how many samples were overwritten before it could read them
    (``window.missed``), and :attr:`missed_total` keeps the running count, so what it received plus
    what it missed is always everything written since it started.

    A reader belongs to one consumer on one thread; give each consumer its own (they are cheap).
    """

    def __init__(self, stream: Stream, position: int, *, filtered: bool = False, both: bool = False) -> None:
        self.stream = stream
        self.filtered = filtered
        self.both = both
        self._position = position
        #: Samples overwritten before this reader could read them, since it was made.
        self.missed_total = 0

    @property
    def position(self) -> int:
        """Absolute index of the next sample :meth:`read` will return (the end of the last read)."""
        return self._position

    @property
    def pending(self) -> int:
        """Samples written since the last read. More than the buffer's capacity means the next read
        will report the excess as missed: read more often, or give the buffer more seconds."""
        return self.stream.total_samples - self._position

    def read(self) -> Window:
        """Every sample written since the last read (an empty window when none), oldest first.

        ``window.start`` is :attr:`position` plus ``window.missed``: the missed samples are the
        oldest ones, those the writer overwrote.
        """
        window = self.stream.read_since(self._position, filtered=self.filtered, both=self.both)
        self._position = window.end
        self.missed_total += window.missed
        return window

    def seek(self, position: int) -> None:
        """Read from absolute sample ``position`` next: back to re-read what the buffer still holds
        (older than that, the next read reports the rest as missed), or forward to skip on purpose."""
        total = self.stream.total_samples
        if not 0 <= position <= total:
            raise ValueError(f"position {position} is outside the stream's 0..{total} samples")
        self._position = position


class RateMeter:
    """Sampling rate as actually received, over a sliding window of arrival times."""

    def __init__(self, window_s: float = 2.0, clock=time.monotonic) -> None:
        self._window_s = window_s
        self._clock = clock
        self._arrivals: deque[tuple[float, int]] = deque()
        self._total = 0

    def reset(self) -> None:
        self._arrivals.clear()
        self._total = 0

    def add(self, n: int) -> None:
        now = self._clock()
        self._total += n
        self._arrivals.append((now, self._total))
        while len(self._arrivals) > 2 and now - self._arrivals[1][0] >= self._window_s:
            self._arrivals.popleft()

    @property
    def rate(self) -> float:
        if len(self._arrivals) < 2:
            return 0.0
        (t0, n0), (t1, n1) = self._arrivals[0], self._arrivals[-1]
        elapsed = max(self._clock(), t1) - t0
        return (n1 - n0) / elapsed if elapsed > 0 else 0.0
