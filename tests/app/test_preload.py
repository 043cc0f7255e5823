"""The demos' decoding libraries are loaded in the background after the first screen (app.preload)."""

from __future__ import annotations

import logging
import sys

import pytest

from app.preload import preload, processing_modules
from demos.registry import DemoEntry, discover_demos


def test_every_demo_with_a_processing_module_has_it_preloaded_and_broken_entries_are_skipped() -> None:
    entries = [*discover_demos(), DemoEntry(key="broken", origin="a plugin", error="no such module")]
    names = processing_modules(entries)
    assert "demos.mi_cursor.processing" in names  # pyRiemann, scikit-learn: ~2 s on first use otherwise
    assert all(name.endswith(".processing") for name in names) and len(names) == len(set(names))


def test_a_module_that_fails_to_import_is_logged_and_the_next_still_loads(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="app.preload")
    thread = preload(["demos.no_such_demo.processing", "demos.attention.processing"])
    thread.join(timeout=30)
    assert not thread.is_alive() and "demos.attention.processing" in sys.modules
    assert "preloading demos.no_such_demo.processing failed" in caplog.text
