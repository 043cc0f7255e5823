"""A visitor puts a nickname on *Today's best* with taps only: the on-screen keyboard, in English
and in Chinese (pinyin), and "Pick a fun name". No key events: the kiosk has no keyboard."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from demos.attention.flow import Phase
from demos.attention.leaderboard import validate_nickname
from demos.attention.nickname import nickname_length
from demos.attention.result_page import FUN_ADJECTIVES, FUN_ANIMALS, WARNING_COLOUR, fun_name
from demos.kit.i18n import fill, translate
from demos.kit.keyboard import Layout
from tests.demos.attention.test_widget import FastVisit
from tests.demos.screens import press, save


def tap_key(qtbot, keyboard, label: str) -> None:
    """Touch the key showing ``label`` on the keyboard's current page (a candidate too)."""
    _, rows = keyboard._pages[keyboard.state.layout]
    buttons = [button for row in rows for button in row] + keyboard.candidate_buttons
    matching = [button for button in buttons if button.text() == label and button.isVisible()]
    assert matching, f"no key {label!r}"
    press(qtbot, matching[0])


def finish_a_focus_round(qtbot, tmp_path, language_code: str) -> FastVisit:
    visit = FastVisit(qtbot, tmp_path)
    visit.widget.save_box.keyboard._language = lambda: language_code
    press(qtbot, visit.widget.focus_button)
    visit.run_while(Phase.BASELINE, Phase.READY, Phase.ROUND)
    assert visit.widget.result.picture is visit.widget.save_box
    return visit


def open_keyboard(qtbot, widget):
    keyboard = widget.save_box.keyboard
    assert not keyboard.isVisible()
    qtbot.mouseClick(widget.nickname, Qt.MouseButton.LeftButton)
    assert keyboard.isVisible() and keyboard.field is widget.nickname
    # Under the nickname box, never over it.
    box = widget.nickname.mapTo(widget, widget.nickname.rect().bottomLeft())
    assert keyboard.mapTo(widget, keyboard.rect().topLeft()).y() >= box.y()
    return keyboard


def test_an_english_nickname_typed_with_taps_lands_on_todays_best(qtbot, tmp_path, language):
    visit = finish_a_focus_round(qtbot, tmp_path, "en")
    widget = visit.widget
    keyboard = open_keyboard(qtbot, widget)
    assert keyboard.state.layout is Layout.LETTERS
    tap_key(qtbot, keyboard, "Shift" if language == "en" else "大写")
    for label in "Bo":
        tap_key(qtbot, keyboard, label)
    tap_key(qtbot, keyboard, "7")
    assert widget.nickname.text() == "Bo7"
    save(widget, "attention_keyboard", language)
    tap_key(qtbot, keyboard, "Done" if language == "en" else "完成")
    assert [entry.nickname for entry in widget.board.today_best("focus")] == ["Bo7"]
    assert "Bo7" in widget.result_board.text() and widget.result_board.isVisible()
    assert not keyboard.isVisible()
    widget.stop()


def test_a_chinese_nickname_typed_by_pinyin_lands_on_todays_best(qtbot, tmp_path, language):
    visit = finish_a_focus_round(qtbot, tmp_path, "zh_CN")
    widget = visit.widget
    keyboard = open_keyboard(qtbot, widget)
    assert keyboard.state.layout is Layout.PINYIN  # a Chinese visitor starts in pinyin
    for label in "xiong":
        tap_key(qtbot, keyboard, label)
    assert keyboard.composing_label.text() == "xiong"
    tap_key(qtbot, keyboard, "熊")
    for label in "mao":
        tap_key(qtbot, keyboard, label)
    tap_key(qtbot, keyboard, "猫")
    assert widget.nickname.text() == "熊猫" and keyboard.state.composing == ""
    save(widget, "attention_keyboard_pinyin", language)
    press(qtbot, widget.save_button)
    assert [entry.nickname for entry in widget.board.today_best("focus")] == ["熊猫"]
    assert "熊猫" in widget.result_board.text()
    widget.stop()


def test_a_refused_nickname_keeps_the_keyboard_open(qtbot, tmp_path):
    visit = finish_a_focus_round(qtbot, tmp_path, "en")
    widget = visit.widget
    keyboard = open_keyboard(qtbot, widget)
    tap_key(qtbot, keyboard, "Done")  # nothing typed
    assert widget.save_message.text() and keyboard.isVisible()
    assert widget.board.today_best("focus") == []
    widget.stop()


def test_pick_a_fun_name_fills_one_in_the_visitors_language(qtbot, tmp_path, language):
    visit = finish_a_focus_round(qtbot, tmp_path, language)
    widget = visit.widget
    widget.save_box.random = random.Random(1)
    press(qtbot, widget.save_box.fun_name_button)
    name = widget.nickname.text()
    assert name and (("的" in name) == (language == "zh_CN"))
    press(qtbot, widget.save_button)
    assert [entry.nickname for entry in widget.board.today_best("focus")] == [name]
    # Every name the button can give is a valid nickname in this language.
    for adjective in FUN_ADJECTIVES:
        for animal in FUN_ANIMALS:
            assert validate_nickname(fun_name(adjective, animal)) == fun_name(adjective, animal)
    widget.stop()


def test_the_result_page_with_the_keyboard_open_fits_a_1080p_kiosk(qtbot, tmp_path):
    """1080 px less the shell's top bar and status bar (~150 px, as on a 1366 x 768 screen)."""
    visit = finish_a_focus_round(qtbot, tmp_path, "zh_CN")  # pinyin: the tallest, with candidates
    widget = visit.widget
    open_keyboard(qtbot, widget)
    assert widget.minimumSizeHint().height() <= 1080 - 150  # 797 px measured
    widget.stop()


def _field_geometry(widget):
    QApplication.processEvents()
    return widget.nickname.mapTo(widget, widget.nickname.rect().topLeft()), widget.nickname.size()


@pytest.mark.parametrize("language_code", ["en", "zh_CN"])
def test_the_nickname_box_stays_put_when_the_keyboard_opens_and_a_message_shows(
    qtbot, tmp_path, language_code
):
    """Issue 22: in Chinese, opening the keyboard moved the whole page (the box just tapped too)
    up ~28 px; a refusal's message moved it again."""
    visit = finish_a_focus_round(qtbot, tmp_path, language_code)
    widget = visit.widget
    widget.resize(1920, 1080 - 150)
    before = _field_geometry(widget)
    keyboard = open_keyboard(qtbot, widget)
    assert _field_geometry(widget) == before
    tap_key(qtbot, keyboard, "Done")  # nothing typed: a sentence says so, the keyboard stays
    assert widget.save_message.text() and keyboard.isVisible()
    assert _field_geometry(widget) == before
    widget.stop()


def _warning_pixels(label) -> int:
    """Pixels of ``label`` drawn in the warning colour (red text), as a visitor sees it."""
    image = label.grab().toImage()
    warning = QColor(WARNING_COLOUR)
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if abs(QColor(image.pixel(x, y)).red() - warning.red()) < 30
        and abs(QColor(image.pixel(x, y)).green() - warning.green()) < 30
        and abs(QColor(image.pixel(x, y)).blue() - warning.blue()) < 30
    )


def test_a_live_count_says_when_a_nickname_gets_too_long(qtbot, tmp_path, language):
    """Issue 22: the box took 20 characters with no hint until Save refused them. The count is the
    rule's own (a Chinese character is one, spaces around the name are not counted) and turns red
    past 12, in both languages."""
    visit = finish_a_focus_round(qtbot, tmp_path, "en")
    widget = visit.widget
    count = widget.save_box.count_label
    keyboard = open_keyboard(qtbot, widget)
    assert count.isVisible() and count.text().startswith("0 / 12")
    for label in "abcdefghijkl":
        tap_key(qtbot, keyboard, label)
    tap_key(qtbot, keyboard, "Space" if language == "en" else "空格")  # trailing: Save drops it
    assert count.text().startswith("12 / 12") and _warning_pixels(count) == 0
    tap_key(qtbot, keyboard, "Delete" if language == "en" else "删除")
    tap_key(qtbot, keyboard, "m")
    assert count.text().startswith("13 / 12") and _warning_pixels(count) > 20
    assert count.text() != fill(translate("Attention", "%1 / %2 characters"), 13, 12)  # says why
    tap_key(qtbot, keyboard, "Delete" if language == "en" else "删除")
    assert count.text().startswith("12 / 12") and _warning_pixels(count) == 0
    widget.nickname.clear()
    press(qtbot, widget.save_box.fun_name_button)  # a picked name is counted too
    assert count.text().startswith(f"{nickname_length(widget.nickname.text())} / 12")
    save(widget, "attention_nickname_count", language)
    widget.stop()
