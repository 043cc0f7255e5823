"""Nickname rules for *Today's best*: what is cleaned, what is refused and why (no Qt, no file)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demos.attention.nickname import (
    INVISIBLE,
    MAX_MARKS_PER_CHARACTER,
    MAX_NICKNAME_CHARS,
    REFUSED_CATEGORIES,
    NicknameError,
    NicknameProblem,
    clean_nickname,
    graphemes,
    validate_nickname,
)

# --- nicknames ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("  Ann  Lee ", "Ann Lee"),
        ("Ann      Lee", "Ann Lee"),  # cleaned before counting: 12 typed, 7 kept
        ("\u3000张\u3000\u3000三\u3000", "张 三"),  # the Chinese IME's full-width space
        ("\u00a0Bo\u00a0\u2003Cy", "Bo Cy"),
        ("张三李四王五赵六钱七孙八", "张三李四王五赵六钱七孙八"),  # 12 Chinese characters
        ("e\u0301" * MAX_NICKNAME_CHARS, "\u00e9" * MAX_NICKNAME_CHARS),  # letter + accent is one
        ("😀👍❤️", "😀👍❤️"),
        ("A", "A"),
    ],
)
def test_nicknames_are_cleaned(text, cleaned):
    assert validate_nickname(text) == cleaned


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", NicknameProblem.EMPTY),
        ("   ", NicknameProblem.EMPTY),
        ("\u3000", NicknameProblem.EMPTY),
        ("张三李四王五赵六钱七孙八周", NicknameProblem.TOO_LONG),  # 13 Chinese characters
        ("A" * 13, NicknameProblem.TOO_LONG),
        ("Ann Lee Smith", NicknameProblem.TOO_LONG),
        ("\u202eAnn", NicknameProblem.CONTROL),  # right-to-left override
        ("An\u200bn", NicknameProblem.CONTROL),  # zero-width space
        ("\u200b", NicknameProblem.CONTROL),  # invisible, not empty
        ("Ann\u200dLee", NicknameProblem.CONTROL),  # a zero-width joiner between letters
        ("👨\u200d", NicknameProblem.CONTROL),  # a joiner that joins nothing
        ("\ufeffAnn", NicknameProblem.CONTROL),  # byte-order mark
        ("Ann\x00", NicknameProblem.CONTROL),
        ("Ann\nLee", NicknameProblem.CONTROL),
        ("Ann\tLee", NicknameProblem.CONTROL),
        ("Ann\u2028Lee", NicknameProblem.CONTROL),  # line separator
        ("Ann\u2029", NicknameProblem.CONTROL),  # paragraph separator
        ("\ue000", NicknameProblem.CONTROL),  # private use
        ("\u0378", NicknameProblem.CONTROL),  # unassigned
        ("\ud800", NicknameProblem.CONTROL),  # a lone surrogate
        ("\u202e" + "A" * 20, NicknameProblem.CONTROL),  # the worse problem is named
    ],
)
def test_nicknames_are_refused_with_a_reason(text, problem):
    with pytest.raises(NicknameError) as refused:
        validate_nickname(text)
    assert refused.value.reason is problem
    assert isinstance(refused.value, ValueError)
    assert "nickname" in str(refused.value)  # English, for logs


def test_every_problem_has_its_own_english_text():
    texts = set()
    for text in ("", "A" * 13, "\x07"):
        with pytest.raises(NicknameError) as refused:
            validate_nickname(text)
        texts.add(str(refused.value))
    assert len(texts) == len(NicknameProblem)
    assert {problem.value for problem in NicknameProblem} == {"empty", "too_long", "control"}


TRICKY = [
    "\u3164",
    "\u2800",
    "\ufe0f",
    "\U0001f3fd",
    "\U0001f1e8",
    "\u0300",
    "👨",
    " ",
    "\u3000",
    "\u00a0",
    "\t",
    "\n",
    "\u202e",
    "\u200b",
    "\u200d",
    "\u2028",
    "\ud800",
    "\ue000",
]
TRICKY += ["\u0378", "a", "Z", "张", "e", "\u0301", "😀", "\u0958", "\ufeff", "\x1c", "\x85"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(exclude_categories=()), max_size=30) | st.text(st.sampled_from(TRICKY), max_size=30)
)
def test_fuzz_nicknames_are_clean_or_refused(text):
    try:
        cleaned = validate_nickname(text)
    except NicknameError as refused:
        assert refused.reason in set(NicknameProblem)
        if refused.reason is NicknameProblem.EMPTY:
            assert all(unicodedata.category(char) == "Zs" for char in text)
        if refused.reason is NicknameProblem.TOO_LONG:
            assert len(graphemes(unicodedata.normalize("NFC", text))) > MAX_NICKNAME_CHARS
        assert clean_nickname(text) is None
        return
    assert clean_nickname(text) == cleaned
    clusters = graphemes(cleaned)
    assert 1 <= len(clusters) <= MAX_NICKNAME_CHARS
    assert cleaned == cleaned.strip(" ") and "  " not in cleaned
    for cluster in clusters:
        assert cluster == " " or not invisible_or_refused(cluster[0])
        assert sum(unicodedata.category(char) in ("Mn", "Me") for char in cluster) <= MAX_MARKS_PER_CHARACTER
    assert unicodedata.normalize("NFC", cleaned) == cleaned
    assert validate_nickname(cleaned) == cleaned


def invisible_or_refused(char: str) -> bool:
    return unicodedata.category(char) in REFUSED_CATEGORIES | {"Zs", "Mn", "Me", "Mc"} or any(
        low <= ord(char) <= high for low, high in INVISIBLE
    )


FAMILY = "👨\u200d👩\u200d👧\u200d👦"


@pytest.mark.parametrize(
    "filler",
    [
        "\u3164",
        "\uffa0",
        "\u2800",
        "\u115f",
        "\u1160",
        "\u17b4",
        "\u17b5",
        "\u200b",
        "\u2060",
        "\u034f",
        "\u180e",
    ],
)
def test_invisible_letters_are_refused_alone_and_inside_a_name(filler):
    for text in (filler, filler * 3, f"A{filler}B", f"{filler} {filler}", f"Ann{filler}"):
        with pytest.raises(NicknameError) as refused:
            validate_nickname(text)
        assert refused.value.reason is NicknameProblem.CONTROL
        assert clean_nickname(text) is None


def test_whitespace_only_is_empty():
    for text in (" ", "\u3000\u3000", "\u00a0\u2003 "):
        with pytest.raises(NicknameError) as refused:
            validate_nickname(text)
        assert refused.value.reason is NicknameProblem.EMPTY


def test_a_letter_keeps_at_most_two_combining_marks():
    zalgo = "Z" + "".join(chr(0x0300 + index) for index in range(11))  # 11 marks stacked on one letter
    cleaned = validate_nickname(zalgo + "oe")
    assert graphemes(cleaned)[1:] == ["o", "e"]
    assert sum(unicodedata.category(char) == "Mn" for char in cleaned) <= MAX_MARKS_PER_CHARACTER
    assert validate_nickname("Nguyễn") == "Nguyễn"  # Vietnamese keeps its accents
    assert validate_nickname("e\u0323\u0302") == "\u1ec7"  # ệ typed as e + two marks: one letter


def test_a_mark_with_no_letter_under_it_is_refused():
    for text in ("\u0301\u0301Ann", "Ann \u0301Lee"):
        with pytest.raises(NicknameError) as refused:
            validate_nickname(text)
        assert refused.value.reason is NicknameProblem.CONTROL


@pytest.mark.parametrize(
    "emoji",
    [
        FAMILY,  # joined with U+200D
        "👨\u200d👩",
        "❤\ufe0f",  # a variation selector
        "👍🏽",  # a skin tone
        "🇨🇳",  # a flag: two regional indicators
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland's flag: tags
        "1\ufe0f\u20e3",  # a keycap
        "👩\u200d🚀",
    ],
)
def test_emoji_sequences_are_one_character_each(emoji):
    assert validate_nickname(emoji) == emoji
    assert validate_nickname(f"Mia {emoji}") == f"Mia {emoji}"
    assert len(graphemes(emoji)) == 1
    assert validate_nickname(emoji * MAX_NICKNAME_CHARS) == emoji * MAX_NICKNAME_CHARS  # counted as one each
    with pytest.raises(NicknameError):
        validate_nickname(emoji * (MAX_NICKNAME_CHARS + 1))


def test_length_counts_what_a_visitor_sees():
    assert len(FAMILY) == 7 and len(graphemes(FAMILY)) == 1
    assert validate_nickname(FAMILY + "张三李四王五赵六钱七孙") == FAMILY + "张三李四王五赵六钱七孙"  # 12
    with pytest.raises(NicknameError) as refused:
        validate_nickname(FAMILY + "张三李四王五赵六钱七孙八")  # 13
    assert refused.value.reason is NicknameProblem.TOO_LONG


def test_a_variation_selector_needs_something_to_vary():
    with pytest.raises(NicknameError):
        validate_nickname("\ufe0fAnn")
