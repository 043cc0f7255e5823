"""The motor-imagery demo's settings that staff may change, each declared once (no Qt).

The flow reads them (:meth:`demos.mi_cursor.flow.Options.from_settings`) and the staff console
offers them (:attr:`MiCursorDemo.staff_settings`), both through these declarations. A module of
its own, so the menu reads them without loading the decoders' libraries (seconds on a cold start).
"""

from __future__ import annotations

from demos.base import QT_TRANSLATE_NOOP, StaffSetting

# The flow keeps the training within 3 minutes: 13 trials per hand is the most at the shortest
# imagining time, longer times allow fewer. Fewer than 8 and one dropped trial leaves no decoder.
TRIALS_PER_CLASS = StaffSetting(
    "trials_per_class", QT_TRANSLATE_NOOP("demos", "Training trials per hand"), "int", 10, 8, 13
)
IMAGERY_S = StaffSetting(
    "imagery_s",
    QT_TRANSLATE_NOOP("demos", "Imagining time per trial (s)"),
    "float",
    4.0,
    3.0,
    6.0,
    step=0.5,
)
GAME_TARGETS = StaffSetting(
    "game_targets", QT_TRANSLATE_NOOP("demos", "Targets in the game"), "int", 10, 3, 30
)
WINDOW_S = StaffSetting(
    "window_s",
    QT_TRANSLATE_NOOP("demos", "Decoder window (s)"),
    "float",
    2.0,
    1.0,
    2.0,
    step=0.1,
)
# The choices are :data:`demos.mi_cursor.processing.PIPELINES` (the demo's tests check it).
PIPELINE = StaffSetting(
    "pipeline",
    QT_TRANSLATE_NOOP("demos", "Decoder"),
    "choice",
    "tangent-space+lr",
    choices=(
        ("tangent-space+lr", QT_TRANSLATE_NOOP("demos", "Tangent space + logistic regression")),
        ("csp+lda", QT_TRANSLATE_NOOP("demos", "CSP + LDA")),
        ("mdm", QT_TRANSLATE_NOOP("demos", "Riemannian minimum distance (MDM)")),
    ),
)
# In the order the staff console shows them.
STAFF_SETTINGS = (TRIALS_PER_CLASS, IMAGERY_S, GAME_TARGETS, WINDOW_S, PIPELINE)
