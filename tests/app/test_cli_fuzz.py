"""Random command lines from the real options with good and bad values: exit 0 or 2, never a traceback.

Each argv is built from pieces whose verdict is known (``--mains 55`` is bad for argparse, ``--param
timeout=abc`` for the profile, ``--board cyton`` needs a serial port), so the test knows which
command lines must start the app (``run_app`` is patched: no window) and which must stop with one
line on stderr. ``--help``, ``--version``, ``--self-test`` and ``evaluate`` have their own tests.
"""

from __future__ import annotations

import contextlib
import io
import random
from dataclasses import dataclass, field
from unittest import mock

import pytest

from app.cli import main
from tests.drivers.playback_files import write_recording

SEED = 7_321
ARGV_COUNT = 2000
BAD_SHARE = 0.2  # of the values picked
JUNK_SHARE = 0.02  # of the pieces: an unknown option, a stray word, a missing value

SIMULATED, BRAINFLOW, NEEDS_SERIAL, NEEDS_FILE, BAD = "simulated", "brainflow", "serial", "file", "bad"


@dataclass
class Argv:
    """A command line and what it must do."""

    tokens: list[str] = field(default_factory=list)
    parser_error: bool = False  # argparse itself must refuse it
    board: str = "virtual_visitor"
    board_kind: str = SIMULATED
    params: dict[str | None, tuple[str, bool]] = field(default_factory=dict)  # key -> (token, bad)
    demo_bad: bool = False  # the last --demo names no demo (checked after the board, unless listing)

    def profile_error(self, *, listing: bool) -> bool:
        """Whether the board and parameters are refused (a listing does not need required ones)."""
        keys = {key for key in self.params if key is not None}
        if self.board_kind == BAD or any(bad for _, bad in self.params.values()):
            return True
        if self.board_kind == SIMULATED and self.params:
            return True
        if listing:
            return False
        return (
            self.demo_bad
            or (self.board_kind == NEEDS_SERIAL and "serial_port" not in keys)
            or (self.board_kind == NEEDS_FILE and "file" not in keys)
        )


@pytest.fixture(scope="module")
def pools(tmp_path_factory) -> dict[str, list]:
    folder = tmp_path_factory.mktemp("cli")
    recording = write_recording(folder / "recording.csv")
    custom = folder / "my_board.toml"
    channels = ", ".join(f'{{ name = "E{i}", role = "occipital" }}' for i in range(16))
    custom.write_text(
        f'name = "Mine"\nboard = "SYNTHETIC_BOARD"\nchannels = [{channels}]\n', encoding="utf-8"
    )
    gbk = folder / "gbk.toml"
    gbk.write_bytes('name = "体验厅"\n'.encode("gbk"))
    float_mains = folder / "float_mains.toml"
    float_mains.write_text(custom.read_text(encoding="utf-8") + "mains_hz = 50.0\n", encoding="utf-8")
    return {
        "board": [
            ("virtual_visitor", SIMULATED),
            ("virtual_visitor_32ch_1k", SIMULATED),
            ("synthetic", BRAINFLOW),
            ("cyton", NEEDS_SERIAL),
            ("playback", NEEDS_FILE),
            (str(custom), BRAINFLOW),
            ("no_such_board", BAD),
            ("", BAD),
            (str(folder / "missing.toml"), BAD),
            (str(folder), BAD),
            (str(gbk), BAD),
            (str(float_mains), BAD),
            ("x" * 300, BAD),
            ("two\nlines.toml", BAD),
        ],
        "param": [
            ("serial_port", "serial_port=/dev/ttyUSB0", False),
            ("file", f"file={recording}", False),
            ("timeout", "timeout=15", False),
            ("mac_address", "mac_address=00:11:22:33:44:55", False),
            ("other_info", "other_info=", False),
            ("timeout", "timeout=abc", True),
            ("timeout", "timeout=-1", True),
            ("ip_port", "ip_port=70000", True),
            ("ip_protocol", "ip_protocol=9", True),
            ("colour", "colour=blue", True),
            ("master_board", "master_board=NOPE", True),
            (None, "noequals", True),
            (None, "=x", True),
        ],
        "--mains": [("50", False), ("60", False), ("55", True), ("x", True), ("50.0", True), ("", True)],
        "--lang": [("en", False), ("zh_CN", False), ("fr", True), ("", True)],
        "--quit-after": [
            ("0", False),
            ("2.5", False),
            ("2147483", False),
            ("nan", True),
            ("inf", True),
            ("-1", True),
            ("1e9", True),
            ("abc", True),
            ("", True),
        ],
        "--settings": [(str(folder / "s.ini"), False), (str(folder), True), ("", True)],
        "--demo": [
            ("signal_explorer", False),
            ("ssvep_speller", False),
            ("no_such_demo", True),
            ("脑机", True),
        ],
        "junk": ["--colour", "stray", "--board", "--mains", "--param"],  # unknown, or a missing value
    }


def option(rng: random.Random, name: str, value: str) -> list[str]:
    return [f"{name}={value}"] if rng.random() < 0.3 else [name, value]


def pick(rng: random.Random, pool: list[tuple]) -> tuple:
    """A bad value (the last item of an entry says whether it is) one time in five, where there are any."""
    bad = [entry for entry in pool if entry[-1] in (True, BAD)]
    return rng.choice(bad if bad and rng.random() < BAD_SHARE else [e for e in pool if e not in bad])


def random_argv(rng: random.Random, pools: dict[str, list]) -> Argv:
    argv = Argv()
    pieces = [
        "--board",
        "--param",
        "--param",
        "--mains",
        "--lang",
        "--quit-after",
        "--settings",
        "--demo",
        "flag",
    ]
    for _ in range(rng.randint(0, 6)):
        what = "junk" if rng.random() < JUNK_SHARE else rng.choice(pieces)
        if what == "--board":
            argv.board, argv.board_kind = pick(rng, pools["board"])
            argv.tokens += option(rng, "--board", argv.board)
        elif what == "--param":
            key, token, bad = pick(rng, pools["param"])
            argv.params.pop(key, None)  # the last value of a key counts, in order
            argv.params[key] = (token, bad)
            argv.tokens += option(rng, "--param", token)
        elif what == "flag":
            argv.tokens.append(rng.choice(["--kiosk", "--list-boards"]))
        elif what == "--demo":
            value, argv.demo_bad = pick(rng, pools["--demo"])  # the last one counts
            argv.tokens += option(rng, what, value)
        elif what == "junk":
            argv.tokens.append(rng.choice(pools["junk"]))
            argv.parser_error = True
        else:
            value, bad = pick(rng, pools[what])
            argv.tokens += option(rng, what, value)
            argv.parser_error |= bad
    return argv


def run(tokens: list[str]) -> tuple[int, str, mock.MagicMock]:
    err = io.StringIO()
    with (
        mock.patch("app.cli.run_app", return_value=0) as run_app,
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        try:
            code = main(tokens)
        except SystemExit as stop:  # argparse's way out
            code = stop.code
    return code, err.getvalue(), run_app


def test_random_command_lines_exit_0_or_2_and_start_the_app_only_when_valid(pools):
    rng = random.Random(SEED)
    outcomes = {"started": 0, "listed": 0, "refused by argparse": 0, "refused by the profile checks": 0}
    for _ in range(ARGV_COUNT):
        argv = random_argv(rng, pools)
        code, err, run_app = run(argv.tokens)
        where = argv.tokens
        assert "Traceback" not in err, where
        listing = "--list-boards" in argv.tokens
        refused = argv.parser_error or argv.profile_error(listing=listing)
        assert code == (2 if refused else 0), (where, err)
        if code == 2:
            assert err.startswith("bci-showroom: ") and err.count("\n") == 1, (where, err)
            outcomes["refused by argparse" if argv.parser_error else "refused by the profile checks"] += 1
        else:
            assert err == "", (where, err)
            outcomes["listed" if listing else "started"] += 1
        assert run_app.called == (code == 0 and not listing), where
        if run_app.called:
            assert run_app.call_args.kwargs["kiosk"] == ("--kiosk" in argv.tokens), where
    assert min(outcomes.values()) > 50, outcomes  # every outcome is exercised
