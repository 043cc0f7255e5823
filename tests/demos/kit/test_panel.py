"""The live panel draws what is in the buffer: traces, spectrum peak, band powers, markers."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtGui import QColor

from demos.kit.panel import LiveSignalPanel, peak_decimate
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


@pytest.fixture
def panel(qtbot, alpha_stream):
    """The panel on screen at kiosk size (its pixel width decides decimation)."""
    shown = LiveSignalPanel(alpha_stream, seconds=5.0)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    return shown


def test_panel_draws_every_channel_for_the_chosen_seconds(panel, alpha_stream):
    panel.refresh()
    window = alpha_stream.latest(5.0)
    for channel in range(4):
        points = panel.traces.channel_points(channel)
        x, y = points[:, 0], points[:, 1]
        assert len(x) == 5 * FS  # 1,250 samples fit the plot's pixel columns: no decimation
        assert x[-1] - x[0] == pytest.approx(5 - 1 / FS)
        assert -1.0 < x[-1] <= 0.0  # the newest sample sits at its age on the display clock
        np.testing.assert_allclose(y, window.data[channel] - 20 * channel)  # baseline 20 µV apart
    assert all(pen.width() in (0, 1) and pen.isCosmetic() for pen in panel.traces._pens)
    ticks = [name for _pos, name in panel.time_plot.getAxis("left")._tickLevels[0]]
    assert ticks == ["TP9", "AF7", "AF8", "TP10"]
    assert panel._spacing == 20  # a ±10 µV rhythm: channels 20 µV apart, the scale in the title
    assert "20 µV" in panel.time_plot.titleLabel.text


def test_spectrum_peaks_at_the_rhythm_and_alpha_dominates_the_bands(qtbot, panel):
    panel.refresh()
    points = panel.spectrum.channel_points(0)
    freqs, log_power = points[:, 0], points[:, 1]
    assert freqs[0] >= 1.0 and freqs[-1] <= 60.0
    assert freqs[np.argmax(log_power)] == pytest.approx(10.0, abs=1.0)
    assert log_power.max() == pytest.approx(np.log10(50 / 1.5), abs=0.3)  # A²/2 over Hann's 1.5 bins
    assert np.argmax(panel.band_fractions) == 2  # delta theta [alpha] beta gamma
    assert panel.band_fractions[2] > 80
    assert panel.band_fractions.sum() == pytest.approx(100)


def test_markers_are_drawn_where_they_happened(qtbot, panel):
    panel.refresh()
    assert len(panel.traces.marker_x) == 1
    newest_x = panel.traces.channel_points(0)[-1, 0]
    assert panel.traces.marker_x[0] + panel.traces.x_shift - newest_x == pytest.approx(
        -(FS - 1) / FS
    )  # one second before the newest


def test_panel_pulls_on_its_timer_and_measures_frames(qtbot, panel):
    panel.start()
    qtbot.waitUntil(lambda: len(panel.meter.frame_times) >= 10, timeout=5_000)
    panel.stop()
    assert not panel.is_running
    assert panel.meter.fps() > 0
    assert all(latency > 0 for latency in panel.meter.latencies_s)  # age of the newest sample on screen


def test_more_samples_than_pixels_keeps_each_columns_extremes():
    x = np.arange(10_000) / 1000.0
    data = np.zeros((2, 10_000))
    data[0, 5_003] = 300.0  # a one-sample spike must survive decimation
    data[1, 7_777] = -80.0
    dx, dy = peak_decimate(x, data, columns=500)
    assert dy.shape == (2, 1000) and len(dx) == 1000
    assert dy[0].max() == 300.0 and dy[1].min() == -80.0
    assert dx[-1] <= x[-1] and dx[0] >= x[0]
    _same_x, same = peak_decimate(x[:1000], data[:, :1000], columns=500)
    assert same.shape == (2, 1000)  # two samples per column: drawn as they are


def test_rendered_panel_shows_traces_spectrum_bars_and_titles(qtbot, panel):
    """Look at the pixels, as a person would: every plot has ink where it should."""
    panel.refresh()
    image = panel.view.grab().toImage()

    def region_has(colour: str, plot) -> bool:
        rect = plot.sceneBoundingRect().toRect()
        wanted = QColor(colour).rgb()
        return any(
            image.pixel(x, y) == wanted
            for x in range(max(rect.left(), 0), min(rect.right(), image.width()), 2)
            for y in range(max(rect.top(), 0), min(rect.bottom(), image.height()), 2)
        )

    first_pen = panel.traces._pens[0].color().name()
    assert region_has(first_pen, panel.time_plot.vb)
    assert region_has(first_pen, panel.spectrum_plot.vb)
    assert region_has("#4c72b0", panel.band_plot.vb)  # the alpha bar is drawn, not clipped away
    for plot in (panel.time_plot, panel.spectrum_plot, panel.band_plot):
        assert plot.titleLabel.isVisible() and plot.titleLabel.text
