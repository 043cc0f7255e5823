"""The speller's flow without Qt: decoding a trial from the live stream, and scoring a spelling run.

:class:`OnlineDecoder` turns one flicker trial into a decision. It reads the raw stream from where
the trial began, finds the onset marker the stimulus put on its first flicker frame, skips the
visual latency and, from the layout's ``min_s`` on, decides every ``step_s`` until the confidence
is high enough or ``max_s`` is reached (dynamic stopping). Using the marker, not the wall clock,
means the live decoder reads its windows exactly as an offline evaluation of the recording would.

:class:`Calibration` is the short block that the calibrated mode (ensemble TRCA) learns from.

:class:`SpellingRun` is one visitor's free or copy spelling on a layout: which key to cue next,
what each decision types, and the score in the terms of the literature (accuracy, time per
selection, Wolpaw ITR).

The markers the decoder looks for are the cue vocabulary's (:mod:`drivers.cues`): a flicker onset
is ``1 + cued key`` in copy spelling and 100 in free spelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Protocol

import numpy as np
from scipy import signal

from demos.ssvep_speller.layouts import Layout, StoppingRule, Task
from demos.ssvep_speller.processing import VISUAL_LATENCY_S, Decision, EnsembleTRCA, itr_bits_per_minute
from drivers.stream.readers import Stream
from drivers.stream.tape import Tape

DECODING_RATE_HZ = 250.0
#: What a trial's tape holds at least: no flicker outlasts the safety limit (30 s at most).
TRIAL_KEEP_S = 30.0


class SsvepDecoder(Protocol):
    """What the live path needs of a decoder (FBCCA, EnsembleTRCA)."""

    sampling_rate: float

    def scores(self, window: np.ndarray) -> np.ndarray: ...
    def decide(self, window: np.ndarray) -> Decision: ...


def decimation_for(stream_rate: float) -> int:
    """How many stream samples make one decoder sample: SSVEP decoding needs no more than ~250 Hz,
    and a 4 s window at 1 kHz would cost a GUI-thread decision ~20 ms, i.e. dropped frames."""
    return max(1, int(stream_rate // DECODING_RATE_HZ))


class OnsetReader:
    """One trial's EEG from the live stream, from the visual latency after its onset marker on,
    low-passed and decimated by ``decimation`` (see :func:`decimation_for`).

    Each trial reads a :class:`~drivers.stream.tape.Tape` of its own from where :meth:`begin` said, which
    holds :data:`TRIAL_KEEP_S`: more than any trial lasts."""

    def __init__(
        self,
        channels: Sequence[int],
        stream_rate: float,
        latency_s: float = VISUAL_LATENCY_S,
        decimation: int = 1,
    ) -> None:
        self.channels = list(channels)
        self.decimation = decimation
        self.sampling_rate = stream_rate / decimation
        self._anti_alias = None
        if decimation > 1:
            sos = signal.butter(8, 0.8 * self.sampling_rate / 2, fs=stream_rate, output="sos")
            self._anti_alias = (sos, signal.sosfilt_zi(sos))
        self._latency = round(latency_s * stream_rate)
        self._start = 0  # where begin() said the trial may start, an absolute sample index
        self._tape: Tape | None = None  # the trial's history, opened by its first read
        self._marker = 0.0
        self._onset: int | None = None  # absolute position of the first flicker sample, once found
        #: The trial's data is not whole (samples lost since the onset, or values that arrived as
        #: NaN on its channels): it must not be decided on. Counting samples from the onset across
        #: a gap would splice two moments of the flicker together.
        self.broken = False

    def begin(self, cursor: int, marker: float) -> None:
        """A trial whose onset ``marker`` will land after absolute sample ``cursor``."""
        self._start = cursor
        self._tape = None
        self._marker = marker
        self._onset = None
        self.broken = False

    def read(self, stream: Stream) -> np.ndarray:
        """Everything of this trial so far, latency skipped: (channels, samples), empty before the marker."""
        tape = self._tape_on(stream)
        tape.update()
        if self._onset is None:
            self._onset = next((m.position for m in tape.markers if m.code == self._marker), None)
        if self._onset is None:
            return np.empty((len(self.channels), 0))
        self.broken |= not tape.whole(self._onset, tape.end)
        first = min(self._onset + self._latency, tape.end)
        if first < tape.start:  # no longer held (see _tape_on): never decided on
            self.broken = True
            return np.empty((len(self.channels), 0))
        data = tape.raw(first, tape.end)
        if self._anti_alias is None or data.shape[1] == 0:
            return data.copy()
        sos, zi_unit = self._anti_alias  # causal from the first sample: every prefix stays the same
        low, _ = signal.sosfilt(sos, data, axis=1, zi=zi_unit[:, None, :] * data[None, :, 0, None])
        return low[:, :: self.decimation]

    def _tape_on(self, stream: Stream) -> Tape:
        """The trial's tape on ``stream``: opened where :meth:`begin` said on the first read
        (``begin`` is not given the stream). Passed another stream, it goes on there from where it
        was; a trial is not spliced across two streams, so one whose onset was read before is broken."""
        if self._tape is None or self._tape.stream is not stream:
            start = self._start if self._tape is None else self._tape.end
            self._tape = Tape(
                stream, self.channels, keep_s=TRIAL_KEEP_S, position=min(start, stream.total_samples)
            )
        return self._tape


class OnlineDecoder:
    """Decides one trial at a time on the newest data of ``channels`` of a live stream."""

    def __init__(
        self,
        decoder: SsvepDecoder,
        channels: Sequence[int],
        rule: StoppingRule,
        latency_s: float = VISUAL_LATENCY_S,
        decimation: int = 1,
    ) -> None:
        """``decoder`` works at the stream's rate divided by ``decimation``."""
        self.decoder = decoder
        self.rule = rule
        stream_rate = decoder.sampling_rate * decimation
        self.reader = OnsetReader(channels, stream_rate, latency_s, decimation)
        self._decided_at = 0  # samples after the latency when the last decision was taken

    def prepare(self) -> None:
        """Build the references of every window length the rule can ask for, before the first trial:
        on the GUI thread a cold cache would cost frames in the middle of a flicker."""
        min_n, step_n, max_n = self._grid()
        noise = np.random.default_rng(0).standard_normal((len(self.reader.channels), max_n))
        for length in range(min_n, max_n + step_n, step_n):
            self.decoder.scores(noise[:, : min(length, max_n)])

    def _grid(self) -> tuple[int, int, int]:
        """The stopping rule in samples: shortest window, step, longest window."""
        rate = self.decoder.sampling_rate
        return tuple(round(value * rate) for value in (self.rule.min_s, self.rule.step_s, self.rule.max_s))

    def begin(self, cursor: int, marker: float) -> None:
        self.reader.begin(cursor, marker)
        self._decided_at = 0

    @property
    def broken(self) -> bool:
        """The trial's data has a gap or bad values: no decision will come; retry the trial."""
        return self.reader.broken

    def poll(self, stream: Stream) -> Decision | None:
        """Read what arrived; a decision once the stopping rule says so, else None (always None
        once the trial is :attr:`broken`)."""
        data = self.reader.read(stream)
        if self.reader.broken:
            return None
        min_n, step_n, max_n = self._grid()
        available = data.shape[1]
        if available < min_n:
            return None
        length = min(max_n, min_n + (available - min_n) // step_n * step_n)
        if length <= self._decided_at:
            return None
        self._decided_at = length
        decision = self.decoder.decide(data[:, :length])
        if decision.confidence >= self.rule.threshold or length >= max_n:
            return decision
        return None


def calibrated_stopping_rule(rule: StoppingRule, trial_s: float) -> StoppingRule:
    """A layout's rule within what TRCA can do: from 0.5 s up to the calibration trials' length."""
    return replace(rule, min_s=min(0.5, trial_s), max_s=trial_s)


class Calibration:
    """The calibration block of the calibrated (TRCA) mode: every key cued ``blocks`` times, in a
    shuffled order per block, each flickering for ``trial_s``; then the decoder is fitted."""

    def __init__(self, layout: Layout, *, blocks: int = 2, trial_s: float = 1.5, seed: int = 0) -> None:
        rng = np.random.default_rng(seed)
        self.layout = layout
        self.trial_s = trial_s
        self.sequence = [int(key) for _ in range(blocks) for key in rng.permutation(len(layout.keys))]
        self.windows: list[np.ndarray] = []

    @property
    def next_cue(self) -> int | None:
        return self.sequence[len(self.windows)] if not self.done else None

    @property
    def done(self) -> bool:
        return len(self.windows) >= len(self.sequence)

    def add(self, window: np.ndarray) -> None:
        """The EEG of the cued key's trial (at least ``trial_s`` long, latency skipped)."""
        self.windows.append(window)

    def fit(self, sampling_rate: float, mains_hz: float | None = None) -> EnsembleTRCA:
        n = round(self.trial_s * sampling_rate)
        trials = np.array([window[:, :n] for window in self.windows])
        decoder = EnsembleTRCA(len(self.layout.keys), sampling_rate, mains_hz=mains_hz)
        return decoder.fit(trials, self.sequence)


class Outcome(StrEnum):
    TYPED = "typed"
    UNSURE = "unsure"  # the decoder was not confident enough: nothing typed, the key is asked again
    INTERRUPTED = "interrupted"  # the visitor touched the screen, or the flicker hit its time limit
    SIGNAL_GAP = "signal-gap"  # samples were lost during the trial: not decided, the key is asked again


@dataclass
class TrialRecord:
    """One trial as the session record keeps it (frame timing included, for staff and audits)."""

    cued: int | None
    outcome: Outcome
    target: int | None = None
    confidence: float = 0.0
    window_s: float = 0.0
    seconds: float = 0.0  # from the cue to the decision: what the visitor spent on it
    refresh_hz: float = 0.0
    vsync: bool = True
    dropped_frames: int = 0
    frame_intervals_ms: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    selections: int
    correct: int
    seconds: float
    accuracy: float
    seconds_per_selection: float
    itr_bpm: float

    @property
    def selections_per_minute(self) -> float:
        return 60.0 / self.seconds_per_selection if self.seconds_per_selection else 0.0


class SpellingRun:
    """Free spelling (``task`` None) or copy spelling of ``task`` on ``layout``."""

    def __init__(self, layout: Layout, task: Task | None = None) -> None:
        self.layout = layout
        self.task = task
        self.trials: list[TrialRecord] = []
        self.selected: list[int] = []  # keys typed, in order

    @property
    def next_cue(self) -> int | None:
        """The key the visitor should look at next (copy spelling), None in free spelling."""
        if self.task is None or self.finished:
            return None
        return self.task.keys[len(self.selected)]

    @property
    def finished(self) -> bool:
        return self.task is not None and len(self.selected) >= len(self.task.keys)

    def add(self, trial: TrialRecord) -> None:
        self.trials.append(trial)
        if trial.outcome is Outcome.TYPED and trial.target is not None:
            self.selected.append(trial.target)

    def text(self, labels: Sequence[str] | None = None) -> str:
        typed = ""
        for index in self.selected:
            typed = self.layout.type_key(typed, index, labels)
        return typed

    def summary(self) -> Summary:
        """Accuracy over typed selections (copy spelling), time over every trial, unsure ones included."""
        typed = [trial for trial in self.trials if trial.outcome is Outcome.TYPED]
        correct = sum(trial.target == trial.cued for trial in typed if trial.cued is not None)
        seconds = sum(trial.seconds for trial in self.trials)
        n = len(typed)
        accuracy = correct / n if n and self.task is not None else 0.0
        per_selection = seconds / n if n else 0.0
        itr = itr_bits_per_minute(len(self.layout.keys), accuracy, per_selection) if n else 0.0
        return Summary(n, correct, seconds, accuracy, per_selection, itr)

    def record(self) -> dict:
        """The session record: layout, task, every trial with its frame timing, and the summary."""
        return {
            "layout": self.layout.name,
            "task": self.task.text if self.task else None,
            "text": self.text(),
            "trials": [asdict(trial) for trial in self.trials],
            "dropped_frames": sum(trial.dropped_frames for trial in self.trials),
            "summary": asdict(self.summary()),
        }
