"""The Qt shell of BCI Showroom: main window, demo menu and host, live plots, languages, CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bci-showroom")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0+source"
