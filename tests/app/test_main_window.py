"""The shell as staff and visitors use it: menu, demo host, refusals, broken plugins, errors."""

from __future__ import annotations

import logging
import sys
from importlib.metadata import EntryPoint

import numpy as np
import pytest
from PySide6.QtCore import Qt

import demos.registry as registry
from demos.registry import ENTRY_POINT_GROUP, discover_demos
from drivers.acquisition.worker import AcquisitionState
from drivers.simulation.simulated import SimulatedBoard
from tests.demos import plugins


def plugin_entry_points(*specs: tuple[str, str]):
    points = [EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP) for name, value in specs]
    return lambda group: points if group == ENTRY_POINT_GROUP else []


@pytest.fixture
def broken_plugins(monkeypatch):
    monkeypatch.setattr(
        registry,
        "entry_points",
        plugin_entry_points(
            ("missing_module", "no_such_package.demo:Demo"),
            ("not_a_demo", "tests.demos.plugins:NotADemo"),
            ("raises_in_create_widget", "tests.demos.plugins:RaisesInCreateWidget"),
            ("raises_in_start", "tests.demos.plugins:RaisesInStart"),
            ("duplicate", "demos.signal_explorer.demo:SignalExplorerDemo"),
        ),
    )


def test_menu_shows_a_tile_per_demo_and_opens_and_closes_one(qtbot, make_window):
    window = make_window()
    assert [tile.entry.key for tile in window.menu.tiles] == [
        "signal_explorer",
        "ssvep_speller",
        "mi_cursor",
        "attention",
    ]
    tile = window.menu.tile_for("signal_explorer")
    assert tile.isEnabled() and tile.title_label.text() == "Signal explorer"
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.host
    assert window.host.title_label.text() == "Signal explorer"
    qtbot.mouseClick(window.host.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.menu
    assert window.host.demo is None


def test_broken_plugins_become_error_tiles_and_the_menu_still_works(qtbot, make_window, broken_plugins):
    entries = discover_demos()
    by_key = {entry.key: entry for entry in entries if entry.origin != "built-in"}
    builtin = next(entry for entry in entries if entry.origin == "built-in")
    assert "ModuleNotFoundError" in by_key["missing_module"].error
    assert "not a subclass" in by_key["not_a_demo"].error
    assert "exists already" in by_key["signal_explorer"].error  # a plugin cannot replace a built-in
    assert builtin.key == "signal_explorer" and builtin.demo_class is not None
    window = make_window(entries=entries)
    broken = window.menu.tile_for("missing_module")
    assert not broken.isEnabled()
    assert broken.description_label.text() == "This demo could not be loaded."
    assert "Traceback" not in broken.reason_label.text()
    assert window.menu.tiles[0].isEnabled()
    assert window.open_demo(builtin)


@pytest.mark.parametrize("key", ["raises_in_create_widget", "raises_in_start"])
def test_a_demo_that_raises_shows_a_friendly_message_and_is_cleaned_up(
    qtbot, make_window, broken_plugins, caplog, key
):
    entries = discover_demos()
    window = make_window(entries=entries)
    entry = next(e for e in entries if e.key == key)
    before = (plugins.RaisesInCreateWidget.stopped, plugins.RaisesInStart.stopped)
    with caplog.at_level(logging.ERROR):
        assert not window.open_demo(entry)
    assert window.stack.currentWidget() is window.menu
    assert window.message_banner.isVisibleTo(window)
    assert "could not start" in window.message_banner.text()
    assert "Error" not in window.message_banner.text()  # no exception names for visitors
    assert any(record.exc_info for record in caplog.records)  # the traceback is in the log for staff
    after = (plugins.RaisesInCreateWidget.stopped, plugins.RaisesInStart.stopped)
    assert sum(after) == sum(before) + 1  # stop() ran even though start failed
    assert window.host.demo is None and window.host.demo_widget is None
    good = next(e for e in entries if e.key == "signal_explorer" and e.demo_class)
    assert window.open_demo(good)


def test_a_demo_the_board_cannot_serve_is_greyed_with_reasons_and_refused(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(
        registry,
        "entry_points",
        plugin_entry_points(("needs_occipital", "tests.demos.plugins:NeedsOccipital")),
    )
    window = make_window("muse2", board=SimulatedBoard(4, 256, seed=1))
    tile = window.menu.tile_for("needs_occipital")
    assert not tile.isEnabled()
    reasons = tile.reason_label.text()
    assert "back of the head (occipital)" in reasons
    assert "Needs 8 channels; this headset has 4." in reasons
    assert tile.badge_label.text() == "⚠ Flashing light"
    assert not window.open_demo(tile.entry)  # the host refuses too, not only the tile
    assert "occipital" in window.message_banner.text()
    window.set_language("zh_CN")
    assert "枕区" in tile.reason_label.text()
    assert window.menu.tile_for("signal_explorer").isEnabled()


def test_language_switches_live_everywhere(qtbot, make_window):
    window = make_window()
    assert window.menu.heading.text() == "Brain-Computer Interface Showroom"
    assert window.menu.language_button.text() == "中文"
    qtbot.mouseClick(window.menu.language_button, Qt.MouseButton.LeftButton)
    assert window.languages.language == "zh_CN"
    assert window.menu.heading.text() == "脑机接口体验厅"
    assert window.menu.language_button.text() == "English"
    assert window.windowTitle() == "脑机接口体验厅"
    assert window.menu.tile_for("signal_explorer").title_label.text() == "脑电信号探索"
    assert window.headsets.status_panel.board_label.text().startswith("设备")
    window.open_demo(window.menu.tile_for("signal_explorer").entry)
    assert window.host.back_button.text() == "← 返回菜单"
    window.set_language("en")
    assert window.host.back_button.text() == "← Back to menu"
    assert window.settings.value("language") == "en"


def test_status_bar_shows_measured_rate_lost_samples_and_state(qtbot, make_window):
    window = make_window()
    qtbot.waitUntil(
        lambda: (
            window.headsets.status_panel.stats is not None
            and window.headsets.status_panel.stats.total_samples > 0
        )
    )
    qtbot.waitUntil(lambda: window.headsets.status_panel.stats.measured_rate > 200, timeout=5_000)
    assert window.headsets.status_panel.rate_label.text().endswith("/ 250 Hz")
    assert window.headsets.status_panel.lost_label.text() == "Lost samples: 0"
    assert "streaming" in window.headsets.status_panel.state_label.text()


def test_a_headset_that_drops_out_is_reported_to_the_visitor_in_plain_words(qtbot, make_window):
    board = SimulatedBoard(16, 250, seed=2)
    window = make_window("synthetic", board=board)
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING)
    window.open_demo(window.menu.tile_for("signal_explorer").entry)
    board.set_unavailable(True)
    qtbot.waitUntil(lambda: window.message_banner.isVisibleTo(window), timeout=3_000)
    assert "headset" in window.message_banner.text()
    assert "disconnected" in window.headsets.status_panel.state_label.text()
    board.set_unavailable(False)
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    qtbot.wait(100)  # the state change reaches the window through its event queue
    assert window.message_banner.isHidden()  # gone as soon as data flows again, not 10 s later


def test_uncaught_errors_become_a_friendly_message_and_a_log_line(qtbot, make_window, caplog, monkeypatch):
    from app.errors import install_excepthook

    window = make_window()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(window.show_message)
    try:
        raise KeyError("visitor pressed something odd")
    except KeyError:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(*sys.exc_info())
    assert (
        window.message_banner.text() == "Oops, something went wrong. Please ask a member of staff for help."
    )
    assert "visitor pressed something odd" in caplog.text


def test_markers_lost_in_a_radio_gap_are_shown_to_staff(qtbot, make_window):
    window = make_window("virtual_visitor")
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    qtbot.wait(300)
    assert window.headsets.status_panel.integrity_label.isHidden()
    window.acquisition.visitor.radio_gap(1.0)
    qtbot.wait(100)
    for code in (1.0, 2.0, 3.0):
        window.acquisition.insert_marker(code)
    qtbot.waitUntil(
        lambda: "Lost markers: 3" in window.headsets.status_panel.integrity_label.text(), timeout=5_000
    )
    assert window.headsets.status_panel.integrity_label.isVisible()


class NaNBoard(SimulatedBoard):
    """A driver that sends a NaN on the fourth channel in every block."""

    def get_board_data(self):
        block = super().get_board_data()
        if block.shape[1]:
            block[4, 0] = np.nan
        return block


def test_a_nan_channel_is_shown_bad_and_never_reaches_a_plot_range_or_a_banner(qtbot, make_window, caplog):
    window = make_window("synthetic", board=NaNBoard(16, 250, seed=2))
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING)
    window.open_demo(window.menu.tile_for("signal_explorer").entry)
    explorer = window.host.demo_widget
    with caplog.at_level(logging.ERROR):
        qtbot.wait(3_000)
    assert "uncaught exception" not in caplog.text
    assert window.message_banner.isHidden()
    assert explorer.table.item(3, 1).text().startswith("bad values")
    assert explorer.table.item(0, 1).text() == "good"
    assert np.isfinite(float(explorer.table.item(3, 2).text()))
    assert np.isfinite(explorer.panel.band_fractions).all() and explorer.panel.band_fractions.sum() > 0
    assert "Invalid values replaced" in window.headsets.status_panel.integrity_label.text()


def test_a_wrong_serial_port_is_named_in_the_status_line_in_both_languages(qtbot, make_window):
    window = make_window("cyton", params={"serial_port": "/dev/does-not-exist"})
    label = window.headsets.status_panel.state_label
    qtbot.waitUntil(lambda: "/dev/does-not-exist" in label.text(), timeout=10_000)
    assert "Cannot open the serial port /dev/does-not-exist" in label.text()
    window.set_language("zh_CN")
    assert "/dev/does-not-exist" in label.text() and "串口" in label.text()
    window.set_language("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_visitors_read_a_plain_sentence_about_a_board_problem_and_staff_get_the_detail(
    qtbot, make_window, language
):
    from app.errors import friendly_message

    window = make_window("cyton", params={"serial_port": "/dev/does-not-exist"}, language=language)
    qtbot.waitUntil(lambda: window.board_problem_text() is not None, timeout=10_000)
    assert "/dev/does-not-exist" in window.board_problem_text()  # the staff console's words
    sentence = friendly_message("board")
    for tile in window.menu.tiles:  # greyed, not tappable, saying why in a visitor's words
        assert not tile.isEnabled() and sentence in tile.reason_label.text()
        assert "/dev/" not in tile.reason_label.text()
    decoding = next(
        tile.entry
        for tile in window.menu.tiles
        if not tile.unmet
        and tile.entry.demo_class.requirements.decodes
        and not tile.entry.demo_class.requirements.flickers
    )
    window.open_demo(decoding)  # a decoding demo waits for the headset, saying why
    body = window.host.notice.body_label.text()
    assert sentence in body and "/dev/" not in body


def test_tiles_grey_while_the_headset_is_stopped_and_return_when_it_streams(qtbot, make_window):
    window = make_window("synthetic")
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=10_000)
    assert all(tile.isEnabled() for tile in window.menu.tiles)
    window.stop_acquisition()
    assert not any(tile.isEnabled() for tile in window.menu.tiles)
    window.start_acquisition()
    qtbot.waitUntil(lambda: all(tile.isEnabled() for tile in window.menu.tiles), timeout=10_000)


def test_a_banner_moves_no_control_on_the_menu_or_in_the_console(qtbot, make_window):
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton

    window = make_window("synthetic")
    window.resize(1280, 800)

    def places(page):
        return {
            index: QRect(button.mapTo(window, QPoint()), button.size())
            for index, button in enumerate(page.findChildren(QAbstractButton))
            if button.isVisibleTo(window)
        }

    for page in (window.menu, None):
        if page is None:
            window.open_staff_console()
            page = window.console
        qtbot.wait(10)
        before = places(page)
        window.show_message("Staff: the settings file cannot be saved; changes last until the app closes.")
        qtbot.wait(10)
        assert window.message_banner.isVisible() and places(page) == before
        window.message_banner.hide()
