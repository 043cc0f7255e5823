"""The attention game's "today's best" board, kept in one small SQLite file (no Qt).

Why SQLite (the standard library's :mod:`sqlite3`): one file, and every score is written in a
transaction, so a kiosk switched off mid-game never leaves half a line behind. What is kept is only
what the board shows: the nickname a visitor typed, the game mode, the score and when it was made.
No EEG, and nothing else about the visitor.

Why it never raises for disk problems: the board is a bonus, and a damaged file or a read-only
install folder must not stop the game. A file that is not (or no longer) a sound leaderboard is moved
aside, kept for staff as ``<name>.corrupt-<YYYYmmdd-HHMMSS>``, and a fresh one is started
(:attr:`Leaderboard.recovered_from`). Where nothing can be written at all, the board lives in memory
for this session and says why (:attr:`Leaderboard.persistent`, :attr:`Leaderboard.problem`). Wrong
input (an unknown mode, a score of 101, a nickname with a bidi override) is the caller's to handle
and raises.
"""

from __future__ import annotations

import contextlib
import logging
import numbers
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import islice
from pathlib import Path

log = logging.getLogger(__name__)

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

_COLUMNS = [("nickname", "TEXT"), ("mode", "TEXT"), ("score", "INTEGER"), ("at", "REAL")]
_CREATE = f"CREATE TABLE entries ({', '.join(f'{name} {kind} NOT NULL' for name, kind in _COLUMNS)})"
_SCHEMA_VERSION = 1
#: SQLite's primary result codes that say nothing about the file's content (another program holds it;
#: the disk is full or failing; memory ran out): the board goes to memory and leaves the file alone.
_NOT_THE_FILE = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_NOMEM,
    }
)
#: How long to wait for another program holding the file: a frozen game screen is worse than a
#: board in memory.
_BUSY_TIMEOUT_S = 1.0


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


class _Damaged(Exception):
    """The file is not a sound leaderboard: it is moved aside and a fresh one started."""


def _connect(target: str) -> sqlite3.Connection:
    """A connection that commits each statement by itself (one INSERT is one transaction).

    Stored text that is not valid UTF-8 (a damaged file) is decoded with lone surrogates in place
    of the bad bytes instead of raising; :func:`validate_nickname` then refuses that nickname.
    """
    db = sqlite3.connect(target, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
    db.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    return db


def _prepare(db: sqlite3.Connection) -> None:
    """Check that ``db`` is sound and holds exactly the board's table (creating it in an empty one).

    Ends with a write (the schema version), so a file or folder that can't be written is found now,
    not when the first visitor's score is lost. Raises :class:`_Damaged` or :class:`sqlite3.Error`.
    """
    check = db.execute("PRAGMA quick_check(1)").fetchall()
    if check != [("ok",)]:
        raise _Damaged(f"SQLite's quick check found {check!r}")
    # Names starting "sqlite_" are SQLite's own (statistics, sequences, automatic indexes).
    objects = db.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'"
    ).fetchall()
    if not objects:
        db.execute(_CREATE)
    elif objects != [("table", "entries")]:
        raise _Damaged(f"it holds {objects} instead of the leaderboard's one table")
    else:
        columns = [(name, kind) for _, name, kind, *_ in db.execute("PRAGMA table_info(entries)")]
        if columns != _COLUMNS:
            raise _Damaged(f"its table has the columns {columns} instead of {_COLUMNS}")
    db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")


def _open_file(path: Path) -> sqlite3.Connection:
    """The board's file, ready; :class:`_Damaged` if it isn't a sound board, sqlite3.Error if SQLite fails."""
    db = _connect(str(path))
    try:
        _prepare(db)
    except UnicodeDecodeError as error:
        # SQLite's error message quoted damaged bytes of the file (a mangled table definition), and
        # Python raised this while decoding the message, instead of the DatabaseError.
        db.close()
        raise _Damaged(f"SQLite's error message about it is not even text ({error})") from error
    except (sqlite3.Error, _Damaged):
        db.close()
        raise
    return db


def _unwritable(path: Path) -> str | None:
    """Why ``path``'s folder or the file itself can't be written (the system's words), or None if they can."""
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
        with path.open("r+b"):
            pass
    except OSError as error:
        return str(error)
    return None


class Leaderboard:
    """Today's best scores per mode, in the SQLite file ``path`` (created with its folder if need be).

    ``clock`` gives the time in seconds since the epoch (injected so tests can move between days);
    "today" is its local calendar day. After construction:

    - ``persistent`` is False when the board lives in memory only, ``problem`` then says why (the
      folder or file can't be written, or the file failed while the game ran);
    - ``recovered_from`` is where a damaged file was moved (its bytes untouched), for the UI to tell
      staff once; None when the file was sound or new.

    Not thread-safe: use it from one thread (SQLite refuses a connection shared across threads).
    """

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self.persistent = True
        self.problem: str | None = None
        self.recovered_from: Path | None = None
        self._db = self._open()

    def add(self, nickname: str, mode: str, score: int) -> Entry:
        """Store a score made now and return it as stored (the nickname cleaned).

        Raises :class:`NicknameError`, ValueError (unknown mode, score outside 0..100) or TypeError
        (a score that is not a whole number); never for disk problems.
        """
        entry = Entry(
            validate_nickname(nickname), _checked_mode(mode), _checked_score(score), float(self._clock())
        )
        self._rows(
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
        self._db.close()

    def _today(self, mode: str) -> Iterator[Entry]:
        """Today's entries of ``mode``, best first, skipping any a damaged file made unshowable."""
        day = datetime.fromtimestamp(self._clock()).date()
        midnight = datetime(day.year, day.month, day.day)
        # Local midnights through naive datetimes: a day with a daylight-saving change has 23 or 25 hours.
        start, end = midnight.timestamp(), (midnight + timedelta(days=1)).timestamp()
        rows = self._rows(
            "SELECT nickname, score, at FROM entries"
            " WHERE mode = ? AND typeof(at) IN ('integer', 'real') AND at >= ? AND at < ?"
            " AND typeof(score) = 'integer' AND score BETWEEN 0 AND ?"
            " ORDER BY score DESC, at, rowid",
            (mode, start, end, MAX_SCORE),
        )
        for nickname, score, at in rows:
            if _showable(nickname):
                yield Entry(nickname, mode, score, float(at))

    def _rows(self, sql: str, parameters: tuple[object, ...]) -> list[tuple]:
        """Run one statement; if SQLite fails, log it, go on in memory and run it there.

        A ProgrammingError (the board was closed, or used from another thread) is a bug and raises.
        A UnicodeDecodeError is Python failing to decode SQLite's error message about a damaged file.
        """
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.ProgrammingError:
            raise
        except (sqlite3.Error, UnicodeDecodeError) as error:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = self._in_memory(f"the leaderboard file {self.path} failed during the game: {error}")
            return self._db.execute(sql, parameters).fetchall()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return self._in_memory(f"cannot create the folder {self.path.parent}: {error}")
        try:
            return _open_file(self.path)
        except _Damaged as damage:
            reason = str(damage)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF in _NOT_THE_FILE:
                return self._in_memory(f"cannot use {self.path}: {error}")
            blocked = _unwritable(self.path)
            if blocked is not None:
                return self._in_memory(f"cannot use {self.path} ({error}): {blocked}")
            # Folder and file can be written, yet SQLite refuses the file: its content is at fault
            # (damaged pages, not a database, a header claiming a newer or read-only format).
            reason = str(error)
        try:
            self.recovered_from = self._move_aside()
        except OSError as error:
            return self._in_memory(f"{self.path} is damaged ({reason}) and cannot be moved aside: {error}")
        log.warning(
            "the attention leaderboard %s was damaged (%s): kept as %s, a new one is started",
            self.path,
            reason,
            self.recovered_from,
        )
        try:
            return _open_file(self.path)
        except (_Damaged, sqlite3.Error) as error:
            return self._in_memory(f"cannot start a new leaderboard at {self.path}: {error}")

    def _move_aside(self) -> Path:
        """Rename the damaged file to a free ``<name>.corrupt-<time>``.

        Only this file moves: opening and closing it, SQLite already rolled back or deleted its own
        ``-journal``, ``-wal`` and ``-shm`` files beside it (seen with SQLite 3.40).
        """
        stamp = datetime.fromtimestamp(self._clock()).strftime("%Y%m%d-%H%M%S")
        base = f"{self.path.name}.corrupt-{stamp}"
        aside = self.path.with_name(base)
        copies = 1
        while aside.exists():
            copies += 1
            aside = self.path.with_name(f"{base}-{copies}")
        self.path.rename(aside)
        return aside

    def _in_memory(self, problem: str) -> sqlite3.Connection:
        """A fresh board in memory, for when the file can't be used: the game goes on, staff learn why."""
        log.warning("the attention leaderboard is kept in memory only, lost on quit: %s", problem)
        self.persistent = False
        self.problem = problem
        db = _connect(":memory:")
        db.execute(_CREATE)
        return db


def _showable(nickname: object) -> bool:
    """Whether a stored nickname may be shown: a damaged file can hold anything."""
    try:
        return isinstance(nickname, str) and validate_nickname(nickname) == nickname
    except NicknameError:
        return False
