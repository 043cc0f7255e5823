"""The window's message banner, laid over the page's top edge instead of pushing the page down.

Why over, not above: a banner placed in the layout moved every control under it ~57 px the moment
it appeared (staff reached for a button in the console and tapped the one below it; a visitor's
tile jumped). Laid over the page and letting touches through, it moves nothing, and it leaves by
itself after a few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

#: The banner's widest (px) and its distance from the page's edges (px).
BANNER_MAX_WIDTH_PX = 1100
BANNER_MARGIN_PX = 12


class OverlayBanner(QLabel):
    """A word-wrapped line centred at the top of ``parent``, above its other children, following
    its size; touches go through it to what is underneath."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        parent.installEventFilter(self)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.place()

    def place(self) -> None:
        """Centre the banner at the top of its parent, as high as its text needs."""
        parent = self.parentWidget()
        width = max(1, min(BANNER_MAX_WIDTH_PX, parent.width() - 2 * BANNER_MARGIN_PX))
        height = self.heightForWidth(width) if self.text() else self.sizeHint().height()
        self.setGeometry((parent.width() - width) // 2, BANNER_MARGIN_PX, width, max(height, 1))
        self.raise_()

    def showEvent(self, event) -> None:
        self.place()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.place()
        return False
