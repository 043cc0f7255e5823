"""The label the visitor pages' texts share: plain text, word-wrapped, styled by its object name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def page_label(object_name: str, *, centred: bool = False) -> QLabel:
    """A word-wrapped plain-text label the showroom style finds by ``object_name``."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
