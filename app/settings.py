"""Persistent settings: the app's own and each demo's, stored with QSettings in an INI file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths


def default_settings_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder or Path.home() / ".bci-showroom") / "settings.ini"


class AppSettings:
    """The app's settings file; ``for_demo`` hands a demo its own group of it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str, default: Any = None) -> Any:
        return self._qsettings.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._qsettings.setValue(key, value)
        self._qsettings.sync()

    def for_demo(self, demo_id: str) -> DemoGroupSettings:
        return DemoGroupSettings(self, demo_id)


class DemoGroupSettings:
    """One demo's settings, under ``demos/<id>/``; implements ``demos.base.DemoSettings``."""

    def __init__(self, settings: AppSettings, demo_id: str) -> None:
        self._settings = settings
        self._prefix = f"demos/{demo_id}/"

    def value(self, key: str, default: Any = None) -> Any:
        return self._settings.value(self._prefix + key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._settings.set_value(self._prefix + key, value)
