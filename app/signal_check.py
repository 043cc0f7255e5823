"""The signal check page: shown before a demo that decodes EEG, while staff fit the headset.

Two readers, one page. The visitor, seated with a headset on, reads one big line ("Signal looks
good", "Almost there: staff are adjusting the headset", "Headset off", "No signal") and waits; the
demo starts by itself once the check has passed steadily for :data:`PASS_STEADY_S`. Staff read the
head diagram (a traffic-light dot per electrode at its 10-10 position, seen from above, nose up) and
the advice lines ("Wet O1 with gel or saline", "Press O1, O2 closer to the scalp"), which name
electrodes as the headset is labelled. The judging is :mod:`drivers.signal_check` (no Qt); this
module only shows it, in Chinese or English.
"""

from __future__ import annotations

import html
import logging
import math
import re
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.style import BORDER, DANGER, INK, MUTED, SUCCESS, SURFACE
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import CHOICE_MIN_WIDTH_PX, touch_button
from demos.kit.widgets import STYLE_SHEET as KIT_STYLE_SHEET
from drivers.roles import Role
from drivers.signal_check import (
    AdviceKind,
    CheckResult,
    Light,
    Problem,
    SignalChecker,
    Verdict,
    needed_channels,
)
from drivers.stream.readers import Stream

log = logging.getLogger(__name__)

#: How often the page judges the stream again (ms).
REFRESH_MS = 500
#: The check must pass this long without a break before the demo starts by itself (s).
PASS_STEADY_S = 2.0

#: Traffic-light colours, and the grey of a channel with nothing to judge yet.
LIGHT_COLOURS = {Light.GOOD: SUCCESS, Light.FAIR: "#e0a100", Light.BAD: DANGER}
NO_DATA_COLOUR = "#c3cad3"
#: How much of its light's colour a channel the demo does not need shows (on white): seen, but not
#: what decides.
UNNEEDED_ALPHA = 0.45
#: Text on each dot: white where it reads, dark ink on amber.
DOT_TEXT = {Light.GOOD: "white", Light.FAIR: INK, Light.BAD: "white", None: INK}
VERDICT_COLOURS = {
    Verdict.PASS: SUCCESS,
    Verdict.ADJUST: "#b35900",
    Verdict.HEADSET_OFF: DANGER,
    Verdict.NO_SIGNAL: DANGER,
    Verdict.CHECKING: INK,
}

VERDICT_TEXT = {
    Verdict.PASS: QT_TRANSLATE_NOOP("SignalCheck", "Signal looks good"),
    Verdict.ADJUST: QT_TRANSLATE_NOOP("SignalCheck", "Almost there: staff are adjusting the headset"),
    Verdict.HEADSET_OFF: QT_TRANSLATE_NOOP("SignalCheck", "Headset off"),
    Verdict.NO_SIGNAL: QT_TRANSLATE_NOOP("SignalCheck", "No signal"),
    Verdict.CHECKING: QT_TRANSLATE_NOOP("SignalCheck", "Checking the signal…"),
}
HINT_TEXT = {
    Verdict.PASS: QT_TRANSLATE_NOOP("SignalCheck", "The demo starts in a moment."),
    Verdict.ADJUST: QT_TRANSLATE_NOOP("SignalCheck", "Please sit still and relax."),
    Verdict.HEADSET_OFF: QT_TRANSLATE_NOOP("SignalCheck", "Staff will put the headset on for you."),
    Verdict.NO_SIGNAL: QT_TRANSLATE_NOOP("SignalCheck", "Waiting for the headset…"),
    Verdict.CHECKING: QT_TRANSLATE_NOOP("SignalCheck", "Please sit still and relax."),
}
#: Advice for staff; %1 is a list of electrode names.
ADVICE_TEXT = {
    AdviceKind.PUT_ON_HEADSET: QT_TRANSLATE_NOOP(
        "SignalCheck", "Put the headset on the visitor and check that it is switched on."
    ),
    AdviceKind.CHECK_REFERENCE: QT_TRANSLATE_NOOP(
        "SignalCheck", "Every channel shows %1: check the reference and ground clips."
    ),
    AdviceKind.MOVE_HEADSET_BACK: QT_TRANSLATE_NOOP(
        "SignalCheck", "No good signal at the back of the head (%1): move the headset back."
    ),
    AdviceKind.RADIO_GAP: QT_TRANSLATE_NOOP(
        "SignalCheck", "Samples are being lost: bring the receiver closer to the headset."
    ),
    AdviceKind.HOLD_STILL: QT_TRANSLATE_NOOP("SignalCheck", "Movement: ask the visitor to hold still."),
    AdviceKind.RELAX_JAW: QT_TRANSLATE_NOOP(
        "SignalCheck", "Muscle noise on %1: ask the visitor to relax their jaw."
    ),
    AdviceKind.RECONNECT: QT_TRANSLATE_NOOP("SignalCheck", "Bad values from %1: reconnect the headset."),
    AdviceKind.CHECK_WIRE: QT_TRANSLATE_NOOP("SignalCheck", "No signal from %1: check its wire and plug."),
    AdviceKind.PRESS_CLOSER: QT_TRANSLATE_NOOP("SignalCheck", "Press %1 closer to the scalp."),
    AdviceKind.WET_ELECTRODE: QT_TRANSLATE_NOOP("SignalCheck", "Wet %1 with gel or saline."),
}
#: What every channel shares, in CHECK_REFERENCE's sentence.
SHARED_PROBLEM_TEXT = {
    Problem.MAINS: QT_TRANSLATE_NOOP("SignalCheck", "mains hum"),
    Problem.TOO_LARGE: QT_TRANSLATE_NOOP("SignalCheck", "a very large signal"),
    Problem.DRIFT: QT_TRANSLATE_NOOP("SignalCheck", "drift"),
    Problem.TOO_SMALL: QT_TRANSLATE_NOOP("SignalCheck", "almost no signal"),
}
LEGEND_TEXT = {
    Light.GOOD: QT_TRANSLATE_NOOP("SignalCheck", "good"),
    Light.FAIR: QT_TRANSLATE_NOOP("SignalCheck", "usable"),
    Light.BAD: QT_TRANSLATE_NOOP("SignalCheck", "fix"),
}

STYLE = f"""
QLabel#checkVerdict {{ font-size: 40px; font-weight: 700; }}
QLabel#checkHint {{ font-size: 24px; color: {MUTED}; }}
QFrame#checkStaffCard {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 16px; }}
QLabel#checkStaffHeading {{ font-size: 20px; font-weight: 600; color: {MUTED}; }}
QLabel#checkAdvice {{ font-size: 20px; color: {INK}; }}
QLabel#checkLegend {{ font-size: 18px; color: {MUTED}; }}
"""


# --- where electrodes sit ---------------------------------------------------------------------------
# Top view of the scalp, azimuthal-equidistant from Cz: the circle of radius 1 runs through Fpz,
# T7, Oz and T8 (10 % above nasion, inion and the ears). Each 10-10 row crosses the midline at a
# tenth of the nasion-inion arc per step (Fz at 0.5, Pz at -0.5) and ends on that circle at its
# row's angle (F7 at 54 degrees from the front, P7 at 126); a row's electrodes lie evenly between
# (F3 halfway from Fz to F7), and the 9/10 sites a step beyond the circle. This is how EEG software
# lays out 10-10 montages in 2-D (e.g. EEGLAB's polar maps), within a few per cent.
_ROWS: dict[str, tuple[float, float]] = {  # prefix -> (y where it crosses the midline, end angle)
    "FP": (1.0, 18.0),
    "AF": (0.75, 36.0),
    "F": (0.5, 54.0),
    "FC": (0.25, 72.0),
    "FT": (0.25, 72.0),
    "C": (0.0, 90.0),
    "T": (0.0, 90.0),
    "CP": (-0.25, 108.0),
    "TP": (-0.25, 108.0),
    "P": (-0.5, 126.0),
    "PO": (-0.75, 144.0),
    "O": (-1.0, 162.0),
    "I": (-1.25, 162.0),
}
#: Old 10-20 names of temporal sites.
_ALIASES = {"T3": "T7", "T4": "T8", "T5": "P7", "T6": "P8"}
_NAME = re.compile(r"^(FP|AF|FC|FT|CP|TP|PO|F|C|T|P|O|I)(Z|\d{1,2})$")


def electrode_position(name: str) -> tuple[float, float] | None:
    """(x, y) of a 10-10 electrode on the top view (x to the right ear, y to the nose, 1 = the
    Fpz-T7-Oz-T8 circle), or None for a name that is not a 10-10 site. Case and PhysioNet's
    padding dots are ignored."""
    key = name.strip().strip(".").upper()
    key = _ALIASES.get(key, key)
    match = _NAME.match(key)
    if not match:
        return None
    prefix, number = match.groups()
    midline_y, end_deg = _ROWS[prefix]
    if number == "Z":
        return 0.0, midline_y
    n = int(number)
    if n == 0:
        return None
    side = -1.0 if n % 2 else 1.0  # odd numbers on the left hemisphere
    step = (n + 1) // 2  # 1, 2 (C1/C2, C3/C4) ... steps from the midline
    # Rows of two (Fp1/Fp2, O1/O2, I1/I2) reach the circle at the first step.
    steps_to_circle = 1 if prefix in ("FP", "O", "I") else 4
    angle = math.radians(end_deg)
    end = (side * math.sin(angle), math.cos(angle))
    if prefix == "I":
        end = (end[0] * 1.25, end[1] * 1.25)
    if step <= steps_to_circle:
        f = step / steps_to_circle
        return (end[0] * f, midline_y + (end[1] - midline_y) * f)
    beyond = 1.0 + 0.25 * (step - steps_to_circle)  # T9, FT10, P9: below the circle
    return (end[0] * beyond, end[1] * beyond)


class HeadDiagram(QWidget):
    """The head seen from above with a coloured dot per electrode, names written in the dots.

    Channels whose names are no 10-10 sites sit in a row under the head. Channels the demo does not
    need are drawn smaller and paler: staff see them, but only the others decide.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._names: list[str] = []
        self._positions: list[tuple[float, float] | None] = []
        self._needed: set[int] = set()
        self._lights: list[Light | None] = []
        self._others_caption = ""

    def set_channels(self, names: Sequence[str], needed: Sequence[int]) -> None:
        self._names = list(names)
        self._positions = [electrode_position(name) for name in names]
        self._needed = set(needed)
        self._lights = [None] * len(self._names)
        self.update()

    def set_lights(self, lights: Sequence[Light | None]) -> None:
        self._lights = list(lights) + [None] * (len(self._names) - len(lights))
        self.update()

    def set_others_caption(self, text: str) -> None:
        self._others_caption = text
        self.update()

    @property
    def lights(self) -> list[Light | None]:
        return list(self._lights)

    @property
    def unplaced(self) -> list[str]:
        """Names that are no 10-10 site (drawn in the row under the head)."""
        return [name for name, position in zip(self._names, self._positions, strict=True) if position is None]

    def dot_centres(self) -> dict[str, QPointF]:
        """Where each channel's dot is drawn (widget pixels), for tests and screenshots."""
        return {name: centre for name, (centre, _radius) in self._layout().items()}

    def _layout(self) -> dict[str, tuple[QPointF, float]]:
        placed = [(i, p) for i, p in enumerate(self._positions) if p is not None]
        others = [i for i, p in enumerate(self._positions) if p is None]
        width, height = float(self.width()), float(self.height())
        row_h = 64.0 if others else 0.0
        extent = max([1.08] + [max(abs(x), abs(y)) + 0.12 for _i, (x, y) in placed])
        head_area = QRectF(0, 0, width, height - row_h - (34.0 if others else 0.0))
        scale = max(10.0, min(head_area.width(), head_area.height()) / 2 / (extent + 0.1))
        self._scale = scale
        self._centre = head_area.center()
        nearest = min(
            (math.dist(a, b) for k, (_i, a) in enumerate(placed) for _j, b in placed[k + 1 :]), default=0.5
        )
        radius = max(13.0, min(32.0, 0.5 * max(nearest, 0.1) * scale))
        result: dict[str, tuple[QPointF, float]] = {}
        for i, (x, y) in placed:
            result[self._names[i]] = (
                QPointF(self._centre.x() + x * scale, self._centre.y() - y * scale),
                radius,
            )
        if others:
            other_r = 24.0
            gap = 2 * other_r + 16
            per_row = max(1, int(width // gap))
            for k, i in enumerate(others):
                row, column = divmod(k, per_row)
                in_row = min(per_row, len(others) - row * per_row)
                x0 = width / 2 - (in_row - 1) * gap / 2
                y = height - row_h / 2 - (math.ceil(len(others) / per_row) - 1 - row) * gap
                result[self._names[i]] = (QPointF(x0 + column * gap, y), other_r)
        return result

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self._layout()
        scale, centre = self._scale, self._centre
        # The head: outline at the Fpz-T7-Oz-T8 circle plus a margin, nose up, ears at the sides.
        head_r = 1.08 * scale
        outline = QPen(QColor(MUTED), 3)
        painter.setPen(outline)
        painter.setBrush(QColor("#fbfcfd"))
        nose = QPainterPath()
        nose.moveTo(centre.x() - 0.12 * scale, centre.y() - head_r + 0.01 * scale)
        nose.lineTo(centre.x(), centre.y() - head_r - 0.16 * scale)
        nose.lineTo(centre.x() + 0.12 * scale, centre.y() - head_r + 0.01 * scale)
        painter.drawPath(nose)
        for side in (-1, 1):
            painter.drawEllipse(
                QRectF(
                    centre.x() + side * head_r - 0.07 * scale,
                    centre.y() - 0.2 * scale,
                    0.14 * scale,
                    0.4 * scale,
                )
            )
        painter.drawEllipse(centre, head_r, head_r)

        others = [i for i, p in enumerate(self._positions) if p is None]
        if others and self._others_caption:
            first = layout[self._names[others[0]]][0]
            painter.setPen(QColor(MUTED))
            painter.setFont(_pixel_font(18))
            painter.drawText(
                QRectF(0, first.y() - 24 - 38, self.width(), 30),
                Qt.AlignmentFlag.AlignCenter,
                self._others_caption,
            )
        for index, name in enumerate(self._names):
            centre_px, radius = layout[name]
            light = self._lights[index] if index < len(self._lights) else None
            needed = index in self._needed
            self._paint_dot(painter, name, centre_px, radius if needed else radius * 0.78, light, needed)
        painter.end()

    def _paint_dot(
        self, painter: QPainter, name: str, centre: QPointF, radius: float, light: Light | None, needed: bool
    ) -> None:
        colour = LIGHT_COLOURS[light] if light is not None else NO_DATA_COLOUR
        fill_colour = QColor(colour if needed else _pale(colour))
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(fill_colour)
        painter.drawEllipse(centre, radius, radius)
        text_colour = QColor(DOT_TEXT[light] if needed else INK)
        font = _pixel_font(min(20.0, radius * 0.8), bold=True)
        metrics = QFontMetricsF(font)
        while metrics.horizontalAdvance(name) > 2 * radius - 6 and font.pixelSize() > 11:
            font.setPixelSize(font.pixelSize() - 1)
            metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(text_colour)
        box = QRectF(centre.x() - radius * 1.5, centre.y() - radius, radius * 3, radius * 2)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


def _pale(colour: str) -> str:
    """``colour`` as drawn for a channel the demo does not need, on white (for the legend)."""
    rgb = QColor(colour).getRgb()[:3]
    return QColor(*(round(UNNEEDED_ALPHA * value + (1 - UNNEEDED_ALPHA) * 255) for value in rgb)).name()


def _pixel_font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class SignalCheckPage(Retranslating, QWidget):
    """Judges the stream every :data:`REFRESH_MS` and shows it; see the module docstring.

    ``start(stream, roles, mains_hz)`` begins (the roles the demo needs; none: every scalp
    channel), ``stop()`` stops the timer, ``clear()`` forgets everything shown (a new visitor).
    :attr:`sigPassed` is emitted once the check has passed for :data:`PASS_STEADY_S` without a break
    (once per ``clear``/``start``); :attr:`sigOverride` when staff press "Start anyway" (shown only
    after :meth:`set_override_allowed`); :attr:`sigBack` when the visitor goes back to the menu.
    ``clock`` gives monotonic seconds (tests pass their own).
    """

    sigPassed = Signal()
    sigOverride = Signal()
    sigBack = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._checker: SignalChecker | None = None
        self._result = CheckResult(Verdict.CHECKING)
        self._passing_since: float | None = None
        self._passed_emitted = False
        self._override_allowed = False
        self.setStyleSheet(KIT_STYLE_SHEET + STYLE)

        self.verdict_label = _label("checkVerdict")
        self.hint_label = _label("checkHint")
        self.progress = QProgressBar()
        self.progress.setObjectName("kitCountdownBar")  # the kit's countdown bar look
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(480)
        self.head = HeadDiagram()

        card = QFrame()
        card.setObjectName("checkStaffCard")
        card.setMinimumWidth(360)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(24, 20, 24, 20)
        card_layout.setSpacing(12)
        self.staff_heading = QLabel()
        self.staff_heading.setObjectName("checkStaffHeading")
        card_layout.addWidget(self.staff_heading)
        self._advice_box = QVBoxLayout()
        self._advice_box.setSpacing(10)
        card_layout.addLayout(self._advice_box)
        card_layout.addStretch(1)
        self.legend_label = QLabel()
        self.legend_label.setObjectName("checkLegend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        card_layout.addWidget(self.legend_label)
        self.advice_labels: list[QLabel] = []

        self.back_button = touch_button(primary=False)
        self.back_button.setMinimumWidth(CHOICE_MIN_WIDTH_PX)
        self.back_button.clicked.connect(self.sigBack)
        self.override_button = touch_button(primary=True)
        self.override_button.setMinimumWidth(CHOICE_MIN_WIDTH_PX)
        self.override_button.clicked.connect(self._on_override)
        self.override_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self.head, 3)
        middle.addWidget(card, 2)
        layout.addLayout(middle, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.override_button)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.retranslate()

    # --- the interface the demo host uses ---------------------------------------------------------
    def start(self, stream: Stream, roles: Sequence[Role], mains_hz: float) -> None:
        """Check ``stream`` for a demo needing ``roles`` (none: every scalp channel), from now on."""
        self._checker = SignalChecker(stream, roles, mains_hz, clock=self._clock)
        self.head.set_channels(stream.channel_names, needed_channels(stream.roles, roles))
        self._passing_since = None
        self._passed_emitted = False
        self._show(self._checker.result)
        self._timer.start()
        log.info("signal check started for roles %s", ", ".join(role.value for role in roles) or "all")

    def stop(self) -> None:
        self._timer.stop()

    def clear(self) -> None:
        """Forget every judgement shown (a new visitor): lights grey, no advice, not passed yet."""
        if self._checker is not None:
            self._checker.reset()
        self._passing_since = None
        self._passed_emitted = False
        self._show(CheckResult(Verdict.CHECKING))

    def set_override_allowed(self, on: bool) -> None:
        """Show the "Start anyway (staff)" button (``on``) or hide it."""
        self._override_allowed = bool(on)
        self.override_button.setVisible(self._override_allowed)

    @property
    def result(self) -> CheckResult:
        """The latest check shown."""
        return self._result

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    # --- refreshing -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Judge what arrived and show it (called by the timer; public for tests). Never raises."""
        if self._checker is None:
            return
        try:
            result = self._checker.update()
        except Exception:  # the checker logs bad data itself; this is the last net
            log.exception("signal check failed")
            result = CheckResult(Verdict.ADJUST)
        now = self._clock()
        if result.passed:
            if self._passing_since is None:
                self._passing_since = now
        else:
            self._passing_since = None
        if result.verdict is not self._result.verdict:
            log.info(
                "signal check: %s (%s)",
                result.verdict.value,
                "; ".join(f"{a.kind.value} {','.join(a.channels)}" for a in result.advice) or "no advice",
            )
        self._show(result)
        steady = self._passing_since is not None and now - self._passing_since >= PASS_STEADY_S - 1e-6
        if steady and not self._passed_emitted:
            self._passed_emitted = True
            log.info("signal check passed")
            self.sigPassed.emit()

    @property
    def pass_progress(self) -> float:
        """0..1: how much of :data:`PASS_STEADY_S` the check has passed without a break."""
        if self._passed_emitted:
            return 1.0
        if self._passing_since is None:
            return 0.0
        return min(1.0, (self._clock() - self._passing_since) / PASS_STEADY_S)

    def _on_override(self) -> None:
        log.info("staff overrode the signal check (%s)", self._result.verdict.value)
        self.sigOverride.emit()

    # --- showing ----------------------------------------------------------------------------------------
    def _show(self, result: CheckResult) -> None:
        self._result = result
        verdict = result.verdict
        self.verdict_label.setText(translate("SignalCheck", VERDICT_TEXT[verdict]))
        self.verdict_label.setStyleSheet(f"color: {VERDICT_COLOURS[verdict]};")
        self.hint_label.setText(translate("SignalCheck", HINT_TEXT[verdict]))
        self.progress.setValue(round(1000 * self.pass_progress))
        self.progress.setVisible(verdict is Verdict.PASS)
        lights: list[Light | None] = [None] * len(self.head.lights)
        for channel in result.channels:
            if channel.index < len(lights):
                lights[channel.index] = channel.light
        self.head.set_lights(lights)
        self._set_advice(self._advice_lines(result))

    def _advice_lines(self, result: CheckResult) -> list[str]:
        separator = translate("SignalCheck", ", ")
        lines = []
        for item in result.advice:
            text = translate("SignalCheck", ADVICE_TEXT[item.kind])
            if item.kind is AdviceKind.CHECK_REFERENCE:
                shared = SHARED_PROBLEM_TEXT.get(item.problem) if item.problem is not None else None
                text = fill(text, translate("SignalCheck", shared) if shared else "?")
            else:
                text = fill(text, separator.join(item.channels))
            lines.append(text)
        if lines:
            return lines
        if result.verdict is Verdict.PASS:
            return [translate("SignalCheck", "Every electrode this demo needs is fine.")]
        if result.verdict is Verdict.NO_SIGNAL:
            return [
                translate("SignalCheck", "Nothing arrives from the headset: is it switched on and connected?")
            ]
        if result.verdict is Verdict.CHECKING:
            return [translate("SignalCheck", "Reading the first seconds of signal…")]
        return []

    def _set_advice(self, lines: list[str]) -> None:
        while len(self.advice_labels) < len(lines):
            label = QLabel()
            label.setObjectName("checkAdvice")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._advice_box.addWidget(label)
            self.advice_labels.append(label)
        for index, label in enumerate(self.advice_labels):
            if index < len(lines):
                label.setText(f"• {lines[index]}")
                label.show()
            else:
                label.hide()

    @property
    def advice_texts(self) -> list[str]:
        """The advice lines shown to staff, as displayed."""
        return [label.text()[2:] for label in self.advice_labels if not label.isHidden()]

    def retranslate(self) -> None:
        self.staff_heading.setText(translate("SignalCheck", "For staff"))
        self.back_button.setText(translate("SignalCheck", "Back to menu"))
        self.override_button.setText(translate("SignalCheck", "Start anyway (staff)"))
        self.head.set_others_caption(translate("SignalCheck", "Other channels"))
        entries = [(LIGHT_COLOURS[light], translate("SignalCheck", LEGEND_TEXT[light])) for light in Light]
        entries.append((_pale(LIGHT_COLOURS[Light.GOOD]), translate("SignalCheck", "not needed here")))
        entries.append((NO_DATA_COLOUR, translate("SignalCheck", "no data yet")))
        cells = [
            f'<td><span style="color:{colour}; font-size:22px;">●</span>&nbsp;{html.escape(text)}</td>'
            for colour, text in entries
        ]
        rows = "".join(f"<tr>{''.join(cells[k : k + 3])}</tr>" for k in range(0, len(cells), 3))
        self.legend_label.setText(f'<table cellspacing="6">{rows}</table>')
        self._show(self._result)


def _label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
