"""The attention game's "today's best" board, kept in one small SQLite file (no Qt).

Why SQLite (the standard library's :mod:`sqlite3`): one file, and every score is written in a
transaction, so a kiosk switched off mid-game never leaves half a line behind. What is kept is only
what the board shows: the nickname a visitor typed, the game mode, the score and when it was made.
No EEG, and nothing else about the visitor.

Why it never raises for disk problems: the board is a bonus, and a damaged file or a read-only
install folder must not stop the game. A file that is not (or no longer) a sound leaderboard is moved
aside, kept for staff as ``<name>.corrupt-<YYYYmmdd-HHMMSS>``, and a fresh one is started
(:attr:`Leaderboard.recovered_from`). Where nothing can be written at all, the board lives in memory
for this session and says why (:attr:`Leaderboard.persistent`, :attr:`Leaderboard.problem`). That
handling is :mod:`drivers.files.storage`'s, shared with the showroom's usage statistics. Wrong input (an
unknown mode, a score of 101, a nickname with a bidi override) is the caller's to handle and raises.
"""

from __future__ import annotations

import numbers
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import islice
from pathlib import Path

from drivers.files.storage import SqliteFile, Table

#: A nickname is at most this many characters once cleaned (a Chinese character counts as one).
MAX_NICKNAME_CHARS = 12
#: The game modes with a board each.
MODES = ("focus", "relax", "duel")
#: Scores run from 0 to this.
MAX_SCORE = 100
#: Unicode categories refused anywhere in a nickname: control characters (tab and line breaks too:
#: an on-screen keyboard never types them), format characters (bidi overrides such as U+202E that
#: would reverse the board's text, zero-width spaces and joiners that make two names look alike),
#: lone surrogates, private use and unassigned code points (no font shows them), and line and
#: paragraph separators.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

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


class NicknameProblem(StrEnum):
    """Why a nickname was refused; the widget says it in the visitor's language."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL = "control"


_PROBLEM_TEXT = {
    NicknameProblem.EMPTY: "the nickname is empty",
    NicknameProblem.TOO_LONG: f"the nickname is longer than {MAX_NICKNAME_CHARS} characters",
    NicknameProblem.CONTROL: "the nickname contains control, invisible or unassigned characters",
}


class NicknameError(ValueError):
    """A nickname that can't go on the board; ``reason`` says why, ``str()`` says it in English for logs."""

    def __init__(self, reason: NicknameProblem) -> None:
        super().__init__(_PROBLEM_TEXT[reason])
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Entry:
    """One score on the board: ``at`` is the clock's time (seconds since the epoch) it was added."""

    nickname: str
    mode: str
    score: int
    at: float


def validate_nickname(text: str) -> str:
    """``text`` as it goes on the board, or :class:`NicknameError`.

    Cleaning: NFC-normalised (an accented letter typed as letter + accent is one character, and
    looks and sorts like the precomposed one), leading and trailing spaces dropped, every run of
    spaces inside (any Unicode space: the Chinese IME's full-width U+3000 too) made one ASCII space.
    Then it must hold something, at most :data:`MAX_NICKNAME_CHARS` characters, and no character of
    :data:`REFUSED_CATEGORIES`.
    """
    spaced = "".join(" " if unicodedata.category(char) == "Zs" else char for char in text)
    cleaned = " ".join(word for word in unicodedata.normalize("NFC", spaced).split(" ") if word)
    if any(unicodedata.category(char) in REFUSED_CATEGORIES for char in cleaned):
        raise NicknameError(NicknameProblem.CONTROL)
    if not cleaned:
        raise NicknameError(NicknameProblem.EMPTY)
    if len(cleaned) > MAX_NICKNAME_CHARS:
        raise NicknameError(NicknameProblem.TOO_LONG)
    return cleaned


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
    "today" is its local calendar day. The file is a :class:`drivers.files.storage.SqliteFile`, so after
    construction:

    - ``persistent`` is False when the board lives in memory only, ``problem`` then says why (the
      folder or file can't be written, or the file failed while the game ran);
    - ``recovered_from`` is where a damaged file was moved (its bytes untouched), for the UI to tell
      staff once; None when the file was sound or new.

    Not thread-safe: use it from one thread (SQLite refuses a connection shared across threads).
    """

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._file = SqliteFile(
            path, (TABLE,), version=_SCHEMA_VERSION, label="the attention leaderboard", clock=clock
        )

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
        self._file.rows(
            "INSERT INTO entries (nickname, mode, score, at) VALUES (?, ?, ?, ?)",
            (entry.nickname, entry.mode, entry.score, entry.at),
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

    def close(self) -> None:
        """Close the file (the board can't be used afterwards)."""
        self._file.close()

    def _today(self, mode: str) -> Iterator[Entry]:
        """Today's entries of ``mode``, best first, skipping any a damaged file made unshowable."""
        day = datetime.fromtimestamp(self._clock()).date()
        midnight = datetime(day.year, day.month, day.day)
        # Local midnights through naive datetimes: a day with a daylight-saving change has 23 or 25 hours.
        start, end = midnight.timestamp(), (midnight + timedelta(days=1)).timestamp()
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
