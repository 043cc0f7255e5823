"""The motor-imagery cursor demo: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements
from demos.kit.demo import DemoScreen, WidgetDemo
from demos.mi_cursor.settings import STAFF_SETTINGS
from drivers.roles import Role


class MiCursorDemo(WidgetDemo):
    id = "mi_cursor"
    title = QT_TRANSLATE_NOOP("demos", "Mind ball")
    description = QT_TRANSLATE_NOOP(
        "demos",
        "Imagine squeezing your left or right hand, and a ball rolls that way: "
        "a 3-minute training, then a game.",
    )
    icon = "mi_cursor.svg"
    # C3 and C4 at least: the decoder compares the two motor cortices.
    requirements = Requirements(
        roles=(Role.SENSORIMOTOR_LEFT, Role.SENSORIMOTOR_RIGHT), min_channels=2, decodes=True
    )
    staff_settings = STAFF_SETTINGS

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.mi_cursor.widget import MiCursorWidget

        return MiCursorWidget(context)
