"""The kit's touch widgets: big enough for a finger, countdowns that end once, pages whose buttons report."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from demos.kit.widgets import (
    PRIMARY_COLOUR,
    TOUCH_MIN_PX,
    Countdown,
    NoticePage,
    ResultScreen,
    touch_button,
    touch_combo_box,
)


def font_px(widget: QWidget) -> int:
    widget.ensurePolished()  # the style sheet's font applies on polish
    return widget.font().pixelSize()


@pytest.mark.parametrize("primary", [True, False])
def test_touch_buttons_are_finger_sized_with_large_text(qtbot, primary):
    button = touch_button("OK", primary=primary)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    assert button.height() >= TOUCH_MIN_PX and button.width() >= TOUCH_MIN_PX
    assert button.minimumHeight() >= TOUCH_MIN_PX and button.minimumWidth() >= TOUCH_MIN_PX
    assert font_px(button) >= 18
    assert button.text() == "OK"
    empty = touch_button()
    qtbot.addWidget(empty)
    assert empty.minimumSize().width() >= TOUCH_MIN_PX and empty.text() == ""


def test_primary_and_secondary_buttons_look_different(qtbot):
    def centre_colour(button) -> QColor:
        qtbot.addWidget(button)
        button.resize(200, 60)
        image = button.grab().toImage()
        return QColor(image.pixel(image.width() // 2, 4))  # above the text, inside the border

    assert centre_colour(touch_button("Again")).name() == PRIMARY_COLOUR
    assert centre_colour(touch_button("Back", primary=False)).name() == "#ffffff"


def test_countdown_counts_down_to_zero_and_finishes_once(qtbot):
    countdown = Countdown()
    qtbot.addWidget(countdown)
    finished = []
    countdown.sigFinished.connect(lambda: finished.append(time.monotonic()))
    started = time.monotonic()
    with qtbot.waitSignal(countdown.sigFinished, timeout=2_000):
        countdown.start(0.3, "Relax")
        assert countdown.is_running
        assert 0 < countdown.seconds_left <= 0.3
        assert countdown.number_label.text() == "1"  # whole seconds, rounded up
        assert countdown.caption_label.text() == "Relax" and not countdown.caption_label.isHidden()
    assert time.monotonic() - started >= 0.3 - 0.02
    qtbot.wait(300)  # no second sigFinished afterwards
    assert len(finished) == 1
    assert countdown.seconds_left == 0.0 and not countdown.is_running
    assert countdown.number_label.text() == "0"
    assert countdown.progress.value() == countdown.progress.maximum()


def test_countdown_shows_whole_seconds_and_never_goes_negative(qtbot):
    countdown = Countdown()
    qtbot.addWidget(countdown)
    countdown.start(2.5)
    assert countdown.number_label.text() == "3"
    assert countdown.caption_label.isHidden()  # no label given
    qtbot.wait(150)
    assert 2.0 < countdown.seconds_left < 2.45
    assert 0 < countdown.progress.value() < countdown.progress.maximum()
    countdown.stop()
    left = countdown.seconds_left
    qtbot.wait(150)
    assert countdown.seconds_left == left  # frozen where it stopped
    with qtbot.waitSignal(countdown.sigFinished, timeout=1_000):
        countdown.start(-1.0)  # a negative duration ends at once (from the event loop)
        assert countdown.seconds_left == 0.0
    assert countdown.number_label.text() == "0"
    with pytest.raises(ValueError):
        countdown.start(float("nan"))


def test_stopped_countdown_does_not_finish(qtbot):
    countdown = Countdown()
    qtbot.addWidget(countdown)
    with qtbot.assertNotEmitted(countdown.sigFinished, wait=400):
        countdown.start(0.2)
        countdown.stop()
    assert not countdown.is_running


def test_countdown_shows_trials_done(qtbot):
    countdown = Countdown()
    qtbot.addWidget(countdown)
    countdown.start(5.0)
    with qtbot.assertNotEmitted(countdown.sigFinished, wait=150):
        countdown.set_progress(12, 40, "Trial")
    assert not countdown.is_running
    assert countdown.number_label.text() == "12 / 40"
    assert countdown.progress.value() == 300
    assert countdown.caption_label.text() == "Trial"
    countdown.set_progress(50, 40)
    assert countdown.number_label.text() == "40 / 40" and countdown.caption_label.isHidden()
    countdown.set_progress(0, 0)
    assert countdown.progress.value() == 0
    assert font_px(countdown.number_label) >= 48


def test_result_screen_buttons_report_and_hidden_ones_are_hidden(qtbot):
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 720)
    screen.show_result("You spelled HELLO", "9 of 10 letters right.", "Again", "Back to the menu")
    screen.show()
    qtbot.waitExposed(screen)
    assert screen.headline_label.text() == "You spelled HELLO"
    assert screen.body_label.wordWrap() and font_px(screen.body_label) >= 18
    assert font_px(screen.headline_label) > font_px(screen.body_label)
    for button in (screen.primary_button, screen.secondary_button):
        assert button.isVisible() and button.height() >= TOUCH_MIN_PX and font_px(button) >= 18
    with qtbot.waitSignal(screen.sigPrimary, timeout=1_000):
        qtbot.mouseClick(screen.primary_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.sigSecondary, timeout=1_000):
        qtbot.mouseClick(screen.secondary_button, Qt.MouseButton.LeftButton)

    screen.show_result("Well done", primary="Again")
    assert screen.primary_button.isVisible() and not screen.secondary_button.isVisible()
    assert screen.body_label.isHidden()
    screen.show_result("Well done")
    assert screen.primary_button.isHidden() and screen.secondary_button.isHidden()


def test_result_screen_holds_one_picture_at_a_time(qtbot):
    screen = ResultScreen()
    qtbot.addWidget(screen)
    screen.show_result("Done", "", "Again")
    screen.resize(1280, 720)
    screen.show()
    first, second = QLabel("first"), QLabel("second")
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert screen.set_picture(first) is None
    assert first.isVisible() and screen.picture is first
    assert screen.set_picture(second) is first
    assert first.parent() is None and not first.isVisible() and second.isVisible()
    assert screen.set_picture(None) is second
    assert screen.picture is None and second.parent() is None


def test_notice_page_shows_large_centred_text_and_its_buttons(qtbot):
    page = NoticePage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show_notice("Flashing light", "This demo flickers. " * 20, "I understand", "Back to the menu")
    page.show()
    qtbot.waitExposed(page)
    assert font_px(page.title_label) >= 28 and font_px(page.body_label) >= 22
    for label in (page.title_label, page.body_label):
        assert label.wordWrap() and label.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert page.body_label.width() <= page.width()  # wrapped, not cut off
    with qtbot.waitSignal(page.sigPrimary, timeout=1_000):
        qtbot.mouseClick(page.primary_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.sigSecondary, timeout=1_000):
        qtbot.mouseClick(page.secondary_button, Qt.MouseButton.LeftButton)


def test_a_hidden_notice_button_takes_no_space(qtbot):
    page = NoticePage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show_notice("Waiting for the headset", "Put it on and switch it on.", "Try again", None)
    page.show()
    qtbot.waitExposed(page)
    assert page.primary_button.isVisible() and page.secondary_button.isHidden()
    row = page.primary_button.parentWidget()
    assert abs(page.primary_button.geometry().center().x() - row.width() // 2) <= 2  # alone, centred
    page.show_notice("Stopped", "The demo was stopped.", None, None)
    assert page.primary_button.isHidden() and page.secondary_button.isHidden()
    assert row.isHidden()  # the empty row takes no space either


def test_a_touch_combo_box_and_every_item_of_its_list_are_finger_sized(qtbot):
    box = touch_combo_box()
    qtbot.addWidget(box)
    box.addItems(["Keyboard", "Phrase board", "Copy: HELLO"])
    box.show()
    box.showPopup()
    assert box.height() >= TOUCH_MIN_PX
    for row in range(box.count()):
        assert box.view().visualRect(box.model().index(row, 0)).height() >= TOUCH_MIN_PX
    box.hidePopup()


def test_a_touch_combo_box_drops_finger_sized_rows_below_itself_under_the_showroom_style(qtbot):
    """Issue 22: under the shell's style sheet the list opened desktop-style (27 px rows over the box)."""
    from app.style import SHOWROOM_STYLE

    window = QWidget()
    window.setStyleSheet(SHOWROOM_STYLE)
    qtbot.addWidget(window)
    window.resize(800, 600)
    box = touch_combo_box()
    box.setParent(window)
    box.move(100, 100)
    box.addItems(["Free spelling", "Copy: HELLO", 'Copy: NAOJI (Chinese for "brain-computer")'])
    box.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    for row in range(box.count()):
        assert view.visualRect(box.model().index(row, 0)).height() >= 56
    assert font_px(view) >= 20
    assert view.sizeHintForColumn(0) <= view.viewport().width()  # no row cut short
    # The list opens below the box, leaving the box and the text above it readable.
    assert view.mapToGlobal(view.rect().topLeft()).y() >= box.mapToGlobal(box.rect().bottomLeft()).y()
    box.hidePopup()
