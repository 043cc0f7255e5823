"""PyInstaller hook for array_api_compat.numpy, which pyRiemann imports (pyriemann.geometry).

The package imports its ``linalg`` and ``fft`` submodules by a computed name
(``__import__(__spec__.parent + ".fft")``, so that it can be vendored), which PyInstaller's analysis
cannot see: without this hook the frozen app fails on ``import pyriemann`` with "No module named
'array_api_compat.numpy.fft'". pyinstaller-hooks-contrib has the same hook for scikit-learn's
vendored copy (sklearn.externals.array_api_compat.numpy) but not for the standalone package.
"""

hiddenimports = ["array_api_compat.numpy.fft", "array_api_compat.numpy.linalg"]
