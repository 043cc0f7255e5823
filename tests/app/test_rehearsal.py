"""Staff steer the virtual visitor with keys; the status bar and the live plots show what it does."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.rehearsal import REFRESH_MS, RehearsalKeys, describe
from app.status import board_display_name
from drivers import cues
from drivers.acquisition.worker import AcquisitionState
from drivers.boards.profiles import builtin_profile_paths, find_profile, load_profile_file
from drivers.simulation.virtual_visitor import VirtualVisitor
from tests.virtual_stream import LiveStream


def test_keys_steer_the_virtual_visitor_and_the_status_bar_says_so(qtbot, make_window):
    window = make_window("virtual_visitor")
    visitor = window.acquisition.visitor
    assert window.rehearsal is not None and window._rehearsal_action.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_3)
    assert visitor.snapshot().gaze.frequency_hz == 10.0
    assert window.visitor_label.text() == "Virtual visitor: looking at 10 Hz"
    qtbot.keyClick(window, Qt.Key.Key_0)
    assert visitor.snapshot().gaze is None
    window.open_demo(window.menu.tile_for("signal_explorer").entry)
    window.host.demo_widget.table.setFocus()  # arrows still steer the visitor, not the table
    qtbot.keyClick(window.host.demo_widget.table, Qt.Key.Key_Right)
    assert visitor.snapshot().imagery == "right"
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert visitor.snapshot().imagery is None
    for key in (Qt.Key.Key_R, Qt.Key.Key_F, Qt.Key.Key_I):
        qtbot.keyClick(window, key)
    state = visitor.snapshot()
    assert state.relaxed and state.attention >= 0.9 and state.illiterate
    assert window.visitor_label.text() == "Virtual visitor: relaxed, eyes closed, focused, BCI-illiterate"
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert len(visitor.snapshot().blinks) == 1
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert visitor.headset_off
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert not visitor.headset_off
    window.set_language("zh_CN")
    assert window.visitor_label.text().startswith("虚拟观众")


def test_no_rehearsal_keys_on_a_real_board(qtbot, make_window):
    window = make_window("synthetic")
    assert window.acquisition.visitor is None and window.rehearsal is None
    assert not window._rehearsal_action.isVisible()


def test_live_plots_show_alpha_when_relax_is_held(qtbot, make_window):
    window = make_window("virtual_visitor")
    qtbot.waitUntil(lambda: window.acquisition.stream.total_samples > 2.5 * 250, timeout=10_000)
    window.open_demo(window.menu.tile_for("signal_explorer").entry)
    panel = window.host.demo_widget.panel
    qtbot.wait(1_000)
    alpha_open = panel.band_fractions[2]
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.wait(3_000)  # the rhythm builds up, then fills the 2 s spectrum window
    alpha_closed = panel.band_fractions[2]
    assert alpha_closed > 1.5 * alpha_open, (alpha_open, alpha_closed)
    assert np.argmax(panel.band_fractions) == 2  # alpha is now the strongest band on screen
    assert window.acquisition.state is AcquisitionState.STREAMING


# --- what the status bar says the virtual visitor does, kept current ------------------------------------


class Clock:
    """The virtual visitor's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def test_a_flicker_cue_for_a_later_moment_reads_about_to_look_then_looking(qtbot):
    clock = Clock()
    visitor = VirtualVisitor(clock)
    window = QWidget()
    qtbot.addWidget(window)
    keys = RehearsalKeys(window, visitor, LiveStream().stream)
    said = []
    keys.sigChanged.connect(said.append)
    assert keys.description == "Virtual visitor: resting"
    visitor.follow(cues.FlickerOnset(3, 10.0, 0.0), at=clock.now + 0.5)  # announced ahead of its onset
    assert keys.description == "Virtual visitor: about to look at 10 Hz"
    clock.now += 1.0  # the onset came: nobody pressed a key, no new cue
    with qtbot.waitSignal(keys.sigChanged, timeout=2 * REFRESH_MS):
        pass
    assert said[-1] == "Virtual visitor: looking at 10 Hz"
    visitor.follow(cues.Decision(3, 0.9), at=clock.now)
    qtbot.waitUntil(lambda: said[-1] == "Virtual visitor: resting", timeout=2 * REFRESH_MS)
    count = len(said)
    qtbot.wait(3 * REFRESH_MS)
    assert len(said) == count  # only changes are sent


def test_things_that_end_by_themselves_leave_the_description_when_they_end(qtbot):
    clock = Clock()
    visitor = VirtualVisitor(clock)
    state_at = lambda: describe(visitor.snapshot(), clock.now)  # noqa: E731
    visitor.clench(1.0)
    visitor.blink()
    assert state_at() == "Virtual visitor: blinking, clenching the jaw"
    clock.now += 0.5
    assert state_at() == "Virtual visitor: clenching the jaw"
    clock.now += 1.0
    assert state_at() == "Virtual visitor: resting"
    visitor.radio_gap(2.0)
    visitor.pop_electrode(1)
    assert state_at() == "Virtual visitor: electrode pop, radio gap"
    clock.now += 5.0
    assert state_at() == "Virtual visitor: resting"


def test_the_status_bar_tells_what_the_visitor_does_while_a_demo_cues_it(qtbot, make_window):
    window = make_window("virtual_visitor")
    onset = time.time() + 0.6
    window.announce(cues.FlickerOnset(0, 12.0, 0.0), at=onset)
    assert "about to look at 12 Hz" in window.visitor_label.text()
    qtbot.waitUntil(lambda: window.visitor_label.text() == "Virtual visitor: looking at 12 Hz", timeout=2_000)
    assert time.time() >= onset
    window.announce(cues.FlickerEnd())
    assert window.visitor_label.text() == "Virtual visitor: resting"


def test_board_names_follow_the_language_but_a_staff_profile_keeps_its_own(qtbot, make_window, tmp_path):
    window = make_window("virtual_visitor")
    assert window.headsets.status_panel.board_label.text() == "Board: Virtual visitor"
    window.set_language("zh_CN")
    assert window.headsets.status_panel.board_label.text() == "设备：虚拟观众"
    assert board_display_name(window.acquisition.profile) == "虚拟观众"
    assert board_display_name("BrainFlow synthetic board") == "BrainFlow 模拟数据板"
    assert board_display_name(find_profile("muse2")) == "Muse 2"  # a brand name reads the same
    copy = tmp_path / "virtual_visitor.toml"  # staff's own file, even one named like a built-in
    copy.write_text(builtin_profile_paths()["virtual_visitor"].read_text(encoding="utf-8"), encoding="utf-8")
    assert board_display_name(load_profile_file(copy)) == "Virtual visitor"
    mine = tmp_path / "mine.toml"
    mine.write_text(
        copy.read_text(encoding="utf-8").replace('"Virtual visitor"', '"展厅一号头环"'), encoding="utf-8"
    )
    assert board_display_name(load_profile_file(mine)) == "展厅一号头环"
    window.set_language("en")
    assert board_display_name(window.acquisition.profile) == "Virtual visitor"
