"""The acquisition worker: the one owner of a board, draining it into the intake, measuring
the rate, reconnecting.

Only this floor imports Qt (QtCore's thread and signals); it sits on every floor below.
"""
