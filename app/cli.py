"""The ``bci-showroom`` command: start the app on a board, or list boards and exit."""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.config import (
    APPLICATION,
    BOARD_PARAMS,
    BOARD_PROFILE,
    KIOSK,
    LANGUAGES,
    ORGANIZATION,
    SECOND_BOARD,
    SettingsReader,
    decode_params,
)
from drivers.boards.profiles import (
    MAINS_CHOICES,
    BoardProfile,
    ProfileError,
    builtin_profiles,
    find_profile,
    preflight,
)
from drivers.files.bounded import not_regular

DEFAULT_BOARD = "virtual_visitor"
#: Qt timers count milliseconds in a C int: about 24.8 days.
MAX_QUIT_AFTER_S = (2**31 - 1) // 1000
log = logging.getLogger(__name__)


def _one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped: one error, one line."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line (``bci-showroom: ...``) like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {_one_line(message)} (see {self.prog} --help)\n")


def _seconds(text: str) -> float:
    """``--quit-after``: a finite, non-negative number of seconds a Qt timer can count."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_QUIT_AFTER_S):
        raise argparse.ArgumentTypeError(f"must be 0..{MAX_QUIT_AFTER_S} seconds, got {text!r}")
    return seconds


def _settings_file(text: str) -> Path:
    """``--settings``: a file to create or reuse; Qt would silently ignore a folder, or a file in a
    folder that does not exist (every change staff make would be lost)."""
    if os.path.isdir(text or "."):
        raise argparse.ArgumentTypeError(f"{text!r} is a folder, not a settings file")
    try:
        kind = not_regular(os.stat(text).st_mode)
    except OSError:  # not there yet: it is created
        kind = None
    if kind is not None:  # Qt would wait on a FIFO for ever and read /dev/zero until memory runs out
        raise argparse.ArgumentTypeError(f"{text!r} is {kind}, not a settings file")
    folder = Path(text).parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"the folder of {text!r} does not exist")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bci-showroom",
        description="Brain-computer-interface demos for science-outreach showrooms.",
        epilog="Example: bci-showroom --board cyton --param serial_port=COM3. "
        "Offline: bci-showroom evaluate ssvep|mi|attention RECORDING.edf (see bci-showroom evaluate --help)",
    )
    parser.add_argument(
        "--board",
        metavar="PROFILE",
        help="a built-in board profile (see --list-boards) or a .toml profile (default: the board staff "
        f"chose in the staff console, else {DEFAULT_BOARD})",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a BrainFlow input parameter of the board, e.g. serial_port=COM3 (repeatable)",
    )
    parser.add_argument(
        "--second-board",
        metavar="PROFILE",
        help="a second headset, for two visitors at once (the duel): a profile like --board's "
        f"(default: the {SECOND_BOARD.key} setting, else none)",
    )
    parser.add_argument(
        "--second-param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a BrainFlow input parameter of the second board, like --param (repeatable)",
    )
    parser.add_argument(
        "--mains", type=int, choices=MAINS_CHOICES, help="mains frequency for the notch filter"
    )
    parser.add_argument(
        "--lang", choices=tuple(LANGUAGES), help="interface language, kept for next time (default: last used)"
    )
    parser.add_argument("--demo", metavar="ID", help="open this demo straight away")
    parser.add_argument(
        "--kiosk", action="store_true", help="full screen for visitors, without the staff's rehearsal keys"
    )
    parser.add_argument("--settings", type=_settings_file, metavar="FILE", help="settings file to use (INI)")
    parser.add_argument(
        "--quit-after",
        type=_seconds,
        metavar="SECONDS",
        help="close the app after this long (smoke tests, demos)",
    )
    parser.add_argument(
        "--list-boards",
        action="store_true",
        help="list the built-in board profiles (and the --board one, checked) and exit",
    )
    parser.add_argument(
        "--self-test",
        nargs="?",
        const="-",
        metavar="REPORT.json",
        help="check BrainFlow, assets and every demo offscreen; write a JSON report (default: print it); "
        "exit non-zero on any failure",
    )
    parser.add_argument("--version", action="version", version=f"bci-showroom {__version__}")
    return parser


def parse_params(pairs: Sequence[str], option: str = "--param") -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ProfileError(option, pair, "expected KEY=VALUE, e.g. serial_port=COM3")
        params[key.strip()] = value.strip()
    return params


def format_board_list(profiles: dict[str, BoardProfile]) -> str:
    """One line per profile; the one used without ``--board`` says so."""
    from drivers.boards.board import layout_for

    lines = [f"{'PROFILE':<18} {'CHANNELS':>8} {'RATE':>7}  NAME"]
    for key, profile in profiles.items():
        rate = layout_for(profile).sampling_rate
        default = " (default)" if key == DEFAULT_BOARD else ""
        needs = "".join(f" (needs --param {name}=…)" for name in profile.missing_params())
        lines.append(f"{key:<18} {len(profile.channels):>8} {rate:>5} Hz  {profile.name}{default}{needs}")
    return "\n".join(lines)


def resolve_profile(args: argparse.Namespace) -> BoardProfile:
    board = DEFAULT_BOARD if args.board is None else args.board
    profile = find_profile(board).with_params(parse_params(args.param))
    return profile.with_mains(args.mains) if args.mains else profile


def stored_board(settings: SettingsReader) -> tuple[BoardProfile | None, str | None]:
    """The board staff stored (:data:`~app.config.BOARD_PROFILE`, ``BOARD_PARAMS``), checked like
    ``--board`` and ``--param``: (profile, None); (None, None) when none is stored; (None, why)
    when the stored one cannot be used (a hand-edited file, a profile file since deleted, a
    dongle's port missing), which never stops the showroom: it starts on the virtual visitor."""
    name = BOARD_PROFILE.read(settings)
    if name is None or (isinstance(name, str) and not name.strip()):
        return None, None
    try:
        from drivers.boards.board import layout_for

        params = BOARD_PARAMS.read(settings)
        if not isinstance(name, str) or not isinstance(params, str):
            raise ProfileError("settings", BOARD_PROFILE.key, "not a profile name and its parameters")
        profile = find_profile(name.strip()).with_params(decode_params(params))
        preflight(profile)
        layout_for(profile)
    except Exception as error:  # whatever the file holds, the showroom starts
        return None, _one_line(str(error))
    return profile, None


class _StoredSettings:
    """The settings file as it is, read once before the app starts: nothing is moved or written
    (``AppSettings`` sets a damaged file aside when the app opens it, and tells staff so)."""

    def __init__(self, path: Path | None) -> None:
        from PySide6.QtCore import QCoreApplication, QSettings

        from app.settings import default_settings_path, settings_file_problem

        # Qt files the user's settings under these names; the app sets the same ones when it starts.
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        self.path = path or default_settings_path()
        # A file Qt cannot read safely is read as empty here (the app moves it aside and says so).
        self._qsettings = (
            None
            if settings_file_problem(self.path)
            else QSettings(str(self.path), QSettings.Format.IniFormat)
        )

    def value(self, key: str, default: Any = None) -> Any:
        raw = None if self._qsettings is None else self._qsettings.value(key)
        return default if raw is None else raw


def second_board_error(error: ProfileError) -> ProfileError:
    """``error`` of the second board, saying so, and naming the option that sets its parameters."""
    message = error.message.replace("pass --param ", "pass --second-param ")
    return ProfileError("--second-board", f"{error.source}: {error.field}", message)


def resolve_second_profile(args: argparse.Namespace) -> BoardProfile | None:
    """The ``--second-board`` profile with its ``--second-param``s (None without one). The mains
    frequency is the first board's: the showroom gives it (see ``app.bootstrap.build_showroom``)."""
    if args.second_board is None:
        if args.second_param:
            raise ProfileError("--second-param", args.second_param[0], "needs --second-board")
        return None
    try:
        return find_profile(args.second_board).with_params(parse_params(args.second_param, "--second-param"))
    except ProfileError as error:
        raise second_board_error(error) from None


def evaluate(argv: Sequence[str]) -> int:
    """``bci-showroom evaluate PARADIGM ...``: score a decoder offline on recordings.

    The options belong to each paradigm, so ``bci-showroom evaluate --help`` prints every
    paradigm's full help rather than a usage line that hides them.
    """
    # Direct imports, not a registry: PyInstaller sees them. Each paradigm imports only its own
    # decoder: the motor-imagery pipelines (scikit-learn, pyRiemann) take seconds to load.
    if argv[:1] == ["ssvep"]:
        from demos.ssvep_speller.evaluate import main as evaluate_ssvep

        return evaluate_ssvep(argv[1:])
    if argv[:1] == ["mi"]:
        from demos.mi_cursor.evaluate import main as evaluate_mi

        return evaluate_mi(argv[1:])
    if argv[:1] == ["attention"]:
        from demos.attention.evaluate import main as evaluate_attention

        return evaluate_attention(argv[1:])
    paradigms = ("ssvep", "mi", "attention")
    if argv[:1] in (["-h"], ["--help"]):
        from demos.attention.evaluate import build_parser as attention_parser
        from demos.mi_cursor.evaluate import build_parser as mi_parser
        from demos.ssvep_speller.evaluate import build_parser as ssvep_parser

        print("usage: bci-showroom evaluate PARADIGM RECORDING [options]\n")
        print(f"Score a decoder offline on recordings. Paradigms: {', '.join(paradigms)}.")
        for parser in (ssvep_parser(), mi_parser(), attention_parser()):
            print(f"\n{parser.format_help()}", end="")
        return 0
    problem = f"unknown paradigm {argv[0]!r}" if argv else "no paradigm given"
    print(
        f"bci-showroom evaluate: {problem}; the ones offered are "
        f"{', '.join(paradigms[:-1])} and {paradigms[-1]} "
        "(see bci-showroom evaluate --help)",
        file=sys.stderr,
    )
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["evaluate"]:
        return evaluate(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        report = Path(args.self_test)
        if args.self_test != "-" and (report.is_dir() or not report.parent.is_dir()):
            print(
                f"bci-showroom: --self-test {_one_line(args.self_test)}: not a file in an existing folder",
                file=sys.stderr,
            )
            return 2
        return run_self_test(args.self_test)
    board_problem = None
    try:
        profile = None
        if args.board is None and not args.param and not args.list_boards:
            profile, board_problem = stored_board(_StoredSettings(args.settings))
            if profile is not None and args.mains:
                profile = profile.with_mains(args.mains)
        profile = profile or resolve_profile(args)
        second = resolve_second_profile(args)
        if args.list_boards:
            # The --board profile is listed too, so an engineer can check a new file this way.
            listed = {**builtin_profiles(), DEFAULT_BOARD if args.board is None else args.board: profile}
            if second is not None:
                listed[args.second_board] = second
            print(format_board_list(listed))
            return 0
        from drivers.boards.board import layout_for

        # Fail here, in the terminal, rather than later in a window that keeps retrying.
        preflight(profile)
        layout_for(profile)
        if second is not None:
            try:
                preflight(second)
                layout_for(second)
            except ProfileError as error:
                raise second_board_error(error) from None
        if args.demo is not None:
            from demos.registry import discover_demos

            known = [entry.key for entry in discover_demos()]
            if args.demo not in known:
                raise ProfileError("--demo", args.demo, f"no such demo; the demos are: {', '.join(known)}")
    except ProfileError as error:
        print(f"bci-showroom: {_one_line(str(error))}", file=sys.stderr)
        return 2
    # Only when the stored board was refused, so a command line that names its board starts as before.
    refused = {"board_problem": board_problem} if board_problem else {}
    return run_app(
        profile,
        language=args.lang,
        demo_id=args.demo,
        settings_path=args.settings,
        quit_after_s=args.quit_after,
        kiosk=args.kiosk,
        second_profile=second,
        **refused,
    )


def stored_board_message() -> str:
    """What staff read in the window when the board they chose cannot be used (the log has why)."""
    from demos.kit.i18n import translate

    return translate(
        "BoardSetting",
        "The headset chosen in the staff console cannot be used, so the virtual visitor runs instead. "
        "Staff: check the headset settings in the staff console.",
    )


def run_app(
    profile: BoardProfile,
    *,
    second_profile: BoardProfile | None = None,
    language: str | None = None,
    demo_id: str | None = None,
    settings_path: Path | None = None,
    quit_after_s: float | None = None,
    kiosk: bool = False,
    board_problem: str | None = None,
) -> int:
    """Run the showroom until its window closes. ``board_problem`` says why the board staff chose
    (:data:`app.config.BOARD_PROFILE`) was refused, ``profile`` being the default instead: it is
    logged, and staff read it in the window."""
    from PySide6.QtCore import QTimer

    from app.bootstrap import build_showroom, end_showroom, qt_application, start
    from app.display import display_problem
    from app.errors import enable_crash_log, install_excepthook, setup_logging
    from app.preload import preload, processing_modules
    from app.settings import AppSettings
    from app.stop_signals import StopRequests
    from app.visitor.kiosk import SingleInstance, bring_to_front

    no_screen = display_problem()
    if no_screen is not None:  # Qt would abort (exit code 134) with a misleading hint
        print(f"bci-showroom: {no_screen}", file=sys.stderr)
        return 2
    app = qt_application()
    log_path = setup_logging()
    # From here on SIGTERM, Ctrl+C and a closed terminal end the showroom as staff quitting does.
    stops = StopRequests()
    if board_problem:
        log.warning(
            "the stored board (settings %s, %s) cannot be used, starting on %s instead: %s",
            BOARD_PROFILE.key,
            BOARD_PARAMS.key,
            profile.key,
            board_problem,
        )
    log.info("bci-showroom %s starting on %s", __version__, profile.key)
    settings = AppSettings(settings_path)
    kiosk = kiosk or KIOSK.read(settings)
    # One showroom per settings file (one owner per headset, usage file and settings), kiosk or not.
    instance = SingleInstance(settings.path)
    if not instance.acquire():
        stops.close()
        woken = instance.wake_running()
        print(
            "bci-showroom: a showroom is already running with these settings"
            + ("; it was asked to come to the front" if woken else ""),
            file=sys.stderr,
        )
        return 0
    stop_crash_log = enable_crash_log(log_path)
    try:
        showroom = build_showroom(
            profile, language=language, settings=settings, kiosk=kiosk, second_profile=second_profile
        )
        showroom.window.log_path = log_path
        if board_problem:
            showroom.window.tell_staff(stored_board_message)
        instance.sigWake.connect(lambda: bring_to_front(showroom.window, full_screen=kiosk))
        stops.sigStop.connect(lambda _reason: end_showroom(showroom))
        # Windows logging off or shutting down: the same end, done before Windows ends the process.
        app.commitDataRequest.connect(lambda _manager: end_showroom(showroom))
        install_excepthook(showroom.window.show_message, showroom.window.demo_failed)
        start(showroom, demo_id)
        # Fires once the event loop has shown the window: the start-up benchmark waits for this line.
        first = "demo" if demo_id is not None else "attract screen" if kiosk else "menu"
        QTimer.singleShot(0, lambda: log.info("first screen on screen: %s", first))
        # Then the demos' decoding libraries, which the first screen does not need (app.preload).
        QTimer.singleShot(0, lambda: preload(processing_modules(showroom.window.entries)))
        if quit_after_s is not None:
            QTimer.singleShot(int(quit_after_s * 1000), showroom.window.quit_showroom)
        try:
            return app.exec()
        finally:
            showroom.close()
    finally:
        instance.release()
        stops.close()
        stop_crash_log()
