"""Benchmark: one SSVEP decision for 40 targets, 8 channels, 1 s at 250 Hz (median of 500).

Training-free FBCCA (the default) and calibrated ensemble TRCA (fitted on two random trials per
target, 1.5 s long: the speller's calibration block).

python tests/benchmarks/bench_fbcca.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from demos.ssvep_speller.processing import FBCCA, EnsembleTRCA


def median_ms(decide, window: np.ndarray, repeats: int = 500) -> tuple[float, float]:
    decide(window)  # caches references / cut templates, as the speller's prepare() does
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        decide(window)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.median(times)), float(np.percentile(times, 95))


def main() -> int:
    rng = np.random.default_rng(0)
    window = rng.standard_normal((8, 250)) * 10
    fbcca = FBCCA(8.0 + 0.2 * np.arange(40), 250.0)
    trca = EnsembleTRCA(40, 250.0).fit(rng.standard_normal((80, 8, 375)), list(range(40)) * 2)
    for name, decoder in (("FBCCA", fbcca), ("ensemble TRCA", trca)):
        median, p95 = median_ms(decoder.decide, window)
        print(f"{name}, 40 targets, 8 ch, 1 s @ 250 Hz: median {median:.2f} ms, p95 {p95:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
