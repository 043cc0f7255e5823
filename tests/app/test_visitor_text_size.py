"""Every text a visitor reads is readable from 1 m: at least VISITOR_MIN_PX (18 px) at 1920×1080, and
instructions at least INSTRUCTION_MIN_PX (24 px), on every visitor screen, in both languages, in
kiosk and desktop mode.

The walk shows every page of every stacked widget of each screen in turn (attract, intro, menu,
each demo's pages with its results and "how it worked", the signal check, thank-you), and
:func:`tests.text_sizes.painted_texts` measures what each visible widget paints, by painting it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from app.demo_gate import Phase
from drivers.acquisition.worker import AcquisitionState
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


def walk(
    root: QWidget, screen: QWidget, name: str, seen: list[tuple[str, PaintedText]], measure: bool = True
) -> None:
    """Measure ``root`` as it shows ``screen`` (unless ``measure`` is off: measured already), then
    again with each other page of each stacked widget in ``screen`` shown in turn, page by page
    down to the innermost stack (each saved as a screenshot in ``$BCI_SHOWROOM_SCREENSHOTS`` when
    that is set)."""
    if measure:
        seen += [(name, text) for text in painted_texts(root)]
        folder = os.environ.get("BCI_SHOWROOM_SCREENSHOTS")
        if folder:
            QApplication.processEvents()  # layouts that the measuring paint changed settle first
            shot = f"{root.property('shotPrefix')}_{name.replace(':', '_')}.png"
            root.grab().save(str(Path(folder) / shot))
    own_stack = screen if isinstance(screen, QStackedWidget) else nearest_stack(screen)
    for stack in screen.findChildren(QStackedWidget):
        if nearest_stack(stack) is not own_stack or not stack.isVisibleTo(root):
            continue  # a stack inside another stack's page is walked with that page
        shown = stack.currentIndex()
        for index in range(stack.count()):
            stack.setCurrentIndex(index)
            page = stack.widget(index)
            walk(root, page, f"{name}:{type(page).__name__}{index}", seen, measure=index != shown)
        stack.setCurrentIndex(shown)


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "desktop"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_visitor_text_is_readable_from_a_metre(qtbot, make_window, qapp, kiosk, language):
    window = make_window(
        "virtual_visitor", kiosk=kiosk, language=language, settings={"signal_check/enabled": True}
    )
    window.resize(*SCREEN)
    window.show()
    window.setProperty("shotPrefix", f"{'kiosk' if kiosk else 'desktop'}_{language}")
    qapp.processEvents()
    seen: list[tuple[str, PaintedText]] = []
    for page in (window.attract, window.consent, window.menu, window.thanks):
        window.stack.setCurrentWidget(page)
        walk(window, page, type(page).__name__, seen)
    window.stack.setCurrentWidget(window.menu)
    qtbot.waitUntil(lambda: window.acquisition.state is AcquisitionState.STREAMING, timeout=10_000)
    host = window.host
    for entry in window.entries:
        if entry.demo_class is None or not window.open_demo(entry):
            continue
        walk(window, host, entry.key, seen)  # the warning, the signal check, the wait
        if host.phase is Phase.WARNING:
            qtbot.mouseClick(host.notice.primary_button, Qt.MouseButton.LeftButton)
        if host.phase is Phase.CHECKING:
            host._override_check()  # as staff may: the demo's own screens are next
        qtbot.waitUntil(lambda: host.phase is Phase.RUNNING, timeout=5_000)
        walk(window, host, f"{entry.key}:running", seen)
        host.close_demo()
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


def test_the_measure_sees_labels_chart_axes_custom_paint_and_reported_outlines(qtbot):
    import pyqtgraph as pg
    from PySide6.QtGui import QFont, QPainter
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    class Painted(QWidget):
        def paintEvent(self, _event) -> None:
            painter = QPainter(self)
            font = QFont()
            font.setPixelSize(14)
            painter.setFont(font)
            painter.drawText(10, 20, "painted")
            painter.end()

        def drawn_text_sizes(self) -> list[tuple[str, float]]:
            return [("outline", 11.0)]

    screen = QWidget()
    column = QVBoxLayout(screen)
    label = QLabel("small label")
    label.setStyleSheet("font-size: 13px;")
    column.addWidget(label)
    painted = Painted(objectName="painted")
    painted.setMinimumHeight(40)
    column.addWidget(painted)
    plot = pg.PlotWidget()
    plot.setLabel("bottom", "seconds")
    column.addWidget(plot)
    qtbot.addWidget(screen)
    screen.resize(800, 600)
    screen.show()
    qtbot.waitExposed(screen)
    texts = painted_texts(screen)
    report = "\n".join(too_small(texts))
    assert "QLabel: 13.0 px" in report and "'small label'" in report
    assert "Painted#painted: 14.0 px" in report and "Painted#painted: 11.0 px" in report
    assert "PlotWidget/QWidget: 12.0 px" in report  # pyqtgraph's ticks, in the application's font
    assert any(text.text == "seconds" and text.pixels < 18 for text in texts)  # and its axis name
