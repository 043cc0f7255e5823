"""Measures the pixel size of every text a screen paints, as the screen paints it.

Why by painting rather than by asking widgets for their fonts: a visitor reads whatever reaches the
screen, and text reaches it by many routes (a label's style sheet, a button's font in points, a
pyqtgraph axis's tick font, a ``paintEvent`` of our own with a font of its own, a scene scaled to
its view). Each widget is rendered, without its children, onto a paint device whose engine draws
nothing and writes down every text item with its font and the painter's transform; so a new widget
that draws text its own way is measured without telling anyone.

A font in points becomes pixels at the device's logical DPI (the screen's), and a scaled painter
(a graphics view, a high-DPI pixmap) scales the size with it. Text a widget draws as outlines or
images (the speller's keys) is no text to a paint engine: such a widget reports it with a
``drawn_text_sizes()`` method, a list of (text, px).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QPaintDevice, QPaintEngine, QRegion, QTextItem
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from demos.kit.widgets import INSTRUCTION_MIN_PX, INSTRUCTION_PROPERTY, VISITOR_MIN_PX

#: Widgets (and everything in them) that only staff read on a visitor's screen carry this property.
STAFF_ONLY_PROPERTY = "staffOnly"


@dataclass(frozen=True)
class PaintedText:
    """One text as painted: the widget's path from the window, the text, its size in px and the
    least it may be (larger for an instruction)."""

    path: str
    text: str
    pixels: float
    minimum: float


class _RecordingEngine(QPaintEngine):
    """A paint engine that keeps every text item's font and draws nothing."""

    def __init__(self, dpi: float) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.dpi = dpi
        self.texts: list[tuple[str, float]] = []

    def begin(self, _device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, _state) -> None:
        pass

    def drawTextItem(self, _point: QPointF, item: QTextItem) -> None:
        font = item.font()
        pixels = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * self.dpi / 72
        painter = self.painter()
        if painter is not None:
            transform = painter.combinedTransform()
            pixels *= math.sqrt(abs(transform.determinant()))
        text = item.text().strip()
        if text:
            self.texts.append((text, pixels))

    def drawPixmap(self, *_args) -> None:
        pass

    def drawPolygon(self, *_args) -> None:
        pass

    def drawPath(self, *_args) -> None:
        pass

    def drawRects(self, *_args) -> None:
        pass

    def drawLines(self, *_args) -> None:
        pass

    def drawPoints(self, *_args) -> None:
        pass

    def drawEllipse(self, *_args) -> None:
        pass

    def drawImage(self, *_args) -> None:
        pass

    def drawTiledPixmap(self, *_args) -> None:
        pass


class _RecordingDevice(QPaintDevice):
    """A ``width`` × ``height`` device at the screen's DPI whose engine only records texts."""

    def __init__(self, width: int, height: int, dpi: float) -> None:
        super().__init__()
        self.engine = _RecordingEngine(dpi)
        M = QPaintDevice.PaintDeviceMetric
        self._metrics = {
            M.PdmWidth: width,
            M.PdmHeight: height,
            M.PdmDpiX: round(dpi),
            M.PdmDpiY: round(dpi),
            M.PdmPhysicalDpiX: round(dpi),
            M.PdmPhysicalDpiY: round(dpi),
            M.PdmWidthMM: round(width * 25.4 / dpi),
            M.PdmHeightMM: round(height * 25.4 / dpi),
            M.PdmDepth: 32,
            M.PdmNumColors: 1 << 24,
            M.PdmDevicePixelRatio: 1,
            M.PdmDevicePixelRatioScaled: 1 << 16,
            M.PdmDevicePixelRatioF_EncodedA: 1,
            M.PdmDevicePixelRatioF_EncodedB: 1,
        }

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        return self._metrics.get(metric, 0)


def widget_path(widget: QWidget, root: QWidget) -> str:
    """``root/…/widget`` by class and object name, e.g. ``MainWindow/DemoHost/QLabel#kitBody``."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = type(current).__name__ + (f"#{current.objectName()}" if current.objectName() else "")
        parts.append(name)
        if current is root:
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _marked(widget: QWidget, root: QWidget, name: str) -> bool:
    """Whether ``widget`` or one of its ancestors up to ``root`` has the property ``name`` set."""
    current: QWidget | None = widget
    while current is not None:
        if current.property(name):
            return True
        if current is root:
            return False
        current = current.parentWidget()
    return False


def painted_texts(root: QWidget) -> list[PaintedText]:
    """Every text the visible widgets under ``root`` paint now (staff-only ones left out)."""
    QApplication.processEvents()
    dpi = root.screen().logicalDotsPerInchY()
    found: list[PaintedText] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.width() <= 0 or widget.height() <= 0 or _marked(widget, root, STAFF_ONLY_PROPERTY):
            continue
        if not widget.visibleRegion().boundingRect().isValid():
            continue  # scrolled or covered out of sight
        device = _RecordingDevice(widget.width(), widget.height(), dpi)
        if isinstance(widget, QAbstractScrollArea):
            continue  # its viewport (a child) paints its content
        widget.render(device, QPoint(), QRegion(), QWidget.RenderFlag(0))
        path = widget_path(widget, root)
        minimum = INSTRUCTION_MIN_PX if _marked(widget, root, INSTRUCTION_PROPERTY) else VISITOR_MIN_PX
        drawn = getattr(widget, "drawn_text_sizes", None)
        texts = device.engine.texts + (drawn() if callable(drawn) else [])
        found += [PaintedText(path, text, pixels, minimum) for text, pixels in texts]
    return found


def too_small(texts: list[PaintedText]) -> list[str]:
    """One line per widget and size below its minimum: where, how big, a few of its texts."""
    grouped: dict[tuple[str, float, float], list[str]] = {}
    for text in texts:
        if text.pixels < text.minimum - 0.01:
            examples = grouped.setdefault((text.path, round(text.pixels, 1), text.minimum), [])
            if text.text[:40] not in examples:
                examples.append(text.text[:40])
    return [
        f"{path}: {pixels} px < {minimum} px: {', '.join(repr(t) for t in examples[:4])}"
        for (path, pixels, minimum), examples in sorted(grouped.items())
    ]
