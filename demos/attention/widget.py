"""The attention game's screens: choice, baseline, the round (rocket, balloon or duel), result with
today's best, "how it worked".

The visit lives in the Qt-free :mod:`~demos.attention.flow`; this widget ticks it every 100 ms,
announces the cues and plays the sounds it returns, and draws its state.
"""

from __future__ import annotations

import html
import math
import time
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from demos.attention.flow import Announce, AttentionFlow, Mode, Options, Outcome, Phase, Sound
from demos.attention.leaderboard import MAX_NICKNAME_CHARS, Leaderboard, NicknameError, NicknameProblem
from demos.attention.player import Player
from demos.attention.processing import Hold
from demos.attention.sound import SoundPlayer
from demos.base import DemoContext
from demos.kit.demo import DemoScreen
from demos.kit.i18n import fill, translate
from demos.kit.widgets import Countdown, NoticePage, ResultScreen, touch_button
from drivers.cues import Baseline, StopReason

TICK_MS = 100
HINT_KEEP_S = 1.5  # a hint stays this long after the artifact ends, so it can be read
SKY_TOP, SKY_BOTTOM, GROUND = "#0b1d3a", "#3d6fb6", "#2d6a4f"
ROCKET, FLAME, BALLOON = "#f4f4f8", "#ff9f1c", "#e63946"
PLAYER_COLOURS = ("#f28e2b", "#4cc9f0")
ALPHA_COLOUR, BETA_COLOUR = "#4c72b0", "#dd8452"
TEXT_DARK = "#1f2d3d"
LEADERBOARD_FILE = "leaderboard.sqlite3"


def hint_text(hold: Hold | None) -> str:
    """A friendly sentence for why the score is holding (empty when there is nothing to do)."""
    if hold is Hold.BLINK:
        return translate("Attention", "Blinking! Try to keep your eyes still for a moment.")
    if hold is Hold.JAW:
        return translate("Attention", "Relax your jaw and face.")
    if hold is Hold.MOVEMENT:
        return translate("Attention", "Try to sit still.")
    if hold is Hold.HEADSET:
        return translate("Attention", "The headset has lost contact. Please ask a member of staff.")
    return ""


def describe_outcome(outcome: Outcome) -> str:
    """A finished round in one line, for the kiosk's thank-you screen."""
    if outcome.mode is Mode.DUEL:
        if outcome.winner is None:
            return fill(translate("Attention", "Focus duel: a draw, %1 to %2"), *outcome.scores)
        return fill(
            translate("Attention", "Focus duel: player %1 won, %2 to %3"), outcome.winner + 1, *outcome.scores
        )
    if outcome.mode is Mode.FOCUS:
        return fill(translate("Attention", "Your focus score: %1"), outcome.scores[0])
    return fill(translate("Attention", "Your relax score: %1"), outcome.scores[0])


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
        """Ease the drawn heights towards the scores (the score is smooth; this makes it glide)."""
        for index, player in enumerate(self.flow.playing):
            score = self.flow.score(player)
            if score is not None:
                self.heights[index] += 0.5 * (score / 100 - self.heights[index])
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
        painter.setPen(QPen(QColor(255, 255, 255, 70), 1, Qt.PenStyle.DashLine))
        font = QFont(self.font())
        font.setPixelSize(14)
        painter.setFont(font)
        top = height * 0.12
        for mark in (25, 50, 75, 100):  # the score's scale, so the crowd can read the height
            y = ground - (ground - top) * mark / 100
            painter.drawLine(QPointF(40, y), QPointF(width - 10, y))
            painter.drawText(QRectF(4, y - 10, 34, 20), Qt.AlignmentFlag.AlignRight, str(mark))
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
            font.setPixelSize(max(14, int(box.height() * 0.22)))
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
        font.setPixelSize(max(16, int(height / 16)))
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


class BandPlot(QWidget):
    """The visitor's alpha and beta waves over the round, as % of their strength at rest (eyes open),
    with the rest level and the eyes-closed alpha level as lines to compare with."""

    SMOOTH_TICKS = 10  # 1 s at the 10 Hz tick: the curves show the trend, not every window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(260)
        self.key = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, textFormat=Qt.TextFormat.RichText)
        self.key.setStyleSheet("font-size: 18px;")
        self.view = pg.PlotWidget(background="w")
        self.plot = self.view.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(TEXT_DARK)
            self.plot.getAxis(axis).setPen("#9aa5b1")
        self.rest_line = self.plot.addLine(
            y=100, pen=pg.mkPen("#52606d", width=2, style=Qt.PenStyle.DashLine)
        )
        self.closed_line = self.plot.addLine(
            y=100, pen=pg.mkPen(ALPHA_COLOUR, width=2, style=Qt.PenStyle.DotLine)
        )
        self.curves = {
            "alpha": self.plot.plot(pen=pg.mkPen(ALPHA_COLOUR, width=3)),
            "beta": self.plot.plot(pen=pg.mkPen(BETA_COLOUR, width=3)),
        }
        self.score_curves = [self.plot.plot(pen=pg.mkPen(colour, width=3)) for colour in PLAYER_COLOURS]
        self.showing = "bands"  # or "scores": a duel's two focus scores
        self.player_names: tuple[str, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addWidget(self.view, 1)

    def show_trace(
        self,
        times: np.ndarray,
        powers: dict[str, np.ndarray],
        rest: tuple[float, float],
        closed_alpha: float | None,
    ) -> None:
        """``powers`` alpha and beta (µV², NaN where held) at ``times``; ``rest`` their eyes-open
        means. Curves show amplitude (the square root of power) as % of rest, smoothed over 1 s;
        held windows are bridged, never drawn."""
        self._clear("bands")
        if len(times) < 2:  # nothing measured: no curve (and none of an earlier round)
            return
        shown = {}
        for column, name in enumerate(("alpha", "beta")):
            values = np.asarray(powers[name], float)
            good = np.isfinite(values)
            if good.sum() < 2:
                values = np.full(len(times), 100.0)
            else:
                values = np.interp(times, times[good], values[good])
                padded = np.pad(values, self.SMOOTH_TICKS // 2, mode="edge")
                kernel = np.ones(self.SMOOTH_TICKS) / self.SMOOTH_TICKS
                values = np.convolve(padded, kernel, mode="valid")[: len(times)]
                values = 100 * np.sqrt(values / max(rest[column], 1e-12))
            shown[name] = values
            self.curves[name].setData(times - times[0], values)
        levels = [100.0] + [float(v.min()) for v in shown.values()] + [float(v.max()) for v in shown.values()]
        self.closed_line.setVisible(closed_alpha is not None)
        if closed_alpha is not None:
            closed = 100 * math.sqrt(closed_alpha / max(rest[0], 1e-12))
            self.closed_line.setValue(closed)
            levels.append(closed)
        self.plot.setYRange(max(0.0, min(levels) - 10), max(levels) + 10, padding=0.02)
        self.plot.setXRange(0, float(times[-1] - times[0]), padding=0.02)
        self.retranslate()

    def show_scores(
        self, times: list[np.ndarray], scores: list[np.ndarray], colours: Sequence[str], names: Sequence[str]
    ) -> None:
        """Each player's focus score (0-100) over the round, with their rest (50) as a line."""
        self._clear("scores")
        self.player_names = tuple(names)
        self.rest_line.setValue(50)
        start = min((float(t[0]) for t in times if len(t)), default=0.0)
        end = start
        for curve, player_times, values in zip(self.score_curves, times, scores, strict=False):
            if len(player_times) >= 2:
                curve.setData(player_times - start, values)
                end = max(end, float(player_times[-1]))
        self.plot.setYRange(0, 100, padding=0.02)
        self.plot.setXRange(0, max(1.0, end - start), padding=0.02)
        self.retranslate()

    def _clear(self, showing: str) -> None:
        """Empty every curve (nothing of an earlier round stays) and set what is shown now."""
        for curve in (*self.curves.values(), *self.score_curves):
            curve.setData([], [])
        self.showing = showing
        self.rest_line.setValue(100)
        self.closed_line.setVisible(showing == "bands")

    def retranslate(self) -> None:
        if self.showing == "scores":
            players = [("&#9632;", c, n) for c, n in zip(PLAYER_COLOURS, self.player_names, strict=False)]
            items = (*players, ("- -", "#52606d", translate("Attention", "as at rest")))
        else:
            items = (
                ("&#9632;", ALPHA_COLOUR, translate("Attention", "alpha waves (8-13 Hz)")),
                ("&#9632;", BETA_COLOUR, translate("Attention", "beta waves (13-30 Hz)")),
                ("- -", "#52606d", translate("Attention", "you at rest, eyes open")),
                ("···", ALPHA_COLOUR, translate("Attention", "your alpha with eyes closed")),
            )
        self.key.setText(
            "&nbsp;&nbsp;&nbsp;".join(
                f'<span style="color:{colour}"><b>{symbol}</b></span> {html.escape(name)}'
                for symbol, colour, name in items
            )
        )
        self.plot.setLabel("bottom", translate("Attention", "seconds into the round"), color=TEXT_DARK)
        left = (
            translate("Attention", "focus score")
            if self.showing == "scores"
            else translate("Attention", "strength (% of rest)")
        )
        self.plot.setLabel("left", left, color=TEXT_DARK)


class AttentionWidget(DemoScreen):
    """Choice → baseline → round → result → how it worked, on one stacked screen."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        streams = [context.stream] + ([context.second_stream] if context.second_stream is not None else [])
        self.flow = AttentionFlow(
            [Player(stream) for stream in streams], Options.from_settings(context.settings)
        )
        self.clock = time.time
        self.sound = SoundPlayer(enabled=bool(context.settings.value("sound", True)))
        self.board: Leaderboard | None = None
        #: What staff should know about the board (a damaged file, no disk), on the staff line.
        self.board_note = ""
        if context.data_folder is not None:
            self.board = Leaderboard(context.data_folder / LEADERBOARD_FILE)
            if self.board.recovered_from is not None:
                self.board_note = (
                    f"leaderboard file was damaged: kept as {self.board.recovered_from}, a new one started"
                )
            elif not self.board.persistent:
                self.board_note = f"leaderboard kept in memory only: {self.board.problem}"
            if self.board_note:
                context.logger.warning("%s", self.board_note)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._hint = ""
        self._hint_until = 0.0
        self._saved = False
        self._saved_place = 0
        self._shown_phase: Phase | None = None
        self._build_ui()

    # --- building ---------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.pages = QStackedWidget()
        self.intro_page = QWidget()
        self.intro_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.intro_title.setStyleSheet(f"font-size: 34px; font-weight: 700; color: {TEXT_DARK};")
        self.intro_body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.intro_body.setStyleSheet(f"font-size: 22px; color: {TEXT_DARK};")
        self.focus_button = touch_button()
        self.focus_button.clicked.connect(lambda: self.choose(Mode.FOCUS))
        self.relax_button = touch_button()
        self.relax_button.clicked.connect(lambda: self.choose(Mode.RELAX))
        self.duel_button = touch_button()
        self.duel_button.clicked.connect(lambda: self.choose(Mode.DUEL))
        self.duel_button.setVisible(self.flow.can_duel)
        self.new_player_button = touch_button(primary=False)
        self.new_player_button.clicked.connect(self.new_player)
        self.sound_button = touch_button(primary=False)
        self.sound_button.setCheckable(True)
        self.sound_button.setChecked(self.sound.enabled)
        self.sound_button.toggled.connect(self.set_sound)
        self.board_label = QLabel(alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.board_label.setTextFormat(Qt.TextFormat.RichText)
        self.board_label.setStyleSheet(
            f"font-size: 20px; color: {TEXT_DARK}; background: white; border-radius: 12px; padding: 16px;"
        )
        self.board_label.setMinimumWidth(300)
        buttons = QHBoxLayout()
        for button in (self.focus_button, self.relax_button, self.duel_button):
            button.setMinimumHeight(72)
            buttons.addWidget(button)
        choice = QVBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.intro_title)
        choice.addWidget(self.intro_body)
        choice.addSpacing(16)
        choice.addLayout(buttons)
        extras = QHBoxLayout()
        extras.addStretch(1)
        extras.addWidget(self.new_player_button)
        extras.addWidget(self.sound_button)
        extras.addStretch(1)
        choice.addLayout(extras)
        choice.addStretch(1)
        intro = QHBoxLayout(self.intro_page)
        intro.setContentsMargins(32, 16, 32, 16)
        intro.addLayout(choice, 3)
        intro.addSpacing(24)
        intro.addWidget(self.board_label, 1)

        self.play_page = QWidget()
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.caption.setStyleSheet(f"font-size: 30px; font-weight: 600; color: {TEXT_DARK};")
        self.caption.setMinimumHeight(60)
        self.sky = Sky(self.flow)
        self.countdown = Countdown()
        self.countdown.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hint_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hint_label.setStyleSheet("font-size: 24px; color: #b35900;")
        self.hint_label.setMinimumHeight(40)
        column = QVBoxLayout(self.play_page)
        column.addWidget(self.caption)
        column.addWidget(self.sky, 1)
        column.addWidget(self.countdown)
        column.addWidget(self.hint_label)

        self.result = ResultScreen()
        self.result.sigPrimary.connect(self._on_result_primary)
        self.result.sigSecondary.connect(self._on_result_secondary)
        self.save_box = QWidget()
        self.nickname = QLineEdit()
        self.nickname.setMaxLength(MAX_NICKNAME_CHARS * 2)  # room to type; the check says what is too long
        self.nickname.setMinimumHeight(52)
        self.nickname.setStyleSheet("font-size: 22px;")
        self.nickname.returnPressed.connect(self.save_score)
        # A bound method, not a lambda: the box is parentless while not shown, and a lambda would
        # keep this whole screen alive through it (the soak benchmark counts closed screens).
        self.nickname.textEdited.connect(self._on_nickname_edited)
        self.save_button = touch_button()
        self.save_button.clicked.connect(self.save_score)
        self.save_message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.save_message.setStyleSheet("font-size: 20px;")
        self.result_board = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.result_board.setTextFormat(Qt.TextFormat.RichText)
        self.result_board.setStyleSheet(f"font-size: 20px; color: {TEXT_DARK};")
        save_row = QHBoxLayout()
        save_row.addWidget(self.nickname, 1)
        save_row.addWidget(self.save_button)
        save_column = QVBoxLayout(self.save_box)
        save_column.addLayout(save_row)
        save_column.addWidget(self.save_message)
        save_column.addWidget(self.result_board)
        self.band_plot = BandPlot()

        self.notice = NoticePage()
        self.notice.sigPrimary.connect(self.retry_baseline)
        self.notice.sigSecondary.connect(self.back_to_choice)

        for page in (self.intro_page, self.play_page, self.result, self.notice):
            self.pages.addWidget(page)
        self.staff_label = QLabel(self.board_note, wordWrap=True)
        self.staff_label.setStyleSheet("color: #777; font-size: 13px;")
        self.staff_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 8)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.staff_label)

    # --- shell hooks ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._timer.start()
        self.redraw()

    def stop(self) -> None:
        self._timer.stop()
        self._act(self.flow.stop())
        if self.board is not None:
            self.board.close()
            self.board = None

    def interrupt(self, reason: StopReason) -> None:
        self._timer.stop()
        self._act(self.flow.interrupt(self.clock()))

    def resume(self) -> None:
        self._act(self.flow.resume(self.clock()))
        self._timer.start()
        self.redraw()

    def set_staff_mode(self, on: bool) -> None:
        self.staff_label.setVisible(on)

    # --- visitor events ---------------------------------------------------------------------------------
    def choose(self, mode: Mode) -> None:
        self._saved = False
        self._act(self.flow.choose(mode, self.clock()))
        self.redraw()

    def retry_baseline(self) -> None:
        self._act(self.flow.retry_baseline(self.clock()))
        self.redraw()

    def back_to_choice(self) -> None:
        self.flow.again()
        self._retranslate_intro()
        self.redraw()

    def new_player(self) -> None:
        """Someone new plays: the next game learns their brain at rest first."""
        self.flow.new_players()
        self._saved = False
        self._retranslate_intro()
        self.redraw()

    def set_sound(self, on: bool) -> None:
        self.sound.enabled = on
        self.context.settings.set_value("sound", on)
        self._retranslate_sound()

    def save_score(self) -> None:
        """Put the visitor's score on today's board under the nickname typed, or say what is wrong."""
        outcome = self.flow.outcome
        if self.board is None or outcome is None or self._saved or outcome.mode is Mode.DUEL:
            return
        place = self.board.rank_today(outcome.mode.value, outcome.scores[0])
        try:
            self.board.add(self.nickname.text(), outcome.mode.value, outcome.scores[0])
        except NicknameError as error:
            self.save_message.setStyleSheet("font-size: 20px; color: #b42318;")
            self.save_message.setText(self._nickname_problem(error.reason))
            return
        self._saved = True
        self.nickname.setEnabled(False)
        self.save_button.setEnabled(False)
        self._saved_place = place
        self.save_message.setStyleSheet("font-size: 20px; color: #2d6a4f;")
        self._show_saved()
        self._show_board(self.result_board, outcome.mode)

    def _on_nickname_edited(self, _text: str) -> None:
        self.save_message.clear()  # the last complaint goes as the visitor types again

    def _show_saved(self) -> None:
        self.save_message.setText(fill(translate("Attention", "Saved: number %1 today!"), self._saved_place))

    def _on_result_primary(self) -> None:
        """After a round: how it worked; after that: play again."""
        if self.flow.phase is Phase.RESULT:
            self.flow.explain()
        else:
            self.back_to_choice()
        self.redraw()

    def _on_result_secondary(self) -> None:
        """After a round: play again; on "how it worked": back to the score."""
        if self.flow.phase is Phase.EXPLAINED:
            self.flow.back_to_result()
            self.redraw()
        else:
            self.back_to_choice()

    def tick(self) -> None:
        now = self.clock()
        self._act(self.flow.tick(now))
        text = self._hints()
        if text:
            self._hint, self._hint_until = text, now + HINT_KEEP_S
        elif now > self._hint_until:
            self._hint = ""
        self.redraw()

    def _hints(self) -> str:
        """Why the score holds, for each player (in a duel, named): in the round only, except a
        headset fault, which staff must hear about at once (the baseline judges its own windows
        afterwards against the visitor's own limits)."""
        flow = self.flow
        if flow.phase not in (Phase.BASELINE, Phase.READY, Phase.ROUND):
            return ""
        texts = []
        for index, player in enumerate(flow.playing):
            hold = flow.hold(player)
            if flow.phase is not Phase.ROUND and hold is not Hold.HEADSET:
                continue
            text = hint_text(hold)
            if text and flow.mode is Mode.DUEL:
                text = fill(translate("Attention", "Player %1: %2"), index + 1, text)
            if text:
                texts.append(text)
        return "  ".join(texts)

    def _act(self, actions) -> None:
        for action in actions:
            if isinstance(action, Announce):
                self.context.cue(action.cue)
            elif isinstance(action, Sound):
                self.sound.play(action.name)

    # --- drawing ----------------------------------------------------------------------------------------
    def redraw(self) -> None:
        phase = self.flow.phase
        if phase in (
            Phase.BASELINE,
            Phase.READY,
            Phase.ROUND,
            Phase.PAUSED,
        ):  # PAUSED: under the shell's page
            self.pages.setCurrentWidget(self.play_page)
            self._draw_play()
        elif phase in (Phase.RESULT, Phase.EXPLAINED):
            self.pages.setCurrentWidget(self.result)
            if self._shown_phase is not phase:
                self._draw_result(fresh=self._shown_phase not in (Phase.RESULT, Phase.EXPLAINED, None))
        elif phase is Phase.BASELINE_FAILED:
            self.pages.setCurrentWidget(self.notice)
            self._draw_failed()
        else:
            self.pages.setCurrentWidget(self.intro_page)
            if self._shown_phase is not phase:
                self._show_board(self.board_label, None)
        self._shown_phase = phase

    def _draw_play(self) -> None:
        flow, now = self.flow, self.clock()
        left = flow.remaining_s(now)
        self.caption.setText(self._caption())
        self.hint_label.setText(self._hint)
        if flow.phase is Phase.BASELINE:
            self.countdown.show_left(left, flow.options.baseline_phase_s)
        elif flow.phase is Phase.ROUND:  # the big number in the round is the score, in the sky
            self.countdown.show_left(
                left, flow.options.round_s, fill(translate("Attention", "%1 s left"), math.ceil(left))
            )
        elif flow.phase is Phase.READY:
            self.countdown.show_left(left, flow.options.ready_s)
        self.sky.setVisible(flow.phase in (Phase.READY, Phase.ROUND))
        self.countdown.number_label.setVisible(flow.phase is not Phase.ROUND)
        self.sky.advance()
        scores = [flow.score(player) for player in flow.playing]
        self.staff_label.setText(
            " · ".join(
                f"P{index + 1}: {score:.0f}" if score is not None else f"P{index + 1}: -"
                for index, score in enumerate(scores)
            )
            + f" · {flow.mode.value} · {flow.phase.value}"
            + "".join(
                f" · P{index + 1} baseline {p.baseline.n_open}+{p.baseline.n_closed} windows"
                + ("" if p.baseline.alpha_rose else ", alpha did not rise with eyes closed")
                for index, p in enumerate(flow.playing)
                if p.baseline is not None
            )
            + (f" · {self.board_note}" if self.board_note else "")
        )

    def _caption(self) -> str:
        flow = self.flow
        if flow.phase is Phase.BASELINE:
            if flow.baseline_step is Baseline.EYES_OPEN:
                return translate(
                    "Attention", "First we learn your brain at rest. Eyes open: look at the screen and relax."
                )
            if self.sound.enabled and self.sound.available:
                return translate(
                    "Attention", "Now close your eyes and relax. A sound tells you when to open them."
                )
            return fill(
                translate("Attention", "Now close your eyes and relax for %1 seconds, then open them."),
                round(flow.options.baseline_phase_s),
            )
        if flow.phase is Phase.READY:
            return fill(translate("Attention", "Get ready… %1"), math.ceil(flow.remaining_s(self.clock())))
        if flow.mode is Mode.RELAX:
            return translate(
                "Attention",
                "Relax and breathe slowly, eyes half closed: the calmer you are, the higher the balloon.",
            )
        if flow.mode is Mode.DUEL:
            return translate(
                "Attention", "Focus! The one who concentrates more pulls the ball to their side."
            )
        return translate(
            "Attention", "Concentrate: count backwards from 100 in sevens, and the rocket climbs."
        )

    def _draw_result(self, fresh: bool = False) -> None:
        """The result page; ``fresh`` when a round just ended (the nickname box starts empty)."""
        flow, outcome = self.flow, self.flow.outcome
        if outcome is None:
            return
        self.result.set_picture(None)
        if flow.phase is Phase.EXPLAINED:
            self._draw_explanation(outcome)
            return
        if fresh and outcome.measured:
            self.context.report_result(lambda outcome=outcome: describe_outcome(outcome))
        if not outcome.measured:
            self.result.show_result(
                translate("Attention", "We could not measure this round"),
                translate(
                    "Attention",
                    "Blinks, movement or the headset covered most of it, so there is no score this time. "
                    "Sit still, relax your face and try again; a member of staff can check the headset.",
                ),
                translate("Attention", "Play again"),
                None,
            )
            return
        if outcome.mode is Mode.DUEL:
            self.result.show_result(
                translate("Attention", "A draw!")
                if outcome.winner is None
                else fill(translate("Attention", "Player %1 wins!"), outcome.winner + 1),
                fill(
                    translate(
                        "Attention",
                        "Average focus of player 1: %1; of player 2: %2 (50 = as focused as at rest).",
                    ),
                    *outcome.scores,
                ),
                translate("Attention", "How it worked"),
                translate("Attention", "Play again"),
            )
            return
        score = outcome.scores[0]
        if outcome.mode is Mode.FOCUS:
            headline = fill(translate("Attention", "Your focus score: %1"), score)
            scale = translate("Attention", "50 is how focused you were at rest with your eyes open.")
        else:
            headline = fill(translate("Attention", "Your relax score: %1"), score)
            scale = translate(
                "Attention",
                "50 is halfway from how you were with your eyes open to how you were with them closed.",
            )
        if self.board is not None:
            scale += " " + translate(
                "Attention", "Put your nickname on today's board, if you like (no real names needed)."
            )
        self.result.show_result(
            headline, scale, translate("Attention", "How it worked"), translate("Attention", "Play again")
        )
        if self.board is not None:
            self.nickname.setEnabled(not self._saved)
            self.save_button.setEnabled(not self._saved)
            if fresh:
                self.nickname.clear()
                self.save_message.clear()
            elif self._saved:
                self._show_saved()
            self._show_board(self.result_board, outcome.mode)
            self.result.set_picture(self.save_box)

    def _draw_explanation(self, outcome: Outcome) -> None:
        """How it worked: a single player's alpha and beta against their rest; a duel's two focus
        scores side by side."""
        flow = self.flow
        if outcome.mode is Mode.DUEL:
            self.band_plot.show_scores(
                [np.array(player.trace.times) for player in flow.playing],
                [np.array(player.trace.scores) for player in flow.playing],
                PLAYER_COLOURS,
                self.sky.player_names,
            )
            body = translate(
                "Attention",
                "Each line is a player's focus: beta waves (13-30 Hz) against slower alpha and theta waves, "
                "compared with that player's own rest (50). The higher line pulled the ball.",
            )
        else:
            player = flow.playing[0]
            trace = player.trace
            self.band_plot.show_trace(
                np.array(trace.times),
                {"alpha": np.array(trace.alpha), "beta": np.array(trace.beta)},
                player.rest_powers or (1.0, 1.0),
                player.closed_powers[0] if player.closed_powers else None,
            )
            if outcome.mode is Mode.RELAX:
                body = translate(
                    "Attention",
                    "When you relax, and most of all with your eyes closed, slow alpha waves (8-13 Hz) grow, "
                    "strongest at the back of the head. The balloon rose with your alpha.",
                )
            else:
                body = translate(
                    "Attention",
                    "When you concentrate, the slow alpha waves (8-13 Hz) of a resting brain fade and faster "
                    "beta waves (13-30 Hz) grow. The game measured beta against alpha and theta.",
                )
        self.result.set_picture(self.band_plot)
        back = None if outcome.mode is Mode.DUEL else translate("Attention", "Back to my score")
        self.result.show_result(
            translate("Attention", "How it worked"), body, translate("Attention", "Play again"), back
        )

    def _draw_failed(self) -> None:
        self.notice.show_notice(
            translate("Attention", "Let's try that again"),
            translate(
                "Attention",
                "The headset's signal was not clean enough to learn your brain at rest. Sit still, relax "
                "your jaw, and ask a member of staff to check the headset if this happens again.",
            ),
            translate("Attention", "Try again"),
            translate("Attention", "Back"),
        )

    def _show_board(self, label: QLabel, mode: Mode | None) -> None:
        """Today's best of ``mode`` (both single modes when None) in ``label``."""
        if self.board is None:
            label.setVisible(False)
            return
        label.setVisible(True)
        modes = [mode] if mode is not None else [Mode.FOCUS, Mode.RELAX]
        heading = translate("Attention", "Today's best")
        parts = [f"<b>{html.escape(heading)}</b>"]
        for shown in modes:
            title = (
                translate("Attention", "Focus") if shown is Mode.FOCUS else translate("Attention", "Relax")
            )
            rows = self.board.today_best(shown.value, 5)
            lines = [
                f"{place}. {entry.score} · {html.escape(entry.nickname)}"
                for place, entry in enumerate(rows, 1)
            ]
            parts.append(f"<br><u>{html.escape(title)}</u><br>" + ("<br>".join(lines) or "–"))
        label.setText("".join(parts))

    def _nickname_problem(self, reason: NicknameProblem) -> str:
        if reason is NicknameProblem.EMPTY:
            return translate("Attention", "Please type a nickname first.")
        if reason is NicknameProblem.TOO_LONG:
            return fill(
                translate("Attention", "That nickname is too long: %1 characters at most."),
                MAX_NICKNAME_CHARS,
            )
        return translate(
            "Attention", "That nickname has characters we cannot show. Please use letters and numbers."
        )

    def _retranslate_sound(self) -> None:
        if not self.sound.available:
            self.sound_button.setText(translate("Attention", "Sound: no sound output on this computer"))
            self.sound_button.setEnabled(False)
        else:
            self.sound_button.setText(
                translate("Attention", "Sound: on")
                if self.sound.enabled
                else translate("Attention", "Sound: off")
            )

    def _retranslate_intro(self) -> None:
        known = self.flow.knows_the_players
        self.new_player_button.setVisible(known)
        if known:
            body = fill(
                translate(
                    "Attention",
                    "Same player? Choose a game and it starts at once (%1 seconds). Someone new? Touch "
                    '"New player" first, so the game learns their brain at rest.',
                ),
                round(self.flow.options.round_s),
            )
        else:
            body = fill(
                translate(
                    "Attention",
                    "First %1 seconds to learn your brain at rest (eyes open, then closed), then a round of "
                    "%2 seconds. Focus to launch a rocket, or relax to lift a balloon.",
                ),
                round(2 * self.flow.options.baseline_phase_s),
                round(self.flow.options.round_s),
            )
        self.intro_body.setText(body)

    def retranslate(self) -> None:
        self.intro_title.setText(translate("Attention", "Focus or relax: your brain drives"))
        self._retranslate_intro()
        self.new_player_button.setText(translate("Attention", "New player"))
        self.focus_button.setText(translate("Attention", "Focus: rocket"))
        self.relax_button.setText(translate("Attention", "Relax: balloon"))
        self.duel_button.setText(translate("Attention", "Duel: two players"))
        self.nickname.setPlaceholderText(translate("Attention", "Nickname"))
        self.save_button.setText(translate("Attention", "Save"))
        self.sky.player_names = (translate("Attention", "Player 1"), translate("Attention", "Player 2"))
        self.sky.score_names = (translate("Attention", "focus"), translate("Attention", "calm"))
        self._retranslate_sound()
        self.band_plot.retranslate()
        self._shown_phase = None
        self.redraw()
