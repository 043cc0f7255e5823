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

import math
import time
import unicodedata
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QOffscreenSurface,
    QOpenGLContext,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
)
from PySide6.QtOpenGLWidgets import QOpenGLWidget
from PySide6.QtWidgets import QSizePolicy, QWidget

from demos.ssvep_speller.flow import Mark
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


#: How a key is marked (cued, chosen, wrong): the flow's marks, drawn as they are.
KeyMark = Mark


# sfnt tables of colour glyphs: bitmaps (CBLC/CBDT: Noto Color Emoji; sbix: Apple) or layered outlines
# (COLR). CBLC is the small index of CBDT, so the check never copies the megabytes of bitmaps.
COLOUR_GLYPH_TABLES = ("CBLC", "sbix", "COLR")  # PySide6 takes the tag as str, not bytes
LABEL_CACHE_SIZE = 512  # fitted labels (and label images) kept before the caches start afresh


class FittedLabel(NamedTuple):
    """A label fitted to its key: the text shown, its pixel size and how it is drawn."""

    text: str  # the label, or what stands in for characters no installed font has
    size: int
    path: QPainterPath  # glyph outlines; empty when the label has colour glyphs
    colour_glyphs: bool  # drawn as a pre-rendered image (see KeyScene._label_image)


def _glyph_runs(text: str, font: QFont):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def _has_colour_glyphs(text: str, font: QFont) -> bool:
    """Whether any character of ``text`` is drawn from a colour font (after Qt's font fallback).

    Such glyphs must never reach ``QPainterPath.addText``. Noto Color Emoji is bitmap-only (FreeType
    gives it 0 units per em); asked for its outlines, Qt's FreeType engine sets the face shared by
    all its sizes to "units per em" pixels, i.e. ``FT_Set_Char_Size(0, 0)``. That fails, but leaves
    the face with no bitmap strike, and Qt, seeing the failure, never selects the strike again: every
    emoji of that size then loads as an empty 0x0 bitmap and ``drawText`` paints nothing, in any
    colour, until some new size of the font is first used. The path is empty anyway."""
    return any(
        any(run.rawFont().fontTable(tag) for tag in COLOUR_GLYPH_TABLES) for run in _glyph_runs(text, font)
    )


def _legible_text(label: str, font: QFont) -> str:
    """``label`` with every character no installed font can draw (an emoji without an emoji font:
    Qt would draw an empty box) replaced by its Unicode name, e.g. "thumbs up sign"."""
    if all(0 not in run.glyphIndexes() for run in _glyph_runs(label, font)):
        return label
    words = []
    for character in label:
        if unicodedata.category(character) in ("Mn", "Cf"):  # variation selectors, joiners
            continue
        missing = any(0 in run.glyphIndexes() for run in _glyph_runs(character, font))
        words.append(unicodedata.name(character, "?").lower() if missing else character)
    return " ".join(words)


class KeyScene:
    """What the key grid shows right now; both canvases paint it the same way."""

    def __init__(self) -> None:
        self.rows = 1
        self.columns = 1
        self.labels: list[str] = []
        self.levels: np.ndarray | None = None  # grey level 0..1 per key while flickering
        self.marks: dict[int, KeyMark] = {}
        self._labels: dict[tuple[str, int, str, int], FittedLabel] = {}
        self._images: dict[tuple[str, int, str, int, float], QImage] = {}  # see _label_image

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
        font = self._key_font(painter.font(), width, height)
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

    def _key_font(self, base: QFont, width: float, height: float) -> QFont:
        """The labels' font before a long label shrinks to fit its key."""
        font = QFont(base)
        cell_h, cell_w = height / self.rows, width / self.columns
        font.setPixelSize(max(12, int(min(0.34 * cell_h, 0.3 * cell_w))))
        font.setBold(True)
        return font

    def label_sizes(self, base: QFont, width: float, height: float) -> list[tuple[str, float]]:
        """Each label as painted on a ``width`` × ``height`` canvas and its size (px). The labels are
        drawn as outlines and images, which a paint engine does not see as text: this is how the
        visitor text-size test reads them."""
        if not self.labels:
            return []
        font = self._key_font(base, width, height)
        sizes = []
        for index, label in enumerate(self.labels):
            fitted = self._fitted_label(label, font, self.key_rect(index, width, height).width())
            sizes.append((fitted.text, float(fitted.size)))
        return sizes

    def _paint_label(self, painter: QPainter, font: QFont, rect: QRectF, label: str, colour: QColor) -> None:
        """The label with a dark outline, readable on every grey the key takes while it flickers."""
        fitted = self._fitted_label(label, font, rect.width())
        if fitted.colour_glyphs:  # colour emoji bring their own colours: an image, outlined in the same dark
            image = self._label_image(fitted, font, colour, painter.device().devicePixelRatioF())
            size = image.deviceIndependentSize()
            painter.drawImage(rect.center() - QPointF(size.width() / 2, size.height() / 2), image)
            return
        path = fitted.path
        bounds = path.boundingRect()
        painter.save()
        painter.translate(rect.center() - bounds.center())
        painter.strokePath(path, QPen(LABEL_OUTLINE, max(2.0, fitted.size / 14)))
        painter.fillPath(path, colour)
        painter.restore()

    def _fitted_label(self, label: str, font: QFont, key_width: float) -> FittedLabel:
        """Pixel size and glyph outlines of a label fitted to its key, computed once per label and key
        size: frames repeat them dozens of times a second."""
        key = (label, font.pixelSize(), font.family(), round(key_width))
        if key not in self._labels:
            if len(self._labels) >= LABEL_CACHE_SIZE:
                self._labels.clear()
            text = _legible_text(label, font)
            size = font.pixelSize()
            width = QFontMetricsF(font).horizontalAdvance(text)
            if width > 0.9 * key_width:  # long phrases shrink to fit their key
                size = max(10, int(size * 0.9 * key_width / width))
            fitted = QFont(font)
            fitted.setPixelSize(size)
            path = QPainterPath()
            colour_glyphs = _has_colour_glyphs(text, fitted)
            if not colour_glyphs:  # never for colour glyphs: see _has_colour_glyphs
                path.addText(0.0, 0.0, fitted, text)
            self._labels[key] = FittedLabel(text, size, path, colour_glyphs)
        return self._labels[key]

    def _label_image(self, fitted: FittedLabel, font: QFont, colour: QColor, pixel_ratio: float) -> QImage:
        """A label with colour glyphs drawn once into an image with a dark outline (its silhouette
        drawn around it), so a red heart stays visible on the red WRONG key and a yellow face on a
        white flicker frame. Drawn at the device's pixel ratio: sharp on high-DPI screens."""
        key = (fitted.text, fitted.size, font.family(), colour.rgba(), pixel_ratio)
        if key in self._images:
            return self._images[key]
        if len(self._images) >= LABEL_CACHE_SIZE:  # resizing the window leaves old sizes behind
            self._images.clear()
        font = QFont(font)
        font.setPixelSize(max(1, round(fitted.size * pixel_ratio)))
        metrics = QFontMetricsF(font)
        outline = max(2.0, font.pixelSize() / 20)
        margin = math.ceil(outline) + 1
        width = math.ceil(metrics.horizontalAdvance(fitted.text)) + 2 * margin
        height = math.ceil(metrics.height()) + 2 * margin
        glyphs = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        glyphs.fill(Qt.GlobalColor.transparent)
        painter = QPainter(glyphs)
        painter.setFont(font)
        painter.setPen(colour)  # for any plain text beside the emoji; colour glyphs ignore it
        painter.drawText(QRectF(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, fitted.text)
        painter.end()
        silhouette = QImage(glyphs)
        painter = QPainter(silhouette)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(silhouette.rect(), LABEL_OUTLINE)
        painter.end()
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        for step in range(16):
            angle = step * math.pi / 8
            painter.drawImage(QPointF(outline * math.cos(angle), outline * math.sin(angle)), silhouette)
        painter.drawImage(0, 0, glyphs)
        painter.end()
        image.setDevicePixelRatio(pixel_ratio)
        self._images[key] = image
        return image


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

    def drawn_text_sizes(self) -> list[tuple[str, float]]:
        """The key labels and their sizes (px): see :meth:`KeyScene.label_sizes`."""
        return self.scene.label_sizes(self.font(), self.width(), self.height())


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

    def drawn_text_sizes(self) -> list[tuple[str, float]]:
        """The key labels and their sizes (px): see :meth:`KeyScene.label_sizes`."""
        return self.scene.label_sizes(self.font(), self.width(), self.height())


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
    time (the clock of BrainFlow's timestamps). The flicker's time limit is the shell's (see
    :mod:`app.demo_gate`).
    """

    sigOnset = Signal(float)
    sigNoVsync = Signal()  # OpenGL brings nothing without vsync (and costs ~20 ms a frame on Mesa)

    def __init__(self, canvas: RasterCanvas | GLCanvas, parent: QObject | None = None) -> None:
        """``parent`` should outlive the canvas: :meth:`use_canvas` may replace (and delete) it."""
        super().__init__(parent)
        self.canvas = canvas
        self.scene = canvas.scene
        self.clock = FrameClock()
        self.flicker_clock: FrameClock | None = None
        self.refresh_hz = FALLBACK_REFRESH_HZ
        self.vsync = isinstance(canvas, GLCanvas)
        self._running = False
        self._frequencies = np.empty(0)
        self._phases = np.empty(0)
        self._contrast = 1.0
        self._frame = 0
        self._onset_seen = False
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
        self._onset_seen = False
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
            if not self._onset_seen:
                self._onset_seen = True
                self.sigOnset.emit(time.time())
            self._frame += 1
            self._set_levels()
        if self._running and self.vsync:
            self.canvas.update()
