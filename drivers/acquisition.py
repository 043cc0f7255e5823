"""The acquisition worker: the one object that talks to the board.

``AcquisitionWorker`` is a QObject moved to its own QThread. Every ~20 ms it drains the board with
``get_board_data()`` (which empties BrainFlow's buffer, so there must be exactly one reader),
filters the EEG causally with kept state, writes raw and filtered samples into the preallocated
:class:`~drivers.ringbuffer.RingBuffer` under its lock and emits only the *number* of new samples.
Consumers pull windows from the buffer on their own cadence.

``Acquisition`` is the handle the GUI thread holds: it owns the thread, forwards the worker's
signals, and offers the thread-safe ``insert_marker``. Stopping always releases the session.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from drivers.board import Board, BoardLayout, layout_for, open_board
from drivers.dsp import CausalFilter, display_filter_sos
from drivers.profiles import BoardProfile
from drivers.ringbuffer import RingBuffer
from drivers.stream import PacketLossCounter, RateMeter, Stream
from drivers.virtual_visitor import VirtualVisitor

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 20
STATS_INTERVAL_S = 0.5
STALL_AFTER_S = 1.0
RECONNECT_AFTER_S = 5.0
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0)
BRAINFLOW_BUFFER_SAMPLES = 450_000


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
    lost_samples: int | None  # None where the board has no packet counter
    markers_inserted: int


class AcquisitionWorker(QObject):
    """Owns the board; runs in its own thread. Create it, move it, then call :meth:`start` there."""

    sigSamples = Signal(int)
    sigState = Signal(str)
    sigStats = Signal(object)
    sigError = Signal(str)

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
        self._filter = CausalFilter(
            display_filter_sos(layout.sampling_rate, profile.mains_hz), len(layout.eeg_rows)
        )
        self._loss = (
            PacketLossCounter(profile.package_counter.modulo, profile.package_counter.step)
            if profile.package_counter and layout.package_row is not None
            else None
        )
        self._rate = RateMeter()
        self._board: Board | None = None
        self._state = AcquisitionState.STOPPED
        self._attempt = 0
        self._last_data_at = 0.0
        self._last_stats_at = 0.0
        self._markers_inserted = 0
        self._marker_lock = threading.Lock()
        self._pending_markers: deque[float] = deque()
        self._poll_timer: QTimer | None = None
        self._retry_timer: QTimer | None = None
        self._running = False

    # --- control (slots run in the worker thread) ---------------------------------------------------
    @Slot()
    def start(self) -> None:
        self._poll_timer = QTimer(self)
        self._poll_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._poll_timer.setInterval(POLL_INTERVAL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._connect)
        self._running = True
        self._connect()

    @Slot()
    def stop(self) -> None:
        """Stop polling and release the session; always leaves the board released."""
        self._running = False
        for timer in (self._poll_timer, self._retry_timer):
            if timer is not None:
                timer.stop()
        self._teardown()
        self._set_state(AcquisitionState.STOPPED)
        self._emit_stats()
        self.thread().quit()  # from inside the thread: the loop ends once this slot returns

    def queue_marker(self, value: float) -> None:
        """Thread-safe: remember a marker; the worker inserts it on its next turn."""
        with self._marker_lock:
            self._pending_markers.append(value)

    @Slot()
    def flush_markers(self) -> None:
        with self._marker_lock:
            values = list(self._pending_markers)
            self._pending_markers.clear()
        if not values:
            return
        if self._board is None or self._state not in (AcquisitionState.STREAMING, AcquisitionState.STALLED):
            log.warning("dropped %d marker(s): the board is not streaming", len(values))
            return
        for value in values:
            try:
                self._board.insert_marker(value)
                self._markers_inserted += 1
            except Exception as error:  # a marker must never take the stream down
                log.warning("could not insert marker %s: %s", value, error)

    # --- connection lifecycle -----------------------------------------------------------------------
    @Slot()
    def _connect(self) -> None:
        if not self._running:
            return
        self._set_state(AcquisitionState.CONNECTING)
        try:
            self._board = self._board_factory()
            self._board.prepare_session()
            self._board.start_stream(BRAINFLOW_BUFFER_SAMPLES, "")
        except Exception as error:
            self._fail(f"could not start {self._profile.name}: {error}")
            return
        self._attempt = 0
        self._filter.reset()
        self._rate.reset()
        if self._loss is not None:
            self._loss.reset_link()
        self._last_data_at = time.monotonic()
        self._set_state(AcquisitionState.STREAMING)
        assert self._poll_timer is not None
        self._poll_timer.start()

    def _fail(self, message: str) -> None:
        """Release what we hold, report, and schedule a reconnect with back-off."""
        log.warning("%s", message)
        self.sigError.emit(message)
        if self._poll_timer is not None:
            self._poll_timer.stop()
        self._teardown()
        self._set_state(AcquisitionState.DISCONNECTED)
        self._emit_stats()
        if self._running and self._retry_timer is not None:
            delay = self._backoff_s[min(self._attempt, len(self._backoff_s) - 1)]
            self._attempt += 1
            log.info("retrying in %.1f s (attempt %d)", delay, self._attempt)
            self._retry_timer.start(int(delay * 1000))

    def _teardown(self) -> None:
        board, self._board = self._board, None
        if board is None:
            return
        for step in ("stop_stream", "release_session"):
            try:
                getattr(board, step)()
            except Exception as error:  # stopping a stream that already died raises; release anyway
                log.debug("%s failed during teardown: %s", step, error)

    # --- the loop -------------------------------------------------------------------------------------
    @Slot()
    def _poll(self) -> None:
        if self._board is None:
            return
        self.flush_markers()
        try:
            block = self._board.get_board_data()
        except Exception as error:
            self._fail(f"lost {self._profile.name}: {error}")
            return
        now = time.monotonic()
        n = block.shape[1] if block.ndim == 2 else 0
        if n:
            self._ingest(block)
            self._last_data_at = now
            if self._state is not AcquisitionState.STREAMING:
                self._set_state(AcquisitionState.STREAMING)
            self.sigSamples.emit(n)
        else:
            silent_for = now - self._last_data_at
            if silent_for >= self._reconnect_after_s:
                self._fail(f"no data from {self._profile.name} for {silent_for:.1f} s")
                return
            if silent_for >= self._stall_after_s and self._state is AcquisitionState.STREAMING:
                self._set_state(AcquisitionState.STALLED)
        if now - self._last_stats_at >= STATS_INTERVAL_S:
            self._emit_stats()

    def _ingest(self, block: np.ndarray) -> None:
        layout = self._layout
        raw = block[list(layout.eeg_rows)]
        self._buffer.write(raw, self._filter(raw), block[layout.timestamp_row], block[layout.marker_row])
        self._rate.add(raw.shape[1])
        if self._loss is not None and layout.package_row is not None:
            self._loss.update(block[layout.package_row], block[layout.timestamp_row], layout.sampling_rate)

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
                lost_samples=self._loss.lost if self._loss is not None else None,
                markers_inserted=self._markers_inserted,
            )
        )


class Acquisition(QObject):
    """The GUI thread's handle on one acquisition worker and its thread."""

    sigSamples = Signal(int)
    sigState = Signal(str)
    sigStats = Signal(object)
    sigError = Signal(str)
    _sigStart = Signal()
    _sigStop = Signal()
    _sigMarkerQueued = Signal()

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
        self._thread = QThread()
        self._thread.setObjectName(f"acquisition-{profile.key}")
        self._worker = AcquisitionWorker(
            profile,
            self.layout,
            self.buffer,
            board_factory or (lambda: open_board(profile, self.visitor)),
            **worker_options,  # type: ignore[arg-type]
        )
        self._worker.moveToThread(self._thread)
        self._sigStart.connect(self._worker.start)
        self._sigStop.connect(self._worker.stop)
        self._sigMarkerQueued.connect(self._worker.flush_markers)
        self._worker.sigSamples.connect(self.sigSamples)
        self._worker.sigState.connect(self._on_state)
        self._worker.sigStats.connect(self._on_stats)
        self._worker.sigError.connect(self.sigError)

    def start(self) -> None:
        if self._thread.isRunning():
            return
        self._thread.start()
        self._sigStart.emit()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Stop streaming, release the board and end the thread. Returns False if it did not end in time."""
        if not self._thread.isRunning():
            return True
        self._sigStop.emit()  # the worker releases the board, then ends its thread's loop
        finished = self._thread.wait(timeout_ms)
        if not finished:
            log.error("acquisition thread did not end within %d ms", timeout_ms)
            return False
        # The worker's last state signal is still queued for this thread; the session is over now.
        self.state = AcquisitionState.STOPPED
        return True

    def insert_marker(self, value: float) -> None:
        """Put an event code into the stream (thread-safe). Zero is not a marker in BrainFlow."""
        if value == 0 or not np.isfinite(value):
            raise ValueError("a marker must be a finite, non-zero number")
        self._worker.queue_marker(float(value))
        self._sigMarkerQueued.emit()

    @property
    def is_running(self) -> bool:
        return self._thread.isRunning()

    @Slot(str)
    def _on_state(self, state: str) -> None:
        self.state = AcquisitionState(state)
        self.sigState.emit(state)

    @Slot(object)
    def _on_stats(self, stats: AcquisitionStats) -> None:
        self.stats = stats
        self.sigStats.emit(stats)
