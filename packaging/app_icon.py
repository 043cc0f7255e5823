"""Render the app's SVG icon into a multi-size Windows ``.ico`` (PNG entries), with Qt.

Called by the PyInstaller spec, so the repository keeps one icon source (``assets/icons/app.svg``).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine or CI has no screen

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QIcon

SIZES = (16, 24, 32, 48, 64, 128, 256)


def write_ico(svg: Path, target: Path, sizes: tuple[int, ...] = SIZES) -> Path:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    icon = QIcon(str(svg))
    images = []
    for size in sizes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not icon.pixmap(size, size).toImage().save(buffer, "PNG"):
            raise RuntimeError(f"could not render {svg} at {size} px")
        images.append((size, bytes(data)))
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, payload = b"", b""
    for size, png in images:
        side = size if size < 256 else 0  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + directory + payload)
    return target
