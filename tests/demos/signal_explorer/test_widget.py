"""The signal explorer as staff use it: the "Mark an event" button puts numbered staff marks in the stream."""

from __future__ import annotations

from PySide6.QtCore import Qt

from drivers import cues
from drivers.acquisition.worker import AcquisitionState
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


def test_with_the_headset_off_the_table_says_so_once(qtbot):
    """Not a "jump: movement or loose electrode" on every row: one line over the table."""
    import logging

    from demos.base import DemoContext
    from demos.signal_explorer.widget import SignalExplorerWidget
    from tests.virtual_stream import LiveStream

    live = LiveStream()
    context = DemoContext(
        stream=live.stream, cue=lambda cue, at=None: None, settings=None, logger=logging.getLogger("test")
    )
    explorer = SignalExplorerWidget(context)
    qtbot.addWidget(explorer)
    explorer.show()
    live.advance(3.0)
    explorer.refresh_summary()
    assert explorer.headset_label.isHidden()
    assert explorer.table.item(0, 1).text() == "good"
    live.visitor.take_off_headset()
    for _ in range(10):
        live.advance(0.2)  # a second of garbage, then the virtual headset sends nothing
    explorer.refresh_summary()
    assert explorer.headset_label.isVisible()
    assert explorer.headset_label.text() == "Headset off: put it on the visitor."
    qualities = {explorer.table.item(row, 1).text() for row in range(explorer.table.rowCount())}
    assert qualities == {"—"}
    live.visitor.put_on_headset()
    for _ in range(15):
        live.advance(0.2)
    explorer.refresh_summary()
    assert explorer.headset_label.isHidden()
