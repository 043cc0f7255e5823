"""The round's sky as the crowd reads it (issue 22: its scale numbers were grey on dark blue)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QImage

from demos.attention.flow import Mode
from demos.attention.sky_view import Sky


def luminance(colour: QColor) -> float:
    """WCAG relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("mode", [Mode.FOCUS, Mode.RELAX])
def test_the_scale_numbers_read_at_4_5_to_1_against_the_sky(qtbot, mode):
    flow = SimpleNamespace(mode=mode, playing=[], score=lambda _player: None)
    sky = Sky(flow)
    qtbot.addWidget(sky)
    sky.resize(1200, 800)
    image = QImage(sky.size(), QImage.Format.Format_RGB32)
    sky.render(image)
    ground, top = sky.height() * 0.9, sky.height() * 0.12
    for mark in (25, 50, 75, 100):
        y = round(ground - (ground - top) * mark / 100)
        background = image.pixelColor(1, y)  # left of the right-aligned number
        best = max(
            contrast(image.pixelColor(x, row), background)
            for x in range(2, 38)
            for row in range(y - 12, y + 12)
        )
        assert best >= 4.5, (mark, best)
