"""Shared test set-up: Qt offscreen, isolated settings and logs, simulated boards."""

from __future__ import annotations

import os
from pathlib import Path

# Before any Qt import: tests run without a display (screenshots and GL use Xvfb instead).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

SHARED_DATA_ENV = "BCI_SHOWROOM_DATA"


@pytest.fixture
def shared_data() -> Path:
    """The real recordings in ``../shared/data`` (or ``$BCI_SHOWROOM_DATA``); skips when absent."""
    folder = Path(os.environ.get(SHARED_DATA_ENV, Path(__file__).resolve().parents[2] / "shared" / "data"))
    if not folder.is_dir():
        pytest.skip(f"real recordings not found at {folder}; set {SHARED_DATA_ENV} to their folder")
    return folder


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path, monkeypatch):
    """Keep settings and logs of the app under test out of the real home folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
