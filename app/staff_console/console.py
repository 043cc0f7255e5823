"""The staff console page: its title, Back to visitors, a notice line, and the five tabs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.staff_console.demos_tab import DemosSection
from app.staff_console.headset_tab import HeadsetSection
from app.staff_console.host import StaffHost
from app.staff_console.menu_tab import MenuSection
from app.staff_console.showroom_tab import ShowroomSection
from app.staff_console.usage_tab import UsageSection
from app.style import BORDER, DANGER, INK, MUTED, PRIMARY, SUCCESS, SURFACE, WARNING, WARNING_SOFT
from demos.kit.i18n import Retranslating, translate
from demos.kit.widgets import STYLE_SHEET as KIT_STYLE_SHEET
from demos.kit.widgets import TOUCH_MIN_PX, touch_button

CONSOLE_STYLE = (
    KIT_STYLE_SHEET
    + f"""
#consoleTitle {{ font-size: 30px; font-weight: 600; color: {INK}; }}
#consoleNotice {{ background: #fff4e5; color: #663c00; font-size: 18px; padding: 10px; border-radius: 8px; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 10px; background: {SURFACE}; top: -1px; }}
QTabBar::tab {{
    font-size: 20px; min-height: {TOUCH_MIN_PX}px; padding: 6px 26px; margin-right: 4px; color: {INK};
    background: #e9edf2; border: 1px solid {BORDER}; border-bottom: none;
    border-top-left-radius: 10px; border-top-right-radius: 10px;
}}
QTabBar::tab:selected {{ background: {SURFACE}; color: {PRIMARY}; font-weight: 600; }}
QScrollArea#consoleScroll, QWidget#consolePage {{ background: {SURFACE}; }}
QGroupBox {{
    font-size: 20px; font-weight: 600; color: {INK}; border: 1px solid {BORDER}; border-radius: 10px;
    margin-top: 22px; padding: 18px 12px 10px 12px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 14px; padding: 0 6px; }}
QLabel, QCheckBox {{ font-size: 18px; color: {INK}; }}
QLabel#consoleHint {{ font-size: 16px; color: {MUTED}; }}
QLabel#consoleError {{ font-size: 18px; color: {DANGER}; }}
QLabel#consoleDone {{ font-size: 18px; color: {SUCCESS}; }}
QLabel#consoleWarning {{
    font-size: 18px; color: {WARNING}; background: {WARNING_SOFT}; border-radius: 8px; padding: 8px 12px;
}}
QLabel#consoleState {{ font-size: 20px; font-weight: 600; }}
QLineEdit, QSpinBox, QDoubleSpinBox, QDateEdit {{
    font-size: 18px; min-height: {TOUCH_MIN_PX - 8}px; padding: 2px 8px; color: {INK};
    background: {SURFACE}; border: 1px solid #9aa5b1; border-radius: 8px;
}}
QSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {{
    width: 0px; border: none;
}}
QAbstractSpinBox QLineEdit, QComboBox QLineEdit {{
    border: none; padding: 0; min-height: 0; background: transparent;
}}
QPushButton#consoleStep {{
    font-size: 24px; font-weight: 700; color: {INK}; background: {SURFACE}; border: 2px solid #9aa5b1;
    border-radius: 12px; min-width: {TOUCH_MIN_PX}px; min-height: {TOUCH_MIN_PX}px; padding: 0 8px;
}}
QPushButton#consoleStep:pressed {{ background: #e8edf5; }}
QPushButton#consoleStep:disabled {{ color: #c0c6cd; border-color: {BORDER}; }}
QCheckBox#menuShow {{ font-size: 20px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QTableWidget {{ font-size: 18px; }}
QHeaderView::section {{ font-size: 16px; font-weight: 600; padding: 6px; }}
"""
)


class StaffConsole(Retranslating, QWidget):
    """The staff console page. ``sigClose``: back to the visitors' screen; ``sigQuit``: staff quit
    the showroom. Everything shown is read again each time the page comes on screen."""

    sigClose = Signal()
    sigQuit = Signal()

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setStyleSheet(CONSOLE_STYLE)
        self.title_label = QLabel()
        self.title_label.setObjectName("consoleTitle")
        self.close_button = touch_button()
        self.close_button.clicked.connect(self.sigClose)
        self.headset = HeadsetSection(host)
        self.menu = MenuSection(host)
        self.demos = DemosSection(host)
        self.showroom = ShowroomSection(host)
        self.showroom.sigQuit.connect(self.sigQuit)
        self.usage = UsageSection(host)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        for section in (self.headset, self.menu, self.demos, self.showroom, self.usage):
            self.tabs.addTab(section, "")
        self.tabs.currentChanged.connect(lambda _index: self._on_tab())
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        column.addLayout(header)
        #: What the shell wants staff to know (a damaged settings file was reset), until they quit.
        self.notice_label = QLabel(objectName="consoleNotice", wordWrap=True)
        self.notice_label.hide()
        column.addWidget(self.notice_label)
        column.addWidget(self.tabs, 1)
        # Lines that come and go while staff work (the notice, the board's problem polled twice a
        # second, a warning) keep their place when hidden: a line appearing above a control moved
        # it ~57 px, and the next tap landed on the wrong one.
        for label in (
            self.notice_label,
            self.headset.problem_label,
            self.menu.warning_label,
            self.usage.problem_label,
        ):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            label.setSizePolicy(policy)
            # Empty, a label is as tall as its own font's line; with a message, as tall as the
            # fonts that draw it (the CJK fallback's line is taller): hold the taller from the start.
            label.ensurePolished()
            label.setText("Ag 国")
            label.setMinimumHeight(label.sizeHint().height())
            label.setText("")
        self.retranslate()

    def show_notice(self, text: str) -> None:
        """A line above the tabs for staff (already translated)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def refresh(self) -> None:
        """Read everything again (settings may have changed elsewhere, a day may have passed)."""
        self.headset.show_running()
        self.headset.refresh_ports()
        self.menu.reload()
        self.demos.reload()
        self.showroom.reload()
        self.usage.go_to_today()
        self.headset.poll()

    def _on_tab(self) -> None:
        if self.tabs.currentWidget() is self.usage:
            self.usage.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.headset.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """The console leaves the screen (Back to visitors, the idle timeout, a quit): the outcomes
        of what staff did here ("Applied", "The staff PIN is changed", "Saved as …") go, so the
        next staff to unlock it do not read them as news. What is still true (the board's problem,
        a settings file that cannot be saved) is read again when it opens."""
        self.headset.timer.stop()
        for section in (self.headset, self.showroom, self.usage):
            section.forget_outcome()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(translate("StaffConsole", "Staff console"))
        self.close_button.setText(translate("StaffConsole", "Back to visitors"))
        for index, title in enumerate(
            (
                translate("StaffConsole", "Headset"),
                translate("StaffConsole", "Menu"),
                translate("StaffConsole", "Demos"),
                translate("StaffConsole", "Showroom"),
                translate("StaffConsole", "Usage"),
            )
        ):
            self.tabs.setTabText(index, title)
