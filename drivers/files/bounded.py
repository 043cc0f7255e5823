"""Reading a file someone named (a board profile, a playback recording, the settings file) so that
the file cannot hold the program: only regular files are opened, and never more than a limit read.

A FIFO named where a file was expected blocks ``open`` until a writer comes and then ``read`` for
ever; ``/dev/zero`` or a 2 GB file read whole fills the memory. Start-up once hung on each, with
no window and a live process, so the watchdog never restarted it.
"""

from __future__ import annotations

import errno
import os
import stat

#: ``O_NONBLOCK``: opening a FIFO returns at once instead of waiting for a writer (POSIX only;
#: Windows has no FIFOs in the file system). ``O_BINARY``: no newline translation (Windows only).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class RefusedFile(OSError):
    """Not read: ``reason`` says why in words (a pipe, a device, too large)."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(errno.EINVAL, reason, os.fspath(path))
        self.reason = reason


def megabytes(size: int) -> str:
    """A size in words, e.g. "1 MB", "2,048 MB"."""
    return f"{size / 2**20:,.0f} MB" if size >= 2**20 else f"{size:,} bytes"


def not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is when it is no regular file ("a pipe (FIFO)", ...), else None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def file_problem(path: str | os.PathLike[str], limit: int) -> str | None:
    """Why ``path`` cannot be read whole within ``limit`` bytes, from its status alone (nothing is
    opened): "is a pipe (FIFO), not a file", "is 2,048 MB, more than 1 MB". None when it can, or
    when it does not exist."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    kind = not_regular(info.st_mode)
    if kind is not None:
        return f"is {kind}, not a file"
    if info.st_size > limit:
        return f"is {megabytes(info.st_size)}, more than {megabytes(limit)}"
    return None


def read_regular_file(path: str | os.PathLike[str], limit: int, *, head: bool = False) -> bytes:
    """The bytes of the regular file ``path``: all of it, or with ``head`` its first ``limit`` bytes.

    Raises FileNotFoundError, IsADirectoryError and the other OSErrors of opening it, and
    :class:`RefusedFile` for a pipe, a device or a socket, or (without ``head``) a file of more
    than ``limit`` bytes. The file is checked once open, so one swapped in after a look by name
    is caught too.
    """
    handle = os.open(path, _OPEN_FLAGS)
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", os.fspath(path))
        kind = not_regular(info.st_mode)
        if kind is not None:
            raise RefusedFile(path, f"is {kind}, not a file")
        if not head and info.st_size > limit:
            raise RefusedFile(path, f"is {megabytes(info.st_size)}, more than {megabytes(limit)}")
        data = file.read(limit + 1)
    if len(data) > limit and not head:  # it grew since fstat
        raise RefusedFile(path, f"is more than {megabytes(limit)}")
    return data[:limit]
