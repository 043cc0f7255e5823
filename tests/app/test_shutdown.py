"""Quitting while a board call hangs: control comes back within 2 s and the app exits with 0.

BrainFlow's ``prepare_session`` can block for many seconds on a missing Bluetooth device and
``release_session`` on a stuck link. The real app runs in a subprocess with a board that hangs on
purpose (patched in where the acquisition opens its board); ``--quit-after`` closes the window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import atexit, sys, time
import drivers.acquisition.worker
from app.main_window import MainWindow
from drivers.simulation.virtual_visitor import VirtualVisitorBoard

HANG = sys.argv[1]

class HangingBoard(VirtualVisitorBoard):
    def prepare_session(self):
        if HANG == "prepare_session":
            time.sleep(60)
        super().prepare_session()

    def release_session(self):
        if HANG == "release_session":
            time.sleep(60)
        super().release_session()

opened = drivers.acquisition.worker.open_board
drivers.acquisition.worker.open_board = lambda profile, visitor=None: HangingBoard(
    opened(profile, visitor).channels, 250, visitor
)
close_event = MainWindow.closeEvent

def closing(self, event):
    print(f"closing at {time.monotonic():.3f}", flush=True)
    close_event(self, event)

MainWindow.closeEvent = closing
atexit.register(lambda: print(f"exiting at {time.monotonic():.3f}", flush=True))
from app.cli import main
sys.exit(main(["--quit-after", "4", "--settings", sys.argv[2]]))
"""


@pytest.mark.parametrize("hanging_call", ["prepare_session", "release_session"])
def test_quitting_while_a_board_call_hangs_returns_within_2_s_and_exits_0(tmp_path, hanging_call):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, hanging_call, str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    times = dict(line.split(" at ") for line in result.stdout.splitlines() if " at " in line)
    assert float(times["exiting"]) - float(times["closing"]) < 2.0
    assert "Traceback" not in result.stderr
    assert "leaving it behind" in result.stderr  # said in the log, not hidden
    if hanging_call == "release_session":
        assert "acquisition connecting -> streaming" in result.stderr
