"""The on-screen keyboard every kiosk text field uses: :class:`TouchKeyboard`.

The kiosk is touch only, so a field a visitor or staff member must fill (a nickname, a serial port,
a new PIN) gets this keyboard. It only draws :class:`demos.kit.keyboard.KeyboardState` and applies
the :class:`~demos.kit.keyboard.Edit` each key makes to the field it serves, through the field's own
``insert`` and ``backspace``, so the field's validator, length limit and ``textEdited`` signal work
as for typed text.

The caller puts the keyboard in its layout under the field(s) it serves, so it never covers them;
it stays hidden until one of them is tapped (:meth:`TouchKeyboard.serve`) and hides again on Done.
Keys are at least :data:`KEY_MIN_PX` square with :data:`KEY_FONT_PX` labels, and never take the
focus, so the field keeps its cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from demos.kit.i18n import Retranslating, translate
from demos.kit.keyboard import CANDIDATES_PER_PAGE, TEXT_LAYOUTS, Edit, Key, KeyboardState, KeyKind, Layout

#: A key's smallest side: a fingertip on a 1080p screen (about 11 mm on a 24" one).
KEY_MIN_PX = 64
#: A key label's size: readable from 1 m, like every visitor text.
KEY_FONT_PX = 24
SPACING_PX = 6

STYLE_SHEET = f"""
QPushButton#kbKey, QPushButton#kbAction, QPushButton#kbCandidate {{
    font-size: {KEY_FONT_PX}px; color: #1f2d3d; background: white; border: 2px solid #9aa5b1;
    border-radius: 10px; padding: 0 6px;
}}
QPushButton#kbAction {{ background: #e3e7ec; font-size: 20px; font-weight: 600; }}
QPushButton#kbDone {{
    font-size: 20px; font-weight: 600; color: white; background: #4c72b0; border: none; border-radius: 10px;
}}
QPushButton#kbCandidate {{ font-size: 28px; }}
QPushButton:pressed {{ background: #cfd8e6; }}
QPushButton#kbKey:checked, QPushButton#kbAction:checked {{ background: #b8c4db; }}
QLabel#kbComposing {{ font-size: 22px; color: #1f2d3d; }}
QLabel#kbComposing:disabled {{ color: #6b7785; }}
QWidget#kbPanel {{ background: #f1f3f6; border-radius: 12px; }}
"""

#: The labels of keys that type nothing, in the keyboard's translation context.
ACTION_LABELS = {
    KeyKind.SHIFT: QT_TRANSLATE_NOOP("Keyboard", "Shift"),
    KeyKind.BACKSPACE: QT_TRANSLATE_NOOP("Keyboard", "Delete"),
    KeyKind.SPACE: QT_TRANSLATE_NOOP("Keyboard", "Space"),
    KeyKind.DONE: QT_TRANSLATE_NOOP("Keyboard", "Done"),
}
LAYOUT_LABELS = {
    Layout.LETTERS: QT_TRANSLATE_NOOP("Keyboard", "ABC"),
    Layout.PINYIN: QT_TRANSLATE_NOOP("Keyboard", "Pinyin"),
    Layout.SYMBOLS: QT_TRANSLATE_NOOP("Keyboard", "#+="),
    Layout.DIGITS: QT_TRANSLATE_NOOP("Keyboard", "123"),
}


def _key_button(object_name: str, width_keys: float = 1.0) -> QPushButton:
    button = QPushButton()
    button.setObjectName(object_name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus and its cursor
    button.setMinimumSize(round(KEY_MIN_PX * width_keys), KEY_MIN_PX)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def key_label(key: Key) -> str:
    """What ``key`` shows, in the current language."""
    if key.kind is KeyKind.CHARACTER:
        return key.text.replace("&", "&&")  # a lone "&" would mark a shortcut and show nothing
    if key.kind is KeyKind.LAYOUT and key.layout is not None:
        return translate("Keyboard", LAYOUT_LABELS[key.layout])
    return translate("Keyboard", ACTION_LABELS[key.kind])


class TouchKeyboard(Retranslating, QWidget):
    """A keyboard drawn in the caller's layout that types into the field it serves.

    ``layouts`` are the layouts offered (the first opens unless ``language()`` is Chinese and pinyin
    is offered). :meth:`serve` registers a field: a tap on it opens the keyboard for it.
    :attr:`sigOpening` (the field) comes just before the keyboard shows, for a caller that moves it
    under that field; :attr:`sigDone` when Done is touched (the keyboard hides).
    """

    sigOpening = Signal(QLineEdit)
    sigDone = Signal()

    def __init__(
        self,
        layouts: Sequence[Layout] = TEXT_LAYOUTS,
        language: Callable[[], str] = lambda: "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kbPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE_SHEET)
        # As tall as its keys, never stretched by the page around it (a form row would, with gaps).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.state = KeyboardState(tuple(layouts))
        self._language = language
        self._fields: list[QLineEdit] = []
        self.field: QLineEdit | None = None
        self.composing_label = QLabel()
        self.composing_label.setObjectName("kbComposing")
        self.candidate_buttons = [_key_button("kbCandidate") for _ in range(CANDIDATES_PER_PAGE)]
        self.previous_page, self.next_page = _key_button("kbAction"), _key_button("kbAction")
        self.previous_page.setText("◀")
        self.next_page.setText("▶")
        self.previous_page.clicked.connect(self._on_previous_page)
        self.next_page.clicked.connect(self._on_next_page)
        self.candidate_bar = QWidget()
        bar = QHBoxLayout(self.candidate_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(SPACING_PX)
        self.composing_label.setMinimumWidth(KEY_MIN_PX * 2)
        bar.addWidget(self.composing_label)
        for index, button in enumerate(self.candidate_buttons):
            keep = button.sizePolicy()
            keep.setRetainSizeWhenHidden(True)  # the bar keeps its height with no candidate shown
            button.setSizePolicy(keep)
            button.setProperty("candidate", index)
            button.clicked.connect(self._on_candidate)
            bar.addWidget(button)
        bar.addWidget(self.previous_page)
        bar.addWidget(self.next_page)
        if Layout.PINYIN in self.state.layouts:  # its room stays in every layout: the keys never move
            keep = self.candidate_bar.sizePolicy()
            keep.setRetainSizeWhenHidden(True)
            self.candidate_bar.setSizePolicy(keep)
        # One page of keys per layout, built once: the buttons stay, shift only relabels them. A
        # stack is as tall as its tallest page, so switching layouts moves neither the keyboard's
        # top edge nor its keys (a page with fewer rows keeps its last row at the bottom).
        self._pages: dict[Layout, tuple[QWidget, list[list[QPushButton]]]] = {}
        self.page_stack = QStackedWidget()
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACING_PX, SPACING_PX, SPACING_PX, SPACING_PX)
        column.setSpacing(SPACING_PX)
        column.addWidget(self.candidate_bar)
        column.addWidget(self.page_stack)
        for layout in self.state.layouts:
            page = self._build_page(layout)
            self.page_stack.addWidget(page[0])
            self._pages[layout] = page
        self.hide()
        self.retranslate()

    def _build_page(self, layout: Layout) -> tuple[QWidget, list[list[QPushButton]]]:
        shown = self.state.layout
        self.state.layout = layout
        rows = self.state.rows()
        self.state.layout = shown
        page = QWidget()
        page_column = QVBoxLayout(page)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.setSpacing(SPACING_PX)
        buttons: list[list[QPushButton]] = []
        for row_index, row in enumerate(rows):
            if row_index == len(rows) - 1:
                page_column.addStretch(1)  # the layout keys, Space and Done stay at the bottom
            line = QHBoxLayout()
            line.setSpacing(SPACING_PX)
            row_buttons = []
            for column_index, key in enumerate(row):
                name = {KeyKind.CHARACTER: "kbKey", KeyKind.DONE: "kbDone"}.get(key.kind, "kbAction")
                button = _key_button(name, key.width)
                button.setCheckable(key.kind is KeyKind.SHIFT)
                button.setProperty("key", (row_index, column_index))
                button.clicked.connect(self._on_key)
                line.addWidget(button, round(key.width * 10))
                row_buttons.append(button)
            page_column.addLayout(line)
            buttons.append(row_buttons)
        return page, buttons

    # --- fields --------------------------------------------------------------------------------------
    def serve(self, field: QLineEdit) -> None:
        """Open the keyboard for ``field`` whenever it is tapped."""
        self._fields.append(field)
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched in self._fields and watched.isEnabled():
            self.open_for(watched)  # type: ignore[arg-type]  # one of the served QLineEdits
        return False  # the field still gets the tap (it places its cursor)

    def open_for(self, field: QLineEdit) -> None:
        """Type into ``field`` from now, in the visitor's language's layout if offered."""
        if field is not self.field or not self.isVisible():
            chinese = self._language().startswith("zh") and Layout.PINYIN in self.state.layouts
            self.state.open(Layout.PINYIN if chinese else Layout.LETTERS)
        self.field = field
        self.sigOpening.emit(field)
        self._refresh()
        self.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal(field)

    def _reveal(self, field: QLineEdit) -> None:
        """In a scrolling page (the staff console), scroll so the keys show, and the field above them."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.widget() is None:
            return
        # The page grows by the keyboard only once its layout has run: run it now, not later.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        parent.ensureWidgetVisible(self, 0, 0)
        parent.ensureWidgetVisible(field, 0, 0)  # the field wins if both cannot show

    def close_keyboard(self) -> None:
        self.state.open()
        self.hide()

    # --- keys ----------------------------------------------------------------------------------------
    # Bound methods reading the sender, not lambdas: a lambda holding ``self`` in its own child's
    # connection is a cycle only Python's collector frees, at a moment of its choosing.
    def _on_key(self) -> None:
        row, column = self.sender().property("key")
        self._apply(self.state.press(self.state.rows()[row][column]))

    def _on_candidate(self) -> None:
        self._apply(self.state.pick(int(self.sender().property("candidate"))))

    def _on_previous_page(self) -> None:
        self._turn_page(-1)

    def _on_next_page(self) -> None:
        self._turn_page(1)

    def _apply(self, edit: Edit) -> None:
        field = self.field
        if field is not None and field.isEnabled():
            for _ in range(edit.delete):
                field.backspace()
            if edit.insert:
                field.insert(edit.insert)
        if edit.done:
            self.close_keyboard()
            self.sigDone.emit()
        else:
            self._refresh()

    def _turn_page(self, step: int) -> None:
        self.state.turn_page(step)
        self._refresh()

    def _refresh(self) -> None:
        """Show the layout in use, its labels (shift), and the pinyin composed with its candidates."""
        self.page_stack.setCurrentWidget(self._pages[self.state.layout][0])
        _, buttons = self._pages[self.state.layout]
        for row, keys in zip(buttons, self.state.rows(), strict=True):
            for button, key in zip(row, keys, strict=True):
                button.setText(key_label(key))
                if key.kind is KeyKind.SHIFT:
                    button.setChecked(self.state.shifted)
        pinyin = self.state.layout is Layout.PINYIN
        self.candidate_bar.setVisible(pinyin)
        shown = self.state.page_of_candidates()
        composing = self.state.composing
        self.composing_label.setText(composing or translate("Keyboard", "Type pinyin"))
        self.composing_label.setEnabled(bool(composing))  # the hint is greyed
        for index, button in enumerate(self.candidate_buttons):
            button.setText(shown[index] if index < len(shown) else "")
            button.setVisible(index < len(shown))
        self.previous_page.setEnabled(self.state.page > 0)
        self.next_page.setEnabled(self.state.page < self.state.page_count() - 1)

    def retranslate(self) -> None:
        self._refresh()
