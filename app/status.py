"""The status bar: which board, sampling rate measured vs nominal, lost samples, stream state."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from demos.kit.i18n import Retranslating, fill, translate
from drivers.acquisition.worker import AcquisitionState, AcquisitionStats
from drivers.boards.errors import BoardProblem
from drivers.boards.profiles import BoardProfile, builtin_profile_paths

#: The names of the built-in profiles (``drivers/boards/profiles/*.toml``, by key) that have words to
#: translate; the others are brand and model names, the same in every language. A profile staff
#: wrote themselves is shown as they named it.
BOARD_NAMES = {
    "virtual_visitor": QT_TRANSLATE_NOOP("Boards", "Virtual visitor"),
    "virtual_visitor_32ch_1k": QT_TRANSLATE_NOOP("Boards", "Virtual visitor, 32 ch @ 1 kHz"),
    "synthetic": QT_TRANSLATE_NOOP("Boards", "BrainFlow synthetic board"),
    "playback": QT_TRANSLATE_NOOP("Boards", "BrainFlow playback file"),
    "ganglion": QT_TRANSLATE_NOOP("Boards", "OpenBCI Ganglion (BLED112 dongle)"),
    "ganglion_native": QT_TRANSLATE_NOOP("Boards", "OpenBCI Ganglion (native Bluetooth)"),
}


def _is_builtin(profile: BoardProfile) -> bool:
    """Whether ``profile`` was read from the app's own profile file of its key (not a user's copy)."""
    shipped = builtin_profile_paths().get(profile.key)
    if shipped is None or profile.path is None:
        return False
    try:
        return Path(profile.path).resolve() == shipped.resolve()
    except OSError:
        return False


def board_display_name(profile: BoardProfile | str) -> str:
    """A board's name as staff and visitors read it, in the current language.

    A built-in profile's name comes translated (context "Boards"); a profile from a user's .toml
    file keeps the name its author wrote, in any language. Given only a name (``str``), a built-in
    profile's English name is translated and any other name is shown as it is.
    """
    if isinstance(profile, str):
        source = next((name for name in BOARD_NAMES.values() if name == profile), None)
        return translate("Boards", source) if source is not None else profile
    source = BOARD_NAMES.get(profile.key)
    if source is not None and profile.name == source and _is_builtin(profile):
        return translate("Boards", source)
    return profile.name


STATE_TEXT = {
    AcquisitionState.CONNECTING: QT_TRANSLATE_NOOP("StatusPanel", "connecting…"),
    AcquisitionState.STREAMING: QT_TRANSLATE_NOOP("StatusPanel", "streaming"),
    AcquisitionState.STALLED: QT_TRANSLATE_NOOP("StatusPanel", "stalled: no data"),
    AcquisitionState.DISCONNECTED: QT_TRANSLATE_NOOP("StatusPanel", "disconnected, retrying"),
    AcquisitionState.STOPPED: QT_TRANSLATE_NOOP("StatusPanel", "stopped"),
}
STATE_COLOUR = {
    AcquisitionState.CONNECTING: "#7f7f7f",
    AcquisitionState.STREAMING: "#2ca02c",
    AcquisitionState.STALLED: "#ff7f0e",
    AcquisitionState.DISCONNECTED: "#d62728",
    AcquisitionState.STOPPED: "#7f7f7f",
}


#: What staff read in the status bar while the board fails, by kind (see drivers.boards.errors);
#: %1 is the port, file or board name.
PROBLEM_TEXT = {
    "port": QT_TRANSLATE_NOOP(
        "StatusPanel", "Cannot open the serial port %1: is the dongle plugged in and free?"
    ),
    "file": QT_TRANSLATE_NOOP(
        "StatusPanel", "Cannot play %1: the file is missing, empty or not from this board."
    ),
    "not_ready": QT_TRANSLATE_NOOP("StatusPanel", "%1 does not answer: is it switched on and in range?"),
    "no_data": QT_TRANSLATE_NOOP("StatusPanel", "%1 is connected but sends no data."),
    "timeout": QT_TRANSLATE_NOOP("StatusPanel", "%1 did not answer in time."),
    "unsupported": QT_TRANSLATE_NOOP("StatusPanel", "This version of BrainFlow cannot drive %1."),
    "profile": QT_TRANSLATE_NOOP("StatusPanel", "The board settings are wrong (%1); see the log."),
    "other": QT_TRANSLATE_NOOP("StatusPanel", "%1 failed; see the log."),
}


#: Who wears which headset, when two do (the duel): leads each headset's status.
PLAYER_TEXT = (QT_TRANSLATE_NOOP("StatusPanel", "Player 1:"), QT_TRANSLATE_NOOP("StatusPanel", "Player 2:"))


class StatusPanel(Retranslating, QWidget):
    """Labels placed in the main window's status bar, fed by the acquisition's signals.

    ``board`` is the headset's profile (its name is shown with :func:`board_display_name`, so a
    built-in board reads in the current language) or a name to show. ``prefix`` (a source text of
    the "StatusPanel" context, e.g. one of :data:`PLAYER_TEXT`) leads the board and the state, so
    two headsets' panels side by side tell whose status is whose.
    """

    def __init__(
        self,
        status_bar: QStatusBar,
        board: BoardProfile | str,
        nominal_rate: float,
        *,
        prefix: str | None = None,
    ) -> None:
        super().__init__(status_bar)
        self._prefix = prefix
        self._board = board
        # The board's name as the acquisition reports it in problems (English for built-in boards).
        self._board_name = board if isinstance(board, str) else board.name
        self._nominal = nominal_rate
        self.stats: AcquisitionStats | None = None
        self.state = AcquisitionState.STOPPED
        self.board_label = QLabel()
        self.rate_label = QLabel()
        self.lost_label = QLabel()
        #: Lost markers and values that arrived as NaN: shown (in red) only once there are any.
        self.integrity_label = QLabel()
        self.integrity_label.setStyleSheet("color: #b42318")
        self.state_label = QLabel()
        self.problem: BoardProblem | None = None
        for label in (self.board_label, self.rate_label, self.lost_label, self.integrity_label):
            status_bar.addWidget(label)
        status_bar.addPermanentWidget(self.state_label)
        self.retranslate()

    def set_state(self, state: str) -> None:
        self.state = AcquisitionState(state)
        if self.state is AcquisitionState.STREAMING:
            self.problem = None
        self.retranslate()

    def set_problem(self, problem: BoardProblem) -> None:
        """Why the board failed, shown beside the state until data flows again."""
        self.problem = problem
        self.retranslate()

    def set_stats(self, stats: AcquisitionStats) -> None:
        self.stats = stats
        self.state = stats.state
        self.retranslate()

    def problem_text(self) -> str | None:
        """Why the board fails, in the current language, naming the board as :func:`board_display_name`
        does (None: no problem known). The detail is plain text (escape it for rich text)."""
        if self.problem is None:
            return None
        sentence = QCoreApplication.translate("StatusPanel", PROBLEM_TEXT[self.problem.kind])
        detail = self.problem.detail
        return fill(sentence, board_display_name(self._board) if detail == self._board_name else detail)

    def retranslate(self) -> None:
        lead = f"{QCoreApplication.translate('StatusPanel', self._prefix)} " if self._prefix else ""
        board = board_display_name(self._board)
        self.board_label.setText(lead + fill(QCoreApplication.translate("StatusPanel", "Board: %1"), board))
        measured = f"{self.stats.measured_rate:.1f}" if self.stats else "–"
        self.rate_label.setText(
            fill(
                QCoreApplication.translate("StatusPanel", "Sampling rate: %1 / %2 Hz"),
                measured,
                f"{self._nominal:g}",
            )
        )
        lost = self.stats.lost_samples if self.stats else None
        self.lost_label.setText(
            fill(QCoreApplication.translate("StatusPanel", "Lost samples: %1"), "–" if lost is None else lost)
        )
        problems = []
        if self.stats and self.stats.markers_lost:
            problems.append(
                fill(QCoreApplication.translate("StatusPanel", "Lost markers: %1"), self.stats.markers_lost)
            )
        if self.stats and self.stats.invalid_values:
            problems.append(
                fill(
                    QCoreApplication.translate("StatusPanel", "Invalid values replaced: %1"),
                    self.stats.invalid_values,
                )
            )
        self.integrity_label.setText("  ".join(problems))
        self.integrity_label.setVisible(bool(problems))
        colour = STATE_COLOUR[self.state]
        text = QCoreApplication.translate("StatusPanel", STATE_TEXT[self.state])
        if self.problem is not None and self.state is not AcquisitionState.STREAMING:
            sentence = QCoreApplication.translate("StatusPanel", PROBLEM_TEXT[self.problem.kind])
            detail = board if self.problem.detail == self._board_name else self.problem.detail
            text += " — " + fill(sentence, html.escape(detail))  # escaped before filling: no markup
        self.state_label.setText(f'{html.escape(lead)}<span style="color:{colour}">●</span> {text}')
