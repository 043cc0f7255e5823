"""The motor-imagery visit as a Qt-free state machine: events in, actions out.

INTRO → CALIBRATION (per trial: a fixation cross, then an arrow: imagine that hand for
``imagery_s``, then a rest of random length) → RESULT (the cross-validated accuracy against the
chance level for that many trials, in plain words) → GAME (per target: get ready, a target left or
right, the cursor moves with the decoder's output every ``step_s`` on a sliding window, a hit or a
miss) → GAME_OVER (score, hit rate) and, from RESULT or GAME_OVER, EXPLAINED ("how it worked": the
visitor's own mu rhythm over both motor cortices during the calibration).

The widget calls :meth:`MiFlow.start`, :meth:`~MiFlow.tick` (every 50 ms), :meth:`~MiFlow.play`,
:meth:`~MiFlow.calibrate` and :meth:`~MiFlow.explain`, carries out the returned
:class:`Announce` actions (``context.cue``), and draws everything else from the flow's state.
Every instruction the visitor gets is a cue in the stream (fixation, imagery left/right/rest), so
the virtual visitor follows the calibration and the game by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from enum import Enum

import numpy as np

from demos.base import DemoSettings, kept_within
from demos.mi_cursor.processing import (
    EPOCH_S,
    ERD_SETTLE_S,
    LEFT,
    MIN_TRIALS_PER_CLASS,
    RIGHT,
    Erd,
    ErdCourse,
    ErdMeter,
    MotorImageryDecoder,
    Validation,
    erd_course,
    is_unusable,
    sensorimotor_channels,
)
from demos.mi_cursor.session import VisitLog
from demos.mi_cursor.settings import GAME_TARGETS, IMAGERY_S, PIPELINE, TRIALS_PER_CLASS, WINDOW_S
from drivers import cues
from drivers.stream.readers import Stream

log = logging.getLogger(__name__)
SIDE_CODES = {cues.Imagery(cues.Side.LEFT).code: LEFT, cues.Imagery(cues.Side.RIGHT).code: RIGHT}
#: How long the flow waits after the last trial for its EEG to arrive before training without it.
DATA_GRACE_S = 3.0
REST_WINDOW_S = 1.0  # the ERD bars' rest: the last second of each fixation
ERD_WINDOW_S = 1.0
ERD_STEP_S = 0.25  # the bars move this often: a Welch spectrum per update is not free (2-3 ms)
MAX_CALIBRATION_S = 180.0  # what a visitor gives a calibration
#: The visit log holds the calibration and this much more (the game decides on its last seconds).
LOG_MARGIN_S = 120.0
CURSOR_GAIN = 0.3  # cursor travel per decision at full certainty (the screen is -1..1)


class Phase(Enum):
    INTRO = "intro"
    CALIBRATION = "calibration"
    TRAINING = "training"  # the last trial is over; waiting for its EEG, then fitting
    RESULT = "result"
    GAME = "game"
    GAME_OVER = "game-over"
    EXPLAINED = "explained"
    PAUSED = "paused"  # the shell interrupted (the headset lost); resume() restarts the trial


class Step(Enum):
    """Where a calibration trial or a game target is."""

    FIXATION = "fixation"  # calibration: the cross; game: get ready
    IMAGERY = "imagery"  # calibration: arrow and imagining; game: target shown, cursor moving
    REST = "rest"  # calibration: a random rest; game: hit or miss shown


@dataclass(frozen=True)
class Options:
    """The demo's settings, typed and kept within what makes sense for a visitor."""

    trials_per_class: int = TRIALS_PER_CLASS.default
    fixation_s: float = 1.5
    imagery_s: float = IMAGERY_S.default
    rest_s: tuple[float, float] = (1.5, 2.5)
    game_targets: int = GAME_TARGETS.default
    target_s: float = 6.0  # the longest a game target stays
    window_s: float = WINDOW_S.default  # the sliding window each decision looks at
    step_s: float = 0.25  # one decision this often
    ready_s: float = 1.0
    outcome_s: float = 1.5
    pipeline: str = PIPELINE.default

    @classmethod
    def from_settings(cls, settings: DemoSettings) -> Options:
        """The stored settings, each kept in range; the calibration is kept within 3 minutes."""
        defaults = cls()
        imagery_s = IMAGERY_S.read(settings)
        trial_s = defaults.fixation_s + imagery_s + sum(defaults.rest_s) / 2
        fewest = TRIALS_PER_CLASS.low
        most = max(fewest, int(MAX_CALIBRATION_S // (2 * trial_s)))
        return cls(
            # One clamp, one log line: within the declared bounds and the 3 minutes at once.
            trials_per_class=kept_within(
                TRIALS_PER_CLASS.key,
                settings.value(TRIALS_PER_CLASS.key, TRIALS_PER_CLASS.default),
                fewest,
                min(most, TRIALS_PER_CLASS.high),
            ),
            imagery_s=imagery_s,
            game_targets=GAME_TARGETS.read(settings),
            window_s=WINDOW_S.read(settings),
            pipeline=PIPELINE.read(settings),
        )

    @property
    def calibration_s(self) -> float:
        """The calibration's length (rests at their mean)."""
        trial = self.fixation_s + self.imagery_s + sum(self.rest_s) / 2
        return 2 * self.trials_per_class * trial


@dataclass(frozen=True)
class Announce:
    """Put this cue into the stream now (``context.cue``)."""

    cue: cues.Cue


@dataclass(frozen=True)
class Calibrated:
    """What the calibration gave: the validation, or why there is none (too few clean trials)."""

    validation: Validation | None
    trials: dict[str, int]
    dropped: int  # trials refused: no marker (no data then), a gap, or an artifact
    course: ErdCourse | None


@dataclass(frozen=True)
class Target:
    """One game target: which side it is on, where the ball is, and how it ended."""

    side: str
    cursor: float = 0.0  # -1 (left edge) .. 1 (right edge)
    decisions: int = 0
    hit: bool | None = None  # None while it runs

    @property
    def moved_right_way(self) -> bool:
        """The ball ended on the target's side of the track (the closed-loop tests count these)."""
        return self.cursor < 0 if self.side == LEFT else self.cursor > 0


@dataclass
class Game:
    """The targets of one game, the last one under way."""

    targets: list[Target] = field(default_factory=list)

    @property
    def hits(self) -> int:
        return sum(bool(target.hit) for target in self.targets)


class MiFlow:
    """One visitor's calibration, decoder and game. ``now`` is the board's clock, in seconds."""

    def __init__(self, stream: Stream, options: Options = Options(), seed: int | None = None) -> None:
        self.stream = stream
        self.options = options
        self.channels = sensorimotor_channels(stream.roles)
        self._rng = np.random.default_rng(seed)
        self.phase = Phase.INTRO
        self.step = Step.FIXATION
        self.step_started = 0.0
        self._step_s = 0.0
        self.plan: list[str] = []  # calibration sides, in order
        self.trial = 0  # the calibration trial now (index into plan)
        self.log: VisitLog | None = None
        self.decoder: MotorImageryDecoder | None = None
        self.calibrated: Calibrated | None = None
        self.meter = ErdMeter([stream.roles[i] for i in self.channels], stream.sampling_rate)
        self.erd: Erd | None = None
        self.game = Game()
        self.probability = 0.5  # the decoder's last output (right)
        self._calibration_start = 0
        self._last_decision = 0.0
        self._last_erd = -np.inf
        self._paused_from = Phase.INTRO
        self._void: list[tuple[float, float]] = []  # (cue, interrupted at) of interrupted attempts
        self._training_since = 0.0

    # --- events ---------------------------------------------------------------------------------------
    def start(self, now: float) -> list[Announce]:
        """Start (or restart) the calibration."""
        sides = [LEFT, RIGHT] * self.options.trials_per_class
        self._rng.shuffle(sides)
        self.plan = sides
        self.trial = 0
        self.calibrated = None
        self.decoder = None
        self.log = VisitLog(self.stream, self.channels, keep_s=self.options.calibration_s + LOG_MARGIN_S)
        self._calibration_start = self.log.end
        self._void = []
        self.meter = ErdMeter([self.stream.roles[i] for i in self.channels], self.stream.sampling_rate)
        self.erd = None
        self.phase = Phase.CALIBRATION
        return self._enter(Step.FIXATION, now)

    def tick(self, now: float) -> list[Announce]:
        """Time passes: read the stream, move on when a step is over, decide during the game."""
        if self.log is None or self.phase in (Phase.INTRO, Phase.PAUSED):
            return []
        self.log.update()
        actions: list[Announce] = []
        if self.phase is Phase.CALIBRATION:
            if now - self.step_started >= self._step_s:
                actions += self._next_calibration_step(now)
        elif self.phase is Phase.TRAINING:
            self._train_when_ready(now)
        elif self.phase is Phase.GAME:
            actions += self._game_tick(now)
        if self.phase in (Phase.CALIBRATION, Phase.GAME) and now - self._last_erd >= ERD_STEP_S:
            self._last_erd = now
            self._measure_erd()
        return actions

    def play(self, now: float) -> list[Announce]:
        """A new game of ``game_targets`` targets, with the decoder from the calibration."""
        if self.decoder is None or not self.decoder.fitted:
            return []
        self.game = Game()
        self.phase = Phase.GAME
        return self._new_target(now)

    @property
    def can_explain(self) -> bool:
        """There is a picture of the visitor's own trials to show, for both hands."""
        course = self.calibrated.course if self.calibrated is not None else None
        return course is not None and all(course.n_trials.values())

    def explain(self) -> None:
        """Show "how it worked" (only once there is a calibration to show)."""
        if self.can_explain:
            self.phase = Phase.EXPLAINED

    def interrupt(self, now: float) -> None:
        """The shell stopped the visit (the headset lost): hold everything.

        A calibration trial interrupted while the visitor imagined is void: its cue, announced at
        ``step_started``, is left out of the training even if its epoch reached the stream whole
        (the trial is done again on resume, and must not count twice).
        """
        if self.phase is Phase.PAUSED:
            return
        if self.phase is Phase.CALIBRATION and self.step is Step.IMAGERY:
            self._void.append((self.step_started, now))
        self._paused_from = self.phase
        self.phase = Phase.PAUSED

    def resume(self, now: float) -> list[Announce]:
        """Carry on: an interrupted calibration trial starts again from its cross (after its rest, the
        next one does); an interrupted game target is shown again."""
        if self.phase is not Phase.PAUSED:
            return []
        self.phase = self._paused_from
        if self.phase is Phase.CALIBRATION:
            if self.step is Step.REST:
                return self._next_calibration_step(now)
            return self._enter(Step.FIXATION, now)
        if self.phase is Phase.GAME:
            if self.game.targets and self.game.targets[-1].hit is None:
                self.game.targets.pop()  # the target under way is shown again; a scored one stays
            return self._new_target(now)
        return []

    def stop(self) -> list[Announce]:
        """Leaving: the visitor stops imagining."""
        running = self.phase in (Phase.CALIBRATION, Phase.GAME)
        self.phase = Phase.INTRO
        self.log = None
        return [Announce(cues.Imagery(cues.Side.REST))] if running else []

    # --- calibration ----------------------------------------------------------------------------------
    @property
    def cued_side(self) -> str | None:
        if self.phase is Phase.CALIBRATION and self.step is Step.IMAGERY:
            return self.plan[self.trial]
        if self.phase is Phase.GAME and self.game.targets:
            return self.game.targets[-1].side
        return None

    def _enter(self, step: Step, now: float) -> list[Announce]:
        self.step, self.step_started = step, now
        options = self.options
        if step is Step.FIXATION:
            self._step_s = options.fixation_s
            return [Announce(cues.Fixation())]
        if step is Step.IMAGERY:
            self._step_s = options.imagery_s
            return [Announce(cues.Imagery(cues.Side(self.plan[self.trial])))]
        self._step_s = float(self._rng.uniform(*options.rest_s))
        return [Announce(cues.Imagery(cues.Side.REST))]

    def _next_calibration_step(self, now: float) -> list[Announce]:
        if self.step is Step.FIXATION:
            assert self.log is not None
            rest = self.log.latest(REST_WINDOW_S, filtered=False)
            if rest is not None:
                self.meter.add_rest(rest)
            return self._enter(Step.IMAGERY, now)
        if self.step is Step.IMAGERY:
            return self._enter(Step.REST, now)
        if self.trial + 1 < len(self.plan):
            self.trial += 1
            return self._enter(Step.FIXATION, now)
        self.phase = Phase.TRAINING
        self._training_since = now
        self._train_when_ready(now)
        return []

    def _train_when_ready(self, now: float) -> None:
        """Fit once the EEG of every imagery epoch has arrived (or the grace time is over)."""
        assert self.log is not None
        cued = self._valid_cues()
        last_needed = (cued[-1][0] if cued else 0) + round(
            max(EPOCH_S[1], self.options.imagery_s) * self.stream.sampling_rate
        )
        complete = len(cued) >= len(self.plan) and self.log.end >= last_needed
        if not complete and now - self._training_since < DATA_GRACE_S:
            return
        self.calibrated = self._fit(cued)
        self.phase = Phase.RESULT

    def _valid_cues(self) -> list[tuple[int, float]]:
        """(position, code) of the imagery cues in the stream, but those of interrupted attempts."""
        assert self.log is not None
        return [
            (position, code)
            for position, code, at in self.log.marker_positions(
                set(SIDE_CODES), since=self._calibration_start
            )
            if not any(start <= at <= end for start, end in self._void)
        ]

    def _fit(self, cued: list[tuple[int, float]]) -> Calibrated:
        assert self.log is not None
        rate = self.stream.sampling_rate
        first, last = round(EPOCH_S[0] * rate), round(EPOCH_S[1] * rate)
        before = round((ERD_SETTLE_S + REST_WINDOW_S) * rate)
        after = round(self.options.imagery_s * rate)
        epochs, labels, courses = [], [], []
        for position, code in cued:
            epoch = self.log.span(position + first, position + last)
            if epoch is None or is_unusable(epoch):
                continue
            epochs.append(epoch)
            labels.append(SIDE_CODES[code])
            # The picture wants the whole imagery and the rest before it, whole and clean too.
            around = self.log.span(position - before, position + after)
            if around is not None and not is_unusable(around):
                courses.append(
                    (self.log.span(position - before, position + after, filtered=False), labels[-1])
                )
        trials = {side: labels.count(side) for side in (LEFT, RIGHT)}
        # No marker (no data then), a gap, an artifact or a flat channel. Never below 0, even if a
        # board's timestamps drift from the host clock and an interrupted attempt slips through.
        dropped = max(0, len(self.plan) - len(labels))
        if min(trials.values()) < MIN_TRIALS_PER_CLASS:
            return Calibrated(None, trials, dropped, None)
        decoder = MotorImageryDecoder(self.options.pipeline)
        try:
            validation = decoder.fit(np.array(epochs), labels)
        except (ValueError, np.linalg.LinAlgError):  # e.g. covariances not positive definite
            log.warning("the calibration's epochs could not be fitted", exc_info=True)
            return Calibrated(None, trials, dropped, None)
        self.decoder = decoder
        course = erd_course(
            [raw for raw, _ in courses],
            [label for _, label in courses],
            [self.stream.roles[i] for i in self.channels],
            rate,
            before_s=REST_WINDOW_S,
        )
        return Calibrated(validation, trials, dropped, course)

    # --- game -----------------------------------------------------------------------------------------
    def _new_target(self, now: float) -> list[Announce]:
        if len(self.game.targets) >= self.options.game_targets:
            self.phase = Phase.GAME_OVER
            return [Announce(cues.Imagery(cues.Side.REST))]
        side = LEFT if self._rng.random() < 0.5 else RIGHT
        self.game.targets.append(Target(side))
        self.probability = 0.5
        self.step, self.step_started, self._step_s = Step.FIXATION, now, self.options.ready_s
        return [Announce(cues.Fixation())]

    def _game_tick(self, now: float) -> list[Announce]:
        elapsed = now - self.step_started
        target = self.game.targets[-1]
        if self.step is Step.FIXATION and elapsed >= self._step_s:
            self.step, self.step_started, self._step_s = Step.IMAGERY, now, self.options.target_s
            self._last_decision = now
            return [Announce(cues.Imagery(cues.Side(target.side)))]
        if self.step is Step.IMAGERY:
            # One decision a tick at most (a late tick must not decide twice on one window), from the
            # moment the calibration epochs start: before that the window is mostly "get ready".
            due = now - self._last_decision >= self.options.step_s and elapsed >= EPOCH_S[0]
            if due and target.hit is None:
                self._last_decision = now
                target = self._decide(target)
            if target.hit is None and elapsed >= self._step_s:
                target = replace(target, hit=False)
            self.game.targets[-1] = target
            if target.hit is not None:
                self.step, self.step_started, self._step_s = Step.REST, now, self.options.outcome_s
                reached = None if abs(target.cursor) < 1.0 else int(target.cursor > 0)  # 0 left, 1 right
                return [
                    Announce(cues.Decision(reached, round(self.probability, 2))),
                    Announce(cues.Imagery(cues.Side.REST)),
                ]
        if self.step is Step.REST and elapsed >= self._step_s:
            return self._new_target(now)
        return []

    def _decide(self, target: Target) -> Target:
        """One decision on the latest window; a window with a gap, an artifact or a flat channel moves
        nothing."""
        assert self.log is not None and self.decoder is not None
        window = self.log.latest(self.options.window_s)
        if window is None or is_unusable(window):
            return target
        probability = self.decoder.probability_right(window)
        if not np.isfinite(probability):
            return target
        self.probability = probability
        cursor = float(np.clip(target.cursor + CURSOR_GAIN * (2 * self.probability - 1), -1.0, 1.0))
        hit = None
        if abs(cursor) >= 1.0:
            hit = (cursor > 0) == (target.side == RIGHT)
        return replace(target, cursor=cursor, decisions=target.decisions + 1, hit=hit)

    def _measure_erd(self) -> None:
        assert self.log is not None
        window = self.log.latest(ERD_WINDOW_S, filtered=False)
        if window is not None:
            self.erd = self.meter.measure(window) or self.erd
