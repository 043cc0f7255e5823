"""The console's Demos tab: each demo's declared :class:`demos.base.StaffSetting` values, and the
shell's flicker limit, stored as they change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.config import MAX_FLICKER
from app.staff_console.host import StaffHost
from app.staff_console.menu_order import declared_settings, demo_title
from app.staff_console.widgets import FIELD_MAX_PX, TouchSpin, _label, _scrolling
from demos.base import StaffSetting
from demos.kit.i18n import Retranslating, translate
from demos.kit.widgets import TOUCH_MIN_PX, touch_button, touch_combo_box
from demos.registry import DemoEntry


class DemosSection(Retranslating, QWidget):
    """The shell's flicker limit and every demo's declared staff settings, stored as they change."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        #: (demo id, key) -> (its declaration, its editor, the demo's translation context)
        self.editors: dict[tuple[str, str], tuple[StaffSetting, QWidget, str]] = {}
        self.captions: list[tuple[QLabel, str, str]] = []  # (label, context, source text)
        self.groups: list[tuple[QGroupBox, DemoEntry]] = []
        self.reset_buttons: list[QPushButton] = []
        self.intro_label = _label("consoleHint")
        self.safety_box = QGroupBox()
        safety = QFormLayout(self.safety_box)
        self.flicker_caption = QLabel()
        self.flicker_spin = QDoubleSpinBox()
        self.flicker_spin.setRange(*MAX_FLICKER.bounds)
        self.flicker_spin.setDecimals(0)
        self.flicker_spin.setSingleStep(1.0)
        self.flicker_spin.valueChanged.connect(
            lambda value: MAX_FLICKER.write(self.host.settings, float(value))
        )
        safety.addRow(self.flicker_caption, TouchSpin(self.flicker_spin))
        self.flicker_hint = _label("consoleHint")
        safety.addRow("", self.flicker_hint)
        page = QWidget()
        self.column = QVBoxLayout(page)
        self.column.setContentsMargins(16, 8, 16, 16)
        self.column.addWidget(self.intro_label)
        self.column.addWidget(self.safety_box)
        for entry in host.entries:
            declared = declared_settings(entry) if entry.demo_class is not None else ()
            if declared:
                self.column.addWidget(self._demo_box(entry, declared))
        self.column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self.reload()
        self.retranslate()

    def _demo_box(self, entry: DemoEntry, declared: Sequence[StaffSetting]) -> QGroupBox:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setVerticalSpacing(10)
        context = entry.demo_class.translation_context if entry.demo_class is not None else "demos"
        for setting in declared:
            editor = self._editor(entry.key, setting)
            caption = QLabel()
            caption.setWordWrap(True)
            self.captions.append((caption, context, setting.label))
            form.addRow(caption, TouchSpin(editor) if isinstance(editor, QAbstractSpinBox) else editor)
            self.editors[entry.key, setting.key] = (setting, editor, context)
        reset = touch_button(primary=False)
        reset.clicked.connect(lambda _=False, chosen=entry.key: self.restore_defaults(chosen))
        self.reset_buttons.append(reset)
        line = QHBoxLayout()
        line.addWidget(reset)
        line.addStretch(1)
        form.addRow("", line)
        self.groups.append((box, entry))
        return box

    def _editor(self, demo_id: str, setting: StaffSetting) -> QWidget:
        store = self.host.settings.for_demo(demo_id)
        editor: QWidget
        if setting.kind == "int":
            editor = QSpinBox()
            editor.setRange(int(setting.low), int(setting.high))  # type: ignore[arg-type]
            editor.setSingleStep(int(setting.step or 1))
            editor.valueChanged.connect(lambda value: store.set_value(setting.key, int(value)))
        elif setting.kind == "float":
            editor = QDoubleSpinBox()
            step = float(setting.step or 0.1)
            editor.setDecimals(0 if step >= 1 else 1 if step >= 0.1 else 2)
            editor.setRange(float(setting.low), float(setting.high))  # type: ignore[arg-type]
            editor.setSingleStep(step)
            editor.valueChanged.connect(lambda value: store.set_value(setting.key, float(value)))
        elif setting.kind == "bool":
            editor = QCheckBox()
            editor.toggled.connect(lambda on: store.set_value(setting.key, bool(on)))
        else:
            editor = touch_combo_box()
            editor.setMaximumWidth(FIELD_MAX_PX)
            for value, _label in setting.choices:
                editor.addItem(value, value)
            editor.activated.connect(
                lambda index, box=editor: store.set_value(setting.key, box.itemData(index))
            )
        editor.setMinimumHeight(TOUCH_MIN_PX)
        return editor

    def reload(self) -> None:
        """Show what is stored now (a garbage value shows as the demo would read it)."""
        self.flicker_spin.blockSignals(True)
        self.flicker_spin.setValue(MAX_FLICKER.read(self.host.settings))
        self.flicker_spin.blockSignals(False)
        for (demo_id, _key), (setting, editor, _context) in self.editors.items():
            value = setting.read(self.host.settings.for_demo(demo_id))
            editor.blockSignals(True)
            if isinstance(editor, QSpinBox | QDoubleSpinBox):
                editor.setValue(value)
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.blockSignals(False)

    def restore_defaults(self, demo_id: str) -> None:
        store = self.host.settings.for_demo(demo_id)
        for (owner, _key), (setting, _editor, _context) in self.editors.items():
            if owner == demo_id:
                store.set_value(setting.key, setting.default)
        self.reload()

    def retranslate(self) -> None:
        self.intro_label.setText(
            translate(
                "StaffConsole", "Changes are saved at once and apply the next time a visitor opens the demo."
            )
        )
        self.safety_box.setTitle(translate("StaffConsole", "Safety"))
        self.flicker_caption.setText(translate("StaffConsole", "Longest flicker (s)"))
        self.flicker_hint.setText(
            translate(
                "StaffConsole",
                "Flashing demos stop after this long without a break (photosensitivity).",
            )
        )
        for caption, context, source in self.captions:
            caption.setText(QCoreApplication.translate(context, source))
        for box, entry in self.groups:
            box.setTitle(demo_title(entry))
        for setting, editor, context in self.editors.values():
            if isinstance(editor, QComboBox):
                for index, (_value, label) in enumerate(setting.choices):
                    editor.setItemText(index, QCoreApplication.translate(context, label))
        for button in self.reset_buttons:
            button.setText(translate("StaffConsole", "Restore defaults"))
