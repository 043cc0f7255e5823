"""The signal explorer as staff use it: the "Mark an event" button puts numbered staff marks in the stream."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_channel_table_fits_at_1080p_without_a_horizontal_scrollbar(qtbot, make_window, language):
    """Issue 22: with 18 px text the table needed a horizontal scrollbar and its right side was cut."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QTableWidgetItem

    from demos.signal_explorer.widget import QUALITY_TEXT

    window = make_window("virtual_visitor", language=language)
    window.resize(1920, 1080)
    explorer = enter_demo(window, "signal_explorer")
    explorer.stop()  # the texts below stay as written
    table = explorer.table
    longest = max(
        (QCoreApplication.translate("SignalExplorer", text) for text in QUALITY_TEXT.values()),
        key=table.fontMetrics().horizontalAdvance,
    )
    for row in range(table.rowCount()):  # the widest texts each column can hold
        table.setItem(row, 1, QTableWidgetItem(longest))
        for column in (2, 3, 4):
            table.setItem(row, column, QTableWidgetItem("-1234.5"))
    qtbot.wait(50)
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert all(header.sectionSizeHint(c) <= table.columnWidth(c) for c in range(table.columnCount()))
    assert table.mapTo(window, table.rect().topRight()).x() < window.width()
