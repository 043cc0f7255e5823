"""The acquisition worker against BrainFlow's synthetic board and the simulated source."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from drivers.acquisition.worker import Acquisition, AcquisitionState
from drivers.analysis.quality import ChannelQuality
from drivers.boards.profiles import find_profile
from drivers.simulation.simulated import SimulatedBoard


def simulated_profile(channels: int, rate: int):
    profile = find_profile("virtual_visitor_32ch_1k")
    return replace(profile, channels=profile.channels[:channels], sampling_rate=rate)


@pytest.fixture
def acquisitions(qapp):
    """Make acquisitions (over a built-in profile, or over a given board) always stopped at the end."""
    made: list[Acquisition] = []

    def make(
        profile_key: str = "synthetic", *, board: SimulatedBoard | None = None, **options
    ) -> Acquisition:
        if board is None:
            acquisition = Acquisition(find_profile(profile_key), **options)
        else:
            profile = simulated_profile(len(board.layout.eeg_rows), board.layout.sampling_rate)
            acquisition = Acquisition(profile, board_factory=lambda: board, layout=board.layout, **options)
        made.append(acquisition)
        return acquisition

    yield make
    for acquisition in made:
        assert acquisition.stop(timeout_ms=10_000)


def record_states(acquisition: Acquisition) -> list[str]:
    states: list[str] = []
    acquisition.sigState.connect(states.append)
    return states


def test_streams_the_synthetic_board_into_the_buffer_at_its_rate(qtbot, acquisitions):
    acquisition = acquisitions("synthetic")
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=10_000)
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 0, timeout=5_000)
    first, started = acquisition.stream.total_samples, time.monotonic()
    qtbot.wait(3_000)
    received, elapsed = acquisition.stream.total_samples - first, time.monotonic() - started
    assert received / elapsed == pytest.approx(250, rel=0.05)
    assert acquisition.stats is not None
    assert acquisition.stats.measured_rate == pytest.approx(250, rel=0.05)
    assert acquisition.stats.lost_samples == 0
    assert 0 < acquisition.stats.total_samples <= acquisition.stream.total_samples  # counted, not sent
    window = acquisition.stream.latest(2.0, filtered=False)
    assert window.data.shape == (16, 500)
    assert np.all(np.diff(window.timestamps) > 0)
    assert np.all(window.data.std(axis=1) > 0)


def test_a_marker_appears_in_the_stream_on_the_next_sample(qtbot, acquisitions):
    acquisition = acquisitions("synthetic")
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 250, timeout=10_000)
    inserted_at = time.time()
    acquisition.insert_marker(42.0)
    qtbot.waitUntil(lambda: 42.0 in acquisition.stream.latest(2.0).markers, timeout=2_000)
    window = acquisition.stream.latest(2.0)
    where = np.flatnonzero(window.markers)
    assert len(where) == 1 and window.markers[where[0]] == 42.0
    assert abs(window.timestamps[where[0]] - inserted_at) < 0.1  # lands within 100 ms of the request
    with pytest.raises(ValueError):
        acquisition.insert_marker(0.0)


def test_markers_from_many_threads_all_arrive(qtbot, acquisitions):
    acquisition = acquisitions(board=SimulatedBoard(8, 250, seed=3))
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    threads = [
        threading.Thread(target=acquisition.insert_marker, args=(float(code),)) for code in range(1, 9)
    ]
    for thread in threads:
        thread.start()
        time.sleep(0.03)
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: np.count_nonzero(acquisition.stream.latest(3.0).markers) == 8, timeout=3_000)
    assert sorted(acquisition.stream.latest(3.0).markers[acquisition.stream.latest(3.0).markers > 0]) == list(
        range(1, 9)
    )


def test_a_gap_is_detected_as_stalled_then_recovers_counting_lost_samples(qtbot, acquisitions):
    board = SimulatedBoard(8, 250, seed=3)
    acquisition = acquisitions(board=board)
    states = record_states(acquisition)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 100, timeout=5_000)
    board.drop_output(1.6)
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STALLED, timeout=3_000)
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=3_000)
    qtbot.wait(700)  # the next stats report
    assert states[-3:] == ["streaming", "stalled", "streaming"]
    assert acquisition.stats is not None
    assert acquisition.stats.lost_samples == pytest.approx(1.6 * 250, abs=15)


def test_a_lost_board_is_released_and_reconnected_with_backoff(qtbot, acquisitions):
    board = SimulatedBoard(8, 250, seed=3)
    acquisition = acquisitions(board=board, backoff_s=(0.2, 0.4))
    errors: list[str] = []
    acquisition.sigError.connect(errors.append)
    try:
        states = record_states(acquisition)
        acquisition.start()
        qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
        board.set_unavailable(True)  # the headset is switched off
        qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.DISCONNECTED, timeout=3_000)
        assert not board.is_prepared()  # released, not leaked
        qtbot.wait(800)  # several failed attempts with back-off
        assert states.count("connecting") >= 3
        board.set_unavailable(False)
        before = acquisition.stream.total_samples
        qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=3_000)
        qtbot.waitUntil(lambda: acquisition.stream.total_samples > before + 50, timeout=3_000)
        assert errors and "lost" in errors[0]
    finally:
        acquisition.stop()
    assert not board.is_prepared()


def test_long_silence_triggers_a_reconnect(qtbot, acquisitions):
    board = SimulatedBoard(8, 250, seed=3)
    acquisition = acquisitions(board=board, reconnect_after_s=0.6, backoff_s=(0.1,))
    states = record_states(acquisition)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 50, timeout=5_000)
    board.drop_output(1.0)
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=3_000)
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=5_000)


class ExplodingBoard(SimulatedBoard):
    """Fails in every way a driver can: data errors, and errors while being stopped."""

    released = 0

    def get_board_data(self):
        raise RuntimeError("driver crashed")

    def stop_stream(self):
        raise RuntimeError("stream already dead")

    def release_session(self):
        ExplodingBoard.released += 1
        super().release_session()


def test_stop_releases_the_session_even_after_errors(qtbot, qapp):
    board = ExplodingBoard(4, 250)
    profile = find_profile("virtual_visitor_32ch_1k")
    from dataclasses import replace

    profile = replace(profile, channels=profile.channels[:4], sampling_rate=250)
    acquisition = Acquisition(profile, board_factory=lambda: board, layout=board.layout, backoff_s=(5.0,))
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.DISCONNECTED, timeout=3_000)
    assert ExplodingBoard.released == 1
    started = time.monotonic()
    assert acquisition.stop(timeout_ms=5_000)  # a pending 5 s retry does not delay stopping
    assert time.monotonic() - started < 1.0
    assert not acquisition.is_running
    assert not board.is_prepared()
    assert acquisition.state is AcquisitionState.STOPPED


def test_a_board_that_cannot_open_keeps_being_retried_until_stopped(qtbot, qapp):
    attempts: list[float] = []

    def factory():
        attempts.append(time.monotonic())
        raise OSError("no such serial port")

    profile = find_profile("cyton").with_params({"serial_port": "/dev/does-not-exist"})
    acquisition = Acquisition(profile, board_factory=factory, backoff_s=(0.1, 0.2, 0.4))
    acquisition.start()
    qtbot.waitUntil(lambda: len(attempts) >= 4, timeout=3_000)
    assert acquisition.stop(timeout_ms=5_000)
    gaps = np.diff(attempts)
    assert gaps[1] > gaps[0] * 1.5  # backing off, not hammering the port
    assert acquisition.state is AcquisitionState.STOPPED


def test_the_worker_runs_the_virtual_visitor_like_any_board(qtbot, acquisitions):
    acquisition = acquisitions("virtual_visitor")
    assert acquisition.visitor is not None
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 250, timeout=5_000)
    acquisition.insert_marker(9.0)
    qtbot.waitUntil(lambda: 9.0 in acquisition.stream.latest(1.0).markers, timeout=2_000)
    first, started = acquisition.stream.total_samples, time.monotonic()
    qtbot.wait(2_000)
    rate = (acquisition.stream.total_samples - first) / (time.monotonic() - started)
    assert rate == pytest.approx(250, rel=0.05)
    assert acquisition.stats.lost_samples == 0
    assert set(acquisition.stream.channel_quality()) == {ChannelQuality.GOOD}


def test_visitor_faults_reach_the_stream_status_and_recover(qtbot, acquisitions):
    acquisition = acquisitions("virtual_visitor", reconnect_after_s=1.8, backoff_s=(0.2,))
    visitor = acquisition.visitor
    states = record_states(acquisition)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 500, timeout=5_000)

    visitor.radio_gap(1.5)  # a Bluetooth gap: stalled, then streaming, the samples counted lost
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STALLED, timeout=3_000)
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=3_000)
    qtbot.wait(600)
    assert acquisition.stats.lost_samples == pytest.approx(1.5 * 250, abs=15)

    visitor.take_off_headset()  # garbage first, then silence, then reconnect attempts that fail
    qtbot.wait(700)
    assert acquisition.stream.channel_quality(0.5).count(ChannelQuality.RAILED) >= 8
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=5_000)
    qtbot.wait(600)
    assert acquisition.state in (AcquisitionState.DISCONNECTED, AcquisitionState.CONNECTING)
    visitor.put_on_headset()
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=3_000)
    before = acquisition.stream.total_samples
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > before + 500, timeout=5_000)
    assert set(acquisition.stream.channel_quality(1.0)) == {ChannelQuality.GOOD}


def drive_markers(qtbot, acquisition, count: int, faults: dict[int, Callable[[], None]]) -> tuple[list, list]:
    """Send ``count`` markers (1..count) in bursts of five back-to-back, every 40 ms, running
    ``faults[i]`` before marker i; read the stream as a consumer would, with its own cursor.
    Returns the marker values in stream order and the values reported lost."""
    lost: list[float] = []
    acquisition.sigMarkerLost.connect(lost.append)
    seen: list[float] = []
    cursor = acquisition.stream.total_samples

    def read() -> None:
        nonlocal cursor
        window = acquisition.stream.read_since(cursor)
        assert window.missed == 0
        cursor = window.end
        seen.extend(window.markers[window.markers != 0].tolist())

    for value in range(1, count + 1):
        if value in faults:
            faults[value]()
        acquisition.insert_marker(float(value))
        if value % 5 == 0:
            qtbot.wait(40)
            read()
    qtbot.waitUntil(lambda: acquisition._worker.markers.waiting == 0, timeout=15_000)
    qtbot.wait(100)  # the last lost-marker signals are queued for this thread
    read()
    return seen, lost


def assert_each_marker_once_in_order_or_reported(seen, lost, count, acquisition, caplog):
    assert seen == sorted(seen), "markers out of order"
    assert len(seen) == len(set(seen)), "a marker arrived twice"
    assert not set(seen) & set(lost), "a marker both arrived and was reported lost"
    assert sorted(seen + lost) == [float(value) for value in range(1, count + 1)]
    placer = acquisition._worker.markers
    assert (placer.placed, placer.lost) == (len(seen), len(lost))
    logged = [record.getMessage() for record in caplog.records if "lost:" in record.getMessage()]
    assert len(logged) == len(lost)


def test_a_thousand_markers_on_the_virtual_visitor_arrive_once_in_order_or_are_reported_lost(
    qtbot, acquisitions, caplog
):
    """Back-to-back markers, a 1 s radio gap and the headset off long enough to reconnect."""
    caplog.set_level("WARNING", logger="drivers.acquisition.worker")
    acquisition = acquisitions("virtual_visitor", reconnect_after_s=1.0, backoff_s=(0.2,))
    visitor = acquisition.visitor
    states = record_states(acquisition)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    faults = {
        300: lambda: visitor.radio_gap(1.0),
        550: visitor.take_off_headset,  # 1 s of garbage, then silence, a reconnect, failed retries
        900: visitor.put_on_headset,
    }
    seen, lost = drive_markers(qtbot, acquisition, 1000, faults)
    assert "disconnected" in states and states[-1] == "streaming"
    assert_each_marker_once_in_order_or_reported(seen, lost, 1000, acquisition, caplog)
    # ~125 markers a second: the gap ate ~125, the silent part of the headset-off time ~200 more.
    assert 150 <= len(lost) <= 600, len(lost)
    qtbot.wait(600)
    assert acquisition.stats.markers_lost == len(lost)
    assert acquisition.stats.markers_inserted == len(seen)


def test_a_thousand_back_to_back_markers_on_brainflows_synthetic_board_all_arrive(
    qtbot, acquisitions, caplog
):
    acquisition = acquisitions("synthetic")
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 50, timeout=10_000)
    seen, lost = drive_markers(qtbot, acquisition, 1000, {})
    assert_each_marker_once_in_order_or_reported(seen, lost, 1000, acquisition, caplog)
    assert lost == []


def test_samples_lost_while_the_headset_was_off_long_enough_to_reconnect_are_counted(qtbot, acquisitions):
    acquisition = acquisitions("virtual_visitor", reconnect_after_s=1.0, backoff_s=(0.3,))
    visitor = acquisition.visitor
    states = record_states(acquisition)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 250, timeout=5_000)
    first = acquisition.stream.latest(60.0)
    visitor.take_off_headset()
    qtbot.waitUntil(lambda: "disconnected" in states, timeout=5_000)
    qtbot.wait(2_500)  # several failed reconnects while the headset is off: ~3.5 s without data
    visitor.put_on_headset()
    qtbot.waitUntil(lambda: states[-1] == "streaming", timeout=5_000)
    qtbot.wait(1_000)
    window = acquisition.stream.latest(60.0)
    assert window.start == first.start == 0
    span = round((window.timestamps[-1] - window.timestamps[0]) * 250) + 1  # samples the headset took
    lost = int(window.lost_total[-1])
    assert lost > 3 * 250
    assert window.n_samples + lost == pytest.approx(span, abs=2)
    assert not window.intact() and window.gap_samples == lost
    qtbot.wait(600)
    assert acquisition.stats.lost_samples == lost


class NaNBoard(SimulatedBoard):
    """A driver that delivers one NaN and one inf now and then on channel 2."""

    def get_board_data(self):
        block = super().get_board_data()
        if block.shape[1] > 3:
            block[3, 1] = np.nan
            block[3, 2] = np.inf
        return block


def test_nan_and_inf_samples_never_reach_the_filter_and_mark_the_channel_invalid(qtbot, acquisitions):
    board = NaNBoard(4, 250, seed=1)
    acquisition = acquisitions(board=board)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 500, timeout=5_000)
    raw, filtered = acquisition.stream.latest(2.0, filtered=False), acquisition.stream.latest(2.0)
    assert np.isfinite(raw.data).all() and np.isfinite(filtered.data).all()
    assert raw.invalid[2].any() and not raw.invalid[[0, 1, 3]].any()
    assert np.abs(filtered.data[2]).max() < 1000  # the stand-in value is the channel's last one
    quality = acquisition.stream.channel_quality()
    assert quality[2] is ChannelQuality.INVALID and quality[0] is ChannelQuality.GOOD
    assert not raw.intact() and raw.intact([0, 1, 3])
    qtbot.wait(600)
    assert acquisition.stats.invalid_values > 0


def test_restarting_leaves_no_threads_or_timers_behind(qtbot, acquisitions):
    acquisition = acquisitions(board=SimulatedBoard(4, 250, seed=1))

    def timers() -> int:
        gc.collect()
        return sum(isinstance(obj, QTimer) for obj in gc.get_objects())

    threads_before, timers_before = threading.active_count(), timers()
    for _ in range(10):
        acquisition.start()
        qtbot.waitUntil(lambda: acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
        assert acquisition.stop()
    assert threading.active_count() == threads_before
    assert timers() == timers_before


@pytest.mark.parametrize("profile_key", ["virtual_visitor", "synthetic"])
def test_a_stopped_acquisition_is_freed_when_its_last_user_lets_go(qtbot, qapp, profile_key):
    """Not left to the cyclic collector: that one destroys the Qt objects whenever and in whichever
    thread it happens to run (the handle and its worker referred to each other)."""
    acquisition = Acquisition(find_profile(profile_key))
    handle, worker = weakref.ref(acquisition), weakref.ref(acquisition._worker)
    acquisition.start()
    qtbot.waitUntil(lambda: handle().state is AcquisitionState.STREAMING, timeout=10_000)
    assert acquisition.stop()
    qtbot.wait(50)  # the worker's last queued signals are delivered
    gc.disable()
    try:
        del acquisition
        assert handle() is None and worker() is None
    finally:
        gc.enable()


class SteppedClockBoard(SimulatedBoard):
    """A driver whose stamps come from a wall clock set 30 s forward after 1 s, and (``nan_every``)
    every so many blocks' stamps NaN (a driver that failed to read the clock)."""

    def __init__(self, *args, nan_every: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.nan_every = nan_every
        self.blocks = 0
        self.step_at = time.time() + 1.0

    def get_board_data(self):
        block = super().get_board_data()
        if block.shape[1]:
            self.blocks += 1
            stamps = block[self.layout.timestamp_row]
            stamps[stamps > self.step_at] += 30.0
            if self.nan_every and self.blocks % self.nan_every == 0:
                stamps[:] = np.nan
        return block


@pytest.mark.parametrize("nan_every", [0, 3], ids=["clock step", "clock step and NaN stamps"])
def test_nan_stamps_and_a_30_s_step_of_the_clock_lose_no_sample_and_no_marker(qtbot, acquisitions, nan_every):
    board = SteppedClockBoard(4, 250, seed=2, nan_every=nan_every)
    acquisition = acquisitions(board=board)
    states = record_states(acquisition)
    errors: list[str] = []
    lost: list[float] = []
    acquisition.sigError.connect(errors.append)
    acquisition.sigMarkerLost.connect(lost.append)
    acquisition.start()
    qtbot.waitUntil(lambda: acquisition.stream.total_samples > 50, timeout=5_000)
    for code in range(1, 21):  # before and after the step (in its clock, as the stimulus asks)
        at = time.time()
        acquisition.insert_marker(float(code), at + 30.0 if at > board.step_at else at)
        qtbot.wait(100)
    qtbot.wait(600)
    window = acquisition.stream.latest(60.0)
    assert errors == [] and "disconnected" not in states
    assert acquisition.stats.lost_samples == 0 and window.intact()
    assert np.isfinite(window.timestamps).all()
    assert window.markers[window.markers != 0].tolist() == [float(code) for code in range(1, 21)]
    assert lost == []
