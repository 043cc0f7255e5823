"""A small SQLite file that never stops the showroom and never loses what it was given (no Qt).

The showroom keeps a few things between visits in SQLite files (the attention game's board, the
usage statistics): one file each, written in transactions, so a kiosk switched off mid-visit never
leaves half a line behind. None of them is worth a visitor's demo or a frozen screen, so
:class:`SqliteFile` never raises for disk problems and never waits for the disk on its caller's
thread:

- everything the store holds is also in memory (a copy of the file made at start), where the
  caller's reads and writes run at once; each write is queued, in order, for a writer thread of
  the store's own, which puts the queue into the file in one transaction at a time;
- when the file can't be written (another program holds it, the disk is full, a read-only folder)
  the queue waits and the writer tries again, sooner at first, then every few seconds
  (:attr:`SqliteFile.persistent` is False meanwhile, :attr:`SqliteFile.problem` says why,
  :attr:`SqliteFile.pending` counts what waits); what is read always includes what waits;
- a file deleted or replaced under the store (noticed before every write) is reopened or
  recreated at its path and given everything the store holds;
- a file that is not (or no longer) a sound database of the expected tables is moved aside, its
  bytes untouched, as ``<name>.corrupt-<YYYYmmdd-HHMMSS>`` for staff, and a fresh one is started
  with everything the store holds (:attr:`SqliteFile.recovered_from`).

Why a thread and not short attempts from a timer: a write that finds the file free can still take
tens of milliseconds (a slow or full disk, a USB stick); off the caller's thread it costs a frame
nothing, and this module needs no Qt. The thread is a daemon thread, and :meth:`SqliteFile.close`
flushes and joins it within :data:`CLOSE_TIMEOUT_S` (a thread still writing at exit must not hold
the app's quit).

Programming errors (SQL that is wrong, a closed store) still raise on the caller's thread: every
statement runs in memory first.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

#: SQLite's primary result codes that say nothing about the file's content (another program holds it;
#: the disk is full or failing; memory ran out): the writer leaves the file alone and tries again.
NOT_THE_FILE = frozenset(
    {
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_NOMEM,
    }
)
#: How long the writer thread waits for another program holding the file before it queues on.
BUSY_TIMEOUT_S = 0.5
#: The first pause before the writer tries a failing file again; it doubles up to RETRY_MAX_S.
RETRY_FIRST_S = 0.25
RETRY_MAX_S = 5.0
#: How long :meth:`SqliteFile.close` waits for the writer to put what is queued into the file.
CLOSE_TIMEOUT_S = 2.0


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


def connect(target: str, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection that commits each statement by itself unless told ``BEGIN``; made on one
    thread and used by another (the store's writer), one at a time.

    Stored text that is not valid UTF-8 (a damaged file) is decoded with lone surrogates in place
    of the bad bytes instead of raising; callers that show text check it themselves.
    """
    db = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False)
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


def _open_file(path: Path, tables: Sequence[Table], version: int, timeout: float) -> sqlite3.Connection:
    """The file, ready; :class:`DamagedFile` if it isn't sound, sqlite3.Error if SQLite fails."""
    db = connect(str(path), timeout)
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


class Unavailable(Exception):
    """The file can't be used now (the message says why, in English); the store keeps its queue."""


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` (device and inode), None when none is: a replaced file differs."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _columns(table: Table) -> list[str]:
    """The columns that give a row back whole: its own, and its rowid unless a column is the rowid."""
    names = [name for name, _ in table.columns]
    if any(decl.upper().startswith("INTEGER PRIMARY KEY") for _, decl in table.columns):
        return names
    return ["rowid", *names]


def _is_transient(error: BaseException) -> bool:
    """Whether SQLite's error says nothing about the file's content (it is held, the disk is full)."""
    return getattr(error, "sqlite_errorcode", 0) & 0xFF in NOT_THE_FILE


class SqliteFile:
    """The SQLite file ``path`` holding ``tables`` (created with its folder if need be).

    ``label`` names the store in the log ("the attention leaderboard"); ``clock`` gives the time in
    seconds since the epoch for the name of a damaged file kept aside (injected for tests).

    - ``persistent`` is False while something can't be written to the file; ``problem`` then says
      why (in English, for the log and for staff) and ``pending`` how many changes wait;
    - ``recovered_from`` is where a damaged file was moved (its bytes untouched); None when the file
      was sound or new.

    Reads (:meth:`rows`) and writes (:meth:`insert`, :meth:`write`) may come from any one thread at a
    time and never wait for the disk; :meth:`close` ends the store.
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
        self.recovered_from: Path | None = None
        self._problem: str | None = None
        # Guards the memory copy, the queue and the writer's state; never held while the file is used.
        self._lock = threading.Condition()
        self._memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self._memory.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
        self._pending: deque[tuple[str, tuple]] = deque()
        self._file: sqlite3.Connection | None = None
        self._file_identity: tuple[int, int] | None = None
        self._loaded = False  # whether the memory holds the file's rows
        self._id_floor = 0
        self._closing = self._closed = self._kick = self._failing = self._busy = False
        self._attempts = 0
        try:
            # No waiting for another program here: the caller may be the GUI thread.
            self._file = self._open(timeout=0.0)
        except Unavailable as why:
            self._fail(str(why))
            for table in self.tables:
                self._memory.execute(table.create)
            # The file's rows are not known yet: this session's ids start far above any of theirs,
            # so both fit together when the file can be read (milliseconds since the epoch).
            self._id_floor = int(clock() * 1000)
        else:
            self._file.backup(self._memory)
            self._loaded = True
        self._writer = threading.Thread(target=self._write_loop, name=f"{label} writer", daemon=True)
        self._writer.start()

    # --- what callers use ----------------------------------------------------------------------------
    @property
    def persistent(self) -> bool:
        with self._lock:
            return self._problem is None

    @property
    def problem(self) -> str | None:
        with self._lock:
            return self._problem

    @property
    def pending(self) -> int:
        """How many changes wait to be written to the file (they are in what :meth:`rows` reads)."""
        with self._lock:
            return len(self._pending)

    def rows(self, sql: str, parameters: Sequence[object] = ()) -> list[tuple]:
        """Run one query on everything the store holds (the file's rows and the changes still queued)."""
        with self._lock:
            return self._memory.execute(sql, tuple(parameters)).fetchall()

    def write(self, sql: str, parameters: Sequence[object] = ()) -> int:
        """Run one UPDATE or DELETE now, queue it for the file, and return how many rows it changed."""
        with self._lock:
            changed = self._memory.execute(sql, tuple(parameters)).rowcount
            self._queue(sql, tuple(parameters))
            return changed

    def insert(self, table: Table, values: Mapping[str, object]) -> int:
        """Add a row of ``values`` (column: value) to ``table``; its id, the same in the file.

        The store chooses the id, so a statement queued for the file gives the row the id the
        caller was told, whenever it is written.
        """
        names = list(values)
        sql = (
            f"INSERT INTO {table.name} (rowid, {', '.join(names)})"
            f" VALUES ({', '.join('?' * (len(names) + 1))})"
        )
        with self._lock:
            [(highest,)] = self._memory.execute(f"SELECT max(rowid) FROM {table.name}").fetchall()
            row_id = max(highest or 0, self._id_floor) + 1
            parameters = (row_id, *values.values())
            self._memory.execute(sql, parameters)
            # OR REPLACE: the row may reach the file twice (copied whole into a new file, then queued).
            self._queue(sql.replace("INSERT", "INSERT OR REPLACE", 1), parameters)
        return row_id

    def sync(self, timeout: float = CLOSE_TIMEOUT_S) -> bool:
        """Have the writer try the file now and wait (up to ``timeout`` s) for that try; True when
        the file holds everything. For tests and for staff ("write now"), never needed otherwise."""
        deadline = time.monotonic() + timeout
        with self._lock:
            target = self._attempts + (2 if self._busy else 1)
            self._kick = True
            self._lock.notify_all()
            while self._attempts < target and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._lock.wait(left)
            return not self._pending and self._file is not None and self._problem is None

    def close(self) -> None:
        """Write what waits (within :data:`CLOSE_TIMEOUT_S`) and close; the store can't be used afterwards."""
        with self._lock:
            if self._closing:
                return
            self._closing = True
            self._lock.notify_all()
        self._writer.join(CLOSE_TIMEOUT_S)
        with self._lock:
            if self._writer.is_alive():
                log.warning(
                    "%s: the file %s did not answer in time; %d changes may be lost",
                    self.label,
                    self.path,
                    len(self._pending),
                )
            elif self._pending:
                log.warning(
                    "%s: %d changes could not be written to %s and are lost: %s",
                    self.label,
                    len(self._pending),
                    self.path,
                    self._problem,
                )
            self._closed = True
            self._memory.close()
            self._lock.notify_all()

    # --- the writer thread ---------------------------------------------------------------------------
    def _queue(self, sql: str, parameters: tuple) -> None:
        self._pending.append((sql, parameters))
        self._lock.notify_all()

    def _has_work(self) -> bool:
        return bool(self._pending) or self._file is None

    def _write_loop(self) -> None:
        pause = RETRY_FIRST_S
        while True:
            with self._lock:
                if not (self._closing or self._kick):
                    if self._failing:  # new writes wake it, but it tries again only when the pause is over
                        retry_at = time.monotonic() + pause
                        while not (self._closing or self._kick) and time.monotonic() < retry_at:
                            self._lock.wait(retry_at - time.monotonic())
                    else:
                        self._lock.wait_for(lambda: self._closing or self._kick or self._has_work())
                self._kick = False
                closing = self._closing
                work = self._has_work()
                self._busy = True
            succeeded = self._attempt() if work else True
            with self._lock:
                self._busy = False
                self._failing = not succeeded
                self._attempts += 1
                self._lock.notify_all()
            pause = RETRY_FIRST_S if succeeded else min(2 * pause, RETRY_MAX_S)
            if closing:
                break
        if self._file is not None:
            with contextlib.suppress(sqlite3.Error):
                self._file.close()

    def _attempt(self) -> bool:
        """One try at putting the queue into the file (reopening it first where need be)."""
        for _ in range(2):  # a file found damaged is moved aside and the next try starts a new one
            try:
                if self._file is not None and _identity(self.path) != self._file_identity:
                    log.warning("%s: %s was deleted or replaced; it is opened again", self.label, self.path)
                    self._drop_file()
                if self._file is None:
                    self._file = self._open(timeout=BUSY_TIMEOUT_S)
                    self._copy_in()
                self._flush()
            except Unavailable as why:
                self._fail(str(why))
                return False
            except (sqlite3.Error, UnicodeDecodeError) as error:
                # UnicodeDecodeError: Python could not decode SQLite's message about a damaged file.
                self._fail(f"cannot write to {self.path}: {error}")
                if _is_transient(error):
                    return False
                self._drop_file()  # the file is at fault: reopening it finds out how, and moves it aside
                continue
            with self._lock:
                if self._problem is not None:
                    log.info("%s: everything is in %s again", self.label, self.path)
                    self._problem = None
            return True
        return False

    def _fail(self, problem: str) -> None:
        with self._lock:
            if self._problem is None:
                log.warning(
                    "%s: changes wait in memory for the file (%d queued): %s",
                    self.label,
                    len(self._pending),
                    problem,
                )
            self._problem = problem

    def _drop_file(self) -> None:
        if self._file is not None:
            with contextlib.suppress(sqlite3.Error):
                self._file.close()
        self._file = None

    def _flush(self) -> None:
        """Write the queue, in order, in one transaction; what was written leaves the queue."""
        with self._lock:
            batch = list(self._pending)
        if not batch or self._file is None:
            return
        self._transaction(lambda db: [db.execute(sql, parameters) for sql, parameters in batch])
        with self._lock:
            for _ in batch:
                self._pending.popleft()

    def _copy_in(self) -> None:
        """Give a file just opened everything the store holds (it may be new, replaced, or the one
        read at start); the first time the memory meets the file, take the file's rows too."""
        with self._lock:
            if self._closed:
                return
            ours = {
                table: self._memory.execute(
                    f"SELECT {', '.join(_columns(table))} FROM {table.name}"
                ).fetchall()
                for table in self.tables
            }
            queued = len(self._pending)
        theirs: dict[Table, list[tuple]] = {}

        def copy(db: sqlite3.Connection) -> None:
            for table, rows in ours.items():
                names = _columns(table)
                if not self._loaded:
                    theirs[table] = db.execute(f"SELECT {', '.join(names)} FROM {table.name}").fetchall()
                marks = ", ".join("?" * len(names))
                db.executemany(
                    f"INSERT OR REPLACE INTO {table.name} ({', '.join(names)}) VALUES ({marks})", rows
                )

        self._transaction(copy)
        with self._lock:
            if self._closed:
                return
            for table, rows in theirs.items():
                names = _columns(table)
                marks = ", ".join("?" * len(names))
                self._memory.executemany(
                    f"INSERT OR IGNORE INTO {table.name} ({', '.join(names)}) VALUES ({marks})", rows
                )
            self._loaded = True
            for _ in range(queued):  # the copy holds them
                self._pending.popleft()

    def _transaction(self, work: Callable[[sqlite3.Connection], object]) -> None:
        db = self._file
        assert db is not None
        db.execute("BEGIN IMMEDIATE")
        try:
            work(db)
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def _open(self, timeout: float) -> sqlite3.Connection:
        """The file, ready (a damaged one moved aside and a new one started); :class:`Unavailable`
        when it can't be used now."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise Unavailable(f"cannot create the folder {self.path.parent}: {error}") from error
        try:
            return self._opened(timeout)
        except DamagedFile as damage:
            reason = str(damage)
        except sqlite3.Error as error:
            if _is_transient(error):
                raise Unavailable(f"cannot use {self.path}: {error}") from error
            blocked = unwritable(self.path)
            if blocked is not None:
                raise Unavailable(f"cannot use {self.path} ({error}): {blocked}") from error
            # Folder and file can be written, yet SQLite refuses the file: its content is at fault
            # (damaged pages, not a database, a header claiming a newer or read-only format).
            reason = str(error)
        try:
            self.recovered_from = self._move_aside()
        except OSError as error:
            raise Unavailable(
                f"{self.path} is damaged ({reason}) and cannot be moved aside: {error}"
            ) from error
        log.warning(
            "%s %s was damaged (%s): kept as %s, a new one is started",
            self.label,
            self.path,
            reason,
            self.recovered_from,
        )
        try:
            return self._opened(timeout)
        except (DamagedFile, sqlite3.Error) as error:
            raise Unavailable(f"cannot start a new file at {self.path}: {error}") from error

    def _opened(self, timeout: float) -> sqlite3.Connection:
        db = _open_file(self.path, self.tables, self.version, timeout)
        self._file_identity = _identity(self.path)
        return db

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
