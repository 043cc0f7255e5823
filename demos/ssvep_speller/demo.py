"""The SSVEP speller demo: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.base import DemoContext, Requirements, StaffSetting
from demos.kit.demo import DemoScreen, WidgetDemo
from drivers.roles import Role


class SsvepSpellerDemo(WidgetDemo):
    id = "ssvep_speller"
    title = QT_TRANSLATE_NOOP("demos", "Mind speller")
    description = QT_TRANSLATE_NOOP(
        "demos", "Type with your eyes and brain: look at a flickering letter and it appears on screen."
    )
    icon = "ssvep_speller.svg"
    requirements = Requirements(roles=(Role.OCCIPITAL,), min_channels=1, flickers=True, decodes=True)
    # Keys, defaults and bounds as flow.Options.from_settings and the widget read them
    # (tests/demos/test_staff_settings.py checks that they agree).
    staff_settings = (
        StaffSetting(
            "layout",
            QT_TRANSLATE_NOOP("demos", "Keyboard shown first"),
            "choice",
            "keyboard40",
            choices=(
                ("keyboard40", QT_TRANSLATE_NOOP("demos", "Keyboard (40 keys)")),
                ("phrases", QT_TRANSLATE_NOOP("demos", "Phrase board (6 keys)")),
            ),
        ),
        StaffSetting(
            "calibrated",
            QT_TRANSLATE_NOOP("demos", "Calibrate first (more accurate, takes longer)"),
            "bool",
            False,
        ),
        StaffSetting(
            "calibration_blocks",
            QT_TRANSLATE_NOOP("demos", "Calibration: times each key is shown"),
            "int",
            2,
            2,
            6,
        ),
        StaffSetting(
            "calibration_trial_s",
            QT_TRANSLATE_NOOP("demos", "Calibration: flicker per key (s)"),
            "float",
            1.5,
            0.5,
            4.0,
            step=0.1,
        ),
        StaffSetting(
            "cue_s",
            QT_TRANSLATE_NOOP("demos", "Time to find the next key (s)"),
            "float",
            1.0,
            0.2,
            5.0,
            step=0.1,
        ),
        StaffSetting(
            "feedback_s",
            QT_TRANSLATE_NOOP("demos", "Time the chosen key stays marked (s)"),
            "float",
            0.7,
            0.1,
            5.0,
            step=0.1,
        ),
        StaffSetting(
            "unsure_limit",
            QT_TRANSLATE_NOOP("demos", "Unsure answers in a row before a pause"),
            "int",
            3,
            1,
            20,
        ),
        StaffSetting(
            "reduced_contrast", QT_TRANSLATE_NOOP("demos", "Softer flicker (lower contrast)"), "bool", False
        ),
    )

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.ssvep_speller.widget import SpellerWidget

        return SpellerWidget(context)
