"""The signal check judges the virtual visitor's faults and real EEG as staff need it judged."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from drivers.boards.profiles import BoardProfile, Channel
from drivers.files.edf import read_edf
from drivers.roles import Role, electrode_role
from drivers.signal_check import (
    STALE_S,
    AdviceKind,
    CheckResult,
    Light,
    Problem,
    SignalChecker,
    Verdict,
    check_window,
    needed_channels,
    scalp_channels,
)
from drivers.simulation.virtual_visitor import RAIL_UV
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer
from tests.virtual_stream import RATE, LiveStream

OCCIPITAL = ("PO7", "O1", "Oz", "O2", "PO8")
FRONTAL = ("Fp1", "Fp2", "F3", "Fz", "F4")
STEP_S = 0.1  # the acquisition worker writes ~every 20 ms; 0.1 s keeps the tests quick


class Checked:
    """The virtual visitor's headset streaming into a ring buffer, checked every 0.5 s on a test clock."""

    def __init__(self, roles=(), seed: int = 5, hum=None, noisy=()) -> None:
        self.live = LiveStream(seed=seed)
        self.visitor = self.live.visitor
        for channel in noisy:  # the virtual visitor's dry-electrode fault, there from the fitting on
            self.visitor.noisy_channel(channel)
        if hum is not None:  # {channel: µV} of 50 Hz on top of what the visitor's head makes
            board = self.live.board
            make_eeg = board._eeg

            def humming(index, times):
                eeg = make_eeg(index, times)
                for channel, amplitude in hum.items():
                    eeg[channel] += amplitude * np.sin(2 * np.pi * 50.0 * index / RATE)
                return eeg

            board._eeg = humming
        self.clock = 0.0
        self.checker = SignalChecker(self.live.stream, roles, 50, clock=lambda: self.clock)
        self.advance(3.0)  # fit the headset: judge only from here on
        self.checker.reset()

    def advance(self, seconds: float) -> None:
        for _ in range(round(seconds / STEP_S)):
            self.live.advance(STEP_S)
            self.clock += STEP_S

    def run(self, seconds: float) -> list[CheckResult]:
        results = []
        for _ in range(round(seconds / 0.5)):
            self.advance(0.5)
            results.append(self.checker.update())
        return results


def problems_of(result: CheckResult) -> dict[str, tuple[Problem, ...]]:
    return {channel.name: channel.problems for channel in result.channels if channel.problems}


def test_a_clean_virtual_headset_passes_with_every_needed_channel_good():
    checked = Checked(roles=(Role.OCCIPITAL,))
    results = checked.run(3.0)
    assert results[0].verdict is Verdict.CHECKING  # half a second is too little to judge
    assert all(result.passed for result in results[2:])
    last = results[-1]
    assert [channel.name for channel in last.needed] == list(OCCIPITAL)
    assert all(channel.light is Light.GOOD for channel in last.needed)
    assert last.advice == ()
    # Judged on EEG-sized numbers, not by accident: a real amplitude and a mains line far below it.
    assert all(5 < channel.amplitude_uv < 50 and channel.mains_db < -10 for channel in last.channels)


@pytest.mark.parametrize(
    ("fault", "channel", "problem", "advice"),
    [
        ("flat_channel", "O1", Problem.FLAT, AdviceKind.CHECK_WIRE),
        ("rail_channel", "Oz", Problem.RAILED, AdviceKind.PRESS_CLOSER),
        ("pop_electrode", "O2", Problem.POP, AdviceKind.PRESS_CLOSER),
    ],
)
def test_a_faulty_electrode_is_named_with_its_problem_and_what_to_do(fault, channel, problem, advice):
    checked = Checked(roles=(Role.OCCIPITAL,))
    checked.run(2.0)
    index = checked.live.stream.channel_names.index(channel)
    getattr(checked.visitor, fault)(index)
    result = checked.run(2.5)[-1] if problem is Problem.FLAT else checked.run(1.0)[-1]
    assert result.verdict is Verdict.ADJUST
    assert problems_of(result) == {channel: (problem,)}  # that electrode, that problem, nothing else
    assert result.channel(channel).light is Light.BAD
    assert [(item.kind, item.channels) for item in result.advice] == [(advice, (channel,))]


def test_a_pop_is_forgotten_once_it_has_left_the_window():
    checked = Checked(roles=(Role.OCCIPITAL,))
    checked.run(2.0)
    checked.visitor.pop_electrode(checked.live.stream.channel_names.index("O2"))
    assert not checked.run(1.0)[-1].passed
    assert checked.run(3.0)[-1].passed


def test_a_clenched_jaw_shows_as_muscle_on_the_frontal_sites_only():
    checked = Checked()
    checked.run(2.0)
    checked.visitor.clench(10.0)
    result = checked.run(2.0)[-1]
    muscular = {name for name, problems in problems_of(result).items() if Problem.MUSCLE in problems}
    assert muscular == set(FRONTAL)  # EMG is strongest at the temples and forehead, not at the back
    relax = result.advice_of(AdviceKind.RELAX_JAW)
    assert relax is not None and set(relax.channels) == set(FRONTAL)


def test_strong_mains_hum_on_one_electrode_asks_to_wet_it():
    checked = Checked(roles=(Role.OCCIPITAL,), noisy=(12,))  # O1: a dry electrode picks up the room
    result = checked.run(2.5)[-1]
    assert problems_of(result) == {"O1": (Problem.MAINS,)}
    assert result.channel("O1").light is Light.BAD and result.channel("O1").mains_db > 30
    assert result.verdict is Verdict.ADJUST
    assert [(item.kind, item.channels) for item in result.advice] == [(AdviceKind.WET_ELECTRODE, ("O1",))]


def test_hum_on_every_channel_points_at_the_reference_not_at_sixteen_electrodes():
    checked = Checked(hum=dict.fromkeys(range(16), 80.0))
    result = checked.run(2.5)[-1]
    assert all(Problem.MAINS in channel.problems for channel in result.channels)
    assert all(channel.light is Light.FAIR for channel in result.channels)  # the notch still copes
    assert result.passed
    assert [(item.kind, item.problem) for item in result.advice] == [
        (AdviceKind.CHECK_REFERENCE, Problem.MAINS)
    ]


def test_headset_off_is_one_verdict_and_stays_when_the_headset_goes_quiet():
    checked = Checked(roles=(Role.OCCIPITAL,))
    checked.run(2.0)
    checked.visitor.take_off_headset()
    results = checked.run(4.0)  # a second of garbage, then the virtual headset sends nothing
    assert all(result.verdict is Verdict.HEADSET_OFF for result in results)
    for result in results:
        assert [item.kind for item in result.advice] == [AdviceKind.PUT_ON_HEADSET]  # not 16 warnings
        assert all(channel.light is Light.BAD for channel in result.channels)
        assert len(result.channels) >= 12  # most channels looked off at once
    checked.visitor.put_on_headset()
    assert checked.run(3.0)[-1].passed


def test_a_headset_taken_off_right_at_the_start_is_still_recognised():
    checked = Checked()
    checked.visitor.take_off_headset()
    assert checked.run(1.0)[-1].verdict is Verdict.HEADSET_OFF


def test_every_posterior_channel_bad_asks_to_move_the_headset_back():
    checked = Checked(roles=(Role.OCCIPITAL,))
    names = checked.live.stream.channel_names
    for name in ("P3", "Pz", "P4", *OCCIPITAL):
        checked.visitor.rail_channel(names.index(name))
    result = checked.run(2.5)[-1]
    assert result.verdict is Verdict.ADJUST
    assert [(item.kind, item.channels) for item in result.advice] == [
        (AdviceKind.MOVE_HEADSET_BACK, OCCIPITAL)
    ]


def test_lost_samples_hold_the_check_back_until_the_window_is_whole_again():
    checked = Checked(roles=(Role.OCCIPITAL,))
    checked.run(2.0)
    checked.visitor.radio_gap(0.3)
    result = checked.run(1.0)[-1]
    assert result.gap and result.verdict is Verdict.ADJUST
    assert result.advice_of(AdviceKind.RADIO_GAP) is not None
    assert checked.run(2.5)[-1].passed


def test_a_packet_lost_now_and_then_does_not_fail_the_check():
    checked = Checked(roles=(Role.OCCIPITAL,))
    checked.run(2.0)
    checked.visitor.radio_gap(0.012)  # 3 samples of 500 in the window: a radio headset's dropped packet
    result = checked.run(1.0)[-1]
    assert not result.gap and result.passed


def test_nothing_arriving_is_no_signal():
    live = LiveStream()
    live.feeding = False
    clock = [0.0]
    checker = SignalChecker(live.stream, (), 50, clock=lambda: clock[0])
    assert checker.update().verdict is Verdict.CHECKING  # just started: give the headset a moment
    clock[0] += STALE_S
    assert checker.update().verdict is Verdict.NO_SIGNAL
    assert checker.result.channels == ()


def test_data_that_stops_arriving_is_no_signal_after_a_second():
    checked = Checked()
    assert checked.run(2.0)[-1].passed
    checked.live.feeding = False
    checked.clock += 0.5
    assert checked.checker.update().passed  # late, not gone
    checked.clock += STALE_S
    assert checked.checker.update().verdict is Verdict.NO_SIGNAL


def test_nan_and_inf_count_as_bad_values_and_never_raise():
    live = LiveStream()
    live.advance(3.0)
    raw = live.stream.latest(2.0, filtered=False).data.copy()
    names, roles = live.stream.channel_names, live.stream.roles
    raw[3, 100:140] = np.nan
    raw[5] = np.inf
    result = check_window(raw, RATE, names, roles, mains_hz=50)
    assert problems_of(result) == {"Fz": (Problem.INVALID,), "C3": (Problem.INVALID,)}
    assert result.advice_of(AdviceKind.RECONNECT).channels == ("Fz", "C3")
    everything_bad = check_window(np.full_like(raw, np.nan), RATE, names, roles, mains_hz=50)
    assert everything_bad.verdict is Verdict.HEADSET_OFF


def test_invalid_values_in_the_stream_reach_the_check_through_its_mask(caplog):
    """The acquisition worker replaces NaN by the last good value and marks it; a reader sees the mark."""
    live = LiveStream()
    clock = [0.0]
    checker = SignalChecker(live.stream, (), 50, clock=lambda: clock[0])
    n = 2 * RATE
    data = np.tile(10 * np.sin(2 * np.pi * 10 * np.arange(n) / RATE), (16, 1))
    invalid = np.zeros((16, n), dtype=bool)
    invalid[7, 10:20] = True
    data[9] = np.nan  # and a value that slipped through unreplaced
    with caplog.at_level(logging.ERROR):
        live.buffer.write(data, data, np.arange(n) / RATE, np.zeros(n), invalid=invalid)
        result = checker.update()
    assert result.channel("C4").problems == (Problem.INVALID,)
    assert result.channel("Pz").problems == (Problem.INVALID,)
    assert not caplog.records  # handled as data, not as an error


def test_which_channels_a_demo_needs():
    montage = [Role.FRONTAL, Role.OCCIPITAL, Role.REFERENCE, Role.SENSORIMOTOR_LEFT, Role.OCCIPITAL]
    assert needed_channels(montage, (Role.OCCIPITAL,)) == [1, 4]
    assert needed_channels(montage, (Role.SENSORIMOTOR_LEFT, Role.SENSORIMOTOR_RIGHT)) == [3]
    assert needed_channels(montage, ()) == scalp_channels(montage) == [0, 1, 3, 4]  # ear clips are no scalp
    assert scalp_channels([Role.REFERENCE, Role.REFERENCE]) == [0, 1]


def test_a_short_window_is_checking_not_a_verdict():
    result = check_window(np.zeros((2, 50)), RATE, ["O1", "O2"], [Role.OCCIPITAL] * 2)
    assert result.verdict is Verdict.CHECKING and result.channels == ()
    with pytest.raises(ValueError, match="2 channels"):
        check_window(np.zeros((2, 500)), RATE, ["O1"], [Role.OCCIPITAL])


def test_railed_values_are_not_mistaken_for_a_transient_storm():
    """Half the inputs at the rail and the rest picking up the room: the headset is off, once."""
    rng = np.random.default_rng(1)
    raw = 3000 * rng.standard_normal((8, 500))
    raw[::2] = RAIL_UV
    names = ["Fp1", "Fp2", "C3", "C4", "P7", "P8", "O1", "O2"]
    result = check_window(raw, RATE, names, [electrode_role(name) for name in names], mains_hz=50)
    assert result.verdict is Verdict.HEADSET_OFF
    assert not any(Problem.MOVEMENT in channel.problems for channel in result.channels)


# --- real EEG -------------------------------------------------------------------------------------------
def _recording_stream(names: list[str], roles: list[Role], rate: float) -> Stream:
    profile = BoardProfile(
        key="recording",
        name="recording",
        source="simulated",
        channels=tuple(Channel(name, role) for name, role in zip(names, roles, strict=True)),
        sampling_rate=round(rate),
    )
    return Stream(RingBuffer(len(names), round(30 * rate)), profile, rate)


def _replay(data: np.ndarray, stream: Stream, roles, mains_hz: float) -> list[CheckResult]:
    """Play ``data`` into ``stream`` in 0.1 s chunks, checking every 0.5 s, as the page does live."""
    rate = stream.sampling_rate
    clock = [0.0]
    checker = SignalChecker(stream, roles, mains_hz, clock=lambda: clock[0])
    chunk = round(0.1 * rate)
    results = []
    for k, start in enumerate(range(0, data.shape[1] - chunk, chunk)):
        block = data[:, start : start + chunk]
        stream._buffer.write(block, block, np.arange(start, start + chunk) / rate, np.zeros(chunk))
        clock[0] += 0.1
        if k % 5 == 4:
            results.append(checker.update())
    return results


def _passes_steadily(results: list[CheckResult], seconds: float = 2.0) -> bool:
    run = 0
    for result in results:
        run = run + 1 if result.passed else 0
        if run > seconds / 0.5:
            return True
    return False


@pytest.mark.parametrize("run", ["S001R01.edf", "S001R02.edf", "S001R04.edf"])
def test_a_clean_real_recording_passes(shared_data, run):
    """PhysioNet EEG-MMI (gel cap, 64 ch, 160 Hz, US mains): eyes open, eyes closed, motor imagery."""
    recording = read_edf(shared_data / "mi" / run)
    names = [name.strip(".") for name in recording.channel_names]
    roles = [electrode_role(name) or Role.REFERENCE for name in names]
    for wanted, share in (((Role.OCCIPITAL,), 0.95), ((), 0.85)):
        stream = _recording_stream(names, roles, recording.sampling_rate)
        results = _replay(recording.data[:, : round(40 * recording.sampling_rate)], stream, wanted, 60)
        judged = [result for result in results if result.verdict is not Verdict.CHECKING]
        passed = sum(result.passed for result in judged) / len(judged)
        assert passed >= share, (wanted, passed, [problems_of(r) for r in judged if not r.passed][:3])
        assert _passes_steadily(results)  # the demo would start by itself
        assert not any(result.verdict is Verdict.HEADSET_OFF for result in results)


def test_a_clean_real_ssvep_recording_passes_on_its_occipital_sites(shared_data):
    """Kalunga 2016 (g.MOBIlab+, 8 occipital sites, 256 Hz, notched): quiet EEG of 2-20 µV."""
    recording = read_edf(shared_data / "ssvep" / "kalunga_s01_session1.edf")
    roles = [electrode_role(name) for name in recording.channel_names]
    stream = _recording_stream(recording.channel_names, roles, recording.sampling_rate)
    results = _replay(recording.data[:, : round(60 * recording.sampling_rate)], stream, (Role.OCCIPITAL,), 50)
    assert all(result.passed for result in results[2:])


def test_the_openbci_sample_shows_its_clenches_and_its_shared_hum(shared_data):
    """The OpenBCI GUI sample (a Cyton, DC offsets of tens of mV, strong 60 Hz on every channel):
    jaw clenches in its first 17 s, quiet EEG with alpha in the middle."""
    path = shared_data / "artifacts" / "OpenBCI_GUI-v6-blinks-jawClench-alpha.txt"
    data = np.genfromtxt(path, delimiter=",", comments="%", skip_header=5, usecols=range(1, 9)).T
    names = ["Fp1", "Fp2", "C3", "C4", "P7", "P8", "O1", "O2"]  # the Cyton's default montage
    stream = _recording_stream(names, [electrode_role(name) for name in names], 250)
    results = _replay(data[:, : 60 * 250], stream, (), 60)
    clenching = results[4:34]  # 2-17 s
    assert any(
        Problem.MUSCLE in channel.problems and channel.light is Light.BAD
        for result in clenching
        for channel in result.channels
    )
    quiet = results[50:110]  # 25-55 s
    assert all(result.advice_of(AdviceKind.CHECK_REFERENCE) is not None for result in quiet)
    assert all(result.advice_of(AdviceKind.CHECK_REFERENCE).problem is Problem.MAINS for result in quiet)
    assert sum(result.passed for result in quiet) / len(quiet) >= 0.9  # hum alone is usable, not bad
