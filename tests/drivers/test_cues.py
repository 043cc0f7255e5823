"""The cue vocabulary: stable codes, texts that read back, and the virtual visitor following cues."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers import cues
from drivers.simulation.virtual_visitor import FOCUSED_ATTENTION, VirtualVisitor

KEYS = st.integers(0, cues.MAX_KEY)
FINITE = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


def every_kind_of_cue() -> list[cues.Cue]:
    return [
        cues.FlickerOnset(),
        cues.FlickerOnset(0, 8.0, 0.0),
        cues.FlickerOnset(cues.MAX_KEY, 15.8, 3.1416),
        cues.FlickerEnd(),
        cues.Decision(None, 0.2),
        cues.Decision(0, 0.9),
        cues.Decision(cues.MAX_KEY, 1.0),
        *(cues.Stopped(reason) for reason in cues.StopReason),
        cues.Fixation(),
        *(cues.Imagery(side) for side in cues.Side),
        *(cues.BaselinePhase(phase) for phase in cues.Baseline),
        *(cues.Round(mode) for mode in cues.RoundMode),
        cues.StaffMark(1),
        cues.StaffMark(99),
    ]


def test_the_codes_of_the_table_are_stable():
    """Recordings outlive releases: these numbers are written into every recording's marker row."""
    assert cues.FlickerOnset(4, 8.8).code == 5 and cues.FlickerOnset().code == 100
    assert cues.FlickerEnd().code == 101
    assert cues.Decision(None).code == 199 and cues.Decision(12, 0.9).code == 212
    assert cues.Stopped(cues.StopReason.TOUCH).code == 300
    assert cues.Fixation().code == 400
    assert [cues.Imagery(s).code for s in ("left", "right", "rest")] == [401, 402, 403]
    assert [cues.BaselinePhase(p).code for p in ("eyes_open", "eyes_closed", "end")] == [500, 501, 502]
    assert [cues.Round(m).code for m in ("focus", "relax", "end")] == [600, 601, 602]
    assert cues.StaffMark(1).code == 701 and cues.StaffMark(99).code == 799


def test_different_cues_never_share_a_code_unless_only_their_details_differ():
    by_code: dict[float, set[str]] = {}
    for cue in every_kind_of_cue():
        assert cue.code > 0
        by_code.setdefault(cue.code, set()).add(type(cue).__name__)
    assert all(len(kinds) == 1 for kinds in by_code.values())
    stops = {cues.Stopped(reason).code for reason in cues.StopReason}
    assert stops == {300.0}  # the reason is in the text only


@pytest.mark.parametrize("cue", every_kind_of_cue(), ids=lambda cue: cue.text)
def test_every_text_reads_back_and_every_code_is_described(cue):
    parsed = cues.parse_cue(cue.text)
    assert parsed.text == cue.text and parsed.code == cue.code
    assert cues.describe_code(cue.code).split()[0] == cue.text.split()[0]


@settings(max_examples=200, deadline=None)
@given(key=KEYS, frequency=st.floats(0.1, 100.0), phase=st.floats(-10.0, 10.0), confidence=st.floats(0, 1))
def test_keys_frequencies_and_confidences_survive_the_text(key, frequency, phase, confidence):
    onset = cues.parse_cue(cues.FlickerOnset(key, frequency, phase).text)
    assert onset.key == key and onset.frequency_hz == pytest.approx(frequency, rel=1e-5)
    assert onset.phase_rad == pytest.approx(phase, abs=1e-4)
    decision = cues.parse_cue(cues.Decision(key, confidence).text)
    assert decision.key == key and decision.confidence == pytest.approx(confidence, abs=1e-3)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_any_other_text_is_refused_with_a_cue_error(text):
    try:
        cue = cues.parse_cue(text)
    except cues.CueError:
        return
    assert cues.parse_cue(cue.text) == cue  # what it accepted is a real cue


@pytest.mark.parametrize(
    "code", [0, -1, 0.5, 150, 299, 301, 404, 503, 603, 700, 800, 1e9, float("nan"), float("inf")]
)
def test_codes_that_name_no_cue_are_refused(code):
    with pytest.raises(cues.CueError):
        cues.describe_code(code)


@pytest.mark.parametrize(
    "make",
    [
        lambda: cues.FlickerOnset(99, 8.0),
        lambda: cues.Decision(-1),
        lambda: cues.FlickerOnset(3),
        lambda: cues.StaffMark(0),
        lambda: cues.StaffMark(100),
    ],
)
def test_impossible_cues_cannot_be_made(make):
    with pytest.raises(cues.CueError):
        make()


def test_the_virtual_visitor_does_what_each_cue_asks():
    now = itertools.count(1000.0)
    visitor = VirtualVisitor(clock=lambda: next(now))
    visitor.follow(cues.FlickerOnset(3, 9.6, 1.5), at=12.5)
    gaze = visitor.snapshot().gaze
    assert (gaze.frequency_hz, gaze.phase_rad, gaze.onset) == (9.6, 1.5, 12.5)
    visitor.follow(cues.Decision(3, 0.9))
    assert visitor.snapshot().gaze is None
    visitor.follow(cues.Imagery(cues.Side.LEFT))
    assert visitor.snapshot().imagery == "left"
    visitor.follow(cues.Fixation())
    assert visitor.snapshot().imagery is None
    visitor.follow(cues.Imagery(cues.Side.RIGHT))
    visitor.follow(cues.Stopped(cues.StopReason.TOUCH))
    assert visitor.snapshot().imagery is None
    visitor.follow(cues.BaselinePhase(cues.Baseline.EYES_CLOSED))
    assert visitor.snapshot().relaxed
    visitor.follow(cues.BaselinePhase(cues.Baseline.END))
    assert not visitor.snapshot().relaxed
    visitor.follow(cues.Round(cues.RoundMode.FOCUS))
    assert visitor.snapshot().attention == FOCUSED_ATTENTION
    visitor.follow(cues.Round(cues.RoundMode.END))
    assert visitor.snapshot().attention < FOCUSED_ATTENTION and not visitor.snapshot().relaxed


def test_free_to_choose_the_virtual_visitor_picks_a_target_and_remembers_it():
    visitor = VirtualVisitor(seed=3)
    targets = tuple(cues.Target(8.0 + index, 0.5 * index) for index in range(6))
    for _ in range(20):
        visitor.follow(cues.FlickerOnset(targets=targets), at=1.0)
        chosen = targets[visitor.free_choices[-1]]
        assert visitor.snapshot().gaze.frequency_hz == chosen.frequency_hz
    assert len(set(visitor.free_choices)) > 1  # not stuck on one key


def mutated(text: str, position: int, replacement: str) -> str:
    position %= len(text) + 1
    return text[:position] + replacement + text[position + 1 :]


@settings(max_examples=400, deadline=None)
@given(
    cue=st.sampled_from(every_kind_of_cue()),
    position=st.integers(0, 80),
    replacement=st.sampled_from(["", " ", "=", "x", "1", "-", "key=3", "nan", "inf", "\x00", "é", " key=5"]),
)
def test_damaged_cue_texts_are_refused_or_read_as_a_real_cue(cue, position, replacement):
    """Texts near valid ones (what a damaged annotation looks like): a CueError, or a cue that writes
    back to a text that reads the same; never another exception."""
    text = mutated(cue.text, position, replacement)
    try:
        parsed = cues.parse_cue(text)
    except cues.CueError:
        return
    assert cues.parse_cue(parsed.text) == parsed


@pytest.mark.parametrize(
    "text",
    ["decision key=3 key=5 confidence=0.5", "decision key=3 confidence=0.5 colour=red", "staff_mark n=1 n=2",
     "flicker_onset key=3 hz=8 phase=0 extra=1", "decision unsure key=3 confidence=0.1"],
)  # fmt: skip
def test_repeated_or_unknown_fields_are_refused(text):
    with pytest.raises(cues.CueError):
        cues.parse_cue(text)
