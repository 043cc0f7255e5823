"""``bci-showroom evaluate mi``: the pipelines' accuracies on real PhysioNet imagery (through the real
CLI, once), the report's pooling and counting on synthetic recordings, and every unusable recording
or option refused in one line with exit status 2."""

from __future__ import annotations

import functools
import json
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import edfio
import numpy as np
import pytest

from demos.mi_cursor import evaluate
from demos.mi_cursor.evaluate import format_report, pool_recordings
from demos.mi_cursor.processing import DEFAULT_PIPELINE, PIPELINES
from tests.drivers.edf_files import set_field
from tests.evaluate_cli import refused, run

ROOT = Path(__file__).resolve().parents[3]
OPTIONS = ("RECORDING", "--map", "--json", "--help")
S001_RUNS = ("S001R04.edf", "S001R08.edf")  # imagined left and right fist, 15 cues each
#: Cues in recording order: ``rest`` is left out, the rest cue a side.
LABELS = ("left", "right", "rest") * 6
FIRST_CUE_S, CUE_SPACING_S, IMAGERY_S = 1.0, 4.0, 3.0


def write_mi_edf(
    path: Path,
    *,
    labels: Sequence[str] = LABELS,
    channels: Sequence[str] = ("C3", "Cz", "C4"),
    rate: float = 160.0,
    tail_s: float = 4.0,
    flat: Sequence[str] = (),
    spike_at: Sequence[int] = (),
    seed: int = 0,
) -> Path:
    """A small EDF+ imagery recording: noise and a 10 Hz mu rhythm over each hemisphere, which imagining
    the opposite hand suppresses (ERD) for IMAGERY_S after its cue; ``flat`` channels are constant,
    and a 2 mV spike follows the cues numbered in ``spike_at``. The data end ``tail_s`` after the last cue."""
    rng = np.random.default_rng(seed)
    duration = FIRST_CUE_S + CUE_SPACING_S * (len(labels) - 1) + tail_s
    t = np.arange(round(duration * rate)) / rate
    data = 3.0 * rng.standard_normal((len(channels), len(t)))
    for row, name in enumerate(channels):
        mu = 10.0 * np.sin(2 * np.pi * 10.0 * t + rng.uniform(0, 2 * np.pi))
        suppressed_by = {"C3": "right", "C4": "left"}.get(name)
        for index, label in enumerate(labels):
            onset = FIRST_CUE_S + CUE_SPACING_S * index
            if label == suppressed_by:
                mu[(t >= onset) & (t < onset + IMAGERY_S)] *= 0.2
            if index in spike_at:
                data[row, (t >= onset + 1.0) & (t < onset + 1.05)] += 2000.0
        data[row] += mu if suppressed_by else 0.0
    signals = [
        edfio.EdfSignal(values, rate, label=name, physical_dimension="uV")
        for values, name in zip(data, channels, strict=True)
    ]
    signals += [
        edfio.EdfSignal(
            np.full(len(t), 20.0), rate, label=name, physical_dimension="uV", physical_range=(-500, 500)
        )
        for name in flat
    ]
    annotations = [
        edfio.EdfAnnotation(FIRST_CUE_S + CUE_SPACING_S * index, IMAGERY_S, label)
        for index, label in enumerate(labels)
    ]
    edfio.Edf(signals, annotations=annotations, data_record_duration=0.5).write(path)
    return path


def cli_command() -> list[str]:
    """The installed console script, as staff run it (or the package, if pip installed none)."""
    script = Path(sys.executable).with_name("bci-showroom")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


@functools.cache
def evaluate_s001(folder: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI on PhysioNet S001's two imagery runs, once per test session: 150 fits take ~15 s."""
    paths = [str(folder / "mi" / name) for name in S001_RUNS]
    command = [*cli_command(), "evaluate", "mi", *paths, "--map", "T1=left,T2=right", "--json"]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)


@pytest.fixture
def s001(shared_data) -> dict:
    done = evaluate_s001(shared_data)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def quick_validation(monkeypatch):
    """One repeat of the cross-validation instead of ten: the synthetic trials decode perfectly anyway."""
    monkeypatch.setattr(evaluate, "CV_REPEATS", 1)


def test_on_physionet_s001_the_default_pipeline_beats_chance_and_csp_lda(s001, capsys):
    accuracy = {row["name"]: row["accuracy"] for row in s001["pipelines"]}
    with capsys.disabled():
        shown = ", ".join(f"{name} {100 * value:.1f}%" for name, value in accuracy.items())
        print(f"\nS001 R04+R08: {shown}; chance {100 * s001['chance']:.1f}%; {s001['decision_ms']:.2f} ms")
    assert s001["n_trials"] == 30 and s001["trials"] == {"left": 16, "right": 14}
    assert s001["default"] == DEFAULT_PIPELINE and list(accuracy) == list(PIPELINES)
    assert accuracy[DEFAULT_PIPELINE] > s001["chance"] and accuracy[DEFAULT_PIPELINE] >= accuracy["csp+lda"]


def test_the_json_report_has_its_keys_and_types(s001):
    assert isinstance(s001["default"], str) and isinstance(s001["n_trials"], int)
    assert isinstance(s001["decision_ms"], float) and 0 < s001["decision_ms"] < 1000
    for row in s001["pipelines"]:
        assert isinstance(row["name"], str) and isinstance(row["accuracy"], float)
        assert isinstance(row["chance"], float) and row["chance"] == s001["chance"]
    assert len(s001["channels"]) == 21 and "C3" in s001["channels"] and "Cz" in s001["channels"]
    assert s001["left_out"] == {"T0": 30} and s001["dropped"] == {"past_end": 0, "artifacts": 0}
    assert s001["map"] == {"T1": "left", "T2": "right"} and [
        Path(p).name for p in s001["recordings"]
    ] == list(S001_RUNS)


def test_the_table_names_each_pipeline_the_default_and_the_chance_level(s001):
    table = format_report(s001)
    assert "30 trials (16 left, 14 right), cues T1=left, T2=right" in table
    assert "annotations left out: 30 x 'T0'" in table and "21 channels: Fc5, Fc3, " in table
    assert f"{DEFAULT_PIPELINE:<18} " in table and "the default" in table
    assert all(name in table for name in PIPELINES)
    assert (
        f"chance level: {100 * s001['chance']:.1f}% (guessing averages 50% and reaches this with p < 0.05 on 30 trials"
        in table
    )
    assert "median decision time (tangent-space+lr, 2 s window): " in table


def test_help_of_evaluate_lists_both_paradigms_and_mi_its_options(capsys):
    for args in (["--help"], ["mi", "--help"], ["mi", "-h"]):
        code, out, err = run(capsys, *args)
        assert (code, err) == (0, "") and all(option in out for option in OPTIONS), out
        assert "T1=left,T2=right" in out
    assert "Paradigms: ssvep, mi, attention." in run(capsys, "--help")[1]
    assert "the ones offered are ssvep, mi and attention" in refused(capsys, "motor", "x.edf")


def test_the_installed_command_reports_a_damaged_file_in_one_line(tmp_path):
    """The real process, as staff run it: no traceback, exit status 2, one line."""
    source = write_mi_edf(tmp_path / "whole.edf")
    damaged = tmp_path / "cut.edf"
    damaged.write_bytes(source.read_bytes()[:-300])
    command = [*cli_command(), "evaluate", "mi", str(source), str(damaged)]
    cut = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (cut.returncode, cut.stdout) == (2, "")
    assert (
        cut.stderr.startswith(f"bci-showroom evaluate: {damaged}: truncated: ")
        and cut.stderr.count("\n") == 1
    )


def test_pooled_synthetic_recordings_give_a_table_or_json(tmp_path, capsys, quick_validation):
    """Literal left/right labels need no map; rest is left out, a flat channel, an epoch past the data's
    end and one with a spike are dropped and counted, and the mu suppression decodes."""
    first = write_mi_edf(tmp_path / "a.edf", flat=("Cp4",), tail_s=1.5, seed=1)  # the last rest: no epoch
    second = write_mi_edf(tmp_path / "b.edf", labels=LABELS[:-1], flat=("Cp4",), tail_s=1.5, spike_at=(0,))
    code, out, err = run(capsys, "mi", str(first), str(second), "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["channels"] == ["C3", "Cz", "C4"] and result["flat_channels"] == ["Cp4"]
    assert result["left_out"] == {"rest": 11} and result["dropped"] == {"past_end": 1, "artifacts": 1}
    assert result["n_trials"] == 22 and result["trials"] == {"left": 11, "right": 11}
    assert all(row["accuracy"] == 1.0 and row["above_chance"] for row in result["pipelines"])
    code, out, err = run(capsys, "mi", str(first), str(second))
    assert (code, err) == (0, "") and "22 trials (11 left, 11 right)\n" in out
    assert "flat channels left out: Cp4" in out and "annotations left out: 11 x 'rest'" in out
    assert "epochs dropped: 1 past the end of the data, 1 artifacts" in out


def test_map_names_sides_of_labels_that_exist(tmp_path, capsys):
    path = write_mi_edf(tmp_path / "physionet.edf", labels=("T1", "T2", "T0") * 5)
    pool = pool_recordings([path], evaluate.parse_map(" T1=left, T2=Right "))
    assert pool.trials == {"left": 5, "right": 5} and pool.left_out == {"T0": 5}
    swapped = pool_recordings([path], evaluate.parse_map("T1=right,T2=left"))
    assert swapped.labels == ["right" if label == "left" else "left" for label in pool.labels]
    for wrong, message in (
        ("T1=up,T2=right", "--map T1=up: the side must be left or right"),
        ("T1=left,T1=right", "--map: label 'T1' is mapped twice"),
        ("T1", "--map: expected LABEL=left or LABEL=right, e.g. T1=left, got 'T1'"),
        ("=left", "expected LABEL=left or LABEL=right"),
        (
            "T1=left,T3=right",
            "physionet.edf has no annotation labelled 'T3' (its labels: 'T1', 'T2', 'T0')",
        ),
    ):
        assert message in refused(capsys, "mi", str(path), "--map", wrong)
    assert "no annotation is labelled 'left' or 'right' (its labels: 'T1', 'T2', 'T0'); name the cue " in (
        refused(capsys, "mi", str(path))
    )
    other = write_mi_edf(tmp_path / "other.edf", labels=("T1", "T2") * 5)
    assert "--map: no recording has an annotation labelled 'T3' (their labels: 'T1', 'T2', 'T0')" in refused(
        capsys, "mi", str(path), str(other), "--map", "T1=left,T3=right"
    )
    baseline = write_mi_edf(tmp_path / "baseline.edf", labels=("T0",) * 3)
    assert "baseline.edf: none of its annotation labels ('T0') is one --map names ('T1', 'T2')" in refused(
        capsys, "mi", str(path), str(baseline), "--map", "T1=left,T2=right"
    )


def channels_differ(folder: Path) -> list[Path]:
    return [write_mi_edf(folder / "a.edf"), write_mi_edf(folder / "b.edf", channels=("C3", "C4", "Cp1"))]


def rates_differ(folder: Path) -> list[Path]:
    return [write_mi_edf(folder / "a.edf"), write_mi_edf(folder / "b.edf", rate=128.0)]


def physical_range_huge(folder: Path) -> list[Path]:
    path = write_mi_edf(folder / "huge.edf")
    raw = path.read_bytes()
    for signal in range(3):
        raw = set_field(raw, "physical minimum", "-1e300", signal=signal)
        raw = set_field(raw, "physical maximum", "1e300", signal=signal)
    path.write_bytes(raw)
    return [path]


def second_without_cues(folder: Path) -> list[Path]:
    return [write_mi_edf(folder / "a.edf"), write_mi_edf(folder / "baseline.edf", labels=("rest",) * 3)]


BAD_RECORDINGS = {
    "missing": (lambda folder: [folder / "absent.edf"], "absent.edf: no such file"),
    "no annotations": (
        lambda folder: [write_mi_edf(folder / "x.edf", labels=("",), tail_s=20.0)],
        "no annotation is labelled 'left' or 'right' (its labels: '')",
    ),
    "no cue": (
        lambda folder: [write_mi_edf(folder / "x.edf", labels=("rest",) * 12)],
        "x.edf: no annotation is labelled 'left' or 'right' (its labels: 'rest'); name the cue labels' sides",
    ),
    "a recording without cues": (second_without_cues, "baseline.edf: no annotation is labelled 'left'"),
    "one side": (
        lambda folder: [write_mi_edf(folder / "x.edf", labels=("left",) * 6)],
        "x.edf: all 6 usable trials are 'left' cues; the decoders need left and right",
    ),
    "too few": (
        lambda folder: [write_mi_edf(folder / "x.edf", labels=("left", "right") * 4)],
        "x.edf: only 4 usable 'left' trial(s); cross-validation needs at least 5 of each side",
    ),
    "too few kept": (
        lambda folder: [
            write_mi_edf(folder / "x.edf", labels=("left", "right") * 5, tail_s=1.0, spike_at=(0,))
        ],
        "only 4 usable 'left' trial(s) (1 past the end of the data, 1 artifacts dropped)",
    ),
    "no sensorimotor channel": (
        lambda folder: [
            write_mi_edf(folder / "x.edf", channels=("Fp1", "Fp2", "O1", "O2", "Oz", "P3", "P4", "T7", "T8"))
        ],
        "x.edf: no channel over the motor strip (C, FC or CP and a number or z, e.g. C3, Cz, C4); its "
        "channels are Fp1, Fp2, O1, O2, Oz, P3, P4, T7 and 1 more",
    ),
    "all flat": (
        lambda folder: [write_mi_edf(folder / "x.edf", channels=("O1",), flat=("C3", "C4"))],
        "x.edf: every sensorimotor channel (C3, C4) is flat (below 0.5 µV)",
    ),
    "flat in turn": (
        lambda folder: [
            write_mi_edf(folder / "a.edf", channels=("C3",), flat=("C4",)),
            write_mi_edf(folder / "b.edf", channels=("C4",), flat=("C3",)),
        ],
        "every sensorimotor channel is flat in one recording or another (C4, C3, below 0.5 µV)",
    ),
    "channels differ": (
        channels_differ,
        "b.edf: its sensorimotor channels differ from those of ",
    ),
    "rates differ": (rates_differ, "b.edf: sampled at 128 Hz, but "),
    "too slow": (
        lambda folder: [write_mi_edf(folder / "x.edf", rate=16.0)],
        "x.edf: sampled at 16 Hz, too slowly for the decoders' 8-30 Hz band",
    ),
    "huge values": (
        physical_range_huge,
        "huge.edf: channel(s) C3, Cz, C4 hold values too large to compute with; their physical range is damaged",
    ),
}


@pytest.mark.parametrize("case", BAD_RECORDINGS)
def test_an_unusable_recording_is_refused_in_one_line(tmp_path, capsys, case):
    make, message = BAD_RECORDINGS[case]
    paths = make(tmp_path)
    assert message in refused(capsys, "mi", *map(str, paths))


def test_epoch_chooses_the_seconds_after_the_cue_and_refuses_a_span_the_game_cannot_use(
    tmp_path, capsys, quick_validation
):
    path = write_mi_edf(tmp_path / "a.edf", seed=2)
    code, out, err = run(capsys, "mi", str(path), "--epoch", "0.5,3.5", "--json")
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["epoch_s"] == [0.5, 3.5]
    for wrong, message in (
        ("x", "--epoch: expected START,STOP in seconds after the cue, e.g. 0.5,2.5, got 'x'"),
        ("1", "expected START,STOP"),
        ("nan,3", "expected START,STOP"),
        ("3,4", "--epoch 3,4: give a span of at least 2 s within 0-10 s after the cue"),
        ("-1,2", "give a span of at least 2 s"),
        ("0,11", "give a span of at least 2 s"),
    ):
        assert message in refused(capsys, "mi", str(path), f"--epoch={wrong}")


def test_the_same_recording_twice_is_refused(tmp_path, capsys):
    path = write_mi_edf(tmp_path / "a.edf")
    same = tmp_path / "sub" / ".." / "a.edf"
    (tmp_path / "sub").mkdir()
    message = refused(capsys, "mi", str(path), str(same))
    assert f"{same}: given twice (as '{path}' too); each recording counts once" in message


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """``evaluate mi ... --json | head -c 20``: the pipe closes before the report is written."""
    path = write_mi_edf(tmp_path / "a.edf")
    command = " ".join(shlex.quote(part) for part in [*cli_command(), "evaluate", "mi", str(path), "--json"])
    result = subprocess.run(
        f"{command} | head -c 20", shell=True, capture_output=True, text=True, timeout=120
    )
    assert result.stdout == '{"paradigm": "mi", "' and result.stderr == ""
