"""The on-screen keyboard drawn: finger-sized keys with readable, unclipped labels in both languages,
typing into its field through the field's own rules, with taps only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from demos.kit.i18n import translate
from demos.kit.keyboard import PIN_LAYOUTS, PORT_LAYOUTS, TEXT_LAYOUTS, Layout
from demos.kit.keyboard_widget import LAYOUT_LABELS, TouchKeyboard
from tests.demos.screens import save

MIN_KEY_PX = 60
MIN_LABEL_PX = 18


def keyboard_for(qtbot, layouts, language="en", width=1000):
    page = QWidget()
    column = QVBoxLayout(page)
    field = QLineEdit()
    keyboard = TouchKeyboard(layouts, lambda: language)
    keyboard.serve(field)
    column.addWidget(field)
    column.addWidget(keyboard)
    qtbot.addWidget(page)
    page.resize(width, 600)
    page.show()
    return page, field, keyboard


def all_keys(keyboard):
    _, rows = keyboard._pages[keyboard.state.layout]
    return [button for row in rows for button in row]


def tap(qtbot, keyboard, label):
    [button] = [key for key in all_keys(keyboard) + keyboard.candidate_buttons if key.text() == label]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("layouts", [TEXT_LAYOUTS, PORT_LAYOUTS, PIN_LAYOUTS])
def test_keys_are_finger_sized_and_their_labels_fit(qtbot, language, layouts):
    page, field, keyboard = keyboard_for(qtbot, layouts, language)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    for layout in layouts:
        keyboard.state.layout = layout
        keyboard._refresh()
        if layout is Layout.PINYIN:
            hint = keyboard.composing_label
            assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.width(), hint.text()
            for label in "shi":
                tap(qtbot, keyboard, label)
        QApplication.processEvents()
        buttons = all_keys(keyboard) + (keyboard.candidate_buttons if layout is Layout.PINYIN else [])
        for button in buttons:
            assert button.isVisible() and button.focusPolicy() == Qt.FocusPolicy.NoFocus
            assert min(button.width(), button.height()) >= MIN_KEY_PX, button.text()
            assert button.font().pixelSize() >= MIN_LABEL_PX or button.font().pointSizeF() * 96 / 72 >= 18
            label = button.text().replace("&&", "&")
            assert label or button in keyboard.candidate_buttons  # no blank key
            if label:
                assert button.fontMetrics().horizontalAdvance(label) + 12 <= button.width(), label
        save(page, f"keyboard_{layout.value}", language)


def test_taps_type_through_the_fields_own_rules(qtbot):
    _, field, keyboard = keyboard_for(qtbot, PIN_LAYOUTS, width=400)
    field.setMaxLength(4)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,8}", field))
    edited = []
    field.textEdited.connect(edited.append)
    assert not keyboard.isVisible()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert keyboard.isVisible() and keyboard.field is field
    for label in "123456":
        tap(qtbot, keyboard, label)
    assert field.text() == "1234" and edited[-1] == "1234"  # the length limit holds
    tap(qtbot, keyboard, "Delete")
    assert field.text() == "123"
    tap(qtbot, keyboard, "Done")
    assert not keyboard.isVisible()


def test_the_symbols_a_port_needs_are_typed_as_shown(qtbot):
    _, field, keyboard = keyboard_for(qtbot, PORT_LAYOUTS)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    tap(qtbot, keyboard, "#+=")
    for label in ["/", "_", "-", ".", ":", "&&"]:
        tap(qtbot, keyboard, label)
    assert field.text() == "/_-.:&"


def test_a_disabled_field_opens_nothing_and_chinese_starts_in_pinyin(qtbot):
    _, field, keyboard = keyboard_for(qtbot, TEXT_LAYOUTS, "zh_CN")
    field.setEnabled(False)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert not keyboard.isVisible()
    field.setEnabled(True)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert keyboard.state.layout is Layout.PINYIN and keyboard.candidate_bar.isVisible()
    for label in "shi":
        tap(qtbot, keyboard, label)
    first_page = [button.text() for button in keyboard.candidate_buttons]
    qtbot.mouseClick(keyboard.next_page, Qt.MouseButton.LeftButton)
    assert [button.text() for button in keyboard.candidate_buttons] != first_page
    qtbot.mouseClick(keyboard.previous_page, Qt.MouseButton.LeftButton)
    tap(qtbot, keyboard, first_page[0])
    assert field.text() == first_page[0] and keyboard.state.composing == ""


def _key_at(keyboard, page, label):
    [button] = [key for key in all_keys(keyboard) if key.text() == label]
    return button.mapTo(page, button.rect().topLeft()), button.size()


@pytest.mark.parametrize(
    ("layouts", "language"), [(TEXT_LAYOUTS, "en"), (TEXT_LAYOUTS, "zh_CN"), (PORT_LAYOUTS, "en")]
)
def test_switching_layouts_moves_neither_the_keyboard_nor_its_keys(qtbot, layouts, language):
    """Issue 22: "#+=" (4 rows) moved the keyboard and the page under it ~34 px; pinyin's candidate
    bar pushed the keys down. The keyboard keeps its height and top edge, the digit row and the last
    row (the layout keys, Space, Done) stay under the finger."""
    page, field, keyboard = keyboard_for(qtbot, layouts, language)
    page.layout().addStretch(1)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    first = keyboard.state.layout

    def geometry():
        QApplication.processEvents()
        switch = all_keys(keyboard)[-len(layouts) - 1]  # the first layout key of the last row
        done = all_keys(keyboard)[-1]
        return (
            keyboard.mapTo(page, keyboard.rect().topLeft()),
            keyboard.size(),
            _key_at(keyboard, page, "1"),
            (switch.mapTo(page, switch.rect().topLeft()), switch.size()),
            (done.mapTo(page, done.rect().topLeft()), done.size()),
        )

    before = geometry()
    for layout in layouts:
        if layout is not keyboard.state.layout:
            tap(qtbot, keyboard, _label_of(layout))
            assert keyboard.state.layout is layout
            assert geometry() == before, layout
    tap(qtbot, keyboard, _label_of(first))
    assert geometry() == before


def _label_of(layout):
    return translate("Keyboard", LAYOUT_LABELS[layout])
