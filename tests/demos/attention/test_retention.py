"""*Today's best* forgets: names are deleted from the file (not only hidden) at the end of the day,
an hour after they were typed, or when the game closes, as staff choose; the screen says which."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from demos.attention.leaderboard import FORGET_EVERY_S, HOUR_S, Leaderboard, Retention
from demos.attention.settings import NAMES_KEPT, STAFF_SETTINGS
from tests.demos.attention.conftest import NOON


def names_in_file(path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [name for (name,) in db.execute("SELECT nickname FROM entries ORDER BY at")]


def test_a_name_400_days_old_is_deleted_from_the_file_at_start(path, clock):
    board = Leaderboard(path, clock=clock)
    board.add("Today", "focus", 50)
    board.close()
    with sqlite3.connect(path) as db:  # a board from the time names were never deleted
        old = (NOON - timedelta(days=400)).timestamp()
        db.execute("INSERT INTO entries VALUES ('Lily Chen', 'focus', 99, ?)", (old,))
        db.execute("INSERT INTO entries VALUES ('Garbled', 'focus', 98, 'yesterday')")
    board = Leaderboard(path, clock=clock)
    assert [entry.nickname for entry in board.today_best("focus")] == ["Today"]
    assert board.sync()
    assert names_in_file(path) == ["Today"]
    board.close()


def test_names_go_at_midnight_while_the_game_stays_open(path, clock):
    board = Leaderboard(path, clock=clock)
    clock.set(datetime(2026, 5, 14, 23, 50))
    board.add("Late Larry", "relax", 70)
    assert board.sync() and names_in_file(path) == ["Late Larry"]
    clock.set(datetime(2026, 5, 15, 0, 0, 1))
    assert board.today_best("relax") == []  # the screen redraws: the board checks the time
    assert board.sync() and names_in_file(path) == []
    board.close()


def test_after_an_hour_a_name_is_gone_from_the_screen_at_once_and_from_the_file_within_a_minute(path, clock):
    board = Leaderboard(path, clock=clock, retention=Retention.HOUR)
    board.add("Ann", "focus", 40)
    clock.now += 30 * 60
    board.add("Bo", "focus", 30)
    clock.now += HOUR_S - 30 * 60 - 1
    assert [entry.nickname for entry in board.today_best("focus")] == ["Ann", "Bo"]
    clock.now += 2
    assert [entry.nickname for entry in board.today_best("focus")] == ["Bo"]
    assert board.rank_today("focus", 35) == 1  # Ann's 40 is no longer ahead
    clock.now += FORGET_EVERY_S
    board.today_best("focus")
    assert board.sync() and names_in_file(path) == ["Bo"]
    board.close()


def test_after_each_visit_the_names_go_when_the_game_closes(path, clock):
    board = Leaderboard(path, clock=clock, retention=Retention.VISIT)
    board.add("Cy", "duel", 80)
    assert [entry.nickname for entry in board.today_best("duel")] == ["Cy"]
    board.close()
    assert names_in_file(path) == []
    with sqlite3.connect(path) as db:  # what a power cut left during a game
        db.execute("INSERT INTO entries VALUES ('Dee', 'duel', 10, ?)", (clock.now,))
    board = Leaderboard(path, clock=clock, retention=Retention.VISIT)
    assert board.today_best("duel") == []
    assert board.sync() and names_in_file(path) == []
    board.close()


def test_the_staff_setting_offers_each_retention_and_defaults_to_the_end_of_the_day():
    assert NAMES_KEPT in STAFF_SETTINGS
    assert [value for value, _label in NAMES_KEPT.choices] == [item.value for item in Retention]
    assert Retention(NAMES_KEPT.default) is Retention.DAY
