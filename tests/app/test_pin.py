"""The staff PIN: stored salted and scrypt-hashed, 6–10 digits and not trivially guessable, with a
lockout that escalates and survives a restart (clocks injected: no test waits)."""

from __future__ import annotations

import hashlib
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import app.pin
from app.config import PIN_HASH
from app.pin import (
    FACTORY_PIN,
    FIRST_TRIES,
    LATER_TRIES,
    LOCK_STEPS_S,
    PIN_DIGITS,
    PinError,
    PinLock,
    PinProblem,
    check_pin,
    hash_pin,
    is_factory_pin,
    matches,
    pin_problem,
    set_pin,
)
from app.settings import AppSettings

PIN = "731946"


class Clocks:
    """A monotonic clock and a wall clock, stepped by the test; ``restart`` is a new process (the
    monotonic clock starts elsewhere)."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.wall = 1_765_000_000.0

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.wall += seconds

    def restart(self) -> None:
        self.now = 5.0


@pytest.fixture(autouse=True)
def cheap_hash(request, monkeypatch):
    """These tests hash hundreds of PINs: at the real cost they would take ~20 s (the cost has its
    own test, which keeps it)."""
    if request.function is not test_the_hash_is_slow_enough_to_make_offline_guessing_costly:
        monkeypatch.setattr(app.pin, "SCRYPT_N", 2**10)


@pytest.fixture
def path(tmp_path):
    stored = AppSettings(tmp_path / "s.ini")
    set_pin(stored, PIN)
    return tmp_path / "s.ini"


def new_lock(path, clocks: Clocks, **options) -> PinLock:
    """A PinLock on a fresh read of the settings file: what the next start of the app makes."""
    return PinLock(AppSettings(path), clocks.monotonic, clocks.time, **options)


def wrong(lock: PinLock, times: int) -> None:
    for _ in range(times):
        assert not lock.attempt("000000")


# --- stored, checked ---------------------------------------------------------------------------------------
def test_a_pin_is_stored_salted_and_hashed_never_in_clear(tmp_path):
    path = tmp_path / "s.ini"
    settings_file = AppSettings(path)
    assert is_factory_pin(settings_file) and check_pin(settings_file, FACTORY_PIN)
    set_pin(settings_file, PIN)
    text = path.read_text(encoding="utf-8")
    assert PIN not in text and "scrypt$1024$8$1$" in text
    reread = AppSettings(path)
    assert check_pin(reread, PIN) and not check_pin(reread, FACTORY_PIN) and not is_factory_pin(reread)
    first = reread.value(PIN_HASH.key, "")
    set_pin(reread, PIN)
    assert reread.value(PIN_HASH.key, "") != first  # a fresh salt each time: equal PINs, different hashes


def test_the_hash_is_slow_enough_to_make_offline_guessing_costly():
    started = time.perf_counter()
    stored = hash_pin(PIN)
    assert time.perf_counter() - started > 0.02  # ~65 ms here; a fast hash would be ~1 µs
    assert stored.startswith("scrypt$16384$8$1$")  # 16 MiB per guess


def test_an_earlier_versions_hash_still_verifies_and_is_upgraded_on_the_next_right_pin(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    salt = bytes(range(16))
    digest = hashlib.pbkdf2_hmac("sha256", b"2468", salt, 1_000)
    settings_file.set_value(PIN_HASH.key, f"pbkdf2_sha256$1000${salt.hex()}${digest.hex()}")
    assert not is_factory_pin(settings_file) and not check_pin(settings_file, "2469")
    assert settings_file.value(PIN_HASH.key, "").startswith("pbkdf2_sha256$")  # a wrong PIN changes nothing
    assert check_pin(settings_file, "2468")
    assert settings_file.value(PIN_HASH.key, "").startswith("scrypt$")
    assert check_pin(AppSettings(tmp_path / "s.ini"), "2468")


def test_the_factory_pin_opens_a_desktop_but_never_a_kiosk(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    assert check_pin(settings_file, FACTORY_PIN)
    assert not check_pin(settings_file, FACTORY_PIN, factory_opens=False)
    assert not PinLock(settings_file, factory_opens=False).attempt(FACTORY_PIN)


# --- what a new PIN may be ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("candidate", "problem"),
    [
        ("73194", PinProblem.LENGTH),  # min - 1
        ("731946", None),  # min
        ("7319468205", None),  # max
        ("73194682051", PinProblem.LENGTH),  # max + 1
        ("", PinProblem.LENGTH),
        (FACTORY_PIN, PinProblem.LENGTH),
        ("73a946", PinProblem.LENGTH),
        ("٧٣١٩٤٦", PinProblem.LENGTH),  # Arabic-Indic digits: no keypad types them
        (" 731946", PinProblem.LENGTH),
        ("000000", PinProblem.GUESSABLE),
        ("999999999", PinProblem.GUESSABLE),
        ("123456", PinProblem.GUESSABLE),
        ("654321", PinProblem.GUESSABLE),
        ("8901234", PinProblem.GUESSABLE),
        ("121212", PinProblem.GUESSABLE),
        ("147147", PinProblem.GUESSABLE),
        ("1231231", PinProblem.GUESSABLE),
        ("135790", None),  # steps of 2: not a run
        ("112233", None),
    ],
)
def test_a_new_pin_is_six_to_ten_digits_and_not_trivially_guessable(tmp_path, candidate, problem):
    assert PIN_DIGITS == (6, 10)
    assert pin_problem(candidate) is problem
    settings_file = AppSettings(tmp_path / "s.ini")
    if problem is None:
        set_pin(settings_file, candidate)
        assert check_pin(settings_file, candidate)
    else:
        with pytest.raises(PinError):
            set_pin(settings_file, candidate)
        assert is_factory_pin(settings_file)


@settings(max_examples=60, deadline=None)
@given(stored=st.text(max_size=80), pin=st.text(max_size=10))
def test_a_damaged_stored_hash_never_raises(stored, pin):
    assert matches(pin, stored) in (True, False)


@pytest.mark.parametrize(
    "stored",
    ["garbage", "scrypt$16384$8$1$zz$00", "scrypt$1048576$32$4$00$00", "scrypt$16385$8$1$00$00"],
)
def test_a_damaged_or_costly_stored_hash_matches_nothing(stored):
    assert not matches(PIN, stored) and not matches("", stored)


def test_a_damaged_stored_hash_falls_back_to_the_factory_pin(tmp_path):
    settings_file = AppSettings(tmp_path / "s.ini")
    settings_file.set_value(PIN_HASH.key, "garbage")
    assert is_factory_pin(settings_file) and check_pin(settings_file, FACTORY_PIN)
    assert not check_pin(settings_file, "0000")


def test_matches_only_the_pin_it_was_made_from():
    stored = hash_pin("246813")
    assert matches("246813", stored) and not matches("246814", stored) and not matches("", stored)


# --- the lockout -------------------------------------------------------------------------------------------
def test_the_lockout_survives_a_restart(path):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES)
    clocks.restart()
    lock = new_lock(path, clocks)  # the app started again on the same settings file
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])
    assert not lock.attempt(PIN)  # the right PIN is refused until the lock ends
    clocks.advance(LOCK_STEPS_S[0])
    assert lock.attempt(PIN)


def test_the_wrong_count_survives_a_restart(path):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES - 1)
    lock = new_lock(path, clocks)
    assert lock.wrong == FIRST_TRIES - 1 and lock.seconds_locked() == 0
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])


def test_each_lock_in_a_row_lasts_longer_up_to_an_hour(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    assert LOCK_STEPS_S == (60.0, 300.0, 900.0, 3600.0)
    tries = FIRST_TRIES
    for expected in (*LOCK_STEPS_S, 3600.0, 3600.0):
        wrong(lock, tries)
        assert lock.seconds_locked() == pytest.approx(expected)
        clocks.advance(expected)
        tries = LATER_TRIES
    assert lock.locks == len(LOCK_STEPS_S) + 2


def test_an_hour_of_guessing_allows_a_handful_of_tries(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    tries = 0
    end = clocks.now + 3600
    while clocks.now < end:
        if lock.seconds_locked() > 0:
            clocks.advance(lock.seconds_locked())
            continue
        lock.attempt("000000")
        tries += 1
    assert tries == 11  # 5, then 2 after each of the 1, 5 and 15 minute locks; the fourth lasts 1 h


def test_the_wrong_count_after_a_right_pin_starts_over(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES - 1)
    assert lock.attempt(PIN)
    assert lock.wrong == 0 and new_lock(path, clocks).wrong == 0
    wrong(lock, FIRST_TRIES - 1)
    assert lock.seconds_locked() == 0  # four after a success: not locked
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])


def test_a_right_pin_after_a_lock_ends_the_escalation(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0])
    assert lock.attempt(PIN)
    assert lock.locks == 0 and new_lock(path, clocks).locks == 0
    wrong(lock, FIRST_TRIES - 1)
    assert lock.seconds_locked() == 0
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])  # the first step again


def test_after_a_lock_ends_the_count_is_zero_and_fewer_tries_lock_again(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    assert lock.wrong == 0
    clocks.advance(LOCK_STEPS_S[0] - 0.01)
    assert lock.seconds_locked() > 0 and not lock.attempt(PIN)  # a hair before the end: still locked
    assert lock.wrong == 0  # a try refused by the lock is not counted
    clocks.advance(0.01)
    assert lock.seconds_locked() == 0
    wrong(lock, LATER_TRIES - 1)
    assert lock.seconds_locked() == 0 and lock.wrong == LATER_TRIES - 1
    wrong(lock, 1)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[1])


def test_a_clock_set_back_cannot_lengthen_a_lock(path):
    clocks = Clocks()
    wrong(new_lock(path, clocks), FIRST_TRIES)
    clocks.restart()
    clocks.wall -= 30 * 86_400  # the clock moved back a month while the app was off
    assert new_lock(path, clocks).seconds_locked() == pytest.approx(LOCK_STEPS_S[0])


def test_a_clock_moved_while_running_changes_nothing(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    clocks.wall += 86_400 * 2  # forward two days: the monotonic clock times the lock
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0]) and not lock.attempt(PIN)


def test_a_quiet_day_forgets_the_escalation(path):
    clocks = Clocks()
    lock = new_lock(path, clocks)
    wrong(lock, FIRST_TRIES)
    clocks.advance(LOCK_STEPS_S[0])
    wrong(lock, LATER_TRIES)
    assert lock.locks == 2
    clocks.advance(LOCK_STEPS_S[1] + 86_400 + 1)
    wrong(lock, LATER_TRIES)
    assert lock.seconds_locked() == 0  # a fresh start: five tries again
    wrong(lock, FIRST_TRIES - LATER_TRIES)
    assert lock.seconds_locked() == pytest.approx(LOCK_STEPS_S[0])


def test_the_lockout_is_stored_with_the_settings_readable_by_the_app_user_only(path):
    import os
    import sys

    wrong(new_lock(path, Clocks()), FIRST_TRIES)
    text = path.read_text(encoding="utf-8")
    assert "pin_locks=1" in text and "pin_locked_until=" in text
    if sys.platform != "win32":
        assert os.stat(path).st_mode & 0o777 == 0o600
