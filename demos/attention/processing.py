"""Focus and relaxation indices from band powers, against the visitor's own baseline (no Qt).

Two indices, each a log ratio of band powers averaged over channels:

- **focus**: the engagement index beta / (alpha + theta) of Pope, Bogart and Bartolome (1995),
  summed there over Cz, Pz, P3 and O1; here averaged over every scalp channel the headset has
  (a whole-head index as theirs, and all a forehead headset such as the Muse can offer);
- **relax**: relative alpha, alpha / (theta + alpha + beta), over the posterior channels
  (occipital, parietal) where alpha is strongest, or every scalp channel when there are none.
  On PhysioNet S001 (R01 eyes open, R02 eyes closed, 2 s windows, ``bci-showroom evaluate
  attention``) relative alpha separates the two with AUC 0.997 over all 64 channels (its relax
  channels: the 18 posterior ones), 0.925 over a Muse's sites (AF7, AF8, T9, T10) and 0.892 over
  eight frontal ones; BrainFlow's restfulness model reaches 1.000, 0.840 and 0.827 on the same
  windows. The game uses relative alpha, which holds up better where most showroom headsets
  sit (the forehead), and the evaluation reports both.

A visitor's indices mean nothing in absolute terms (skull, skin and electrodes change them), so
each becomes a 0–100 score against the visitor's own baseline: about 20 s with the eyes open,
then 20 s with the eyes closed. Focus 50 is "as in your eyes-open rest", and each two of its
standard deviations move the score one normal-distribution step (84 at +2 SD). Relax 50 is
halfway from the eyes-open to the eyes-closed level, 93 at the eyes-closed level itself.

The live meter reads 1 s windows every 0.1 s (band powers of 1 s, through Welch's method on
0.5 s segments, are steady enough for 4 Hz wide bands) and smooths the score with a 0.4 s time
constant: a change of state shows within about a second. A window with lost samples, a value
that arrived as NaN, a blink, a clenched jaw, movement or a flat or railed electrode is not
scored: the score holds its last value and the meter says why, so the game can give a hint.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
from scipy.stats import norm

from drivers.analysis.dsp import BANDS, welch_spectrum
from drivers.analysis.quality import MUSCLE_ABOVE_UV, ChannelQuality, assess_channels, muscle_rms
from drivers.roles import Role

#: The bands the indices use (Hz), in this order in every band-power array here.
INDEX_BANDS: dict[str, tuple[float, float]] = {name: BANDS[name] for name in ("theta", "alpha", "beta")}
THETA, ALPHA, BETA = 0, 1, 2
WINDOW_S = 1.0
SEGMENT_S = 0.5
STEP_S = 0.1
SMOOTHING_S = 0.4
#: The first second of each baseline phase is not used: the eyes are still opening or closing.
SETTLE_S = 1.0
#: Artifact limits are the visitor's own: a channel's quiet level is its 30th percentile over the
#: baseline's windows (over the whole file offline), and a window holds when a channel goes this
#: many times above it. Absolute limits would not do: PhysioNet S001's resting EEG has 20-45 Hz
#: power above the live panel's "muscle" line on most channels, the virtual visitor's none.
QUIET_PERCENTILE = 30
PTP_FACTOR = 2.5  # display-filtered peak-to-peak: blinks (frontal) or movement (anywhere)
MUSCLE_FACTOR = 2.5  # raw 20-45 Hz RMS: a clenched jaw, a frown
TAIL_FACTOR = 4.0  # the same over a window's newest quarter second, which varies more
JOLT_FACTOR = 2.0  # peak-to-peak this many times the limit away from the forehead: a pop or a jolt
MIN_PTP_UV, MIN_MUSCLE_UV = 40.0, 3.0  # limits never below these, however quiet the baseline
#: The newest part of a window checked for muscle on its own (s).
TAIL_S = 0.25
#: Before a baseline exists: peak-to-peak and muscle RMS limits for every channel (µV).
DEFAULT_PTP_UV = 300.0
#: With fewer baseline windows than this per phase, the baseline is not trusted.
MIN_BASELINE_WINDOWS = 10
#: Focus: how many eyes-open standard deviations make one step of the normal scale.
FOCUS_SD_PER_STEP = 2.0
#: Relax: the steepness of the scale between the eyes-open (7) and eyes-closed (93) levels.
RELAX_STEEPNESS = 3.0

POSTERIOR = (Role.OCCIPITAL, Role.PARIETAL)


class Index(StrEnum):
    FOCUS = "focus"
    RELAX = "relax"


class Hold(StrEnum):
    """Why a window was not scored; the game turns each into a friendly hint."""

    BLINK = "blink"
    JAW = "jaw"
    MOVEMENT = "movement"
    HEADSET = "headset"  # a flat, railed or invalid electrode: staff should look
    GAP = "gap"  # samples were lost (a radio gap); nothing for the visitor to do


@dataclass(frozen=True)
class IndexChannels:
    """The rows each index averages over, and the frontal rows where blinks show most."""

    focus: tuple[int, ...]
    relax: tuple[int, ...]
    frontal: tuple[int, ...]

    @property
    def used(self) -> list[int]:
        return sorted(set(self.focus) | set(self.relax))


def choose_channels(roles: Sequence[Role]) -> IndexChannels:
    """Which channels each index uses, for a montage given as one role per channel."""
    scalp = tuple(row for row, role in enumerate(roles) if role is not Role.REFERENCE)
    if not scalp:
        raise ValueError("the montage has no scalp channel")
    posterior = tuple(row for row in scalp if roles[row] in POSTERIOR)
    frontal = tuple(row for row in scalp if roles[row] is Role.FRONTAL)
    return IndexChannels(focus=scalp, relax=posterior or scalp, frontal=frontal)


def band_powers(window: np.ndarray, sampling_rate: float, segment_s: float = SEGMENT_S) -> np.ndarray:
    """Theta, alpha and beta power per channel (channels, 3) in µV², from a Welch spectrum."""
    return welch_spectrum(window, sampling_rate, segment_s=segment_s).band_powers(INDEX_BANDS)


def index_values(powers: np.ndarray, channels: IndexChannels) -> np.ndarray:
    """The raw (log) focus and relax values of one window's band powers: ``[focus, relax]``.

    Powers are floored at the smallest float, so a flat channel gives finite numbers (a fixed
    log ratio), never a log of zero; flat channels hold the window anyway (see :func:`find_hold`).
    """
    floor = np.finfo(float).tiny
    safe = np.maximum(powers, floor)
    engagement = np.log(safe[:, BETA] / (safe[:, ALPHA] + safe[:, THETA]))
    relative_alpha = np.log(safe[:, ALPHA] / safe.sum(axis=1))
    return np.array([engagement[list(channels.focus)].mean(), relative_alpha[list(channels.relax)].mean()])


@dataclass(frozen=True)
class WindowCheck:
    """What the artifact checks need of one window, per montage channel."""

    ptp: np.ndarray  # display-filtered peak-to-peak, µV
    muscle: np.ndarray  # raw RMS between 20 and 45 Hz, µV
    muscle_tail: np.ndarray  # the same over the newest TAIL_S
    broken: bool  # a flat, railed or invalid electrode among the index channels


def check_window(
    raw: np.ndarray,
    filtered: np.ndarray,
    sampling_rate: float,
    channels: IndexChannels,
    invalid: np.ndarray | None = None,
) -> WindowCheck:
    """Measure one window of the whole montage (raw and display-filtered, channels x samples);
    ``invalid`` is its NaN/inf mask."""
    rows = channels.used
    codes = assess_channels(
        raw[rows], filtered[rows], sampling_rate, invalid=None if invalid is None else invalid[rows]
    )
    broken = any(
        code in (ChannelQuality.FLAT, ChannelQuality.RAILED, ChannelQuality.INVALID) for code in codes
    )
    # Muscle over the whole window, and over its newest quarter second: over the whole second a
    # clench's first tenths are diluted, and they raise beta (the focus score) before the window
    # as a whole looks like muscle.
    tail = raw[:, -max(8, round(TAIL_S * sampling_rate)) :]
    return WindowCheck(
        ptp=np.ptp(filtered, axis=1),
        muscle=muscle_rms(welch_spectrum(raw, sampling_rate), sampling_rate),
        muscle_tail=muscle_rms(welch_spectrum(tail, sampling_rate, segment_s=TAIL_S), sampling_rate),
        broken=broken,
    )


@dataclass(frozen=True)
class ArtifactLimits:
    """Per montage channel, the peak-to-peak and muscle RMS above which a window holds (µV)."""

    ptp: np.ndarray
    muscle: np.ndarray
    muscle_tail: np.ndarray

    @classmethod
    def absolute(cls, n_channels: int) -> ArtifactLimits:
        """Limits for anyone, before the visitor's own are known."""
        muscle = np.full(n_channels, MUSCLE_ABOVE_UV)
        return cls(np.full(n_channels, DEFAULT_PTP_UV), muscle, TAIL_FACTOR / MUSCLE_FACTOR * muscle)

    def higher(self, other: ArtifactLimits) -> ArtifactLimits:
        """Each limit the higher of the two, channel by channel."""
        return ArtifactLimits(
            np.maximum(self.ptp, other.ptp),
            np.maximum(self.muscle, other.muscle),
            np.maximum(self.muscle_tail, other.muscle_tail),
        )

    @classmethod
    def from_checks(cls, checks: Sequence[WindowCheck]) -> ArtifactLimits:
        """The visitor's own limits from their windows (see :data:`QUIET_PERCENTILE`)."""
        usable = [check for check in checks if not check.broken]
        if not usable:
            raise ValueError("no window to learn artifact limits from")
        quiet = {
            name: np.percentile([getattr(check, name) for check in usable], QUIET_PERCENTILE, axis=0)
            for name in ("ptp", "muscle", "muscle_tail")
        }
        return cls(
            np.maximum(PTP_FACTOR * quiet["ptp"], MIN_PTP_UV),
            np.maximum(MUSCLE_FACTOR * quiet["muscle"], MIN_MUSCLE_UV),
            np.maximum(TAIL_FACTOR * quiet["muscle_tail"], MIN_MUSCLE_UV),
        )


def find_hold(check: WindowCheck, channels: IndexChannels, limits: ArtifactLimits) -> Hold | None:
    """Why this window must not be scored (the worst reason first), or None when it is clean."""
    if check.broken:
        return Hold.HEADSET
    rows = channels.used
    others = [row for row in rows if row not in channels.frontal]
    # An electrode pop or a jolt: far beyond the limit away from the eyes (its step is broadband
    # too, so it would otherwise read as muscle).
    if others and (check.ptp[others] > JOLT_FACTOR * limits.ptp[others]).any():
        return Hold.MOVEMENT
    if (check.muscle[rows] > limits.muscle[rows]).any() or (
        check.muscle_tail[rows] > limits.muscle_tail[rows]
    ).any():
        return Hold.JAW
    over = check.ptp > limits.ptp
    if not over[rows].any():
        return None
    # A blink is strongest at the forehead and fades towards the back (the eyes are a dipole);
    # movement is as large elsewhere.
    if channels.frontal and over[list(channels.frontal)].any() and not over[others].any():
        return Hold.BLINK
    return Hold.MOVEMENT


@dataclass(frozen=True)
class Baseline:
    """The visitor's own levels: each index's mean and spread with the eyes open, mean with them
    closed, from the windows of the two baseline phases."""

    open_mean: np.ndarray  # [focus, relax]
    open_sd: np.ndarray
    closed_mean: np.ndarray
    n_open: int
    n_closed: int

    @classmethod
    def from_values(cls, eyes_open: np.ndarray, eyes_closed: np.ndarray) -> Baseline:
        """From (windows, 2) raw index values of each phase; raises ValueError with too few."""
        eyes_open, eyes_closed = np.asarray(eyes_open, float), np.asarray(eyes_closed, float)
        if len(eyes_open) < MIN_BASELINE_WINDOWS or len(eyes_closed) < MIN_BASELINE_WINDOWS:
            raise ValueError(
                f"a baseline needs {MIN_BASELINE_WINDOWS} clean windows per phase; "
                f"got {len(eyes_open)} eyes open and {len(eyes_closed)} eyes closed"
            )
        return cls(
            open_mean=eyes_open.mean(axis=0),
            open_sd=np.maximum(eyes_open.std(axis=0), 1e-3),
            closed_mean=eyes_closed.mean(axis=0),
            n_open=len(eyes_open),
            n_closed=len(eyes_closed),
        )

    @property
    def alpha_rose(self) -> bool:
        """Relative alpha rose with the eyes closed by more than its eyes-open spread: the normal
        finding (Berger's), and the sign the relax scale has a meaningful top."""
        return bool(self.closed_mean[1] - self.open_mean[1] > self.open_sd[1])

    def score(self, values: np.ndarray) -> np.ndarray:
        """[focus, relax] raw values as 0–100 scores (see the module's docstring)."""
        focus_z = (values[0] - self.open_mean[0]) / (FOCUS_SD_PER_STEP * self.open_sd[0])
        # The relax scale spans eyes open to eyes closed; if alpha barely rose (eyes not closed,
        # poor contact), two eyes-open spreads stand in for the span so the scale stays sane.
        span = max(self.closed_mean[1] - self.open_mean[1], 2 * self.open_sd[1])
        relax_position = (values[1] - self.open_mean[1]) / span
        relax_z = RELAX_STEEPNESS * (relax_position - 0.5)
        return 100.0 * norm.cdf([focus_z, relax_z])


@dataclass(frozen=True)
class Learnt:
    """What a baseline teaches: the score scales, the artifact limits, and the mean alpha and beta
    power (µV², index channels) of its clean windows with the eyes open and closed."""

    baseline: Baseline
    limits: ArtifactLimits
    rest_powers: tuple[float, float]
    closed_powers: tuple[float, float]


def learn_baseline(
    eyes_open: Sequence[Reading], eyes_closed: Sequence[Reading], channels: IndexChannels
) -> Learnt:
    """Learn from the readings of the two phases; ValueError when too few windows were clean.

    Limits are learnt per phase and the higher kept, channel by channel: closed eyes double or
    triple posterior alpha, and a relax round must not read that as movement. The baseline's
    own windows are then judged again by those limits (they were measured against limits for
    anyone), so a blink during it does not count and a visitor's normal EEG is not an artifact.
    """
    phases = (eyes_open, eyes_closed)
    learnt = [
        ArtifactLimits.from_checks([r.check for r in readings if r.check is not None]) for readings in phases
    ]
    limits = learnt[0].higher(learnt[1])
    clean = [
        [
            r
            for r in readings
            if r.values is not None and r.check is not None and find_hold(r.check, channels, limits) is None
        ]
        for readings in phases
    ]
    baseline = Baseline.from_values(
        np.array([r.values for r in clean[0]]), np.array([r.values for r in clean[1]])
    )
    rest, closed = (np.mean([r.alpha_beta for r in readings], axis=0) for readings in clean)
    return Learnt(baseline, limits, (float(rest[0]), float(rest[1])), (float(closed[0]), float(closed[1])))


@dataclass(frozen=True)
class Reading:
    """One tick of the meter: the smoothed scores (None before the first scored window), this
    window's raw index values and band powers (None with a gap or a broken electrode), and why it
    was not scored, if it was not. ``check`` is its artifact measure (None with a gap)."""

    at: float
    scores: np.ndarray | None
    values: np.ndarray | None = None
    alpha_beta: tuple[float, float] | None = None  # mean alpha and beta power (µV²) of the index rows
    hold: Hold | None = None
    check: WindowCheck | None = None


class IndexMeter:
    """Scores windows as they come and smooths the scores; holds on anything not clean.

    Until :attr:`baseline` is set, windows are measured (``values``) but not scored, and only
    broken electrodes, gaps and the absolute :meth:`ArtifactLimits.absolute` limits hold them.
    """

    def __init__(
        self, channels: IndexChannels, n_channels: int, sampling_rate: float, smoothing_s: float = SMOOTHING_S
    ) -> None:
        self.channels = channels
        self.sampling_rate = sampling_rate
        self.smoothing_s = smoothing_s
        self.baseline: Baseline | None = None
        self.limits = ArtifactLimits.absolute(n_channels)
        self._smoothed: np.ndarray | None = None
        self._last_at: float | None = None

    @property
    def scores(self) -> np.ndarray | None:
        return None if self._smoothed is None else self._smoothed.copy()

    def measure(
        self,
        raw: np.ndarray,
        filtered: np.ndarray,
        at: float,
        *,
        intact: bool = True,
        invalid: np.ndarray | None = None,
    ) -> Reading:
        """One window (the whole montage, raw and display-filtered) measured, unsmoothed."""
        if not intact:
            return Reading(at, self.scores, hold=Hold.GAP)
        check = check_window(raw, filtered, self.sampling_rate, self.channels, invalid)
        hold = find_hold(check, self.channels, self.limits)
        if check.broken:
            return Reading(at, self.scores, hold=hold, check=check)
        powers = band_powers(filtered, self.sampling_rate)
        used = powers[self.channels.used].mean(axis=0)
        return Reading(
            at,
            self.scores,
            values=index_values(powers, self.channels),
            alpha_beta=(float(used[ALPHA]), float(used[BETA])),
            hold=hold,
            check=check,
        )

    def update(
        self,
        raw: np.ndarray,
        filtered: np.ndarray,
        at: float,
        *,
        intact: bool = True,
        invalid: np.ndarray | None = None,
    ) -> Reading:
        """Measure a window and, when it is clean and a baseline exists, move the smoothed scores
        towards its scores (an exponential average over ``smoothing_s``, by elapsed time)."""
        reading = self.measure(raw, filtered, at, intact=intact, invalid=invalid)
        if reading.hold is not None or reading.values is None or self.baseline is None:
            return reading
        target = self.baseline.score(reading.values)
        if self._smoothed is None or self._last_at is None:
            self._smoothed = target
        else:
            weight = 1.0 - math.exp(-max(0.0, at - self._last_at) / self.smoothing_s)
            self._smoothed = self._smoothed + weight * (target - self._smoothed)
        self._last_at = at
        return replace(reading, scores=self.scores)

    def reset(self) -> None:
        """Forget the smoothed scores (a new round starts from its first clean window)."""
        self._smoothed = None
        self._last_at = None
