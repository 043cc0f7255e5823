"""Touch-sized pieces every demo screen needs: buttons, a countdown, a result screen, a notice page.

Visitors use the showroom's touch screen standing, often for the first time and in a hurry, so
everything they touch is at least :data:`TOUCH_MIN_PX` square with large text, and every demo's
buttons, countdowns and result pages look and behave alike. Nothing here holds a visitor-facing
word of its own: the caller passes texts it has already translated (and passes them again from its
``retranslate``), so the kit stays free of demo-specific text.

Each widget styles itself with :data:`STYLE_SHEET` (rules keyed by object names), so it looks the
same inside the main window, whose global style sheet does not know it, and in tests. A widget's
own style sheet wins over its ancestors', so the shell's sheet cannot restyle these by accident.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

#: The smallest text a visitor reads (px at 1080p): readable from 1 m. Defined here, the lowest layer
#: that has widgets, so the shell (:mod:`app.style`) and every demo use the same figure.
VISITOR_MIN_PX = 18
#: What a visitor must read to know what to do (an instruction, a result) is larger still (px).
INSTRUCTION_MIN_PX = 24
#: The dynamic property that marks a widget's text as an instruction (see :func:`mark_instruction`);
#: the text-size test holds such text to :data:`INSTRUCTION_MIN_PX`.
INSTRUCTION_PROPERTY = "instruction"
#: The smallest side of anything a visitor touches (about 9 mm on a 24" full-HD screen).
TOUCH_MIN_PX = 48
#: Every row of an open drop-down list is this high: rows sit edge to edge, so each needs room for a
#: finger of its own (trial of issue 22: 27 px rows were missed).
LIST_ROW_MIN_PX = 56
#: Text of a row of an open drop-down list (px).
LIST_ROW_TEXT_PX = 20
#: Buttons in a row of choices are at least this wide, so each reads as a target of its own.
CHOICE_MIN_WIDTH_PX = 220
#: A text column wider than this is hard to read on a large screen; pages centre one this wide.
TEXT_COLUMN_MAX_PX = 1000
PRIMARY_OBJECT_NAME = "kitPrimaryButton"
SECONDARY_OBJECT_NAME = "kitSecondaryButton"
PRIMARY_COLOUR = "#4c72b0"
TEXT_COLOUR = "#1f2d3d"

STYLE_SHEET = f"""
QPushButton#{PRIMARY_OBJECT_NAME}, QPushButton#{SECONDARY_OBJECT_NAME} {{
    font-size: 20px; font-weight: 600; border-radius: 12px; padding: 10px 28px;
}}
QPushButton#{PRIMARY_OBJECT_NAME} {{ background: {PRIMARY_COLOUR}; color: white; border: none; }}
QPushButton#{PRIMARY_OBJECT_NAME}:pressed {{ background: #3b5d94; }}
QPushButton#{PRIMARY_OBJECT_NAME}:disabled {{ background: #b8c4db; color: #eef1f7; }}
QPushButton#{SECONDARY_OBJECT_NAME} {{
    background: white; color: {TEXT_COLOUR}; border: 2px solid #9aa5b1;
}}
QPushButton#{SECONDARY_OBJECT_NAME}:pressed {{ background: #e8edf5; }}
QPushButton#{SECONDARY_OBJECT_NAME}:disabled {{ color: #9aa5b1; border-color: #d9dee4; }}
QLabel#kitCountdownNumber {{ font-size: 96px; font-weight: 700; color: {TEXT_COLOUR}; }}
QLabel#kitCountdownCaption {{ font-size: {INSTRUCTION_MIN_PX}px; color: {TEXT_COLOUR}; }}
QProgressBar#kitCountdownBar {{
    border: none; border-radius: 8px; background: #e3e7ec; min-height: 16px; max-height: 16px;
}}
QProgressBar#kitCountdownBar::chunk {{ border-radius: 8px; background: {PRIMARY_COLOUR}; }}
QLabel#kitHeadline {{ font-size: 40px; font-weight: 700; color: {TEXT_COLOUR}; }}
QLabel#kitBody {{ font-size: 22px; color: {TEXT_COLOUR}; }}
QLabel#kitNoticeTitle {{ font-size: 34px; font-weight: 700; color: {TEXT_COLOUR}; }}
QLabel#kitNoticeBody {{ font-size: {INSTRUCTION_MIN_PX}px; color: {TEXT_COLOUR}; }}
"""


def mark_instruction(widget: QWidget) -> QWidget:
    """Mark ``widget``'s text as an instruction (held to :data:`INSTRUCTION_MIN_PX`); returns it."""
    widget.setProperty(INSTRUCTION_PROPERTY, True)
    return widget


def touch_button(text: str = "", *, primary: bool = True) -> QPushButton:
    """A button big enough for a finger: at least 48 px each way, 20 px text, rounded corners.

    ``primary`` buttons (blue, white text) are the action a visitor most likely wants; secondary
    ones (white, dark text) are the way out ("back to menu"). The look hangs on the object name
    (:data:`PRIMARY_OBJECT_NAME` / :data:`SECONDARY_OBJECT_NAME`): keep it.
    """
    button = QPushButton(text)
    button.setObjectName(PRIMARY_OBJECT_NAME if primary else SECONDARY_OBJECT_NAME)
    button.setStyleSheet(STYLE_SHEET)
    button.setMinimumSize(TOUCH_MIN_PX, TOUCH_MIN_PX)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class _TouchRowDelegate(QStyledItemDelegate):
    """Draws a drop-down list's rows at least :data:`LIST_ROW_MIN_PX` high, whatever the style.

    The rows' height comes from the combo box's item delegate; the one Qt installs under a style
    sheet sizes rows as menu items (27 px measured in the kiosk) and ignores item rules in sheets.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), LIST_ROW_MIN_PX))


class _TouchComboBox(QComboBox):
    """Opens its list at least as wide as the widest row: the rows' text is larger than the box's,
    and a list as wide as the box cut the longest ("Copy: NAOJI (Chinese for "brain-comput…")."""

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth())
        super().showPopup()


def touch_combo_box() -> QComboBox:
    """A drop-down list a finger can hit: the box :data:`TOUCH_MIN_PX` high, its list opening below
    it with rows :data:`LIST_ROW_MIN_PX` high and :data:`LIST_ROW_TEXT_PX` text (the box keeps
    :data:`VISITOR_MIN_PX`: larger, it crowded the staff console's rows).

    ``combobox-popup: 0`` makes the list drop below the box, as on a phone, instead of the desktop
    menu that opens over the box and the text above it. Its popup frame gets a style sheet of its own
    (a comment: it styles nothing): under a style sheet (the main window has one) QStyleSheetStyle
    caches render rules per widget, keyed by address, and drops a widget's entry when it is
    destroyed, but only for widgets it deems stylable; a combo box's popup frame is not, so every
    box left 0.3-0.8 kB behind (1-1.7 kB per speller opened, measured with the soak benchmark).
    """
    box = _TouchComboBox()
    box.setMinimumHeight(TOUCH_MIN_PX)
    # As wide as its longest item whenever the items change (a language switch refills them): sized
    # once at first show, a box opened in Chinese cut "Keyboard" to "Keyboa▾".
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    box.setStyleSheet(
        f"QComboBox {{ font-size: {VISITOR_MIN_PX}px; combobox-popup: 0; }}"
        f" QComboBox QAbstractItemView {{ font-size: {LIST_ROW_TEXT_PX}px; }}"
    )
    items = QListView()
    box.setView(items)
    box.setItemDelegate(_TouchRowDelegate(box))
    box.view().parentWidget().setStyleSheet("/* tracked by the style-sheet cache */")
    return box


def _label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)  # callers' texts are shown as written, never as HTML
    return label


def _centred_column(page: QWidget) -> QVBoxLayout:
    """A vertical layout ``TEXT_COLUMN_MAX_PX`` wide at most, centred on ``page``."""
    column = QWidget()
    column.setMaximumWidth(TEXT_COLUMN_MAX_PX)
    column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    outer = QHBoxLayout(page)
    outer.setContentsMargins(32, 32, 32, 32)
    outer.addStretch(1)
    outer.addWidget(column, 100)
    outer.addStretch(1)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(24)
    return layout


class _ChoiceButtons(QWidget):
    """Up to two touch buttons side by side, centred; one without a text is hidden and takes no space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.primary = touch_button(primary=True)
        self.secondary = touch_button(primary=False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        layout.addStretch(1)
        for button in (self.primary, self.secondary):
            button.setMinimumWidth(CHOICE_MIN_WIDTH_PX)
            layout.addWidget(button)
        layout.addStretch(1)
        self.set_texts(None, None)

    def set_texts(self, primary: str | None, secondary: str | None) -> None:
        for button, text in ((self.primary, primary), (self.secondary, secondary)):
            button.setText(text or "")
            button.setHidden(not text)
        self.setHidden(not (primary or secondary))


class Countdown(QWidget):
    """How long is left, as a big number of seconds over a progress bar.

    Calibration runs and baselines ask a visitor to sit still for a while; a number that counts down
    says how long, and the bar shows it at a glance from a few metres away. :meth:`start` counts
    ``seconds`` down on a ~10 Hz timer (the number shows whole seconds, rounded up, never below 0)
    and emits :attr:`sigFinished` once when it reaches 0; :meth:`set_progress` shows trials done
    instead ("12 / 40") for runs counted in trials. ``label`` is a line of text under the number.
    """

    sigFinished = Signal()
    TICK_MS = 100

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE_SHEET)
        self.number_label = QLabel("0")
        self.number_label.setObjectName("kitCountdownNumber")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = mark_instruction(_label("kitCountdownCaption"))
        self.caption_label.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("kitCountdownBar")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.number_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.progress)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # the last tick lands on the deadline
        self._timer.timeout.connect(self._tick)
        self._deadline: float | None = None
        self._duration = 0.0
        self._left = 0.0

    @property
    def seconds_left(self) -> float:
        """Seconds until 0 while counting; after :meth:`stop` what was left then; never negative."""
        if self._deadline is None:
            return self._left
        return max(0.0, self._deadline - time.monotonic())

    @property
    def is_running(self) -> bool:
        return self._deadline is not None

    def start(self, seconds: float, label: str = "") -> None:
        """Count ``seconds`` down from now (restarting any count); a negative duration counts as 0."""
        seconds = float(seconds)
        if not math.isfinite(seconds):
            raise ValueError(f"a countdown needs a finite number of seconds, not {seconds!r}")
        self._duration = max(0.0, seconds)
        self._deadline = time.monotonic() + self._duration
        self._set_label(label)
        self._show_time(self._duration)
        # Even a 0 s count finishes from the event loop, never inside start(): callers connect first.
        self._timer.start(min(self.TICK_MS, math.ceil(self._duration * 1000)))

    def show_left(self, left_s: float, total_s: float, label: str = "") -> None:
        """Show ``left_s`` of ``total_s`` seconds left, counted by the caller's own clock (a flow
        ticked by the demo; stops a running count without :attr:`sigFinished`)."""
        self.stop()
        self._duration = max(0.0, float(total_s))
        self._left = min(max(0.0, float(left_s)), self._duration)
        self._show_time(self._left)
        self._set_label(label)

    def set_progress(self, done: int, total: int, label: str = "") -> None:
        """Show ``done`` of ``total`` trials (stops a running count without :attr:`sigFinished`)."""
        self.stop()
        total = max(0, int(total))
        done = min(max(0, int(done)), total)
        self.number_label.setText(f"{done} / {total}")
        self.progress.setValue(round(1000 * done / total) if total else 0)
        self._set_label(label)

    def stop(self) -> None:
        """Stop counting where it is; :attr:`sigFinished` is not emitted."""
        self._left = self.seconds_left
        self._deadline = None
        self._timer.stop()

    def _set_label(self, label: str) -> None:
        self.caption_label.setText(label)
        self.caption_label.setHidden(not label)

    def _show_time(self, left: float) -> None:
        self.number_label.setText(str(math.ceil(left - 1e-9)) if left > 0 else "0")
        done = 1.0 - left / self._duration if self._duration > 0 else 1.0
        self.progress.setValue(round(1000 * min(max(done, 0.0), 1.0)))

    def _tick(self) -> None:
        if self._deadline is None:
            return
        left = self._deadline - time.monotonic()
        if left <= 0:
            self._left = 0.0
            self._deadline = None
            self._show_time(0.0)
            self.sigFinished.emit()
            return
        self._show_time(left)
        self._timer.start(min(self.TICK_MS, math.ceil(left * 1000)))


class _MessagePage(QWidget):
    """What a result screen and a notice page share: a title, a body and up to two buttons."""

    sigPrimary = Signal()
    sigSecondary = Signal()

    def __init__(self, title_name: str, body_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE_SHEET)
        self.title_label = _label(title_name)
        self.body_label = _label(body_name)
        self._buttons = _ChoiceButtons()
        self.primary_button = self._buttons.primary
        self.secondary_button = self._buttons.secondary
        self.primary_button.clicked.connect(self.sigPrimary)
        self.secondary_button.clicked.connect(self.sigSecondary)

    def _set_texts(self, title: str, body: str, primary: str | None, secondary: str | None) -> None:
        """Set the texts (already translated); a button given no text is hidden and takes no space."""
        self.title_label.setText(title)
        self.title_label.setHidden(not title)
        self.body_label.setText(body)
        self.body_label.setHidden(not body)
        self._buttons.set_texts(primary, secondary)


class ResultScreen(_MessagePage):
    """The end of a run: a big headline, a sentence or two, an optional picture, and what next.

    Every demo ends with "here is what happened" and "again?" / "back to the menu"; with one screen
    for it, visitors meet the same layout everywhere. :meth:`show_result` sets the texts (call it
    again from ``retranslate``); :meth:`set_picture` puts one widget (a plot, an image) between the
    text and the buttons. :attr:`sigPrimary` and :attr:`sigSecondary` report the two buttons.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kitHeadline", "kitBody", parent)
        self.headline_label = self.title_label
        self._picture_holder = QWidget()
        self._picture_layout = QVBoxLayout(self._picture_holder)
        self._picture_layout.setContentsMargins(0, 0, 0, 0)
        self._picture_holder.hide()
        self._picture: QWidget | None = None
        column = _centred_column(self)
        column.addStretch(1)
        column.addWidget(self.headline_label)
        column.addWidget(self.body_label)
        column.addWidget(self._picture_holder, 6)
        column.addWidget(self._buttons)
        column.addStretch(1)
        self.show_result("")

    def show_result(
        self, headline: str, body: str = "", primary: str | None = None, secondary: str | None = None
    ) -> None:
        """Set the texts (already translated); a button given no text is hidden."""
        self._set_texts(headline, body, primary, secondary)

    @property
    def picture(self) -> QWidget | None:
        return self._picture

    def set_picture(self, widget: QWidget | None) -> QWidget | None:
        """Show ``widget`` under the text (``None`` removes it); returns the previous picture.

        The previous picture is unparented (and so hidden), not deleted: the caller may reuse it.
        """
        previous, self._picture = self._picture, widget
        if previous is not None and previous is not widget:
            self._picture_layout.removeWidget(previous)
            previous.setParent(None)
        if widget is not None:
            self._picture_layout.addWidget(widget)
            widget.show()  # a layout shows a new child of a visible widget only later
        self._picture_holder.setHidden(widget is None)
        return previous


class NoticePage(_MessagePage):
    """A whole page with one message: a title, a few sentences, and up to two buttons.

    Some moments need the visitor's full attention before anything else happens: the
    photosensitivity warning before flashing light, "waiting for the headset", "stopped". A page
    (not a pop-up dialog) fits a kiosk: nothing to drag or close by mistake, large text, and the
    only ways on are the buttons offered. :attr:`sigPrimary` and :attr:`sigSecondary` report them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("kitNoticeTitle", "kitNoticeBody", parent)
        mark_instruction(self.body_label)
        column = _centred_column(self)
        column.addStretch(1)
        column.addWidget(self.title_label)
        column.addWidget(self.body_label)
        column.addSpacing(16)
        column.addWidget(self._buttons)
        column.addStretch(1)
        self.show_notice("", "", None, None)

    def show_notice(
        self, title: str, body: str, primary: str | None = None, secondary: str | None = None
    ) -> None:
        """Set the texts (already translated); a button given no text is hidden and takes no space."""
        self._set_texts(title, body, primary, secondary)
