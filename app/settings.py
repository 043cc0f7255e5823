"""Persistent settings: the app's own and each demo's, stored with QSettings in an INI file.

Values come back typed like their default (an INI file stores text: "false" is a true string), and
a value that cannot be read as that type, or a number that is not finite, gives the default, so a
hand-edited file never crashes the shell or a demo.

A settings file that is damaged as a whole (not text, not INI, unreadable) is moved aside intact
as ``settings.ini.corrupt-<time>`` and the showroom starts on defaults; one that cannot be saved
keeps working for the session. Either way :attr:`AppSettings.problem` says so, once, for staff.

The file holds the staff PIN's hash, so on POSIX it is readable by the app's user only (0600).
"""

from __future__ import annotations

import logging
import math
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

from drivers.files.bounded import RefusedFile, file_problem, read_regular_file

log = logging.getLogger(__name__)
#: A settings file is a few kB; a larger one is damaged (moved aside), never read whole.
MAX_SETTINGS_BYTES = 1 << 20


def default_settings_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder or Path.home() / ".bci-showroom") / "settings.ini"


def default_data_folder() -> Path:
    """Where the app keeps what is not a setting (a demo's high-score board): the platform's
    per-user app data folder (on Windows %LOCALAPPDATA%\\BCI Showroom\\bci-showroom)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".bci-showroom") / "data"


@dataclass(frozen=True)
class SettingsProblem:
    """``reset``: the file was damaged, moved to ``path``, and defaults apply; ``unsaved``: the
    file at ``path`` cannot be written, so changes are lost when the app closes."""

    kind: str
    path: Path


def settings_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a settings file without holding the start (a FIFO blocks,
    ``/dev/zero`` or a 2 GB file fills the memory), from its status alone: QSettings would read
    it whole. None when it can be read, or does not exist yet."""
    return file_problem(path, MAX_SETTINGS_BYTES)


def _damage(path: Path) -> str | None:
    """What makes a settings file unusable as a whole (None: usable, or not there yet)."""
    try:
        data = read_regular_file(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return None
    except RefusedFile as refused:
        return refused.reason
    except OSError as error:
        return f"unreadable ({error.strerror or error})"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None if _converted_from_gbk(path, data) else "not UTF-8 text"
    if "\x00" in text:
        return "not text (it holds NUL bytes)"
    if not _reads_as_ini(path) or not _shaped_as_ini(text):
        return "not an INI file"
    return None


def _shaped_as_ini(text: str) -> bool:
    """Every line a section, a ``key=value``, a comment or blank: Qt reads any text without an error
    (and would write ``[General]`` over a ``--settings notes.md`` that holds someone's notes)."""
    for line in text.splitlines():
        line = line.strip()
        if line and not (line.startswith((";", "#")) or "=" in line or (line[0] == "[" and line[-1] == "]")):
            return False
    return True


def _reads_as_ini(path: Path) -> bool:
    return QSettings(str(path), QSettings.Format.IniFormat).status() is QSettings.Status.NoError


def _converted_from_gbk(path: Path, data: bytes) -> bool:
    """A settings file a Chinese Windows editor saved as "ANSI" (GBK) is converted to UTF-8 in place
    (the original kept beside it as ``.gbk-<time>``) rather than thrown away with the staff PIN.
    Only when it reads as GBK text that is an INI file with settings in it: random bytes are not."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if any(not char.isprintable() and char not in "\r\n\t" for char in text) or "=" not in text:
        return False
    original = path.with_name(f"{path.name}.gbk-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(original)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        log.error("settings file %s is GBK text and cannot be converted (%s)", path, error)
        return False
    if not _reads_as_ini(path):
        path.unlink(missing_ok=True)  # not INI after all: put the original back, judged as damaged
        original.replace(path)
        return False
    log.warning("settings file %s was GBK text: converted to UTF-8, the original kept as %s", path, original)
    return True


def _made_private(path: Path) -> bool:
    """Make the settings file (and its folder) exist, readable by this user only, and say whether
    it can be saved: by trying, not by guessing (``os.access`` on a folder not yet made said "no"
    on every fresh account, though Qt makes the folders when it saves).

    The file holds the staff PIN's hash: it is created 0600 (Qt keeps the mode of the file it
    saves over) and one found wider is narrowed, with a line in the log. ``O_NONBLOCK``: a FIFO
    with nobody reading fails at once instead of hanging the start; opening for append changes
    nothing in an existing file.
    """
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, mode=0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NONBLOCK", 0)  # POSIX only
        descriptor = os.open(path, flags, 0o600)
    except OSError as error:
        log.warning("settings file %s cannot be opened for writing (%s)", path, error.strerror or error)
        return False
    try:
        mode = os.fstat(descriptor).st_mode
        if os.name == "posix" and stat.S_ISREG(mode) and stat.S_IMODE(mode) & 0o077:
            os.fchmod(descriptor, stat.S_IMODE(mode) & 0o700)
            log.warning(
                "settings file %s was readable by other users (mode %o): now %o (it holds the PIN's hash)",
                path,
                stat.S_IMODE(mode),
                stat.S_IMODE(mode) & 0o700,
            )
    except OSError as error:
        log.warning("settings file %s: its mode cannot be narrowed (%s)", path, error.strerror or error)
    finally:
        os.close(descriptor)
    return True


def _as_type(raw: Any, kind: type) -> Any:
    """``raw`` (text from the file, or the value set in this session) as ``kind``, or None."""
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw if kind is not float or math.isfinite(raw) else None
    if isinstance(raw, list | dict | bool) and kind is not str:
        return None
    text = str(raw).strip()
    try:
        if kind is bool:
            return {"true": True, "false": False}.get(text.lower())
        if kind is int:
            return int(text)
        if kind is float:
            number = float(text)
            return number if math.isfinite(number) else None
    except ValueError:
        return None
    return text if kind is str and not isinstance(raw, list | dict) else None


class AppSettings:
    """The app's settings file; ``for_demo`` hands a demo its own group of it.

    ``data_folder`` goes with it: the user's app data folder for the default file, or, for a file
    given by path (``--settings``, tests), a folder beside it named after it, so a separate
    configuration keeps separate boards and tests never touch the user's.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_path()
        self.data_folder = (
            default_data_folder() if path is None else self.path.with_name(f"{self.path.stem}-data")
        )
        #: What is wrong with the settings file, for staff (None when nothing is): set once, at start.
        self.problem: SettingsProblem | None = None
        self.backup: Path | None = None
        damage = _damage(self.path)
        if damage is not None:
            self._move_aside(damage)
        saveable = _made_private(self.path)
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        if not saveable and self.problem is None:
            log.warning("settings file %s cannot be saved: changes last until the app closes", self.path)
            self.problem = SettingsProblem("unsaved", self.path)

    def _move_aside(self, damage: str) -> None:
        backup = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(backup)
        except OSError as error:
            log.error("settings file %s is %s and cannot be moved aside (%s)", self.path, damage, error)
            self.problem = SettingsProblem("unsaved", self.path)
            return
        log.error("settings file %s is %s: moved to %s; starting with defaults", self.path, damage, backup)
        self.backup = backup
        self.problem = SettingsProblem("reset", backup)

    def value(self, key: str, default: Any = None) -> Any:
        """The stored value as ``default``'s type (bool, int, float, str); untyped without a default."""
        raw = self._qsettings.value(key)
        if default is None or raw is None:
            return default if raw is None else raw
        value = _as_type(raw, type(default))
        if value is None:
            log.warning("setting %s=%r is not a %s; using %r", key, raw, type(default).__name__, default)
            return default
        return value

    def set_value(self, key: str, value: Any) -> None:
        self._qsettings.setValue(key, value)
        self._qsettings.sync()
        if self._qsettings.status() is QSettings.Status.AccessError and self.problem is None:
            log.warning("settings file %s cannot be saved: changes last until the app closes", self.path)
            self.problem = SettingsProblem("unsaved", self.path)

    def for_demo(self, demo_id: str) -> DemoGroupSettings:
        return DemoGroupSettings(self, demo_id)

    def demo_folder(self, demo_id: str) -> Path:
        """A demo's own folder in :attr:`data_folder` (not created until the demo writes to it)."""
        return self.data_folder / "demos" / demo_id


class DemoGroupSettings:
    """One demo's settings, under ``demos/<id>/``; implements ``demos.base.DemoSettings``."""

    def __init__(self, settings: AppSettings, demo_id: str) -> None:
        self._settings = settings
        self._prefix = f"demos/{demo_id}/"

    def value(self, key: str, default: Any) -> Any:
        return self._settings.value(self._prefix + key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._settings.set_value(self._prefix + key, value)
