"""The staff's touch keypads: :class:`PinPad` unlocks the staff console, with the lockout of
:mod:`app.pin`; :class:`NewPinPad` is where staff choose a new PIN (a kiosk shows it first while
the factory PIN is in use).

They are pages of the main window, not dialogs: a dialog is a second window a visitor could move,
close with Esc, or lose behind the kiosk.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.config import SettingsStore
from app.pin import PIN_DIGITS, UNLOCK_MIN_DIGITS, PinLock, PinProblem, pin_problem, set_pin
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import STYLE_SHEET, touch_button

log = logging.getLogger(__name__)
KEY_SIZE = QSize(120, 96)
#: Between two keys.
KEY_SPACING_PX = 12
#: Between the digits and Cancel, more than the keys' own spacing.
CANCEL_GAP_PX = 32
#: Why a new PIN is refused, one sentence each (``%1``, ``%2``: the fewest and most digits).
PIN_PROBLEM_TEXT = {
    PinProblem.LENGTH: QT_TRANSLATE_NOOP("PinPad", "A staff PIN is %1 to %2 digits."),
    PinProblem.GUESSABLE: QT_TRANSLATE_NOOP(
        "PinPad", "Too easy to guess: no runs like 123456 and no digit or group repeated."
    ),
}


def pin_problem_text(problem: PinProblem) -> str:
    """Why a new PIN is refused, in the language of the moment."""
    return fill(translate("PinPad", PIN_PROBLEM_TEXT[problem]), *PIN_DIGITS)


def wait_text(seconds: float) -> str:
    """How long the pad stays locked: seconds under two minutes, minutes above."""
    if seconds < 120:
        return fill(translate("PinPad", "Too many wrong PINs. Try again in %1 s."), math.ceil(seconds))
    return fill(translate("PinPad", "Too many wrong PINs. Try again in %1 min."), math.ceil(seconds / 60))


def _as_key(button: QPushButton, width: int = KEY_SIZE.width()) -> None:
    """``button`` the size of a key, its label whole (a touch button's wide padding clipped "Unlock")."""
    button.setFixedSize(width, KEY_SIZE.height())
    button.setStyleSheet(button.styleSheet() + f"QPushButton#{button.objectName()} {{ padding: 0 4px; }}")


class Keypad(Retranslating, QWidget):
    """Digits and ⌫, a title, the dots typed, a message, and one action key (subclasses' own)."""

    def __init__(self, max_digits: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_digits = max_digits
        self.setStyleSheet(
            STYLE_SHEET
            + """
            #pinTitle { font-size: 30px; font-weight: 600; color: #1f2d3d; }
            #pinHint { font-size: 20px; color: #1f2d3d; }
            #pinDots { font-size: 40px; letter-spacing: 12px; color: #1f2d3d; }
            #pinMessage { font-size: 20px; color: #b42318; }
            QPushButton#pinKey { font-size: 34px; border-radius: 14px; background: white;
                                 border: 2px solid #9aa5b1; color: #1f2d3d; }
            QPushButton#pinKey:pressed { background: #e8edf5; }
            QPushButton#pinKey:disabled { background: #e3e7ec; color: #9aa5b1; border-color: #c9d0d8; }
            """
        )
        self.entered = ""
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(objectName="pinTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(objectName="pinHint", alignment=Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.dots = QLabel(objectName="pinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="pinMessage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        for label in (self.hint, self.message):  # a sentence on two lines, not five under the keys
            label.setMinimumWidth(6 * KEY_SIZE.width())
        self.message.setMinimumHeight(64)  # two lines: a message must not move the keys a finger aims at
        for label in (self.title, self.hint, self.dots, self.message):
            layout.addWidget(label)
        keypad = QWidget()
        grid = QGridLayout(keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(KEY_SPACING_PX)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate("123456789⌫0"):
            button = QPushButton(key, objectName="pinKey")
            button.setFixedSize(KEY_SIZE)
            button.clicked.connect(lambda _checked=False, pressed=key: self.press(pressed))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        layout.addWidget(keypad, 0, Qt.AlignmentFlag.AlignCenter)  # the keys together, however wide the text
        self.action_button = touch_button()
        self.action_button.clicked.connect(self.submit)
        _as_key(self.action_button)
        grid.addWidget(self.action_button, 3, 2)

    def press(self, key: str) -> None:
        if key == "⌫":
            self.entered = self.entered[:-1]
        elif len(self.entered) < self.max_digits:
            self.entered += key
        self._render()

    def submit(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} must implement submit()")

    def _render(self) -> None:
        self.dots.setText("●" * len(self.entered) or " ")


class PinPad(Keypad):
    """Digits, ⌫, Cancel and Unlock; ``sigUnlocked`` when the PIN is right, ``sigCancelled`` on Cancel.
    While the lock refuses tries, it says how long is left."""

    sigUnlocked = Signal()
    sigCancelled = Signal()

    def __init__(self, lock: PinLock, parent: QWidget | None = None) -> None:
        super().__init__(PIN_DIGITS[1], parent)
        self.lock = lock
        self.unlock_button = self.action_button
        self.cancel_button = touch_button(primary=False)
        self.cancel_button.clicked.connect(self.cancel)
        # A key as tall as the digits and as wide as their rows, a clear gap under them: a finger
        # aiming at 0 never cancels.
        _as_key(self.cancel_button, 3 * KEY_SIZE.width() + 2 * KEY_SPACING_PX)
        self.layout().addSpacing(CANCEL_GAP_PX)
        self.layout().addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        self._wrong = False
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._render)
        self.retranslate()

    def press(self, key: str) -> None:
        if self.lock.seconds_locked() <= 0:
            super().press(key)

    def submit(self) -> None:
        entered, self.entered = self.entered, ""
        if self.lock.attempt(entered):
            self.clear()
            self.sigUnlocked.emit()
            return
        self._wrong = True
        self._render()

    def cancel(self) -> None:
        self.clear()
        self.sigCancelled.emit()

    def clear(self) -> None:
        """Forget the digits typed and the last message (the next person sees a fresh pad, and
        how long a lock still lasts)."""
        self.entered = ""
        self._wrong = False
        self._render()

    def _render(self) -> None:
        super()._render()
        left = self.lock.seconds_locked()
        self.unlock_button.setEnabled(left <= 0 and len(self.entered) >= UNLOCK_MIN_DIGITS)
        for button in self.keys.values():  # no dots for tries the lock refuses anyway
            button.setEnabled(left <= 0)
        if left > 0:
            self._lock_timer.start()
            self.message.setText(wait_text(left))
            return
        self._lock_timer.stop()
        self.message.setText(translate("PinPad", "Wrong PIN.") if self._wrong else "")

    def retranslate(self) -> None:
        self.title.setText(translate("PinPad", "Staff PIN"))
        self.cancel_button.setText(translate("PinPad", "Cancel"))
        self.unlock_button.setText(translate("PinPad", "Unlock"))
        self._render()


class NewPinPad(Keypad):
    """Staff choose a new PIN: type it, Next, type it again, Save; ``sigPinSet`` once it is stored.
    A PIN :func:`app.pin.pin_problem` refuses, or two that differ, get one sentence. There is no
    Cancel: the kiosk serves visitors only once a PIN of the staff's own is set."""

    sigPinSet = Signal()

    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(PIN_DIGITS[1], parent)
        self.settings = settings
        self.first = ""  # the PIN typed the first time, while it is typed again
        #: Staff replace a PIN too short or guessable (else: the factory PIN, on a kiosk's first start).
        self.replacing_weak = False
        self._message_source = ""
        self.hint.show()
        self.retranslate()

    def submit(self) -> None:
        entered, self.entered = self.entered, ""
        if not self.first:
            problem = pin_problem(entered)
            self._message_source = "" if problem is None else problem.value
            self.first = entered if problem is None else ""
        elif entered != self.first:
            self.first = ""
            self._message_source = "differ"
        else:
            try:
                set_pin(self.settings, entered)
            except Exception:
                log.exception("the new staff PIN could not be stored")
                self._message_source = "unsaved"
            else:
                self.clear()
                self.sigPinSet.emit()
                return
            self.first = ""
        self.retranslate()

    def ask(self, *, replacing_weak: bool) -> None:
        """A fresh pad, saying why a new PIN is needed."""
        self.replacing_weak = replacing_weak
        self.clear()

    def clear(self) -> None:
        self.entered, self.first, self._message_source = "", "", ""
        self.retranslate()

    def _render(self) -> None:
        super()._render()
        self.action_button.setEnabled(len(self.entered) >= PIN_DIGITS[0])

    def retranslate(self) -> None:
        if self.first:
            self.title.setText(translate("PinPad", "Type the new staff PIN again"))
            self.action_button.setText(translate("PinPad", "Save"))
        else:
            self.title.setText(translate("PinPad", "Choose a new staff PIN"))
            self.action_button.setText(translate("PinPad", "Next"))
        if self.replacing_weak:
            hint = translate(
                "PinPad", "Staff: your PIN is too short or easy to guess. Choose a new one, %1 to %2 digits."
            )
        else:
            hint = translate(
                "PinPad", "Staff: the factory PIN does not open this kiosk. Choose your own, %1 to %2 digits."
            )
        self.hint.setText(fill(hint, *PIN_DIGITS))
        problems = {problem.value: problem for problem in PinProblem}
        if self._message_source in problems:
            message = pin_problem_text(problems[self._message_source])
        elif self._message_source == "differ":
            message = translate("PinPad", "The two PINs differ: choose the new PIN again.")
        elif self._message_source == "unsaved":
            message = translate("PinPad", "The PIN could not be saved; see the log.")
        else:
            message = ""
        self.message.setText(message)
        self._render()
