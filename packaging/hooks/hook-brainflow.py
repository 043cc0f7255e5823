"""PyInstaller hook for BrainFlow: collect the native libraries the target platform loads.

BrainFlow opens ``brainflow/lib/<library>`` by full path at run time (ctypes), which PyInstaller's
analysis cannot see, and pyinstaller-hooks-contrib has no hook for it. ``collect_dynamic_libs``
would take all 55 libraries of every OS (184 MB for a minimal app); this takes the target's own:
64-bit Windows DLLs on Windows (no ``*32.dll`` / x86 builds), ``.so`` files on Linux (not the
Raspberry Pi build), ``.dylib`` files for the running architecture on macOS. PyInstaller does not
cross-compile, so the target is the platform the build runs on.
BrainFlow finds the libraries through ``pkg_resources`` on Python 3.11, so that comes along too.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

_, package_dir = get_package_paths("brainflow")
LIB_DIR = Path(package_dir) / "lib"


def wanted(name: str, system: str = sys.platform, machine: str = platform.machine()) -> bool:
    """Whether a file of ``brainflow/lib`` is loaded on this platform."""
    lower = name.lower()
    if system == "win32":
        if not lower.endswith(".dll"):
            return False
        stem = lower[: -len(".dll")]
        return not (stem.endswith("32") or stem.endswith("x86") or stem.endswith("-x86"))
    if system == "darwin":
        if not lower.endswith(".dylib"):
            return False
        return "arm64" not in lower or machine == "arm64"
    if not lower.endswith(".so"):
        return False
    return "raspberry" not in lower and "arm" not in lower


binaries = [(str(path), "brainflow/lib") for path in sorted(LIB_DIR.iterdir()) if wanted(path.name)]
hiddenimports = ["pkg_resources"]
