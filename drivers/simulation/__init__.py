"""Boards that are no hardware: the simulated board and the virtual visitor, a person whose EEG
follows the cues a demo announces.
"""
