"""The staff PIN: stored salted and hashed, checked, locked for a minute after five wrong tries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.config import PIN_HASH
from app.pin import (
    FACTORY_PIN,
    LOCKOUT_S,
    MAX_WRONG,
    PinError,
    PinLock,
    check_pin,
    hash_pin,
    is_factory_pin,
    matches,
    set_pin,
)
from app.settings import AppSettings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_pin_is_stored_salted_and_hashed_never_in_clear(tmp_path):
    path = tmp_path / "s.ini"
    settings_file = AppSettings(path)
    assert is_factory_pin(settings_file) and check_pin(settings_file, FACTORY_PIN)
    set_pin(settings_file, "731946")
    text = path.read_text(encoding="utf-8")
    assert "731946" not in text and "pbkdf2_sha256$" in text
    reread = AppSettings(path)
    assert check_pin(reread, "731946") and not check_pin(reread, FACTORY_PIN) and not is_factory_pin(reread)
    first = reread.value(PIN_HASH.key, "")
    set_pin(reread, "731946")
    assert reread.value(PIN_HASH.key, "") != first  # a fresh salt each time: equal PINs, different hashes


@pytest.mark.parametrize("bad", ["", "123", "123456789", "12a4", "١٢٣٤", " 1234", "12 34"])
def test_a_pin_is_four_to_eight_ascii_digits(tmp_path, bad):
    with pytest.raises(PinError):
        set_pin(AppSettings(tmp_path / "s.ini"), bad)


@settings(max_examples=60, deadline=None)
@given(stored=st.text(max_size=80), pin=st.text(max_size=10))
def test_a_damaged_stored_hash_never_raises(stored, pin):
    assert matches(pin, stored) in (True, False)


def test_a_damaged_stored_hash_falls_back_to_the_factory_pin(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    settings_file.set_value(PIN_HASH.key, "garbage")
    assert is_factory_pin(settings_file) and check_pin(settings_file, FACTORY_PIN)
    assert not check_pin(settings_file, "0000")


def test_matches_only_the_pin_it_was_made_from():
    stored = hash_pin("2468", iterations=1_000)
    assert matches("2468", stored) and not matches("2469", stored) and not matches("", stored)


def test_five_wrong_pins_lock_every_try_for_a_minute(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    set_pin(settings_file, "4321")
    clock = Clock()
    lock = PinLock(settings_file, clock)
    for _ in range(MAX_WRONG - 1):
        assert not lock.attempt("0000")
    assert lock.seconds_locked() == 0
    assert lock.attempt("4321")  # a right PIN resets the count
    for _ in range(MAX_WRONG):
        assert not lock.attempt("0000")
    assert lock.seconds_locked() == pytest.approx(LOCKOUT_S)
    assert not lock.attempt("4321")  # even the right PIN is refused while locked
    clock.now += LOCKOUT_S - 1
    assert not lock.attempt("4321")
    clock.now += 1.01
    assert lock.attempt("4321")
