"""What becomes of every block drained from a board before anyone reads it (no Qt, no threads).

:class:`Intake` is the acquisition worker's sample intake, and the test stream's too
(``tests/virtual_stream.py``), so decoders and flows are tested on the very code that runs live.
For each block it replaces values that are not finite numbers (a NaN would stay in a filter's
state for good) by the channel's last good value and marks them, does the same for timestamps and
packet counters (:mod:`~drivers.stream.timestamps`), counts the samples lost before each sample
(packet counter or timestamps, checked against the monotonic clock, across reconnects too),
places the markers asked for
(:class:`~drivers.stream.markers.MarkerPlacer`), filters the EEG causally with kept state for display,
and writes raw and filtered samples into the :class:`~drivers.stream.ringbuffer.RingBuffer` in one step.
Also here: the loss bookkeeping it runs on every block.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np

from drivers.analysis.dsp import CausalFilter, display_filter_sos
from drivers.boards.board import BoardLayout
from drivers.boards.profiles import BoardProfile
from drivers.stream.markers import LostMarker, MarkerPlacer
from drivers.stream.ringbuffer import RingBuffer
from drivers.stream.timestamps import fill_invalid

log = logging.getLogger(__name__)

#: Beyond any amplifier (OpenBCI's rail is 187,500 µV): such values are treated like NaN.
MAX_ABS_UV = 1e9


def replace_invalid(raw: np.ndarray, last_good: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Values that are NaN, infinite or absurdly large, replaced by the channel's last good value.

    Returns the clean block and the mask of replaced values (None when there were none). A NaN
    that reached the filter would stay in its state for good, and one in a plot range raises.
    """
    with np.errstate(invalid="ignore"):
        good = np.isfinite(raw) & (np.abs(raw) < MAX_ABS_UV)
    if good.all():
        return raw, None
    n = raw.shape[1]
    source = np.where(good, np.arange(n), -1)
    np.maximum.accumulate(source, axis=1, out=source)
    rows = np.arange(raw.shape[0])[:, None]
    clean = np.where(source >= 0, raw[rows, np.maximum(source, 0)], last_good[:, None])
    return clean, ~good


class Intake:
    """Turns the blocks one board delivers, in BrainFlow's layout, into samples in ``buffer``.

    One writer only: the acquisition worker's thread (or a test's clock). :attr:`markers` is the
    thread-safe queue any thread may add markers to.
    """

    def __init__(
        self,
        profile: BoardProfile,
        layout: BoardLayout,
        buffer: RingBuffer,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._layout = layout
        self._wall_clock = wall_clock  # stamps a block whose every stamp is NaN, before any good one
        self._eeg_rows = list(layout.eeg_rows)
        self._buffer = buffer
        n_eeg = len(layout.eeg_rows)
        self._mains_hz = profile.mains_hz
        #: Designed at the first block, on the acquisition thread: scipy.signal, which designs it,
        #: takes ~0.7 s to import and is not needed for the first screen.
        self._filter: CausalFilter | None = None
        counter = (
            PacketLossCounter(profile.package_counter.modulo, profile.package_counter.step)
            if profile.package_counter and layout.package_row is not None
            else None
        )
        self.loss = SampleLossTracker(layout.sampling_rate, counter)
        self.markers = MarkerPlacer()
        #: NaN or infinite values replaced since the start.
        self.invalid_values = 0
        #: NaN or infinite timestamps and packet counters replaced since the start.
        self.invalid_stamps = 0
        self._last_good = np.zeros(n_eeg)
        self._last_stamp: float | None = None
        self._last_counter: float | None = None
        self._counter_step = float(profile.package_counter.step) if counter is not None else 1.0
        self._last_drain: float | None = None

    def new_link(self) -> list[LostMarker]:
        """A new session starts streaming: the filter starts afresh, the loss count bridges the
        pause, and markers asked for before it are lost (returned): they have no sample to go on."""
        lost = self.markers.drop_all("the board was not streaming")
        if self._filter is not None:
            self._filter.reset()
        self.loss.new_link()
        self._last_counter = None  # the counter restarts
        self._last_stamp = None  # a NaN stamp after the pause is not the last one plus a period
        return lost

    def ingest(self, block: np.ndarray, drained_at: float | None = None) -> list[LostMarker]:
        """Write one drained block (rows as in the layout) into the buffer; returns the markers
        found lost in it (their samples were lost).

        ``drained_at``: the monotonic time of this drain. Pass it for every drain, empty ones too:
        a block's samples arrived between the drain before it and its own, which bounds how much
        time can have passed between samples whatever the wall clock the stamps come from did.
        """
        arrived = None
        if drained_at is not None:
            if self._last_drain is not None:
                arrived = (self._last_drain, drained_at)
            self._last_drain = drained_at
        if block.ndim != 2 or block.shape[1] == 0:
            return []
        layout = self._layout
        raw, invalid = replace_invalid(block[self._eeg_rows], self._last_good)
        if invalid is not None:
            count = int(invalid.sum())
            if not self.invalid_values:
                log.warning("the board sent %d NaN or infinite value(s); replaced, channels marked", count)
            self.invalid_values += count
        self._last_good = raw[:, -1].copy()
        timestamps, counters = self._checked_stamps(block)
        markers = np.nan_to_num(block[layout.marker_row], nan=0.0, posinf=0.0, neginf=0.0)
        lost_before_block = self.loss.lost
        lost_each = self.loss.update(counters, timestamps, arrived)
        lost = self.markers.place(timestamps, markers, lost_each)
        lost_total = lost_before_block + np.cumsum(lost_each)
        if self._filter is None:
            sos = display_filter_sos(layout.sampling_rate, self._mains_hz)
            self._filter = CausalFilter(sos, raw.shape[0])
        self._buffer.write(raw, self._filter(raw), timestamps, markers, lost_total, invalid)
        return lost

    def _checked_stamps(self, block: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """The block's timestamps and packet counters (None: the board has none, or sent no
        finite one yet on this link), with non-finite entries filled in from their neighbours."""
        layout = self._layout
        period = 1.0 / layout.sampling_rate
        stamps = block[layout.timestamp_row]
        if self._last_stamp is None and not np.isfinite(stamps).any():
            self._last_stamp = self._wall_clock() - len(stamps) * period
        stamps, bad_stamps = fill_invalid(stamps, self._last_stamp, period)
        self._last_stamp = float(stamps[-1])
        replaced = 0 if bad_stamps is None else int(bad_stamps.sum())
        counters = None
        if self.loss.counter is not None and layout.package_row is not None:
            raw_counters = block[layout.package_row]
            if self._last_counter is not None or np.isfinite(raw_counters).any():
                counters, bad_counters = fill_invalid(raw_counters, self._last_counter, self._counter_step)
                counters = counters % self.loss.counter.modulo
                self._last_counter = float(counters[-1])
                replaced += 0 if bad_counters is None else int(bad_counters.sum())
            else:
                replaced += len(raw_counters)
        if replaced:
            if not self.invalid_stamps:
                log.warning("the board sent %d NaN or infinite stamp(s) or counter(s); filled in", replaced)
            self.invalid_stamps += replaced
        return stamps, counters


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

    That clock is the wall clock, which can be stepped: the time the stamps say passed is trusted
    only as far as the monotonic clock allows (``arrived``: the drains between which a block's
    samples reached the host). A step forwards is taken off the longest step between samples,
    where it shows; a step back counts nothing. So a 30 s jump of the computer's clock loses no
    sample, while a silence of the headset (however long) still counts its samples.
    """

    #: How much earlier than its drain a sample may have been stamped (BrainFlow's reader thread).
    STAMP_LEAD_S = 0.1

    def __init__(
        self, sampling_rate: float, counter: PacketLossCounter | None, pause_s: float = 0.25
    ) -> None:
        self.sampling_rate = float(sampling_rate)
        self.counter = counter
        self.lost = 0
        self._pause_s = max(pause_s, 10.0 / self.sampling_rate)
        self._last_stamp: float | None = None
        self._last_time: float | None = None  # the last sample on the loss clock (see _loss_clock)
        self._arrived_after: float | None = None  # the last block's samples reached the host after this
        self._new_link = True

    def new_link(self) -> None:
        """A new connection starts: its counter restarts, its first sample bridges the pause."""
        if self.counter is not None:
            self.counter.reset_link()
        self._new_link = True

    def update(
        self,
        counters: np.ndarray | None,
        timestamps: np.ndarray,
        arrived: tuple[float, float] | None = None,
    ) -> np.ndarray:
        """Samples lost before each sample of this chunk (int64, one per sample). ``timestamps``
        are finite; ``arrived``: the monotonic times of the drain before this chunk's and its own."""
        if timestamps.size == 0:
            return np.zeros(0, dtype=np.int64)
        rate = self.sampling_rate
        times = self._loss_clock(timestamps, arrived)
        if self.counter is not None and counters is not None:
            lost_each = self.counter.update(counters, times, rate)
        else:
            lost_each = np.zeros(len(times), dtype=np.int64)
            previous = times[0] if self._new_link or self._last_time is None else self._last_time
            steps = np.diff(np.concatenate(([previous], times)))
            pauses = steps > self._pause_s
            lost_each[pauses] = np.maximum(np.round(steps[pauses] * rate) - 1, 0).astype(np.int64)
        if self._new_link and self._last_time is not None:  # the counter restarted: time tells
            lost_each[0] = max(0, round((float(times[0]) - self._last_time) * rate) - 1)
        self._new_link = False
        self._last_time = float(times[-1])
        self.lost += int(lost_each.sum())
        return lost_each

    def _loss_clock(self, stamps: np.ndarray, arrived: tuple[float, float] | None) -> np.ndarray:
        """The stamps with the wall clock's steps taken out: what loss is counted on."""
        previous = stamps[0] if self._last_stamp is None else self._last_stamp
        # A step back of the clock: no time is known to have passed.
        steps = np.maximum(np.diff(np.concatenate(([previous], stamps))), 0.0)
        if arrived is not None:
            if self._arrived_after is not None:
                excess = float(steps.sum()) - (arrived[1] - self._arrived_after + self.STAMP_LEAD_S)
                if excess > 0:  # a step forwards: it shows as the longest step
                    longest = int(np.argmax(steps))
                    steps[longest] = max(steps[longest] - excess, 0.0)
            self._arrived_after = arrived[0]
        self._last_stamp = float(stamps[-1])
        start = stamps[0] if self._last_time is None else self._last_time
        return start + np.cumsum(steps)
