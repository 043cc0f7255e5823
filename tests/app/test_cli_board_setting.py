"""The board staff chose in the console starts the showroom next time, when the command line names none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import _StoredSettings, main, stored_board
from app.config import BOARD_PARAMS, BOARD_PROFILE, decode_params, encode_params
from drivers.boards.profiles import ProfileError

ROOT = Path(__file__).resolve().parents[2]


def write_settings(path: Path, profile: str, params: str = "") -> Path:
    from app.settings import AppSettings

    stored = AppSettings(path)
    stored.set_value(BOARD_PROFILE.key, profile)
    if params:
        stored.set_value(BOARD_PARAMS.key, params)
    return path


@pytest.fixture
def started(monkeypatch):
    calls = []
    monkeypatch.setattr("app.cli.run_app", lambda profile, **options: calls.append((profile, options)) or 0)
    return calls


def test_the_stored_board_is_used_without_board_on_the_command_line(tmp_path, started):
    path = write_settings(tmp_path / "s.ini", "synthetic", encode_params({"other_info": "kiosk"}))
    assert main(["--settings", str(path), "--mains", "60"]) == 0
    [(profile, options)] = started
    assert profile.key == "synthetic" and profile.params["other_info"] == "kiosk" and profile.mains_hz == 60
    assert "board_problem" not in options


def test_the_command_line_wins_over_the_stored_board(tmp_path, started):
    path = write_settings(tmp_path / "s.ini", "synthetic")
    assert main(["--settings", str(path), "--board", "virtual_visitor"]) == 0
    assert main(["--settings", str(path), "--board", "cyton", "--param", "serial_port=COM4"]) == 0
    assert [profile.key for profile, _ in started] == ["virtual_visitor", "cyton"]


@pytest.mark.parametrize(
    ("profile", "params", "why"),
    [
        ("cyton", "", "params.serial_port: required"),
        ("no_such_board", "", "no such profile"),
        ("synthetic", "{not json", "not a JSON object"),
        ("synthetic", '{"colour": "blue"}', "unknown BrainFlow input parameter"),
        ("synthetic", '["serial_port", "COM3"]', 'expected {"name": "value"'),
        ("virtual_visitor", '{"serial_port": "COM3"}', "takes no BrainFlow parameters"),
        ("{tmp}/deleted.toml", "", "not found"),
    ],
)
def test_a_bad_stored_board_falls_back_to_the_virtual_visitor_and_says_why(
    tmp_path, started, profile, params, why
):
    path = write_settings(tmp_path / "s.ini", profile.replace("{tmp}", str(tmp_path)), params)
    assert main(["--settings", str(path)]) == 0
    [(chosen, options)] = started
    assert chosen.key == "virtual_visitor"
    assert why in options["board_problem"] and "\n" not in options["board_problem"]


def test_a_hand_edited_list_is_refused_not_a_crash(tmp_path, started):
    path = tmp_path / "s.ini"
    path.write_text("[board]\nprofile=cyton, synthetic\n", encoding="utf-8")  # Qt reads a list
    assert main(["--settings", str(path)]) == 0
    assert started[0][0].key == "virtual_visitor" and "not a profile name" in started[0][1]["board_problem"]


def test_params_round_trip_and_bad_ones_are_profile_errors():
    params = {"serial_port": "COM3", "file": r"C:\录制\a;b,c.csv"}
    assert decode_params(encode_params(params)) == params
    assert decode_params("") == {} and decode_params('{"timeout": 15}') == {"timeout": "15"}
    for bad in ("[1]", '{"a": true}', '{"a": null}', "{", "[" * 100_000):
        with pytest.raises(ProfileError):
            decode_params(bad)


def test_nothing_stored_is_no_board_and_no_problem(tmp_path):
    assert stored_board(_StoredSettings(tmp_path / "empty.ini")) == (None, None)


def test_the_settings_read_before_start_are_the_ones_the_app_opens(qapp):
    from app.bootstrap import qt_application
    from app.settings import AppSettings

    before = _StoredSettings(None).path
    qt_application()
    assert AppSettings().path == before


def run_cli(tmp_path: Path, settings: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "app", "--settings", str(settings), "--quit-after", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_real_command_starts_on_the_stored_board(tmp_path):
    result = run_cli(tmp_path, write_settings(tmp_path / "s.ini", "synthetic"))
    assert result.returncode == 0, result.stderr
    assert "starting on synthetic" in result.stderr and "Traceback" not in result.stderr


def test_the_real_command_survives_a_bad_stored_board(tmp_path):
    result = run_cli(tmp_path, write_settings(tmp_path / "s.ini", "cyton"))  # no serial port stored
    assert result.returncode == 0, result.stderr
    assert "cannot be used, starting on virtual_visitor instead" in result.stderr
    assert "params.serial_port" in result.stderr  # the log says why
    assert "starting on virtual_visitor" in result.stderr and "Traceback" not in result.stderr
