"""The visit log: every sample at its exact stream position, markers found, gaps and invalid values refused."""

from __future__ import annotations

import numpy as np

from demos.mi_cursor.processing import band_pass_sos
from demos.mi_cursor.session import VisitLog
from drivers.analysis.dsp import CausalFilter
from drivers.boards.profiles import find_profile
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer

RATE = 100


def make_log(keep_s: float = 4.0, capacity_s: float = 3.0) -> tuple[RingBuffer, VisitLog]:
    profile = find_profile("virtual_visitor")
    buffer = RingBuffer(len(profile.channels), round(capacity_s * RATE))
    log = VisitLog(Stream(buffer, profile, RATE), [5, 7], keep_s=keep_s)
    return buffer, log


def write(
    buffer: RingBuffer, n: int, *, marker_at: int | None = None, lost: int = 0, invalid_at=None
) -> None:
    start = buffer.total_written
    data = np.tile(np.arange(start, start + n, dtype=float), (buffer.n_channels, 1))
    markers = np.zeros(n)
    if marker_at is not None:
        markers[marker_at] = 401
    previous = 0 if start == 0 else buffer.latest(1).lost_total[-1]
    lost_total = np.full(n, previous + lost, dtype=np.int64)
    mask = np.zeros((buffer.n_channels, n), dtype=bool)
    if invalid_at is not None:
        mask[5, invalid_at] = True
    buffer.write(data, data, np.arange(start, start + n) / RATE, markers, lost_total, mask)


def test_positions_stay_exact_when_the_log_drops_its_oldest_samples():
    buffer, log = make_log(keep_s=4.0)
    for _ in range(30):  # 6 s through a 4 s log, in 20-sample chunks
        write(buffer, 20)
        log.update()
    assert log.end == 600
    window = log.span(450, 460, filtered=False)
    assert window is not None and np.array_equal(window[0], np.arange(450, 460))
    assert log.span(100, 110) is None  # dropped long ago


def test_markers_are_found_at_their_sample():
    buffer, log = make_log()
    write(buffer, 50, marker_at=17)
    log.update()
    assert log.marker_positions({401}) == [(17, 401, 0.17)]


def test_a_loss_or_an_invalid_value_refuses_the_windows_that_hold_them():
    buffer, log = make_log()
    write(buffer, 100)
    write(buffer, 100, lost=5)  # 5 samples lost before position 100
    write(buffer, 100, invalid_at=50)  # position 250 arrived as NaN on channel 5 (C3)
    log.update()
    assert log.span(0, 100) is not None and log.span(100, 200) is not None  # the loss is before 100
    assert log.span(50, 150) is None
    assert log.span(200, 250) is not None and log.span(250, 260) is None and log.span(240, 251) is None


def test_samples_the_reader_missed_are_zeros_it_refuses_and_the_filter_restarts_cleanly():
    buffer, log = make_log(capacity_s=1.0)
    write(buffer, 50)
    log.update()
    write(buffer, 250)  # 2.5 s into a 1 s buffer: 150 samples overwritten before the log read them
    log.update()
    assert log.end == 300  # positions 50-199 were overwritten: kept as zeros, refused
    assert log.span(60, 70) is None and log.span(190, 201) is None
    raw = log.span(200, 300, filtered=False)
    assert raw is not None and np.array_equal(raw[0], np.arange(200, 300))
    # The band-pass starts afresh on the first real sample, as if the stream began there.
    fresh = CausalFilter(band_pass_sos(RATE), 2)(raw)
    assert np.allclose(log.span(200, 300), fresh)
