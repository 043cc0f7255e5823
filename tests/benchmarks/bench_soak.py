"""Soak: open and close every demo many times in the real app; does anything grow?

    python tests/benchmarks/bench_soak.py                       # 880 switches, ~4 minutes
    python tests/benchmarks/bench_soak.py --switches 40 --settle-s 0 --json
    python tests/benchmarks/bench_soak.py --kiosk --rounds 500  # 500 kiosk visits

``--kiosk`` soaks the kiosk's visitor flow instead: each round is one visitor, attract → consent →
menu → every demo in turn → back to attract, half of them by the idle timeout (on a stepped clock,
not a minute's wait; every other one of those walks away inside the last demo) and half through
"I'm done" and the thank-you screen; each demo reports a
result, so the thank-you screen has lines to show and the purge has something to forget. The signal
check before decoding demos is off (it waits ~2 s for a steady signal: it has its own tests).

The main window runs on the virtual visitor (offscreen unless a display is set). First the app
idles on the menu for ``--settle-s`` seconds: the acquisition's 60 s ring buffer fills (its pages
become resident as they are first written: ~5 MB for 16 channels, flat afterwards), which would
otherwise pass for growth. Then switch ``i`` opens the ``i``-th registered demo (round robin) from
the menu, lets the event loop run ``--open-ms`` (timers fire, the speller paints its keys), goes
back to the menu and lets the loop run ``--menu-ms`` (deferred deletes happen). After the warm-up
switches and at the end it collects garbage and counts resident memory, Python objects, Python
wrappers of Qt objects, Qt objects, widgets, threads, open file descriptors, and the closed demo
widgets still alive (0 when each is really destroyed).

It exits 1 when anything is not flat after the warm-up: RSS grown by more than ``--max-rss-growth``
percent (0.1 by default), or any count of threads, widgets, Qt objects, open files or surviving demo
screens changed. ``--trace N`` says where the growth is: the N places that allocated the most
Python memory between warm-up and end (tracemalloc) and the object types whose counts grew.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import json
import os
import sys
import threading
import time
import tracemalloc
import weakref
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QObject, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from tests.live_app import enter_demo, open_app

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


class Pump:
    """Runs the event loop for a while; one loop and one timer for the whole soak (a new
    ``QTimer.singleShot(ms, callable)`` per call keeps ~60 bytes per call in PySide 6.11)."""

    def __init__(self) -> None:
        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.loop.quit)

    def __call__(self, ms: int) -> None:
        self.timer.start(ms)
        self.loop.exec()


def rss_kb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE_KB


class MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2: arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, ..."""

    _fields_ = [("values", ctypes.c_size_t * 10)]


def heap_kb() -> int | None:
    """What malloc has handed out and not had back (uordblks + hblkhd): growth of C/C++ data that
    RSS can hide in pages freed earlier. None without glibc."""
    mallinfo2 = getattr(ctypes.CDLL(None), "mallinfo2", None)
    if mallinfo2 is None:
        return None
    mallinfo2.restype = MallInfo2
    values = mallinfo2().values
    return (values[7] + values[4]) // 1024


def sample(app: QApplication, closed: weakref.WeakSet) -> dict:
    qobjects = len(app.findChildren(QObject)) + sum(
        1 + len(widget.findChildren(QObject)) for widget in app.topLevelWidgets()
    )  # findChildren wraps every object it finds: count the wrappers after it, every time
    gc.collect()
    return {
        "rss_kb": rss_kb(),
        "heap_kb": heap_kb(),
        "objects": len(gc.get_objects()),
        "qt_wrappers": len(Shiboken.getAllValidWrappers()),
        "qobjects": qobjects,
        "widgets": len(app.allWidgets()),
        "threads": threading.active_count(),
        "os_threads": len(os.listdir("/proc/self/task")),
        "fds": len(os.listdir("/proc/self/fd")),
        "closed_widgets_alive": len(closed),
    }


#: Counts that must be the same at the end as after the warm-up.
FLAT_COUNTS = ("qobjects", "widgets", "threads", "os_threads", "fds", "closed_widgets_alive")


def not_flat(result: dict, max_rss_growth_percent: float) -> list[str]:
    """What grew (or shrank) between the warm-up and the end, one line each; empty when flat."""
    before, after = result["before"], result["after"]
    lines = [f"{key}: {before[key]} -> {after[key]}" for key in FLAT_COUNTS if before[key] != after[key]]
    if result["rss_growth_percent"] > max_rss_growth_percent:
        lines.append(f"RSS grew {result['rss_growth_percent']:+.2f} % (at most {max_rss_growth_percent} %)")
    return lines


class Tracer:
    """Python allocations and object counts by type at the warm-up, compared with the end's."""

    def __init__(self, top: int) -> None:
        self.top = top
        self.snapshot: tracemalloc.Snapshot | None = None
        self.types: collections.Counter = collections.Counter()

    def start(self) -> None:
        if not self.top:
            return
        tracemalloc.start(12)
        gc.collect()
        self.snapshot = tracemalloc.take_snapshot()
        self.types = collections.Counter(type(o).__qualname__ for o in gc.get_objects())

    def report(self) -> list[str]:
        if self.snapshot is None:
            return []
        gc.collect()
        noise = [tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen *>")]
        end = tracemalloc.take_snapshot().filter_traces(noise)
        diff = end.compare_to(self.snapshot.filter_traces(noise), "traceback")
        lines = ["Python memory grown since the warm-up, by place (tracemalloc):"]
        for stat in diff[: self.top]:
            lines.append(f"  {stat.size_diff / 1024:+9.1f} kB {stat.count_diff:+7d} blocks")
            lines += [f"      {frame}" for frame in stat.traceback.format()[-8:]]
        types = collections.Counter(type(o).__qualname__ for o in gc.get_objects())
        types.subtract(self.types)
        lines.append("objects by type, grown since the warm-up:")
        lines += [f"  {count:+7d} {name}" for name, count in types.most_common(self.top) if count > 0]
        return lines


def soak(switches: int, warmup: int, settle_s: float, open_ms: int, menu_ms: int, tracer: Tracer) -> dict:
    app = QApplication.instance() or QApplication([])
    window, _languages = open_app(app)
    pump = Pump()
    demo_ids = [tile.entry.key for tile in window.menu.tiles if tile.entry.demo_class is not None]
    rss_start = rss_kb()
    pump(round(max(0.5, settle_s) * 1000))
    rss_settled = rss_kb()
    closed: weakref.WeakSet = weakref.WeakSet()  # the demo widgets closed so far that still exist
    started = time.monotonic()
    before = None
    for switch in range(switches):
        if switch == warmup:
            before = sample(app, closed)
            tracer.start()
        demo_id = demo_ids[switch % len(demo_ids)]
        closed.add(enter_demo(window, demo_id))
        pump(open_ms)
        window.show_menu()
        pump(menu_ms)
    after = sample(app, closed)
    before = before or after
    traced = tracer.report()
    seconds = time.monotonic() - started
    window.host.close_demo()
    window.acquisition.stop()
    growth_kb = after["rss_kb"] - before["rss_kb"]
    measured = max(1, switches - warmup)
    heap_growth_kb = after["heap_kb"] - before["heap_kb"] if before["heap_kb"] is not None else None
    return {
        "demos": demo_ids,
        "switches": switches,
        "warmup": min(warmup, switches),
        "settle_s": settle_s,
        "seconds": round(seconds, 1),
        "rss_start_kb": rss_start,
        "rss_settled_kb": rss_settled,
        "before": before,
        "after": after,
        "rss_growth_percent": round(100 * growth_kb / before["rss_kb"], 2),
        "rss_kb_per_switch": round(growth_kb / measured, 2),
        "traced": traced,
        "heap_kb_per_switch": round(heap_growth_kb / measured, 3) if heap_growth_kb is not None else None,
    }


class SteppedClock:
    """The window's idle clock, stepped by the soak instead of waited for."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def kiosk_soak(rounds: int, warmup: int, settle_s: float, open_ms: int, menu_ms: int, tracer: Tracer) -> dict:
    from app.visitor.flow import Screen

    app = QApplication.instance() or QApplication([])
    window, _languages = open_app(app, kiosk=True)
    clock = window.visit.clock = SteppedClock()
    pump = Pump()
    demo_ids = [tile.entry.key for tile in window.menu.tiles if tile.entry.demo_class is not None]
    rss_start = rss_kb()
    pump(round(max(0.5, settle_s) * 1000))
    rss_settled = rss_kb()
    closed: weakref.WeakSet = weakref.WeakSet()
    started = time.monotonic()
    before = None
    for visit in range(rounds):
        if visit == warmup:
            before = sample(app, closed)
            tracer.start()
        window.attract.sigStart.emit()
        window.consent.sigAccepted.emit()
        for index, demo_id in enumerate(demo_ids):
            closed.add(enter_demo(window, demo_id))  # no local name: it would keep the last one alive
            window.host.demo_widget.context.report_result(lambda visit=visit: f"visit {visit}")
            pump(open_ms)
            if visit % 4 == 0 and index == len(demo_ids) - 1:
                break  # this visitor walks away in the middle of the last demo: idle stops it
            window.show_menu()
            pump(menu_ms)
        if visit % 2:
            window.visit.finish()
            pump(menu_ms)
            window.thanks.sigDone.emit()
        else:
            clock.now += window.visit.idle_timeout_s() + 1
            window.visit.check_idle()
        pump(menu_ms)
        if window.visit.flow.screen is not Screen.ATTRACT:
            raise RuntimeError(f"visit {visit} ended on {window.visit.flow.screen.value}, not attract")
    after = sample(app, closed)
    before = before or after
    traced = tracer.report()
    seconds = time.monotonic() - started
    sessions = sum(row.sessions for row in window.usage.summary())  # quitting closes the usage log
    window.quit_showroom()
    growth_kb = after["rss_kb"] - before["rss_kb"]
    measured = max(1, rounds - warmup)
    return {
        "demos": demo_ids,
        "rounds": rounds,
        "warmup": min(warmup, rounds),
        "settle_s": settle_s,
        "seconds": round(seconds, 1),
        "rss_start_kb": rss_start,
        "rss_settled_kb": rss_settled,
        "before": before,
        "after": after,
        "usage_sessions": sessions,
        "rss_growth_percent": round(100 * growth_kb / before["rss_kb"], 2),
        "rss_kb_per_round": round(growth_kb / measured, 2),
        "traced": traced,
    }


def quiet_qt(mode, context, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform says so for every window shown
        print(message, file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switches", type=int, default=880)
    parser.add_argument("--kiosk", action="store_true", help="soak the kiosk's visitor flow, in rounds")
    parser.add_argument("--rounds", type=int, default=500, help="visitors, with --kiosk")
    parser.add_argument("--warmup", type=int, help="switches before the first count (default: 80, or N/10)")
    parser.add_argument("--settle-s", type=float, default=90.0, help="idle on the menu first (ring buffer)")
    parser.add_argument("--open-ms", type=int, default=80)
    parser.add_argument("--menu-ms", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="one JSON line instead of text")
    parser.add_argument("--max-rss-growth", type=float, default=0.1, help="percent after warm-up (exit 1)")
    parser.add_argument("--trace", type=int, default=0, metavar="N", help="the N biggest growths, by place")
    args = parser.parse_args()
    qInstallMessageHandler(quiet_qt)
    tracer = Tracer(args.trace)
    if args.kiosk:
        warmup = args.warmup if args.warmup is not None else min(20, args.rounds // 10)
        result = kiosk_soak(args.rounds, warmup, args.settle_s, args.open_ms, args.menu_ms, tracer)
    else:
        warmup = args.warmup if args.warmup is not None else min(80, args.switches // 10)
        result = soak(args.switches, warmup, args.settle_s, args.open_ms, args.menu_ms, tracer)
    result["not_flat"] = not_flat(result, args.max_rss_growth)
    status = 1 if result["not_flat"] else 0
    if args.json:
        print(json.dumps(result))
        return status
    print("\n".join(result["traced"]))
    if args.kiosk:
        before, after = result["before"], result["after"]
        print(
            f"{result['rounds']} kiosk visits over {', '.join(result['demos'])} in {result['seconds']} s "
            f"({result['usage_sessions']} demo sessions counted)"
        )
        print(
            f"RSS {before['rss_kb']} kB after {result['warmup']} warm-up visits -> {after['rss_kb']} kB: "
            f"{result['rss_growth_percent']:+.2f} %, {result['rss_kb_per_round']:+.2f} kB per visit"
        )
        for key in before:
            if key != "rss_kb":
                print(f"{key:>20}: {before[key]} -> {after[key]}")
        print("not flat: " + "; ".join(result["not_flat"]) if status else "flat")
        return status
    before, after = result["before"], result["after"]
    print(
        f"{result['switches']} switches over {', '.join(result['demos'])} in {result['seconds']} s, "
        f"after {result['settle_s']:.0f} s on the menu (RSS {result['rss_start_kb']} -> "
        f"{result['rss_settled_kb']} kB)"
    )
    print(
        f"RSS {before['rss_kb']} kB after {result['warmup']} warm-up switches -> {after['rss_kb']} kB: "
        f"{result['rss_growth_percent']:+.2f} %, {result['rss_kb_per_switch']:+.2f} kB per switch"
    )
    print(
        f"{'C heap in use':>20}: {before['heap_kb']} -> {after['heap_kb']} kB, "
        f"{result['heap_kb_per_switch']} kB per switch"
    )
    for key in before:
        if key not in ("rss_kb", "heap_kb"):
            print(f"{key:>20}: {before[key]} -> {after[key]}")
    print("not flat: " + "; ".join(result["not_flat"]) if status else "flat")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
