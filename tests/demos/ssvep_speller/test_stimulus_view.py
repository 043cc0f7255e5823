"""The frame driver: no-vsync detection, on a canvas offscreen (the time limit is the shell's)."""

from __future__ import annotations

from demos.ssvep_speller.stimulus_view import VSYNC_PROBE_FRAMES, FrameDriver, KeyScene, RasterCanvas


def test_frames_faster_than_any_display_mean_no_vsync_and_timer_pacing(qtbot):
    canvas = RasterCanvas(KeyScene())
    qtbot.addWidget(canvas)
    driver = FrameDriver(canvas)
    driver.vsync = True  # as a GPU canvas starts out: presentation paced by the buffer swap
    driver.run()
    with qtbot.waitSignal(driver.sigNoVsync, timeout=1_000):
        for _ in range(VSYNC_PROBE_FRAMES + 1):  # back to back, microseconds apart
            canvas.sigPresented.emit()
    assert not driver.vsync and driver.clock.intervals_s == []  # measured afresh, timer-paced
    driver.halt()
