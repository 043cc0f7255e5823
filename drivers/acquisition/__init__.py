"""The acquisition worker: the one owner of a board, draining it, counting losses, reconnecting.

Only this floor imports Qt (QtCore's thread and signals); it sits on every floor below.
"""
