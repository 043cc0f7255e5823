"""Reading a demo's stored settings into typed, bounded options (no Qt)."""

from __future__ import annotations

import logging
from typing import TypeVar

from demos.base import DemoSettings

Number = TypeVar("Number", int, float)
log = logging.getLogger(__name__)


def bounded(settings: DemoSettings, key: str, default: Number, low: Number, high: Number) -> Number:
    """The stored ``key`` as ``default``'s type, kept within ``low``..``high``: staff may edit the
    settings file by hand, and a visitor must never get a 0 s trial or a thousand of them."""
    value = settings.value(key, default)
    kept = type(default)(min(high, max(low, value)))
    if kept != value:
        log.warning("setting %s = %r is outside %s..%s: %s is used", key, value, low, high, kept)
    return kept
