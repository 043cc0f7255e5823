"""The attention game: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements, StaffSetting
from demos.kit.demo import DemoScreen, WidgetDemo


class AttentionDemo(WidgetDemo):
    id = "attention"
    title = QT_TRANSLATE_NOOP("demos", "Focus rocket")
    description = QT_TRANSLATE_NOOP(
        "demos",
        "Concentrate to launch a rocket, or relax to lift a balloon; with two headsets, a duel. "
        "A short rest to learn your brain, then a round of play.",
    )
    icon = "attention.svg"
    # Any two scalp electrodes: forehead (Muse) or the back of the head; more make it steadier.
    requirements = Requirements(min_channels=2, decodes=True)
    # Keys, defaults and bounds as flow.Options.from_settings and the widget read them
    # (tests/demos/test_staff_settings.py checks that they agree).
    staff_settings = (
        StaffSetting(
            "round_s", QT_TRANSLATE_NOOP("demos", "Round length (s)"), "float", 60.0, 20.0, 120.0, step=5.0
        ),
        StaffSetting(
            "baseline_phase_s",
            QT_TRANSLATE_NOOP("demos", "Rest before the round: eyes open, then closed, each (s)"),
            "float",
            20.0,
            10.0,
            30.0,
            step=1.0,
        ),
        StaffSetting("sound", QT_TRANSLATE_NOOP("demos", "Sounds"), "bool", True),
    )

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.attention.widget import AttentionWidget

        return AttentionWidget(context)
