"""The staff PIN at its edges: hashes stored by other versions or edited by hand, the bounds of a
stored cost, a lock resumed after a restart at any moment of it, the clock set back after a right
PIN, and what the log tells staff. Each test is one a plausible bug in app/pin.py would fail (the
mutation run, tests/mutation/run_mutation.py pin, checks that they do)."""

from __future__ import annotations

import hashlib
import logging

import pytest

import app.pin
from app.config import PIN_HASH
from app.pin import (
    FACTORY_PIN,
    FIRST_TRIES,
    FORGET_AFTER_S,
    LATER_TRIES,
    LOCK_STEPS_S,
    PinLock,
    check_pin,
    hash_pin,
    matches,
    set_pin,
)
from app.settings import AppSettings
from tests.app.test_pin import PIN, Clocks, new_lock, wrong

SALT = bytes(range(16))


@pytest.fixture(autouse=True)
def cheap_hash(monkeypatch):
    """New hashes at a cheap cost: these tests are about what is stored and checked, not the cost."""
    monkeypatch.setattr(app.pin, "SCRYPT_N", 2**10)


@pytest.fixture
def path(tmp_path):
    set_pin(AppSettings(tmp_path / "s.ini"), PIN)
    return tmp_path / "s.ini"


def legacy_hash(pin: str, iterations: int = 1_000) -> str:
    """What an earlier version stored (PBKDF2-SHA256)."""
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), SALT, iterations)
    return f"pbkdf2_sha256${iterations}${SALT.hex()}${digest.hex()}"


# --- the stored hash ---------------------------------------------------------------------------------------
def test_a_hash_made_elsewhere_at_the_highest_cost_allowed_verifies():
    """Made by hashlib alone, 64 MiB (the bound, exactly): the kiosk's own scrypt call must give
    it the memory it needs and the same 32-byte digest."""
    stored = f"scrypt$65536$8$1${SALT.hex()}$77f6159107b7e304588391908a83167af1192a31064d70b7a7e1505d635f4c26"
    assert matches(PIN, stored) and not matches("731947", stored)


def test_a_given_salt_gives_the_same_hash_and_a_fresh_salt_is_16_random_bytes():
    digest = hashlib.scrypt(PIN.encode(), salt=SALT, n=2**10, r=8, p=1, dklen=32)
    assert hash_pin(PIN, SALT) == f"scrypt$1024$8$1${SALT.hex()}${digest.hex()}"
    first, second = hash_pin(PIN).split("$"), hash_pin(PIN).split("$")
    assert len(bytes.fromhex(first[4])) == 16 and first[4] != second[4]


class Spy:
    """Stands in for hashlib's key derivation: records that it ran, returns 32 zero bytes."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args, **kwargs) -> bytes:
        self.calls += 1
        return bytes(32)


@pytest.mark.parametrize(
    ("n", "r", "p", "allowed"),
    [
        (2**10, 8, 1, True),  # the cheapest n
        (2**9, 8, 1, False),
        (2**10, 1, 1, True),
        (2**10, 32, 1, True),
        (2**10, 33, 1, False),
        (2**10, 0, 1, False),
        (2**10, 8, 4, True),
        (2**10, 8, 5, False),
        (2**10, 8, 0, False),
        (2**16, 8, 1, True),  # 64 MiB: the most a stored hash may ask for
        (2**14, 8, 4, True),  # 64 MiB of work over four lanes
        (2**17, 8, 1, False),  # 128 MiB
        (2**16, 16, 1, False),
        (2**15, 8, 4, False),  # 32 MiB, but four times over: too slow a pad
        (3 * 2**10, 8, 1, False),  # not a power of two
    ],
)
def test_a_hand_edited_cost_out_of_bounds_is_refused_without_hashing(monkeypatch, n, r, p, allowed):
    spy = Spy()
    monkeypatch.setattr(hashlib, "scrypt", spy)
    stored = f"scrypt${n}${r}${p}${SALT.hex()}${bytes(32).hex()}"
    assert matches(PIN, stored) is allowed
    assert spy.calls == int(allowed)  # refused before any work: no pad hangs, no memory runs out


@pytest.mark.parametrize(
    ("iterations", "allowed"),
    [(1_000, True), (999, False), (10_000_000, True), (10_000_001, False), (0, False)],
)
def test_an_earlier_versions_iteration_count_out_of_bounds_is_refused_without_hashing(
    monkeypatch, iterations, allowed
):
    spy = Spy()
    monkeypatch.setattr(hashlib, "pbkdf2_hmac", spy)
    assert matches(PIN, f"pbkdf2_sha256${iterations}${SALT.hex()}${bytes(32).hex()}") is allowed
    assert spy.calls == int(allowed)


def test_a_hash_under_another_algorithms_name_matches_nothing():
    scrypt_fields = hash_pin(PIN).split("$")
    legacy_fields = legacy_hash(PIN).split("$")
    for fields in (scrypt_fields, legacy_fields):
        assert matches(PIN, "$".join(fields))
        assert not matches(PIN, "$".join(["argon2", *fields[1:]]))


def test_a_right_pin_under_the_current_hash_leaves_it_as_it_is(path):
    settings_file = AppSettings(path)
    before = settings_file.value(PIN_HASH.key, "")
    assert check_pin(settings_file, PIN)
    assert settings_file.value(PIN_HASH.key, "") == before  # no new salt written at every unlock


def test_an_earlier_versions_hash_is_upgraded_once_and_the_log_says_so(tmp_path, caplog):
    settings_file = AppSettings(tmp_path / "s.ini")
    settings_file.set_value(PIN_HASH.key, legacy_hash("2468"))
    with caplog.at_level(logging.INFO, logger="app.pin"):
        assert check_pin(settings_file, "2468")
    upgraded = settings_file.value(PIN_HASH.key, "")
    assert upgraded.startswith("scrypt$") and "upgraded to scrypt" in caplog.text
    assert check_pin(settings_file, "2468") and settings_file.value(PIN_HASH.key, "") == upgraded


def test_no_warning_on_a_fresh_install_and_one_naming_the_setting_when_it_is_damaged(tmp_path, caplog):
    settings_file = AppSettings(tmp_path / "s.ini")
    with caplog.at_level(logging.WARNING, logger="app.pin"):
        assert check_pin(settings_file, FACTORY_PIN)
    assert caplog.records == []  # nothing stored yet is not damage
    settings_file.set_value(PIN_HASH.key, "scrypt$garbage")
    with caplog.at_level(logging.WARNING, logger="app.pin"):
        assert check_pin(settings_file, FACTORY_PIN)
    (record,) = caplog.records
    assert PIN_HASH.key in record.getMessage() and "factory PIN" in record.getMessage()


# --- the pad -----------------------------------------------------------------------------------------------
def test_a_pad_opens_with_the_factory_pin_on_a_desktop_by_default(tmp_path):
    lock = PinLock(AppSettings(tmp_path / "s.ini"))
    assert lock.attempt(FACTORY_PIN)


def test_a_pin_set_before_pins_had_six_digits_opens_the_pad_but_is_marked_weak(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    settings_file.set_value(PIN_HASH.key, legacy_hash("2468"))
    lock = PinLock(settings_file, factory_opens=False)
    assert lock.weak_pin is False  # nothing tried yet: nothing to ask staff to replace
    assert lock.attempt("2468") and lock.weak_pin is True
    set_pin(settings_file, PIN)
    assert lock.attempt(PIN) and lock.weak_pin is False


@pytest.mark.parametrize("elapsed", [40.0, LOCK_STEPS_S[0] - 0.5])
def test_a_restart_during_a_lock_keeps_only_what_is_left_of_it(path, caplog, elapsed):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES)
    clocks.advance(elapsed)
    clocks.restart()
    with caplog.at_level(logging.WARNING, logger="app.pin"):
        lock = new_lock(path, clocks)
    left = LOCK_STEPS_S[0] - elapsed
    assert lock.seconds_locked() == pytest.approx(left) and not lock.attempt(PIN)
    assert f"locked for {left:.0f} s more" in caplog.text  # staff can tell why the pad refuses
    clocks.advance(left)
    assert lock.attempt(PIN)


def test_a_restart_between_locks_keeps_the_escalation(path):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0])
    clocks.restart()
    lock = new_lock(path, clocks)
    assert lock.seconds_locked() == 0 and lock.locks == 1
    wrong(lock, LATER_TRIES - 1)
    clocks.restart()
    lock = new_lock(path, clocks)  # and the count since the last lock too
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[1])


def test_a_start_with_no_lock_left_says_nothing_about_one(path, caplog):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0])
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="app.pin"):
        assert new_lock(path, clocks).seconds_locked() == 0
    assert caplog.records == []


def test_a_right_pin_ends_the_lock_for_good_even_if_the_clock_is_then_set_back(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0])
    assert lock.attempt(PIN)
    clocks.wall -= 30 * 86_400  # the lock's stored end is now a month ahead of the clock
    clocks.restart()
    assert new_lock(path, clocks).seconds_locked() == 0


def test_the_escalation_is_kept_for_a_day_and_forgotten_after_it_with_a_full_count_again(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0] + FORGET_AFTER_S - 1)  # a second short of a quiet day
    wrong(lock, LATER_TRIES)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[1])  # still the second step
    clocks.advance(LOCK_STEPS_S[1] + FORGET_AFTER_S + 1)
    wrong(lock, FIRST_TRIES - 1)
    assert lock.seconds_locked() == 0 and lock.wrong == FIRST_TRIES - 1 and lock.locks == 0
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])


def test_the_log_keeps_every_wrong_try_lock_and_refused_try_for_staff(path, caplog):
    """A patient guesser leaves a trail: how many in a row, each lock and its length, tries while locked."""
    clocks = Clocks()
    lock = new_lock(path, clocks)
    with caplog.at_level(logging.INFO, logger="app.pin"):
        wrong(lock, FIRST_TRIES)
        assert not lock.attempt(PIN)
        clocks.advance(LOCK_STEPS_S[0])
        assert lock.attempt(PIN)
    messages = [record.getMessage() for record in caplog.records]
    assert [m for m in messages if m.startswith("wrong staff PIN")] == [
        f"wrong staff PIN ({count} in a row)" for count in range(1, FIRST_TRIES + 1)
    ]
    assert f"staff PIN locked for {LOCK_STEPS_S[0]:g} s (lock 1 in a row)" in messages
    assert "staff PIN tried while locked out" in messages
    assert messages[-1] == "staff unlocked the kiosk"
    levels = {record.getMessage(): record.levelno for record in caplog.records}
    assert levels["staff PIN tried while locked out"] == logging.WARNING


def test_changing_the_pin_is_logged_and_a_refusal_says_why(tmp_path, caplog):
    settings_file = AppSettings(tmp_path / "s.ini")
    with caplog.at_level(logging.INFO, logger="app.pin"):
        set_pin(settings_file, PIN)
    assert "staff PIN changed" in caplog.text
    with pytest.raises(app.pin.PinError, match="6 to 10 digits"):
        set_pin(settings_file, "12345")
    with pytest.raises(app.pin.PinError, match="one digit repeated, a run or a repeated group"):
        set_pin(settings_file, "123456")
