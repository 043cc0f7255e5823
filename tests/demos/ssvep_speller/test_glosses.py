"""The copy task's gloss (what a word to copy means) is in the visitor's language: a Chinese visitor
copying NAOJI reads 脑机, an English one reads what it means in English."""

from __future__ import annotations

import logging
import re

from demos.base import DemoContext
from demos.ssvep_speller.widget import SpellerWidget
from tests.demos.screens import Stored
from tests.virtual_stream import LiveStream

LATIN_WORD = re.compile(r"[a-z]{3,}")  # lower case: the words to copy (NAOJI, NI HAO) are capitals


def speller(qtbot, language: str) -> SpellerWidget:
    context = DemoContext(
        stream=LiveStream().stream,
        cue=lambda cue, at=None: None,
        settings=Stored({"layout": "keyboard40"}),
        logger=logging.getLogger("test.speller"),
        language=lambda: language,
    )
    widget = SpellerWidget(context)
    qtbot.addWidget(widget)
    return widget


def task_texts(widget: SpellerWidget) -> list[str]:
    return [widget.task_box.itemText(index) for index in range(widget.task_box.count())]


def test_the_copy_task_gloss_follows_the_language(qtbot, language):
    widget = speller(qtbot, language)
    texts = task_texts(widget)
    naoji = next(text for text in texts if "NAOJI" in text)
    ni_hao = next(text for text in texts if "NI HAO" in text)
    if language == "zh_CN":
        assert naoji == "照着拼：NAOJI（脑机）" and ni_hao == "照着拼：NI HAO（你好）"
        assert not [text for text in texts if LATIN_WORD.search(text)], texts  # no English gloss left
    else:
        assert naoji == 'Copy: NAOJI (Chinese for "brain-computer")'
        assert ni_hao == 'Copy: NI HAO (Chinese for "hello")'
        assert "Copy: HELLO" in texts  # no empty brackets where a word needs no gloss
