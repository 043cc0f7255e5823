"""The demo menu fills the screen with readable tiles at any count of demos, rebuilds itself when staff
change the list, and offers "I'm done" in a visitor's flow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from app.i18n import LanguageManager, install_cjk_fallback
from app.menu import TILE_MIN_SIZE, DemoMenu, grid_shape
from demos.registry import BUILTIN_DEMOS, DemoEntry
from drivers.roles import Role

#: What the menu gets of a 1280 x 800 window: the menu bar and status bar take ~55 px.
MENU_1280 = (1280, 745)
MENU_1920 = (1920, 1025)


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    """Each test using it runs in English and in Chinese (with the CJK font fallback, as the app)."""
    manager = LanguageManager(qapp)
    install_cjk_fallback(qapp)
    manager.set_language(request.param)
    yield request.param
    manager.set_language("en")


def entries(count: int) -> list[DemoEntry]:
    """``count`` menu entries cycling through the built-in demos (their real, long descriptions)."""
    return [
        DemoEntry(key=f"demo{i}", origin="test", demo_class=BUILTIN_DEMOS[i % len(BUILTIN_DEMOS)])
        for i in range(count)
    ]


def menu_of(qtbot, count: int, size=MENU_1280) -> DemoMenu:
    menu = DemoMenu(entries(count))
    qtbot.addWidget(menu)
    menu.set_visitor_flow(True)
    menu.resize(*size)
    menu.show()
    qtbot.waitExposed(menu)
    return menu


def font_px(widget) -> int:
    widget.ensurePolished()
    return widget.font().pixelSize()


@pytest.mark.parametrize(
    ("count", "shape"),
    [(1, (1, 1)), (2, (2, 1)), (3, (3, 1)), (4, (2, 2)), (5, (3, 2)), (6, (3, 2)), (9, (3, 3))],
)
def test_grid_shape_uses_the_room_without_holes_where_it_can(count, shape):
    assert grid_shape(count, 1216, 610) == shape


def test_grid_shape_keeps_tiles_readable_when_crowded():
    columns, rows = grid_shape(12, 1000, 400)
    assert (1000 - (columns - 1) * 20) / columns >= TILE_MIN_SIZE.width()  # narrow tiles never
    assert columns * rows >= 12
    assert grid_shape(0, 1280, 800) == (1, 0)


@pytest.mark.parametrize("count", [1, 3, 4, 6])
def test_the_menu_has_no_scroll_bar_and_readable_whole_descriptions_at_1280x800(qtbot, lang, count):
    menu = menu_of(qtbot, count)
    assert not menu.scroll.verticalScrollBar().isVisible()
    room = QRect(0, 0, menu.scroll.viewport().width(), menu.scroll.viewport().height())
    placed = []
    for tile in menu.tiles:
        assert tile.isVisible() and room.contains(tile.geometry()), tile.geometry()
        assert tile.width() >= TILE_MIN_SIZE.width() and tile.height() >= TILE_MIN_SIZE.height()
        assert font_px(tile.description_label) >= 18 and font_px(tile.title_label) >= 18
        assert tile.text_fits(), tile.description_label.text()  # not cut at the tile's bottom
        assert all(not tile.geometry().intersects(other) for other in placed)
        placed.append(tile.geometry())
    if count == 1:  # one demo is one big tile, not a card lost in a corner
        assert menu.tiles[0].width() >= 600 and menu.tiles[0].size_class == "large"


@pytest.mark.parametrize("count", [6, 9])
def test_the_menu_fits_a_full_hd_kiosk(qtbot, count):
    menu = menu_of(qtbot, count, MENU_1920)
    assert not menu.scroll.verticalScrollBar().isVisible()
    assert all(tile.text_fits() and font_px(tile.description_label) >= 18 for tile in menu.tiles)


def test_a_screen_too_small_for_the_tiles_scrolls_rather_than_cutting_text(qtbot):
    menu = menu_of(qtbot, 9, (900, 500))
    qtbot.waitUntil(menu.scroll.verticalScrollBar().isVisible, timeout=1_000)
    assert all(tile.text_fits() for tile in menu.tiles)


def test_set_entries_rebuilds_the_tiles_and_keeps_the_menu_working(qtbot):
    menu = menu_of(qtbot, 4)
    # No electrode at the back of the head: the speller is greyed, the motor-imagery game is not.
    menu.set_montage([Role.FRONTAL, Role.SENSORIMOTOR_LEFT, Role.CENTRAL, Role.SENSORIMOTOR_RIGHT])
    chosen = []
    menu.sigDemoChosen.connect(chosen.append)
    reordered = [entries(4)[2], entries(4)[1]]  # staff hid two demos and reordered the rest
    menu.set_entries(reordered)
    qtbot.wait(10)
    assert [tile.entry.key for tile in menu.tiles] == ["demo2", "demo1"]
    assert len([child for child in menu.tile_area.children() if child in menu.tiles]) == 2
    assert menu.shape == (2, 1)
    speller = menu.tile_for("demo1")
    assert not speller.isEnabled() and "occipital" in speller.reason_label.text()  # the montage still applies
    qtbot.mouseClick(menu.tile_for("demo2"), Qt.MouseButton.LeftButton)
    assert chosen == [reordered[0]]
    with pytest.raises(StopIteration):
        menu.tile_for("demo0")


def test_im_done_shows_only_in_a_visitor_flow_and_reports(qtbot):
    menu = DemoMenu(entries(2))
    qtbot.addWidget(menu)
    menu.show()
    assert not menu.finish_button.isVisible()
    menu.set_visitor_flow(True)
    assert menu.finish_button.isVisible() and menu.finish_button.height() >= 48
    with qtbot.waitSignal(menu.sigFinished, timeout=1_000):
        qtbot.mouseClick(menu.finish_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(menu.sigLanguageToggle, timeout=1_000):
        qtbot.mouseClick(menu.language_button, Qt.MouseButton.LeftButton)
    menu.set_visitor_flow(False)
    assert not menu.finish_button.isVisible()


def test_the_menu_speaks_the_visitor_language(qtbot, lang):
    menu = menu_of(qtbot, 4)
    if lang == "zh_CN":
        assert menu.finish_button.text() == "结束体验" and menu.language_button.text() == "English"
        assert menu.tile_for("demo1").badge_label.text() == "⚠ 含闪烁光"
    else:
        assert menu.finish_button.text() == "I'm done" and menu.language_button.text() == "中文"
