"""Drawing the speller's keys and presenting flicker frames, frame-locked where the display allows.

:class:`KeyScene` paints the key grid (static, cued, chosen or flickering) with QPainter, so the
same drawing serves both canvases: :class:`GLCanvas`, a QOpenGLWidget whose buffer swap waits for
vsync and whose ``frameSwapped`` tells when a frame reached the screen, used where a GPU draws
OpenGL; and :class:`RasterCanvas`, a plain widget paced by a timer, used where OpenGL is missing
(the tests' ``offscreen`` platform) or drawn in software (Mesa's llvmpipe under Xvfb: no vsync and
~20 ms a frame). :class:`FrameDriver` presents frames back to back, feeds every presentation time
to a :class:`~demos.ssvep_speller.stimulus.FrameClock` and computes each frame's luminance from its
index and the measured refresh rate.
"""

from __future__ import annotations

import time
from enum import Enum

import numpy as np
from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QOffscreenSurface,
    QOpenGLContext,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtOpenGLWidgets import QOpenGLWidget
from PySide6.QtWidgets import QSizePolicy, QWidget

from demos.ssvep_speller.stimulus import FALLBACK_REFRESH_HZ, FrameClock, luminance

TIMER_PACED_INTERVAL_MS = 16  # ~60 frames per second where the display gives no vsync
VSYNC_PROBE_FRAMES = 6

BACKGROUND = QColor("#000000")
KEY_IDLE = QColor("#2b2b2b")
LABEL_IDLE = QColor("#f2f2f2")
LABEL_FLICKER = QColor("#ff9f1c")
LABEL_OUTLINE = QColor("#000000")
CUE_FRAME = QColor("#ffd400")
CHOSEN = QColor("#2e7d32")
WRONG = QColor("#c62828")


class KeyMark(Enum):
    CUED = "cued"
    CHOSEN = "chosen"
    WRONG = "wrong"


class KeyScene:
    """What the key grid shows right now; both canvases paint it the same way."""

    def __init__(self) -> None:
        self.rows = 1
        self.columns = 1
        self.labels: list[str] = []
        self.levels: np.ndarray | None = None  # grey level 0..1 per key while flickering
        self.marks: dict[int, KeyMark] = {}
        self._labels: dict[tuple[str, int, str, int], tuple[int, QPainterPath]] = {}

    def set_grid(self, rows: int, columns: int, labels: list[str]) -> None:
        self.rows, self.columns, self.labels = rows, columns, labels

    def key_rect(self, index: int, width: float, height: float) -> QRectF:
        row, column = divmod(index, self.columns)
        cell_w, cell_h = width / self.columns, height / self.rows
        gap = 0.08 * min(cell_w, cell_h)
        return QRectF(column * cell_w + gap / 2, row * cell_h + gap / 2, cell_w - gap, cell_h - gap)

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
        if not self.labels:
            return
        font = QFont(painter.font())
        cell_h, cell_w = height / self.rows, width / self.columns
        font.setPixelSize(max(12, int(min(0.34 * cell_h, 0.3 * cell_w))))
        font.setBold(True)
        painter.setPen(Qt.PenStyle.NoPen)
        flickering = self.levels is not None
        for index, label in enumerate(self.labels):
            rect = self.key_rect(index, width, height)
            mark = self.marks.get(index)
            if flickering:
                grey = round(255 * float(self.levels[index]))
                fill = QColor(grey, grey, grey)
            else:
                fill = {KeyMark.CHOSEN: CHOSEN, KeyMark.WRONG: WRONG}.get(mark, KEY_IDLE)
            painter.fillRect(rect, fill)
            if mark is KeyMark.CUED:
                border = max(4.0, 0.06 * min(rect.width(), rect.height()))
                painter.setPen(QPen(CUE_FRAME, border))
                painter.drawRect(rect.adjusted(border / 2, border / 2, -border / 2, -border / 2))
                painter.setPen(Qt.PenStyle.NoPen)
            self._paint_label(painter, font, rect, label, LABEL_FLICKER if flickering else LABEL_IDLE)

    def _paint_label(self, painter: QPainter, font: QFont, rect: QRectF, label: str, colour: QColor) -> None:
        """The label with a dark outline, readable on every grey the key takes while it flickers."""
        size, path = self._fitted_label(label, font, rect.width())
        if path.isEmpty():  # colour emoji have no outline to draw: they bring their own colours
            fitted = QFont(font)
            fitted.setPixelSize(size)
            painter.setFont(fitted)
            painter.setPen(colour)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            painter.setPen(Qt.PenStyle.NoPen)
            return
        bounds = path.boundingRect()
        painter.save()
        painter.translate(rect.center() - bounds.center())
        painter.strokePath(path, QPen(LABEL_OUTLINE, max(2.0, size / 14)))
        painter.fillPath(path, colour)
        painter.restore()

    def _fitted_label(self, label: str, font: QFont, key_width: float) -> tuple[int, QPainterPath]:
        """Pixel size and glyph outlines of a label fitted to its key, computed once per label and key
        size: frames repeat them dozens of times a second."""
        key = (label, font.pixelSize(), font.family(), round(key_width))
        if key not in self._labels:
            size = font.pixelSize()
            width = QFontMetricsF(font).horizontalAdvance(label)
            if width > 0.9 * key_width:  # long phrases shrink to fit their key
                size = max(10, int(size * 0.9 * key_width / width))
            fitted = QFont(font)
            fitted.setPixelSize(size)
            path = QPainterPath()
            path.addText(0.0, 0.0, fitted, label)
            self._labels[key] = (size, path)
        return self._labels[key]


class RasterCanvas(QWidget):
    """Paints the scene with the raster engine; presentation time is taken after each paint."""

    sigPresented = Signal()

    def __init__(self, scene: KeyScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.scene.paint(painter, self.width(), self.height())
        painter.end()
        self.sigPresented.emit()


class GLCanvas(QOpenGLWidget):
    """Paints the scene into an OpenGL framebuffer; ``frameSwapped`` marks its presentation."""

    sigPresented = Signal()

    def __init__(self, scene: KeyScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frameSwapped.connect(self.sigPresented)

    def paintGL(self) -> None:
        painter = QPainter(self)
        self.scene.paint(painter, self.width(), self.height())
        painter.end()


SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software", "microsoft basic render")
GL_RENDERER = 0x1F01


def hardware_opengl() -> bool:
    """Whether a GPU draws OpenGL here. Without one (no context on ``offscreen``; Mesa's llvmpipe
    under Xvfb) OpenGL gives no vsync and costs ~20 ms a frame, so the raster canvas is better."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False
    context = QOpenGLContext()
    if not context.create():
        return False
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return False
        renderer = str(context.functions().glGetString(GL_RENDERER) or "").lower()
        context.doneCurrent()
    finally:
        surface.destroy()
    return not any(name in renderer for name in SOFTWARE_RENDERERS)


def make_canvas(scene: KeyScene) -> RasterCanvas | GLCanvas:
    return GLCanvas(scene) if hardware_opengl() else RasterCanvas(scene)


class FrameDriver(QObject):
    """Presents frames while the speller is on screen and runs the flicker, frame by frame.

    Between trials it keeps presenting the static scene, so the refresh rate is measured before
    each flicker starts. A flicker's frame ``n`` shows ``luminance(f, φ, n, R)`` with R that
    measured rate. The first flicker frame's presentation emits ``sigOnset`` with its wall-clock
    time (the clock of BrainFlow's timestamps). A flicker longer than ``max_flicker_s`` is cut.
    """

    sigOnset = Signal(float)
    sigLimitReached = Signal()
    sigNoVsync = Signal()  # OpenGL brings nothing without vsync (and costs ~20 ms a frame on Mesa)

    def __init__(self, canvas: RasterCanvas | GLCanvas, max_flicker_s: float) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.scene = canvas.scene
        self.max_flicker_s = max_flicker_s
        self.clock = FrameClock()
        self.flicker_clock: FrameClock | None = None
        self.refresh_hz = FALLBACK_REFRESH_HZ
        self.vsync = isinstance(canvas, GLCanvas)
        self._running = False
        self._frequencies = np.empty(0)
        self._phases = np.empty(0)
        self._contrast = 1.0
        self._frame = 0
        self._onset_monotonic: float | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TIMER_PACED_INTERVAL_MS)
        self._timer.timeout.connect(lambda: self.canvas.update())
        canvas.sigPresented.connect(self._on_presented)

    def use_canvas(self, canvas: RasterCanvas | GLCanvas) -> None:
        """Present on another canvas from now on (the refresh rate is measured afresh)."""
        self.canvas.sigPresented.disconnect(self._on_presented)
        self.canvas = canvas
        canvas.sigPresented.connect(self._on_presented)
        self.clock.reset()
        canvas.update()

    @property
    def flickering(self) -> bool:
        return self.flicker_clock is not None

    def run(self) -> None:
        """Present frames continuously, measuring the display afresh, until :meth:`halt`."""
        self.clock.reset()
        self._running = True
        if not self.vsync:
            self._timer.start()
        self.canvas.update()

    def halt(self) -> None:
        self.stop_flicker()
        self._running = False
        self._timer.stop()

    def start_flicker(self, frequencies: np.ndarray, phases: np.ndarray, contrast: float) -> None:
        self.refresh_hz = self.clock.refresh_hz or FALLBACK_REFRESH_HZ
        self._frequencies, self._phases, self._contrast = frequencies, phases, contrast
        self.flicker_clock = FrameClock(nominal_hz=self.refresh_hz)
        self._frame = 0
        self._onset_monotonic = None
        self._set_levels()
        self.canvas.update()

    def stop_flicker(self) -> None:
        """Back to the static scene at once (the next frame shows no flicker)."""
        if self.flicker_clock is None:
            return
        self.flicker_clock = None
        self.scene.levels = None
        self.canvas.update()

    def _set_levels(self) -> None:
        levels = luminance(self._frequencies, self._phases, self._frame, self.refresh_hz)
        self.scene.levels = 0.5 + (levels - 0.5) * self._contrast

    def _on_presented(self) -> None:
        now = time.perf_counter()
        self.clock.presented(now)
        if self.vsync and len(self.clock.intervals_s) >= VSYNC_PROBE_FRAMES and not self.clock.has_vsync:
            self.vsync = False  # frames come faster than any display: pace them with a timer instead
            self.clock.reset()
            if self._running:
                self._timer.start()
            self.sigNoVsync.emit()
        if self.flicker_clock is not None and self.scene.levels is not None:
            self.flicker_clock.presented(now)
            if self._onset_monotonic is None:
                self._onset_monotonic = now
                self.sigOnset.emit(time.time())
            if now - self._onset_monotonic >= self.max_flicker_s:
                self.sigLimitReached.emit()
                self.stop_flicker()  # whether or not anyone listened
            else:
                self._frame += 1
                self._set_levels()
        if self._running and self.vsync:
            self.canvas.update()
