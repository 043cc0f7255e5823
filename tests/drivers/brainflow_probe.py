"""Open real BrainFlow boards that are meant to fail, in a process of their own, and report.

BrainFlow calls can block for seconds (see TRAPS), so tests run this with a timeout rather than in
their own process. Argument: JSON ``{case: {"board": id, "params": {...}, "remove": path?}}``.
Prints JSON ``{case: [[call, outcome], ...]}``: outcome is ``{"exit_code": n}``, ``{"samples": n}``
or ``"ok"``; the calls stop at the first that fails. ``remove`` deletes a file between
``prepare_session`` and ``start_stream``.
"""

from __future__ import annotations

import json
import os
import sys
import time

from brainflow.board_shim import BoardShim, BrainFlowError, BrainFlowInputParams

WAIT_FOR_DATA_S = 0.5


def run_case(spec: dict) -> list[list]:
    params = BrainFlowInputParams()
    for name, value in spec["params"].items():
        setattr(params, name, value)
    board = BoardShim(spec["board"], params)
    calls: list[list] = []
    try:
        board.prepare_session()
        calls.append(["prepare_session", "ok"])
        if "remove" in spec:
            os.remove(spec["remove"])
        board.start_stream(45_000, "")
        calls.append(["start_stream", "ok"])
        time.sleep(WAIT_FOR_DATA_S)
        calls.append(["get_board_data", {"samples": int(board.get_board_data().shape[1])}])
    except BrainFlowError as error:
        calls.append(
            [
                ["prepare_session", "start_stream", "get_board_data"][len(calls)],
                {"exit_code": error.exit_code},
            ]
        )
    finally:
        if board.is_prepared():
            board.release_session()
        del board  # now, not at interpreter exit where BrainFlow's __del__ fails noisily
    return calls


def main() -> None:
    BoardShim.disable_board_logger()
    cases = json.loads(sys.argv[1])
    print(json.dumps({name: run_case(spec) for name, spec in cases.items()}))


if __name__ == "__main__":
    main()
