from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"bci-showroom {__version__}"


def test_help_names_the_options(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for option in ("--board", "--param", "--list-boards", "--version", "--lang", "--mains"):
        assert option in out


def test_the_default_board_is_the_virtual_visitor_and_synthetic_is_brainflows():
    from app.cli import build_parser, resolve_profile

    assert resolve_profile(build_parser().parse_args([])).source == "simulated"
    synthetic = resolve_profile(build_parser().parse_args(["--board", "synthetic"]))
    assert synthetic.source == "brainflow" and synthetic.board_id == -1


def test_list_boards_shows_every_profile_with_rate_and_what_it_needs(capsys):
    assert main(["--list-boards"]) == 0
    out = capsys.readouterr().out
    for key in (
        "synthetic",
        "playback",
        "cyton",
        "cyton_daisy",
        "ganglion",
        "muse2",
        "muse_s",
        "unicorn",
        "enophone",
    ):
        assert f"\n{key} " in out
    assert "needs --param serial_port" in out.split("\ncyton ")[1].splitlines()[0]
    assert "1000 Hz" in out.split("\nvirtual_visitor_32ch_1k ")[1].splitlines()[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--board", "no_such_board"], "no such profile"),
        (["--board", "cyton"], "params.serial_port: required"),
        (["--param", "serial_port"], "expected KEY=VALUE"),
        (["--param", "colour=blue"], "params.colour: unknown BrainFlow input parameter"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_installed_command_starts_the_app_and_exits_cleanly(tmp_path):
    """End to end: the console script, a real window (offscreen), the synthetic board, a demo."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    command = [
        sys.executable,
        "-m",
        "app",
        "--demo",
        "signal_explorer",
        "--quit-after",
        "3",
        "--lang",
        "zh_CN",
    ]
    result = subprocess.run(
        [*command, "--settings", str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "starting on virtual_visitor" in result.stderr  # the default source: no headset needed
    assert "acquisition connecting -> streaming" in result.stderr
    assert "opened demo signal_explorer" in result.stderr
    assert "Traceback" not in result.stderr
    log = next(tmp_path.rglob("bci-showroom.log")).read_text(encoding="utf-8")
    assert "acquisition streaming -> stopped" in log  # the board was released on exit
