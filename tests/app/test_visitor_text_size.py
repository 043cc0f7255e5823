"""Every text a visitor reads is readable from 1 m: at least VISITOR_MIN_PX (18 px) at 1920×1080, and
instructions at least INSTRUCTION_MIN_PX (24 px), on every visitor screen, in both languages, in
kiosk and desktop mode.

The walk shows every page of every stacked widget of each screen in turn (attract, intro, menu,
each demo's pages with its results and "how it worked", the signal check, thank-you), and
:func:`tests.text_sizes.painted_texts` measures what each visible widget paints, by painting it.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget

from tests.text_sizes import PaintedText, painted_texts, too_small

SCREEN = (1920, 1080)
#: Quotes and punctuation of Chinese typesetting ("", 「」, full-width forms): in an English sentence
#: they show as wide CJK glyphs.
CJK_PUNCTUATION = re.compile("[\u201c\u201d\u2018\u2019\u3000-\u303f\uff00-\uffef]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def nearest_stack(widget: QWidget) -> QStackedWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QStackedWidget):
        parent = parent.parentWidget()
    return parent


def walk(root: QWidget, screen: QWidget, name: str, seen: list[tuple[str, PaintedText]]) -> None:
    """Measure ``screen`` (in ``root``) with each page of each stacked widget in it shown in turn."""
    seen += [(name, text) for text in painted_texts(root)]
    for stack in screen.findChildren(QStackedWidget):
        if nearest_stack(stack) is not (
            screen if isinstance(screen, QStackedWidget) else nearest_stack(screen)
        ):
            continue  # a stack inside another stack's page: walked with that page
        if not stack.isVisibleTo(root):
            continue
        shown = stack.currentIndex()
        for index in range(stack.count()):
            if index == shown:
                continue
            stack.setCurrentIndex(index)
            walk(root, stack.widget(index), f"{name}:{type(stack.widget(index)).__name__}", seen)
        stack.setCurrentIndex(shown)


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_visitor_text_is_readable_from_a_metre(make_window, qapp, kiosk, language):
    window = make_window(
        "virtual_visitor", kiosk=kiosk, language=language, settings={"signal_check/enabled": True}
    )
    window.resize(*SCREEN)
    window.show()
    qapp.processEvents()
    seen: list[tuple[str, PaintedText]] = []
    for page in (window.attract, window.consent, window.menu, window.thanks):
        window.stack.setCurrentWidget(page)
        walk(window, page, type(page).__name__, seen)
    window.stack.setCurrentWidget(window.menu)
    for entry in window.entries:
        if entry.demo_class is None or not window.open_demo(entry):
            continue
        walk(window, window.host, entry.key, seen)
        window.host.close_demo()
    problems = [
        f"{screen}: {line}"
        for screen in dict.fromkeys(name for name, _text in seen)
        for line in too_small([text for name, text in seen if name == screen])
    ]
    assert len(seen) > 100  # the walk reached the screens
    assert not problems, f"{len(problems)} texts too small:\n" + "\n".join(problems)
    if language == "en":
        chinese_marks = {
            t.text for _, t in seen if LATIN_WORD.search(t.text) and CJK_PUNCTUATION.search(t.text)
        }
        assert not chinese_marks, chinese_marks
