"""The demos' libraries, loaded in the background once the first screen is up.

The first screen needs none of them (``tests/app/test_startup_imports.py`` holds it to that), but
the first demo that uses them would wait for them: pyRiemann pulls in scikit-learn and matplotlib
(~2 s to import, more with matplotlib's font scan on a fresh account), so the motor-imagery demo
froze the screen that long when first opened. Each demo's ``processing`` module holds its decoding
and imports those libraries; by the layer rules (``packaging/layers.py``) it is Qt-free, so importing
it off the GUI thread makes no Qt object in the wrong thread. An import holds the GIL for most of
its time, so the GUI runs slower while it goes on: it starts only after the first screen is shown.
If a visitor opens a demo sooner, Python's import lock makes the GUI wait for the module the thread
is loading, no longer than importing it itself.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import threading
import time
from collections.abc import Sequence

from demos.registry import DemoEntry

log = logging.getLogger(__name__)


def processing_modules(entries: Sequence[DemoEntry]) -> list[str]:
    """The ``processing`` module of every usable demo that has one, in menu order."""
    names = []
    for entry in entries:
        if entry.demo_class is None:
            continue
        package = entry.demo_class.__module__.rpartition(".")[0]
        if not package:  # a plugin demo that is a lone module
            continue
        try:
            if importlib.util.find_spec(f"{package}.processing") is not None:
                names.append(f"{package}.processing")
        except ImportError:  # a plugin whose package cannot be found again: its demo says so when opened
            continue
    return names


def preload(names: Sequence[str]) -> threading.Thread:
    """Import ``names`` on a daemon thread, one after another; a module that fails is logged and
    skipped (its demo reports the error when it is opened, as it would without this)."""

    def run() -> None:
        started = time.monotonic()
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:
                log.exception("preloading %s failed", name)
        log.info("demo libraries preloaded in %.2f s: %s", time.monotonic() - started, ", ".join(names))

    thread = threading.Thread(target=run, name="preload-demo-libraries", daemon=True)
    thread.start()
    return thread
