from __future__ import annotations

import numpy as np
import pytest

from demos.ssvep_speller.layouts import LayoutError, builtin_layouts, parse_layout


def test_the_keyboard_is_the_40_target_benchmark_layout():
    keyboard = builtin_layouts()["keyboard40"]
    assert len(keyboard.keys) == 40 and (keyboard.rows, keyboard.columns) == (5, 8)
    labels = [key.label for key in keyboard.keys]
    assert set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") <= set(labels) and "SPACE" in labels
    np.testing.assert_allclose(sorted(keyboard.frequencies), 8.0 + 0.2 * np.arange(40))
    first_column = [key for key in keyboard.keys if key.column == 0]
    assert [key.frequency_hz for key in first_column] == [8.0, 8.2, 8.4, 8.6, 8.8]
    assert [key.phase_rad for key in first_column[:3]] == pytest.approx([0, np.pi / 2, np.pi])
    assert keyboard.problems_at(60.0) == []
    assert keyboard.problems_at(30.0)  # 15.8 Hz needs more than 30 frames per second


def test_the_phrase_board_has_few_large_well_separated_targets():
    phrases = builtin_layouts()["phrases"]
    assert 6 <= len(phrases.keys) <= 9
    assert np.min(np.diff(np.sort(phrases.frequencies))) >= 1.0
    assert "你好" in phrases.display_labels("zh_CN") and "Hello" in phrases.display_labels("en")


GOOD = {
    "name": "x",
    "title": "X",
    "rows": 1,
    "columns": 2,
    "first_hz": 8.0,
    "step_hz": 1.0,
    "keys": ["A", "B"],
}


def test_bad_layouts_are_refused_with_the_field_named():
    good = GOOD
    parse_layout(good, "x.toml")
    with pytest.raises(LayoutError, match="keys"):
        parse_layout({**good, "keys": ["A"]}, "x.toml")
    with pytest.raises(LayoutError, match="share a frequency"):
        parse_layout({**good, "step_hz": 0.0}, "x.toml")
    with pytest.raises(LayoutError, match="order"):
        parse_layout({**good, "order": "diagonal"}, "x.toml")


def test_tasks_name_existing_keys():
    keyboard = builtin_layouts()["keyboard40"]
    naoji = next(task for task in keyboard.tasks if task.text == "NAOJI")
    assert [keyboard.keys[i].label for i in naoji.keys] == list("NAOJI")
    good = GOOD
    with pytest.raises(LayoutError, match=r"tasks\[0\].*'C'"):
        parse_layout({**good, "tasks": [{"text": "AC"}]}, "x.toml")
    with pytest.raises(LayoutError, match=r"translations\.zh_CN\.keys"):
        parse_layout({**good, "translations": {"zh_CN": {"keys": ["甲"]}}}, "x.toml")
    with pytest.raises(LayoutError, match="stopping"):
        parse_layout({**good, "stopping": {"min_s": 3.0, "max_s": 2.0}}, "x.toml")


def test_a_word_to_copy_is_glossed_in_the_visitor_language():
    keyboard = builtin_layouts()["keyboard40"]
    glosses = {task.text: (task.meaning_for("en"), task.meaning_for("zh_CN")) for task in keyboard.tasks}
    assert glosses["NAOJI"] == ('Chinese for "brain-computer"', "脑机")
    assert glosses["NI HAO"] == ('Chinese for "hello"', "你好")
    assert glosses["HELLO"] == ("", "")  # an English word needs no gloss
    assert keyboard.tasks[1].meaning_for("fr") == 'Chinese for "brain-computer"'  # unknown: the English


def test_glosses_in_other_languages_name_existing_tasks():
    good = {**GOOD, "tasks": [{"text": "AB", "meaning": "ab"}]}
    layout = parse_layout({**good, "translations": {"zh_CN": {"meanings": {"AB": "甲乙"}}}}, "x.toml")
    assert layout.tasks[0].meaning_for("zh_CN") == "甲乙" and layout.tasks[0].meaning_for("en") == "ab"
    with pytest.raises(LayoutError, match=r"translations\.zh_CN\.meanings.*'BA'"):
        parse_layout({**good, "translations": {"zh_CN": {"meanings": {"BA": "乙甲"}}}}, "x.toml")
    with pytest.raises(LayoutError, match=r"translations\.zh_CN\.meanings"):
        parse_layout({**good, "translations": {"zh_CN": {"meanings": ["甲乙"]}}}, "x.toml")


def test_english_glosses_quote_with_plain_quotes():
    """Curly quotes are drawn by the CJK fallback font, full width, in an English sentence
    ("Chinese for “hello”" looked Chinese-punctuated on the kiosk)."""
    for layout in builtin_layouts().values():
        for task in layout.tasks:
            assert not set(task.meaning_for("en")) & set("“”‘’（）"), (layout.name, task.text)
