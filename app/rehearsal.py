"""Rehearsal keys: staff steer the virtual visitor from the keyboard to show or test a demo.

Only for the virtual visitor and only outside kiosk mode (a visitor's key presses must never do
this). The keys act on the visitor's intent, never on the board.

The status bar says what the virtual visitor is doing. Why it is worked out against the clock and
refreshed on a timer (:data:`REFRESH_MS`), not only when a key or a cue changes the visitor: much of
what the visitor does has a time in it. A cue may be announced for a moment that has not come yet
(the visitor then starts looking at the flicker's onset, and :func:`describe` says so until then);
a blink, a clench, an electrode pop and a radio gap end by themselves. Described only when a key
was pressed or a cue announced, the line said "looking" for a flicker still to come, never showed
a blink or a clench, and kept a fault's state until the next key.

Between two flickers of the speller (its cue and feedback phases) the virtual visitor looks at
nothing (the flow's decision or flicker-end cue makes it look away), and the line says "resting":
that is what its EEG does then.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from drivers.roles import Role
from drivers.simulation.virtual_visitor import BLINK_DURATION_S, POP_DECAY_S, VirtualVisitor, VisitorState
from drivers.stream.readers import Stream

#: How often the description is brought up to date (ms); a changed text is emitted, nothing else.
REFRESH_MS = 250
#: An electrode pop shows in the description this long (s): about as long as the trace needs to settle.
POP_SHOWN_S = 3 * POP_DECAY_S

#: Flicker frequencies of the targets behind keys 1-9 until a demo shows targets of its own.
REHEARSAL_TARGETS_HZ = (8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 15.8)
FOCUSED, UNFOCUSED = 0.9, 0.5


#: (key, what it does) in the order the help lists them.
KEY_HELP = (
    ("1 … 9", QT_TRANSLATE_NOOP("Rehearsal", "look at flickering target 1 … 9 (8 – 15.8 Hz)")),
    ("0", QT_TRANSLATE_NOOP("Rehearsal", "look away from the targets")),
    ("← / →", QT_TRANSLATE_NOOP("Rehearsal", "imagine moving the left / right hand")),
    ("↓", QT_TRANSLATE_NOOP("Rehearsal", "stop imagining")),
    ("F", QT_TRANSLATE_NOOP("Rehearsal", "focus on / off")),
    ("R", QT_TRANSLATE_NOOP("Rehearsal", "relax with eyes closed on / off")),
    ("B", QT_TRANSLATE_NOOP("Rehearsal", "blink")),
    ("J", QT_TRANSLATE_NOOP("Rehearsal", "clench the jaw for a second")),
    ("I", QT_TRANSLATE_NOOP("Rehearsal", "BCI-illiterate visitor on / off")),
    ("F5", QT_TRANSLATE_NOOP("Rehearsal", "fault: flat electrode")),
    ("F6", QT_TRANSLATE_NOOP("Rehearsal", "fault: railed electrode")),
    ("F7", QT_TRANSLATE_NOOP("Rehearsal", "fault: electrode pop")),
    ("F8", QT_TRANSLATE_NOOP("Rehearsal", "fault: take the headset off / put it back")),
    ("F9", QT_TRANSLATE_NOOP("Rehearsal", "fault: 2 s radio gap")),
    ("F12", QT_TRANSLATE_NOOP("Rehearsal", "clear all faults")),
)


def key_help_text() -> str:
    return "\n".join(f"{key}\t{QCoreApplication.translate('Rehearsal', text)}" for key, text in KEY_HELP)


def describe(state: VisitorState, now: float | None = None) -> str:
    """What the visitor is doing at ``now`` (the visitor's clock; default: the wall clock, which is the
    virtual headset's clock in the app), in a few words for the status bar."""
    now = time.time() if now is None else now
    parts = []
    if state.gaze is not None:
        frequency = f"{state.gaze.frequency_hz:g}"
        if state.gaze.onset > now:  # a flicker announced for a moment still to come
            parts.append(
                QCoreApplication.translate("Rehearsal", "about to look at %1 Hz").replace("%1", frequency)
            )
        else:
            parts.append(QCoreApplication.translate("Rehearsal", "looking at %1 Hz").replace("%1", frequency))
    if state.imagery == "left":
        parts.append(QCoreApplication.translate("Rehearsal", "imagining the left hand"))
    elif state.imagery == "right":
        parts.append(QCoreApplication.translate("Rehearsal", "imagining the right hand"))
    if state.relaxed:
        parts.append(QCoreApplication.translate("Rehearsal", "relaxed, eyes closed"))
    if state.attention >= FOCUSED:
        parts.append(QCoreApplication.translate("Rehearsal", "focused"))
    if any(onset <= now < onset + BLINK_DURATION_S for onset in state.blinks):
        parts.append(QCoreApplication.translate("Rehearsal", "blinking"))
    if now <= state.clench_until:
        parts.append(QCoreApplication.translate("Rehearsal", "clenching the jaw"))
    if state.illiterate:
        parts.append(QCoreApplication.translate("Rehearsal", "BCI-illiterate"))
    if state.headset_off_since is not None:
        parts.append(QCoreApplication.translate("Rehearsal", "headset off"))
    elif state.flat or state.railed:
        parts.append(QCoreApplication.translate("Rehearsal", "electrode fault"))
    if any(at <= now < at + POP_SHOWN_S for _channel, at in state.pops):
        parts.append(QCoreApplication.translate("Rehearsal", "electrode pop"))
    if state.gap[0] <= now < state.gap[1]:
        parts.append(QCoreApplication.translate("Rehearsal", "radio gap"))
    return QCoreApplication.translate("Rehearsal", "Virtual visitor: %1").replace(
        "%1", ", ".join(parts) or QCoreApplication.translate("Rehearsal", "resting")
    )


class RehearsalKeys(QObject):
    """Installs the rehearsal shortcuts on a window; :attr:`sigChanged` carries the description of
    what the visitor does after each key, and whenever it changed by itself (checked every
    :data:`REFRESH_MS`: a cue's moment came, a blink or a clench ended)."""

    sigChanged = Signal(str)

    def __init__(self, window: QWidget, visitor: VirtualVisitor, stream: Stream) -> None:
        super().__init__(window)
        self.visitor = visitor
        occipital = stream.channels_with_role(Role.OCCIPITAL) or [0]
        # Faults hit an electrode a demo relies on, so their effect shows where it matters.
        self._fault_channel = occipital[len(occipital) // 2]
        bindings: dict[str, Callable[[], None]] = {
            "0": visitor.look_away,
            "Left": lambda: visitor.imagine("left"),
            "Right": lambda: visitor.imagine("right"),
            "Down": lambda: visitor.imagine(None),
            "F": lambda: visitor.set_attention(UNFOCUSED if self.state.attention >= FOCUSED else FOCUSED),
            "R": lambda: visitor.set_relaxed(not self.state.relaxed),
            "B": visitor.blink,
            "J": visitor.clench,
            "I": lambda: visitor.set_illiterate(not self.state.illiterate),
            "F5": lambda: visitor.flat_channel(self._fault_channel),
            "F6": lambda: visitor.rail_channel(self._fault_channel),
            "F7": lambda: visitor.pop_electrode(self._fault_channel),
            "F8": self._toggle_headset,
            "F9": lambda: visitor.radio_gap(2.0),
            "F12": visitor.clear_faults,
        }
        for number, frequency in enumerate(REHEARSAL_TARGETS_HZ, start=1):
            bindings[str(number)] = lambda f=frequency: visitor.look_at(f)
        self.shortcuts = []
        for key, action in bindings.items():
            shortcut = QShortcut(QKeySequence(key), window)
            # The kiosk has one window; application-wide keys also work while a message box is up.
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(lambda run=action: self._apply(run))
            self.shortcuts.append(shortcut)
        self._described = ""
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._refresh_if_changed)
        self.timer.start()

    @property
    def state(self) -> VisitorState:
        return self.visitor.snapshot()

    def _toggle_headset(self) -> None:
        if self.visitor.headset_off:
            self.visitor.put_on_headset()
        else:
            self.visitor.take_off_headset()

    @property
    def description(self) -> str:
        """What the visitor does now, in the current language."""
        return describe(self.state, self.visitor.clock())

    def refresh(self) -> None:
        """Emit the description now (after a cue, a language change...), changed or not."""
        self._described = self.description
        self.sigChanged.emit(self._described)

    def _refresh_if_changed(self) -> None:
        if self.description != self._described:
            self.refresh()

    def _apply(self, action: Callable[[], None]) -> None:
        action()
        self.refresh()
