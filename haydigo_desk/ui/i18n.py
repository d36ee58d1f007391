"""Dutch and English through Qt's own translation system.

How to write translatable UI code in this project:

* Wrap every user-visible string in ``self.tr("...")`` inside a QObject subclass (the class name
  becomes the translation context) or ``QCoreApplication.translate("Context", "...")`` elsewhere.
  Plurals: ``self.tr("%n order(s)", "", count)``. Never build sentences by concatenating
  translated pieces; use ``.format`` or ``%1``-style arguments on one translated string.
* Set texts in one ``retranslate_ui()`` method and call it from ``changeEvent`` on
  ``QEvent.Type.LanguageChange``; then a language switch in the settings takes effect at once::

      def changeEvent(self, event):
          if event.type() == QEvent.Type.LanguageChange:
              self.retranslate_ui()
          super().changeEvent(event)

* Run ``python packaging/tools/update_translations.py`` after adding strings, translate the new
  entries of ``resources/translations/haydigo_desk_nl.ts`` (Qt Linguist or any editor), and run
  it again to compile the ``.qm`` files. ``tests/ui/test_i18n_complete.py`` fails while a string
  has no Dutch translation.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haydigo_desk.resources_path import resource

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")
CATALOGUE = "haydigo_desk"

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_current = "en"


def resolve_language(setting: str, locale: QLocale | None = None) -> str:
    """``"nl"`` or ``"en"`` for a setting of ``system``, ``nl`` or ``en``."""
    if setting in LANGUAGES:
        return setting
    locale = locale or QLocale.system()
    # Dutch for Dutch and Flemish locales; every other language gets English.
    return "nl" if locale.language() == QLocale.Language.Dutch else "en"


def translations_dir() -> Path:
    return resource("translations")


def install_translator(app: QCoreApplication, language_setting: str) -> str:
    """Install the desk's (and Qt's own) translations for a language setting.

    Replaces whatever an earlier call installed, so it can be called again when the setting
    changes; widgets that implement ``retranslate_ui`` on ``LanguageChange`` follow at once.
    Returns the language used, ``"nl"`` or ``"en"``.
    """
    global _current
    language = resolve_language(language_setting)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    own = QTranslator(app)
    if own.load(f"{CATALOGUE}_{language}", str(translations_dir())):
        app.installTranslator(own)
        _installed.append(own)
    elif language != "en":  # English is the source language: its catalogue only adds plurals
        log.warning("No %s translation found in %s", language, translations_dir())

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)  # standard buttons and dialogs ("Annuleren", "Ja", ...)
    if language != "en" and qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)

    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else
                               QLocale.Language.English,
                               QLocale.Country.Netherlands if language == "nl" else
                               QLocale.Country.UnitedKingdom))
    _current = language
    log.info("Language: %s (setting %s)", language, language_setting)
    return language


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source texts (English without plural forms), as before any install."""
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = "en"


def current_language() -> str:
    """The language last installed (``"en"`` before any call)."""
    return _current
