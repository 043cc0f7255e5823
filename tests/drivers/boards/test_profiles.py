from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from drivers.boards.board import layout_for
from drivers.boards.profiles import ProfileError, builtin_profiles, find_profile, load_profile_file, preflight
from drivers.roles import Role

REQUIRED_BOARDS = {
    "synthetic": "SYNTHETIC_BOARD",
    "playback": "PLAYBACK_FILE_BOARD",
    "cyton": "CYTON_BOARD",
    "cyton_daisy": "CYTON_DAISY_BOARD",
    "ganglion": "GANGLION_BOARD",
    "muse2": "MUSE_2_BOARD",
    "muse_s": "MUSE_S_BOARD",
    "unicorn": "UNICORN_BOARD",
    "enophone": "ENOPHONE_BOARD",
}

GOOD = """
name = "Test board"
board = "CYTON_BOARD"
params = { serial_port = "COM3" }
channels = [
  { name = "Fp1", role = "frontal" }, { name = "Fp2", role = "frontal" },
  { name = "C3", role = "sensorimotor-left" }, { name = "C4", role = "sensorimotor-right" },
  { name = "P7", role = "parietal" }, { name = "P8", role = "parietal" },
  { name = "O1", role = "occipital" }, { name = "O2", role = "occipital" },
]
"""


def write(tmp_path, text: str):
    path = tmp_path / "board.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_every_required_board_ships_a_valid_profile_matching_brainflow():
    from brainflow.board_shim import BoardIds, BoardShim

    profiles = builtin_profiles()
    for key, board_name in REQUIRED_BOARDS.items():
        profile = profiles[key]
        assert profile.board_id == BoardIds[board_name].value
        layout = layout_for(profile)
        assert len(layout.eeg_rows) == len(profile.channels)
        assert profile.mains_hz == 50
        brainflow_names = BoardShim.get_board_descr(
            profile.board_id if key != "playback" else BoardIds.SYNTHETIC_BOARD.value
        ).get("eeg_names")
        if brainflow_names:  # where BrainFlow knows the sites, the profile uses the same names
            assert profile.channel_names == brainflow_names.split(",")


def test_a_valid_file_loads_with_roles_in_row_order(tmp_path):
    profile = load_profile_file(write(tmp_path, GOOD))
    assert profile.name == "Test board"
    assert profile.roles[6] is Role.OCCIPITAL
    assert profile.params["serial_port"] == "COM3"
    assert profile.missing_params() == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace('name = "Test board"\n', ""), "name"),
        (
            lambda t: t.replace('role = "occipital" }, { name = "O2"', 'role = "visual" }, { name = "O2"'),
            "channels[6].role",
        ),
        (lambda t: t.replace('{ name = "O2", role = "occipital" },\n', ""), "channels"),
        (lambda t: t.replace('"CYTON_BOARD"', '"NO_SUCH_BOARD"'), "board"),
        (lambda t: t.replace('board = "CYTON_BOARD"\n', ""), "board"),
        (lambda t: t.replace("serial_port", "serial_prot"), "params.serial_prot"),
        (lambda t: t + "mains_hz = 55\n", "mains_hz"),
        (lambda t: t + "colour = 'blue'\n", "colour"),
        (lambda t: t.replace('{ name = "Fp2"', '{ name = "Fp1"'), "channels[1].name"),
        (
            lambda t: t.replace(
                '{ name = "P7", role = "parietal" }', '{ name = "P7", role = "parietal", gain = 24 }'
            ),
            "channels[4].gain",
        ),
        (lambda t: t + "sampling_rate = 500\n", "sampling_rate"),
        (lambda t: t + "package_counter = { modulo = 256, step = 0 }\n", "package_counter.step"),
        (lambda t: t + "package_counter = { modulo = 256, step = true }\n", "package_counter.step"),
        (lambda t: t + "package_counter = { modulo = 18446744073709551616 }\n", "package_counter.modulo"),
        (lambda t: t + "package_counter = { modulo = 256, stpe = 2 }\n", "package_counter.stpe"),
        (lambda t: t + "mains_hz = 50.0\n", "mains_hz"),
        (lambda t: t + "mains_hz = true\n", "mains_hz"),
        (
            lambda t: t.replace('role = "frontal" }, { name = "Fp2"', 'role = { a = 1 } }, { name = "Fp2"'),
            "channels[0].role",
        ),
        (
            lambda t: t.replace('role = "frontal" }, { name = "Fp2"', 'role = ["frontal"] }, { name = "Fp2"'),
            "channels[0].role",
        ),
        (lambda t: t.replace('"COM3" }', '"COM3", timeout = 1.5 }'), "params.timeout"),
        (lambda t: t.replace('"COM3" }', '"COM3", timeout = inf }'), "params.timeout"),
        (lambda t: t.replace('"COM3" }', '"COM3", timeout = true }'), "params.timeout"),
        (lambda t: t.replace('"COM3" }', '"COM3", ip_port = 70000 }'), "params.ip_port"),
        (lambda t: t.replace('"COM3" }', '"COM3", ip_protocol = 9 }'), "params.ip_protocol"),
        (lambda t: t.replace('"COM3" }', '"COM3", master_board = 999 }'), "params.master_board"),
        (lambda t: t.replace('"COM3" }', '"COM3", master_board = true }'), "params.master_board"),
        (lambda t: t.replace('{ serial_port = "COM3" }', "{ serial_port = 3 }"), "params.serial_port"),
        (lambda t: t.replace('"CYTON_BOARD"', '"NO_BOARD"'), "board"),
        (lambda t: t.replace('"CYTON_BOARD"', '"STREAMING_BOARD"'), "board"),
        (lambda t: t.replace('"CYTON_BOARD"', '"CALLIBRI_EMG_BOARD"'), "board"),
        (lambda t: t.replace('"CYTON_BOARD"', "-100"), "board"),
        (lambda t: t.replace('"CYTON_BOARD"', '"PLAYBACK_FILE_BOARD"'), "params.master_board"),
        (
            lambda t: t.replace('"CYTON_BOARD"', '"PLAYBACK_FILE_BOARD"').replace(
                '"COM3"', '"COM3", master_board = "NO_BOARD"'
            ),
            "params.master_board",
        ),
        (
            lambda t: t.replace('"CYTON_BOARD"', '"PLAYBACK_FILE_BOARD"').replace(
                '"COM3"', '"COM3", master_board = "PLAYBACK_FILE_BOARD"'
            ),
            "params.master_board",
        ),
        (
            lambda t: t.replace('"CYTON_BOARD"', '"PLAYBACK_FILE_BOARD"').replace(
                '"COM3"', '"COM3", master_board = "SYNTHETIC_BOARD"'
            ),
            "channels",
        ),
        (lambda t: t.replace("name = ", "name = 1 #", 1), "name"),
        (lambda t: t + "description = []\n", "description"),
        (lambda t: t + "required_params = 'serial_port'\n", "required_params"),
        (lambda t: t + "params.timeout = 5\n", "toml"),  # a second params table: TOML rejects the duplicate
    ],
)
def test_a_bad_profile_names_the_offending_field(tmp_path, change, field):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value) and field in str(caught.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t.replace('"Test board"', '"Test\\u001b[2J board"'), "name"),  # clears a terminal
        (lambda t: t.replace('"Test board"', '"Test\\u0000board"'), "name"),
        (lambda t: t.replace('{ name = "Fp1"', '{ name = "Fp\\n1"'), "channels[0].name"),
        (lambda t: t + '"\\u001b]0;pwned\\u0007" = 1\n', "\\x1b]0;pwned\\x07"),  # an unknown key
    ],
    ids=["escape-in-name", "nul-in-name", "newline-in-channel", "escape-in-a-key"],
)
def test_control_characters_in_a_profile_are_refused_and_never_printed_raw(tmp_path, change, field):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert caught.value.field == field
    assert str(caught.value).isprintable()


def test_broken_toml_and_missing_file_are_named_errors(tmp_path):
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, 'name = "unterminated'))
    assert caught.value.field == "toml"
    with pytest.raises(ProfileError) as caught:
        load_profile_file(tmp_path / "absent.toml")
    assert caught.value.field == "file"


def test_simulated_profile_needs_a_sampling_rate(tmp_path):
    text = 'name = "Sim"\nsource = "simulated"\nchannels = [{ name = "Oz", role = "occipital" }]\n'
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, text))
    assert caught.value.field == "sampling_rate"
    profile = load_profile_file(write(tmp_path, text + "sampling_rate = 500\n"))
    assert layout_for(profile).sampling_rate == 500


def test_required_params_are_reported_until_set():
    cyton = find_profile("cyton")
    assert cyton.missing_params() == ["serial_port"]
    assert cyton.with_params({"serial_port": "/dev/ttyUSB0"}).missing_params() == []
    with pytest.raises(ProfileError) as caught:
        cyton.with_params({"serial": "x"})
    assert caught.value.field == "params.serial"


def test_mains_is_50_by_default_and_60_is_configurable():
    profile = find_profile("synthetic")
    assert profile.mains_hz == 50
    assert profile.with_mains(60).mains_hz == 60
    with pytest.raises(ProfileError):
        profile.with_mains(55)


def test_find_profile_by_path_and_unknown_name(tmp_path):
    assert find_profile(str(write(tmp_path, GOOD))).name == "Test board"
    with pytest.raises(ProfileError) as caught:
        find_profile("no-such-board")
    assert "synthetic" in str(caught.value)


def test_a_simulated_source_refuses_brainflow_parameters(tmp_path):
    text = 'name = "Sim"\nsource = "simulated"\nsampling_rate = 250\nchannels = [{ name = "Oz", role = "occipital" }]\n'
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, text + 'params = { serial_port = "COM3" }\n'))
    assert caught.value.field == "params"
    with pytest.raises(ProfileError) as caught:
        find_profile("virtual_visitor").with_params({"serial_port": "COM3"})
    assert caught.value.field == "params.serial_port" and "--board" in str(caught.value)


def test_parameters_from_the_command_line_are_checked_like_the_file():
    playback = find_profile("playback")
    assert playback.with_params({"master_board": "-1", "timeout": "5"}).params["timeout"] == 5
    for name, value in [
        ("master_board", "CYTON_BOARD"),  # 8 EEG rows, the profile lists 16
        ("master_board", "12"),  # not a BrainFlow board id
        ("master_board", "STREAMING_BOARD"),  # no layout of its own
        ("timeout", "1_0"),
        ("timeout", "٣"),  # int() takes Arabic-Indic digits; a port number should not
        ("timeout", "-1"),
    ]:
        with pytest.raises(ProfileError) as caught:
            playback.with_params({name: value})
        assert caught.value.field in {f"params.{name}", "channels"}, (name, value)


def test_every_brainflow_board_id_loads_or_is_a_named_error(tmp_path):
    """Some BoardIds have no description in the installed BrainFlow, some no layout or EEG rows."""
    from brainflow.board_shim import BoardIds, BoardShim

    outcomes = {}
    for member in BoardIds:
        layout_board = -1 if member.value == -3 else member.value  # playback: the synthetic board's
        try:  # BrainFlow's own answer, asked first: it writes nulls into its table, which must not fool us
            rows = len(BoardShim.get_eeg_channels(layout_board))
        except Exception:
            rows = 0
        channels = ", ".join(f'{{ name = "E{i}", role = "frontal" }}' for i in range(max(rows, 1)))
        params = 'params = { master_board = "SYNTHETIC_BOARD" }\n' if member.value == -3 else ""
        path = write(tmp_path, f'name = "x"\nboard = "{member.name}"\n{params}channels = [{channels}]\n')
        try:
            profile = load_profile_file(path)
        except ProfileError as error:
            assert error.field in {"board", "channels", "params.master_board"}, member
            outcomes[member.name] = "rejected"
        else:
            assert len(layout_for(profile).eeg_rows) == len(profile.channels)
            outcomes[member.name] = "loaded"
    assert outcomes["NO_BOARD"] == outcomes["STREAMING_BOARD"] == outcomes["CALLIBRI_EMG_BOARD"] == "rejected"
    assert outcomes["CYTON_BOARD"] == outcomes["PLAYBACK_FILE_BOARD"] == "loaded"
    assert sum(outcome == "loaded" for outcome in outcomes.values()) > 50


def test_encodings_windows_editors_use_are_named(tmp_path):
    text = textwrap.dedent(GOOD).replace('name = "Test board"', 'name = "测试板"')
    path = tmp_path / "board.toml"
    path.write_bytes(text.encode("utf-8-sig"))  # Notepad's "UTF-8 with BOM"
    assert load_profile_file(path).name == "测试板"
    for encoding, words in [("gbk", "not UTF-8"), ("utf-16", "UTF-16"), ("utf-16-le", "NUL")]:
        path.write_bytes(text.encode(encoding))
        with pytest.raises(ProfileError) as caught:
            load_profile_file(path)
        assert caught.value.field == "encoding" and words in str(caught.value), encoding
        assert "save" in caught.value.message and "UTF-8" in caught.value.message


def test_a_folder_a_long_name_and_deep_nesting_are_named_errors(tmp_path):
    for name_or_path, field in [
        (str(tmp_path), "file"),
        (str(tmp_path / "x.toml"), "file"),
        ("x" * 5000, "board"),
        ("x" * 5000 + ".toml", "file"),
    ]:
        with pytest.raises(ProfileError) as caught:
            find_profile(name_or_path)
        assert caught.value.field == field
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile_file(tmp_path / "folder.toml")
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write(tmp_path, "a = " + "[" * 2000 + "]" * 2000))
    assert caught.value.field == "toml"


def test_preflight_needs_the_required_parameters():
    with pytest.raises(ProfileError) as caught:
        preflight(find_profile("cyton"))
    assert caught.value.field == "params.serial_port" and "--param serial_port=" in str(caught.value)
    preflight(find_profile("cyton").with_params({"serial_port": "/dev/ttyUSB0"}))
    preflight(find_profile("virtual_visitor"))


def many_channels(n: int) -> str:
    """A simulated profile of ``n`` channels, every role in turn."""
    roles = ("occipital", "parietal", "frontal", "central", "sensorimotor-left", "sensorimotor-right")
    listed = ",\n".join(f'  {{ name = "E{i}", role = "{roles[i % len(roles)]}" }}' for i in range(n))
    return f'name = "Dense cap"\nsource = "simulated"\nsampling_rate = 250\nchannels = [\n{listed}\n]\n'


def test_a_profile_holds_at_most_256_channels(tmp_path):
    """The densest EEG caps have 256 electrodes; 5,000 is a mistake the acquisition would chew on."""
    assert len(load_profile_file(write(tmp_path, many_channels(256))).channels) == 256
    for n in (257, 5000):
        with pytest.raises(ProfileError) as caught:
            load_profile_file(write(tmp_path, many_channels(n)))
        assert (
            caught.value.field == "channels"
            and f"at most 256 (the densest EEG caps have 256), got {n}" in str(caught.value)
        )


def test_quitting_with_the_largest_valid_profile_leaves_no_board_call_behind(tmp_path):
    """The real app on a 256-channel simulated cap: --quit-after ends it with 0, the acquisition
    thread stopped in time (the worker logs "leaving it behind" when it is not)."""
    profile = tmp_path / "dense.toml"
    profile.write_text(many_channels(256), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--board",
            str(profile),
            "--quit-after",
            "2",
            "--settings",
            str(tmp_path / "s.ini"),
        ],
        cwd=Path(__file__).resolve().parents[3],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "acquisition streaming -> stopped" in result.stderr
    assert "leaving it behind" not in result.stderr and "Traceback" not in result.stderr
