"""Frame-locked SSVEP stimulus timing (no Qt): what each target shows on each frame.

Sampled-sinusoid method (Manyakov et al. 2013; Chen et al. 2015): the luminance of target i on
frame n is ½(1 + sin(2π·fᵢ·n/R + φᵢ)) with R the *measured* refresh rate, so any frequency works
on any display, not only divisors of the refresh rate. Joint frequency-phase modulation (JFPM)
gives neighbouring targets different phases.

Luminance is computed from the frame index and the measured period, never from wall-clock
guesses. :class:`FrameClock` measures the period from the frames actually presented, counts
dropped frames as PsychoPy does (an interval longer than 1.2 periods) and keeps every interval for
the session record. Where frames come faster than any real display (no vsync, e.g. Mesa under
Xvfb: ~1.5 ms), it says so, and the widget paces frames with a timer at a nominal rate instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

DROPPED_FRAME_FACTOR = 1.2
#: Faster than this means no vsync: nothing a visitor sees refreshes at more than 240 Hz.
MAX_REAL_REFRESH_HZ = 250.0
FALLBACK_REFRESH_HZ = 60.0


def luminance(frequencies: np.ndarray, phases: np.ndarray, frame: int, refresh_hz: float) -> np.ndarray:
    """Luminance 0..1 of every target on frame ``frame`` (0 = the first flicker frame)."""
    return 0.5 * (1.0 + np.sin(2.0 * np.pi * frequencies * frame / refresh_hz + phases))


def jfpm_phases(n_targets: int, phase_step: float = 0.5 * np.pi) -> np.ndarray:
    """JFPM phases: target i starts at i·step (mod 2π), as in the 40-target benchmark."""
    return (np.arange(n_targets) * phase_step) % (2.0 * np.pi)


@dataclass
class FrameClock:
    """Measures the display's frame period from presentation times and counts dropped frames."""

    nominal_hz: float | None = None
    intervals_s: list[float] = field(default_factory=list)
    _last: float | None = None

    def presented(self, at_s: float) -> None:
        """Record that a frame was presented at ``at_s`` (a monotonic clock, seconds)."""
        if self._last is not None:
            self.intervals_s.append(at_s - self._last)
        self._last = at_s

    @property
    def period_s(self) -> float | None:
        """The frame period: the nominal one if given, else the mean of the on-time intervals.

        On-time means within ±20 % of the median, so dropped frames don't lengthen the period
        and jitter averages out.
        """
        if self.nominal_hz:
            return 1.0 / self.nominal_hz
        if len(self.intervals_s) < 5:
            return None
        intervals = np.asarray(self.intervals_s)
        typical = np.median(intervals)
        on_time = intervals[np.abs(intervals - typical) <= 0.2 * typical]
        return float(on_time.mean())

    @property
    def refresh_hz(self) -> float | None:
        period = self.period_s
        return 1.0 / period if period else None

    @property
    def has_vsync(self) -> bool:
        """False when frames come faster than any real display refreshes (no vsync)."""
        measured = np.median(self.intervals_s) if len(self.intervals_s) >= 5 else None
        return measured is None or 1.0 / measured <= MAX_REAL_REFRESH_HZ

    @property
    def dropped_frames(self) -> int:
        """Frames lost: each interval longer than 1.2 periods counts the periods it skipped."""
        period = self.period_s
        if not period:
            return 0
        intervals = np.asarray(self.intervals_s)
        late = intervals > DROPPED_FRAME_FACTOR * period
        return int(np.sum(np.round(intervals[late] / period) - 1))

    def reset(self) -> None:
        self.intervals_s.clear()
        self._last = None


def validate_frequencies(frequencies: Sequence[float], refresh_hz: float) -> list[str]:
    """Why a layout's frequencies can't be shown on this display (empty if they can).

    A sampled sinusoid needs at least ~3 frames per cycle to be seen as flicker at that frequency;
    the targets must also be distinct.
    """
    problems = []
    limit = refresh_hz / 3.0
    for index, frequency in enumerate(frequencies):
        if not 0 < frequency <= limit:
            problems.append(
                f"target {index}: {frequency:g} Hz is not in (0, {limit:.1f}] Hz at {refresh_hz:g} Hz"
            )
    if len(set(np.round(frequencies, 3))) != len(frequencies):
        problems.append("two targets share a frequency")
    return problems
