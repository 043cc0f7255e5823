"""Channel roles: what a demo may ask of a montage, independent of electrode names."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """Where an electrode sits, in the terms demos ask for.

    Demos ask for roles rather than electrode names so that the same demo runs on a Cyton
    (O1/O2), a Unicorn (PO7/Oz/PO8) or a Muse (no occipital site at all: refused with a reason).
    """

    OCCIPITAL = "occipital"
    PARIETAL = "parietal"
    SENSORIMOTOR_LEFT = "sensorimotor-left"
    SENSORIMOTOR_RIGHT = "sensorimotor-right"
    CENTRAL = "central"
    FRONTAL = "frontal"
    TEMPORAL = "temporal"
    REFERENCE = "reference"


ROLE_VALUES: frozenset[str] = frozenset(role.value for role in Role)
