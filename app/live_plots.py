"""Live plots any demo can embed: scrolling time series, spectrum and band powers.

The panel pulls the newest window from the :class:`~drivers.stream.Stream` on a ~16 ms timer (it is
never pushed arrays). One ``GraphicsLayoutWidget`` holds all three plots so each frame is a single
paint. The curves use pyqtgraph's fast paths: peak downsampling, clip-to-view, no finite check,
1 px pens, no antialiasing. The spectrum and band powers change slowly, so they refresh at ~8 Hz.

The time axis is "seconds before now" on the display clock, so the trace scrolls smoothly even
between the worker's 20 ms chunks, and the newest sample's age is what the frame meter reports
as sample-to-screen latency.
"""

from __future__ import annotations

import time
from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from drivers.dsp import BANDS, welch_spectrum
from drivers.stream import Stream

FRAME_INTERVAL_MS = 16
SPECTRUM_EVERY_N_FRAMES = 8
SPECTRUM_WINDOW_S = 2.0
SPECTRUM_RANGE_HZ = (1.0, 60.0)
RESCALE_EVERY_N_FRAMES = 30
RESCALE_WINDOW_S = 2.0
MAX_MARKER_LINES = 32
BAND_LABELS_SOURCE = {
    "delta": QT_TRANSLATE_NOOP("LivePlots", "δ delta"),
    "theta": QT_TRANSLATE_NOOP("LivePlots", "θ theta"),
    "alpha": QT_TRANSLATE_NOOP("LivePlots", "α alpha"),
    "beta": QT_TRANSLATE_NOOP("LivePlots", "β beta"),
    "gamma": QT_TRANSLATE_NOOP("LivePlots", "γ gamma"),
}

pg.setConfigOptions(antialias=False, background="w", foreground="#333")


class FrameMeter:
    """Counts painted frames and the age of the newest sample on each (for fps and latency)."""

    def __init__(self, keep: int = 20_000) -> None:
        self.frame_times: deque[float] = deque(maxlen=keep)
        self.latencies_s: deque[float] = deque(maxlen=keep)

    def record(self, painted_at: float, newest_sample_time: float | None) -> None:
        self.frame_times.append(painted_at)
        if newest_sample_time is not None:
            self.latencies_s.append(painted_at - newest_sample_time)

    def fps(self, over_s: float = 2.0) -> float:
        if len(self.frame_times) < 2:
            return 0.0
        newest = self.frame_times[-1]
        recent = [t for t in self.frame_times if newest - t <= over_s]
        span = recent[-1] - recent[0]
        return (len(recent) - 1) / span if span > 0 else 0.0


class _TimedLayoutWidget(pg.GraphicsLayoutWidget):
    """A layout widget that says when a frame has actually been painted."""

    sigPainted = Signal(float)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.sigPainted.emit(time.time())


class _SecondsAgoAxis(pg.AxisItem):
    def tickStrings(self, values, scale, spacing):
        return [f"{value:g}" for value in values]


class LiveSignalPanel(QWidget):
    """Time series per channel, Welch spectrum (log power) and band-power bars of one stream."""

    sigFrame = Signal()

    def __init__(self, stream: Stream, *, seconds: float = 5.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.seconds = seconds
        self.meter = FrameMeter()
        self._frame = 0
        self._spacing = 50.0  # µV between channel baselines; auto-scaled from the data
        self._shown_newest_time: float | None = None
        self._band_fractions = np.zeros(len(BANDS))

        self.view = _TimedLayoutWidget()
        self.view.sigPainted.connect(self._on_painted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        n = stream.n_channels
        pens = [pg.mkPen(pg.intColor(i, hues=max(n, 8), values=1, maxValue=200), width=1) for i in range(n)]

        self.time_plot = self.view.addPlot(
            row=0, col=0, rowspan=2, axisItems={"bottom": _SecondsAgoAxis("bottom")}
        )
        self.time_plot.setMouseEnabled(x=False, y=False)
        self.time_plot.hideButtons()
        self.time_plot.setMenuEnabled(False)
        self.time_plot.setXRange(-seconds, 0, padding=0)
        self.curves = []
        for pen in pens:
            curve = self.time_plot.plot(pen=pen, skipFiniteCheck=True)
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)
        self._marker_lines = []
        for _ in range(MAX_MARKER_LINES):
            line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#d62728", width=1, style=Qt.PenStyle.DashLine))
            line.setVisible(False)
            self.time_plot.addItem(line, ignoreBounds=True)
            self._marker_lines.append(line)

        self.spectrum_plot = self.view.addPlot(row=0, col=1)
        self.spectrum_plot.setLogMode(x=False, y=True)
        self.spectrum_plot.setMouseEnabled(x=False, y=False)
        self.spectrum_plot.hideButtons()
        self.spectrum_plot.setMenuEnabled(False)
        nyquist = stream.sampling_rate / 2
        self.spectrum_plot.setXRange(SPECTRUM_RANGE_HZ[0], min(SPECTRUM_RANGE_HZ[1], nyquist), padding=0)
        self.spectrum_curves = [self.spectrum_plot.plot(pen=pen, skipFiniteCheck=True) for pen in pens]

        self.band_plot = self.view.addPlot(row=1, col=1)
        self.band_plot.setMouseEnabled(x=False, y=False)
        self.band_plot.hideButtons()
        self.band_plot.setMenuEnabled(False)
        self.band_plot.setYRange(0, 100, padding=0)
        self.band_plot.setXRange(-0.6, len(BANDS) - 0.4, padding=0)
        self.band_bars = pg.BarGraphItem(
            x=np.arange(len(BANDS)), height=np.zeros(len(BANDS)), width=0.7, brush="#4c72b0"
        )
        self.band_plot.addItem(self.band_bars)
        self.view.ci.layout.setColumnStretchFactor(0, 3)
        self.view.ci.layout.setColumnStretchFactor(1, 2)

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    # --- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.time_plot.setLabel("bottom", QCoreApplication.translate("LivePlots", "seconds ago"))
        self.spectrum_plot.setTitle(QCoreApplication.translate("LivePlots", "Spectrum"))
        self.spectrum_plot.setLabel("bottom", QCoreApplication.translate("LivePlots", "frequency (Hz)"))
        self.spectrum_plot.setLabel("left", QCoreApplication.translate("LivePlots", "power (µV²/Hz)"))
        self.band_plot.setTitle(QCoreApplication.translate("LivePlots", "Band power (% of total)"))
        names = [QCoreApplication.translate("LivePlots", BAND_LABELS_SOURCE[band]) for band in BANDS]
        self.band_plot.getAxis("bottom").setTicks([list(enumerate(names))])
        self._update_scale_title()

    def _update_scale_title(self) -> None:
        self.time_plot.setTitle(
            QCoreApplication.translate("LivePlots", "EEG, %1 µV between channels").replace(
                "%1", f"{self._spacing:.0f}"
            )
        )

    # --- frames -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Pull the newest window and redraw (called by the frame timer; public for tests)."""
        stream = self.stream
        window = stream.latest(self.seconds)
        n = window.n_samples
        if n == 0:
            return
        self._frame += 1
        rate = stream.sampling_rate
        newest_time = float(window.timestamps[-1])
        age = max(0.0, time.time() - newest_time)
        x = (np.arange(n) - (n - 1)) / rate - age
        if self._frame % RESCALE_EVERY_N_FRAMES == 1:
            self._rescale(window.data[:, -int(RESCALE_WINDOW_S * rate) :])
        offsets = -self._spacing * np.arange(stream.n_channels)
        for curve, row, offset in zip(self.curves, window.data, offsets, strict=True):
            curve.setData(x, np.clip(row, -self._spacing, self._spacing) + offset)
        self._show_markers(x, window.markers)
        if self._frame % SPECTRUM_EVERY_N_FRAMES == 1:
            self._refresh_spectrum(window.data[:, -int(SPECTRUM_WINDOW_S * rate) :])
        self._shown_newest_time = newest_time
        self.sigFrame.emit()

    def _rescale(self, data: np.ndarray) -> None:
        """Baseline spacing from the median channel's robust range; railed channels don't dominate.

        Neighbours may touch at their extremes (0.8 × range) but each trace is clipped to ±spacing.
        """
        low, high = np.percentile(data, [1, 99], axis=1)
        spread = 0.8 * float(np.median(high - low))
        if not np.isfinite(spread) or spread <= 0:
            return
        spacing = _nice_step(spread)
        if spacing != self._spacing:
            self._spacing = spacing
            n = self.stream.n_channels
            self.time_plot.setYRange(-spacing * (n - 0.5), spacing * 0.5, padding=0)
            self._update_scale_title()
        ticks = [(-spacing * i, name) for i, name in enumerate(self.stream.channel_names)]
        self.time_plot.getAxis("left").setTicks([ticks])

    def _show_markers(self, x: np.ndarray, markers: np.ndarray) -> None:
        positions = x[np.flatnonzero(markers)][-MAX_MARKER_LINES:]
        for index, line in enumerate(self._marker_lines):
            if index < len(positions):
                line.setValue(float(positions[index]))
                line.setVisible(True)
            elif line.isVisible():
                line.setVisible(False)

    def _refresh_spectrum(self, data: np.ndarray) -> None:
        if data.shape[1] < 16:
            return
        spectrum = welch_spectrum(data, self.stream.sampling_rate)
        low, high = SPECTRUM_RANGE_HZ
        band = (spectrum.freqs >= low) & (spectrum.freqs <= high)
        freqs = spectrum.freqs[band]
        power = np.maximum(spectrum.power[:, band], 1e-6)  # log axis: keep zeros finite
        for curve, row in zip(self.spectrum_curves, power, strict=True):
            curve.setData(freqs, row)
        powers = spectrum.band_powers().mean(axis=0)
        total = powers.sum()
        self._band_fractions = 100 * powers / total if total > 0 else np.zeros_like(powers)
        self.band_bars.setOpts(height=self._band_fractions)

    @property
    def band_fractions(self) -> np.ndarray:
        """Mean relative band power (%) over channels, delta..gamma, as last displayed."""
        return self._band_fractions

    def _on_painted(self, painted_at: float) -> None:
        self.meter.record(painted_at, self._shown_newest_time)


def _nice_step(value: float) -> float:
    """Round up to 1, 2 or 5 × 10^k so the scale reads well (e.g. 37 -> 50)."""
    exponent = np.floor(np.log10(value))
    for mantissa in (1, 2, 5, 10):
        step = mantissa * 10**exponent
        if step >= value:
            return float(step)
    return float(10 ** (exponent + 1))
