"""The attention game's visit as a Qt-free state machine: events in, actions out.

INTRO (choose focus, relax or, with a second headset, a focus duel) → BASELINE (eyes open for
``baseline_phase_s``, then eyes closed as long, with a countdown; when the eyes should open, a
sound and the screen lighting up with "Open your eyes!" for :data:`EYES_OPEN_CALL_S` say so, the
light for a visitor without sound) → READY (3, 2, 1, after that call) → ROUND (``round_s``: the
rocket, the balloon or the tug of war follows the smoothed index) → RESULT (the average score,
the board of today's best) → EXPLAINED ("how it worked": alpha and beta over the round). A
baseline with too few clean windows ends in BASELINE_FAILED (try again). PAUSED is the shell's
interruption (the headset lost): the baseline phase or the round under way is void and starts
again on :meth:`AttentionFlow.resume`.

Every instruction is a cue in the stream (baseline eyes open / closed / end, round focus / relax
/ end), so the virtual visitor follows the game by itself, and a recording of it can be scored by
``bci-showroom evaluate attention`` without a label.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

import numpy as np

from demos.attention.player import Player, Trace
from demos.attention.processing import SETTLE_S, WINDOW_S, Hold
from demos.attention.settings import BASELINE_PHASE_S, ROUND_S
from demos.base import DemoSettings
from drivers import cues

#: In a duel, the ball moves this far per second (the field is -1..1) per 100 points of difference.
DUEL_SPEED = 0.5
#: A round where more than this share of a player's windows were held measured nothing worth a score.
MOST_HELD = 0.5
#: How long the screen calls "Open your eyes!" after the eyes-closed phase: long enough for closed
#: eyes to notice the light and read it; the 3, 2, 1 counts down after it.
EYES_OPEN_CALL_S = 2.5


class Phase(Enum):
    INTRO = "intro"
    BASELINE = "baseline"
    BASELINE_FAILED = "baseline-failed"
    READY = "ready"
    ROUND = "round"
    RESULT = "result"
    EXPLAINED = "explained"
    PAUSED = "paused"


class Mode(StrEnum):
    FOCUS = "focus"
    RELAX = "relax"
    DUEL = "duel"  # two players, focus: the one who focuses more pulls the ball to their side


@dataclass(frozen=True)
class Announce:
    """Put this cue into the stream (``context.cue``)."""

    cue: cues.Cue


@dataclass(frozen=True)
class Sound:
    """Play this sound (the widget's player decides whether sound is on)."""

    name: str


Action = Announce | Sound


@dataclass(frozen=True)
class Options:
    """The demo's settings, typed and kept within what makes sense for a visitor."""

    baseline_phase_s: float = BASELINE_PHASE_S.default
    round_s: float = ROUND_S.default
    ready_s: float = 3.0

    @classmethod
    def from_settings(cls, settings: DemoSettings) -> Options:
        return cls(baseline_phase_s=BASELINE_PHASE_S.read(settings), round_s=ROUND_S.read(settings))


@dataclass(frozen=True)
class Outcome:
    """A finished round: each player's average score; the duel's winner (0 or 1; None: a draw or
    not a duel); ``measured`` False when artifacts or the headset held most of a player's round."""

    mode: Mode
    scores: tuple[int, ...]
    winner: int | None = None
    measured: bool = True


class AttentionFlow:
    """The visit. ``players[0]`` is the headset the shell started with; ``players[1]`` the duel's."""

    def __init__(self, players: list[Player], options: Options | None = None) -> None:
        if not players:
            raise ValueError("the game needs at least one player")
        self.players = players
        self.options = options or Options()
        self.phase = Phase.INTRO
        self.mode = Mode.FOCUS
        self.phase_started = 0.0
        self.baseline_step = cues.Baseline.EYES_OPEN
        self.rope = 0.0  # the duel's ball: -1 player 1 has won, +1 player 2
        self.outcome: Outcome | None = None
        self._paused_phase: Phase | None = None
        self._last_round_tick = 0.0
        self._eyes_closed_ended: float | None = None  # when the last eyes-closed phase ended

    @property
    def can_duel(self) -> bool:
        return len(self.players) >= 2

    @property
    def playing(self) -> list[Player]:
        return self.players[:2] if self.mode is Mode.DUEL else self.players[:1]

    @property
    def index_column(self) -> int:
        """Which score the mode plays: 0 focus, 1 relax."""
        return 1 if self.mode is Mode.RELAX else 0

    def score(self, player: Player) -> float | None:
        """The player's smoothed score for the mode being played (held through artifacts); None
        before the round's first measured window (the meter starts afresh with the round, so nothing
        measured during the baseline or "get ready" shows as a score)."""
        scores = player.meter.scores
        if scores is None or self.phase in (Phase.BASELINE, Phase.READY):
            return None
        return float(scores[self.index_column])

    def calling_eyes_open(self, now: float) -> bool:
        """The eyes-closed phase has just ended: the screen lights up and says "Open your eyes!"
        (a visitor with closed eyes sees the light through the lids; no sound is needed)."""
        ended = self._eyes_closed_ended
        return ended is not None and 0.0 <= now - ended < EYES_OPEN_CALL_S

    def hold(self, player: Player) -> Hold | None:
        return None if player.last is None else player.last.hold

    def remaining_s(self, now: float) -> float:
        """Seconds left in the current baseline phase, countdown or round (the countdown after a
        baseline starts when the call to open the eyes ends)."""
        length = {
            Phase.BASELINE: self.options.baseline_phase_s,
            Phase.READY: self.options.ready_s,
            Phase.ROUND: self.options.round_s,
        }.get(self.phase, 0.0)
        return max(0.0, length - (now - self.phase_started))

    # --- events -----------------------------------------------------------------------------------------
    def choose(self, mode: Mode, now: float) -> list[Action]:
        """The visitor chose a game: a baseline first (unless each player has one), then 3, 2, 1."""
        if mode is Mode.DUEL and not self.can_duel:
            raise ValueError("a duel needs a second headset")
        self.mode = mode
        if all(player.baseline is not None for player in self.playing):
            return self._enter(Phase.READY, now)
        for player in self.playing:
            player.forget()
        return self._start_baseline(now)

    def tick(self, now: float) -> list[Action]:
        """Read every player's headset and move the visit on."""
        for player in self.players:
            player.read(now)
        if self.phase is Phase.BASELINE:
            return self._tick_baseline(now)
        if self.phase is Phase.READY and self.remaining_s(now) <= 0:
            for player in self.playing:
                player.trace = Trace()
                player.meter.reset()  # the round's score starts from its own first window
            self.rope = 0.0
            self._last_round_tick = now
            return self._enter(Phase.ROUND, now, Announce(cues.Round(self._round_mode)), Sound("start"))
        if self.phase is Phase.ROUND:
            return self._tick_round(now)
        return []

    def again(self) -> None:
        """Back to the choice of game (the same visitor: the baseline is kept)."""
        self.phase = Phase.INTRO
        self.outcome = None

    @property
    def knows_the_players(self) -> bool:
        """Every player of a single game has a baseline (the next game can start at once)."""
        return self.players[0].baseline is not None

    def new_players(self) -> None:
        """Someone else plays next: forget every player's baseline (and all else of them)."""
        for player in self.players:
            player.forget()
        self.again()

    def explain(self) -> None:
        if self.outcome is not None:
            self.phase = Phase.EXPLAINED

    def back_to_result(self) -> None:
        """From "how it worked" back to the score (to save it, or read it again)."""
        if self.phase is Phase.EXPLAINED:
            self.phase = Phase.RESULT

    def retry_baseline(self, now: float) -> list[Action]:
        return self._start_baseline(now)

    def interrupt(self, now: float) -> list[Action]:
        """The shell paused the visit: the baseline phase or round under way is void (and ended in
        the stream, so a recording's segment stops here)."""
        if self.phase not in (Phase.BASELINE, Phase.READY, Phase.ROUND):
            return []
        actions = self._closing_cues()
        self._paused_phase = self.phase
        self.phase = Phase.PAUSED
        self.phase_started = now
        return actions

    def stop(self) -> list[Action]:
        """Leaving: a baseline or round under way ends in the stream (the visitor stops too)."""
        actions = self._closing_cues()
        self.phase = Phase.INTRO
        self._paused_phase = None
        return actions

    def _closing_cues(self) -> list[Action]:
        if self.phase is Phase.BASELINE:
            return [Announce(cues.BaselinePhase(cues.Baseline.END))]
        if self.phase is Phase.ROUND:
            return [Announce(cues.Round(cues.RoundMode.END))]
        return []

    def resume(self, now: float) -> list[Action]:
        """Carry on: a baseline starts again from its eyes-open phase, a round from 3, 2, 1."""
        paused, self._paused_phase = self._paused_phase, None
        if self.phase is not Phase.PAUSED or paused is None:
            return []
        if paused is Phase.BASELINE:
            return self._start_baseline(now)
        return self._enter(Phase.READY, now)

    # --- the baseline -------------------------------------------------------------------------------------
    def _start_baseline(self, now: float) -> list[Action]:
        self._eyes_closed_ended = None
        for player in self.playing:
            player.baseline_readings = {"open": [], "closed": []}
        self.baseline_step = cues.Baseline.EYES_OPEN
        return self._enter(Phase.BASELINE, now, Announce(cues.BaselinePhase(cues.Baseline.EYES_OPEN)))

    def _tick_baseline(self, now: float) -> list[Action]:
        # A window reaches WINDOW_S back: keep only those that start after the eyes settled.
        if now - self.phase_started >= SETTLE_S + WINDOW_S:
            key = "open" if self.baseline_step is cues.Baseline.EYES_OPEN else "closed"
            for player in self.playing:
                if player.last is not None:
                    player.baseline_readings[key].append(player.last)
        if self.remaining_s(now) > 0:
            return []
        if self.baseline_step is cues.Baseline.EYES_OPEN:
            self.baseline_step = cues.Baseline.EYES_CLOSED
            return self._enter(
                Phase.BASELINE, now, Announce(cues.BaselinePhase(cues.Baseline.EYES_CLOSED)), Sound("tick")
            )
        actions: list[Action] = [Announce(cues.BaselinePhase(cues.Baseline.END)), Sound("end")]
        self._eyes_closed_ended = now
        try:
            for player in self.playing:
                player.learn()
        except ValueError:
            self.phase = Phase.BASELINE_FAILED
            return actions
        # The 3, 2, 1 starts once the call to open the eyes is over.
        return actions + self._enter(Phase.READY, now + EYES_OPEN_CALL_S)

    # --- the round ----------------------------------------------------------------------------------------
    @property
    def _round_mode(self) -> cues.RoundMode:
        return cues.RoundMode.RELAX if self.mode is Mode.RELAX else cues.RoundMode.FOCUS

    def _tick_round(self, now: float) -> list[Action]:
        scores = [self.score(player) for player in self.playing]
        for player, score in zip(self.playing, scores, strict=True):
            if player.last is not None:
                player.trace.add(player.last, score)
        # The ball moves only on a tick where both are measured: a player whose headset went quiet
        # or who clenches the jaw must not win (or keep a lead) on a frozen score.
        held = any(player.last is None or player.last.hold is not None for player in self.playing)
        if self.mode is Mode.DUEL and None not in scores and not held:
            step = now - self._last_round_tick
            self.rope = float(np.clip(self.rope + DUEL_SPEED * step * (scores[1] - scores[0]) / 100, -1, 1))
        self._last_round_tick = now
        if self.remaining_s(now) > 0 and abs(self.rope) < 1.0:
            return []
        return self._finish(now)

    def _finish(self, now: float) -> list[Action]:
        averages = tuple(
            round(float(np.mean(player.trace.scores))) if player.trace.scores else 0
            for player in self.playing
        )
        measured = all(
            player.trace.scores and player.trace.held <= MOST_HELD * len(player.trace.scores)
            for player in self.playing
        )
        winner = None
        if self.mode is Mode.DUEL and measured:
            # The ball decides; dead centre at the bell, the higher average; equal: a draw.
            if self.rope != 0:
                winner = 0 if self.rope < 0 else 1
            elif averages[0] != averages[1]:
                winner = int(averages[1] > averages[0])
        self.outcome = Outcome(self.mode, averages, winner, bool(measured))
        self.phase = Phase.RESULT
        self.phase_started = now
        return [Announce(cues.Round(cues.RoundMode.END)), Sound("win" if self.mode is Mode.DUEL else "end")]

    def _enter(self, phase: Phase, now: float, *actions: Action) -> list[Action]:
        self.phase = phase
        self.phase_started = now
        return list(actions)
