"""The signal explorer demo: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements
from demos.kit.demo import DemoScreen, WidgetDemo


class SignalExplorerDemo(WidgetDemo):
    id = "signal_explorer"
    title = QT_TRANSLATE_NOOP("demos", "Signal explorer")
    description = QT_TRANSLATE_NOOP(
        "demos", "See your brain waves live: every channel, their rhythms and the power in each band."
    )
    icon = "signal_explorer.svg"
    requirements = Requirements(min_channels=1)

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.signal_explorer.widget import SignalExplorerWidget

        return SignalExplorerWidget(context)
