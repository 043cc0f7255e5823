"""The README's first command on a machine without a display: one sentence and exit code 2, before
Qt aborts (exit code 134, with a hint about libxcb-cursor0 that sends people the wrong way)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.display import INSTALL_SCRIPT, display_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 and Wayland systems only")
def test_the_command_without_a_display_says_so_in_one_sentence_and_exits_2(tmp_path):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "app", "--settings", str(tmp_path / "s.ini")],
        cwd=ROOT,
        env={**env, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    (sentence,) = result.stderr.strip().splitlines()
    assert sentence.startswith("bci-showroom: there is no display here")
    assert "xvfb-run" in sentence and "QT_QPA_PLATFORM=offscreen" in sentence
    assert "xcb-cursor" not in sentence


def test_missing_x11_libraries_name_their_packages_and_the_install_script():
    def load(library: str) -> None:
        if library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4"):
            raise OSError(f"{library}: cannot open shared object file")

    problem = display_problem({"DISPLAY": ":0"}, "linux", load)
    assert problem is not None and "libxcb-cursor0, libxcb-icccm4" in problem and INSTALL_SCRIPT in problem
    assert display_problem({"DISPLAY": ":0"}, "linux", lambda library: None) is None


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # the user chose the platform
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({}, "win32"),
        ({}, "darwin"),
    ],
)
def test_a_chosen_platform_wayland_windows_and_macos_are_not_questioned(environ, platform):
    def load(library: str) -> None:
        raise OSError(library)

    assert display_problem(environ, platform, load) is None
