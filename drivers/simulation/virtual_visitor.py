"""The virtual visitor: a simulated person wearing a headset and doing what the demo asks.

Two objects, so that the rule "only the acquisition worker touches the board" holds:

- :class:`VirtualVisitor` is the *person*: a thread-safe intent object that demos, tests and the
  staff's rehearsal keys steer (look at a flickering target, imagine moving a hand, focus, relax,
  blink, clench the jaw) and where faults are ordered (a flat or railed electrode, a pop, the
  headset taken off, a radio gap). It never produces data.
- :class:`VirtualVisitorBoard` is the *headset*: a
  :class:`~drivers.simulation.simulated.SimulatedBoard` (clock driven, BrainFlow layout,
  BoardShim's methods) whose EEG adds, on top of 1/f background and mains hum, what physiology puts
  where for the visitor's current intent:

  ========================  ================================================================
  posterior alpha ~10 Hz     occipital > parietal > others; x3.5 amplitude when relaxed/eyes
                             closed, x0.25 while attending a flickering target, waxing and waning
  mu ~11 Hz + beta ~20 Hz    over the sensorimotor strip; desynchronised (ERD) contralateral
                             to the imagined hand, slightly enhanced ipsilateral (ERS)
  frontal theta / beta       theta falls and beta rises with the attention level, and alpha
                             everywhere falls with it (x0.6 at a focus round's 0.9)
  SSVEP                      at the attended target's frequency and phase with 5 harmonics,
                             ~140 ms after its onset, ramping up over 0.3 s; occipital, weaker
                             parietal; only while the visitor looks at a flickering target
  eye blinks                 100-300 µV, 300 ms, strongest at Fp, fading towards the back
  jaw clench                 broadband EMG above 20 Hz, strongest at the temples
  ========================  ================================================================

Every task effect is scaled by a per-paradigm SNR knob; ``illiterate=True`` takes them to 5 %
(the person is there, alpha and blinks included, but the task does nothing to their EEG), so
tests can check that decoders fail gracefully as well as succeed. Randomness is seeded.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from drivers import cues
from drivers.boards.board import BoardUnavailableError
from drivers.boards.profiles import Channel
from drivers.roles import Role
from drivers.simulation.simulated import SimulatedBoard

RAIL_UV = 187_500.0  # where an ADS1299 input saturates at gain 24 (OpenBCI Cyton), in µV
#: Mains hum on a dry or loose electrode (µV): its high impedance picks up the room's wiring. A
#: hundred times the background hum, as a dry contact on a real amplifier shows it.
NOISY_HUM_UV = 1500.0
VISUAL_LATENCY_S = 0.14
SSVEP_RAMP_S = 0.3
SSVEP_HARMONIC_WEIGHTS = (1.0, 0.5, 0.3, 0.15, 0.1)
BLINK_DURATION_S = 0.3
POP_STEP_UV = 800.0
POP_DECAY_S = 0.4
HEADSET_OFF_NOISE_S = 1.0  # after being taken off, the headset sends garbage this long, then nothing
MODULATION_TIME_CONSTANT_S = 0.3  # how fast rhythms follow a change of state
ILLITERATE_FACTOR = 0.05
FOCUSED_ATTENTION, RESTING_ATTENTION = 0.9, 0.5  # what a visitor gives a focus round, and at rest

# Base amplitudes in µV (peak) at SNR 1.
ALPHA_UV = 6.0
ALPHA_RELAXED_GAIN = 3.5
ALPHA_ATTENDING_GAIN = 0.25  # visual attention to a flickering target blocks posterior alpha
ALPHA_FOCUS_DROP = 0.5  # full attention (1.0) halves alpha; the default focus round (0.9) takes 40 %
MU_UV = 7.0
SENSORIMOTOR_BETA_UV = 3.0
ERD_DEPTH = 0.65  # contralateral amplitude drop at SNR 1
ERS_GAIN = 0.1
THETA_UV = 6.0
FRONTAL_BETA_UV = 4.0
SSVEP_UV = 6.0  # a good user; 40 targets 0.2 Hz apart need ~2 s for FBCCA at this SNR
EMG_UV = 40.0

ALPHA_GAIN = {
    Role.OCCIPITAL: 1.0,
    Role.PARIETAL: 0.7,
    Role.CENTRAL: 0.3,
    Role.SENSORIMOTOR_LEFT: 0.3,
    Role.SENSORIMOTOR_RIGHT: 0.3,
    Role.TEMPORAL: 0.3,
    Role.FRONTAL: 0.15,
    Role.REFERENCE: 0.05,
}
SSVEP_GAIN = {Role.OCCIPITAL: 1.0, Role.PARIETAL: 0.4}
EMG_GAIN = {Role.TEMPORAL: 1.0, Role.REFERENCE: 1.0, Role.FRONTAL: 0.6, Role.CENTRAL: 0.3}


@dataclass(frozen=True)
class Gaze:
    """The visitor looks at a target flickering at ``frequency_hz`` with ``phase_rad`` since ``onset``
    (a time on the board's clock, taken from the stimulus clock's first frame)."""

    frequency_hz: float
    phase_rad: float
    onset: float


@dataclass(frozen=True)
class Snr:
    """Strength of each paradigm's effect, 1.0 being a good BCI user."""

    ssvep: float = 1.0
    motor_imagery: float = 1.0
    attention: float = 1.0
    alpha: float = 1.0


@dataclass(frozen=True)
class VisitorState:
    """A consistent snapshot of what the visitor does, taken once per generated block."""

    gaze: Gaze | None = None
    imagery: str | None = None  # "left" | "right" | None
    attention: float = 0.5
    relaxed: bool = False
    blinks: tuple[float, ...] = ()
    clench_until: float = -np.inf
    flat: frozenset[int] = frozenset()
    railed: frozenset[int] = frozenset()
    noisy: frozenset[int] = frozenset()
    pops: tuple[tuple[int, float], ...] = ()
    headset_off_since: float | None = None
    gap: tuple[float, float] = (-np.inf, -np.inf)
    snr: Snr = field(default_factory=Snr)
    illiterate: bool = False

    def gain(self, paradigm: str) -> float:
        return getattr(self.snr, paradigm) * (ILLITERATE_FACTOR if self.illiterate else 1.0)


class VirtualVisitor:
    """The person in the chair. Thread-safe; every method may be called from any thread.

    Times are on the board's clock (``time.time`` unless a test gives another clock). ``focus`` is
    the attention level this person reaches when a focus round asks them to focus (0..1; a weaker
    player of the duel, e.g. 0.7, loses to the default 0.9).
    """

    def __init__(
        self, clock: Callable[[], float] = time.time, seed: int | None = 0, focus: float = FOCUSED_ATTENTION
    ) -> None:
        if not 0.0 <= focus <= 1.0:  # NaN fails too
            raise ValueError(f"focus must be an attention level 0..1, got {focus!r}")
        self.clock = clock
        self.focus = float(focus)
        self._lock = threading.Lock()
        self._state = VisitorState()
        self._choice_rng = np.random.default_rng(seed)
        #: The keys this visitor chose to look at when a demo let them choose freely, in order.
        self.free_choices: list[int] = []

    def snapshot(self) -> VisitorState:
        with self._lock:
            return self._state

    def _update(self, **changes) -> None:
        with self._lock:
            self._state = replace(self._state, **changes)

    # --- intent ---------------------------------------------------------------------------------------
    def look_at(self, frequency_hz: float, phase_rad: float = 0.0, onset: float | None = None) -> None:
        """Attend a target flickering at this frequency and phase since ``onset`` (default: now)."""
        if not frequency_hz > 0:
            raise ValueError("a flicker frequency must be positive")
        self._update(gaze=Gaze(frequency_hz, phase_rad, self.clock() if onset is None else onset))

    def look_away(self) -> None:
        self._update(gaze=None)

    def imagine(self, side: str | None) -> None:
        """Imagine moving the ``"left"`` or ``"right"`` hand, or nothing (``None``)."""
        if side not in ("left", "right", None):
            raise ValueError("imagine 'left', 'right' or None")
        self._update(imagery=side)

    def set_attention(self, level: float) -> None:
        self._update(attention=float(np.clip(level, 0.0, 1.0)))

    def set_relaxed(self, relaxed: bool) -> None:
        """Relaxed with eyes closed: posterior alpha rises."""
        self._update(relaxed=bool(relaxed))

    def blink(self, at: float | None = None) -> None:
        now = self.clock()
        with self._lock:
            recent = tuple(t for t in self._state.blinks if t > now - 2 * BLINK_DURATION_S)
            self._state = replace(self._state, blinks=(*recent, now if at is None else at))

    def clench(self, seconds: float = 1.0) -> None:
        self._update(clench_until=self.clock() + seconds)

    def set_snr(self, **snr: float) -> None:
        """E.g. ``set_snr(ssvep=0.5)``; unknown paradigms raise."""
        with self._lock:
            self._state = replace(self._state, snr=replace(self._state.snr, **snr))

    def set_illiterate(self, illiterate: bool) -> None:
        """A "BCI-illiterate" visitor: tasks leave (almost) no trace in the EEG."""
        self._update(illiterate=bool(illiterate))

    # --- following a demo's cues -------------------------------------------------------------------
    def follow(self, cue: cues.Cue, at: float | None = None) -> None:
        """Do what a cooperative visitor does on ``cue``, announced at ``at`` (default: now).

        A flicker onset: look at the cued key (or, free to choose, at a key of their own choosing);
        a flicker's end, a decision or a stop: look away; an imagery cue: imagine that hand (rest:
        nothing); a fixation cross: stop imagining; a baseline: eyes closed only in its eyes-closed
        phase; a round: focus (to this person's ``focus`` level), or relax with eyes closed, until
        it ends.
        """
        at = self.clock() if at is None else at
        match cue:
            case cues.FlickerOnset(key=None, targets=targets) if targets:
                choice = int(self._choice_rng.integers(len(targets)))
                self.free_choices.append(choice)
                self.look_at(targets[choice].frequency_hz, targets[choice].phase_rad, onset=at)
            case cues.FlickerOnset(key=int(), frequency_hz=frequency, phase_rad=phase):
                self.look_at(frequency, phase, onset=at)
            case cues.FlickerEnd() | cues.Decision() | cues.FlickerOnset():
                self.look_away()
            case cues.Stopped():
                self.look_away()
                self.imagine(None)
            case cues.Imagery(side=side):
                self.imagine(None if side is cues.Side.REST else side.value)
            case cues.Fixation():
                self.imagine(None)
            case cues.BaselinePhase(phase=phase):
                self.set_relaxed(phase is cues.Baseline.EYES_CLOSED)
            case cues.Round(mode=mode):
                self.set_relaxed(mode is cues.RoundMode.RELAX)
                self.set_attention(self.focus if mode is cues.RoundMode.FOCUS else RESTING_ATTENTION)

    # --- faults -----------------------------------------------------------------------------------------
    def flat_channel(self, channel: int) -> None:
        with self._lock:
            self._state = replace(self._state, flat=self._state.flat | {channel})

    def rail_channel(self, channel: int) -> None:
        with self._lock:
            self._state = replace(self._state, railed=self._state.railed | {channel})

    def noisy_channel(self, channel: int) -> None:
        """A dry electrode: strong mains hum on ``channel``."""
        with self._lock:
            self._state = replace(self._state, noisy=self._state.noisy | {channel})

    def pop_electrode(self, channel: int) -> None:
        with self._lock:
            self._state = replace(self._state, pops=(*self._state.pops[-7:], (channel, self.clock())))

    def radio_gap(self, seconds: float) -> None:
        """A Bluetooth-style gap: nothing arrives for ``seconds``, and those samples are lost."""
        now = self.clock()
        self._update(gap=(now, now + seconds))

    def take_off_headset(self) -> None:
        self._update(headset_off_since=self.clock())

    def put_on_headset(self) -> None:
        self._update(headset_off_since=None)

    def clear_faults(self) -> None:
        self._update(
            flat=frozenset(),
            railed=frozenset(),
            noisy=frozenset(),
            pops=(),
            headset_off_since=None,
            gap=(-np.inf, -np.inf),
        )

    @property
    def headset_off(self) -> bool:
        return self.snapshot().headset_off_since is not None


class VirtualVisitorBoard(SimulatedBoard):
    """The virtual visitor's headset: EEG for the visitor's intent, in BrainFlow's layout."""

    def __init__(
        self,
        channels: Sequence[Channel],
        sampling_rate: int,
        visitor: VirtualVisitor,
        *,
        mains_hz: int = 50,
        seed: int | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            len(channels), sampling_rate, mains_hz=mains_hz, seed=seed, clock=clock or visitor.clock
        )
        self.visitor = visitor
        self.channels = tuple(channels)
        roles = [channel.role for channel in channels]
        self._alpha_gain = np.array([ALPHA_GAIN.get(role, 0.0) for role in roles])[:, None]
        self._ssvep_gain = np.array([SSVEP_GAIN.get(role, 0.0) for role in roles])[:, None]
        self._emg_gain = np.array([EMG_GAIN.get(role, 0.2) for role in roles])[:, None]
        self._frontal = np.array([role is Role.FRONTAL for role in roles])[:, None]
        self._left_motor = np.array([role is Role.SENSORIMOTOR_LEFT for role in roles])[:, None]
        self._right_motor = np.array([role is Role.SENSORIMOTOR_RIGHT for role in roles])[:, None]
        self._central = np.array([role is Role.CENTRAL for role in roles])[:, None]
        self._blink_gain = np.array([_blink_gain(channel) for channel in channels])[:, None]
        rng = self._rng
        # This visitor's own rhythms, and a small phase lag between neighbouring electrodes.
        self.alpha_hz = float(rng.uniform(9.5, 10.5))
        self.mu_hz = float(rng.uniform(10.5, 12.0))
        self.sensorimotor_beta_hz = float(rng.uniform(18.0, 22.0))
        self.theta_hz = float(rng.uniform(5.5, 6.5))
        self.frontal_beta_hz = float(rng.uniform(16.0, 20.0))
        self.blink_uv = float(rng.uniform(120.0, 250.0))
        self._phase = rng.uniform(0, 0.6, size=(len(channels), 1))
        self._smooth = {"alpha": 1.0, "left": 1.0, "right": 1.0, "theta": 1.0, "beta": 1.0}
        # scipy.signal takes ~0.7 s to import: here on the acquisition thread (which builds the board).
        from scipy import signal

        self._envelope_filter = signal.butter(1, 0.5, fs=sampling_rate)
        self._envelope_state = np.zeros((3, 1))
        self._emg_sos = signal.butter(
            4, [20.0, 0.45 * sampling_rate], btype="bandpass", fs=sampling_rate, output="sos"
        )
        self._emg_state = np.zeros((self._emg_sos.shape[0], len(channels), 2))

    # --- the headset's link follows the visitor -------------------------------------------------------
    def prepare_session(self) -> None:
        if self.visitor.headset_off:
            raise BoardUnavailableError("virtual headset is switched off")
        super().prepare_session()

    def get_board_data(self) -> np.ndarray:
        state = self.visitor.snapshot()
        if (
            state.headset_off_since is not None
            and self._clock() > state.headset_off_since + HEADSET_OFF_NOISE_S
        ):
            with self._lock:  # nothing arrives any more; the samples of that time are lost
                due = int((self._clock() - self._start_time) * self._rate + 1e-6) - self._emitted
                if self._streaming and due > 0:
                    self._generate(due)
            return np.zeros((self.layout.num_rows, 0))
        with self._lock:
            self._gap = state.gap
        return super().get_board_data()

    # --- physiology -------------------------------------------------------------------------------------
    def _eeg(self, index: np.ndarray, times: np.ndarray) -> np.ndarray:
        state = self.visitor.snapshot()
        t = index / self._rate  # stream time: rhythms stay continuous across blocks
        eeg = super()._eeg(index, times)
        envelope = self._envelopes(len(index))  # (3, n): alpha, mu, frontal, waxing and waning

        if state.gaze is not None:
            alpha_target = ALPHA_ATTENDING_GAIN
        elif state.relaxed:
            alpha_target = ALPHA_RELAXED_GAIN
        else:  # engaged attention desynchronises alpha across the scalp; drowsiness lets it grow
            focus = (state.attention - RESTING_ATTENTION) * state.gain("attention")
            alpha_target = max(0.05, 1.0 - ALPHA_FOCUS_DROP * focus / (1.0 - RESTING_ATTENTION))
        alpha_level = self._follow("alpha", alpha_target, len(index))
        alpha_level = 1.0 + (alpha_level - 1.0) * state.gain("alpha")
        eeg += (
            ALPHA_UV
            * self._alpha_gain
            * alpha_level
            * envelope[0]
            * np.sin(2 * np.pi * self.alpha_hz * t + self._phase)
        )

        eeg += self._sensorimotor(state, t, envelope[1])
        eeg += self._frontal_rhythms(state, t, envelope[2])
        if state.gaze is not None:
            eeg += self._ssvep(state, times)
        if state.blinks:
            eeg += self._blinks(state, times)
        if times[0] <= state.clench_until:
            eeg += self._emg(times <= state.clench_until)
        return self._faults(state, eeg, index, times)

    def _follow(self, name: str, target: float, n: int) -> np.ndarray:
        """A level that approaches ``target`` with the modulation time constant, sample by sample."""
        alpha = 1.0 - np.exp(-1.0 / (MODULATION_TIME_CONSTANT_S * self._rate))
        start = self._smooth[name]
        level = target + (start - target) * (1.0 - alpha) ** np.arange(1, n + 1)
        self._smooth[name] = float(level[-1])
        return level

    def _envelopes(self, n: int) -> np.ndarray:
        """Slow (< 1 Hz) amplitude fluctuations around 1, as real rhythms wax and wane."""
        from scipy import signal  # imported by __init__ already; see there

        b, a = self._envelope_filter
        noise = self._rng.standard_normal((3, n)) * 4.0
        slow, self._envelope_state = signal.lfilter(b, a, noise, axis=1, zi=self._envelope_state)
        return np.clip(1.0 + 0.3 * slow, 0.3, 1.7)

    def _sensorimotor(self, state: VisitorState, t: np.ndarray, envelope: np.ndarray) -> np.ndarray:
        depth = ERD_DEPTH * state.gain("motor_imagery")
        ers = ERS_GAIN * state.gain("motor_imagery")
        # Imagining the right hand desynchronises the left hemisphere (C3), and vice versa.
        left = {"right": 1.0 - depth, "left": 1.0 + ers}.get(state.imagery, 1.0)
        right = {"left": 1.0 - depth, "right": 1.0 + ers}.get(state.imagery, 1.0)
        left_level = self._follow("left", left, len(t))
        right_level = self._follow("right", right, len(t))
        level = self._left_motor * left_level + self._right_motor * right_level + self._central * 0.5
        rhythm = MU_UV * envelope * np.sin(2 * np.pi * self.mu_hz * t + self._phase)
        rhythm += SENSORIMOTOR_BETA_UV * np.sin(2 * np.pi * self.sensorimotor_beta_hz * t + 2 * self._phase)
        return level * rhythm

    def _frontal_rhythms(self, state: VisitorState, t: np.ndarray, envelope: np.ndarray) -> np.ndarray:
        focus = 0.5 + (state.attention - 0.5) * state.gain("attention")
        theta = self._follow("theta", 1.5 - focus, len(t))  # 1.0 at rest, 0.5 when fully focused
        beta = self._follow("beta", 0.5 + 1.5 * focus, len(t))  # 1.25 at rest, 2.0 when focused
        waves = THETA_UV * theta * envelope * np.sin(2 * np.pi * self.theta_hz * t + self._phase)
        waves += FRONTAL_BETA_UV * beta * np.sin(2 * np.pi * self.frontal_beta_hz * t + self._phase)
        return self._frontal * waves

    def _ssvep(self, state: VisitorState, times: np.ndarray) -> np.ndarray:
        gaze = state.gaze
        assert gaze is not None
        since = times - gaze.onset - VISUAL_LATENCY_S
        ramp = np.clip(since / SSVEP_RAMP_S, 0.0, 1.0)
        stimulus_phase = 2 * np.pi * gaze.frequency_hz * since + gaze.phase_rad
        response = np.zeros_like(times)
        nyquist = self._rate / 2
        for harmonic, weight in enumerate(SSVEP_HARMONIC_WEIGHTS, start=1):
            if harmonic * gaze.frequency_hz < nyquist:
                response += weight * np.sin(harmonic * stimulus_phase)
        return SSVEP_UV * state.gain("ssvep") * self._ssvep_gain * ramp * response

    def _blinks(self, state: VisitorState, times: np.ndarray) -> np.ndarray:
        trace = np.zeros_like(times)
        for onset in state.blinks:
            inside = (times >= onset) & (times < onset + BLINK_DURATION_S)
            trace[inside] += np.sin(np.pi * (times[inside] - onset) / BLINK_DURATION_S) ** 2
        return self.blink_uv * self._blink_gain * trace

    def _emg(self, active: np.ndarray) -> np.ndarray:
        from scipy import signal  # imported by __init__ already; see there

        white = self._rng.standard_normal((len(self.channels), len(active)))
        burst, self._emg_state = signal.sosfilt(self._emg_sos, white, axis=1, zi=self._emg_state)
        return EMG_UV * 2.5 * self._emg_gain * burst * active

    def _faults(
        self, state: VisitorState, eeg: np.ndarray, index: np.ndarray, times: np.ndarray
    ) -> np.ndarray:
        for channel, at in state.pops:
            after = times >= at
            eeg[channel, after] += POP_STEP_UV * np.exp(-(times[after] - at) / POP_DECAY_S)
        for channel in state.flat:
            eeg[channel] = 0.01 * self._rng.standard_normal(len(times))
        for channel in state.railed:
            eeg[channel] = RAIL_UV
        for channel in state.noisy:
            eeg[channel] += NOISY_HUM_UV * np.sin(2 * np.pi * self._mains_hz * index / self._rate)
        if state.headset_off_since is not None:
            off = times >= state.headset_off_since
            garbage = 3000.0 * self._rng.standard_normal((len(self.channels), int(off.sum())))
            garbage[::2] = RAIL_UV  # every other input saturates, the rest picks up the room
            eeg[:, off] = garbage
        return eeg


def _blink_gain(channel: Channel) -> float:
    """How much of a blink an electrode sees: most at the forehead, little at the back."""
    name = channel.name.upper()
    if name.startswith("FP"):
        return 1.0
    if name.startswith("AF"):
        return 0.8
    if channel.role is Role.FRONTAL:
        return 0.5
    return {
        Role.CENTRAL: 0.1,
        Role.SENSORIMOTOR_LEFT: 0.1,
        Role.SENSORIMOTOR_RIGHT: 0.1,
        Role.TEMPORAL: 0.15,
    }.get(channel.role, 0.03)
