"""Signal explorer: every channel live, its spectrum and band powers, with a per-channel check.

The package imports nothing itself, so ``demos.signal_explorer.processing`` stays Qt-free; the
demo class is ``demos.signal_explorer.demo.SignalExplorerDemo``.
"""
