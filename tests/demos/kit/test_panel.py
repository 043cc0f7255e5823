"""The live panel draws what is in the buffer: traces, spectrum peak, band powers, markers."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtGui import QColor

from demos.kit.panel import SPACING_RANGE_UV, LiveSignalPanel, peak_decimate
from drivers.boards.profiles import find_profile
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer

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


def _stream_of(data: np.ndarray, raw: np.ndarray | None = None) -> Stream:
    """A muse-sized stream holding ``data`` (filtered) and ``raw``, ending now."""
    n = data.shape[1]
    buffer = RingBuffer(data.shape[0], 60 * FS)
    timestamps = time.time() - (n - 1 - np.arange(n)) / FS
    buffer.write(data if raw is None else raw, data, timestamps, np.zeros(n))
    return Stream(buffer, find_profile("muse2"), FS)


def _panel_on(qtbot, stream: Stream) -> LiveSignalPanel:
    shown = LiveSignalPanel(stream, seconds=5.0)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    return shown


def test_a_railed_channel_does_not_blow_up_the_spacing(qtbot):
    n = 8 * FS
    t = np.arange(n) / FS
    raw = np.vstack([10 * np.sin(2 * np.pi * 10 * t)] * 4)
    raw[[1, 3]] = 187_500.0  # AF7's and TP10's inputs at the rail: half the channels
    filtered = raw.copy()
    filtered[[1, 3]] = 187_500.0 * np.exp(-t)  # what the display filter makes of the step into the rail
    panel = _panel_on(qtbot, _stream_of(filtered, raw))
    panel.refresh()
    assert panel._spacing == 20  # the working channels decide, as without the railed ones
    assert "20 µV" in panel.time_plot.titleLabel.text
    np.testing.assert_array_less(np.abs(panel.traces.channel_points(1)[:, 1] + 20), 20 + 1e-6)  # clipped


def test_with_the_headset_off_the_spacing_stays_sane(qtbot):
    rng = np.random.default_rng(3)
    garbage = 3000 * rng.standard_normal((4, 8 * FS))
    raw = garbage.copy()
    raw[::2] = 187_500.0  # every other input at the rail, the rest picking up the room
    panel = _panel_on(qtbot, _stream_of(garbage, raw))
    panel.refresh()
    low, high = SPACING_RANGE_UV
    assert low <= panel._spacing <= high
    assert "200000" not in panel.time_plot.titleLabel.text


def test_huge_but_unrailed_channels_are_clamped_to_the_largest_sane_spacing(qtbot):
    t = np.arange(8 * FS) / FS
    data = np.vstack([450 * np.sin(2 * np.pi * 3 * t + k) for k in range(4)])  # all above any EEG
    panel = _panel_on(qtbot, _stream_of(data))
    panel.refresh()
    assert panel._spacing == SPACING_RANGE_UV[1]


def test_no_signal_shows_when_nothing_arrives(qtbot):
    empty = Stream(RingBuffer(4, 60 * FS), find_profile("muse2"), FS)
    panel = _panel_on(qtbot, empty)
    panel.refresh()
    assert panel.shows_no_signal
    assert panel.no_signal_label.isVisible() and panel.no_signal_label.text() == "No signal"
    label = panel.no_signal_label.geometry()
    traces = panel.view.mapFromScene(panel.time_plot.vb.sceneBoundingRect()).boundingRect()
    traces.moveTopLeft(panel.view.mapTo(panel, traces.topLeft()))
    assert traces.contains(label)  # over the traces, centred
    assert (
        abs(label.center().x() - traces.center().x()) <= 2
        and abs(label.center().y() - traces.center().y()) <= 2
    )
    t = np.arange(2 * FS) / FS
    data = np.vstack([10 * np.sin(2 * np.pi * 10 * t)] * 4)
    empty._buffer.write(data, data, time.time() - (len(t) - 1 - np.arange(len(t))) / FS, np.zeros(len(t)))
    panel.refresh()
    assert not panel.shows_no_signal  # data arrived: the traces speak for themselves


def test_no_signal_shows_when_the_data_stops(qtbot, panel):
    panel.refresh()
    assert not panel.shows_no_signal
    panel._last_arrival -= 1.5  # as if a second and a half had passed without a sample
    panel.refresh()
    assert panel.shows_no_signal
