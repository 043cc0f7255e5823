"""The live signal panel any demo can embed: scrolling time series, spectrum and band powers.

The panel pulls the newest window from the :class:`~drivers.stream.readers.Stream` on a ~16 ms timer (it is
never pushed arrays). One ``GraphicsLayoutWidget`` holds all three plots so each frame is a single
paint, without antialiasing and with 1 px cosmetic pens.

The time series is one :class:`TraceStack` item rather than a PlotDataItem per channel: numpy
writes every channel straight into a preallocated ``QPolygonF`` and ``paint`` draws one polyline
each. Measured here (16 ch x 1,250 points, 62.5 fps offscreen): 16 PlotDataItems with
clip-to-view and peak downsampling took 96 % of a core, 16 PlotCurveItems 63 %, the stack 37 %.
When a window holds more samples than the plot has pixel columns (1 kHz boards), it keeps the
min and max of each column, as pyqtgraph's "peak" downsampling does. The spectrum (the same
kind of item, log10 power under a log-labelled axis) and band powers change slowly, so they
refresh at ~8 Hz.

The time axis is "seconds before now" on the display clock, so the trace scrolls smoothly even
between the worker's 20 ms chunks, and the newest sample's age is what the frame meter reports
as sample-to-screen latency.
"""

from __future__ import annotations

import time
from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPen, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QVBoxLayout, QWidget

from demos.kit.i18n import Retranslating, fill
from demos.kit.widgets import VISITOR_MIN_PX
from drivers.analysis.dsp import BANDS, welch_spectrum
from drivers.analysis.quality import FLAT_BELOW_UV, RAILED_ABOVE_UV
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import Window

FRAME_INTERVAL_MS = 16
SPECTRUM_EVERY_N_FRAMES = 8
SPECTRUM_WINDOW_S = 2.0
SPECTRUM_RANGE_HZ = (1.0, 60.0)
RESCALE_EVERY_N_FRAMES = 30
RESCALE_WINDOW_S = 2.0
#: The trace spacing stays within this range (µV between channel baselines): 5 µV still shows the
#: quietest real EEG (2-5 µV RMS), 500 µV a frontal blink whole. Beyond it a channel is no EEG
#: (a railed input reads 187,500 µV), and scaling to it would flatten every other trace.
SPACING_RANGE_UV = (5.0, 500.0)
#: A channel whose filtered RMS exceeds this is left out of the scaling: no electrode on skin
#: makes it (see drivers.signal_check.OFF_RMS_UV; real EEG stayed below 170 µV).
UNSCALED_RMS_UV = 500.0
#: No new sample for this long (s): the panel says "No signal" over its plots.
NO_SIGNAL_AFTER_S = 1.0
#: Room between the traces and the axes (whose ticks reach 5 px into the plot), so repainting
#: the traces never dirties an axis.
VIEW_MARGIN = 0.02
BAND_LABELS_SOURCE = {
    "delta": QT_TRANSLATE_NOOP("LivePlots", "δ delta"),
    "theta": QT_TRANSLATE_NOOP("LivePlots", "θ theta"),
    "alpha": QT_TRANSLATE_NOOP("LivePlots", "α alpha"),
    "beta": QT_TRANSLATE_NOOP("LivePlots", "β beta"),
    "gamma": QT_TRANSLATE_NOOP("LivePlots", "γ gamma"),
}

pg.setConfigOptions(antialias=False, background="w", foreground="#333")


#: A plot's title (px): a step above its axes' numbers and names.
PLOT_TITLE_PX = 22


def readable_plot(plot: pg.PlotItem) -> None:
    """Give ``plot``'s tick numbers, axis names and title a size a visitor reads from 1 m.

    pyqtgraph draws ticks and axis names in the application's font (9 pt, 12 px) and titles at
    11 pt; every chart a visitor sees goes through here instead. Axis names and titles set later
    (``setLabel``, ``setTitle`` without a size) keep these sizes.
    """
    font = QFont()
    font.setPixelSize(VISITOR_MIN_PX)
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setTickFont(font)
        axis.label.setFont(font)
    plot.titleLabel.opts["size"] = f"{PLOT_TITLE_PX}px"


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


class TraceStack(pg.GraphicsObject):
    """Every channel's trace (already offset to its baseline) and the event markers, in one item."""

    def __init__(self, pens: list[QPen], marker_pen: QPen) -> None:
        super().__init__()
        self._pens = pens
        self._marker_pen = marker_pen
        self._polygons: list[QPolygonF] = []
        self._points: list[np.ndarray] = []  # (n, 2) float64 views into the polygons' memory
        self.marker_x = np.zeros(0)
        self.x_shift = 0.0
        self._x: np.ndarray | None = None
        self._rect = QRectF()

    def set_traces(
        self,
        x: np.ndarray,
        y: np.ndarray,
        marker_x: np.ndarray,
        y_range: tuple[float, float],
        x_range: tuple[float, float] | None = None,
        x_shift: float = 0.0,
    ) -> None:
        """``x`` (n,) shared by all channels, ``y`` (channels, n) in plot units.

        ``x_shift`` moves everything sideways at paint time: a scrolling trace passes the same
        ``x`` array each frame and only its shift changes, so x is written once per window size.
        ``x_range``/``y_range`` bound what is visible: the item claims no more than that, so each
        frame repaints the plot area only, not the axes around it.
        """
        n = len(x)
        if not self._polygons or self._points[0].shape[0] != n or len(self._polygons) != y.shape[0]:
            self._polygons = [pg.functions.create_qpolygonf(n) for _ in range(y.shape[0])]
            self._points = [pg.functions.ndarray_from_qpolygonf(polygon) for polygon in self._polygons]
            self._x = None
        if x is not self._x:
            for points in self._points:
                points[:, 0] = x
            self._x = x
        for points, row in zip(self._points, y, strict=True):
            points[:, 1] = row
        self.marker_x = marker_x
        self.x_shift = x_shift
        left, right = x_range if x_range is not None else (float(x[0]) + x_shift, float(x[-1]) + x_shift)
        rect = QRectF(left, y_range[0], (right - left) or 1.0, y_range[1] - y_range[0])
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def channel_points(self, channel: int) -> np.ndarray:
        """The (x, y) points drawn for one channel, in plot coordinates (a copy)."""
        points = self._points[channel].copy()
        points[:, 0] += self.x_shift
        return points

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *_args) -> None:
        painter.save()
        painter.setClipRect(self._rect)  # never draw outside what we claimed: no stale pixels
        painter.translate(self.x_shift, 0.0)
        for polygon, pen in zip(self._polygons, self._pens, strict=False):
            painter.setPen(pen)
            painter.drawPolyline(polygon)
        if self.marker_x.size:
            painter.setPen(self._marker_pen)
            top, bottom = self._rect.top(), self._rect.bottom()
            for x in self.marker_x:
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.restore()


def peak_decimate(x: np.ndarray, data: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """Min and max of each of about ``columns`` buckets, so no spike is lost when pixels are fewer
    than samples. Returns the data unchanged when it already fits."""
    step = data.shape[1] // max(columns, 1)
    if step <= 2:  # min/max pairs of two samples would draw as many points as the samples
        return x, data
    usable = data.shape[1] // step * step
    start = data.shape[1] - usable  # keep the newest samples aligned to the right edge
    buckets = data[:, start:].reshape(data.shape[0], -1, step)
    extremes = np.stack([buckets.min(axis=2), buckets.max(axis=2)], axis=2).reshape(data.shape[0], -1)
    return np.repeat(x[start::step], 2), extremes


class LiveSignalPanel(Retranslating, QWidget):
    """Time series per channel, Welch spectrum (log power) and band-power bars of one stream."""

    def __init__(self, stream: Stream, *, seconds: float = 5.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.seconds = seconds
        self.meter = FrameMeter()
        self._frame = 0
        self._spacing = 50.0  # µV between channel baselines; auto-scaled from the data
        self._shown_newest_time: float | None = None
        self._x_cache: np.ndarray | None = None
        self._decimated_x: np.ndarray | None = None
        self._y_buffer: np.ndarray | None = None
        self._band_fractions = np.zeros(len(BANDS))
        self._seen_total: int | None = None
        #: Channels that carried EEG at the last rescale; only they set the spectrum's range too.
        self._usable: np.ndarray | None = None
        self._last_arrival: float | None = None

        self.view = _TimedLayoutWidget()
        # Items here draw with 1 px cosmetic pens and no antialiasing, so Qt need not widen every
        # update by 2 px to cover antialiased edges.
        self.view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.view.sigPainted.connect(self._on_painted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        n = stream.n_channels
        pens = [pg.mkPen(pg.intColor(i, hues=max(n, 8), values=1, maxValue=200), width=1) for i in range(n)]

        self.time_plot = self.view.addPlot(row=0, col=0, rowspan=2)
        self.time_plot.setMouseEnabled(x=False, y=False)
        self.time_plot.hideButtons()
        self.time_plot.setMenuEnabled(False)
        self.time_plot.setXRange(-seconds, 0, padding=VIEW_MARGIN)
        self.time_plot.vb.disableAutoRange()
        self.traces = TraceStack(pens, pg.mkPen("#d62728", width=1, style=Qt.PenStyle.DashLine))
        self.time_plot.addItem(self.traces, ignoreBounds=True)
        self._set_spacing(self._spacing)

        self.spectrum_plot = self.view.addPlot(row=0, col=1)
        self.spectrum_plot.getAxis("left").setLogMode(True)  # we plot log10(power); ticks read 10^k
        self.spectrum_plot.setMouseEnabled(x=False, y=False)
        self.spectrum_plot.hideButtons()
        self.spectrum_plot.setMenuEnabled(False)
        self.spectrum_plot.vb.disableAutoRange()
        nyquist = stream.sampling_rate / 2
        self.spectrum_plot.setXRange(SPECTRUM_RANGE_HZ[0], min(SPECTRUM_RANGE_HZ[1], nyquist), padding=0)
        self.spectrum = TraceStack(pens, pg.mkPen(None))
        self.spectrum_plot.addItem(self.spectrum, ignoreBounds=True)
        self._spectrum_range = (0.0, 0.0)

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
        for plot in (self.time_plot, self.spectrum_plot, self.band_plot):
            readable_plot(plot)
        self.view.ci.layout.setColumnStretchFactor(0, 3)
        self.view.ci.layout.setColumnStretchFactor(1, 2)

        # Over the plots, centred, while nothing arrives: empty axes would look like a flat brain.
        self.no_signal_label = QLabel(self)
        self.no_signal_label.setObjectName("panelNoSignal")
        self.no_signal_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_signal_label.setStyleSheet(
            "QLabel#panelNoSignal { font-size: 32px; font-weight: 600; color: #52606d;"
            " background: rgba(255, 255, 255, 220); border: 1px solid #d9dee4; border-radius: 14px;"
            " padding: 18px 36px; }"
        )
        self.no_signal_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.no_signal_label.hide()

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

    def retranslate(self) -> None:
        self.time_plot.setLabel("bottom", QCoreApplication.translate("LivePlots", "seconds ago"))
        self.spectrum_plot.setTitle(QCoreApplication.translate("LivePlots", "Spectrum"))
        self.spectrum_plot.setLabel("bottom", QCoreApplication.translate("LivePlots", "frequency (Hz)"))
        self.spectrum_plot.setLabel("left", QCoreApplication.translate("LivePlots", "power (µV²/Hz)"))
        self.band_plot.setTitle(QCoreApplication.translate("LivePlots", "Band power (% of total)"))
        names = [QCoreApplication.translate("LivePlots", BAND_LABELS_SOURCE[band]) for band in BANDS]
        self.band_plot.getAxis("bottom").setTicks([list(enumerate(names))])
        self.no_signal_label.setText(QCoreApplication.translate("LivePlots", "No signal"))
        self._place_no_signal_label()
        self._update_scale_title()

    @property
    def shows_no_signal(self) -> bool:
        """Whether "No signal" is up: nothing has arrived for :data:`NO_SIGNAL_AFTER_S`."""
        return not self.no_signal_label.isHidden()

    def _set_no_signal(self, on: bool) -> None:
        if on != self.shows_no_signal:
            self.no_signal_label.setVisible(on)
            if on:
                self._place_no_signal_label()
                self.no_signal_label.raise_()

    def _place_no_signal_label(self) -> None:
        """Centre "No signal" over the traces (over the whole panel until the plots are laid out)."""
        label = self.no_signal_label
        label.adjustSize()
        box = self.view.mapFromScene(self.time_plot.vb.sceneBoundingRect()).boundingRect()
        centre = self.view.mapTo(self, box.center()) if box.width() > label.width() else self.rect().center()
        label.move(max(0, centre.x() - label.width() // 2), max(0, centre.y() - label.height() // 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._place_no_signal_label)  # once the plots have the new size

    def _update_scale_title(self) -> None:
        self.time_plot.setTitle(
            fill(
                QCoreApplication.translate("LivePlots", "EEG, %1 µV between channels"), f"{self._spacing:.0f}"
            )
        )

    # --- frames -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Pull the newest window and redraw (called by the frame timer; public for tests)."""
        stream = self.stream
        total, now = stream.total_samples, time.monotonic()
        if total != self._seen_total:
            self._seen_total, self._last_arrival = total, now
        stale = total == 0 or self._last_arrival is None or now - self._last_arrival > NO_SIGNAL_AFTER_S
        self._set_no_signal(stale)
        window = stream.latest(self.seconds)
        n = window.n_samples
        if n == 0:
            return
        self._frame += 1
        rate = stream.sampling_rate
        newest_time = float(window.timestamps[-1])
        age = max(0.0, time.time() - newest_time)
        x = self._sample_offsets(n)
        if self._frame % RESCALE_EVERY_N_FRAMES == 1:  # raw and filtered of the same seconds
            recent = stream.latest(RESCALE_WINDOW_S, both=True)
            self._rescale(recent.filtered, recent)
        marker_x = x[np.flatnonzero(window.markers)]
        x_drawn, data = peak_decimate(x, window.data, int(self.time_plot.vb.width()))
        if x_drawn is not x:  # decimated: reuse last frame's x when it is the same, as it usually is
            cached = self._decimated_x
            if cached is not None and len(cached) == len(x_drawn) and cached[0] == x_drawn[0]:
                x_drawn = cached
            self._decimated_x = x_drawn
        if self._y_buffer is None or self._y_buffer.shape != data.shape:
            self._y_buffer = np.empty_like(data)
        y = np.clip(data, -self._spacing, self._spacing, out=self._y_buffer)
        y += -self._spacing * np.arange(stream.n_channels)[:, None]  # each channel on its baseline
        self.traces.set_traces(x_drawn, y, marker_x, self._y_range(), (-self.seconds, 0.0), x_shift=-age)
        if self._frame % SPECTRUM_EVERY_N_FRAMES == 1:
            self._refresh_spectrum(window.data[:, -int(SPECTRUM_WINDOW_S * rate) :])
        self._shown_newest_time = newest_time

    def _sample_offsets(self, n: int) -> np.ndarray:
        """Seconds from each of ``n`` samples to the newest one (the same array while n stays)."""
        if self._x_cache is None or len(self._x_cache) != n:
            self._x_cache = (np.arange(n) - (n - 1)) / self.stream.sampling_rate
        return self._x_cache

    def _rescale(self, data: np.ndarray, raw: Window | None = None) -> None:
        """Baseline spacing from the median channel's robust range, over the channels that carry EEG.

        Neighbours may touch at their extremes (0.8 × range) but each trace is clipped to ±spacing.
        Channels that are railed, flat, not finite or huge (``raw``, the same seconds unfiltered,
        says which) are left out: with the headset off, half the channels sit at the rail and the
        median would put 200,000 µV between channels. With none left, the spacing stays; it is
        always within :data:`SPACING_RANGE_UV`.
        """
        usable = np.isfinite(data).all(axis=1)
        usable &= np.nan_to_num(data, nan=0.0, posinf=0.0, neginf=0.0).std(axis=1) <= UNSCALED_RMS_UV
        if raw is not None and raw.n_samples and raw.data.shape[0] == data.shape[0]:
            values = np.nan_to_num(raw.data, nan=0.0, posinf=RAILED_ABOVE_UV, neginf=-RAILED_ABOVE_UV)
            usable &= ~(np.abs(values) >= RAILED_ABOVE_UV).any(axis=1)
            usable &= values.std(axis=1) >= FLAT_BELOW_UV
            if raw.invalid is not None and raw.invalid.shape == raw.data.shape:
                usable &= ~raw.invalid.any(axis=1)
        self._usable = usable
        if not usable.any() or data.shape[1] == 0:
            return
        low, high = np.percentile(data[usable], [1, 99], axis=1)
        spread = 0.8 * float(np.median(high - low))
        if not np.isfinite(spread) or spread <= 0:
            return
        spacing = float(np.clip(_nice_step(spread), *SPACING_RANGE_UV))
        if spacing != self._spacing:
            self._set_spacing(spacing)

    def _y_range(self) -> tuple[float, float]:
        return -self._spacing * (self.stream.n_channels - 0.5), self._spacing * 0.5

    def _set_spacing(self, spacing: float) -> None:
        self._spacing = spacing
        self.time_plot.setYRange(*self._y_range(), padding=VIEW_MARGIN)
        ticks = [(-spacing * i, name) for i, name in enumerate(self.stream.channel_names)]
        self.time_plot.getAxis("left").setTicks([ticks])
        self._update_scale_title()

    def _refresh_spectrum(self, data: np.ndarray) -> None:
        if data.shape[1] < 16:
            return
        spectrum = welch_spectrum(data, self.stream.sampling_rate)
        low, high = SPECTRUM_RANGE_HZ
        band = (spectrum.freqs >= low) & (spectrum.freqs <= high)
        freqs = spectrum.freqs[band]
        # Zeros (and anything not finite, which the worker never passes on) stay drawable:
        # pyqtgraph raises on a NaN range.
        power = np.nan_to_num(spectrum.power[:, band], nan=0.0, posinf=0.0, neginf=0.0)
        log_power = np.log10(np.maximum(power, 1e-6))
        usable = self._usable
        ranged = (
            log_power[usable]
            if usable is not None and len(usable) == len(log_power) and usable.any()
            else log_power
        )
        y_range = (float(np.floor(ranged.min())), float(np.ceil(ranged.max())))
        self.spectrum.set_traces(freqs, log_power, np.zeros(0), y_range)
        if y_range != self._spectrum_range:
            self._spectrum_range = y_range
            self.spectrum_plot.setYRange(*y_range, padding=0)
        powers = spectrum.band_powers().mean(axis=0)
        total = powers.sum()
        usable = total > 0 and np.isfinite(total)
        self._band_fractions = 100 * powers / total if usable else np.zeros_like(powers)
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
