"""What the attention game says to the visitor: the caption over the round, why the score holds,
the choice page's sentence, a finished round in one line, what is wrong with a nickname, and when
names are wiped from the board.

English source texts in the "Attention" context, translated when they are shown.
"""

from __future__ import annotations

import math

from demos.attention.flow import AttentionFlow, Mode, Outcome, Phase
from demos.attention.leaderboard import MAX_NICKNAME_CHARS, NicknameProblem, Retention
from demos.attention.processing import Hold
from demos.kit.i18n import fill, translate
from drivers.cues import Baseline


def hint_text(hold: Hold | None) -> str:
    """A friendly sentence for why the score is holding (empty when there is nothing to do)."""
    if hold is Hold.BLINK:
        return translate("Attention", "Blinking! Try to keep your eyes still for a moment.")
    if hold is Hold.JAW:
        return translate("Attention", "Relax your jaw and face.")
    if hold is Hold.MOVEMENT:
        return translate("Attention", "Try to sit still.")
    if hold is Hold.HEADSET:
        return translate("Attention", "The headset has lost contact. Please ask a member of staff.")
    return ""


def describe_outcome(outcome: Outcome) -> str:
    """A finished round in one line, for the kiosk's thank-you screen."""
    if outcome.mode is Mode.DUEL:
        if outcome.winner is None:
            return fill(translate("Attention", "Focus duel: a draw, %1 to %2"), *outcome.scores)
        return fill(
            translate("Attention", "Focus duel: player %1 won, %2 to %3"), outcome.winner + 1, *outcome.scores
        )
    if outcome.mode is Mode.FOCUS:
        return fill(translate("Attention", "Your focus score: %1"), outcome.scores[0])
    return fill(translate("Attention", "Your relax score: %1"), outcome.scores[0])


def caption(flow: AttentionFlow, now: float, sound_cue: bool) -> str:
    """What to do now, over the baseline and the round; ``sound_cue`` when a sound will say when to
    open the eyes again (the screen lights up for it either way)."""
    if flow.calling_eyes_open(now):
        return translate("Attention", "Open your eyes!")
    if flow.phase is Phase.BASELINE:
        if flow.baseline_step is Baseline.EYES_OPEN:
            return translate(
                "Attention", "First we learn your brain at rest. Eyes open: look at the screen and relax."
            )
        if sound_cue:
            return translate(
                "Attention", "Now close your eyes and relax. A sound tells you when to open them."
            )
        return fill(
            translate(
                "Attention",
                "Now close your eyes and relax for %1 seconds. The screen lights up when it is time to "
                "open them.",
            ),
            round(flow.options.baseline_phase_s),
        )
    if flow.phase is Phase.READY:
        return fill(translate("Attention", "Get ready… %1"), math.ceil(flow.remaining_s(now)))
    if flow.mode is Mode.RELAX:
        return translate(
            "Attention",
            "Relax and breathe slowly, eyes half closed: the calmer you are, the higher the balloon.",
        )
    if flow.mode is Mode.DUEL:
        return translate("Attention", "Focus! The one who concentrates more pulls the ball to their side.")
    return translate(
        "Attention",
        "Concentrate: count down from 100, taking away 7 each time (100, 93, 86 …), and the rocket climbs.",
    )


def intro_body(flow: AttentionFlow) -> str:
    """The choice page's sentence: how long a game takes, and whether it starts with a baseline."""
    if flow.knows_the_players:
        return fill(
            translate(
                "Attention",
                "Same player? Choose a game and it starts at once (%1 seconds). Someone new? Touch "
                '"New player" first, so the game learns their brain at rest.',
            ),
            round(flow.options.round_s),
        )
    return fill(
        translate(
            "Attention",
            "First %1 seconds to learn your brain at rest (eyes open, then closed), then a round of "
            "%2 seconds. Focus to launch a rocket, or relax to lift a balloon.",
        ),
        round(2 * flow.options.baseline_phase_s),
        round(flow.options.round_s),
    )


def nickname_problem(reason: NicknameProblem) -> str:
    """Why a nickname cannot go on the board, in one sentence."""
    if reason is NicknameProblem.EMPTY:
        return translate("Attention", "Please type a nickname first.")
    if reason is NicknameProblem.TOO_LONG:
        return fill(
            translate("Attention", "That nickname is too long: %1 characters at most."),
            MAX_NICKNAME_CHARS,
        )
    return translate(
        "Attention", "That nickname has characters we cannot show. Please use letters and numbers."
    )


def names_wiped(retention: Retention) -> str:
    """When *Today's best* forgets the nicknames on it (the staff's choice), in one sentence: shown
    where a visitor types one and under the board, so the intro's "no name is kept" stays true."""
    if retention is Retention.HOUR:
        return translate("Attention", "Names are wiped one hour after they are typed.")
    if retention is Retention.VISIT:
        return translate("Attention", "Names are wiped when you leave the game.")
    return translate("Attention", "Names are wiped at the end of today.")
