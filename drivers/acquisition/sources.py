"""Where boards come from: one factory per kind of source a profile can name.

A profile's ``source`` picks the factory: ``"simulated"`` gets the virtual visitor's headset,
``"brainflow"`` a ``BoardShim`` for the profile's board id (a real amplifier, BrainFlow's synthetic
board or its playback-file board). This module sits above :mod:`drivers.boards.board` (the interface
and data layout) and above the simulated sources, which need only that layout, so the drivers
import no circle: ``sources → virtual_visitor → simulated → board``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from drivers.boards.board import Board
from drivers.boards.profiles import BoardProfile, SourceKind, preflight
from drivers.simulation.virtual_visitor import VirtualVisitor, VirtualVisitorBoard

#: Creates (not yet prepares) the board of one kind of source.
SourceFactory = Callable[[BoardProfile, VirtualVisitor | None], Board]


def _virtual_visitor_headset(profile: BoardProfile, visitor: VirtualVisitor | None) -> Board:
    """A simulated headset whose EEG the virtual visitor (``visitor``, or a new one) steers."""
    assert profile.sampling_rate is not None
    return VirtualVisitorBoard(
        profile.channels, profile.sampling_rate, visitor or VirtualVisitor(), mains_hz=profile.mains_hz
    )


def _brainflow_board(profile: BoardProfile, visitor: VirtualVisitor | None) -> Board:
    """BrainFlow's ``BoardShim`` for the profile's board id and input parameters."""
    from brainflow.board_shim import BoardShim, BrainFlowInputParams

    params = BrainFlowInputParams()
    for name, value in profile.params.items():
        setattr(params, name, value)
    BoardShim.disable_board_logger()
    return BoardShim(profile.board_id, params)


#: The factory for each kind of source a profile may name (``BoardProfile.source``).
SOURCES: Mapping[SourceKind, SourceFactory] = MappingProxyType(
    {"simulated": _virtual_visitor_headset, "brainflow": _brainflow_board}
)


def open_board(profile: BoardProfile, visitor: VirtualVisitor | None = None) -> Board:
    """Create (not yet prepare) the board a profile names. Only the acquisition worker calls this.

    A simulated profile gets the virtual visitor's headset, steered by ``visitor``. A profile that
    cannot work (a parameter missing, a playback file that is no recording of its board) raises
    :class:`~drivers.boards.profiles.ProfileError` here, at once, rather than after seconds of a board
    that sends nothing.
    """
    preflight(profile)
    return SOURCES[profile.source](profile, visitor)
