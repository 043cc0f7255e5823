"""Two headsets at once (the duel): a second board from the command line or the settings, its own
status, its stream in the demo's context, every cue in both streams, both stopped on closing."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.bootstrap import build_showroom, start
from app.cli import main
from app.config import SECOND_BOARD
from app.main_window import MainWindow
from app.settings import AppSettings
from drivers import cues
from drivers.acquisition.worker import STOP_TIMEOUT_MS, Acquisition, AcquisitionState
from drivers.boards.profiles import find_profile
from drivers.simulation.virtual_visitor import FOCUSED_ATTENTION, VirtualVisitor, VirtualVisitorBoard
from tests.drivers.playback_files import write_recording

ROOT = Path(__file__).resolve().parents[2]


def run_cli(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, offscreen, with settings and logs in ``tmp_path``."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", *argv, "--settings", str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def make_showroom(qtbot, qapp, tmp_path):
    """A started showroom built by the app's composition root; every acquisition stopped afterwards.

    ``second`` is the ``--second-board`` profile key; ``settings`` are stored first."""
    made = []

    def make(
        profile_key="virtual_visitor",
        *,
        second=None,
        acquisition=None,
        second_acquisition=None,
        settings=None,
    ):
        stored = AppSettings(tmp_path / "settings.ini")
        for key, value in {"signal_check/enabled": False, **(settings or {})}.items():
            stored.set_value(key, value)
        showroom = build_showroom(
            find_profile(profile_key),
            language="en",
            settings=stored,
            acquisition=acquisition,
            second_profile=find_profile(second) if second else None,
            second_acquisition=second_acquisition,
        )
        qtbot.addWidget(showroom.window)
        made.append(showroom)
        start(showroom)
        showroom.window.activateWindow()  # the rehearsal keys reach it
        qapp.processEvents()
        return showroom

    yield make
    for showroom in made:
        showroom.window.host.close_demo()
        for acquisition in showroom.acquisitions:
            assert acquisition.stop(timeout_ms=10_000)
        showroom.languages.set_language("en")


def streaming(*acquisitions):
    return lambda: all(a.state is AcquisitionState.STREAMING for a in acquisitions)


# --- the command line ------------------------------------------------------------------------------


def test_the_installed_command_runs_two_headsets_and_releases_both(tmp_path):
    result = run_cli(tmp_path, "--second-board", "virtual_visitor", "--quit-after", "4")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "second headset: virtual_visitor" in result.stderr
    assert result.stderr.count("acquisition connecting -> streaming") == 2
    assert "[acquisition-virtual_visitor]" in result.stderr  # each headset's lines name their thread
    assert "[acquisition-2-virtual_visitor]" in result.stderr
    log = next(tmp_path.rglob("bci-showroom.log")).read_text(encoding="utf-8")
    assert log.count("acquisition streaming -> stopped") == 2  # both boards released on exit


def test_the_installed_command_gives_the_second_board_its_parameters(tmp_path):
    recording = write_recording(tmp_path / "recording.csv")
    second = ["--second-board", "playback", "--second-param", f"file={recording}"]
    result = run_cli(tmp_path, *second, "--quit-after", "4")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "second headset: playback" in result.stderr
    assert result.stderr.count("acquisition connecting -> streaming") == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--second-board", "nosuch"], "--second-board: nosuch: board: no such profile"),
        (["--second-board", "synthetic", "--second-param", "serial_port"], "expected KEY=VALUE"),
    ],
)
def test_the_installed_command_refuses_a_bad_second_board_in_one_line(tmp_path, argv, message):
    result = run_cli(tmp_path, *argv)
    assert result.returncode == 2
    assert result.stderr.startswith("bci-showroom: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--second-board", "no_such_board"], "--second-board: no_such_board: board: no such profile"),
        (["--second-board", "cyton"], "params.serial_port: required: pass --second-param serial_port="),
        (["--second-board", "playback"], "--second-board: playback: params.file: required"),
        (["--second-board", "synthetic", "--second-param", "=x"], "--second-param: =x: expected KEY=VALUE"),
        (
            ["--second-board", "synthetic", "--second-param", "colour=blue"],
            "unknown BrainFlow input parameter",
        ),
        (["--second-board", "virtual_visitor", "--second-param", "serial_port=COM3"], "takes no BrainFlow"),
        (["--second-param", "serial_port=COM3"], "--second-param: serial_port=COM3: needs --second-board"),
        (["--second-board"], "argument --second-board: expected one argument"),
    ],
)
def test_bad_second_boards_exit_2_with_one_clear_line(capsys, monkeypatch, argv, message):
    started = []
    monkeypatch.setattr("app.cli.run_app", lambda *args, **kwargs: started.append(args) or 0)
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's way out
        code = stop.code
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err, err
    assert err.startswith("bci-showroom: ") and err.count("\n") == 1, err
    assert started == []


def test_the_second_board_and_its_parameters_reach_the_app(monkeypatch):
    started = []
    monkeypatch.setattr("app.cli.run_app", lambda profile, **options: started.append((profile, options)) or 0)
    argv = ["--board", "synthetic", "--second-board", "synthetic", "--second-param", "other_info=two"]
    assert main(argv) == 0
    [(profile, options)] = started
    assert profile.params.get("other_info", "") == ""
    assert options["second_profile"].key == "synthetic"
    assert options["second_profile"].params["other_info"] == "two"
    started.clear()
    assert main([]) == 0  # without the flag the app decides (the duel/board setting, else none)
    assert started[0][1]["second_profile"] is None


def test_list_boards_checks_and_lists_the_second_board_given(capsys, tmp_path):
    path = tmp_path / "second.toml"
    channels = ", ".join(f'{{ name = "E{i}", role = "frontal" }}' for i in range(8))
    path.write_text(f'name = "Second"\nboard = "CYTON_BOARD"\nchannels = [{channels}]\n', encoding="utf-8")
    assert main(["--second-board", str(path), "--list-boards"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{path} ")


# --- the window ------------------------------------------------------------------------------------


def test_two_headsets_each_show_their_own_status(qtbot, make_showroom, monkeypatch):
    about = []
    monkeypatch.setattr("app.main_window.QMessageBox.about", lambda parent, title, text: about.append(text))
    showroom = make_showroom(second="virtual_visitor")
    window = showroom.window
    assert showroom.second_acquisition is window.headsets.second_acquisition is not None
    first, second = window.headsets.status_panel, window.headsets.second_status_panel
    qtbot.waitUntil(lambda: first.stats is not None and second.stats is not None, timeout=5_000)
    qtbot.waitUntil(lambda: second.stats.measured_rate > 200, timeout=5_000)
    assert first.board_label.text() == "Player 1: Board: Virtual visitor"
    assert second.board_label.text() == "Player 2: Board: Virtual visitor"
    assert second.rate_label.text().endswith("/ 250 Hz")
    assert first.state_label.text().startswith("Player 1: ") and "streaming" in first.state_label.text()
    assert second.state_label.text().startswith("Player 2: ") and "streaming" in second.state_label.text()
    window._show_about()
    assert "Player 2's board: Virtual visitor (250 Hz)" in about[0]


def test_the_second_headsets_problem_shows_in_its_own_status_only(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor")
    window = showroom.window
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    showroom.second_acquisition.visitor.take_off_headset()  # the second visitor's headset goes silent
    label = window.headsets.second_status_panel.state_label
    qtbot.waitUntil(lambda: "disconnected" in label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: "switched on and in range" in label.text(), timeout=15_000)
    assert label.text().startswith("Player 2: ")
    assert "streaming" in window.headsets.status_panel.state_label.text()
    assert window.headsets.status_panel.problem is None
    showroom.second_acquisition.visitor.put_on_headset()
    qtbot.waitUntil(lambda: "streaming" in label.text(), timeout=15_000)


def test_a_cue_reaches_both_streams_and_both_visitors_follow_it(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor")
    window = showroom.window
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    context = window.make_context("duel_test", window.announce)
    assert context.stream is showroom.acquisition.stream
    assert context.second_stream is showroom.second_acquisition.stream
    focus = cues.Round(cues.RoundMode.FOCUS)
    context.cue(focus)
    first, second = showroom.acquisition.visitor, showroom.second_acquisition.visitor
    assert first is not second
    assert first.snapshot().attention == FOCUSED_ATTENTION == 0.9
    assert second.snapshot().attention == 0.7  # the weaker player of the two

    def markers(stream):
        return stream.latest(10.0).markers

    for stream in (context.stream, context.second_stream):
        qtbot.waitUntil(lambda stream=stream: focus.code in markers(stream), timeout=5_000)
        assert np.count_nonzero(markers(stream) == focus.code) == 1  # once in each stream
    context.cue(cues.Round(cues.RoundMode.END))
    assert first.snapshot().attention == second.snapshot().attention == 0.5


def test_the_rehearsal_keys_steer_the_first_visitor_only(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor")
    window = showroom.window
    qtbot.keyClick(window, Qt.Key.Key_1)  # look at target 1
    qtbot.keyClick(window, Qt.Key.Key_R)  # relax
    assert showroom.acquisition.visitor.snapshot().gaze is not None
    assert showroom.acquisition.visitor.snapshot().relaxed
    second = showroom.second_acquisition.visitor.snapshot()
    assert second.gaze is None and not second.relaxed


def test_the_duel_board_setting_adds_the_second_headset(qtbot, make_showroom):
    showroom = make_showroom(settings={SECOND_BOARD.key: "virtual_visitor"})
    assert showroom.second_acquisition is not None
    assert showroom.second_acquisition.visitor.focus == 0.7
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    assert showroom.window.message_banner.isHidden()


def test_the_command_line_wins_over_the_duel_board_setting(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor", settings={SECOND_BOARD.key: "nosuch"})
    assert showroom.second_acquisition.profile.key == "virtual_visitor"
    assert showroom.window.message_banner.isHidden()


def test_without_a_second_board_there_is_one_headset_and_no_player_labels(make_showroom):
    showroom = make_showroom()
    window = showroom.window
    assert showroom.second_acquisition is None and window.headsets.second_status_panel is None
    assert window.acquisitions == [showroom.acquisition]
    assert window.headsets.status_panel.board_label.text() == "Board: Virtual visitor"
    assert window.make_context("duel_test", window.announce).second_stream is None


@pytest.mark.parametrize(
    ("stored", "detail"),
    [
        ("nosuch", "nosuch: board: no such profile"),
        ("cyton", "params.serial_port: required"),  # needs a port, and the setting cannot give one
        ("{tmp}/gbk.toml", "encoding: not UTF-8 text"),
        ("{tmp}", "is a folder"),
    ],
)
def test_a_bad_duel_board_setting_starts_with_one_headset_and_tells_staff_once(
    qtbot, make_showroom, monkeypatch, caplog, tmp_path, stored, detail
):
    (tmp_path / "gbk.toml").write_bytes('name = "体验厅"\n'.encode("gbk"))
    shown = []
    show_message = MainWindow.show_message
    monkeypatch.setattr(
        MainWindow, "show_message", lambda self, text: shown.append(text) or show_message(self, text)
    )
    with caplog.at_level(logging.WARNING):
        showroom = make_showroom(settings={SECOND_BOARD.key: stored.replace("{tmp}", str(tmp_path))})
    window = showroom.window
    assert showroom.second_acquisition is None and window.headsets.second_status_panel is None
    assert window.acquisitions == [showroom.acquisition]
    qtbot.waitUntil(streaming(showroom.acquisition), timeout=5_000)
    qtbot.wait(200)
    assert len(shown) == 1 and detail in shown[0] and "duel/board" in shown[0], shown
    assert window.message_banner.isVisibleTo(window) and window.message_banner.text() == shown[0]
    assert "Starting with one headset" in shown[0]
    assert f"setting {SECOND_BOARD.key}=" in caplog.text and detail in caplog.text


def test_closing_the_window_stops_both_acquisition_threads(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor")
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    threads = [acquisition._thread for acquisition in showroom.acquisitions]
    assert all(thread is not None and thread.is_alive() for thread in threads)
    showroom.window.close()
    assert not any(thread.is_alive() for thread in threads)
    assert all(acquisition.state is AcquisitionState.STOPPED for acquisition in showroom.acquisitions)


def test_the_showroom_closes_both_headsets(qtbot, make_showroom):
    showroom = make_showroom(second="virtual_visitor")
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    showroom.close()
    assert not any(acquisition.is_running for acquisition in showroom.acquisitions)


class HangingHeadset(VirtualVisitorBoard):
    """A headset whose link is stuck: releasing it blocks for seconds (BrainFlow's can)."""

    def release_session(self):
        time.sleep(4.0)
        super().release_session()


def hanging_acquisition() -> Acquisition:
    profile = find_profile("virtual_visitor")
    visitor = VirtualVisitor()
    return Acquisition(
        profile, visitor=visitor, board_factory=lambda: HangingHeadset(profile.channels, 250, visitor)
    )


def test_two_hanging_headsets_still_let_the_window_close_within_one_stop_timeout(qtbot, make_showroom):
    showroom = make_showroom(acquisition=hanging_acquisition(), second_acquisition=hanging_acquisition())
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=5_000)
    threads = [acquisition._thread for acquisition in showroom.acquisitions]
    started = time.monotonic()
    showroom.window.close()
    took = time.monotonic() - started
    assert took < STOP_TIMEOUT_MS / 1000 + 0.5, took  # side by side, not one after the other
    assert all(thread.is_alive() for thread in threads)  # both left behind inside release_session
    for thread in threads:  # they release their boards by themselves
        thread.join(10.0)
        assert not thread.is_alive()


# --- the attention game in the shell ---------------------------------------------------------------


def test_the_attention_game_offers_the_duel_and_keeps_its_board_beside_the_settings(
    qtbot, make_showroom, tmp_path
):
    showroom = make_showroom(second="virtual_visitor")
    window = showroom.window
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=10_000)
    assert window.open_demo_by_id("attention")
    widget = window.host.demo_widget
    assert widget.duel_button.isVisible()
    assert [player.stream for player in widget.flow.players] == [a.stream for a in showroom.acquisitions]
    assert widget.board is not None and widget.board.persistent
    assert widget.board.path == tmp_path / "settings-data" / "demos" / "attention" / "leaderboard.sqlite3"
    qtbot.mouseClick(widget.duel_button, Qt.MouseButton.LeftButton)
    code = cues.BaselinePhase(cues.Baseline.EYES_OPEN).code

    def marked(acquisition) -> bool:
        return code in acquisition.buffer.latest(acquisition.buffer.capacity).markers

    qtbot.waitUntil(lambda: all(marked(a) for a in showroom.acquisitions), timeout=5_000)
    assert all(a.visitor.snapshot().relaxed is False for a in showroom.acquisitions)
    window.show_menu()
    assert window.host.demo is None


def test_with_one_headset_the_attention_game_offers_no_duel(qtbot, make_showroom):
    showroom = make_showroom()
    qtbot.waitUntil(streaming(*showroom.acquisitions), timeout=10_000)
    assert showroom.window.open_demo_by_id("attention")
    widget = showroom.window.host.demo_widget
    assert not widget.duel_button.isVisible() and len(widget.flow.players) == 1
    showroom.window.show_menu()
