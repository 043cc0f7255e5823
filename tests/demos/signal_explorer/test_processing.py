from __future__ import annotations

import numpy as np
import pytest

from demos.signal_explorer.processing import summarize_channels
from drivers.analysis.quality import ChannelQuality

FS = 250.0


def test_summary_reports_amplitude_mains_hum_and_main_rhythm():
    t = np.arange(int(4 * FS)) / FS
    rng = np.random.default_rng(0)
    alpha = 20 * np.sin(2 * np.pi * 10 * t)
    hum = 30 * np.sin(2 * np.pi * 50 * t)
    raw = np.vstack([alpha + hum, 0.01 * rng.standard_normal(len(t)), 400 * np.sin(2 * np.pi * 6 * t)])
    filtered = raw - np.vstack([hum, np.zeros_like(t), np.zeros_like(t)])  # as if notched
    good, flat, huge = summarize_channels(raw, filtered, FS, 50)
    assert good.rms_uv == pytest.approx(20 / np.sqrt(2), rel=0.02)
    assert good.mains_uv == pytest.approx(30, rel=0.1)
    assert good.dominant_hz == pytest.approx(10, abs=0.5)
    assert good.quality is ChannelQuality.GOOD
    assert flat.quality is ChannelQuality.FLAT
    assert huge.quality is ChannelQuality.ARTIFACT and huge.dominant_hz == pytest.approx(6, abs=0.5)


def test_too_little_data_gives_no_summary_rather_than_nonsense():
    assert summarize_channels(np.zeros((2, 10)), np.zeros((2, 10)), FS, 50) == []


def test_headset_off_is_recognised_once_for_the_whole_headset():
    from demos.signal_explorer.processing import headset_off
    from drivers.roles import electrode_role

    names = ["Fp1", "Fp2", "C3", "C4", "P7", "P8", "O1", "O2"]
    roles = [electrode_role(name) for name in names]
    rng = np.random.default_rng(2)
    garbage = 3000 * rng.standard_normal((8, int(2 * FS)))
    raw = garbage.copy()
    raw[::2] = 187_500.0  # every other input at the rail, the rest picking up the room
    assert headset_off(raw, garbage, FS, names, roles)
    t = np.arange(int(2 * FS)) / FS
    eeg = 15 * np.sin(2 * np.pi * 10 * t) + 5 * rng.standard_normal((8, len(t)))
    eeg[3] = 187_500.0  # one railed electrode is a fitting problem, not a headset off
    assert not headset_off(eeg, eeg, FS, names, roles)
    assert not headset_off(np.zeros((8, 0)), np.zeros((8, 0)), FS, names, roles)
