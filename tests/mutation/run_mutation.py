"""Mutation testing of named targets with mutmut: do the tests notice a small, plausible bug?

Not part of the normal test run (pytest collects only ``test_*.py``). Each target names a source
file, the functions in it to mutate (mutmut's mutant-name globs) and the tests that cover them, so
a run stays minutes, not hours. For each target the working tree is copied to a scratch
directory (the checkout itself is never mutated), mutmut is configured there through a
``setup.cfg`` of its own, and the kill ratio and every survivor (file, line, the change) are
printed. A mutant that made the tests time out counts as killed; one no selected test reaches
counts as surviving.

    .venv/bin/pip install -e ".[test,mutation]"
    .venv/bin/python tests/mutation/run_mutation.py                  # the data-path targets
    .venv/bin/python tests/mutation/run_mutation.py --all            # every target below
    .venv/bin/python tests/mutation/run_mutation.py pin speller_confidence
    .venv/bin/python tests/mutation/run_mutation.py --file app/pin.py --functions 'xǁPinLockǁ*' \\
        --tests tests/app/test_pin.py                                   # anything else

Exit code: 0 when every target killed at least ``--min-ratio`` of its mutants, 1 otherwise, 2 on
a usage error or when mutmut could not run a target (its output is shown).
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: mutmut's exit codes per mutant, grouped: a timeout means the mutant hung the tests (caught).
KILLED = {"killed", "timeout", "segfault", "caught by type check"}
NOT_RUN = {"not checked", "skipped"}


@dataclass(frozen=True)
class Target:
    """A source file, the functions of it to mutate ("*": all) and the tests that cover them."""

    file: str
    functions: tuple[str, ...]
    tests: tuple[str, ...]

    @property
    def module(self) -> str:
        return self.file.removesuffix(".py").replace("/", ".")

    def mutant_globs(self) -> list[str]:
        return [f"{self.module}.{function}" for function in self.functions]


STREAM_TESTS = (
    "tests/drivers/stream/test_markers.py",
    "tests/drivers/stream/test_intake.py",
    "tests/drivers/stream/test_loss.py",
    "tests/drivers/stream/test_timestamps.py",
    "tests/drivers/stream/test_readers.py",
)

TARGETS: dict[str, Target] = {
    # The data path: where each marker goes, how many samples were lost, the shared buffer.
    "markers": Target("drivers/stream/markers.py", ("*",), STREAM_TESTS),
    "loss": Target(
        "drivers/stream/intake.py",
        ("xǁPacketLossCounterǁ*", "xǁSampleLossTrackerǁ*", "xǁIntakeǁ_checked_stamps*"),
        STREAM_TESTS,
    ),
    "timestamps": Target(
        "drivers/stream/timestamps.py", ("*",), ("tests/drivers/stream/test_timestamps.py",)
    ),
    "ringbuffer": Target(
        "drivers/stream/ringbuffer.py",
        ("*",),
        ("tests/drivers/stream/test_ringbuffer.py", "tests/drivers/stream/test_intake.py"),
    ),
    # The staff PIN: hashing, checking, the lockout.
    "pin": Target("app/pin.py", ("*",), ("tests/app/test_pin.py", "tests/app/test_pin_edges.py")),
    # The speller's decision (its confidence), and when it stops: the visual-latency skip and the
    # stopping rule applied while a trial runs (session.py), the rule's calibration.
    "speller_confidence": Target(
        "demos/ssvep_speller/processing.py",
        ("x_decision_from_scores*", "xǁFBCCAǁdecide*", "xǁEnsembleTRCAǁdecide*"),
        ("tests/demos/ssvep_speller/test_processing.py", "tests/demos/ssvep_speller/test_decision.py"),
    ),
    "speller_stopping": Target(
        "demos/ssvep_speller/session.py",
        ("xǁOnsetReaderǁread*", "xǁOnlineDecoderǁpoll*", "x_calibrated_stopping_rule*"),
        (
            "tests/demos/ssvep_speller/test_decision.py",
            "tests/demos/ssvep_speller/test_session.py",
            "tests/demos/ssvep_speller/test_flow.py",
        ),
    ),
    # Motor imagery's visit log: the spans and markers a decision is made from.
    "mi_visit_log": Target(
        "demos/mi_cursor/session.py",
        ("*",),
        (
            "tests/demos/mi_cursor/test_window_edges.py",
            "tests/demos/mi_cursor/test_session.py",
            "tests/demos/mi_cursor/test_flow.py",
        ),
    ),
}
DATA_PATH = ("markers", "loss", "timestamps", "ringbuffer")


def scratch_copy(destination: Path) -> None:
    """The working tree as it is now (tracked and new files, not ignored ones), without mutmut's
    config of the project so that the one written for the target applies."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for relative in filter(None, listed.split("\0")):
        source = ROOT / relative
        if source.is_file():
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / relative)


def write_config(directory: Path, target: Target, max_failures: bool) -> None:
    """mutmut reads ``[mutmut]`` from setup.cfg when pyproject.toml has no ``[tool.mutmut]``."""
    pytest_args = ["-n", "0", "-p", "no:cacheprovider", "-q", "--durations=0", "-W", "ignore"]
    if max_failures:
        pytest_args.append("-x")
    config = configparser.ConfigParser()
    config["mutmut"] = {
        "source_paths": "\n" + target.file.split("/")[0],
        "only_mutate": "\n" + target.file,
        "pytest_add_cli_args": "\n" + "\n".join(pytest_args),
        "pytest_add_cli_args_test_selection": "\n" + "\n".join(target.tests),
        "use_git_change_detection": "false",
    }
    with (directory / "setup.cfg").open("w", encoding="utf-8") as file:
        config.write(file)


def mutmut(directory: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "mutmut", *args],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass(frozen=True)
class Survivor:
    name: str
    status: str
    line: int | None
    change: str


_HUNK = re.compile(r"^@@ -(\d+)")


def describe(directory: Path, target: Target, name: str, status: str) -> Survivor:
    """The line of the original file and the change, from ``mutmut show``'s diff."""
    diff = mutmut(directory, "show", name).stdout.splitlines()
    line = None
    removed: list[str] = []
    added: list[str] = []
    offset = 0
    for text in diff:
        hunk = _HUNK.match(text)
        if hunk:
            offset = int(hunk.group(1))
            continue
        if text.startswith(("---", "+++")):
            continue
        if text.startswith("-"):
            line = line or offset
            removed.append(text[1:].strip())
        elif text.startswith("+"):
            added.append(text[1:].strip())
        if not text.startswith("+"):
            offset += 1
    # mutmut diffs the function; its line is relative to the function's start.
    line = None if line is None else function_line(target, name) + line - 1
    change = f"{' / '.join(removed)}  ->  {' / '.join(added) or '(removed)'}"
    return Survivor(name, status, line, change)


def function_line(target: Target, name: str) -> int:
    """Line of the function the mutant is in (mutant names: module.xǁClassǁmethod__mutmut_N)."""
    qualified = name[len(target.module) + 1 :].rsplit("__mutmut_", 1)[0]
    parts = [part for part in qualified.removeprefix("x_").removeprefix("x").split("ǁ") if part]
    source = (ROOT / target.file).read_text(encoding="utf-8").splitlines()
    wanted = parts[-1]
    inside = len(parts) == 1
    for number, text in enumerate(source, start=1):
        if len(parts) > 1 and re.match(rf"class {re.escape(parts[0])}\b", text):
            inside = True
        if inside and re.match(rf"\s*def {re.escape(wanted)}\(", text):
            return number
    return 1


def run_target(name: str, target: Target, *, children: int, keep: bool, stop_early: bool) -> dict:
    started = time.monotonic()
    directory = Path(tempfile.mkdtemp(prefix=f"bci-mutation-{name}-"))
    try:
        scratch_copy(directory)
        write_config(directory, target, stop_early)
        run = mutmut(directory, "run", "--max-children", str(children), *target.mutant_globs())
        results = mutmut(directory, "results", "--all", "true")
        statuses: dict[str, str] = {}
        for text in results.stdout.splitlines():
            mutant, _, status = text.strip().rpartition(": ")
            if any(_glob_match(mutant, glob) for glob in target.mutant_globs()):
                statuses[mutant] = status
        tried = {mutant: status for mutant, status in statuses.items() if status not in NOT_RUN}
        if run.returncode != 0 or not tried:
            print(run.stdout[-4000:], run.stderr[-4000:], sep="\n", file=sys.stderr)
            return {"name": name, "error": f"mutmut exited {run.returncode} with {len(tried)} mutants tried"}
        killed = sum(status in KILLED for status in tried.values())
        survivors = [
            describe(directory, target, mutant, status)
            for mutant, status in sorted(tried.items(), key=lambda item: _mutant_number(item[0]))
            if status not in KILLED
        ]
        return {
            "name": name,
            "file": target.file,
            "killed": killed,
            "total": len(tried),
            "survivors": survivors,
            "seconds": time.monotonic() - started,
        }
    finally:
        if keep:
            print(f"  ({name}: mutmut's directory kept at {directory})")
        else:
            shutil.rmtree(directory, ignore_errors=True)


def _glob_match(name: str, glob: str) -> bool:
    import fnmatch

    return fnmatch.fnmatchcase(name, glob)


def _mutant_number(name: str) -> tuple[str, int]:
    function, _, number = name.rpartition("__mutmut_")
    return function, int(number) if number.isdigit() else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help=f"targets (default: {' '.join(DATA_PATH)})")
    parser.add_argument("--all", action="store_true", help="every built-in target")
    parser.add_argument("--list", action="store_true", help="list the built-in targets and exit")
    parser.add_argument("--file", help="a custom target: the source file to mutate")
    parser.add_argument("--functions", nargs="*", default=["*"], help="its functions (mutmut name globs)")
    parser.add_argument("--tests", nargs="*", default=[], help="the tests that cover it")
    parser.add_argument("--children", type=int, default=2, help="mutants tested at once (default 2)")
    parser.add_argument("--min-ratio", type=float, default=0.9, help="kill ratio to pass (default 0.9)")
    parser.add_argument("--keep", action="store_true", help="keep mutmut's scratch directories")
    parser.add_argument("--no-x", action="store_true", help="run every covering test (no -x)")
    options = parser.parse_args(argv)

    if options.list:
        for name, target in TARGETS.items():
            print(f"{name:20} {target.file}  {' '.join(target.functions)}")
        return 0
    chosen: dict[str, Target] = {}
    if options.file:
        if not options.tests:
            parser.error("--file needs --tests")
        chosen["custom"] = Target(options.file, tuple(options.functions), tuple(options.tests))
    names = list(TARGETS) if options.all else options.targets or ([] if options.file else list(DATA_PATH))
    for name in names:
        if name not in TARGETS:
            parser.error(f"unknown target {name!r} (known: {', '.join(TARGETS)})")
        chosen[name] = TARGETS[name]
    for name, target in chosen.items():
        missing = [path for path in (target.file, *target.tests) if not (ROOT / path).exists()]
        if missing:
            parser.error(f"{name}: no such file: {', '.join(missing)}")

    reports = []
    for name, target in chosen.items():
        print(f"== {name}: {target.file} ({' '.join(target.functions)})", flush=True)
        report = run_target(
            name, target, children=options.children, keep=options.keep, stop_early=not options.no_x
        )
        reports.append(report)
        if "error" in report:
            print(f"  could not run: {report['error']}", flush=True)
            continue
        print(
            f"  killed {report['killed']} of {report['total']} "
            f"({report['killed'] / report['total']:.0%}) in {report['seconds']:.0f} s",
            flush=True,
        )
        for survivor in report["survivors"]:
            print(f"  survived ({survivor.status}): {target.file}:{survivor.line}  {survivor.change}")
            print(f"      {survivor.name}")

    print("\nkill ratio per target:")
    failed = False
    for report in reports:
        if "error" in report:
            print(f"  {report['name']:20} not run")
            failed = True
            continue
        ratio = report["killed"] / report["total"]
        failed |= ratio < options.min_ratio
        print(f"  {report['name']:20} {report['killed']:4d} / {report['total']:4d}  {ratio:6.1%}")
    if any("error" in report for report in reports):
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
