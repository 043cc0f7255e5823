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
from demos.ssvep_speller.flow import Phase
from tests.live_app import enter_demo, open_app, wait


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", default="HELLO")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)

    app = QApplication([])
    install_cjk_fallback(app)
    window, languages = open_app(app, settings={"demos/ssvep_speller/layout": "keyboard40"})
    try:
        speller = enter_demo(window, "ssvep_speller")
        flow = speller.flow
        choose(speller, f"Copy: {args.word}") or parser.error(f"the keyboard has no task {args.word!r}")
        saved = len(flow.records)
        speller.toggle()  # Start
        wait(lambda: len(flow.records) > saved, timeout_s=12.0 * len(args.word))
        record = flow.records[-1] if len(flow.records) > saved else flow.run.record()
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
                    shoot_layout(
                        window,
                        speller,
                        layout,
                        args.screenshots / f"speller-{layout}-{language.split('_')[0]}",
                    )
        print(json.dumps(report))
    finally:
        window.host.close_demo()
        window.acquisition.stop()
    return 0


def choose(speller, task_prefix: str) -> bool:
    index = speller.task_box.findText(task_prefix, Qt.MatchFlag.MatchStartsWith)
    if index >= 0:
        speller.task_box.setCurrentIndex(index)
        speller.task_box.activated.emit(index)
    return index >= 0


def shoot_layout(window, speller, layout: str, stem: Path) -> None:
    """The layout idle, with a key cued, mid-flicker and in feedback: ``<stem>-<state>.png``."""
    flow = speller.flow
    speller.start_over_button.click() if speller.start_over_button.isVisible() else None
    speller.layout_box.setCurrentIndex(speller.layout_box.findData(layout))
    speller.layout_box.activated.emit(speller.layout_box.currentIndex())
    choose(speller, speller.task_box.itemText(1))
    window.grab().save(f"{stem}-idle.png")
    speller.toggle()  # Start
    for state, reached in (
        ("cued", lambda: flow.phase is Phase.CUE),
        ("flicker", lambda: speller.driver.flickering and speller.driver.flicker_clock.intervals_s),
        ("feedback", lambda: flow.phase is Phase.FEEDBACK and bool(speller.scene.marks)),
    ):
        wait(reached, timeout_s=15.0)
        wait(lambda: False, timeout_s=0.1)  # let the frame reach the screen
        window.grab().save(f"{stem}-{state}.png")
    speller.toggle()  # Stop (during feedback: no flicker to interrupt)


if __name__ == "__main__":
    sys.exit(main())
