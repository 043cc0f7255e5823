"""FBCCA decodes the virtual visitor's gaze, fails gracefully when there is none, and works on real EEG."""

from __future__ import annotations

import json

import numpy as np
import pytest

from app.cli import main
from demos.ssvep_speller.evaluate import evaluate_recording, parse_map
from demos.ssvep_speller.processing import FBCCA, VISUAL_LATENCY_S, EnsembleTRCA, itr_bits_per_minute
from drivers.boards.profiles import find_profile
from drivers.files.edf import RecordingError
from drivers.roles import Role
from drivers.simulation.virtual_visitor import VirtualVisitor, VirtualVisitorBoard

FREQUENCIES = 8.0 + 0.2 * np.arange(40)  # the 40-target benchmark layout
PHASES = (np.arange(40) * 0.5 * np.pi) % (2 * np.pi)


def gaze_windows(targets, *, illiterate: bool = False, seconds: float = 1.0, seed: int = 3):
    """One occipital window per target: the visitor looks at it from onset, we read from the latency."""
    profile = find_profile("virtual_visitor")
    occipital = [i for i, role in enumerate(profile.roles) if role in (Role.OCCIPITAL, Role.PARIETAL)]
    clock = [1_000.0]
    visitor = VirtualVisitor(lambda: clock[0])
    board = VirtualVisitorBoard(profile.channels, 250, visitor, seed=seed)
    board.prepare_session()
    board.start_stream()
    visitor.set_illiterate(illiterate)
    windows = []
    for target in targets:
        clock[0] += 0.5  # gaze shift between targets
        board.get_board_data()
        visitor.look_at(FREQUENCIES[target], PHASES[target], onset=clock[0])
        clock[0] += VISUAL_LATENCY_S
        board.get_board_data()
        clock[0] += seconds
        block = board.get_board_data()
        windows.append(block[[board.layout.eeg_rows[i] for i in occipital]])
        visitor.look_away()
    return windows


def test_fbcca_reads_the_virtual_visitors_gaze_among_40_targets():
    decoder = FBCCA(FREQUENCIES, 250, mains_hz=50)  # as the speller decodes the raw stream
    targets = list(range(40))
    decisions = [decoder.decide(window) for window in gaze_windows(targets, seconds=2.0)]
    accuracy = np.mean([d.target == t for d, t in zip(decisions, targets, strict=True)])
    assert accuracy >= 0.9  # targets 0.2 Hz apart, 2 s windows, a good user
    assert np.median([d.confidence for d in decisions]) > 0.2


def test_an_illiterate_visitor_gets_low_confidence_not_a_crash():
    decoder = FBCCA(FREQUENCIES, 250, mains_hz=50)
    targets = range(0, 40, 4)
    literate = [decoder.decide(w) for w in gaze_windows(targets, seconds=2.0)]
    illiterate = [decoder.decide(w) for w in gaze_windows(targets, illiterate=True, seconds=2.0)]
    assert np.mean([d.target == t for d, t in zip(illiterate, targets, strict=True)]) < 0.3
    assert np.median([d.confidence for d in illiterate]) < 0.5 * np.median([d.confidence for d in literate])


def test_itr_follows_wolpaw():
    assert itr_bits_per_minute(2, 1.0, 1.0) == pytest.approx(60.0)
    assert itr_bits_per_minute(40, 1.0, 2.0) == pytest.approx(np.log2(40) * 30)
    assert itr_bits_per_minute(3, 1 / 3, 1.0) == 0.0


def test_map_parsing():
    assert parse_map("up=8Hz, down=12.5 Hz") == {"up": 8.0, "down": 12.5}
    with pytest.raises(RecordingError):
        parse_map("up=fast")


def test_fbcca_on_the_kalunga_recordings(shared_data):
    """Real EEG (2 subjects, 96 trials of 13/17/21 Hz): well above the 33 % chance level."""
    files = sorted((shared_data / "ssvep").glob("kalunga_*.edf"))
    assert files
    results = [evaluate_recording(path) for path in files]
    by_window = {w["window_s"]: [] for w in results[0]["windows"]}
    for result in results:
        assert result["classes"] == ["13Hz", "17Hz", "21Hz"]
        for row in result["windows"]:
            by_window[row["window_s"]].append(row["accuracy"])
    assert np.mean(by_window[2.0]) >= 0.6
    assert max(np.mean(v) for v in by_window.values()) >= 0.65
    assert all(result["decision_ms"] < 20 for result in results)


def plain_fbcca(window: np.ndarray, frequencies, rate: float, harmonics: int = 5) -> int:
    """The textbook method (Chen et al. 2015) as a yardstick: zero-phase Chebyshev-I sub-bands
    [8n, 88] Hz, one CCA per target and sub-band, weights n^-1.25 + 0.25."""
    from scipy import signal

    from demos.ssvep_speller.processing import filter_bank, subband_weights

    t = np.arange(window.shape[1]) / rate
    scores = np.zeros(len(frequencies))
    for (sos, _), weight in zip(filter_bank(rate, 8.0), subband_weights(), strict=True):
        data = signal.sosfiltfilt(sos, window, axis=1).T
        q_data, _ = np.linalg.qr(data - data.mean(axis=0))
        for index, frequency in enumerate(frequencies):
            reference = np.array(
                [
                    wave(2 * np.pi * h * frequency * t)
                    for h in range(1, harmonics + 1)
                    if h * frequency < rate / 2
                    for wave in (np.sin, np.cos)
                ]
            ).T
            q_reference, _ = np.linalg.qr(reference - reference.mean(axis=0))
            scores[index] += weight * np.linalg.svd(q_data.T @ q_reference, compute_uv=False)[0] ** 2
    return int(np.argmax(scores))


def test_fbcca_is_at_least_as_accurate_as_the_textbook_method_at_2_s(shared_data):
    from demos.ssvep_speller.evaluate import DEFAULT_START_S, trials
    from drivers.files.edf import read_edf

    ours = plain = total = 0
    for path in sorted((shared_data / "ssvep").glob("kalunga_*.edf")):
        recording = read_edf(path)
        labelled = trials(recording, {})
        classes = sorted({frequency for _, frequency in labelled})
        decoder, rate = FBCCA(classes, recording.sampling_rate), recording.sampling_rate
        for onset, frequency in labelled:
            first = round((onset + DEFAULT_START_S + VISUAL_LATENCY_S) * rate)
            window = recording.data[:, first : first + round(2.0 * rate)]
            ours += classes[decoder.decide(window).target] == frequency
            plain += classes[plain_fbcca(window, classes, rate)] == frequency
            total += 1
    assert total == 96
    assert ours >= plain, (ours, plain)


def test_evaluate_command_prints_json_and_refuses_unlabelled_files(shared_data, capsys):
    recording = shared_data / "ssvep" / "kalunga_s01_session1.edf"
    assert main(["evaluate", "ssvep", str(recording), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["method"] == "fbcca" and [w["window_s"] for w in result["windows"]] == [1.0, 2.0, 3.0]
    assert all(w["n_trials"] == 24 for w in result["windows"])  # the 8 rest trials are left out
    assert isinstance(result["decision_ms"], float) and result["windows"][1]["itr_bpm"] >= 0
    assert main(["evaluate", "ssvep", str(shared_data / "mi" / "S001R04.edf")]) == 2
    assert "--map" in capsys.readouterr().err
    assert main(["evaluate", "nonsense"]) == 2


def test_calibrated_trca_beats_fbcca_on_short_phase_locked_windows():
    """The speller's trials are phase-locked to the first frame, so two calibration trials per key let
    ensemble TRCA decide in 0.75 s what FBCCA needs about 1.5 s for."""
    targets = list(range(40))
    calibration = np.array(gaze_windows(targets * 2, seconds=1.5, seed=21))
    trca = EnsembleTRCA(40, 250).fit(calibration, targets * 2)
    assert trca.template_s == pytest.approx(1.5)
    test = [window[:, : round(0.75 * 250)] for window in gaze_windows(targets, seconds=1.5, seed=22)]
    trca_accuracy = np.mean([trca.decide(w).target == t for w, t in zip(test, targets, strict=True)])
    fbcca = FBCCA(FREQUENCIES, 250, mains_hz=50)
    fbcca_accuracy = np.mean([fbcca.decide(w).target == t for w, t in zip(test, targets, strict=True)])
    assert trca_accuracy >= 0.85 and trca_accuracy >= fbcca_accuracy + 0.2
    longer = gaze_windows([3], seconds=3.0, seed=23)[0]
    assert trca.decide(longer).window_s == pytest.approx(1.5)  # never longer than its templates
    illiterate = gaze_windows(targets[:10], seconds=1.5, seed=24, illiterate=True)
    assert np.mean([trca.decide(w).target == t for w, t in zip(illiterate, targets[:10], strict=True)]) <= 0.3


def test_trca_needs_two_trials_of_every_target_and_a_fit():
    trca = EnsembleTRCA(3, 250)
    with pytest.raises(RuntimeError, match="before fit"):
        trca.scores(np.zeros((4, 250)))
    trials = np.random.default_rng(0).standard_normal((5, 4, 250))
    with pytest.raises(ValueError, match=r"short of: \[2\]"):
        trca.fit(trials, [0, 0, 1, 1, 2])


def test_mains_hum_on_a_harmonic_does_not_pass_for_a_gaze():
    """50 Hz is the 5th harmonic of the 10 Hz key: without the notch, a visitor who looks at nothing
    "types" it with high confidence; with it, the decoder stays unsure."""
    windows = gaze_windows(range(0, 40, 4), illiterate=True, seconds=4.0, seed=32)
    plain = [FBCCA(FREQUENCIES, 250).decide(w) for w in windows]
    notched = [FBCCA(FREQUENCIES, 250, mains_hz=50).decide(w) for w in windows]
    ten_hz = int(np.flatnonzero(np.isclose(FREQUENCIES, 10.0))[0])
    assert np.mean([d.target == ten_hz for d in plain]) >= 0.8
    assert np.median([d.confidence for d in plain]) > 0.35
    assert np.median([d.confidence for d in notched]) < 0.1


def test_alpha_can_win_a_decision_but_not_make_it_confident():
    """An illiterate visitor's alpha (a pure rhythm near 10 Hz here) wins on the fundamental, but
    has no harmonics: the harmonic sub-bands disagree, so the confidence stays near zero."""
    windows = gaze_windows(range(0, 40, 4), illiterate=True, seconds=4.0, seed=33)
    decoder = FBCCA(FREQUENCIES, 250, mains_hz=50)
    decisions = [decoder.decide(w) for w in windows]
    winners = {round(float(FREQUENCIES[d.target]), 1) for d in decisions}
    assert winners <= {9.4, 9.6, 9.8, 10.0, 10.2, 10.4, 10.6}  # around this visitor's alpha
    assert max(d.confidence for d in decisions) < 0.1
