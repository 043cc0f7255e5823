"""The attention game's "how it worked" page: the visitor's brain waves over the round against
their rest (or, after a duel, both players' focus scores), with a sentence on what was measured.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from demos.attention.flow import AttentionFlow, Mode, Outcome
from demos.attention.sky_view import PLAYER_COLOURS, TEXT_DARK
from demos.kit.i18n import translate
from demos.kit.panel import readable_plot
from demos.kit.widgets import ResultScreen

ALPHA_COLOUR, BETA_COLOUR = "#4c72b0", "#dd8452"


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
        readable_plot(self.plot)
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


def show_how_it_worked(
    result: ResultScreen,
    band_plot: BandPlot,
    flow: AttentionFlow,
    outcome: Outcome,
    player_names: Sequence[str],
) -> None:
    """How it worked, on the result page: a single player's alpha and beta against their rest; a
    duel's two focus scores side by side."""
    if outcome.mode is Mode.DUEL:
        band_plot.show_scores(
            [np.array(player.trace.times) for player in flow.playing],
            [np.array(player.trace.scores) for player in flow.playing],
            PLAYER_COLOURS,
            player_names,
        )
        body = translate(
            "Attention",
            "Each line is a player's focus: beta waves (13-30 Hz) against slower alpha and theta waves, "
            "compared with that player's own rest (50). The higher line pulled the ball.",
        )
    else:
        player = flow.playing[0]
        trace = player.trace
        band_plot.show_trace(
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
    result.set_picture(band_plot)
    back = None if outcome.mode is Mode.DUEL else translate("Attention", "Back to my score")
    result.show_result(
        translate("Attention", "How it worked"), body, translate("Attention", "Play again"), back
    )
