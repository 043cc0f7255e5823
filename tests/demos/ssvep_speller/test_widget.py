"""The speller as visitors and staff use it, on the virtual visitor, through the whole live path:
stimulus frames → onset marker → acquisition → decoder → typed text."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from demos.ssvep_speller.session import INTERRUPTED_MARKER, Outcome, onset_marker
from demos.ssvep_speller.stimulus import luminance
from demos.ssvep_speller.widget import REDUCED_CONTRAST, SpellerWidget
from drivers.simulated import SimulatedBoard

FAST = {"cue_s": 0.5, "feedback_s": 0.2}  # shorter pauses than a visitor gets; the flicker is the same


def open_speller(make_window, *, layout: str = "keyboard40", task: str | None = None, **settings):
    window = make_window("virtual_visitor")
    demo_settings = window.settings.for_demo("ssvep_speller")
    for key, value in {**FAST, "layout": layout, **settings}.items():
        demo_settings.set_value(key, value)
    assert window.open_demo_by_id("ssvep_speller")
    speller = window.host.demo_widget
    assert isinstance(speller, SpellerWidget)
    if task is not None:
        speller.task_box.setCurrentIndex(speller.task_box.findText(task, Qt.MatchFlag.MatchStartsWith))
    return window, speller


def start(qtbot, speller: SpellerWidget) -> None:
    qtbot.mouseClick(speller.start_button, Qt.MouseButton.LeftButton)
    if speller.pages.currentIndex() == 1:
        qtbot.mouseClick(speller.accept_button, Qt.MouseButton.LeftButton)


def markers_in_stream(window) -> np.ndarray:
    markers = window.acquisition.stream.latest(60.0).markers
    return markers[markers != 0]


def test_no_flicker_before_the_photosensitivity_warning_is_acknowledged(qtbot, make_window):
    window, speller = open_speller(make_window)
    qtbot.mouseClick(speller.start_button, Qt.MouseButton.LeftButton)
    assert speller.pages.currentIndex() == 1 and speller.warning_label.isVisible()
    assert "seizure" in speller.warning_label.text()
    speller.start_run()  # even called directly, nothing flickers before the warning is acknowledged
    qtbot.wait(1_000)
    assert not speller.driver.flickering and speller.run is None
    assert not np.isin(markers_in_stream(window), [onset_marker(None)]).any()
    qtbot.mouseClick(speller.decline_button, Qt.MouseButton.LeftButton)
    assert speller.pages.currentIndex() == 0
    qtbot.mouseClick(speller.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(speller.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: speller.driver.flickering, timeout=3_000)
    speller.stop_run()


@pytest.mark.parametrize("how", ["key", "click"])
def test_any_key_or_touch_stops_the_flicker_at_once(qtbot, make_window, how):
    window, speller = open_speller(make_window, task="Copy: HELLO")
    start(qtbot, speller)
    qtbot.waitUntil(lambda: speller.driver.flickering, timeout=3_000)
    qtbot.wait(300)
    if how == "key":
        qtbot.keyClick(window, Qt.Key.Key_A)
    else:
        qtbot.mouseClick(speller.canvas, Qt.MouseButton.LeftButton)
    assert not speller.driver.flickering  # stopped within the event, before the next frame
    assert speller.scene.levels is None
    assert speller.start_button.text() == "Continue" and "Stopped" in speller.prompt_label.text()
    assert speller.run.trials[-1].outcome is Outcome.INTERRUPTED
    qtbot.waitUntil(lambda: INTERRUPTED_MARKER in markers_in_stream(window), timeout=2_000)
    qtbot.wait(500)
    assert not speller.driver.flickering  # and it stays stopped
    start(qtbot, speller)  # Continue resumes the same run at the same letter
    qtbot.waitUntil(lambda: speller.driver.flickering, timeout=3_000)
    assert speller.run.next_cue == speller.layout_.index_of("H")
    speller.stop_run()


def test_flicker_never_lasts_longer_than_the_limit(qtbot, make_window):
    window, speller = open_speller(make_window, max_flicker_s=1.0)
    window.acquisition.visitor.set_illiterate(True)  # nothing to decide early on
    start(qtbot, speller)
    qtbot.waitUntil(lambda: speller.driver.flickering, timeout=3_000)
    qtbot.waitUntil(lambda: not speller.driver.flickering, timeout=3_000)
    trial = speller.run.trials[-1]
    assert trial.outcome is Outcome.INTERRUPTED
    assert 0.9 <= sum(trial.frame_intervals_ms) / 1000 <= 1.2
    assert speller.start_button.text() == "Continue"


def test_frames_show_the_sampled_sinusoid_and_reduced_contrast_narrows_it(qtbot, make_window):
    _, speller = open_speller(make_window)
    speller.contrast_box.setChecked(True)
    shown: list[np.ndarray] = []  # the grey levels of every flicker frame, as painted
    paint = speller.scene.paint

    def recording_paint(painter, width, height) -> None:
        if speller.scene.levels is not None:
            shown.append(speller.scene.levels.copy())
        paint(painter, width, height)

    speller.scene.paint = recording_paint
    start(qtbot, speller)
    qtbot.waitUntil(lambda: len(shown) >= 30, timeout=5_000)
    refresh = speller.driver.refresh_hz
    layout = speller.layout_
    speller.stop_run()
    assert 30 <= refresh <= 240  # measured during the cue (timer-paced here: no vsync offscreen)
    expected = [
        0.5 + (luminance(layout.frequencies, layout.phases, n, refresh) - 0.5) * REDUCED_CONTRAST
        for n in range(len(shown))
    ]
    np.testing.assert_allclose(shown, expected, atol=1e-9)
    levels = np.array(shown)
    assert (
        levels.min() >= 0.5 - REDUCED_CONTRAST / 2 - 1e-9
        and levels.max() <= 0.5 + REDUCED_CONTRAST / 2 + 1e-9
    )


def copy_word(qtbot, speller: SpellerWidget, task: str, timeout_s: float) -> dict:
    speller.task_box.setCurrentIndex(speller.task_box.findText(f"Copy: {task}", Qt.MatchFlag.MatchStartsWith))
    saved = len(speller.records)
    start(qtbot, speller)
    qtbot.waitUntil(lambda: len(speller.records) > saved, timeout=int(timeout_s * 1000))
    return speller.records[-1]


def test_the_virtual_visitor_types_hello_and_a_pinyin_word_through_the_live_path(qtbot, make_window):
    window, speller = open_speller(make_window)
    results = [copy_word(qtbot, speller, word, timeout_s=40) for word in ("HELLO", "NAOJI")]
    for record, word in zip(results, ("HELLO", "NAOJI"), strict=True):
        summary = record["summary"]
        assert record["text"] == word
        assert summary["accuracy"] >= 0.95 and summary["selections"] == len(word)
        assert summary["itr_bpm"] > 20
        for trial in record["trials"]:
            assert trial["frame_intervals_ms"] and trial["refresh_hz"] > 30 and trial["dropped_frames"] >= 0
    assert "bits of information per minute" in speller.prompt_label.text()
    keyboard = speller.layout_
    onsets = [m for m in markers_in_stream(window) if 1 <= m <= len(keyboard.keys)]
    assert [keyboard.keys[int(m) - 1].label for m in onsets][-10:] == list("HELLONAOJI")


def test_an_illiterate_visitor_gets_unsure_answers_not_a_crash(qtbot, make_window):
    """No SSVEP: the decoder waits for its longest window and mostly says it is unsure."""
    window, speller = open_speller(make_window, task="Copy: HELLO")
    window.acquisition.visitor.set_illiterate(True)
    start(qtbot, speller)
    qtbot.waitUntil(lambda: len(speller.run.trials) >= 4, timeout=30_000)
    trials = speller.run.trials[:4]
    speller.stop_run()
    rule = speller.layout_.stopping
    assert np.median([trial.confidence for trial in trials]) < rule.accept
    assert sum(trial.outcome is Outcome.UNSURE for trial in trials) >= 3
    assert window.host.demo_widget is speller and window.message_banner.isHidden()


def test_a_radio_gap_during_the_flicker_is_not_decided_and_the_key_is_asked_again(qtbot, make_window):
    window, speller = open_speller(make_window, task="Copy: HELLO")
    start(qtbot, speller)
    qtbot.waitUntil(lambda: speller.driver.flickering, timeout=5_000)
    qtbot.wait(300)
    window.acquisition.visitor.radio_gap(0.5)
    qtbot.waitUntil(lambda: speller.run is not None and len(speller.run.trials) >= 2, timeout=15_000)
    run = speller.run
    speller.stop_run()
    first, second = run.trials[:2]
    assert first.outcome is Outcome.SIGNAL_GAP and first.target is None
    assert second.cued == first.cued  # the same key again, nothing typed for the broken trial
    assert second.outcome is Outcome.TYPED and run.selected[:1] == [first.cued]
    assert window.message_banner.isHidden()


def test_free_spelling_on_the_phrase_board_in_chinese(qtbot, make_window):
    window, speller = open_speller(make_window, layout="phrases")
    window.languages.set_language("zh_CN")
    assert "你好" in speller.scene.labels and speller.layout_box.currentText() == "短语板"
    start(qtbot, speller)
    qtbot.waitUntil(lambda: len(speller.run.selected) >= 2, timeout=20_000)
    speller.stop_run()
    assert speller.run is None and not speller.driver.flickering
    record = speller.records[-1]
    assert record["layout"] == "phrases" and record["task"] is None
    plan = speller.layout_.tasks[0].keys  # what the virtual visitor looks at in free spelling
    typed = [trial["target"] for trial in record["trials"] if trial["outcome"] == "typed"]
    assert typed[:2] == list(plan[:2])
    assert speller.text_label.text().startswith("你好 👍")


def test_the_speller_is_refused_on_a_headset_without_occipital_electrodes(qtbot, make_window):
    window = make_window("muse2", board=SimulatedBoard(4, 256, seed=1))
    assert not window.open_demo_by_id("ssvep_speller")
    assert "occipital" in window.message_banner.text().lower()


def test_calibrated_mode_calibrates_then_spells_with_trca(qtbot, make_window):
    window, speller = open_speller(make_window, layout="phrases", calibration_trial_s=1.0, calibrated=True)
    assert speller.calibrated_box.isChecked()
    speller.task_box.setCurrentIndex(1)
    saved = len(speller.records)
    start(qtbot, speller)
    assert speller._mode == "calibrating" and "Calibration 1 of 12" in speller.prompt_label.text()
    qtbot.waitUntil(lambda: len(speller.records) > saved, timeout=60_000)
    record = speller.records[-1]
    assert speller._decoder_name() == "TRCA" and "TRCA on" in speller.staff_label.text()
    assert record["summary"]["accuracy"] >= 0.95 and record["text"] == "Hello 👍 Thank you "
    assert all(trial["window_s"] <= 1.0 for trial in record["trials"])  # within the calibrated length
    onsets = [m for m in markers_in_stream(window) if 1 <= m <= len(speller.layout_.keys)]
    assert len(onsets) >= 12 + 3  # every calibration trial is marked in the stream as well
