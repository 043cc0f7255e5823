"""The mind-ball screens on the virtual visitor, in accelerated time, and inside the real shell.

The accelerated tests give the widget a context on a test-clock stream (the virtual visitor's
headset written into a ring buffer as the acquisition worker would) and tick it by hand, so a
3-minute calibration takes seconds; every screen is drawn as the visitor would see it. With
``BCI_SHOWROOM_SCREENSHOTS=folder`` they save each screen there, in English and Chinese.
"""

from __future__ import annotations

import logging

import numpy as np

from app.demo_gate import Phase as GatePhase
from demos.base import DemoContext
from demos.mi_cursor.flow import Phase, Step
from demos.mi_cursor.widget import MiCursorWidget
from drivers import cues
from tests.demos.screens import Stored, press, save
from tests.virtual_stream import LiveStream

TICK_S = 0.05


class FastVisit:
    """The widget on a test clock: ``run`` advances the EEG and ticks the widget as its timer would."""

    def __init__(self, qtbot, seed: int = 3, *, illiterate: bool = False, **settings) -> None:
        self.live = LiveStream(seed=seed)
        self.live.visitor.set_illiterate(illiterate)
        self.cues: list[cues.Cue] = []
        context = DemoContext(
            stream=self.live.stream,
            cue=self.cue,
            settings=Stored(settings),
            logger=logging.getLogger("test.mi_cursor"),
        )
        self.widget = MiCursorWidget(context)
        self.widget.flow._rng = np.random.default_rng(seed)
        self.widget.clock = self.widget.arena.clock = lambda: self.live.now
        self.widget.retranslate()
        self.widget.resize(1280, 800)
        qtbot.addWidget(self.widget)
        self.widget.show()
        self.live.advance(1.0)

    def cue(self, cue: cues.Cue, at: float | None = None) -> None:
        self.cues.append(cue)
        at = self.live.now if at is None else at
        self.live.markers.request(cue.code, at)
        self.live.visitor.follow(cue, at)

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / TICK_S)):
            self.live.advance(TICK_S)
            self.widget.tick()

    def run_while(self, *phases: Phase, limit_s: float = 400.0) -> None:
        until = self.live.now + limit_s
        while self.widget.flow.phase in phases:
            assert self.live.now < until
            self.run(TICK_S)


def test_a_visit_goes_from_the_intro_through_training_and_game_to_how_it_worked(qtbot, language):
    visit = FastVisit(qtbot, trials_per_class=8, game_targets=4)
    widget = visit.widget
    assert widget.pages.currentWidget() is widget.intro
    save(widget, "mi_intro", language)
    press(qtbot, widget.intro.primary_button)
    assert isinstance(visit.cues[-1], cues.Fixation)
    visit.run(1.7)  # through the cross to the arrow
    assert widget.flow.step is Step.IMAGERY and widget.pages.currentWidget() is widget.arena_page
    assert widget.progress.isVisible() and widget.progress.number_label.text() == "0 / 16"
    save(widget, "mi_calibration_arrow", language)
    visit.run_while(Phase.CALIBRATION, Phase.TRAINING)
    assert widget.flow.phase is Phase.RESULT and widget.pages.currentWidget() is widget.result
    validation = widget.flow.calibrated.validation
    assert validation.above_chance
    assert f"{round(100 * validation.accuracy)}\u00a0%" in widget.result.headline_label.text()
    assert f"{round(100 * validation.chance)}\u00a0%" in widget.result.body_label.text()  # the chance level
    save(widget, "mi_result", language)
    press(qtbot, widget.result.primary_button)  # Play
    assert widget.flow.phase is Phase.GAME
    visit.run(2.5)
    assert widget.score_label.isVisible() and widget.bars.erd is not None
    save(widget, "mi_game", language)
    visit.run_while(Phase.GAME)
    assert widget.flow.phase is Phase.GAME_OVER
    save(widget, "mi_game_over", language)
    press(qtbot, widget.result.primary_button)  # How it worked
    assert widget.flow.phase is Phase.EXPLAINED and widget.result.picture is widget.plot
    curves = widget.plot.curves
    assert all(curve.getData()[0] is not None and len(curve.getData()[0]) > 100 for curve in curves.values())
    left, right = (panel.viewRange()[1] for panel in widget.plot.panels.values())
    assert left == right  # one scale for both hands
    save(widget, "mi_how_it_worked", language)
    press(qtbot, widget.result.primary_button)  # Play again
    assert widget.flow.phase is Phase.GAME
    widget.stop()
    assert visit.cues[-1] == cues.Imagery(cues.Side.REST)


def test_texts_follow_the_language(qtbot, language):
    visit = FastVisit(qtbot)
    title = visit.widget.intro.title_label.text()
    chinese = any("\u4e00" <= char <= "\u9fff" for char in title)
    assert chinese == (language == "zh_CN"), title


def test_at_chance_the_result_says_so_and_the_game_still_runs(qtbot):
    visit = FastVisit(qtbot, seed=5, illiterate=True, trials_per_class=8, game_targets=3)
    widget = visit.widget
    press(qtbot, widget.intro.primary_button)
    visit.run_while(Phase.CALIBRATION, Phase.TRAINING)
    assert "not clear enough yet" in widget.result.headline_label.text()
    assert "watch a staff demo" in widget.result.body_label.text()
    press(qtbot, widget.result.primary_button)
    visit.run_while(Phase.GAME)
    assert widget.flow.phase is Phase.GAME_OVER


def test_without_a_signal_the_result_offers_training_again_not_a_game(qtbot):
    visit = FastVisit(qtbot, trials_per_class=8)
    widget = visit.widget
    press(qtbot, widget.intro.primary_button)
    visit.live.feeding = False
    visit.run_while(Phase.CALIBRATION, Phase.TRAINING)
    assert widget.flow.decoder is None
    assert "Not enough clean training" in widget.result.headline_label.text()
    assert not widget.result.secondary_button.isVisible()
    press(qtbot, widget.result.primary_button)  # Train again
    assert widget.flow.phase is Phase.CALIBRATION


def test_the_demo_runs_in_the_real_shell_and_its_cues_reach_the_stream(qtbot, make_window):
    window = make_window("virtual_visitor")
    assert window.open_demo_by_id("mi_cursor")
    qtbot.waitUntil(lambda: window.host.phase is GatePhase.RUNNING, timeout=10_000)
    widget = window.host.demo_widget
    assert isinstance(widget, MiCursorWidget)
    press(qtbot, widget.intro.primary_button)
    qtbot.waitUntil(lambda: widget.flow.step is Step.IMAGERY, timeout=5_000)
    qtbot.wait(300)
    markers = window.acquisition.stream.latest(10.0).markers
    codes = set(markers[markers != 0].astype(int))
    assert {cues.Fixation().code, cues.Imagery(cues.Side(widget.flow.plan[0])).code} <= codes
    assert window.acquisition.visitor.snapshot().imagery == widget.flow.plan[0]  # it follows the arrow
    window.show_menu()
    qtbot.waitUntil(lambda: window.host.phase is not GatePhase.RUNNING, timeout=5_000)
