"""The demo contract: what a demo declares and the little it gets from the shell.

Modelled on Mu's ``BaseMode``: a demo is a small class with an id, a title, a description, an icon,
what it needs from the headset, and ``create_widget`` / ``start`` / ``stop``. The shell owns
everything else (menus, board, languages, errors) and the safety policies: the photosensitivity
warning and stop-on-touch for demos that flicker, the flicker's time limit, and not starting a
decoding demo while the headset sends nothing. A demo gets a :class:`DemoContext` and nothing
more: the stream to read, one call to announce cues, its own settings, a logger, the language.
Demos with a widget build on :class:`demos.kit.demo.WidgetDemo`.

This module imports no Qt, so the contract can be checked (and ``processing`` modules tested)
without a display.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, Protocol, TypeVar, get_args

from drivers.cues import Cue, StopReason
from drivers.roles import Role

if TYPE_CHECKING:  # the widget type is only named, never needed at run time here
    from PySide6.QtWidgets import QWidget

    from drivers.stream.readers import Stream

log = logging.getLogger(__name__)
Number = TypeVar("Number", int, float)
#: The type of a staff setting's value: its default's.
Value = TypeVar("Value", int, float, bool, str)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text`` unchanged: marks a source text for ``pyside6-lupdate`` to extract in ``context``
    (it finds the call by its name), where Qt's own marker cannot be imported (no Qt here)."""
    return text


def kept_within(key: str, value: Number, low: Number, high: Number) -> Number:
    """A stored number ``value`` of setting ``key`` kept within ``low``..``high``, as their type.

    The one clamping rule of every bounded setting, the shell's (:mod:`app.config`) and the demos'
    (:class:`StaffSetting`): staff may edit the settings file by hand, and a visitor must never get
    a 0 s trial or a thousand of them. A value it changes is logged.
    """
    kept = type(low)(min(high, max(low, value)))
    if kept != value:
        log.warning("setting %s = %r is outside %s..%s: %s is used", key, value, low, high, kept)
    return kept


def one_of(key: str, value: Any, choices: Sequence[str], default: str) -> str:
    """A stored ``value`` of setting ``key`` if it is one of ``choices``, else ``default`` (logged
    unless the value was the default itself: nothing stored)."""
    if value in choices:
        return value
    if value != default:
        log.warning("setting %s = %r is none of %s: %r is used", key, value, list(choices), default)
    return default


@dataclass(frozen=True)
class Unmet:
    """One reason a board cannot serve a demo, as data so the shell can say it in any language."""

    kind: str  # "role" or "channels"
    role: Role | None = None
    needed: int = 0
    available: int = 0


@dataclass(frozen=True)
class Requirements:
    """What a demo needs from the headset.

    ``roles``: every role listed must have at least one electrode (e.g. SSVEP needs OCCIPITAL;
    motor imagery needs SENSORIMOTOR_LEFT and SENSORIMOTOR_RIGHT). ``flickers`` marks demos that
    show flashing light: the shell shows the photosensitivity warning before they start, and stops
    them on any touch while they flicker. ``decodes`` marks demos that decide on the visitor's EEG:
    the shell does not start them while the headset sends nothing, and says why.
    """

    roles: tuple[Role, ...] = ()
    min_channels: int = 1
    flickers: bool = False
    decodes: bool = False

    def unmet_by(self, montage: Sequence[Role]) -> list[Unmet]:
        """Why a montage (the roles of a board's channels, in order) cannot serve this demo."""
        reasons = [Unmet("role", role=role) for role in self.roles if role not in montage]
        if len(montage) < self.min_channels:
            reasons.append(Unmet("channels", needed=self.min_channels, available=len(montage)))
        return reasons


class DemoSettings(Protocol):
    """A demo's own persistent settings (the shell scopes them by demo id).

    ``value`` returns a value of ``default``'s type (bool, int, float or str): a stored value that
    cannot be read as that type gives ``default``, so a hand-edited settings file never crashes a demo.
    """

    def value(self, key: str, default: Any) -> Any: ...
    def set_value(self, key: str, value: Any) -> None: ...


SettingKind = Literal["int", "float", "bool", "choice"]
SETTING_KINDS: tuple[SettingKind, ...] = get_args(SettingKind)


@dataclass(frozen=True)
class StaffSetting(Generic[Value]):
    """One of a demo's settings that staff may change in the staff console, declared as data.

    ``key`` is the demo's own settings key; ``label`` an English source text in the demo's
    ``translation_context``, marked with ``QT_TRANSLATE_NOOP`` so Qt's tools extract it (units in
    the label: "Round length (s)"). ``kind`` is "int" or "float" (``low``..``high``, ``step`` per
    arrow press), "bool", or "choice" (``choices``: stored value and its label, a source text like
    ``label``). A demo declares each of its settings once, in a Qt-free module, and both its flow
    (through :meth:`read`) and the staff console use that declaration, so the console never offers
    a value the demo would refuse.

    A wrong declaration is a programming error and raises ValueError at import time.
    """

    key: str
    label: str
    kind: SettingKind
    default: Value
    low: Value | None = None
    high: Value | None = None
    choices: tuple[tuple[str, str], ...] = ()
    step: int | float | None = None

    def __post_init__(self) -> None:
        problem = self._problem()
        if problem:
            raise ValueError(f"staff setting {self.key!r}: {problem}")

    def _problem(self) -> str | None:
        if not self.key or not self.label:
            return "key and label must be non-empty"
        if self.kind not in SETTING_KINDS:
            return f"kind must be one of {SETTING_KINDS}, not {self.kind!r}"
        if self.kind in ("int", "float"):
            number = int if self.kind == "int" else float
            values = (self.default, self.low, self.high, *(() if self.step is None else (self.step,)))
            if any(type(value) is not number for value in values):
                return f"default, low, high and step must be {number.__name__}s"
            if not self.low <= self.default <= self.high:  # type: ignore[operator]
                return f"default {self.default} is outside {self.low}..{self.high}"
            if self.step is not None and self.step <= 0:
                return "step must be positive"
            return None
        if self.low is not None or self.high is not None or self.step is not None:
            return f"a {self.kind} setting has no low, high or step"
        if self.kind == "bool":
            return None if type(self.default) is bool and not self.choices else "a bool, without choices"
        if type(self.default) is not str:
            return "the default of a choice is a string"
        values = [value for value, _label in self.choices]
        if not values or len(set(values)) != len(values) or not all(values):
            return "choices must be distinct, non-empty values"
        return None if self.default in values else f"default {self.default!r} is none of the choices"

    def write(self, settings: DemoSettings, value: Value) -> None:
        settings.set_value(self.key, value)

    def read(self, settings: DemoSettings) -> Value:
        """The stored value as this setting allows it: a number kept within ``low``..``high``, a
        choice that is none of ``choices`` replaced by the default (a hand-edited file; logged)."""
        value = settings.value(self.key, self.default)
        if self.kind in ("int", "float"):
            return kept_within(self.key, value, self.low, self.high)  # type: ignore[type-var]
        if self.kind == "choice":
            values = [choice for choice, _label in self.choices]
            return one_of(self.key, value, values, self.default)  # type: ignore[arg-type]
        return bool(value)  # type: ignore[return-value]


class Announce(Protocol):
    """``context.cue(cue, at=None)``: see :class:`DemoContext`."""

    def __call__(self, cue: Cue, at: float | None = None) -> None: ...


def _english() -> str:
    return "en"


def _not_staff() -> bool:
    return False


def _keep_no_result(describe: Callable[[], str]) -> None:
    """Outside the kiosk's visitor flow nobody collects results."""


@dataclass(frozen=True)
class DemoContext:
    """Everything a demo may use of the shell.

    ``cue(cue, at=None)`` announces a :mod:`drivers.cues` cue at wall-clock time ``at`` (default:
    now): the shell puts its marker into the stream, applies its safety policies (a flicker onset
    arms stop-on-touch and the time limit), and the virtual visitor, when it wears the headset,
    follows it. A demo announces each cue once and never asks who wears the headset.
    ``language()`` is the interface language now ("en", "zh_CN"); ``staff_mode()`` tells whether
    staff controls may show (never in kiosk mode). ``second_stream`` is the second headset's
    stream when staff configured one (the duel: two visitors at once), else None; ``cue`` reaches
    both headsets (its marker goes into both streams, and both virtual visitors follow it).
    ``data_folder`` is the demo's own folder in the app's data folder, for what it keeps between
    visits (a high-score board: never EEG, never personal data), or None: keep nothing.
    ``report_result(describe)``: the visitor finished something worth a line on the kiosk's
    thank-you screen; ``describe()`` says it in the current language ("Your focus score: 78"). A
    demo reports each finished game or task; the shell keeps the latest per demo for this visitor
    only, and forgets it when the visitor leaves.
    """

    stream: Stream
    cue: Announce
    settings: DemoSettings
    logger: logging.Logger
    language: Callable[[], str] = _english
    staff_mode: Callable[[], bool] = _not_staff
    second_stream: Stream | None = None
    data_folder: Path | None = None
    report_result: Callable[[Callable[[], str]], None] = _keep_no_result


class Demo(ABC):
    """Base class of every demo.

    Class attributes describe the demo for the menu; ``title`` and ``description`` are English
    source texts that the shell translates in the ``translation_context`` (built-in demos mark them
    with ``QT_TRANSLATE_NOOP("demos", ...)`` so Qt's tools extract them). ``icon`` is a file name
    under ``assets/icons`` or an absolute path. ``staff_settings`` declares the demo's settings
    that staff may change in the console, with their bounds. A fresh instance is made each time a
    visitor opens the demo, so nothing of one visitor survives into the next.
    """

    id: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    icon: ClassVar[str] = "demo.svg"
    requirements: ClassVar[Requirements] = Requirements()
    translation_context: ClassVar[str] = "demos"
    #: What staff may change in the staff console (see :class:`StaffSetting`).
    staff_settings: ClassVar[tuple[StaffSetting, ...]] = ()

    @abstractmethod
    def create_widget(self, context: DemoContext) -> QWidget:
        """Build the demo's UI. Called once, before :meth:`start`."""

    def start(self) -> None:  # noqa: B027 - optional hook, most demos start from their widget
        """The demo is on screen: start timers, stimuli, decoding."""

    def stop(self) -> None:  # noqa: B027 - optional hook
        """Leave no timer, thread or stimulus running. Called once, also after errors."""

    def interrupt(self, reason: StopReason) -> None:  # noqa: B027 - optional hook
        """The shell stopped the visit for now (a touch or the time limit during a flicker, the
        headset lost): stop every stimulus at once and wait. The shell has already hidden the demo
        and put a :class:`~drivers.cues.Stopped` cue into the stream."""

    def resume(self) -> None:  # noqa: B027 - optional hook
        """The visitor chose to continue after :meth:`interrupt`: carry on where the demo paused."""

    def in_flicker_run(self) -> bool:
        """Between two flickers: will the next one come without the visitor asking? While it
        will, the shell keeps stop-on-touch armed, so a visitor can stop at any moment of a run."""
        return False

    def set_staff_mode(self, on: bool) -> None:  # noqa: B027 - optional hook
        """Staff controls may show (``on``) or must hide (off, and always in kiosk mode)."""

    @classmethod  # noqa: B027 - optional hook
    def forget_expired(cls, data_folder: Path, settings: DemoSettings) -> None:
        """Delete what this demo keeps in ``data_folder`` and promised to forget by now (a
        nickname kept until the end of the day). The shell calls it at start, after every visit
        and hourly, so a promise holds even on a day nobody opens the demo. Must not raise for a
        missing or damaged folder."""
