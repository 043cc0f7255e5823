"""Translations are complete, compiled and current; Chinese has a font."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontDatabase

from app.i18n import LANGUAGES, LanguageManager, cjk_family, install_cjk_fallback, translation_file

ROOT = Path(__file__).resolve().parents[2]


def _load_translations_tool():
    # packaging/ is a folder of build scripts, not a package (and "packaging" is a PyPI name).
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _load_translations_tool()


def messages(ts_file):
    """(context, source text) -> translation: a string that moved into another class keeps its
    translation only where its context stayed the same."""
    return {
        (context.findtext("name"), m.findtext("source")): m.find("translation")
        for context in ET.parse(ts_file).iter("context")
        for m in context.iter("message")
    }


def test_every_string_in_the_code_is_in_the_ts_file_and_translated(tmp_path):
    for language in translations.LANGUAGES:
        committed = translations.ts_path(language)
        shutil.copy(committed, tmp_path / committed.name)
        translations.update(tmp_path)  # what lupdate extracts from the code today
        extracted = messages(tmp_path / committed.name)
        known = messages(committed)
        assert set(extracted) == set(known), "run: python packaging/translations.py update, then translate"
        unfinished = [
            source for source, text in known.items() if text.get("type") == "unfinished" or not text.text
        ]
        assert not unfinished, f"untranslated in {committed.name}: {unfinished}"


def test_compiled_qm_files_match_their_sources(tmp_path):
    translations.build(output=tmp_path)
    for language in translations.LANGUAGES:
        fresh = (tmp_path / translations.qm_path(language).name).read_bytes()
        assert translations.qm_path(language).read_bytes() == fresh, (
            "run: python packaging/translations.py build"
        )


def test_a_rebuild_leaves_the_file_a_running_app_loaded_alone(qapp, tmp_path):
    """lrelease rewriting the mapped ``.qm`` in place made an open showroom crash in its next
    ``translate`` (seen during a new user's try); the build must put a new file in its place."""
    translations.build(output=tmp_path)
    built = tmp_path / translations.qm_path("zh_CN").name
    translator = QTranslator()
    assert translator.load(str(built))
    loaded = built.stat().st_ino
    translations.build(output=tmp_path)
    assert built.stat().st_ino != loaded, "the build rewrote the loaded file in place"
    assert translator.translate("MainWindow", "BCI Showroom") == "脑机接口体验厅"
    assert not list(tmp_path.glob("*.new")), "a half-built file was left behind"


def test_languages_load_and_unknown_ones_are_refused(qapp):
    manager = LanguageManager(qapp)
    try:
        for language in LANGUAGES:
            manager.set_language(language)
            assert manager.language == language
        with pytest.raises(ValueError):
            manager.set_language("fr")
    finally:
        manager.set_language("en")
    assert translation_file("zh_CN").endswith("bci_showroom_zh_CN.qm")


def test_chinese_falls_back_to_a_font_with_chinese_glyphs(qapp):
    family = cjk_family()
    if family is None:
        pytest.skip("no CJK font installed here (Debian: apt-get install fonts-noto-cjk)")
    assert install_cjk_fallback(qapp) == family
    assert family in qapp.font().families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_switching_language_for_every_visitor_keeps_no_old_translators(qtbot, qapp):
    from PySide6.QtCore import QTranslator

    manager = LanguageManager(qapp)
    try:
        for _ in range(20):  # twenty kiosk visitors, each choosing Chinese, then the reset to English
            manager.set_language("zh_CN")
            manager.set_language("en")
        qtbot.wait(50)  # deferred deletes
        assert manager.findChildren(QTranslator) == []
    finally:
        manager.set_language("en")
        manager.deleteLater()


def all_texts(ts_file) -> list[str]:
    """Every source text and its translation in ``ts_file``."""
    return [
        text
        for (_context, source), translation in messages(ts_file).items()
        for text in (source, translation.text or "")
    ]


def test_a_number_never_breaks_from_its_percent_sign():
    """Issue 22: the mind ball's "Guessing averages 50 / %" wrapped between the number and "%"."""
    for language in translations.LANGUAGES:
        broken = [
            text for text in all_texts(translations.ts_path(language)) if re.search(r"(\d|%\d) %(?!\d)", text)
        ]
        assert not broken, "use a no-break space (\\u00a0) between a number and %: " + repr(broken)


def test_chinese_translations_use_full_width_punctuation_after_chinese_text():
    """Issue 22: 确定现在退出吗? and the headset error showed half-width marks; Chinese takes ？！，："""
    cjk = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
    for language in translations.LANGUAGES:
        if not language.startswith("zh"):
            continue
        half_width = [
            translation.text
            for translation in messages(translations.ts_path(language)).values()
            if re.search(f"[{cjk}][?!,:]", translation.text or "")
        ]
        assert not half_width, half_width
