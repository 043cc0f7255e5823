"""The demo contract: what a demo declares and the little it gets from the shell.

Modelled on Mu's ``BaseMode``: a demo is a small class with an id, a title, a description, an icon,
what it needs from the headset, and ``create_widget`` / ``start`` / ``stop``. The shell owns
everything else (menus, board, languages, errors). A demo gets a :class:`DemoContext` and nothing
more: the stream to read, a way to put markers into it, its own settings and a logger.

This module imports no Qt, so the contract can be checked (and ``processing`` modules tested)
without a display.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from drivers.roles import Role

if TYPE_CHECKING:  # the widget type is only named, never needed at run time here
    from PySide6.QtWidgets import QWidget

    from drivers.stream import Stream
    from drivers.virtual_visitor import VirtualVisitor


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
    show flashing light, so the shell can warn and gate them.
    """

    roles: tuple[Role, ...] = ()
    min_channels: int = 1
    flickers: bool = False

    def unmet_by(self, montage: Sequence[Role]) -> list[Unmet]:
        """Why a montage (the roles of a board's channels, in order) cannot serve this demo."""
        reasons = [Unmet("role", role=role) for role in self.roles if role not in montage]
        if len(montage) < self.min_channels:
            reasons.append(Unmet("channels", needed=self.min_channels, available=len(montage)))
        return reasons


class DemoSettings(Protocol):
    """A demo's own persistent settings (the shell scopes them by demo id)."""

    def value(self, key: str, default: Any = None) -> Any: ...
    def set_value(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class DemoContext:
    """Everything a demo may use of the shell.

    ``visitor`` is the simulated person when the board is the virtual visitor (None on a real
    headset): a demo tells it what a real visitor would do when following the demo's cues (look at
    the cued key, imagine the cued hand), so every demo works end to end without a headset.
    """

    stream: Stream
    insert_marker: Callable[[float], None]
    settings: DemoSettings
    logger: logging.Logger
    visitor: VirtualVisitor | None = None


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
