"""The benchmark script still runs end to end (its numbers are read by people, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("bench_live_panel.py")


def test_benchmark_runs_and_reports_every_number():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "1", "--warmup", "0.5", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [row["source"] for row in rows] == ["synthetic", "virtual_visitor_32ch_1k"]
    for row in rows:
        assert row["fps"] > 0 and row["cpu_percent_one_core"] > 0
        assert row["latency_ms_p50"] is not None and row["latency_ms_p95"] >= row["latency_ms_p50"]
        assert row["received_vs_expected"] > 0.5
    assert rows[1]["channels"] == 32 and rows[1]["rate_hz"] == 1000


def test_decoder_benchmark_reports_both_decoders():
    script = Path(__file__).with_name("bench_fbcca.py")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(",")[0] for line in lines] == ["FBCCA", "ensemble TRCA"]
    assert all("median" in line and "ms" in line for line in lines)


def test_integrity_benchmark_accounts_for_every_sample_and_marker():
    script = Path(__file__).with_name("bench_integrity.py")
    result = subprocess.run(
        [sys.executable, str(script), "--minutes", "0.05", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.strip().splitlines()[-1])
    assert row["channels"] == 32 and row["rate_hz"] == 1000 and row["markers_sent"] >= 10
    assert row["samples_unaccounted"] == 0 and row["markers_unaccounted"] == 0
    assert row["markers_in_order_once"]
