"""The speller's settings that staff may change, each declared once (no Qt).

The flow reads the timings (:meth:`demos.ssvep_speller.flow.Options.from_settings`), the screen
the layout and the switches, and the staff console offers them all
(:attr:`SsvepSpellerDemo.staff_settings`), through these declarations. A module of its own, so the
menu reads them without loading the decoder.
"""

from __future__ import annotations

from demos.base import QT_TRANSLATE_NOOP, StaffSetting

# The choices are the built-in layouts (``layouts/*.toml``; the demo's tests check it).
LAYOUT = StaffSetting(
    "layout",
    QT_TRANSLATE_NOOP("demos", "Keyboard shown first"),
    "choice",
    "keyboard40",
    choices=(
        ("keyboard40", QT_TRANSLATE_NOOP("demos", "Keyboard (40 keys)")),
        ("phrases", QT_TRANSLATE_NOOP("demos", "Phrase board (6 keys)")),
    ),
)
CALIBRATED = StaffSetting(
    "calibrated",
    QT_TRANSLATE_NOOP("demos", "Calibrate first (more accurate, takes longer)"),
    "bool",
    False,
)
# TRCA needs two trials of every key.
CALIBRATION_BLOCKS = StaffSetting(
    "calibration_blocks",
    QT_TRANSLATE_NOOP("demos", "Calibration: times each key is shown"),
    "int",
    2,
    2,
    6,
)
CALIBRATION_TRIAL_S = StaffSetting(
    "calibration_trial_s",
    QT_TRANSLATE_NOOP("demos", "Calibration: flicker per key (s)"),
    "float",
    1.5,
    0.5,
    4.0,
    step=0.1,
)
CUE_S = StaffSetting(
    "cue_s",
    QT_TRANSLATE_NOOP("demos", "Time to find the next key (s)"),
    "float",
    1.0,
    0.2,
    5.0,
    step=0.1,
)
FEEDBACK_S = StaffSetting(
    "feedback_s",
    QT_TRANSLATE_NOOP("demos", "Time the chosen key stays marked (s)"),
    "float",
    0.7,
    0.1,
    5.0,
    step=0.1,
)
UNSURE_LIMIT = StaffSetting(
    "unsure_limit",
    QT_TRANSLATE_NOOP("demos", "Unsure answers in a row before a pause"),
    "int",
    3,
    1,
    20,
)
# Key reduced_contrast.
SOFTER_FLICKER = StaffSetting(
    "reduced_contrast", QT_TRANSLATE_NOOP("demos", "Softer flicker (lower contrast)"), "bool", False
)
# In the order the staff console shows them.
STAFF_SETTINGS = (
    LAYOUT,
    CALIBRATED,
    CALIBRATION_BLOCKS,
    CALIBRATION_TRIAL_S,
    CUE_S,
    FEEDBACK_S,
    UNSURE_LIMIT,
    SOFTER_FLICKER,
)
