"""A clock-driven simulated EEG source with BrainFlow's data layout and BoardShim's method names.

Samples are not produced by a thread: each ``get_board_data()`` call generates the samples that the
clock says are due since the last call, so the source is exactly real time under the real clock and
faster than real time under a test's clock. The background is pink (1/f) noise with per-channel
gain plus a little mains hum: enough to load-test acquisition and plots. Faults a transport can
have (a gap in the radio link, a lost connection) can be injected for tests of the worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np

from drivers.boards.board import BoardLayout, BoardUnavailableError

# Paul Kellet's "economy" pinking filter: white noise in, ~1/f power out over the EEG band.
_PINK_B = np.array([0.049922035, -0.095993537, 0.050612699, -0.004408786])
_PINK_A = np.array([1.0, -2.494956002, 2.017265875, -0.522189400])
_PINK_GAIN_UV = 200.0  # scales the filter's output to a background of roughly 10-20 µV RMS
_MAINS_UV = 2.0
_PACKAGE_MODULO = 256


class SimulatedBoard:
    """Background EEG from a clock, delivered in BrainFlow's layout.

    ``clock`` returns seconds (``time.time`` by default, so timestamps match BrainFlow's).
    """

    def __init__(
        self,
        n_channels: int,
        sampling_rate: int,
        *,
        mains_hz: int = 50,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.layout = BoardLayout.for_channels(n_channels, sampling_rate)
        self._n_channels = n_channels
        self._rate = sampling_rate
        self._mains_hz = mains_hz
        self._clock = clock
        self._rng = np.random.default_rng(seed)
        self._channel_gain = self._rng.uniform(0.7, 1.3, size=(n_channels, 1))
        self._lock = threading.Lock()
        self._prepared = False
        self._streaming = False
        self._start_time = 0.0
        self._emitted = 0  # samples generated since start_stream (delivered or dropped)
        self._pending_markers: list[tuple[float, float]] = []  # (value, clock time)
        self._pink_state = np.zeros((n_channels, len(_PINK_A) - 1))
        self._gap = (-np.inf, -np.inf)  # samples stamped inside it are lost
        self._unavailable = False

    # --- BoardShim's interface -------------------------------------------------------------------
    def prepare_session(self) -> None:
        if self._unavailable:
            raise BoardUnavailableError("simulated board unavailable")
        self._prepared = True

    def is_prepared(self) -> bool:
        return self._prepared

    def start_stream(self, num_samples: int = 450000, streamer_params: str | None = None) -> None:
        if not self._prepared:
            raise BoardUnavailableError("start_stream before prepare_session")
        with self._lock:
            self._streaming = True
            self._start_time = self._clock()
            self._emitted = 0

    def get_board_data(self) -> np.ndarray:
        with self._lock:
            if self._unavailable:
                raise BoardUnavailableError("simulated link lost")
            if not self._streaming:
                return np.zeros((self.layout.num_rows, 0))
            now = self._clock()
            # The epsilon keeps float error (2.01 s * 500 Hz = 1004.9999…) from losing a sample.
            due = int((now - self._start_time) * self._rate + 1e-6) - self._emitted
            if due <= 0:
                return np.zeros((self.layout.num_rows, 0))
            block = self._generate(due)
            gap_start, gap_end = self._gap
            stamps = block[self.layout.timestamp_row]
            lost = (stamps > gap_start) & (stamps <= gap_end)
            return block[:, ~lost] if lost.any() else block  # generated and counted, never delivered

    def insert_marker(self, value: float) -> None:
        if not self._streaming:
            raise BoardUnavailableError("insert_marker while not streaming")
        with self._lock:
            self._pending_markers.append((float(value), self._clock()))

    def stop_stream(self) -> None:
        with self._lock:
            self._streaming = False

    def release_session(self) -> None:
        with self._lock:
            self._streaming = False
            self._prepared = False

    # --- fault injection (tests, and later the virtual visitor's fault menu) ----------------------
    def drop_output(self, seconds: float) -> None:
        """Lose every sample taken during the next ``seconds``, like a Bluetooth gap."""
        with self._lock:
            now = self._clock()
            self._gap = (now, now + seconds)

    def set_unavailable(self, unavailable: bool) -> None:
        """Make every call fail (headset switched off) or work again."""
        with self._lock:
            self._unavailable = unavailable

    # --- generation -------------------------------------------------------------------------------
    def _generate(self, n: int) -> np.ndarray:
        layout = self.layout
        first = self._emitted
        self._emitted += n
        index = np.arange(first, first + n)
        block = np.zeros((layout.num_rows, n))
        block[layout.package_row] = index % _PACKAGE_MODULO
        block[layout.timestamp_row] = self._start_time + (index + 1) / self._rate
        block[list(layout.eeg_rows)] = self._eeg(index, block[layout.timestamp_row])
        if self._pending_markers:
            # Like BrainFlow, a marker lands on the first sample acquired after it was inserted,
            # and a second one for the same sample on the next (BrainFlow queues them).
            stamps = block[layout.timestamp_row]
            still_pending = []
            position = 0
            for value, inserted_at in self._pending_markers:
                position = max(position, int(np.searchsorted(stamps, inserted_at, side="right")))
                if position < n:
                    block[layout.marker_row, position] = value
                    position += 1
                else:
                    still_pending.append((value, inserted_at))
            self._pending_markers = still_pending
        return block

    def _eeg(self, index: np.ndarray, times: np.ndarray) -> np.ndarray:
        """EEG rows (channels, n) in µV for samples ``index`` taken at clock ``times``.

        Here: the background every electrode picks up (1/f activity and mains hum). Subclasses
        add what a person does on top of it.
        """
        # scipy.signal takes ~0.7 s to import: here on the acquisition thread, not before the first screen.
        from scipy import signal

        white = self._rng.standard_normal((self._n_channels, len(index)))
        pink, self._pink_state = signal.lfilter(_PINK_B, _PINK_A, white, axis=1, zi=self._pink_state)
        mains = _MAINS_UV * np.sin(2 * np.pi * self._mains_hz * index / self._rate)
        return _PINK_GAIN_UV * self._channel_gain * pink + mains
