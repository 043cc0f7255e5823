"""The baseline's eyes-closed phase as the whole screen: dark while the eyes are closed, then light
with "Open your eyes!" when they should open.

A sound says when to open the eyes, but a kiosk may have no sound (none on the computer, switched
off, a noisy hall). Closed eyelids still let a change from dark to light through, so the screen
itself is the call: it goes dark with the instruction while the eyes are closed, and lights up
pale yellow with large text at the moment (one change, no flashing).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from demos.attention.flow import AttentionFlow, Phase
from demos.attention.sky_view import SKY_TOP, TEXT_DARK
from demos.kit.i18n import translate
from drivers.cues import Baseline

CLOSED_STYLE = f"background: {SKY_TOP}; color: #c9d6ea; font-size: 40px; padding: 48px;"
CALL_STYLE = f"background: #fff3a6; color: {TEXT_DARK}; font-size: 120px; font-weight: 800;"


class EyesCall(QLabel):
    """Covers ``screen`` (and follows its size) while the eyes are closed and while it calls them open."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen, objectName="attentionEyesCall", wordWrap=True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.calling = False
        screen.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def show_for(self, flow: AttentionFlow, now: float, closed_text: str) -> None:
        """Dark with ``closed_text`` during the eyes-closed phase, light with the call right after it,
        hidden otherwise."""
        self.calling = flow.calling_eyes_open(now)
        closed = flow.phase is Phase.BASELINE and flow.baseline_step is Baseline.EYES_CLOSED
        if self.calling:
            self.setStyleSheet(CALL_STYLE)
            self.setText(translate("Attention", "Open your eyes!"))
        elif closed:
            self.setStyleSheet(CLOSED_STYLE)
            self.setText(closed_text)
        if self.calling or closed:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        self.setVisible(self.calling or closed)
