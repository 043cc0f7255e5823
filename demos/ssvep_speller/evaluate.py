"""``bci-showroom evaluate ssvep RECORDING``: FBCCA accuracy, ITR and decision time on an EDF+ file.

Trials come from the recording's annotations: a label naming a frequency (``13Hz``, ``8.5 Hz``)
or one mapped with ``--map up=8Hz,down=12.5Hz``; ``rest`` trials and unmapped labels are left
out of the accuracy. Channels over the visual cortex are used (names starting with O, PO or P),
or all channels if none is named so. Each window starts ``start_s`` after the annotation onset
plus the visual latency, and the decision time is the decoder's compute time per trial.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from demos.ssvep_speller.processing import FBCCA, VISUAL_LATENCY_S, itr_bits_per_minute
from drivers.edf import Recording, RecordingError, read_edf

DEFAULT_WINDOWS_S = (1.0, 2.0, 3.0)
#: Kalunga's onset is an audio cue; gaze and attention turn to the LED over the next second.
DEFAULT_START_S = 1.0
_FREQUENCY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*hz\s*$", re.IGNORECASE)


def parse_frequency(label: str) -> float | None:
    match = _FREQUENCY.match(label)
    return float(match.group(1)) if match else None


def parse_map(text: str | None) -> dict[str, float]:
    """``up=8Hz,down=12.5Hz`` -> {"up": 8.0, "down": 12.5}."""
    mapping: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        label, sep, value = item.partition("=")
        frequency = parse_frequency(value) if sep else None
        if frequency is None:
            raise RecordingError(f"--map: expected LABEL=FREQUENCYHz, e.g. up=8Hz, got {item!r}")
        mapping[label.strip()] = frequency
    return mapping


def visual_channels(names: Sequence[str]) -> list[int]:
    chosen = [i for i, name in enumerate(names) if re.match(r"^(O|PO|P)(\d|z|Z)", name.strip())]
    return chosen or list(range(len(names)))


def trials(recording: Recording, mapping: dict[str, float]) -> list[tuple[float, float]]:
    """(onset_s, frequency) of every trial whose label names or maps to a frequency."""
    found = []
    for annotation in recording.annotations:
        frequency = mapping.get(annotation.text, parse_frequency(annotation.text))
        if frequency is not None:
            found.append((annotation.onset_s, frequency))
    return found


def evaluate_recording(
    path: str | Path,
    mapping: dict[str, float] | None = None,
    windows_s: Sequence[float] = DEFAULT_WINDOWS_S,
    start_s: float = DEFAULT_START_S,
    mains_hz: float | None = None,
) -> dict:
    recording = read_edf(path)
    labelled = trials(recording, mapping or {})
    if not labelled:
        raise RecordingError(f"{path}: no trial annotation names a frequency; use --map LABEL=FREQUENCYHz")
    classes = sorted({frequency for _, frequency in labelled})
    if len(classes) < 2:
        raise RecordingError(f"{path}: only one flicker frequency among the trials ({classes[0]} Hz)")
    channels = visual_channels(recording.channel_names)
    rate = recording.sampling_rate
    decoder = FBCCA(classes, rate, mains_hz=mains_hz)
    results, decision_ms = [], []
    for window_s in windows_s:
        correct = used = 0
        for onset, frequency in labelled:
            first = round((onset + start_s + VISUAL_LATENCY_S) * rate)
            last = first + round(window_s * rate)
            if last > recording.data.shape[1]:
                continue
            started = time.perf_counter()
            decision = decoder.decide(recording.data[channels, first:last])
            decision_ms.append((time.perf_counter() - started) * 1000)
            correct += classes[decision.target] == frequency
            used += 1
        accuracy = correct / used if used else 0.0
        results.append(
            {
                "window_s": window_s,
                "accuracy": accuracy,
                "itr_bpm": itr_bits_per_minute(len(classes), accuracy, window_s),
                "n_trials": used,
            }
        )
    return {
        "method": "fbcca",
        "recording": str(path),
        "classes": [f"{frequency:g}Hz" for frequency in classes],
        "channels": [recording.channel_names[i] for i in channels],
        "windows": results,
        "decision_ms": float(np.median(decision_ms)) if decision_ms else 0.0,
    }


def format_report(result: dict) -> str:
    lines = [
        f"{result['recording']}: FBCCA, classes {', '.join(result['classes'])}, channels "
        f"{', '.join(result['channels'])}",
        f"{'window':>8} {'accuracy':>9} {'ITR':>12} {'trials':>7}",
    ]
    for row in result["windows"]:
        accuracy, itr = 100 * row["accuracy"], row["itr_bpm"]
        lines.append(f"{row['window_s']:>7g}s {accuracy:>8.1f}% {itr:>7.1f} b/min {row['n_trials']:>7}")
    lines.append(f"median decision time: {result['decision_ms']:.2f} ms")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """``bci-showroom evaluate ssvep RECORDING [--map ...] [--json]``."""
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser(prog="bci-showroom evaluate ssvep", description=__doc__.splitlines()[0])
    parser.add_argument("recording", type=Path, help="an EDF/EDF+ file with one annotation per trial")
    parser.add_argument("--map", help="labels to frequencies, e.g. up=8Hz,down=12.5Hz")
    parser.add_argument(
        "--start", type=float, default=DEFAULT_START_S, help="seconds after the onset to start"
    )
    parser.add_argument(
        "--mains",
        type=float,
        help="notch this mains frequency first, as the live speller does (files often come notched already)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        result = evaluate_recording(
            args.recording, parse_map(args.map), start_s=args.start, mains_hz=args.mains
        )
    except RecordingError as error:
        print(f"bci-showroom evaluate: {error}", file=sys.stderr)
        return 2
    print(json.dumps(result) if args.json else format_report(result))
    return 0
