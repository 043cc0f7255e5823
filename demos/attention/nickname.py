"""What a nickname on *Today's best* may be: the one rule, for the board, its file and every way of
typing one (a hardware keyboard, the on-screen one) (no Qt).

:func:`validate_nickname` returns the nickname as it goes on the board or raises
:class:`NicknameError` with a reason the screen says in the visitor's language; :func:`clean_nickname`
is the same rule answering None instead.

What the board refuses, and why:

- characters no one can see or that change how other text looks: control and format characters
  (bidi overrides, zero-width spaces, the byte-order mark), Unicode's default-ignorable code points
  (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; Khmer U+17B4, U+17B5; Mongolian selectors) and
  the blank Braille pattern U+2800, private use and unassigned code points, line and paragraph
  separators; a name of spaces only is empty;
- a combining mark with no letter under it (it would sit on the row above).

What it keeps: emoji joined with U+200D (a family 👨‍👩‍👧), skin tones, variation selectors and
flags, which are one picture each. A letter carries at most :data:`MAX_MARKS_PER_CHARACTER`
combining marks (after NFC composition, which merges most accents into the letter); more, e.g. 11
stacked on one letter, would smear over the rows above and below, so the extra ones are dropped.
The length is counted in pictures a visitor sees (grapheme clusters), so a family emoji counts as
one, like a Chinese character.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

#: A nickname is at most this many characters (grapheme clusters: what a visitor sees as one) once cleaned.
MAX_NICKNAME_CHARS = 12
#: The most a nickname box takes, in the UTF-16 units Qt counts: twelve family emoji with skin tones
#: (19 units each) fit; the rule, not the box, says what is too long.
MAX_TYPED_UNITS = 256
#: Combining marks kept on one letter (Vietnamese needs two after NFC: ệ is e + circumflex + dot below).
MAX_MARKS_PER_CHARACTER = 2
#: Unicode categories refused anywhere in a nickname: control characters (tab and line breaks too:
#: an on-screen keyboard never types them), format characters (bidi overrides such as U+202E that
#: would reverse the board's text, zero-width spaces that make two names look alike; U+200D only
#: inside an emoji sequence), lone surrogates, private use and unassigned code points (no font
#: shows them), and line and paragraph separators.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
#: Code points that draw nothing yet are letters or symbols to Unicode (so no category catches them):
#: Unicode's Default_Ignorable_Code_Point list (DerivedCoreProperties.txt, which the standard library
#: does not expose), and the blank Braille pattern U+2800. Variation selectors are among them: they
#: are allowed only right after the character they vary.
INVISIBLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_ZWJ = "\u200d"
_CANCEL_TAG = 0xE007F


class NicknameProblem(StrEnum):
    """Why a nickname was refused; the widget says it in the visitor's language."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL = "control"


_PROBLEM_TEXT = {
    NicknameProblem.EMPTY: "the nickname is empty",
    NicknameProblem.TOO_LONG: f"the nickname is longer than {MAX_NICKNAME_CHARS} characters",
    NicknameProblem.CONTROL: "the nickname contains control, invisible or unassigned characters",
}


class NicknameError(ValueError):
    """A nickname that can't go on the board; ``reason`` says why, ``str()`` says it in English for logs."""

    def __init__(self, reason: NicknameProblem) -> None:
        super().__init__(_PROBLEM_TEXT[reason])
        self.reason = reason


def _invisible(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in INVISIBLE)


def _is_variation_selector(char: str) -> bool:
    return 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF


def _is_emoji_modifier(char: str) -> bool:
    return 0x1F3FB <= ord(char) <= 0x1F3FF


def _is_tag(char: str) -> bool:
    return 0xE0020 <= ord(char) <= _CANCEL_TAG


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_pictograph(char: str) -> bool:
    """An emoji-like symbol that U+200D may join (Unicode's Extended_Pictographic, approximated by
    "other symbol", which every emoji a keyboard offers is)."""
    return unicodedata.category(char) == "So"


def graphemes(text: str) -> list[str]:
    """``text`` cut where a reader sees one picture end and the next begin.

    A simple form of Unicode's extended grapheme clusters (UAX #29): the standard library has no
    segmentation, and a kiosk's nickname needs only these rules. A cluster is a character followed
    by its combining marks, variation selectors, skin-tone modifiers and tag characters, and by
    U+200D with the pictograph it joins; two regional indicators make one flag. Conjoining Hangul
    jamo are composed by NFC first. Not covered (the board's names don't need them): Indic
    conjuncts, which count as more than one.
    """
    clusters: list[str] = []
    for char in text:
        if clusters:
            last = clusters[-1]
            joins = (
                unicodedata.category(char) in ("Mn", "Me", "Mc")
                or _is_variation_selector(char)
                or _is_emoji_modifier(char)
                or _is_tag(char)
                or char == _ZWJ
                or (last.endswith(_ZWJ) and _is_pictograph(char))
                or (len(last) == 1 and _is_regional_indicator(last) and _is_regional_indicator(char))
            )
            if joins:
                clusters[-1] = last + char
                continue
        clusters.append(char)
    return clusters


def _allowed_inside(cluster: str, index: int) -> bool:
    """Whether the ``index``-th character of ``cluster`` (not its first) is a part a cluster may have."""
    char = cluster[index]
    if char == _ZWJ:  # only between two pictographs: 👨‍👩, never a hidden joiner in a word
        return _is_pictograph(cluster[0]) and index + 1 < len(cluster) and _is_pictograph(cluster[index + 1])
    if _is_tag(char):  # a subdivision flag: 🏴 then tag letters then the cancel tag
        return ord(cluster[0]) == 0x1F3F4
    if _is_variation_selector(char):
        return True
    return not _refused(char)


def _refused(char: str) -> bool:
    return unicodedata.category(char) in REFUSED_CATEGORIES or _invisible(char)


def _trim_marks(cluster: str) -> str:
    """``cluster`` with at most :data:`MAX_MARKS_PER_CHARACTER` combining marks (the first ones)."""
    kept, marks = [], 0
    for char in cluster:
        if unicodedata.category(char) in ("Mn", "Me"):
            marks += 1
            if marks > MAX_MARKS_PER_CHARACTER:
                continue
        kept.append(char)
    return "".join(kept)


def _spaced_and_composed(text: str) -> str:
    """``text`` NFC-normalised, trimmed, with every run of Unicode spaces made one ASCII space."""
    spaced = "".join(" " if unicodedata.category(char) == "Zs" else char for char in text)
    return " ".join(word for word in unicodedata.normalize("NFC", spaced).split(" ") if word)


def nickname_length(text: str) -> int:
    """How many characters :func:`validate_nickname` counts in ``text`` against
    :data:`MAX_NICKNAME_CHARS` (what a visitor sees as one, after cleaning): the live count under
    the nickname box uses it, so it never disagrees with Save."""
    return len(graphemes(_spaced_and_composed(text)))


def validate_nickname(text: str) -> str:
    """``text`` as it goes on the board, or :class:`NicknameError`.

    Cleaning: NFC-normalised (an accented letter typed as letter + accent is one character, and
    looks and sorts like the precomposed one), leading and trailing spaces dropped, every run of
    spaces inside (any Unicode space: the Chinese IME's full-width U+3000 too) made one ASCII space,
    marks beyond :data:`MAX_MARKS_PER_CHARACTER` on a letter dropped. Then it must hold something
    visible, at most :data:`MAX_NICKNAME_CHARS` grapheme clusters, and nothing invisible or refused
    (see the module's notes).
    """
    clusters = graphemes(_spaced_and_composed(text))
    for cluster in clusters:
        first = cluster[0]
        # A mark on a space is an accent floating between words: refused like one with no letter.
        starts_badly = (
            _refused(first)
            or unicodedata.category(first) in ("Mn", "Me", "Mc")
            or (first == " " and cluster != " ")
        )
        if starts_badly or not all(_allowed_inside(cluster, index) for index in range(1, len(cluster))):
            raise NicknameError(NicknameProblem.CONTROL)
    if not clusters:
        raise NicknameError(NicknameProblem.EMPTY)
    if len(clusters) > MAX_NICKNAME_CHARS:
        raise NicknameError(NicknameProblem.TOO_LONG)
    # Dropping marks can leave a letter and an accent that NFC composes (idempotent either way).
    return unicodedata.normalize("NFC", "".join(_trim_marks(cluster) for cluster in clusters))


def clean_nickname(text: str) -> str | None:
    """``text`` as it goes on the board, or None when the board refuses it (:func:`validate_nickname`
    says why)."""
    try:
        return validate_nickname(text)
    except NicknameError:
        return None
