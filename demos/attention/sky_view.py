"""The attention game's round as the crowd sees it: a rocket (focus) or a balloon (relax) climbing
to the score, or the duel's ball pulled between two players; and the game's palette.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from demos.attention.flow import AttentionFlow, Mode
from demos.kit.widgets import VISITOR_MIN_PX

SKY_TOP, SKY_BOTTOM, GROUND = "#0b1d3a", "#3d6fb6", "#2d6a4f"
ROCKET, FLAME, BALLOON = "#f4f4f8", "#ff9f1c", "#e63946"
PLAYER_COLOURS = ("#f28e2b", "#4cc9f0")  # the duel's players, in the sky and in "how it worked"
TEXT_DARK = "#1f2d3d"  # text on the game's light pages
SCALE_TEXT = "#ffffff"  # the height scale's numbers: 5:1 or more on the sky's lightest blue


class Sky(QWidget):
    """The round: a rocket (focus) or a balloon (relax) at the height of the score, or the duel's
    ball between two players."""

    def __init__(self, flow: AttentionFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.heights: list[float] = [0.0, 0.0]  # what is drawn, eased towards the scores
        self.player_names = ("", "")
        self.score_names = ("", "")  # "focus", "calm": what the big number is
        self.setMinimumSize(420, 220)

    def advance(self) -> None:
        """Ease the drawn heights towards the scores (the score is smooth; this makes it glide); with
        no score yet (get ready, the round's first moment) the craft waits on the ground."""
        for index, player in enumerate(self.flow.playing):
            score = self.flow.score(player)
            target = 0.0 if score is None else score / 100
            self.heights[index] += 0.5 * (target - self.heights[index])
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        sky = QLinearGradient(0, 0, 0, self.height())
        sky.setColorAt(0.0, QColor(SKY_TOP))
        sky.setColorAt(1.0, QColor(SKY_BOTTOM))
        painter.fillRect(self.rect(), sky)
        if self.flow.mode is Mode.DUEL:
            self._paint_duel(painter)
        else:
            self._paint_climb(painter)
        painter.end()

    def _paint_climb(self, painter: QPainter) -> None:
        width, height = self.width(), self.height()
        ground = height * 0.9
        painter.fillRect(QRectF(0, ground, width, height - ground), QColor(GROUND))
        line_pen, text_pen = (
            QPen(QColor(255, 255, 255, 70), 1, Qt.PenStyle.DashLine),
            QPen(QColor(SCALE_TEXT)),
        )
        font = QFont(self.font())
        font.setPixelSize(VISITOR_MIN_PX)
        painter.setFont(font)
        top = height * 0.12
        for mark in (25, 50, 75, 100):  # the score's scale, so the crowd can read the height
            y = ground - (ground - top) * mark / 100
            painter.setPen(line_pen)  # faint, so the lines don't compete with the craft
            painter.drawLine(QPointF(40, y), QPointF(width - 10, y))
            painter.setPen(text_pen)
            painter.drawText(QRectF(0, y - 14, 38, 28), Qt.AlignmentFlag.AlignRight, str(mark))
        y = ground - (ground - top) * self.heights[0]
        size = min(width, height) / 7
        centre = QPointF(width / 2, y)  # the craft sits on its score's line
        if self.flow.mode is Mode.RELAX:
            self._balloon(painter, centre, size)
        else:
            self._rocket(painter, centre, size)
        self._score(painter, QRectF(width * 0.68, height * 0.04, width * 0.3, height * 0.18), 0)

    def _score(self, painter: QPainter, box: QRectF, index: int) -> None:
        """The player's score as a big number under its name, for the crowd."""
        score = self.flow.score(self.flow.playing[index]) if index < len(self.flow.playing) else None
        if self.flow.mode is not Mode.DUEL:
            font = QFont(self.font())
            font.setPixelSize(max(VISITOR_MIN_PX, int(box.height() * 0.22)))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            name = self.score_names[1 if self.flow.mode is Mode.RELAX else 0]
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
            box = box.adjusted(0, box.height() * 0.25, 0, 0)
        font = QFont(self.font())
        font.setPixelSize(max(20, int(box.height() * 0.8)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white") if self.flow.mode is not Mode.DUEL else QColor(PLAYER_COLOURS[index]))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "–" if score is None else f"{score:.0f}")

    @staticmethod
    def _rocket(painter: QPainter, centre: QPointF, size: float) -> None:
        body = QPainterPath()
        body.moveTo(centre + QPointF(0, -size))
        body.quadTo(centre + QPointF(size * 0.45, -size * 0.4), centre + QPointF(size * 0.3, size * 0.5))
        body.lineTo(centre + QPointF(-size * 0.3, size * 0.5))
        body.quadTo(centre + QPointF(-size * 0.45, -size * 0.4), centre + QPointF(0, -size))
        flame = QPainterPath()
        flame.moveTo(centre + QPointF(-size * 0.2, size * 0.5))
        flame.quadTo(centre + QPointF(0, size * 1.3), centre + QPointF(size * 0.2, size * 0.5))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(FLAME))
        painter.drawPath(flame)
        painter.setBrush(QColor(ROCKET))
        painter.drawPath(body)
        painter.setBrush(QColor("#4cc9f0"))
        painter.drawEllipse(centre + QPointF(0, -size * 0.3), size * 0.14, size * 0.14)

    @staticmethod
    def _balloon(painter: QPainter, centre: QPointF, size: float) -> None:
        painter.setPen(QPen(QColor("white"), 2))
        painter.drawLine(centre + QPointF(0, size * 0.55), centre + QPointF(0, size * 1.2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BALLOON))
        painter.drawEllipse(centre, size * 0.45, size * 0.55)
        painter.setBrush(QColor(255, 255, 255, 90))
        painter.drawEllipse(centre + QPointF(-size * 0.15, -size * 0.2), size * 0.1, size * 0.16)

    def _paint_duel(self, painter: QPainter) -> None:
        width, height = self.width(), self.height()
        y = height * 0.55
        margin = width * 0.1
        painter.setPen(QPen(QColor("#d9c48f"), max(4.0, height / 60)))
        painter.drawLine(QPointF(margin, y), QPointF(width - margin, y))
        font = QFont(self.font())
        font.setPixelSize(max(VISITOR_MIN_PX, int(height / 16)))
        font.setBold(True)
        painter.setFont(font)
        for index, x in enumerate((margin, width - margin)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PLAYER_COLOURS[index]))
            painter.drawRect(QRectF(x - 8, y - height * 0.2, 16, height * 0.4))
            painter.setPen(QColor(PLAYER_COLOURS[index]))
            box = QRectF(x - width * 0.1, y + height * 0.22, width * 0.2, height * 0.1)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.player_names[index])
            self._score(painter, box.translated(0, -height * 0.62), index)
        # rope -1: the ball sits at player 1's side (player 1 won), +1 at player 2's.
        ball = QPointF(width / 2 + self.flow.rope * (width / 2 - margin), y)
        radius = min(width, height) / 14
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(ball, radius, radius)
