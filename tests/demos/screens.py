"""What the demo screens' tests share: stored settings in a dict, a finger's press, each screen a
test reaches measured for readable text (and saved as a screenshot on request,
``BCI_SHOWROOM_SCREENSHOTS=folder``), and the interface language as a fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.i18n import LanguageManager, install_cjk_fallback
from tests.text_sizes import painted_texts, too_small

#: Screens are measured (and saved) at the kiosk's full-HD size.
SCREEN_SIZE = (1920, 1080)


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


def save(widget, name: str, language: str, *, visitor: bool = True) -> None:
    """Hold every text ``widget`` paints at 1920×1080 to the visitor's minimum size (failing with
    each too-small text's widget and size; not for a staff screen, ``visitor=False``), and save it
    as ``{name}_{language}.png`` in ``$BCI_SHOWROOM_SCREENSHOTS`` when that is set."""
    size = widget.size()
    widget.resize(*SCREEN_SIZE)
    QApplication.processEvents()
    problems = too_small(painted_texts(widget)) if visitor else []
    folder = os.environ.get("BCI_SHOWROOM_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}_{language}.png"))
    widget.resize(size)
    QApplication.processEvents()
    assert not problems, f"{name} ({language}): text too small to read from 1 m:\n" + "\n".join(problems)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """Each test using it runs in English and in Chinese."""
    manager = LanguageManager(qapp)
    install_cjk_fallback(qapp)
    manager.set_language(request.param)
    yield request.param
    manager.set_language("en")
