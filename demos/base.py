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
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from drivers.cues import Cue, StopReason
from drivers.roles import Role

if TYPE_CHECKING:  # the widget type is only named, never needed at run time here
    from PySide6.QtWidgets import QWidget

    from drivers.stream import Stream


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


class Announce(Protocol):
    """``context.cue(cue, at=None)``: see :class:`DemoContext`."""

    def __call__(self, cue: Cue, at: float | None = None) -> None: ...


def _english() -> str:
    return "en"


def _not_staff() -> bool:
    return False


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
    """

    stream: Stream
    cue: Announce
    settings: DemoSettings
    logger: logging.Logger
    language: Callable[[], str] = _english
    staff_mode: Callable[[], bool] = _not_staff
    second_stream: Stream | None = None
    data_folder: Path | None = None


class Demo(ABC):
    """Base class of every demo.

    Class attributes describe the demo for the menu; ``title`` and ``description`` are English
    source texts that the shell translates in the ``translation_context`` (built-in demos mark them
    with ``QT_TRANSLATE_NOOP("demos", ...)`` so Qt's tools extract them). ``icon`` is a file name
    under ``assets/icons`` or an absolute path. A fresh instance is made each time a visitor opens
    the demo, so nothing of one visitor survives into the next.
    """

    id: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    icon: ClassVar[str] = "demo.svg"
    requirements: ClassVar[Requirements] = Requirements()
    translation_context: ClassVar[str] = "demos"

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

    def set_staff_mode(self, on: bool) -> None:  # noqa: B027 - optional hook
        """Staff controls may show (``on``) or must hide (off, and always in kiosk mode)."""
