"""Fixtures every demo's tests may use (pytest finds them here)."""

from tests.demos.screens import language  # noqa: F401 - a fixture: pytest registers it by import
