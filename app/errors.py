"""Errors: a log line with the details for staff, a friendly sentence for the visitor.

Visitors must never see a traceback. ``install_excepthook`` routes any uncaught exception (also
those raised inside Qt slots) to the log and to a callback that shows a translated message.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QStandardPaths

log = logging.getLogger("bci_showroom")


def default_log_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder or Path.home() / ".bci-showroom") / "logs"


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to a rotating file (for staff and support) and to stderr; returns the file's path."""
    log_dir = log_dir or default_log_dir()
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "bci-showroom.log"
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s")
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    file_handler.setFormatter(formatter)
    console = logging.StreamHandler()
    console.setFormatter(formatter)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_bci_showroom", False):
            root.removeHandler(handler)
    for handler in (file_handler, console):
        handler._bci_showroom = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path


def enable_crash_log(log_path: Path) -> Callable[[], None]:
    """Python's fault handler into ``crash.log`` beside the log: a crash in native code (Qt,
    BrainFlow) leaves its stack there, and the process dies with a non-zero exit code that a
    watchdog restarts it on. Returns the call that turns it off again."""
    crash_file = open(log_path.with_name("crash.log"), "a", encoding="utf-8")  # noqa: SIM115 - kept open
    faulthandler.enable(crash_file)

    def disable() -> None:
        faulthandler.disable()
        crash_file.close()

    return disable


def friendly_message(kind: str = "generic") -> str:
    """What a visitor reads when something fails, in the current language."""
    messages = {
        "generic": QCoreApplication.translate(
            "Errors", "Oops, something went wrong. Please ask a member of staff for help."
        ),
        "demo": QCoreApplication.translate(
            "Errors", "This demo could not start. Please choose another one or ask a member of staff."
        ),
        "demo_failed": QCoreApplication.translate(
            "Errors", "Sorry, this demo stopped working. Please choose another one or ask a member of staff."
        ),
        "board": QCoreApplication.translate(
            "Errors", "The headset is resting right now. Please ask a member of staff."
        ),
    }
    return messages.get(kind, messages["generic"])


def raised_in(exc_traceback: TracebackType | None, package: str) -> bool:
    """Whether a traceback passes through code of ``package`` (a module name or its prefix)."""
    for frame, _line in traceback.walk_tb(exc_traceback):
        module = str(frame.f_globals.get("__name__", ""))
        if module == package or module.startswith(package + "."):
            return True
    return False


def install_excepthook(notify: Callable[[str], None], demo_failed: Callable[[], bool] | None = None) -> None:
    """Log uncaught exceptions with their traceback, show the visitor a friendly message instead.

    An uncaught exception goes to ``demo_failed(traceback)`` first: when it came from the open
    demo's code (in a timer or a slot, where the demo host cannot catch it), that stops the demo
    and returns to the menu with an apology, and returns True; otherwise (no demo open, or the
    shell's own error) the visitor reads the general message.
    """

    def hook(exc_type, exc_value, exc_traceback) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc_value, exc_traceback)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc_value, exc_traceback))
        try:
            if demo_failed is not None and demo_failed(exc_traceback):
                return
            notify(friendly_message())
        except Exception:  # the notifier itself must not loop back here
            log.exception("could not show the error message")

    sys.excepthook = hook
