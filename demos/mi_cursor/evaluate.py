"""``bci-showroom evaluate mi RECORDING [RECORDING…] --map T1=left,T2=right``: motor-imagery decoders
cross-validated offline on EDF+ recordings, with the chance level their trial count allows.

The recordings are pooled, as a visitor's calibration trials are: one epoch per cue annotation,
``EPOCH_S`` after it, from the channels over the motor strip (named C, FC or CP with a number or
z; every recording must have the same ones), band-passed causally over the whole file as the
live stream is. Cue labels are ``left`` and ``right``, or are mapped to them with ``--map``
(PhysioNet's T1 and T2); other annotations (T0, rest) are left out and counted. Channels flat in a
recording are left out of all of them, and epochs that run past the data or hold an artifact are
dropped and counted, because the decoders would learn them as imagery.

Every pipeline of :data:`PIPELINES` is validated on the same epochs, so their accuracies compare;
only one above the chance level (p < 0.05 for that many trials, not 50 %) decodes anything. The
decision time is what the default pipeline, fitted on every epoch, takes to decide on one 2 s
window, as the game asks it to.

Anything that would make the numbers lie (a damaged file, a map naming nothing, too few trials of
a side) is a :class:`RecordingError` whose message says what, never a traceback.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from demos.kit.evaluation import EvaluationParser, channel_spreads, left_out_lines, run_evaluation
from demos.mi_cursor.processing import (
    ARTIFACT_UV,
    BAND_HZ,
    CHANCE_ALPHA,
    CLASSES,
    DEFAULT_PIPELINE,
    EPOCH_S,
    FLAT_BELOW_UV,
    MIN_TRIALS_PER_CLASS,
    PIPELINES,
    MotorImageryDecoder,
    Validation,
    band_pass_sos,
    causal_band_pass,
    chance_level,
    cross_validate,
    is_unusable,
    role_for_electrode,
    timed_probability,
)
from drivers.files.edf import Recording, RecordingError, read_edf

#: Repeats of the 5-fold cross-validation: offline nobody waits, and 10 repeats steady the mean.
CV_REPEATS = 10
#: The game's sliding window; an epoch is at least this long, and decisions are timed on it.
DECISION_WINDOW_S = 2.0
MAX_EPOCH_END_S = 10.0  # a cue's imagery lasts seconds; later is the next trial
#: Channel names shown when a recording has none over the motor strip.
_NAMES_SHOWN = 8


def parse_map(text: str | None) -> dict[str, str]:
    """``T1=left,T2=right`` -> {"T1": "left", "T2": "right"}."""
    mapping: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in (text or "").split(","))):
        label, sep, side = item.partition("=")
        label, side = label.strip(), side.strip().lower()
        if not sep or not label:
            raise RecordingError(f"--map: expected LABEL=left or LABEL=right, e.g. T1=left, got {item!r}")
        if side not in CLASSES:
            raise RecordingError(f"--map {item}: the side must be left or right")
        if label in mapping:
            raise RecordingError(f"--map: label {label!r} is mapped twice")
        mapping[label] = side
    return mapping


def side_of(label: str, mapping: dict[str, str]) -> str | None:
    """The imagined hand an annotation cues: mapped, or literally ``left``/``right``, else None."""
    return mapping.get(label, label if label in CLASSES else None)


@dataclass(frozen=True)
class Pool:
    """The epochs of every recording, pooled: what each pipeline is validated on."""

    #: (trials, channels, samples) band-passed µV
    epochs: np.ndarray
    #: seconds after the cue each epoch spans
    epoch_s: tuple[float, float]
    labels: list[str]
    channels: list[str]
    flat_channels: list[str]
    sampling_rate: float
    recordings: list[str]
    mapping: dict[str, str]
    #: unmapped annotation label -> how many there were
    left_out: dict[str, int]
    #: cues whose epoch runs past the end of the data
    past_end: int
    #: epochs beyond ARTIFACT_UV or with a channel gone flat
    artifacts: int

    @property
    def trials(self) -> dict[str, int]:
        return {side: self.labels.count(side) for side in CLASSES}


def pool_recordings(
    paths: Sequence[str | Path], mapping: dict[str, str], epoch_s: tuple[float, float] = EPOCH_S
) -> Pool:
    """Read every recording and pool its cued epochs (``epoch_s`` after each cue), or say in one
    sentence why they can't be."""
    if not paths:
        raise RecordingError("no recording given")
    _refuse_repeated(paths)
    recordings = [read_edf(path) for path in paths]
    _refuse_unused_map(recordings, mapping)
    channels = _sensorimotor_channels(recordings)
    rate = _common_rate(recordings)
    flat = _flat_channels(recordings, channels)
    kept = [name for name in channels if name not in flat]
    epochs: list[np.ndarray] = []
    labels: list[str] = []
    left_out: Counter[str] = Counter()
    past_end = artifacts = 0
    epoch_start, epoch_end = round(epoch_s[0] * rate), round(epoch_s[1] * rate)
    for recording in recordings:
        cues = []
        for annotation in recording.annotations:
            side = side_of(annotation.text, mapping)
            if side is None:
                left_out[annotation.text] += 1
            else:
                cues.append((round(annotation.onset_s * rate), side))
        if not cues:
            raise _no_cues(recording, mapping)
        rows = [recording.channel_names.index(name) for name in kept]
        filtered = causal_band_pass(recording.data[rows], rate)
        for cue, side in cues:
            if cue + epoch_end > filtered.shape[1]:
                past_end += 1
                continue
            epoch = filtered[:, cue + epoch_start : cue + epoch_end]
            if is_unusable(epoch):
                artifacts += 1
                continue
            epochs.append(epoch)
            labels.append(side)
    where = ", ".join(str(recording.path) for recording in recordings)
    _refuse_too_few(where, labels, past_end, artifacts)
    return Pool(
        epochs=np.array(epochs),
        epoch_s=epoch_s,
        labels=labels,
        channels=[_shown(name) for name in kept],
        flat_channels=[_shown(name) for name in flat],
        sampling_rate=rate,
        recordings=[str(recording.path) for recording in recordings],
        mapping=mapping,
        left_out=dict(left_out),
        past_end=past_end,
        artifacts=artifacts,
    )


def _shown(name: str) -> str:
    """A channel name as people write it: PhysioNet pads its labels with dots ("C3.." is C3)."""
    return name.strip().rstrip(".") or name


def _refuse_repeated(paths: Sequence[str | Path]) -> None:
    """The same file twice puts identical trials on both sides of the cross-validation, which then
    scores memory, not decoding (S001R04 given twice: 96.7 %, alone 75.3 %)."""
    seen: dict[Path, str] = {}
    for path in paths:
        try:
            key = Path(path).resolve(strict=True)
        except OSError:
            continue  # read_edf says what is wrong with it
        if key in seen:
            raise RecordingError(f"{path}: given twice (as {seen[key]!r} too); each recording counts once")
        seen[key] = str(path)


def _refuse_unused_map(recordings: list[Recording], mapping: dict[str, str]) -> None:
    """A mapped label no recording holds is a typo or the wrong files: its trials would be missing."""
    labels = dict.fromkeys(a.text for recording in recordings for a in recording.annotations)
    absent = ", ".join(repr(label) for label in mapping if label not in labels)
    known = ", ".join(map(repr, labels)) or "none"
    if absent and len(recordings) == 1:
        raise RecordingError(
            f"--map: {recordings[0].path} has no annotation labelled {absent} (its labels: {known})"
        )
    if absent:
        raise RecordingError(
            f"--map: no recording has an annotation labelled {absent} (their labels: {known})"
        )


def _sensorimotor_channels(recordings: list[Recording]) -> list[str]:
    """The names of the first recording's channels over the motor strip; the others must have the same."""
    chosen = _motor_strip(recordings[0])
    for recording in recordings[1:]:
        names = _motor_strip(recording)
        if set(names) != set(chosen):
            missing = ", ".join(name for name in chosen if name not in names) or "none"
            extra = ", ".join(name for name in names if name not in chosen) or "none"
            raise RecordingError(
                f"{recording.path}: its sensorimotor channels differ from those of {recordings[0].path} "
                f"(missing: {missing}; extra: {extra}); pool recordings of one montage"
            )
    return chosen


def _motor_strip(recording: Recording) -> list[str]:
    names = [name for name in recording.channel_names if role_for_electrode(name) is not None]
    if not names:
        shown = ", ".join(recording.channel_names[:_NAMES_SHOWN])
        more = len(recording.channel_names) - _NAMES_SHOWN
        raise RecordingError(
            f"{recording.path}: no channel over the motor strip (C, FC or CP and a number or z, e.g. "
            f"C3, Cz, C4); its channels are {shown}{f' and {more} more' if more > 0 else ''}"
        )
    return names


def _common_rate(recordings: list[Recording]) -> float:
    """The one sampling rate of every recording, fast enough for the decoders' band."""
    rate = recordings[0].sampling_rate
    for recording in recordings:
        if recording.sampling_rate != rate:
            raise RecordingError(
                f"{recording.path}: sampled at {recording.sampling_rate:g} Hz, but {recordings[0].path} at "
                f"{rate:g} Hz; pool recordings of one sampling rate"
            )
    try:
        band_pass_sos(rate)
    except ValueError:  # the band's upper edge, kept below the Nyquist frequency, fell below its lower
        raise RecordingError(
            f"{recordings[0].path}: sampled at {rate:g} Hz, too slowly for the decoders' "
            f"{BAND_HZ[0]:g}-{BAND_HZ[1]:g} Hz band"
        ) from None
    return rate


def _flat_channels(recordings: list[Recording], channels: list[str]) -> list[str]:
    """The channels flat in any recording (left out of all, so every epoch has the same channels)."""
    flat: list[str] = []
    for recording in recordings:
        spread = channel_spreads(recording, [recording.channel_names.index(name) for name in channels])
        here = [name for name, value in zip(channels, spread, strict=True) if value < FLAT_BELOW_UV]
        if len(here) == len(channels):
            raise RecordingError(
                f"{recording.path}: every sensorimotor channel ({', '.join(channels)}) is flat "
                f"(below {FLAT_BELOW_UV:g} µV)"
            )
        flat += [name for name in here if name not in flat]
    if len(flat) == len(channels):
        raise RecordingError(
            f"{', '.join(str(r.path) for r in recordings)}: every sensorimotor channel is flat in one "
            f"recording or another ({', '.join(flat)}, below {FLAT_BELOW_UV:g} µV)"
        )
    return [name for name in channels if name in flat]


def _no_cues(recording: Recording, mapping: dict[str, str]) -> RecordingError:
    """A recording without a cue (a resting baseline given by mistake) would add nothing in silence."""
    labels = ", ".join(map(repr, dict.fromkeys(a.text for a in recording.annotations)))
    if not labels:
        return RecordingError(f"{recording.path}: no annotations, so no cue to cut an epoch after")
    if mapping:
        return RecordingError(
            f"{recording.path}: none of its annotation labels ({labels}) is one --map names "
            f"({', '.join(map(repr, mapping))}), so it holds no cue"
        )
    return RecordingError(
        f"{recording.path}: no annotation is labelled 'left' or 'right' (its labels: {labels}); name the "
        "cue labels' sides with --map, e.g. --map T1=left,T2=right"
    )


def _refuse_too_few(where: str, labels: list[str], past_end: int, artifacts: int) -> None:
    """Cross-validation needs MIN_TRIALS_PER_CLASS of each side, or its accuracy is noise."""
    counts = Counter(labels)
    dropped = ", ".join(
        f"{count} {why}"
        for count, why in ((past_end, "past the end of the data"), (artifacts, "artifacts"))
        if count
    )
    dropped = f" ({dropped} dropped)" if dropped else ""
    if len(counts) == 1:
        ((side, count),) = counts.items()
        raise RecordingError(
            f"{where}: all {count} usable trials are {side!r} cues{dropped}; the decoders need left and right"
        )
    for side in CLASSES:
        if counts[side] < MIN_TRIALS_PER_CLASS:
            raise RecordingError(
                f"{where}: only {counts[side]} usable {side!r} trial(s){dropped}; cross-validation needs "
                f"at least {MIN_TRIALS_PER_CLASS} of each side"
            )


def evaluate_pool(pool: Pool) -> dict:
    """Cross-validate every pipeline on the pooled epochs, and time the default one's decisions."""
    decoder = MotorImageryDecoder(DEFAULT_PIPELINE)
    # fit() cross-validates exactly as cross_validate() does, then fits on every epoch for the timing.
    validations: dict[str, Validation] = {
        DEFAULT_PIPELINE: decoder.fit(pool.epochs, pool.labels, n_repeats=CV_REPEATS)
    }
    for name in PIPELINES:
        if name != DEFAULT_PIPELINE:
            validations[name] = cross_validate(pool.epochs, pool.labels, name, n_repeats=CV_REPEATS)
    # The game decides on the latest 2 s: time the decoder on 2 s of each epoch.
    window = round(DECISION_WINDOW_S * pool.sampling_rate)
    decision_ms = [timed_probability(decoder, epoch[:, :window])[1] for epoch in pool.epochs]
    chance = chance_level(len(pool.labels), len(CLASSES))
    return {
        "paradigm": "mi",
        "recordings": pool.recordings,
        "map": pool.mapping,
        "sampling_rate": pool.sampling_rate,
        "channels": pool.channels,
        "flat_channels": pool.flat_channels,
        "epoch_s": list(pool.epoch_s),
        "n_trials": len(pool.labels),
        "trials": pool.trials,
        "left_out": pool.left_out,
        "dropped": {"past_end": pool.past_end, "artifacts": pool.artifacts},
        "chance": chance,
        "default": DEFAULT_PIPELINE,
        "pipelines": [
            {
                "name": name,
                "accuracy": validations[name].accuracy,
                "chance": validations[name].chance,
                "above_chance": validations[name].above_chance,
            }
            for name in PIPELINES
        ],
        "decision_ms": float(np.median(decision_ms)),
    }


def evaluate_recordings(
    paths: Sequence[str | Path], mapping: dict[str, str] | None = None, epoch_s: tuple[float, float] = EPOCH_S
) -> dict:
    """The report's numbers for ``paths`` pooled, cue labels mapped to sides by ``mapping``."""
    return evaluate_pool(pool_recordings(paths, mapping or {}, epoch_s))


def parse_epoch(text: str) -> tuple[float, float]:
    """``--epoch 0.5,4`` -> (0.5, 4.0): seconds after the cue, at least the 2 s the game decides on."""
    start, sep, stop = text.partition(",")
    try:
        span = (float(start), float(stop)) if sep else None
    except ValueError:
        span = None
    if span is None or not all(np.isfinite(span)):
        raise RecordingError(
            f"--epoch: expected START,STOP in seconds after the cue, e.g. 0.5,2.5, got {text!r}"
        )
    if not (span[0] >= 0.0 and span[1] - span[0] >= DECISION_WINDOW_S and span[1] <= MAX_EPOCH_END_S):
        raise RecordingError(
            f"--epoch {text}: give a span of at least {DECISION_WINDOW_S:g} s within 0-{MAX_EPOCH_END_S:g} s "
            "after the cue"
        )
    return span


def format_report(result: dict) -> str:
    """The evaluation as a table for people (``--json`` prints ``result`` itself)."""
    trials = ", ".join(f"{count} {side}" for side, count in result["trials"].items())
    mapped = ", ".join(f"{label}={side}" for label, side in result["map"].items())
    lines = [
        f"{', '.join(result['recordings'])}: {result['n_trials']} trials ({trials})"
        + (f", cues {mapped}" if mapped else ""),
        f"epochs {result['epoch_s'][0]:g}-{result['epoch_s'][1]:g} s after each cue at "
        f"{result['sampling_rate']:g} Hz from {len(result['channels'])} channels: "
        f"{', '.join(result['channels'])}",
    ]
    lines += left_out_lines(result)
    dropped = result["dropped"]
    if dropped["past_end"] or dropped["artifacts"]:
        lines.append(
            f"epochs dropped: {dropped['past_end']} past the end of the data, {dropped['artifacts']} "
            f"artifacts (beyond {ARTIFACT_UV:g} µV or a channel gone flat)"
        )
    lines.append(f"{'pipeline':<18} {'accuracy':>9}")
    for row in result["pipelines"]:
        verdict = "above chance" if row["above_chance"] else "not above chance"
        default = ", the default" if row["name"] == result["default"] else ""
        lines.append(f"{row['name']:<18} {100 * row['accuracy']:>8.1f}%  {verdict}{default}")
    lines.append(
        f"chance level: {100 * result['chance']:.1f}% (guessing averages 50% and reaches this with p < "
        f"{CHANCE_ALPHA:g} on {result['n_trials']} trials; {CV_REPEATS} x 5-fold cross-validation)"
    )
    lines.append(f"median decision time ({result['default']}, 2 s window): {result['decision_ms']:.2f} ms")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """``bci-showroom evaluate mi``'s options (``bci-showroom evaluate --help`` prints them too)."""
    parser = EvaluationParser(
        prog="bci-showroom evaluate mi",
        description="Cross-validated accuracy of every motor-imagery pipeline, its chance level and the "
        "decision time, on EDF+ recordings with one annotation per imagery cue (pooled when several).",
        epilog="Example (PhysioNet eegmmidb, imagined fists): bci-showroom evaluate mi S001R04.edf "
        "S001R08.edf --map T1=left,T2=right --json",
    )
    parser.add_argument("recordings", nargs="+", metavar="RECORDING", help="EDF/EDF+ files of one montage")
    parser.add_argument(
        "--map",
        metavar="LABEL=SIDE,...",
        help="which annotation labels cue the left and the right hand, e.g. T1=left,T2=right (needed "
        "unless the labels are 'left' and 'right'); other labels are left out",
    )
    parser.add_argument(
        "--epoch",
        default=f"{EPOCH_S[0]:g},{EPOCH_S[1]:g}",
        metavar="START,STOP",
        help=f"seconds after each cue to learn from (default: {EPOCH_S[0]:g},{EPOCH_S[1]:g}, what the live "
        f"demo uses; at least {DECISION_WINDOW_S:g} s)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser


def main(argv: Sequence[str]) -> int:
    """``bci-showroom evaluate mi RECORDING... [options]``: 0 with a report, 2 with one line on stderr."""
    return run_evaluation(
        build_parser(),
        lambda args: evaluate_recordings(args.recordings, parse_map(args.map), parse_epoch(args.epoch)),
        format_report,
        argv,
    )
