"""Acquisition: board profiles, the board interface, the acquisition worker and its ring buffer.

Only :mod:`drivers.acquisition` imports Qt; everything else here is plain Python/numpy so that
decoders and offline tools can use it without a GUI.
"""
