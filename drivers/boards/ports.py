"""Where a headset can be found: the computer's serial ports, and which Bluetooth boards find
themselves (no Qt).

Serial ports come from pyserial's ``serial.tools.list_ports`` (the dongles of the Cyton and the
Ganglion are USB serial ports: ``COM3`` on Windows, ``/dev/ttyUSB0`` on Linux).

Bluetooth: BrainFlow offers no device scan (its ``BoardShim`` has no such call, checked with
5.23; its "Supported Boards" page documents none). Instead, several Bluetooth boards search for
the headset themselves in ``prepare_session`` when the MAC address or serial number is left
empty, and take the first one they find (BrainFlow's "Supported Boards" page: the Ganglion's MAC
address "if its empty BrainFlow will try to autodiscover Ganglion"; Muse 2 / S "optional: MAC
address, optional: serial number (device name)"; Unicorn and BrainBit "optional: serial number";
the Ganglion on native Bluetooth likewise, see ``drivers/boards/profiles/ganglion_native.toml``).
:func:`self_discovering_params` says which parameters those are for a profile, so the staff
console can say so; the Enophone is not among them (its MAC address is required).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from drivers.boards.profiles import BoardProfile

log = logging.getLogger(__name__)

#: BrainFlow board name -> the input parameters it may leave empty and then finds the headset by itself.
SELF_DISCOVERING: dict[str, tuple[str, ...]] = {
    "GANGLION_BOARD": ("mac_address",),
    "GANGLION_NATIVE_BOARD": ("mac_address", "serial_number"),
    "MUSE_2_BOARD": ("mac_address", "serial_number"),
    "MUSE_S_BOARD": ("mac_address", "serial_number"),
    "MUSE_2016_BOARD": ("mac_address", "serial_number"),
    "MUSE_2_BLED_BOARD": ("serial_number",),
    "MUSE_S_BLED_BOARD": ("serial_number",),
    "MUSE_2016_BLED_BOARD": ("serial_number",),
    "BRAINBIT_BOARD": ("serial_number",),
    "UNICORN_BOARD": ("serial_number",),
}


@dataclass(frozen=True)
class SerialPort:
    """One serial port: ``device`` is what BrainFlow's ``serial_port`` takes; ``description`` is
    what the system calls it ("USB Serial Port", "FT231X USB UART"), empty when it says nothing."""

    device: str
    description: str = ""
    usb: bool = False


def serial_ports() -> list[SerialPort]:
    """The serial ports present now, USB ones first (a headset's dongle is one), then by name.

    Never raises: a system that cannot list its ports (no permission to read ``/sys``, pyserial
    missing from a broken install) gives an empty list, and the log says why; staff can still type
    the port by hand.
    """
    try:
        from serial.tools import list_ports

        found = list_ports.comports()
    except Exception:
        log.exception("cannot list the serial ports")
        return []
    ports = []
    for info in found:
        device = str(getattr(info, "device", "") or "")
        if not device:
            continue
        description = str(getattr(info, "description", "") or "")
        if description in ("n/a", device):  # pyserial's "nothing known"
            description = ""
        ports.append(SerialPort(device, description, usb=getattr(info, "vid", None) is not None))
    return sorted(ports, key=lambda port: (not port.usb, port.device))


def self_discovering_params(profile: BoardProfile) -> tuple[str, ...]:
    """The parameters ``profile``'s board finds by itself when they are left empty (see the module's
    docstring); required parameters are never among them."""
    if profile.board_id is None:
        return ()
    from brainflow.board_shim import BoardIds

    try:
        name = BoardIds(profile.board_id).name
    except ValueError:
        return ()
    return tuple(param for param in SELF_DISCOVERING.get(name, ()) if param not in profile.required_params)
