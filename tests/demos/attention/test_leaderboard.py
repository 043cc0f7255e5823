"""The attention game's board: today's order, days, restarts, nicknames, and files that go wrong."""

from __future__ import annotations

import errno
import os
import random
import re
import sqlite3
import sys
from collections import Counter
from datetime import datetime

import numpy as np
import pytest

from demos.attention.leaderboard import (
    MODES,
    Entry,
    Leaderboard,
    NicknameError,
    validate_nickname,
)

ASIDE = re.compile(r"attention_leaderboard\.sqlite3\.corrupt-20260514-120000(-\d+)?")


@pytest.fixture
def board(path, clock):
    board = Leaderboard(path, clock=clock)
    yield board
    board.close()


def names(entries: list[Entry]) -> list[str]:
    return [entry.nickname for entry in entries]


def real_database(path, clock, rows: int = 300) -> bytes:
    """The bytes of a board file with ``rows`` scores of today, spread over the modes."""
    board = Leaderboard(path, clock=clock)
    for i in range(rows):
        board.add(f"player {i}", MODES[i % len(MODES)], i % 101)
    board.close()
    return path.read_bytes()


def sqlite_file(path, *statements: str) -> bytes:
    """The bytes of an SQLite file made by ``statements``."""
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path.read_bytes()


def assert_works_on_disk(board: Leaderboard, path, clock) -> None:
    """``board`` is on disk, empty, takes a score, and a restarted board sees it."""
    assert board.persistent and board.problem is None
    assert board.today_best("focus") == []
    entry = board.add("Ann", "focus", 77)
    assert board.today_best("focus") == [entry]
    board.close()
    again = Leaderboard(path, clock=clock)
    assert again.today_best("focus") == [entry]
    assert again.recovered_from is None and again.persistent
    again.close()


# --- today's board --------------------------------------------------------------------------------


def test_add_returns_the_entry_as_stored(board, clock):
    entry = board.add("  Ann  Lee ", "focus", 42)
    assert entry == Entry("Ann Lee", "focus", 42, clock.now)
    assert board.today_best("focus") == [entry]


def test_best_first_earlier_first_among_equals_and_limited(board, clock):
    for nickname, score in [("Ann", 50), ("Bo", 80), ("Cy", 80), ("Di", 30), ("Ed", 90), ("Fay", 10)]:
        clock.now += 60
        board.add(nickname, "focus", score)
    board.add("Gus", "relax", 99)
    best = board.today_best("focus")
    assert [(entry.nickname, entry.score) for entry in best] == [
        ("Ed", 90),
        ("Bo", 80),
        ("Cy", 80),
        ("Ann", 50),
        ("Di", 30),
    ]
    assert {entry.mode for entry in best} == {"focus"}
    assert names(board.today_best("focus", limit=2)) == ["Ed", "Bo"]
    assert board.today_best("focus", limit=0) == []
    assert len(board.today_best("focus", limit=100)) == 6
    assert names(board.today_best("relax")) == ["Gus"]
    assert board.today_best("duel") == []


def test_equal_scores_in_the_same_second_keep_their_order(board):
    for nickname in ("Ann", "Bo", "Cy"):
        board.add(nickname, "duel", 70)
    assert names(board.today_best("duel")) == ["Ann", "Bo", "Cy"]


def test_only_todays_scores_count(board, clock):
    clock.set(datetime(2026, 5, 13, 23, 59, 59))
    board.add("Late", "focus", 100)
    clock.set(datetime(2026, 5, 14, 0, 0, 0))
    board.add("Early", "focus", 10)
    assert names(board.today_best("focus")) == ["Early"]
    assert board.rank_today("focus", 50) == 1  # yesterday's 100 is not ahead
    clock.set(datetime(2026, 5, 14, 23, 59, 59))
    assert names(board.today_best("focus")) == ["Early"]
    clock.set(datetime(2026, 5, 15, 0, 0, 0))
    assert board.today_best("focus") == []
    clock.set(datetime(2026, 5, 13, 8, 0))
    assert board.today_best("focus") == []  # yesterday's names were deleted, not hidden


def test_scores_survive_a_restart(path, clock):
    first = Leaderboard(path, clock=clock)
    entries = [first.add("Ann", "relax", 60), first.add("李雷", "relax", 85)]
    first.close()
    second = Leaderboard(path, clock=clock)
    assert second.persistent and second.problem is None and second.recovered_from is None
    assert second.today_best("relax") == entries[::-1]
    later = second.add("Bo", "relax", 70)
    second.close()
    third = Leaderboard(path, clock=clock)
    assert third.today_best("relax") == [entries[1], later, entries[0]]
    third.close()


def test_rank_today(board, clock):
    assert board.rank_today("focus", 50) == 1  # an empty board
    for score in (90, 80, 50):
        board.add("Ann", "focus", score)
    board.add("Bo", "relax", 100)
    assert [board.rank_today("focus", score) for score in (100, 91, 90, 85, 80, 51, 50, 0)] == [
        1,
        1,
        2,  # an equal score made earlier stays ahead
        2,
        3,
        3,
        4,
        4,
    ]
    assert board.rank_today("relax", 100) == 2
    assert board.rank_today("duel", 0) == 1


def test_rank_today_is_the_place_the_score_then_takes(board, clock):
    rng = random.Random(7)
    for _ in range(40):
        clock.now += rng.choice([0, 1, 30])
        score = rng.randrange(0, 101)
        rank = board.rank_today("duel", score)
        entry = board.add("Cy", "duel", score)
        assert board.today_best("duel", limit=100).index(entry) + 1 == rank


@pytest.mark.parametrize(
    ("mode", "score", "error"),
    [
        ("sleep", 50, ValueError),
        ("Focus", 50, ValueError),
        ("focus", 101, ValueError),
        ("focus", -1, ValueError),
        ("focus", 50.5, TypeError),
        ("focus", 50.0, TypeError),
        ("focus", True, TypeError),
        ("focus", "50", TypeError),
    ],
)
def test_add_refuses_wrong_input_and_stores_nothing(board, mode, score, error):
    with pytest.raises(error):
        board.add("Ann", mode, score)
    assert all(board.today_best(each) == [] for each in MODES)


def test_add_refuses_a_bad_nickname_and_stores_nothing(board):
    with pytest.raises(NicknameError):
        board.add("A\u202eB", "focus", 50)
    assert board.today_best("focus") == []


def test_numpy_scores_are_stored_as_ints(board):
    entry = board.add("Ann", "focus", np.int64(7))
    assert type(entry.score) is int
    assert board.today_best("focus") == [entry] and type(board.today_best("focus")[0].score) is int


def test_queries_refuse_unknown_modes_and_negative_limits(board):
    with pytest.raises(ValueError):
        board.today_best("sleep")
    with pytest.raises(ValueError):
        board.today_best("focus", limit=-1)
    with pytest.raises(ValueError):
        board.rank_today("sleep", 50)
    with pytest.raises(ValueError):
        board.rank_today("focus", 101)


def test_unusual_but_valid_nicknames_round_trip_through_the_file(path, clock):
    nicknames = ["李雷 & 韩梅梅", "Zoë", "O'Brien; --", "😀" * 12, "Ω≈ç√∫", "<b>x</b>"]
    board = Leaderboard(path, clock=clock)
    for nickname in nicknames:
        clock.now += 1
        board.add(nickname, "relax", 50)
    board.close()
    board = Leaderboard(path, clock=clock)
    assert names(board.today_best("relax", limit=10)) == nicknames
    board.close()


# --- files that go wrong --------------------------------------------------------------------------


def random_bytes(tmp_path, clock) -> bytes:
    return random.Random(1).randbytes(8192)


def truncated_database(tmp_path, clock) -> bytes:
    data = real_database(tmp_path / "real.sqlite3", clock)
    return data[: len(data) // 2]


def another_table_layout(tmp_path, clock) -> bytes:
    return sqlite_file(
        tmp_path / "other.sqlite3",
        "CREATE TABLE entries (name TEXT, points INTEGER)",
        "INSERT INTO entries VALUES ('Ann', 3)",
    )


def an_extra_table(tmp_path, clock) -> bytes:
    return sqlite_file(
        tmp_path / "extra.sqlite3",
        "CREATE TABLE entries (nickname TEXT NOT NULL, mode TEXT NOT NULL, score INTEGER NOT NULL, at REAL NOT NULL)",
        "CREATE TABLE visitors (name TEXT, phone TEXT)",
    )


def a_broken_header(tmp_path, clock) -> bytes:
    data = bytearray(real_database(tmp_path / "real.sqlite3", clock))
    data[:16] = b"SQLite format 4\x00"
    return bytes(data)


def a_newer_file_format(tmp_path, clock) -> bytes:
    data = bytearray(real_database(tmp_path / "real.sqlite3", clock))
    data[18] = 3  # "written by a newer SQLite": this one opens it read-only
    return bytes(data)


@pytest.mark.parametrize(
    "damaged",
    [
        random_bytes,
        truncated_database,
        another_table_layout,
        an_extra_table,
        a_broken_header,
        a_newer_file_format,
    ],
)
def test_a_damaged_file_is_kept_aside_and_a_new_one_started(tmp_path, path, clock, caplog, damaged):
    bad = damaged(tmp_path, clock)
    path.parent.mkdir()
    path.write_bytes(bad)
    board = Leaderboard(path, clock=clock)
    assert board.recovered_from is not None
    assert board.recovered_from.parent == path.parent and ASIDE.fullmatch(board.recovered_from.name)
    assert board.recovered_from.read_bytes() == bad
    assert any("damaged" in record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    assert_works_on_disk(board, path, clock)


def test_a_zero_byte_file_is_an_empty_board(path, clock):
    path.parent.mkdir()
    path.touch()
    board = Leaderboard(path, clock=clock)
    assert board.recovered_from is None
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert_works_on_disk(board, path, clock)


def test_two_damaged_files_in_one_second_are_both_kept(path, clock):
    path.parent.mkdir()
    kept = []
    for seed in (1, 2):
        bad = random.Random(seed).randbytes(4096)
        path.write_bytes(bad)
        board = Leaderboard(path, clock=clock)
        kept.append((board.recovered_from, bad))
        board.close()
    assert kept[0][0] != kept[1][0] and kept[1][0].name.endswith("-2")
    assert all(aside.read_bytes() == bad for aside, bad in kept)


def assert_works_in_memory(board: Leaderboard) -> None:
    assert not board.persistent and board.problem
    assert board.recovered_from is None
    entry = board.add("Ann", "duel", 64)
    assert board.today_best("duel") == [entry]
    assert board.rank_today("duel", 65) == 1
    board.close()


def test_a_directory_where_the_file_should_be(path, clock, caplog):
    path.mkdir(parents=True)
    board = Leaderboard(path, clock=clock)
    assert str(path) in board.problem
    assert any("memory" in record.getMessage() for record in caplog.records)
    assert_works_in_memory(board)
    assert path.is_dir() and list(path.iterdir()) == []


def test_a_file_where_the_folder_should_be(tmp_path, clock):
    (tmp_path / "data").write_bytes(b"not a folder")
    board = Leaderboard(tmp_path / "data" / "attention_leaderboard.sqlite3", clock=clock)
    assert "folder" in board.problem
    assert_works_in_memory(board)
    assert (tmp_path / "data").read_bytes() == b"not a folder"


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore mode bits"
)
@pytest.mark.parametrize(
    ("folder_mode", "file_mode"),
    [(0o555, None), (0o555, 0o666), (0o755, 0o444)],
    ids=["read-only folder", "read-only folder with a board", "read-only board"],
)
def test_what_cannot_be_written_is_left_alone(path, clock, folder_mode, file_mode):
    good = None
    if file_mode is not None:
        good = real_database(path, clock, rows=3)
        path.chmod(file_mode)
    path.parent.mkdir(exist_ok=True)
    path.parent.chmod(folder_mode)
    try:
        board = Leaderboard(path, clock=clock)
        assert f"[Errno {errno.EACCES}]" in board.problem  # permission denied
        assert_works_in_memory(board)
        assert sorted(p.name for p in path.parent.iterdir()) == ([path.name] if good else [])
        assert good is None or path.read_bytes() == good
    finally:
        path.parent.chmod(0o755)


def test_a_file_locked_by_another_program_is_left_alone(path, clock):
    """A second copy of the app, say: its board must not be moved aside under it."""
    good = real_database(path, clock, rows=3)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        board = Leaderboard(path, clock=clock)  # waits for the lock up to a second, then gives up
        assert "locked" in board.problem
        assert_works_in_memory(board)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert path.read_bytes() == good
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_file_damaged_during_the_game_is_moved_aside_and_the_board_goes_on_in_a_new_one(
    path, clock, caplog
):
    board = Leaderboard(path, clock=clock)
    first = board.add("Ann", "focus", 50)
    assert board.sync()
    damage = random.Random(4).randbytes(path.stat().st_size)
    with path.open("r+b") as file:  # the same file, overwritten in place (a disk fault, a careless copy)
        file.write(damage)
    second = board.add("Bo", "focus", 60)
    assert board.today_best("focus") == [second, first]  # shown at once, whatever the file does
    assert board.sync() and board.persistent
    assert board.recovered_from is not None and board.recovered_from.read_bytes() == damage
    assert any("damaged" in record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    board.close()
    again = Leaderboard(path, clock=clock)
    assert again.today_best("focus") == [second, first]
    again.close()


def test_a_closed_board_is_a_bug_not_a_disk_problem(board):
    board.close()
    board.close()  # a second close does nothing
    with pytest.raises(sqlite3.ProgrammingError):
        board.today_best("focus")


MUTANTS = 50


def mutant(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """A damaged copy of ``data`` and what was done to it."""
    copy = bytearray(data)
    kind = rng.choice(["bytes", "bits", "truncate", "zeros", "header"])
    if kind == "bytes":
        for _ in range(rng.randint(1, 20)):
            copy[rng.randrange(len(copy))] = rng.randrange(256)
    elif kind == "bits":
        for _ in range(rng.randint(1, 8)):
            copy[rng.randrange(len(copy))] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        del copy[rng.randrange(len(copy)) :]
    elif kind == "zeros":
        start = rng.randrange(len(copy))
        end = min(len(copy), start + rng.randint(1, 600))
        copy[start:end] = bytes(end - start)
    else:
        copy[rng.randrange(100)] = rng.randrange(256)  # SQLite's 100-byte file header
    return kind, bytes(copy)


def test_fuzz_damaged_copies_of_a_real_board_never_raise(tmp_path, clock):
    source = real_database(tmp_path / "source" / "attention_leaderboard.sqlite3", clock)
    rng = random.Random(2026)
    outcomes: Counter[tuple[str, str]] = Counter()
    for i in range(MUTANTS):
        kind, data = mutant(rng, source)
        path = tmp_path / f"mutant{i}" / "attention_leaderboard.sqlite3"
        path.parent.mkdir()
        path.write_bytes(data)
        board = Leaderboard(path, clock=clock)
        for mode in MODES:
            for entry in board.today_best(mode, limit=1000):
                assert entry.mode == mode and 0 <= entry.score <= 100 and type(entry.score) is int
                assert validate_nickname(entry.nickname) == entry.nickname
        rank = board.rank_today("focus", 100)
        entry = board.add("Fuzz", "focus", 100)
        best = board.today_best("focus", limit=1000)
        assert entry in best and best.index(entry) + 1 == rank
        if board.recovered_from is not None:
            assert board.recovered_from.read_bytes() == data
        outcome = "recovered" if board.recovered_from else "kept" if board.persistent else "in memory"
        outcomes[kind, outcome] += 1
        board.close()
    assert sum(outcomes.values()) == MUTANTS
    assert sum(n for (_, outcome), n in outcomes.items() if outcome == "recovered") >= 5
    assert sum(n for (_, outcome), n in outcomes.items() if outcome == "kept") >= 5
