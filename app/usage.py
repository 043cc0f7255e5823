"""Usage statistics for staff: which demos visitors open, for how long, and whether they finish (no Qt).

Kept in one SQLite file in the app's data folder (:class:`drivers.files.storage.SqliteFile`: the
file is written by a thread of its own, so a visitor never waits for the disk; what can't be
written yet (another program holds the file, a full disk, a read-only folder) waits in memory, is
counted, and is written when the file can be; a damaged file is moved aside and a fresh one
started). What is kept is only times and demo ids: when a visit (one visitor, from the first touch
to the end or the idle timeout) started and ended and why, and when each demo was opened and closed
within it and whether the visitor reached its end. Never EEG, never a name,
never anything a visitor typed.

The shell reports with :meth:`UsageLog.visit_started` / :meth:`~UsageLog.visit_ended` and
:meth:`~UsageLog.demo_started` / :meth:`~UsageLog.demo_ended`; the staff console reads
:meth:`~UsageLog.summary` and :meth:`~UsageLog.visits` and exports a day as CSV for Excel.
"""

from __future__ import annotations

import csv
import logging
import math
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from drivers.files.storage import SqliteFile, Table

log = logging.getLogger(__name__)

USAGE_FILE = "usage.sqlite3"
_SCHEMA_VERSION = 1
VISITS = Table(
    "visits",
    (("id", "INTEGER PRIMARY KEY"), ("started", "REAL NOT NULL"), ("ended", "REAL"), ("reason", "TEXT")),
)
SESSIONS = Table(
    "sessions",
    (
        ("id", "INTEGER PRIMARY KEY"),
        ("demo", "TEXT NOT NULL"),
        ("visit", "INTEGER"),
        ("started", "REAL NOT NULL"),
        ("ended", "REAL"),
        ("completed", "INTEGER NOT NULL"),
    ),
)
#: The CSV's columns when the caller gives none (the console passes them translated).
CSV_HEADER = (
    "date",
    "demo",
    "sessions",
    "completed",
    "completion rate (%)",
    "total time (s)",
    "median time (s)",
)
_NUMBER = "typeof({0}) IN ('integer', 'real')"


#: What makes Excel or LibreOffice read a cell as a formula ("=HYPERLINK(...)" in a plugin demo's
#: id or a translated title), so a report opened by staff cannot run one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as written: text that would start a formula gets a
    leading apostrophe, which spreadsheets hide; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class EndReason(StrEnum):
    """Why a visit ended: the visitor finished (back to the start screen), the idle timeout, the
    app closed with the visit open, or the visitor said "not now" on the intro."""

    FINISHED = "finished"
    IDLE = "idle"
    CLOSED = "closed"
    DECLINED = "declined"  # "not now" on the intro


@dataclass(frozen=True)
class DemoUsage:
    """One demo's use on one day.

    ``sessions`` counts every opening; the durations count only the sessions that were closed (an
    app switched off mid-demo leaves one without an end); ``median_s`` is None when none was.
    """

    demo_id: str
    sessions: int
    completed: int
    total_s: float
    median_s: float | None

    @property
    def completion_rate(self) -> float:
        """Completed sessions as a share of all sessions (0..1)."""
        return self.completed / self.sessions if self.sessions else 0.0


def _day_bounds(day: date) -> tuple[float, float]:
    """The local day's start and end in seconds since the epoch (a daylight-saving day has 23 or 25 h)."""
    midnight = datetime(day.year, day.month, day.day)
    return midnight.timestamp(), (midnight + timedelta(days=1)).timestamp()


class UsageLog:
    """The usage statistics in the SQLite file ``path`` (created with its folder if need be).

    ``clock`` gives the time in seconds since the epoch (injected for tests); a day is the clock's
    local calendar day. ``problem`` is None while all is well; otherwise it says in English (for
    the log and the staff console) that the file was damaged and kept aside (``recovered_from``),
    or that changes wait in memory for the file (``persistent`` False, ``pending`` of them); every
    count includes them. Unknown or
    already ended ids are ignored: a visit the idle timeout ended is not ended again by a late touch.

    Use it from the GUI thread; it never waits for the disk.
    """

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._file = SqliteFile(
            path, (VISITS, SESSIONS), version=_SCHEMA_VERSION, label="the usage statistics", clock=clock
        )

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def persistent(self) -> bool:
        return self._file.persistent

    @property
    def recovered_from(self) -> Path | None:
        return self._file.recovered_from

    @property
    def pending(self) -> int:
        """How many changes wait to be written to the file (already in every count)."""
        return self._file.pending

    @property
    def problem(self) -> str | None:
        if self._file.problem is not None:
            return (
                f"the usage statistics wait in memory until their file can be written: {self._file.problem}"
            )
        if self._file.recovered_from is not None:
            aside = self._file.recovered_from
            return f"the usage statistics file was damaged: kept as {aside}, a new one started"
        return None

    # --- recording -------------------------------------------------------------------------------------
    def visit_started(self) -> int:
        """A visitor started (the first touch after the start screen); returns the visit's id."""
        return self._file.insert(VISITS, {"started": self._now()})

    def visit_ended(self, visit_id: int, reason: str) -> None:
        """The visit ended: ``reason`` is one of :class:`EndReason` ("finished", "idle", "closed");
        anything else is a bug and raises ValueError."""
        why = EndReason(reason)
        self._file.write(
            "UPDATE visits SET ended = ?, reason = ? WHERE id = ? AND ended IS NULL",
            (self._now(), why.value, int(visit_id)),
        )

    def demo_started(self, demo_id: str, visit_id: int | None) -> int:
        """A demo was opened (within ``visit_id``, or outside any visit: staff); returns the session's id."""
        if not isinstance(demo_id, str) or not demo_id:
            raise ValueError(f"a demo id is a non-empty string, not {demo_id!r}")
        visit = None if visit_id is None else int(visit_id)
        return self._file.insert(
            SESSIONS, {"demo": demo_id, "visit": visit, "started": self._now(), "completed": 0}
        )

    def demo_ended(self, session_id: int, completed: bool) -> None:
        """The demo was closed; ``completed`` when the visitor reached its end (a result, a word spelled)."""
        self._file.write(
            "UPDATE sessions SET ended = ?, completed = ? WHERE id = ? AND ended IS NULL",
            (self._now(), int(bool(completed)), int(session_id)),
        )

    def end_open(self) -> None:
        """End every open session (not completed) and visit ("closed"): the app is quitting."""
        now = self._now()
        self._file.write("UPDATE sessions SET ended = ? WHERE ended IS NULL", (now,))
        self._file.write(
            "UPDATE visits SET ended = ?, reason = ? WHERE ended IS NULL", (now, EndReason.CLOSED.value)
        )

    def sync(self, timeout: float = 2.0) -> bool:
        """Write what waits now (up to ``timeout`` s); True when the file holds everything."""
        return self._file.sync(timeout)

    def close(self) -> None:
        """Write what waits (a couple of seconds at most) and close the file."""
        self._file.close()

    # --- reading ---------------------------------------------------------------------------------------
    def summary(self, day: date | None = None) -> list[DemoUsage]:
        """Each demo opened on ``day`` (default: today): most used first, then by id."""
        start, end = _day_bounds(day or self.today())
        rows = self._file.rows(
            f"SELECT demo, started, ended, completed FROM sessions WHERE {_NUMBER.format('started')}"
            " AND started >= ? AND started < ? AND typeof(demo) = 'text'",
            (start, end),
        )
        by_demo: dict[str, list[tuple[float | None, bool]]] = {}
        for demo, started, ended, completed in rows:
            duration = None
            if isinstance(ended, int | float) and math.isfinite(ended) and math.isfinite(started):
                duration = max(0.0, float(ended) - float(started))  # a clock set back never gives < 0
            by_demo.setdefault(demo, []).append((duration, completed == 1))
        usage = []
        for demo, sessions in by_demo.items():
            durations = [duration for duration, _ in sessions if duration is not None]
            usage.append(
                DemoUsage(
                    demo_id=demo,
                    sessions=len(sessions),
                    completed=sum(done for _, done in sessions),
                    total_s=float(sum(durations)),
                    median_s=float(statistics.median(durations)) if durations else None,
                )
            )
        return sorted(usage, key=lambda item: (-item.sessions, item.demo_id))

    def visits(self, day: date | None = None) -> int:
        """How many visits started on ``day`` (default: today)."""
        start, end = _day_bounds(day or self.today())
        [(count,)] = self._file.rows(
            f"SELECT COUNT(*) FROM visits WHERE {_NUMBER.format('started')} AND started >= ? AND started < ?",
            (start, end),
        )
        return int(count)

    def today(self) -> date:
        return datetime.fromtimestamp(self._clock()).date()

    def export_csv(
        self,
        path: Path | str,
        day: date | None = None,
        *,
        titles: Mapping[str, str] | None = None,
        header: Sequence[str] | None = None,
        visits_label: str = "visits",
    ) -> None:
        """Write ``day``'s summary (default: today) as a CSV that Excel opens as it is: UTF-8 with a
        byte order mark (without it Excel reads Chinese as GBK and shows gibberish).

        One row per demo (``titles`` maps ids to the names staff know; ``header`` replaces
        :data:`CSV_HEADER`, e.g. translated), then an empty row and the day's visits. The file is
        written beside its target and then renamed, so a failure never leaves half a file. Raises
        OSError when it cannot be written (a read-only folder, a file open in Excel on Windows).
        """
        day = day or self.today()
        names = dict(titles or {})
        columns = list(header or CSV_HEADER)
        if len(columns) != len(CSV_HEADER):
            raise ValueError(f"the CSV has {len(CSV_HEADER)} columns, the header gives {len(columns)}")
        rows: list[list[object]] = [columns]
        for item in self.summary(day):
            median = "" if item.median_s is None else round(item.median_s, 1)
            rows.append(
                [
                    day.isoformat(),
                    names.get(item.demo_id, item.demo_id),
                    item.sessions,
                    item.completed,
                    round(100 * item.completion_rate, 1),
                    round(item.total_s, 1),
                    median,
                ]
            )
        rows += [[], [day.isoformat(), visits_label, self.visits(day)]]
        target = Path(path)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with open(handle, "w", encoding="utf-8-sig", newline="", errors="replace") as file:
                csv.writer(file).writerows([[as_text_cell(cell) for cell in row] for row in rows])
            os.chmod(temporary, 0o644)  # mkstemp makes it private; a report is for whoever uses the PC
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        log.info("usage statistics of %s exported to %s", day, target)

    def _now(self) -> float:
        return float(self._clock())
