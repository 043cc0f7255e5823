"""Benchmark: the motor-imagery decoder's decision time, and calibration to playable.

1. One decision of each pipeline: 8 channels, a 2 s window at 250 Hz, fitted on 20 trials
   (median and 95th percentile of 300).
2. From the end of the last calibration trial to the game being playable, on the virtual visitor
   (the flow's tick that finds the last epoch, cross-validates, fits and draws the ERD course;
   the visitor's EEG arrives at once here, as the test clock feeds it): median over seeds.

python tests/benchmarks/bench_mi.py [--seeds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from demos.mi_cursor.flow import MiFlow, Options, Phase
from demos.mi_cursor.processing import PIPELINES, MotorImageryDecoder, causal_band_pass, timed_probability
from tests.virtual_stream import LiveStream

RATE = 250


def decision_ms(pipeline: str, repeats: int = 300) -> tuple[float, float]:
    rng = np.random.default_rng(0)
    trials = rng.standard_normal((20, 8, 2 * RATE)) * 10
    trials[::2, 0] *= 1.5
    epochs = np.array([causal_band_pass(trial, RATE) for trial in trials])
    decoder = MotorImageryDecoder(pipeline)
    decoder.fit(epochs, ["left", "right"] * 10)
    times = [timed_probability(decoder, epochs[0])[1] for _ in range(repeats)]
    return float(np.median(times)), float(np.percentile(times, 95))


def calibration_to_playable_ms(seed: int) -> tuple[float, int]:
    live = LiveStream(seed=seed)
    flow = MiFlow(live.stream, Options(), seed=seed)

    def announce(actions) -> None:
        for action in actions:
            live.markers.request(action.cue.code, live.now)
            live.visitor.follow(action.cue, live.now)

    live.advance(1.0)
    announce(flow.start(live.now))
    while True:
        live.advance(0.05)
        was = flow.phase
        started = time.perf_counter()
        announce(flow.tick(live.now))
        took = (time.perf_counter() - started) * 1000
        if was is Phase.CALIBRATION and flow.phase is not Phase.CALIBRATION:
            assert flow.phase is Phase.RESULT, flow.phase
            return took, len(flow.channels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3, help="calibrations to time (default 3)")
    args = parser.parse_args(argv)
    for pipeline in PIPELINES:
        median, p95 = decision_ms(pipeline)
        print(f"decision {pipeline}, 8 ch, 2 s @ {RATE} Hz: median {median:.2f} ms, p95 {p95:.2f} ms")
    timings = [calibration_to_playable_ms(seed) for seed in range(args.seeds)]
    ms = [took for took, _ in timings]
    print(
        f"calibration to playable ({2 * Options().trials_per_class} trials, {timings[0][1]} ch, "
        f"{args.seeds} runs): median {np.median(ms):.0f} ms, max {max(ms):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
