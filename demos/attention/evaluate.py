"""``bci-showroom evaluate attention``: how well each index separates calm from engaged (no Qt).

Recordings are cut into windows (2 s by default) of labelled segments, each window scored by the
game's own indices (:mod:`demos.attention.processing`) and, for comparison, by BrainFlow's
restfulness and mindfulness models. For each index the report gives the AUC: the probability that
a window of the class the index should be high for scores above a window of the other class
(relax: eyes closed or a relax round; focus: eyes open or a focus round), and Cohen's d.

Segments come from annotations (a showroom recording's cue texts, ``baseline eyes_open`` … ,
``round focus`` …, or plain ``eyes_open``/``eyes_closed``/``focus``/``relax`` labels; a segment
runs for the annotation's duration, or until the next annotation when it has none) or, for files
without them (PhysioNet's baseline runs), one label for the whole file: ``--label FILE=eyes_open``.
Windows with an artifact (the game's own checks) are left out and counted.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from brainflow.data_filter import DataFilter
from brainflow.exit_codes import BrainFlowError
from brainflow.ml_model import BrainFlowClassifiers, BrainFlowMetrics, BrainFlowModelParams, MLModel
from scipy import signal
from sklearn.metrics import roc_auc_score

from demos.attention.processing import (
    ArtifactLimits,
    Index,
    IndexChannels,
    band_powers,
    check_window,
    choose_channels,
    find_hold,
    index_values,
)
from demos.kit.evaluation import EvaluationParser, channel_spreads, left_out_lines, run_evaluation
from drivers.analysis.dsp import DISPLAY_BAND_HZ, display_filter_sos, find_hum
from drivers.analysis.quality import FLAT_BELOW_UV
from drivers.files.edf import Recording, RecordingError, read_edf
from drivers.roles import Role, electrode_role

CLASSES = ("eyes_open", "eyes_closed", "focus", "relax")
#: The classes each index should score high for; the others are its "low" classes.
HIGH_FOR = {Index.FOCUS: ("eyes_open", "focus"), Index.RELAX: ("eyes_closed", "relax")}
#: Annotation texts that name a class: the showroom's cue texts and plain labels.
LABEL_TEXTS = {
    "baseline eyes_open": "eyes_open",
    "baseline eyes_closed": "eyes_closed",
    "round focus": "focus",
    "round relax": "relax",
    **{name: name for name in CLASSES},
}
#: Annotations that end a segment without starting one.
ENDING_TEXTS = frozenset({"baseline end", "round_end"})
WINDOW_S = 2.0
MIN_WINDOW_S, MAX_WINDOW_S = 1.0, 30.0
#: An AUC on fewer windows a side says little (2 against 2 reads 1.000 by luck one time in six).
MIN_WINDOWS_PER_SIDE = 5
BRAINFLOW_INDICES = ("brainflow_restfulness", "brainflow_mindfulness")


@dataclass
class Windows:
    """Every usable window's index values and class, and what was left out."""

    values: dict[str, list[float]]
    classes: list[str]
    held: Counter
    left_out: Counter
    channels: dict[str, list[str]]
    flat_channels: list[str]
    notched: dict[str, float | None]


def parse_labels(pairs: Sequence[str]) -> dict[str, str]:
    """``--label FILE=CLASS`` pairs as {file: class}; a RecordingError names a bad one."""
    labels = {}
    for pair in pairs:
        file, sep, label = pair.rpartition("=")
        if not sep or not file or label not in ("eyes_open", "eyes_closed", "focus", "relax"):
            raise RecordingError(
                f"--label {pair!r}: expected FILE=CLASS with CLASS one of {', '.join(CLASSES)}, "
                "e.g. S001R01.edf=eyes_open"
            )
        if labels.get(file, label) != label:
            raise RecordingError(f"--label {file}: given as both {labels[file]} and {label}; which is it?")
        labels[file] = label
    return labels


def _same_file(label_file: str, path: str) -> bool:
    """A ``--label`` file names ``path``: by its file name, or as the same file on disk."""
    if label_file == Path(path).name:
        return True
    try:
        return Path(label_file).resolve() == Path(path).resolve()
    except OSError:
        return False


def _label_for(path: str, labels: dict[str, str]) -> str | None:
    """The ``--label`` class given for ``path``, if any."""
    return next((label for file, label in labels.items() if _same_file(file, path)), None)


def segments(recording: Recording, label: str | None) -> tuple[list[tuple[float, float, str]], Counter]:
    """(start s, end s, class) of the labelled segments, and the annotations no segment came from."""
    end_s = recording.data.shape[1] / recording.sampling_rate
    if label is not None:
        return [(0.0, end_s, label)], Counter()
    found, left_out = [], Counter()
    annotations = sorted(recording.annotations, key=lambda a: a.onset_s)
    for number, annotation in enumerate(annotations):
        text = annotation.text.strip()
        kind = LABEL_TEXTS.get(text)
        if kind is None:
            if text not in ENDING_TEXTS:
                left_out[text] += 1
            continue
        if annotation.onset_s >= end_s:
            left_out[f"{text} (after the end of the data)"] += 1
            continue
        rivals = [
            a for a in annotations if a.onset_s == annotation.onset_s and LABEL_TEXTS.get(a.text.strip())
        ]
        if any(LABEL_TEXTS[a.text.strip()] != kind for a in rivals):
            raise RecordingError(
                f"{recording.path}: two classes start at {annotation.onset_s:g} s "
                f"({', '.join(repr(a.text.strip()) for a in rivals)}); which one held there?"
            )
        # A segment ends with its duration or at the next annotation, whichever comes first, so no
        # window belongs to two classes.
        later = [a.onset_s for a in annotations[number + 1 :] if a.onset_s > annotation.onset_s]
        stop = min(later[0] if later else end_s, end_s)
        if annotation.duration_s > 0:
            stop = min(stop, annotation.onset_s + annotation.duration_s)
        if not found or found[-1][:2] != (annotation.onset_s, stop):  # the same label twice at once
            found.append((annotation.onset_s, stop, kind))
    return found, left_out


def _shown(name: str) -> str:
    """A channel name as the 10-10 system writes it: PhysioNet pads its labels with dots and
    writes "Af7." and "Fcz."; people read AF7 and FCz."""
    bare = name.strip().rstrip(".") or name
    return bare.upper().replace("Z", "z") if electrode_role(bare) is not None else bare


def _montage(recording: Recording, only: Sequence[str] | None = None) -> tuple[list[int], list[Role]]:
    """The rows of channels named as 10-10 electrodes (of ``only``, when given), and their roles."""
    wanted = None if only is None else {name.upper() for name in only}
    if wanted is not None:
        present = {_shown(name).upper() for name in recording.channel_names}
        missing = [name for name in only if name.upper() not in present]
        if missing:
            raise RecordingError(f"{recording.path}: --channels {', '.join(missing)}: no such channel")
    rows, roles = [], []
    for row, name in enumerate(recording.channel_names):
        role = electrode_role(name)
        if role is not None and (wanted is None or _shown(name).upper() in wanted):
            rows.append(row)
            roles.append(role)
    if not rows or all(role is Role.REFERENCE for role in roles):
        shown = ", ".join(recording.channel_names[:8])
        raise RecordingError(
            f"{recording.path}: no channel is named as a scalp electrode of the 10-10 system (e.g. O1, "
            f"Pz, AF7, TP9); its channels are {shown}"
        )
    return rows, roles


def _brainflow_models() -> dict[str, object]:
    """BrainFlow's restfulness and mindfulness models, prepared; empty if BrainFlow cannot load them."""
    models = {}
    for name, metric in zip(
        BRAINFLOW_INDICES, (BrainFlowMetrics.RESTFULNESS, BrainFlowMetrics.MINDFULNESS), strict=True
    ):
        try:
            model = MLModel(BrainFlowModelParams(metric.value, BrainFlowClassifiers.DEFAULT_CLASSIFIER.value))
            model.prepare()
        except (BrainFlowError, OSError):  # its library missing (a trimmed install) or refusing
            continue  # the report names the indices it could not compute
        models[name] = model
    return models


def _brainflow_features(window: np.ndarray, rate: float) -> np.ndarray:
    """BrainFlow's model input: average band powers and their spread over channels (10 values)."""
    bands = DataFilter.get_avg_band_powers(
        np.ascontiguousarray(window), list(range(len(window))), int(rate), True
    )
    return np.concatenate((bands[0], bands[1]))


def collect_windows(
    paths: Sequence[str], labels: dict[str, str], window_s: float, only: Sequence[str] | None = None
) -> Windows:
    """Every labelled window of every recording, scored by every index."""
    values: dict[str, list[float]] = {index.value: [] for index in Index}
    classes: list[str] = []
    held: Counter = Counter()
    left_out: Counter = Counter()
    flat_all: list[str] = []
    notched: dict[str, float | None] = {}
    used_channels: dict[str, list[str]] = {}
    models = _brainflow_models()
    for name in models:
        values[name] = []
    unused = [file for file in labels if not any(_same_file(file, path) for path in paths)]
    if unused:
        raise RecordingError(f"--label {unused[0]}: no such recording among the ones given")
    seen: set[Path] = set()
    try:
        for path in paths:
            key = Path(path).resolve()
            if key in seen:
                raise RecordingError(f"{path}: given twice; each recording counts once")
            seen.add(key)
            recording = read_edf(path)
            rows, roles = _montage(recording, only)
            rate = recording.sampling_rate
            if rate < 2 * DISPLAY_BAND_HZ[1] * 1.1:
                raise RecordingError(f"{path}: sampled at {rate:g} Hz, too slowly for the 4-30 Hz bands")
            spread = channel_spreads(recording, rows)
            flat = [
                recording.channel_names[row] for row, s in zip(rows, spread, strict=True) if s < FLAT_BELOW_UV
            ]
            keep = [i for i, s in enumerate(spread) if s >= FLAT_BELOW_UV]
            if not keep:
                raise RecordingError(f"{path}: every scalp channel is flat (below {FLAT_BELOW_UV:g} µV)")
            flat_all += [name for name in flat if name not in flat_all]
            rows = [rows[i] for i in keep]
            roles = [roles[i] for i in keep]
            try:
                channels = choose_channels(roles)
            except ValueError:
                raise RecordingError(
                    f"{path}: only reference channels are left once flat ones are out"
                ) from None
            chosen = {
                index.value: [
                    _shown(recording.channel_names[rows[i]]) for i in getattr(channels, index.value)
                ]
                for index in Index
            }
            if used_channels and any(sorted(chosen[k]) != sorted(used_channels[k]) for k in chosen):
                raise RecordingError(
                    f"{path}: its channels differ from those of {paths[0]} "
                    f"({', '.join(chosen['focus'])} against {', '.join(used_channels['focus'])}); "
                    "pool recordings of one montage, or choose common ones with --channels"
                )
            used_channels = chosen
            raw = recording.data[rows]
            # Every band used lies below 40 Hz; notch what hum the recording holds, whatever its country.
            hum = find_hum(raw, rate)
            notched[str(path)] = hum
            filtered = signal.sosfilt(display_filter_sos(rate, hum), raw - raw[:, :1], axis=1)
            found, skipped = segments(recording, _label_for(str(path), labels))
            left_out.update(skipped)
            if not found:
                raise RecordingError(
                    f"{path}: no segment is labelled (annotations such as 'baseline eyes_open' or "
                    f"'eyes_closed'); give one label for the whole file with --label {Path(path).name}=CLASS"
                )
            _score_segments(raw, filtered, rate, channels, found, window_s, models, values, classes, held)
    finally:
        for model in models.values():
            model.release()
    return Windows(values, classes, held, left_out, used_channels, flat_all, notched)


def _score_segments(
    raw: np.ndarray,
    filtered: np.ndarray,
    rate: float,
    channels: IndexChannels,
    found: list[tuple[float, float, str]],
    window_s: float,
    models: dict,
    values: dict[str, list[float]],
    classes: list[str],
    held: Counter,
) -> None:
    size = round(window_s * rate)
    # The first second of the file is the filter settling from its first sample: not scored.
    settle = round(rate)
    cut = [
        (first, kind)
        for start_s, stop_s, kind in found
        for first in range(max(settle, round(start_s * rate)), round(stop_s * rate) - size + 1, size)
    ]
    checks = [check_window(raw[:, f : f + size], filtered[:, f : f + size], rate, channels) for f, _ in cut]
    # The artifact limits are this recording's own, per class and the higher kept, as the game
    # learns them from a visitor's two baseline phases.
    limits: ArtifactLimits | None = None
    for kind in dict.fromkeys(kind for _, kind in cut):
        usable = [check for check, (_, k) in zip(checks, cut, strict=True) if k == kind and not check.broken]
        if usable:
            own = ArtifactLimits.from_checks(usable)
            limits = own if limits is None else limits.higher(own)
    limits = limits or ArtifactLimits.absolute(len(raw))
    for check, (first, kind) in zip(checks, cut, strict=True):
        window = slice(first, first + size)
        hold = find_hold(check, channels, limits)
        if hold is not None:
            held[hold.value] += 1
            continue
        powers = band_powers(filtered[:, window], rate, segment_s=1.0)
        focus, relax = index_values(powers, channels)
        values[Index.FOCUS.value].append(float(focus))
        values[Index.RELAX.value].append(float(relax))
        for name, model in list(models.items()):
            rows = list(channels.relax) if name == "brainflow_restfulness" else channels.used
            try:
                value = float(model.predict(_brainflow_features(raw[rows, window], rate))[0])
            except BrainFlowError:
                value = math.nan
            if not math.isfinite(value):  # e.g. at 100 Hz and below its band powers can be NaN
                model.release()
                del models[name]
                del values[name]
                continue
            values[name].append(value)
        classes.append(kind)


def _high_for(name: str) -> tuple[str, ...]:
    return (
        HIGH_FOR[Index.RELAX]
        if name in (Index.RELAX.value, "brainflow_restfulness")
        else HIGH_FOR[Index.FOCUS]
    )


def evaluate_recordings(
    paths: Sequence[str],
    labels: dict[str, str],
    window_s: float = WINDOW_S,
    only: Sequence[str] | None = None,
) -> dict:
    """The report's numbers: per index its AUC, Cohen's d and the windows it rests on."""
    if not MIN_WINDOW_S <= window_s <= MAX_WINDOW_S:
        raise RecordingError(f"--window {window_s:g}: give {MIN_WINDOW_S:g}-{MAX_WINDOW_S:g} seconds")
    windows = collect_windows(paths, labels, window_s, only)
    classes = np.array(windows.classes)
    counts = Counter(windows.classes)
    indices = []
    for name, scores in windows.values.items():
        high = np.isin(classes, _high_for(name))
        if high.sum() < MIN_WINDOWS_PER_SIDE or (~high).sum() < MIN_WINDOWS_PER_SIDE:
            raise RecordingError(
                f"{', '.join(map(str, paths))}: too few clean windows on one side (the classes found: "
                f"{', '.join(f'{count} {kind}' for kind, count in counts.items()) or 'none'}); "
                f"an AUC needs at least {MIN_WINDOWS_PER_SIDE} windows of a calm class (eyes_closed, relax) "
                "and of an engaged one (eyes_open, focus)"
            )
        values = np.array(scores)
        pooled = np.sqrt((values[high].var(ddof=1) + values[~high].var(ddof=1)) / 2)
        effect = (values[high].mean() - values[~high].mean()) / pooled if pooled > 0 else 0.0
        indices.append(
            {
                "name": name,
                "auc": float(roc_auc_score(high, values)),
                "effect_size": float(effect),
                "n_windows": len(values),
                "high_for": list(_high_for(name)),
            }
        )
    return {
        "paradigm": "attention",
        "recordings": [str(path) for path in paths],
        "window_s": window_s,
        "windows": dict(counts),
        "held": dict(windows.held),
        "channels": windows.channels,
        "flat_channels": windows.flat_channels,
        "left_out": dict(windows.left_out),
        "notched": windows.notched,
        "indices": indices,
        "not_computed": [name for name in BRAINFLOW_INDICES if name not in windows.values],
    }


def format_report(result: dict) -> str:
    """The evaluation as a table for people (``--json`` prints ``result`` itself)."""
    counts = ", ".join(f"{count} {kind}" for kind, count in result["windows"].items())
    lines = [f"{', '.join(result['recordings'])}: {counts} windows of {result['window_s']:g} s"]
    for index in Index:
        lines.append(f"{index.value} channels: {', '.join(result['channels'][index.value])}")
    lines += left_out_lines(result)
    if result["not_computed"]:
        lines.append(
            f"not computed: {', '.join(result['not_computed'])} (BrainFlow could not load or run its model "
            "on these recordings)"
        )
    if result["held"]:
        lines.append(
            "windows left out as artifacts: " + ", ".join(f"{n} {kind}" for kind, n in result["held"].items())
        )
    lines.append(f"{'index':<24} {'AUC':>6} {'Cohen d':>8} {'windows':>8}  high for")
    for row in result["indices"]:
        lines.append(
            f"{row['name']:<24} {row['auc']:>6.3f} {row['effect_size']:>8.2f} {row['n_windows']:>8}  "
            f"{' / '.join(row['high_for'])}"
        )
    lines.append(
        "AUC: the chance that a window of the class an index should be high for scores above one of "
        "the other class"
    )
    return "\n".join(lines)


def _seconds(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """``bci-showroom evaluate attention``'s options (``bci-showroom evaluate --help`` prints them too)."""
    parser = EvaluationParser(
        prog="bci-showroom evaluate attention",
        description="How well the attention game's focus and relax indices (and BrainFlow's restfulness and "
        "mindfulness) separate calm from engaged windows: AUC and effect size per index.",
        epilog="Example (PhysioNet eegmmidb baseline runs): bci-showroom evaluate attention S001R01.edf "
        "S001R02.edf --label S001R01.edf=eyes_open --label S001R02.edf=eyes_closed",
    )
    parser.add_argument("recordings", nargs="+", metavar="RECORDING", help="EDF/EDF+ files")
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="FILE=CLASS",
        help=f"one class for a whole file (CLASS: {', '.join(CLASSES)}); otherwise its annotations say "
        "(repeatable)",
    )
    parser.add_argument(
        "--window",
        type=_seconds,
        default=WINDOW_S,
        metavar="SECONDS",
        help=f"window length (default {WINDOW_S:g}; {MIN_WINDOW_S:g}-{MAX_WINDOW_S:g})",
    )
    parser.add_argument(
        "--channels",
        metavar="NAME,...",
        help="use only these channels, e.g. AF7,AF8,T9,T10 to see what a Muse would give (default: every "
        "channel named as a 10-10 electrode)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser


def _channel_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise RecordingError(f"--channels {text!r}: give channel names separated by commas, e.g. O1,O2")
    return names


def main(argv: Sequence[str]) -> int:
    """``bci-showroom evaluate attention RECORDING... [options]``: 0 with a report, 2 with one line."""
    return run_evaluation(
        build_parser(),
        lambda args: evaluate_recordings(
            args.recordings, parse_labels(args.label), args.window, _channel_list(args.channels)
        ),
        format_report,
        argv,
    )
