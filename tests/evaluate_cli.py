"""Running ``bci-showroom evaluate`` in-process, as the evaluations' tests do."""

from __future__ import annotations

from app.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``bci-showroom evaluate ...`` in-process: (exit status, stdout, stderr)."""
    code = main(["evaluate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(capsys, *args: str) -> str:
    """The one stderr line of an evaluation that must exit 2 and print nothing else."""
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, ""), (code, out, err)
    assert err.startswith("bci-showroom evaluate: ") and err.count("\n") == 1, err
    return err
