"""The game's sounds: well-formed WAV without clicks, and a player that never gets in the game's way."""

from __future__ import annotations

import io
import logging
import sys
import threading
import wave

import numpy as np
import pytest

from demos.attention.sound import FADE_S, SOUNDS, SoundPlayer, tone

WAIT_S = 10.0  # a deadlock guard only: every wait below ends as soon as the thread does its part


def samples(data: bytes) -> tuple[tuple, np.ndarray]:
    """The WAV's parameters and its samples scaled to -1..1."""
    with wave.open(io.BytesIO(data), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    return params, np.frombuffer(frames, dtype="<i2") / 32767


def main_frequency(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[np.argmax(spectrum)])


@pytest.mark.parametrize(("rate", "volume"), [(22050, 0.3), (44100, 1.0), (8000, 0.05)])
def test_tone_is_a_16_bit_mono_wav_of_the_notes_in_turn(rate, volume):
    params, x = samples(tone([440.0, 880.0, 660.0], 0.2, rate=rate, volume=volume))
    per_note = round(0.2 * rate)
    assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, rate)
    assert params.nframes == len(x) == 3 * per_note
    notes = [x[i * per_note : (i + 1) * per_note] for i in range(3)]
    assert [main_frequency(note, rate) for note in notes] == pytest.approx(
        [440, 880, 660], abs=rate / per_note
    )
    assert np.max(np.abs(x)) <= volume + 1 / 32767
    assert np.max(np.abs(x)) >= 0.95 * volume


def test_every_note_fades_in_and_out():
    rate, volume = 22050, 0.5
    _, x = samples(tone([1000.0, 1500.0], 0.1, rate=rate, volume=volume))
    fade, per_note = round(FADE_S * rate), round(0.1 * rate)
    for note in (x[:per_note], x[per_note:]):
        assert note[0] == 0 and note[-1] == 0
        # the first and last millisecond stay well below the full volume; the middle reaches it
        assert np.max(np.abs(note[: fade // 10])) < 0.15 * volume
        assert np.max(np.abs(note[-(fade // 10) :])) < 0.15 * volume
        assert np.max(np.abs(note[fade:-fade])) > 0.95 * volume
    # no jump between samples bigger than a full-volume 1.5 kHz sine makes
    assert np.max(np.abs(np.diff(x))) <= 2 * np.pi * 1500 / rate * volume + 2 / 32767


def test_a_note_shorter_than_two_fades_fades_over_its_halves():
    _, x = samples(tone([2000.0], 0.01, volume=0.3))
    assert len(x) == round(0.01 * 22050)
    assert x[0] == 0 and x[-1] == 0 and 0 < np.max(np.abs(x)) <= 0.3 + 1 / 32767


@pytest.mark.parametrize(
    "arguments",
    [
        ([], 0.1, 22050, 0.3),
        ([440.0], 0.0, 22050, 0.3),
        ([440.0], 0.1, 0, 0.3),
        ([440.0], 0.1, 22050, 1.5),
        ([440.0], 0.1, 22050, -0.1),
        ([0.0], 0.1, 22050, 0.3),
        ([12000.0], 0.1, 22050, 0.3),  # above Nyquist: it would sound as another note
    ],
)
def test_tone_refuses_nonsense(arguments):
    with pytest.raises(ValueError):
        tone(*arguments)


def test_the_cues():
    assert set(SOUNDS) == {"start", "tick", "end", "win"} and len(SOUNDS) == 4
    notes = {}
    for name in SOUNDS:
        params, x = samples(SOUNDS[name])
        assert (params.nchannels, params.sampwidth) == (1, 2) and x[0] == 0 and x[-1] == 0
        assert 0.1 < np.max(np.abs(x)) <= 0.3 + 1 / 32767
        assert params.nframes / params.framerate <= 1.0  # short: a cue, not a tune
        notes[name] = params.nframes
    assert notes["tick"] < notes["start"] < notes["end"] < notes["win"]
    _, start = samples(SOUNDS["start"])
    first, second = np.array_split(start, 2)
    assert main_frequency(first, 22050) < main_frequency(second, 22050)  # rising
    assert SOUNDS["end"] is SOUNDS["end"]  # made once


class Recorder:
    """A backend that records what it was asked to play, and can hold a sound "playing"."""

    def __init__(self, hold: bool = False, error: Exception | None = None) -> None:
        self.played: list[bytes] = []
        self.started = threading.Event()
        self.release = threading.Event()
        self.hold = hold
        self.error = error

    def __call__(self, data: bytes) -> None:
        self.played.append(data)
        self.started.set()
        if self.hold:
            assert self.release.wait(WAIT_S)
        if self.error is not None:
            raise self.error


def test_the_player_plays_through_its_backend_when_enabled():
    backend = Recorder()
    player = SoundPlayer(backend=backend)
    assert player.available and player.enabled
    player.play("start")
    assert player.wait(WAIT_S)
    player.enabled = False
    player.play("win")
    assert player.wait(WAIT_S)
    player.enabled = True
    player.play("tick")
    assert player.wait(WAIT_S)
    assert backend.played == [SOUNDS["start"], SOUNDS["tick"]]


def test_a_player_made_disabled_plays_nothing():
    backend = Recorder()
    player = SoundPlayer(backend=backend, enabled=False)
    player.play("end")
    assert player.wait(WAIT_S)
    assert backend.played == []


def test_a_sound_asked_while_one_plays_is_dropped():
    backend = Recorder(hold=True)
    player = SoundPlayer(backend=backend)
    player.play("start")
    assert backend.started.wait(WAIT_S)
    player.play("tick")  # dropped: "start" is still playing
    player.play("end")  # dropped too
    assert not player.wait(0)  # still playing
    backend.release.set()
    assert player.wait(WAIT_S)
    player.play("win")  # the player is free again
    assert player.wait(WAIT_S)
    assert backend.played == [SOUNDS["start"], SOUNDS["win"]]


@pytest.mark.parametrize("error", [OSError("no audio device"), RuntimeError("Failed to play sound")])
def test_a_failing_backend_is_logged_once_and_never_raises(caplog, error):
    backend = Recorder(error=error)
    player = SoundPlayer(backend=backend)
    with caplog.at_level(logging.WARNING, logger="demos.attention.sound"):
        for name in ("start", "tick", "end"):
            player.play(name)
            assert player.wait(WAIT_S)
    assert len(backend.played) == 3  # it keeps trying: the device may come back
    warnings = [record for record in caplog.records if record.name == "demos.attention.sound"]
    assert len(warnings) == 1 and str(error) in warnings[0].getMessage()


def test_a_thread_that_cannot_start_is_logged_and_frees_the_player(monkeypatch, caplog):
    class NoThread:
        def __init__(self, **_) -> None:
            pass

        def start(self) -> None:
            raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading, "Thread", NoThread)
    player = SoundPlayer(backend=Recorder())
    with caplog.at_level(logging.WARNING, logger="demos.attention.sound"):
        player.play("start")
    assert player.wait(0)  # not left "playing" forever
    assert any("can't start new thread" in record.getMessage() for record in caplog.records)


def test_an_unknown_cue_is_a_bug_even_without_sound():
    for player in (SoundPlayer(backend=Recorder()), SoundPlayer(backend=Recorder(), enabled=False)):
        with pytest.raises(KeyError):
            player.play("fanfare")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has a player")
def test_no_player_outside_windows():
    player = SoundPlayer()
    assert not player.available
    player.play("win")  # does nothing, quietly
    assert player.wait(0)
