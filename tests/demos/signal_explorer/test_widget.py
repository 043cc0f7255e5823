"""The signal explorer as staff use it: the "Mark an event" button puts numbered staff marks in the stream."""

from __future__ import annotations

from PySide6.QtCore import Qt

from drivers import cues
from drivers.acquisition import AcquisitionState
from tests.live_app import enter_demo


def test_the_mark_button_puts_numbered_staff_marks_into_the_stream(qtbot, make_window):
    window = make_window("virtual_visitor")
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    explorer = enter_demo(window, "signal_explorer")
    assert explorer.marker_button.height() >= 48
    for _ in range(3):
        qtbot.mouseClick(explorer.marker_button, Qt.MouseButton.LeftButton)
        qtbot.wait(30)

    def marks():
        found = window.acquisition.stream.latest(10.0).markers
        return list(found[found != 0])

    qtbot.waitUntil(lambda: len(marks()) == 3, timeout=3_000)
    assert marks() == [cues.StaffMark(n).code for n in (1, 2, 3)]
