"""Board profiles: which board to open, with which parameters, and where its electrodes sit.

A profile is a small TOML file (see ``drivers/boards/profiles/*.toml``). It is data, so that a showroom
can add its own headset placement without touching code, and it is validated on load: every error
is a :class:`ProfileError` naming the file and the offending field (``channels[3].role``), because
the person reading it is an engineer on site with a headset in one hand. Validation goes as far as
BrainFlow can answer without hardware (is the board known to the installed BrainFlow, does it
describe a data layout, does the montage match it), so that a bad profile fails in the terminal
and never in a window that keeps retrying.
"""

from __future__ import annotations

import codecs
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from drivers.files.bounded import RefusedFile, read_regular_file
from drivers.roles import ROLE_VALUES, Role

#: BrainFlowInputParams fields a profile may set; anything else is a typo worth reporting.
INPUT_PARAM_FIELDS: frozenset[str] = frozenset(
    {
        "serial_port",
        "mac_address",
        "ip_address",
        "ip_address_aux",
        "ip_address_anc",
        "ip_port",
        "ip_port_aux",
        "ip_port_anc",
        "ip_protocol",
        "other_info",
        "timeout",
        "serial_number",
        "file",
        "file_aux",
        "file_anc",
        "master_board",
    }
)
#: Integer input parameters and their sensible ranges. BrainFlow takes any integer here and fails
#: (or wraps) much later, on site; ``ip_protocol`` is an IpProtocolTypes value (0 none, 1 UDP, 2 TCP).
_INT_PARAM_RANGES: dict[str, tuple[int, int]] = {
    "ip_port": (0, 65535),
    "ip_port_aux": (0, 65535),
    "ip_port_anc": (0, 65535),
    "ip_protocol": (0, 2),
    "timeout": (0, 3600),
}
#: Input parameters naming files the playback board opens in ``prepare_session``.
FILE_PARAMS = ("file", "file_aux", "file_anc")

SourceKind = Literal["brainflow", "simulated"]
MAINS_CHOICES = (50, 60)
BUILTIN_PROFILE_DIR = "profiles"
#: Package counters arrive as float64 in BrainFlow's data block and are counted in int64: a larger
#: modulo cannot be represented exactly.
MAX_PACKAGE_MODULO = 2**53
#: The densest EEG caps have 256 electrodes (BrainFlow's largest board, 128). A profile listing
#: thousands is a mistake, and one the acquisition would chew on for seconds per read (at quit too).
MAX_CHANNELS = 256
#: BrainFlow's playback board: it replays a file in the layout of ``params.master_board``.
PLAYBACK_BOARD_ID = -3
#: How much of a playback file :func:`preflight` reads looking for one sample line.
_RECORDING_PROBE_BYTES = 1 << 20
#: A profile is a few kB of TOML; a larger file is no profile (and is not read whole).
MAX_PROFILE_BYTES = 1 << 20
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")


def _shown(text: str) -> str:
    """``text`` as a terminal or the log may print it: control characters (NUL, a terminal's escape
    sequences, line breaks) escaped, as a file name or a TOML key can hold them."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


class ProfileError(ValueError):
    """A profile file is invalid. ``field`` names the offending entry, ``source`` the file."""

    def __init__(self, source: str, field_name: str, message: str) -> None:
        source, field_name = _shown(source), _shown(field_name)
        super().__init__(f"{source}: {field_name}: {message}")
        self.source = source
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class Channel:
    """One EEG electrode in board row order."""

    name: str
    role: Role


@dataclass(frozen=True)
class PackageCounter:
    """How the board numbers its packets, to count samples lost in transit."""

    modulo: int = 256
    step: int = 1


@dataclass(frozen=True)
class BoardProfile:
    """Everything the acquisition worker needs to open a board, plus the montage demos ask about."""

    key: str
    name: str
    source: SourceKind
    channels: tuple[Channel, ...]
    board_id: int | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)
    required_params: tuple[str, ...] = ()
    sampling_rate: int | None = None
    mains_hz: int = 50
    package_counter: PackageCounter | None = None
    description: str = ""
    path: Path | None = None

    @property
    def channel_names(self) -> list[str]:
        return [channel.name for channel in self.channels]

    @property
    def roles(self) -> list[Role]:
        return [channel.role for channel in self.channels]

    def with_params(self, overrides: Mapping[str, str]) -> BoardProfile:
        """A copy with some input parameters replaced (e.g. ``serial_port`` from the command line).

        Checked like the file was: ``master_board`` changes the layout a playback profile reads.
        """
        params = dict(self.params)
        for name, value in overrides.items():
            params[name] = _coerce_param(self.key, f"params.{name}", name, value)
        if overrides and self.source == "simulated":
            name = next(iter(overrides))
            raise ProfileError(
                self.key, f"params.{name}", "a simulated board takes no BrainFlow parameters (see --board)"
            )
        if self.board_id is not None:
            _check_brainflow_board(self.key, self.board_id, params, self.channels)
        return replace(self, params=params)

    def with_mains(self, mains_hz: int) -> BoardProfile:
        if not _is_int(mains_hz) or mains_hz not in MAINS_CHOICES:
            raise ProfileError(self.key, "mains_hz", f"must be one of {MAINS_CHOICES}, got {mains_hz!r}")
        return replace(self, mains_hz=mains_hz)

    def missing_params(self) -> list[str]:
        """Required input parameters that are still empty (e.g. the Cyton's serial port)."""
        return [name for name in self.required_params if self.params.get(name) in (None, "")]


def _is_int(value: Any) -> bool:
    """TOML integers only: ``true`` is an int to Python and ``50.0`` equals 50, neither is meant."""
    return isinstance(value, int) and not isinstance(value, bool)


def _coerce_param(source: str, field_name: str, name: str, value: Any) -> str | int:
    """A parameter from TOML (typed) or the command line (always text) as BrainFlow wants it."""
    if name not in INPUT_PARAM_FIELDS:
        known = ", ".join(sorted(INPUT_PARAM_FIELDS))
        raise ProfileError(source, field_name, f"unknown BrainFlow input parameter (known: {known})")
    if name == "master_board":
        return resolve_board_id(source, field_name, value)
    if name in _INT_PARAM_RANGES:
        number = int(value) if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value) else value
        low, high = _INT_PARAM_RANGES[name]
        if not _is_int(number) or not low <= number <= high:
            raise ProfileError(source, field_name, f"must be an integer {low}..{high}, got {value!r}")
        return number
    if not isinstance(value, str):
        raise ProfileError(source, field_name, f"must be a string, got {value!r}")
    return value


def resolve_board_id(source: str, field_name: str, value: Any) -> int:
    """Turn ``"CYTON_BOARD"``, ``0`` or ``"0"`` into BrainFlow's integer board id, checking it exists."""
    from brainflow.board_shim import BoardIds

    if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value):
        value = int(value)
    if _is_int(value):
        if value not in {member.value for member in BoardIds}:
            raise ProfileError(source, field_name, f"no BrainFlow board has id {value}")
        return value
    if isinstance(value, str) and value in BoardIds.__members__:
        return int(BoardIds[value].value)
    if isinstance(value, str):
        raise ProfileError(source, field_name, f"unknown BrainFlow board {value!r} (see brainflow.BoardIds)")
    raise ProfileError(source, field_name, f"must be a BrainFlow board name or id, got {value!r}")


def _board_name(board_id: int) -> str:
    from brainflow.board_shim import BoardIds

    return BoardIds(board_id).name


def brainflow_board_description(source: str, field_name: str, board_id: int) -> dict[str, Any]:
    """BrainFlow's description of a board, checked to hold the data layout the app reads.

    Some ids in ``BoardIds`` have no description in the installed BrainFlow (``NO_BOARD``), some
    describe no layout (the playback and streaming boards) and some no EEG rows (EMG, ECG, IMU
    boards). Only ``get_board_descr`` is asked: ``get_eeg_channels`` on a board without EEG rows
    writes a null entry into BrainFlow's own table, which changes later answers in this process.
    """
    from brainflow.board_shim import BoardShim, BrainFlowError

    name = _board_name(board_id)
    try:
        descr = BoardShim.get_board_descr(board_id)
    except BrainFlowError as error:
        raise ProfileError(
            source,
            field_name,
            f"{name} is not supported by the installed BrainFlow {BoardShim.get_version()} ({error})",
        ) from None
    for key in ("sampling_rate", "num_rows", "timestamp_channel", "marker_channel"):
        if not _is_int(descr.get(key)):
            raise ProfileError(
                source,
                field_name,
                f"BrainFlow {BoardShim.get_version()} describes no data layout for {name} "
                f"(no {key}); the app cannot read this board",
            )
    eeg_rows = descr.get("eeg_channels")
    if not isinstance(eeg_rows, list) or not eeg_rows:
        raise ProfileError(source, field_name, f"{name} has no EEG channels in BrainFlow: not an EEG board")
    return descr


def _check_brainflow_board(
    source: str, board_id: int, params: Mapping[str, str | int], channels: tuple[Channel, ...]
) -> None:
    """The board (or, for playback, the board that made the recording) must match the montage."""
    field_name = "board"
    layout_board = board_id
    if board_id == PLAYBACK_BOARD_ID:
        if "master_board" not in params:
            raise ProfileError(
                source,
                "params.master_board",
                'required for the playback board: the board that made the recording, e.g. "SYNTHETIC_BOARD"',
            )
        field_name, layout_board = "params.master_board", int(params["master_board"])
    descr = brainflow_board_description(source, field_name, layout_board)
    expected = len(descr["eeg_channels"])
    if expected != len(channels):
        raise ProfileError(
            source,
            "channels",
            f"{_board_name(layout_board)} has {expected} EEG channels, the profile lists {len(channels)}",
        )


def parse_profile(data: Mapping[str, Any], source: str, key: str, path: Path | None = None) -> BoardProfile:
    """Validate a profile already read from TOML. Raises :class:`ProfileError` naming the field."""
    known = {
        "name",
        "description",
        "source",
        "board",
        "params",
        "required_params",
        "sampling_rate",
        "mains_hz",
        "channels",
        "package_counter",
    }
    for unknown in sorted(set(data) - known):
        raise ProfileError(source, unknown, "unknown field")

    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ProfileError(source, "name", "required, a non-empty string")
    if not name.isprintable():
        raise ProfileError(source, "name", f"must be printable text, got {name!r}")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ProfileError(source, "description", f"must be a string, got {description!r}")

    kind = data.get("source", "brainflow")
    if kind not in ("brainflow", "simulated"):
        raise ProfileError(source, "source", f"must be 'brainflow' or 'simulated', got {kind!r}")

    mains_hz = data.get("mains_hz", 50)
    if not _is_int(mains_hz) or mains_hz not in MAINS_CHOICES:
        raise ProfileError(source, "mains_hz", f"must be the integer 50 or 60, got {mains_hz!r}")

    channels = _parse_channels(source, data.get("channels"))

    raw_params = data.get("params", {})
    if not isinstance(raw_params, Mapping):
        raise ProfileError(source, "params", f"must be a table, got {raw_params!r}")
    params = {
        param: _coerce_param(source, f"params.{param}", param, value) for param, value in raw_params.items()
    }
    required = data.get("required_params", [])
    if not isinstance(required, list) or not all(isinstance(item, str) for item in required):
        raise ProfileError(source, "required_params", f"must be a list of parameter names, got {required!r}")
    for index, param in enumerate(required):
        if param not in INPUT_PARAM_FIELDS:
            raise ProfileError(source, f"required_params[{index}]", f"unknown parameter {param!r}")

    counter = _parse_package_counter(source, data["package_counter"]) if "package_counter" in data else None

    board_id = None
    sampling_rate = data.get("sampling_rate")
    if kind == "brainflow":
        if "board" not in data:
            raise ProfileError(source, "board", 'required for a BrainFlow profile (e.g. "CYTON_BOARD")')
        board_id = resolve_board_id(source, "board", data["board"])
        if sampling_rate is not None:
            raise ProfileError(source, "sampling_rate", "set by the BrainFlow board, leave it out")
        _check_brainflow_board(source, board_id, params, channels)
    else:
        if "board" in data:
            raise ProfileError(source, "board", "a simulated source has no BrainFlow board id")
        for unused in ("params", "required_params"):
            if data.get(unused):
                raise ProfileError(source, unused, "a simulated source takes no BrainFlow parameters")
        if not _is_int(sampling_rate) or not 50 <= sampling_rate <= 4000:
            raise ProfileError(
                source, "sampling_rate", f"required, an integer 50..4000 Hz, got {sampling_rate!r}"
            )

    return BoardProfile(
        key=key,
        name=name.strip(),
        source=kind,
        channels=channels,
        board_id=board_id,
        params=params,
        required_params=tuple(required),
        sampling_rate=sampling_rate,
        mains_hz=mains_hz,
        package_counter=counter,
        description=description.strip(),
        path=path,
    )


def _parse_package_counter(source: str, table: Any) -> PackageCounter:
    if not isinstance(table, Mapping):
        raise ProfileError(source, "package_counter", f"must be a table with modulo and step, got {table!r}")
    extra = sorted(set(table) - {"modulo", "step"})
    if extra:
        raise ProfileError(source, f"package_counter.{extra[0]}", "unknown field (modulo, step)")
    modulo, step = table.get("modulo", 256), table.get("step", 1)
    if not _is_int(modulo) or not 2 <= modulo <= MAX_PACKAGE_MODULO:
        raise ProfileError(source, "package_counter.modulo", f"must be an integer 2..2**53, got {modulo!r}")
    if not _is_int(step) or not 1 <= step < modulo:
        raise ProfileError(source, "package_counter.step", f"must be an integer in 1..modulo-1, got {step!r}")
    return PackageCounter(modulo=modulo, step=step)


def _parse_channels(source: str, raw: Any) -> tuple[Channel, ...]:
    if not isinstance(raw, list) or not raw:
        raise ProfileError(source, "channels", "required, a non-empty list of {name, role} tables")
    if len(raw) > MAX_CHANNELS:
        raise ProfileError(
            source, "channels", f"at most {MAX_CHANNELS} (the densest EEG caps have 256), got {len(raw)}"
        )
    channels: list[Channel] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        where = f"channels[{index}]"
        if not isinstance(entry, Mapping):
            raise ProfileError(source, where, f"must be a table {{name = ..., role = ...}}, got {entry!r}")
        extra = sorted(set(entry) - {"name", "role"})
        if extra:
            raise ProfileError(source, f"{where}.{extra[0]}", "unknown field")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(source, f"{where}.name", f"required, a non-empty string, got {name!r}")
        if not name.isprintable():
            raise ProfileError(source, f"{where}.name", f"must be printable text, got {name!r}")
        if name in seen:
            raise ProfileError(source, f"{where}.name", f"duplicate channel name {name!r}")
        seen.add(name)
        role = entry.get("role")
        if not isinstance(role, str) or role not in ROLE_VALUES:  # a table or list is not hashable
            choices = ", ".join(sorted(ROLE_VALUES))
            raise ProfileError(source, f"{where}.role", f"must be one of {choices}, got {role!r}")
        channels.append(Channel(name=name, role=Role(role)))
    return tuple(channels)


def _read_profile_text(path: Path) -> str:
    """The file as text, with every way a file can fail to be TOML text named in plain words."""
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_PROFILE_BYTES)
    except FileNotFoundError:
        raise ProfileError(source, "file", "not found") from None
    except IsADirectoryError:
        raise ProfileError(source, "file", "is a folder, not a profile file") from None
    except RefusedFile as refused:  # a FIFO would hang the start, /dev/zero fill the memory
        raise ProfileError(source, "file", f"{refused.reason}: not a profile file") from None
    except OSError as error:
        raise ProfileError(source, "file", f"cannot be read: {error.strerror or error}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ProfileError(source, "encoding", "the file is UTF-16; save it as UTF-8")
    try:
        # utf-8-sig: Windows editors put a byte order mark in front, which tomllib rejects.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProfileError(
            source,
            "encoding",
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8 (Windows editors may have saved it as GBK/ANSI)",
        ) from None
    if "\x00" in text:
        raise ProfileError(source, "encoding", "contains NUL bytes (UTF-16? binary?); save it as UTF-8 text")
    return text


def load_profile_file(path: str | Path) -> BoardProfile:
    """Load and validate one profile file."""
    path = Path(path)
    text = _read_profile_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(str(path), "toml", f"not valid TOML: {error}") from None
    except RecursionError:
        raise ProfileError(str(path), "toml", "not valid TOML: nested too deeply") from None
    return parse_profile(data, source=str(path), key=path.stem, path=path)


def builtin_profile_paths() -> dict[str, Path]:
    """The profiles shipped with the app, by key (file stem)."""
    folder = resources.files("drivers.boards") / BUILTIN_PROFILE_DIR
    return {
        Path(entry.name).stem: Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml")
    }


def builtin_profiles() -> dict[str, BoardProfile]:
    return {key: load_profile_file(path) for key, path in sorted(builtin_profile_paths().items())}


def find_profile(name_or_path: str) -> BoardProfile:
    """A built-in profile by key (``cyton``) or any profile file by path."""
    builtin = builtin_profile_paths()
    if name_or_path in builtin:
        return load_profile_file(builtin[name_or_path])
    # os.path.exists, not Path.exists: it answers False for names too long for the file system.
    if name_or_path.endswith(".toml") or os.path.exists(name_or_path):
        return load_profile_file(name_or_path)
    choices = ", ".join(sorted(builtin))
    raise ProfileError(name_or_path, "board", f"no such profile; built-in profiles are: {choices}")


def preflight(profile: BoardProfile) -> None:
    """Check what can be checked before opening the board, so the app never retries in vain.

    Required parameters must be set, and a playback profile's files must be readable and hold
    samples of the recording board: BrainFlow's playback board skips every line that is not
    ``num_rows`` numbers (tab- or comma-separated), so a wrong file opens fine and then streams
    nothing, for ever.
    """
    missing = profile.missing_params()
    if missing:
        raise ProfileError(profile.key, f"params.{missing[0]}", f"required: pass --param {missing[0]}=VALUE")
    if profile.board_id != PLAYBACK_BOARD_ID:
        return
    for name in FILE_PARAMS:
        if profile.params.get(name):
            head = _read_recording_head(profile.key, f"params.{name}", str(profile.params[name]))
            if name == "file":
                _check_recording(profile, head)


def _read_recording_head(source: str, field_name: str, file_name: str) -> bytes:
    try:
        head = read_regular_file(file_name, _RECORDING_PROBE_BYTES, head=True)
    except FileNotFoundError:
        raise ProfileError(source, field_name, f"{file_name}: not found") from None
    except IsADirectoryError:
        raise ProfileError(source, field_name, f"{file_name}: is a folder, not a recording") from None
    except RefusedFile as refused:  # BrainFlow would wait on a FIFO for ever, read /dev/zero for ever
        raise ProfileError(source, field_name, f"{file_name}: {refused.reason}: not a recording") from None
    except OSError as error:
        raise ProfileError(source, field_name, f"{file_name}: cannot be read: {error.strerror}") from None
    if not head:
        raise ProfileError(source, field_name, f"{file_name}: the file is empty")
    return head


def _check_recording(profile: BoardProfile, head: bytes) -> None:
    master = int(profile.params["master_board"])
    num_rows = int(brainflow_board_description(profile.key, "params.master_board", master)["num_rows"])
    first_count = None
    for line in head.decode("utf-8", errors="replace").splitlines()[:100]:
        if not line.strip():
            continue
        values = line.split("\t" if "\t" in line else ",")
        if values[-1].strip() == "":  # BrainFlow ignores a trailing separator
            values.pop()
        first_count = len(values) if first_count is None else first_count
        if len(values) == num_rows and all(_is_number(value) for value in values):
            return
    found = f"its first line has {first_count} values" if first_count is not None else "it has no lines"
    raise ProfileError(
        profile.key,
        "params.file",
        f"{profile.params['file']}: not a BrainFlow recording of {_board_name(master)}: expected lines of "
        f"{num_rows} tab-separated numbers, {found} (check the file and --param master_board)",
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
