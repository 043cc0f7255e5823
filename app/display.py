"""Is there a screen to show the showroom on? Asked before Qt starts, because Qt's answer is an
abort (exit code 134) with a hint about ``libxcb-cursor0`` even when the real problem is that no
display exists at all (an SSH session, a service started before the desktop).

No Qt here: this runs before the QApplication exists.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

#: The libraries Qt's X11 platform plugin (xcb) loads, each with the Debian package that has it:
#: the ones ``packaging/linux/install-system-deps.sh`` installs for it.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
}
INSTALL_SCRIPT = "packaging/linux/install-system-deps.sh"


def display_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    load: Callable[[str], object] = ctypes.CDLL,
) -> str | None:
    """One sentence saying why Qt cannot open a window here, or None when it can (or when
    ``QT_QPA_PLATFORM`` chose a platform: that is the user's call). Only Linux and the other
    X11/Wayland systems are asked; Windows and macOS always have their screen."""
    if platform in ("win32", "darwin") or environ.get("QT_QPA_PLATFORM"):
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set): run it on the "
            "desktop, or under xvfb-run, or set QT_QPA_PLATFORM=offscreen"
        )
    if environ.get("WAYLAND_DISPLAY") or getattr(sys, "frozen", False):
        return None  # Wayland needs no xcb; a frozen app brings its own libraries
    missing = [package for library, package in XCB_LIBRARIES.items() if not _loads(load, library)]
    if missing:
        return (
            f"Qt's X11 libraries are missing ({', '.join(missing)}): run sh {INSTALL_SCRIPT} "
            "(or install those packages), then start again"
        )
    return None


def _loads(load: Callable[[str], object], library: str) -> bool:
    try:
        load(library)
    except OSError:
        return False
    return True
