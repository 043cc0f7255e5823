"""What consumers of the EEG stream see: a read-only view of the ring buffer plus its montage.

Demos, plots and offline tools get a :class:`Stream`; none of them can reach the board. A consumer
that must see every sample (a decoder, a recorder, an LSL outlet, the staff's signal check) takes
its own :class:`StreamReader` from :meth:`Stream.reader` and pulls on its own cadence: the worker
never learns who reads. Also here: the small bookkeeping the worker does on every chunk (lost
packets, measured sampling rate).
"""

from __future__ import annotations

import time
from collections import deque

import numpy as np

from drivers.profiles import BoardProfile
from drivers.quality import ChannelQuality, assess_channels
from drivers.ringbuffer import RingBuffer, Window
from drivers.roles import Role


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

    def latest(self, seconds: float, *, filtered: bool = True) -> Window:
        """The newest ``seconds`` of data (less while the stream is young)."""
        return self._buffer.latest(round(seconds * self.sampling_rate), filtered=filtered)

    def read_since(self, cursor: int, *, filtered: bool = True) -> Window:
        """Everything since ``cursor`` (an absolute sample index; start with ``total_samples``).
        A consumer that reads again and again is simpler with its own :meth:`reader`."""
        return self._buffer.read_since(cursor, filtered=filtered)

    def reader(self, *, filtered: bool = False, from_now: bool = True) -> StreamReader:
        """A new cursor of one consumer's own, for reading every sample exactly once.

        Raw by default: recorders, outlets and decoders want the board's values; the display
        filter is for eyes. ``from_now`` starts at the next sample to arrive; otherwise at the
        oldest sample the buffer still holds (everything, while it has not wrapped yet).
        """
        total = self._buffer.total_written
        start = total if from_now else max(0, total - self._buffer.capacity)
        return StreamReader(self, start, filtered=filtered)

    def channel_quality(self, seconds: float = 2.0) -> list[ChannelQuality]:
        """A quality code per channel over the last ``seconds`` (see :mod:`drivers.quality`)."""
        raw = self.latest(seconds, filtered=False)
        return assess_channels(raw.data, self.latest(seconds).data, self.sampling_rate, invalid=raw.invalid)


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

    def __init__(self, stream: Stream, position: int, *, filtered: bool = False) -> None:
        self.stream = stream
        self.filtered = filtered
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
        window = self.stream.read_since(self._position, filtered=self.filtered)
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


class PacketLossCounter:
    """Counts samples lost in transit from the board's wrapping packet counter.

    An 8-bit counter wraps every 256 samples (about 1 s at 250 Hz), so a longer Bluetooth gap
    would look short. Where timestamps are given, the time between the samples either side of a
    gap tells how many whole wraps went missing as well.
    """

    def __init__(self, modulo: int, step: int = 1) -> None:
        self.modulo = modulo
        self.step = step
        self.lost = 0
        self._last: tuple[int, float] | None = None

    def reset_link(self) -> None:
        """Forget the last counter value (after a reconnect the counter restarts)."""
        self._last = None

    def update(
        self, counters: np.ndarray, timestamps: np.ndarray | None = None, sampling_rate: float | None = None
    ) -> np.ndarray:
        """Account for one chunk's counters; returns how many samples were lost before each one."""
        if counters.size == 0:
            return np.zeros(0, dtype=np.int64)
        values = counters.astype(np.int64)
        times = timestamps if timestamps is not None else np.zeros(len(values))
        first_of_link = self._last is None
        if self._last is not None:
            values = np.concatenate(([self._last[0]], values))
            times = np.concatenate(([self._last[1]], times))
        lost_each = np.maximum((np.diff(values) % self.modulo) // self.step - 1, 0)
        if timestamps is not None and sampling_rate:
            period = self.modulo // self.step  # samples per counter wrap
            missing_by_time = np.round(np.diff(times) * sampling_rate) - 1
            lost_each = lost_each + period * np.maximum(np.round((missing_by_time - lost_each) / period), 0)
        lost_each = lost_each.astype(np.int64)
        if first_of_link:  # nothing is known about the gap before a link's first sample
            lost_each = np.concatenate(([0], lost_each))
        self._last = (int(values[-1]), float(times[-1]))
        self.lost += int(lost_each.sum())
        return lost_each


class SampleLossTracker:
    """How many samples the board lost before each sample it delivered, across reconnects too.

    Within one connection the packet counter tells (see :class:`PacketLossCounter`); a board without
    one is judged by its timestamps, counting only pauses longer than ``pause_s`` because host
    timestamps of Bluetooth boards arrive in bursts. Across a reconnect the counter restarts, so
    the time between the last sample before and the first sample after says what was lost: a
    headset switched off for 10 s at 250 Hz is 2,500 samples, not zero. (BrainFlow stamps samples
    with the host's clock, so these times are comparable between connections.)
    """

    def __init__(
        self, sampling_rate: float, counter: PacketLossCounter | None, pause_s: float = 0.25
    ) -> None:
        self.sampling_rate = float(sampling_rate)
        self.counter = counter
        self.lost = 0
        self._pause_s = max(pause_s, 10.0 / self.sampling_rate)
        self._last_time: float | None = None
        self._new_link = True

    def new_link(self) -> None:
        """A new connection starts: its counter restarts, its first sample bridges the pause."""
        if self.counter is not None:
            self.counter.reset_link()
        self._new_link = True

    def update(self, counters: np.ndarray | None, timestamps: np.ndarray) -> np.ndarray:
        """Samples lost before each sample of this chunk (int64, one per sample)."""
        if timestamps.size == 0:
            return np.zeros(0, dtype=np.int64)
        rate = self.sampling_rate
        if self.counter is not None and counters is not None:
            lost_each = self.counter.update(counters, timestamps, rate)
        else:
            lost_each = np.zeros(len(timestamps), dtype=np.int64)
            previous = timestamps[0] if self._new_link or self._last_time is None else self._last_time
            steps = np.diff(np.concatenate(([previous], timestamps)))
            pauses = steps > self._pause_s
            lost_each[pauses] = np.maximum(np.round(steps[pauses] * rate) - 1, 0).astype(np.int64)
        if self._new_link and self._last_time is not None:
            lost_each[0] += max(0, round((float(timestamps[0]) - self._last_time) * rate) - 1)
        self._new_link = False
        self._last_time = float(timestamps[-1])
        self.lost += int(lost_each.sum())
        return lost_each


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
