"""The short introduction (and consent) before a kiosk visitor's first demo.

:class:`ConsentPage` tells someone who never saw EEG what is measured, that it is safe, that nothing
about them is kept, that they may stop at any time and that flashing demos warn first, each point
with a drawn :class:`Pictogram` (see :mod:`app.visitor`).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.i18n import other_language_name
from app.style import PRIMARY, PRIMARY_SOFT, SHOWROOM_STYLE, WARNING, WARNING_SOFT
from app.visitor.labels import page_label
from demos.kit.i18n import Retranslating, translate
from demos.kit.widgets import CHOICE_MIN_WIDTH_PX, TOUCH_MIN_PX, touch_button


class _Point(QFrame):
    """One thing a visitor should know: a pictogram, a short title and a sentence or two."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentPoint")
        if kind == "flash":
            self.setStyleSheet(f"#consentPoint {{ background: {WARNING_SOFT}; border-color: #f0c58c; }}")
        self.pictogram = Pictogram(kind, 60)
        self.title_label = page_label("consentPointTitle")
        self.text_label = page_label("consentPointText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(16)
        layout.addWidget(self.pictogram, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title_label)
        texts.addWidget(self.text_label)
        texts.addStretch(1)
        layout.addLayout(texts, 1)

    def set_texts(self, title: str, text: str) -> None:
        self.title_label.setText(title)
        self.text_label.setText(text)


class ConsentPage(Retranslating, QWidget):
    """A short introduction before the first demo, in the current language.

    :attr:`sigAccepted` is "Start", :attr:`sigDeclined` "Not now", :attr:`sigLanguageToggle` the
    language button (the main window switches the language; this page follows by itself).
    """

    sigAccepted = Signal()
    sigDeclined = Signal()
    sigLanguageToggle = Signal()

    POINTS = ("wave", "shield", "nothing-kept", "stop", "flash")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(SHOWROOM_STYLE)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.setMinimumSize(QSize(140, 56))
        self.language_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.language_button.clicked.connect(self.sigLanguageToggle)
        self.title_label = page_label("consentTitle", centred=True)
        self.lead_label = page_label("consentLead", centred=True)
        self.points = {kind: _Point(kind) for kind in self.POINTS}
        self.start_button = touch_button(primary=True)
        self.start_button.setMinimumSize(CHOICE_MIN_WIDTH_PX + 60, TOUCH_MIN_PX + 16)
        self.start_button.clicked.connect(self.sigAccepted)
        self.decline_button = touch_button(primary=False)
        self.decline_button.setMinimumSize(CHOICE_MIN_WIDTH_PX, TOUCH_MIN_PX + 16)
        self.decline_button.clicked.connect(self.sigDeclined)

        column = QWidget()
        column.setMaximumWidth(1240)
        content = QVBoxLayout(column)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(16)
        content.addStretch(1)
        content.addWidget(self.title_label)
        content.addWidget(self.lead_label)
        content.addSpacing(8)
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, kind in enumerate(self.POINTS[:4]):
            grid.addWidget(self.points[kind], index // 2, index % 2)
        grid.addWidget(self.points["flash"], 2, 0, 1, 2)
        for column_index in (0, 1):
            grid.setColumnStretch(column_index, 1)
        content.addLayout(grid)
        content.addStretch(1)
        centred = QWidget()
        centred_layout = QHBoxLayout(centred)
        centred_layout.setContentsMargins(32, 0, 32, 0)
        centred_layout.addStretch(1)
        centred_layout.addWidget(column, 100)
        centred_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(centred)
        self.scroll.setObjectName("pageScroll")  # the page's background shows through

        top = QHBoxLayout()
        top.setContentsMargins(32, 20, 32, 0)
        top.addStretch(1)
        top.addWidget(self.language_button)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(32, 8, 32, 28)
        buttons.setSpacing(24)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def clear(self) -> None:
        """Ready for the next visitor: back to the top, nothing pressed."""
        self.scroll.verticalScrollBar().setValue(0)
        for button in (self.start_button, self.decline_button, self.language_button):
            button.setDown(False)

    def retranslate(self) -> None:
        self.language_button.setText(other_language_name())
        self.title_label.setText(translate("ConsentPage", "Before you start"))
        self.lead_label.setText(
            translate(
                "ConsentPage",
                "A brain-computer interface turns your brain's activity into actions on the screen.",
            )
        )
        self.points["wave"].set_texts(
            translate("ConsentPage", "What the headset measures"),
            translate(
                "ConsentPage",
                "Tiny electrical signals from your brain (EEG), picked up by sensors resting on your skin.",
            ),
        )
        self.points["shield"].set_texts(
            translate("ConsentPage", "It is safe"),
            translate(
                "ConsentPage", "The headset only listens. It sends nothing into your head and does not hurt."
            ),
        )
        self.points["nothing-kept"].set_texts(
            translate("ConsentPage", "Nothing about you is kept"),
            # True while a game's board forgets a typed nickname the same day (the attention game's does).
            translate(
                "ConsentPage",
                "Your brain signals are shown live, then forgotten. No name, no photo; "
                "a nickname you type for a game's board is wiped the same day.",
            ),
        )
        self.points["stop"].set_texts(
            translate("ConsentPage", "Stop any time"),
            translate(
                "ConsentPage", 'Touch "I\'m done", tell a member of staff, or simply take the headset off.'
            ),
        )
        self.points["flash"].set_texts(
            translate("ConsentPage", "Flashing light"),
            translate(
                "ConsentPage",
                "Some demos flicker. They warn you first, so you can skip them if flashing light "
                "is not good for you.",
            ),
        )
        self.start_button.setText(translate("ConsentPage", "Start"))
        self.decline_button.setText(translate("ConsentPage", "Not now"))


class Pictogram(QWidget):
    """A small drawn symbol in a tinted disc: no icon font, no image file, never a tofu box."""

    KINDS = ("wave", "shield", "nothing-kept", "stop", "flash")

    def __init__(self, kind: str, size: int = 64, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in self.KINDS:
            raise ValueError(f"no pictogram {kind!r}; choose one of {', '.join(self.KINDS)}")
        self.kind = kind
        self.setFixedSize(size, size)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        warning = self.kind == "flash"
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffe0b8" if warning else PRIMARY_SOFT))
        painter.drawEllipse(QRectF(0, 0, side, side))
        ink = QColor(WARNING if warning else PRIMARY)
        painter.setPen(_round_pen(QBrush(ink), side * 0.06))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        s = side / 100.0  # draw on a 100 x 100 grid
        if self.kind == "wave":
            points = [
                QPointF((22 + 56 * i / 40) * s, (50 - 16 * math.sin(i / 40 * 4 * math.pi)) * s)
                for i in range(41)
            ]
            painter.drawPolyline(QPolygonF(points))
        elif self.kind == "shield":
            path = QPainterPath(QPointF(50 * s, 20 * s))
            path.lineTo(75 * s, 29 * s)
            path.cubicTo(75 * s, 56 * s, 66 * s, 70 * s, 50 * s, 81 * s)
            path.cubicTo(34 * s, 70 * s, 25 * s, 56 * s, 25 * s, 29 * s)
            path.closeSubpath()
            painter.drawPath(path)
            painter.drawPolyline(
                QPolygonF([QPointF(39 * s, 50 * s), QPointF(47 * s, 58 * s), QPointF(62 * s, 42 * s)])
            )
        elif self.kind == "nothing-kept":
            painter.drawRoundedRect(QRectF(28 * s, 34 * s, 44 * s, 36 * s), 5 * s, 5 * s)
            painter.drawLine(QPointF(28 * s, 34 * s), QPointF(40 * s, 26 * s))
            painter.drawLine(QPointF(40 * s, 26 * s), QPointF(52 * s, 34 * s))
            painter.drawLine(QPointF(22 * s, 78 * s), QPointF(78 * s, 22 * s))
        elif self.kind == "stop":
            painter.setBrush(ink)
            painter.drawRoundedRect(QRectF(34 * s, 34 * s, 32 * s, 32 * s), 4 * s, 4 * s)
        else:  # flash
            painter.setBrush(ink)
            bolt = [(56, 18), (30, 55), (48, 55), (42, 82), (70, 44), (52, 44)]
            painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in bolt]))
        painter.end()


def _round_pen(brush: QBrush, width: float) -> QPen:
    return QPen(brush, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
