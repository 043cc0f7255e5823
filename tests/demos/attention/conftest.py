"""What the leaderboard's tests share: a settable clock at noon (fixture `clock`), and where the board's file goes (`path`)."""

from __future__ import annotations

from datetime import datetime

import pytest

NOON = datetime(2026, 5, 14, 12, 0)  # local time, like the board's "today"


class Clock:
    """A settable clock: seconds since the epoch, like time.time."""

    def __init__(self, when: datetime) -> None:
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def set(self, when: datetime) -> None:
        self.now = when.timestamp()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOON)


@pytest.fixture
def path(tmp_path):
    """Where the app would keep the board: a folder that does not exist yet."""
    return tmp_path / "data" / "attention_leaderboard.sqlite3"
