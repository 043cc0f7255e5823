"""The attention game's "today's best" board, kept in one small SQLite file (no Qt).

Why SQLite (the standard library's :mod:`sqlite3`): one file, and every score is written in a
transaction, so a kiosk switched off mid-game never leaves half a line behind. What is kept is only
what the board shows: the nickname a visitor typed, the game mode, the score and when it was made.
No EEG, and nothing else about the visitor.

Why it forgets: the intro promises visitors that nothing about them is kept, and children type
their real names. So every name is deleted from the file (not only hidden) when its time is up
(:class:`Retention`, a staff choice: at the end of the day, an hour after it was typed, or when the
game closes), checked when the board opens, before every read and write, and whenever the screen
asks (:meth:`Leaderboard.forget_expired`).

Why it never raises for disk problems: the board is a bonus, and a damaged file or a read-only
install folder must not stop the game. That handling is :mod:`drivers.files.storage`'s, shared with
the showroom's usage statistics: scores wait in memory while the file can't be written and reach it
when it can; a damaged file is moved aside for staff and a fresh one started. Wrong input (an
unknown mode, a score of 101, a nickname with a bidi override) is the caller's to handle and raises;
what a nickname may be is :mod:`demos.attention.nickname`'s.
"""

from __future__ import annotations

import numbers
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import islice
from pathlib import Path

from demos.attention.nickname import (
    MAX_NICKNAME_CHARS,
    NicknameError,
    NicknameProblem,
    validate_nickname,
)
from drivers.files.storage import SqliteFile, Table

__all__ = [
    "MAX_NICKNAME_CHARS",
    "MODES",
    "Entry",
    "Leaderboard",
    "NicknameError",
    "NicknameProblem",
    "Retention",
    "validate_nickname",
]

#: The game modes with a board each.
MODES = ("focus", "relax", "duel")
#: Scores run from 0 to this.
MAX_SCORE = 100

#: The board's one table: a file holding anything else is not a leaderboard.
TABLE = Table(
    "entries",
    (
        ("nickname", "TEXT NOT NULL"),
        ("mode", "TEXT NOT NULL"),
        ("score", "INTEGER NOT NULL"),
        ("at", "REAL NOT NULL"),
    ),
)
_SCHEMA_VERSION = 1


#: The board's file name in the demo's data folder.
LEADERBOARD_FILE = "leaderboard.sqlite3"


class Retention(StrEnum):
    """How long the board keeps a name (staff choose; the values are the staff setting's)."""

    DAY = "day"  # until local midnight
    HOUR = "hour"  # one hour after it was typed (and never past midnight)
    VISIT = "visit"  # until the game closes (the visitor leaves or the kiosk goes idle)


#: How long :attr:`Retention.HOUR` keeps a name.
HOUR_S = 3600.0
#: How often using the board deletes expired names from the file (what is shown is exact anyway):
#: each deletion is a write queued for the file, and the screen reads the board every redraw.
FORGET_EVERY_S = 60.0


@dataclass(frozen=True, slots=True)
class Entry:
    """One score on the board: ``at`` is the clock's time (seconds since the epoch) it was added."""

    nickname: str
    mode: str
    score: int
    at: float


def _day_bounds(now: float) -> tuple[float, float]:
    """The local day around ``now``: its midnight and the next one (a daylight-saving day has 23
    or 25 hours, so through naive datetimes)."""
    day = datetime.fromtimestamp(now).date()
    midnight = datetime(day.year, day.month, day.day)
    return midnight.timestamp(), (midnight + timedelta(days=1)).timestamp()


def _checked_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"the attention game has no mode {mode!r} (modes: {', '.join(MODES)})")
    return mode


def _checked_score(score: int) -> int:
    # numbers.Integral takes numpy's integers too; a bool is an int to Python but never a score.
    if isinstance(score, bool) or not isinstance(score, numbers.Integral):
        raise TypeError(f"a score is a whole number, not {score!r}")
    if not 0 <= score <= MAX_SCORE:
        raise ValueError(f"a score is 0..{MAX_SCORE}, not {score}")
    return int(score)


class Leaderboard:
    """Today's best scores per mode, in the SQLite file ``path`` (created with its folder if need be).

    ``clock`` gives the time in seconds since the epoch (injected so tests can move between days);
    "today" is its local calendar day. ``retention`` is how long a name is kept (names past it are
    deleted from the file at once, and whenever the board is used). The file is a
    :class:`drivers.files.storage.SqliteFile`, so after construction:

    - ``persistent`` is False while scores wait in memory for the file, ``problem`` then says why
      (the folder or file can't be written, another program holds it);
    - ``recovered_from`` is where a damaged file was moved (its bytes untouched), for the UI to tell
      staff once; None when the file was sound or new.

    Use it from one thread; it never waits for the disk.
    """

    def __init__(
        self,
        path: Path | str,
        clock: Callable[[], float] = time.time,
        retention: Retention = Retention.DAY,
    ) -> None:
        self._clock = clock
        self.retention = Retention(retention)
        self._forgotten_at: float | None = None
        self._closed = False
        self._file = SqliteFile(
            path, (TABLE,), version=_SCHEMA_VERSION, label="the attention leaderboard", clock=clock
        )
        if self.retention is Retention.VISIT:
            self.forget_all()  # names a closed game left behind (a crash, a power cut)
        else:
            self.forget_expired()

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def persistent(self) -> bool:
        return self._file.persistent

    @property
    def problem(self) -> str | None:
        return self._file.problem

    @property
    def recovered_from(self) -> Path | None:
        return self._file.recovered_from

    def add(self, nickname: str, mode: str, score: int) -> Entry:
        """Store a score made now and return it as stored (the nickname cleaned).

        Raises :class:`NicknameError`, ValueError (unknown mode, score outside 0..100) or TypeError
        (a score that is not a whole number); never for disk problems.
        """
        entry = Entry(
            validate_nickname(nickname), _checked_mode(mode), _checked_score(score), float(self._clock())
        )
        self._forget_if_due()
        self._file.insert(
            TABLE, {"nickname": entry.nickname, "mode": entry.mode, "score": entry.score, "at": entry.at}
        )
        return entry

    def today_best(self, mode: str, limit: int = 5) -> list[Entry]:
        """Today's ``limit`` best entries of ``mode``: highest score first, earlier first among equals."""
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, not {limit}")
        return list(islice(self._today(_checked_mode(mode)), limit))

    def rank_today(self, mode: str, score: int) -> int:
        """The place (1 = best) ``score`` would take on today's board of ``mode`` if added now.

        Behind every higher score and every equal one made until now. Ask before adding it: a
        just-added entry would count itself.
        """
        score, now = _checked_score(score), self._clock()
        ahead = (entry for entry in self._today(_checked_mode(mode)) if entry.score >= score)
        return 1 + sum(1 for entry in ahead if entry.score > score or entry.at <= now)

    def forget_expired(self) -> int:
        """Delete every entry whose time is up (and any a damaged file or a clock set back left:
        a time that is no number, or after today); returns how many went."""
        now = float(self._clock())
        self._forgotten_at = now
        keep_from, next_midnight = self._kept_span(now)
        return self._file.write(
            "DELETE FROM entries WHERE typeof(at) NOT IN ('integer', 'real') OR at < ? OR at >= ?",
            (keep_from, next_midnight),
        )

    def _forget_if_due(self) -> None:
        now = float(self._clock())
        last = self._forgotten_at
        if last is None or not last <= now < last + FORGET_EVERY_S:  # a clock set back counts as due
            self.forget_expired()

    def _kept_span(self, now: float) -> tuple[float, float]:
        """From when to when entries are kept at ``now``."""
        midnight, next_midnight = _day_bounds(now)
        keep_from = max(midnight, now - HOUR_S) if self.retention is Retention.HOUR else midnight
        return keep_from, next_midnight

    def forget_all(self) -> int:
        """Delete every entry (the game closes and staff chose :attr:`Retention.VISIT`)."""
        return self._file.write("DELETE FROM entries")

    def sync(self, timeout: float = 2.0) -> bool:
        """Write what waits now (up to ``timeout`` s); True when the file holds everything."""
        return self._file.sync(timeout)

    def close(self) -> None:
        """Forget what is due, write what waits, and close the file (the board can't be used
        afterwards; closing again does nothing)."""
        if self._closed:
            return
        self._closed = True
        if self.retention is Retention.VISIT:
            self.forget_all()
        else:
            self.forget_expired()
        self._file.close()

    def _today(self, mode: str) -> Iterator[Entry]:
        """Today's entries of ``mode``, best first, skipping any a damaged file made unshowable."""
        self._forget_if_due()
        start, end = self._kept_span(float(self._clock()))
        rows = self._file.rows(
            "SELECT nickname, score, at FROM entries"
            " WHERE mode = ? AND typeof(at) IN ('integer', 'real') AND at >= ? AND at < ?"
            " AND typeof(score) = 'integer' AND score BETWEEN 0 AND ?"
            " ORDER BY score DESC, at, rowid",
            (mode, start, end, MAX_SCORE),
        )
        for nickname, score, at in rows:
            if _showable(nickname):
                yield Entry(nickname, mode, score, float(at))


def _showable(nickname: object) -> bool:
    """Whether a stored nickname may be shown: a damaged file can hold anything."""
    try:
        return isinstance(nickname, str) and validate_nickname(nickname) == nickname
    except NicknameError:
        return False
