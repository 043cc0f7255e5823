"""``bci-showroom evaluate ssvep RECORDING``: FBCCA accuracy, ITR and decision time on an EDF+ file.

Trials come from the recording's annotations: a label naming a frequency (``13Hz``, ``8.5 Hz``)
or one mapped with ``--map up=8Hz,down=12.5Hz``; ``rest`` trials and unmapped labels are left
out of the accuracy (the report counts them). One onset labelled twice with one frequency is one
trial; one onset labelled with two frequencies has no single truth to score, so it is left out and
the report names it. Every flicker frequency must be at least 8 Hz, where FBCCA's first sub-band
starts (below it the fundamental is filtered out and the key is scored on noise). Channels over the
visual cortex are used (names starting with O, PO or P); a recording with none is refused unless
``--all-channels`` says to decode on every channel anyway (frontal or central channels see the
flicker weakly, and the report says which were used); flat ones (a loose or shorted electrode) are
left out, because the decoder would treat their rounding noise as signal. Mains
hum is notched when the recording shows it, as the live speller does on its raw stream. Each
window starts ``start_s`` after the annotation onset plus the visual latency, and the decision
time is the decoder's compute time per trial.

Anything that would make the numbers lie (a damaged file, a label or frequency the decoder can't
use, a window no trial fits) is a :class:`RecordingError` whose message says what, never a
traceback and never a report of 0 trials.
"""

from __future__ import annotations

import argparse
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import permutations
from pathlib import Path
from typing import Literal

import numpy as np

from demos.kit.evaluation import EvaluationParser, channel_spreads, left_out_lines, run_evaluation
from demos.ssvep_speller.processing import FBCCA, SUBBAND_STEP_HZ, VISUAL_LATENCY_S, itr_bits_per_minute
from drivers.analysis.dsp import HUM_THRESHOLD_DB, mains_hum_db
from drivers.files.edf import Recording, RecordingError, read_edf

DEFAULT_WINDOWS_S = (1.0, 2.0, 3.0)
#: Kalunga's onset is an audio cue; gaze and attention turn to the LED over the next second.
DEFAULT_START_S = 1.0
MAX_START_S = 3600.0
#: Below this standard deviation a channel carries no EEG (real EEG: 5-30 µV; Kalunga's step: 0.015 µV).
FLAT_BELOW_UV = 0.5
_FREQUENCY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*hz\s*$", re.IGNORECASE)
#: An EDF label's signal-type prefix ("EEG O1"), which the electrode's name follows.
_SIGNAL_TYPE = re.compile(r"^\s*EEG[\s_:-]*", re.IGNORECASE)
_VISUAL = re.compile(r"^(O|PO|P)(\d|z|Z)")

Mains = float | None | Literal["auto"]


def parse_frequency(label: str) -> float | None:
    match = _FREQUENCY.match(label)
    return float(match.group(1)) if match else None


def parse_map(text: str | None) -> dict[str, float]:
    """``up=8Hz,down=12.5Hz`` -> {"up": 8.0, "down": 12.5}."""
    mapping: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        label, sep, value = item.partition("=")
        label = label.strip()
        frequency = parse_frequency(value) if sep else None
        if frequency is None or not label:
            raise RecordingError(f"--map: expected LABEL=FREQUENCYHz, e.g. up=8Hz, got {item!r}")
        if frequency <= 0:
            raise RecordingError(f"--map {item}: a flicker frequency must be above 0 Hz")
        if label in mapping:
            raise RecordingError(f"--map: label {label!r} is mapped twice")
        mapping[label] = frequency
    return mapping


def visual_channels(names: Sequence[str]) -> list[int]:
    """The channels over the visual cortex (O, PO and P electrodes, "EEG O1" included); may be empty."""
    return [i for i, name in enumerate(names) if _VISUAL.match(_SIGNAL_TYPE.sub("", name))]


def _frequencies_by_onset(recording: Recording, mapping: dict[str, float]) -> dict[float, set[float]]:
    """The frequencies each onset's labels name or map to (onsets with none left out)."""
    by_onset: dict[float, set[float]] = defaultdict(set)
    for annotation in recording.annotations:
        frequency = mapping.get(annotation.text, parse_frequency(annotation.text))
        if frequency is not None:
            by_onset[annotation.onset_s].add(frequency)
    return by_onset


def trials(recording: Recording, mapping: dict[str, float]) -> list[tuple[float, float]]:
    """(onset_s, frequency) of every trial whose labels name or map to one frequency: a label
    repeated at one onset is one trial, an onset labelled with two frequencies is none (see
    :func:`ambiguous_onsets`)."""
    return [
        (onset, min(found))
        for onset, found in _frequencies_by_onset(recording, mapping).items()
        if len(found) == 1
    ]


def ambiguous_onsets(recording: Recording, mapping: dict[str, float]) -> dict[float, list[float]]:
    """Onsets (s) labelled with more than one frequency, with those frequencies: which one the
    visitor looked at is unknown, so scoring either would be a guess."""
    return {
        onset: sorted(found)
        for onset, found in _frequencies_by_onset(recording, mapping).items()
        if len(found) > 1
    }


def evaluate_recording(
    path: str | Path,
    mapping: dict[str, float] | None = None,
    windows_s: Sequence[float] = DEFAULT_WINDOWS_S,
    start_s: float = DEFAULT_START_S,
    mains_hz: Mains = "auto",
    all_channels: bool = False,
) -> dict:
    """Score FBCCA on every frequency-labelled trial of ``path``.

    ``mains_hz`` is "auto" (notch 50 or 60 Hz where the recording shows hum), a frequency to
    notch, or None for no notch. ``all_channels`` decodes a recording with no channel over the
    visual cortex on all its channels instead of refusing it.
    """
    if not math.isfinite(start_s) or not 0.0 <= start_s <= MAX_START_S:
        # Before the annotation the visitor was not yet looking: a window there scores below chance.
        raise RecordingError(f"--start {start_s:g}: give seconds after the annotation, 0 to {MAX_START_S:g}")
    mapping = mapping or {}
    recording = read_edf(path)
    rate = recording.sampling_rate
    labels = Counter(annotation.text for annotation in recording.annotations)
    unknown = [label for label in mapping if label not in labels]
    if unknown:
        raise RecordingError(
            f"--map: {path} has no annotation labelled {', '.join(map(repr, unknown))} "
            f"(its labels: {', '.join(map(repr, labels)) or 'none'})"
        )
    # First: a damaged label ("3Hz" from "13Hz") is named as damage, not as a frequency out of range.
    _refuse_damaged_labels(recording, mapping)
    frequencies = {label: mapping.get(label, parse_frequency(label)) for label in labels}
    for label, frequency in frequencies.items():
        if frequency is None:
            continue
        origin = f"--map {label}={frequency:g}Hz" if label in mapping else f"{path}: annotation {label!r}"
        if frequency < SUBBAND_STEP_HZ:
            raise RecordingError(
                f"{origin}: a flicker frequency must be at least {SUBBAND_STEP_HZ:g} Hz, where FBCCA's "
                f"first sub-band starts ({frequency:g} Hz would be scored on noise)"
            )
        if frequency >= rate / 2:
            raise RecordingError(
                f"{origin}: {frequency:g} Hz is at or above the Nyquist frequency ({rate / 2:g} Hz) of a "
                f"recording sampled at {rate:g} Hz"
            )
    labelled = trials(recording, mapping)
    ambiguous = ambiguous_onsets(recording, mapping)
    if not labelled:
        raise RecordingError(f"{path}: no trial annotation names a frequency; use --map LABEL=FREQUENCYHz")
    classes = sorted({frequency for _, frequency in labelled})
    if len(classes) < 2:
        raise RecordingError(f"{path}: only one flicker frequency among the trials ({classes[0]} Hz)")
    channels, flat = _usable_channels(recording, all_channels)
    hum_db = mains_hum_db(recording.data[channels], rate)
    notch, how = _mains(mains_hz, hum_db, rate, path)
    decoder = FBCCA(classes, rate, mains_hz=notch)
    if not decoder.bands:
        raise RecordingError(
            f"{path}: sampled at {rate:g} Hz, too slowly for FBCCA, whose first sub-band starts at 8 Hz"
        )
    results, decision_ms = [], []
    for window_s in windows_s:
        correct = used = 0
        for onset, frequency in labelled:
            first = round((onset + start_s + VISUAL_LATENCY_S) * rate)
            last = first + round(window_s * rate)
            if first < 0 or last > recording.data.shape[1]:
                continue
            started = time.perf_counter()
            decision = decoder.decide(recording.data[channels, first:last])
            decision_ms.append((time.perf_counter() - started) * 1000)
            correct += classes[decision.target] == frequency
            used += 1
        if not used:
            raise RecordingError(
                f"{path}: no trial fits a {window_s:g} s window from {start_s:g} s (+{VISUAL_LATENCY_S:g} s "
                f"latency) after its annotation within the {recording.data.shape[1] / rate:g} s of data"
            )
        accuracy = correct / used
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
        "visual_channels": bool(visual_channels(recording.channel_names)),
        "flat_channels": flat,
        "left_out": {label: count for label, count in labels.items() if frequencies[label] is None},
        "ambiguous": {f"{onset:g}": [f"{f:g}Hz" for f in found] for onset, found in ambiguous.items()},
        "mains_hz": notch,
        "mains": how,
        "hum_db": {f"{mains:g}": round(db, 1) for mains, db in hum_db.items()},
        "windows": results,
        "decision_ms": float(np.median(decision_ms)),
    }


def _refuse_damaged_labels(recording: Recording, mapping: dict[str, float]) -> None:
    """Refuse a label one character off a trial label: it is damage, not a new event.

    A flipped byte turns "13Hz" into "13Hq", which is left out (a trial silently lost), or into
    the EDF+ text separator, which leaves "13" and "z" at one onset (the same). So every label
    that names no frequency, and every two texts at one onset joined by that separator, is
    compared with the labels that do. ``--map 13Hq=13Hz`` takes such a label in deliberately.
    """
    named = {a.text for a in recording.annotations if parse_frequency(a.text) is not None}
    together: dict[tuple[float, float], list[str]] = defaultdict(list)
    for annotation in recording.annotations:
        together[annotation.onset_s, annotation.duration_s].append(annotation.text)
    for (onset, _), texts in together.items():
        alone = [
            (text, f"annotation {text!r} is")
            for text in texts
            if text not in mapping and parse_frequency(text) is None
        ]
        pairs = [
            ("\x14".join(pair), f"annotations {pair[0]!r} and {pair[1]!r} together are")
            for pair in permutations(texts, 2)
            if not set(pair) & set(mapping)
        ]
        for candidate, shown in alone + pairs:
            near = [n for n in named if len(n) == len(candidate) and sum(map(str.__ne__, n, candidate)) == 1]
            if near:
                raise RecordingError(
                    f"{recording.path}: at {onset:g} s, {shown} one character off the trial label "
                    f"{near[0]!r}, so probably damaged; repair it, or name its frequency with --map"
                )


def _usable_channels(recording: Recording, all_channels: bool = False) -> tuple[list[int], list[str]]:
    """The visual channels that carry signal, and the names of the flat ones left out; with none
    over the visual cortex, every channel if ``all_channels`` else a RecordingError."""
    chosen = visual_channels(recording.channel_names)
    if not chosen:
        if not all_channels:
            raise RecordingError(
                f"{recording.path}: no occipital or parietal channel (O, PO or P) among "
                f"{', '.join(recording.channel_names)}, where the flicker's response is; give "
                "--all-channels to decode on these anyway"
            )
        chosen = list(range(len(recording.channel_names)))
    spread = channel_spreads(recording, chosen)
    names = [recording.channel_names[i] for i in chosen]
    flat = [name for name, value in zip(names, spread, strict=True) if value < FLAT_BELOW_UV]
    if len(flat) == len(chosen):
        raise RecordingError(
            f"{recording.path}: every channel used ({', '.join(names)}) is flat (below {FLAT_BELOW_UV:g} µV)"
        )
    return [i for i, value in zip(chosen, spread, strict=True) if value >= FLAT_BELOW_UV], flat


def _mains(
    mains_hz: Mains, hum_db: dict[float, float], rate: float, path: str | Path
) -> tuple[float | None, str]:
    """The mains frequency to notch (or None) and how it was chosen, in words for the report."""
    if mains_hz is None:
        return None, "not notched (--mains none)"
    if mains_hz != "auto":
        if mains_hz >= rate / 2:
            raise RecordingError(
                f"--mains {mains_hz:g}: {path} is sampled at {rate:g} Hz and holds nothing at {mains_hz:g} Hz"
            )
        return float(mains_hz), f"notched at {mains_hz:g} Hz (--mains {mains_hz:g})"
    hum = {mains: db for mains, db in hum_db.items() if db >= HUM_THRESHOLD_DB}
    if not hum:
        measured = ", ".join(f"{mains:g} Hz: {db:+.1f} dB" for mains, db in hum_db.items())
        return None, (
            f"no hum ({measured or 'nothing measurable'} over the neighbouring frequencies; hum needs "
            f"+{HUM_THRESHOLD_DB:g} dB), not notched"
        )
    mains = max(hum, key=hum.__getitem__)
    return mains, f"{mains:g} Hz hum found ({hum[mains]:+.1f} dB over its neighbours), notched"


def format_report(result: dict) -> str:
    lines = [
        f"{result['recording']}: FBCCA, classes {', '.join(result['classes'])}, channels "
        f"{', '.join(result['channels'])}",
    ]
    if not result["visual_channels"]:
        lines.append(
            "warning: no occipital or parietal channel; decoded on all channels (--all-channels), which "
            "see the flicker weakly"
        )
    lines += left_out_lines(result)
    if result["ambiguous"]:
        onsets = ", ".join(
            f"{onset} s ({' and '.join(found)})" for onset, found in result["ambiguous"].items()
        )
        lines.append(f"onsets labelled with two frequencies, left out: {onsets}")
    lines.append(f"mains: {result['mains']}")
    lines.append(f"{'window':>8} {'accuracy':>9} {'ITR':>12} {'trials':>7}")
    for row in result["windows"]:
        accuracy, itr = 100 * row["accuracy"], row["itr_bpm"]
        lines.append(f"{row['window_s']:>7g}s {accuracy:>8.1f}% {itr:>7.1f} b/min {row['n_trials']:>7}")
    lines.append(f"median decision time: {result['decision_ms']:.2f} ms")
    return "\n".join(lines)


_MAINS_OPTIONS: dict[str, Mains] = {"auto": "auto", "50": 50.0, "60": 60.0, "none": None}


def build_parser() -> argparse.ArgumentParser:
    parser = EvaluationParser(
        prog="bci-showroom evaluate ssvep",
        description="FBCCA accuracy, ITR and decision time on an EDF+ recording with one annotation per "
        "trial. A damaged file or an unusable option ends with one line on stderr and exit status 2.",
        epilog="Examples: bci-showroom evaluate ssvep kalunga_s01_session1.edf; "
        "bci-showroom evaluate ssvep recording.edf --map up=8Hz,down=12.5Hz --mains 50 --json",
    )
    parser.add_argument("recording", type=Path, help="an EDF/EDF+ file with one annotation per trial")
    parser.add_argument(
        "--map",
        metavar="LABEL=FREQUENCYHz,...",
        help="trial labels to flicker frequencies, e.g. up=8Hz,down=12.5Hz (labels naming one, like 13Hz, "
        "need no mapping)",
    )
    parser.add_argument(
        "--start",
        type=float,
        default=DEFAULT_START_S,
        metavar="SECONDS",
        help=f"start each window this long after its annotation, plus the {VISUAL_LATENCY_S:g} s visual "
        f"latency (default: {DEFAULT_START_S:g})",
    )
    parser.add_argument(
        "--mains",
        choices=tuple(_MAINS_OPTIONS),
        default="auto",
        help="notch the mains in every sub-band, as the live speller does: auto (default) where the "
        "recording shows 50 or 60 Hz hum; 50 or 60 always; none never",
    )
    parser.add_argument(
        "--all-channels",
        action="store_true",
        help="decode a recording with no occipital or parietal channel on all its channels (refused "
        "without this option; the report warns)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser


def main(argv: Sequence[str]) -> int:
    """``bci-showroom evaluate ssvep RECORDING [options]``: 0 with a report, 2 with one line on stderr."""

    def evaluate(args: argparse.Namespace) -> dict:
        return evaluate_recording(
            args.recording,
            parse_map(args.map),
            start_s=args.start,
            mains_hz=_MAINS_OPTIONS[args.mains],
            all_channels=args.all_channels,
        )

    return run_evaluation(build_parser(), evaluate, format_report, argv)
