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
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.i18n import LanguageManager, install_cjk_fallback
from app.main_window import MainWindow
from app.settings import AppSettings
from demos.registry import discover_demos
from drivers.acquisition import Acquisition
from drivers.profiles import find_profile


def wait(app: QApplication, condition, timeout_s: float) -> bool:
    """Process events until ``condition()`` holds or the time is up."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(20)
    QTimer.singleShot(round(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    return bool(condition())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--word", default="HELLO")
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args(argv)

    app = QApplication([])
    install_cjk_fallback(app)
    acquisition = Acquisition(find_profile("virtual_visitor"))
    languages = LanguageManager(app)
    settings = AppSettings(Path(tempfile.mkdtemp()) / "settings.ini")
    window = MainWindow(acquisition, discover_demos(), languages, settings)
    window.resize(1280, 860)
    window.show()
    acquisition.start()
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
        wait(app, lambda: len(speller.records) > saved, timeout_s=12.0 * len(args.word))
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
                    wait(app, lambda: speller.driver.flickering, timeout_s=5.0)
                    wait(app, lambda: False, timeout_s=0.4)
                    name = f"speller-{layout}-{language.split('_')[0]}.png"
                    window.grab().save(str(args.screenshots / name))
            speller.stop_run()
        print(json.dumps(report))
    finally:
        window.host.close_demo()
        acquisition.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
