"""What the console's tabs share: finger-sized fields and buttons, :class:`TouchSpin`, a scrolling
page, an outcome line, the kiosk-safe file dialog, and a stored number as the shell reads it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from demos.kit.widgets import TOUCH_MIN_PX

#: Qt's own file dialog, not the system's: a native one is a window Qt sees no input of, so the
#: kiosk's idle timeout could return to attract and leave it open for the next visitor to browse
#: files; Qt's is closed with the rest on idle.
KIOSK_SAFE_DIALOG = QFileDialog.Option.DontUseNativeDialog
#: Fields a finger uses are at most this wide: a full-width box on a 1920 px screen reads as a banner.
FIELD_MAX_PX = 720


def _label(object_name: str = "", *, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def _show_message(label: QLabel, object_name: str, text: str) -> None:
    """An outcome in ``label``: red (``consoleError``) or green (``consoleDone``), hidden when empty."""
    label.setObjectName(object_name)
    label.setText(text)
    label.setStyleSheet(label.styleSheet())  # the style sheet's rule of the new name applies now
    label.setVisible(bool(text))


def _line_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMinimumHeight(TOUCH_MIN_PX)
    edit.setClearButtonEnabled(True)
    return edit


def _step_button(text: str) -> QPushButton:
    """A square, finger-sized button of one sign (−, +, ▲, ▼, ◀, ▶), styled by the console."""
    button = QPushButton(text)
    button.setObjectName("consoleStep")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setMinimumSize(TOUCH_MIN_PX, TOUCH_MIN_PX)
    return button


class TouchSpin(QWidget):
    """A number a finger can set: − and + buttons around the value (the small arrows of a spin box
    are too small to touch); the value can be typed too. ``spin`` is the spin box itself."""

    def __init__(self, spin: QSpinBox | QDoubleSpinBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = spin
        # Its own arrows are hidden by the console's style sheet (width 0), not by NoButtons: a styled
        # spin box without buttons draws no text at all (seen with Qt 6.10).
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        spin.setMinimumSize(120, TOUCH_MIN_PX)
        spin.setKeyboardTracking(False)  # typing "45" stores 45 once, not 4 and then 45
        self.minus, self.plus = _step_button("−"), _step_button("+")
        for button, step in ((self.minus, spin.stepDown), (self.plus, spin.stepUp)):
            button.setAutoRepeat(True)
            button.clicked.connect(step)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(8)
        line.addWidget(self.minus)
        line.addWidget(spin)
        line.addWidget(self.plus)
        line.addStretch(1)


def _scrolling(page: QWidget) -> QScrollArea:
    page.setObjectName("consolePage")
    scroll = QScrollArea()
    scroll.setObjectName("consoleScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll
