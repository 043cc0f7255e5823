"""The signal explorer's screen: the kit's live panel plus a per-channel check table and a marker button."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from demos.base import DemoContext
from demos.kit.demo import DemoScreen
from demos.kit.i18n import role_name
from demos.kit.panel import LiveSignalPanel
from demos.kit.widgets import VISITOR_MIN_PX, touch_button
from demos.signal_explorer.processing import headset_off, summarize_channels
from drivers import cues
from drivers.analysis.quality import ChannelQuality

SUMMARY_INTERVAL_MS = 500
GOOD_COLOUR, BAD_COLOUR, NEUTRAL_COLOUR = "#e3f4e1", "#fde2e1", "#eef0f3"
QUALITY_TEXT = {
    ChannelQuality.GOOD: QT_TRANSLATE_NOOP("SignalExplorer", "good"),
    ChannelQuality.FLAT: QT_TRANSLATE_NOOP("SignalExplorer", "flat: check the electrode"),
    ChannelQuality.RAILED: QT_TRANSLATE_NOOP("SignalExplorer", "saturated: check the electrode"),
    ChannelQuality.ARTIFACT: QT_TRANSLATE_NOOP("SignalExplorer", "jump: movement or loose electrode"),
    ChannelQuality.MUSCLE: QT_TRANSLATE_NOOP("SignalExplorer", "muscle: relax jaw and face"),
    ChannelQuality.INVALID: QT_TRANSLATE_NOOP("SignalExplorer", "bad values: check the headset's cable"),
}
SUMMARY_WINDOW_S = 2.0


class SignalExplorerWidget(DemoScreen):
    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._next_marker = 1
        self.panel = LiveSignalPanel(context.stream)
        self.table = QTableWidget(context.stream.n_channels, 5)
        self.table.verticalHeader().setVisible(False)
        # Columns as wide as the widest text they may hold, the table as wide as its columns (see
        # _fit_columns): sized to whatever was in them, the table needed a scrollbar at 18 px.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Visitors read the table from a step back, like the plots beside it.
        self.table.setStyleSheet(
            f"QTableWidget {{ font-size: {VISITOR_MIN_PX}px; }}"
            f" QHeaderView::section {{ font-size: {VISITOR_MIN_PX}px; font-weight: 600; }}"
        )
        for row, name in enumerate(context.stream.channel_names):
            self.table.setItem(row, 0, QTableWidgetItem(name))
        self.marker_button = touch_button(primary=False)
        self.marker_button.clicked.connect(self.insert_marker)
        #: One line for the whole headset when it is off, instead of a warning per channel.
        self.headset_label = QLabel()
        self.headset_label.setWordWrap(True)
        self.headset_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headset_label.setStyleSheet(
            f"font-size: 20px; font-weight: 600; color: #7a1a12; background: {BAD_COLOUR};"
            " border-radius: 8px; padding: 10px;"
        )
        self.headset_label.hide()
        self.headset_is_off = False

        side = QVBoxLayout()
        side.addWidget(self.headset_label)
        side.addWidget(self.table, 1)
        side.addWidget(self.marker_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addLayout(side)

        self._summary_timer = QTimer(self)
        self._summary_timer.setInterval(SUMMARY_INTERVAL_MS)
        self._summary_timer.timeout.connect(self.refresh_summary)
        self.retranslate()

    def start(self) -> None:
        self.panel.start()
        self._summary_timer.start()

    def stop(self) -> None:
        self.panel.stop()
        self._summary_timer.stop()

    def insert_marker(self) -> None:
        """Put a numbered event into the stream; the time series draws it as a dashed line."""
        self.context.cue(cues.StaffMark(self._next_marker))
        self.context.logger.info("event %d marked by staff", self._next_marker)
        self._next_marker = self._next_marker % cues.MAX_STAFF_MARK + 1

    def refresh_summary(self) -> None:
        stream = self.context.stream
        raw = stream.latest(SUMMARY_WINDOW_S, both=True)
        filtered = raw.filtered
        summaries = summarize_channels(raw.data, filtered, stream.sampling_rate, stream.mains_hz, raw.invalid)
        off = bool(summaries) and headset_off(
            raw.data, filtered, stream.sampling_rate, stream.channel_names, stream.roles, raw.invalid
        )
        if off != self.headset_is_off:
            self.headset_is_off = off
            self.headset_label.setVisible(off)
            self.context.logger.info("headset %s", "off" if off else "back on")
        for row, summary in enumerate(summaries):
            if off:  # said once above the table
                quality = QTableWidgetItem("—")
                quality.setBackground(QColor(NEUTRAL_COLOUR))
            else:
                quality = QTableWidgetItem(
                    QCoreApplication.translate("SignalExplorer", QUALITY_TEXT[summary.quality])
                )
                good = summary.quality is ChannelQuality.GOOD
                quality.setBackground(QColor(GOOD_COLOUR if good else BAD_COLOUR))
            self.table.setItem(row, 1, quality)
            cells = (f"{summary.rms_uv:.1f}", f"{summary.mains_uv:.1f}", f"{summary.dominant_hz:.1f}")
            for column, value in enumerate(cells, start=2):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _fit_columns(self) -> None:
        """Each column as wide as its heading or the widest text it may show in this language (the
        longest quality sentence, a five-digit value), and the table exactly as wide as they are."""
        self.table.ensurePolished()
        header = self.table.horizontalHeader()
        header.ensurePolished()
        cells = self.table.fontMetrics()
        channels = [self.table.item(row, 0).text() for row in range(self.table.rowCount())]
        qualities = [QCoreApplication.translate("SignalExplorer", text) for text in QUALITY_TEXT.values()]
        widest = (channels, qualities, ["-1234.5"], ["-1234.5"], ["-1234.5"])
        padding = 2 * cells.averageCharWidth()  # the cell's margins, and room to breathe
        for column, texts in enumerate(widest):
            width = max(
                header.sectionSizeHint(column),
                *(cells.horizontalAdvance(text) + padding for text in texts),
            )
            self.table.setColumnWidth(column, width)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.table.setFixedWidth(header.length() + frame)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("SignalExplorer", "Channel"),
                QCoreApplication.translate("SignalExplorer", "Signal"),
                QCoreApplication.translate("SignalExplorer", "RMS (µV)"),
                QCoreApplication.translate("SignalExplorer", "Mains hum (µV)"),
                QCoreApplication.translate("SignalExplorer", "Main rhythm (Hz)"),
            ]
        )
        self._fit_columns()
        self.marker_button.setText(QCoreApplication.translate("SignalExplorer", "Mark an event"))
        self.headset_label.setText(
            QCoreApplication.translate("SignalExplorer", "Headset off: put it on the visitor.")
        )
        for row, role in enumerate(self.context.stream.roles):
            self.table.item(row, 0).setToolTip(role_name(role))
