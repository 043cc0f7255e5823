"""Demos: one package per demo. Each has a Qt-free ``processing`` module and a widget.

The contract every demo follows is in :mod:`demos.base`; the list the shell shows is built by
:mod:`demos.registry`.
"""
