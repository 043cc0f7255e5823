"""A demo that is one screen: the widget does the work, the demo class only declares it.

Both demos had the same ``demo.py`` (keep the widget, forward ``start``/``stop`` to it); this is that
file once. A demo subclasses :class:`WidgetDemo`, fills in the menu attributes and
:meth:`WidgetDemo.create_screen`; its screen subclasses :class:`DemoScreen` and overrides only the
hooks it needs.
"""

from __future__ import annotations

from abc import abstractmethod

from PySide6.QtWidgets import QWidget

from demos.base import Demo, DemoContext
from demos.kit.i18n import Retranslating
from drivers.cues import StopReason


class DemoScreen(Retranslating, QWidget):
    """A demo's screen. ``retranslate`` runs at once and again on every language change."""

    def __init__(self, context: DemoContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def start(self) -> None:
        """On screen: start timers and stimuli."""

    def stop(self) -> None:
        """Stop every timer and stimulus: leaving the screen (also after errors), or interrupted."""

    def interrupt(self, reason: StopReason) -> None:
        """The shell paused the visit (see :meth:`demos.base.Demo.interrupt`): stop stimuli now.

        By default the screen stops (:meth:`stop`) and :meth:`resume` starts it afresh, so a demo
        that flickers is safe without a line of its own: its next flicker announces a new onset,
        and the shell watches it again. Override both to pause and carry on where it was.
        """
        self.stop()

    def resume(self) -> None:
        """The visitor continues after :meth:`interrupt` (by default: :meth:`start` again)."""
        self.start()

    def in_flicker_run(self) -> bool:
        """See :meth:`demos.base.Demo.in_flicker_run`."""
        return False

    def set_staff_mode(self, on: bool) -> None:
        """Show (``on``) or hide staff controls."""

    def retranslate(self) -> None:
        """Set every visible text in the current language."""


class WidgetDemo(Demo):
    """A demo whose whole UI is one :class:`DemoScreen`; the shell's hooks reach the screen."""

    def __init__(self) -> None:
        self.screen: DemoScreen | None = None

    @abstractmethod
    def create_screen(self, context: DemoContext) -> DemoScreen:
        """Build the screen (import the widget module here, so the menu loads fast)."""

    def create_widget(self, context: DemoContext) -> QWidget:
        self.screen = self.create_screen(context)
        self.screen.set_staff_mode(context.staff_mode())
        self.screen.retranslate()
        return self.screen

    def start(self) -> None:
        if self.screen is not None:
            self.screen.start()

    def stop(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.stop()

    def interrupt(self, reason: StopReason) -> None:
        if self.screen is not None:
            self.screen.interrupt(reason)

    def resume(self) -> None:
        if self.screen is not None:
            self.screen.resume()

    def in_flicker_run(self) -> bool:
        return self.screen is not None and self.screen.in_flicker_run()

    def set_staff_mode(self, on: bool) -> None:
        if self.screen is not None:
            self.screen.set_staff_mode(on)
