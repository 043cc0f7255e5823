"""Run the real speller on a real X display (Xvfb in CI): the OpenGL canvas, not the offscreen one.

    xvfb-run -a -s "-screen 0 1920x1080x24" python -m tests.demos.ssvep_speller.xvfb_speller \
        [--word HELLO] [--screenshots DIR]

Copy-spells ``--word`` on the virtual visitor and prints one JSON object: which canvas drew the
keys, whether vsync was found, the measured refresh rate, the frame and trial counts and the text
typed. With ``--screenshots`` it also saves the keyboard and the phrase board, in English and in
Chinese, mid-flicker (the images in the README come from here).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.i18n import install_cjk_fallback
from tests.live_app import open_app, wait


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", default="HELLO")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)

    app = QApplication([])
    install_cjk_fallback(app)
    window, languages = open_app(app)
    try:
        window.open_demo_by_id("ssvep_speller")
        speller = window.host.demo_widget
        speller.acknowledge_warning()  # the visitor read the warning; this starts free spelling
        speller.stop_run()
        task = speller.task_box.findText(f"Copy: {args.word}", Qt.MatchFlag.MatchStartsWith)
        if task < 0:
            parser.error(f"the keyboard has no task {args.word!r}")
        speller.task_box.setCurrentIndex(task)
        saved = len(speller.records)
        speller.start_run()
        wait(lambda: len(speller.records) > saved, timeout_s=12.0 * len(args.word))
        record = speller.records[-1] if len(speller.records) > saved else speller.run.record()
        report = {
            "canvas": type(speller.canvas).__name__,
            "vsync": speller.driver.vsync,
            "refresh_hz": round(speller.driver.refresh_hz, 2),
            "text": record["text"],
            "trials": len(record["trials"]),
            "frames": sum(len(trial["frame_intervals_ms"]) for trial in record["trials"]),
            "dropped_frames": record["dropped_frames"],
            "accuracy": record["summary"]["accuracy"],
            "itr_bpm": round(record["summary"]["itr_bpm"], 1),
        }
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            for language in ("en", "zh_CN"):
                languages.set_language(language)
                for layout in ("keyboard40", "phrases"):
                    speller.stop_run()
                    speller._select_layout(layout)
                    speller.task_box.setCurrentIndex(1)
                    speller.start_run()
                    wait(lambda: speller.driver.flickering, timeout_s=5.0)
                    wait(lambda: False, timeout_s=0.4)
                    name = f"speller-{layout}-{language.split('_')[0]}.png"
                    window.grab().save(str(args.screenshots / name))
            speller.stop_run()
        print(json.dumps(report))
    finally:
        window.host.close_demo()
        window.acquisition.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
