"""The shell's safety policies, given to demos that have not a line of their own for them.

``Blinker`` flashes a square, announces its flicker through the cue vocabulary and stops its timer
when it leaves the screen, nothing more: the photosensitivity warning, stop-on-touch, the flicker
time limit and starting afresh after a stop come from the shell and the kit.
``Decider`` declares that it decodes: the shell does not start it while the headset is silent.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor, QPainter

from app.demo_gate import Phase
from app.errors import friendly_message
from demos.base import DemoContext, Requirements
from demos.kit.demo import DemoScreen, WidgetDemo
from demos.registry import DemoEntry
from drivers import cues
from drivers.acquisition.worker import AcquisitionState
from drivers.simulation.simulated import SimulatedBoard


class BlinkerScreen(DemoScreen):
    def __init__(self, context: DemoContext) -> None:
        super().__init__(context)
        self.frames = 0
        self.timer = QTimer(self, interval=50)
        self.timer.timeout.connect(self._frame)

    def start(self) -> None:
        self.timer.start()
        self.context.cue(cues.FlickerOnset(0, 10.0))

    def stop(self) -> None:  # every demo's duty when it leaves the screen: no timer left running
        self.timer.stop()

    def _frame(self) -> None:
        self.frames += 1
        self.update()

    def paintEvent(self, event) -> None:
        QPainter(self).fillRect(self.rect(), QColor("white" if self.frames % 2 else "black"))


class BlinkerDemo(WidgetDemo):
    id = "blinker"
    title = QT_TRANSLATE_NOOP("demos", "Blinker")
    description = "A square that flashes."
    requirements = Requirements(flickers=True)

    def create_screen(self, context: DemoContext) -> DemoScreen:
        return BlinkerScreen(context)


class DeciderScreen(DemoScreen):
    built = started = 0

    def __init__(self, context: DemoContext) -> None:
        super().__init__(context)
        DeciderScreen.built += 1

    def start(self) -> None:
        DeciderScreen.started += 1


class DeciderDemo(WidgetDemo):
    id = "decider"
    title = "Decider"
    description = "Decides on the EEG."
    requirements = Requirements(decodes=True)

    def create_screen(self, context: DemoContext) -> DemoScreen:
        return DeciderScreen(context)


def entries(*demos) -> list[DemoEntry]:
    return [DemoEntry(key=demo.id, origin="test", demo_class=demo) for demo in demos]


def streaming(window) -> bool:
    return window.acquisition.state is AcquisitionState.STREAMING


def markers(window) -> np.ndarray:
    found = window.acquisition.stream.latest(30.0).markers
    return found[found != 0]


def test_a_flickering_demo_shows_nothing_before_the_warning_is_accepted(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BlinkerDemo))
    assert window.open_demo_by_id("blinker")
    host = window.host
    assert host.phase is Phase.WARNING and host.demo is None  # not even built yet
    assert "seizure" in host.notice.body_label.text() and host.notice.isVisible()
    qtbot.mouseClick(host.notice.secondary_button, Qt.MouseButton.LeftButton)  # "Not now"
    assert window.stack.currentWidget() is window.menu and host.demo is None
    window.open_demo_by_id("blinker")
    qtbot.mouseClick(host.notice.primary_button, Qt.MouseButton.LeftButton)  # "I understand, start"
    assert host.phase is Phase.RUNNING and host.demo_widget.isVisible()


def test_any_touch_stops_a_flickering_demo_at_once_and_continue_brings_it_back(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BlinkerDemo))
    qtbot.waitUntil(lambda: streaming(window), timeout=5_000)
    window.open_demo_by_id("blinker")
    host = window.host
    host.continue_visit()
    screen = host.demo_widget
    qtbot.waitUntil(lambda: screen.frames > 3)
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert host.phase is Phase.STOPPED and not screen.isVisible()  # hidden within the touch's event
    assert host.notice.primary_button.text() == "Continue"
    qtbot.waitUntil(lambda: cues.Stopped().code in markers(window), timeout=2_000)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # no flicker is watched now: keys work normally again
    assert host.phase is Phase.STOPPED
    qtbot.mouseClick(host.notice.primary_button, Qt.MouseButton.LeftButton)  # a second, startled tap
    assert host.phase is Phase.STOPPED  # Continue appeared under the finger: it waits a moment
    qtbot.waitUntil(lambda: host.notice.primary_button.isEnabled(), timeout=2_000)
    qtbot.mouseClick(host.notice.primary_button, Qt.MouseButton.LeftButton)
    assert host.phase is Phase.RUNNING and screen.isVisible()
    frames = screen.frames
    qtbot.waitUntil(lambda: screen.frames > frames + 3)  # it flickers again (started afresh) ...
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert host.phase is Phase.STOPPED and not screen.isVisible()  # ... and is watched again
    frames = screen.frames
    qtbot.wait(300)
    assert screen.frames == frames  # the demo's own timer stopped too (the kit's default interrupt)


def test_a_key_bound_to_a_shortcut_stops_a_flicker_and_steers_nothing(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BlinkerDemo))
    assert window.rehearsal is not None  # on the desktop, "1" makes the virtual visitor look at 8 Hz
    window.open_demo_by_id("blinker")
    window.host.continue_visit()
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert window.host.phase is Phase.STOPPED
    assert window.acquisition.visitor.snapshot().gaze is None  # the stop cue, not the shortcut


class BrokenDemo(BlinkerDemo):
    id = "broken"

    def create_screen(self, context: DemoContext) -> DemoScreen:
        raise RuntimeError("a bug in the demo")


def test_a_demo_that_fails_after_the_warning_goes_back_to_the_menu_with_an_apology(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BrokenDemo))
    assert window.open_demo_by_id("broken") and window.host.phase is Phase.WARNING
    qtbot.mouseClick(window.host.notice.primary_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.menu and window.host.demo is None
    assert "could not start" in window.message_banner.text()


def test_the_shell_stops_a_flicker_at_its_time_limit(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BlinkerDemo))
    window.host.max_flicker_s = 0.5
    window.open_demo_by_id("blinker")
    window.host.continue_visit()
    qtbot.waitUntil(lambda: window.host.phase is Phase.STOPPED, timeout=2_000)
    assert "0.5 seconds" in window.host.notice.body_label.text()


def test_the_virtual_visitor_follows_the_cues_of_a_demo_that_never_names_it(qtbot, make_window):
    window = make_window("virtual_visitor", entries=entries(BlinkerDemo))
    window.open_demo_by_id("blinker")
    window.host.continue_visit()
    gaze = window.acquisition.visitor.snapshot().gaze
    assert gaze is not None and gaze.frequency_hz == 10.0  # it looks at the flashing square
    qtbot.mouseClick(window.host.demo_widget, Qt.MouseButton.LeftButton)
    assert window.acquisition.visitor.snapshot().gaze is None  # the stop cue: it looks away
    assert "looking" not in window.visitor_label.text()


def test_a_decoding_demo_waits_for_the_headset_and_the_visitor_reads_why(qtbot, make_window):
    board = SimulatedBoard(8, 250, seed=4)
    board.set_unavailable(True)
    window = make_window("synthetic", board=board, entries=entries(DeciderDemo))
    qtbot.waitUntil(lambda: window.headsets.status_panel.problem is not None, timeout=5_000)
    DeciderScreen.built = DeciderScreen.started = 0
    assert window.open_demo_by_id("decider")
    host = window.host
    assert host.phase is Phase.WAITING and host.demo is None and DeciderScreen.started == 0
    assert host.notice.title_label.text() == "Waiting for the headset"
    # A visitor reads a plain sentence; the board's own words are for staff (status, console, log).
    assert friendly_message("board") in host.notice.body_label.text()
    assert "does not answer" not in host.notice.body_label.text()
    assert "does not answer" in window.board_problem_text()
    board.set_unavailable(False)
    qtbot.waitUntil(lambda: host.phase is Phase.RUNNING, timeout=10_000)
    assert DeciderScreen.started == 1 and host.demo_widget.isVisible()
    board.set_unavailable(True)  # the headset drops out mid-visit: paused, and said why
    qtbot.waitUntil(lambda: host.phase is Phase.WAITING, timeout=5_000)
    assert not host.demo_widget.isVisible()
    board.set_unavailable(False)
    qtbot.waitUntil(lambda: host.phase is Phase.STOPPED, timeout=10_000)  # back: the visitor continues
    assert host.notice.body_label.text().startswith("The headset's signal is back.")
    qtbot.waitUntil(lambda: host.notice.primary_button.isEnabled(), timeout=2_000)
    qtbot.mouseClick(host.notice.primary_button, Qt.MouseButton.LeftButton)
    assert host.phase is Phase.RUNNING and DeciderScreen.built == 1
    assert DeciderScreen.started == 2  # built once; the kit's default resume starts it afresh


def test_a_demo_that_does_not_decode_starts_on_a_silent_headset(qtbot, make_window):
    board = SimulatedBoard(8, 250, seed=4)
    board.set_unavailable(True)
    window = make_window("synthetic", board=board)
    assert window.open_demo_by_id("signal_explorer")
    assert window.host.phase is Phase.RUNNING  # it shows the (missing) signal: that is its point


def test_a_flicker_limit_set_too_short_or_garbled_is_kept_within_its_range(qtbot, make_window, caplog):
    window = make_window("virtual_visitor", settings={"safety/max_flicker_s": -5})
    assert window.host.max_flicker_s == 5.0  # never shorter than the decoders' longest window
    assert "setting safety/max_flicker_s = -5.0 is outside 5.0..30.0: 5.0 is used" in caplog.text
    garbled = make_window("virtual_visitor", settings={"safety/max_flicker_s": "soon"})
    assert garbled.host.max_flicker_s == 6.0
