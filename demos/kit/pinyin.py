"""Chinese characters by toneless pinyin, for the on-screen keyboard (no Qt).

Visitors' Chinese names need characters, and a kiosk has no input method of its own to rely on,
so the keyboard carries a small table: the 3,755 common characters of GB2312 level 1, each under
every toneless reading it has (ü typed as ``v``: ``lv`` 绿), most frequent first.
``packaging/build_pinyin_table.py`` made it once (from ``pypinyin`` and a corpus frequency list,
which the app does not need); ``pinyin_table.json`` beside this module is the result (~30 kB).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLE_FILE = "pinyin_table.json"


@dataclass(frozen=True, slots=True)
class PinyinTable:
    """``syllables`` maps a toneless syllable to its characters, most likely first; ``rank`` is each
    character's place in the frequency order (0 = most frequent)."""

    syllables: dict[str, str]
    rank: dict[str, int]

    @classmethod
    def from_json(cls, text: str) -> PinyinTable:
        data = json.loads(text)
        return cls(dict(data["syllables"]), {char: index for index, char in enumerate(data["order"])})

    def candidates(self, letters: str) -> tuple[int, str]:
        """What a visitor who typed ``letters`` (lower-case pinyin) can pick: ``(used, characters)``.

        Picking a character uses the first ``used`` letters; the rest stay typed (``xiongmao``: 熊…
        for ``xiong``, then 猫… for ``mao``). Letters that are a syllable offer its characters;
        letters that only begin syllables (``xio``) offer every syllable they begin, most frequent
        first; otherwise the longest syllable they start with is used. ``(0, "")`` when nothing
        matches (``v`` alone, ``zzz``).
        """
        if not letters:
            return 0, ""
        if letters in self.syllables:
            return len(letters), self.syllables[letters]
        started = [chars for syllable, chars in self.syllables.items() if syllable.startswith(letters)]
        if started:
            # Each syllable's first character, then each one's second, …, the more frequent first
            # within a round: a character that is only a rare reading of one syllable comes late.
            place: dict[str, tuple[int, int]] = {}
            for chars in started:
                for position, char in enumerate(chars):
                    key = (position, self.rank.get(char, len(self.rank)))
                    place[char] = min(place.get(char, key), key)
            return len(letters), "".join(sorted(place, key=place.__getitem__))
        for end in range(len(letters) - 1, 0, -1):
            if letters[:end] in self.syllables:
                return end, self.syllables[letters[:end]]
        return 0, ""


@cache
def pinyin_table() -> PinyinTable:
    """The shipped table, read once."""
    return PinyinTable.from_json((resources.files("demos.kit") / TABLE_FILE).read_text("utf-8"))
