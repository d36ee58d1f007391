"""Synthesise the pick station's feedback sounds into ``resources/sounds/``.

Stdlib only (wave, math, struct) and fully deterministic: no noise, no timestamps, so running
it again produces byte-identical files (a test checks that). 16-bit mono PCM at 44.1 kHz.

    python packaging/tools/make_sounds.py [output-folder]
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 44_100
SAMPLE_WIDTH = 2  # bytes: 16-bit
PEAK = 0.8  # of full scale: loud enough for a warehouse, with headroom against clipping
RAMP_S = 0.008  # attack/release ramp; long enough to avoid clicks, short enough to stay crisp


@dataclass(frozen=True)
class Tone:
    """One note: fundamental frequency, length, loudness and harmonic mix."""

    frequency: float
    seconds: float
    gain: float = 1.0
    harmonics: Sequence[tuple[int, float]] = ((1, 1.0),)  # (multiple, relative amplitude)
    decay: float = 0.0  # exponential decay rate per second (0 = flat, chimes ring out)


def _envelope(i: int, n: int, ramp: int) -> float:
    """Raised-cosine fade in and out, so a tone starts and stops at zero without a click."""
    if i < ramp:
        return 0.5 - 0.5 * math.cos(math.pi * i / ramp)
    if i >= n - ramp:
        return 0.5 - 0.5 * math.cos(math.pi * (n - 1 - i) / ramp)
    return 1.0


def render_tone(tone: Tone) -> list[float]:
    n = round(tone.seconds * SAMPLE_RATE)
    ramp = min(round(RAMP_S * SAMPLE_RATE), n // 2)
    total = sum(amplitude for _, amplitude in tone.harmonics)
    samples = []
    for i in range(n):
        t = i / SAMPLE_RATE
        value = sum(
            amplitude * math.sin(2 * math.pi * tone.frequency * multiple * t)
            for multiple, amplitude in tone.harmonics
        )
        value *= tone.gain * _envelope(i, n, ramp) * math.exp(-tone.decay * t) / total
        samples.append(value)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * SAMPLE_RATE)


def sequence(*parts: list[float]) -> list[float]:
    return [sample for part in parts for sample in part]


def ok_sound() -> list[float]:
    # Short bright beep (~100 ms): heard hundreds of times a day, so pleasant and brief.
    return render_tone(Tone(1760.0, 0.1, harmonics=((1, 1.0), (2, 0.15)), decay=6.0))


def error_sound() -> list[float]:
    # Low, buzzy double tone (~300 ms): odd harmonics give a square-ish timbre that is
    # unmistakably different from the ok beep even on a cheap speaker.
    buzz = ((1, 1.0), (3, 0.45), (5, 0.25), (7, 0.12))
    return sequence(
        render_tone(Tone(220.0, 0.13, harmonics=buzz)),
        silence(0.04),
        render_tone(Tone(185.0, 0.13, harmonics=buzz)),
    )


def alert_sound() -> list[float]:
    # Two-tone alarm (~800 ms) for "order cancelled while picking": must interrupt the picker.
    tones = ((988.0, 0.18), (659.0, 0.18)) * 2
    parts: list[list[float]] = []
    for index, (frequency, seconds) in enumerate(tones):
        if index:
            parts.append(silence(0.02))
        parts.append(render_tone(Tone(frequency, seconds, harmonics=((1, 1.0), (3, 0.3)))))
    return sequence(*parts, silence(0.06))


def done_sound() -> list[float]:
    # Rising major arpeggio (C6-E6-G6-C7) that rings out: "order complete".
    chime = ((1, 1.0), (2, 0.3), (3, 0.1))
    notes = (1046.5, 1318.5, 1568.0, 2093.0)
    parts = [render_tone(Tone(f, 0.11, harmonics=chime, decay=4.0)) for f in notes[:-1]]
    parts.append(render_tone(Tone(notes[-1], 0.32, harmonics=chime, decay=7.0)))
    return sequence(*parts)


def _beeps(frequency: float, count: int, seconds: float, gap: float,
           harmonics: Sequence[tuple[int, float]] = ((1, 1.0), (3, 0.3))) -> list[float]:
    parts: list[list[float]] = []
    for index in range(count):
        if index:
            parts.append(silence(gap))
        parts.append(render_tone(Tone(frequency, seconds, harmonics=harmonics)))
    return sequence(*parts)


# One sound per refusal class (ui/station/feedback.py), each a pattern the ear tells apart from
# the others without looking: length, pitch and rhythm all differ.
def opened_sound() -> list[float]:
    # Two quick rising notes: "work opened, go".
    chime = ((1, 1.0), (2, 0.2))
    return sequence(render_tone(Tone(1318.5, 0.07, harmonics=chime, decay=6.0)),
                    silence(0.02), render_tone(Tone(1760.0, 0.09, harmonics=chime, decay=6.0)))


def wrong_product_sound() -> list[float]:
    # One long low buzz: "this does not belong here".
    return render_tone(Tone(196.0, 0.45, harmonics=((1, 1.0), (3, 0.5), (5, 0.3), (7, 0.15))))


def too_many_sound() -> list[float]:
    # Three fast mid beeps: "you already have enough".
    return _beeps(880.0, 3, 0.06, 0.04)


def cancelled_sound() -> list[float]:
    # A falling pair: "cancelled, not wanted".
    return sequence(render_tone(Tone(784.0, 0.16, harmonics=((1, 1.0), (2, 0.2)))),
                    silence(0.03), render_tone(Tone(392.0, 0.28, harmonics=((1, 1.0), (2, 0.2)))))


def unknown_code_sound() -> list[float]:
    # Two dull equal knocks: "I do not know this code".
    return _beeps(330.0, 2, 0.12, 0.06, harmonics=((1, 1.0), (2, 0.4)))


def bad_check_digit_sound() -> list[float]:
    # Three falling steps: "misread, scan again".
    return sequence(*(render_tone(Tone(f, 0.07, harmonics=((1, 1.0), (3, 0.3))))
                      for f in (587.0, 440.0, 330.0)))


def not_in_list_sound() -> list[float]:
    # Low then high, questioning: "that order is not on this list".
    return sequence(render_tone(Tone(294.0, 0.15, harmonics=((1, 1.0), (3, 0.3)))),
                    silence(0.05), render_tone(Tone(440.0, 0.22, harmonics=((1, 1.0), (3, 0.3)))))


def db_busy_sound() -> list[float]:
    # A slow, even ticking: "wait a moment, then scan again".
    return _beeps(523.0, 3, 0.08, 0.12, harmonics=((1, 1.0),))


SOUNDS = {
    "ok.wav": ok_sound,
    "error.wav": error_sound,
    "alert.wav": alert_sound,
    "done.wav": done_sound,
    "opened.wav": opened_sound,
    "wrong-product.wav": wrong_product_sound,
    "too-many.wav": too_many_sound,
    "cancelled.wav": cancelled_sound,
    "unknown-code.wav": unknown_code_sound,
    "bad-check-digit.wav": bad_check_digit_sound,
    "not-in-list.wav": not_in_list_sound,
    "db-busy.wav": db_busy_sound,
}


def to_pcm16(samples: Sequence[float]) -> bytes:
    # Normalise each sound to the same peak so a quiet timbre is not lost in warehouse noise.
    loudest = max((abs(s) for s in samples), default=0.0) or 1.0  # silence stays silence
    scale = PEAK / loudest
    return b"".join(struct.pack("<h", round(s * scale * 32767)) for s in samples)


def write_wav(path: Path, samples: Sequence[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(to_pcm16(samples))


def default_output() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "sounds"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    output = Path(args[0]) if args else default_output()
    output.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        write_wav(output / name, make())
        print(f"wrote {output / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
