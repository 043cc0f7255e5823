"""The staff PIN that unlocks a kiosk: stored salted and hashed, never in clear, with a lockout.

The hash is scrypt (``hashlib``), salted with 16 random bytes, at a cost of ~65 ms and 16 MiB per
guess on a two-core kiosk PC: memory-hard, so a stolen settings file cannot be guessed at GPU
speed. Hashes stored by earlier versions (PBKDF2-SHA256) still verify, and are replaced by an
scrypt hash on the next right PIN.

At the kiosk, :class:`PinLock` refuses every try for a while after too many wrong ones, for longer
at each lock (1 min, 5 min, 15 min, then 1 h each) until a right PIN; the count and the end of the
lock are kept in the settings file, so a restart does not forget them.

Until staff choose their own, the factory PIN :data:`FACTORY_PIN` (printed in the README) opens
the console on a desktop only; a kiosk asks staff for a new PIN before it serves visitors.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import itertools
import logging
import math
import secrets
import time
from collections.abc import Callable

from app.config import PIN_HASH, PIN_LOCKED_UNTIL, PIN_LOCKS, PIN_WRONG, SettingsStore

log = logging.getLogger(__name__)

FACTORY_PIN = "2580"
#: The digits a new PIN has. At least 6: a million PINs at ~65 ms each is ~18 CPU-hours to try
#: them all from a stolen file (4 digits: 11 minutes), and at the kiosk's lockout (below) about
#: 57 years. At most 10: what staff remember and type on a keypad.
PIN_DIGITS = (6, 10)
#: The shortest PIN the pad takes to unlock: earlier versions let staff choose 4 digits.
UNLOCK_MIN_DIGITS = 4
#: scrypt's cost: n=2**14, r=8 is 16 MiB and ~65 ms per hash here (n=2**15: 230 ms, too slow a pad).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
#: The most memory a stored hash may ask scrypt for (a hand-edited cost must not exhaust memory).
SCRYPT_MAX_MEMORY = 64 * 1024 * 1024
ALGORITHM = "scrypt"
#: Hashes stored by earlier versions, checked and then upgraded to :data:`ALGORITHM`.
LEGACY_ALGORITHM = "pbkdf2_sha256"
#: Wrong PINs before the first lock, and before each later one (until a right PIN).
FIRST_TRIES, LATER_TRIES = 5, 2
#: How long each lock in a row lasts (s); after the last step, every lock lasts as long. With
#: :data:`FIRST_TRIES` and :data:`LATER_TRIES`: 11 tries in the first 81 minutes, then 2 an hour.
LOCK_STEPS_S = (60.0, 300.0, 900.0, 3600.0)
#: A day without a lock forgets the escalation (a child's taps last week do not lock staff out
#: for an hour at their first slip today).
FORGET_AFTER_S = 86_400.0


class PinError(ValueError):
    """A PIN that cannot be set (see :func:`pin_problem`)."""


class PinProblem(enum.Enum):
    """Why a new PIN is refused; the screens say it in one sentence each."""

    LENGTH = "length"
    GUESSABLE = "guessable"


def guessable(pin: str) -> bool:
    """One digit repeated, a run up or down (``123456``, ``654321``, ``890123``), or a group of two
    or three digits repeated (``121212``, ``147147``): the first PINs anyone tries."""
    digits = [int(char) for char in pin]
    steps = {(after - before) % 10 for before, after in itertools.pairwise(digits)}
    if len(steps) <= 1 and steps <= {0, 1, 9}:
        return True
    return any(pin == (pin[:period] * len(pin))[: len(pin)] for period in (2, 3))


def pin_problem(pin: str) -> PinProblem | None:
    """What is wrong with ``pin`` as a new staff PIN (None: it may be set). ASCII digits only: a
    touch keypad types them, and look-alike Unicode digits would lock staff out."""
    low, high = PIN_DIGITS
    if not (low <= len(pin) <= high and pin.isascii() and pin.isdigit()):
        return PinProblem.LENGTH
    return PinProblem.GUESSABLE if guessable(pin) else None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``: everything needed to check a PIN later."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"{ALGORITHM}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAX_MEMORY + 1024**2, dklen=32
    )


def matches(pin: str, stored: str) -> bool:
    """Whether ``pin`` hashes to ``stored`` (scrypt, or an earlier version's PBKDF2); False (never
    an exception) for a damaged stored value or a cost out of bounds."""
    fields = stored.split("$")
    try:
        if fields[0] == ALGORITHM and len(fields) == 6:
            n, r, p = (int(field) for field in fields[1:4])
            if (
                n < 2**10
                or n & (n - 1)
                or not 1 <= r <= 32
                or not 1 <= p <= 4
                or 128 * n * r * p > SCRYPT_MAX_MEMORY
            ):
                return False
            candidate = _scrypt(pin, bytes.fromhex(fields[4]), n, r, p)
        elif fields[0] == LEGACY_ALGORITHM and len(fields) == 4:
            iterations = int(fields[1])
            if not 1_000 <= iterations <= 10_000_000:
                return False
            candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(fields[2]), iterations)
        else:
            return False
        expected = bytes.fromhex(fields[-1])
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, expected)


def set_pin(settings: SettingsStore, pin: str) -> None:
    """Store a new staff PIN (hashed with a fresh salt); :class:`PinError` when :func:`pin_problem`
    refuses it."""
    problem = pin_problem(pin)
    if problem is PinProblem.LENGTH:
        raise PinError(f"a staff PIN is {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits")
    if problem is PinProblem.GUESSABLE:
        raise PinError("a staff PIN must not be one digit repeated, a run or a repeated group")
    PIN_HASH.write(settings, hash_pin(pin))
    log.info("staff PIN changed")


def stored_hash(settings: SettingsStore) -> str:
    """The stored hash, or "" (the factory PIN) when none is stored or the stored one is damaged
    (a hand-edited file must not lock staff out of their own kiosk; the log says so)."""
    stored = str(PIN_HASH.read(settings) or "")
    fields = stored.split("$")
    if (fields[0], len(fields)) in ((ALGORITHM, 6), (LEGACY_ALGORITHM, 4)):
        return stored
    if stored:
        log.warning("setting %s is damaged; the factory PIN applies until staff set a new one", PIN_HASH.key)
    return ""


def is_factory_pin(settings: SettingsStore) -> bool:
    """True until staff set their own PIN (a kiosk asks for one first; the console warns)."""
    return not stored_hash(settings)


def check_pin(settings: SettingsStore, pin: str, *, factory_opens: bool = True) -> bool:
    """Whether ``pin`` is the staff PIN. The factory PIN counts only with ``factory_opens`` (a
    desktop; never a kiosk). A right PIN under an earlier version's hash is re-hashed with scrypt."""
    stored = stored_hash(settings)
    if not stored:
        return factory_opens and hmac.compare_digest(pin.encode(), FACTORY_PIN.encode())
    if not matches(pin, stored):
        return False
    if not stored.startswith(ALGORITHM + "$"):
        PIN_HASH.write(settings, hash_pin(pin))
        log.info("staff PIN's stored hash upgraded to %s", ALGORITHM)
    return True


def lock_length_s(locks: int) -> float:
    """How long the ``locks``-th lock in a row lasts (s)."""
    return LOCK_STEPS_S[min(max(locks, 1), len(LOCK_STEPS_S)) - 1]


class PinLock:
    """Counts wrong PINs and locks the pad: after :data:`FIRST_TRIES` wrong ones, then after each
    :data:`LATER_TRIES` more, for :func:`lock_length_s` (longer at each lock), until a right PIN.

    The count, the locks in a row and the lock's end are written to ``settings`` at every wrong
    try, so a restart (or a new PinLock) goes on where the last left off. The end is stored as
    wall-clock time (``wall_clock``), the only time that survives a restart, and a remaining lock
    is capped at the lock's own length (a clock set back cannot lock staff out for days); while the
    app runs, ``clock`` (monotonic) times the lock, so moving the clock changes nothing. Both
    clocks are injectable so tests need not wait.
    """

    def __init__(
        self,
        settings: SettingsStore,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        *,
        factory_opens: bool = True,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._wall_clock = wall_clock
        self.factory_opens = factory_opens
        #: The last right PIN is one a new PIN may not be (4 digits, set before PINs had 6): the
        #: kiosk asks staff to replace it.
        self.weak_pin = False
        self.wrong = PIN_WRONG.read(settings)
        self.locks = PIN_LOCKS.read(settings)
        self._wall_until = PIN_LOCKED_UNTIL.read(settings)
        remaining = self._wall_until - wall_clock()
        remaining = min(remaining, lock_length_s(self.locks)) if self.locks else 0.0
        #: When the lock ends on ``clock``; minus infinity: not locked, whatever the clock reads.
        self._locked_until = clock() + remaining if remaining > 0 else -math.inf
        if self.seconds_locked() > 0:
            log.warning(
                "staff PIN pad locked for %.0f s more (kept from before the restart)", self.seconds_locked()
            )

    def seconds_locked(self) -> float:
        """How long tries are still refused (0 when a PIN may be tried)."""
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> bool:
        """Try ``pin``: True unlocks. While locked out every try is refused, the right PIN too."""
        if self.seconds_locked() > 0:
            log.warning("staff PIN tried while locked out")
            return False
        if self.locks and self._wall_clock() - self._wall_until > FORGET_AFTER_S:
            self.wrong, self.locks = 0, 0  # quiet for a day: the escalation starts over
        if check_pin(self._settings, pin, factory_opens=self.factory_opens):
            self.weak_pin = pin_problem(pin) is not None
            if self.wrong or self.locks:
                self.wrong, self.locks = 0, 0
                self._store()
            log.info("staff unlocked the kiosk")
            return True
        self.wrong += 1
        log.warning("wrong staff PIN (%d in a row)", self.wrong)
        if self.wrong >= (LATER_TRIES if self.locks else FIRST_TRIES):
            self.wrong = 0
            self.locks += 1
            length = lock_length_s(self.locks)
            self._locked_until = self._clock() + length
            self._wall_until = self._wall_clock() + length
            log.warning("staff PIN locked for %g s (lock %d in a row)", length, self.locks)
        self._store()
        return False

    def _store(self) -> None:
        PIN_WRONG.write(self._settings, self.wrong)
        PIN_LOCKS.write(self._settings, self.locks)
        PIN_LOCKED_UNTIL.write(self._settings, self._wall_until)
