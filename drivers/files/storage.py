"""A small SQLite file that never stops the showroom: damaged files are kept aside, unwritable ones
give way to memory (no Qt).

The showroom keeps a few things between visits in SQLite files (the attention game's board, the
usage statistics): one file each, every statement its own transaction, so a kiosk switched off
mid-visit never leaves half a line behind. None of them is worth a visitor's demo, so
:class:`SqliteFile` never raises for disk problems:

- a file that is not (or no longer) a sound database of the expected tables is moved aside, its
  bytes untouched, as ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` for staff, and a fresh one is started
  (:attr:`SqliteFile.recovered_from`);
- where nothing can be written (a read-only folder, a file where the folder should be, another
  program holding the file), it lives in memory for this session and says why
  (:attr:`SqliteFile.persistent`, :attr:`SqliteFile.problem`); the file is left alone;
- a file that fails while in use (overwritten by a careless copy, a disk fault) is left as it is
  and the session goes on in memory, the failed statement run there.

Programming errors (SQL that is wrong, a closed file, a connection used from another thread) still
raise: they are bugs, not disk problems.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

#: SQLite's primary result codes that say nothing about the file's content (another program holds it;
#: the disk is full or failing; memory ran out): the store goes to memory and leaves the file alone.
NOT_THE_FILE = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_NOMEM,
    }
)
#: How long to wait for another program holding the file: a frozen screen is worse than a store in memory.
BUSY_TIMEOUT_S = 1.0


@dataclass(frozen=True)
class Table:
    """One table a store holds: its name and its columns as ``(name, declaration)`` pairs.

    The declaration's first word is the column's type (``"INTEGER PRIMARY KEY"``, ``"TEXT NOT
    NULL"``); a file whose table has other column names or types is not this store's file.
    """

    name: str
    columns: tuple[tuple[str, str], ...]

    @property
    def create(self) -> str:
        return f"CREATE TABLE {self.name} ({', '.join(f'{name} {decl}' for name, decl in self.columns)})"

    @property
    def signature(self) -> list[tuple[str, str]]:
        """The columns as ``PRAGMA table_info`` reports them: (name, declared type)."""
        return [(name, decl.split()[0]) for name, decl in self.columns]


class DamagedFile(Exception):
    """The file is not a sound database of the expected tables: it is moved aside and a fresh one started."""


def connect(target: str) -> sqlite3.Connection:
    """A connection that commits each statement by itself (one INSERT is one transaction).

    Stored text that is not valid UTF-8 (a damaged file) is decoded with lone surrogates in place
    of the bad bytes instead of raising; callers that show text check it themselves.
    """
    db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    db.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    return db


def prepare(db: sqlite3.Connection, tables: Sequence[Table], version: int) -> None:
    """Check that ``db`` is sound and holds exactly ``tables`` (creating them in an empty one).

    Ends with a write (the schema version), so a file or folder that can't be written is found now,
    not when the first visitor's data is lost. Raises :class:`DamagedFile` or :class:`sqlite3.Error`.
    """
    check = db.execute("PRAGMA quick_check(1)").fetchall()
    if check != [("ok",)]:
        raise DamagedFile(f"SQLite's quick check found {check!r}")
    # Names starting "sqlite_" are SQLite's own (statistics, sequences, automatic indexes).
    objects = db.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name"
    ).fetchall()
    expected = sorted(("table", table.name) for table in tables)
    if not objects:
        for table in tables:
            db.execute(table.create)
    elif objects != expected:
        names = ", ".join(table.name for table in tables)
        raise DamagedFile(f"it holds {objects} instead of the tables {names}")
    else:
        for table in tables:
            columns = [(name, kind) for _, name, kind, *_ in db.execute(f"PRAGMA table_info({table.name})")]
            if columns != table.signature:
                raise DamagedFile(f"its table {table.name} has the columns {columns}, not {table.signature}")
    db.execute(f"PRAGMA user_version = {int(version)}")


def _open_file(path: Path, tables: Sequence[Table], version: int) -> sqlite3.Connection:
    """The file, ready; :class:`DamagedFile` if it isn't sound, sqlite3.Error if SQLite fails."""
    db = connect(str(path))
    try:
        prepare(db, tables, version)
    except UnicodeDecodeError as error:
        # SQLite's error message quoted damaged bytes of the file (a mangled table definition), and
        # Python raised this while decoding the message, instead of the DatabaseError.
        db.close()
        raise DamagedFile(f"SQLite's error message about it is not even text ({error})") from error
    except (sqlite3.Error, DamagedFile):
        db.close()
        raise
    return db


def unwritable(path: Path) -> str | None:
    """Why ``path``'s folder or the file itself can't be written (the system's words), or None if they can."""
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
        with path.open("r+b"):
            pass
    except OSError as error:
        return str(error)
    return None


class SqliteFile:
    """The SQLite file ``path`` holding ``tables`` (created with its folder if need be).

    ``label`` names the store in the log ("the attention leaderboard"); ``clock`` gives the time in
    seconds since the epoch for the name of a damaged file kept aside (injected for tests). After
    construction:

    - ``persistent`` is False when the store lives in memory only; ``problem`` then says why (in
      English, for the log and for staff: the folder or file can't be written, or the file failed
      while in use);
    - ``recovered_from`` is where a damaged file was moved (its bytes untouched); None when the file
      was sound or new.

    Not thread-safe: use it from one thread (SQLite refuses a connection shared across threads).
    """

    def __init__(
        self,
        path: Path | str,
        tables: Sequence[Table],
        *,
        version: int,
        label: str,
        clock: Callable[[], float],
    ) -> None:
        self.path = Path(path)
        self.tables = tuple(tables)
        self.version = version
        self.label = label
        self._clock = clock
        self.persistent = True
        self.problem: str | None = None
        self.recovered_from: Path | None = None
        self._db = self._open()

    def rows(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple]:
        """Run one statement and return its rows; if SQLite fails, log it, go on in memory and run
        it there (what the file held is not in memory: a summary then starts from nothing)."""
        return self._run(sql, parameters).fetchall()

    def insert(self, sql: str, parameters: Sequence[object] = ()) -> int:
        """Run one INSERT and return the new row's id (in memory after a failure, like :meth:`rows`)."""
        return int(self._run(sql, parameters).lastrowid or 0)

    def close(self) -> None:
        """Close the file (the store can't be used afterwards)."""
        self._db.close()

    def _run(self, sql: str, parameters: Sequence[object]) -> sqlite3.Cursor:
        """A ProgrammingError (the store was closed, or used from another thread) is a bug and raises.
        A UnicodeDecodeError is Python failing to decode SQLite's error message about a damaged file."""
        try:
            return self._db.execute(sql, tuple(parameters))
        except sqlite3.ProgrammingError:
            raise
        except (sqlite3.Error, UnicodeDecodeError) as error:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = self._in_memory(f"the file {self.path} failed while in use: {error}")
            return self._db.execute(sql, tuple(parameters))

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            return self._in_memory(f"cannot create the folder {self.path.parent}: {error}")
        try:
            return _open_file(self.path, self.tables, self.version)
        except DamagedFile as damage:
            reason = str(damage)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF in NOT_THE_FILE:
                return self._in_memory(f"cannot use {self.path}: {error}")
            blocked = unwritable(self.path)
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
            "%s %s was damaged (%s): kept as %s, a new one is started",
            self.label,
            self.path,
            reason,
            self.recovered_from,
        )
        try:
            return _open_file(self.path, self.tables, self.version)
        except (DamagedFile, sqlite3.Error) as error:
            return self._in_memory(f"cannot start a new file at {self.path}: {error}")

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
        """A fresh store in memory, for when the file can't be used: the showroom goes on, staff learn why."""
        log.warning("%s is kept in memory only, lost on quit: %s", self.label, problem)
        self.persistent = False
        self.problem = problem
        db = connect(":memory:")
        for table in self.tables:
            db.execute(table.create)
        return db
