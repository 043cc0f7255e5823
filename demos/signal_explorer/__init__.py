"""Signal explorer: the live EEG of every channel, its spectrum and band powers, with a per-channel check."""

from demos.signal_explorer.demo import SignalExplorerDemo

__all__ = ["SignalExplorerDemo"]
