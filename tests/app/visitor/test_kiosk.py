"""Kiosk mode: full screen, no menu bar, no rehearsal keys, no staff controls — through the real CLI too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_a_lock_file_left_by_a_crash_never_blocks_the_next_start_whatever_pid_it_names(tmp_path):
    """The crashed showroom's process id now belongs to another live program (here: this test's
    own Python, the same program name as the showroom's): a check by process id took that for a
    running showroom and exited 0, which a watchdog reads as "staff quit"."""
    import socket

    from tests.app.showroom_process import ShowroomProcess

    settings = tmp_path / "s.ini"
    # What the old lock (QLockFile) wrote: process id, program file name, host.
    program = Path(os.path.realpath(sys.executable)).name
    (tmp_path / "s.ini.running").write_text(f"{os.getpid()}\n{program}\n{socket.gethostname()}\n")
    showroom = ShowroomProcess(tmp_path, "--kiosk", "--quit-after", "0.5", "--settings", str(settings))
    try:
        code = showroom.finish(30)
    finally:
        showroom.kill()
    assert code == 0 and "already running" not in showroom.log, showroom.log[-2000:]
    assert "window on screen: kiosk=True" in showroom.log
    assert not (tmp_path / "s.ini.running").exists()


LOCK_HOLDER = """
import sys, time
from pathlib import Path
from app.visitor.kiosk import lock_file
lock_file(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(60)
"""


def test_the_lock_goes_with_the_process_that_held_it_and_not_before(tmp_path, qapp):
    from app.visitor.kiosk import SingleInstance

    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(tmp_path / "s.ini.running")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        instance = SingleInstance(tmp_path / "s.ini")
        assert not instance.acquire()  # a live showroom holds it: refused (and woken)
        holder.kill()  # dies as a crash does: no clean-up, the file stays
        holder.wait(10)
        assert (tmp_path / "s.ini.running").exists()
        assert instance.acquire()
        instance.release()
    finally:
        holder.kill()
        holder.wait(10)
    assert not (tmp_path / "s.ini.running").exists()


def test_a_kiosk_window_off_screen_is_shown_again_then_made_anew(make_window, qtbot, monkeypatch):
    """Off screen as Qt sees it when another program unmaps the window or destroys it (xdotool
    windowunmap, XDestroyWindow): the widget still says visible, its window is not exposed. (The
    real thing, under Xvfb: test_an_x_window_unmapped_or_destroyed_from_outside_comes_back.)"""
    window = make_window("virtual_visitor", kiosk=True)
    qtbot.waitUntil(lambda: window.windowHandle().isExposed(), timeout=5_000)
    native = window.winId()
    exposed = iter([False, False])
    monkeypatch.setattr(window.guard, "_exposed", lambda: next(exposed, True))
    window.guard._watch()  # unmapped: shown again, same native window
    assert window.isVisible() and window.isFullScreen() and window.winId() == native
    window.guard._watch()  # still off screen (destroyed): a new native window
    assert window.isVisible() and window.isFullScreen() and window.winId() != native
    window.guard._watch()  # on screen again: the count starts again
    assert window.guard._gone_checks == 0


def test_a_kiosk_window_that_cannot_come_back_ends_the_showroom_for_the_watchdog(
    make_window, qtbot, monkeypatch
):
    from app.visitor.kiosk import EXIT_WINDOW_LOST

    window = make_window("virtual_visitor", kiosk=True)
    qtbot.waitUntil(lambda: window.windowHandle().isExposed(), timeout=5_000)
    exits = []
    monkeypatch.setattr("app.visitor.kiosk.QApplication.exit", exits.append)
    monkeypatch.setattr(window.guard, "_exposed", lambda: False)  # nothing brings it back
    for _ in range(3):
        window.guard._watch()
    assert exits == [EXIT_WINDOW_LOST] and EXIT_WINDOW_LOST not in (0, 2)


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
    reason="needs xvfb-run and xdotool (apt-get install xvfb xdotool)",
)
def test_an_x_window_unmapped_or_destroyed_from_outside_comes_back(tmp_path):
    """A black screen and a live process, before: the kiosk never noticed."""
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "tests.app.visitor.xvfb_kiosk"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["unmapped_back_s"] is not None and report["unmapped_back_s"] <= 3, report
    assert report["destroyed_back_s"] is not None and report["destroyed_back_s"] <= 6, report
    assert report["alive"] and report["exit_code"] == 0, report
