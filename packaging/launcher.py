"""Entry point of the frozen app (PyInstaller needs a script; the console command is app.cli:main)."""

import os

# pyRiemann's package imports matplotlib.pyplot (pyriemann.stats), so matplotlib is frozen too, although
# the app draws nothing with it. The build bundles only its headless Agg backend (the spec's
# hooksconfig); pin it before anything imports matplotlib, so that matplotlib never goes looking for a
# GUI backend (it would try QtAgg next to the running QApplication, then Gtk, Tk, wx), whatever
# MPLBACKEND the machine sets. Its font cache needs nothing from us: PyInstaller's matplotlib runtime
# hook points MPLCONFIGDIR at a new private temporary folder for each run (never the read-only
# install folder), so each run rescans the installed fonts once, when pyplot is first imported
# (about 1 s for 160 fonts on the Linux CI machine).
os.environ["MPLBACKEND"] = "Agg"

from app.cli import main

raise SystemExit(main())
