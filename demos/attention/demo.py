"""The attention game: declares itself to the shell; its screen does the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.attention.settings import NAMES_KEPT, STAFF_SETTINGS
from demos.base import DemoContext, DemoSettings, Requirements
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
    staff_settings = STAFF_SETTINGS

    @classmethod
    def forget_expired(cls, data_folder: Path, settings: DemoSettings) -> None:
        """Today's best forgets names whose time is up even on a day nobody plays (opening the
        board deletes them, closing it writes that); nothing is created where no board is."""
        from demos.attention.leaderboard import LEADERBOARD_FILE, Leaderboard, Retention

        path = data_folder / LEADERBOARD_FILE
        if path.is_file():
            Leaderboard(path, retention=Retention(NAMES_KEPT.read(settings))).close()

    def create_screen(self, context: DemoContext) -> DemoScreen:
        from demos.attention.widget import AttentionWidget

        return AttentionWidget(context)
