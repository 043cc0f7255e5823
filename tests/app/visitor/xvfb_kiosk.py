"""On a real X display (run under ``xvfb-run``): the kiosk's window is unmapped, then destroyed, by
another program (xdotool), and must come back each time; prints a JSON report on its last line.

    xvfb-run -a -s "-screen 0 1280x800x24" python -m tests.app.visitor.xvfb_kiosk
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.app.showroom_process import ShowroomProcess

TITLE = "BCI Showroom"


def visible_windows() -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE], capture_output=True, text=True, timeout=10
    )
    return found.stdout.split()


def back_after(action: str, timeout_s: float) -> float | None:
    """Do ``xdotool ACTION`` to the showroom's window; seconds until a window is on screen again."""
    (window,) = visible_windows()
    subprocess.run(["xdotool", action, window], check=True, timeout=10)
    started = time.monotonic()
    time.sleep(0.2)
    while time.monotonic() - started < timeout_s:
        if visible_windows():
            return round(time.monotonic() - started, 2)
        time.sleep(0.2)
    return None


def main() -> int:
    home = Path(tempfile.mkdtemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(home), "XDG_DATA_HOME": str(home)}
    showroom = ShowroomProcess(
        home, "--kiosk", "--quit-after", "60", "--settings", str(home / "s.ini"), env=env
    )
    report: dict[str, object] = {}
    try:
        if not showroom.wait_for("first screen on screen", 30):
            print(showroom.log, file=sys.stderr)
            return 1
        time.sleep(0.5)
        report["unmapped_back_s"] = back_after("windowunmap", 8)
        report["destroyed_back_s"] = back_after("windowclose", 10)
        report["alive"] = showroom.process.poll() is None
        showroom.process.send_signal(signal.SIGTERM)
        report["exit_code"] = showroom.finish(10)
    finally:
        showroom.kill()
    print(showroom.log[-3000:], file=sys.stderr)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
