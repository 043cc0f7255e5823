"""The signal explorer demo: declares itself to the shell and builds its widget."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from demos.base import Demo, DemoContext, Requirements


class SignalExplorerDemo(Demo):
    id = "signal_explorer"
    title = QT_TRANSLATE_NOOP("demos", "Signal explorer")
    description = QT_TRANSLATE_NOOP(
        "demos", "See your brain waves live: every channel, their rhythms and the power in each band."
    )
    icon = "signal_explorer.svg"
    requirements = Requirements(min_channels=1)

    def __init__(self) -> None:
        self._widget = None

    def create_widget(self, context: DemoContext) -> QWidget:
        from demos.signal_explorer.widget import SignalExplorerWidget

        self._widget = SignalExplorerWidget(context)
        return self._widget

    def start(self) -> None:
        if self._widget is not None:
            self._widget.start()

    def stop(self) -> None:
        if self._widget is not None:
            self._widget.stop()
            self._widget = None
