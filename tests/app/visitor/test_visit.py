"""The kiosk all day: visitors cannot leave, staff unlock with a PIN, the idle timeout returns to the
attract screen from every screen with nothing of the visitor left, a failing demo goes back to the
menu, and a damaged settings file starts on defaults with a notice for staff."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

import app.visitor.kiosk
from app.demo_gate import Phase
from app.main_window import MainWindow
from app.pin import FIRST_TRIES, LOCK_STEPS_S
from app.settings import AppSettings
from app.visitor.flow import Screen
from demos.attention.leaderboard import LEADERBOARD_FILE, Leaderboard
from demos.base import DemoContext
from demos.kit.demo import DemoScreen, WidgetDemo
from demos.registry import discover_demos
from drivers.acquisition.worker import AcquisitionState
from tests.app.test_demo_host import BlinkerDemo, entries
from tests.live_app import KIOSK_PIN

PIN = KIOSK_PIN


class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kiosk(make_window, qtbot, monkeypatch):
    """A kiosk window on the virtual visitor with every real demo, a fake idle clock and the staff
    PIN :data:`PIN` (``make_window`` stores it)."""
    monkeypatch.setattr(app.visitor.kiosk, "LONG_PRESS_MS", 150)

    def make(**options) -> MainWindow:
        settings = {"kiosk/idle_timeout_s": 60, **options.pop("settings", {})}
        window = make_window("virtual_visitor", kiosk=True, settings=settings, **options)
        window.visit.clock = FakeClock()
        window.visit.reset_idle()
        qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
        return window

    return make


def texts(widget: QWidget) -> str:
    """Every text in ``widget``, hidden pages included (the next visitor may bring them back)."""
    found = [
        child.text()
        for child in widget.findChildren(QWidget)
        if isinstance(child, QLabel | QAbstractButton | QLineEdit)
    ]
    return "\n".join(found)


def enter(window: MainWindow, qtbot) -> None:
    """A visitor touches the attract screen and accepts the intro."""
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.consent
    window.consent.sigAccepted.emit()
    assert window.stack.currentWidget() is window.menu


def go_idle(window: MainWindow) -> None:
    window.visit.clock.now += window.visit.idle_timeout_s() + 1
    window.visit.check_idle()


# --- leaving -------------------------------------------------------------------------------------------
def test_escape_alt_f4_and_closing_keep_the_kiosk(kiosk, qtbot):
    window = kiosk()
    assert window.isFullScreen() and not window.menuBar().isVisible()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert window.guard.refused_keys == 2
    window.close()  # what Alt+F4 or the title bar's button does
    assert window.isVisible() and window.isFullScreen()
    window.showNormal()  # the window manager or a visitor's gesture took full screen away
    qtbot.waitUntil(window.isFullScreen, timeout=2_000)
    assert window.stack.currentWidget() is window.attract


def test_a_minimised_kiosk_comes_back_full_screen(kiosk, qtbot):
    """A window manager's minimise button (or another program) must not leave a black screen."""
    window = kiosk()
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isFullScreen(), timeout=2_000)
    # and when no event says so (the guard deaf to events here), its 2 s watch finds it
    QApplication.instance().removeEventFilter(window.guard)
    window.removeEventFilter(window.guard)
    window.setWindowState(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowFullScreen)
    assert window.isMinimized()
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isFullScreen(), timeout=4_000)


def test_the_staff_quit_closes_the_kiosk(kiosk, qtbot):
    window = kiosk()
    window.quit_showroom()
    assert not window.isVisible()


def test_a_second_close_lets_go_quietly(qtbot, tmp_path, recwarn):
    """Closed by the app, then by whoever holds the window: the second close has nothing left to
    stop (a window never shown gets both close events; it disconnected the shutdown handler twice)."""
    from app.bootstrap import build_showroom
    from drivers.boards.profiles import find_profile

    showroom = build_showroom(find_profile("virtual_visitor"), settings=tmp_path / "settings.ini")
    showroom.close()
    showroom.window.close()
    assert not [warning for warning in recwarn if "disconnect" in str(warning.message)]


# --- the staff PIN ---------------------------------------------------------------------------------------
def long_press_corner(window: MainWindow, qtbot) -> None:
    target = window.stack.currentWidget()
    corner = target.mapFrom(window, QPoint(20, 20))
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.wait(400)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=corner)


def type_pin(window: MainWindow, qtbot, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(window.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    window.pin_pad.submit()


def test_a_long_press_in_the_corner_and_the_pin_open_the_staff_console(kiosk, qtbot):
    window = kiosk()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton, pos=QPoint(400, 400))  # a visitor's tap
    assert window.stack.currentWidget() is window.consent
    long_press_corner(window, qtbot)
    assert window.stack.currentWidget() is window.pin_pad
    type_pin(window, qtbot, PIN)
    assert window.console is not None and window.stack.currentWidget() is window.console
    window.console.sigClose.emit()
    assert window.stack.currentWidget() is window.consent  # back where the gesture was made


def test_wrong_pins_lock_the_pad_for_a_minute(kiosk, qtbot):
    window = kiosk()
    clock = FakeClock()
    window.pin_pad.lock._clock = clock
    window.ask_for_pin()
    for _ in range(FIRST_TRIES - 1):
        type_pin(window, qtbot, "1111")
        assert window.pin_pad.message.text() == "Wrong PIN."
    type_pin(window, qtbot, "1111")
    assert "Try again in 60 s" in window.pin_pad.message.text()
    type_pin(window, qtbot, PIN)  # the right PIN, but locked
    assert window.stack.currentWidget() is window.pin_pad and window.console is None
    clock.now += LOCK_STEPS_S[0]
    window.pin_pad._lock_timer.timeout.emit()  # the pad's countdown tick: the keys come back
    type_pin(window, qtbot, PIN)
    assert window.stack.currentWidget() is window.console


def test_a_short_tap_in_the_corner_is_just_a_tap(kiosk, qtbot):
    window = kiosk()
    target = window.attract
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.wait(400)
    assert window.stack.currentWidget() is not window.pin_pad


# --- the visit and the idle timeout ------------------------------------------------------------------
def test_a_visit_ends_on_the_thank_you_screen_with_the_results_then_attract(kiosk, qtbot):
    window = kiosk()
    enter(window, qtbot)
    assert window.open_demo_by_id("attention")
    window.host.demo_widget.context.report_result(lambda: "Your focus score: 77")
    window.show_menu()
    window.menu.sigFinished.emit()
    assert window.stack.currentWidget() is window.thanks
    assert "Your focus score: 77" in texts(window.thanks)
    assert "Focus rocket" in texts(window.thanks)
    window.thanks.sigDone.emit()
    assert window.stack.currentWidget() is window.attract
    assert "Your focus score: 77" not in texts(window)
    summary = {row.demo_id: row for row in window.usage.summary()}
    assert summary["attention"].sessions == 1 and summary["attention"].completed == 1


KIOSK_DEMOS = [entry.key for entry in discover_demos()]


@pytest.mark.parametrize("screen", ["consent", "menu", "thanks", "pin_pad", "console", *KIOSK_DEMOS])
def test_idle_returns_to_attract_from_every_screen_leaving_no_trace(kiosk, qtbot, screen):
    window = kiosk()
    window.set_language("zh_CN")  # the visitor chose Chinese; staff's default is English
    secret = "Result of the last visitor 4711"
    if screen == "consent":
        qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    elif screen not in ("pin_pad", "console"):
        enter(window, qtbot)
    if screen in KIOSK_DEMOS or screen == "thanks":
        demo_id = screen if screen in KIOSK_DEMOS else "attention"
        assert window.open_demo_by_id(demo_id)
        window.host.continue_visit()  # past the flashing-light warning, where there is one
        qtbot.waitUntil(lambda: window.host.phase is Phase.RUNNING, timeout=5_000)
        window.host.demo_widget.context.report_result(lambda: secret)
        assert window.host.demo is not None
    if screen == "thanks":
        window.visit.finish()
        assert secret in texts(window.thanks)
    if screen == "consent":
        window.consent.sigLanguageToggle.emit()
    if screen in ("pin_pad", "console"):
        window.ask_for_pin()
        if screen == "console":
            type_pin(window, qtbot, PIN)
        window.pin_pad.press("1")  # a digit typed: the next person must not find it
    expected = {"consent": window.consent, "menu": window.menu, "thanks": window.thanks}
    expected |= {"pin_pad": window.pin_pad, "console": window.console}
    assert window.stack.currentWidget() is expected.get(screen, window.host)

    window.visit.clock.now += window.visit.idle_timeout_s() - 5
    window.visit.check_idle()
    assert window.stack.currentWidget() is not window.attract  # not yet
    go_idle(window)
    assert window.stack.currentWidget() is window.attract
    assert window.visit.flow.screen is Screen.ATTRACT and window.visit.flow.visit is None
    assert window.host.demo is None and window.host.demo_widget is None
    assert window.languages.language == "en"
    assert (
        secret not in texts(window)
        and window.pin_pad.entered == ""
        and window.pin_pad.dots.text().strip() == ""
    )
    assert not window.thanks.result_widgets and window.message_banner.text() == ""
    qtbot.wait(50)  # deleteLater: the demo's widget is gone
    assert not [w for w in window.findChildren(DemoScreen)]


def test_every_visitor_starts_in_the_language_the_kiosk_was_started_in(kiosk, qtbot):
    """``--lang zh_CN`` greeted the first visitor only: the next ones got the system's English."""
    window = kiosk(language="zh_CN")
    for _visitor in range(2):
        assert window.languages.language == "zh_CN"
        enter(window, qtbot)
        window.set_language("en")  # this visitor reads English
        go_idle(window)
    assert window.languages.language == "zh_CN"


def test_the_next_visitor_starts_in_the_language_staff_just_chose(kiosk, qtbot):
    window = kiosk()
    window.ask_for_pin()
    type_pin(window, qtbot, PIN)
    box = window.console.showroom.language_box
    box.setCurrentIndex(box.findData("zh_CN"))
    box.activated.emit(box.currentIndex())
    window.console.sigClose.emit()
    assert window.stack.currentWidget() is window.attract
    assert window.languages.language == "zh_CN"


def test_not_now_on_the_intro_ends_the_visit_on_the_attract_screen(kiosk, qtbot):
    window = kiosk()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    window.consent.sigDeclined.emit()
    assert window.stack.currentWidget() is window.attract and window.visit.flow.screen is Screen.ATTRACT
    assert window.usage.visits() == 1
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)  # and the next visitor can start
    assert window.stack.currentWidget() is window.consent


def test_the_idle_clock_waits_while_staff_fit_the_headset(kiosk, qtbot):
    window = kiosk(settings={"signal_check/enabled": True})
    window.acquisition.visitor.rail_channel(5)  # C3: mind ball needs it, the check keeps failing
    enter(window, qtbot)
    window.open_demo_by_id("mi_cursor")
    assert window.host.phase is Phase.CHECKING
    window.visit.check_idle()
    window.visit.clock.now += 150  # minutes of fitting without touching the screen
    window.visit.check_idle()
    assert window.stack.currentWidget() is window.host and window.host.phase is Phase.CHECKING
    window.visit.clock.now += 40  # but not for ever: three minutes at most
    window.visit.check_idle()
    assert window.stack.currentWidget() is window.attract


def test_a_hands_off_round_does_not_count_as_idle(kiosk, qtbot):
    from drivers import cues

    window = kiosk()
    enter(window, qtbot)
    window.announce(cues.Round(cues.RoundMode.FOCUS))
    window.visit.clock.now += 90  # a long round, nobody touches the screen
    window.visit.check_idle()
    assert window.stack.currentWidget() is window.menu
    window.announce(cues.Round(cues.RoundMode.END))
    go_idle(window)
    assert window.stack.currentWidget() is window.attract


def test_a_touch_restarts_the_idle_clock(kiosk, qtbot):
    window = kiosk()
    enter(window, qtbot)
    window.visit.clock.now += 50
    qtbot.mouseClick(window.menu, Qt.MouseButton.LeftButton, pos=QPoint(600, 600))
    window.visit.clock.now += 50
    window.visit.check_idle()
    assert window.stack.currentWidget() is window.menu


# --- demos that fail -----------------------------------------------------------------------------------
class RaisingInStart(WidgetDemo):
    id = "raising_start"
    title = "Raises in start"
    description = "A bug."

    def create_screen(self, context: DemoContext) -> DemoScreen:
        return DemoScreen(context)

    def start(self) -> None:
        raise RuntimeError("bug in start()")


class TimerScreen(DemoScreen):
    def start(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(50, self._tick)

    def _tick(self) -> None:
        raise ZeroDivisionError("bug in a timer")


class RaisingInTimer(WidgetDemo):
    id = "raising_timer"
    title = "Raises in a timer"
    description = "A bug."

    def create_screen(self, context: DemoContext) -> DemoScreen:
        return TimerScreen(context)


def test_a_demo_raising_in_start_goes_back_to_the_menu_with_an_apology(kiosk, qtbot):
    window = kiosk(entries=entries(RaisingInStart, BlinkerDemo))
    enter(window, qtbot)
    assert not window.open_demo_by_id("raising_start")
    assert window.stack.currentWidget() is window.menu and window.host.demo is None
    assert "could not start" in window.message_banner.text()
    assert window.open_demo_by_id("blinker")  # the shell is alive


@pytest.mark.qt_no_exception_capture
def test_a_demo_raising_in_a_timer_goes_back_to_the_menu_and_the_shell_lives(kiosk, qtbot, monkeypatch):
    from app.errors import install_excepthook

    window = kiosk(entries=entries(RaisingInTimer, BlinkerDemo))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(window.show_message, window.demo_failed)
    enter(window, qtbot)
    assert window.open_demo_by_id("raising_timer")
    qtbot.waitUntil(lambda: window.host.demo is None, timeout=3_000)
    assert window.stack.currentWidget() is window.menu
    assert "stopped working" in window.message_banner.text()
    assert window.open_demo_by_id("blinker")
    summary = {row.demo_id: row for row in window.usage.summary()}
    assert summary["raising_timer"].completed == 0


# --- settings ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "damage",
    [
        bytes(range(256)) * 8,
        b"[General\nlanguage=zh_CN\n",
        b"\x00" * 50,
        "[General\nlanguage=中文\n".encode("gbk"),  # GBK, but not INI either
        "# Notes\n\nOrder more electrode gel 电极膏 on Monday.\n".encode(),  # --settings notes.md
    ],
    ids=["binary", "not-ini", "nul", "gbk-not-ini", "someones-notes"],
)
def test_a_damaged_settings_file_starts_on_defaults_with_a_staff_notice(qtbot, tmp_path, damage):
    from app.bootstrap import build_showroom
    from drivers.boards.profiles import find_profile

    path = tmp_path / "settings.ini"
    path.write_bytes(damage)
    showroom = build_showroom(find_profile("virtual_visitor"), settings=path)
    qtbot.addWidget(showroom.window)
    try:
        assert showroom.settings.problem is not None and showroom.settings.problem.kind == "reset"
        backups = list(tmp_path.glob("settings.ini.corrupt-*"))
        assert len(backups) == 1 and backups[0].read_bytes() == damage  # kept intact for support
        assert "settings file was damaged" in showroom.window.message_banner.text()
        showroom.settings.set_value("language", "zh_CN")  # and it can save again
        assert "language=zh_CN" in path.read_text(encoding="utf-8")
    finally:
        showroom.close()


def test_in_a_kiosk_the_damaged_settings_notice_waits_for_staff_in_the_console(qtbot, tmp_path):
    """Not on the attract screen, where visitors read it (with the file's path)."""
    from app.bootstrap import build_showroom
    from drivers.boards.profiles import find_profile

    path = tmp_path / "settings.ini"
    path.write_bytes(b"\x00" * 50)
    showroom = build_showroom(find_profile("virtual_visitor"), settings=path, kiosk=True)
    qtbot.addWidget(showroom.window)
    try:
        window = showroom.window
        assert window.message_banner.text() == ""
        window.open_staff_console()
        assert "settings file was damaged" in window.console.notice_label.text()
        window.leave_staff_pages()
        window.languages.set_language("zh_CN")
        window.open_staff_console()  # said in the language of the moment
        assert "设置文件" in window.console.notice_label.text()
    finally:
        showroom.close()
        showroom.languages.set_language("en")  # translators are global to the QApplication


def test_a_settings_file_saved_as_gbk_is_converted_not_thrown_away(tmp_path):
    from app.pin import check_pin, hash_pin
    from app.settings import AppSettings

    path = tmp_path / "settings.ini"
    stored_pin = hash_pin("753186")
    text = f"[General]\nlanguage=zh_CN\n; 展厅一号机\n[kiosk]\nidle_timeout_s=90\npin_hash={stored_pin}\n"
    path.write_bytes(text.encode("gbk"))  # what Notepad's "ANSI" writes on a Chinese Windows
    stored = AppSettings(path)
    assert stored.problem is None
    assert stored.value("language", "en") == "zh_CN" and stored.value("kiosk/idle_timeout_s", 60) == 90
    assert check_pin(stored, "753186") and not check_pin(stored, "2580")
    originals = list(tmp_path.glob("settings.ini.gbk-*"))
    assert len(originals) == 1 and originals[0].read_bytes() == text.encode("gbk")
    assert "展厅一号机" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_unwritable_settings_file_is_reported_not_silent(qtbot, tmp_path):
    import os

    from app.settings import AppSettings

    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    path.chmod(0o444)
    if os.access(path, os.W_OK):
        pytest.skip("running as root: file modes are ignored")
    stored = AppSettings(path)
    assert stored.problem is not None and stored.problem.kind == "unsaved"
    assert stored.value("language", "en") == "zh_CN"


# --- the signal check before decoding demos -------------------------------------------------------------
def test_a_decoding_demo_starts_after_the_signal_check_passes_on_a_clean_headset(kiosk, qtbot):
    window = kiosk(settings={"signal_check/enabled": True})
    enter(window, qtbot)
    assert window.open_demo_by_id("mi_cursor")
    assert window.host.phase is Phase.CHECKING and window.host.demo is None
    assert window.host.pages.currentWidget() is window.host.signal_check
    assert not window.host.signal_check.override_button.isVisible()  # a visitor cannot skip it
    qtbot.waitUntil(lambda: window.host.phase is Phase.RUNNING, timeout=15_000)
    assert window.host.demo is not None and not window.host.signal_check.is_running


def test_a_railed_electrode_keeps_the_demo_back_until_staff_override(kiosk, qtbot):
    window = kiosk(settings={"signal_check/enabled": True})
    visitor = window.acquisition.visitor
    names = [channel.name for channel in window.acquisition.profile.channels]
    visitor.rail_channel(names.index("O1"))
    enter(window, qtbot)
    assert window.open_demo_by_id("ssvep_speller")
    window.host.continue_visit()  # the flashing-light warning
    assert window.host.phase is Phase.CHECKING

    def o1_flagged() -> bool:
        result = window.host.signal_check.result
        return result is not None and any(c.name == "O1" and c.problems for c in result.channels)

    qtbot.waitUntil(o1_flagged, timeout=10_000)
    qtbot.wait(3_000)
    assert window.host.phase is Phase.CHECKING and window.host.demo is None
    assert any("O1" in text for text in window.host.signal_check.advice_texts)
    window.ask_for_pin()
    type_pin(window, qtbot, PIN)
    window.console.sigClose.emit()  # staff unlocked: they may start it anyway
    assert window.stack.currentWidget() is window.host
    assert window.host.signal_check.override_button.isVisibleTo(window.host.signal_check)
    qtbot.mouseClick(window.host.signal_check.override_button, Qt.MouseButton.LeftButton)
    assert window.host.phase is Phase.RUNNING and window.host.demo is not None
    window.visit.check_idle()  # as its timer does every 0.5 s: the check is over, the idle clock runs again
    go_idle(window)  # the next visitor: no staff override any more
    enter(window, qtbot)
    window.open_demo_by_id("mi_cursor")
    assert not window.host.signal_check.override_button.isVisibleTo(window.host.signal_check)


def test_staff_applying_a_board_stay_in_the_console_and_the_visit_ends(kiosk, qtbot):
    from drivers.boards.profiles import find_profile

    window = kiosk()
    enter(window, qtbot)
    window.open_demo_by_id("signal_explorer")
    window.ask_for_pin()
    type_pin(window, qtbot, PIN)
    window.apply_board(find_profile("synthetic"))
    assert window.stack.currentWidget() is window.console
    assert window.host.demo is None and window.visit.flow.screen is Screen.ATTRACT
    assert window.acquisition.profile.key == "synthetic"
    window.console.sigClose.emit()
    assert window.stack.currentWidget() is window.attract


def test_im_done_inside_a_demo_stops_it_and_thanks_the_visitor(kiosk, qtbot):
    window = kiosk()
    enter(window, qtbot)
    window.open_demo_by_id("attention")
    assert window.host.finish_button.isVisibleTo(window.host)
    window.host.demo_widget.context.report_result(lambda: "Your focus score: 66")
    qtbot.mouseClick(window.host.finish_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.thanks and window.host.demo is None
    assert "Your focus score: 66" in texts(window.thanks)


def test_the_desktop_window_has_no_visitor_flow(make_window):
    window = make_window("virtual_visitor")
    assert window.visit.flow is None and window.stack.currentWidget() is window.menu
    assert not window.host.finish_button.isVisibleTo(window.host)
    assert not window.menu.finish_button.isVisibleTo(window.menu)


# --- what demos promised to forget ----------------------------------------------------------------------
def board_with(tmp_path, *entries: tuple[str, float]) -> Path:
    """The attention demo's board in the window's data folder, holding ``(nickname, typed at)``
    (written straight into the file: opening a board would forget the old ones at once)."""
    path = AppSettings(tmp_path / "settings.ini").demo_folder("attention") / LEADERBOARD_FILE
    Leaderboard(path).close()
    with sqlite3.connect(path) as db:
        for nickname, at in entries:
            db.execute(
                "INSERT INTO entries (nickname, mode, score, at) VALUES (?, 'focus', 50, ?)", (nickname, at)
            )
    return path


def nicknames_in(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT nickname FROM entries")}


def test_yesterdays_names_are_gone_at_start_though_nobody_opens_the_game(kiosk, tmp_path):
    path = board_with(tmp_path, ("Yesterday", time.time() - 2 * 86_400), ("Today", time.time()))
    kiosk()
    assert nicknames_in(path) == {"Today"}


def test_names_kept_for_the_visit_are_gone_when_the_visit_ends(kiosk, qtbot, tmp_path):
    path = board_with(tmp_path, ("Left behind", time.time()))
    window = kiosk(settings={"demos/attention/names_kept": "day"})
    window.settings.for_demo("attention").set_value("names_kept", "visit")  # staff's choice, mid-day
    enter(window, qtbot)
    go_idle(window)
    assert window.stack.currentWidget() is window.attract
    assert nicknames_in(path) == set()
