"""The on-screen keyboard's logic and its pinyin table, without a screen."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from demos.kit.keyboard import (
    CANDIDATES_PER_PAGE,
    PIN_LAYOUTS,
    PORT_LAYOUTS,
    Edit,
    Key,
    KeyboardState,
    KeyKind,
    Layout,
)
from demos.kit.pinyin import TABLE_FILE, PinyinTable, pinyin_table


def press_text(state: KeyboardState, text: str) -> list[Edit]:
    return [state.press(Key(KeyKind.CHARACTER, char)) for char in text]


def test_the_table_holds_gb2312_level_1_most_frequent_first():
    raw = (resources.files("demos.kit") / TABLE_FILE).read_bytes()
    assert len(raw) < 40_000  # a small asset (30.6 kB when built)
    data = json.loads(raw)
    assert len(data["order"]) == len(set(data["order"])) == 3755
    assert data["order"][:3] == "的一不"
    table = pinyin_table()
    assert "熊" in table.syllables["xiong"] and "猫" in table.syllables["mao"]
    assert table.syllables["de"][0] == "的" and "绿" in table.syllables["lv"]
    assert "长" in table.syllables["zhang"] and "长" in table.syllables["chang"]  # both readings
    every = set("".join(table.syllables.values()))
    assert every == set(data["order"])  # every character can be typed


@pytest.mark.parametrize(
    ("letters", "used", "first"),
    [
        ("xiong", 5, "兄"),
        ("xiongmao", 5, "兄"),
        ("xio", 3, "兄"),
        ("mao", 3, "毛"),
        ("zzz", 0, ""),
        ("", 0, ""),
    ],
)
def test_candidates_use_the_syllable_typed(letters, used, first):
    found_used, found = pinyin_table().candidates(letters)
    assert (found_used, found[:1]) == (used, first)


def test_a_prefix_offers_each_syllables_common_characters_before_rare_readings():
    table = PinyinTable({"ab": "甲乙", "ac": "丙甲"}, {"甲": 0, "乙": 1, "丙": 2})
    assert table.candidates("a") == (1, "甲丙乙")


def test_english_letters_shift_once_and_delete():
    state = KeyboardState()
    state.open(Layout.LETTERS)
    state.press(Key(KeyKind.SHIFT))
    assert state.rows()[1][0].text == "Q"
    assert press_text(state, "B") == [Edit(insert="B")]
    assert not state.shifted and state.rows()[1][0].text == "q"
    assert state.press(Key(KeyKind.BACKSPACE)) == Edit(delete=1)
    assert state.press(Key(KeyKind.SPACE)) == Edit(insert=" ")
    assert state.press(Key(KeyKind.DONE)) == Edit(done=True)


def test_pinyin_composes_then_a_candidate_types_a_character():
    state = KeyboardState()
    state.open(Layout.PINYIN)
    assert press_text(state, "xiongmao") == [Edit()] * 8
    used, _ = state.candidates()
    assert used == 5 and "熊" in state.page_of_candidates()
    assert state.pick(state.page_of_candidates().index("熊")) == Edit(insert="熊")
    assert state.composing == "mao"
    assert state.pick(state.page_of_candidates().index("猫")) == Edit(insert="猫")
    assert state.composing == ""


def test_pinyin_backspace_space_pages_and_letters_left_over():
    state = KeyboardState()
    state.open(Layout.PINYIN)
    press_text(state, "shi")
    assert state.press(Key(KeyKind.BACKSPACE)) == Edit() and state.composing == "sh"
    press_text(state, "i")
    assert state.page_count() > 1
    state.turn_page(1)
    assert state.page == 1 and len(state.page_of_candidates()) == CANDIDATES_PER_PAGE
    state.turn_page(-5)
    assert state.page == 0
    assert state.press(Key(KeyKind.SPACE)) == Edit(insert=pinyin_table().syllables["shi"][0])
    press_text(state, "vvv")  # no syllable: typed as letters when leaving
    assert state.page_of_candidates() == ""
    assert state.press(Key(KeyKind.DONE)) == Edit(insert="vvv", done=True)
    assert state.press(Key(KeyKind.BACKSPACE)) == Edit(delete=1)


def test_a_port_has_the_symbols_of_a_device_path_and_a_pin_only_digits():
    state = KeyboardState(PORT_LAYOUTS)
    state.open(Layout.PINYIN)  # not offered: stays on letters
    assert state.layout is Layout.LETTERS
    switches = [key.layout for key in state.rows()[-1] if key.kind is KeyKind.LAYOUT]
    assert switches == [Layout.SYMBOLS]
    state.press(Key(KeyKind.LAYOUT, layout=Layout.SYMBOLS))
    symbols = {key.text for row in state.rows() for key in row}
    assert set("/_-.:0123456789") <= symbols
    pin = KeyboardState(PIN_LAYOUTS)
    keys = [key for row in pin.rows() for key in row]
    assert {key.text for key in keys if key.kind is KeyKind.CHARACTER} == set("0123456789")
    assert {key.kind for key in keys} == {KeyKind.CHARACTER, KeyKind.BACKSPACE, KeyKind.DONE}


def test_switching_layout_types_the_letters_composed():
    state = KeyboardState()
    state.open(Layout.PINYIN)
    press_text(state, "li")
    assert state.press(Key(KeyKind.LAYOUT, layout=Layout.LETTERS)) == Edit(insert="li")
    assert state.layout is Layout.LETTERS and state.composing == ""


def test_a_keyboard_needs_a_layout():
    with pytest.raises(ValueError, match="at least one layout"):
        KeyboardState(())
