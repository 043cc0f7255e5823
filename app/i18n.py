"""Languages: Qt translators switched live, and a CJK font fallback so Chinese never shows as boxes.

English is the source language; every visitor-facing string is wrapped in ``tr()`` or
``QCoreApplication.translate()`` and translated from ``assets/translations/bci_showroom_<lang>.qm``.
Installing a translator makes Qt send ``LanguageChange`` to every widget, which re-reads its texts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.config import LANGUAGE, LANGUAGES, SettingsReader
from app.resources import asset_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)


def translation_file(language: str) -> str:
    return str(asset_path("translations", f"bci_showroom_{language}.qm"))


def default_language() -> str:
    """Chinese on a Chinese system, English elsewhere."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else SOURCE_LANGUAGE


def _current_language() -> str:
    """The interface language now (the language manager makes it the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def other_language_name() -> str:
    """What a language button shows: the other language's name, in that language."""
    current = _current_language()
    return next((name for code, name in LANGUAGES.items() if code != current), "")


class LanguageManager(QObject):
    """Owns the installed translators; ``set_language`` switches the whole UI at once."""

    sigLanguageChanged = Signal(str)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
        for translator in self._translators:
            self._app.removeTranslator(translator)
            translator.deleteLater()  # a kiosk switches for every visitor: keep none of the old ones
        self._translators.clear()
        if language != SOURCE_LANGUAGE:
            ours = QTranslator(self)
            if not ours.load(translation_file(language)):
                raise FileNotFoundError(f"translation file missing: {translation_file(language)}")
            self._translators.append(ours)
            qt_own = QTranslator(self)  # Qt's standard dialog buttons, where the wheel ships them
            if qt_own.load(
                f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._translators.append(qt_own)
            else:
                qt_own.deleteLater()
            for translator in self._translators:
                self._app.installTranslator(translator)
        self.language = language
        QLocale.setDefault(QLocale(language))
        # Qt posts LanguageChange; deliver it now so every widget reads its texts before we return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        log.info("language set to %s", language)
        self.sigLanguageChanged.emit(language)


def stored_language(settings: SettingsReader) -> str:
    """The language each visitor starts in: the one stored in ``settings`` (an ``AppSettings``),
    else the system's."""
    return LANGUAGE.read(settings) or default_language()


def cjk_family() -> str | None:
    """An installed font family that has Simplified Chinese glyphs, preferring well-known ones."""
    families = QFontDatabase.families()
    for preferred in CJK_FAMILIES:
        if preferred in families:
            return preferred
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


def install_cjk_fallback(app: QApplication) -> str | None:
    """Make the application font fall back to a CJK family for glyphs the default font lacks."""
    family = cjk_family()
    if family is None:
        log.warning("no font with Chinese glyphs is installed; Chinese text may show as boxes")
        return None
    font = QFont(app.font())
    primary = font.families() or [font.family()]
    if family not in primary:
        font.setFamilies([*primary, family])
        app.setFont(font)
    return family
