"""Benchmark: one FBCCA decision for 40 targets, 8 channels, 1 s at 250 Hz (median of 500).

python tests/benchmarks/bench_fbcca.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from demos.ssvep_speller.processing import FBCCA


def main() -> int:
    decoder = FBCCA(8.0 + 0.2 * np.arange(40), 250.0)
    window = np.random.default_rng(0).standard_normal((8, 250)) * 10
    decoder.decide(window)  # caches the references
    times = []
    for _ in range(500):
        started = time.perf_counter()
        decoder.decide(window)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"FBCCA, 40 targets, 8 ch, 1 s @ 250 Hz: median {np.median(times):.2f} ms, p95 {np.percentile(times, 95):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
