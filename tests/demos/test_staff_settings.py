"""The settings demos offer staff (``Demo.staff_settings``) are the ones their flows and screens read.

Each demo declares its settings once (``demos/<demo>/settings.py``); the console and the demo's
own code both use those declarations. Each numeric setting is probed through the flow's real
``Options.from_settings``, which checks that every option is wired to its declaration: unset it
gives the declared default, far below and far above it gives the declared low and high.
(Every declaration read from a damaged file: tests/app/test_settings.py.)
"""

from __future__ import annotations

import logging

import pytest

from demos.attention.demo import AttentionDemo
from demos.attention.flow import Options as AttentionOptions
from demos.base import DemoContext, StaffSetting
from demos.mi_cursor.demo import MiCursorDemo
from demos.mi_cursor.flow import Options as MiOptions
from demos.registry import BUILTIN_DEMOS
from demos.ssvep_speller.demo import SsvepSpellerDemo
from demos.ssvep_speller.flow import Options as SpellerOptions
from tests.demos.screens import Stored
from tests.virtual_stream import LiveStream

FLOW_OPTIONS = {SsvepSpellerDemo: SpellerOptions, MiCursorDemo: MiOptions, AttentionDemo: AttentionOptions}
#: Settings the demo's screen reads (not its flow): checked through the screen below.
READ_BY_THE_SCREEN = {"layout", "calibrated", "reduced_contrast", "sound", "names_kept"}
#: What a numeric setting needs besides itself to reach its declared high (the training's 3 minutes).
ALONGSIDE = {"trials_per_class": {"imagery_s": 3.0}}


def numeric_settings():
    for demo, options in FLOW_OPTIONS.items():
        for setting in demo.staff_settings:
            if setting.kind in ("int", "float"):
                yield pytest.param(options, setting, id=f"{demo.id}.{setting.key}")


def test_the_three_decoding_demos_declare_their_settings_and_the_explorer_none():
    declared = {demo.id: [setting.key for setting in demo.staff_settings] for demo in BUILTIN_DEMOS}
    assert declared == {
        "signal_explorer": [],
        "ssvep_speller": [
            "layout",
            "calibrated",
            "calibration_blocks",
            "calibration_trial_s",
            "cue_s",
            "feedback_s",
            "unsure_limit",
            "reduced_contrast",
        ],
        "mi_cursor": ["trials_per_class", "imagery_s", "game_targets", "window_s", "pipeline"],
        "attention": ["round_s", "baseline_phase_s", "sound", "names_kept"],
    }
    for demo in BUILTIN_DEMOS:
        assert all(isinstance(setting, StaffSetting) for setting in demo.staff_settings)


@pytest.mark.parametrize(("options", "setting"), list(numeric_settings()))
def test_numeric_settings_have_the_flows_default_and_bounds(options, setting):
    others = ALONGSIDE.get(setting.key, {})
    read = lambda value: getattr(options.from_settings(Stored({**others, setting.key: value})), setting.key)  # noqa: E731
    assert getattr(options.from_settings(Stored({})), setting.key) == setting.default
    number = type(setting.default)
    assert read(number(setting.low) - 1000) == setting.low
    assert read(number(setting.high) + 1000) == setting.high
    inside = number(setting.low + (setting.high - setting.low) / 2)
    assert read(inside) == inside  # what staff set within bounds reaches the flow as it is


def test_every_number_has_a_step_its_range_can_take():
    for demo in FLOW_OPTIONS:
        for setting in demo.staff_settings:
            if setting.kind == "float":
                assert setting.step is not None and setting.step <= setting.high - setting.low


def test_the_decoder_choices_are_the_flows_pipelines():
    from demos.mi_cursor.processing import DEFAULT_PIPELINE, PIPELINES

    [pipeline] = [s for s in MiCursorDemo.staff_settings if s.key == "pipeline"]
    assert [value for value, _ in pipeline.choices] == list(
        PIPELINES
    ) and pipeline.default == DEFAULT_PIPELINE
    for value in PIPELINES:
        assert MiOptions.from_settings(Stored({"pipeline": value})).pipeline == value
    assert MiOptions.from_settings(Stored({"pipeline": "magic"})).pipeline == DEFAULT_PIPELINE


def context(settings: Stored) -> DemoContext:
    return DemoContext(
        stream=LiveStream().stream,
        cue=lambda cue, at=None: None,
        settings=settings,
        logger=logging.getLogger("test.staff_settings"),
    )


@pytest.mark.parametrize("layout", ["keyboard40", "phrases", None])
def test_the_speller_screen_reads_the_layout_and_switches_as_declared(qtbot, layout):
    from demos.ssvep_speller.layouts import builtin_layouts
    from demos.ssvep_speller.widget import SpellerWidget

    declared = {s.key: s for s in SsvepSpellerDemo.staff_settings}
    assert [value for value, _ in declared["layout"].choices] == list(builtin_layouts())
    stored = {} if layout is None else {"layout": layout, "reduced_contrast": True, "calibrated": True}
    speller = SpellerWidget(context(Stored(stored)))
    qtbot.addWidget(speller)
    assert speller.flow.plan.layout.name == (layout or declared["layout"].default)
    assert speller.contrast_box.isChecked() is (layout is not None or declared["reduced_contrast"].default)
    assert speller.calibrated_box.isChecked() is (layout is not None or declared["calibrated"].default)
    speller.stop()


@pytest.mark.parametrize("sound", [False, True, None])
def test_the_attention_screen_reads_the_sound_switch_as_declared(qtbot, tmp_path, sound):
    from demos.attention.widget import AttentionWidget

    [declared] = [s for s in AttentionDemo.staff_settings if s.key == "sound"]
    widget = AttentionWidget(context(Stored({} if sound is None else {"sound": sound})))
    qtbot.addWidget(widget)
    assert widget.sound.enabled is (declared.default if sound is None else sound)
    widget.stop()


def test_every_declared_setting_is_read_by_the_flow_or_the_screen():
    for demo, options in FLOW_OPTIONS.items():
        fields = set(options.__dataclass_fields__)
        for setting in demo.staff_settings:
            assert setting.key in fields or setting.key in READ_BY_THE_SCREEN, setting.key


# --- the declaration itself ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "arguments",
    [
        ("k", "Label", "int", 5, 1, 3),  # default outside the bounds
        ("k", "Label", "int", 2.0, 1, 3),  # a float for an int
        ("k", "Label", "float", 2.0, 1.0, 3.0, (), -0.5),  # a negative step
        ("k", "Label", "int", True, 0, 1),  # a bool is no int here
        ("k", "Label", "bool", 1),
        ("k", "Label", "bool", True, 0, 1),
        ("k", "Label", "choice", "c", None, None, (("a", "A"), ("b", "B"))),
        ("k", "Label", "choice", "a", None, None, (("a", "A"), ("a", "Again"))),
        ("k", "Label", "choice", "a"),
        ("k", "Label", "colour", "red"),
        ("", "Label", "bool", True),
    ],
)
def test_a_wrong_declaration_raises_at_once(arguments):
    with pytest.raises(ValueError, match="staff setting"):
        StaffSetting(*arguments)


def test_read_keeps_stored_values_within_what_the_setting_allows():
    number = StaffSetting("n", "N", "float", 2.0, 1.0, 3.0, step=0.5)
    count = StaffSetting("c", "C", "int", 2, 1, 3)
    choice = StaffSetting("m", "M", "choice", "a", choices=(("a", "A"), ("b", "B")))
    switch = StaffSetting("s", "S", "bool", True)
    assert number.read(Stored({})) == 2.0 and number.read(Stored({"n": 9.5})) == 3.0
    assert number.read(Stored({"n": "text"})) == 2.0 and number.read(Stored({"n": 1.25})) == 1.25
    assert count.read(Stored({"c": -4})) == 1 and type(count.read(Stored({"c": -4}))) is int
    assert choice.read(Stored({"m": "b"})) == "b" and choice.read(Stored({"m": "z"})) == "a"
    assert switch.read(Stored({"s": False})) is False and switch.read(Stored({})) is True
