"""The attention game's result page: the score in a sentence and, under a single player's score,
a nickname box that puts it on today's board, with today's best below.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from demos.attention.flow import Mode, Outcome
from demos.attention.leaderboard import Leaderboard, NicknameError
from demos.attention.nickname import MAX_NICKNAME_CHARS, MAX_TYPED_UNITS, nickname_length
from demos.attention.sky_view import TEXT_DARK
from demos.attention.texts import names_wiped, nickname_problem
from demos.kit.i18n import fill, translate
from demos.kit.keyboard import TEXT_LAYOUTS
from demos.kit.keyboard_widget import TouchKeyboard
from demos.kit.widgets import ResultScreen, touch_button

# The colour of a refusal, and of the count once the nickname is too long.
WARNING_COLOUR = "#b42318"

#: "Pick a fun name": an adjective and an animal, each translated, joined by a translated pattern
#: ("Brave Panda", 勇敢的熊猫). Every pair fits a nickname (12 characters) in both languages.
FUN_ADJECTIVES = (
    QT_TRANSLATE_NOOP("FunNames", "Brave"),
    QT_TRANSLATE_NOOP("FunNames", "Happy"),
    QT_TRANSLATE_NOOP("FunNames", "Clever"),
    QT_TRANSLATE_NOOP("FunNames", "Swift"),
    QT_TRANSLATE_NOOP("FunNames", "Jolly"),
    QT_TRANSLATE_NOOP("FunNames", "Lucky"),
    QT_TRANSLATE_NOOP("FunNames", "Sunny"),
    QT_TRANSLATE_NOOP("FunNames", "Calm"),
)
FUN_ANIMALS = (
    QT_TRANSLATE_NOOP("FunNames", "Panda"),
    QT_TRANSLATE_NOOP("FunNames", "Tiger"),
    QT_TRANSLATE_NOOP("FunNames", "Otter"),
    QT_TRANSLATE_NOOP("FunNames", "Koala"),
    QT_TRANSLATE_NOOP("FunNames", "Fox"),
    QT_TRANSLATE_NOOP("FunNames", "Owl"),
    QT_TRANSLATE_NOOP("FunNames", "Whale"),
    QT_TRANSLATE_NOOP("FunNames", "Bunny"),
)


def fun_name(adjective: str, animal: str) -> str:
    """A friendly nickname in the current language from two of the source words above."""
    return fill(
        translate("FunNames", "%1 %2"), translate("FunNames", adjective), translate("FunNames", animal)
    )


def _english() -> str:
    return "en"


def show_today_best(
    label: QLabel, board: Leaderboard | None, mode: Mode | None, *, with_notice: bool = True
) -> None:
    """Today's best of ``mode`` (both single modes when None) in ``label``; hidden without a board.
    ``with_notice``: end with when the names are wiped (off where the page says it already).

    Headings are bold, not underlined (an underline reads as a link), and nothing is in italics:
    Chinese fonts have none, so Qt slants the glyphs into a hard-to-read fake italic."""
    if board is None:
        label.setVisible(False)
        return
    label.setVisible(True)
    modes = [mode] if mode is not None else [Mode.FOCUS, Mode.RELAX]
    heading = translate("Attention", "Today's best")
    parts = [f"<b>{html.escape(heading)}</b>"]
    for shown in modes:
        title = translate("Attention", "Focus") if shown is Mode.FOCUS else translate("Attention", "Relax")
        rows = board.today_best(shown.value, 5)
        lines = [
            f"{place}. {entry.score} · {html.escape(entry.nickname)}" for place, entry in enumerate(rows, 1)
        ]
        parts.append(f"<br><b>{html.escape(title)}</b><br>" + ("<br>".join(lines) or "–"))
    if with_notice:
        parts.append(f"<br>{html.escape(names_wiped(board.retention))}")
    label.setText("".join(parts))


class ScoreEntry(QWidget):
    """Under a single player's score: a nickname box and Save, what was wrong with the nickname or
    the place the score took, and today's best of that game.

    A score goes on the board once: :attr:`saved` stays set until the screen starts a new round.
    A tap on the nickname box opens the on-screen keyboard under it (the kiosk has no other), in
    the visitor's language (``language()``: pinyin for Chinese); while it is open it takes today's
    best's place, so the page still fits the screen. Done saves, like Save. "Pick a fun name" fills
    in a friendly one (``random`` picks it; injected by tests).
    """

    def __init__(
        self,
        board: Leaderboard | None,
        language: Callable[[], str] = _english,
        parent: QWidget | None = None,
        random_source: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.random = random_source or random.Random()
        self.board = board  # None without a data folder, or once the screen has closed it
        self.outcome: Outcome | None = None  # the round shown, the one Save puts on the board
        self.saved = False
        self._saved_place = 0
        self.nickname = QLineEdit()
        self.nickname.setMaxLength(MAX_TYPED_UNITS)  # room to type; the check says what is too long
        self.nickname.setMinimumHeight(52)
        self.nickname.setStyleSheet("font-size: 22px;")
        self.nickname.returnPressed.connect(self.save_score)
        # A bound method, not a lambda: the box is parentless while not shown, and a lambda would
        # keep it alive through itself (the soak benchmark counts closed screens).
        self.nickname.textEdited.connect(self._on_nickname_edited)
        # "7 / 12" as the visitor types, counted as Save counts, red past the limit: no surprise on Save.
        self.nickname.textChanged.connect(self._show_count)
        self.count_label = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.save_button = touch_button()
        self.save_button.clicked.connect(self.save_score)
        self.fun_name_button = touch_button(primary=False)
        self.fun_name_button.clicked.connect(self.pick_fun_name)
        self.keyboard = TouchKeyboard(TEXT_LAYOUTS, language)
        self.keyboard.serve(self.nickname)
        self.keyboard.sigOpening.connect(self._on_keyboard_opening)
        self.keyboard.sigDone.connect(self.save_score)
        self.save_message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.save_message.setStyleSheet("font-size: 20px;")
        # When the board forgets the name, right where it is typed (the intro promises no name is kept).
        self.privacy_note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.privacy_note.setStyleSheet(f"font-size: 20px; color: {TEXT_DARK};")
        self.board_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.board_label.setTextFormat(Qt.TextFormat.RichText)
        self.board_label.setStyleSheet(f"font-size: 20px; color: {TEXT_DARK};")
        save_row = QHBoxLayout()
        save_row.addWidget(self.nickname, 1)
        save_row.addWidget(self.fun_name_button)
        save_row.addWidget(self.save_button)
        # The page is centred on the screen, so anything here that changed height would move the
        # nickname box the visitor just tapped: the keyboard takes today's best's place in one cell
        # as tall as the keyboard, open or not, and the message keeps room for two lines.
        self.board_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        keep = self.keyboard.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.keyboard.setSizePolicy(keep)
        self.save_message.ensurePolished()
        self.save_message.setMinimumHeight(2 * self.save_message.fontMetrics().lineSpacing())
        keyboard_or_board = QGridLayout()
        keyboard_or_board.addWidget(self.keyboard, 0, 0)
        keyboard_or_board.addWidget(self.board_label, 0, 0)
        save_column = QVBoxLayout(self)
        save_column.addLayout(save_row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.privacy_note, 1)
        note_row.addWidget(self.count_label)
        save_column.addLayout(note_row)
        save_column.addWidget(self.save_message)
        save_column.addLayout(keyboard_or_board)
        save_column.addStretch(1)

    def show_outcome(self, outcome: Outcome, fresh: bool) -> None:
        """Offer ``outcome``'s score for the board; ``fresh`` when its round just ended (the
        nickname box starts empty)."""
        self.outcome = outcome
        self.retranslate()  # the board's retention is the staff's choice when this screen opened
        self.keyboard.close_keyboard()
        for widget in (self.nickname, self.save_button, self.fun_name_button):
            widget.setEnabled(not self.saved)
        if fresh:
            self.nickname.clear()
            self.save_message.clear()
        elif self.saved:
            self._show_saved()
        show_today_best(self.board_label, self.board, outcome.mode, with_notice=False)

    def save_score(self) -> None:
        """Put the visitor's score on today's board under the nickname typed, or say what is wrong."""
        outcome = self.outcome
        if self.board is None or outcome is None or self.saved or outcome.mode is Mode.DUEL:
            return
        place = self.board.rank_today(outcome.mode.value, outcome.scores[0])
        try:
            self.board.add(self.nickname.text(), outcome.mode.value, outcome.scores[0])
        except NicknameError as error:
            self.save_message.setStyleSheet(f"font-size: 20px; color: {WARNING_COLOUR};")
            self.save_message.setText(nickname_problem(error.reason))
            if not self.keyboard.isVisible() and self.keyboard.field is not None:
                self.keyboard.open_for(self.nickname)  # Done hid it: the visitor types on
            return
        self.saved = True
        self.keyboard.close_keyboard()
        for widget in (self.nickname, self.save_button, self.fun_name_button):
            widget.setEnabled(False)
        self._saved_place = place
        self.save_message.setStyleSheet("font-size: 20px; color: #2d6a4f;")
        self._show_saved()
        show_today_best(self.board_label, self.board, outcome.mode, with_notice=False)

    def pick_fun_name(self) -> None:
        """Fill in a random friendly nickname in the visitor's language (it can still be edited)."""
        self.nickname.setText(fun_name(self.random.choice(FUN_ADJECTIVES), self.random.choice(FUN_ANIMALS)))
        self.save_message.clear()

    def _on_nickname_edited(self, _text: str) -> None:
        self.save_message.clear()  # the last complaint goes as the visitor types again

    def _show_count(self) -> None:
        count = nickname_length(self.nickname.text())
        too_long = count > MAX_NICKNAME_CHARS
        text = (
            translate("Attention", "%1 / %2 characters: too long")
            if too_long
            else translate("Attention", "%1 / %2 characters")
        )
        self.count_label.setStyleSheet(
            f"font-size: 20px; color: {WARNING_COLOUR if too_long else TEXT_DARK};"
        )
        self.count_label.setText(fill(text, count, MAX_NICKNAME_CHARS))
        # As wide as its longest text, so the privacy note beside it never rewraps as the count grows.
        self.count_label.ensurePolished()
        longest = fill(
            translate("Attention", "%1 / %2 characters: too long"), MAX_TYPED_UNITS, MAX_NICKNAME_CHARS
        )
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(longest))

    def _on_keyboard_opening(self, _field: QLineEdit) -> None:
        self.board_label.hide()  # the keyboard takes its place; saving shows it again

    def _show_saved(self) -> None:
        self.save_message.setText(fill(translate("Attention", "Saved: number %1 today!"), self._saved_place))

    def retranslate(self) -> None:
        self.nickname.setPlaceholderText(translate("Attention", "Nickname"))
        self.save_button.setText(translate("Attention", "Save"))
        self.fun_name_button.setText(translate("Attention", "Pick a fun name"))
        self.privacy_note.setText(names_wiped(self.board.retention) if self.board is not None else "")
        self._show_count()


def show_score(result: ResultScreen, outcome: Outcome, entry: ScoreEntry, fresh: bool) -> None:
    """A finished round on the result page: the score and what it means (or why there is none),
    and under a single player's score ``entry``, when there is a board to put it on; ``fresh``
    when the round just ended."""
    if not outcome.measured:
        result.show_result(
            translate("Attention", "We could not measure this round"),
            translate(
                "Attention",
                "Blinks, movement or the headset covered most of it, so there is no score this time. "
                "Sit still, relax your face and try again; a member of staff can check the headset.",
            ),
            translate("Attention", "Play again"),
            None,
        )
        return
    if outcome.mode is Mode.DUEL:
        result.show_result(
            translate("Attention", "A draw!")
            if outcome.winner is None
            else fill(translate("Attention", "Player %1 wins!"), outcome.winner + 1),
            fill(
                translate(
                    "Attention",
                    "Average focus of player 1: %1; of player 2: %2 (50 = as focused as at rest).",
                ),
                *outcome.scores,
            ),
            translate("Attention", "How it worked"),
            translate("Attention", "Play again"),
        )
        return
    score = outcome.scores[0]
    if outcome.mode is Mode.FOCUS:
        headline = fill(translate("Attention", "Your focus score: %1"), score)
        scale = translate("Attention", "50 is how focused you were at rest with your eyes open.")
    else:
        headline = fill(translate("Attention", "Your relax score: %1"), score)
        scale = translate(
            "Attention",
            "50 is halfway from how you were with your eyes open to how you were with them closed.",
        )
    if entry.board is not None:
        scale += " " + translate(
            "Attention", "Put your nickname on today's board, if you like (no real names needed)."
        )
    result.show_result(
        headline, scale, translate("Attention", "How it worked"), translate("Attention", "Play again")
    )
    if entry.board is not None:
        entry.show_outcome(outcome, fresh)
        result.set_picture(entry)
