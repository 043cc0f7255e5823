"""One player of the attention game: a headset's stream, read into the meter every tick (no Qt).

A duel has two, each on its own stream; a single game has one. The player reads the newest second
of its stream (raw for the electrode checks, display-filtered for band powers) and refuses a
window with lost samples, a value that arrived as NaN, or no new sample since the last tick long
enough to mean the headset went quiet (the shell pauses the demo then; this only keeps the
index from being scored on a frozen window meanwhile).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from demos.attention.processing import (
    WINDOW_S,
    Baseline,
    IndexChannels,
    IndexMeter,
    Reading,
    choose_channels,
    learn_baseline,
)
from drivers.stream.readers import Stream

#: With no new sample for this long, the window is not scored.
STALE_AFTER_S = 0.5


@dataclass
class Trace:
    """What the player's brain did over the round, for the score and "how it worked"."""

    times: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)  # the played index, 0-100, held values included
    alpha: list[float] = field(default_factory=list)  # µV², clean windows only (NaN when held)
    beta: list[float] = field(default_factory=list)
    held: int = 0

    def add(self, reading: Reading, score: float | None) -> None:
        if score is None:
            return
        self.times.append(reading.at)
        self.scores.append(score)
        alpha, beta = reading.alpha_beta if reading.hold is None and reading.alpha_beta else (np.nan, np.nan)
        self.alpha.append(alpha)
        self.beta.append(beta)
        self.held += reading.hold is not None


class Player:
    """A headset's stream, its meter, and what was read during the baseline and the round."""

    def __init__(self, stream: Stream) -> None:
        self.stream = stream
        self.channels: IndexChannels = choose_channels(stream.roles)
        self.meter = IndexMeter(self.channels, stream.n_channels, stream.sampling_rate)
        self.baseline_readings: dict[str, list[Reading]] = {"open": [], "closed": []}
        self.trace = Trace()
        self.last: Reading | None = None
        #: Mean alpha and beta power (µV²) of the clean baseline windows, eyes open and closed.
        self.rest_powers: tuple[float, float] | None = None
        self.closed_powers: tuple[float, float] | None = None
        self._last_end = -1
        self._last_new_at: float | None = None

    @property
    def baseline(self) -> Baseline | None:
        return self.meter.baseline

    def read(self, now: float) -> Reading:
        """Measure the newest window and update the smoothed scores."""
        raw = self.stream.latest(WINDOW_S, filtered=False, both=True)  # raw and filtered, same samples
        if raw.end != self._last_end:
            self._last_end, self._last_new_at = raw.end, now
        whole = round(WINDOW_S * self.stream.sampling_rate)
        stale = self._last_new_at is None or now - self._last_new_at > STALE_AFTER_S
        # A gap is samples lost or missed, or a stream gone quiet; a value that arrived as NaN is an
        # electrode's fault, which the meter's checks call HEADSET (on the index channels only).
        gapless = raw.missed == 0 and raw.gap_samples == 0
        intact = raw.n_samples == whole and gapless and not stale
        assert raw.filtered is not None
        self.last = self.meter.update(raw.data, raw.filtered, now, intact=intact, invalid=raw.invalid)
        return self.last

    def learn(self) -> None:
        """Set the baseline from the two phases' readings; raises ValueError when too few were clean."""
        learnt = learn_baseline(
            self.baseline_readings["open"], self.baseline_readings["closed"], self.channels
        )
        self.meter.baseline, self.meter.limits = learnt.baseline, learnt.limits
        self.meter.reset()
        self.rest_powers, self.closed_powers = learnt.rest_powers, learnt.closed_powers

    def forget(self) -> None:
        """Drop everything of this visitor (the next one starts from nothing)."""
        self.baseline_readings = {"open": [], "closed": []}
        self.trace = Trace()
        self.meter = IndexMeter(self.channels, self.stream.n_channels, self.stream.sampling_rate)
        self.last = None
        self.rest_powers = self.closed_powers = None
