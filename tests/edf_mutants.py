"""Seeded mutations of EDF+ files, for fuzzing what reads recordings (the evaluations, later replay).

Truncation at many offsets (every boundary of the layout plus random ones), random bytes, flipped
bits, runs of random bytes, bytes appended, header fields set to awkward values, and bytes changed
inside the annotations of records that hold a trial (random damage rarely hits those few bytes).
"""

from __future__ import annotations

import json
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.cli import main
from tests.drivers.edf_files import (
    HEADER_FIELDS,
    get_field,
    header_size,
    n_signals,
    record_bytes,
    set_field,
    signal_field_span,
)

AWKWARD = (
    "", "0", "-0", "1", "-1", "+", ".", "nan", "NaN", "inf", "-inf", "1e999", "1e308", "1e-300",
    "99999999", "-9999999", "-32768", "32767", "32768", "1_0", "0x10", "EDF+D", "EDF Annotations", "uV",
)  # fmt: skip
NUMERIC_SIGNAL_FIELDS = (
    "physical minimum", "physical maximum", "digital minimum", "digital maximum", "samples per data record",
    "label", "physical dimension",
)  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    kind: str
    detail: str
    data: bytes
    must_fail: bool = False  # truncated, lengthened or recounted: never to be evaluated as if whole


def annotation_spans(raw: bytes) -> list[tuple[int, int]]:
    """(start, end) in the file of each data record's annotation bytes that carry more than timekeeping."""
    sizes = [2 * int(get_field(raw, "samples per data record", i)) for i in range(n_signals(raw))]
    labels = [get_field(raw, "label", i) for i in range(n_signals(raw))]
    signal = labels.index("EDF Annotations")
    offset, size, stride = sum(sizes[:signal]), sizes[signal], record_bytes(raw)
    spans = []
    for start in range(header_size(raw) + offset, len(raw), stride):
        block = raw[start : start + size]
        if block.rstrip(b"\0").count(b"\0") >= 1:  # a trial's TAL after the timekeeping one
            spans.append((start, start + size))
    return spans


def mutants(raw: bytes, rng: np.random.Generator, count: int) -> Iterator[Mutant]:
    """``count`` mutants of ``raw``, a fifth of them truncations at structural and random offsets."""
    header, stride, size = header_size(raw), record_bytes(raw), len(raw)
    cuts = {0, 1, 255, 256, header - 1, header, header + 1, header + stride // 2, header + stride - 1}
    cuts |= {header + stride, size - stride, size - stride - 1, size - stride + 1, size - 2, size - 1}
    cuts |= set(rng.integers(0, size, count // 5 - len(cuts)).tolist())
    for cut in sorted(cuts):
        yield Mutant("truncate", f"cut at byte {cut} of {size}", raw[:cut], must_fail=True)
    spans = annotation_spans(raw)
    kinds = ("byte", "bit", "run", "append", "header", "signal header", "annotation")
    for index in range(count - len(cuts)):
        kind = kinds[index % len(kinds)]
        data = bytearray(raw)
        must_fail = False
        if kind == "byte":
            at = int(rng.integers(size))
            data[at] = (data[at] + int(rng.integers(1, 256))) % 256
            detail = f"byte {at} set to {data[at]}"
        elif kind == "bit":
            at, bit = int(rng.integers(size)), int(rng.integers(8))
            data[at] ^= 1 << bit
            detail = f"bit {bit} of byte {at} flipped"
        elif kind == "run":
            at, length = int(rng.integers(size - 64)), int(rng.integers(2, 65))
            data[at : at + length] = rng.integers(0, 256, length, dtype=np.uint8).tobytes()
            detail = f"{length} random bytes at {at}"
        elif kind == "append":
            length = int(rng.integers(1, 2 * stride))
            data += rng.integers(0, 256, length, dtype=np.uint8).tobytes()
            detail, must_fail = f"{length} bytes appended", True
        elif kind == "header":
            name = str(rng.choice(list(HEADER_FIELDS)))
            value = awkward_value(rng, HEADER_FIELDS[name][1])
            data = bytearray(set_field(raw, name, value))
            detail = f"header field {name!r} set to {value!r}"
            must_fail = name == "number of data records" and value.strip() != raw[236:244].decode().strip()
        elif kind == "signal header":
            name = str(rng.choice(NUMERIC_SIGNAL_FIELDS))
            signal = int(rng.integers(n_signals(raw)))
            start, end = signal_field_span(raw, name, signal)
            value = awkward_value(rng, end - start)
            data = bytearray(set_field(raw, name, value, signal=signal))
            detail = f"signal {signal + 1}'s {name!r} set to {value!r}"
        else:
            start, end = spans[int(rng.integers(len(spans)))]
            at = int(rng.integers(start, end))
            data[at] = int(rng.integers(256))
            detail = f"annotation byte {at} set to {data[at]}"
        yield Mutant(kind, detail, bytes(data), must_fail)


def awkward_value(rng: np.random.Generator, width: int) -> str:
    """An awkward field value: a known troublemaker, random digits, or random printable characters."""
    choice = rng.integers(3)
    if choice == 0:
        value = str(rng.choice(AWKWARD))
    elif choice == 1:
        value = "".join(rng.choice(list("0123456789.-+ e"), int(rng.integers(1, 9))))
    else:
        value = "".join(chr(c) for c in rng.integers(32, 127, int(rng.integers(1, 9))))
    return value[:width]


def report(name: str, outcomes: Counter, seconds: float) -> None:
    evaluated = sum(n for (_, outcome), n in outcomes.items() if outcome == "evaluated")
    total = sum(outcomes.values())
    print(f"\n{name}: {total} mutants in {seconds:.1f} s, {evaluated} evaluated, {total - evaluated} refused")
    for (kind, outcome), n in sorted(outcomes.items()):
        print(f"  {kind:<14} {outcome:<9} {n}")


def fuzz_evaluation(
    source: bytes,
    folder: Path,
    capsys,
    arguments: Callable[[Path], list[str]],
    evaluated: Callable[[dict], bool],
    *,
    count: int,
    seed: int,
    seconds: float | None = None,
    file_first: bool = False,
) -> Counter:
    """Run ``bci-showroom`` with ``arguments(path)`` on up to ``count`` mutants of ``source`` (stopping
    after ``seconds``, if given); returns outcomes per mutation kind.

    Each mutant either evaluates (exit 0, nothing on stderr, a JSON report that ``evaluated``
    accepts; never a truncated or recounted file) or is refused (exit 2, nothing on stdout, one line
    on stderr naming the file, first if ``file_first``); a traceback or a warning fails the test with
    the mutation named.
    """
    path = folder / "mutant.edf"
    outcomes: Counter = Counter()
    started = time.perf_counter()
    for mutant in mutants(source, np.random.default_rng(seed), count):
        if seconds is not None and time.perf_counter() - started > seconds:
            break
        path.write_bytes(mutant.data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                code = main(arguments(path))
        except Exception as error:
            raise AssertionError(
                f"{mutant.kind}, {mutant.detail}: {type(error).__name__}: {error}"
            ) from error
        out, err = capsys.readouterr()
        if code == 0:
            assert not mutant.must_fail, f"{mutant.kind}, {mutant.detail}: evaluated as if whole"
            assert err == "" and evaluated(json.loads(out)), (mutant.detail, err)
            outcomes[mutant.kind, "evaluated"] += 1
        else:
            assert (code, out) == (2, ""), (mutant.detail, code, out)
            start = f"bci-showroom evaluate: {path}: " if file_first else "bci-showroom evaluate: "
            assert err.startswith(start) and str(path) in err, (mutant.detail, err)
            assert err.count("\n") == 1, (mutant.detail, err)
            outcomes[mutant.kind, "refused"] += 1
    return outcomes
