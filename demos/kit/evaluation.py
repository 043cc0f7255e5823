"""What every ``bci-showroom evaluate PARADIGM`` command shares (no Qt): one line per mistake.

Each paradigm's evaluation builds its parser on :class:`EvaluationParser` and runs through
:func:`run_evaluation`, so a usage mistake and an unusable recording both end the same way: one
line on stderr starting ``bci-showroom evaluate:``, exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

import numpy as np

from drivers.files.edf import Recording, RecordingError


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped as Python would."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def channel_spreads(recording: Recording, rows: Sequence[int]) -> np.ndarray:
    """The standard deviation (µV) of each of ``rows``, or a RecordingError naming the channels whose
    values are too large to compute with (a damaged physical range in the header)."""
    with np.errstate(over="ignore", invalid="ignore"):
        spread = recording.data[list(rows)].std(axis=1)
    huge = [
        recording.channel_names[row]
        for row, value in zip(rows, spread, strict=True)
        if not np.isfinite(value)
    ]
    if huge:
        raise RecordingError(
            f"{recording.path}: channel(s) {', '.join(huge)} hold values too large to compute with; "
            "their physical range is damaged"
        )
    return spread


def left_out_lines(result: dict) -> list[str]:
    """The report's lines on what was not used: flat channels, and annotations no trial came from."""
    lines = []
    if result["flat_channels"]:
        lines.append(f"flat channels left out: {', '.join(result['flat_channels'])}")
    if result["left_out"]:
        counts = ", ".join(f"{count} x {label!r}" for label, count in result["left_out"].items())
        lines.append(f"annotations left out: {counts}")
    return lines


class EvaluationParser(argparse.ArgumentParser):
    """argparse whose usage mistakes are one line naming the paradigm's ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"bci-showroom evaluate: {one_line(message)} (see {self.prog} --help)\n")


def run_evaluation(
    parser: argparse.ArgumentParser,
    evaluate: Callable[[argparse.Namespace], dict],
    report: Callable[[dict], str],
    argv: Sequence[str],
) -> int:
    """Parse ``argv``, evaluate, print the report (or ``--json``): 0, or 2 with one line on stderr."""
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage mistake (2, already printed)
        return int(stop.code or 0)
    try:
        result = evaluate(args)
    except RecordingError as error:
        print(f"bci-showroom evaluate: {one_line(str(error))}", file=sys.stderr)
        return 2
    try:
        print(json.dumps(result) if args.json else report(result), flush=True)
    except BrokenPipeError:
        # `... | head`: the reader has gone, which is not an error of ours (Python's documented way:
        # point stdout at devnull so the interpreter's final flush does not raise again).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:  # a full disk, a closed terminal: the report is lost, say so once
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"bci-showroom evaluate: could not write the report: {one_line(str(error))}", file=sys.stderr)
        return 2
    return 0
