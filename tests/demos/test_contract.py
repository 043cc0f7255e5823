"""Every registered demo honours the contract: opens, runs, closes, leaks nothing; decoders import no Qt."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

import shiboken6
from PySide6.QtCore import QThread

from demos.base import Requirements, Unmet
from demos.registry import BUILTIN_DEMOS, check_demo_class, discover_demos
from drivers.roles import Role
from tests.live_app import enter_demo

ROOT = Path(__file__).resolve().parents[2]
PROCESSING_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in (ROOT / "demos").glob("*/processing.py")
)


def _qt_free_modules() -> list[str]:
    """Every module of demos/ that the deny-by-default Qt rule covers (all but those its contract in
    pyproject.toml allows by name), and every driver but the acquisition worker (QtCore's thread)."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    allowed = next(c for c in contracts if c["id"] == "qt-free-demos")["allowed_modules"]
    modules = []
    for package in ("demos", "drivers"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            if not any(fnmatchcase(module, pattern) for pattern in [*allowed, "drivers.acquisition.worker"]):
                modules.append(module)
    return modules


QT_FREE_MODULES = _qt_free_modules()


def native_thread_count() -> int:
    return len(os.listdir("/proc/self/task")) if Path("/proc/self/task").is_dir() else 0


def running_qthreads() -> int:
    return sum(1 for obj in gc.get_objects() if isinstance(obj, QThread) and obj.isRunning())


def test_there_is_at_least_one_demo_and_all_builtins_are_valid():
    assert PROCESSING_MODULES, "every demo package has a processing module"
    assert BUILTIN_DEMOS
    for demo in BUILTIN_DEMOS:
        assert check_demo_class(demo) is None
        assert (ROOT / "assets" / "icons" / demo.icon).is_file()


# One interpreter imports the modules in turn and stops at the first that brings Qt in (or fails);
# a fresh one then goes on after it. A module is to blame exactly when Qt was absent before its
# import and present after it, so this names the same modules as a fresh interpreter per module
# did, in ~4 s of CPU instead of ~35 s.
IMPORT_IN_TURN = """
import importlib, json, sys
for index, module in enumerate(sys.argv[1:]):
    try:
        importlib.import_module(module)
    except Exception as error:
        print(json.dumps({"index": index, "found": f"{type(error).__name__}: {error}"}))
        sys.exit(1)
    bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
    if bad:
        print(json.dumps({"index": index, "found": "pulls in " + ", ".join(bad[:8])}))
        sys.exit(1)
"""


def test_the_qt_free_modules_are_found_by_the_rule_not_listed():
    for module in ("demos.mi_cursor.flow", "demos.attention.settings", "demos.base", "drivers.stream.tape"):
        assert module in QT_FREE_MODULES
    for module in (
        "demos.mi_cursor.widget",
        "demos.ssvep_speller.stimulus_view",
        "drivers.acquisition.worker",
    ):
        assert module not in QT_FREE_MODULES
    assert len(QT_FREE_MODULES) > 50


def test_decoders_and_stream_models_import_no_qt():
    remaining, problems = list(QT_FREE_MODULES), {}
    while remaining:
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_IN_TURN, *remaining],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode == 0:
            break
        lines = result.stdout.strip().splitlines()
        assert lines, f"importing {remaining} crashed: {result.stderr[-3000:]}"
        stop = json.loads(lines[-1])
        problems[remaining[stop["index"]]] = stop["found"]
        remaining = remaining[stop["index"] + 1 :]
    assert not problems, "\n".join(f"{module}: {found}" for module, found in problems.items())


def test_requirements_explain_what_is_missing():
    needs = Requirements(roles=(Role.OCCIPITAL, Role.SENSORIMOTOR_LEFT), min_channels=8)
    muse = [Role.TEMPORAL, Role.FRONTAL, Role.FRONTAL, Role.TEMPORAL]
    assert needs.unmet_by(muse) == [
        Unmet("role", role=Role.OCCIPITAL),
        Unmet("role", role=Role.SENSORIMOTOR_LEFT),
        Unmet("channels", needed=8, available=4),
    ]
    cyton = (
        [Role.FRONTAL] * 2
        + [Role.SENSORIMOTOR_LEFT, Role.SENSORIMOTOR_RIGHT]
        + [Role.PARIETAL] * 2
        + [Role.OCCIPITAL] * 2
    )
    assert needs.unmet_by(cyton) == []


def test_every_registered_demo_opens_runs_and_closes_without_leaking(qtbot, make_window):
    """Open and close each demo again after a warm-up; threads and widgets must come back to where
    they were. (One round shows a leak per opening; the many-visit soak is bench_soak.py, smoke-tested
    in tests/benchmarks/test_bench_smoke.py.)"""
    window = make_window()
    entries = [entry for entry in discover_demos() if entry.demo_class is not None]
    assert entries

    def cycle(entry) -> None:
        widget = enter_demo(window, entry.key)
        qtbot.wait(1_200)  # let it run past its slowest timer: errors in slots fail the test
        window.show_menu()
        qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=3_000)  # deleted, not hidden

    for entry in entries:  # warm-up: Qt creates some global helpers on first use
        cycle(entry)
    threads, qthreads = native_thread_count(), running_qthreads()
    for entry in entries:
        cycle(entry)
    assert native_thread_count() == threads
    assert running_qthreads() == qthreads
    assert window.host.demo is None
