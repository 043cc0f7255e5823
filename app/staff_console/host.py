"""What the staff console needs of the shell: the :class:`StaffHost` protocol (the tests use a fake one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.settings import AppSettings
from app.usage import UsageLog
from demos.registry import DemoEntry
from drivers.acquisition.worker import Acquisition
from drivers.boards.profiles import BoardProfile


class StaffHost(Protocol):
    """What the console needs of the shell (``app.main_window.MainWindow`` implements it)."""

    settings: AppSettings  # app/settings.py
    entries: Sequence[DemoEntry]  # every discovered demo (demos/registry.py), discovery order
    usage: UsageLog

    @property
    def acquisition(self) -> Acquisition: ...  # the current first headset (drivers/acquisition/worker.py)

    def board_problem_text(self) -> str | None: ...  # the board's current problem in plain translated words

    def apply_board(self, profile: BoardProfile) -> None: ...  # stop the current acquisition, start one on it

    def start_acquisition(self) -> None: ...

    def stop_acquisition(self) -> None: ...

    def menu_changed(self) -> None: ...  # the console wrote menu/order and menu/hidden; rebuild the menu
