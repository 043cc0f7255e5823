from __future__ import annotations

import textwrap

import pytest

from drivers.board import layout_for
from drivers.profiles import ProfileError, builtin_profiles, find_profile, load_profile_file
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
    ],
)
def test_a_bad_profile_names_the_offending_field(tmp_path, change, field):
    path = write(tmp_path, change(GOOD))
    with pytest.raises(ProfileError) as caught:
        load_profile_file(path)
    assert caught.value.field == field
    assert str(path) in str(caught.value) and field in str(caught.value)


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
