"""A kiosk with the factory PIN (printed in the README) serves no visitor until staff choose their
own PIN on a touch keypad; a desktop keeps working and tells staff. The pad says how long a lock
kept from before a restart still lasts."""

from __future__ import annotations

import pytest

from app.config import PIN_HASH, PIN_LOCKED_UNTIL, PIN_LOCKS
from app.pin import FACTORY_PIN, check_pin, is_factory_pin
from tests.live_app import KIOSK_PIN

NEW_PIN = "731946"


class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def tap(window, pad, digits: str) -> None:
    """Digits and then the pad's action key, by clicks only (a touch screen has no keyboard)."""
    for digit in digits:
        pad.keys[digit].click()
    assert pad.action_button.isEnabled()
    pad.action_button.click()


@pytest.fixture
def factory_kiosk(make_window, qtbot):
    window = make_window("virtual_visitor", kiosk=True, settings={PIN_HASH.key: ""})
    window.visit.clock = FakeClock()
    return window


def test_a_kiosk_with_the_factory_pin_asks_staff_for_a_new_pin_before_any_visitor(factory_kiosk, qtbot):
    window = factory_kiosk
    pad = window.new_pin_pad
    assert window.stack.currentWidget() is pad and is_factory_pin(window.settings)
    window.visit.clock.now += 3600  # nobody for an hour: the idle clock must not bring attract
    window.visit.check_idle()
    assert window.stack.currentWidget() is pad
    window.ask_for_pin()  # the staff gesture: the factory PIN's pad stays
    assert not window.open_demo_by_id("attention")  # --demo cannot go past it either
    assert window.stack.currentWidget() is pad

    for digit in "73194":  # min - 1 digits: Next stays off
        pad.keys[digit].click()
    assert not pad.action_button.isEnabled()
    pad.keys["⌫"].click()
    for _ in range(4):
        pad.keys["⌫"].click()
    tap(window, pad, "123456")
    assert "Too easy to guess" in pad.message.text() and pad.title.text() == "Choose a new staff PIN"
    tap(window, pad, NEW_PIN)
    assert pad.title.text() == "Type the new staff PIN again" and pad.message.text() == ""
    tap(window, pad, "731947")
    assert "differ" in pad.message.text() and pad.title.text() == "Choose a new staff PIN"
    assert window.stack.currentWidget() is pad and is_factory_pin(window.settings)

    tap(window, pad, NEW_PIN)
    tap(window, pad, NEW_PIN)
    assert window.stack.currentWidget() is window.attract
    assert check_pin(window.settings, NEW_PIN) and not check_pin(window.settings, FACTORY_PIN)
    window.visit.clock.now += window.visit.idle_timeout_s() + 1
    window.visit.check_idle()  # the idle clock runs again
    window.ask_for_pin()
    assert window.stack.currentWidget() is window.pin_pad
    tap(window, window.pin_pad, NEW_PIN)
    assert window.stack.currentWidget() is window.console


def test_the_factory_pin_never_opens_a_kiosk(make_window, qtbot):
    """Even when the PIN pad shows with no PIN stored (the hash damaged since the start)."""
    window = make_window("virtual_visitor", kiosk=True)
    window.ask_for_pin()
    window.settings.set_value(PIN_HASH.key, "damaged")
    assert not window.pin_pad.lock.attempt(FACTORY_PIN)
    window.leave_staff_pages()
    window.ask_for_pin()
    assert window.stack.currentWidget() is window.new_pin_pad


def test_a_desktop_with_the_factory_pin_works_and_tells_staff(make_window, qtbot):
    window = make_window("virtual_visitor", settings={PIN_HASH.key: ""})
    assert window.stack.currentWidget() is window.menu
    window.open_staff_console()
    label = window.console.showroom.factory_label
    assert not label.isHidden() and "kiosk mode asks for a new PIN" in label.text()


def test_the_pin_pad_says_how_long_a_lock_kept_from_before_a_restart_lasts(make_window, qtbot):
    import time

    window = make_window(
        "virtual_visitor",
        kiosk=True,
        settings={PIN_LOCKS.key: 3, PIN_LOCKED_UNTIL.key: time.time() + 600},
    )
    window.ask_for_pin()
    pad = window.pin_pad
    assert pad.message.text() == "Too many wrong PINs. Try again in 10 min."
    for digit in KIOSK_PIN:
        pad.keys[digit].click()
    assert not pad.unlock_button.isEnabled()
    pad.submit()
    assert window.stack.currentWidget() is pad and window.console is None


def test_a_new_pin_on_a_touch_kiosk_is_typed_in_chinese_too(factory_kiosk, qtbot):
    window = factory_kiosk
    window.languages.set_language("zh_CN")
    try:
        pad = window.new_pin_pad
        tap(window, pad, "111111")
        assert pad.message.text() and not pad.message.text().isascii()  # said in Chinese
        assert not pad.title.text().isascii() and not pad.hint.text().isascii()
    finally:
        window.languages.set_language("en")


def test_the_kiosk_command_with_the_factory_pin_asks_for_a_new_pin_and_opens_no_demo(tmp_path):
    """The real command line, on a fresh settings file: the README's promise holds."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "app", "--kiosk", "--demo", "attention", "--quit-after", "2"]
    command += ["--settings", str(tmp_path / "s.ini")]
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "staff must choose a new PIN before visitors come" in result.stderr
    assert "demo attention not opened" in result.stderr and "opened demo attention" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_message_on_the_pad_does_not_move_the_keys(factory_kiosk, qtbot):
    """A two-line message (the Chinese one) appears: the key a finger aims at stays put."""
    pad = factory_kiosk.new_pin_pad
    factory_kiosk.languages.set_language("zh_CN")
    try:
        pad.resize(1280, 800)
        pad.layout().activate()
        before = pad.keys["5"].mapTo(pad, pad.keys["5"].rect().center())
        tap(factory_kiosk, pad, "111111")
        assert pad.message.text()
        pad.layout().activate()
        assert pad.keys["5"].mapTo(pad, pad.keys["5"].rect().center()) == before
    finally:
        factory_kiosk.languages.set_language("en")


def legacy_hash(pin: str) -> str:
    """How an earlier version stored a PIN (PBKDF2, when PINs could have 4 digits)."""
    import hashlib

    salt = bytes(range(16))
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, 1_000)
    return f"pbkdf2_sha256$1000${salt.hex()}${digest.hex()}"


def test_an_old_four_digit_pin_unlocks_once_and_must_be_replaced(make_window, qtbot):
    """A 4-digit PIN set before falls to offline guessing: after the unlock, a new one first."""
    window = make_window("virtual_visitor", kiosk=True, settings={PIN_HASH.key: legacy_hash("2468")})
    window.visit.clock = FakeClock()
    assert window.stack.currentWidget() is window.attract  # visitors are served meanwhile
    window.ask_for_pin()
    tap(window, window.pin_pad, "2468")
    pad = window.new_pin_pad
    assert window.stack.currentWidget() is pad and window.console is None
    assert "too short or easy to guess" in pad.hint.text()
    tap(window, pad, NEW_PIN)
    tap(window, pad, NEW_PIN)
    assert window.stack.currentWidget() is window.console
    assert check_pin(window.settings, NEW_PIN) and not check_pin(window.settings, "2468")
    window.console.sigClose.emit()
    assert window.stack.currentWidget() is window.attract


def test_staff_who_walk_away_from_replacing_a_weak_pin_leave_the_kiosk_to_visitors(make_window, qtbot):
    window = make_window("virtual_visitor", kiosk=True, settings={PIN_HASH.key: legacy_hash("2468")})
    window.visit.clock = FakeClock()
    window.ask_for_pin()
    tap(window, window.pin_pad, "2468")
    window.new_pin_pad.keys["7"].click()
    window.visit.clock.now += window.visit.idle_timeout_s() + 1
    window.visit.check_idle()
    assert window.stack.currentWidget() is window.attract and window.new_pin_pad.entered == ""
    window.ask_for_pin()
    tap(window, window.pin_pad, "2468")  # asked again at the next unlock
    assert window.stack.currentWidget() is window.new_pin_pad
