"""Where the app's assets are: beside the packages in a source tree, in the bundle when frozen."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon


def assets_dir() -> Path:
    """The ``assets`` folder (PyInstaller puts it under ``sys._MEIPASS``)."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "assets")
    candidates.append(Path(__file__).resolve().parent.parent / "assets")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"assets folder not found in {', '.join(map(str, candidates))}")


def asset_path(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def icon(name: str) -> QIcon:
    """An icon by file name under ``assets/icons`` or by absolute path; the app icon if missing."""
    path = Path(name) if Path(name).is_absolute() else asset_path("icons", name)
    if not path.is_file():
        path = asset_path("icons", "app.svg")
    return QIcon(str(path))
