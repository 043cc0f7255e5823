"""What can be checked of the Windows build here: the BrainFlow hook's filter, the icon, the self-test."""

from __future__ import annotations

import importlib.util
import json
import struct
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import app.selftest as selftest
import demos.registry as registry
from app.selftest import run_self_test

ROOT = Path(__file__).resolve().parents[2]


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_brainflow_hook_takes_only_the_target_platforms_libraries():
    pytest.importorskip("PyInstaller")
    hook = load(ROOT / "packaging" / "hooks" / "hook-brainflow.py")
    names = [path.name for path in hook.LIB_DIR.iterdir()]
    windows = sorted(name for name in names if hook.wanted(name, "win32", "AMD64"))
    assert "BoardController.dll" in windows and "DataHandler.dll" in windows and "MLModule.dll" in windows
    assert not [name for name in windows if "32.dll" in name or "x86" in name]
    assert not [name for name in windows if not name.endswith(".dll")]
    linux = [name for name in names if hook.wanted(name, "linux", "x86_64")]
    assert "libBoardController.so" in linux and "libunicorn_raspberry.so" not in linux
    assert all(name.endswith(".so") for name in linux)
    mac_intel = [name for name in names if hook.wanted(name, "darwin", "x86_64")]
    assert "libBoardController.dylib" in mac_intel and not [n for n in mac_intel if "arm64" in n]
    assert len(windows) < len(names) / 2  # far from all 55 libraries
    assert ("pkg_resources" in hook.hiddenimports) and hook.binaries


def test_app_icon_becomes_a_multi_size_ico(tmp_path, qapp):
    icon = load(ROOT / "packaging" / "app_icon.py")
    path = icon.write_ico(ROOT / "assets" / "icons" / "app.svg", tmp_path / "app.ico")
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icon.SIZES))
    first_offset = struct.unpack_from("<I", data, 6 + 12)[0]
    assert data[first_offset : first_offset + 8] == b"\x89PNG\r\n\x1a\n"


def test_self_test_passes_from_source_and_reports_each_check(tmp_path, qapp):
    report = tmp_path / "report.json"
    assert run_self_test(str(report), seconds=0.6) == 0
    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["ok"] and not result["frozen"]
    names = [check["name"] for check in result["checks"]]
    assert names[:4] == ["brainflow", "resources", "decoders", "demos"] and "demo:signal_explorer" in names
    assert all(check["ok"] for check in result["checks"])
    decoders = next(check["detail"] for check in result["checks"] if check["name"] == "decoders")
    assert all(f"{name} " in decoders for name in ("tangent-space+lr", "csp+lda", "mdm"))


def test_self_test_fails_and_names_a_broken_demo(tmp_path, qapp, monkeypatch):
    points = [EntryPoint("raises_in_start", "tests.demos.plugins:RaisesInStart", registry.ENTRY_POINT_GROUP)]
    monkeypatch.setattr(registry, "entry_points", lambda group: points)
    # One good demo beside the broken one is enough to see the others still run (the decoding demos
    # wait ~3 s each for their signal check, and the decoders are checked in the test above).
    explorer = tuple(demo for demo in registry.BUILTIN_DEMOS if demo.id == "signal_explorer")
    monkeypatch.setattr(registry, "BUILTIN_DEMOS", explorer)
    monkeypatch.setattr(selftest, "check_decoders", lambda: "not checked here")
    report = tmp_path / "report.json"
    assert run_self_test(str(report), seconds=0.3) == 1
    checks = {check["name"]: check for check in json.loads(report.read_text(encoding="utf-8"))["checks"]}
    assert not checks["demo:raises_in_start"]["ok"]
    assert checks["demo:signal_explorer"]["ok"]
