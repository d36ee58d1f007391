"""Sounds: settings respected, and no sound device is never an error."""

from __future__ import annotations

import logging

import pytest

from haydigo_desk.config import DeskSettings
from haydigo_desk.ui.sounds import Sound, SoundPlayer


# No sound server on a test machine: the warnings of the failed playback are the situation.
@pytest.mark.qt_log_ignore("PulseAudioService", "QSoundEffect: playback")
def test_play_without_a_device_carries_on(qtbot, caplog):
    player = SoundPlayer(DeskSettings(sounds_enabled=True, sound_volume=0.3))
    player.preload()
    with caplog.at_level(logging.WARNING):
        for sound in Sound:
            player.play(sound)
        qtbot.wait(200)  # let QSoundEffect report its status
    assert player.played == list(Sound)
    assert len([r for r in caplog.records if "No sound" in r.getMessage()]) <= 1
    effect = player._effects[Sound.OK]
    assert abs(effect.volume() - 0.3) < 0.01


def test_sounds_off_plays_nothing(qtbot):
    player = SoundPlayer(DeskSettings(sounds_enabled=False))
    player.play(Sound.ERROR)
    assert player.played == [Sound.ERROR] and player._effects == {}
