"""Which demos the menu shows: the built-in list plus third-party entry points.

Built-in demos are imported explicitly (PyInstaller follows direct imports; a scan of the package
would miss them in the frozen app). Third-party packages add demos under the entry-point group
``bci_showroom.demos``. A demo that fails to import or is malformed becomes an entry with an error,
shown as an error tile; it never stops the menu from loading.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from demos.attention.demo import AttentionDemo
from demos.base import Demo
from demos.mi_cursor.demo import MiCursorDemo
from demos.signal_explorer.demo import SignalExplorerDemo
from demos.ssvep_speller.demo import SsvepSpellerDemo

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "bci_showroom.demos"

BUILTIN_DEMOS: tuple[type[Demo], ...] = (SignalExplorerDemo, SsvepSpellerDemo, MiCursorDemo, AttentionDemo)


@dataclass(frozen=True)
class DemoEntry:
    """One menu entry: a usable demo class, or the reason it could not be loaded."""

    key: str
    origin: str
    demo_class: type[Demo] | None = None
    error: str | None = None


def check_demo_class(candidate: object) -> str | None:
    """What is wrong with a would-be demo class, or None if it honours the contract."""
    if not (isinstance(candidate, type) and issubclass(candidate, Demo)):
        return f"{candidate!r} is not a subclass of demos.base.Demo"
    for attribute in ("id", "title", "description"):
        value = getattr(candidate, attribute, None)
        if not isinstance(value, str) or not value.strip():
            return f"{candidate.__name__}.{attribute} must be a non-empty string"
    if getattr(candidate, "__abstractmethods__", None):
        return f"{candidate.__name__} does not implement {', '.join(sorted(candidate.__abstractmethods__))}"
    return None


def _load_entry_point(entry_point: EntryPoint) -> DemoEntry:
    origin = entry_point.dist.name if entry_point.dist is not None else entry_point.value
    try:
        candidate = entry_point.load()
    except Exception as error:
        log.exception("demo plugin %r failed to import", entry_point.name)
        return DemoEntry(key=entry_point.name, origin=origin, error=f"{type(error).__name__}: {error}")
    problem = check_demo_class(candidate)
    if problem:
        log.error("demo plugin %r rejected: %s", entry_point.name, problem)
        return DemoEntry(key=entry_point.name, origin=origin, error=problem)
    return DemoEntry(key=candidate.id, origin=origin, demo_class=candidate)


def discover_demos() -> list[DemoEntry]:
    """Built-in demos first, then plugins; duplicate ids become errors instead of replacing one another."""
    entries = [DemoEntry(key=demo.id, origin="built-in", demo_class=demo) for demo in BUILTIN_DEMOS]
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        entries.append(_load_entry_point(entry_point))
    seen: set[str] = set()
    result = []
    for entry in entries:
        if entry.demo_class is not None and entry.key in seen:
            entry = DemoEntry(
                key=entry.key, origin=entry.origin, error=f"a demo with id {entry.key!r} exists already"
            )
        seen.add(entry.key)
        result.append(entry)
    return result
