"""The staff PIN pad: a touch keypad that unlocks the staff console, with the lockout of :mod:`app.pin`.

It is a page of the main window, not a dialog: a dialog is a second window a visitor could move,
close with Esc, or lose behind the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.pin import PIN_DIGITS, PinLock
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import STYLE_SHEET, touch_button

KEY_SIZE = QSize(120, 96)


class PinPad(Retranslating, QWidget):
    """Digits, ⌫, Cancel and Unlock; ``sigUnlocked`` when the PIN is right, ``sigCancelled`` on Cancel."""

    sigUnlocked = Signal()
    sigCancelled = Signal()

    def __init__(self, lock: PinLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setStyleSheet(
            STYLE_SHEET
            + """
            #pinTitle { font-size: 30px; font-weight: 600; color: #1f2d3d; }
            #pinDots { font-size: 40px; letter-spacing: 12px; color: #1f2d3d; }
            #pinMessage { font-size: 20px; color: #b42318; }
            QPushButton#pinKey { font-size: 34px; border-radius: 14px; background: white;
                                 border: 2px solid #9aa5b1; color: #1f2d3d; }
            QPushButton#pinKey:pressed { background: #e8edf5; }
            """
        )
        self.entered = ""
        self._message_source: tuple[str, ...] = ()
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(objectName="pinTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.dots = QLabel(objectName="pinDots", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="pinMessage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        for label in (self.title, self.dots, self.message):
            layout.addWidget(label)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate("123456789⌫0"):
            button = QPushButton(key, objectName="pinKey")
            button.setFixedSize(KEY_SIZE)
            button.clicked.connect(lambda _checked=False, pressed=key: self.press(pressed))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        layout.addLayout(grid)
        self.cancel_button = touch_button(primary=False)
        self.cancel_button.clicked.connect(self.cancel)
        self.unlock_button = touch_button()
        self.unlock_button.clicked.connect(self.submit)
        self.unlock_button.setFixedSize(KEY_SIZE)
        grid.addWidget(self.unlock_button, 3, 2)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._show_lock)
        self.retranslate()

    def press(self, key: str) -> None:
        if key == "⌫":
            self.entered = self.entered[:-1]
        elif len(self.entered) < PIN_DIGITS[1]:
            self.entered += key
        self._render()

    def submit(self) -> None:
        entered, self.entered = self.entered, ""
        if self.lock.attempt(entered):
            self.clear()
            self.sigUnlocked.emit()
            return
        if self.lock.seconds_locked() > 0:
            self._show_lock()
            self._lock_timer.start()
        else:
            self._message_source = ("Wrong PIN.",)
        self._render()

    def cancel(self) -> None:
        self.clear()
        self.sigCancelled.emit()

    def clear(self) -> None:
        """Forget the digits typed and the last message (the next person sees a fresh pad)."""
        self.entered = ""
        self._message_source = ()
        self._render()

    def _show_lock(self) -> None:
        left = self.lock.seconds_locked()
        if left <= 0:
            self._lock_timer.stop()
            self._message_source = ()
        else:
            self._message_source = ("Too many wrong PINs. Try again in %1 s.", str(int(left + 0.999)))
        self._render()

    def _render(self) -> None:
        self.dots.setText("●" * len(self.entered) or " ")
        locked = self.lock.seconds_locked() > 0
        self.unlock_button.setEnabled(not locked and len(self.entered) >= PIN_DIGITS[0])
        if not self._message_source:
            self.message.setText("")
        elif self._message_source[0] == "Wrong PIN.":
            self.message.setText(translate("PinPad", "Wrong PIN."))
        else:
            self.message.setText(
                fill(translate("PinPad", "Too many wrong PINs. Try again in %1 s."), self._message_source[1])
            )

    def retranslate(self) -> None:
        self.title.setText(translate("PinPad", "Staff PIN"))
        self.cancel_button.setText(translate("PinPad", "Cancel"))
        self.unlock_button.setText(translate("PinPad", "Unlock"))
        self._render()
