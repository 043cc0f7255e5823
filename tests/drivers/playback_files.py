"""Files for BrainFlow's playback board: one it replays, and the ways a file can be no use."""

from __future__ import annotations

from pathlib import Path

import numpy as np

SYNTHETIC_BOARD = -1
CYTON_BOARD = 0


def write_recording(path: Path, board_id: int = SYNTHETIC_BOARD, seconds: float = 2.0) -> Path:
    """A recording as BrainFlow's file streamer writes it: one tab-separated sample per line."""
    from brainflow.board_shim import BoardShim

    descr = BoardShim.get_board_descr(board_id)
    rate, n = descr["sampling_rate"], int(seconds * descr["sampling_rate"])
    data = np.random.default_rng(0).normal(0.0, 10.0, size=(n, descr["num_rows"]))
    data[:, descr["package_num_channel"]] = np.arange(n) % 256
    data[:, descr["timestamp_channel"]] = 1.7e9 + np.arange(n) / rate
    data[:, descr["marker_channel"]] = 0.0
    np.savetxt(path, data, delimiter="\t", fmt="%.6f")
    return path


def bad_recordings(folder: Path) -> dict[str, Path]:
    """Files the playback board cannot replay (for a synthetic-board recording), by what is wrong."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.csv").write_bytes(b"")
    (folder / "garbage.csv").write_bytes(np.random.default_rng(1).bytes(4096))
    (folder / "text.csv").write_text("hello\nthis is not a recording\n", encoding="utf-8")
    (folder / "a_folder.csv").mkdir(exist_ok=True)
    return {
        "missing": folder / "missing.csv",
        "empty": folder / "empty.csv",
        "folder": folder / "a_folder.csv",
        "garbage bytes": folder / "garbage.csv",
        "text": folder / "text.csv",
        "another board's recording": write_recording(folder / "cyton.csv", CYTON_BOARD),
    }
