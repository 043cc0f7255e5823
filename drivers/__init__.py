"""Everything below the demos: headsets, the acquisition worker, the shared stream, signal analysis, files.

Floors, each importing only the ones below it (checked by ``packaging/layers.py``):

- :mod:`drivers.acquisition`: the worker that owns a board (the one module here that imports Qt,
  QtCore only: its thread and signals) and opening the source a profile names;
- :mod:`drivers.simulation` (the simulated board, the virtual visitor) and
  :mod:`drivers.signal_check` (judging each electrode on the stream);
- :mod:`drivers.stream`: the ring buffer, the intake that writes it, readers and tapes, markers;
- :mod:`drivers.boards`: board profiles, the board interface, serial ports, board errors in words;
- the ground: :mod:`drivers.analysis` (filters, spectra, quality codes), :mod:`drivers.files`
  (EDF/BDF, SQLite stores), :mod:`drivers.cues` and :mod:`drivers.roles` (the vocabularies).

Decoders and offline tools use all of it without a GUI.
"""

import warnings

# BrainFlow imports pkg_resources on Python 3.11 to find its native libraries; the deprecation
# warning that setuptools prints for it means nothing to staff reading the console.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
