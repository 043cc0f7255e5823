"""Runs one demo at a time: builds it, starts it, stops it, contains its failures, and applies the
shell's safety policies around it (see :mod:`app.demo_gate`)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import MAX_FLICKER
from app.demo_gate import Action, DemoGate, Phase, Step
from app.errors import friendly_message
from app.menu import describe_unmet
from app.signal_check import SignalCheckPage
from demos.base import Demo, DemoContext
from demos.kit.i18n import Retranslating, fill, translate
from demos.kit.widgets import NoticePage
from demos.registry import DemoEntry
from drivers import cues
from drivers.cues import StopReason
from drivers.roles import Role
from drivers.stream.readers import Stream

log = logging.getLogger(__name__)

#: Every way a visitor can touch the kiosk: while a flicker runs, each one stops it.
STOP_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.TabletPress,
    }
)
#: After the shell stops a demo, its page's buttons wait this long: the second tap of a double tap
#: (or a startled one) must not press Continue, which appears where the visitor just touched.
NOTICE_GUARD_MS = 1000

Announce = Callable[[cues.Cue, float | None], None]
#: Where the signal check reads: the first headset's stream and its mains frequency (Hz).
SignalSource = Callable[[], tuple[Stream, float]]


class DemoHost(Retranslating, QWidget):
    """A top bar with "back to menu", and below it either the running demo or a notice page.

    ``announce(cue, at)`` is the shell's half of ``context.cue`` (marker and virtual visitor);
    ``headset_text()`` says in the current language why the headset sends nothing. With a
    ``signal_source``, a decoding demo starts only after the signal check on it passed (or staff
    overrode it).
    """

    sigBackToMenu = Signal()
    sigFinished = Signal()  # the visitor pressed "I'm done" (kiosk visitor flow only)
    sigFailed = Signal(str)  # a friendly, translated message for the visitor

    def __init__(
        self,
        announce: Announce,
        headset_text: Callable[[], str],
        max_flicker_s: float = MAX_FLICKER.default,
        parent: QWidget | None = None,
        *,
        signal_source: SignalSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._announce = announce
        self._signal_source = signal_source
        self._headset_text = headset_text
        self.max_flicker_s = max_flicker_s
        self.demo: Demo | None = None
        self.entry: DemoEntry | None = None
        self.demo_widget: QWidget | None = None
        self.gate: DemoGate | None = None
        self._make_context: Callable[[str, Callable[..., None]], DemoContext] | None = None
        self._watching = False
        self._limit_timer = QTimer(self)
        self._limit_timer.setSingleShot(True)
        self._limit_timer.timeout.connect(lambda: self._apply(self.gate.limit_reached() if self.gate else []))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 8, 12, 8)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.setMinimumSize(QSize(180, 52))
        self.back_button.clicked.connect(self.sigBackToMenu)
        bar.addWidget(self.back_button)
        self.title_label = QLabel()
        self.title_label.setObjectName("demoTitle")
        bar.addWidget(self.title_label, 1)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("backButton")
        self.finish_button.setMinimumSize(QSize(180, 52))
        self.finish_button.clicked.connect(self.sigFinished)
        self.finish_button.hide()
        bar.addWidget(self.finish_button)
        layout.addLayout(bar)
        self.notice = NoticePage()
        self.notice.sigPrimary.connect(self.continue_visit)
        self.notice.sigSecondary.connect(self._on_notice_secondary)
        self._notice_guard = QTimer(self)
        self._notice_guard.setSingleShot(True)
        self._notice_guard.timeout.connect(lambda: self.notice.setEnabled(True))
        self._content = QWidget()
        self._content_layout = QVBoxLayout(self._content)
        self._content_layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.signal_check = SignalCheckPage()
        self.signal_check.sigPassed.connect(
            lambda: self._apply(self.gate.check_passed() if self.gate else [])
        )
        self.signal_check.sigOverride.connect(self._override_check)
        self.signal_check.sigBack.connect(lambda: self._apply(self.gate.check_left() if self.gate else []))
        self.pages.addWidget(self._content)
        self.pages.addWidget(self.notice)
        self.pages.addWidget(self.signal_check)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    # --- opening and closing ------------------------------------------------------------------------
    def open(
        self,
        entry: DemoEntry,
        montage: Sequence[Role],
        make_context: Callable[[str, Callable[..., None]], DemoContext],
        streaming: bool,
    ) -> bool:
        """Open a demo: refuse it (False, with a message) if the board cannot serve it; otherwise
        show the warning, the wait for the headset or the demo itself, as its requirements say."""
        self.close_demo()
        demo_class = entry.demo_class
        if demo_class is None:
            self.sigFailed.emit(friendly_message("demo"))
            return False
        unmet = demo_class.requirements.unmet_by(montage)
        if unmet:
            log.info("refused to start %s: %s", entry.key, unmet)
            self.sigFailed.emit(" ".join(describe_unmet(reason) for reason in unmet))
            return False
        self.entry = entry
        self._make_context = make_context
        requirements = demo_class.requirements
        self.gate = DemoGate(
            flickers=requirements.flickers,
            decodes=requirements.decodes,
            checks=self._signal_source is not None,
        )
        self.retranslate()
        return self._apply(self.gate.open(streaming))

    def close_demo(self) -> None:
        """Stop the running demo (even a broken one) and delete its widget."""
        if self.gate is not None:
            self._apply(self.gate.close())
        demo, widget, entry = self.demo, self.demo_widget, self.entry
        self.demo = self.demo_widget = self.entry = self.gate = None
        if demo is not None:
            try:
                demo.stop()
            except Exception:
                log.exception("demo %s raised while stopping", entry.key if entry else "?")
        if widget is not None:
            self._content_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        if entry is not None:
            log.info("closed demo %s", entry.key)

    @property
    def phase(self) -> Phase:
        return self.gate.phase if self.gate is not None else Phase.CLOSED

    # --- events from the shell ----------------------------------------------------------------------
    def stream_changed(self, streaming: bool) -> None:
        if self.gate is not None:
            self._apply(self.gate.stream_changed(streaming))

    def set_visitor_flow(self, on: bool) -> None:
        """Show "I'm done" beside "back to menu" (the kiosk's visitor flow)."""
        self.finish_button.setVisible(on)

    def set_staff_mode(self, on: bool) -> None:
        if self.demo is not None:
            self.demo.set_staff_mode(on)

    def cue(self, cue: cues.Cue, at: float | None = None) -> None:
        """``context.cue``: the marker and the virtual visitor first, then the safety policies."""
        self._announce(cue, at)
        if self.gate is not None:
            self._apply(self.gate.cue(cue))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._watching or self.gate is None:
            return False
        if event.type() != QEvent.Type.ShortcutOverride and event.type() not in STOP_EVENTS:
            return False
        if not self.gate.flickering and not self._in_flicker_run():
            self._apply(self.gate.run_over())  # asked at the first touch after the run: it is ordinary
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # a key bound to a shortcut comes as a key press: it stops the flicker too
            return True
        self._apply(self.gate.touched())
        return True  # the touch only stops the flicker; it does not also press a button

    def _in_flicker_run(self) -> bool:
        """Between two flickers: will the demo flicker again without the visitor asking?"""
        try:
            return self.demo is not None and self.demo.in_flicker_run()
        except Exception:
            log.exception("demo %s raised in in_flicker_run", self.entry.key if self.entry else "?")
            return True  # in doubt, a touch pauses the demo

    # --- carrying out the gate's steps --------------------------------------------------------------
    def _apply(self, actions: list[Action]) -> bool:
        return all(self._do(action) for action in actions)

    def _do(self, action: Action) -> bool:
        step = action.step
        if step is Step.START_DEMO:
            return self._start_demo()
        if step is Step.SHOW_DEMO:
            self.pages.setCurrentWidget(self._content)
        elif step in (Step.SHOW_WARNING, Step.SHOW_WAITING, Step.SHOW_STOPPED):
            self._show_notice()
            if step is Step.SHOW_STOPPED:
                self.notice.setEnabled(False)
                self._notice_guard.start(NOTICE_GUARD_MS)
        elif step is Step.SHOW_CHECK:
            self._show_check()
        elif step is Step.STOP_CHECK:
            self.signal_check.stop()
            self.signal_check.clear()
        elif step is Step.WATCH_FLICKER:
            self._watch(True)
        elif step is Step.UNWATCH_FLICKER:
            self._watch(False)
        elif step is Step.FLICKER_ENDED:
            self._limit_timer.stop()
        elif step is Step.INTERRUPT_DEMO:
            self._interrupt(action.reason or StopReason.TOUCH)
        elif step is Step.RESUME_DEMO and self.demo is not None:
            self._call_demo("resume", self.demo.resume)
        elif step is Step.BACK_TO_MENU:
            self.sigBackToMenu.emit()
        return True

    def _show_check(self) -> None:
        assert self._signal_source is not None and self.entry is not None and self.entry.demo_class
        stream, mains_hz = self._signal_source()
        self.signal_check.clear()
        self.signal_check.start(stream, self.entry.demo_class.requirements.roles, mains_hz)
        self.pages.setCurrentWidget(self.signal_check)

    def _override_check(self) -> None:
        log.info("staff started %s despite the signal check", self.entry.key if self.entry else "?")
        if self.gate is not None:
            self._apply(self.gate.check_passed())

    def allow_check_override(self, on: bool) -> None:
        """Staff may start a demo whatever the signal check says (on a desktop; in kiosk mode
        after they unlocked the console during this visit)."""
        self.signal_check.set_override_allowed(on)

    def _start_demo(self) -> bool:
        entry = self.entry
        assert entry is not None and entry.demo_class is not None and self._make_context is not None
        try:
            self.demo = entry.demo_class()
            self.demo_widget = self.demo.create_widget(self._make_context(entry.demo_class.id, self.cue))
            self._content_layout.addWidget(self.demo_widget)
            self.demo.start()
        except Exception:
            log.exception("demo %s failed to start", entry.key)
            self.close_demo()
            self.sigFailed.emit(friendly_message("demo"))
            self.sigBackToMenu.emit()  # also when it failed after the warning or the wait: no dead page
            return False
        log.info("opened demo %s", entry.key)
        return True

    def _interrupt(self, reason: StopReason) -> None:
        """Hide the demo at once (no flicker survives the next frame), tell the stream and the demo."""
        self.pages.setCurrentWidget(self.notice)
        log.info("demo %s stopped by the shell: %s", self.entry.key if self.entry else "?", reason.value)
        self._announce(cues.Stopped(reason), None)
        if self.demo is not None:
            self._call_demo("interrupt", lambda: self.demo.interrupt(reason))

    def _call_demo(self, hook: str, call: Callable[[], None]) -> None:
        try:
            call()
        except Exception:
            log.exception("demo %s raised in %s", self.entry.key if self.entry else "?", hook)
            self.sigFailed.emit(friendly_message("demo"))
            self.sigBackToMenu.emit()

    def _watch(self, on: bool) -> None:
        """Catch touches and keys (``on``, and time this flicker afresh) or stop catching them."""
        app = QApplication.instance()
        if on != self._watching:
            app.installEventFilter(self) if on else app.removeEventFilter(self)
            self._watching = on
        if on:
            self._limit_timer.start(round(self.max_flicker_s * 1000))
        else:
            self._limit_timer.stop()

    def continue_visit(self) -> None:
        """The notice's main button: accept the warning, or continue after a stop."""
        if self.gate is None:
            return
        if self.gate.phase is Phase.WARNING:
            self._apply(self.gate.warning_accepted())
        elif self.gate.phase is Phase.STOPPED:
            self._apply(self.gate.continue_())

    def _on_notice_secondary(self) -> None:
        if self.gate is not None and self.gate.phase is Phase.WARNING:
            self._apply(self.gate.warning_declined())
        else:
            self.sigBackToMenu.emit()

    # --- texts --------------------------------------------------------------------------------------
    def _show_notice(self) -> None:
        self.pages.setCurrentWidget(self.notice)
        self._render_notice()

    def _render_notice(self) -> None:
        phase = self.phase
        back = translate("DemoHost", "Back to menu")
        if phase is Phase.WARNING:
            self.notice.show_notice(
                translate("DemoHost", "Flashing lights"),
                translate(
                    "DemoHost",
                    "This game uses flickering lights.\n\nA very small number of people can have a seizure "
                    "when they see flashing lights. If you or anyone in your family has epilepsy or has "
                    "ever had a seizure, please do not play, and tell a member of staff.\n\nTouch the "
                    "screen at any time to stop the flicker.",
                ),
                translate("DemoHost", "I understand, start"),
                translate("DemoHost", "Not now"),
            )
        elif phase is Phase.WAITING:
            self.notice.show_notice(
                translate("DemoHost", "Waiting for the headset"),
                fill(
                    translate("DemoHost", "%1\n\nYou can go on as soon as the signal is back.")
                    if self.gate is not None and self.gate.started
                    else translate(
                        "DemoHost", "%1\n\nThe demo starts by itself as soon as the signal arrives."
                    ),
                    self._headset_text(),
                ),
                None,
                back,
            )
        elif phase is Phase.STOPPED:
            reason = self.gate.stop_reason if self.gate else None
            if reason is StopReason.LIMIT:
                body = fill(
                    translate("DemoHost", "The lights stopped after %1 seconds so your eyes can rest."),
                    f"{self.max_flicker_s:g}",
                )
            elif reason is StopReason.SIGNAL:
                body = translate("DemoHost", "The headset's signal is back.")
            else:
                body = translate("DemoHost", "You touched the screen, so the lights stopped.")
            ready = translate("DemoHost", "Touch Continue when you are ready.")
            self.notice.show_notice(
                translate("DemoHost", "Paused"),
                f"{body}\n\n{ready}",
                translate("DemoHost", "Continue"),
                back,
            )

    def retranslate(self) -> None:
        self.back_button.setText(translate("DemoHost", "← Back to menu"))
        self.finish_button.setText(translate("DemoMenu", "I'm done"))
        demo = self.entry.demo_class if self.entry else None
        self.title_label.setText(translate(demo.translation_context, demo.title) if demo else "")
        if self.phase in (Phase.WARNING, Phase.WAITING, Phase.STOPPED):
            self._render_notice()

    def refresh_headset_text(self) -> None:
        """The headset's problem changed: the waiting page says the new one."""
        if self.phase is Phase.WAITING:
            self._render_notice()
