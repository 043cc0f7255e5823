"""Headsets as data: board profiles (TOML), their montage roles, the board interface, serial ports,
and board errors in plain words.
"""
