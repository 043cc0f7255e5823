"""The menu staff chose, as stored: the demos' order and the hidden ones (``menu/order``,
``menu/hidden``), and a demo's title and declared staff settings. The main window builds its menu
with :func:`menu_entries`; the console's tabs read and write the same. No Qt widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from app.config import MENU_HIDDEN, MENU_ORDER
from app.settings import AppSettings
from demos.base import StaffSetting
from demos.kit.i18n import fill, translate
from demos.registry import DemoEntry

log = logging.getLogger(__name__)


def ordered_entries(entries: Sequence[DemoEntry], settings: AppSettings) -> list[DemoEntry]:
    """Every entry, in the stored ``menu/order`` (unknown ids ignored, demos not in it appended in
    discovery order), hidden ones included."""
    rank = {key: index for index, key in reversed(list(enumerate(MENU_ORDER.read(settings))))}
    last = len(rank)
    indexed = sorted(enumerate(entries), key=lambda pair: (rank.get(pair[1].key, last), pair[0]))
    return [entry for _, entry in indexed]


def hidden_ids(settings: AppSettings) -> set[str]:
    return set(MENU_HIDDEN.read(settings))


def menu_entries(entries: Sequence[DemoEntry], settings: AppSettings) -> list[DemoEntry]:
    """The entries the menu shows, in the order staff chose: ``menu/order`` and ``menu/hidden``
    (comma-separated demo ids) applied; ids of demos no longer installed are ignored, and demos
    installed since are appended, shown, in discovery order. Every demo hidden would leave
    visitors an empty menu: then all show (and the log says why)."""
    hidden = hidden_ids(settings)
    ordered = ordered_entries(entries, settings)
    shown = [entry for entry in ordered if entry.key not in hidden]
    if ordered and not shown:
        log.warning("setting %s hides every demo; showing them all", MENU_HIDDEN.key)
        return ordered
    return shown


def write_menu(settings: AppSettings, order: Sequence[str], hidden: Iterable[str]) -> None:
    MENU_ORDER.write(settings, order)
    MENU_HIDDEN.write(settings, [key for key in order if key in set(hidden)])


def demo_title(entry: DemoEntry) -> str:
    demo = entry.demo_class
    if demo is None:
        return fill(translate("StaffConsole", "%1 (could not be loaded)"), entry.key)
    return QCoreApplication.translate(demo.translation_context, demo.title)


def declared_settings(entry: DemoEntry) -> tuple[StaffSetting, ...]:
    """A demo's staff settings; a plugin's malformed declaration is logged and offers none."""
    declared = getattr(entry.demo_class, "staff_settings", ())
    try:
        settings = tuple(declared)
    except TypeError:
        settings = ()
    kept = tuple(setting for setting in settings if isinstance(setting, StaffSetting))
    if len(kept) != len(settings) or not isinstance(declared, tuple | list):
        log.warning("demo %s declares staff_settings that are not StaffSetting values", entry.key)
    return kept
