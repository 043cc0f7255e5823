"""Seeded mutations of every built-in profile: each one loads, or fails as one named ProfileError.

Structured mutations (every field given every wrong TOML type, removed, or joined by an unknown
one) know whether the result is valid, so they check the verdict and the field named. Text and
byte damage (duplicated keys, flipped, inserted and deleted bytes, truncation, swapped lines) and
foreign encodings check that nothing but a ProfileError ever comes out. A sample of all of them
goes through the real command line (with the window patched out): exit 2 with one line, or the
app starts. About 7,000 profiles, 1,500 of them also on the command line, in about 15 s.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from app.cli import main
from drivers.boards.board import layout_for
from drivers.boards.profiles import (
    INPUT_PARAM_FIELDS,
    BoardProfile,
    ProfileError,
    builtin_profile_paths,
    find_profile,
    load_profile_file,
)
from tests.drivers.playback_files import write_recording

SEED = 20_250_611
BYTE_DAMAGE_PER_PROFILE = 400
CLI_SAMPLE_EVERY = 5
WRONG_VALUES: dict[str, Any] = {
    "table": {"x": 1},
    "list": [1, "x"],
    "float": 50.0,  # equal to 50, still not an integer
    "bool": True,  # an int to Python
    "huge": 2**64,  # beyond TOML's 64 bits, which tomllib accepts anyway
    "negative": -7,
    "empty": "",
    "unicode": "脑机😀",
    "nan": float("nan"),
}
STRING_PARAMS = INPUT_PARAM_FIELDS - {
    "ip_port",
    "ip_port_aux",
    "ip_port_anc",
    "ip_protocol",
    "timeout",
    "master_board",
}
GOOD_PARAM_VALUES = {"serial_port": "/dev/ttyUSB0", "mac_address": "00:11:22:33:44:55"}

Path_ = tuple[str | int, ...]


@dataclass
class Case:
    """One mutated profile and what must happen to it."""

    label: str
    builtin: str
    content: bytes
    accepted: bool | None  # None: either, as long as a failure is a ProfileError
    field: str | None = None  # the field a rejection must name (a prefix of it)


# --- a small TOML writer: the profiles only use scalars, arrays and inline tables -------------------
def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # 50.0, nan and 18446744073709551616 are all TOML
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON strings are TOML basic strings
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def dump(data: dict[str, Any]) -> bytes:
    return "".join(f"{toml_key(k)} = {toml_value(v)}\n" for k, v in data.items()).encode("utf-8")


# --- structured mutations -------------------------------------------------------------------------
def field_name(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def field_paths(data: dict[str, Any], rng: random.Random) -> list[Path_]:
    paths: list[Path_] = []
    for key, value in data.items():
        paths.append((key,))
        if key in ("params", "package_counter"):
            paths += [(key, inner) for inner in value]
        if key == "channels":  # three channels of each profile: first, last and one between
            for index in sorted({0, len(value) - 1, rng.randrange(len(value))}):
                paths += [("channels", index), ("channels", index, "name"), ("channels", index, "role")]
    return paths


def changed(data: dict[str, Any], path: Path_, value: Any = None, *, remove: bool = False) -> dict[str, Any]:
    result = copy.deepcopy(data)
    parent = result
    for part in path[:-1]:
        parent = parent[part]
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return result


def replacement_accepted(path: Path_, kind: str) -> bool:
    """Which wrong-typed values are in fact fine: free text where free text is allowed."""
    if path == ("name",) or (len(path) == 3 and path[0] == "channels" and path[2] == "name"):
        return kind == "unicode"
    if path == ("description",) or (len(path) == 2 and path[0] == "params" and path[1] in STRING_PARAMS):
        return kind in ("empty", "unicode")
    return False


def removal_verdict(data: dict[str, Any], path: Path_) -> tuple[bool, str]:
    """Whether a profile without ``path`` is valid, else the field the error must name."""
    simulated = data.get("source") == "simulated"
    if path in (("description",), ("mains_hz",), ("package_counter",), ("required_params",)):
        return True, ""
    if path[0] == "package_counter":
        return True, ""
    if path == ("params",) or path[0] == "params":
        needed = "master_board" in data.get("params", {}) and path[-1] in ("params", "master_board")
        return (False, "params.master_board") if needed else (True, "")
    if path == ("source",):
        return False, "board"  # without it the profile is a BrainFlow one, which needs a board
    if len(path) == 2 and path[0] == "channels":
        return (True, "") if simulated else (False, "channels")
    return False, field_name(path)


def structured_cases(key: str, data: dict[str, Any], rng: random.Random) -> list[Case]:
    cases = []
    for path in field_paths(data, rng):
        for kind, value in WRONG_VALUES.items():
            accepted = replacement_accepted(path, kind)
            cases.append(
                Case(
                    f"{field_name(path)} = <{kind}>",
                    key,
                    dump(changed(data, path, value)),
                    accepted,
                    field_name(path),
                )
            )
        accepted, field = removal_verdict(data, path)
        cases.append(
            Case(f"without {field_name(path)}", key, dump(changed(data, path, remove=True)), accepted, field)
        )
    extras: list[tuple[Path_, Any, str]] = [
        (("colour",), "blue", "colour"),
        (("channels", 0, "gain"), 24, "channels[0].gain"),
    ]
    if "package_counter" in data:
        extras.append((("package_counter", "stpe"), 2, "package_counter.stpe"))
    if data.get("source") == "simulated":
        extras.append((("params",), {"serial_port": "COM3"}, "params"))
    else:
        extras.append((("params",), {**data.get("params", {}), "serial_prot": "COM3"}, "params.serial_prot"))
    for path, value, field in extras:
        cases.append(Case(f"extra {field}", key, dump(changed(data, path, value)), False, field))
    return cases


# --- text, bytes and encodings ----------------------------------------------------------------------
def damaged(raw: bytes, rng: random.Random) -> tuple[str, bytes]:
    how = rng.choice(["flip", "insert", "delete", "truncate", "swap lines", "repeat line"])
    at = rng.randrange(len(raw))
    if how == "flip":
        return how, raw[:at] + bytes([raw[at] ^ (1 << rng.randrange(8))]) + raw[at + 1 :]
    if how == "insert":
        return how, raw[:at] + rng.randbytes(rng.randint(1, 8)) + raw[at:]
    if how == "delete":
        return how, raw[:at] + raw[at + rng.randint(1, 40) :]
    if how == "truncate":
        return how, raw[:at]
    lines = raw.splitlines(keepends=True)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    if how == "swap lines":
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines.insert(i, lines[j])
    return how, b"".join(lines)


def text_cases(key: str, raw: bytes, rng: random.Random) -> list[Case]:
    text = raw.decode("utf-8")
    cases = [
        Case(f"duplicate {line.split('=')[0].strip()}", key, raw + line.encode() + b"\n", False, "toml")
        for line in text.splitlines()
        if re.match(r"[a-z_]+ = ", line)
    ]
    chinese = re.sub(r'(?m)^description = ".*"$', 'description = "脑机接口体验：无需头戴设备"', text)
    cases.append(Case("UTF-8 with BOM", key, chinese.encode("utf-8-sig"), True))
    for encoding in ("gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
        cases.append(Case(f"saved as {encoding}", key, chinese.encode(encoding), False, "encoding"))
    for _ in range(BYTE_DAMAGE_PER_PROFILE):
        how, content = damaged(raw, rng)
        cases.append(Case(how, key, content, None))
    return cases


def all_cases() -> list[Case]:
    rng = random.Random(SEED)
    cases = []
    for key, path in sorted(builtin_profile_paths().items()):
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        cases += structured_cases(key, data, rng)
        cases += text_cases(key, raw, rng)
    return cases


CASES = all_cases()


def load(path: Path, index: int) -> BoardProfile:
    """Both entry points: by path through find_profile, and load_profile_file itself."""
    return find_profile(str(path)) if index % 2 else load_profile_file(path)


def run_cli(argv: list[str]) -> tuple[int, str, mock.MagicMock]:
    err = io.StringIO()
    with (
        mock.patch("app.cli.run_app", return_value=0) as run_app,
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        code = main(argv)
    return code, err.getvalue(), run_app


def test_the_fuzz_covers_every_builtin_profile_with_known_and_unknown_verdicts():
    assert {case.builtin for case in CASES} == set(builtin_profile_paths())
    assert len(CASES) > 3000
    verdicts = {case.accepted for case in CASES}
    assert verdicts == {True, False, None}


def test_every_mutated_profile_loads_or_names_the_file_and_field(tmp_path):
    path = tmp_path / "mutated.toml"
    recording = write_recording(tmp_path / "recording.csv")
    for index, case in enumerate(CASES):
        path.write_bytes(case.content)
        try:
            profile = load(path, index)
        except ProfileError as error:
            assert case.accepted is not True, (case.label, case.builtin, str(error))
            assert str(path) in str(error) and error.field in str(error), case.label
            if case.field:
                assert error.field.startswith(case.field), (case.label, case.builtin, str(error))
            outcome: ProfileError | BoardProfile = error
        else:
            assert case.accepted is not False, (case.label, case.builtin, profile)
            assert len(layout_for(profile).eeg_rows) == len(profile.channels)
            outcome = profile
        if index % CLI_SAMPLE_EVERY == 0 or case.label.startswith(("saved as", "UTF-8")):
            check_cli(case, path, outcome, recording)


def check_cli(case: Case, path: Path, outcome: ProfileError | BoardProfile, recording: Path) -> None:
    """The real command line on the same file: one line and exit 2, or the app starts."""
    original = find_profile(case.builtin)
    argv = ["--board", str(path)]
    for name in original.required_params:
        argv += ["--param", f"{name}={GOOD_PARAM_VALUES.get(name, recording)}"]
    code, err, run_app = run_cli(argv)
    if isinstance(outcome, ProfileError):
        assert code == 2 and err == f"bci-showroom: {outcome}\n", (case.label, err)
    elif code == 2:  # loads, but cannot start (e.g. damage named a playback file that does not exist)
        assert case.accepted is None and err.startswith("bci-showroom: ") and err.count("\n") == 1, case.label
    else:
        assert code == 0 and err == "", (case.label, err)
        assert run_app.call_args.args[0].path == path
    assert (code == 0) == run_app.called
    if case.accepted:
        assert code == 0, (case.label, err)


@pytest.mark.parametrize("encoding", ["gbk", "utf-16"])
def test_a_foreign_encoding_says_save_as_utf8_on_the_command_line(tmp_path, encoding):
    path = tmp_path / "board.toml"
    path.write_bytes('name = "体验厅"\n'.encode(encoding))
    code, err, run_app = run_cli(["--board", str(path)])
    assert code == 2 and not run_app.called
    assert err.count("\n") == 1 and "encoding" in err and "save" in err and "UTF-8" in err
