"""The attention game's screens on the virtual visitor, in accelerated time.

The widget gets a context on test-clock streams (one headset, or two for the duel) and is ticked
by hand, so the 40 s baseline and a round take seconds; every screen is drawn as the visitor would
see it. With ``BCI_SHOWROOM_SCREENSHOTS=folder`` each screen is saved there, in both languages.
"""

from __future__ import annotations

import html
import logging
import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from demos.attention.flow import EYES_OPEN_CALL_S, Mode, Outcome, Phase
from demos.attention.leaderboard import LEADERBOARD_FILE, Retention
from demos.attention.sky_view import SKY_TOP
from demos.attention.sound import SOUNDS, SoundPlayer
from demos.attention.texts import names_wiped
from demos.attention.widget import AttentionWidget
from demos.base import DemoContext
from demos.kit.i18n import fill, translate
from drivers import cues
from tests.demos.screens import Stored, press, save
from tests.virtual_stream import LiveStream

TICK_S = 0.1


class FastVisit:
    """The widget on a test clock: ``run`` advances the EEG and ticks the widget as its timer would."""

    def __init__(self, qtbot, folder: Path | None, *, duel: bool = False, seed: int = 3, **settings) -> None:
        self.lives = [LiveStream(seed=seed)]
        if duel:
            self.lives.append(LiveStream(seed=seed + 50))
            self.lives[1].visitor.focus = 0.6
        self.cues: list[cues.Cue] = []
        self.settings = Stored({"baseline_phase_s": 10.0, "round_s": 20.0, **settings})
        context = DemoContext(
            stream=self.lives[0].stream,
            cue=self.cue,
            settings=self.settings,
            logger=logging.getLogger("test.attention"),
            second_stream=self.lives[1].stream if duel else None,
            data_folder=folder,
        )
        self.widget = AttentionWidget(context)
        self.played: list[bytes] = []
        self.sound_lock = threading.Lock()
        self.widget.sound = SoundPlayer(backend=self._play, enabled=self.widget.sound.enabled)
        self.widget.clock = lambda: self.lives[0].now
        self.widget.retranslate()
        self.widget.resize(1280, 800)
        qtbot.addWidget(self.widget)
        self.widget.show()
        self.widget.start()
        self.widget._timer.stop()  # the test ticks by hand
        self.advance(1.5)

    def _play(self, data: bytes) -> None:
        with self.sound_lock:
            self.played.append(data)

    def advance(self, seconds: float) -> None:
        for live in self.lives:
            live.advance(seconds)

    def cue(self, cue: cues.Cue, at: float | None = None) -> None:
        self.cues.append(cue)
        for live in self.lives:
            live.markers.request(cue.code, live.now if at is None else at)
            live.visitor.follow(cue, live.now if at is None else at)

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / TICK_S)):
            self.advance(TICK_S)
            self.widget.tick()
            self.widget.sound.wait(1.0)  # a sound plays on its own thread; one at a time

    def run_while(self, *phases: Phase, limit_s: float = 200.0) -> None:
        until = self.lives[0].now + limit_s
        while self.widget.flow.phase in phases:
            assert self.lives[0].now < until
            self.run(TICK_S)


def test_a_focus_game_from_the_choice_to_how_it_worked(qtbot, tmp_path, language):
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    assert widget.pages.currentWidget() is widget.intro_page
    assert not widget.duel_button.isVisible()  # one headset: no duel offered
    save(widget, "attention_choice", language)
    press(qtbot, widget.focus_button)
    assert visit.cues == [cues.BaselinePhase(cues.Baseline.EYES_OPEN)]
    visit.run(5.0)
    assert widget.pages.currentWidget() is widget.play_page and not widget.sky.isVisible()
    save(widget, "attention_baseline_open", language)
    visit.run(6.0)
    assert widget.flow.baseline_step is cues.Baseline.EYES_CLOSED
    save(widget, "attention_baseline_closed", language)
    visit.run_while(Phase.BASELINE, Phase.READY)
    visit.run(12.0)
    assert widget.sky.isVisible() and widget.sky.heights[0] > 0.3
    save(widget, "attention_round", language)
    visit.run_while(Phase.ROUND)
    assert widget.pages.currentWidget() is widget.result
    assert widget.result.picture is widget.save_box
    save(widget, "attention_result", language)
    # Bad nicknames are refused with one sentence; a good one goes on the board.
    for typed in ("", "x" * 13, "evil\u202eeman"):
        widget.nickname.setText(typed)
        press(qtbot, widget.save_button)
        assert widget.save_message.text() and widget.board.today_best("focus") == []
    qtbot.keyClicks(widget.nickname, "x")
    assert widget.save_message.text() == ""  # the complaint goes as the visitor types again
    widget.nickname.setText("小明")
    press(qtbot, widget.save_button)
    assert [entry.nickname for entry in widget.board.today_best("focus")] == ["小明"]
    assert "小明" in widget.result_board.text() and not widget.save_button.isEnabled()
    save(widget, "attention_saved", language)
    press(qtbot, widget.result.primary_button)  # how it worked
    assert widget.flow.phase is Phase.EXPLAINED and widget.result.picture is widget.band_plot
    _, alpha = widget.band_plot.curves["alpha"].getData()
    _, beta = widget.band_plot.curves["beta"].getData()
    assert len(alpha) > 100 and np.isfinite(alpha).all() and np.isfinite(beta).all()
    # Focusing: alpha below the visitor's rest (100 %), beta above it, eyes-closed alpha far above.
    assert alpha.mean() < 95 and beta.mean() > 100
    assert widget.band_plot.closed_line.isVisible() and widget.band_plot.closed_line.value() > 150
    save(widget, "attention_how_it_worked", language)
    press(qtbot, widget.result.secondary_button)  # back to the score, which stays saved
    assert widget.flow.phase is Phase.RESULT and "1" in widget.save_message.text()
    press(qtbot, widget.result.secondary_button)  # play again
    assert widget.pages.currentWidget() is widget.intro_page
    assert "小明" in widget.board_label.text() and widget.new_player_button.isVisible()
    # Sounds: the eyes-closed tick, the "open your eyes" end, the round's start and end.
    assert visit.played == [SOUNDS["tick"], SOUNDS["end"], SOUNDS["start"], SOUNDS["end"]]
    press(qtbot, widget.new_player_button)
    assert not widget.flow.knows_the_players and not widget.new_player_button.isVisible()
    widget.stop()
    assert widget.board is None  # closed


def test_without_sound_the_screen_goes_dark_then_lights_up_calling_open_your_eyes(qtbot, tmp_path, language):
    """A visitor with closed eyes and no sound sees the light change through the lids: the screen is
    dark while the eyes are closed and lights up, whole, with large text when they should open."""
    visit = FastVisit(qtbot, tmp_path, sound=False)
    widget = visit.widget
    call = widget.eyes_call
    press(qtbot, widget.focus_button)
    visit.run(5.0)
    assert not call.isVisible()  # eyes open: the ordinary screen
    visit.run(5.5)  # into the eyes-closed phase (10 s each)
    assert widget.flow.baseline_step is cues.Baseline.EYES_CLOSED and call.isVisible()
    assert call.geometry() == widget.rect() and SKY_TOP in call.styleSheet()
    assert call.text() == widget.caption.text()  # the instruction, large on the dark screen
    save(widget, "attention_eyes_closed_no_sound", language)
    visit.run_while(Phase.BASELINE)
    assert call.isVisible() and call.geometry() == widget.rect() and "#fff3a6" in call.styleSheet()
    assert call.text() == translate("Attention", "Open your eyes!") and call.font().pixelSize() >= 96
    assert visit.played == []  # no sound at all: the screen alone called
    save(widget, "attention_open_your_eyes", language)
    visit.run(EYES_OPEN_CALL_S)
    assert not call.isVisible() and widget.flow.phase is Phase.READY
    assert widget.caption.text() == fill(translate("Attention", "Get ready… %1"), 3)
    assert widget.flow.score(widget.flow.players[0]) is None  # no "focus 1" during get ready
    widget.stop()


def test_sound_switch_silences_this_visit_and_leaves_the_staff_default(qtbot, tmp_path):
    """Staff set sound on or off in the console; a visitor's switch lasts their visit only."""
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    assert widget.sound_button.isChecked()
    press(qtbot, widget.sound_button)
    assert not widget.sound.enabled and visit.settings.values.get("sound", True) is True
    press(qtbot, widget.relax_button)
    visit.run_while(Phase.BASELINE, Phase.READY, Phase.ROUND)
    assert visit.played == []
    assert widget.flow.outcome.mode is Mode.RELAX and widget.flow.outcome.scores[0] > 70
    widget.stop()


def test_without_a_sound_output_visitors_see_no_sound_switch(qtbot, tmp_path):
    """A switch that can do nothing is grey on grey and a staff matter: it is not shown."""
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    assert widget.sound_button.isVisibleTo(widget)
    widget.sound = SoundPlayer(backend=None)
    widget.sound.available = False
    widget.retranslate()
    assert not widget.sound_button.isVisibleTo(widget)
    widget.stop()


def test_the_board_survives_a_restart_and_a_damaged_file(qtbot, tmp_path, caplog):
    first = FastVisit(qtbot, tmp_path).widget
    first.board.add("Ann", "relax", 77)
    first.stop()
    second = FastVisit(qtbot, tmp_path).widget
    assert "Ann" in second.board_label.text()
    second.stop()
    (tmp_path / LEADERBOARD_FILE).write_bytes(b"this is not a database" * 100)
    with caplog.at_level(logging.WARNING):
        third = FastVisit(qtbot, tmp_path).widget
    assert third.board.recovered_from is not None and third.board.recovered_from.exists()
    assert "damaged" in caplog.text and str(third.board.recovered_from) in third.staff_label.text()
    third.board.add("Bo", "focus", 60)
    assert [e.nickname for e in third.board.today_best("focus")] == ["Bo"]
    third.stop()


def test_a_duel_between_two_virtual_visitors(qtbot, tmp_path, language):
    visit = FastVisit(qtbot, tmp_path, duel=True, seed=8)
    widget = visit.widget
    assert widget.duel_button.isVisible()
    press(qtbot, widget.duel_button)
    visit.run_while(Phase.BASELINE, Phase.READY)
    visit.run(8.0)
    save(widget, "attention_duel", language)
    visit.run_while(Phase.ROUND)
    outcome = widget.flow.outcome
    assert outcome.mode is Mode.DUEL and outcome.winner == 0  # player 2 focuses less (0.6)
    assert widget.result.picture is None  # no board for duels
    save(widget, "attention_duel_result", language)
    press(qtbot, widget.result.primary_button)  # how it worked: both players' focus
    for curve in widget.band_plot.score_curves:
        x, y = curve.getData()
        assert len(x) > 50 and np.isfinite(y).all()
    assert np.mean(widget.band_plot.score_curves[0].getData()[1]) > np.mean(
        widget.band_plot.score_curves[1].getData()[1]
    )
    save(widget, "attention_duel_how_it_worked", language)
    widget.stop()


def test_the_screen_fits_a_small_kiosk_display(qtbot, tmp_path):
    """1366 x 768 minus the shell's top bar and status bar leaves about 620 px for the demo."""
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    press(qtbot, widget.focus_button)
    visit.run_while(Phase.BASELINE, Phase.READY)
    visit.run(2.0)
    assert widget.minimumSizeHint().height() <= 620
    widget.stop()


def test_a_round_that_measured_nothing_offers_no_score(qtbot, tmp_path):
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    press(qtbot, widget.focus_button)
    visit.run_while(Phase.BASELINE, Phase.READY)
    visit.lives[0].visitor.flat_channel(12)
    visit.run_while(Phase.ROUND)
    assert widget.flow.outcome.measured is False and widget.result.picture is None
    assert widget.result.headline_label.text() == "We could not measure this round"
    widget.stop()


def test_a_hold_shows_a_hint_and_an_interruption_replays_the_round(qtbot, tmp_path):
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    press(qtbot, widget.focus_button)
    visit.run_while(Phase.BASELINE, Phase.READY)
    visit.run(3.0)
    visit.lives[0].visitor.clench(1.0)
    visit.run(0.6)
    assert widget.hint_label.text() == "Relax your jaw and face."
    visit.run(4.0)
    assert widget.hint_label.text() == ""
    widget.interrupt(cues.StopReason.SIGNAL)
    assert widget.flow.phase is Phase.PAUSED
    widget.resume()
    widget._timer.stop()
    assert widget.flow.phase is Phase.READY
    widget.stop()


@pytest.mark.parametrize("kept", ["day", "hour", "visit"])
def test_the_screen_says_when_names_are_wiped_as_staff_chose(qtbot, tmp_path, language, kept):
    visit = FastVisit(qtbot, tmp_path, names_kept=kept)
    widget = visit.widget
    assert widget.board.retention is Retention(kept)
    note = names_wiped(Retention(kept))
    english = {"day": "end of today", "hour": "one hour", "visit": "leave the game"}[kept]
    assert (english in note) == (language == "en") and note.strip()
    assert html.escape(note) in widget.board_label.text()  # under today's best on the choice page
    widget.save_box.show_outcome(Outcome(Mode.FOCUS, (60,)), fresh=True)
    assert widget.save_box.privacy_note.text() == note  # where the nickname is typed
    widget.board.add("Mia", "focus", 60)
    widget.stop()
    with sqlite3.connect(tmp_path / LEADERBOARD_FILE) as db:
        kept_rows = db.execute("SELECT nickname FROM entries").fetchall()
    assert kept_rows == ([] if kept == "visit" else [("Mia",)])


def test_a_nickname_of_emoji_families_fits_the_box_and_goes_on_the_board(qtbot, tmp_path):
    visit = FastVisit(qtbot, tmp_path)
    widget = visit.widget
    family = "👨🏽\u200d👩🏽\u200d👧🏽\u200d👦🏽"  # 19 UTF-16 units, one picture
    widget.save_box.show_outcome(Outcome(Mode.FOCUS, (60,)), fresh=True)
    widget.nickname.setText(family * 12)
    assert widget.nickname.text() == family * 12  # the box keeps all of it
    widget.save_button.click()
    assert [entry.nickname for entry in widget.board.today_best("focus")] == [family * 12]
    widget.stop()
