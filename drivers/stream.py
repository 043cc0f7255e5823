"""What consumers of the EEG stream see: a read-only view of the ring buffer plus its montage.

Demos, plots and offline tools get a :class:`Stream`; none of them can reach the board. Also here:
the small bookkeeping the worker does on every chunk (lost packets, measured sampling rate).
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
        """Everything since ``cursor`` (an absolute sample index; start with ``total_samples``)."""
        return self._buffer.read_since(cursor, filtered=filtered)

    def channel_quality(self, seconds: float = 2.0) -> list[ChannelQuality]:
        """A quality code per channel over the last ``seconds`` (see :mod:`drivers.quality`)."""
        raw = self.latest(seconds, filtered=False).data
        return assess_channels(raw, self.latest(seconds).data, self.sampling_rate)


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
    ) -> int:
        """Account for one chunk's counters; returns samples lost in it."""
        if counters.size == 0:
            return 0
        values = counters.astype(np.int64)
        times = timestamps if timestamps is not None else np.zeros(len(values))
        if self._last is not None:
            values = np.concatenate(([self._last[0]], values))
            times = np.concatenate(([self._last[1]], times))
        lost_each = np.maximum((np.diff(values) % self.modulo) // self.step - 1, 0)
        if timestamps is not None and sampling_rate:
            period = self.modulo // self.step  # samples per counter wrap
            missing_by_time = np.round(np.diff(times) * sampling_rate) - 1
            lost_each = lost_each + period * np.maximum(np.round((missing_by_time - lost_each) / period), 0)
        lost = int(lost_each.sum())
        self._last = (int(values[-1]), float(times[-1]))
        self.lost += lost
        return lost


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
