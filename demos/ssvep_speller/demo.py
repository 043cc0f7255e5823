"""The SSVEP speller demo: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements
from demos.kit.demo import DemoScreen, WidgetDemo
from demos.ssvep_speller.settings import STAFF_SETTINGS
from drivers.roles import Role


class SsvepSpellerDemo(WidgetDemo):
    id = "ssvep_speller"
    title = QT_TRANSLATE_NOOP("demos", "Mind speller")
    description = QT_TRANSLATE_NOOP(
        "demos", "Type with your eyes and brain: look at a flickering letter and it appears on screen."
    )
    icon = "ssvep_speller.svg"
    requirements = Requirements(roles=(Role.OCCIPITAL,), min_channels=1, flickers=True, decodes=True)
    staff_settings = STAFF_SETTINGS

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.ssvep_speller.widget import SpellerWidget

        return SpellerWidget(context)
