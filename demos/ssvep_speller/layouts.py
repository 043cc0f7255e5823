"""Speller layouts as data (``layouts/*.toml``), validated on load and against the display (no Qt).

A layout names its keys in grid order and the rule that gives each key its flicker: frequency
``first_hz + i·step_hz`` and phase ``i·phase_step_pi·π`` for the i-th key in ``order`` (columns or
rows), as in the JFPM benchmark layout. It also carries what differs between a 40-key keyboard
and a 6-key phrase board: how long the decoder may look (``[stopping]``), the words visitors copy
(``[[tasks]]``) and the visitor-facing texts in other languages (``[translations.<lang>]``).

A task's ``meaning`` is the gloss shown beside a word to copy ("NAOJI": Chinese for
"brain-computer"), in English; ``[translations.<lang>.meanings]`` gives it in another language,
keyed by the task's text. A gloss is for the visitor reading it: a Chinese visitor copying NAOJI
reads 脑机, not an English explanation of it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

from demos.ssvep_speller.stimulus import validate_frequencies

SPACE, BACKSPACE = "SPACE", "BACKSPACE"


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
class StoppingRule:
    """When the decoder may stop looking (dynamic stopping, see ``FBCCA.decide``).

    From ``min_s`` on, every ``step_s`` the decoder decides on all it has; it stops as soon as the
    confidence reaches ``threshold``. At ``max_s`` it stops anyway and the choice is typed only if
    the confidence is at least ``accept`` (else the visitor is asked to look again).
    """

    min_s: float = 1.0
    step_s: float = 0.25
    max_s: float = 4.0
    threshold: float = 0.35
    accept: float = 0.25


@dataclass(frozen=True)
class Task:
    """A copy-spelling task: the keys to select in order and, optionally, what the word means.

    ``meaning`` is in English; ``meanings`` holds (language, meaning) pairs for other languages.
    """

    text: str
    keys: tuple[int, ...]
    meaning: str = ""
    meanings: tuple[tuple[str, str], ...] = ()

    def meaning_for(self, language: str) -> str:
        """The gloss in ``language`` ("en", "zh_CN"); English where the layout gives none in it."""
        return dict(self.meanings).get(language, self.meaning)


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    rows: int
    columns: int
    keys: tuple[Key, ...]
    stopping: StoppingRule = field(default_factory=StoppingRule)
    tasks: tuple[Task, ...] = ()
    separator: str = ""  # typed between selections (a phrase board types words)
    translations: dict[str, dict] = field(default_factory=dict)

    @property
    def frequencies(self) -> np.ndarray:
        return np.array([key.frequency_hz for key in self.keys])

    @property
    def phases(self) -> np.ndarray:
        return np.array([key.phase_rad for key in self.keys])

    def problems_at(self, refresh_hz: float) -> list[str]:
        """Why this layout can't flicker correctly on a display of this refresh rate."""
        return validate_frequencies(list(self.frequencies), refresh_hz)

    def index_of(self, label: str) -> int:
        for index, key in enumerate(self.keys):
            if key.label == label:
                return index
        raise KeyError(label)

    def display_title(self, language: str) -> str:
        return self.translations.get(language, {}).get("title", self.title)

    def display_labels(self, language: str) -> list[str]:
        """Key labels as the visitor reads them (SPACE and BACKSPACE are left to the widget)."""
        return list(self.translations.get(language, {}).get("keys", [key.label for key in self.keys]))

    def type_key(self, text: str, index: int, labels: Sequence[str] | None = None) -> str:
        """``text`` after selecting key ``index``; ``labels`` are the labels to type (default: the keys')."""
        label = self.keys[index].label
        if label == BACKSPACE:
            return text[:-1]
        if label == SPACE:
            return text + " "
        return text + (labels[index] if labels else label) + self.separator


def _parse_stopping(data: dict, source: str) -> StoppingRule:
    values = {}
    for name in StoppingRule.__dataclass_fields__:
        if name in data:
            value = data[name]
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                raise LayoutError(f"{source}: stopping.{name}: a positive number")
            values[name] = float(value)
    rule = StoppingRule(**values)
    if not rule.min_s <= rule.max_s:
        raise LayoutError(f"{source}: stopping: min_s must not exceed max_s")
    return rule


def _parse_task(data: dict, labels: list[str], source: str, position: int) -> Task:
    where = f"{source}: tasks[{position}]"
    if "keys" in data:
        chosen = data["keys"]
        if not isinstance(chosen, list) or not chosen:
            raise LayoutError(f"{where}.keys: a non-empty list of key labels")
        text = " ".join(chosen)
    else:
        text = data.get("text")
        if not isinstance(text, str) or not text:
            raise LayoutError(f"{where}: needs 'text' (typed letter by letter) or 'keys'")
        chosen = [SPACE if character == " " else character for character in text]
    missing = [label for label in chosen if label not in labels]
    if missing:
        raise LayoutError(f"{where}: no key for {', '.join(map(repr, missing))}")
    return Task(text, tuple(labels.index(label) for label in chosen), str(data.get("meaning", "")))


def _with_meanings(tasks: list[Task], translations: dict, source: str) -> list[Task]:
    """The tasks with their glosses in other languages (``translations.<lang>.meanings``, by task text)."""
    by_text = {task.text: task for task in tasks}
    extra: dict[str, list[tuple[str, str]]] = {task.text: [] for task in tasks}
    for language, texts in translations.items():
        meanings = texts.get("meanings", {})
        where = f"{source}: translations.{language}.meanings"
        if not isinstance(meanings, dict):
            raise LayoutError(f"{where}: a table of task text = meaning")
        for text, meaning in meanings.items():
            if text not in by_text:
                raise LayoutError(f"{where}: no task {text!r}")
            if not isinstance(meaning, str):
                raise LayoutError(f"{where}.{text}: a string")
            extra[text].append((language, meaning))
    return [Task(task.text, task.keys, task.meaning, tuple(extra[task.text])) for task in tasks]


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
    translations = data.get("translations", {})
    for language, texts in translations.items():
        if "keys" in texts and len(texts["keys"]) != len(labels):
            raise LayoutError(f"{source}: translations.{language}.keys: needs {len(labels)} labels")
    tasks = [
        _parse_task(task, labels, source, position) for position, task in enumerate(data.get("tasks", []))
    ]
    tasks = _with_meanings(tasks, translations, source)
    layout = Layout(
        need("name", str),
        need("title", str),
        rows,
        columns,
        tuple(keys),
        stopping=_parse_stopping(data.get("stopping", {}), source),
        tasks=tuple(tasks),
        separator=str(data.get("separator", "")),
        translations=translations,
    )
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
