"""The staff's PIN pad touched as staff touch it (clicks only, the lock's clocks injected): locked
keys take no input, and Cancel is a full key well clear of the digits (issue 22)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

import app.pin
from app.pin import FIRST_TRIES, LOCK_STEPS_S, PinLock, set_pin
from app.pin_pad import PinPad
from app.settings import AppSettings

PIN = "731946"


class Clock:
    """The lock's monotonic and wall clocks, stepped by the test."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1_765_000_000.0 + self.now


@pytest.fixture
def pad(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(app.pin, "SCRYPT_N", 2**10)  # the hash's cost has its own test
    settings = AppSettings(tmp_path / "s.ini")
    set_pin(settings, PIN)
    clock = Clock()
    pad = PinPad(PinLock(settings, clock.monotonic, clock.wall))
    pad.clock = clock
    qtbot.addWidget(pad)
    pad.resize(1920, 1080)
    pad.show()
    return pad


def tap(qtbot, pad, keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)


def test_while_locked_the_keys_take_nothing_and_come_back_when_the_lock_ends(qtbot, pad):
    """Issue 22: during the lockout the digits still showed dots for tries the lock refuses."""
    for _ in range(FIRST_TRIES):
        tap(qtbot, pad, "000000")
        qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)
    assert pad.lock.seconds_locked() > 0
    tap(qtbot, pad, "123")
    assert pad.entered == "" and pad.dots.text().strip() == ""
    assert not any(button.isEnabled() for button in pad.keys.values())
    assert not pad.unlock_button.isEnabled() and pad.cancel_button.isEnabled()
    pad.clock.now += LOCK_STEPS_S[0]
    pad._lock_timer.timeout.emit()  # the pad's once-a-second countdown tick
    assert all(button.isEnabled() for button in pad.keys.values())
    tap(qtbot, pad, PIN)
    assert pad.dots.text() == "●" * len(PIN) and pad.unlock_button.isEnabled()
    with qtbot.waitSignal(pad.sigUnlocked, timeout=1000):
        qtbot.mouseClick(pad.unlock_button, Qt.MouseButton.LeftButton)


def test_cancel_is_a_full_key_with_a_clear_gap_under_the_digits(pad):
    """Issue 22: Cancel was a small button ~6 px under the 0 key."""
    QApplication.processEvents()
    zero, cancel = pad.keys["0"], pad.cancel_button
    zero_bottom = zero.mapTo(pad, zero.rect().bottomLeft()).y()
    cancel_top = cancel.mapTo(pad, cancel.rect().topLeft()).y()
    assert cancel.isVisible() and cancel.height() == zero.height() and cancel.width() >= zero.width()
    assert cancel_top - zero_bottom >= 24
    for button in (cancel, pad.unlock_button):  # labels whole, not clipped by the button's padding
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        assert button.fontMetrics().horizontalAdvance(button.text()) <= room.width(), button.text()
