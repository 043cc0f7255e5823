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
    for option in ("--second-board", "--second-param"):
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


def test_list_boards_marks_the_default_profile(capsys):
    assert main(["--list-boards"]) == 0
    marked = [line.split()[0] for line in capsys.readouterr().out.splitlines() if "(default)" in line]
    assert marked == ["virtual_visitor"]


def test_list_boards_checks_and_lists_the_board_given(capsys, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('name = "Mine"\nboard = "CYTON_BOARD"\nchannels = []\n', encoding="utf-8")
    assert main(["--board", str(path), "--list-boards"]) == 2
    assert "channels: required" in capsys.readouterr().err
    channels = ", ".join(f'{{ name = "E{i}", role = "frontal" }}' for i in range(8))
    path.write_text(f'name = "Mine"\nboard = "CYTON_BOARD"\nchannels = [{channels}]\n', encoding="utf-8")
    assert main(["--board", str(path), "--list-boards"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{path} ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--board", "no_such_board"], "no such profile"),
        (["--board", "cyton"], "params.serial_port: required"),
        (["--param", "serial_port"], "expected KEY=VALUE"),
        (["--param", "colour=blue"], "params.colour: unknown BrainFlow input parameter"),
        (["--param", "serial_port=COM3"], "a simulated board takes no BrainFlow parameters"),
        (["--board", "playback"], "params.file: required"),
        (["--board", "playback", "--param", "file=/no/such.csv"], "params.file: /no/such.csv: not found"),
        (["--board", "playback", "--param", "master_board=CYTON_BOARD"], "CYTON_BOARD has 8 EEG channels"),
        (["--board", "cyton", "--param", "serial_port=COM3", "--param", "timeout=1.5"], "params.timeout"),
        (["--mains", "55"], "argument --mains: invalid choice"),
        (["--quit-after", "nan"], "argument --quit-after: must be 0..2147483 seconds"),
        (["--quit-after", "-1"], "argument --quit-after: must be"),
        (["--quit-after", "soon"], "not a number of seconds"),
        (["--settings", "."], "is a folder, not a settings file"),
        (["--settings", "/no/such/folder/s.ini"], "the folder of '/no/such/folder/s.ini' does not exist"),
        (["--colour", "blue"], "unrecognized arguments: --colour blue"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_line(capsys, argv, message):
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's way out
        code = stop.code
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert err.startswith("bci-showroom: ") and err.count("\n") == 1, err


def test_kiosk_and_the_other_options_reach_the_app(monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr("app.cli.run_app", lambda profile, **options: started.append((profile, options)) or 0)
    argv = ["--board", "synthetic", "--kiosk", "--quit-after", "2", "--lang", "en", "--mains", "60"]
    assert main([*argv, "--demo", "signal_explorer", "--settings", str(tmp_path / "s.ini")]) == 0
    [(profile, options)] = started
    assert profile.key == "synthetic" and profile.mains_hz == 60
    assert options == {
        "language": "en",
        "demo_id": "signal_explorer",
        "settings_path": tmp_path / "s.ini",
        "quit_after_s": 2.0,
        "kiosk": True,
        "second_profile": None,
    }


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ('name = "体验厅"\n'.encode("gbk"), "encoding: not UTF-8 text"),
        (
            b'name = "x"\nboard = "NO_BOARD"\nchannels = [{ name = "a", role = "frontal" }]\n',
            "NO_BOARD is not supported",
        ),
        (
            b'name = "x"\nboard = "CYTON_BOARD"\nchannels = [{ name = "a", role = { x = 1 } }]\n',
            "channels[0].role",
        ),
    ],
)
def test_the_installed_command_refuses_a_bad_profile_in_one_line(tmp_path, profile, message):
    """The real process: no BrainFlow log line or Python warning joins the one line on stderr."""
    path = tmp_path / "board.toml"
    path.write_bytes(profile)
    result = subprocess.run(
        [sys.executable, "-m", "app", "--board", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"bci-showroom: {path}: ") and result.stderr.count("\n") == 1, (
        result.stderr
    )
    assert message in result.stderr


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


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--demo", "nosuchdemo"], "no such demo; the demos are: signal_explorer"),
        (["--self-test", "{tmp}"], "not a file in an existing folder"),
        (["--self-test", "{tmp}/missing/report.json"], "not a file in an existing folder"),
    ],
)
def test_an_unknown_demo_or_an_unwritable_report_exits_2_before_anything_starts(
    capsys, monkeypatch, tmp_path, argv, message
):
    started = []
    monkeypatch.setattr("app.cli.run_app", lambda *args, **kwargs: started.append(args) or 0)
    monkeypatch.setattr("app.selftest.run_self_test", lambda *args: started.append(args) or 0)
    assert main([part.replace("{tmp}", str(tmp_path)) for part in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert started == []
