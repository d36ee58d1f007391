"""Sounds: one per feedback class, settings respected, and no sound device is never an error."""

from __future__ import annotations

import logging

import pytest

from haydigo_desk.config import DeskSettings
from haydigo_desk.resources_path import resource
from haydigo_desk.ui.sounds import Sound, SoundPlayer, sound_of
from haydigo_desk.ui.station.feedback import Feedback


def test_every_feedback_class_sounds_different():
    sounds = [sound_of(f) for f in Feedback if f is not Feedback.INFO]
    assert len(set(sounds)) == len(sounds) and sound_of(Feedback.INFO) is None
    contents = {resource("sounds", f"{s.value}.wav").read_bytes() for s in sounds}
    assert len(contents) == len(sounds)  # no two classes share a file's sound


# No sound server on a test machine: the warnings of the failed playback are the situation.
@pytest.mark.qt_log_ignore("PulseAudioService", "QSoundEffect: playback")
def test_no_device_is_said_once_and_never_raises(qtbot, caplog):
    player = SoundPlayer(DeskSettings(sounds_enabled=True, sound_volume=0.3))
    said: list[bool] = []
    player.availability_changed.connect(said.append)
    with caplog.at_level(logging.WARNING):
        player.preload()
        for sound in Sound:
            player.play(sound)
        qtbot.wait(200)  # let QSoundEffect report its status
    assert player.played == list(Sound)
    # This machine has no audio output: the station is told once, and shows it.
    assert not player.available and said == [False]
    assert len([r for r in caplog.records if "No sound" in r.getMessage()]) == 1


def test_sounds_off_plays_nothing(qtbot):
    player = SoundPlayer(DeskSettings(sounds_enabled=False))
    player.play(Sound.REFUSED)
    assert player.played == [Sound.REFUSED] and player._effects == {}
    assert not player.available
