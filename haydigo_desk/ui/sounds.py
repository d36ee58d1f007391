"""Station sounds: short WAVs through QSoundEffect; no sound device is never an error.

QSoundEffect loads asynchronously and reports ``Error`` when there is no audio output (a
headless PC, a missing PulseAudio server). That is logged once and the station carries on:
pickers still get the colours, only the beep is missing.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, QUrl

from haydigo_desk.config import DeskSettings
from haydigo_desk.resources_path import resource

log = logging.getLogger(__name__)

try:  # QtMultimedia lives in pyside6-addons; without it the desk works silently.
    from PySide6.QtMultimedia import QSoundEffect
except ImportError:  # pragma: no cover - depends on the installation
    QSoundEffect = None  # type: ignore[assignment,misc]


class Sound(StrEnum):
    OK = "ok"
    ERROR = "error"
    ALERT = "alert"
    DONE = "done"


class SoundPlayer(QObject):
    """Plays one of the shipped sounds; volume and on/off come from the desk settings."""

    def __init__(self, settings: DeskSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._effects: dict[Sound, QSoundEffect] = {}
        self._warned = False
        self.played: list[Sound] = []  # what was asked for, in order (status bars, tests)

    def _effect(self, sound: Sound):
        effect = self._effects.get(sound)
        if effect is None and QSoundEffect is not None:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource("sounds", f"{sound.value}.wav"))))
            effect.statusChanged.connect(lambda e=effect: self._check(e))
            self._effects[sound] = effect
        return effect

    def _check(self, effect) -> None:
        if effect.status() == QSoundEffect.Status.Error:
            self._warn_once(f"cannot play {effect.source().fileName()}")

    def _warn_once(self, why: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("No sound at this desk (%s); carrying on without sound", why)

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        if not self._settings.sounds_enabled:
            return
        if QSoundEffect is None:
            self._warn_once("QtMultimedia is not installed")
            return
        effect = self._effect(sound)
        effect.setVolume(float(self._settings.sound_volume))
        effect.play()  # no-op while loading or without a device: never raises

    def preload(self) -> None:
        """Load every sound now so the first scan's beep is not late."""
        if self._settings.sounds_enabled and QSoundEffect is not None:
            for sound in Sound:
                self._effect(sound)
