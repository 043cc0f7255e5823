"""Stops from outside (a service manager's SIGTERM, Ctrl+C) end the showroom as staff quitting does:
every open visit and demo session closed in the usage store, the headset released, no lock file
left, exit code 0, within 2 s. The real command line, in a subprocess, in kiosk mode in a demo."""

from __future__ import annotations

import signal
import sqlite3
import sys
import time

import pytest

from tests.app.showroom_process import ShowroomProcess
from tests.live_app import kiosk_pin_hash

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_during_a_demo_closes_every_visit_and_exits_0_within_2_s(tmp_path, stop):
    settings = tmp_path / "s.ini"
    settings.write_text(
        f"[kiosk]\npin_hash={kiosk_pin_hash()}\n"
    )  # staff chose their PIN: visitors are served
    showroom = ShowroomProcess(
        tmp_path, "--kiosk", "--demo", "signal_explorer", "--quit-after", "60", "--settings", str(settings)
    )
    try:
        assert showroom.wait_for("visitor screen: demo", 30), showroom.log
        # The headset streams (it connects on its own thread, designing its filters first).
        assert showroom.wait_for("acquisition connecting -> streaming", 30), showroom.log
        assert (tmp_path / "s.ini.running").exists()
        sent = time.monotonic()
        showroom.process.send_signal(stop)
        code = showroom.finish(10)
        took = time.monotonic() - sent
    finally:
        showroom.kill()
    assert code == 0, showroom.log[-3000:]
    assert took < 2.0, f"{took:.2f} s"
    assert f"{stop.name} received" in showroom.log and "Traceback" not in showroom.log
    assert "acquisition streaming -> stopped" in showroom.log
    with sqlite3.connect(tmp_path / "s-data" / "usage.sqlite3") as usage:
        visits = usage.execute("SELECT ended, reason FROM visits").fetchall()
        sessions = usage.execute("SELECT demo, ended FROM sessions").fetchall()
    assert visits and all(ended is not None and reason == "closed" for ended, reason in visits), visits
    assert sessions and all(ended is not None for _demo, ended in sessions), sessions
    assert not (tmp_path / "s.ini.running").exists()
