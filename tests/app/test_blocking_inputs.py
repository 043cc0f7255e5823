"""Nothing named in a setting or on the command line can hold the showroom: a FIFO (blocks when
opened and read), /dev/zero (never ends) and a 2 GB file (fills the memory when read whole), as the
stored board profile, the duel's second board, a playback recording and the settings file itself.
Each gives a window (and a notice for staff) or exit code 2 with one sentence, within 5 s of the
start. Before, start-up hung with no window past --quit-after, or grew to 8 GB, and the process
stayed alive so the watchdog never restarted it. The real command line, in a subprocess."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from tests.app.showroom_process import ShowroomProcess

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
#: From the start of the process to its window, or to its exit with one sentence; on a machine so
#: busy that a clean start takes longer, at most :data:`EXTRA_S` more than a clean start (a FIFO
#: hangs for ever, /dev/zero runs into the test's memory limit at once: both fail at any bound).
WITHIN_S = 5.0
EXTRA_S = 4.0
KINDS = ("fifo", "dev_zero", "sparse_2gb")


@pytest.fixture(scope="module")
def limit_s(tmp_path_factory) -> float:
    """How long the outcome may take here: 5 s, or a clean start's time plus 4 s on a busy machine."""
    home = tmp_path_factory.mktemp("clean")
    _showroom, _code, clean_s = run_until_outcome(
        home, "--quit-after", "0.5", "--settings", str(home / "s.ini")
    )
    return max(WITHIN_S, clean_s + EXTRA_S)


def blocking_file(tmp_path: Path, kind: str) -> Path:
    if kind == "dev_zero":
        return Path("/dev/zero")
    path = tmp_path / f"{kind}.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        with open(path, "wb") as file:
            file.truncate(2 * 2**30)  # sparse: 2 GB long, nothing on the disk
    return path


def run_until_outcome(tmp_path: Path, *args: str) -> tuple[ShowroomProcess, int | None, float]:
    """Start the showroom; (process, exit code or None while it runs, seconds to the outcome)."""
    showroom = ShowroomProcess(tmp_path, *args)
    on_screen = showroom.wait_for("window on screen", 30)
    took = time.monotonic() - showroom.started
    code = showroom.finish(15)
    showroom.kill()
    assert on_screen or code is not None, "neither a window nor an exit: " + showroom.log[-2000:]
    return showroom, None if on_screen else code, took


@pytest.mark.parametrize("kind", KINDS)
def test_a_blocking_file_as_the_stored_board_and_the_second_board_still_gives_a_window(
    tmp_path, kind, limit_s
):
    path = blocking_file(tmp_path, kind)
    settings = tmp_path / "s.ini"
    settings.write_text(f"[board]\nprofile={path}\n[duel]\nboard={path}\n", encoding="utf-8")
    showroom, code, took = run_until_outcome(tmp_path, "--quit-after", "0.5", "--settings", str(settings))
    assert code is None and showroom.process.returncode == 0, showroom.log[-2000:]
    assert took < limit_s, f"{took:.1f} s to the window"
    assert "the stored board (settings board/profile" in showroom.log  # staff read it in the window
    assert "setting duel/board=" in showroom.log and "cannot be used" in showroom.log
    assert "Traceback" not in showroom.log


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("option", ["--board", "playback file", "--second-board"])
def test_a_blocking_file_on_the_command_line_exits_2_with_one_sentence(tmp_path, kind, option):
    path = blocking_file(tmp_path, kind)
    args = {
        "--board": ["--board", str(path)],
        "playback file": ["--board", "playback", "--param", f"file={path}"],
        "--second-board": ["--second-board", str(path)],
    }[option]
    showroom, code, took = run_until_outcome(tmp_path, *args, "--settings", str(tmp_path / "s.ini"))
    assert code == 2, showroom.log[-2000:]
    assert took < WITHIN_S, f"{took:.1f} s to the sentence"
    (sentence,) = showroom.log.strip().splitlines()
    assert sentence.startswith("bci-showroom: ") and str(path) in sentence
    assert any(
        why in sentence for why in ("not a profile file", "not a recording", "not a BrainFlow recording")
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_blocking_file_as_the_settings_file_exits_2_or_starts_on_defaults(tmp_path, kind, limit_s):
    path = blocking_file(tmp_path, kind)
    showroom, code, took = run_until_outcome(tmp_path, "--quit-after", "0.5", "--settings", str(path))
    assert took < limit_s, f"{took:.1f} s to the outcome"
    if kind == "sparse_2gb":  # a damaged settings file: moved aside, defaults, a notice for staff
        assert code is None and showroom.process.returncode == 0, showroom.log[-2000:]
        assert "more than 1 MB: moved to" in showroom.log
        assert len(list(tmp_path.glob("sparse_2gb.toml.corrupt-*"))) == 1
    else:  # not a file at all: nothing to move aside or write to
        assert code == 2, showroom.log[-2000:]
        (sentence,) = showroom.log.strip().splitlines()
        assert sentence.startswith("bci-showroom: ") and "not a settings file" in sentence
