"""Signal analysis on arrays of samples: filters, spectra, band powers, per-channel quality codes.
Plain numpy/scipy: decoders and offline tools use it without a stream.
"""
