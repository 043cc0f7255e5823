"""The single player's result page: the board's privacy sentence once, headings that don't look like links."""

from __future__ import annotations

from demos.attention.flow import Mode, Outcome
from demos.attention.leaderboard import Leaderboard
from demos.attention.result_page import ScoreEntry, show_today_best
from demos.attention.texts import names_wiped


def test_the_wipe_notice_shows_once_and_nothing_is_underlined_or_italic(qtbot, tmp_path):
    """Issue 22: "Names are wiped…" twice on the page; underlined Focus/Relax; fake-italic Chinese."""
    board = Leaderboard(tmp_path / "board.sqlite3", clock=lambda: 1_800_000_000.0)
    board.add("Brave Panda", Mode.FOCUS.value, 70)
    entry = ScoreEntry(board)
    qtbot.addWidget(entry)
    entry.show_outcome(Outcome(Mode.FOCUS, (64,)), fresh=True)
    notice = names_wiped(board.retention)
    page = entry.privacy_note.text() + entry.board_label.text()
    assert page.count(notice) == 1
    assert "Brave Panda" in entry.board_label.text()
    assert "<u>" not in entry.board_label.text() and "<i>" not in entry.board_label.text()
    # Where Today's best stands alone (the intro), it carries the notice, upright.
    intro = entry.board_label.__class__()
    qtbot.addWidget(intro)
    show_today_best(intro, board, None)
    assert intro.text().count(notice) == 1 and "<i>" not in intro.text() and "<u>" not in intro.text()
    board.close()
