"""Settings come back typed like their default, whatever a hand-edited INI file holds, and every
declared setting (the shell's in app.config, each demo's) within what it allows."""

from __future__ import annotations

import logging
import math
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.config import SHELL_SETTINGS, ChoiceSetting, IdListSetting, NumberSetting
from app.settings import AppSettings
from demos.registry import BUILTIN_DEMOS

DEFAULTS = [False, True, 3, 2.5, "keyboard40"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_stored_text_reads_as_the_defaults_type_or_the_default(tmp_path, stored):
    path = tmp_path / "s.ini"
    escaped = stored.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    path.write_text(f"[General]\nvalue={escaped}\n", encoding="utf-8")
    app_settings = AppSettings(path)
    for default in DEFAULTS:
        value = app_settings.value("value", default)
        assert type(value) is type(default)
        assert not isinstance(value, float) or math.isfinite(value)


def test_the_usual_texts_read_as_staff_meant_them(tmp_path):
    path = tmp_path / "s.ini"
    path.write_text(
        "[General]\nflag=true\noff=false\ncount=7\nfraction=3.5\nword=phrases\nbad=banana\nnan=nan\nbig=1e308\n",
        encoding="utf-8",
    )
    stored = AppSettings(path)
    assert stored.value("flag", False) is True and stored.value("off", True) is False
    assert stored.value("count", 1) == 7 and stored.value("fraction", 1.0) == 3.5
    assert stored.value("word", "keyboard40") == "phrases"
    assert stored.value("bad", False) is False and stored.value("bad", 2.0) == 2.0
    assert stored.value("nan", 1.5) == 1.5 and stored.value("count", 1.5) == 7.0
    assert stored.value("fraction", 4) == 4  # "3.5" is not a whole number: the default
    assert stored.value("missing", 0.25) == 0.25


def test_values_set_in_this_session_come_back_with_their_type(tmp_path):
    stored = AppSettings(tmp_path / "s.ini")
    stored.set_value("flag", True)
    stored.set_value("seconds", 1.5)
    assert stored.value("flag", False) is True and stored.value("seconds", 0.5) == 1.5
    assert AppSettings(tmp_path / "s.ini").value("flag", False) is True  # and after a restart


# --- every declared setting, from a damaged file ---------------------------------------------------------
def damaged_values(setting):
    """(what a damaged file holds, what the setting must read) for each way ``setting`` can be damaged."""
    if isinstance(setting, IdListSetting):
        return [([" a", "", "b "], ("a", "b")), (",, a ,", ("a",))]
    default = setting.default
    kind = getattr(setting, "kind", None)
    if isinstance(setting, NumberSetting) or kind in ("int", "float"):
        beyond = 10**6 if isinstance(default, int) else 1e9
        return [
            ("banana", default),
            (["1", "2"], default),
            ("nan", default),
            (str(beyond), setting.high),
            (str(-beyond), setting.low),
        ]
    if isinstance(setting, ChoiceSetting) or kind == "choice":
        return [("klingon", default), (["en", "zh_CN"], default)]
    if isinstance(default, bool):
        return [("maybe", default), ("2", default), (["true", "false"], default)]
    return [(["a", "b"], default)]  # text: only a list (an unquoted comma in the file) is damage


def declared_settings():
    """(where it is stored, the declaration) for every setting of the shell and of every demo."""
    for setting in SHELL_SETTINGS:
        yield pytest.param(None, setting, id=setting.key)
    for demo in BUILTIN_DEMOS:
        for setting in demo.staff_settings:
            yield pytest.param(demo.id, setting, id=f"demos/{demo.id}/{setting.key}")


@pytest.mark.parametrize(("demo_id", "setting"), list(declared_settings()))
def test_every_declared_setting_reads_a_damaged_value_as_its_default_or_its_bound(
    tmp_path, caplog, demo_id, setting
):
    for index, (stored, expected) in enumerate(damaged_values(setting)):
        path = tmp_path / f"s{index}.ini"
        writer = AppSettings(path)
        (writer if demo_id is None else writer.for_demo(demo_id)).set_value(setting.key, stored)
        reader = AppSettings(path)  # read back from the file, as the next start does
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            value = setting.read(reader if demo_id is None else reader.for_demo(demo_id))
        assert value == expected and type(value) is type(expected), (stored, value)
        if not isinstance(setting, IdListSetting):  # a list of ids is read as Qt parsed it: no damage
            assert setting.key in caplog.text, (stored, caplog.text)  # the log says which setting


def test_the_shell_declares_each_key_once_and_none_among_the_demos():
    keys = [setting.key for setting in SHELL_SETTINGS]
    assert len(set(keys)) == len(keys)
    assert not any(key.startswith("demos/") for key in keys)
    for demo in BUILTIN_DEMOS:
        demo_keys = [setting.key for setting in demo.staff_settings]
        assert len(set(demo_keys)) == len(demo_keys), demo.id


def test_the_settings_vocabulary_loads_no_qt():
    code = (
        "import sys, app.config; "
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')); "
        "print(qt); sys.exit(bool(qt))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
