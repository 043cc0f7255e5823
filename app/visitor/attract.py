"""The attract screen, which runs all day between visitors.

It says what to do in Chinese and English at once (a passer-by's language is unknown) and draws a
live brain signal from the headset as the eye-catcher. It reads the stream with its own
:class:`~drivers.stream.readers.StreamReader`, so no demo loses a sample to it, and animates only while it
is on screen. Any touch, click or key starts a visit (see :mod:`app.visitor`).
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget
from shiboken6 import VoidPtr

from app.style import NIGHT_BOTTOM, NIGHT_INK, NIGHT_MUTED, NIGHT_TOP, TRACE_COLOURS
from drivers.roles import Role
from drivers.stream.readers import Stream
from drivers.stream.tape import DISPLAY, Tape

log = logging.getLogger(__name__)

#: What the attract screen says, in both languages at once (never translated: both always show).
ATTRACT_CHINESE = "戴上头戴设备，触摸屏幕开始"
ATTRACT_ENGLISH = "Put on the headset and touch the screen to start"
ATTRACT_BRAND = "脑机接口体验厅 · Brain-Computer Interface Showroom"
ATTRACT_LIVE = "实时脑电信号 · live brain signal"

#: ~30 frames a second: smooth enough for slow waves, and half the CPU of 60 on an all-day kiosk.
ATTRACT_FRAME_MS = 33
#: Seconds of signal across the screen: a 10 Hz alpha wave is a few centimetres wide at 1920 px.
ATTRACT_SHOWN_S = 3.0
#: Points drawn per second of signal: every ~16 ms of EEG becomes one point after averaging (and a
#: light smoothing), so the traces are smooth waves for the eye rather than the display filter's
#: 40 Hz needles, and the work per frame is bounded whatever the board's rate.
ATTRACT_POINTS_PER_S = 60
#: A trace's typical swing (twice its RMS) in lane heights, and where it is clipped.
TRACE_HEIGHT = 0.42
TRACE_CLIP = 0.78
#: Where the three 1 px strokes of a trace lie (px): together they draw a line ~2 px thick.
TRACE_OFFSETS = ((0.0, 0.0), (0.9, 0.0), (0.0, 0.9))
#: The share of the width over which the traces fade in from the left.
FADE_SHARE = 0.25
ATTRACT_MAX_TRACES = 4
#: Without a new sample for this long the traces fade into the gentle idle waves.
ATTRACT_STALE_S = 1.0
#: A channel with more than this share of NaN or infinite values in view is drawn as an idle wave.
ATTRACT_MAX_INVALID = 0.2
#: Which electrodes make the liveliest traces, first choice first.
ATTRACT_ROLE_PREFERENCE = (
    Role.OCCIPITAL,
    Role.PARIETAL,
    Role.SENSORIMOTOR_LEFT,
    Role.SENSORIMOTOR_RIGHT,
    Role.CENTRAL,
    Role.FRONTAL,
    Role.TEMPORAL,
)
#: A ripple under the text says "touch here" without words: one ring every this many seconds.
RIPPLE_PERIOD_S = 1.8


def pick_channels(roles: Sequence[Role], count: int = ATTRACT_MAX_TRACES) -> list[int]:
    """Up to ``count`` channel indices for the attract traces, in montage order: electrodes over
    the back of the head first (their alpha rhythm is the most visible wave), reference last."""
    ranked = sorted(
        range(len(roles)),
        key=lambda index: (
            ATTRACT_ROLE_PREFERENCE.index(roles[index])
            if roles[index] in ATTRACT_ROLE_PREFERENCE
            else len(ATTRACT_ROLE_PREFERENCE),
            index,
        ),
    )
    return sorted(ranked[:count])


def shared_polygon(size: int) -> tuple[QPolygonF, np.ndarray]:
    """A polygon of ``size`` points and a numpy view of its (x, y) pairs, to fill in place each frame.

    What pyqtgraph's ``create_qpolygonf`` and ``ndarray_from_qpolygonf`` do, here so the kiosk's first
    screen does not wait for pyqtgraph (~0.35 s to import; the demos' plots import it when opened).
    """
    polygon = QPolygonF()
    polygon.resize(size)
    buffer = VoidPtr(polygon.data(), size * 2 * 8, True)
    return polygon, np.frombuffer(buffer, dtype=np.float64).reshape((-1, 2))


class AttractPage(QWidget):
    """The screen between visitors: a bilingual invitation over a live brain signal.

    :meth:`set_stream` gives it a headset's stream (``None``: no headset, gentle idle waves only).
    Any touch, click or key emits :attr:`sigStart`. The frame timer runs only while the page is
    shown; what costs time is kept small: the background and texts are painted once per size into a
    pixmap, each frame repaints only the band of the traces and the ripple, and the traces are
    numpy-filled polygons. :attr:`frame_costs_ms` keeps the last frames' cost (data and painting).
    """

    sigStart = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel is painted by us
        self.setMinimumSize(QSize(480, 320))
        self.stream: Stream | None = None
        self._tape: Tape | None = None  # the display-filtered signal of the drawn channels
        self._channels: list[int] = []
        self._bin = 1  # samples averaged into one drawn point
        self._points_per_s = float(ATTRACT_POINTS_PER_S)  # drawn points per second of signal
        self._last_arrival: float | None = None  # time.monotonic() of the newest samples
        self._scale = np.ones(ATTRACT_MAX_TRACES)  # µV that fill half a lane, per trace, smoothed
        self._liveness = np.zeros(ATTRACT_MAX_TRACES)  # 0 idle wave … 1 live signal, per trace
        self._live_target = np.zeros(ATTRACT_MAX_TRACES)
        self._points: list[np.ndarray] = []
        self._polygons: list[QPolygonF] = []
        self._static: QPixmap | None = None
        self._band = QRect()
        self._fade: QPixmap | None = None  # the background's left end of the band, fading out
        self._caption_px = 18
        self._caption_height = 24
        self._margin = 48
        self._ripple_rect = QRect()
        self._started = time.monotonic()
        self._stream_failed = False
        # Cost of the last frames (ms): reading and preparing the data plus painting.
        self.frame_costs_ms: deque[float] = deque(maxlen=300)
        self._tick_cost = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(ATTRACT_FRAME_MS)
        self._timer.timeout.connect(self._tick)

    # --- data ---------------------------------------------------------------------------------------
    def set_stream(self, stream: Stream | None) -> None:
        """Draw this stream's display-filtered signal (``None``: idle waves only)."""
        self.stream = stream
        self._tape = None
        self._channels = []
        self._last_arrival = None
        self._live_target[:] = 0.0
        self._stream_failed = False
        self._bin = 1
        self._points_per_s = float(ATTRACT_POINTS_PER_S)
        if stream is None:
            return
        try:
            self._channels = pick_channels(stream.roles)
            self._bin = max(1, round(stream.sampling_rate / ATTRACT_POINTS_PER_S))
            self._points_per_s = stream.sampling_rate / self._bin
            self._catch_up()
        except Exception:
            log.exception("the attract screen cannot read this stream; it shows idle waves")
            self._tape = None
            self._channels = []

    @property
    def is_animating(self) -> bool:
        return self._timer.isActive()

    @property
    def live(self) -> bool:
        """Whether real signal arrived lately (else the traces are idle waves)."""
        return bool(self._live_target.any())

    def frame_cost_ms(self) -> float:
        """Median cost of the recent frames (ms), 0 before the first."""
        return float(np.median(self.frame_costs_ms)) if self.frame_costs_ms else 0.0

    def _held_samples(self) -> int:
        """Samples drawn: the shown seconds and two bins to align them on."""
        assert self.stream is not None
        return round(ATTRACT_SHOWN_S * self.stream.sampling_rate) + 2 * self._bin

    def _catch_up(self) -> None:
        """Start a tape at the last few seconds: a page shown again starts with a full trace."""
        stream = self.stream
        if stream is None or not self._channels:
            return
        start = max(0, stream.total_samples - self._held_samples() + self._bin)
        self._tape = Tape(
            stream,
            self._channels,
            keep_s=(self._held_samples() + self._bin) / stream.sampling_rate,  # a bin to align on
            filtered=DISPLAY,
            position=start - start % self._bin,
        )

    def _read(self) -> None:
        if self._tape is not None and self._tape.update():
            self._last_arrival = time.monotonic()

    def _live_values(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(traces, usable, spread) of the history averaged into drawn points; None without any.

        ``spread`` is each trace's typical swing: twice its RMS (a Gaussian's 95th percentile,
        at a fifth of the cost of computing one every frame)."""
        tape = self._tape
        if tape is None or not self._channels:
            return None
        # Bins start on multiples of the bin as the trace scrolls, so they keep their samples: no shimmer.
        oldest = tape.end - self._held_samples()
        oldest = max(oldest - oldest % self._bin, tape.start + -tape.start % self._bin)
        blocks_n = (tape.end - oldest) // self._bin
        if blocks_n < 2:
            return None
        newest = oldest + blocks_n * self._bin
        shape = (len(self._channels), blocks_n, self._bin)
        blocks = tape.filtered(oldest, newest).reshape(shape)
        # Values the worker held in place of NaN, and samples this tape missed, are no signal.
        valid = ~tape.invalid(oldest, newest).reshape(shape)
        invalid_share = 1.0 - valid.mean(axis=(1, 2))
        counts = valid.sum(axis=2)
        sums = np.where(valid, blocks, 0.0).sum(axis=2)
        points = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
        if points.shape[1] >= 3:  # a light [1 2 1] smoothing (3 1 at the ends): waves, not needles
            first, last = (
                0.75 * points[:, 0] + 0.25 * points[:, 1],
                0.75 * points[:, -1] + 0.25 * points[:, -2],
            )
            points[:, 1:-1] = 0.25 * points[:, :-2] + 0.5 * points[:, 1:-1] + 0.25 * points[:, 2:]
            points[:, 0], points[:, -1] = first, last
        spread = 2.0 * np.sqrt(np.mean(points * points, axis=1))
        usable = (invalid_share <= ATTRACT_MAX_INVALID) & np.isfinite(spread) & (spread > 1e-3)
        return points, usable, spread

    # --- frames -------------------------------------------------------------------------------------
    def _tick(self) -> None:
        started = time.perf_counter()
        if self._tape is not None and not self._stream_failed:
            try:
                self._read()
            except Exception:  # a kiosk screen must never die of its eye-catcher
                log.exception("the attract screen stopped reading the stream; it shows idle waves")
                self._stream_failed = True
        fresh = self._last_arrival is not None and time.monotonic() - self._last_arrival < ATTRACT_STALE_S
        values = self._live_values() if fresh else None
        count = self._trace_count()
        target = np.zeros(ATTRACT_MAX_TRACES)
        if values is not None:
            _points, usable, spread = values
            target[: len(usable)] = usable
            for index in np.flatnonzero(usable):
                self._scale[index] += 0.08 * (spread[index] - self._scale[index])  # no jumps
        self._live_target = target
        self._liveness += np.clip(target - self._liveness, -0.05, 0.05)  # fade over ~0.6 s
        self._prepare_polygons(count, values)
        self._tick_cost = 1000 * (time.perf_counter() - started)
        self.update(self._band)
        self.update(self._ripple_rect)

    def _trace_count(self) -> int:
        return len(self._channels) if self._channels else 3

    def _lanes(self, count: int) -> tuple[float, float]:
        """(centre of the first lane, lane height) in the band, under the "live" caption."""
        band = self._band
        top = band.top() + self._caption_height + 8
        lane = max(1.0, (band.bottom() - 8 - top) / (count + 0.6))
        return top + 0.8 * lane, lane

    def _prepare_polygons(self, count: int, values: tuple[np.ndarray, np.ndarray, np.ndarray] | None) -> None:
        band = self._band
        if band.isEmpty():
            return
        n = max(4, round(ATTRACT_SHOWN_S * self._points_per_s))
        drawn = 2 * n - 1  # every point and a curve point between each two
        if len(self._polygons) != count or self._points[0].shape[0] != drawn:
            shared = [shared_polygon(drawn) for _ in range(count)]
            self._polygons = [polygon for polygon, _ in shared]
            self._points = [points for _, points in shared]
        now = time.monotonic()
        right = band.right() - self._margin // 2  # the head's glow stays on screen
        px_per_point = right / (n - 1)
        # Between two chunks the trace keeps moving, so it scrolls smoothly at any frame rate.
        age_s = 0.0 if self._last_arrival is None else min(0.1, now - self._last_arrival)
        shift = age_s * self._points_per_s * px_per_point
        x = right - shift - px_per_point * np.arange(n - 1, -1, -1)
        first, lane = self._lanes(count)
        t = now - self._started
        phase = x / max(band.width(), 1)
        for index, points in enumerate(self._points):
            idle = 0.22 * np.sin(2 * np.pi * (2.2 * phase - 0.18 * t) + index * 1.7)
            idle += 0.1 * np.sin(2 * np.pi * (7.0 * phase - 0.45 * t) + index * 0.9)
            y = idle
            live = self._liveness[index] if index < len(self._liveness) else 0.0
            if values is not None and live > 0 and index < values[0].shape[0]:
                trace = values[0][index, -n:] / max(self._scale[index], 1e-6) * TRACE_HEIGHT
                if trace.size < n:  # a young stream: the idle wave until the first sample
                    trace = np.concatenate((idle[: n - trace.size], trace))
                y = live * np.clip(trace, -TRACE_CLIP, TRACE_CLIP) + (1 - live) * idle
            points[:, 0] = _densify(x)
            points[:, 1] = _densify(first + index * lane - y * lane)

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        if self._static is None or self._static.size() != self.size():
            self._static = self._paint_static()
        rect = event.rect()
        painter.drawPixmap(rect, self._static, rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if rect.intersects(self._band):
            self._paint_traces(painter)
        if rect.intersects(self._ripple_rect):
            self._paint_ripple(painter)
        painter.end()
        if self._timer.isActive():
            self.frame_costs_ms.append(self._tick_cost + 1000 * (time.perf_counter() - started))

    def _paint_traces(self, painter: QPainter) -> None:
        """Each trace about 2 px thick, drawn as three 1 px cosmetic polylines a pixel apart: the
        raster engine strokes wide antialiased lines ~10x slower (measured: 4 traces of 180 points
        at 1920 px, 27 ms wide against 1.7 ms), and a frame must stay cheap all day."""
        band = self._band
        painter.save()
        painter.setClipRect(band)
        for index, polygon in enumerate(self._polygons):
            colour = QColor(TRACE_COLOURS[index % len(TRACE_COLOURS)])
            pen = QPen(colour)
            pen.setCosmetic(True)
            pen.setWidth(1)
            painter.setPen(pen)
            for dx, dy in TRACE_OFFSETS:
                painter.translate(dx, dy)
                painter.drawPolyline(polygon)
                painter.translate(-dx, -dy)
            head = polygon.last()
            halo = QRadialGradient(head, 12)
            halo.setColorAt(0.0, colour)
            clear = QColor(colour)
            clear.setAlpha(0)
            halo.setColorAt(1.0, clear)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(halo))
            painter.drawEllipse(head, 12, 12)
        if self._fade is not None:  # the traces come out of the dark on the left
            painter.drawPixmap(band.topLeft(), self._fade)
        if self.live:
            font = QFont(self.font())
            font.setPixelSize(self._caption_px)
            painter.setFont(font)
            metrics = painter.fontMetrics()
            blink = 0.5 + 0.5 * math.sin(2 * math.pi * (time.monotonic() - self._started))
            dot = QColor(TRACE_COLOURS[1])
            dot.setAlphaF(0.35 + 0.65 * blink)
            radius = metrics.height() / 5
            left = band.left() + self._margin
            baseline = band.top() + metrics.ascent()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(dot)
            painter.drawEllipse(QPointF(left + radius, baseline - metrics.ascent() / 2.8), radius, radius)
            painter.setPen(QColor(NIGHT_MUTED))
            painter.drawText(QPointF(left + 3.5 * radius, baseline), ATTRACT_LIVE)
        painter.restore()

    def _paint_ripple(self, painter: QPainter) -> None:
        rect = self._ripple_rect
        centre = QPointF(rect.center())
        phase = ((time.monotonic() - self._started) % RIPPLE_PERIOD_S) / RIPPLE_PERIOD_S
        largest = rect.width() / 2 - 4
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for offset in (0.0, 0.5):
            step = (phase + offset) % 1.0
            ring = QColor(NIGHT_INK)
            ring.setAlphaF(max(0.0, 0.7 * (1.0 - step)))
            painter.setPen(QPen(ring, 3))
            radius = largest * (0.25 + 0.75 * step)
            painter.drawEllipse(centre, radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(NIGHT_INK))
        painter.drawEllipse(centre, largest * 0.16, largest * 0.16)
        painter.restore()

    def _paint_static(self) -> QPixmap:
        """Background, brand and the bilingual invitation, painted once per size."""
        width, height = self.width(), self.height()
        pixmap = QPixmap(self.size())
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        sky = QLinearGradient(0, 0, 0, height)
        sky.setColorAt(0.0, QColor(NIGHT_TOP))
        sky.setColorAt(1.0, QColor(NIGHT_BOTTOM))
        painter.fillRect(pixmap.rect(), sky)
        margin = round(0.04 * width)

        def text_font(pixels: float, weight: QFont.Weight) -> QFont:
            font = QFont(self.font())
            font.setPixelSize(max(18, round(pixels)))
            font.setWeight(weight)
            return font

        brand = text_font(height * 0.026, QFont.Weight.DemiBold)
        painter.setFont(brand)
        painter.setPen(QColor(NIGHT_MUTED))
        brand_rect = QRect(margin, round(height * 0.04), width - 2 * margin, round(height * 0.06))
        painter.drawText(
            brand_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, ATTRACT_BRAND
        )

        chinese = text_font(height * 0.062, QFont.Weight.Bold)
        english = text_font(height * 0.034, QFont.Weight.Normal)
        chinese = _fit(chinese, ATTRACT_CHINESE, width - 2 * margin)
        english = _fit(english, ATTRACT_ENGLISH, width - 2 * margin)
        text_top = round(height * 0.66)
        painter.setFont(chinese)
        painter.setPen(QColor(NIGHT_INK))
        chinese_h = painter.fontMetrics().height()
        painter.drawText(
            QRect(margin, text_top, width - 2 * margin, chinese_h),
            Qt.AlignmentFlag.AlignCenter,
            ATTRACT_CHINESE,
        )
        painter.setFont(english)
        painter.setPen(QColor(NIGHT_MUTED))
        english_top = text_top + chinese_h + round(height * 0.012)
        english_h = painter.fontMetrics().height()
        painter.drawText(
            QRect(margin, english_top, width - 2 * margin, english_h),
            Qt.AlignmentFlag.AlignCenter,
            ATTRACT_ENGLISH,
        )
        painter.end()
        self._margin = margin
        self._caption_px = max(18, round(height * 0.02))
        self._caption_height = QFontMetrics(text_font(self._caption_px, QFont.Weight.Normal)).height()
        self._band = QRect(0, round(height * 0.13), width, round(height * 0.50))
        self._fade = self._fade_pixmap(pixmap)
        ripple = max(48, round(height * 0.11))
        ripple_top = english_top + english_h + round(height * 0.02)
        ripple_top = min(ripple_top, height - ripple - 4)
        self._ripple_rect = QRect((width - ripple) // 2, ripple_top, ripple, ripple)
        return pixmap

    def _fade_pixmap(self, background: QPixmap) -> QPixmap:
        """The background under the band's left end, opaque at the edge and clear at
        :data:`FADE_SHARE` of the width: drawn over the traces, it fades them in for ~0.3 ms a
        frame (a gradient pen per trace cost 10 ms)."""
        band = self._band
        width = max(1, round(FADE_SHARE * band.width()))
        image = background.copy(QRect(band.left(), band.top(), width, band.height())).toImage()
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        ramp = QLinearGradient(0, 0, width, 0)
        ramp.setColorAt(0.0, QColor(0, 0, 0, 255))
        ramp.setColorAt(0.35, QColor(0, 0, 0, 200))
        ramp.setColorAt(1.0, QColor(0, 0, 0, 0))
        painter.fillRect(image.rect(), ramp)
        painter.end()
        return QPixmap.fromImage(image)

    # --- visibility and input -----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._static = None
        self._static = self._paint_static()  # also places the band and the ripple
        self._prepare_polygons(self._trace_count(), None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._catch_up()
        self._timer.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the visit starts on release: a staff member's long press is not a visitor

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self.isVisible():  # a long press that opened the PIN pad ends here, on a hidden page
            self.sigStart.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            event.accept()
            return
        event.accept()
        self.sigStart.emit()


def _densify(values: np.ndarray) -> np.ndarray:
    """``values`` with a point between each two on the cubic through their neighbours (the 4-point
    midpoint rule, -1 9 9 -1 / 16): a polyline through them bends smoothly instead of in corners."""
    out = np.empty(2 * len(values) - 1)
    out[0::2] = values
    middle = 0.5 * (values[:-1] + values[1:])
    if len(values) >= 4:
        middle[1:-1] = (9 * (values[1:-2] + values[2:-1]) - values[:-3] - values[3:]) / 16
    out[1::2] = middle
    return out


def _fit(font: QFont, text: str, width: int) -> QFont:
    """``font`` made smaller until ``text`` fits ``width`` px on one line (never below 18 px)."""
    fitted = QFont(font)
    while fitted.pixelSize() > 18 and QFontMetrics(fitted).horizontalAdvance(text) > width:
        fitted.setPixelSize(fitted.pixelSize() - 2)
    return fitted
