"""The real command line in a subprocess, watched line by line with a deadline (no test waits for ever
on a process that hangs): for the tests of how the showroom starts and stops."""

from __future__ import annotations

import os
import queue
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The address space a showroom under test may take (it uses ~0.5 GB): reading /dev/zero or a 2 GB
#: file whole fails here at once instead of filling the machine's memory.
ADDRESS_SPACE_BYTES = 2 * 2**30


def _limit_memory() -> None:
    """Bound the child's memory, and give it Ctrl+C as a terminal's foreground program has it: a
    test run started in the background (``pytest &``, CI under ``nohup``) hands its children SIGINT
    ignored, which the app rightly keeps ignored."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_BYTES, ADDRESS_SPACE_BYTES))
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class ShowroomProcess:
    """``python -m app ARGS`` offscreen with its home in ``home``; :meth:`wait_for` reads its log."""

    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None) -> None:
        environment = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_DATA_HOME": str(home),
            "XDG_CONFIG_HOME": str(home),
        }
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app", *args],
            cwd=ROOT,
            env=environment if env is None else env,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            preexec_fn=_limit_memory,
        )
        self.lines: list[str] = []
        self._incoming: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self._incoming.put(line)
        self._incoming.put(None)

    def wait_for(self, text: str, timeout_s: float) -> bool:
        """Read the log until a line holds ``text`` (True), or the process ends or time is up (False)."""
        deadline = time.monotonic() + timeout_s
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._incoming.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                self._incoming.put(None)
                return False
            self.lines.append(line)
            if text in line:
                return True
        return False

    def finish(self, timeout_s: float) -> int | None:
        """The exit code once it has ended within ``timeout_s`` (its whole log read), else None."""
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return None
        self._reader.join(5)
        while (line := self._incoming.get_nowait() if not self._incoming.empty() else None) is not None:
            self.lines.append(line)
        return self.process.returncode

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
