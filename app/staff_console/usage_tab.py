"""The console's Usage tab: a day's use per demo from :class:`app.usage.UsageLog`, exported as CSV
for Excel."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.staff_console.host import StaffHost
from app.staff_console.menu_order import demo_title
from app.staff_console.widgets import KIOSK_SAFE_DIALOG, _label, _show_message, _step_button
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import TOUCH_MIN_PX, touch_button

log = logging.getLogger(__name__)


def format_duration(seconds: float | None) -> str:
    """``1:05:09`` or ``5:09`` (minutes:seconds): the same in every language; "–" for none."""
    if seconds is None:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


USAGE_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffConsole", "Demo"),
    QT_TRANSLATE_NOOP("StaffConsole", "Sessions"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completed"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completion rate"),
    QT_TRANSLATE_NOOP("StaffConsole", "Total time"),
    QT_TRANSLATE_NOOP("StaffConsole", "Median time"),
)
#: The CSV's columns (app.usage.CSV_HEADER's order), translated when exported.
CSV_COLUMNS = (
    QT_TRANSLATE_NOOP("StaffConsole", "Date"),
    QT_TRANSLATE_NOOP("StaffConsole", "Demo"),
    QT_TRANSLATE_NOOP("StaffConsole", "Sessions"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completed"),
    QT_TRANSLATE_NOOP("StaffConsole", "Completion rate (%)"),
    QT_TRANSLATE_NOOP("StaffConsole", "Total time (s)"),
    QT_TRANSLATE_NOOP("StaffConsole", "Median time (s)"),
)


class UsageSection(Retranslating, QWidget):
    """A day's use per demo, the day's visits, and Export CSV…."""

    def __init__(self, host: StaffHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._message: tuple[str, Callable[[], str]] = ("", str)
        self._visits = 0
        self._demo_ids: list[str] = []  # the table's rows, by demo, as last read
        self.day_caption = QLabel()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setMinimumSize(190, TOUCH_MIN_PX)
        self.day_edit.dateChanged.connect(lambda _day: self.reload())
        self.previous_day_button, self.next_day_button = _step_button("◀"), _step_button("▶")
        self.previous_day_button.clicked.connect(
            lambda: self.day_edit.setDate(self.day_edit.date().addDays(-1))
        )
        self.next_day_button.clicked.connect(lambda: self.day_edit.setDate(self.day_edit.date().addDays(1)))
        self.visits_label = QLabel()
        self.visits_label.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.export_button = touch_button()
        self.export_button.clicked.connect(self._choose_export_file)
        self.message_label = _label()
        self.problem_label = _label("consoleWarning")
        self.table = QTableWidget(0, len(USAGE_COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH_MIN_PX)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        for column in range(1, len(USAGE_COLUMNS)):
            self.table.setColumnWidth(column, 150)
        self.empty_label = _label("consoleHint")
        top = QHBoxLayout()
        top.addWidget(self.day_caption)
        top.addWidget(self.previous_day_button)
        top.addWidget(self.day_edit)
        top.addWidget(self.next_day_button)
        top.addSpacing(24)
        top.addWidget(self.visits_label)
        top.addStretch(1)
        top.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.addWidget(self.problem_label)
        column.addLayout(top)
        column.addWidget(self.message_label)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty_label)
        self.go_to_today()
        self.retranslate()

    @property
    def day(self) -> date:
        return self.day_edit.date().toPython()

    def go_to_today(self) -> None:
        today = self.host.usage.today()
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.reload()

    def _titles(self) -> dict[str, str]:
        return {entry.key: demo_title(entry) for entry in self.host.entries}

    def reload(self) -> None:
        usage = self.host.usage
        try:
            summary, visits = usage.summary(self.day), usage.visits(self.day)
        except Exception:
            log.exception("the usage statistics cannot be read")
            summary, visits = [], 0
        titles = self._titles()
        self._demo_ids = [item.demo_id for item in summary]
        self.table.setRowCount(len(summary))
        for row, item in enumerate(summary):
            cells = (
                titles.get(item.demo_id, item.demo_id),
                str(item.sessions),
                str(item.completed),
                f"{100 * item.completion_rate:.0f} %",
                format_duration(item.total_s),
                format_duration(item.median_s),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._visits = visits
        self.table.setVisible(bool(summary))
        self.empty_label.setVisible(not summary)
        self.next_day_button.setEnabled(self.day_edit.date() < self.day_edit.maximumDate())
        self._show_texts()

    def export(self, path: str | Path) -> bool:
        """Write the shown day as CSV to ``path``; False, with one sentence, when it cannot be written."""
        header = [QCoreApplication.translate("StaffConsole", text) for text in CSV_COLUMNS]
        try:
            self.host.usage.export_csv(
                path,
                self.day,
                titles=self._titles(),
                header=header,
                visits_label=translate("StaffConsole", "Visits"),
            )
        except OSError as error:
            log.warning("usage statistics cannot be exported to %s: %s", path, error)
            name = Path(path).name
            self._set_message(
                "consoleError",
                lambda: fill(
                    translate(
                        "StaffConsole",
                        "%1 cannot be written (a read-only folder, or the file is open in another program). "
                        "Choose another place.",
                    ),
                    name,
                ),
            )
            return False
        self._set_message("consoleDone", lambda: fill(translate("StaffConsole", "Saved as %1."), str(path)))
        return True

    def _choose_export_file(self) -> None:
        suggested = str(Path.home() / f"bci-showroom-usage-{self.day.isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("StaffConsole", "Export usage statistics"),
            suggested,
            "CSV (*.csv)",
            options=KIOSK_SAFE_DIALOG,
        )
        if path:
            self.export(path if path.lower().endswith(".csv") else path + ".csv")

    def forget_outcome(self) -> None:
        """The last export's outcome is old news: clear it."""
        self._set_message("", str)

    def _set_message(self, object_name: str, text: Callable[[], str]) -> None:
        self._message = (object_name, text)
        _show_message(self.message_label, object_name, text())

    def _show_texts(self) -> None:
        self.visits_label.setText(fill(translate("StaffConsole", "Visits: %1"), self._visits))
        self.empty_label.setText(translate("StaffConsole", "No demo was opened on this day."))
        usage = self.host.usage
        if not usage.persistent:
            problem = fill(
                translate(
                    "StaffConsole",
                    "Usage statistics cannot be saved in %1 just now: %2 changes wait, are counted here, "
                    "and are saved as soon as the file can be written.",
                ),
                str(usage.path.parent),
                usage.pending,
            )
        elif usage.recovered_from is not None:
            problem = fill(
                translate(
                    "StaffConsole", "The usage file was damaged: it was kept as %1 and a new one started."
                ),
                str(usage.recovered_from),
            )
        else:
            problem = ""
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def retranslate(self) -> None:
        self.day_caption.setText(translate("StaffConsole", "Day"))
        self.export_button.setText(translate("StaffConsole", "Export CSV…"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("StaffConsole", text) for text in USAGE_COLUMNS]
        )
        self._set_message(*self._message)
        self._show_titles()
        self._show_texts()

    def _show_titles(self) -> None:
        """The demos' names in the table, in the language of the moment (the rows stay as read)."""
        titles = self._titles()
        for row, demo_id in enumerate(self._demo_ids):
            cell = self.table.item(row, 0)
            if cell is not None:
                cell.setText(titles.get(demo_id, demo_id))
