"""Timestamps and packet counters checked like samples, before anything computes with them.

A driver can deliver a NaN or infinite timestamp (or counter value); one that reached the loss
count made it −18 quintillion and crashed the worker (``round(inf)``), and marker placement
searched a NaN. :func:`fill_invalid` gives such an entry the value its neighbours imply: the
last good one plus one sample period (or counter step) per sample since it, so the sample keeps
its place in time and the counter its sequence.

The other fault of a timestamp is the computer's clock itself: BrainFlow stamps samples with the
wall clock, which can be stepped forwards or back (NTP, a user, a laptop waking up). Those steps
are not samples lost; the sample counter and the monotonic clock say what really passed, which
:class:`~drivers.stream.intake.SampleLossTracker` checks the stamps against.
"""

from __future__ import annotations

import numpy as np


def fill_invalid(
    values: np.ndarray, before: float | None, increment: float
) -> tuple[np.ndarray, np.ndarray | None]:
    """``values`` with every non-finite entry replaced by the last finite one before it plus
    ``increment`` per sample since (``before``: the value of the sample before the block, None if
    unknown; then a block's leading entries are counted back from its first finite one).

    Returns the filled values and the mask of replaced entries (None when all were finite). Raises
    ValueError when nothing in the block nor ``before`` gives a value to count from.
    """
    good = np.isfinite(values)
    if good.all():
        return values, None
    index = np.arange(len(values))
    if before is None:
        if not good.any():
            raise ValueError("no finite value to count from")
        first = int(np.argmax(good))
        before = float(values[first]) - (first + 1) * increment
    source = np.where(good, index, -1)
    np.maximum.accumulate(source, out=source)
    base = np.where(source >= 0, values[np.maximum(source, 0)], before)
    return base + (index - source) * increment, ~good
