"""Benchmark: time from launching the app to its menu on screen, median of N cold-ish starts.

    python tests/benchmarks/bench_startup.py                                   # from source
    python tests/benchmarks/bench_startup.py --exe build/dist/bci-showroom/bci-showroom-console
    xvfb-run -a python tests/benchmarks/bench_startup.py ...                   # on a (virtual) display
    python tests/benchmarks/bench_startup.py --compare /tmp/base               # this tree vs. another

Each run starts a fresh process on the virtual visitor, waits for the log line "first screen on screen"
(written once the event loop has shown the window) and stops the app. ``--kiosk`` starts the kiosk
(its first screen is the attract screen). ``--compare DIR`` times another source tree of the app too
(e.g. ``git worktree add /tmp/base <commit>``), alternating the two start by start, so a shared,
noisy machine slows both alike; both run on this Python and its packages.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one_start(command: list[str], cwd: Path = ROOT, timeout_s: float = 60.0) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        if not env.get("DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.monotonic()
        process = subprocess.Popen(
            [*command, "--settings", str(Path(home) / "s.ini")],
            cwd=cwd,
            env=env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if "first screen on screen" in line:
                    return time.monotonic() - started
                if time.monotonic() - started > timeout_s:
                    break
            raise RuntimeError(f"no menu within {timeout_s} s: {' '.join(command)}")
        finally:
            process.terminate()
            process.wait(timeout=30)


def summary(times: list[float], what: str) -> str:
    return (
        f"start to menu: median {statistics.median(times):.2f} s over {len(times)} runs "
        f"({', '.join(f'{t:.2f}' for t in times)}) for {what}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", help="the app to start (default: this source tree's python -m app)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kiosk", action="store_true", help="start the kiosk (first screen: attract)")
    parser.add_argument("--compare", type=Path, metavar="DIR", help="another source tree, timed in turn")
    args = parser.parse_args()
    command = [args.exe] if args.exe else [sys.executable, "-m", "app"]
    command += ["--kiosk"] if args.kiosk else []
    trees = [ROOT] + ([args.compare.resolve()] if args.compare else [])
    times: dict[Path, list[float]] = {tree: [] for tree in trees}
    for _ in range(args.runs):
        for tree in trees:  # python -m app runs the tree it starts in (the current directory comes first)
            times[tree].append(one_start(command, cwd=tree))
    for tree in trees:
        print(summary(times[tree], " ".join(command) + (f" in {tree}" if args.compare else "")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
