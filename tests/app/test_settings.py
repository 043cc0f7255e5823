"""Settings come back typed like their default, whatever a hand-edited INI file holds."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.settings import AppSettings

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
