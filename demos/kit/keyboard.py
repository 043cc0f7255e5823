"""The on-screen keyboard's logic: its layouts, and what each key does to the text (no Qt).

The kiosk is touch only: no physical keyboard, and no system on-screen keyboard we can count on,
so every text field a visitor or staff member fills has the app's own keyboard
(:mod:`demos.kit.keyboard_widget` draws it). Here is everything it decides, testable without a
screen: which keys each layout has, the shift and the pinyin being composed, the candidate
characters, and the :class:`Edit` each key press makes to the field (the field's own rules, such as
a validator or the nickname check, still apply to what arrives).

Layouts: English letters and digits (:attr:`Layout.LETTERS`), Chinese by pinyin
(:attr:`Layout.PINYIN`: letters compose a syllable, a tap on a candidate types its character),
digits alone for a PIN (:attr:`Layout.DIGITS`) and a symbols layer (:attr:`Layout.SYMBOLS`: a
serial port's ``/dev/ttyUSB0``, ``COM3``, ``/``, ``_``, ``-``, ``.``, ``:``). A field offers the
layouts it needs (:data:`TEXT_LAYOUTS`, :data:`PORT_LAYOUTS`, :data:`PIN_LAYOUTS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from demos.kit.pinyin import PinyinTable, pinyin_table


class Layout(StrEnum):
    LETTERS = "letters"
    PINYIN = "pinyin"
    DIGITS = "digits"
    SYMBOLS = "symbols"


class KeyKind(StrEnum):
    CHARACTER = "character"  # types its text (a letter composes pinyin in the pinyin layout)
    SHIFT = "shift"
    BACKSPACE = "backspace"
    SPACE = "space"
    DONE = "done"
    LAYOUT = "layout"  # switches to its layout


@dataclass(frozen=True, slots=True)
class Key:
    """One key: ``text`` for a character key, ``layout`` for a layout key; ``width`` in key widths."""

    kind: KeyKind
    text: str = ""
    layout: Layout | None = None
    width: float = 1.0


@dataclass(frozen=True, slots=True)
class Edit:
    """What a key press does to the field: insert ``insert`` at the cursor, after deleting
    ``delete`` characters before it; ``done`` when the visitor is finished."""

    insert: str = ""
    delete: int = 0
    done: bool = False


#: A nickname's layouts (the first one the keyboard opens in is chosen by language).
TEXT_LAYOUTS = (Layout.LETTERS, Layout.PINYIN, Layout.SYMBOLS)
#: A serial port: letters, digits and the symbols of a device path.
PORT_LAYOUTS = (Layout.LETTERS, Layout.SYMBOLS)
#: A PIN: digits only.
PIN_LAYOUTS = (Layout.DIGITS,)
#: How many candidate characters show at once (the rest are a page turn away).
CANDIDATES_PER_PAGE = 9

_DIGIT_ROW = "1234567890"
_LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SYMBOL_ROWS = ("/_-.:\\@#", "!?,'()+&")


_WIDE = 1.5


def _characters(text: str, width: float = 1.0) -> tuple[Key, ...]:
    return tuple(Key(KeyKind.CHARACTER, char, width=width) for char in text)


@dataclass
class KeyboardState:
    """The keyboard for one field: the layouts it offers, the one shown, shift, and the pinyin typed.

    :meth:`press` turns a key into an :class:`Edit` for the field; :meth:`pick` types a candidate.
    """

    layouts: Sequence[Layout] = TEXT_LAYOUTS
    layout: Layout = Layout.LETTERS
    shifted: bool = False
    composing: str = ""  # pinyin letters typed, not yet a character
    page: int = 0  # the candidates' page shown
    table: PinyinTable | None = field(default=None, repr=False)  # read when pinyin is first needed

    def __post_init__(self) -> None:
        if not self.layouts:
            raise ValueError("a keyboard needs at least one layout")
        if self.layout not in self.layouts:
            self.layout = self.layouts[0]

    def open(self, layout: Layout | None = None) -> None:
        """Start afresh for a field (nothing composed, no shift) in ``layout`` if offered."""
        self.composing, self.page, self.shifted = "", 0, False
        if layout in self.layouts:
            self.layout = layout  # type: ignore[assignment]  # checked: one of the layouts

    def rows(self) -> tuple[tuple[Key, ...], ...]:
        """The keys of the layout shown, row by row (the last row holds the layout keys, space, done)."""
        if self.layout is Layout.DIGITS:  # a phone's keypad, keys wide enough for "Delete"
            return (
                *(_characters(digits, _WIDE) for digits in ("123", "456", "789")),
                (
                    Key(KeyKind.BACKSPACE, width=_WIDE),
                    Key(KeyKind.CHARACTER, "0", width=_WIDE),
                    Key(KeyKind.DONE, width=_WIDE),
                ),
            )
        if self.layout is Layout.SYMBOLS:
            body = [_characters(_DIGIT_ROW), _characters(_SYMBOL_ROWS[0]), _characters(_SYMBOL_ROWS[1])]
            body[2] += (Key(KeyKind.BACKSPACE, width=1.5),)
        else:
            upper = self.shifted and self.layout is Layout.LETTERS
            letters = [row.upper() if upper else row for row in _LETTER_ROWS]
            body = [_characters(_DIGIT_ROW), _characters(letters[0]), _characters(letters[1])]
            shift = (Key(KeyKind.SHIFT, width=1.5),) if self.layout is Layout.LETTERS else ()
            body.append((*shift, *_characters(letters[2]), Key(KeyKind.BACKSPACE, width=1.5)))
        switches = tuple(
            Key(KeyKind.LAYOUT, layout=other, width=1.5) for other in self.layouts if other is not self.layout
        )
        return (*body, (*switches, Key(KeyKind.SPACE, width=4.0), Key(KeyKind.DONE, width=2.0)))

    # --- pinyin --------------------------------------------------------------------------------------
    def candidates(self) -> tuple[int, str]:
        """``(letters used, characters)`` for the pinyin composed; ``(0, "")`` when none is."""
        if not self.composing:
            return 0, ""
        if self.table is None:
            self.table = pinyin_table()
        return self.table.candidates(self.composing)

    def page_of_candidates(self) -> str:
        """The candidates on the page shown."""
        _, found = self.candidates()
        start = self.page * CANDIDATES_PER_PAGE
        return found[start : start + CANDIDATES_PER_PAGE]

    def page_count(self) -> int:
        _, found = self.candidates()
        return max(1, -(-len(found) // CANDIDATES_PER_PAGE))

    def turn_page(self, step: int) -> None:
        self.page = min(max(0, self.page + step), self.page_count() - 1)

    def pick(self, index: int) -> Edit:
        """Type the ``index``-th candidate of the page shown; the letters it used are consumed."""
        shown = self.page_of_candidates()
        if not 0 <= index < len(shown):
            return Edit()
        used, _ = self.candidates()
        self.composing, self.page = self.composing[used:], 0
        return Edit(insert=shown[index])

    # --- keys ----------------------------------------------------------------------------------------
    def press(self, key: Key) -> Edit:
        """What ``key`` does: an :class:`Edit` for the field (empty when it only changes the keyboard)."""
        if key.kind is KeyKind.CHARACTER:
            if self.layout is Layout.PINYIN and key.text.isalpha():
                self.composing, self.page = self.composing + key.text, 0
                return Edit()
            self.shifted = False  # one capital, as phone keyboards do
            return Edit(insert=key.text)
        if key.kind is KeyKind.SHIFT:
            self.shifted = not self.shifted
            return Edit()
        if key.kind is KeyKind.BACKSPACE:
            if self.composing:
                self.composing, self.page = self.composing[:-1], 0
                return Edit()
            return Edit(delete=1)
        if key.kind is KeyKind.SPACE:
            if self.composing:  # space types the first candidate, as pinyin input methods do
                return self.pick(0) if self.page_of_candidates() else self._flush()
            return Edit(insert=" ")
        if key.kind is KeyKind.LAYOUT and key.layout is not None:
            flushed = self._flush()
            self.layout, self.shifted = key.layout, False
            return flushed
        if key.kind is KeyKind.DONE:
            return Edit(insert=self._flush().insert, done=True)
        return Edit()

    def _flush(self) -> Edit:
        """Letters composed but never made a character are typed as letters (a name like "Li")."""
        letters, self.composing, self.page = self.composing, "", 0
        return Edit(insert=letters)
