"""The console's Headset tab: the board profile (built-in, or a .toml file) and the parameters it
takes, checked with :func:`drivers.boards.profiles.preflight` before anything is stored or started; Start /
Stop; the headset's live state and its real problem in plain words."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.config import BOARD_PARAMS, BOARD_PROFILE, encode_params
from app.staff_console.host import StaffHost
from app.staff_console.widgets import (
    FIELD_MAX_PX,
    KIOSK_SAFE_DIALOG,
    _label,
    _line_edit,
    _scrolling,
    _show_message,
)
from app.status import STATE_COLOUR, STATE_TEXT, board_display_name
from app.style import MUTED
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.keyboard import PORT_LAYOUTS
from demos.kit.keyboard_widget import TouchKeyboard
from demos.kit.widgets import touch_button, touch_combo_box
from drivers.acquisition.worker import AcquisitionState
from drivers.boards.board import layout_for
from drivers.boards.ports import SerialPort, self_discovering_params, serial_ports
from drivers.boards.profiles import (
    FILE_PARAMS,
    BoardProfile,
    ProfileError,
    builtin_profile_paths,
    load_profile_file,
    preflight,
)

log = logging.getLogger(__name__)

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

#: The built-in profiles' descriptions (``drivers/boards/profiles/*.toml``) for Qt's tools to extract;
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


def profile_title(profile: BoardProfile) -> str:
    """A profile's name in the current language, as the status bar says it."""
    return board_display_name(profile)


def profile_description(profile: BoardProfile) -> str:
    return QCoreApplication.translate("BoardProfiles", profile.description) if profile.description else ""


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
        # Apply sits beside the profile, above every row that comes and goes with the profile and
        # above the keyboard: neither moves it, so the tap after choosing or typing lands on it.
        self.profile_row = QWidget()
        profile_line = QHBoxLayout(self.profile_row)
        profile_line.setContentsMargins(0, 0, 0, 0)
        profile_line.setSpacing(16)
        top = Qt.AlignmentFlag.AlignTop  # a message on two lines grows the row downwards only
        profile_line.addWidget(self.profile_box, 1, top)
        self.apply_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        profile_line.addWidget(self.apply_button, 0, top)
        profile_line.addWidget(self.message_label, 1)
        profile_line.addStretch(0)  # the room left over when there is no message, after Apply
        self.form.addRow(self.profile_caption, self.profile_row)
        self.form.addRow("", self.description_label)
        self.form.addRow(self.port_caption, self.port_row)
        self.form.addRow("", self.ports_label)
        self.form.addRow(self.mac_caption, self.mac_edit)
        self.form.addRow(self.serial_number_caption, self.serial_number_edit)
        self.form.addRow(self.file_caption, self.file_row)
        self.form.addRow("", self.discovery_label)

        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 8, 16, 16)
        column.addWidget(self.state_box)
        column.addWidget(self.board_box)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))

        # The touch screen has no keyboard: a tap on a field opens the console's own under its row.
        self.keyboard = TouchKeyboard(PORT_LAYOUTS)
        self.keyboard.setMaximumWidth(FIELD_MAX_PX)
        self._field_rows: dict[QLineEdit, QWidget] = {
            self.port_box.lineEdit(): self.port_row,
            self.mac_edit: self.mac_edit,
            self.serial_number_edit: self.serial_number_edit,
            self.file_edit: self.file_row,
        }
        for field in self._field_rows:
            self.keyboard.serve(field)
        self.keyboard.sigOpening.connect(self._place_keyboard)

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

    def _place_keyboard(self, field: QLineEdit) -> None:
        """Put the keyboard in the row under ``field``'s: it never covers it (and scrolls into view)."""
        if self.form.indexOf(self.keyboard) >= 0:
            self.form.takeRow(self.keyboard)
        row, _ = self.form.getWidgetPosition(self._field_rows[field])
        self.form.insertRow(row + 1, self.keyboard)

    def _show_fields(self, profile: BoardProfile) -> None:
        shown = self._shown_params(profile)
        self.keyboard.close_keyboard()  # its field may be hidden now
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
        BOARD_PROFILE.write(self.host.settings, name)
        BOARD_PARAMS.write(self.host.settings, encode_params(params))
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

    def forget_outcome(self) -> None:
        """The last Apply's outcome is old news: clear it."""
        self._set_message("", str)

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
