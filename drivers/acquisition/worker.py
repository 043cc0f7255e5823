"""The acquisition worker: the one object that talks to the board.

``AcquisitionWorker`` runs a loop in its own thread. Every ~20 ms it drains the board with
``get_board_data()`` (which empties BrainFlow's buffer, so there must be exactly one reader) and
hands the block to its :class:`~drivers.stream.intake.Intake`, which replaces values that are not finite
numbers, places the markers asked for, counts the samples lost before each sample, filters the EEG
causally with kept state and writes raw and filtered samples into the preallocated
:class:`~drivers.stream.ringbuffer.RingBuffer` under its lock. Consumers pull windows from the buffer on
their own cadence; nobody is told about each block.

Why a plain daemon thread and not a QThread: BrainFlow calls can block for seconds or for good
(``prepare_session`` on a missing Bluetooth device, ``release_session`` on a stuck link). A QThread
still running at interpreter exit aborts the process (exit code 134), and one blocked in a board
call cannot be stopped, so quitting the app froze it for as long as the call lasted. A daemon
thread can be left behind: :meth:`Acquisition.stop` waits a bounded time, and a thread still
inside a board call then releases the board by itself when (if) the call returns, while the
process exits normally. Its signals reach the GUI thread as queued Qt signals.

``Acquisition`` is the handle the GUI thread holds: it owns the thread, forwards the worker's
signals, and offers the thread-safe ``insert_marker``. Stopping always releases the session.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from drivers.acquisition.sources import open_board
from drivers.boards.board import Board, BoardLayout, layout_for
from drivers.boards.errors import BoardSilentError
from drivers.boards.profiles import BoardProfile
from drivers.simulation.virtual_visitor import VirtualVisitor
from drivers.stream.intake import Intake
from drivers.stream.markers import LostMarker
from drivers.stream.readers import RateMeter, Stream
from drivers.stream.ringbuffer import RingBuffer

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.02
STATS_INTERVAL_S = 0.5
STALL_AFTER_S = 1.0
RECONNECT_AFTER_S = 5.0
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0)
BRAINFLOW_BUFFER_SAMPLES = 450_000
#: How long quitting waits for the worker before leaving it behind (a board call may hang).
STOP_TIMEOUT_MS = 1_500


class AcquisitionState(StrEnum):
    CONNECTING = "connecting"
    STREAMING = "streaming"
    STALLED = "stalled"
    DISCONNECTED = "disconnected"
    STOPPED = "stopped"


@dataclass(frozen=True)
class AcquisitionStats:
    """A snapshot for the status bar and the staff console."""

    state: AcquisitionState
    nominal_rate: float
    measured_rate: float
    total_samples: int
    lost_samples: int
    markers_inserted: int
    markers_lost: int = 0
    invalid_values: int = 0  # NaN or infinite values replaced since the start


class AcquisitionWorker(QObject):
    """Owns the board. :meth:`run` is the loop of its thread; everything else is for that thread."""

    sigState = Signal(str)
    sigStats = Signal(object)
    sigError = Signal(str)
    sigBoardError = Signal(object)  # the exception a board call raised, for the status line
    sigMarkerLost = Signal(float)

    def __init__(
        self,
        profile: BoardProfile,
        layout: BoardLayout,
        buffer: RingBuffer,
        board_factory: Callable[[], Board],
        *,
        stall_after_s: float = STALL_AFTER_S,
        reconnect_after_s: float = RECONNECT_AFTER_S,
        backoff_s: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        super().__init__()
        self._profile = profile
        self._layout = layout
        self._buffer = buffer
        self._board_factory = board_factory
        self._stall_after_s = stall_after_s
        self._reconnect_after_s = reconnect_after_s
        self._backoff_s = backoff_s
        self._intake = Intake(profile, layout, buffer)
        self.markers = self._intake.markers
        self._rate = RateMeter()
        self._board: Board | None = None
        self._streaming = False
        self._state = AcquisitionState.STOPPED
        self._attempt = 0
        self._retry_at = 0.0
        self._last_data_at = 0.0
        self._last_stats_at = 0.0

    # --- the thread's loop --------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Connect, poll, reconnect with back-off until ``stop`` is set; then release the board."""
        try:
            while not stop.is_set():
                try:
                    if not self._streaming:
                        if time.monotonic() >= self._retry_at:
                            self._connect(stop)
                    else:
                        self._poll()
                except Exception as error:  # a bug of ours must not end acquisition for the day
                    log.exception("acquisition step failed")
                    self._fail(f"acquisition error: {error}", error)
                time.sleep(POLL_INTERVAL_S)  # time.sleep is precise to ~1 ms on Windows too
        finally:
            self._teardown()
            self._report_lost(self.markers.drop_all("acquisition stopped"))
            self._set_state(AcquisitionState.STOPPED)
            self._emit_stats()

    def queue_marker(self, value: float, at: float) -> None:
        """Any thread: put ``value`` on the first sample taken at or after ``at``."""
        self.markers.request(value, at)

    # --- connection lifecycle -----------------------------------------------------------------------
    def _connect(self, stop: threading.Event) -> None:
        self._set_state(AcquisitionState.CONNECTING)
        try:
            self._board = self._board_factory()
            self._board.prepare_session()
            if stop.is_set():  # asked to stop while the board was being prepared
                return
            self._board.start_stream(BRAINFLOW_BUFFER_SAMPLES, "")
        except Exception as error:
            self._fail(f"could not start {self._profile.name}: {error}", error)
            return
        self._report_lost(self._intake.new_link())
        self._streaming = True
        self._attempt = 0
        self._rate.reset()
        self._last_data_at = time.monotonic()
        self._set_state(AcquisitionState.STREAMING)

    def _fail(self, message: str, error: BaseException) -> None:
        """Release what we hold, report, and schedule a reconnect with back-off."""
        log.warning("%s", message)
        self.sigError.emit(message)
        self.sigBoardError.emit(error)
        self._teardown()
        self._report_lost(self.markers.drop_all("the board was lost"))
        self._set_state(AcquisitionState.DISCONNECTED)
        self._emit_stats()
        delay = self._backoff_s[min(self._attempt, len(self._backoff_s) - 1)]
        self._attempt += 1
        log.info("retrying in %.1f s (attempt %d)", delay, self._attempt)
        self._retry_at = time.monotonic() + delay

    def _teardown(self) -> None:
        board, self._board = self._board, None
        self._streaming = False
        if board is None:
            return
        for step in ("stop_stream", "release_session"):
            try:
                getattr(board, step)()
            except Exception as error:  # stopping a stream that already died raises; release anyway
                log.debug("%s failed during teardown: %s", step, error)

    # --- one turn -------------------------------------------------------------------------------------
    def _poll(self) -> None:
        assert self._board is not None
        try:
            block = self._board.get_board_data()
        except Exception as error:
            self._fail(f"lost {self._profile.name}: {error}", error)
            return
        now = time.monotonic()
        lost_markers = self._intake.ingest(block, drained_at=now)  # empty drains too: they bound time
        n = block.shape[1] if block.ndim == 2 else 0
        if n:
            self._report_lost(lost_markers)
            self._rate.add(n)
            self._last_data_at = now
            if self._state is not AcquisitionState.STREAMING:
                self._set_state(AcquisitionState.STREAMING)
        else:
            silent_for = now - self._last_data_at
            if silent_for >= self._reconnect_after_s:
                error = BoardSilentError(silent_for)
                self._fail(f"no data from {self._profile.name} for {silent_for:.1f} s", error)
                return
            if silent_for >= self._stall_after_s and self._state is AcquisitionState.STREAMING:
                self._set_state(AcquisitionState.STALLED)
        if now - self._last_stats_at >= STATS_INTERVAL_S:
            self._emit_stats()

    def _report_lost(self, lost: list[LostMarker]) -> None:
        for marker in lost:
            log.warning("marker %g lost: %s", marker.value, marker.reason)
            self.sigMarkerLost.emit(marker.value)

    def _set_state(self, state: AcquisitionState) -> None:
        if state is not self._state:
            log.info("acquisition %s -> %s", self._state.value, state.value)
            self._state = state
            self.sigState.emit(state.value)

    def _emit_stats(self) -> None:
        self._last_stats_at = time.monotonic()
        self.sigStats.emit(
            AcquisitionStats(
                state=self._state,
                nominal_rate=float(self._layout.sampling_rate),
                measured_rate=self._rate.rate,
                total_samples=self._buffer.total_written,
                lost_samples=self._intake.loss.lost,
                markers_inserted=self.markers.placed,
                markers_lost=self.markers.lost,
                invalid_values=self._intake.invalid_values,
            )
        )


class Acquisition(QObject):
    """The GUI thread's handle on one acquisition worker and its thread."""

    sigState = Signal(str)
    sigStats = Signal(object)
    sigError = Signal(str)
    sigBoardError = Signal(object)
    sigMarkerLost = Signal(float)

    def __init__(
        self,
        profile: BoardProfile,
        *,
        buffer_seconds: float = 60.0,
        board_factory: Callable[[], Board] | None = None,
        layout: BoardLayout | None = None,
        visitor: VirtualVisitor | None = None,
        **worker_options: float | tuple[float, ...],
    ) -> None:
        super().__init__()
        self.profile = profile
        #: The simulated person behind a simulated profile (None for real headsets). Steering it is
        #: not board API: it is thread-safe and never touches the board the worker owns.
        self.visitor = visitor or (VirtualVisitor() if profile.source == "simulated" else None)
        self.layout = layout or layout_for(profile)
        capacity = int(buffer_seconds * self.layout.sampling_rate)
        self.buffer = RingBuffer(len(self.layout.eeg_rows), capacity)
        self.stream = Stream(self.buffer, profile, self.layout.sampling_rate)
        self.state = AcquisitionState.STOPPED
        self.stats: AcquisitionStats | None = None
        #: The worker thread's name, in every log line it writes (the duel's second headset has its own).
        self.thread_name = f"acquisition-{profile.key}"
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._stop_deadline: float | None = None
        visitor = self.visitor  # not ``self``: a worker that refers back to this handle made a
        # reference cycle, and the cyclic collector then destroyed both Qt objects at a moment of its
        # choosing (in any thread that happened to allocate) instead of when the last user let go
        self._worker = AcquisitionWorker(
            profile,
            self.layout,
            self.buffer,
            board_factory or (lambda: open_board(profile, visitor)),
            **worker_options,  # type: ignore[arg-type]
        )
        self._worker.sigState.connect(self._on_state)
        self._worker.sigStats.connect(self._on_stats)
        self._worker.sigError.connect(self.sigError)
        self._worker.sigBoardError.connect(self.sigBoardError)
        self._worker.sigMarkerLost.connect(self.sigMarkerLost)

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            if self._stop.is_set():
                log.error("cannot restart: the previous acquisition thread is still inside a board call")
            return
        self._stop = threading.Event()
        self._stop_deadline = None
        self._thread = threading.Thread(
            target=self._worker.run, args=(self._stop,), name=self.thread_name, daemon=True
        )
        self._thread.start()

    def stop(self, timeout_ms: int = STOP_TIMEOUT_MS) -> bool:
        """Stop streaming, release the board and end the thread.

        Returns False if the thread is still inside a board call after ``timeout_ms``: it is then
        left behind (it releases the board when the call returns) and the app can quit anyway.
        Calling again waits only for what is left of the first call's time.
        """
        thread = self._thread
        if thread is None or not thread.is_alive():
            self.state = AcquisitionState.STOPPED
            return True
        self._stop.set()
        if self._stop_deadline is None:
            self._stop_deadline = time.monotonic() + timeout_ms / 1000
        thread.join(max(0.0, self._stop_deadline - time.monotonic()))
        # The worker's last state signal is still queued for this thread; the session is over now.
        self.state = AcquisitionState.STOPPED
        if thread.is_alive():
            log.error(
                "acquisition thread still inside a board call after %d ms; leaving it behind", timeout_ms
            )
            return False
        return True

    def insert_marker(self, value: float, at: float | None = None) -> None:
        """Put an event code into the stream (thread-safe) on the first sample stamped at or after
        wall-clock time ``at`` (default: now). Zero is not a marker in BrainFlow."""
        if value == 0 or not np.isfinite(value):
            raise ValueError("a marker must be a finite, non-zero number")
        self._worker.queue_marker(float(value), time.time() if at is None else float(at))

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.state = AcquisitionState(state)
        self.sigState.emit(state)

    @Slot(object)
    def _on_stats(self, stats: AcquisitionStats) -> None:
        self.stats = stats
        self.sigStats.emit(stats)
