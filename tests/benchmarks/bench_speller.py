"""Benchmark: the speller in closed loop with the virtual visitor, through the whole live path.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_speller.py [--repeats 2]

Copy-spells HELLO and NAOJI with training-free FBCCA, the phrase task in calibrated mode (TRCA,
1.5 s calibration trials), and lets a BCI-illiterate visitor try HELLO for eight trials. Prints
one line per run: selections, accuracy, decoder window (mean), seconds per selection, ITR,
confidence (median) and dropped frames. Real time: about three minutes per repeat.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.main_window import MainWindow
from tests.live_app import enter_demo, open_app, wait


def describe(name: str, trials: list[dict], summary: dict | None) -> str:
    windows = [trial["window_s"] for trial in trials if trial["outcome"] != "interrupted"]
    confidence = [trial["confidence"] for trial in trials if trial["outcome"] != "interrupted"]
    typed = sum(trial["outcome"] == "typed" for trial in trials)
    correct = sum(trial["outcome"] == "typed" and trial["target"] == trial["cued"] for trial in trials)
    text = (
        f"{name:28s} trials {len(trials):2d}, typed {typed:2d}, right {correct:2d}, "
        f"window {np.mean(windows):.2f} s, confidence {np.median(confidence):.2f}, "
        f"dropped frames {sum(trial['dropped_frames'] for trial in trials)}"
    )
    if summary:
        text += (
            f", accuracy {100 * summary['accuracy']:.0f} %, {summary['seconds_per_selection']:.2f} s/selection,"
            f" ITR {summary['itr_bpm']:.0f} bits/min"
        )
    return text


def run_once(window: MainWindow, layout: str, task: str, calibrated: bool, illiterate: bool) -> str:
    """Open the speller, copy-spell ``task`` (or let an illiterate visitor try eight times), close it."""
    demo_settings = window.settings.for_demo("ssvep_speller")
    demo_settings.set_value("layout", layout)
    demo_settings.set_value("calibrated", calibrated)
    demo_settings.set_value("unsure_limit", 20 if illiterate else 3)  # let the illiterate visitor try on
    speller = enter_demo(window, "ssvep_speller")
    index = speller.task_box.findText(f"Copy: {task}", Qt.MatchFlag.MatchStartsWith)
    speller.task_box.setCurrentIndex(index)
    speller.task_box.activated.emit(index)
    visitor = window.acquisition.visitor
    visitor.set_illiterate(illiterate)
    flow = speller.flow
    saved = len(flow.records)
    speller.toggle()  # Start
    try:
        if illiterate:
            wait(lambda: len(flow.run.trials) >= 8, timeout_s=60)
            return describe(f"{task}, illiterate", [vars(trial) for trial in flow.run.trials], None)
        wait(lambda: len(flow.records) > saved, timeout_s=120)
        record = flow.records[-1]
        name = f"{task} ({'TRCA' if calibrated else 'FBCCA'}, {layout})"
        return describe(name, record["trials"], record["summary"])
    finally:
        window.show_menu()
        visitor.set_illiterate(False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args(argv)
    app = QApplication([])
    window, _ = open_app(app)
    try:
        for _ in range(args.repeats):
            for layout, task, calibrated, illiterate in (
                ("keyboard40", "HELLO", False, False),
                ("keyboard40", "NAOJI", False, False),
                ("phrases", "Hello", True, False),
                ("keyboard40", "HELLO", False, True),
            ):
                print(run_once(window, layout, task, calibrated, illiterate), flush=True)
    finally:
        window.host.close_demo()
        window.acquisition.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
