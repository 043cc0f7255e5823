"""Headsets as data: board profiles (TOML) with their channels' roles, the board interface, serial
ports, and board errors in plain words.
"""
