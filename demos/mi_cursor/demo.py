"""The motor-imagery cursor demo: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements, StaffSetting
from demos.kit.demo import DemoScreen, WidgetDemo
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
    # Keys, defaults and bounds as flow.Options.from_settings reads them (tests/demos/
    # test_staff_settings.py checks that they agree). The flow keeps the training within 3 minutes:
    # 13 trials per hand is the most at the shortest imagining time, longer times allow fewer.
    staff_settings = (
        StaffSetting(
            "trials_per_class", QT_TRANSLATE_NOOP("demos", "Training trials per hand"), "int", 10, 8, 13
        ),
        StaffSetting(
            "imagery_s",
            QT_TRANSLATE_NOOP("demos", "Imagining time per trial (s)"),
            "float",
            4.0,
            3.0,
            6.0,
            step=0.5,
        ),
        StaffSetting("game_targets", QT_TRANSLATE_NOOP("demos", "Targets in the game"), "int", 10, 3, 30),
        StaffSetting(
            "window_s",
            QT_TRANSLATE_NOOP("demos", "Decoder window (s)"),
            "float",
            2.0,
            1.0,
            2.0,
            step=0.1,
        ),
        StaffSetting(
            "pipeline",
            QT_TRANSLATE_NOOP("demos", "Decoder"),
            "choice",
            "tangent-space+lr",
            choices=(
                ("tangent-space+lr", QT_TRANSLATE_NOOP("demos", "Tangent space + logistic regression")),
                ("csp+lda", QT_TRANSLATE_NOOP("demos", "CSP + LDA")),
                ("mdm", QT_TRANSLATE_NOOP("demos", "Riemannian minimum distance (MDM)")),
            ),
        ),
    )

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.mi_cursor.widget import MiCursorWidget

        return MiCursorWidget(context)
