"""A consumer's tape: bounded history by absolute position, gaps and invalid values, markers, filters."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.analysis.dsp import CausalFilter, display_filter_sos
from drivers.boards.profiles import find_profile
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer
from drivers.stream.tape import DISPLAY, Tape

RATE = 100
SOS = display_filter_sos(RATE, 50.0)


def make_stream(capacity_s: float = 3.0) -> tuple[RingBuffer, Stream]:
    profile = find_profile("virtual_visitor")
    buffer = RingBuffer(len(profile.channels), round(capacity_s * RATE))
    return buffer, Stream(buffer, profile, RATE)


def write(buffer: RingBuffer, n: int, *, lost: int = 0, marker_at: int | None = None, values=None) -> None:
    """``n`` samples whose raw values are a 7 Hz sine plus the channel's number (filtered: the
    raw value's negative); ``lost`` samples lost before the first."""
    start = buffer.total_written
    t = np.arange(start, start + n) / RATE
    data = np.sin(2 * np.pi * 7 * t) + np.arange(buffer.n_channels)[:, None] if values is None else values
    markers = np.zeros(n)
    if marker_at is not None:
        markers[marker_at] = 9
    previous = 0 if start == 0 else buffer.latest(1).lost_total[-1]
    buffer.write(data, -data, t, markers, np.full(n, previous + lost, dtype=np.int64))


def test_it_holds_at_least_keep_s_by_absolute_position():
    buffer, stream = make_stream()
    tape = Tape(stream, [2, 4], keep_s=2.0)
    for _ in range(40):
        write(buffer, 17)
        tape.update()
    assert tape.end == 680 and tape.end - tape.start >= 200
    np.testing.assert_array_equal(tape.raw(600, 610), buffer.latest(80, filtered=False).data[[2, 4], :10])
    assert not tape.holds(100, 110)
    with pytest.raises(ValueError, match="not held"):
        tape.raw(100, 110)


def test_gaps_and_invalid_values_make_a_stretch_not_whole():
    buffer, stream = make_stream()
    tape = Tape(stream, keep_s=5.0)
    write(buffer, 50)
    write(buffer, 50, lost=3)
    values = np.zeros((buffer.n_channels, 50))
    values[1, 20] = np.nan  # written by someone other than the worker: found here, set to zero
    write(buffer, 50, values=values)
    tape.update()
    assert tape.lost(0, 150).tolist() == [0] * 50 + [3] + [0] * 99
    assert tape.whole(0, 50) and tape.whole(50, 100) and not tape.whole(49, 51)
    assert tape.invalid(120, 121)[:, 0].tolist() == [i == 1 for i in range(buffer.n_channels)]
    assert tape.raw(120, 121)[1, 0] == 0.0 and not tape.whole(110, 130) and tape.whole(121, 150)


def test_samples_the_reader_missed_are_invalid_zeros_and_counted_lost_before_the_next():
    buffer, stream = make_stream(capacity_s=1.0)
    tape = Tape(stream, [0], keep_s=5.0, filtered=SOS)
    write(buffer, 50)
    tape.update()
    write(buffer, 250)  # 150 samples overwritten before the tape read them
    assert tape.update() == 250
    assert tape.end == 300 and tape.invalid(50, 200).all() and not tape.raw(50, 200).any()
    assert tape.lost(200, 201)[0] == 150 and tape.whole(200, 300)
    # The filter starts afresh on the first real sample, as if the stream began there.
    fresh = CausalFilter(SOS, 1)(tape.raw(200, 300))
    np.testing.assert_allclose(tape.filtered(200, 300), fresh)


def test_its_filter_restarts_at_a_gap_and_at_a_jump_no_eeg_makes():
    buffer, stream = make_stream()
    tape = Tape(stream, [0], keep_s=5.0, filtered=SOS, restart_jump_uv=1000.0)
    write(buffer, 100)
    tape.update()
    write(buffer, 60, lost=4)
    values = np.full((buffer.n_channels, 80), 5.0)
    values[:, 30:] = 180_000.0  # the input goes to the rail
    write(buffer, 80, values=values)
    tape.update()
    pieces = [(0, 100), (100, 190), (190, 240)]  # restarted at the gap and at the step to the rail
    expected = np.concatenate([CausalFilter(SOS, 1)(tape.raw(a, b)) for a, b in pieces], axis=1)
    np.testing.assert_allclose(tape.filtered(0, 240), expected)


def test_display_keeps_the_streams_filtered_samples_of_the_same_read():
    buffer, stream = make_stream()
    tape = Tape(stream, [3], keep_s=2.0, filtered=DISPLAY, position=0)
    write(buffer, 120)
    tape.update()
    np.testing.assert_array_equal(tape.filtered(0, 120), -tape.raw(0, 120))
    with pytest.raises(ValueError, match="no filtered"):
        Tape(stream, keep_s=1.0).filtered(0, 0)


def test_markers_keep_their_position_until_their_samples_are_dropped():
    buffer, stream = make_stream()
    tape = Tape(stream, keep_s=1.0)
    write(buffer, 50, marker_at=7)
    tape.update()
    assert [(marker.position, marker.code) for marker in tape.markers] == [(7, 9.0)]
    assert tape.markers[0].timestamp == pytest.approx(0.07)
    for _ in range(3):
        write(buffer, 50)
        tape.update()
    assert tape.start > 7 and tape.markers == []


def test_it_starts_where_asked():
    buffer, stream = make_stream()
    write(buffer, 200)
    tape = Tape(stream, keep_s=1.0, position=150)
    assert tape.update() == 50 and (tape.start, tape.end) == (150, 200)
