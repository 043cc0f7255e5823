"""What the demo screens' tests share: stored settings in a dict, a finger's press, screenshots on
request (``BCI_SHOWROOM_SCREENSHOTS=folder``), and the interface language as a fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.i18n import LanguageManager, install_cjk_fallback


class Stored:
    """A demo's settings in a dict (``demos.base.DemoSettings``), typed like the shell's."""

    def __init__(self, values=None) -> None:
        self.values = dict(values or {})

    def value(self, key, default):
        value = self.values.get(key, default)
        return value if isinstance(value, type(default)) else default

    def set_value(self, key, value) -> None:
        self.values[key] = value


def press(qtbot, button) -> None:
    """Touch ``button``, which must be on screen and enabled."""
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(widget, name: str, language: str) -> None:
    """Save ``widget`` as ``{name}_{language}.png`` in ``$BCI_SHOWROOM_SCREENSHOTS`` when it is set."""
    folder = os.environ.get("BCI_SHOWROOM_SCREENSHOTS")
    if folder:
        QApplication.processEvents()
        widget.grab().save(str(Path(folder) / f"{name}_{language}.png"))


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """Each test using it runs in English and in Chinese."""
    manager = LanguageManager(qapp)
    install_cjk_fallback(qapp)
    manager.set_language(request.param)
    yield request.param
    manager.set_language("en")
