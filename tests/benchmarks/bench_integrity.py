"""Benchmark: sample and marker integrity over a long run, as a showroom day would stress it.

    python tests/benchmarks/bench_integrity.py                    # 10 minutes, 32 ch @ 1 kHz
    python tests/benchmarks/bench_integrity.py --minutes 1 --json

The virtual visitor's 32-channel 1 kHz headset streams through the real acquisition worker while
a marker goes in every 200 ms (as a demo's cues would) and a consumer reads the stream with its own
cursor every 50 ms (as a decoder would). At the end it reports: samples the headset took (from the
first and last timestamps) against samples in the buffer plus samples counted lost, markers sent
against markers found in the stream (each once, in order) and markers reported lost, and how
often the consumer fell behind. Expected on a healthy machine: 0 lost of either.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def measure(minutes: float, profile: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from drivers.acquisition.worker import Acquisition, AcquisitionState
    from drivers.boards.profiles import find_profile

    app = QCoreApplication.instance() or QCoreApplication([])
    acquisition = Acquisition(find_profile(profile))
    lost_markers: list[float] = []
    acquisition.sigMarkerLost.connect(lost_markers.append)
    acquisition.start()
    loop = QEventLoop()

    def run_for(seconds: float) -> None:
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    while acquisition.state is not AcquisitionState.STREAMING:
        run_for(0.05)
    first_time: float | None = None
    last_time = 0.0
    cursor = 0
    found: list[float] = []
    reader_missed = 0
    received = 0

    def read() -> None:
        nonlocal cursor, first_time, last_time, reader_missed, received
        window = acquisition.stream.read_since(cursor, filtered=False)
        cursor = window.end
        reader_missed += window.missed
        received += window.n_samples
        if window.n_samples:
            first_time = float(window.timestamps[0]) if first_time is None else first_time
            last_time = float(window.timestamps[-1])
            found.extend(window.markers[window.markers != 0].tolist())

    sent = 0

    def send() -> None:
        nonlocal sent
        sent += 1
        acquisition.insert_marker(float(sent))

    reader, sender = QTimer(), QTimer()
    reader.timeout.connect(read)
    sender.timeout.connect(send)
    reader.start(50)
    sender.start(200)
    started = time.monotonic()
    cpu_started = time.process_time()
    run_for(minutes * 60)
    sender.stop()
    run_for(1.0)  # the last markers land, the last lost reports arrive
    reader.stop()
    read()
    elapsed = time.monotonic() - started
    cpu = time.process_time() - cpu_started
    rate = acquisition.layout.sampling_rate
    stats_lost = int(acquisition.stream.latest(0.001).lost_total[-1]) if received else 0
    acquisition.stop()
    app.processEvents()
    expected = round((last_time - (first_time or 0.0)) * rate) + 1
    in_order_once = found == sorted(found) and len(found) == len(set(found))
    return {
        "profile": profile,
        "channels": acquisition.stream.n_channels,
        "rate_hz": rate,
        "seconds": round(elapsed, 1),
        "samples_expected": expected,
        "samples_received": received,
        "samples_counted_lost": stats_lost,
        "samples_unaccounted": expected - received - stats_lost,
        "reader_fell_behind_samples": reader_missed,
        "markers_sent": sent,
        "markers_in_stream": len(found),
        "markers_reported_lost": len(lost_markers),
        "markers_unaccounted": sent - len(found) - len(lost_markers),
        "markers_in_order_once": in_order_once,
        "cpu_percent_one_core": round(100 * cpu / elapsed, 1),
        "numpy": np.__version__,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--profile", default="virtual_visitor_32ch_1k")
    parser.add_argument("--json", action="store_true", help="one JSON line")
    args = parser.parse_args()
    result = measure(args.minutes, args.profile)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>28}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
