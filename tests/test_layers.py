"""The import layering is a checked contract: the real tree keeps it, and every contract bites.

The contracts are in pyproject.toml's ``[tool.importlinter]``; ``packaging/layers.py`` checks them
all in one command. Each violation test copies the three packages to a temporary folder, adds one
deliberate violation and asserts that the check fails and names it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "packaging" / "layers.py"
PACKAGES = ("app", "demos", "drivers")

TOP = "app above demos above drivers"
DEMOS = "demos: registry, then independent demos, then the demo kit, then the base"
QT_FREE = "demos import no Qt, except their widgets and Qt entries"
NO_GUI = "drivers import no Qt widgets or GUI (QtCore's signals are fine)"
ACYCLIC = "no import circles inside drivers"
FLOORS = "drivers: each floor imports only the floors below it"
APP_ACYCLIC = "no import circles inside app"


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), str(project)], capture_output=True, text=True, timeout=60
    )


def broken_contracts(report: str) -> list[str]:
    """The names of the contracts the report says are broken ("NAME BROKEN (1 ignored import)")."""
    return re.findall(r"^(.+) BROKEN(?: \(.*\))?$", report, flags=re.MULTILINE)


def test_the_real_tree_keeps_every_contract():
    result = run_check(ROOT)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Contracts: 7 kept, 0 broken." in report


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A copy of the packages and their contracts, to be copied again and broken by each test."""
    folder = tmp_path_factory.mktemp("pristine")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", folder)
    return folder


def append(path: Path, code: str) -> int:
    """Append ``code`` to a module; returns the line its first line lands on."""
    text = path.read_text() if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + code)
    return len(text.splitlines()) + 1


# (module to add to, code, contract that must break, what its report must say; {line} is the
# line the code's first line lands on)
VIOLATIONS = {
    "a driver imports app": ("drivers/leak.py", "import app\n", TOP, "- drivers.leak -> app (l.{line})"),
    "a demo imports another demo": (
        "demos/ssvep_speller/borrowed.py",
        "from demos.signal_explorer import processing\n",
        DEMOS,
        "- demos.ssvep_speller.borrowed -> demos.signal_explorer.processing (l.{line})",
    ),
    "a new demo package imports another demo": (
        "demos/new_demo/__init__.py",
        "from demos.mi_cursor import processing\n",
        DEMOS,
        "- demos.new_demo -> demos.mi_cursor.processing (l.{line})",
    ),
    "a demo imports the registry": (
        "demos/mi_cursor/processing.py",
        "from demos import registry\n",
        DEMOS,
        "- demos.mi_cursor.processing -> demos.registry (l.{line})",
    ),
    "a processing module imports QtCore": (
        "demos/signal_explorer/processing.py",
        "from PySide6.QtCore import QTimer\n",
        QT_FREE,
        "-   demos.signal_explorer.processing -> PySide6.QtCore (l.{line})",
    ),
    "a flow module imports pyqtgraph": (
        "demos/ssvep_speller/flow.py",
        "import pyqtgraph\n",
        QT_FREE,
        "-   demos.ssvep_speller.flow -> pyqtgraph (l.{line})",
    ),
    "a new module of a demo imports Qt (deny by default)": (
        "demos/mi_cursor/helpers.py",
        "from PySide6.QtCore import QTimer\n",
        QT_FREE,
        "-   demos.mi_cursor.helpers -> PySide6.QtCore (l.{line})",
    ),
    "a flow module imports the demo's widget": (
        "demos/mi_cursor/flow.py",
        "def _screen():\n    from demos.mi_cursor import widget\n\n    return widget\n",
        QT_FREE,
        "-   demos.mi_cursor.flow -> demos.mi_cursor.widget (l.{next_line})",
    ),
    "a flow module imports Qt through a driver": (
        "drivers/stream/readers.py",
        "from PySide6.QtCore import QObject\n",
        QT_FREE,
        "    drivers.stream.readers -> PySide6.QtCore (l.{line})",
    ),
    "a driver imports QtWidgets, in a function": (
        "drivers/analysis/dsp.py",
        "def _widget():\n    from PySide6.QtWidgets import QWidget\n\n    return QWidget\n",
        NO_GUI,
        "-   drivers.analysis.dsp -> PySide6.QtWidgets (l.{next_line})",
    ),
    "the stream imports the acquisition worker": (
        "drivers/stream/readers.py",
        "def _worker():\n    from drivers.acquisition import worker\n\n    return worker\n",
        FLOORS,
        "- drivers.stream.readers -> drivers.acquisition.worker (l.{next_line})",
    ),
    "a driver module on no floor": ("drivers/leftover.py", "import numpy\n", FLOORS, "drivers.leftover"),
    "a driver imports pyqtgraph": (
        "drivers/stream/ringbuffer.py",
        "import pyqtgraph\n",
        NO_GUI,
        "-   drivers.stream.ringbuffer -> pyqtgraph (l.{line})",
    ),
    "an import circle in drivers": (
        "drivers/roles.py",
        "def _profiles():\n    from drivers.boards import profiles\n\n    return profiles\n",
        ACYCLIC,
        "No cycles are allowed in drivers.",
    ),
    "an import circle in app": (
        "app/config.py",
        "def _command_line():\n    from app import cli\n\n    return cli\n",
        APP_ACYCLIC,
        "No cycles are allowed in app.",
    ),
}


@pytest.mark.parametrize("case", list(VIOLATIONS))
def test_each_contract_bites(case, pristine, tmp_path):
    module, code, contract, expected = VIOLATIONS[case]
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    path = project / module
    path.parent.mkdir(parents=True, exist_ok=True)
    line = append(path, code)

    result = run_check(project)
    report = result.stdout + result.stderr

    assert result.returncode == 1, report
    assert contract in broken_contracts(report), report
    section = report.partition(f"\n{contract}\n")[2]
    assert expected.format(line=line, next_line=line + 1) in section, report


def test_the_circle_report_names_the_import_to_remove(pristine, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    append(project / "drivers" / "roles.py", "from drivers.boards import profiles\n")
    report = run_check(project).stdout
    assert re.search(r"- \.(roles -> \.boards|boards -> \.roles) \(1 import\)", report), report


def test_a_new_demo_package_is_independent_without_a_line_to_add(pristine, tmp_path):
    """A demo package needs no contract line (the case above shows such a package is checked), and its
    widget may import Qt where its flow may name Qt for a type checker only."""
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    (project / "demos" / "new_demo").mkdir()
    append(project / "demos" / "new_demo" / "__init__.py", '"""A new demo."""\n')
    append(project / "demos" / "new_demo" / "demo_widget.py", "from PySide6.QtWidgets import QWidget\n")
    append(
        project / "demos" / "new_demo" / "flow.py",
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from PySide6.QtCore import QObject\n",
    )
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_qtcore_in_drivers_is_allowed(pristine, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(pristine, project)
    append(project / "drivers" / "ringbuffer.py", "from PySide6 import QtCore\n")
    report = run_check(project).stdout
    assert f"{NO_GUI} KEPT" in report, report
