"""The SSVEP speller demo: declares itself to the shell and builds its widget."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from demos.base import Demo, DemoContext, Requirements
from drivers.roles import Role


class SsvepSpellerDemo(Demo):
    id = "ssvep_speller"
    title = QT_TRANSLATE_NOOP("demos", "Mind speller")
    description = QT_TRANSLATE_NOOP(
        "demos", "Type with your eyes and brain: look at a flickering letter and it appears on screen."
    )
    icon = "ssvep_speller.svg"
    requirements = Requirements(roles=(Role.OCCIPITAL,), min_channels=1, flickers=True)

    def __init__(self) -> None:
        self._widget = None

    def create_widget(self, context: DemoContext) -> QWidget:
        from demos.ssvep_speller.widget import SpellerWidget

        self._widget = SpellerWidget(context)
        return self._widget

    def stop(self) -> None:
        if self._widget is not None:
            self._widget.stop()
            self._widget = None
