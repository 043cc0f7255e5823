"""The staff console: the headset, the menu, the demos' settings, the showroom and its usage.

In kiosk mode staff reach it through the hidden gesture and the PIN; on a desktop it opens from
the menu bar. It is a page of the main window, large and touch-friendly like the rest (staff use
the same touch screen), in Chinese or English, with five tabs:

- **Headset**: the board profile (built-in, or a .toml file) and the parameters it takes (the
  dongle's serial port from a list of the ports present, a Bluetooth MAC address or serial number,
  a playback file), checked with :func:`drivers.profiles.preflight` before anything is stored or
  started; Start / Stop; the headset's live state and its real problem in plain words.
- **Menu**: which demos visitors see, and in what order (:func:`menu_entries` applies it).
- **Demos**: each demo's declared :class:`demos.base.StaffSetting` values, and the shell's
  flicker limit.
- **Showroom**: the visitors' default language, kiosk mode, the idle timeout, the staff PIN, and
  quitting the showroom.
- **Usage**: a day's use per demo from :class:`app.usage.UsageLog`, exported as CSV for Excel.

Every value staff set is stored at once (no Save button to forget). What the console needs of the
main window is the :class:`StaffHost` protocol; the tests use a fake one. Bad input (a profile
file with an error, a port that is not there, a folder that cannot be written, garbage in the
settings file) is one plain sentence on the page, the details go to the log: never a traceback.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import pin
from app.cli import BOARD_PARAMS_SETTING, BOARD_PROFILE_SETTING, encode_params
from app.demo_host import DEFAULT_MAX_FLICKER_S, MAX_FLICKER_RANGE_S, MAX_FLICKER_SETTING
from app.i18n import LANGUAGE_SETTING, LANGUAGES, stored_language
from app.settings import AppSettings
from app.status import STATE_COLOUR, STATE_TEXT, board_display_name
from app.style import BORDER, DANGER, INK, MUTED, PRIMARY, SUCCESS, SURFACE, WARNING, WARNING_SOFT
from app.usage import UsageLog
from app.visitor.flow import DEFAULT_IDLE_TIMEOUT_S, IDLE_TIMEOUT_RANGE_S
from app.visitor.kiosk import KIOSK_SETTING
from demos.base import StaffSetting
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import STYLE_SHEET as KIT_STYLE_SHEET
from demos.kit.widgets import TOUCH_MIN_PX, touch_button, touch_combo_box
from demos.registry import DemoEntry
from drivers.acquisition import Acquisition, AcquisitionState
from drivers.board import layout_for
from drivers.ports import SerialPort, self_discovering_params, serial_ports
from drivers.profiles import (
    FILE_PARAMS,
    BoardProfile,
    ProfileError,
    builtin_profile_paths,
    load_profile_file,
    preflight,
)

log = logging.getLogger(__name__)

MENU_ORDER_SETTING = "menu/order"
MENU_HIDDEN_SETTING = "menu/hidden"
IDLE_TIMEOUT_SETTING = "kiosk/idle_timeout_s"
#: Qt's own file dialog, not the system's: a native one is a window Qt sees no input of, so the
#: kiosk's idle timeout could return to attract and leave it open for the next visitor to browse
#: files; Qt's is closed with the rest on idle.
KIOSK_SAFE_DIALOG = QFileDialog.Option.DontUseNativeDialog
#: How often the headset's state is read while the console is on screen (ms).
POLL_MS = 500
#: The profile box's last item: choose a .toml file.
PROFILE_FILE_ITEM = "<file>"
#: The parameters the headset page edits, in the order shown.
EDITED_PARAMS = ("serial_port", "mac_address", "serial_number", "file")
PARAM_LABELS = {
    "serial_port": QT_TRANSLATE_NOOP("StaffConsole", "Serial port"),
    "mac_address": QT_TRANSLATE_NOOP("StaffConsole", "MAC address"),
    "serial_number": QT_TRANSLATE_NOOP("StaffConsole", "Serial number"),
    "file": QT_TRANSLATE_NOOP("StaffConsole", "Playback file"),
}

#: The built-in profiles' descriptions (``drivers/profiles/*.toml``) for Qt's tools to extract;
#: shown through :func:`profile_description` (their names: :func:`app.status.board_display_name`).
#: A profile of the showroom's own shows as its file says.
PROFILE_TEXTS = (
    QT_TRANSLATE_NOOP("BoardProfiles", "8 channels at 250 Hz through the USB radio dongle."),
    QT_TRANSLATE_NOOP("BoardProfiles", "16 channels at 125 Hz through the USB radio dongle."),
    QT_TRANSLATE_NOOP("BoardProfiles", "EEG headphones: 4 channels at 250 Hz."),
    QT_TRANSLATE_NOOP("BoardProfiles", "4 channels at 200 Hz; placement Fp1, C3, C4, Oz."),
    QT_TRANSLATE_NOOP("BoardProfiles", "4 channels at 256 Hz on forehead and behind the ears."),
    QT_TRANSLATE_NOOP("BoardProfiles", "Replays a BrainFlow recording as if it were live."),
    QT_TRANSLATE_NOOP("BoardProfiles", "Sine waves generated inside BrainFlow; no headset needed."),
    QT_TRANSLATE_NOOP("BoardProfiles", "8 channels at 250 Hz on a fixed cap."),
    QT_TRANSLATE_NOOP("BoardProfiles", "A simulated visitor: every demo works without a headset."),
    QT_TRANSLATE_NOOP("BoardProfiles", "A simulated visitor on a 32-channel cap at 1000 Hz."),
)
#: Fields a finger uses are at most this wide: a full-width box on a 1920 px screen reads as a banner.
FIELD_MAX_PX = 720

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


class StaffHost(Protocol):
    """What the console needs of the shell (``app.main_window.MainWindow`` implements it)."""

    settings: AppSettings  # app/settings.py
    entries: Sequence[DemoEntry]  # every discovered demo (demos/registry.py), discovery order
    usage: UsageLog

    @property
    def acquisition(self) -> Acquisition: ...  # the current first headset (drivers/acquisition.py)

    def board_problem_text(self) -> str | None: ...  # the board's current problem in plain translated words

    def apply_board(self, profile: BoardProfile) -> None: ...  # stop the current acquisition, start one on it

    def start_acquisition(self) -> None: ...

    def stop_acquisition(self) -> None: ...

    def menu_changed(self) -> None: ...  # the console wrote menu/order and menu/hidden; rebuild the menu


# --- the menu -----------------------------------------------------------------------------------------------
def _ids(raw: Any) -> list[str]:
    """Demo ids from a stored comma-separated text (or the list Qt makes of a hand-edited one)."""
    items = raw if isinstance(raw, list) else str(raw or "").split(",")
    return [text for text in (str(item).strip() for item in items) if text]


def ordered_entries(entries: Sequence[DemoEntry], settings: AppSettings) -> list[DemoEntry]:
    """Every entry, in the stored ``menu/order`` (unknown ids ignored, demos not in it appended in
    discovery order), hidden ones included."""
    rank = {key: index for index, key in reversed(list(enumerate(_ids(settings.value(MENU_ORDER_SETTING)))))}
    last = len(rank)
    indexed = sorted(enumerate(entries), key=lambda pair: (rank.get(pair[1].key, last), pair[0]))
    return [entry for _, entry in indexed]


def hidden_ids(settings: AppSettings) -> set[str]:
    return set(_ids(settings.value(MENU_HIDDEN_SETTING)))


def menu_entries(entries: Sequence[DemoEntry], settings: AppSettings) -> list[DemoEntry]:
    """The entries the menu shows, in the order staff chose: ``menu/order`` and ``menu/hidden``
    (comma-separated demo ids) applied; ids of demos no longer installed are ignored, and demos
    installed since are appended, shown, in discovery order. Every demo hidden would leave
    visitors an empty menu: then all show (and the log says why)."""
    hidden = hidden_ids(settings)
    ordered = ordered_entries(entries, settings)
    shown = [entry for entry in ordered if entry.key not in hidden]
    if ordered and not shown:
        log.warning("setting %s hides every demo; showing them all", MENU_HIDDEN_SETTING)
        return ordered
    return shown


def write_menu(settings: AppSettings, order: Sequence[str], hidden: Iterable[str]) -> None:
    settings.set_value(MENU_ORDER_SETTING, ",".join(order))
    settings.set_value(MENU_HIDDEN_SETTING, ",".join(key for key in order if key in set(hidden)))


def demo_title(entry: DemoEntry) -> str:
    demo = entry.demo_class
    if demo is None:
        return fill(translate("StaffConsole", "%1 (could not be loaded)"), entry.key)
    return QCoreApplication.translate(demo.translation_context, demo.title)


def declared_settings(entry: DemoEntry) -> tuple[StaffSetting, ...]:
    """A demo's staff settings; a plugin's malformed declaration is logged and offers none."""
    declared = getattr(entry.demo_class, "staff_settings", ())
    try:
        settings = tuple(declared)
    except TypeError:
        settings = ()
    kept = tuple(setting for setting in settings if isinstance(setting, StaffSetting))
    if len(kept) != len(settings) or not isinstance(declared, tuple | list):
        log.warning("demo %s declares staff_settings that are not StaffSetting values", entry.key)
    return kept


# --- small helpers ------------------------------------------------------------------------------------------
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


def _stored_number(settings: AppSettings, key: str, default: float, low: float, high: float) -> float:
    """A number the shell reads, as the shell reads it (clamped), for the editor to show."""
    value = settings.value(key, default)
    return min(high, max(low, value))


def profile_title(profile: BoardProfile) -> str:
    """A profile's name in the current language, as the status bar says it."""
    return board_display_name(profile)


def profile_description(profile: BoardProfile) -> str:
    return QCoreApplication.translate("BoardProfiles", profile.description) if profile.description else ""


def format_duration(seconds: float | None) -> str:
    """``1:05:09`` or ``5:09`` (minutes:seconds): the same in every language; "–" for none."""
    if seconds is None:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def profile_error_sentence(error: ProfileError, profile: BoardProfile | None = None) -> str:
    """One plain sentence for staff about a profile or its parameters (the details go to the log)."""
    field = error.field
    param = field.removeprefix("params.")
    if field.startswith("params.") and error.message.startswith("required"):
        label = PARAM_LABELS.get(param)
        name = QCoreApplication.translate("StaffConsole", label) if label else param
        return fill(translate("StaffConsole", "Fill in this field first: %1."), name)
    if param in FILE_PARAMS:
        file_name = str(profile.params.get(param, "")) if profile is not None else ""
        return fill(
            translate(
                "StaffConsole", "The playback file %1 is missing, empty or not a recording of this board."
            ),
            file_name or error.source,
        )
    if field.startswith("params."):
        label = PARAM_LABELS.get(param)
        name = QCoreApplication.translate("StaffConsole", label) if label else param
        return fill(translate("StaffConsole", "This value is not valid: %1."), name)
    if "not supported by the installed BrainFlow" in error.message:
        return translate("StaffConsole", "This version of BrainFlow cannot drive this headset.")
    if field in ("file", "encoding", "toml") or error.source.endswith(".toml"):
        return fill(
            translate(
                "StaffConsole", "This profile file cannot be used: see the log for what is wrong in %1."
            ),
            field,
        )
    return fill(translate("StaffConsole", "These headset settings cannot be used (%1); see the log."), field)


# --- headset ------------------------------------------------------------------------------------------------
class HeadsetSection(Retranslating, QWidget):
    """The board profile and its parameters, Apply, Start / Stop, and the headset's live state."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.profiles = self._builtin_profiles()
        self.file_profile: BoardProfile | None = None  # a .toml file staff chose, if any
        self.ports: list[SerialPort] = []
        #: The last Apply's or file choice's outcome: its label's object name, and its text (re-read
        #: on a language change).
        self._message: tuple[str, Callable[[], str]] = ("", str)
        self._last_selection = 0

        self.state_label = _label("consoleState", rich=True)
        self.problem_label = _label("consoleError")
        self.running_label = _label("consoleHint")
        self.profile_box = touch_combo_box()
        self.profile_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.profile_box.setMaximumWidth(FIELD_MAX_PX)
        self.profile_box.activated.connect(self._on_profile_chosen)
        self.description_label = _label("consoleHint")
        self.port_box = touch_combo_box()
        self.port_box.setEditable(True)
        self.port_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.port_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh_ports_button = touch_button(primary=False)
        self.refresh_ports_button.clicked.connect(self.refresh_ports)
        self.ports_label = _label("consoleHint")
        self.mac_edit = _line_edit()
        self.mac_edit.setPlaceholderText("00:11:22:33:44:55")
        self.serial_number_edit = _line_edit()
        self.file_edit = _line_edit()
        self.choose_file_button = touch_button(primary=False)
        self.choose_file_button.clicked.connect(self._choose_playback_file)
        self.discovery_label = _label("consoleHint")
        self.apply_button = touch_button()
        self.apply_button.clicked.connect(self.apply)
        self.start_button = touch_button(primary=False)
        self.start_button.clicked.connect(self._start)
        self.stop_button = touch_button(primary=False)
        self.stop_button.clicked.connect(self._stop)
        self.message_label = _label()

        self.port_row = QWidget()
        port_line = QHBoxLayout(self.port_row)
        port_line.setContentsMargins(0, 0, 0, 0)
        port_line.addWidget(self.port_box, 1)
        port_line.addWidget(self.refresh_ports_button)
        self.port_row.setMaximumWidth(FIELD_MAX_PX)
        self.mac_edit.setMaximumWidth(FIELD_MAX_PX)
        self.serial_number_edit.setMaximumWidth(FIELD_MAX_PX)
        self.file_row = QWidget()
        self.file_row.setMaximumWidth(FIELD_MAX_PX)
        file_line = QHBoxLayout(self.file_row)
        file_line.setContentsMargins(0, 0, 0, 0)
        file_line.addWidget(self.file_edit, 1)
        file_line.addWidget(self.choose_file_button)

        self.state_box = QGroupBox()
        state = QVBoxLayout(self.state_box)
        state.addWidget(self.state_label)
        state.addWidget(self.problem_label)
        state.addWidget(self.running_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        state.addLayout(buttons)

        self.board_box = QGroupBox()
        self.form = QFormLayout(self.board_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(12)
        self.profile_caption = QLabel()
        self.port_caption, self.mac_caption = QLabel(), QLabel()
        self.serial_number_caption, self.file_caption = QLabel(), QLabel()
        self.form.addRow(self.profile_caption, self.profile_box)
        self.form.addRow("", self.description_label)
        self.form.addRow(self.port_caption, self.port_row)
        self.form.addRow("", self.ports_label)
        self.form.addRow(self.mac_caption, self.mac_edit)
        self.form.addRow(self.serial_number_caption, self.serial_number_edit)
        self.form.addRow(self.file_caption, self.file_row)
        self.form.addRow("", self.discovery_label)
        apply_line = QHBoxLayout()
        apply_line.setSpacing(16)
        apply_line.addWidget(self.apply_button)
        apply_line.addWidget(self.message_label, 1)
        apply_line.addStretch(0)
        self.form.addRow("", apply_line)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 8, 16, 16)
        column.addWidget(self.state_box)
        column.addWidget(self.board_box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.refresh_ports()
        self.show_running()
        self.retranslate()

    # --- what is chosen ------------------------------------------------------------------------------
    @staticmethod
    def _builtin_profiles() -> dict[str, BoardProfile]:
        """The shipped profiles by key; one that fails to load (a broken install) is left out, logged."""
        profiles = {}
        for key, path in sorted(builtin_profile_paths().items()):
            try:
                profiles[key] = load_profile_file(path)
            except (ProfileError, OSError):
                log.exception("built-in profile %s cannot be loaded", key)
        return profiles

    def show_running(self) -> None:
        """Select the profile the headset runs on now, with its parameters."""
        running = self.host.acquisition.profile
        builtin = builtin_profile_paths().get(running.key)
        if running.path is not None and (builtin is None or Path(running.path) != builtin):
            self.file_profile = running
        self._fill_profile_box()
        data = running.key if running is not self.file_profile else str(running.path)
        index = self.profile_box.findData(data)
        self.profile_box.setCurrentIndex(max(0, index))
        self._last_selection = self.profile_box.currentIndex()
        self._show_fields(running)

    def _fill_profile_box(self) -> None:
        current = self.profile_box.currentData()
        self.profile_box.clear()
        for key, profile in sorted(self.profiles.items(), key=lambda item: profile_title(item[1]).casefold()):
            self.profile_box.addItem(profile_title(profile), key)
        if self.file_profile is not None:
            self.profile_box.addItem(
                f"{self.file_profile.name} ({self.file_profile.path})", str(self.file_profile.path)
            )
        self.profile_box.addItem(translate("StaffConsole", "Profile file (.toml)…"), PROFILE_FILE_ITEM)
        if current is not None and self.profile_box.findData(current) >= 0:
            self.profile_box.setCurrentIndex(self.profile_box.findData(current))

    def selected_profile(self) -> BoardProfile:
        """The profile chosen in the box, with its own parameters (not yet those typed in)."""
        data = self.profile_box.currentData()
        if self.file_profile is not None and data == str(self.file_profile.path):
            return self.file_profile
        return self.profiles.get(data, self.host.acquisition.profile)

    def selected_name(self) -> str:
        """What ``board/profile`` stores for the chosen profile: a built-in key or a file's path."""
        return str(self.profile_box.currentData())

    def edited_params(self) -> dict[str, str]:
        """The parameters typed or chosen on the page (only the shown, non-empty ones)."""
        values = {
            "serial_port": self.port_box.currentText(),
            "mac_address": self.mac_edit.text(),
            "serial_number": self.serial_number_edit.text(),
            "file": self.file_edit.text(),
        }
        shown = self._shown_params(self.selected_profile())
        return {
            name: values[name].strip() for name in EDITED_PARAMS if name in shown and values[name].strip()
        }

    @staticmethod
    def _shown_params(profile: BoardProfile) -> set[str]:
        takes = set(profile.params) | set(profile.required_params) | set(self_discovering_params(profile))
        return takes & set(EDITED_PARAMS)

    def _show_fields(self, profile: BoardProfile) -> None:
        shown = self._shown_params(profile)
        self.port_box.setEditText(str(profile.params.get("serial_port", "")))
        self.mac_edit.setText(str(profile.params.get("mac_address", "")))
        self.serial_number_edit.setText(str(profile.params.get("serial_number", "")))
        self.file_edit.setText(str(profile.params.get("file", "")))
        for name, field in (
            ("serial_port", self.port_row),
            ("mac_address", self.mac_edit),
            ("serial_number", self.serial_number_edit),
            ("file", self.file_row),
        ):
            self.form.setRowVisible(field, name in shown)
        self.form.setRowVisible(self.ports_label, "serial_port" in shown)
        self.description_label.setText(profile_description(profile))
        self._show_discovery_hint(profile)

    def _show_discovery_hint(self, profile: BoardProfile) -> None:
        found = self_discovering_params(profile)
        if found:
            names = " / ".join(
                QCoreApplication.translate("StaffConsole", PARAM_LABELS[name]) for name in found
            )
            text = fill(
                translate(
                    "StaffConsole",
                    "Bluetooth: leave the %1 empty and BrainFlow finds the headset by itself (the first "
                    "one it sees). Fill it in when several headsets are near.",
                ),
                names,
            )
        elif "mac_address" in profile.required_params:
            text = translate(
                "StaffConsole",
                "Bluetooth: pair the headset with this computer first, then enter its MAC address "
                "(BrainFlow cannot search for this one).",
            )
        else:
            text = ""
        self.discovery_label.setText(text)
        self.form.setRowVisible(self.discovery_label, bool(text))

    def _on_profile_chosen(self, index: int) -> None:
        if self.profile_box.itemData(index) == PROFILE_FILE_ITEM:
            path, _ = QFileDialog.getOpenFileName(
                self,
                translate("StaffConsole", "Choose a board profile"),
                "",
                "TOML (*.toml)",
                options=KIOSK_SAFE_DIALOG,
            )
            if not path or not self.use_profile_file(path):
                self.profile_box.setCurrentIndex(self._last_selection)
            return
        self._last_selection = index
        self._set_message("", str)
        self._show_fields(self.selected_profile())

    def use_profile_file(self, path: str | Path) -> bool:
        """Offer the profile in ``path`` (checked now); False, with one sentence, if it can't be used."""
        try:
            profile = load_profile_file(path)
        except ProfileError as error:
            log.warning("staff chose a profile file that cannot be used: %s", error)
            problem = error  # ``error`` is unbound after the except block; the message reads it later
            self._set_message("consoleError", lambda: profile_error_sentence(problem))
            return False
        self.file_profile = profile
        self._fill_profile_box()
        self.profile_box.setCurrentIndex(self.profile_box.findData(str(profile.path)))
        self._last_selection = self.profile_box.currentIndex()
        self._set_message("", str)
        self._show_fields(profile)
        return True

    def _choose_playback_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("StaffConsole", "Choose a BrainFlow recording"),
            str(Path(self.file_edit.text()).parent) if self.file_edit.text() else "",
            "BrainFlow (*.csv *.tsv *.txt);;* (*)",
            options=KIOSK_SAFE_DIALOG,
        )
        if path:
            self.file_edit.setText(path)

    def refresh_ports(self) -> None:
        """List the serial ports present now (a dongle plugged in since shows up)."""
        typed = self.port_box.currentText()
        self.ports = serial_ports()
        self.port_box.clear()
        for port in self.ports:
            self.port_box.addItem(port.device, port.device)
            if port.description:
                self.port_box.setItemData(
                    self.port_box.count() - 1, port.description, Qt.ItemDataRole.ToolTipRole
                )
        self.port_box.setEditText(typed)
        self._show_ports()

    def _show_ports(self) -> None:
        if self.ports:
            found = ", ".join(
                f"{port.device} ({port.description})" if port.description else port.device
                for port in self.ports
            )
            self.ports_label.setText(fill(translate("StaffConsole", "Found: %1"), found))
        else:
            self.ports_label.setText(
                translate("StaffConsole", "No serial port found: plug in the dongle, then touch Refresh.")
            )

    # --- actions ---------------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Check the chosen profile with the typed parameters; if it can be used, store it
        (``board/profile``, ``board/params``) and switch the headset to it."""
        name, params = self.selected_name(), self.edited_params()
        profile = None
        try:
            profile = self.selected_profile().with_params(params)
            preflight(profile)
            layout_for(profile)
        except ProfileError as error:
            log.warning("staff's board settings refused: %s", error)
            problem, refused = error, profile  # ``error`` is unbound after the except block
            self._set_message("consoleError", lambda: profile_error_sentence(problem, refused))
            return False
        except Exception:
            log.exception("staff's board settings %s %s cannot be checked", name, params)
            self._set_message(
                "consoleError",
                lambda: translate("StaffConsole", "These headset settings cannot be used; see the log."),
            )
            return False
        self.host.settings.set_value(BOARD_PROFILE_SETTING, name)
        self.host.settings.set_value(BOARD_PARAMS_SETTING, encode_params(params))
        try:
            self.host.apply_board(profile)
        except Exception:
            log.exception("switching the board to %s failed", name)
            self._set_message(
                "consoleError",
                lambda: translate("StaffConsole", "The headset could not be started; see the log."),
            )
            return False
        log.info("staff applied the board %s with %s", name, params)
        applied = profile
        self._set_message(
            "consoleDone",
            lambda: fill(
                translate("StaffConsole", "Applied: %1. It is also used at the next start."),
                profile_title(applied),
            ),
        )
        self.poll()
        return True

    def _start(self) -> None:
        self._call(self.host.start_acquisition)

    def _stop(self) -> None:
        self._call(self.host.stop_acquisition)

    def _call(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception:
            log.exception("staff's start/stop of the headset failed")
            self._set_message(
                "consoleError", lambda: translate("StaffConsole", "That did not work; see the log.")
            )
        self.poll()

    def _set_message(self, object_name: str, text: Callable[[], str]) -> None:
        self._message = (object_name, text)
        _show_message(self.message_label, object_name, text())

    # --- live state --------------------------------------------------------------------------------------
    def poll(self) -> None:
        """Show the headset's state and its problem now (every :data:`POLL_MS` while on screen)."""
        acquisition = self.host.acquisition
        state = acquisition.state
        colour = STATE_COLOUR.get(state, MUTED)
        words = QCoreApplication.translate("StatusPanel", STATE_TEXT.get(state, str(state)))
        self.state_label.setText(f'<span style="color:{colour}">●</span> {html.escape(words)}')
        try:
            problem = self.host.board_problem_text()
        except Exception:
            log.exception("the board's problem cannot be told")
            problem = None
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        profile = acquisition.profile
        rate = acquisition.stats.measured_rate if acquisition.stats is not None else None
        text = fill(translate("StaffConsole", "Running on: %1"), profile_title(profile))
        if rate is not None and state is AcquisitionState.STREAMING:
            text += "  ·  " + fill(translate("StaffConsole", "%1 samples per second"), f"{rate:.0f}")
        self.running_label.setText(text)
        self.start_button.setEnabled(not acquisition.is_running)
        self.stop_button.setEnabled(acquisition.is_running)

    def retranslate(self) -> None:
        self.state_box.setTitle(translate("StaffConsole", "Headset now"))
        self.board_box.setTitle(translate("StaffConsole", "Choose the headset"))
        self.start_button.setText(translate("StaffConsole", "Start"))
        self.stop_button.setText(translate("StaffConsole", "Stop"))
        self.apply_button.setText(translate("StaffConsole", "Apply"))
        self.refresh_ports_button.setText(translate("StaffConsole", "Refresh"))
        self.choose_file_button.setText(translate("StaffConsole", "Choose…"))
        self.profile_caption.setText(translate("StaffConsole", "Board profile"))
        self.port_caption.setText(translate("StaffConsole", "Serial port"))
        self.mac_caption.setText(translate("StaffConsole", "MAC address"))
        self.serial_number_caption.setText(translate("StaffConsole", "Serial number"))
        self.file_caption.setText(translate("StaffConsole", "Playback file"))
        self.port_box.lineEdit().setPlaceholderText(translate("StaffConsole", "e.g. COM3 or /dev/ttyUSB0"))
        self.serial_number_edit.setPlaceholderText(translate("StaffConsole", "e.g. MuseS-1234 (optional)"))
        for index in range(self.profile_box.count()):
            key = self.profile_box.itemData(index)
            if key == PROFILE_FILE_ITEM:
                self.profile_box.setItemText(index, translate("StaffConsole", "Profile file (.toml)…"))
            elif key in self.profiles:
                self.profile_box.setItemText(index, profile_title(self.profiles[key]))
        self.description_label.setText(profile_description(self.selected_profile()))
        self._show_ports()
        self._show_discovery_hint(self.selected_profile())
        self._set_message(*self._message)
        self.poll()


# --- menu ---------------------------------------------------------------------------------------------------
class MenuSection(Retranslating, QWidget):
    """Which demos the menu shows, in what order: a row per demo with a Show box and up / down."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self.intro_label = _label("consoleHint")
        self.warning_label = _label("consoleWarning")
        self.rows_host = QWidget()
        self.rows_host.setMaximumWidth(FIELD_MAX_PX + 100)  # the arrows stay near the names they move
        self.rows = QVBoxLayout(self.rows_host)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(8)
        self.show_boxes: dict[str, QCheckBox] = {}
        self.move_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 16, 16, 16)
        column.addWidget(self.intro_label)
        column.addWidget(self.warning_label)
        column.addWidget(self.rows_host)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self.reload()

    def reload(self) -> None:
        """Read the order and the hidden demos from the settings."""
        settings = self.host.settings
        self.order = [entry.key for entry in ordered_entries(self.host.entries, settings)]
        self.hidden = hidden_ids(settings) & set(self.order)
        self._build_rows()

    def move(self, key: str, step: int) -> None:
        """Move a demo up (-1) or down (+1) the menu."""
        index = self.order.index(key)
        target = index + step
        if 0 <= target < len(self.order):
            self.order[index], self.order[target] = self.order[target], self.order[index]
            self._store()
            self._build_rows()

    def set_shown(self, key: str, shown: bool) -> None:
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self._store()
        self._show_warning()

    def _store(self) -> None:
        write_menu(self.host.settings, self.order, self.hidden)
        try:
            self.host.menu_changed()
        except Exception:
            log.exception("the menu could not be rebuilt")

    def _build_rows(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.show_boxes.clear()
        self.move_buttons.clear()
        titles = {entry.key: demo_title(entry) for entry in self.host.entries}
        for index, key in enumerate(self.order):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(8, 4, 8, 4)
            box = QCheckBox(titles.get(key, key))
            box.setObjectName("menuShow")
            box.setChecked(key not in self.hidden)
            box.toggled.connect(lambda on, chosen=key: self.set_shown(chosen, on))
            up, down = _step_button("▲"), _step_button("▼")
            up.setEnabled(index > 0)
            down.setEnabled(index < len(self.order) - 1)
            up.clicked.connect(lambda _=False, chosen=key: self.move(chosen, -1))
            down.clicked.connect(lambda _=False, chosen=key: self.move(chosen, +1))
            line.addWidget(box, 1)
            line.addWidget(up)
            line.addWidget(down)
            self.rows.addWidget(row)
            self.show_boxes[key] = box
            self.move_buttons[key] = (up, down)
        self.retranslate()

    def _show_warning(self) -> None:
        nothing = bool(self.order) and not (set(self.order) - self.hidden)
        self.warning_label.setText(
            translate("StaffConsole", "No demo is shown: visitors would see an empty menu.")
            if nothing
            else ""
        )
        self.warning_label.setVisible(nothing)

    def retranslate(self) -> None:
        self.intro_label.setText(
            translate(
                "StaffConsole",
                "Tick the demos the menu shows visitors; the arrows change their order on the menu.",
            )
        )
        titles = {entry.key: demo_title(entry) for entry in self.host.entries}
        for key, box in self.show_boxes.items():
            box.setText(titles.get(key, key))
            up, down = self.move_buttons[key]
            up.setToolTip(translate("StaffConsole", "Move up"))
            down.setToolTip(translate("StaffConsole", "Move down"))
        self._show_warning()


# --- demos --------------------------------------------------------------------------------------------------
class DemosSection(Retranslating, QWidget):
    """The shell's flicker limit and every demo's declared staff settings, stored as they change."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: (demo id, key) -> (its declaration, its editor, the demo's translation context)
        self.editors: dict[tuple[str, str], tuple[StaffSetting, QWidget, str]] = {}
        self.captions: list[tuple[QLabel, str, str]] = []  # (label, context, source text)
        self.groups: list[tuple[QGroupBox, DemoEntry]] = []
        self.reset_buttons: list[QPushButton] = []
        self.intro_label = _label("consoleHint")
        self.safety_box = QGroupBox()
        safety = QFormLayout(self.safety_box)
        self.flicker_caption = QLabel()
        self.flicker_spin = QDoubleSpinBox()
        self.flicker_spin.setRange(*MAX_FLICKER_RANGE_S)
        self.flicker_spin.setDecimals(0)
        self.flicker_spin.setSingleStep(1.0)
        self.flicker_spin.valueChanged.connect(
            lambda value: self.host.settings.set_value(MAX_FLICKER_SETTING, float(value))
        )
        safety.addRow(self.flicker_caption, TouchSpin(self.flicker_spin))
        self.flicker_hint = _label("consoleHint")
        safety.addRow("", self.flicker_hint)
        page = QWidget()
        self.column = QVBoxLayout(page)
        self.column.setContentsMargins(16, 8, 16, 16)
        self.column.addWidget(self.intro_label)
        self.column.addWidget(self.safety_box)
        for entry in host.entries:
            declared = declared_settings(entry) if entry.demo_class is not None else ()
            if declared:
                self.column.addWidget(self._demo_box(entry, declared))
        self.column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self.reload()
        self.retranslate()

    def _demo_box(self, entry: DemoEntry, declared: Sequence[StaffSetting]) -> QGroupBox:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setVerticalSpacing(10)
        context = entry.demo_class.translation_context if entry.demo_class is not None else "demos"
        for setting in declared:
            editor = self._editor(entry.key, setting)
            caption = QLabel()
            caption.setWordWrap(True)
            self.captions.append((caption, context, setting.label))
            form.addRow(caption, TouchSpin(editor) if isinstance(editor, QAbstractSpinBox) else editor)
            self.editors[entry.key, setting.key] = (setting, editor, context)
        reset = touch_button(primary=False)
        reset.clicked.connect(lambda _=False, chosen=entry.key: self.restore_defaults(chosen))
        self.reset_buttons.append(reset)
        line = QHBoxLayout()
        line.addWidget(reset)
        line.addStretch(1)
        form.addRow("", line)
        self.groups.append((box, entry))
        return box

    def _editor(self, demo_id: str, setting: StaffSetting) -> QWidget:
        store = self.host.settings.for_demo(demo_id)
        editor: QWidget
        if setting.kind == "int":
            editor = QSpinBox()
            editor.setRange(int(setting.low), int(setting.high))  # type: ignore[arg-type]
            editor.setSingleStep(int(setting.step or 1))
            editor.valueChanged.connect(lambda value: store.set_value(setting.key, int(value)))
        elif setting.kind == "float":
            editor = QDoubleSpinBox()
            step = float(setting.step or 0.1)
            editor.setDecimals(0 if step >= 1 else 1 if step >= 0.1 else 2)
            editor.setRange(float(setting.low), float(setting.high))  # type: ignore[arg-type]
            editor.setSingleStep(step)
            editor.valueChanged.connect(lambda value: store.set_value(setting.key, float(value)))
        elif setting.kind == "bool":
            editor = QCheckBox()
            editor.toggled.connect(lambda on: store.set_value(setting.key, bool(on)))
        else:
            editor = touch_combo_box()
            editor.setMaximumWidth(FIELD_MAX_PX)
            for value, _label in setting.choices:
                editor.addItem(value, value)
            editor.activated.connect(
                lambda index, box=editor: store.set_value(setting.key, box.itemData(index))
            )
        editor.setMinimumHeight(TOUCH_MIN_PX)
        return editor

    def reload(self) -> None:
        """Show what is stored now (a garbage value shows as the demo would read it)."""
        self.flicker_spin.blockSignals(True)
        self.flicker_spin.setValue(
            _stored_number(
                self.host.settings, MAX_FLICKER_SETTING, DEFAULT_MAX_FLICKER_S, *MAX_FLICKER_RANGE_S
            )
        )
        self.flicker_spin.blockSignals(False)
        for (demo_id, _key), (setting, editor, _context) in self.editors.items():
            value = setting.read(self.host.settings.for_demo(demo_id))
            editor.blockSignals(True)
            if isinstance(editor, QSpinBox | QDoubleSpinBox):
                editor.setValue(value)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.blockSignals(False)

    def restore_defaults(self, demo_id: str) -> None:
        store = self.host.settings.for_demo(demo_id)
        for (owner, _key), (setting, _editor, _context) in self.editors.items():
            if owner == demo_id:
                store.set_value(setting.key, setting.default)
        self.reload()

    def retranslate(self) -> None:
        self.intro_label.setText(
            translate(
                "StaffConsole", "Changes are saved at once and apply the next time a visitor opens the demo."
            )
        )
        self.safety_box.setTitle(translate("StaffConsole", "Safety"))
        self.flicker_caption.setText(translate("StaffConsole", "Longest flicker (s)"))
        self.flicker_hint.setText(
            translate(
                "StaffConsole",
                "Flashing demos stop after this long without a break (photosensitivity).",
            )
        )
        for caption, context, source in self.captions:
            caption.setText(QCoreApplication.translate(context, source))
        for box, entry in self.groups:
            box.setTitle(demo_title(entry))
        for setting, editor, context in self.editors.values():
            if isinstance(editor, QComboBox):
                for index, (_value, label) in enumerate(setting.choices):
                    editor.setItemText(index, QCoreApplication.translate(context, label))
        for button in self.reset_buttons:
            button.setText(translate("StaffConsole", "Restore defaults"))


# --- showroom -----------------------------------------------------------------------------------------------
class ShowroomSection(Retranslating, QWidget):
    """Default language, kiosk mode, idle timeout, the staff PIN, and quitting the showroom."""

    sigQuit = Signal()

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._pin_message: tuple[str, str] = ("", "")
        settings = host.settings
        self.general_box = QGroupBox()
        general = QFormLayout(self.general_box)
        general.setVerticalSpacing(12)
        self.language_caption = QLabel()
        self.language_box = touch_combo_box()
        self.language_box.setMaximumWidth(FIELD_MAX_PX // 2)
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.activated.connect(
            lambda index: settings.set_value(LANGUAGE_SETTING, self.language_box.itemData(index))
        )
        self.kiosk_box = QCheckBox()
        self.kiosk_box.toggled.connect(lambda on: settings.set_value(KIOSK_SETTING, bool(on)))
        self.idle_caption = QLabel()
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(*IDLE_TIMEOUT_RANGE_S)
        self.idle_spin.setSingleStep(10)
        self.idle_spin.valueChanged.connect(
            lambda value: settings.set_value(IDLE_TIMEOUT_SETTING, int(value))
        )
        self.idle_hint = _label("consoleHint")
        general.addRow(self.language_caption, self.language_box)
        general.addRow("", self.kiosk_box)
        general.addRow(self.idle_caption, TouchSpin(self.idle_spin))
        general.addRow("", self.idle_hint)

        self.pin_box = QGroupBox()
        pin_form = QFormLayout(self.pin_box)
        pin_form.setVerticalSpacing(12)
        self.factory_label = _label("consoleWarning")
        self.pin_caption, self.pin_again_caption = QLabel(), QLabel()
        self.pin_edit, self.pin_again_edit = _line_edit(), _line_edit()
        for edit in (self.pin_edit, self.pin_again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(pin.PIN_DIGITS[1])
            edit.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", edit))
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            edit.setMaximumWidth(FIELD_MAX_PX // 2)
        self.change_pin_button = touch_button()
        self.change_pin_button.clicked.connect(self.change_pin)
        self.pin_message_label = _label()
        pin_form.addRow(self.factory_label)
        pin_form.addRow(self.pin_caption, self.pin_edit)
        pin_form.addRow(self.pin_again_caption, self.pin_again_edit)
        pin_line = QHBoxLayout()
        pin_line.setSpacing(16)
        pin_line.addWidget(self.change_pin_button)
        pin_line.addWidget(self.pin_message_label, 1)
        pin_form.addRow("", pin_line)

        self.quit_box = QGroupBox()
        quit_column = QVBoxLayout(self.quit_box)
        self.quit_hint = _label("consoleHint")
        self.quit_button = touch_button(primary=False)
        self.quit_button.clicked.connect(lambda: self._ask_quit(True))
        self.confirm_label = _label("consoleWarning")
        self.confirm_quit_button = touch_button()
        self.confirm_quit_button.clicked.connect(self.sigQuit)
        self.cancel_quit_button = touch_button(primary=False)
        self.cancel_quit_button.clicked.connect(lambda: self._ask_quit(False))
        quit_column.addWidget(self.quit_hint)
        quit_line = QHBoxLayout()
        for widget in (
            self.quit_button,
            self.confirm_label,
            self.confirm_quit_button,
            self.cancel_quit_button,
        ):
            quit_line.addWidget(widget)
        quit_line.addStretch(1)
        quit_column.addLayout(quit_line)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 8, 16, 16)
        for box in (self.general_box, self.pin_box, self.quit_box):
            column.addWidget(box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self._ask_quit(False)
        self.reload()
        self.retranslate()

    def reload(self) -> None:
        settings = self.host.settings
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(stored_language(settings))))
        for widget, value in (
            (self.kiosk_box, settings.value(KIOSK_SETTING, False)),
            (
                self.idle_spin,
                _stored_number(settings, IDLE_TIMEOUT_SETTING, DEFAULT_IDLE_TIMEOUT_S, *IDLE_TIMEOUT_RANGE_S),
            ),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value))
            widget.blockSignals(False)
        self._show_factory_warning()

    def change_pin(self) -> bool:
        """Store the new staff PIN if both fields hold the same 4–8 digits; say why not otherwise."""
        first, again = self.pin_edit.text(), self.pin_again_edit.text()
        if not pin.valid_pin(first):
            self._set_pin_message(
                "consoleError", QT_TRANSLATE_NOOP("StaffConsole", "A staff PIN is 4 to 8 digits.")
            )
            return False
        if first != again:
            self._set_pin_message(
                "consoleError",
                QT_TRANSLATE_NOOP("StaffConsole", "The two PINs differ: type the same PIN twice."),
            )
            return False
        try:
            pin.set_pin(self.host.settings, first)
        except Exception:
            log.exception("the staff PIN could not be stored")
            self._set_pin_message(
                "consoleError", QT_TRANSLATE_NOOP("StaffConsole", "The PIN could not be saved; see the log.")
            )
            return False
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self._set_pin_message("consoleDone", QT_TRANSLATE_NOOP("StaffConsole", "The staff PIN is changed."))
        self._show_factory_warning()
        return True

    def _set_pin_message(self, object_name: str, source: str) -> None:
        self._pin_message = (object_name, source)
        self.pin_message_label.setObjectName(object_name)
        self.pin_message_label.setText(QCoreApplication.translate("StaffConsole", source) if source else "")
        self.pin_message_label.setStyleSheet(self.pin_message_label.styleSheet())

    def _show_factory_warning(self) -> None:
        try:
            factory = pin.is_factory_pin(self.host.settings)
        except Exception:
            log.exception("the staff PIN setting cannot be read")
            factory = True
        self.factory_label.setVisible(factory)

    def _ask_quit(self, asking: bool) -> None:
        self.quit_button.setVisible(not asking)
        for widget in (self.confirm_label, self.confirm_quit_button, self.cancel_quit_button):
            widget.setVisible(asking)

    def retranslate(self) -> None:
        self.general_box.setTitle(translate("StaffConsole", "Visitors"))
        self.language_caption.setText(translate("StaffConsole", "Language at the start"))
        self.kiosk_box.setText(
            translate("StaffConsole", "Kiosk mode (full screen, locked) from the next start")
        )
        self.idle_caption.setText(translate("StaffConsole", "Idle timeout (s)"))
        self.idle_hint.setText(
            translate(
                "StaffConsole",
                "With nobody touching the screen this long, the showroom returns to its start.",
            )
        )
        self.pin_box.setTitle(translate("StaffConsole", "Staff PIN"))
        self.factory_label.setText(
            translate(
                "StaffConsole",
                "The factory PIN is still in use: anyone who knows it can get in. Set your own.",
            )
        )
        self.pin_caption.setText(translate("StaffConsole", "New PIN (4–8 digits)"))
        self.pin_again_caption.setText(translate("StaffConsole", "New PIN again"))
        self.change_pin_button.setText(translate("StaffConsole", "Change PIN"))
        self._set_pin_message(*self._pin_message)
        self.quit_box.setTitle(translate("StaffConsole", "End of the day"))
        self.quit_hint.setText(
            translate("StaffConsole", "Quitting stops the headset and closes the showroom.")
        )
        self.quit_button.setText(translate("StaffConsole", "Quit showroom"))
        self.confirm_label.setText(translate("StaffConsole", "Quit now?"))
        self.confirm_quit_button.setText(translate("StaffConsole", "Quit"))
        self.cancel_quit_button.setText(translate("StaffConsole", "Cancel"))


# --- usage --------------------------------------------------------------------------------------------------
USAGE_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffConsole", "Demo"),
    QT_TRANSLATE_NOOP("StaffConsole", "Sessions"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completed"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completion rate"),
    QT_TRANSLATE_NOOP("StaffConsole", "Total time"),
    QT_TRANSLATE_NOOP("StaffConsole", "Median time"),
)
#: The CSV's columns (app.usage.CSV_HEADER's order), translated when exported.
CSV_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffConsole", "Date"),
    QT_TRANSLATE_NOOP("StaffConsole", "Demo"),
    QT_TRANSLATE_NOOP("StaffConsole", "Sessions"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completed"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completion rate (%)"),
    QT_TRANSLATE_NOOP("StaffConsole", "Total time (s)"),
    QT_TRANSLATE_NOOP("StaffConsole", "Median time (s)"),
)


class UsageSection(Retranslating, QWidget):
    """A day's use per demo, the day's visits, and Export CSV…."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._message: tuple[str, Callable[[], str]] = ("", str)
        self._visits = 0
        self.day_caption = QLabel()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMinimumSize(190, TOUCH_MIN_PX)
        self.day_edit.dateChanged.connect(lambda _day: self.reload())
        self.previous_day_button, self.next_day_button = _step_button("◀"), _step_button("▶")
        self.previous_day_button.clicked.connect(
            lambda: self.day_edit.setDate(self.day_edit.date().addDays(-1))
        )
        self.next_day_button.clicked.connect(lambda: self.day_edit.setDate(self.day_edit.date().addDays(1)))
        self.visits_label = QLabel()
        self.visits_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.export_button = touch_button()
        self.export_button.clicked.connect(self._choose_export_file)
        self.message_label = _label()
        self.problem_label = _label("consoleWarning")
        self.table = QTableWidget(0, len(USAGE_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for column in range(1, len(USAGE_COLUMNS)):
            self.table.setColumnWidth(column, 150)
        self.empty_label = _label("consoleHint")
        top = QHBoxLayout()
        top.addWidget(self.day_caption)
        top.addWidget(self.previous_day_button)
        top.addWidget(self.day_edit)
        top.addWidget(self.next_day_button)
        top.addSpacing(24)
        top.addWidget(self.visits_label)
        top.addStretch(1)
        top.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.addWidget(self.problem_label)
        column.addLayout(top)
        column.addWidget(self.message_label)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_label)
        self.go_to_today()
        self.retranslate()

    @property
    def day(self) -> date:
        return self.day_edit.date().toPython()

    def go_to_today(self) -> None:
        today = self.host.usage.today()
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.reload()

    def _titles(self) -> dict[str, str]:
        return {entry.key: demo_title(entry) for entry in self.host.entries}

    def reload(self) -> None:
        usage = self.host.usage
        try:
            summary, visits = usage.summary(self.day), usage.visits(self.day)
        except Exception:
            log.exception("the usage statistics cannot be read")
            summary, visits = [], 0
        titles = self._titles()
        self.table.setRowCount(len(summary))
        for row, item in enumerate(summary):
            cells = (
                titles.get(item.demo_id, item.demo_id),
                str(item.sessions),
                str(item.completed),
                f"{100 * item.completion_rate:.0f} %",
                format_duration(item.total_s),
                format_duration(item.median_s),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._visits = visits
        self.table.setVisible(bool(summary))
        self.empty_label.setVisible(not summary)
        self.next_day_button.setEnabled(self.day_edit.date() < self.day_edit.maximumDate())
        self._show_texts()

    def export(self, path: str | Path) -> bool:
        """Write the shown day as CSV to ``path``; False, with one sentence, when it cannot be written."""
        header = [QCoreApplication.translate("StaffConsole", text) for text in CSV_COLUMNS]
        try:
            self.host.usage.export_csv(
                path,
                self.day,
                titles=self._titles(),
                header=header,
                visits_label=translate("StaffConsole", "Visits"),
            )
        except OSError as error:
            log.warning("usage statistics cannot be exported to %s: %s", path, error)
            name = Path(path).name
            self._set_message(
                "consoleError",
                lambda: fill(
                    translate(
                        "StaffConsole",
                        "%1 cannot be written (a read-only folder, or the file is open in another program). "
                        "Choose another place.",
                    ),
                    name,
                ),
            )
            return False
        self._set_message("consoleDone", lambda: fill(translate("StaffConsole", "Saved as %1."), str(path)))
        return True

    def _choose_export_file(self) -> None:
        suggested = str(Path.home() / f"bci-showroom-usage-{self.day.isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("StaffConsole", "Export usage statistics"),
            suggested,
            "CSV (*.csv)",
            options=KIOSK_SAFE_DIALOG,
        )
        if path:
            self.export(path if path.lower().endswith(".csv") else path + ".csv")

    def _set_message(self, object_name: str, text: Callable[[], str]) -> None:
        self._message = (object_name, text)
        _show_message(self.message_label, object_name, text())

    def _show_texts(self) -> None:
        self.visits_label.setText(fill(translate("StaffConsole", "Visits: %1"), self._visits))
        self.empty_label.setText(translate("StaffConsole", "No demo was opened on this day."))
        usage = self.host.usage
        if not usage.persistent:
            problem = fill(
                translate(
                    "StaffConsole",
                    "Usage statistics cannot be saved in %1: they are kept only until the showroom quits.",
                ),
                str(usage.path.parent),
            )
        elif usage.recovered_from is not None:
            problem = fill(
                translate(
                    "StaffConsole", "The usage file was damaged: it was kept as %1 and a new one started."
                ),
                str(usage.recovered_from),
            )
        else:
            problem = ""
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def retranslate(self) -> None:
        self.day_caption.setText(translate("StaffConsole", "Day"))
        self.export_button.setText(translate("StaffConsole", "Export CSV…"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("StaffConsole", text) for text in USAGE_COLUMNS]
        )
        self._set_message(*self._message)
        self._show_texts()


# --- the console --------------------------------------------------------------------------------------------
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
        self.headset.timer.stop()
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
