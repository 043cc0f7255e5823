"""The console's Showroom tab: the visitors' default language, kiosk mode, the idle timeout, the
staff PIN, and quitting the showroom."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import pin
from app.config import IDLE_TIMEOUT, KIOSK, LANGUAGE, LANGUAGES
from app.i18n import stored_language
from app.pin_pad import pin_problem_text
from app.staff_console.host import StaffHost
from app.staff_console.widgets import FIELD_MAX_PX, TouchSpin, _label, _line_edit, _scrolling
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.keyboard import PIN_LAYOUTS
from demos.kit.keyboard_widget import TouchKeyboard
from demos.kit.widgets import touch_button, touch_combo_box

log = logging.getLogger(__name__)


class ShowroomSection(Retranslating, QWidget):
    """Default language, kiosk mode, idle timeout, the staff PIN, and quitting the showroom."""

    sigQuit = Signal()

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._pin_message: tuple[str, Callable[[], str]] = ("", str)
        settings = host.settings
        self.general_box = QGroupBox()
        general = QFormLayout(self.general_box)
        general.setVerticalSpacing(12)
        self.language_caption = QLabel()
        self.language_box = touch_combo_box()
        self.language_box.setMaximumWidth(FIELD_MAX_PX // 2)
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(
            lambda index: LANGUAGE.write(settings, self.language_box.itemData(index))
        )
        self.kiosk_box = QCheckBox()
        self.kiosk_box.toggled.connect(lambda on: KIOSK.write(settings, bool(on)))
        self.idle_caption = QLabel()
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(*IDLE_TIMEOUT.bounds)
        self.idle_spin.setSingleStep(10)
        self.idle_spin.valueChanged.connect(lambda value: IDLE_TIMEOUT.write(settings, int(value)))
        self.idle_hint = _label("consoleHint")
        general.addRow(self.language_caption, self.language_box)
        general.addRow("", self.kiosk_box)
        general.addRow(self.idle_caption, TouchSpin(self.idle_spin))
        general.addRow("", self.idle_hint)

        self.pin_box = QGroupBox()
        pin_form = QFormLayout(self.pin_box)
        pin_form.setVerticalSpacing(12)
        self.factory_label = _label("consoleWarning")
        self.pin_caption, self.pin_again_caption = QLabel(), QLabel()
        self.pin_edit, self.pin_again_edit = _line_edit(), _line_edit()
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(pin.PIN_DIGITS[1])
            edit.setValidator(QRegularExpressionValidator(f"[0-9]{{0,{pin.PIN_DIGITS[1]}}}", edit))
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            edit.setMaximumWidth(FIELD_MAX_PX // 2)
        # A digits pad of the console's own under both fields (the touch screen has no keyboard);
        # Done in the first field goes on to the second.
        self.pin_keyboard = TouchKeyboard(PIN_LAYOUTS)
        self.pin_keyboard.setMaximumWidth(FIELD_MAX_PX // 2)
        self.pin_keyboard.serve(self.pin_edit)
        self.pin_keyboard.serve(self.pin_again_edit)
        self.pin_keyboard.sigDone.connect(self._on_pin_keyboard_done)
        self.change_pin_button = touch_button()
        self.change_pin_button.clicked.connect(self.change_pin)
        self.pin_message_label = _label()
        pin_form.addRow(self.factory_label)
        pin_form.addRow(self.pin_caption, self.pin_edit)
        pin_form.addRow(self.pin_again_caption, self.pin_again_edit)
        pin_form.addRow("", self.pin_keyboard)
        pin_line = QHBoxLayout()
        pin_line.setSpacing(16)
        pin_line.addWidget(self.change_pin_button)
        pin_line.addWidget(self.pin_message_label, 1)
        pin_form.addRow("", pin_line)

        self.quit_box = QGroupBox()
        quit_column = QVBoxLayout(self.quit_box)
        self.quit_hint = _label("consoleHint")
        self.quit_button = touch_button(primary=False)
        self.quit_button.clicked.connect(lambda: self._ask_quit(True))
        self.confirm_label = _label("consoleWarning")
        self.confirm_quit_button = touch_button()
        self.confirm_quit_button.clicked.connect(self.sigQuit)
        self.cancel_quit_button = touch_button(primary=False)
        self.cancel_quit_button.clicked.connect(lambda: self._ask_quit(False))
        quit_column.addWidget(self.quit_hint)
        quit_line = QHBoxLayout()
        for widget in (
            self.quit_button,
            self.confirm_label,
            self.confirm_quit_button,
            self.cancel_quit_button,
        ):
            quit_line.addWidget(widget)
        quit_line.addStretch(1)
        quit_column.addLayout(quit_line)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 8, 16, 16)
        for box in (self.general_box, self.pin_box, self.quit_box):
            column.addWidget(box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self._ask_quit(False)
        self.reload()
        self.retranslate()

    def reload(self) -> None:
        settings = self.host.settings
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(stored_language(settings))))
        for widget, value in (
            (self.kiosk_box, KIOSK.read(settings)),
            (self.idle_spin, IDLE_TIMEOUT.read(settings)),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value))
            widget.blockSignals(False)
        self._show_factory_warning()

    def change_pin(self) -> bool:
        """Store the new staff PIN if both fields hold the same PIN :func:`app.pin.pin_problem`
        accepts; say why not otherwise, in one sentence."""
        first, again = self.pin_edit.text(), self.pin_again_edit.text()
        problem = pin.pin_problem(first)
        if problem is not None:
            self._set_pin_message("consoleError", lambda: pin_problem_text(problem))
            return False
        if first != again:
            self._set_pin_message(
                "consoleError",
                lambda: translate("StaffConsole", "The two PINs differ: type the same PIN twice."),
            )
            return False
        try:
            pin.set_pin(self.host.settings, first)
        except Exception:
            log.exception("the staff PIN could not be stored")
            self._set_pin_message(
                "consoleError", lambda: translate("StaffConsole", "The PIN could not be saved; see the log.")
            )
            return False
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self.pin_keyboard.close_keyboard()
        self._set_pin_message("consoleDone", lambda: translate("StaffConsole", "The staff PIN is changed."))
        self._show_factory_warning()
        return True

    def _on_pin_keyboard_done(self) -> None:
        if self.pin_keyboard.field is self.pin_edit:
            self.pin_keyboard.open_for(self.pin_again_edit)

    def forget_outcome(self) -> None:
        """The last PIN change's outcome is old news: clear it."""
        self._set_pin_message("", lambda: "")

    def _set_pin_message(self, object_name: str, say: Callable[[], str]) -> None:
        """Show ``say()`` (said again in the new language when it changes)."""
        self._pin_message = (object_name, say)
        self.pin_message_label.setObjectName(object_name)
        self.pin_message_label.setText(say())
        self.pin_message_label.setStyleSheet(self.pin_message_label.styleSheet())

    def _show_factory_warning(self) -> None:
        try:
            factory = pin.is_factory_pin(self.host.settings)
        except Exception:
            log.exception("the staff PIN setting cannot be read")
            factory = True
        self.factory_label.setVisible(factory)

    def _ask_quit(self, asking: bool) -> None:
        self.quit_button.setVisible(not asking)
        for widget in (self.confirm_label, self.confirm_quit_button, self.cancel_quit_button):
            widget.setVisible(asking)

    def retranslate(self) -> None:
        self.general_box.setTitle(translate("StaffConsole", "Visitors"))
        self.language_caption.setText(translate("StaffConsole", "Language at the start"))
        self.kiosk_box.setText(
            translate("StaffConsole", "Kiosk mode (full screen, locked) from the next start")
        )
        self.idle_caption.setText(translate("StaffConsole", "Idle timeout (s)"))
        self.idle_hint.setText(
            translate(
                "StaffConsole",
                "With nobody touching the screen this long, the showroom returns to its start.",
            )
        )
        self.pin_box.setTitle(translate("StaffConsole", "Staff PIN"))
        self.factory_label.setText(
            translate(
                "StaffConsole",
                "The factory PIN is still in use: anyone who knows it can get in, and kiosk mode "
                "asks for a new PIN before it serves visitors. Set your own.",
            )
        )
        self.pin_caption.setText(fill(translate("StaffConsole", "New PIN (%1–%2 digits)"), *pin.PIN_DIGITS))
        self.pin_again_caption.setText(translate("StaffConsole", "New PIN again"))
        self.change_pin_button.setText(translate("StaffConsole", "Change PIN"))
        self._set_pin_message(*self._pin_message)
        self.quit_box.setTitle(translate("StaffConsole", "End of the day"))
        self.quit_hint.setText(
            translate("StaffConsole", "Quitting stops the headset and closes the showroom.")
        )
        self.quit_button.setText(translate("StaffConsole", "Quit showroom"))
        self.confirm_label.setText(translate("StaffConsole", "Quit now?"))
        self.confirm_quit_button.setText(translate("StaffConsole", "Quit"))
        self.cancel_quit_button.setText(translate("StaffConsole", "Cancel"))
