"""What went wrong with a board, in a form the staff status line can say in one sentence.

Opening or streaming a board fails with BrainFlow's ``BrainFlowError`` (an ``exit_code``), an
``OSError``, our :class:`~drivers.boards.board.BoardUnavailableError`, a :class:`ProfileError`, or
silence: BrainFlow's playback board opens a file that holds no samples of its master board without
complaint and then streams nothing, for ever. :func:`describe_board_problem` turns any of these plus
the profile into a :class:`BoardProblem`: a *kind* from a small fixed set, which the GUI maps to a
translated sentence, and a *detail* (the port, file or board name) to put in it. No Qt here.

The kinds (:data:`PROBLEM_KINDS`), and ``detail`` for each:

``port``
    The serial port (the USB dongle) is missing, busy or not a serial device: unplugged, another
    program has it, or a wrong ``serial_port``. Detail: the port (the board name when none is set).
``file``
    The playback file is missing, empty, unreadable or holds no samples of the board that is said
    to have recorded it. Detail: the file name.
``not_ready``
    The board did not answer: switched off, out of range, battery flat, or the virtual headset
    taken off. Detail: the board name.
``no_data``
    The board opened and started but sends no samples. Detail: the board name.
``timeout``
    The board did not answer in time (Bluetooth search, synchronisation). Detail: the board name.
``unsupported``
    The installed BrainFlow cannot drive this board. Detail: the board name.
``profile``
    The profile or its parameters are wrong (an engineer must fix the settings). Detail: the
    offending field (``params.serial_port``), or the board name when BrainFlow only says "invalid
    arguments".
``other``
    Anything else; the log has the exception. Detail: the board name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from brainflow.exit_codes import BrainFlowError, BrainFlowExitCodes

from drivers.boards.board import BoardUnavailableError
from drivers.boards.profiles import FILE_PARAMS, PLAYBACK_BOARD_ID, BoardProfile, ProfileError

ProblemKind = Literal["port", "file", "not_ready", "no_data", "timeout", "unsupported", "profile", "other"]
#: Every kind :func:`describe_board_problem` returns, for the GUI's kind-to-sentence table.
PROBLEM_KINDS: tuple[ProblemKind, ...] = get_args(ProblemKind)

_Code = BrainFlowExitCodes
# What each exit code means in the showroom; codes not listed (stream thread and buffer errors,
# GENERAL_ERROR, the classifier codes) are "other". Seen here (brainflow 5.23, tests/drivers/
# test_board_errors.py): a missing serial port gives UNABLE_TO_OPEN_PORT_ERROR and a file that is
# no serial port SER_PORT_ERROR, both in prepare_session; a missing, empty or folder playback file
# gives INVALID_ARGUMENTS_ERROR in prepare_session (and in start_stream if it vanished in between).
_KIND_BY_EXIT_CODE: dict[int, ProblemKind] = {
    _Code.PORT_ALREADY_OPEN_ERROR: "port",
    _Code.UNABLE_TO_OPEN_PORT_ERROR: "port",
    _Code.SER_PORT_ERROR: "port",
    _Code.BOARD_WRITE_ERROR: "port",  # writing to the dongle failed (a Bluetooth board: not_ready)
    _Code.INCOMMING_MSG_ERROR: "not_ready",
    _Code.INITIAL_MSG_ERROR: "not_ready",  # no greeting from the board
    _Code.BOARD_NOT_READY_ERROR: "not_ready",  # switched off, out of range
    _Code.EMPTY_BUFFER_ERROR: "no_data",
    _Code.INVALID_ARGUMENTS_ERROR: "profile",  # for the playback board: a file problem
    _Code.UNSUPPORTED_BOARD_ERROR: "unsupported",
    _Code.JSON_NOT_FOUND_ERROR: "unsupported",  # BrainFlow has no description of the board
    _Code.NO_SUCH_DATA_IN_JSON_ERROR: "unsupported",
    _Code.SYNC_TIMEOUT_ERROR: "timeout",
}


@dataclass(frozen=True)
class BoardProblem:
    """One board failure: ``kind`` (one of :data:`PROBLEM_KINDS`) and the name to show with it."""

    kind: ProblemKind
    detail: str


class BoardSilentError(RuntimeError):
    """The board opened and started, but no sample came for ``seconds``.

    BrainFlow raises nothing in this case (a playback file of the wrong board, a headset that
    stopped sending), so the acquisition worker raises or passes this to name the problem.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no data for {seconds:.1f} s")
        self.seconds = seconds


def describe_board_problem(error: BaseException, profile: BoardProfile) -> BoardProblem:
    """Classify an exception from opening or streaming ``profile``'s board (never raises)."""
    is_playback = profile.board_id == PLAYBACK_BOARD_ID
    file_name = str(profile.params.get("file", ""))
    # Without a file name there is nothing to show the staff: the profile lacks it.
    file_problem = BoardProblem("file", file_name) if file_name else BoardProblem("profile", "params.file")
    port = str(profile.params.get("serial_port", ""))
    if isinstance(error, ProfileError):  # from preflight(): a set playback file that is no use
        param = error.field.removeprefix("params.")
        named_file = str(profile.params.get(param, "")) if is_playback and param in FILE_PARAMS else ""
        return BoardProblem("file", named_file) if named_file else BoardProblem("profile", error.field)
    if isinstance(error, BoardSilentError):
        return file_problem if is_playback else BoardProblem("no_data", profile.name)
    if isinstance(error, BoardUnavailableError):
        return BoardProblem("not_ready", profile.name)
    if isinstance(error, TimeoutError):
        return BoardProblem("timeout", profile.name)
    if isinstance(error, OSError):  # our own file checks, pyserial (SerialException is an OSError)
        if is_playback:
            return file_problem
        return BoardProblem("port", port) if port else BoardProblem("other", profile.name)
    if not isinstance(error, BrainFlowError):
        return BoardProblem("other", profile.name)
    if is_playback and error.exit_code == _Code.INVALID_ARGUMENTS_ERROR:
        return file_problem  # missing, empty or a folder
    kind = _KIND_BY_EXIT_CODE.get(error.exit_code, "other")
    if kind == "port" and not port:  # a Bluetooth board has no serial port to name
        if error.exit_code == _Code.BOARD_WRITE_ERROR:
            return BoardProblem("not_ready", profile.name)
        return BoardProblem("port", profile.name)
    return BoardProblem(kind, port if kind == "port" else profile.name)
