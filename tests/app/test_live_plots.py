"""The live panel draws what is in the buffer: traces, spectrum peak, band powers, markers."""

from __future__ import annotations

import time

import numpy as np
import pytest

from app.live_plots import LiveSignalPanel
from drivers.profiles import find_profile
from drivers.ringbuffer import RingBuffer
from drivers.stream import Stream

FS = 250


@pytest.fixture
def alpha_stream():
    """Four channels of a 10 µV, 10 Hz rhythm (posterior alpha) with one marker, ending now."""
    profile = find_profile("muse2")
    buffer = RingBuffer(4, 60 * FS)
    n = 8 * FS
    t = np.arange(n) / FS
    rng = np.random.default_rng(0)
    data = 10 * np.sin(2 * np.pi * 10 * t) + rng.standard_normal((4, n))
    markers = np.zeros(n)
    markers[n - FS] = 7.0  # one second ago
    timestamps = time.time() - (n - 1 - np.arange(n)) / FS
    buffer.write(data, data, timestamps, markers)
    return Stream(buffer, profile, FS)


def test_panel_draws_every_channel_for_the_chosen_seconds(qtbot, alpha_stream):
    panel = LiveSignalPanel(alpha_stream, seconds=5.0)
    qtbot.addWidget(panel)
    panel.refresh()
    assert len(panel.curves) == 4
    for curve in panel.curves:
        x = curve.xData  # all of it; getData() is what clip-to-view and downsampling leave
        assert len(x) == 5 * FS
        assert x[-1] - x[0] == pytest.approx(5 - 1 / FS)
        assert -1.0 < x[-1] <= 0.0  # the newest sample sits at its age on the display clock
        assert curve.opts["clipToView"] and curve.opts["autoDownsample"] and curve.opts["skipFiniteCheck"]
        assert curve.opts["pen"].width() in (0, 1)
    ticks = [name for _pos, name in panel.time_plot.getAxis("left")._tickLevels[0]]
    assert ticks == ["TP9", "AF7", "AF8", "TP10"]
    assert panel._spacing == 20  # a ±10 µV rhythm: channels 20 µV apart, the scale in the title
    assert "20 µV" in panel.time_plot.titleLabel.text


def test_spectrum_peaks_at_the_rhythm_and_alpha_dominates_the_bands(qtbot, alpha_stream):
    panel = LiveSignalPanel(alpha_stream)
    qtbot.addWidget(panel)
    panel.refresh()
    freqs, power = panel.spectrum_curves[0].getData()
    assert freqs[0] >= 1.0 and freqs[-1] <= 60.0
    assert freqs[np.argmax(power)] == pytest.approx(10.0, abs=1.0)
    assert np.argmax(panel.band_fractions) == 2  # delta theta [alpha] beta gamma
    assert panel.band_fractions[2] > 80
    assert panel.band_fractions.sum() == pytest.approx(100)


def test_markers_are_drawn_where_they_happened(qtbot, alpha_stream):
    panel = LiveSignalPanel(alpha_stream)
    qtbot.addWidget(panel)
    panel.refresh()
    visible = [line for line in panel._marker_lines if line.isVisible()]
    assert len(visible) == 1
    newest_x = panel.curves[0].xData[-1]
    assert visible[0].value() - newest_x == pytest.approx(-(FS - 1) / FS)  # one second before the newest


def test_panel_pulls_on_its_timer_and_measures_frames(qtbot, alpha_stream):
    panel = LiveSignalPanel(alpha_stream)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    panel.start()
    qtbot.waitUntil(lambda: len(panel.meter.frame_times) >= 10, timeout=5_000)
    panel.stop()
    assert not panel.is_running
    assert panel.meter.fps() > 0
    assert all(latency > 0 for latency in panel.meter.latencies_s)  # age of the newest sample on screen
