"""The key grid shows every label in every state, the phrase board's emoji included.

The emoji keys (😀 👍 ❤️) used to be blank: asking Qt for the glyph outlines of a colour (bitmap)
emoji font left its FreeType face with no bitmap strike, so ``drawText`` painted nothing. These
tests paint the real phrase board into an image and look at the pixels of each key.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter

from app.i18n import cjk_family
from demos.ssvep_speller.layouts import builtin_layouts
from demos.ssvep_speller.stimulus_view import CHOSEN, CUE_FRAME, KEY_IDLE, WRONG, KeyMark, KeyScene

WIDTH, HEIGHT = 900, 500
INK = 60  # summed |ΔR|+|ΔG|+|ΔB| from the key's fill that counts as a glyph pixel
MIN_INK = 0.02  # share of a key's area a drawn label covers at least (an emoji covers ~8 %)
LANGUAGES = ("en", "zh_CN")
FONTS = ("default", "cjk fallback")  # the app's font, as before and after app.i18n.install_cjk_fallback


def phrase_labels(language: str) -> list[str]:
    return builtin_layouts()["phrases"].display_labels(language)


def emoji_keys(labels: list[str]) -> list[int]:
    keys = [index for index, label in enumerate(labels) if unicodedata.category(label[0]) == "So"]
    assert len(keys) == 3, labels  # 😀 👍 ❤️
    return keys


def app_font(which: str) -> QFont:
    font = QFont(QGuiApplication.font())
    if which == "cjk fallback":
        family = cjk_family()
        if family is None:
            pytest.skip("no font with Chinese glyphs installed")
        font.setFamilies([*(font.families() or [font.family()]), family])
    return font


def render(scene: KeyScene, font: QFont) -> np.ndarray:
    """The scene painted as a widget would, as an RGB array (int, HEIGHT × WIDTH × 3)."""
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setFont(font)
    scene.paint(painter, WIDTH, HEIGHT)
    painter.end()
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    bgra = pixels.reshape(HEIGHT, image.bytesPerLine() // 4, 4)[:, :WIDTH]
    return bgra[..., 2::-1].astype(int)


def region(pixels: np.ndarray, rect: QRectF) -> np.ndarray:
    return pixels[int(rect.top()) : int(rect.bottom()), int(rect.left()) : int(rect.right())]


def ink_share(pixels: np.ndarray, rect: QRectF, fill: QColor) -> float:
    """Share of ``rect`` whose pixels differ clearly from the key's ``fill``: the label's glyphs."""
    area = region(pixels, rect)
    distance = np.abs(area - np.array([fill.red(), fill.green(), fill.blue()])).sum(axis=-1)
    return float((distance > INK).mean())


def inner(rect: QRectF) -> QRectF:
    """The key without its rim, where a cue frame would be."""
    rim = 0.12 * min(rect.width(), rect.height())
    return rect.adjusted(rim, rim, -rim, -rim)


def assert_labels_drawn(pixels: np.ndarray, scene: KeyScene, fills: dict[int, QColor], state: str) -> None:
    blank = {}
    for index, label in enumerate(scene.labels):
        share = ink_share(pixels, inner(scene.key_rect(index, WIDTH, HEIGHT)), fills[index])
        if share < MIN_INK:
            blank[label] = round(share, 4)
    assert not blank, f"{state}: labels drawn blank (share of glyph pixels): {blank}"


@pytest.mark.parametrize("which_font", FONTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_shows_on_idle_keys(qapp, language, which_font):
    scene = KeyScene()
    labels = phrase_labels(language)
    scene.set_grid(2, 3, labels)
    font = app_font(which_font)
    for frame in range(3):  # frames repeat the cached labels
        assert_labels_drawn(
            render(scene, font), scene, dict.fromkeys(range(6), KEY_IDLE), f"idle frame {frame}"
        )


@pytest.mark.parametrize("which_font", FONTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cued_emoji_key_shows_its_yellow_frame_and_its_emoji(qapp, language, which_font):
    scene = KeyScene()
    labels = phrase_labels(language)
    scene.set_grid(2, 3, labels)
    font = app_font(which_font)
    render(scene, font)  # an idle frame first, as on screen
    for key in emoji_keys(labels):
        scene.marks = {key: KeyMark.CUED}
        pixels = render(scene, font)
        assert_labels_drawn(pixels, scene, dict.fromkeys(range(6), KEY_IDLE), f"{labels[key]} cued")
        rect = scene.key_rect(key, WIDTH, HEIGHT)
        border = max(4.0, 0.06 * min(rect.width(), rect.height()))
        frame_pixels = {
            "left": region(pixels, QRectF(rect.left(), rect.top(), border, rect.height())),
            "right": region(pixels, QRectF(rect.right() - border, rect.top(), border, rect.height())),
            "top": region(pixels, QRectF(rect.left(), rect.top(), rect.width(), border)),
            "bottom": region(pixels, QRectF(rect.left(), rect.bottom() - border, rect.width(), border)),
        }
        yellow = np.array([CUE_FRAME.red(), CUE_FRAME.green(), CUE_FRAME.blue()])
        for side, strip in frame_pixels.items():
            share = float((np.abs(strip - yellow).sum(axis=-1) <= 30).mean())
            assert share > 0.8, f"{labels[key]} cued: the {side} of the yellow frame covers {share:.0%}"


@pytest.mark.parametrize("which_font", FONTS)
@pytest.mark.parametrize("mark", [KeyMark.CHOSEN, KeyMark.WRONG])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_chosen_or_wrong_emoji_key_shows_its_emoji_on_green_or_red(qapp, language, mark, which_font):
    scene = KeyScene()
    labels = phrase_labels(language)
    scene.set_grid(2, 3, labels)
    font = app_font(which_font)
    render(scene, font)
    for key in emoji_keys(labels):
        scene.marks = {key: mark}
        fills = dict.fromkeys(range(6), KEY_IDLE) | {key: CHOSEN if mark is KeyMark.CHOSEN else WRONG}
        assert_labels_drawn(render(scene, font), scene, fills, f"{labels[key]} {mark.value}")


@pytest.mark.parametrize("which_font", FONTS)
@pytest.mark.parametrize("level", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("language", LANGUAGES)
def test_flickering_keys_show_their_labels_at_every_grey(qapp, language, level, which_font):
    scene = KeyScene()
    labels = phrase_labels(language)
    scene.set_grid(2, 3, labels)
    font = app_font(which_font)
    render(scene, font)  # the static board first, then the flicker
    scene.levels = np.full(6, level)
    grey = round(255 * level)
    fills = dict.fromkeys(range(6), QColor(grey, grey, grey))
    for frame in range(2):
        assert_labels_drawn(render(scene, font), scene, fills, f"flicker at {level}, frame {frame}")
    scene.levels = None  # and back to the static board
    assert_labels_drawn(render(scene, font), scene, dict.fromkeys(range(6), KEY_IDLE), "after the flicker")


def test_painting_the_board_leaves_emoji_drawable_elsewhere(qapp):
    """Other widgets (the task line, the typed text) draw the same emoji with the same fonts."""
    scene = KeyScene()
    scene.set_grid(2, 3, phrase_labels("en"))
    font = app_font("default")
    render(scene, font)
    fitted = QFont(font)
    fitted.setBold(True)
    fitted.setPixelSize(max(12, int(min(0.34 * HEIGHT / 2, 0.3 * WIDTH / 3))))  # the keys' own size
    for label in ("😀", "👍", "❤️"):
        assert QFontMetricsF(fitted).horizontalAdvance(label) > 0.5 * fitted.pixelSize(), label
        image = QImage(200, 200, QImage.Format.Format_RGB32)
        image.fill(KEY_IDLE)
        painter = QPainter(image)
        painter.setFont(fitted)
        painter.setPen(QColor("#f2f2f2"))
        painter.drawText(QRectF(0, 0, 200, 200), Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
        pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(200, 200, 4)
        assert ink_share(pixels[..., 2::-1].astype(int), QRectF(0, 0, 200, 200), KEY_IDLE) > MIN_INK, label


def test_a_character_no_installed_font_has_is_shown_by_its_name(qapp):
    """Without an emoji font, a key would show an empty box; it shows the character's name instead."""
    character = "\U0001d2e0"  # MAYAN NUMERAL ZERO: in hardly any font
    scene = KeyScene()
    font = QFont(QGuiApplication.font())
    font.setPixelSize(40)
    fitted = scene._fitted_label(character, font, 600.0)
    if fitted.text == character:
        pytest.skip("an installed font has U+1D2E0")
    assert fitted.text == "mayan numeral zero" and not fitted.path.isEmpty()
    assert scene._fitted_label("Hello", font, 600.0).text == "Hello"
