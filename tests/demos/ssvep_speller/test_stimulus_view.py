"""The frame driver: no-vsync detection and the flicker time limit, on a canvas offscreen."""

from __future__ import annotations

import numpy as np

from demos.ssvep_speller.stimulus_view import VSYNC_PROBE_FRAMES, FrameDriver, KeyScene, RasterCanvas


def test_frames_faster_than_any_display_mean_no_vsync_and_timer_pacing(qtbot):
    canvas = RasterCanvas(KeyScene())
    qtbot.addWidget(canvas)
    driver = FrameDriver(canvas, max_flicker_s=5.0)
    driver.vsync = True  # as a GPU canvas starts out: presentation paced by the buffer swap
    driver.run()
    with qtbot.waitSignal(driver.sigNoVsync, timeout=1_000):
        for _ in range(VSYNC_PROBE_FRAMES + 1):  # back to back, microseconds apart
            canvas.sigPresented.emit()
    assert not driver.vsync and driver.clock.intervals_s == []  # measured afresh, timer-paced
    driver.halt()


def test_the_driver_cuts_a_flicker_at_its_time_limit(qtbot):
    scene = KeyScene()
    scene.set_grid(1, 2, ["A", "B"])
    canvas = RasterCanvas(scene)
    qtbot.addWidget(canvas)
    canvas.show()
    driver = FrameDriver(canvas, max_flicker_s=0.3)
    driver.run()
    qtbot.wait(200)
    with qtbot.waitSignal(driver.sigLimitReached, timeout=2_000):
        driver.start_flicker(np.array([8.0, 9.0]), np.zeros(2), contrast=1.0)
    assert not driver.flickering and scene.levels is None
    driver.halt()
