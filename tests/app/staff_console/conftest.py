"""The staff console's tests share the demos' language fixture (each test using it runs in English and Chinese)."""

from tests.demos.screens import language  # noqa: F401 - a fixture: pytest registers it by import
