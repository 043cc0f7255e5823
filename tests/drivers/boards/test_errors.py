from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from brainflow.exit_codes import BrainFlowError, BrainFlowExitCodes

from drivers.boards import errors as board_errors
from drivers.boards.board import BoardUnavailableError
from drivers.boards.errors import (
    PROBLEM_KINDS,
    BoardProblem,
    BoardSilentError,
    describe_board_problem,
)
from drivers.boards.profiles import ProfileError, builtin_profiles, find_profile, preflight
from tests.drivers.playback_files import bad_recordings, write_recording

ROOT = Path(__file__).resolve().parents[3]
PLAYBACK_BOARD, CYTON_BOARD, SYNTHETIC_BOARD = -3, 0, -1
Code = BrainFlowExitCodes


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("playback")
    return {**bad_recordings(folder), "good": write_recording(folder / "good.csv")}


@pytest.fixture(scope="module")
def observed(files, tmp_path_factory) -> dict[str, list]:
    """What real BrainFlow calls did for each case (one process, bounded, about 4 s)."""
    vanishing = write_recording(tmp_path_factory.mktemp("vanishing") / "gone.csv")
    playback = {"board": PLAYBACK_BOARD}
    cases = {
        "cyton, missing port": {"board": CYTON_BOARD, "params": {"serial_port": "/dev/does-not-exist"}},
        "cyton, not a serial port": {"board": CYTON_BOARD, "params": {"serial_port": "/dev/null"}},
        **{
            f"playback, {what}": {**playback, "params": {"file": str(path), "master_board": SYNTHETIC_BOARD}}
            for what, path in files.items()
        },
        "playback, file removed after prepare_session": {
            **playback,
            "params": {"file": str(vanishing), "master_board": SYNTHETIC_BOARD},
            "remove": str(vanishing),
        },
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.drivers.brainflow_probe", json.dumps(cases)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def playback_with(file: Path | str):
    return find_profile("playback").with_params({"file": str(file)})


def brainflow_error(code: BrainFlowExitCodes) -> BrainFlowError:
    return BrainFlowError("unable to prepare streaming session", code.value)


def test_a_missing_or_wrong_serial_port_fails_prepare_session_and_reads_as_port(observed):
    cyton = find_profile("cyton")
    for case, code, port in [
        ("cyton, missing port", Code.UNABLE_TO_OPEN_PORT_ERROR, "/dev/does-not-exist"),
        ("cyton, not a serial port", Code.SER_PORT_ERROR, "/dev/null"),
    ]:
        assert observed[case] == [["prepare_session", {"exit_code": code.value}]], case
        problem = describe_board_problem(brainflow_error(code), cyton.with_params({"serial_port": port}))
        assert problem == BoardProblem("port", port)


@pytest.mark.parametrize("what", ["missing", "empty", "folder"])
def test_a_missing_empty_or_folder_playback_file_fails_prepare_session_and_reads_as_file(
    observed, files, what
):
    assert observed[f"playback, {what}"] == [
        ["prepare_session", {"exit_code": Code.INVALID_ARGUMENTS_ERROR.value}]
    ]
    problem = describe_board_problem(
        brainflow_error(Code.INVALID_ARGUMENTS_ERROR), playback_with(files[what])
    )
    assert problem == BoardProblem("file", str(files[what]))


def test_a_playback_file_removed_after_prepare_fails_start_stream(observed):
    assert observed["playback, file removed after prepare_session"] == [
        ["prepare_session", "ok"],
        ["start_stream", {"exit_code": Code.INVALID_ARGUMENTS_ERROR.value}],
    ]


@pytest.mark.parametrize("what", ["garbage bytes", "text", "another board's recording"])
def test_a_playback_file_without_samples_streams_nothing_and_reads_as_file(observed, files, what):
    """BrainFlow raises nothing: the silence is the symptom, so the worker reports BoardSilentError."""
    assert observed[f"playback, {what}"] == [
        ["prepare_session", "ok"],
        ["start_stream", "ok"],
        ["get_board_data", {"samples": 0}],
    ]
    assert observed["playback, good"][-1][1]["samples"] > 50  # the same call on a real recording
    problem = describe_board_problem(BoardSilentError(5.0), playback_with(files[what]))
    assert problem == BoardProblem("file", str(files[what]))


@pytest.mark.parametrize(
    "what", ["missing", "empty", "folder", "garbage bytes", "text", "another board's recording"]
)
def test_preflight_rejects_every_playback_file_brainflow_cannot_replay(files, what):
    profile = playback_with(files[what])
    with pytest.raises(ProfileError) as caught:
        preflight(profile)
    assert caught.value.field == "params.file" and str(files[what]) in str(caught.value)
    assert describe_board_problem(caught.value, profile) == BoardProblem("file", str(files[what]))
    preflight(playback_with(files["good"]))  # the recording BrainFlow replays passes


@pytest.mark.parametrize(
    ("error", "profile_key", "expected"),
    [
        (
            BoardUnavailableError("virtual headset is switched off"),
            "virtual_visitor",
            ("not_ready", "Virtual visitor"),
        ),
        (BoardSilentError(5.0), "synthetic", ("no_data", "BrainFlow synthetic board")),
        (TimeoutError("no answer"), "muse2", ("timeout", "Muse 2")),
        (OSError("no such serial port"), "cyton", ("other", "OpenBCI Cyton")),  # port not set: none to name
        (brainflow_error(Code.BOARD_NOT_READY_ERROR), "muse_s", ("not_ready", "Muse S")),
        (brainflow_error(Code.BOARD_WRITE_ERROR), "muse2", ("not_ready", "Muse 2")),
        (
            brainflow_error(Code.UNABLE_TO_OPEN_PORT_ERROR),
            "ganglion_native",
            ("port", "OpenBCI Ganglion (native Bluetooth)"),
        ),
        (
            brainflow_error(Code.UNSUPPORTED_BOARD_ERROR),
            "unicorn",
            ("unsupported", "g.tec Unicorn Hybrid Black"),
        ),
        (brainflow_error(Code.SYNC_TIMEOUT_ERROR), "enophone", ("timeout", "Enophone")),
        (brainflow_error(Code.EMPTY_BUFFER_ERROR), "synthetic", ("no_data", "BrainFlow synthetic board")),
        (
            brainflow_error(Code.INVALID_ARGUMENTS_ERROR),
            "synthetic",
            ("profile", "BrainFlow synthetic board"),
        ),
        (brainflow_error(Code.GENERAL_ERROR), "cyton_daisy", ("other", "OpenBCI Cyton + Daisy")),
        (ProfileError("cyton", "params.serial_port", "required"), "cyton", ("profile", "params.serial_port")),
        (ProfileError("playback", "params.file", "required"), "playback", ("profile", "params.file")),
        (ZeroDivisionError("a bug"), "synthetic", ("other", "BrainFlow synthetic board")),
    ],
)
def test_each_kind_of_failure_has_its_kind_and_the_name_to_show(error, profile_key, expected):
    assert describe_board_problem(error, find_profile(profile_key)) == BoardProblem(*expected)


def test_an_os_error_on_a_serial_board_names_the_port():
    cyton = find_profile("cyton").with_params({"serial_port": "COM3"})
    assert describe_board_problem(OSError("busy"), cyton) == BoardProblem("port", "COM3")


def test_every_exit_code_on_every_board_gives_a_documented_kind():
    profiles = [*builtin_profiles().values(), playback_with("rec.csv")]
    for code in BrainFlowExitCodes:
        for profile in profiles:
            problem = describe_board_problem(brainflow_error(code), profile)
            assert problem.kind in PROBLEM_KINDS and problem.detail, (code, profile.key)
    for kind in PROBLEM_KINDS:
        assert f"``{kind}``\n" in board_errors.__doc__  # each kind is explained for the GUI's sentences


def test_a_board_problem_is_immutable():
    problem = BoardProblem("port", "COM3")
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.kind = "file"  # type: ignore[misc]


def test_board_errors_loads_no_qt():
    code = "import sys, drivers.boards.errors; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=60).returncode == 0
