"""Staff fill the console's fields with taps only: the serial port and a new PIN on the console's
own keyboard, the idle timeout with its − and + buttons. No key events: the kiosk has no keyboard."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import pin
from app.config import BOARD_PARAMS, IDLE_TIMEOUT
from app.settings import AppSettings
from app.staff_console.console import StaffConsole
from app.usage import UsageLog
from demos.kit.i18n import translate
from demos.kit.keyboard_widget import ACTION_LABELS, LAYOUT_LABELS
from tests.app.staff_console.test_console import FakeHost, choose
from tests.demos.screens import save

#: Keys that type nothing, by their English label (the test reads them in the language shown).
NAMED_KEYS = {*ACTION_LABELS.values(), *LAYOUT_LABELS.values()}


@pytest.fixture
def console(qtbot, tmp_path):
    usage = UsageLog(tmp_path / "data" / "usage.sqlite3")
    host = FakeHost(AppSettings(tmp_path / "settings.ini"), usage)
    widget = StaffConsole(host)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    yield widget
    usage.close()


def tap(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_keys(qtbot, keyboard, labels) -> None:
    """Touch each key showing one of ``labels`` in turn on the keyboard's current page."""
    for label in labels:
        label = translate("Keyboard", label) if label in NAMED_KEYS else label
        _, rows = keyboard._pages[keyboard.state.layout]
        matching = [button for row in rows for button in row if button.text() == label]
        assert len(matching) == 1, label
        tap(qtbot, matching[0])


def below(upper, lower) -> bool:
    """Whether ``lower`` starts under ``upper``'s bottom edge (so it cannot cover it)."""
    window = upper.window()
    return (
        lower.mapTo(window, lower.rect().topLeft()).y() >= upper.mapTo(window, upper.rect().bottomLeft()).y()
    )


def on_screen(widget) -> bool:
    """Whether all of ``widget`` shows in its scrolling page's viewport."""
    return widget.visibleRegion().boundingRect().size() == widget.size()


def test_staff_type_the_serial_port_with_taps(qtbot, console, language):
    headset = console.headset
    choose(console, "cyton")
    field = headset.port_box.lineEdit()
    tap(qtbot, field)
    keyboard = headset.keyboard
    assert keyboard.isVisible() and keyboard.field is field and below(headset.port_row, keyboard)
    assert on_screen(field) and on_screen(keyboard)  # scrolled into view, all of it
    for _ in range(len(field.text())):
        tap_keys(qtbot, keyboard, ["Delete"])
    tap_keys(qtbot, keyboard, ["#+=", "/"])
    tap_keys(qtbot, keyboard, ["ABC", *"dev"])
    tap_keys(qtbot, keyboard, ["#+=", "/"])
    tap_keys(qtbot, keyboard, ["ABC", *"tty", "Shift", "U", "Shift", "S", "Shift", "B", "0"])
    QApplication.processEvents()
    assert keyboard.height() == keyboard.sizeHint().height()  # not stretched by layouts switched
    save(console, "console_port_keyboard", language, visitor=False)
    tap_keys(qtbot, keyboard, ["Done"])
    assert field.text() == "/dev/ttyUSB0" and not keyboard.isVisible()
    tap(qtbot, headset.apply_button)
    assert json.loads(console.host.settings.value(BOARD_PARAMS.key, "")) == {"serial_port": "/dev/ttyUSB0"}
    assert console.host.applied[-1].params["serial_port"] == "/dev/ttyUSB0"


def test_the_keyboard_follows_the_field_tapped(qtbot, console):
    headset = console.headset
    choose(console, "muse2")
    tap(qtbot, headset.serial_number_edit)
    assert headset.keyboard.field is headset.serial_number_edit
    assert below(headset.serial_number_edit, headset.keyboard)
    tap_keys(
        qtbot,
        headset.keyboard,
        ["Shift", "M", "Shift", "U", "Shift", "S", "Shift", "E", "#+=", "-", "4", "2"],
    )
    assert headset.serial_number_edit.text() == "MUSE-42"
    choose(console, "cyton")  # the serial number's row goes: so does the keyboard
    assert not headset.keyboard.isVisible()


def test_staff_change_the_pin_with_taps(qtbot, console, language):
    showroom = console.showroom
    console.tabs.setCurrentWidget(showroom)
    keyboard = showroom.pin_keyboard
    assert not keyboard.isVisible()
    tap(qtbot, showroom.pin_edit)
    assert keyboard.isVisible() and below(showroom.pin_again_edit, keyboard)
    assert on_screen(showroom.pin_edit) and on_screen(keyboard)
    tap_keys(qtbot, keyboard, [*"8642097", "Delete", "Done"])  # Done goes on to the second field
    assert showroom.pin_edit.text() == "864209" and keyboard.field is showroom.pin_again_edit
    tap_keys(qtbot, keyboard, [*"864209"])
    save(console, "console_pin_keyboard", language, visitor=False)
    tap_keys(qtbot, keyboard, ["Done"])
    assert not keyboard.isVisible()
    tap(qtbot, showroom.change_pin_button)
    assert pin.check_pin(console.host.settings, "864209") and not pin.is_factory_pin(console.host.settings)


def test_staff_change_the_idle_timeout_with_taps(qtbot, console):
    showroom = console.showroom
    console.tabs.setCurrentWidget(showroom)
    spin = showroom.idle_spin
    before = spin.value()
    touch = spin.parentWidget()
    assert touch.plus.height() >= 48 and touch.minus.width() >= 48
    tap(qtbot, touch.plus)
    tap(qtbot, touch.plus)
    tap(qtbot, touch.minus)
    assert spin.value() == before + spin.singleStep()
    assert IDLE_TIMEOUT.read(console.host.settings) == before + spin.singleStep()


def test_apply_stays_put_when_the_profile_changes_and_the_keyboard_opens(qtbot, console):
    """Issue 22: choosing a profile with fewer fields moved Apply up ~100 px, and the serial port's
    keyboard pushed it below the fold and made it jump with each layout switched."""
    console.resize(1920, 1080)  # the kiosk's screen
    headset = console.headset

    def apply_at():
        QApplication.processEvents()
        button = headset.apply_button
        assert on_screen(button)
        return button.mapTo(console, button.rect().topLeft()), button.size()

    choose(console, "cyton")
    where = apply_at()
    choose(console, "virtual_visitor")
    assert apply_at() == where
    choose(console, "cyton")
    assert apply_at() == where
    tap(qtbot, headset.port_box.lineEdit())
    assert headset.keyboard.isVisible() and apply_at() == where
    tap_keys(qtbot, headset.keyboard, ["#+=", "/"])
    assert apply_at() == where
    tap_keys(qtbot, headset.keyboard, ["ABC", "Done"])
    assert not headset.keyboard.isVisible() and apply_at() == where
    tap(qtbot, headset.apply_button)
    assert headset.message_label.text() and apply_at() == where
