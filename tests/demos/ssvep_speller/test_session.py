"""The speller's flow without Qt: live decoding of one trial from the stream, and scoring a run."""

from __future__ import annotations

import numpy as np
import pytest

from demos.ssvep_speller.layouts import StoppingRule, builtin_layouts
from demos.ssvep_speller.processing import FBCCA
from demos.ssvep_speller.session import (
    OnlineDecoder,
    Outcome,
    SpellingRun,
    TrialRecord,
    decimation_for,
)
from drivers import cues
from drivers.roles import Role
from tests.virtual_stream import RATE, LiveStream

KEYBOARD = builtin_layouts()["keyboard40"]


def onset_code(key: int | None) -> float:
    """The marker of a flicker onset cueing ``key`` on the keyboard (None: free choice)."""
    if key is None:
        return cues.FlickerOnset().code
    return cues.FlickerOnset(key, KEYBOARD.keys[key].frequency_hz, KEYBOARD.keys[key].phase_rad).code


def decode_trial(live: LiveStream, decoder: OnlineDecoder, key: int | None, *, step_s: float = 0.05):
    """Flicker onset now; the visitor looks at ``key``; poll like the widget until a decision."""
    decoder.begin(live.stream.total_samples, onset_code(key))
    live.advance(0.3)  # EEG from before the onset: must not count
    live.board.insert_marker(onset_code(key))
    if key is not None:
        live.visitor.look_at(KEYBOARD.keys[key].frequency_hz, KEYBOARD.keys[key].phase_rad, onset=live.now)
    for _ in range(200):
        live.advance(step_s)
        decision = decoder.poll(live.stream)
        if decision is not None:
            live.visitor.look_away()
            return decision
    raise AssertionError("no decision within 10 s")


def occipital_decoder(live: LiveStream, rule: StoppingRule = KEYBOARD.stopping) -> OnlineDecoder:
    channels = live.stream.channels_with_role(Role.OCCIPITAL, Role.PARIETAL)
    decoder = OnlineDecoder(FBCCA(KEYBOARD.frequencies, RATE, mains_hz=50), channels, rule)
    decoder.prepare()
    return decoder


def test_a_trial_with_a_gap_after_its_onset_is_never_decided():
    """Counting samples from the onset across a gap would splice two moments of the flicker."""
    live = LiveStream()
    decoder = occipital_decoder(live)
    key = KEYBOARD.index_of("N")
    decoder.begin(live.stream.total_samples, onset_code(key))
    live.advance(0.1)
    live.board.insert_marker(onset_code(key))
    live.visitor.look_at(KEYBOARD.keys[key].frequency_hz, KEYBOARD.keys[key].phase_rad, onset=live.now)
    live.advance(0.5)
    live.visitor.radio_gap(0.4)
    decisions = []
    for _ in range(100):
        live.advance(0.05)
        decisions.append(decoder.poll(live.stream))
    assert decoder.broken and decisions == [None] * 100
    decode_trial(live, decoder, key)  # the next trial starts whole again
    assert not decoder.broken


def test_the_online_decoder_reads_the_gaze_from_the_onset_marker_on():
    live = LiveStream()
    decoder = occipital_decoder(live)
    targets = [KEYBOARD.index_of(letter) for letter in "NAOJI"]
    decisions = [decode_trial(live, decoder, key) for key in targets]
    assert [d.target for d in decisions] == targets
    rule = KEYBOARD.stopping
    assert all(rule.min_s <= d.window_s <= rule.max_s for d in decisions)
    assert all(d.confidence >= rule.threshold or d.window_s == rule.max_s for d in decisions)
    assert min(d.window_s for d in decisions) < rule.max_s  # dynamic stopping: confident ones stop early


def test_a_1_khz_stream_is_decimated_to_the_decoding_rate():
    assert [decimation_for(rate) for rate in (125, 250, 256, 500, 1000)] == [1, 1, 1, 2, 4]
    live = LiveStream(profile="virtual_visitor_32ch_1k", rate=1000)
    channels = live.stream.channels_with_role(Role.OCCIPITAL, Role.PARIETAL)
    decoder = OnlineDecoder(
        FBCCA(KEYBOARD.frequencies, 250, mains_hz=50), channels, KEYBOARD.stopping, decimation=4
    )
    decoder.prepare()
    targets = [KEYBOARD.index_of(letter) for letter in "HI"]
    decisions = [decode_trial(live, decoder, key) for key in targets]
    assert [d.target for d in decisions] == targets
    assert all(d.confidence >= KEYBOARD.stopping.threshold for d in decisions)


def test_without_a_gaze_the_decoder_waits_for_the_longest_window_and_is_unsure():
    live = LiveStream(seed=12)
    live.visitor.set_illiterate(True)
    decoder = occipital_decoder(live, StoppingRule(min_s=1.0, max_s=2.0, threshold=0.9))
    decision = decode_trial(live, decoder, KEYBOARD.index_of("E"))
    assert decision.window_s == pytest.approx(2.0)
    assert decision.confidence < 0.9


def test_no_decision_before_the_onset_marker_arrives():
    live = LiveStream()
    decoder = occipital_decoder(live)
    decoder.begin(live.stream.total_samples, onset_code(3))
    live.advance(6.0)  # plenty of EEG, but the marker never came (e.g. the stimulus never showed)
    assert decoder.poll(live.stream) is None


def typed(run: SpellingRun, key: int, cued: int | None, seconds: float = 2.0) -> None:
    run.add(TrialRecord(cued, Outcome.TYPED, target=key, confidence=0.5, window_s=1.5, seconds=seconds))


def test_copy_spelling_scores_accuracy_time_and_itr():
    task = KEYBOARD.tasks[0]
    assert task.text == "HELLO"
    run = SpellingRun(KEYBOARD, task)
    h, e, l_, o, x = (KEYBOARD.index_of(letter) for letter in "HELOX")
    typed(run, h, run.next_cue)
    run.add(TrialRecord(run.next_cue, Outcome.UNSURE, target=x, confidence=0.1, seconds=4.0))
    assert run.next_cue == e  # an unsure trial asks for the same key again
    for key in (e, l_, x, o):
        typed(run, key, run.next_cue)
    assert run.finished and run.next_cue is None
    assert run.text() == "HELXO"
    summary = run.summary()
    assert (summary.selections, summary.correct) == (5, 4)
    assert summary.accuracy == pytest.approx(0.8)
    assert summary.seconds == pytest.approx(14.0)  # the unsure trial's time counts
    assert summary.seconds_per_selection == pytest.approx(2.8)
    bits = np.log2(40) + 0.8 * np.log2(0.8) + 0.2 * np.log2(0.2 / 39)
    assert summary.itr_bpm == pytest.approx(bits * 60 / 2.8)
    record = run.record()
    assert record["task"] == "HELLO" and len(record["trials"]) == 6 and record["text"] == "HELXO"


def test_free_spelling_types_space_and_deletes():
    run = SpellingRun(KEYBOARD)
    for label in ("H", "I", "SPACE", "X", "BACKSPACE", "Y"):
        typed(run, KEYBOARD.index_of(label), None)
    assert run.text() == "HI Y"
    assert not run.finished and run.next_cue is None
    assert run.summary().accuracy == 0.0  # nothing to compare with in free spelling


def test_the_phrase_board_types_words_in_the_visitors_language():
    phrases = builtin_layouts()["phrases"]
    run = SpellingRun(phrases, phrases.tasks[0])
    for key in phrases.tasks[0].keys:
        typed(run, key, run.next_cue)
    assert run.text(phrases.display_labels("en")) == "Hello 👍 Thank you "
    assert run.text(phrases.display_labels("zh_CN")) == "你好 👍 谢谢 "
    assert phrases.display_title("zh_CN") == "短语板"
