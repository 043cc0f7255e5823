"""The staff PIN that unlocks a kiosk: stored salted and hashed, never in clear, with a lockout.

The hash is PBKDF2-HMAC-SHA256 (``hashlib``, the standard library's password hash) with a random
16-byte salt and enough iterations to make guessing a 4–8 digit PIN from a stolen settings file
slow (~0.1 s per guess here); at the kiosk, :class:`PinLock` refuses all tries for a minute after
too many wrong ones, so a visitor cannot try PINs one after the other.

Until staff set one, the factory PIN :data:`FACTORY_PIN` opens the console, and the console warns
about it (the README says to change it on the first day).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable

from app.config import PIN_HASH, SettingsStore

log = logging.getLogger(__name__)

FACTORY_PIN = "2580"
PIN_DIGITS = (4, 8)
ITERATIONS = 200_000
ALGORITHM = "pbkdf2_sha256"
#: Wrong PINs in a row before the lock refuses every try, and for how long (s).
MAX_WRONG, LOCKOUT_S = 5, 60.0


class PinError(ValueError):
    """A PIN that cannot be set (not 4–8 digits)."""


def valid_pin(pin: str) -> bool:
    """4 to 8 ASCII digits (a touch keypad can type them; no look-alike Unicode digits)."""
    low, high = PIN_DIGITS
    return low <= len(pin) <= high and pin.isascii() and pin.isdigit()


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``: everything needed to check a PIN later."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored``; False (never an exception) for a damaged stored value."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM or not 1_000 <= int(iterations) <= 10_000_000:
            return False
        expected = bytes.fromhex(digest)
        candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate, expected)


def set_pin(settings: SettingsStore, pin: str) -> None:
    """Store a new staff PIN (hashed with a fresh salt); raises :class:`PinError` unless 4–8 digits."""
    if not valid_pin(pin):
        raise PinError("a staff PIN is 4 to 8 digits")
    PIN_HASH.write(settings, hash_pin(pin))
    log.info("staff PIN changed")


def stored_hash(settings: SettingsStore) -> str:
    """The stored hash, or the factory PIN's when none is stored or the stored one is damaged (a
    hand-edited file must not lock staff out of their own kiosk; the log says so)."""
    stored = str(PIN_HASH.read(settings) or "")
    if stored and stored.count("$") == 3 and stored.startswith(ALGORITHM + "$"):
        return stored
    if stored:
        log.warning("setting %s is damaged; the factory PIN applies until staff set a new one", PIN_HASH.key)
    return ""


def is_factory_pin(settings: SettingsStore) -> bool:
    """True until staff set their own PIN (the console warns while it is so)."""
    return not stored_hash(settings)


def check_pin(settings: SettingsStore, pin: str) -> bool:
    stored = stored_hash(settings)
    if not stored:
        return hmac.compare_digest(pin.encode(), FACTORY_PIN.encode())
    return matches(pin, stored)


class PinLock:
    """Counts wrong PINs; after :data:`MAX_WRONG` in a row, refuses every try for :data:`LOCKOUT_S`.

    ``clock`` is injectable so tests need not wait a minute.
    """

    def __init__(self, settings: SettingsStore, clock: Callable[[], float] = time.monotonic) -> None:
        self._settings = settings
        self._clock = clock
        self.wrong = 0
        self._locked_until = 0.0

    def seconds_locked(self) -> float:
        """How long tries are still refused (0 when a PIN may be tried)."""
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> bool:
        """Try ``pin``: True unlocks. While locked out every try is refused, the right PIN too."""
        if self.seconds_locked() > 0:
            log.warning("staff PIN tried while locked out")
            return False
        if check_pin(self._settings, pin):
            self.wrong = 0
            log.info("staff unlocked the kiosk")
            return True
        self.wrong += 1
        log.warning("wrong staff PIN (%d in a row)", self.wrong)
        if self.wrong >= MAX_WRONG:
            self.wrong = 0
            self._locked_until = self._clock() + LOCKOUT_S
            log.warning("staff PIN locked for %g s after %d wrong tries", LOCKOUT_S, MAX_WRONG)
        return False
