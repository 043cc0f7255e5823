"""Seeded mutation fuzzing of ``bci-showroom evaluate mi`` on damaged copies of a real PhysioNet file.

Every mutant either evaluates (exit 0, one JSON object, nothing on stderr) or is refused (exit 2, one
line ``bci-showroom evaluate: ...`` naming the file on stderr, nothing on stdout); never a traceback
or a warning; and a truncated or lengthened file, or one whose record count changed, is never
evaluated. The mutations are the SSVEP evaluation's (truncations, random bytes and bits, runs,
appended bytes, awkward header fields, damaged annotations). A mutant that evaluates runs every
pipeline, cross-validated on two folds once rather than five folds ten times: the numbers don't
matter here, and the loop stops after FUZZ_S seconds.
"""

from __future__ import annotations

import time

import pytest

from demos.mi_cursor import evaluate, processing
from tests.edf_mutants import fuzz_evaluation, report

FUZZ_S = 10.0
MUTANTS = 80  # more than FUZZ_S allows: the time bound decides how many run


@pytest.fixture
def two_folds(monkeypatch):
    """Cross-validation on two folds, once: a mutant that evaluates takes half a second, not fifteen."""
    validate = processing.cross_validate

    def quick(epochs, labels, pipeline=processing.DEFAULT_PIPELINE, **_):
        return validate(epochs, labels, pipeline, n_splits=2, n_repeats=1)

    monkeypatch.setattr(processing, "cross_validate", quick)
    monkeypatch.setattr(evaluate, "cross_validate", quick)


def test_fuzz_a_real_physionet_recording(shared_data, tmp_path, capsys, two_folds):
    source = (shared_data / "mi" / "S001R04.edf").read_bytes()
    started = time.perf_counter()
    outcomes = fuzz_evaluation(
        source,
        tmp_path,
        capsys,
        lambda path: ["evaluate", "mi", str(path), "--map", "T1=left,T2=right", "--json"],
        lambda report: report["n_trials"] > 0,
        count=MUTANTS,
        seed=2026,
        seconds=FUZZ_S,
    )
    with capsys.disabled():
        report("PhysioNet S001R04", outcomes, time.perf_counter() - started)
    assert outcomes["truncate", "refused"] >= 10 and outcomes["truncate", "evaluated"] == 0
    assert sum(n for (_, outcome), n in outcomes.items() if outcome == "evaluated") > 0
