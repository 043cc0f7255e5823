"""The console's Menu tab: which demos visitors see, and in what order (stored through
:mod:`app.staff_console.menu_order`)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.staff_console.host import StaffHost
from app.staff_console.menu_order import demo_title, hidden_ids, ordered_entries, write_menu
from app.staff_console.widgets import FIELD_MAX_PX, _label, _scrolling, _step_button
from demos.kit.i18n import Retranslating, translate

log = logging.getLogger(__name__)


class MenuSection(Retranslating, QWidget):
    """Which demos the menu shows, in what order: a row per demo with a Show box and up / down."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.order: list[str] = []
        self.hidden: set[str] = set()
        self.intro_label = _label("consoleHint")
        self.warning_label = _label("consoleWarning")
        self.rows_host = QWidget()
        self.rows_host.setMaximumWidth(FIELD_MAX_PX + 100)  # the arrows stay near the names they move
        self.rows = QVBoxLayout(self.rows_host)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(8)
        self.show_boxes: dict[str, QCheckBox] = {}
        self.move_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(16, 16, 16, 16)
        column.addWidget(self.intro_label)
        column.addWidget(self.warning_label)
        column.addWidget(self.rows_host)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(page))
        self.reload()

    def reload(self) -> None:
        """Read the order and the hidden demos from the settings."""
        settings = self.host.settings
        self.order = [entry.key for entry in ordered_entries(self.host.entries, settings)]
        self.hidden = hidden_ids(settings) & set(self.order)
        self._build_rows()

    def move(self, key: str, step: int) -> None:
        """Move a demo up (-1) or down (+1) the menu."""
        index = self.order.index(key)
        target = index + step
        if 0 <= target < len(self.order):
            self.order[index], self.order[target] = self.order[target], self.order[index]
            self._store()
            self._build_rows()

    def set_shown(self, key: str, shown: bool) -> None:
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self._store()
        self._show_warning()

    def _store(self) -> None:
        write_menu(self.host.settings, self.order, self.hidden)
        try:
            self.host.menu_changed()
        except Exception:
            log.exception("the menu could not be rebuilt")

    def _build_rows(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.show_boxes.clear()
        self.move_buttons.clear()
        titles = {entry.key: demo_title(entry) for entry in self.host.entries}
        for index, key in enumerate(self.order):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(8, 4, 8, 4)
            box = QCheckBox(titles.get(key, key))
            box.setObjectName("menuShow")
            box.setChecked(key not in self.hidden)
            box.toggled.connect(lambda on, chosen=key: self.set_shown(chosen, on))
            up, down = _step_button("▲"), _step_button("▼")
            up.setEnabled(index > 0)
            down.setEnabled(index < len(self.order) - 1)
            up.clicked.connect(lambda _=False, chosen=key: self.move(chosen, -1))
            down.clicked.connect(lambda _=False, chosen=key: self.move(chosen, +1))
            line.addWidget(box, 1)
            line.addWidget(up)
            line.addWidget(down)
            self.rows.addWidget(row)
            self.show_boxes[key] = box
            self.move_buttons[key] = (up, down)
        self.retranslate()

    def _show_warning(self) -> None:
        nothing = bool(self.order) and not (set(self.order) - self.hidden)
        self.warning_label.setText(
            translate("StaffConsole", "No demo is shown: visitors would see an empty menu.")
            if nothing
            else ""
        )
        self.warning_label.setVisible(nothing)

    def retranslate(self) -> None:
        self.intro_label.setText(
            translate(
                "StaffConsole",
                "Tick the demos the menu shows visitors; the arrows change their order on the menu.",
            )
        )
        titles = {entry.key: demo_title(entry) for entry in self.host.entries}
        for key, box in self.show_boxes.items():
            box.setText(titles.get(key, key))
            up, down = self.move_buttons[key]
            up.setToolTip(translate("StaffConsole", "Move up"))
            down.setToolTip(translate("StaffConsole", "Move down"))
        self._show_warning()
