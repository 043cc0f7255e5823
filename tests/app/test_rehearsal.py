"""Staff steer the virtual visitor with keys; the live plots show what it does."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from drivers.acquisition import AcquisitionState


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
