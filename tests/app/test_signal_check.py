"""The signal check page as a visitor and staff meet it: verdict, head diagram, advice, buttons."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt, QTranslator
from PySide6.QtWidgets import QLabel

from app.signal_check import PASS_STEADY_S, SignalCheckPage, electrode_position
from drivers.boards.profiles import BoardProfile, Channel
from drivers.roles import Role
from drivers.signal_check import Light, Verdict
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer
from tests.virtual_stream import RATE, LiveStream


class Visit:
    """A page checking the virtual visitor's headset, on a test clock shared by both."""

    def __init__(self, qtbot, roles=(Role.OCCIPITAL,), *, allow_override: bool = False) -> None:
        self.live = LiveStream(seed=5)
        self.clock = 0.0
        self.page = SignalCheckPage(clock=lambda: self.clock)
        qtbot.addWidget(self.page)
        self.page.resize(1280, 720)
        self.page.set_override_allowed(allow_override)
        self.page.show()
        self.page.start(self.live.stream, roles, 50)
        self.page.stop()  # the test drives the refreshes itself, on its clock
        self.passed = []
        self.page.sigPassed.connect(lambda: self.passed.append(self.clock))

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / 0.5)):
            for _ in range(5):
                self.live.advance(0.1)
                self.clock += 0.1
            self.page.refresh()


def test_a_clean_headset_starts_the_demo_after_two_steady_seconds(qtbot):
    visit = Visit(qtbot)
    visit.run(1.0)
    assert visit.page.result.passed and not visit.passed  # good, but not steadily yet
    assert visit.page.verdict_label.text() == "Signal looks good"
    visit.run(PASS_STEADY_S + 0.5)
    assert len(visit.passed) == 1
    visit.run(3.0)
    assert len(visit.passed) == 1  # once, not every refresh
    needed = [visit.page.head.lights[i] for i in range(11, 16)]  # PO7 O1 Oz O2 PO8
    assert needed == [Light.GOOD] * 5
    assert visit.page.advice_texts == ["Every electrode this demo needs is fine."]


def test_a_fault_keeps_the_demo_waiting_and_tells_staff_what_to_do(qtbot):
    visit = Visit(qtbot)
    visit.live.visitor.rail_channel(13)  # Oz
    visit.run(4.0)
    assert visit.passed == []
    assert visit.page.verdict_label.text() == "Almost there: staff are adjusting the headset"
    assert visit.page.advice_texts == ["Press Oz closer to the scalp."]
    assert visit.page.head.lights[13] is Light.BAD
    visit.live.visitor.clear_faults()
    visit.run(5.0)
    assert len(visit.passed) == 1  # fixed: the demo starts by itself


def test_a_headset_off_visitor_reads_headset_off_once(qtbot):
    visit = Visit(qtbot)
    visit.run(2.0)
    visit.live.visitor.take_off_headset()
    visit.run(3.0)
    assert visit.page.result.verdict is Verdict.HEADSET_OFF
    assert visit.page.verdict_label.text() == "Headset off"
    assert visit.page.hint_label.text() == "Staff will put the headset on for you."
    assert visit.page.advice_texts == ["Put the headset on the visitor and check that it is switched on."]
    assert visit.passed == []


def test_no_signal_says_so_and_shows_no_lights(qtbot):
    visit = Visit(qtbot)
    visit.live.feeding = False
    visit.run(1.5)
    assert visit.page.result.verdict is Verdict.NO_SIGNAL
    assert visit.page.verdict_label.text() == "No signal"
    assert visit.page.head.lights == [None] * 16  # grey: nothing to judge
    assert visit.page.advice_texts == ["Nothing arrives from the headset: is it switched on and connected?"]


def test_nan_filled_data_does_not_raise(qtbot, caplog):
    profile = LiveStream().profile
    stream = Stream(RingBuffer(16, 10 * RATE), profile, RATE)
    clock = [0.0]
    page = SignalCheckPage(clock=lambda: clock[0])
    qtbot.addWidget(page)
    page.start(stream, (), 50)
    page.stop()
    n = RATE // 2
    for k in range(6):
        nan = np.full((16, n), np.nan)
        stream._buffer.write(nan, nan, np.arange(k * n, (k + 1) * n) / RATE, np.zeros(n))
        clock[0] += 0.5
        page.refresh()
    assert page.result.verdict is Verdict.HEADSET_OFF  # nothing usable anywhere: counted as bad
    assert all(light is Light.BAD for light in page.head.lights)
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_start_anyway_only_when_staff_may(qtbot):
    visit = Visit(qtbot, allow_override=False)
    assert visit.page.override_button.isHidden()
    visit.page.set_override_allowed(True)
    assert visit.page.override_button.isVisible()
    assert visit.page.override_button.text() == "Start anyway (staff)"
    with qtbot.waitSignal(visit.page.sigOverride, timeout=1000):
        qtbot.mouseClick(visit.page.override_button, Qt.MouseButton.LeftButton)
    visit.page.set_override_allowed(False)
    assert visit.page.override_button.isHidden()


def test_back_to_the_menu(qtbot):
    visit = Visit(qtbot)
    assert visit.page.back_button.text() == "Back to menu"
    with qtbot.waitSignal(visit.page.sigBack, timeout=1000):
        qtbot.mouseClick(visit.page.back_button, Qt.MouseButton.LeftButton)


def test_clear_forgets_the_last_visitor(qtbot):
    visit = Visit(qtbot)
    visit.run(PASS_STEADY_S + 1.5)
    assert len(visit.passed) == 1
    visit.page.clear()
    assert visit.page.result.verdict is Verdict.CHECKING
    assert visit.page.head.lights == [None] * 16
    assert visit.page.verdict_label.text() == "Checking the signal…"
    visit.run(PASS_STEADY_S + 1.5)
    assert len(visit.passed) == 2  # the next visitor's demo starts too


def test_the_timer_refreshes_on_its_own(qtbot):
    live = LiveStream()
    page = SignalCheckPage()  # the real clock: no data arrives, so after a second "no signal"
    qtbot.addWidget(page)
    page.start(live.stream, (), 50)
    assert page.is_running
    qtbot.waitUntil(lambda: page.result.verdict is Verdict.NO_SIGNAL, timeout=3000)
    page.stop()
    assert not page.is_running


def test_touch_targets_and_text_are_large(qtbot):
    visit = Visit(qtbot, allow_override=True)
    visit.live.visitor.rail_channel(13)
    visit.run(2.0)
    for button in (visit.page.back_button, visit.page.override_button):
        assert button.height() >= 48 and button.width() >= 200
    for label in visit.page.findChildren(QLabel):
        if label.isVisible() and label.text():
            label.ensurePolished()
            assert label.font().pixelSize() >= 18, (label.objectName(), label.font().pixelSize())
    assert visit.page.verdict_label.font().pixelSize() >= 36


def test_electrodes_sit_where_the_10_10_system_puts_them():
    assert electrode_position("Cz") == (0.0, 0.0)
    assert electrode_position("Fz") == (0.0, 0.5)
    assert electrode_position("Oz") == (0.0, -1.0)
    assert electrode_position("T7") == pytest.approx((-1.0, 0.0))
    assert electrode_position("T4") == pytest.approx((1.0, 0.0))  # the old name of T8
    assert electrode_position("C3") == pytest.approx((-0.5, 0.0))
    x, y = electrode_position("O1")
    assert x < 0 and y < -0.9  # left, at the back
    x, y = electrode_position("Fp2")
    assert x > 0 and y > 0.9  # right, at the front
    x, y = electrode_position("Po8.")  # PhysioNet's spelling
    assert x > 0.5 and y < -0.5
    assert electrode_position("TP9")[0] < -1.0  # behind the left ear, outside the circle
    for unknown in ("EXG Channel 0", "A1", "Ch3", "X", ""):
        assert electrode_position(unknown) is None


def test_channels_without_a_10_10_name_sit_in_a_row_beside_the_head(qtbot):
    names = ["O1", "O2", "EXG 3", "EXG 4"]
    profile = BoardProfile(
        key="odd",
        name="odd",
        source="simulated",
        channels=tuple(Channel(name, Role.OCCIPITAL) for name in names),
        sampling_rate=RATE,
    )
    stream = Stream(RingBuffer(4, 10 * RATE), profile, RATE)
    page = SignalCheckPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.start(stream, (Role.OCCIPITAL,), 50)
    page.stop()
    assert page.head.unplaced == ["EXG 3", "EXG 4"]
    centres = page.head.dot_centres()
    assert centres["EXG 3"].y() == centres["EXG 4"].y() > max(centres["O1"].y(), centres["O2"].y())
    assert centres["O1"].x() < centres["O2"].x()  # left on the left, seen from above


class _Chinese(QTranslator):
    """A translator for this page's context only (the .qm gains these texts when the lead merges them)."""

    TEXTS: ClassVar[dict[str, str]] = {"Headset off": "头戴设备未戴上", "Back to menu": "返回菜单"}

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.TEXTS.get(source) if context == "SignalCheck" else None

    def isEmpty(self) -> bool:
        return False


def test_a_language_change_rewrites_the_live_verdict_too(qtbot, qapp):
    visit = Visit(qtbot)
    visit.run(2.0)
    visit.live.visitor.take_off_headset()
    visit.run(1.0)
    assert visit.page.verdict_label.text() == "Headset off"
    chinese = _Chinese()
    qapp.installTranslator(chinese)
    try:
        qapp.sendPostedEvents(None, QEvent.Type.LanguageChange)
        assert visit.page.verdict_label.text() == "头戴设备未戴上"
        assert visit.page.back_button.text() == "返回菜单"
    finally:
        qapp.removeTranslator(chinese)
        qapp.sendPostedEvents(None, QEvent.Type.LanguageChange)
    assert visit.page.verdict_label.text() == "Headset off"
