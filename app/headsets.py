"""The headsets the showroom reads: their acquisitions, their status in the status bar, their cues.

The first headset is the one every demo reads and the one staff may put on another board (from
the staff console); a second one, when staff configured it (the duel), shows its status beside the
first one's and gets every cue too. :class:`Headsets` passes the first headset's state and board
problems on as its own signals, whichever board it is now, so whoever listens need not follow a
board swap.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from app.errors import friendly_message
from app.status import PLAYER_TEXT, StatusPanel
from demos.kit.i18n import translate
from drivers import cues
from drivers.acquisition.worker import Acquisition, AcquisitionState
from drivers.boards.errors import describe_board_problem
from drivers.boards.profiles import BoardProfile

log = logging.getLogger(__name__)


def stop_acquisitions(acquisitions: Sequence[Acquisition]) -> None:
    """Stop every headset's acquisition at once: each may wait for a hanging board call, and two
    such waits side by side take no longer than one (quitting stays within the stop timeout)."""
    if len(acquisitions) == 1:
        acquisitions[0].stop()
        return
    with ThreadPoolExecutor(len(acquisitions), thread_name_prefix="stop-acquisition") as pool:
        list(pool.map(lambda acquisition: acquisition.stop(), acquisitions))


class Headsets(QObject):
    """The first headset's acquisition (``second_acquisition``: the duel's second one, or None),
    each with a :class:`~app.status.StatusPanel` in ``status_bar``.

    :attr:`sigState` carries the first headset's state (an :class:`AcquisitionState` value) and
    :attr:`sigBoardError` its board's errors, before and after staff :meth:`replace` its board.
    """

    sigState = Signal(str)
    sigBoardError = Signal(object)

    def __init__(
        self,
        acquisition: Acquisition,
        second_acquisition: Acquisition | None,
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.acquisition = acquisition
        self.second_acquisition = second_acquisition
        self._status_bar = status_bar
        player_1, player_2 = PLAYER_TEXT if second_acquisition is not None else (None, None)
        self._player_1 = player_1
        self.status_panel = self._attach(acquisition)
        #: The second headset's status (None without one).
        self.second_status_panel = (
            self._status_panel_for(second_acquisition, player_2) if second_acquisition is not None else None
        )

    def _attach(self, acquisition: Acquisition) -> StatusPanel:
        """Make ``acquisition`` the first headset: its status, its signals passed on."""
        self.acquisition = acquisition
        panel = self._status_panel_for(acquisition, self._player_1)
        acquisition.sigState.connect(self.sigState)
        acquisition.sigBoardError.connect(self.sigBoardError)
        return panel

    def _detach(self, acquisition: Acquisition, panel: StatusPanel) -> None:
        """Disconnect the first headset staff replaced and take its status off the status bar."""
        for signal in (acquisition.sigState, acquisition.sigStats, acquisition.sigBoardError):
            signal.disconnect()
        for label in (panel.board_label, panel.rate_label, panel.lost_label, panel.integrity_label):
            self._status_bar.removeWidget(label)
            label.deleteLater()
        self._status_bar.removeWidget(panel.state_label)
        panel.state_label.deleteLater()
        panel.deleteLater()

    def _status_panel_for(self, acquisition: Acquisition, prefix: str | None) -> StatusPanel:
        """A status panel in the status bar, fed by ``acquisition``'s signals."""
        panel = StatusPanel(
            self._status_bar, acquisition.profile, acquisition.layout.sampling_rate, prefix=prefix
        )
        acquisition.sigState.connect(panel.set_state)
        acquisition.sigStats.connect(panel.set_stats)
        acquisition.sigBoardError.connect(
            lambda error: panel.set_problem(describe_board_problem(error, acquisition.profile))
        )
        return panel

    @property
    def acquisitions(self) -> list[Acquisition]:
        """Every headset's acquisition: the first, and the second when there is one."""
        second = self.second_acquisition
        return [self.acquisition] if second is None else [self.acquisition, second]

    def announce(self, cue: cues.Cue, at: float | None = None) -> None:
        """A cue to every headset: the marker into its stream, and its virtual visitor (where one
        wears it) does what the cue asks."""
        at = time.time() if at is None else at
        for acquisition in self.acquisitions:
            acquisition.insert_marker(cue.code, at)
            if acquisition.visitor is not None:
                acquisition.visitor.follow(cue, at)
        log.info("cue %s", cue.text)

    def headset_text(self) -> str:
        """Why the headset sends nothing, in the current language, as a visitor reads it: a plain
        sentence. The board's own words ("Cannot open the serial port …") are for staff: the
        status bar, the staff console (:meth:`board_problem_text`) and the log have them."""
        if self.acquisition.state is AcquisitionState.CONNECTING and self.status_panel.problem is None:
            return translate("MainWindow", "Connecting to the headset…")
        return friendly_message("board")

    def board_problem_text(self) -> str | None:
        """The first headset's problem in plain words (None while it streams or connects)."""
        if self.acquisition.state is AcquisitionState.STREAMING:
            return None
        return self.status_panel.problem_text()

    def replace(self, profile: BoardProfile) -> Acquisition:
        """Put the first headset on another board: the old acquisition stops and its status goes,
        the new one (at the old one's mains frequency) takes their place, not started yet."""
        old, panel = self.acquisition, self.status_panel
        old.stop()
        self._detach(old, panel)
        replacement = Acquisition(profile.with_mains(old.profile.mains_hz))
        self.status_panel = self._attach(replacement)
        return replacement

    def start(self) -> None:
        self.acquisition.start()

    def stop(self) -> None:
        """Stop the first headset; its status and :attr:`sigState` say so at once."""
        self.acquisition.stop()
        self.status_panel.set_state(AcquisitionState.STOPPED.value)
        self.sigState.emit(AcquisitionState.STOPPED.value)
