"""The shell's settings vocabulary: every key the shell stores, declared once, typed.

Each setting is a key with a default, and the one way it is read: as the default's type (the
settings file gives the default, and logs, for a value of another type: see
:class:`app.settings.AppSettings`), a number kept within its bounds and a choice among its choices
(:func:`demos.base.kept_within`, :func:`demos.base.one_of`, in the floor below so that the demos
share the rule: logged when they change a value). Code
reads and writes a setting through its declaration (``IDLE_TIMEOUT.read(settings)``), never by
its key, so a key is written once. The demos' own settings are declared by each demo
(:class:`demos.base.StaffSetting`), stored under ``demos/<id>/``.

The names Qt files the settings under live here too. This module imports no Qt: the command line
reads the stored board with it before Qt starts, and tests read it without a display.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from demos.base import kept_within, one_of
from drivers.boards.profiles import ProfileError

#: The names Qt files the settings (and the log folder) under: ``app.bootstrap.qt_application``.
ORGANIZATION, APPLICATION = "BCI Showroom", "bci-showroom"
#: Language codes with the name each language has in itself (never translated).
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}

Value = TypeVar("Value")
Number = TypeVar("Number", int, float)


class SettingsReader(Protocol):
    """Where settings are read from: ``app.settings.AppSettings``, or the command line's look at
    the file before the app starts."""

    def value(self, key: str, default: Any = None) -> Any: ...


class SettingsStore(SettingsReader, Protocol):
    def set_value(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Setting(Generic[Value]):
    """A stored value, read as ``default``'s type (a value of another type reads as the default)."""

    key: str
    default: Value

    def read(self, settings: SettingsReader) -> Value:
        return settings.value(self.key, self.default)

    def write(self, settings: SettingsStore, value: Value) -> None:
        settings.set_value(self.key, value)


@dataclass(frozen=True)
class NumberSetting(Setting[Number]):
    """A number within ``low``..``high``: a stored one outside is read as the nearest bound."""

    low: Number
    high: Number

    def __post_init__(self) -> None:
        """A wrong declaration is a programming error: the clamp converts to the bounds' type."""
        one_type = type(self.default) is type(self.low) is type(self.high)
        if not (one_type and self.low <= self.default <= self.high):
            raise ValueError(f"setting {self.key!r}: need one type and low <= default <= high")

    @property
    def bounds(self) -> tuple[Number, Number]:
        return self.low, self.high

    def read(self, settings: SettingsReader) -> Number:
        return kept_within(self.key, settings.value(self.key, self.default), self.low, self.high)


@dataclass(frozen=True)
class ChoiceSetting(Setting[str]):
    """One of ``choices``; anything else stored is read as ``default`` (which may be "": none)."""

    choices: tuple[str, ...]

    def read(self, settings: SettingsReader) -> str:
        return one_of(self.key, settings.value(self.key, self.default), self.choices, self.default)


@dataclass(frozen=True)
class IdListSetting(Setting[tuple[str, ...]]):
    """Demo ids, stored as comma-separated text. Qt reads a hand-edited ``a, b`` as a list: that
    is read too; blanks are dropped."""

    default: tuple[str, ...] = ()

    def read(self, settings: SettingsReader) -> tuple[str, ...]:
        raw = settings.value(self.key)
        items = raw if isinstance(raw, list) else str(raw or "").split(",")
        return tuple(text for text in (str(item).strip() for item in items) if text)

    def write(self, settings: SettingsStore, value: Iterable[str]) -> None:
        settings.set_value(self.key, ",".join(value))


#: The language each visitor starts in (staff's choice, or the last ``--lang``); "": the system's.
LANGUAGE = ChoiceSetting("language", "", tuple(LANGUAGES))
#: Staff controls in a desktop window (*Help → Staff controls*), remembered for the next start.
STAFF_MODE = Setting("staff_mode", False)
#: Start in kiosk mode without ``--kiosk`` (staff switch it on in the console).
KIOSK = Setting("kiosk/enabled", False)
#: Back to the attract screen when nobody touched the kiosk for this long (s).
IDLE_TIMEOUT = NumberSetting("kiosk/idle_timeout_s", 60, 20, 600)
#: The staff PIN's salted hash (``app.pin``), never the PIN itself; "": the factory PIN.
PIN_HASH = Setting("kiosk/pin_hash", "")
#: The PIN pad's lockout, kept across restarts (``app.pin.PinLock``): wrong PINs since the last
#: right one or lock, locks in a row since the last right PIN, and when the lock ends (Unix time, s).
PIN_WRONG = NumberSetting("kiosk/pin_wrong", 0, 0, 1_000)
PIN_LOCKS = NumberSetting("kiosk/pin_locks", 0, 0, 1_000)
PIN_LOCKED_UNTIL = Setting("kiosk/pin_locked_until", 0.0)
#: A flicker may last at most this long (s): above the decoders' longest window (4 s), below eye strain.
MAX_FLICKER = NumberSetting("safety/max_flicker_s", 6.0, 5.0, 30.0)
#: The signal check before decoding demos (engineers and tests turn it off).
SIGNAL_CHECK = Setting("signal_check/enabled", True)
#: The menu's demos in the order staff chose; demos not in it follow in discovery order.
MENU_ORDER = IdListSetting("menu/order")
#: The demos staff took off the menu.
MENU_HIDDEN = IdListSetting("menu/hidden")
#: The board staff chose in the staff console, used when the command line names none: a built-in
#: profile's name or a .toml file's path, and its BrainFlow input parameters as a JSON object of
#: strings ({"serial_port": "COM3"}: unambiguous whatever a Windows path or a port name holds).
BOARD_PROFILE = Setting("board/profile", "")
BOARD_PARAMS = Setting("board/params", "")
#: The second headset's board (the duel): a profile name or a .toml path; "": none.
SECOND_BOARD = Setting("duel/board", "")

#: Every setting the shell stores, each key once.
SHELL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE,
    STAFF_MODE,
    KIOSK,
    IDLE_TIMEOUT,
    PIN_HASH,
    PIN_WRONG,
    PIN_LOCKS,
    PIN_LOCKED_UNTIL,
    MAX_FLICKER,
    SIGNAL_CHECK,
    MENU_ORDER,
    MENU_HIDDEN,
    BOARD_PROFILE,
    BOARD_PARAMS,
    SECOND_BOARD,
)


def encode_params(params: Mapping[str, str | int]) -> str:
    """Input parameters as :data:`BOARD_PARAMS` stores them (a JSON object of strings)."""
    return json.dumps({str(key): str(value) for key, value in params.items()}, ensure_ascii=False)


def decode_params(text: str) -> dict[str, str]:
    """:data:`BOARD_PARAMS`' parameters; :class:`ProfileError` when it is not a JSON object of
    strings (a hand-edited file). Empty text is no parameters."""
    if not text.strip():
        return {}
    try:
        params = json.loads(text)
    except (ValueError, RecursionError):
        raise ProfileError(BOARD_PARAMS.key, text, "not a JSON object of parameters") from None
    if not isinstance(params, dict) or not all(
        isinstance(key, str) and isinstance(value, str | int) and not isinstance(value, bool)
        for key, value in params.items()
    ):
        raise ProfileError(BOARD_PARAMS.key, text, 'expected {"name": "value", ...}')
    return {key: str(value) for key, value in params.items()}
