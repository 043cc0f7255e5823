"""The kit's translation helpers: fill() puts values in, Retranslating re-reads texts on a switch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.i18n import LanguageManager
from demos.kit.i18n import ROLE_NAMES, Retranslating, fill, role_name, translate
from drivers.roles import Role


def test_fill_replaces_every_marker_up_to_twelve():
    template = " ".join(f"%{i}" for i in range(1, 13))
    values = [f"v{i}" for i in range(1, 13)]
    assert fill(template, *values) == " ".join(values)
    assert fill("%10 then %1 then %12", *values) == "v10 then v1 then v12"  # %1 never eats %10


def test_fill_takes_any_value_and_never_refills_what_it_put_in():
    assert fill("%1 of %2 (%1)", 3, 7.5) == "3 of 7.5 (3)"
    assert fill("%2, %1", "a%2", "b") == "b, a%2"
    assert fill("no markers", 1) == "no markers"
    assert fill("%1 and %3", "x") == "x and %3"  # a marker without a value stays visible
    assert fill("100% sure: %1", "yes") == "100% sure: yes"


def test_translate_falls_back_to_the_source_text():
    assert translate("NoSuchContext", "Some text") == "Some text"


class Probe(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.texts.append(role_name(Role.OCCIPITAL))


def test_retranslating_widgets_reread_their_texts_on_a_language_change(qtbot, qapp):
    probe = Probe()
    qtbot.addWidget(probe)
    languages = LanguageManager(qapp)
    try:
        languages.set_language("zh_CN")
        assert len(probe.texts) == 2
        assert probe.texts[-1] != ROLE_NAMES[Role.OCCIPITAL]  # now in Chinese
    finally:
        languages.set_language("en")
    assert len(probe.texts) == 3
    assert probe.texts[-1] == "back of the head (occipital)"


def test_a_retranslating_widget_without_retranslate_says_so():
    class Forgotten(Retranslating):
        pass

    with pytest.raises(NotImplementedError, match="Forgotten"):
        Forgotten().retranslate()


def test_every_role_has_a_name_for_visitors():
    assert set(ROLE_NAMES) == set(Role)
    assert all(role_name(role) for role in Role)
