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


def test_soak_benchmark_counts_resources_before_and_after():
    script = Path(__file__).with_name("bench_soak.py")
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--switches",
            "12",
            "--warmup",
            "4",
            "--settle-s",
            "0",
            "--max-rss-growth",  # RSS over 8 switches says little; every count must be flat (exit 1)
            "100",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"signal_explorer", "ssvep_speller"} <= set(row["demos"])
    assert row["switches"] == 12 and row["warmup"] == 4 and row["seconds"] > 0
    keys = {"rss_kb", "objects", "qt_wrappers", "qobjects", "widgets", "threads", "fds"}
    for point in (row["before"], row["after"]):
        assert keys <= set(point) and point["rss_kb"] > 10_000 and point["objects"] > 1000
        assert point["widgets"] > 0 and point["threads"] >= 1 and point["fds"] >= 3
    assert row["after"]["closed_widgets_alive"] == 0  # every demo widget closed was destroyed
    assert row["after"]["widgets"] == row["before"]["widgets"]
    growth = row["after"]["rss_kb"] - row["before"]["rss_kb"]
    assert row["rss_growth_percent"] == round(100 * growth / row["before"]["rss_kb"], 2)
    assert row["rss_kb_per_switch"] == round(growth / 8, 2)


def test_motor_imagery_benchmark_reports_decisions_and_calibration_to_playable():
    script = Path(__file__).with_name("bench_mi.py")
    result = subprocess.run(
        [sys.executable, str(script), "--seeds", "1"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(",")[0] for line in lines[:3]] == [
        "decision tangent-space+lr",
        "decision csp+lda",
        "decision mdm",
    ]
    assert lines[3].startswith("calibration to playable (20 trials, 3 ch, 1 runs): median")


def test_attention_benchmark_reports_updates_lag_and_duels():
    script = Path(__file__).with_name("bench_attention.py")
    result = subprocess.run(
        [sys.executable, str(script), "--seeds", "1"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "update virtual_visitor 250 Hz",
        "update virtual_visitor_32ch_1k 1000 Hz",
        "focus lag",
        "duels won by the stronger focus",
    ]
    assert lines[3] in ("duels won by the stronger focus,1 of 1", "duels won by the stronger focus,0 of 1")


def test_a_dozen_kiosk_visits_leave_threads_widgets_and_files_where_they_were():
    """The kiosk soak's short form, in every test run: attract → consent → menu → every demo → idle
    or thank-you → attract, 12 times on the virtual visitor; the 8 counted after 4 warm-up visits
    are two idle timeouts inside a demo, two on the menu and four "I'm done", so a leak per visit of
    any kind shows. The long form is ``bench_soak.py --kiosk --rounds 500`` (README: A day at the
    kiosk); this used to play 50 visits, ~40 s of the test run."""
    script = Path(__file__).with_name("bench_soak.py")
    result = subprocess.run(
        [
            sys.executable,
            str(script),
            "--kiosk",
            "--rounds",
            "12",
            "--warmup",
            "4",
            "--settle-s",
            "0",
            "--open-ms",  # each demo still builds, starts, runs its timers and is torn down
            "30",
            "--menu-ms",
            "10",
            "--max-rss-growth",  # RSS over 8 visits says little; every count must be flat (exit 1)
            "100",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout.strip().splitlines()[-1])
    assert row["rounds"] == 12 and row["usage_sessions"] == 12 * len(row["demos"])
    before, after = row["before"], row["after"]
    assert after["threads"] == before["threads"] and after["os_threads"] == before["os_threads"]
    assert after["widgets"] == before["widgets"] and after["fds"] == before["fds"]
    assert after["closed_widgets_alive"] == 0


def test_startup_benchmark_sees_the_first_screen():
    """It waits for the app's "first screen on screen" log line: renaming that line broke it silently."""
    script = Path(__file__).with_name("bench_startup.py")
    result = subprocess.run(
        [sys.executable, str(script), "--runs", "1"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "median" in result.stdout and " s over 1 runs" in result.stdout
