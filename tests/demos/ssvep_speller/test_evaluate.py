"""``bci-showroom evaluate ssvep``: every option through the real CLI, mains hum and flat channels found
by themselves, unusable options and recordings refused in one line, clean Kalunga numbers unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import edfio
import numpy as np
import pytest

from app.cli import main
from demos.ssvep_speller.evaluate import evaluate_recording
from drivers.files.edf import read_edf
from tests.drivers.edf_files import FIRST_ONSET_S, TRIAL_S, TRIAL_SPACING_S, replace_once, write_ssvep_edf
from tests.evaluate_cli import refused, run

ROOT = Path(__file__).resolve().parents[3]
OPTIONS = ("recording", "--map", "--start", "--mains", "--all-channels", "--json", "--help")


def evaluated(capsys, *args: str) -> dict:
    code, out, err = run(capsys, *args, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture
def sample(tmp_path) -> Path:
    return write_ssvep_edf(tmp_path / "sample.edf")


def test_help_of_evaluate_and_of_ssvep_lists_every_option(capsys):
    for args in (["--help"], ["-h"], ["ssvep", "--help"]):
        code, out, err = run(capsys, *args)
        assert (code, err) == (0, "")
        assert all(option in out for option in OPTIONS), out
        assert "auto" in out and "none" in out and "LABEL=FREQUENCYHz" in out


def test_an_unknown_or_missing_paradigm_is_one_line(capsys):
    assert "unknown paradigm 'nonsense'; the ones offered are ssvep, mi and attention" in refused(
        capsys, "nonsense", "x.edf"
    )
    assert "no paradigm given" in refused(capsys)


def test_the_installed_command_prints_help_and_one_line_errors(sample):
    """The real process, as staff run it: no traceback, exit status 2, one line."""
    script = Path(sys.executable).with_name("bci-showroom")  # the console script pip installed
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    command += ["evaluate", "ssvep"]
    shown = subprocess.run([*command, "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert shown.returncode == 0 and all(option in shown.stdout for option in OPTIONS)
    damaged = sample.with_name("cut.edf")
    damaged.write_bytes(sample.read_bytes()[:-700])
    cut = subprocess.run([*command, str(damaged)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (cut.returncode, cut.stdout) == (2, "")
    assert (
        cut.stderr.startswith(f"bci-showroom evaluate: {damaged}: truncated: ")
        and cut.stderr.count("\n") == 1
    )


def test_a_clean_file_gives_a_table_or_json(sample, capsys):
    code, out, err = run(capsys, "ssvep", str(sample))
    assert (code, err) == (0, "")
    assert "classes 13Hz, 17Hz, 21Hz" in out and "annotations left out: 2 x 'rest'" in out
    assert "mains: no hum" in out and "median decision time" in out
    result = evaluated(capsys, "ssvep", str(sample))
    assert result["left_out"] == {"rest": 2} and result["flat_channels"] == []
    assert result["mains_hz"] is None and [w["n_trials"] for w in result["windows"]] == [6, 6, 6]
    assert all(w["accuracy"] == 1.0 for w in result["windows"])  # a strong synthetic response


def test_mains_option_takes_50_60_or_none_and_nothing_else(sample, capsys):
    assert evaluated(capsys, "ssvep", str(sample), "--mains", "50")["mains_hz"] == 50.0
    sixty = evaluated(capsys, "ssvep", str(sample), "--mains", "60")
    assert sixty["mains_hz"] == 60.0 and sixty["mains"] == "notched at 60 Hz (--mains 60)"
    none = evaluated(capsys, "ssvep", str(sample), "--mains", "none")
    assert none["mains_hz"] is None and "--mains none" in none["mains"]
    assert evaluated(capsys, "ssvep", str(sample), "--mains", "auto")["mains_hz"] is None
    for wrong in ("55", "0", "fifty"):
        assert "argument --mains: invalid choice" in refused(capsys, "ssvep", str(sample), "--mains", wrong)


def test_mains_at_or_above_nyquist_is_refused(tmp_path, capsys):
    slow = write_ssvep_edf(tmp_path / "slow.edf", rate=96.0, labels=("8Hz", "11Hz", "8Hz", "11Hz"))
    assert "--mains 50: " in refused(capsys, "ssvep", str(slow), "--mains", "50")


def test_line_hum_is_found_and_notched_and_flat_channels_left_out(tmp_path, capsys):
    """Without options, hum at 50 or 60 Hz gets the notch that --mains would give, and flat channels go."""
    for mains in (50.0, 60.0):
        path = write_ssvep_edf(
            tmp_path / f"hum{mains:g}.edf", hum=(30.0, mains), flat=("O9", "PO10"), rate=256.0
        )
        found = evaluated(capsys, "ssvep", str(path))
        assert found["mains_hz"] == mains and found["mains"].startswith(f"{mains:g} Hz hum found (+")
        assert found["hum_db"][f"{mains:g}"] > 30
        assert found["flat_channels"] == ["O9", "PO10"] and found["channels"] == ["O1", "Oz", "O2", "POz"]
        forced = evaluated(capsys, "ssvep", str(path), "--mains", f"{mains:g}")
        assert found["windows"] == forced["windows"]
    code, out, _ = run(capsys, "ssvep", str(path))
    assert code == 0 and "flat channels left out: O9, PO10" in out and "mains: 60 Hz hum found" in out


def test_hum_and_flat_channels_on_real_eeg_default_matches_mains_50(shared_data, tmp_path, capsys):
    """A raw-amplifier version of a Kalunga file: 30 µV of 50 Hz hum and two flat channels added."""
    original = read_edf(shared_data / "ssvep" / "kalunga_s01_session1.edf")
    t = np.arange(original.data.shape[1]) / original.sampling_rate
    rng = np.random.default_rng(7)
    hummed = original.data + 30 * np.sin(
        2 * np.pi * 50 * t + rng.uniform(0, 2 * np.pi, (len(original.data), 1))
    )
    signals = [
        edfio.EdfSignal(values, original.sampling_rate, label=name, physical_dimension="uV")
        for values, name in zip(hummed, original.channel_names, strict=True)
    ]
    signals += [
        edfio.EdfSignal(
            np.full(len(t), level),
            original.sampling_rate,
            label=name,
            physical_dimension="uV",
            physical_range=(-500, 500),
        )
        for name, level in (("O9", 0.0), ("P10", -187.5))
    ]
    annotations = [edfio.EdfAnnotation(a.onset_s, a.duration_s, a.text) for a in original.annotations]
    path = tmp_path / "kalunga_raw.edf"
    edfio.Edf(signals, annotations=annotations, data_record_duration=0.25).write(path)
    found = evaluated(capsys, "ssvep", str(path))
    forced = evaluated(capsys, "ssvep", str(path), "--mains", "50")
    assert found["mains_hz"] == 50.0 and found["flat_channels"] == ["O9", "P10"]
    assert found["windows"] == forced["windows"] and found["channels"] == original.channel_names
    assert (
        evaluated(capsys, "ssvep", str(shared_data / "ssvep" / "kalunga_s01_session1.edf"))["mains_hz"]
        is None
    )


def test_every_channel_flat_is_refused(tmp_path, capsys):
    path = write_ssvep_edf(tmp_path / "flat.edf", channels=(), flat=("O1", "O2"))
    assert "every channel used (O1, O2) is flat" in refused(capsys, "ssvep", str(path))


def test_map_names_labels_that_exist_with_frequencies_the_recording_can_hold(tmp_path, capsys):
    path = write_ssvep_edf(
        tmp_path / "arrows.edf", labels=("up", "down", "left", "up", "down", "left", "rest")
    )
    result = evaluated(capsys, "ssvep", str(path), "--map", "up=13Hz, down=17Hz,left=21Hz")
    assert result["classes"] == ["13Hz", "17Hz", "21Hz"] and result["left_out"] == {"rest": 1}
    assert "no annotation labelled 'right' (its labels: 'up', 'down', 'left', 'rest')" in refused(
        capsys, "ssvep", str(path), "--map", "up=13Hz,right=17Hz"
    )
    assert "--map up=0Hz: a flicker frequency must be above 0 Hz" in refused(
        capsys, "ssvep", str(path), "--map", "up=0Hz,down=17Hz"
    )
    assert "--map up=1000Hz: 1000 Hz is at or above the Nyquist frequency (64 Hz)" in refused(
        capsys, "ssvep", str(path), "--map", "up=1000Hz,down=17Hz"
    )
    assert "--map up=64Hz: 64 Hz is at or above the Nyquist" in refused(
        capsys, "ssvep", str(path), "--map", "up=64Hz,down=17Hz"
    )
    assert "expected LABEL=FREQUENCYHz" in refused(capsys, "ssvep", str(path), "--map", "up=fast")
    assert "label 'up' is mapped twice" in refused(capsys, "ssvep", str(path), "--map", "up=8Hz,up=9Hz")
    assert "no trial annotation names a frequency" in refused(capsys, "ssvep", str(path))


def test_a_rate_below_the_targets_nyquist_is_refused(tmp_path, capsys):
    """A header claiming 10 Hz with 13/17/21 Hz targets crashed inside the decoder (LinAlgError)."""
    path = write_ssvep_edf(tmp_path / "ten.edf", rate=10.0, record_s=1.0)
    message = refused(capsys, "ssvep", str(path))
    assert "annotation '13Hz': 13 Hz is at or above the Nyquist frequency (5 Hz)" in message
    slow = write_ssvep_edf(tmp_path / "slow.edf", rate=20.0, record_s=1.0, labels=("8Hz", "9Hz") * 2)
    assert "sampled at 20 Hz, too slowly for FBCCA" in refused(capsys, "ssvep", str(slow))


def test_start_must_leave_room_for_a_trial(sample, capsys):
    assert "no trial fits a 1 s window from 60 s" in refused(capsys, "ssvep", str(sample), "--start", "60")
    assert "--start nan: give seconds after the annotation" in refused(
        capsys, "ssvep", str(sample), "--start", "nan"
    )
    assert "argument --start: invalid float value" in refused(capsys, "ssvep", str(sample), "--start", "soon")
    late = evaluated(capsys, "ssvep", str(sample), "--start", "3.5")  # no 3 s of data after the last one
    assert [w["n_trials"] for w in late["windows"]] == [6, 6, 5]


def test_a_label_one_byte_off_a_trial_label_is_damage_not_an_event(sample, capsys):
    """'13Hz' with a flipped byte: '13Hq' (left out before), or '13' and 'z' split by the EDF+ separator."""
    raw = sample.read_bytes()
    damaged = sample.with_name("junk.edf")
    damaged.write_bytes(replace_once(raw, b"+15\x155\x1413Hz", b"+15\x155\x1413Hq"))
    assert "at 15 s, annotation '13Hq' is one character off the trial label '13Hz'" in refused(
        capsys, "ssvep", str(damaged)
    )
    taken = evaluated(capsys, "ssvep", str(damaged), "--map", "13Hq=13Hz")
    assert [w["n_trials"] for w in taken["windows"]] == [6, 6, 6]
    for broken, shown in ((b"13\x14z", "'13' and 'z'"), (b"\x143Hz", "'' and '3Hz'")):
        damaged.write_bytes(replace_once(raw, b"+15\x155\x1413Hz", b"+15\x155\x14" + broken))
        message = refused(capsys, "ssvep", str(damaged))
        assert "together are one character off the trial label '13Hz'" in message and shown in message


def test_the_kalunga_numbers_are_unchanged(shared_data):
    """The README's figures for the four clean recordings, with and without --mains 50."""
    files = sorted((shared_data / "ssvep").glob("kalunga_*.edf"))
    for mains, expected in (("auto", (61.5, 69.8, 68.8)), (50.0, (60.4, 68.8, 67.7))):
        results = [evaluate_recording(path, mains_hz=mains) for path in files]
        assert all(result["mains_hz"] == (None if mains == "auto" else 50.0) for result in results)
        means = [np.mean([r["windows"][i]["accuracy"] for r in results]) * 100 for i in range(3)]
        assert np.round(means, 1).tolist() == list(expected)
        assert all(result["left_out"] == {"rest": 8} for result in results)


@pytest.mark.parametrize("start", ["1e308", "-1e308", "-5", "-1.14"])
def test_a_start_before_the_annotation_or_beyond_reason_is_refused(tmp_path, capsys, start):
    path = write_ssvep_edf(tmp_path / "s.edf")
    assert main(["evaluate", "ssvep", str(path), f"--start={start}"]) == 2
    err = capsys.readouterr().err
    assert "--start" in err and "0 to 3600" in err and "Traceback" not in err


def with_annotations(path: Path, *added: tuple[float, str]) -> Path:
    """``path`` with more annotations (onset s, text), each lasting a trial."""
    edf = edfio.read_edf(path)
    edf.add_annotations([edfio.EdfAnnotation(onset, TRIAL_S, text) for onset, text in added])
    edf.write(path)
    return path


def test_an_onset_labelled_twice_is_one_trial_and_with_two_frequencies_none(sample, capsys):
    """A lab scores each onset once: a repeated label (two programs wrote it) is one trial; an onset
    labelled 13 Hz and 17 Hz has no single truth, so it is left out and the report names it."""
    first_13hz = FIRST_ONSET_S + 2 * TRIAL_SPACING_S  # LABELS[2] == "13Hz"
    with_annotations(sample, (first_13hz, "13Hz"))
    repeated = evaluated(capsys, "ssvep", str(sample))
    assert [w["n_trials"] for w in repeated["windows"]] == [6, 6, 6] and repeated["ambiguous"] == {}
    with_annotations(sample, (first_13hz, "17Hz"))
    both = evaluated(capsys, "ssvep", str(sample))
    assert [w["n_trials"] for w in both["windows"]] == [5, 5, 5]
    assert both["ambiguous"] == {f"{first_13hz:g}": ["13Hz", "17Hz"]}
    code, out, _ = run(capsys, "ssvep", str(sample))
    assert (
        code == 0
        and f"onsets labelled with two frequencies, left out: {first_13hz:g} s (13Hz and 17Hz)" in out
    )


@pytest.mark.parametrize(("mapped", "shown"), [("7.99Hz", "7.99 Hz"), ("0.0000001Hz", "1e-07 Hz")])
def test_a_flicker_below_the_first_filter_bank_band_is_refused(tmp_path, capsys, mapped, shown):
    """FBCCA's first sub-band starts at 8 Hz: a 7.99 Hz key's fundamental is filtered out."""
    path = write_ssvep_edf(tmp_path / "arrows.edf", labels=("up", "down") * 3)
    message = refused(capsys, "ssvep", str(path), "--map", f"up={mapped},down=13Hz")
    assert f"--map up={shown.replace(' ', '')}: a flicker frequency must be at least 8 Hz" in message
    assert f"({shown} would be scored on noise)" in message
    eight = evaluated(capsys, "ssvep", str(path), "--map", "up=8Hz,down=13Hz")  # the band's edge is fine
    assert eight["classes"] == ["8Hz", "13Hz"]
    labelled = write_ssvep_edf(tmp_path / "slow_keys.edf", labels=("7.5Hz", "13Hz") * 2)
    assert "annotation '7.5Hz': a flicker frequency must be at least 8 Hz" in refused(
        capsys, "ssvep", str(labelled)
    )


def test_a_recording_without_occipital_or_parietal_channels_is_refused_unless_asked(tmp_path, capsys):
    """Frontal channels see the flicker weakly: a number from them is not an SSVEP speller's number
    unless the lab asks for it, and then the report says so."""
    frontal = write_ssvep_edf(tmp_path / "frontal.edf", channels=("Fp1", "Fz", "Cz"))
    assert "no occipital or parietal channel (O, PO or P) among Fp1, Fz, Cz" in refused(
        capsys, "ssvep", str(frontal)
    )
    anyway = evaluated(capsys, "ssvep", str(frontal), "--all-channels")
    assert anyway["channels"] == ["Fp1", "Fz", "Cz"] and anyway["visual_channels"] is False
    code, out, _ = run(capsys, "ssvep", str(frontal), "--all-channels")
    assert code == 0 and "warning: no occipital or parietal channel; decoded on all channels" in out
    typed = write_ssvep_edf(tmp_path / "typed.edf", channels=("EEG Fz", "EEG O1", "EEG Oz"))
    assert evaluated(capsys, "ssvep", str(typed))["channels"] == ["EEG O1", "EEG Oz"]
    code, out, _ = run(capsys, "ssvep", str(typed))
    assert code == 0 and "warning" not in out


def test_all_channels_through_the_installed_command(tmp_path):
    """The new option in the real process: refused without it (exit 2, one line), a report with it."""
    frontal = write_ssvep_edf(tmp_path / "frontal.edf", channels=("Fp1", "Fz"))
    script = Path(sys.executable).with_name("bci-showroom")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "app"]
    command += ["evaluate", "ssvep", str(frontal)]
    without = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert without.returncode == 2 and without.stderr.count("\n") == 1 and "--all-channels" in without.stderr
    asked = subprocess.run(
        [*command, "--all-channels"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert asked.returncode == 0 and "warning: no occipital or parietal channel" in asked.stdout
