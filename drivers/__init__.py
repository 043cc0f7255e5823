"""Acquisition: board profiles, the board interface, the acquisition worker and its ring buffer.

Only :mod:`drivers.acquisition` imports Qt; everything else here is plain Python/numpy so that
decoders and offline tools can use it without a GUI.
"""

import warnings

# BrainFlow imports pkg_resources on Python 3.11 to find its native libraries; the deprecation
# warning that setuptools prints for it means nothing to staff reading the console.
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
