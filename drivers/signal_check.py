"""The signal check before a decoding demo: is every electrode the demo needs giving usable EEG? (no Qt)

Staff fit the headset while the visitor waits; this module judges the last two seconds of the live
stream, per channel, and says what to fix, as data (the page in ``app.signal_check`` words it in
the visitor's language). It builds on :mod:`drivers.analysis.quality` (flat, railed, invalid values,
transients, muscle) and :mod:`drivers.analysis.dsp` (spectra, mains lines), and adds what a fitting needs:

- **graded lights**: each channel is GOOD, FAIR (usable, worth improving: a little hum, a blink,
  some muscle tension) or BAD (a decoder would be fooled: no contact, a pop, strong hum, a hard
  clench);
- **one verdict**: PASS when no channel the demo needs is BAD; HEADSET_OFF when most channels are
  railed, flat or huge at once (one message, not sixteen); NO_SIGNAL when nothing arrives;
- **advice** that names electrodes: "wet O1", "press O1 and O2 closer", "move the headset back"
  (every posterior channel is bad), "check the reference/ground clip" (every channel shares the
  same contact problem), "relax the jaw", "hold still".

The thresholds were set on the virtual visitor (``drivers.simulation.virtual_visitor``) and on real EEG in
the shared test data (PhysioNet EEG-MMI S001, 64 ch, 160 Hz, gel cap, US mains; Kalunga 2016, 8 ch,
256 Hz, notched amplifier; an OpenBCI Cyton sample with blinks, jaw clenches and 60 Hz hum), with
2 s windows 1 s apart; each constant's comment gives the numbers it rests on. Amplitudes are µV.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from drivers.analysis.dsp import (
    HUM_THRESHOLD_DB,
    MAINS_CHOICES_HZ,
    CausalFilter,
    Spectrum,
    display_filter_sos,
    mains_hum_db,
    welch_spectrum,
)
from drivers.analysis.quality import RAILED_ABOVE_UV, ChannelQuality, assess_channels, muscle_rms
from drivers.roles import Role
from drivers.stream.readers import Stream
from drivers.stream.tape import Tape

log = logging.getLogger(__name__)

#: Seconds judged at a time: long enough for a 1 Hz-resolution spectrum averaged over three
#: segments, short enough that a fixed electrode turns green within a couple of seconds.
WINDOW_S = 2.0
#: Fewer seconds than this is no judgement yet ("checking").
MIN_WINDOW_S = 1.0
#: A window filtered here (not by the stream) is judged after this long: the mains notch (Q 30)
#: needs ~0.2 s to absorb a strong hum.
SETTLE_S = 0.3
#: Enough seconds to recognise a headset taken off (railed, flat or huge channels need no
#: spectrum): a wireless headset sends garbage for about a second before it goes quiet.
OFF_QUICK_S = 0.25
#: No new sample for this long is "no signal": BrainFlow boards deliver every 20-250 ms, so one
#: second without a sample is a link that has stopped, not a burst that is late.
STALE_S = 1.0

#: A channel's amplitude is the robust standard deviation (1.4826 x median absolute deviation) of
#: its filtered (1-40 Hz) window: what the EEG does most of the time, unmoved by a blink or a pop.
#: Below this it is no EEG, only the amplifier's own noise: an input shorted to the reference or
#: bridged to it by gel. The quietest real channel window had 2.3 µV (Kalunga); OpenBCI's ADS1299
#: alone makes ~0.2 µV RMS in that band.
TOO_SMALL_BELOW_UV = 1.0
#: Amplitudes above these are more than a brain makes, sustained: a high-impedance electrode
#: picking up the room. Real EEG reached 138 µV (PhysioNet, eyes-closed alpha and frontal sites;
#: 99th percentile 60-100 µV), so FAIR starts at 150 and BAD at 300.
LARGE_FAIR_UV, LARGE_BAD_UV = 150.0, 300.0
#: How far the raw signal wanders over the window (least-squares slope x duration): a drying or
#: barely touching electrode drifts. Seen on real recordings: at most 690 µV (PhysioNet), 450 µV
#: (Kalunga) and 1,280 µV (the DC-coupled Cyton sample, during its movements); FAIR from 2 mV,
#: BAD from 10 mV (at that pace a Cyton input reaches its ±187 mV rail within a minute).
DRIFT_FAIR_UV, DRIFT_BAD_UV = 2_000.0, 10_000.0
#: Mains hum amplitude (RMS within ±2 Hz of the line) against the EEG's amplitude, in dB, counted
#: only where the line stands out of its neighbourhood (:data:`drivers.analysis.dsp.HUM_THRESHOLD_DB`).
#: Clean recordings stayed below -4.7 dB (Kalunga: notched amplifier) and -23 dB (PhysioNet, US
#: mains, where its line stands out at all); the Cyton sample shows 19 dB (median) to 27 dB on every channel
#: and is still readable after the display's notch. So FAIR from 0 dB (hum as strong as the EEG: a loose
#: or dry electrode, or on every channel the reference) and BAD from 30 dB (beyond anything seen
#: readable: the notch's residue and the amplifier's headroom become the problem).
MAINS_FAIR_DB, MAINS_BAD_DB = 0.0, 30.0
#: Muscle RMS (20-45 Hz, mains excluded; :func:`drivers.analysis.quality.muscle_rms`). Not quality's 10 µV:
#: half of PhysioNet's relaxed channel windows are above it (median 10-11 µV, 99th percentile
#: 16-21 µV, maximum 28 µV at temporal sites). The virtual visitor's clench gives ~28 µV at frontal
#: sites; the Cyton sample's real clenches 25-52 µV. FAIR from 20 µV, BAD from 35 µV.
MUSCLE_FAIR_UV, MUSCLE_BAD_UV = 20.0, 35.0
#: A channel this large (filtered RMS) or touching the rail is no electrode on skin: the virtual
#: headset taken off sends 3,000 µV of noise or the rail; real EEG never exceeded 170 µV RMS.
OFF_RMS_UV = 500.0
#: The headset is off when this share of the scalp channels looks off at once (a few bad
#: electrodes are a fitting problem; nearly all of them together is no head under the headset).
OFF_SHARE = 0.75
#: A transient is drivers.analysis.quality's ARTIFACT (> 400 µV peak-to-peak, filtered) that also stands
#: out of the channel's own background by this factor (peak-to-peak over amplitude). Strong alpha
#: is no transient: PhysioNet's eyes-closed occipital alpha reaches 400-530 µV peak-to-peak at a
#: ratio of 4-7; the virtual visitor's electrode pop shows 17-31, frontal blinks 6-12.
TRANSIENT_OVER_BACKGROUND = 10.0
#: A transient on at least this share of the scalp channels (and at least 3) is the visitor
#: moving, not one electrode popping.
MOVEMENT_SHARE = 0.5

POSTERIOR_ROLES = frozenset({Role.OCCIPITAL, Role.PARIETAL})


class Problem(StrEnum):
    """What is wrong with one channel (several may apply)."""

    INVALID = "invalid"  # the board sent NaN or infinite values
    RAILED = "railed"  # the input sits at the amplifier's rail: no contact
    FLAT = "flat"  # nothing on the input: a disconnected wire
    TOO_SMALL = "too-small"  # only amplifier noise: shorted or bridged to the reference
    TOO_LARGE = "too-large"  # more than a brain makes: high impedance
    DRIFT = "drift"  # the signal wanders off: drying or barely touching electrode
    MAINS = "mains"  # 50/60 Hz hum: loose or dry electrode
    POP = "pop"  # a step on one or a few electrodes: contact comes and goes
    MOVEMENT = "movement"  # a transient on most channels at once: the visitor moved
    BLINK = "blink"  # a transient on frontal sites only: blinks are normal
    MUSCLE = "muscle"  # jaw or face muscles


class Light(StrEnum):
    """A channel's traffic light."""

    GOOD = "good"
    FAIR = "fair"  # usable, worth improving
    BAD = "bad"  # a decoder would be fooled


class Verdict(StrEnum):
    """The check as a whole."""

    PASS = "pass"  # every channel the demo needs is usable
    ADJUST = "adjust"  # staff have something to fix
    HEADSET_OFF = "headset-off"  # most channels look like no head is under the headset
    NO_SIGNAL = "no-signal"  # nothing arrives from the headset
    CHECKING = "checking"  # data arrives, not yet enough to judge


class AdviceKind(StrEnum):
    """Something staff can do, most general first."""

    PUT_ON_HEADSET = "put-on-headset"
    CHECK_REFERENCE = "check-reference"  # every channel shares one contact problem
    MOVE_HEADSET_BACK = "move-headset-back"  # every posterior channel is bad
    RADIO_GAP = "radio-gap"  # samples were lost in transit
    HOLD_STILL = "hold-still"
    RELAX_JAW = "relax-jaw"
    RECONNECT = "reconnect"  # invalid values: a driver or cable fault
    CHECK_WIRE = "check-wire"  # flat or too small: wire, plug, bridge
    PRESS_CLOSER = "press-closer"  # railed or popping: not touching the scalp
    WET_ELECTRODE = "wet-electrode"  # hum, drift, too large: high impedance


@dataclass(frozen=True)
class Advice:
    """One thing to do, for these channels (names, in montage order); ``problem`` says which
    problem they share (for :attr:`AdviceKind.CHECK_REFERENCE`)."""

    kind: AdviceKind
    channels: tuple[str, ...] = ()
    problem: Problem | None = None


@dataclass(frozen=True)
class ChannelCheck:
    """One channel's judgement and the measures behind it (NaN where not measured)."""

    index: int
    name: str
    role: Role
    needed: bool  # the demo needs this channel: only these decide the verdict
    light: Light
    problems: tuple[Problem, ...]
    amplitude_uv: float = math.nan  # robust standard deviation of the filtered window
    rms_uv: float = math.nan
    drift_uv: float = math.nan
    mains_db: float = math.nan
    muscle_uv: float = math.nan


@dataclass(frozen=True)
class CheckResult:
    """The latest check: a verdict, every channel's light (none while there is nothing to judge),
    advice for staff, the seconds judged and whether samples were lost in that time."""

    verdict: Verdict
    channels: tuple[ChannelCheck, ...] = ()
    advice: tuple[Advice, ...] = ()
    seconds: float = 0.0
    gap: bool = False

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.PASS

    @property
    def needed(self) -> tuple[ChannelCheck, ...]:
        return tuple(channel for channel in self.channels if channel.needed)

    def channel(self, name: str) -> ChannelCheck:
        """The check of the channel called ``name`` (KeyError when there is none)."""
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(name)

    def advice_of(self, kind: AdviceKind) -> Advice | None:
        return next((item for item in self.advice if item.kind is kind), None)


#: Problems that make a channel BAD whatever their size.
_ALWAYS_BAD = frozenset(
    {Problem.INVALID, Problem.RAILED, Problem.FLAT, Problem.TOO_SMALL, Problem.POP, Problem.MOVEMENT}
)
#: Contact problems that, on every channel at once, point at the shared reference/ground.
_SHAREABLE = (Problem.MAINS, Problem.TOO_LARGE, Problem.DRIFT, Problem.TOO_SMALL)
_ADVICE_FOR = {
    Problem.INVALID: AdviceKind.RECONNECT,
    Problem.FLAT: AdviceKind.CHECK_WIRE,
    Problem.TOO_SMALL: AdviceKind.CHECK_WIRE,
    Problem.RAILED: AdviceKind.PRESS_CLOSER,
    Problem.POP: AdviceKind.PRESS_CLOSER,
    Problem.MAINS: AdviceKind.WET_ELECTRODE,
    Problem.TOO_LARGE: AdviceKind.WET_ELECTRODE,
    Problem.DRIFT: AdviceKind.WET_ELECTRODE,
    Problem.MUSCLE: AdviceKind.RELAX_JAW,
    Problem.MOVEMENT: AdviceKind.HOLD_STILL,
}
_CONTACT_ADVICE = (
    AdviceKind.RECONNECT,
    AdviceKind.CHECK_WIRE,
    AdviceKind.PRESS_CLOSER,
    AdviceKind.WET_ELECTRODE,
)


def scalp_channels(montage: Sequence[Role]) -> list[int]:
    """Indices of the channels on the scalp (not ear or mastoid references); all when none is."""
    scalp = [index for index, role in enumerate(montage) if role is not Role.REFERENCE]
    return scalp or list(range(len(montage)))


def needed_channels(montage: Sequence[Role], wanted: Sequence[Role]) -> list[int]:
    """Indices of the channels a demo asking for ``wanted`` roles relies on: those with one of the
    roles, or every scalp channel when it names none (or the montage has none of them: the menu
    refuses such a demo, and a check of every channel is the safe answer if one gets here)."""
    wanted_set = {Role(role) for role in wanted}
    chosen = [index for index, role in enumerate(montage) if role in wanted_set]
    return chosen or scalp_channels(montage)


def check_window(
    raw: np.ndarray,
    sampling_rate: float,
    names: Sequence[str],
    montage: Sequence[Role],
    wanted: Sequence[Role] = (),
    *,
    filtered: np.ndarray | None = None,
    invalid: np.ndarray | None = None,
    mains_hz: float | None = None,
    gap: bool = False,
) -> CheckResult:
    """Judge one window of raw EEG (channels, samples) in µV.

    ``filtered`` is the same window through the display chain (band-pass 1-40 Hz and mains notch;
    made here from ``raw`` with ``mains_hz`` when not given); ``invalid`` marks values that arrived
    as NaN or inf (non-finite values in ``raw`` count too and never raise); ``gap`` says samples
    were lost inside the window. ``wanted`` are the roles the demo needs (none: every scalp channel).
    """
    raw = np.asarray(raw, dtype=float)
    n_channels, n_samples = raw.shape
    if len(names) != n_channels or len(montage) != n_channels:
        raise ValueError(f"{n_channels} channels of data but {len(names)} names and {len(montage)} roles")
    seconds = n_samples / sampling_rate
    settle = round(SETTLE_S * sampling_rate) if filtered is None else 0
    if n_samples - settle < max(8, OFF_QUICK_S * sampling_rate):
        return CheckResult(Verdict.CHECKING, seconds=seconds, gap=gap)
    finite = np.isfinite(raw)
    bad_values = ~finite if invalid is None else (np.asarray(invalid, dtype=bool) | ~finite)
    raw = np.where(finite, raw, 0.0)
    if filtered is None:
        # A lone window has no filter state: start it as the acquisition worker does (steady state
        # for the first sample) and leave out the first moments, where a strong hum still rings
        # through the notch (no padding helps: a mirrored hum is out of phase with itself).
        filtered = CausalFilter(display_filter_sos(sampling_rate, mains_hz), n_channels)(raw)[:, settle:]
    filtered = np.where(np.isfinite(filtered), filtered, 0.0)

    spectrum = welch_spectrum(raw, sampling_rate)
    codes = assess_channels(raw, filtered, sampling_rate, spectrum, bad_values)
    rms = filtered.std(axis=1)
    scalp = scalp_channels(montage)
    needed = set(needed_channels(montage, wanted))
    contact_lost = {ChannelQuality.INVALID, ChannelQuality.RAILED, ChannelQuality.FLAT}
    at_rail = (np.abs(raw) >= RAILED_ABOVE_UV).any(axis=1)
    # An input that touched the rail at all lost contact (quality calls it railed from half the
    # window on, when the step into the rail has long been judged a pop or a drift).
    codes = [
        ChannelQuality.RAILED if at_rail[c] and code is not ChannelQuality.INVALID else code
        for c, code in enumerate(codes)
    ]
    looks_off = {c for c in scalp if codes[c] in contact_lost or rms[c] >= OFF_RMS_UV or at_rail[c]}
    if len(looks_off) >= max(1, math.ceil(OFF_SHARE * len(scalp))):
        off = tuple(
            ChannelCheck(
                index=c,
                name=names[c],
                role=montage[c],
                needed=c in needed,
                light=Light.BAD,
                problems=(Problem(codes[c].value) if codes[c] in contact_lost else Problem.TOO_LARGE,),
                rms_uv=float(rms[c]),
            )
            for c in sorted(looks_off)
        )
        return CheckResult(
            Verdict.HEADSET_OFF, off, (Advice(AdviceKind.PUT_ON_HEADSET),), seconds=seconds, gap=gap
        )
    if n_samples - settle < MIN_WINDOW_S * sampling_rate:
        return CheckResult(Verdict.CHECKING, seconds=seconds, gap=gap)

    median = np.median(filtered, axis=1, keepdims=True)
    amplitude = 1.4826 * np.median(np.abs(filtered - median), axis=1)
    drift = _drift(raw, sampling_rate)
    muscle = muscle_rms(spectrum, sampling_rate)
    mains = _mains_db(raw, amplitude, sampling_rate, spectrum)

    standing_out = np.ptp(filtered, axis=1) >= TRANSIENT_OVER_BACKGROUND * np.maximum(amplitude, 1e-9)
    transient = [c for c in scalp if codes[c] is ChannelQuality.ARTIFACT and standing_out[c]]
    moved = len(transient) >= max(3, math.ceil(MOVEMENT_SHARE * len(scalp)))
    frontal_transient = [c for c in transient if montage[c] is Role.FRONTAL]

    checks = []
    for c in range(n_channels):
        problems: list[Problem] = []
        bad = False
        code = codes[c]
        if code in contact_lost:
            problems.append(Problem(code.value))
            bad = True
        else:
            graded = (
                (Problem.TOO_LARGE, amplitude[c], LARGE_FAIR_UV, LARGE_BAD_UV),
                (Problem.DRIFT, drift[c], DRIFT_FAIR_UV, DRIFT_BAD_UV),
                (Problem.MAINS, mains[c], MAINS_FAIR_DB, MAINS_BAD_DB),
                (Problem.MUSCLE, muscle[c], MUSCLE_FAIR_UV, MUSCLE_BAD_UV),
            )
            if amplitude[c] < TOO_SMALL_BELOW_UV:
                problems.append(Problem.TOO_SMALL)
            for problem, value, fair, severe in graded:
                if value >= fair:
                    problems.append(problem)
                    bad = bad or value >= severe
            if code is ChannelQuality.ARTIFACT and standing_out[c]:
                if Problem.MUSCLE in problems:  # a step is broadband: the transient explains it
                    problems.remove(Problem.MUSCLE)
                if moved:
                    problems.append(Problem.MOVEMENT)
                elif c in frontal_transient and len(frontal_transient) >= 2:
                    problems.append(Problem.BLINK)  # both eyes blink: frontal sites see it together
                else:
                    problems.append(Problem.POP)
            bad = bad or any(problem in _ALWAYS_BAD for problem in problems)
        light = Light.BAD if bad else Light.FAIR if problems else Light.GOOD
        checks.append(
            ChannelCheck(
                index=c,
                name=names[c],
                role=montage[c],
                needed=c in needed,
                light=light,
                problems=tuple(problems),
                amplitude_uv=float(amplitude[c]),
                rms_uv=float(rms[c]),
                drift_uv=float(drift[c]),
                mains_db=float(mains[c]),
                muscle_uv=float(muscle[c]),
            )
        )

    advice = _advise(checks, scalp, gap)
    usable = all(check.light is not Light.BAD for check in checks if check.needed)
    verdict = Verdict.PASS if usable and not gap else Verdict.ADJUST
    return CheckResult(verdict, tuple(checks), tuple(advice), seconds=seconds, gap=gap)


def _drift(raw: np.ndarray, sampling_rate: float) -> np.ndarray:
    """How far each channel moves over the window along its least-squares line (µV), in closed form
    with elementwise sums: no BLAS call to spin OpenBLAS threads (see
    :func:`drivers.analysis.dsp.welch_spectrum`)."""
    n = raw.shape[1]
    t = (np.arange(n) - (n - 1) / 2) / sampling_rate
    slope = ((raw - raw.mean(axis=1, keepdims=True)) * t).sum(axis=1) / float((t * t).sum())
    return np.abs(slope) * n / sampling_rate


def _mains_db(raw: np.ndarray, amplitude: np.ndarray, sampling_rate: float, spectrum: Spectrum) -> np.ndarray:
    """Per channel, the strongest mains hum (50 or 60 Hz) against the EEG's amplitude, in dB.

    Measured as band power within ±2 Hz of the line (a Hann window spreads a line over about ±1.5
    bins of 1 Hz). Where that reaches :data:`MAINS_FAIR_DB`, the channel's own spectrum must also
    show a line standing out of its neighbourhood (:func:`drivers.analysis.dsp.mains_hum_db`), or the power
    is broadband (muscle, a transient) and the result is -inf. Only those few channels pay for the
    finer spectrum that test needs.
    """
    bands = {hz: (hz - 2.0, hz + 2.0) for hz in MAINS_CHOICES_HZ if hz + 2.0 < sampling_rate / 2}
    if not bands:
        return np.full(raw.shape[0], -np.inf)
    hum_rms = np.sqrt(spectrum.band_powers({str(hz): band for hz, band in bands.items()}))
    ratio_db = 20 * np.log10(np.maximum(hum_rms, 1e-9) / np.maximum(amplitude, 1e-3)[:, None])
    result = ratio_db.max(axis=1)
    for channel in np.flatnonzero(result >= MAINS_FAIR_DB):
        lines = mains_hum_db(raw[channel : channel + 1], sampling_rate)  # this channel's line heights
        standing = [column for column, hz in enumerate(bands) if lines.get(hz, -np.inf) >= HUM_THRESHOLD_DB]
        result[channel] = ratio_db[channel, standing].max() if standing else -np.inf
    return result


def _advise(checks: list[ChannelCheck], scalp: list[int], gap: bool) -> list[Advice]:
    """Advice for staff, most general first; electrode-by-electrode advice only where no general
    advice covers it already."""
    advice: list[Advice] = []
    covered: set[int] = set()
    on_scalp = [checks[c] for c in scalp]
    if len(on_scalp) >= 2:
        for problem in _SHAREABLE:
            if all(problem in check.problems for check in on_scalp):
                advice.append(Advice(AdviceKind.CHECK_REFERENCE, problem=problem))
                covered.update(check.index for check in on_scalp)
                break
    posterior = [check for check in checks if check.needed and check.role in POSTERIOR_ROLES]
    # Only where the front of the head is fine: then the cap sits too far forward, not off.
    front_fine = any(check.light is not Light.BAD and check.role not in POSTERIOR_ROLES for check in on_scalp)
    if not covered and front_fine and len(posterior) >= 2 and all(c.light is Light.BAD for c in posterior):
        advice.append(Advice(AdviceKind.MOVE_HEADSET_BACK, tuple(check.name for check in posterior)))
        covered.update(check.index for check in posterior)
    if gap:
        advice.append(Advice(AdviceKind.RADIO_GAP))
    moving = [check.name for check in checks if Problem.MOVEMENT in check.problems]
    if moving:
        advice.append(Advice(AdviceKind.HOLD_STILL, tuple(moving)))
    tense = [check.name for check in checks if check.needed and Problem.MUSCLE in check.problems]
    if tense:
        advice.append(Advice(AdviceKind.RELAX_JAW, tuple(tense)))
    for kind in _CONTACT_ADVICE:
        names = tuple(
            check.name
            for check in checks
            if check.needed
            and check.index not in covered
            and any(_ADVICE_FOR.get(problem) is kind for problem in check.problems)
        )
        if names:
            advice.append(Advice(kind, names))
    return advice


#: Samples a window may miss and still pass (a fraction of it): radio headsets (Cyton's dongle,
#: Ganglion, Muse) drop a packet now and then, and demanding none would keep the check from ever
#: passing on them; more than this is a dropout the visitor's EEG cannot be judged across.
MAX_LOST_FRACTION = 0.01


class SignalChecker:
    """Checks a :class:`~drivers.stream.readers.Stream` again and again from a cursor of its own.

    Each :meth:`update` reads what arrived since the last one (raw values, as the board sent them),
    runs it through its own display filter (so its judgement does not depend on who else reads the
    stream) and judges the newest :data:`WINDOW_S` seconds. When nothing has arrived for
    :data:`STALE_S` it says NO_SIGNAL, except right after a HEADSET_OFF: a wireless headset taken
    off sends garbage and then goes quiet, and "headset off" is still the right thing to show.
    ``clock`` is monotonic seconds (tests pass their own).
    """

    def __init__(
        self,
        stream: Stream,
        roles: Sequence[Role] = (),
        mains_hz: float | None = None,
        *,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.roles = tuple(Role(role) for role in roles)
        self.mains_hz = stream.mains_hz if mains_hz is None else mains_hz
        self._rate = stream.sampling_rate
        self._window_n = max(1, round(window_s * self._rate))
        self._clock = clock
        self.reset()

    def reset(self) -> None:
        """Forget everything held (a new visitor) and judge only what arrives from now on: what the
        buffer holds may be minutes old, from before the headset was refitted."""
        # The display filter, restarted at gaps (a headset off and on again, a radio dropout: a
        # state from before would ring for seconds) and at every jump no EEG makes (an input going
        # to or coming off the rail: the 1 Hz high-pass would ring with a step of 187 mV for
        # seconds, and a fixed electrode would stay red long after it was fixed).
        self._tape = Tape(
            self.stream,
            keep_s=self._window_n / self._rate,
            filtered=display_filter_sos(self._rate, self.mains_hz),
            restart_jump_uv=RAILED_ABOVE_UV / 2,
        )
        self._started = self._clock()
        self._last_arrival: float | None = None
        self._result = CheckResult(Verdict.CHECKING)

    @property
    def result(self) -> CheckResult:
        return self._result

    def update(self) -> CheckResult:
        """Read what arrived and judge the newest window; never raises on bad data (logs it)."""
        now = self._clock()
        tape = self._tape
        try:
            arrived = tape.update()
        except Exception:  # a stream in trouble is "no signal" for the visitor, details for staff
            log.exception("signal check could not read the stream")
            arrived = 0
        if not arrived:
            stale = now - (self._started if self._last_arrival is None else self._last_arrival) >= STALE_S
            if stale and self._result.verdict is not Verdict.HEADSET_OFF:
                self._result = CheckResult(Verdict.NO_SIGNAL)
            return self._result  # not stale yet: the last judgement stands
        self._last_arrival = now
        first, last = max(tape.start, tape.end - self._window_n), tape.end
        try:
            lost = tape.lost(first + 1, last)
            self._result = check_window(
                tape.raw(first, last),
                self._rate,
                self.stream.channel_names,
                self.stream.roles,
                self.roles,
                filtered=tape.filtered(first, last),
                invalid=tape.invalid(first, last),
                mains_hz=self.mains_hz,
                gap=bool(lost.sum() > MAX_LOST_FRACTION * (last - first)),
            )
        except Exception:
            log.exception("signal check failed on a window of %s samples", (len(tape.channels), last - first))
            self._result = CheckResult(Verdict.ADJUST)
        return self._result
