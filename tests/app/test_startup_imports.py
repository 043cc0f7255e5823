"""The first screen is built without the demos' heavy libraries (issue 22: start to first screen took
1.8 s where it had taken 1.3 s, because what the demos decode with was imported at start).

Each case starts a fresh interpreter (modules imported by earlier tests would hide an import), builds
the showroom the way the app does, shows and paints its first screen, and lists which of the
libraries only demos need got imported on the way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Imported by demos (or the acquisition thread, for scipy.signal) when they need them; each takes
#: 0.2-2 s to import (matplotlib more with its font scan on a fresh account).
NOT_AT_START = ("pyriemann", "sklearn", "matplotlib", "mne", "scipy.signal", "scipy.stats", "pyqtgraph")

BUILD_FIRST_SCREEN = """
import json, sys, tempfile
from pathlib import Path
from app.bootstrap import build_showroom, qt_application
from drivers.boards.profiles import find_profile
app = qt_application()
showroom = build_showroom(
    find_profile("virtual_visitor"), settings=Path(tempfile.mkdtemp()) / "s.ini", kiosk={kiosk}
)
showroom.window.present()  # not start(): the acquisition's thread imports scipy.signal, off the GUI
app.processEvents()
showroom.window.grab()  # paints every widget of the first screen (the attract screen's trace too)
print(json.dumps(sorted(name for name in {names!r} if name in sys.modules)))
"""


@pytest.mark.parametrize("kiosk", [False, True], ids=["menu", "kiosk attract screen"])
def test_the_first_screen_imports_no_decoding_or_plotting_library(kiosk: bool, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", BUILD_FIRST_SCREEN.format(kiosk=kiosk, names=NOT_AT_START)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
