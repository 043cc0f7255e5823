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


@pytest.fixture
def make_window(qtbot, qapp, tmp_path):
    """Build the real main window through the app's composition root; everything is stopped afterwards.

    ``board`` may be a SimulatedBoard to stand in for the profile's hardware (same montage, no
    headset); without it the profile's own board is opened (the synthetic board by default).
    ``settings`` are written to the settings file first (e.g. ``{"staff_mode": True}``); the signal
    check before decoding demos is off unless they turn it on (``{"signal_check/enabled": True}``).
    A kiosk gets the staff PIN ``tests.live_app.KIOSK_PIN`` unless ``settings`` hold one (with the
    factory PIN it would ask staff for a new PIN before serving visitors).
    """
    from app.bootstrap import build_showroom, start
    from app.settings import AppSettings
    from drivers.acquisition.worker import Acquisition
    from drivers.boards.profiles import find_profile
    from tests.live_app import kiosk_pin_hash

    made = []

    def make(
        profile_key: str = "synthetic",
        *,
        board=None,
        entries=None,
        language: str = "en",
        params=None,
        kiosk: bool = False,
        settings=None,
    ):
        profile = find_profile(profile_key).with_params(params or {})
        acquisition = None
        if board is not None:
            acquisition = Acquisition(profile, board_factory=lambda: board, layout=board.layout)
        stored = AppSettings(tmp_path / "settings.ini")
        # Demos' own tests start them at once; the signal check before them has its own tests.
        staff_pin = {"kiosk/pin_hash": kiosk_pin_hash()} if kiosk else {}
        for key, value in {"signal_check/enabled": False, **staff_pin, **(settings or {})}.items():
            stored.set_value(key, value)
        showroom = build_showroom(
            profile, language=language, settings=stored, kiosk=kiosk, entries=entries, acquisition=acquisition
        )
        window = showroom.window
        qtbot.addWidget(window)
        made.append(showroom)
        start(showroom)
        window.activateWindow()  # as on the kiosk screen: keys (rehearsal shortcuts) reach it
        qapp.processEvents()
        return window

    yield make
    for showroom in made:
        showroom.window.host.close_demo()
        for acquisition in showroom.acquisitions:  # the window's own: staff may have switched boards
            assert acquisition.stop(timeout_ms=10_000)
        # A kiosk window refuses qtbot's close: left open, its attract screen would animate (and its
        # timers tick) through every test after it.
        showroom.window.quit_showroom()
        showroom.languages.set_language("en")  # translators are global to the QApplication
