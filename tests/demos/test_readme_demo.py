"""The README's "Adding a demo" example is real: it runs in the shell on the virtual visitor."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from demos.registry import DemoEntry, check_demo_class
from drivers import cues
from drivers.acquisition.worker import AcquisitionState
from tests.live_app import enter_demo

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_demo_source() -> str:
    section = README.read_text(encoding="utf-8").split("## Adding a demo", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.fixture
def alpha_module():
    module = types.ModuleType("readme_alpha_meter")
    sys.modules[module.__name__] = module
    exec(compile(readme_demo_source(), "README.md", "exec"), module.__dict__)
    yield module
    del sys.modules[module.__name__]


def test_the_example_is_well_under_a_hundred_lines():
    lines = [line for line in readme_demo_source().splitlines() if line.strip()]
    assert len(lines) < 100


def test_the_readme_demo_runs_on_the_virtual_visitor_and_reports_its_alpha(qtbot, make_window, alpha_module):
    demo = alpha_module.AlphaMeterDemo
    assert check_demo_class(demo) is None
    window = make_window(
        "virtual_visitor",
        entries=[DemoEntry(key=demo.id, origin="README", demo_class=demo)],
        settings={"demos/alpha_meter/phase_s": 2.0},
    )
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=5_000)
    screen = enter_demo(window, "alpha_meter")
    qtbot.mouseClick(screen.start_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.countdown
    assert screen.countdown.caption_label.text() == "Eyes open: look at the screen"
    qtbot.waitUntil(
        lambda: window.acquisition.visitor.snapshot().relaxed, timeout=4_000
    )  # the cue closed its eyes
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.result, timeout=6_000)
    ratio = screen.powers[1] / screen.powers[0]
    assert ratio > 2  # the virtual visitor's alpha rises with its eyes closed, as a person's does
    assert screen.result.body_label.text() == f"With your eyes closed it was {ratio:.1f} times stronger."

    def marked() -> list[float]:
        found = window.acquisition.stream.latest(10.0).markers
        return [float(code) for code in found[found != 0]]

    codes = [cues.BaselinePhase(phase).code for phase in cues.Baseline]
    qtbot.waitUntil(lambda: len(marked()) == len(codes), timeout=2_000)
    assert marked() == codes
    assert not window.acquisition.visitor.snapshot().relaxed  # the end cue: eyes open again
