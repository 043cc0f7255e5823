"""What the speller says to the visitor, by the flow's :class:`~demos.ssvep_speller.flow.Prompt`.

English source texts, marked for Qt's translation tools in the "SsvepSpeller" context; the widget
translates them when it shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from demos.ssvep_speller.flow import Prompt
from demos.ssvep_speller.layouts import BACKSPACE, SPACE

CONTEXT = "SsvepSpeller"
SPECIAL_KEYS = {
    SPACE: QT_TRANSLATE_NOOP("SsvepSpeller", "Space"),
    BACKSPACE: QT_TRANSLATE_NOOP("SsvepSpeller", "Delete"),
}
PROMPTS = {
    Prompt.READY: QT_TRANSLATE_NOOP("SsvepSpeller", "Press Start when you are ready."),
    Prompt.CALIBRATING: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "Calibration %1 of %2: look at the key with the yellow frame while it flickers."
    ),
    Prompt.LOOK_AT_FRAME: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "Look at the key with the yellow frame. Keep looking while the keys flicker."
    ),
    Prompt.LOOK_AT_CHOICE: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "Look at the key you want. Keep looking while the keys flicker."
    ),
    Prompt.GOT_IT: QT_TRANSLATE_NOOP("SsvepSpeller", "Got it!"),
    Prompt.WRONG_KEY: QT_TRANSLATE_NOOP("SsvepSpeller", "Oops, not that one. On to the next."),
    Prompt.UNSURE: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "I'm not sure which key you looked at. Let's try again."
    ),
    Prompt.UNSURE_STREAK: QT_TRANSLATE_NOOP(
        "SsvepSpeller",
        "I could not tell which key you looked at a few times in a row. That happens! Rest your eyes "
        "for a moment, then press Continue and look steadily at the middle of one key.",
    ),
    Prompt.SIGNAL_GAP: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "The signal dropped out for a moment. Let's try that again."
    ),
    Prompt.STOPPED: QT_TRANSLATE_NOOP("SsvepSpeller", "Stopped. Press Continue when you are ready."),
    Prompt.NO_SIGNAL: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "No signal from the headset. A member of staff will check it."
    ),
    Prompt.DISPLAY_TOO_SLOW: QT_TRANSLATE_NOOP(
        "SsvepSpeller", "This screen refreshes too slowly for these keys."
    ),
    Prompt.WELL_DONE: QT_TRANSLATE_NOOP("SsvepSpeller", "Well done!"),
    Prompt.SUMMARY: QT_TRANSLATE_NOOP(
        "SsvepSpeller",
        "Done! You spelled %1 in %2 seconds with your eyes and brain only. %3 of %4 choices "
        "were right (%5\u00a0%). That is about %7 choices a minute: as much information as answering "
        "%6 yes-or-no questions a minute.",
    ),
}
