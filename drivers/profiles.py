"""Board profiles: which board to open, with which parameters, and where its electrodes sit.

A profile is a small TOML file (see ``drivers/profiles/*.toml``). It is data, so that a showroom
can add its own headset placement without touching code, and it is validated on load: every error
names the offending field (``channels[3].role``), because the person reading it is an engineer on
site with a headset in one hand.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

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
_INT_PARAMS = frozenset({"ip_port", "ip_port_aux", "ip_port_anc", "ip_protocol", "timeout", "master_board"})

SourceKind = Literal["brainflow", "simulated"]
MAINS_CHOICES = (50, 60)
BUILTIN_PROFILE_DIR = "profiles"


class ProfileError(ValueError):
    """A profile file is invalid. ``field`` names the offending entry, ``source`` the file."""

    def __init__(self, source: str, field_name: str, message: str) -> None:
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
        """A copy with some input parameters replaced (e.g. ``serial_port`` from the command line)."""
        params = dict(self.params)
        for name, value in overrides.items():
            params[name] = _coerce_param(self.key, f"params.{name}", name, value)
        return replace(self, params=params)

    def with_mains(self, mains_hz: int) -> BoardProfile:
        if mains_hz not in MAINS_CHOICES:
            raise ProfileError(self.key, "mains_hz", f"must be one of {MAINS_CHOICES}, got {mains_hz}")
        return replace(self, mains_hz=mains_hz)

    def missing_params(self) -> list[str]:
        """Required input parameters that are still empty (e.g. the Cyton's serial port)."""
        return [name for name in self.required_params if self.params.get(name) in (None, "")]


def _coerce_param(source: str, field_name: str, name: str, value: Any) -> str | int:
    if name not in INPUT_PARAM_FIELDS:
        known = ", ".join(sorted(INPUT_PARAM_FIELDS))
        raise ProfileError(source, field_name, f"unknown BrainFlow input parameter (known: {known})")
    if name == "master_board" and isinstance(value, str) and not value.lstrip("-").isdigit():
        return resolve_board_id(source, field_name, value)
    if name in _INT_PARAMS:
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ProfileError(source, field_name, f"must be an integer, got {value!r}") from None
    if not isinstance(value, str):
        raise ProfileError(source, field_name, f"must be a string, got {value!r}")
    return value


def resolve_board_id(source: str, field_name: str, value: Any) -> int:
    """Turn ``"CYTON_BOARD"`` or ``0`` into BrainFlow's integer board id, checking it exists."""
    from brainflow.board_shim import BoardIds

    if isinstance(value, bool):
        raise ProfileError(source, field_name, f"must be a BrainFlow board name or id, got {value!r}")
    if isinstance(value, int):
        if value not in {member.value for member in BoardIds}:
            raise ProfileError(source, field_name, f"no BrainFlow board has id {value}")
        return value
    if isinstance(value, str) and value in BoardIds.__members__:
        return int(BoardIds[value].value)
    raise ProfileError(source, field_name, f"unknown BrainFlow board {value!r} (see brainflow.BoardIds)")


def brainflow_eeg_channel_count(board_id: int) -> int:
    """How many EEG rows BrainFlow reports for a board (the playback board reports none of its own)."""
    from brainflow.board_shim import BoardShim

    return len(BoardShim.get_eeg_channels(board_id))


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
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ProfileError(source, "description", "must be a string")

    kind = data.get("source", "brainflow")
    if kind not in ("brainflow", "simulated"):
        raise ProfileError(source, "source", f"must be 'brainflow' or 'simulated', got {kind!r}")

    mains_hz = data.get("mains_hz", 50)
    if mains_hz not in MAINS_CHOICES or isinstance(mains_hz, bool):
        raise ProfileError(source, "mains_hz", f"must be one of {MAINS_CHOICES}, got {mains_hz!r}")

    channels = _parse_channels(source, data.get("channels"))

    raw_params = data.get("params", {})
    if not isinstance(raw_params, Mapping):
        raise ProfileError(source, "params", "must be a table")
    params = {
        param: _coerce_param(source, f"params.{param}", param, value) for param, value in raw_params.items()
    }
    required = data.get("required_params", [])
    if not isinstance(required, list) or not all(isinstance(item, str) for item in required):
        raise ProfileError(source, "required_params", "must be a list of parameter names")
    for index, param in enumerate(required):
        if param not in INPUT_PARAM_FIELDS:
            raise ProfileError(source, f"required_params[{index}]", f"unknown parameter {param!r}")

    counter = None
    if "package_counter" in data:
        table = data["package_counter"]
        if not isinstance(table, Mapping):
            raise ProfileError(source, "package_counter", "must be a table with modulo and step")
        modulo, step = table.get("modulo", 256), table.get("step", 1)
        if not isinstance(modulo, int) or modulo < 2:
            raise ProfileError(source, "package_counter.modulo", f"must be an integer >= 2, got {modulo!r}")
        if not isinstance(step, int) or not 1 <= step < modulo:
            raise ProfileError(
                source, "package_counter.step", f"must be an integer in 1..modulo-1, got {step!r}"
            )
        counter = PackageCounter(modulo=modulo, step=step)

    board_id = None
    sampling_rate = data.get("sampling_rate")
    if kind == "brainflow":
        if "board" not in data:
            raise ProfileError(source, "board", 'required for a BrainFlow profile (e.g. "CYTON_BOARD")')
        board_id = resolve_board_id(source, "board", data["board"])
        if sampling_rate is not None:
            raise ProfileError(source, "sampling_rate", "set by the BrainFlow board, leave it out")
        # The playback board takes its layout from the board that made the recording.
        layout_board = int(params.get("master_board", board_id)) if board_id < -2 else board_id
        expected = brainflow_eeg_channel_count(layout_board)
        if expected != len(channels):
            raise ProfileError(
                source,
                "channels",
                f"the board has {expected} EEG channels, the profile lists {len(channels)}",
            )
    else:
        if "board" in data:
            raise ProfileError(source, "board", "a simulated source has no BrainFlow board id")
        if (
            not isinstance(sampling_rate, int)
            or isinstance(sampling_rate, bool)
            or not 50 <= sampling_rate <= 4000
        ):
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


def _parse_channels(source: str, raw: Any) -> tuple[Channel, ...]:
    if not isinstance(raw, list) or not raw:
        raise ProfileError(source, "channels", "required, a non-empty list of {name, role} tables")
    channels: list[Channel] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        where = f"channels[{index}]"
        if not isinstance(entry, Mapping):
            raise ProfileError(source, where, "must be a table {name = ..., role = ...}")
        extra = sorted(set(entry) - {"name", "role"})
        if extra:
            raise ProfileError(source, f"{where}.{extra[0]}", "unknown field")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(source, f"{where}.name", "required, a non-empty string")
        if name in seen:
            raise ProfileError(source, f"{where}.name", f"duplicate channel name {name!r}")
        seen.add(name)
        role = entry.get("role")
        if role not in ROLE_VALUES:
            choices = ", ".join(sorted(ROLE_VALUES))
            raise ProfileError(source, f"{where}.role", f"must be one of {choices}, got {role!r}")
        channels.append(Channel(name=name, role=Role(role)))
    return tuple(channels)


def load_profile_file(path: str | Path) -> BoardProfile:
    """Load and validate one profile file."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ProfileError(str(path), "file", "not found") from None
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(str(path), "toml", str(error)) from None
    return parse_profile(data, source=str(path), key=path.stem, path=path)


def builtin_profile_paths() -> dict[str, Path]:
    """The profiles shipped with the app, by key (file stem)."""
    folder = resources.files("drivers") / BUILTIN_PROFILE_DIR
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
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.exists():
        return load_profile_file(candidate)
    choices = ", ".join(sorted(builtin))
    raise ProfileError(name_or_path, "board", f"no such profile; built-in profiles are: {choices}")
