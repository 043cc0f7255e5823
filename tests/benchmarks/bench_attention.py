"""Benchmark: the attention game's per-tick cost, its lag, and its duels, on the virtual visitor.

1. One meter update (artifact checks, band powers, both indices, smoothing) on a 1 s window:
   16 channels at 250 Hz and 32 channels at 1 kHz (median and 95th percentile of 300); the game
   ticks every 100 ms, per player.
2. The focus score's lag: the virtual visitor at rest after a baseline, then attention raised to a
   focus round's 0.9; seconds until the smoothed score crosses halfway from its level before to
   its level 3-8 s after (median over seeds), and both levels.
3. Duels between the default player (focus 0.9) and a weaker one (0.7), 30 s rounds: how many the
   stronger player wins.

python tests/benchmarks/bench_attention.py [--seeds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from demos.attention.flow import Mode, Options
from demos.attention.processing import WINDOW_S, IndexMeter, choose_channels
from drivers.boards.profiles import find_profile
from tests.demos.attention.visits import Visit
from tests.virtual_stream import LiveStream

ROUND = Options(round_s=30.0)


def update_ms(profile: str, rate: int, repeats: int = 300) -> tuple[float, float]:
    live = LiveStream(seed=1, profile=profile, rate=rate)
    live.advance(3.0)
    roles = find_profile(profile).roles
    meter = IndexMeter(choose_channels(roles), len(roles), rate)
    raw, filtered = live.stream.latest(WINDOW_S, filtered=False), live.stream.latest(WINDOW_S)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        meter.update(raw.data, filtered.data, 0.0, invalid=raw.invalid)
        times.append(1000 * (time.perf_counter() - started))
    return float(np.median(times)), float(np.percentile(times, 95))


def lag(seed: int) -> tuple[float, float, float]:
    visit = Visit(seed, ROUND)
    visit.play(Mode.RELAX)
    for _ in range(50):
        visit.tick()
    player = visit.flow.players[0]
    raised = visit.now
    visit.lives[0].visitor.set_attention(0.9)
    points = []
    for _ in range(80):
        visit.tick()
        points.append((visit.now - raised, player.meter.scores[0]))
    before = np.mean([s for t, s in points if t <= 0.2])
    after = np.mean([s for t, s in points if t >= 3.0])
    halfway = next(t for t, s in points if s >= (before + after) / 2)
    return float(before), float(after), float(halfway)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=8)
    seeds = range(parser.parse_args().seeds)
    for profile, rate in (("virtual_visitor", 250), ("virtual_visitor_32ch_1k", 1000)):
        median, p95 = update_ms(profile, rate)
        print(f"update {profile} {rate} Hz,median {median:.2f} ms,p95 {p95:.2f} ms")
    lags = [lag(seed) for seed in seeds]
    print(
        f"focus lag,median {np.median([h for *_, h in lags]):.2f} s,max {max(h for *_, h in lags):.2f} s,"
        f"before {np.median([b for b, *_ in lags]):.0f},after {np.median([a for _, a, _ in lags]):.0f}"
    )
    wins = 0
    for seed in seeds:
        visit = Visit(seed, ROUND, second_focus=0.7)
        visit.play(Mode.DUEL)
        wins += visit.flow.outcome.winner == 0
    print(f"duels won by the stronger focus,{wins} of {len(seeds)}")


if __name__ == "__main__":
    main()
