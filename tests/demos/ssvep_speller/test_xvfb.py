"""The speller on a real X display (Xvfb): the canvas choice and the whole live path outside ``offscreen``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (apt-get install xvfb)"
)
def test_the_speller_types_hello_on_an_x_display(tmp_path):
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, "-m",
         "tests.demos.ssvep_speller.xvfb_speller", "--word", "HELLO"],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # Xvfb draws OpenGL with Mesa's llvmpipe: no vsync and slow, so the raster canvas takes over.
    assert report["canvas"] == "RasterCanvas" and not report["vsync"]
    assert 30 <= report["refresh_hz"] <= 240
    assert report["text"] == "HELLO" and report["accuracy"] >= 0.95
    assert report["frames"] > 100
