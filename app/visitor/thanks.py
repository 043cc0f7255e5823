"""The thank-you page that ends a kiosk visit.

It thanks the visitor with the results of their visit and goes back to the start by itself after a
countdown; a touch or a key goes at once (see :mod:`app.visitor`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.resources import icon
from app.style import SHOWROOM_STYLE
from app.visitor.labels import page_label
from demos.kit.i18n import Retranslating, fill, translate

#: Seconds the thank-you page stays before it goes back to the start by itself.
THANKS_COUNTDOWN_S = 15


class _Result(QFrame):
    """One demo's result on the thank-you page: its title and one line."""

    def __init__(self, title: str, line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thanksResult")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title_label = page_label("thanksResultTitle")
        self.title_label.setText(title)
        self.line_label = page_label("thanksResultLine")
        self.line_label.setText(line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.line_label)


class ThanksPage(Retranslating, QWidget):
    """ "Thank you!" with what the visitor did, and a countdown back to the start.

    :meth:`show_results` takes (demo title, one-line result) pairs, both already translated; an
    empty list shows a general thank-you. Any touch or key emits :attr:`sigDone`, and so does the
    end of the countdown (it runs while the page is shown); :attr:`sigDone` comes once per showing.
    """

    sigDone = Signal()

    def __init__(self, parent: QWidget | None = None, countdown_s: int = THANKS_COUNTDOWN_S) -> None:
        super().__init__(parent)
        self.setObjectName("thanksPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(SHOWROOM_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.countdown_s = int(countdown_s)
        self.seconds_left = self.countdown_s
        self._done_sent = False
        self._results: list[tuple[str, str]] = []
        self.result_widgets: list[_Result] = []
        self.logo_label = QLabel()
        self.logo_label.setPixmap(icon("app.svg").pixmap(96, 96))
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = page_label("thanksTitle", centred=True)
        self.lead_label = page_label("thanksLead", centred=True)
        self.hint_label = page_label("thanksHint", centred=True)
        self.hint_label.setWordWrap(False)  # one short line in a pill as wide as its text
        for label in (self.logo_label, self.title_label, self.lead_label, self.hint_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.results_host = QWidget()
        self.results_host.setMaximumWidth(1000)
        self.results_host.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.results_host.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._grid = QGridLayout(self.results_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(16)
        column = QWidget()
        column.setMaximumWidth(1240)
        column.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        content = QVBoxLayout(column)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(20)
        content.addStretch(2)
        content.addWidget(self.logo_label)
        content.addWidget(self.title_label)
        content.addWidget(self.lead_label)
        content.addSpacing(8)
        results_row = QHBoxLayout()
        results_row.addStretch(1)
        results_row.addWidget(self.results_host, 100)
        results_row.addStretch(1)
        content.addLayout(results_row)
        content.addStretch(3)
        content.addWidget(self.hint_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        layout.addWidget(column, 100)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._count)
        self.retranslate()

    @property
    def is_counting(self) -> bool:
        return self._timer.isActive()

    def show_results(self, lines: Sequence[tuple[str, str]]) -> None:
        """Show these (demo title, result) lines, in order; an empty list: a general thank-you."""
        self._remove_results()
        self._results = [(str(title), str(line)) for title, line in lines]
        columns = 1 if len(self._results) <= 3 else 2
        for index, (title, line) in enumerate(self._results):
            widget = _Result(title, line)
            self._grid.addWidget(widget, index // columns, index % columns)
            self.result_widgets.append(widget)
        self.results_host.setVisible(bool(self._results))
        self._restart()
        self.retranslate()

    def clear(self) -> None:
        """Forget the visit's results (no text of theirs is left in any widget) and stop counting."""
        self._remove_results()
        self._results = []
        self.results_host.hide()
        self._timer.stop()
        self.seconds_left = self.countdown_s
        self._done_sent = False
        self.retranslate()

    def _remove_results(self) -> None:
        for widget in self.result_widgets:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.setParent(None)  # out of the page's children at once, not at the next deferred delete
            widget.deleteLater()
        self.result_widgets = []

    def _restart(self) -> None:
        self.seconds_left = self.countdown_s
        self._done_sent = False
        if self.isVisible():
            self._timer.start()

    def _count(self) -> None:
        self.seconds_left = max(0, self.seconds_left - 1)
        self._update_hint()
        if self.seconds_left == 0:
            self._timer.stop()
            self._done()

    def _done(self) -> None:
        if self._done_sent:
            return
        self._done_sent = True
        self._timer.stop()
        self.sigDone.emit()

    def _update_hint(self) -> None:
        self.hint_label.setText(
            fill(
                translate("ThanksPage", "Back to the start in %1 s. Touch the screen to go now."),
                self.seconds_left,
            )
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._restart()
        self._update_hint()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._done()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        if not event.isAutoRepeat():
            self._done()

    def retranslate(self) -> None:
        self.title_label.setText(translate("ThanksPage", "Thank you!"))
        if self._results:
            self.lead_label.setText(translate("ThanksPage", "Here is what you did today:"))
        else:
            self.lead_label.setText(
                translate(
                    "ThanksPage",
                    "Thank you for visiting. We hope you enjoyed seeing your brain at work!",
                )
            )
        self._update_hint()
