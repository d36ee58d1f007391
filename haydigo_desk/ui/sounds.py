"""Station sounds: one short WAV per feedback class through QSoundEffect.

No sound device is never an error: QSoundEffect loads asynchronously and reports ``Error``
when there is no audio output (a headless PC, no PulseAudio server). The player then says so
once (``availability_changed``) and the station shows "No sound at this desk" on screen, so a
picker who hears nothing knows why; colours and messages carry on as before.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, QUrl, Signal

from haydigo_desk.config import DeskSettings
from haydigo_desk.resources_path import resource
from haydigo_desk.ui.station.feedback import Feedback

log = logging.getLogger(__name__)

try:  # QtMultimedia lives in pyside6-addons; without it the desk works silently.
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
except ImportError:  # pragma: no cover - depends on the installation
    QSoundEffect = None  # type: ignore[assignment,misc]
    QMediaDevices = None  # type: ignore[assignment,misc]


# One sound per feedback class that makes one (resources/sounds/<value>.wav).
Sound = StrEnum("Sound", {f.name: f.sound for f in Feedback if f.sound is not None})


def sound_of(feedback: Feedback) -> Sound | None:
    return Sound(feedback.sound) if feedback.sound is not None else None


class SoundPlayer(QObject):
    """Plays one of the shipped sounds; volume and on/off come from the desk settings."""

    availability_changed = Signal(bool)  # False: sounds are off or this desk cannot play them

    def __init__(self, settings: DeskSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._effects: dict[Sound, QSoundEffect] = {}
        self._why_silent = ""
        self.played: list[Sound] = []  # what was asked for, in order (status bars, tests)

    @property
    def available(self) -> bool:
        return self._settings.sounds_enabled and not self._why_silent

    def check_device(self) -> bool:
        """Whether a sound would be heard; tells ``availability_changed`` when it cannot."""
        if QSoundEffect is None:
            self._silent("QtMultimedia is not installed")
        elif not QMediaDevices.audioOutputs():
            self._silent("no audio output device")
        return self.available

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
            self._silent(f"cannot play {effect.source().fileName()}")

    def _silent(self, why: str) -> None:
        if not self._why_silent:
            self._why_silent = why
            log.warning("No sound at this desk (%s); carrying on without sound", why)
            self.availability_changed.emit(False)

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        if not self._settings.sounds_enabled or self._why_silent:
            return
        effect = self._effect(sound)
        if effect is None:
            self._silent("QtMultimedia is not installed")
            return
        effect.setVolume(float(self._settings.sound_volume))
        effect.play()  # no-op while loading or without a device: never raises

    def preload(self) -> None:
        """Load every sound now so the first scan's beep is not late."""
        if self._settings.sounds_enabled and self.check_device():
            for sound in Sound:
                self._effect(sound)
