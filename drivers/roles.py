"""Channel roles: what a demo may ask of a montage, independent of electrode names."""

from __future__ import annotations

import re
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


# 10-10 names by their letters: the longest prefix wins (``FC`` before ``F``, ``PO`` before ``P``).
_PREFIX_ROLES = (
    ("FP", Role.FRONTAL),
    ("AF", Role.FRONTAL),
    ("FT", Role.TEMPORAL),
    ("FC", Role.CENTRAL),
    ("F", Role.FRONTAL),
    ("TP", Role.TEMPORAL),
    ("T", Role.TEMPORAL),
    ("CP", Role.CENTRAL),
    ("C", Role.CENTRAL),
    ("PO", Role.OCCIPITAL),
    ("P", Role.PARIETAL),
    ("O", Role.OCCIPITAL),
    ("I", Role.OCCIPITAL),
    ("A", Role.REFERENCE),  # ear lobes
    ("M", Role.REFERENCE),  # mastoids
)
_ELECTRODE = re.compile(r"^([A-Z]{1,2})(\d{1,2}|Z)$")


def electrode_role(name: str) -> Role | None:
    """The role of a 10-10 electrode name (``O1`` occipital, ``Af7.`` frontal, ``TP9`` temporal), or
    None for a name that is not one. Central sites are CENTRAL here: whether C3 serves motor imagery
    as its left hemisphere is the motor-imagery demo's own question. PhysioNet pads names with dots;
    case is ignored."""
    match = _ELECTRODE.match(name.strip().strip(".").upper())
    if not match:
        return None
    letters = match.group(1)
    for prefix, role in _PREFIX_ROLES:
        if letters == prefix:
            return role
    return None
