"""The kiosk's own pages: attract, consent and thank-you answer every touch, survive a headset that
sends NaN or nothing, animate only on screen, speak the visitor's language and forget the visit."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from app.i18n import LanguageManager, install_cjk_fallback
from app.visitor.attract import ATTRACT_CHINESE, ATTRACT_ENGLISH, AttractPage, pick_channels
from app.visitor.intro import ConsentPage
from app.visitor.thanks import ThanksPage
from drivers.boards.profiles import find_profile
from drivers.roles import Role
from drivers.stream.readers import Stream
from drivers.stream.ringbuffer import RingBuffer
from tests.virtual_stream import LiveStream

RATE = 250
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    """Each test using it runs in English and in Chinese (with the CJK font fallback, as the app)."""
    manager = LanguageManager(qapp)
    install_cjk_fallback(qapp)
    manager.set_language(request.param)
    yield request.param
    manager.set_language("en")


def shown(qtbot, widget: QWidget, size=(1280, 800)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stream_of(data: np.ndarray) -> Stream:
    """A stream whose display-filtered data is ``data`` (channels x samples) of the virtual visitor's montage."""
    profile = find_profile("virtual_visitor")
    buffer = RingBuffer(len(profile.channels), 60 * RATE)
    stream = Stream(buffer, profile, RATE)
    write(stream, data)
    return stream


def write(stream: Stream, data: np.ndarray) -> None:
    n = data.shape[1]
    stamps = np.arange(n) / RATE
    stream._buffer.write(data, data, stamps, np.zeros(n))


def visible_texts(widget: QWidget) -> list[str]:
    return [
        label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget) and label.text()
    ]


def touch(widget: QWidget) -> None:
    """A finger on the touch screen: Qt turns an unhandled touch into a mouse press."""
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, QPoint(40, 40), widget)
    QTest.touchEvent(widget, device).release(0, QPoint(40, 40), widget)


# --- attract --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["click", "key", "touch"])
def test_any_touch_click_or_key_on_the_attract_screen_starts_once(qtbot, how):
    page = shown(qtbot, AttractPage())
    started = []
    page.sigStart.connect(lambda: started.append(how))
    if how == "click":
        qtbot.mouseClick(page, Qt.MouseButton.LeftButton, pos=QPoint(300, 500))
    elif how == "key":
        qtbot.keyClick(page, Qt.Key.Key_Space)
    else:
        touch(page)
    qtbot.wait(20)
    assert started == [how]


def test_the_attract_screen_draws_the_live_signal_and_follows_it(qtbot):
    visitor = LiveStream()
    visitor.advance(4.0)
    page = shown(qtbot, AttractPage())
    page.set_stream(visitor.stream)
    for _ in range(20):
        visitor.advance(0.05)
        qtbot.wait(35)
    assert page.live and page.is_animating
    assert len(page.frame_costs_ms) > 5 and page.frame_cost_ms() < 100  # painted, and not absurdly slow
    # The top trace follows the occipital EEG: its drawn shape correlates with the newest data.
    channel = page._channels[0]
    drawn = page._polygons[0]
    ys = np.array([drawn.at(i).y() for i in range(0, drawn.size(), 2)])  # the data points, not the curve's
    assert np.ptp(ys) > 10  # a wave on screen, not a flat line
    assert channel in visitor.stream.channels_with_role(Role.OCCIPITAL)


def test_the_attract_screen_survives_nan_and_no_data_and_animates_gently(qtbot, caplog):
    profile = find_profile("virtual_visitor")
    nan = np.full((len(profile.channels), 4 * RATE), np.nan)
    for stream in (stream_of(nan), stream_of(np.zeros((len(profile.channels), 0))), None):
        page = shown(qtbot, AttractPage())
        page.set_stream(stream)
        if stream is not None:
            write(stream, np.full((len(profile.channels), RATE // 5), np.inf))  # more arrives, still broken
        first = [page._polygons and page._polygons[0].at(10).y()]
        qtbot.wait(300)
        assert page.is_animating and not page.live  # idle waves, no live claim
        assert len(page.frame_costs_ms) >= 3
        points = np.array([[p.x(), p.y()] for polygon in page._polygons for p in polygon])
        assert np.isfinite(points).all()  # nothing NaN reaches the painter
        assert page._polygons[0].at(10).y() != first[0]  # and it moves
        page.close()
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_the_attract_screen_half_broken_draws_the_good_channels_live(qtbot):
    profile = find_profile("virtual_visitor")
    t = np.arange(4 * RATE) / RATE
    data = np.tile(20 * np.sin(2 * np.pi * 10 * t), (len(profile.channels), 1))
    chosen = pick_channels(profile.roles)
    data[chosen[0]] = np.nan  # one electrode fell off
    stream = stream_of(data)
    page = shown(qtbot, AttractPage())
    page.set_stream(stream)
    for _ in range(15):
        write(stream, data[:, : RATE // 20])
        qtbot.wait(40)
    target = page._live_target
    assert target[0] == 0 and target[1:4].all()  # the NaN channel idles, the others are live


def test_the_attract_screen_idles_a_channel_whose_values_the_worker_held_in_place_of_nan(qtbot):
    """The worker replaces a NaN by the channel's last good value and flags it: finite, but no
    signal, so it is not drawn as a live trace (a NaN never reaches a visitor, not even held)."""
    profile = find_profile("virtual_visitor")
    t = np.arange(4 * RATE) / RATE
    data = np.tile(20 * np.sin(2 * np.pi * 10 * t), (len(profile.channels), 1))
    chosen = pick_channels(profile.roles)
    stream = stream_of(data)
    page = shown(qtbot, AttractPage())
    page.set_stream(stream)
    chunk = RATE // 20
    held = np.zeros((len(profile.channels), chunk), dtype=bool)
    held[chosen[0]] = True
    for _ in range(30):
        block = data[:, :chunk].copy()
        block[chosen[0]] = 7.0  # the last good value, held
        stream._buffer.write(block, block, np.arange(chunk) / RATE, np.zeros(chunk), invalid=held)
        qtbot.wait(40)
    target = page._live_target
    assert target[0] == 0 and target[1:4].all()


def test_the_attract_screen_stops_its_timer_when_hidden(qtbot):
    page = shown(qtbot, AttractPage())
    page.set_stream(LiveStream().stream)
    assert page.is_animating
    page.hide()
    assert not page.is_animating
    painted = len(page.frame_costs_ms)
    qtbot.wait(150)
    assert len(page.frame_costs_ms) == painted  # no frame while off screen
    page.show()
    assert page.is_animating


def test_the_attract_text_is_bilingual_whatever_the_language(qtbot, lang):
    page = shown(qtbot, AttractPage(), (1920, 1080))
    image = page.grab().toImage()
    assert image.width() == 1920
    # Both sentences are painted whatever the language; they are not translated.
    assert ATTRACT_CHINESE and HAN.search(ATTRACT_CHINESE) and ATTRACT_ENGLISH.startswith("Put on")
    static = page._static.toImage()
    text_band = static.copy(0, round(0.66 * 1080), 1920, 200)
    bright = sum(
        1 for x in range(0, 1920, 4) for y in range(0, 200, 4) if text_band.pixelColor(x, y).lightness() > 200
    )
    assert bright > 200  # the white Chinese line is there


def test_pick_channels_prefers_the_back_of_the_head():
    roles = [Role.FRONTAL, Role.FRONTAL, Role.CENTRAL, Role.OCCIPITAL, Role.OCCIPITAL, Role.REFERENCE]
    assert pick_channels(roles, 3) == [2, 3, 4]
    assert pick_channels([Role.REFERENCE], 4) == [0]


# --- consent --------------------------------------------------------------------------------------------


def test_consent_buttons_emit_their_signals(qtbot):
    page = shown(qtbot, ConsentPage())
    for button, signal in (
        (page.start_button, page.sigAccepted),
        (page.decline_button, page.sigDeclined),
        (page.language_button, page.sigLanguageToggle),
    ):
        assert button.height() >= 48 and button.isVisible()
        with qtbot.waitSignal(signal, timeout=1_000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_consent_speaks_the_current_language_and_fits_the_screen(qtbot, lang):
    page = shown(qtbot, ConsentPage())
    texts = visible_texts(page)
    assert len(texts) >= 12  # title, lead, five points of two lines each
    if lang == "zh_CN":
        assert page.language_button.text() == "English"
        english_left = [text for text in texts if LATIN_WORD.search(text.replace("EEG", ""))]
        assert not english_left, english_left
        assert page.start_button.text() == "开始"
    else:
        assert page.language_button.text() == "中文"
        assert not [text for text in texts if HAN.search(text)]
    assert not page.scroll.verticalScrollBar().isVisible()  # all of it on a 1280 x 800 screen
    for label in page.findChildren(QLabel):
        if label.text():
            label.ensurePolished()
            assert label.font().pixelSize() >= 18, label.text()


def test_consent_clear_goes_back_to_the_top(qtbot):
    page = shown(qtbot, ConsentPage(), (900, 480))  # small enough to scroll
    bar = page.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    page.clear()
    assert bar.value() == 0


# --- thank you ------------------------------------------------------------------------------------------

RESULTS = [("Mind speller", "You spelled HELLO: 5 of 5 right."), ("Focus rocket", "Your rocket flew 72 %.")]


def test_thanks_shows_the_results_and_any_touch_is_done_once(qtbot):
    page = ThanksPage()
    page.show_results(RESULTS)
    shown(qtbot, page)
    texts = visible_texts(page)
    for title, line in RESULTS:
        assert title in texts and line in texts
    assert page.is_counting and "15" in page.hint_label.text()
    done = []
    page.sigDone.connect(lambda: done.append(1))
    qtbot.mouseClick(page.result_widgets[0], Qt.MouseButton.LeftButton)  # on a result card: still a touch
    qtbot.mouseClick(page, Qt.MouseButton.LeftButton)
    assert done == [1] and not page.is_counting


def test_thanks_key_press_is_done(qtbot):
    page = shown(qtbot, ThanksPage())
    with qtbot.waitSignal(page.sigDone, timeout=1_000):
        qtbot.keyClick(page, Qt.Key.Key_Return)


def test_thanks_counts_down_and_goes_back_by_itself_only_while_shown(qtbot):
    page = ThanksPage(countdown_s=2)
    qtbot.addWidget(page)
    page.show_results([])
    assert not page.is_counting  # not on screen yet
    page.show()
    with qtbot.waitSignal(page.sigDone, timeout=3_500):
        pass
    assert page.seconds_left == 0
    page.show_results(RESULTS)  # the next visitor's thank-you counts afresh
    assert page.is_counting and page.seconds_left == 2
    page.hide()
    assert not page.is_counting


def test_thanks_clear_leaves_no_result_text_anywhere(qtbot):
    page = ThanksPage()
    page.show_results(RESULTS)
    shown(qtbot, page)
    page.clear()
    every_text = " ".join(label.text() for label in page.findChildren(QLabel))
    for title, line in RESULTS:
        assert title not in every_text and line not in every_text
    assert "HELLO" not in every_text and not page.result_widgets
    assert page.lead_label.text().startswith("Thank you for visiting")  # the general thank-you
    assert not page.is_counting


def test_thanks_without_results_is_a_general_thank_you_in_the_visitor_language(qtbot, lang):
    page = ThanksPage()
    page.show_results([])
    shown(qtbot, page)
    assert not page.results_host.isVisibleTo(page)
    if lang == "zh_CN":
        assert page.title_label.text() == "谢谢参与！"
        assert HAN.search(page.hint_label.text()) and "15" in page.hint_label.text()
        assert not [text for text in visible_texts(page) if LATIN_WORD.search(text)]
    else:
        assert page.title_label.text() == "Thank you!"
