"""The attention game's settings that staff may change, each declared once (no Qt).

The flow reads them (:meth:`demos.attention.flow.Options.from_settings`), the screen reads the
sound switch, and the staff console offers them (:attr:`AttentionDemo.staff_settings`), all
through these declarations. A module of its own, so the menu reads them without loading the
game's signal processing.
"""

from __future__ import annotations

from demos.base import QT_TRANSLATE_NOOP, StaffSetting

ROUND_S = StaffSetting(
    "round_s", QT_TRANSLATE_NOOP("demos", "Round length (s)"), "float", 60.0, 20.0, 120.0, step=5.0
)
BASELINE_PHASE_S = StaffSetting(
    "baseline_phase_s",
    QT_TRANSLATE_NOOP("demos", "Rest before the round: eyes open, then closed, each (s)"),
    "float",
    20.0,
    10.0,
    30.0,
    step=1.0,
)
SOUND = StaffSetting("sound", QT_TRANSLATE_NOOP("demos", "Sounds"), "bool", True)
# How long *Today's best* keeps a nickname: the values are demos.attention.leaderboard.Retention's
# (the demo's tests check it). The intro promises that nothing about a visitor is kept, so the
# longest choice is the end of the day.
NAMES_KEPT = StaffSetting(
    "names_kept",
    QT_TRANSLATE_NOOP("demos", "Nicknames on today's best are wiped"),
    "choice",
    "day",
    choices=(
        ("day", QT_TRANSLATE_NOOP("demos", "At the end of the day")),
        ("hour", QT_TRANSLATE_NOOP("demos", "One hour after they are typed")),
        ("visit", QT_TRANSLATE_NOOP("demos", "When the visitor leaves the game")),
    ),
)
# In the order the staff console shows them.
STAFF_SETTINGS = (ROUND_S, BASELINE_PHASE_S, SOUND, NAMES_KEPT)
