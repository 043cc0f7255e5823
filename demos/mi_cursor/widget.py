"""The mind-ball screens: intro, calibration and game arena, results, and "how it worked".

The visit lives in the Qt-free :mod:`~demos.mi_cursor.flow`; this widget ticks it every 50 ms,
announces the cues it returns, and draws its state: the arena (cross, arrow, ball and goals) with
the live ERD bars beside it, the kit's progress bar during calibration, the kit's result screens.
"""

from __future__ import annotations

import html
import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QRadialGradient
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from demos.base import DemoContext
from demos.kit.demo import DemoScreen
from demos.kit.i18n import fill, translate
from demos.kit.panel import readable_plot
from demos.kit.widgets import VISITOR_MIN_PX, Countdown, NoticePage, ResultScreen, mark_instruction
from demos.mi_cursor.flow import Announce, MiFlow, Options, Phase, Step
from demos.mi_cursor.processing import LEFT, RIGHT, Erd, ErdCourse
from drivers.cues import StopReason

TICK_MS = 50
ARROW_GROW_S = 0.6  # the calibration arrow slides in and grows over this long, then stays
BACKGROUND, TRACK, GOAL, BALL = "#1b2a41", "#2f4a6d", "#ffd166", "#4cc9f0"
HIT, MISS = "#55a868", "#e4572e"
LEFT_COLOUR, RIGHT_COLOUR = "#f28e2b", "#4cc9f0"
HEMISPHERE_COLOURS = {LEFT: "#f28e2b", RIGHT: "#4c72b0"}
TEXT_DARK = "#1f2d3d"


class Arena(QWidget):
    """The visitor's view: a fixation cross, the cue arrow, or the ball between two goals."""

    def __init__(self, flow: MiFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.clock = time.time
        self.setMinimumSize(480, 300)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        flow = self.flow
        if flow.phase is Phase.CALIBRATION:
            self._paint_calibration(painter)
        elif flow.phase in (Phase.GAME, Phase.GAME_OVER) and flow.game.targets:
            self._paint_game(painter)
        painter.end()

    def _paint_calibration(self, painter: QPainter) -> None:
        flow = self.flow
        centre = QPointF(self.width() / 2, self.height() / 2)
        size = min(self.width(), self.height())
        if flow.step in (Step.FIXATION, Step.IMAGERY):
            painter.setPen(QPen(QColor("white"), max(3.0, size / 60)))
            arm = size / 12
            painter.drawLine(centre - QPointF(arm, 0), centre + QPointF(arm, 0))
            painter.drawLine(centre - QPointF(0, arm), centre + QPointF(0, arm))
        if flow.step is Step.IMAGERY and flow.cued_side is not None:
            grown = min(1.0, (self.clock() - flow.step_started) / ARROW_GROW_S)
            direction = -1 if flow.cued_side == LEFT else 1
            colour = LEFT_COLOUR if flow.cued_side == LEFT else RIGHT_COLOUR
            length = size * (0.18 + 0.17 * grown)
            start = centre + QPointF(direction * size / 10, 0)
            self._arrow(painter, start, direction, length, size / 9, QColor(colour))

    @staticmethod
    def _arrow(
        painter: QPainter, start: QPointF, direction: int, length: float, width: float, colour
    ) -> None:
        head = min(length * 0.45, width * 1.2)
        path = QPainterPath(start + QPointF(0, -width / 4))
        for dx, dy in ((length - head, -width / 4), (length - head, -width / 2), (length, 0)):
            path.lineTo(start + QPointF(direction * dx, dy))
        for dx, dy in ((length - head, width / 2), (length - head, width / 4), (0, width / 4)):
            path.lineTo(start + QPointF(direction * dx, dy))
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)

    def _paint_game(self, painter: QPainter) -> None:
        target = self.flow.game.targets[-1]
        width, height = self.width(), self.height()
        radius = min(height / 8, width / 14)
        margin = radius * 2.2
        y = height * 0.55
        track = QRectF(margin / 2, y - radius * 0.5, width - margin, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TRACK))
        painter.drawRoundedRect(track, radius / 2, radius / 2)
        shown = self.flow.step is not Step.FIXATION
        for side, x in ((LEFT, margin / 2 + radius * 0.2), (RIGHT, width - margin / 2 - radius * 0.2)):
            active = shown and side == target.side
            colour = QColor(GOAL)
            if active and target.hit is not None:
                colour = QColor(HIT if target.hit else MISS)
            painter.setPen(QPen(colour, radius / 5))
            painter.setBrush(colour if active else Qt.BrushStyle.NoBrush)
            self._star(painter, QPointF(x, y), radius * (1.15 if active else 0.8))
        travel = (width - 2 * margin) / 2
        ball = QPointF(width / 2 + target.cursor * travel, y)
        glow = QRadialGradient(ball, radius * 1.1)
        glow.setColorAt(0.0, QColor("white"))
        glow.setColorAt(0.45, QColor(BALL))
        glow.setColorAt(1.0, QColor(BALL).darker(160))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(glow))
        painter.drawEllipse(ball, radius, radius)

    @staticmethod
    def _star(painter: QPainter, centre: QPointF, radius: float) -> None:
        path = QPainterPath()
        for point in range(10):
            angle = -math.pi / 2 + point * math.pi / 5
            reach = radius if point % 2 == 0 else radius * 0.45
            corner = centre + QPointF(reach * math.cos(angle), reach * math.sin(angle))
            path.moveTo(corner) if point == 0 else path.lineTo(corner)
        path.closeSubpath()
        painter.drawPath(path)


class ErdBars(QWidget):
    """Mu and beta power over each motor cortex, against the visitor's rest: the brain reacting,
    even when the classifier does not. A bar going down is desynchronisation (the cortex busy)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.erd: Erd | None = None
        self.labels = ("", "", "", "")  # left brain, right brain, mu, beta (translated by the screen)
        self.setMinimumWidth(220)

    def show_erd(self, erd: Erd | None) -> None:
        if erd != self.erd:
            self.erd = erd
            self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        width, height = self.width(), self.height()
        font = QFont(self.font())
        font.setPixelSize(VISITOR_MIN_PX)
        painter.setFont(font)
        zero = height * 0.5
        scale = height * 0.35  # a 100 % change reaches this far
        painter.setPen(QPen(QColor("#9aa5b1"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(8, zero), QPointF(width - 8, zero))
        erd = self.erd
        values = ((erd.mu_left, erd.beta_left), (erd.mu_right, erd.beta_right)) if erd else ((0, 0), (0, 0))
        group_width = (width - 24) / 2
        for group, (name, pair) in enumerate(zip(self.labels[:2], values, strict=True)):
            left = 12 + group * group_width
            for index, value in enumerate(pair):
                bar_width = group_width / 3
                x = left + bar_width * (0.35 + 1.3 * index)
                bar = max(-1.0, min(1.0, value)) * scale
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#8da0cb" if index else "#66c2a5"))
                painter.drawRect(
                    QRectF(x, zero - bar, bar_width, bar) if bar > 0 else QRectF(x, zero, bar_width, -bar)
                )
                painter.setPen(QColor("white"))
                painter.drawText(
                    QRectF(x - 12, height - 62, bar_width + 24, 28),
                    Qt.AlignmentFlag.AlignCenter,
                    self.labels[2 + index],
                )
            painter.drawText(QRectF(left, height - 32, group_width, 28), Qt.AlignmentFlag.AlignCenter, name)
        painter.end()


class MiCursorWidget(DemoScreen):
    """Intro → calibration → result → game → result → how it worked, on one stacked screen."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.flow = MiFlow(context.stream, Options.from_settings(context.settings))
        self.clock = time.time
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._shown_phase: Phase | None = None
        self._build_ui()

    def _build_ui(self) -> None:
        self.pages = QStackedWidget()
        self.intro = NoticePage()
        self.intro.sigPrimary.connect(self.start_calibration)
        self.result = ResultScreen()
        self.result.sigPrimary.connect(self._on_result_primary)
        self.result.sigSecondary.connect(self._on_result_secondary)
        self.arena_page = QWidget()
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.caption.setObjectName("miCaption")
        self.caption.setStyleSheet("font-size: 30px; font-weight: 600;")
        mark_instruction(self.caption)
        self.caption.setMinimumHeight(90)
        self.progress = Countdown()
        self.score_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.score_label.setStyleSheet("font-size: 24px;")
        self.arena = Arena(self.flow)
        self.bars = ErdBars()
        self.bars_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.bars_title.setStyleSheet(f"font-size: {VISITOR_MIN_PX}px;")
        # What "mu" and "beta" under the bars mean, in words a child knows.
        self.bars_gloss = QLabel(wordWrap=True)
        self.bars_gloss.setStyleSheet(f"font-size: {VISITOR_MIN_PX}px; color: #52606d;")
        side = QVBoxLayout()
        side.addWidget(self.bars_title)
        side.addWidget(self.bars, 1)
        side.addWidget(self.bars_gloss)
        row = QHBoxLayout()
        row.addWidget(self.arena, 3)
        row.addLayout(side, 1)
        column = QVBoxLayout(self.arena_page)
        column.addWidget(self.caption)
        column.addLayout(row, 1)
        column.addWidget(self.progress)
        column.addWidget(self.score_label)
        self.staff_label = QLabel(objectName="miStaffInfo", wordWrap=True)
        self.staff_label.setStyleSheet("color: #777; font-size: 13px;")
        self.staff_label.hide()
        for page in (self.intro, self.arena_page, self.result):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.staff_label)
        self.plot = ErdCoursePlot()

    # --- shell hooks ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()
        self.redraw()

    def stop(self) -> None:
        self._timer.stop()
        self._announce(self.flow.stop())

    def interrupt(self, reason: StopReason) -> None:
        self._timer.stop()
        self.flow.interrupt(self.clock())

    def resume(self) -> None:
        self._announce(self.flow.resume(self.clock()))
        self._timer.start()
        self.redraw()

    def set_staff_mode(self, on: bool) -> None:
        self.staff_label.setVisible(on)

    # --- visitor events ---------------------------------------------------------------------------------
    def start_calibration(self) -> None:
        self.staff_label.clear()  # the last decoder's numbers do not describe the next one
        self._announce(self.flow.start(self.clock()))
        self.redraw()

    def play(self) -> None:
        self._announce(self.flow.play(self.clock()))
        self.redraw()

    def show_explanation(self) -> None:
        self.flow.explain()
        self.redraw()

    def _on_result_primary(self) -> None:
        """Play after a calibration (train again when it gave no decoder), "how it worked" after a
        game, play again after "how it worked"."""
        phase = self.flow.phase
        if phase is Phase.GAME_OVER and self.flow.can_explain:
            self.show_explanation()
        elif phase is Phase.RESULT and self.flow.decoder is None:
            self.start_calibration()
        else:
            self.play()

    def _on_result_secondary(self) -> None:
        """Train again, or after a game, play again."""
        if self.flow.phase is Phase.GAME_OVER and self.flow.can_explain:
            self.play()
        else:
            self.start_calibration()

    def tick(self) -> None:
        self._announce(self.flow.tick(self.clock()))
        self.redraw()

    def _announce(self, actions: list[Announce]) -> None:
        for action in actions:
            self.context.cue(action.cue)

    # --- drawing ----------------------------------------------------------------------------------------
    def redraw(self) -> None:
        flow = self.flow
        if flow.phase in (Phase.CALIBRATION, Phase.TRAINING, Phase.GAME):
            self.pages.setCurrentWidget(self.arena_page)
            self._draw_arena()
        elif flow.phase in (Phase.RESULT, Phase.GAME_OVER, Phase.EXPLAINED):
            self.pages.setCurrentWidget(self.result)
            if self._shown_phase is not flow.phase:
                self._draw_result()
        elif flow.phase is Phase.INTRO:
            self.pages.setCurrentWidget(self.intro)
        self._shown_phase = flow.phase

    def _draw_arena(self) -> None:
        flow = self.flow
        self.caption.setText(self._caption())
        calibrating = flow.phase in (Phase.CALIBRATION, Phase.TRAINING)
        self.progress.setVisible(calibrating)
        self.score_label.setVisible(not calibrating)
        if calibrating:
            done = min(flow.trial + (flow.step is Step.REST or flow.phase is Phase.TRAINING), len(flow.plan))
            self.progress.set_progress(done, len(flow.plan), translate("MiCursor", "training trials"))
        else:
            game = flow.game
            self.score_label.setText(
                fill(
                    translate("MiCursor", "Target %1 of %2   ·   hits: %3"),
                    len(game.targets),
                    flow.options.game_targets,
                    game.hits,
                )
            )
        self.bars.show_erd(flow.erd)
        self.arena.update()

    def _caption(self) -> str:
        flow = self.flow
        if flow.phase is Phase.TRAINING:
            return translate("MiCursor", "Learning your brain pattern…")
        side = flow.cued_side
        if flow.phase is Phase.CALIBRATION:
            if flow.step is Step.FIXATION:
                return translate("MiCursor", "Look at the cross and keep still.")
            if flow.step is Step.IMAGERY:
                if side == LEFT:
                    return translate("MiCursor", "Imagine squeezing your LEFT hand (don't move it).")
                return translate("MiCursor", "Imagine squeezing your RIGHT hand (don't move it).")
            return translate("MiCursor", "Relax.")
        target = flow.game.targets[-1] if flow.game.targets else None
        if target is None or flow.step is Step.FIXATION:
            return translate("MiCursor", "Get ready…")
        if target.hit is not None:
            return (
                translate("MiCursor", "Goal!") if target.hit else translate("MiCursor", "Missed. Next one!")
            )
        if side == LEFT:
            return translate("MiCursor", "Roll the ball LEFT: imagine squeezing your left hand.")
        return translate("MiCursor", "Roll the ball RIGHT: imagine squeezing your right hand.")

    def _draw_result(self) -> None:
        flow = self.flow
        calibrated = flow.calibrated
        self.result.set_picture(None)
        if flow.phase is Phase.EXPLAINED and calibrated is not None and calibrated.course is not None:
            self.plot.show_course(calibrated.course)
            self.result.set_picture(self.plot)
            self.result.show_result(
                translate("MiCursor", "How it worked"),
                translate(
                    "MiCursor",
                    "The mu rhythm is a calm brain wave (8-13 times a second) over the part of the brain "
                    "that moves your hands. Imagining a hand movement quiets it on the opposite side of "
                    "the brain: the right brain runs the left hand. These lines are your own mu rhythm "
                    "during the training; the computer learned to tell the two patterns apart.",
                ),
                translate("MiCursor", "Play again"),
                translate("MiCursor", "Train again"),
            )
        elif flow.phase is Phase.GAME_OVER:
            game = flow.game
            rate = round(100 * game.hits / max(1, len(game.targets)))
            hits, goals = game.hits, len(game.targets)
            self.context.report_result(
                lambda: fill(
                    translate("MiCursor", "Moved the ball with your mind: %1 of %2 goals"),
                    hits,
                    goals,
                )
            )
            self.result.show_result(
                fill(translate("MiCursor", "%1 of %2 goals"), game.hits, len(game.targets)),
                fill(translate("MiCursor", "Hit rate: %1\u00a0%. The ball followed your imagination."), rate)
                if game.hits > len(game.targets) / 2
                else fill(
                    translate(
                        "MiCursor",
                        "Hit rate: %1\u00a0%. Imagining movements takes practice: most people "
                        "get better with every try.",
                    ),
                    rate,
                ),
                *(
                    (translate("MiCursor", "How it worked"), translate("MiCursor", "Play again"))
                    if flow.can_explain
                    else (translate("MiCursor", "Play again"), translate("MiCursor", "Train again"))
                ),
            )
        elif calibrated is None or calibrated.validation is None:
            trials = calibrated.trials if calibrated else {LEFT: 0, RIGHT: 0}
            self.result.show_result(
                translate("MiCursor", "Not enough clean training"),
                fill(
                    translate(
                        "MiCursor",
                        "Only %1 left and %2 right trials had a clean signal. Check the headset, then "
                        "train again.",
                    ),
                    trials[LEFT],
                    trials[RIGHT],
                ),
                translate("MiCursor", "Train again"),
                None,
            )
        else:
            validation = calibrated.validation
            accuracy, chance = round(100 * validation.accuracy), round(100 * validation.chance)
            if validation.above_chance:
                headline = fill(translate("MiCursor", "Your brain pattern: %1\u00a0% recognised"), accuracy)
                body = fill(
                    translate(
                        "MiCursor",
                        # No-break spaces keep each number with its "%" on one line.
                        "In your %1 practice tries the computer told left from right %2\u00a0% of the time. "
                        "Just guessing gets about 50\u00a0% right, and a lucky guesser gets %3\u00a0% only "
                        "about 1 time in 20. Now steer the ball!",
                    ),
                    validation.n_trials,
                    accuracy,
                    chance,
                )
            else:
                headline = translate("MiCursor", "Your brain pattern was not clear enough yet")
                body = fill(
                    translate(
                        "MiCursor",
                        "The computer recognised %1\u00a0% of your trials; to be sure it is not luck "
                        "it needs %2\u00a0% on this many. Try again, or watch a staff demo. You may still "
                        "play: the ball will wander.",
                    ),
                    accuracy,
                    chance,
                )
            self.result.show_result(
                headline, body, translate("MiCursor", "Play"), translate("MiCursor", "Train again")
            )
            self.staff_label.setText(
                f"{validation.pipeline}: {validation.accuracy:.1%} cross-validated on {validation.n_trials} "
                f"trials (chance {validation.chance:.0%}); {len(flow.channels)} channels; "
                f"{calibrated.dropped} trial(s) dropped"
            )

    def retranslate(self) -> None:
        minutes = math.ceil(self.flow.options.calibration_s / 60)
        self.intro.show_notice(
            translate("MiCursor", "Move a ball with your mind"),
            fill(
                translate(
                    "MiCursor",
                    "First, %1 minutes of training. When an arrow points left, imagine squeezing your "
                    "left hand, without moving it; when it points right, your right hand. Sit still and "
                    "relax your face. Then the ball is yours to steer.",
                ),
                minutes,
            ),
            translate("MiCursor", "Start training"),
        )
        self.bars_title.setText(translate("MiCursor", "Your motor cortex (down = busy)"))
        self.bars_gloss.setText(
            translate(
                "MiCursor",
                "mu and beta: two kinds of brain waves over the part of the brain that moves your "
                "hands. They get weaker when that part is busy.",
            )
        )
        self.bars.labels = (
            translate("MiCursor", "left brain"),
            translate("MiCursor", "right brain"),
            translate("MiCursor", "mu"),
            translate("MiCursor", "beta"),
        )
        self.plot.retranslate()
        if self.flow.phase in (Phase.RESULT, Phase.GAME_OVER, Phase.EXPLAINED):
            self._draw_result()
        elif self.flow.phase is not Phase.INTRO:
            self._draw_arena()


class ErdCoursePlot(QWidget):
    """The visitor's mu power over both motor cortices around the arrow, one panel per imagined hand."""

    DISPLAY_HZ = 25  # the curves are smoothed over 0.5 s: more points only draw noise

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(280)
        self.key = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.RichText)
        self.key.setStyleSheet("font-size: 18px;")
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.panels = {
            hand: self.view.addPlot(row=0, col=column) for column, hand in enumerate((LEFT, RIGHT))
        }
        self.curves = {}
        for hand, panel in self.panels.items():
            panel.showGrid(x=True, y=True, alpha=0.3)
            readable_plot(panel)
            panel.addLine(x=0, pen=pg.mkPen("#777", style=Qt.PenStyle.DashLine))
            panel.addLine(y=0, pen=pg.mkPen("#bbb"))
            for axis in ("left", "bottom"):
                panel.getAxis(axis).setTextPen(TEXT_DARK)
                panel.getAxis(axis).setPen("#9aa5b1")
            for side in (LEFT, RIGHT):
                self.curves[hand, side] = panel.plot(pen=pg.mkPen(HEMISPHERE_COLOURS[side], width=3))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addWidget(self.view, 1)
        self.course: ErdCourse | None = None

    def show_course(self, course: ErdCourse) -> None:
        self.course = course
        rate = 1 / float(np.median(np.diff(course.times_s)))
        step = max(1, round(rate / self.DISPLAY_HZ))
        shown = {key: 100 * np.asarray(values)[::step] for key, values in course.curves.items()}
        for key, curve in self.curves.items():
            curve.setData(course.times_s[::step], shown[key])
        # One scale for both panels, so the two hands compare at a glance.
        low = min(float(values.min()) for values in shown.values())
        high = max(float(values.max()) for values in shown.values())
        for panel in self.panels.values():
            panel.setYRange(min(low, -10.0), max(high, 10.0), padding=0.05)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            LEFT: translate("MiCursor", "You imagined your LEFT hand"),
            RIGHT: translate("MiCursor", "You imagined your RIGHT hand"),
        }
        names = {
            LEFT: translate("MiCursor", "left side of your brain (sensor C3)"),
            RIGHT: translate("MiCursor", "right side of your brain (sensor C4)"),
        }
        self.key.setText(
            "&nbsp;&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{HEMISPHERE_COLOURS[side]}">&#9632;</span> {html.escape(names[side])}'
                for side in (LEFT, RIGHT)
            )
        )
        for hand, panel in self.panels.items():
            panel.setTitle(titles[hand], color=TEXT_DARK)
            panel.setLabel("bottom", translate("MiCursor", "seconds after the arrow"), color=TEXT_DARK)
            panel.setLabel("left", translate("MiCursor", "mu power vs rest (%)"), color=TEXT_DARK)
