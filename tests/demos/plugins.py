"""Third-party demos as they go wrong in the field, loaded through entry points by the tests."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from demos.base import Demo, Requirements
from drivers.roles import Role


class RaisesInCreateWidget(Demo):
    id = "raises_in_create_widget"
    title = "Broken widget"
    description = "Raises while building its widget."
    stopped = 0

    def create_widget(self, context):
        raise RuntimeError("widget construction failed")

    def stop(self) -> None:
        RaisesInCreateWidget.stopped += 1


class RaisesInStart(Demo):
    id = "raises_in_start"
    title = "Broken start"
    description = "Builds its widget, then raises in start()."
    stopped = 0

    def create_widget(self, context):
        self.timer = QTimer()
        self.timer.start(10)
        return QLabel("about to fail")

    def start(self) -> None:
        raise ValueError("start failed")

    def stop(self) -> None:
        self.timer.stop()
        RaisesInStart.stopped += 1


class NeedsOccipital(Demo):
    id = "needs_occipital"
    title = "Needs occipital"
    description = "Requires electrodes over the visual cortex."
    requirements = Requirements(roles=(Role.OCCIPITAL,), min_channels=8, flickers=True)

    def create_widget(self, context):
        return QLabel("never shown on a Muse")


class NotADemo:
    id = "not_a_demo"
