"""Kiosk mode: full screen, no menu bar, no rehearsal keys, no staff controls — through the real CLI too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from app.demo_gate import Phase
from drivers.acquisition.worker import AcquisitionState
from tests.live_app import kiosk_pin_hash

ROOT = Path(__file__).resolve().parents[3]


def test_the_installed_command_opens_the_kiosk_full_screen_without_menu_bar_or_rehearsal_keys(tmp_path):
    settings = tmp_path / "s.ini"
    staff = (
        f"[General]\nstaff_mode=true\n[kiosk]\npin_hash={kiosk_pin_hash()}\n"  # staff left it on yesterday
    )
    settings.write_text(staff, encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    # Long enough for the signal check to pass and the demo to start.
    command = [sys.executable, "-m", "app", "--kiosk", "--demo", "mi_cursor", "--quit-after", "9"]
    result = subprocess.run(
        [*command, "--settings", str(settings)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert (
        "window on screen: kiosk=True full_screen=True menu_bar=False rehearsal_keys=False staff_controls=False"
        in result.stderr
    )
    assert "signal check passed" in result.stderr and "opened demo mi_cursor" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_kiosk_the_same_command_opens_a_desktop_window(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "app", "--quit-after", "1", "--settings", str(tmp_path / "s.ini")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "kiosk=False full_screen=False menu_bar=True rehearsal_keys=True" in result.stderr


def test_in_kiosk_mode_a_visitors_keys_steer_nothing(qtbot, make_window):
    window = make_window("virtual_visitor", kiosk=True, settings={"staff_mode": True})
    assert window.isFullScreen() and not window.menuBar().isVisible()
    assert window.rehearsal is None and not window.staff_mode
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_1)  # on a desktop this makes the virtual visitor look at 8 Hz
    qtbot.keyClick(window, Qt.Key.Key_R)
    state = window.acquisition.visitor.snapshot()
    assert state.gaze is None and not state.relaxed
    window.set_staff_mode(True)  # even if asked, staff controls stay off in kiosk mode
    assert not window.staff_mode
    window.open_demo_by_id("ssvep_speller")
    window.host.continue_visit()
    qtbot.waitUntil(lambda: window.host.phase is Phase.RUNNING, timeout=5_000)
    assert not window.host.demo_widget.staff_row.isVisible()


def test_a_second_kiosk_start_wakes_the_first_and_exits(tmp_path):
    settings = tmp_path / "s.ini"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "app", "--kiosk", "--settings", str(settings)]
    first = subprocess.Popen(
        [*command, "--quit-after", "8"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        lines = []
        for line in first.stderr:  # wait until the first showroom is on screen
            lines.append(line)
            if "window on screen" in line:
                break
        second = subprocess.run(
            [*command, "--quit-after", "1"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr and "window on screen" not in second.stderr
        _, rest = first.communicate(timeout=60)
    finally:
        first.kill()
    assert first.returncode == 0
    assert "a second start asked the showroom to come to the front" in rest
    assert "Traceback" not in "".join(lines) + rest


def test_the_kiosk_setting_starts_kiosk_mode_without_the_flag(tmp_path):
    settings = tmp_path / "s.ini"
    settings.write_text("[kiosk]\nenabled=true\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "app", "--quit-after", "1", "--settings", str(settings)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "kiosk=True full_screen=True menu_bar=False" in result.stderr


def test_a_lock_file_that_cannot_be_made_does_not_pass_for_a_running_showroom(tmp_path, qapp):
    from app.visitor.kiosk import SingleInstance

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    instance = SingleInstance(blocker / "settings.ini")
    assert instance.acquire()  # runs unlocked (logged) rather than leaving the kiosk dark
    instance.release()
    first, second = SingleInstance(tmp_path / "s.ini"), SingleInstance(tmp_path / "s.ini")
    assert first.acquire() and not second.acquire()  # a real second showroom is still refused
    first.release()
    assert second.acquire()
    second.release()


def test_settings_save_while_the_showroom_holds_its_lock(tmp_path, qapp):
    """The single-instance lock once took QSettings' own lock file name: the first save hung for ever."""
    import threading

    from app.settings import AppSettings
    from app.visitor.kiosk import SingleInstance

    path = tmp_path / "settings.ini"
    instance = SingleInstance(path)
    assert instance.acquire()
    stored = AppSettings(path)
    saver = threading.Thread(target=stored.set_value, args=("language", "zh_CN"), daemon=True)
    saver.start()
    saver.join(10)
    instance.release()
    assert not saver.is_alive(), "saving a setting hangs while the showroom holds its lock"
    assert "language=zh_CN" in path.read_text(encoding="utf-8")
