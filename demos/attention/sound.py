"""Short game sounds, made with numpy and played without QtMultimedia (no Qt).

Why no QtMultimedia: it is not in PySide6-Essentials, and the Windows installer has about 1.5 MB of
room left, so no new dependency fits. The cues are a few sine notes written as 16-bit WAV in memory
(:func:`tone`); Windows plays them with the standard library's :mod:`winsound`. Elsewhere there is
no player: Linux showrooms are not a target, so :attr:`SoundPlayer.available` is False there and the
UI says "no sound output on this computer".
"""

from __future__ import annotations

import functools
import io
import logging
import sys
import threading
import wave
from collections.abc import Callable, Iterator, Mapping, Sequence

import numpy as np

log = logging.getLogger(__name__)

#: Each note fades in and out over this long: a note that starts or stops mid-wave clicks.
FADE_S = 0.010

#: Plays one WAV file's bytes and returns when it has finished.
Backend = Callable[[bytes], None]

#: The cues: the notes played in turn, and how long each lasts (s).
_CUES: dict[str, tuple[tuple[float, ...], float]] = {
    "start": ((523.25, 783.99), 0.12),  # C5 then G5: rising, "go"
    "tick": ((1318.51,), 0.05),  # E6, a short high blip for a milestone
    "end": ((523.25, 659.25, 783.99), 0.12),  # C5 E5 G5: a small fanfare
    "win": ((523.25, 659.25, 783.99, 1046.50), 0.14),  # up to C6: the duel's winner
}


def tone(frequencies_hz: Sequence[float], seconds: float, rate: int = 22050, volume: float = 0.3) -> bytes:
    """A 16-bit mono PCM WAV file: each frequency played in turn for ``seconds``, peaking at ``volume``.

    Every note fades in and out over :data:`FADE_S` (or half the note, if shorter), so the file starts
    and ends on silence and notes join without a click.
    """
    if not frequencies_hz or seconds <= 0 or rate <= 0 or not 0 <= volume <= 1:
        raise ValueError(f"no tone of {frequencies_hz!r} Hz for {seconds} s at {rate} Hz, volume {volume}")
    if not all(0 < frequency < rate / 2 for frequency in frequencies_hz):
        raise ValueError(f"frequencies must lie between 0 and {rate / 2} Hz, not {frequencies_hz!r}")
    n = round(seconds * rate)
    fade = min(round(FADE_S * rate), n // 2)
    envelope = np.ones(n)
    envelope[:fade] = np.linspace(0.0, 1.0, fade)
    envelope[n - fade :] = np.linspace(1.0, 0.0, fade)
    t = np.arange(n) / rate
    notes = np.concatenate([np.sin(2 * np.pi * frequency * t) * envelope for frequency in frequencies_hz])
    samples = np.round(notes * volume * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


class _Cues(Mapping[str, bytes]):
    """The named cues as WAV bytes, made on first use (not while the app starts) and kept."""

    @functools.cached_property
    def _wavs(self) -> dict[str, bytes]:
        return {name: tone(notes, seconds) for name, (notes, seconds) in _CUES.items()}

    def __getitem__(self, name: str) -> bytes:
        return self._wavs[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_CUES)

    def __len__(self) -> int:
        return len(_CUES)


#: "start", "tick", "end" and "win", as WAV bytes.
SOUNDS: Mapping[str, bytes] = _Cues()


def _system_backend() -> Backend | None:
    """Windows' player when the computer has a sound output, else None (Linux is not a target)."""
    if sys.platform != "win32":
        return None
    import ctypes
    import winsound

    # winmm counts the wave-out devices; if it can't be asked, sounds are tried and failures logged.
    try:
        outputs = ctypes.windll.winmm.waveOutGetNumDevs()
    except (OSError, AttributeError) as error:
        log.info("could not count the sound outputs (%s): sounds will be tried anyway", error)
    else:
        if outputs == 0:
            return None

    def play(data: bytes) -> None:
        # SND_MEMORY can't be combined with SND_ASYNC (winsound refuses), so this blocks until the
        # sound ends: SoundPlayer calls it on its own thread. SND_NODEFAULT: no system beep instead.
        winsound.PlaySound(data, winsound.SND_MEMORY | winsound.SND_NODEFAULT)

    return play


class SoundPlayer:
    """Plays the :data:`SOUNDS` cues without ever stopping the game.

    ``backend`` plays one WAV and returns when done (tests inject one); by default Windows' player,
    and None elsewhere, which makes ``available`` False. A cue plays on a daemon thread; while one
    plays, further cues are dropped (a late fanfare is worse than none). A failing backend
    (OSError, RuntimeError) is logged once and the game goes on. ``enabled`` is the staff's switch.
    """

    def __init__(self, backend: Backend | None = None, *, enabled: bool = True) -> None:
        self._backend = backend if backend is not None else _system_backend()
        self.available = self._backend is not None
        self.enabled = enabled
        self._state = threading.Condition()
        self._playing = False
        self._failure_logged = False

    def play(self, name: str) -> None:
        """Start cue ``name`` and return at once; nothing happens when disabled, unavailable or busy.

        An unknown ``name`` is a bug and raises KeyError, on every computer (sound or not).
        """
        data = SOUNDS[name]
        if not (self.enabled and self.available):
            return
        with self._state:
            if self._playing:
                return
            self._playing = True
        try:
            threading.Thread(target=self._play, args=(data,), name=f"sound {name}", daemon=True).start()
        except RuntimeError as error:  # the system could not start a thread
            self._failed(error)
            self._done()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no cue is playing (True) or ``timeout`` s have passed (False).

        For quitting without cutting a fanfare short, and for tests instead of sleeping.
        """
        with self._state:
            return self._state.wait_for(lambda: not self._playing, timeout)

    def _play(self, data: bytes) -> None:
        try:
            self._backend(data)
        except (OSError, RuntimeError) as error:
            self._failed(error)
        finally:
            self._done()

    def _done(self) -> None:
        with self._state:
            self._playing = False
            self._state.notify_all()

    def _failed(self, error: Exception) -> None:
        if not self._failure_logged:
            self._failure_logged = True
            log.warning("a game sound could not be played (%s); later failures are not logged", error)
