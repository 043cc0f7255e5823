"""Speller layouts as data (``layouts/*.toml``), validated on load and against the display (no Qt).

A layout names its keys in grid order and the rule that gives each key its flicker: frequency
``first_hz + i·step_hz`` and phase ``i·phase_step_pi·π`` for the i-th key in ``order`` (columns or
rows), as in the JFPM benchmark layout.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

import numpy as np

from demos.ssvep_speller.stimulus import validate_frequencies


class LayoutError(ValueError):
    """A layout file is invalid; the message names the file and field."""


@dataclass(frozen=True)
class Key:
    label: str
    row: int
    column: int
    frequency_hz: float
    phase_rad: float


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    rows: int
    columns: int
    keys: tuple[Key, ...]

    @property
    def frequencies(self) -> np.ndarray:
        return np.array([key.frequency_hz for key in self.keys])

    @property
    def phases(self) -> np.ndarray:
        return np.array([key.phase_rad for key in self.keys])

    def problems_at(self, refresh_hz: float) -> list[str]:
        """Why this layout can't flicker correctly on a display of this refresh rate."""
        return validate_frequencies(list(self.frequencies), refresh_hz)


def parse_layout(data: dict, source: str) -> Layout:
    def need(field_name: str, kind: type):
        value = data.get(field_name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise LayoutError(f"{source}: {field_name}: required, a {kind.__name__}")
        return value

    rows, columns = need("rows", int), need("columns", int)
    labels = need("keys", list)
    if len(labels) != rows * columns or not all(isinstance(label, str) and label for label in labels):
        raise LayoutError(f"{source}: keys: needs {rows * columns} non-empty labels, has {len(labels)}")
    order = data.get("order", "rows")
    if order not in ("rows", "columns"):
        raise LayoutError(f"{source}: order: 'rows' or 'columns', got {order!r}")
    first, step = float(need("first_hz", float)), float(need("step_hz", float))
    phase_step = float(data.get("phase_step_pi", 0.0)) * np.pi
    keys = []
    for position, label in enumerate(labels):
        row, column = divmod(position, columns)
        index = column * rows + row if order == "columns" else position
        frequency = round(first + index * step, 6)
        keys.append(Key(label, row, column, frequency, float((index * phase_step) % (2 * np.pi))))
    layout = Layout(need("name", str), need("title", str), rows, columns, tuple(keys))
    duplicates = validate_frequencies(list(layout.frequencies), refresh_hz=1e9)
    if duplicates:
        raise LayoutError(f"{source}: {'; '.join(duplicates)}")
    return layout


def builtin_layouts() -> dict[str, Layout]:
    folder = resources.files("demos.ssvep_speller") / "layouts"
    layouts = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".toml"):
            layout = parse_layout(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name)
            layouts[layout.name] = layout
    return layouts
