"""``bci-showroom --self-test``: prove an installed (or frozen) app works, without a screen or headset.

It checks that BrainFlow's native libraries load and stream (a synthetic-board session, a filter,
the ML module), that the assets and translations are there, that the motor-imagery decoders'
libraries (scikit-learn, pyRiemann, SciPy) fit and predict, then opens every registered demo on
the virtual visitor and lets the visitor relax, look at a target, imagine a hand movement and blink
for a few seconds. Any exception (also inside Qt slots) fails the check it happened in. The result
is a JSON report; the exit status is non-zero if anything failed.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from app import __version__

log = logging.getLogger(__name__)
DEMO_SECONDS = 3.0


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float


def _run(name: str, check: Callable[[], str]) -> Check:
    started = time.monotonic()
    try:
        detail = check()
        ok = True
    except Exception as error:  # a self-test reports failures, it does not stop at the first
        detail = f"{type(error).__name__}: {error}"
        log.error("self-test %s failed\n%s", name, traceback.format_exc())
        ok = False
    return Check(name, ok, detail, round(time.monotonic() - started, 3))


def check_brainflow() -> str:
    """Each of BrainFlow's native libraries loads, and a synthetic session streams."""
    import numpy as np
    from brainflow.board_shim import BoardIds, BoardShim, BrainFlowInputParams
    from brainflow.data_filter import DataFilter, FilterTypes
    from brainflow.ml_model import MLModel

    BoardShim.disable_board_logger()
    board = BoardShim(BoardIds.SYNTHETIC_BOARD, BrainFlowInputParams())
    board.prepare_session()
    try:
        board.start_stream()
        time.sleep(0.5)
        data = board.get_board_data()
    finally:
        board.release_session()
    if data.shape[1] == 0:
        raise RuntimeError("the synthetic board sent no data")
    signal = np.ascontiguousarray(data[BoardShim.get_eeg_channels(BoardIds.SYNTHETIC_BOARD)[0]])
    DataFilter.perform_lowpass(signal, 250, 30.0, 4, FilterTypes.BUTTERWORTH, 0)  # libDataHandler
    MLModel.release_all()  # libMLModule
    return f"BrainFlow {BoardShim.get_version()}: {data.shape[1]} samples in 0.5 s"


def check_resources() -> str:
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QIcon

    from app.config import LANGUAGES
    from app.i18n import SOURCE_LANGUAGE, translation_file
    from app.resources import asset_path
    from drivers.boards.profiles import builtin_profiles

    for language in set(LANGUAGES) - {SOURCE_LANGUAGE}:
        if not QTranslator().load(translation_file(language)):
            raise FileNotFoundError(translation_file(language))
    if QIcon(str(asset_path("icons", "app.svg"))).pixmap(32, 32).isNull():
        raise RuntimeError("SVG icons cannot be drawn (Qt's svg plugin is missing)")
    return f"{len(builtin_profiles())} board profiles, translations {', '.join(sorted(LANGUAGES))}"


def check_decoders() -> str:
    """The motor-imagery demo's pipelines (scikit-learn, pyRiemann) fit and predict, better than
    chance, on seeded data: in a frozen app these libraries are the ones most likely to miss a piece.

    40 two-class trials of 4 channels x 1 s of band-passed noise; class 1 has 1.5 times the
    amplitude on channel 0 (the kind of band-power difference motor imagery makes). Each pipeline is
    cross-validated (5 folds, twice) and must beat the binomial chance level for 40 trials.
    """
    import numpy as np

    from demos.mi_cursor.processing import PIPELINES, causal_band_pass, cross_validate

    trials, rate = 40, 250
    rng = np.random.default_rng(7)
    labels = ["left", "right"] * (trials // 2)
    noise = rng.standard_normal((trials, 4, rate))
    noise[1::2, 0] *= 1.5
    data = np.array([causal_band_pass(trial, rate) for trial in noise])
    results = []
    for name in PIPELINES:
        validation = cross_validate(data, labels, name, n_repeats=2)
        if not validation.above_chance:
            raise RuntimeError(
                f"{name}: {validation.accuracy:.0%} is not above chance ({validation.chance:.0%})"
            )
        results.append(f"{name} {validation.accuracy:.0%}")
    return f"{', '.join(results)} (cross-validated, {trials} trials, chance {validation.chance:.0%})"


def check_demos(seconds: float) -> list[Check]:
    """Open every registered demo on the virtual visitor, as a visitor would use it."""
    from PySide6.QtCore import QEventLoop, QTimer

    from app.bootstrap import build_showroom, start
    from app.demo_gate import Phase
    from drivers.acquisition.worker import AcquisitionState
    from drivers.boards.profiles import find_profile

    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: errors.append(f"{kind.__name__}: {value}")

    def wait(duration: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(duration * 1000), loop.quit)
        loop.exec()

    def wait_until(condition: Callable[[], bool], seconds: float = 10, step: float = 0.05) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            wait(step)

    scratch = tempfile.TemporaryDirectory(prefix="bci-showroom-selftest-")  # never the user's settings
    showroom = build_showroom(
        find_profile("virtual_visitor"), language="en", settings=Path(scratch.name) / "s.ini"
    )
    window, acquisition = showroom.window, showroom.acquisition
    checks = []
    try:
        start(showroom)
        wait_until(lambda: acquisition.state is AcquisitionState.STREAMING)
        if acquisition.state is not AcquisitionState.STREAMING:
            raise RuntimeError(f"the virtual visitor did not stream ({acquisition.state.value})")
        visitor = acquisition.visitor
        assert visitor is not None
        for tile in window.menu.tiles:
            entry = tile.entry

            def exercise(entry=entry) -> str:
                if entry.demo_class is None:
                    raise RuntimeError(entry.error or "could not be loaded")
                errors.clear()
                before = acquisition.stream.total_samples
                if not window.open_demo(entry):
                    raise RuntimeError(window.message_banner.text())
                if window.host.phase is Phase.WARNING:
                    window.host.continue_visit()  # the visitor read the photosensitivity warning
                # the signal check passes a clean headset in ~3 s
                wait_until(lambda: window.host.phase is not Phase.CHECKING, step=0.1)
                if window.host.phase is not Phase.RUNNING:
                    raise RuntimeError(f"the demo did not start ({window.host.phase.value})")
                for step in (
                    visitor.set_relaxed,
                    lambda _: visitor.look_at(10.0),
                    lambda _: visitor.imagine("right"),
                ):
                    step(True)
                    wait(seconds / 3)
                visitor.blink()
                window.show_menu()
                visitor.look_away()
                visitor.imagine(None)
                visitor.set_relaxed(False)
                wait(0.1)
                if errors:
                    raise RuntimeError("; ".join(errors))
                received = acquisition.stream.total_samples - before
                return f"ran {seconds:g} s, {received} samples streamed"

            checks.append(_run(f"demo:{entry.key}", exercise))
    finally:
        showroom.close()
        sys.excepthook = previous_hook
        scratch.cleanup()
    return checks


def run_self_test(report: str | None, seconds: float = DEMO_SECONDS) -> int:
    """Run every check, write the report (``-`` or None: standard output), return the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.config import ORGANIZATION

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("bci-showroom-selftest")
    app.setOrganizationName(ORGANIZATION)
    started = time.monotonic()
    checks = [
        _run("brainflow", check_brainflow),
        _run("resources", check_resources),
        _run("decoders", check_decoders),
    ]
    demo_checks: list[Check] = []  # one per demo; "demos" itself fails if the visitor can't stream

    def run_demos() -> str:
        demo_checks.extend(check_demos(seconds))
        return f"{len(demo_checks)} demo(s) exercised"

    checks.append(_run("demos", run_demos))
    checks.extend(demo_checks)
    ok = all(check.ok for check in checks)
    result = {
        "ok": ok,
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "seconds": round(time.monotonic() - started, 2),
        "checks": [asdict(check) for check in checks],
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if report in (None, "-"):
        print(text)
    else:
        Path(report).write_text(text + "\n", encoding="utf-8")
        print(f"self-test {'passed' if ok else 'FAILED'}: {report}")
    return 0 if ok else 1
