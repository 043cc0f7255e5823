"""Seeded mutation fuzzing of ``bci-showroom evaluate ssvep`` on damaged copies of EDF+ recordings.

Every mutant either evaluates (exit 0, one JSON object, nothing on stderr) or is refused (exit 2,
one line ``bci-showroom evaluate: FILE: ...`` on stderr, nothing on stdout); never a traceback or
a warning; and a truncated or lengthened file, or one whose record count changed, is never
evaluated. Mutations: truncation at many offsets (every boundary of the layout plus random ones),
random bytes, flipped bits, runs of random bytes, bytes appended, header fields set to awkward
values, and bytes changed inside the annotations of records that hold a trial (random damage
rarely hits those few bytes). Runs over a small EDF+ written here (always) and over a copy of a
Kalunga recording (when the shared data is there): 800 + 300 mutants in about 15 + 20 s.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from tests.drivers.edf_files import write_ssvep_edf
from tests.edf_mutants import fuzz_evaluation, report


def fuzz(source: bytes, folder: Path, capsys, count: int, seed: int) -> Counter:
    """Run ``evaluate ssvep`` on ``count`` mutants of ``source``; returns outcomes per mutation kind."""
    return fuzz_evaluation(
        source,
        folder,
        capsys,
        lambda path: ["evaluate", "ssvep", str(path), "--json"],
        lambda report: bool(report["windows"]),
        count=count,
        seed=seed,
        file_first=True,
    )


def test_fuzz_a_small_generated_recording(tmp_path, capsys):
    source = write_ssvep_edf(tmp_path / "sample.edf").read_bytes()
    started = time.perf_counter()
    outcomes = fuzz(source, tmp_path, capsys, count=800, seed=2024)
    with capsys.disabled():
        report("generated EDF+", outcomes, time.perf_counter() - started)
    assert outcomes["truncate", "refused"] >= 160 and outcomes["truncate", "evaluated"] == 0
    assert outcomes["byte", "evaluated"] > 0 and outcomes["annotation", "refused"] > 0


def test_fuzz_a_real_kalunga_recording(shared_data, tmp_path, capsys):
    source = (shared_data / "ssvep" / "kalunga_s01_session1.edf").read_bytes()
    started = time.perf_counter()
    outcomes = fuzz(source, tmp_path, capsys, count=300, seed=2025)
    with capsys.disabled():
        report("Kalunga s01 session 1", outcomes, time.perf_counter() - started)
    assert outcomes["truncate", "refused"] >= 60 and outcomes["truncate", "evaluated"] == 0
    assert outcomes["byte", "evaluated"] > 0 and outcomes["annotation", "refused"] > 0
