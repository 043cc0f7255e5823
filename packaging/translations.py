"""Keep the translations in step with the code.

    python packaging/translations.py update   # re-extract strings into assets/translations/*.ts
    python packaging/translations.py build    # compile the .ts sources into the .qm files the app loads

Translate the ``.ts`` files with Qt Linguist (``pyside6-linguist``) or any editor between the two.
The tests fail when a string in the code is missing from a ``.ts``, when a translation is
unfinished, or when a ``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "assets" / "translations"
SOURCE_PACKAGES = ("app", "demos", "drivers")
LANGUAGES = ("zh_CN",)


def qt_tool(name: str) -> str:
    """Path of a PySide6 command-line tool (installed beside the interpreter by the wheel)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found; install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    paths = (path for package in SOURCE_PACKAGES for path in (ROOT / package).rglob("*.py"))
    return sorted(str(path.relative_to(ROOT)) for path in paths)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"bci_showroom_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"bci_showroom_{language}.qm"


def update(folder: Path = TRANSLATIONS) -> None:
    for language in LANGUAGES:
        command = [qt_tool("pyside6-lupdate"), *source_files(), "-no-obsolete", "-locations", "none"]
        subprocess.run([*command, "-ts", str(ts_path(language, folder))], cwd=ROOT, check=True)


def build(folder: Path = TRANSLATIONS, output: Path | None = None) -> None:
    """Compile each ``.ts`` into its ``.qm``, replacing the old file rather than rewriting it.

    A running app memory-maps the ``.qm`` it loaded, and lrelease wrote into that same file: a
    showroom open during a build crashed in its next translation 0.12 s later (a segmentation
    fault; a probe that rewrote a loaded file in place got 347 of 459 lookups wrong). Written beside
    it and renamed over it, the old file lives on, unlinked, for whoever mapped it.
    """
    for language in LANGUAGES:
        target = qm_path(language, output or folder)
        fresh = target.with_name(f"{target.name}.new")
        subprocess.run(
            [qt_tool("pyside6-lrelease"), str(ts_path(language, folder)), "-qm", str(fresh)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        os.replace(fresh, target)


if __name__ == "__main__":
    actions = {"update": update, "build": build}
    if len(sys.argv) != 2 or sys.argv[1] not in actions:
        raise SystemExit(f"usage: {sys.argv[0]} {{{'|'.join(actions)}}}")
    actions[sys.argv[1]]()
