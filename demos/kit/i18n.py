"""Translation helpers every demo (and the shell) may use: ``translate``, ``fill``, ``Retranslating``.

English is the source language; Qt looks every string up in the installed translators (see
``app.i18n.LanguageManager``). Qt's ``pyside6-lupdate`` extracts a string only from a call with
exactly two literal arguments, context and text::

    fill(translate("Ctx", "Copy: %1"), label)      # extracted: "Copy: %1" in context "Ctx"
    translate("Ctx", "Copy: %1", label)            # NOT extracted correctly (checked)
    translate("Ctx", f"Copy: {label}")             # never extracted, never translated

So a sentence with a value in it is always translated first, with ``%1``, ``%2``, … left for the
translator to move, and filled in afterwards with :func:`fill`. Strings kept in tables are marked
with ``QT_TRANSLATE_NOOP("Ctx", "text")`` and looked up later with ``translate("Ctx", table[key])``.

Widgets whose texts change with the language subclass :class:`Retranslating` and put every text in
one ``retranslate`` method: installing a translator sends ``LanguageChange`` to every widget.

This module needs Qt core only (no widgets are created here).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent

from drivers.roles import Role

_PLACE_MARKER = re.compile(r"%(\d{1,2})")


def translate(context: str, text: str) -> str:
    """``text`` in the current language (``QCoreApplication.translate``); English when untranslated.

    Call it with two string literals, ``translate("Ctx", "text")``, so ``pyside6-lupdate`` finds it;
    put values in afterwards with :func:`fill`.
    """
    return QCoreApplication.translate(context, text)


def fill(template: str, *values: object) -> str:
    """Replace ``%1``, ``%2``, … (up to ``%99``) in ``template`` by ``str(value)`` of the values in order.

    Works like replacing the highest index first, so ``%1`` never eats the start of ``%10``, and in a
    single pass, so a value that itself contains ``%2`` is left as it is. A marker with no value
    (``%3`` given two values) stays in the text, where it shows the mistake.
    """

    def value_for(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return str(values[index - 1]) if 1 <= index <= len(values) else match.group(0)

    return _PLACE_MARKER.sub(value_for, template)


class Retranslating:
    """Mixin for QWidget subclasses: re-reads every text when the language changes.

    ``class MyScreen(Retranslating, QWidget)`` with a ``retranslate()`` that sets every visible text
    (call it once at the end of ``__init__`` too). It is listed before ``QWidget`` so its
    ``changeEvent`` is the one Qt calls; the event still reaches ``QWidget`` afterwards.
    """

    def retranslate(self) -> None:
        """Set every visible text in the current language (subclasses implement it)."""
        raise NotImplementedError(f"{type(self).__name__} must implement retranslate()")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # QWidget's, next in the subclass's MRO


#: How a role reads to staff and visitors ("needs an electrode over the ...").
ROLE_NAMES: dict[Role, str] = {
    Role.OCCIPITAL: QT_TRANSLATE_NOOP("Roles", "back of the head (occipital)"),
    Role.PARIETAL: QT_TRANSLATE_NOOP("Roles", "top-back of the head (parietal)"),
    Role.SENSORIMOTOR_LEFT: QT_TRANSLATE_NOOP("Roles", "left motor area (C3)"),
    Role.SENSORIMOTOR_RIGHT: QT_TRANSLATE_NOOP("Roles", "right motor area (C4)"),
    Role.CENTRAL: QT_TRANSLATE_NOOP("Roles", "top of the head (Cz)"),
    Role.FRONTAL: QT_TRANSLATE_NOOP("Roles", "forehead (frontal)"),
    Role.TEMPORAL: QT_TRANSLATE_NOOP("Roles", "temples (temporal)"),
    Role.REFERENCE: QT_TRANSLATE_NOOP("Roles", "ears (reference)"),
}


def role_name(role: Role) -> str:
    """A role as staff and visitors read it, in the current language."""
    return QCoreApplication.translate("Roles", ROLE_NAMES[role])
