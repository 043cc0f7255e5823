"""The cue vocabulary: everything a demo asks of a visitor, or reports, as one stable event.

A demo announces a cue once, through ``DemoContext.cue``. That one call puts the cue's marker code
into the EEG stream (on the sample of the moment it names) and, when the board is the virtual
visitor, makes the simulated person do what a real visitor would do on that cue (look at the cued
key, imagine the cued hand, close the eyes...). So no demo needs to know whether a person or the
virtual visitor wears the headset, and every recording carries the same events.

Each cue has a **marker code** (a number, what BrainFlow's marker row can hold; stable, listed
below, never reused) and a **text** (what EDF+ annotations and LSL marker streams will carry; it
holds what the code cannot, e.g. a key's frequency and phase). :func:`parse_cue` reads a text back
and :func:`describe_code` names a bare code: what recordings (EDF+ annotations) and ``bci-showroom
evaluate`` will use to read a showroom session without a ``--map`` (the roadmap's next step).

====================  =====================================  ===================================
code                  cue                                    text
====================  =====================================  ===================================
1 … 99                flicker onset, cued key 0 … 98         ``flicker_onset key=K hz=F phase=P``
100                   flicker onset, free choice             ``flicker_onset free``
101                   flicker end (trial over, no decision)  ``flicker_end``
199                   decision, decoder unsure               ``decision unsure confidence=C``
200 … 298             decision, key 0 … 98                   ``decision key=K confidence=C``
300                   stopped (touch, limit, lost signal)    ``stopped REASON``
400                   fixation cross                         ``fixation``
401 / 402 / 403       imagery cue left / right / rest        ``imagery left`` …
500 / 501 / 502       baseline eyes open / closed / end      ``baseline eyes_open`` …
600 / 601 / 602       round start focus / relax, round end   ``round focus`` … ``round_end``
701 … 799             an event staff marked, number 1 … 99   ``staff_mark n=N``
====================  =====================================  ===================================

No Qt here: flows, recorders and evaluations use it without a display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

MAX_KEY = 98  # keys 0 … 98 fit in the code ranges above
MAX_STAFF_MARK = 99
PHASE_DECIMALS, CONFIDENCE_DECIMALS = 4, 3  # what a cue's text keeps of a phase and a confidence


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    REST = "rest"


class Baseline(StrEnum):
    EYES_OPEN = "eyes_open"
    EYES_CLOSED = "eyes_closed"
    END = "end"


class RoundMode(StrEnum):
    FOCUS = "focus"
    RELAX = "relax"
    END = "end"


class StopReason(StrEnum):
    TOUCH = "touch"  # the visitor touched the screen or pressed a key
    LIMIT = "limit"  # the flicker reached the longest continuous time allowed
    SIGNAL = "signal"  # the headset stopped sending, or samples were lost
    DEMO = "demo"  # the demo ended the trial itself (its stop button, leaving the screen)


class CueError(ValueError):
    """A cue that cannot exist (a key out of range, a text or code that names no cue)."""


@dataclass(frozen=True)
class Target:
    """One flickering target: its frequency and phase, what the eye follows."""

    frequency_hz: float
    phase_rad: float = 0.0


def _check_key(key: int) -> None:
    if not 0 <= key <= MAX_KEY:
        raise CueError(f"key {key} is out of range 0 … {MAX_KEY}")


@dataclass(frozen=True)
class FlickerOnset:
    """The first frame of a flicker is on screen.

    ``key`` is the target the visitor is asked to look at (None: they choose freely among
    ``targets``, the layout's keys in order). ``frequency_hz``/``phase_rad`` are the cued key's.
    """

    key: int | None = None
    frequency_hz: float = 0.0
    phase_rad: float = 0.0
    targets: tuple[Target, ...] = ()

    def __post_init__(self) -> None:
        if self.key is not None:
            _check_key(self.key)
            if not (math.isfinite(self.frequency_hz) and self.frequency_hz > 0):
                raise CueError("a cued flicker needs the key's frequency")
            # Kept to the precision its text carries, so a cue equals the cue its text reads back as.
            object.__setattr__(self, "frequency_hz", float(f"{self.frequency_hz:g}"))
            object.__setattr__(self, "phase_rad", round(self.phase_rad, PHASE_DECIMALS))

    @property
    def code(self) -> float:
        return 100.0 if self.key is None else float(self.key + 1)

    @property
    def text(self) -> str:
        if self.key is None:
            return "flicker_onset free"
        return (
            f"flicker_onset key={self.key} hz={self.frequency_hz:g} phase={self.phase_rad:.{PHASE_DECIMALS}f}"
        )


@dataclass(frozen=True)
class FlickerEnd:
    """A flicker stopped at the end of its trial without a decision (e.g. a calibration trial)."""

    code = 101.0
    text = "flicker_end"


@dataclass(frozen=True)
class Decision:
    """The decoder chose ``key`` with ``confidence`` (0 … 1), or was unsure (``key`` None)."""

    key: int | None
    confidence: float = 0.0

    def __post_init__(self) -> None:
        if self.key is not None:
            _check_key(self.key)
        # Kept to the precision its text carries, so a cue equals the cue its text reads back as.
        object.__setattr__(self, "confidence", round(self.confidence, CONFIDENCE_DECIMALS))

    @property
    def code(self) -> float:
        return 199.0 if self.key is None else float(200 + self.key)

    @property
    def text(self) -> str:
        chosen = "unsure" if self.key is None else f"key={self.key}"
        return f"decision {chosen} confidence={self.confidence:.{CONFIDENCE_DECIMALS}f}"


@dataclass(frozen=True)
class Stopped:
    """The stimulus stopped before its trial ended."""

    reason: StopReason = StopReason.DEMO
    code = 300.0

    @property
    def text(self) -> str:
        return f"stopped {self.reason.value}"


@dataclass(frozen=True)
class Fixation:
    """A fixation cross: look at the centre and rest, a trial is about to begin."""

    code = 400.0
    text = "fixation"


@dataclass(frozen=True)
class Imagery:
    """Imagine moving the ``side`` hand (or rest) from now on."""

    side: Side

    @property
    def code(self) -> float:
        return {Side.LEFT: 401.0, Side.RIGHT: 402.0, Side.REST: 403.0}[self.side]

    @property
    def text(self) -> str:
        return f"imagery {self.side.value}"


@dataclass(frozen=True)
class BaselinePhase:
    """A baseline recording phase begins (eyes open, eyes closed) or the baseline ends."""

    phase: Baseline

    @property
    def code(self) -> float:
        return {Baseline.EYES_OPEN: 500.0, Baseline.EYES_CLOSED: 501.0, Baseline.END: 502.0}[self.phase]

    @property
    def text(self) -> str:
        return f"baseline {self.phase.value}"


@dataclass(frozen=True)
class Round:
    """A game round begins in focus or relax mode, or it ends."""

    mode: RoundMode

    @property
    def code(self) -> float:
        return {RoundMode.FOCUS: 600.0, RoundMode.RELAX: 601.0, RoundMode.END: 602.0}[self.mode]

    @property
    def text(self) -> str:
        return "round_end" if self.mode is RoundMode.END else f"round {self.mode.value}"


@dataclass(frozen=True)
class StaffMark:
    """Staff marked a moment by hand (e.g. "the visitor moved"), numbered 1 … 99 in order."""

    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= MAX_STAFF_MARK:
            raise CueError(f"staff mark {self.number} is out of range 1 … {MAX_STAFF_MARK}")

    @property
    def code(self) -> float:
        return float(700 + self.number)

    @property
    def text(self) -> str:
        return f"staff_mark n={self.number}"


Cue = FlickerOnset | FlickerEnd | Decision | Stopped | Fixation | Imagery | BaselinePhase | Round | StaffMark


def _fields(words: list[str], *names: str) -> dict[str, str]:
    """``NAME=VALUE`` words, each of ``names`` exactly once and nothing else."""
    pairs = {}
    for word in words:
        name, sep, value = word.partition("=")
        if not sep or name not in names or name in pairs:
            raise CueError(f"unexpected {word!r}; expected {', '.join(f'{n}=' for n in names)} once each")
        pairs[name] = value
    return pairs


def _number(fields: dict[str, str], name: str) -> float:
    try:
        value = float(fields[name])
    except (KeyError, ValueError):
        raise CueError(f"missing or bad {name}=") from None
    if not math.isfinite(value):
        raise CueError(f"{name}= is not finite")
    return value


def _key(fields: dict[str, str]) -> int:
    value = _number(fields, "key")
    if value != int(value):
        raise CueError("key= must be a whole number")
    return int(value)


def parse_cue(text: str) -> Cue:
    """The cue a text names (the inverse of ``cue.text``); raises :class:`CueError` otherwise.

    Targets of a free flicker are not part of the text (a recording keeps the layout elsewhere).
    """
    words = text.split()
    if not words:
        raise CueError("empty cue text")
    kind, rest = words[0], words[1:]
    try:
        if kind == "flicker_onset":
            if rest == ["free"]:
                return FlickerOnset()
            fields = _fields(rest, "key", "hz", "phase")
            return FlickerOnset(_key(fields), _number(fields, "hz"), _number(fields, "phase"))
        if kind == "decision" and rest[:1] == ["unsure"]:
            return Decision(None, _number(_fields(rest[1:], "confidence"), "confidence"))
        if kind == "decision":
            fields = _fields(rest, "key", "confidence")
            return Decision(_key(fields), _number(fields, "confidence"))
        if kind == "stopped" and len(rest) == 1:
            return Stopped(StopReason(rest[0]))
        if kind == "imagery" and len(rest) == 1:
            return Imagery(Side(rest[0]))
        if kind == "baseline" and len(rest) == 1:
            return BaselinePhase(Baseline(rest[0]))
        if kind == "round" and len(rest) == 1 and rest[0] != RoundMode.END:
            return Round(RoundMode(rest[0]))
        if kind == "staff_mark":
            fields = _fields(rest, "n")
            number = _number(fields, "n")
            if number != int(number):
                raise CueError("n= must be a whole number")
            return StaffMark(int(number))
    except ValueError as error:  # an unknown enum value
        raise CueError(f"{text!r}: {error}") from None
    simple = {"flicker_end": FlickerEnd(), "fixation": Fixation(), "round_end": Round(RoundMode.END)}
    if kind in simple and not rest:
        return simple[kind]
    raise CueError(f"{text!r} is not a cue")


def describe_code(code: float) -> str:
    """What a bare marker code means (the kind, and the key where the code holds one)."""
    if not math.isfinite(code) or code != int(code):
        raise CueError(f"marker {code!r} is not a cue code")
    value = int(code)
    if 1 <= value <= MAX_KEY + 1:
        return f"flicker_onset key={value - 1}"
    if 200 <= value <= 200 + MAX_KEY:
        return f"decision key={value - 200}"
    if 701 <= value <= 700 + MAX_STAFF_MARK:
        return StaffMark(value - 700).text
    fixed = {
        100: "flicker_onset free",
        101: FlickerEnd.text,
        199: "decision unsure",
        300: "stopped",
        400: Fixation.text,
    }
    for cue in (*(Imagery(side) for side in Side), *(BaselinePhase(p) for p in Baseline)):
        fixed[int(cue.code)] = cue.text
    for cue in (Round(mode) for mode in RoundMode):
        fixed[int(cue.code)] = cue.text
    if value in fixed:
        return fixed[value]
    raise CueError(f"marker {code!r} is not a cue code")
