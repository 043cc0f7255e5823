"""The frozen app's data files: every file the spec collects from the source tree exists, and the
files the demos read beside their modules (the keyboard's pinyin table) are collected."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "bci_showroom.spec"


def collected() -> dict[str, str]:
    """Source pattern (relative to the checkout) -> destination folder, for each ROOT-based data entry."""
    entries = re.findall(r'\(str\(ROOT((?: / "[^"]+")+)\), "([^"]+)"\)', SPEC.read_text(encoding="utf-8"))
    return {"/".join(re.findall(r'"([^"]+)"', parts)): destination for parts, destination in entries}


def test_every_collected_data_pattern_matches_files():
    entries = collected()
    assert entries
    for pattern in entries:
        assert list(ROOT.glob(pattern)), pattern


def test_the_keyboards_pinyin_table_lands_beside_its_module():
    assert collected()["demos/kit/pinyin_table.json"] == "demos/kit"
