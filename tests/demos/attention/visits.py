"""The attention game played on the virtual visitor in accelerated time, as the widget plays it:
tick the flow every 0.1 s of a test clock, put each cue into every headset's stream as the
acquisition worker does, and let each simulated person follow it. Shared by the flow's tests and
the benchmark."""

from __future__ import annotations

from demos.attention.flow import Announce, AttentionFlow, Mode, Options, Phase
from demos.attention.player import Player
from drivers import cues
from tests.virtual_stream import LiveStream

TICK_S = 0.1


class Visit:
    """The widget's part: tick, announce to every headset, and let each visitor follow."""

    def __init__(
        self, seed: int = 3, options: Options | None = None, second_focus: float | None = None
    ) -> None:
        self.lives = [LiveStream(seed=seed)]
        if second_focus is not None:
            second = LiveStream(seed=seed + 100)
            second.visitor.focus = second_focus
            self.lives.append(second)
        self.flow = AttentionFlow([Player(live.stream) for live in self.lives], options or Options())
        self.announced: list[cues.Cue] = []
        self.advance(1.5)

    @property
    def now(self) -> float:
        return self.lives[0].now

    def advance(self, seconds: float) -> None:
        for live in self.lives:
            live.advance(seconds)

    def do(self, actions) -> None:
        for action in actions:
            if isinstance(action, Announce):
                self.announced.append(action.cue)
                for live in self.lives:
                    live.markers.request(action.cue.code, live.now)
                    live.visitor.follow(action.cue, live.now)

    def tick(self) -> None:
        self.advance(TICK_S)
        self.do(self.flow.tick(self.now))

    def run_while(self, *phases: Phase, limit_s: float = 300.0) -> None:
        until = self.now + limit_s
        while self.flow.phase in phases:
            assert self.now < until, f"still in {self.flow.phase} after {limit_s} s"
            self.tick()

    def play(self, mode: Mode) -> None:
        self.do(self.flow.choose(mode, self.now))
        self.run_while(Phase.BASELINE, Phase.READY, Phase.ROUND)
