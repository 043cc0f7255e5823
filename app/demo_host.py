"""Runs one demo at a time: builds it, starts it, stops it, and contains its failures."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import friendly_message
from app.menu import describe_unmet
from demos.base import Demo, DemoContext
from demos.registry import DemoEntry
from drivers.roles import Role

log = logging.getLogger(__name__)


class DemoHost(QWidget):
    """A top bar with "back to menu" and the running demo's widget below it."""

    sigBackToMenu = Signal()
    sigFailed = Signal(str)  # a friendly, translated message for the visitor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo: Demo | None = None
        self.entry: DemoEntry | None = None
        self.demo_widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 8)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.setMinimumSize(QSize(180, 52))
        self.back_button.clicked.connect(self.sigBackToMenu)
        bar.addWidget(self.back_button)
        self.title_label = QLabel()
        self.title_label.setObjectName("demoTitle")
        bar.addWidget(self.title_label, 1)
        layout.addLayout(bar)
        self._content = QVBoxLayout()
        layout.addLayout(self._content, 1)
        self.retranslate()

    def open(
        self, entry: DemoEntry, montage: Sequence[Role], make_context: Callable[[str], DemoContext]
    ) -> bool:
        """Build and start a demo. On any failure: log it, clean up, emit a friendly message, return False."""
        self.close_demo()
        demo_class = entry.demo_class
        if demo_class is None:
            self.sigFailed.emit(friendly_message("demo"))
            return False
        unmet = demo_class.requirements.unmet_by(montage)
        if unmet:
            log.info("refused to start %s: %s", entry.key, unmet)
            self.sigFailed.emit(" ".join(describe_unmet(reason) for reason in unmet))
            return False
        try:
            self.demo = demo_class()
            self.entry = entry
            self.demo_widget = self.demo.create_widget(make_context(demo_class.id))
            self._content.addWidget(self.demo_widget)
            self.demo.start()
        except Exception:
            log.exception("demo %s failed to start", entry.key)
            self.close_demo()
            self.sigFailed.emit(friendly_message("demo"))
            return False
        log.info("opened demo %s", entry.key)
        self.retranslate()
        return True

    def close_demo(self) -> None:
        """Stop the running demo (even a broken one) and delete its widget."""
        demo, widget, entry = self.demo, self.demo_widget, self.entry
        self.demo = self.demo_widget = self.entry = None
        if demo is not None:
            try:
                demo.stop()
            except Exception:
                log.exception("demo %s raised while stopping", entry.key if entry else "?")
        if widget is not None:
            self._content.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        if entry is not None:
            log.info("closed demo %s", entry.key)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_button.setText(QCoreApplication.translate("DemoHost", "← Back to menu"))
        demo = self.entry.demo_class if self.entry else None
        self.title_label.setText(
            QCoreApplication.translate(demo.translation_context, demo.title) if demo else ""
        )
