"""Usage statistics: numbers on a fake clock, the CSV Excel opens, and files that go wrong."""

from __future__ import annotations

import csv
import os
import random
import re
import sqlite3
import sys
from datetime import date, datetime, timedelta

import pytest

from app.usage import CSV_HEADER, DemoUsage, UsageLog

DAY = datetime(2026, 5, 14, 10, 0)  # local time, like the log's days


class Clock:
    """A settable clock: seconds since the epoch, like time.time."""

    def __init__(self, when: datetime) -> None:
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def set(self, when: datetime) -> None:
        self.now = when.timestamp()


@pytest.fixture
def clock() -> Clock:
    return Clock(DAY)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "usage.sqlite3"


@pytest.fixture
def usage(path, clock):
    log = UsageLog(path, clock=clock)
    yield log
    log.close()


def session(usage: UsageLog, clock: Clock, demo: str, seconds: float, completed: bool, visit=None) -> int:
    sid = usage.demo_started(demo, visit)
    clock.advance(seconds)
    usage.demo_ended(sid, completed)
    return sid


def test_summary_counts_sessions_durations_and_completion_on_a_fake_clock(usage, clock):
    visit = usage.visit_started()
    session(usage, clock, "ssvep_speller", 60, True, visit)
    session(usage, clock, "ssvep_speller", 120, False, visit)
    session(usage, clock, "ssvep_speller", 90, True, visit)
    session(usage, clock, "attention", 200, True, visit)
    usage.visit_ended(visit, "finished")
    second = usage.visit_started()
    session(usage, clock, "attention", 100, False, second)
    usage.demo_started("mi_cursor", second)  # never closed: counted, but has no duration
    usage.visit_ended(second, "idle")
    assert usage.visits() == 2
    assert usage.summary() == [
        DemoUsage("ssvep_speller", sessions=3, completed=2, total_s=270.0, median_s=90.0),
        DemoUsage("attention", sessions=2, completed=1, total_s=300.0, median_s=150.0),
        DemoUsage("mi_cursor", sessions=1, completed=0, total_s=0.0, median_s=None),
    ]
    speller = usage.summary()[0]
    assert speller.completion_rate == pytest.approx(2 / 3)
    assert usage.summary()[2].completion_rate == 0.0


def test_days_are_the_clocks_local_calendar_days(usage, clock):
    clock.set(datetime(2026, 5, 13, 23, 59, 0))
    usage.visit_started()
    session(usage, clock, "attention", 30, True)  # starts yesterday, ends today: counts yesterday
    clock.set(datetime(2026, 5, 14, 0, 0, 30))
    usage.visit_started()
    session(usage, clock, "mi_cursor", 10, False)
    assert [item.demo_id for item in usage.summary()] == ["mi_cursor"]
    assert usage.visits() == 1
    yesterday = date(2026, 5, 13)
    assert usage.summary(yesterday) == [DemoUsage("attention", 1, 1, 30.0, 30.0)]
    assert usage.visits(yesterday) == 1
    assert usage.summary(date(2026, 5, 1)) == [] and usage.visits(date(2026, 5, 1)) == 0


def test_ending_twice_or_an_unknown_id_changes_nothing(usage, clock):
    visit = usage.visit_started()
    sid = usage.demo_started("attention", visit)
    clock.advance(10)
    usage.demo_ended(sid, True)
    clock.advance(50)
    usage.demo_ended(sid, False)  # a late second end: the first one stands
    usage.demo_ended(9999, True)
    usage.visit_ended(visit, "idle")
    usage.visit_ended(visit, "finished")
    usage.visit_ended(4242, "closed")
    assert usage.summary() == [DemoUsage("attention", 1, 1, 10.0, 10.0)]
    assert usage.sync()
    with sqlite3.connect(usage.path) as db:
        assert db.execute("SELECT reason FROM visits").fetchall() == [("idle",)]


def test_a_clock_set_back_never_gives_a_negative_duration(usage, clock):
    sid = usage.demo_started("attention", None)
    clock.advance(-30)
    usage.demo_ended(sid, False)
    assert usage.summary()[0].total_s == 0.0


def test_wrong_input_is_a_bug_and_raises(usage):
    with pytest.raises(ValueError):
        usage.visit_ended(usage.visit_started(), "bored")
    with pytest.raises(ValueError):
        usage.demo_started("", None)


def test_end_open_closes_what_the_app_leaves_open(usage, clock):
    visit = usage.visit_started()
    usage.demo_started("attention", visit)
    clock.advance(40)
    usage.end_open()
    assert usage.summary() == [DemoUsage("attention", 1, 0, 40.0, 40.0)]
    assert usage.sync()
    with sqlite3.connect(usage.path) as db:
        assert db.execute("SELECT reason FROM visits").fetchall() == [("closed",)]


def test_statistics_survive_a_restart_and_hold_no_personal_data(path, clock):
    first = UsageLog(path, clock=clock)
    visit = first.visit_started()
    session(first, clock, "ssvep_speller", 45, True, visit)
    first.close()
    again = UsageLog(path, clock=clock)
    assert again.summary() == [DemoUsage("ssvep_speller", 1, 1, 45.0, 45.0)] and again.problem is None
    again.close()
    with sqlite3.connect(path) as db:
        columns = {
            table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for table in ("visits", "sessions")
        }
    assert columns == {
        "visits": ["id", "started", "ended", "reason"],
        "sessions": ["id", "demo", "visit", "started", "ended", "completed"],
    }


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def test_csv_export_has_a_row_per_demo_and_the_visits(usage, clock, tmp_path):
    visit = usage.visit_started()
    session(usage, clock, "ssvep_speller", 60, True, visit)
    session(usage, clock, "ssvep_speller", 30, False, visit)
    session(usage, clock, "attention", 125.25, True, visit)
    target = tmp_path / "report.csv"
    usage.export_csv(target)
    assert read_csv(target) == [
        list(CSV_HEADER),
        ["2026-05-14", "ssvep_speller", "2", "1", "50.0", "90.0", "45.0"],
        ["2026-05-14", "attention", "1", "1", "100.0", "125.2", "125.2"],
        [],
        ["2026-05-14", "visits", "1"],
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "report.csv"]  # no temporary left


def test_csv_export_in_chinese_for_excel(usage, clock, tmp_path):
    session(usage, clock, "attention", 10, True)
    header = ["日期", "演示", "次数", "完成", "完成率 (%)", "总时长 (秒)", "中位时长 (秒)"]
    target = tmp_path / "使用统计.csv"
    usage.export_csv(target, titles={"attention": "专注火箭"}, header=header, visits_label="参观人次")
    rows = read_csv(target)
    assert rows[0] == header and rows[1][1] == "专注火箭" and rows[-1] == ["2026-05-14", "参观人次", "0"]
    assert "专注火箭".encode() in target.read_bytes()  # UTF-8, not GBK


def test_csv_export_writes_no_cell_a_spreadsheet_would_run_as_a_formula(usage, clock, tmp_path):
    for demo in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "attention"):
        session(usage, clock, demo, 10, True)
    target = tmp_path / "report.csv"
    usage.export_csv(target, titles={"attention": "=cmd|' /C calc'!A0"}, visits_label="-visits")
    cells = [cell for row in read_csv(target) for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], cells
    assert '\'=HYPERLINK("http://x")' in cells and "'-visits" in cells  # kept, shown as text
    assert "10.0" in cells  # numbers stay numbers


def test_csv_export_of_another_day_and_of_an_empty_day(usage, clock, tmp_path):
    session(usage, clock, "attention", 10, True)
    clock.advance(86_400)
    usage.export_csv(tmp_path / "today.csv")
    assert read_csv(tmp_path / "today.csv")[1:] == [[], ["2026-05-15", "visits", "0"]]
    usage.export_csv(tmp_path / "yesterday.csv", DAY.date())
    assert read_csv(tmp_path / "yesterday.csv")[1][:3] == ["2026-05-14", "attention", "1"]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore mode bits"
)
def test_csv_export_to_a_read_only_folder_raises_oserror_and_leaves_nothing(usage, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OSError):
            usage.export_csv(folder / "report.csv")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_csv_export_to_a_missing_folder_raises_oserror(usage, tmp_path):
    with pytest.raises(OSError):
        usage.export_csv(tmp_path / "missing" / "report.csv")


ASIDE = re.compile(r"usage\.sqlite3\.corrupt-20260514-100000(-\d+)?")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_file_is_moved_aside_intact_and_a_fresh_one_started(path, clock, caplog, seed):
    path.parent.mkdir(parents=True)
    bad = random.Random(seed).randbytes(8192)
    path.write_bytes(bad)
    usage = UsageLog(path, clock=clock)
    assert usage.recovered_from is not None and ASIDE.fullmatch(usage.recovered_from.name)
    assert usage.recovered_from.read_bytes() == bad
    assert usage.persistent and "damaged" in usage.problem and str(usage.recovered_from) in usage.problem
    assert any("damaged" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    session(usage, clock, "attention", 5, True)
    usage.close()
    again = UsageLog(path, clock=clock)  # the fresh file holds what came after
    assert again.summary() == [DemoUsage("attention", 1, 1, 5.0, 5.0)] and again.problem is None
    again.close()


def test_a_file_of_other_tables_is_not_the_usage_file(path, clock):
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE visits (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
    usage = UsageLog(path, clock=clock)
    assert usage.recovered_from is not None
    usage.close()


def test_an_unwritable_place_keeps_the_statistics_in_memory(tmp_path, clock, caplog):
    (tmp_path / "data").write_bytes(b"a file where the folder should be")
    usage = UsageLog(tmp_path / "data" / "usage.sqlite3", clock=clock)
    assert not usage.persistent and "memory" in usage.problem and "folder" in usage.problem
    assert any("memory" in r.getMessage() for r in caplog.records)
    visit = usage.visit_started()
    session(usage, clock, "attention", 12, True, visit)
    assert usage.summary() == [DemoUsage("attention", 1, 1, 12.0, 12.0)] and usage.visits() == 1
    usage.close()
    assert (tmp_path / "data").read_bytes() == b"a file where the folder should be"


def test_a_file_damaged_while_in_use_is_moved_aside_and_a_new_one_keeps_everything(usage, clock):
    session(usage, clock, "attention", 5, True)
    assert usage.sync()
    damage = random.Random(9).randbytes(usage.path.stat().st_size)
    with usage.path.open("r+b") as file:
        file.write(damage)
    sid = usage.demo_started("mi_cursor", None)
    clock.advance(7)
    usage.demo_ended(sid, True)
    expected = [DemoUsage("attention", 1, 1, 5.0, 5.0), DemoUsage("mi_cursor", 1, 1, 7.0, 7.0)]
    assert usage.summary() == expected
    assert usage.sync() and usage.persistent
    assert usage.recovered_from is not None and usage.recovered_from.read_bytes() == damage
    usage.close()
    assert UsageLog(usage.path, clock=clock).summary() == expected


def test_damaged_rows_are_skipped_not_shown(path, clock):
    UsageLog(path, clock=clock).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO sessions (demo, visit, started, completed) VALUES ('x', NULL, 'soon', 0)")
        db.execute("INSERT INTO visits (started) VALUES ('yesterday')")
    usage = UsageLog(path, clock=clock)
    session(usage, clock, "attention", 3, True)
    assert [item.demo_id for item in usage.summary()] == ["attention"] and usage.visits() == 0
    usage.close()


def test_a_week_of_visits_sums_per_day(usage, clock):
    rng = random.Random(7)
    expected: dict[date, int] = {}
    for day in range(7):
        clock.set(DAY + timedelta(days=day))
        for _ in range(rng.randint(0, 5)):
            visit = usage.visit_started()
            session(usage, clock, "attention", rng.uniform(10, 100), rng.random() < 0.5, visit)
            usage.visit_ended(visit, "finished")
            expected[clock_day(clock)] = expected.get(clock_day(clock), 0) + 1
    for day, visits in expected.items():
        assert usage.visits(day) == visits
        assert usage.summary(day)[0].sessions == visits


def clock_day(clock: Clock) -> date:
    return datetime.fromtimestamp(clock()).date()
