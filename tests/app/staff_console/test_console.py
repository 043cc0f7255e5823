"""The staff console on a fake host: what staff set is stored, checked, and read back by the demos.

The host is the :class:`app.staff_console.host.StaffHost` protocol with a real (never started)
acquisition, the real settings file, the real usage log and the real demo list; what the shell
would do (apply a board, rebuild the menu) is recorded instead.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLabel, QSpinBox

from app import pin
from app.cli import stored_board
from app.config import (
    BOARD_PARAMS,
    BOARD_PROFILE,
    IDLE_TIMEOUT,
    KIOSK,
    LANGUAGE,
    MAX_FLICKER,
    MENU_HIDDEN,
    MENU_ORDER,
)
from app.settings import AppSettings
from app.staff_console.console import StaffConsole
from app.staff_console.menu_order import menu_entries
from app.staff_console.usage_tab import format_duration
from app.usage import UsageLog
from demos.attention.flow import Options as AttentionOptions
from demos.mi_cursor.flow import Options as MiOptions
from demos.registry import DemoEntry, discover_demos
from drivers.acquisition.worker import Acquisition, AcquisitionState
from drivers.boards.ports import SerialPort
from drivers.boards.profiles import find_profile

ALL = ["signal_explorer", "ssvep_speller", "mi_cursor", "attention"]
NOON = datetime(2026, 5, 14, 12, 0)


class Clock:
    def __init__(self) -> None:
        self.now = NOON.timestamp()

    def __call__(self) -> float:
        return self.now


class FakeHost:
    """The main window's part of the console (``StaffHost``), recording what the shell would do."""

    def __init__(self, settings: AppSettings, usage: UsageLog, profile: str = "virtual_visitor") -> None:
        self.settings = settings
        self.entries = discover_demos()
        self.usage = usage
        self._acquisition = Acquisition(find_profile(profile))
        self.applied = []
        self.calls = []
        self.menu_changes = 0
        self.problem: str | None = None

    @property
    def acquisition(self) -> Acquisition:
        return self._acquisition

    def board_problem_text(self) -> str | None:
        return self.problem

    def apply_board(self, profile) -> None:
        self.applied.append(profile)

    def start_acquisition(self) -> None:
        self.calls.append("start")

    def stop_acquisition(self) -> None:
        self.calls.append("stop")

    def menu_changed(self) -> None:
        self.menu_changes += 1


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def host(tmp_path, clock):
    usage = UsageLog(tmp_path / "data" / "usage.sqlite3", clock=clock)
    yield FakeHost(AppSettings(tmp_path / "settings.ini"), usage)
    usage.close()


@pytest.fixture
def console(qtbot, host):
    widget = StaffConsole(host)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def keys(entries: list[DemoEntry]) -> list[str]:
    return [entry.key for entry in entries]


# --- menu ---------------------------------------------------------------------------------------------------
def test_menu_order_and_hidden_round_trip_through_settings_and_menu_entries(qtbot, console, host):
    section = console.menu
    assert section.order == ALL and all(box.isChecked() for box in section.show_boxes.values())
    qtbot.mouseClick(section.move_buttons["attention"][0], Qt.MouseButton.LeftButton)  # up
    section.move("signal_explorer", +1)
    section.show_boxes["mi_cursor"].setChecked(False)
    expected_order = ["ssvep_speller", "signal_explorer", "attention", "mi_cursor"]
    assert host.settings.value(MENU_ORDER.key, "") == ",".join(expected_order)
    assert host.settings.value(MENU_HIDDEN.key, "") == "mi_cursor"
    assert keys(menu_entries(host.entries, host.settings)) == [
        "ssvep_speller",
        "signal_explorer",
        "attention",
    ]
    assert host.menu_changes == 3
    again = StaffConsole(host)  # and as a console opened later shows it
    qtbot.addWidget(again)
    assert again.menu.order == expected_order
    assert [again.menu.show_boxes[key].isChecked() for key in expected_order] == [True, True, True, False]
    assert not again.menu.move_buttons["ssvep_speller"][0].isEnabled()
    assert not again.menu.move_buttons["mi_cursor"][1].isEnabled()


def test_hiding_every_demo_warns_staff(console):
    console.tabs.setCurrentWidget(console.menu)
    for box in console.menu.show_boxes.values():
        box.setChecked(False)
    assert console.menu.warning_label.isVisible() and "empty menu" in console.menu.warning_label.text()
    console.menu.show_boxes["attention"].setChecked(True)
    assert not console.menu.warning_label.isVisible()


def test_menu_entries_ignores_unknown_ids_and_appends_new_demos(tmp_path):
    entries = discover_demos()
    stored = AppSettings(tmp_path / "s.ini")
    assert keys(menu_entries(entries, stored)) == ALL  # nothing stored: discovery order
    stored.set_value(MENU_ORDER.key, "attention, gone_demo,,mi_cursor")
    stored.set_value(MENU_HIDDEN.key, "gone_demo,signal_explorer")
    assert keys(menu_entries(entries, stored)) == ["attention", "mi_cursor", "ssvep_speller"]
    plugin = DemoEntry(key="plugin_demo", origin="a plugin", error="failed to import")
    assert keys(menu_entries([*entries, plugin], stored))[-1] == "plugin_demo"


def test_menu_entries_reads_a_hand_edited_list(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[menu]\norder=attention, ssvep_speller\nhidden=attention\n", encoding="utf-8")
    stored = AppSettings(path)  # Qt reads an unquoted "a, b" as a list
    assert keys(menu_entries(discover_demos(), stored)) == ["ssvep_speller", "signal_explorer", "mi_cursor"]


# --- headset ------------------------------------------------------------------------------------------------
def choose(console: StaffConsole, key: str) -> None:
    box = console.headset.profile_box
    index = box.findData(key)
    assert index >= 0, key
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_the_running_profile_is_shown_and_the_fields_follow_the_profile(console):
    headset = console.headset
    assert headset.profile_box.currentData() == "virtual_visitor"
    assert not headset.port_row.isVisible() and not headset.file_row.isVisible()
    choose(console, "cyton")
    assert headset.port_row.isVisible() and not headset.mac_edit.isVisible()
    choose(console, "playback")
    assert headset.file_row.isVisible() and not headset.port_row.isVisible()
    choose(console, "muse2")
    assert headset.mac_edit.isVisible() and headset.serial_number_edit.isVisible()
    assert "finds the headset by itself" in headset.discovery_label.text()
    choose(console, "enophone")
    assert headset.mac_edit.isVisible() and "pair the headset" in headset.discovery_label.text()
    choose(console, "cyton")
    assert not headset.discovery_label.isVisible()


@pytest.mark.parametrize(
    ("key", "fill", "sentence"),
    [
        ("cyton", {}, "Fill in this field first: Serial port."),
        ("enophone", {}, "Fill in this field first: MAC address."),
        (
            "playback",
            {"file": "/nowhere/recording.csv"},
            "The playback file /nowhere/recording.csv is missing",
        ),
    ],
)
def test_a_bad_profile_shows_one_sentence_and_is_not_applied(console, host, key, fill, sentence):
    choose(console, key)
    headset = console.headset
    headset.file_edit.setText(fill.get("file", ""))
    assert headset.apply() is False
    text = headset.message_label.text()
    assert text.startswith(sentence) and text.count(".") <= 2 and "\n" not in text
    assert headset.message_label.isVisible() and headset.message_label.objectName() == "consoleError"
    assert host.applied == []
    assert host.settings.value(BOARD_PROFILE.key, "") == ""


def test_a_profile_file_with_an_error_is_refused_in_one_sentence(console, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('name = "Mine"\nboard = "CYTON_BOARD"\nchannels = []\n', encoding="utf-8")
    assert console.headset.use_profile_file(path) is False
    assert console.headset.message_label.text().startswith("This profile file cannot be used")
    assert "channels" in console.headset.message_label.text()
    assert console.headset.profile_box.findData(str(path)) == -1


def test_a_good_profile_is_stored_applied_and_read_back_at_the_next_start(console, host):
    choose(console, "cyton")
    console.headset.port_box.setEditText(" /dev/ttyUSB7 ")
    assert console.headset.apply() is True
    [profile] = host.applied
    assert profile.key == "cyton" and profile.params["serial_port"] == "/dev/ttyUSB7"
    assert host.settings.value(BOARD_PROFILE.key, "") == "cyton"
    assert json.loads(host.settings.value(BOARD_PARAMS.key, "")) == {"serial_port": "/dev/ttyUSB7"}
    assert console.headset.message_label.objectName() == "consoleDone"
    again, problem = stored_board(host.settings)  # what the command line starts on next time
    assert problem is None and again.key == "cyton" and again.params["serial_port"] == "/dev/ttyUSB7"


def test_a_profile_file_can_be_chosen_applied_and_stored_by_path(console, host, tmp_path):
    source = find_profile("synthetic").path.read_text(encoding="utf-8")
    path = tmp_path / "our_synthetic.toml"
    path.write_text(source, encoding="utf-8")
    assert console.headset.use_profile_file(path) is True
    assert console.headset.apply() is True
    assert host.applied[0].path == path and host.settings.value(BOARD_PROFILE.key, "") == str(path)
    assert stored_board(host.settings)[0].path == path


def test_the_serial_ports_present_are_offered_and_refreshed(console, monkeypatch):
    monkeypatch.setattr(
        "app.staff_console.headset_tab.serial_ports",
        lambda: [SerialPort("/dev/ttyUSB0", "FT231X USB UART", usb=True), SerialPort("/dev/ttyS0")],
    )
    choose(console, "cyton")
    console.headset.port_box.setEditText("COM9")
    console.headset.refresh_ports_button.click()
    box = console.headset.port_box
    assert [box.itemText(i) for i in range(box.count())] == ["/dev/ttyUSB0", "/dev/ttyS0"]
    assert box.currentText() == "COM9"  # what staff typed stays
    assert "/dev/ttyUSB0 (FT231X USB UART)" in console.headset.ports_label.text()
    box.setCurrentIndex(0)
    assert console.headset.edited_params() == {"serial_port": "/dev/ttyUSB0"}
    monkeypatch.setattr("app.staff_console.headset_tab.serial_ports", lambda: [])
    console.headset.refresh_ports()
    assert "No serial port found" in console.headset.ports_label.text()


def test_live_state_and_the_boards_problem_are_polled(console, host):
    host.problem = "Cannot open the serial port COM3: is the dongle plugged in and free?"
    console.headset.poll()
    assert console.headset.problem_label.text() == host.problem and console.headset.problem_label.isVisible()
    assert "stopped" in console.headset.state_label.text()
    assert "Virtual visitor" in console.headset.running_label.text()
    host.acquisition.state = AcquisitionState.DISCONNECTED
    host.problem = None
    console.headset.poll()
    assert (
        "disconnected" in console.headset.state_label.text() and not console.headset.problem_label.isVisible()
    )
    assert console.headset.timer.isActive() and console.headset.timer.interval() == 500
    console.headset.start_button.click()
    assert host.calls == ["start"]


# --- demos -----------------------------------------------------------------------------------------------
def editor(console, demo_id: str, key: str):
    return console.demos.editors[demo_id, key][1]


def test_a_demo_setting_edited_is_read_back_by_that_demos_flow(console, host):
    editor(console, "attention", "round_s").setValue(45.0)
    editor(console, "attention", "baseline_phase_s").setValue(12.0)
    options = AttentionOptions.from_settings(host.settings.for_demo("attention"))
    assert (options.round_s, options.baseline_phase_s) == (45.0, 12.0)
    editor(console, "mi_cursor", "game_targets").setValue(25)
    pipeline = editor(console, "mi_cursor", "pipeline")
    pipeline.setCurrentIndex(pipeline.findData("mdm"))
    pipeline.activated.emit(pipeline.currentIndex())
    options = MiOptions.from_settings(host.settings.for_demo("mi_cursor"))
    assert (options.game_targets, options.pipeline) == (25, "mdm")
    editor(console, "attention", "sound").setChecked(False)
    assert host.settings.for_demo("attention").value("sound", True) is False


def test_editors_hold_the_declared_bounds_and_defaults_can_be_restored(console, host):
    spin = editor(console, "attention", "round_s")
    assert (spin.minimum(), spin.maximum(), spin.value()) == (20.0, 120.0, 60.0)
    spin.setValue(500.0)  # a spin box keeps within its range
    assert host.settings.for_demo("attention").value("round_s", 0.0) == 120.0
    index = console.demos.groups.index(next(g for g in console.demos.groups if g[1].key == "attention"))
    console.demos.reset_buttons[index].click()
    assert spin.value() == 60.0 and host.settings.for_demo("attention").value("round_s", 0.0) == 60.0


def test_the_flicker_limit_is_stored_within_its_range(console, host):
    spin = console.demos.flicker_spin
    assert (spin.minimum(), spin.maximum()) == MAX_FLICKER.bounds
    spin.setValue(12)
    assert host.settings.value(MAX_FLICKER.key, 0.0) == 12.0


# --- showroom ---------------------------------------------------------------------------------------------------
def test_pin_change_mismatch_and_bad_pins_are_refused(console, host):
    showroom = console.showroom
    console.tabs.setCurrentWidget(showroom)
    assert showroom.factory_label.isVisible()
    assert showroom.pin_caption.text() == "New PIN (6–10 digits)"
    showroom.pin_edit.setText("731946")
    showroom.pin_again_edit.setText("731964")
    assert showroom.change_pin() is False
    assert "differ" in showroom.pin_message_label.text() and pin.is_factory_pin(host.settings)
    for short in ("12", "73194"):  # min - 1 is refused as surely as far fewer
        showroom.pin_edit.setText(short)
        showroom.pin_again_edit.setText(short)
        assert showroom.change_pin() is False
        assert showroom.pin_message_label.text() == "A staff PIN is 6 to 10 digits."
    showroom.pin_edit.setText("123456")
    showroom.pin_again_edit.setText("123456")
    assert showroom.change_pin() is False and "Too easy to guess" in showroom.pin_message_label.text()
    assert pin.is_factory_pin(host.settings)
    showroom.pin_edit.setText("864203")
    showroom.pin_again_edit.setText("864203")
    showroom.change_pin_button.click()
    assert not pin.is_factory_pin(host.settings) and pin.check_pin(host.settings, "864203")
    assert not showroom.factory_label.isVisible() and showroom.pin_edit.text() == ""


def test_pin_fields_take_digits_only(qtbot, console):
    qtbot.keyClicks(console.showroom.pin_edit, "12ab345678901")
    assert console.showroom.pin_edit.text() == "1234567890"


def test_language_kiosk_and_idle_timeout_are_stored(console, host):
    showroom = console.showroom
    index = showroom.language_box.findData("zh_CN")
    showroom.language_box.setCurrentIndex(index)
    showroom.language_box.activated.emit(index)
    showroom.kiosk_box.setChecked(True)
    showroom.idle_spin.setValue(1000)
    assert host.settings.value("language", "") == "zh_CN"
    assert host.settings.value("kiosk/enabled", False) is True
    assert host.settings.value(IDLE_TIMEOUT.key, 0) == IDLE_TIMEOUT.bounds[1]


def test_quit_asks_once_more_then_quits_and_back_goes_to_the_visitors(qtbot, console):
    showroom = console.showroom
    console.tabs.setCurrentWidget(showroom)
    assert not showroom.confirm_quit_button.isVisible()
    with qtbot.assertNotEmitted(console.sigQuit):
        showroom.quit_button.click()
        showroom.cancel_quit_button.click()
    assert showroom.quit_button.isVisible()
    showroom.quit_button.click()
    with qtbot.waitSignal(console.sigQuit, timeout=1000):
        showroom.confirm_quit_button.click()
    with qtbot.waitSignal(console.sigClose, timeout=1000):
        console.close_button.click()


# --- usage ------------------------------------------------------------------------------------------------------------
def record(host: FakeHost, clock: Clock, demo: str, seconds: float, completed: bool) -> None:
    session = host.usage.demo_started(demo, host.usage.visit_started())
    clock.now += seconds
    host.usage.demo_ended(session, completed)


def test_the_usage_table_shows_todays_sessions(console, host, clock):
    record(host, clock, "attention", 90, True)
    record(host, clock, "attention", 30, False)
    record(host, clock, "ssvep_speller", 3700, True)
    console.tabs.setCurrentWidget(console.usage)
    table = console.usage.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert rows == [
        ["Focus rocket", "2", "1", "50 %", "2:00", "1:00"],
        ["Mind speller", "1", "1", "100 %", "1:01:40", "1:01:40"],
    ]
    assert console.usage.visits_label.text() == "Visits: 3"
    console.usage.day_edit.setDate(QDate(2026, 5, 13))
    assert not console.usage.table.isVisible() and console.usage.empty_label.isVisible()


def test_export_writes_the_csv_or_says_why_not_in_one_sentence(console, host, clock, tmp_path):
    record(host, clock, "attention", 10, True)
    console.tabs.setCurrentWidget(console.usage)
    target = tmp_path / "report.csv"
    assert console.usage.export(target) is True
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Date,Demo,Sessions") and "Focus rocket" in text
    assert console.usage.message_label.objectName() == "consoleDone"
    assert console.usage.export(tmp_path / "missing" / "report.csv") is False
    message = console.usage.message_label.text()
    assert message.startswith("report.csv cannot be written") and "\n" not in message
    assert console.usage.message_label.objectName() == "consoleError"


def test_export_through_the_file_dialog(console, host, tmp_path, monkeypatch):
    chosen = tmp_path / "from-dialog"
    monkeypatch.setattr(
        "app.staff_console.usage_tab.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(chosen), "CSV (*.csv)"),
    )
    console.usage.export_button.click()
    assert (tmp_path / "from-dialog.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_usage_file_kept_in_memory_is_told_to_staff(qtbot, tmp_path, clock):
    (tmp_path / "data").write_bytes(b"not a folder")
    usage = UsageLog(tmp_path / "data" / "usage.sqlite3", clock=clock)
    widget = StaffConsole(FakeHost(AppSettings(tmp_path / "s.ini"), usage))
    qtbot.addWidget(widget)
    widget.show()
    widget.tabs.setCurrentWidget(widget.usage)
    assert widget.usage.problem_label.isVisible() and "cannot be saved" in widget.usage.problem_label.text()


def test_a_new_day_shows_when_the_console_opens_again(console, clock):
    console.hide()
    clock.now += 86_400
    console.show()
    assert console.usage.day == (NOON + timedelta(days=1)).date()


def test_durations_read_the_same_in_every_language():
    assert [format_duration(s) for s in (None, 0.4, 59.6, 61, 3599, 3600, 36_061)] == [
        "–",
        "0:00",
        "1:00",
        "1:01",
        "59:59",
        "1:00:00",
        "10:01:01",
    ]


# --- garbage in the settings file ---------------------------------------------------------------------------------------
READ_KEYS = [
    MENU_ORDER.key,
    MENU_HIDDEN.key,
    LANGUAGE.key,
    KIOSK.key,
    IDLE_TIMEOUT.key,
    MAX_FLICKER.key,
    pin.PIN_HASH.key,
    BOARD_PROFILE.key,
    BOARD_PARAMS.key,
    "demos/attention/round_s",
    "demos/attention/sound",
    "demos/mi_cursor/trials_per_class",
    "demos/mi_cursor/pipeline",
    "demos/ssvep_speller/layout",
    "demos/ssvep_speller/cue_s",
]
garbage = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(st.text(max_size=6), max_size=3),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.dictionaries(st.sampled_from(READ_KEYS), garbage, max_size=len(READ_KEYS)))
def test_fuzz_garbage_in_the_settings_never_crashes_the_console(qtbot, tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("fuzz")
    stored = AppSettings(folder / "s.ini")
    for key, value in values.items():
        stored.set_value(key, value)
    usage = UsageLog(folder / "usage.sqlite3")
    widget = StaffConsole(FakeHost(AppSettings(folder / "s.ini"), usage))  # read back from the file
    qtbot.addWidget(widget)
    widget.show()
    widget.retranslate()
    assert sorted(widget.menu.order) == sorted(ALL)
    for (_demo, _key), (setting, edit, _context) in widget.demos.editors.items():
        if isinstance(edit, QSpinBox | QDoubleSpinBox):
            assert setting.low <= edit.value() <= setting.high
        elif isinstance(edit, QComboBox):
            assert edit.currentData() in [value for value, _ in setting.choices]
        else:
            assert isinstance(edit, QCheckBox)
    low, high = IDLE_TIMEOUT.bounds
    assert low <= widget.showroom.idle_spin.value() <= high
    assert widget.showroom.language_box.currentData() in ("en", "zh_CN")
    assert all(isinstance(label.text(), str) for label in widget.findChildren(QLabel))
    profile, problem = stored_board(widget.host.settings)  # and the next start copes with it too
    assert (profile is None) or problem is None
    widget.close()
    usage.close()


def test_every_built_in_profiles_words_are_offered_for_translation():
    from app.staff_console.headset_tab import PROFILE_TEXTS
    from app.status import BOARD_NAMES
    from drivers.boards.profiles import builtin_profiles

    brands = (
        "OpenBCI Cyton",
        "OpenBCI Cyton + Daisy",
        "Enophone",
        "Muse 2",
        "Muse S",
        "g.tec Unicorn Hybrid Black",
    )
    for profile in builtin_profiles().values():
        assert profile.description in PROFILE_TEXTS, profile.key
        assert profile.name in BOARD_NAMES.values() or profile.name in brands, profile.key


def test_hiding_every_demo_still_leaves_visitors_a_menu(tmp_path):
    from app.staff_console.menu_order import write_menu
    from demos.registry import discover_demos

    settings = AppSettings(tmp_path / "s.ini")
    entries = discover_demos()
    keys = [entry.key for entry in entries]
    write_menu(settings, keys, keys)
    assert [entry.key for entry in menu_entries(entries, settings)] == keys
    write_menu(settings, keys, keys[1:])
    assert [entry.key for entry in menu_entries(entries, settings)] == keys[:1]


# --- what comes and goes: nothing moves, nothing stale stays ----------------------------------------------
def control_places(console) -> dict[str, object]:
    """Where every visible control of the console's current tab is, in the console's coordinates."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    places = {}
    for kind in (QAbstractButton, QComboBox, QLineEdit):
        for index, control in enumerate(console.findChildren(kind)):
            if control.isVisibleTo(console):
                places[f"{type(control).__name__}{index}"] = QRect(
                    control.mapTo(console, QPoint()), control.size()
                )
    return places


def settled_places(qtbot, console) -> dict[str, object]:
    """:func:`control_places` once the layouts have settled (two looks 20 ms apart agree)."""
    places = control_places(console)
    for _ in range(50):
        qtbot.wait(20)
        again = control_places(console)
        if again == places:
            return places
        places = again
    raise AssertionError("the console's layout never settled")


def test_a_board_problem_or_a_notice_appearing_moves_no_control(qtbot, console, host):
    console.headset.poll()
    before = settled_places(qtbot, console)
    assert before
    host.problem = "Cannot open the serial port COM3: is the dongle plugged in and free?"
    console.headset.poll()
    console.show_notice("Staff: the settings file cannot be saved; changes last until the app closes.")
    assert console.headset.problem_label.isVisible() and console.notice_label.isVisible()
    assert settled_places(qtbot, console) == before


def test_outcomes_go_when_the_console_closes_and_what_is_still_true_stays(qtbot, console, host):
    choose(console, "cyton")
    console.headset.port_box.setEditText("/dev/ttyUSB7")
    assert console.headset.apply() is True
    showroom = console.showroom
    showroom.pin_edit.setText("1234")
    showroom.pin_again_edit.setText("1243")
    showroom.change_pin()
    assert console.headset.message_label.text() and showroom.pin_message_label.text()
    host.problem = "Cannot open the serial port /dev/ttyUSB7: is the dongle plugged in and free?"
    console.hide()  # the idle timeout, Back to visitors
    console.retranslate()  # a visitor's language change while it is closed brings nothing back
    console.show()  # the next unlock
    assert console.headset.message_label.text() == "" and not console.headset.message_label.isVisible()
    assert showroom.pin_message_label.text() == ""
    assert console.headset.problem_label.text() == host.problem  # still true: still said


def test_the_usage_tabs_demo_names_follow_a_language_switch(qapp, console, host, clock):
    import re

    from app.i18n import LanguageManager

    record(host, clock, "attention", 90, True)
    console.tabs.setCurrentWidget(console.usage)
    assert console.usage.table.item(0, 0).text() == "Focus rocket"
    languages = LanguageManager(qapp)
    languages.set_language("zh_CN")
    try:
        assert re.search(r"[\u4e00-\u9fff]", console.usage.table.item(0, 0).text())
    finally:
        languages.set_language("en")
    assert console.usage.table.item(0, 0).text() == "Focus rocket"
