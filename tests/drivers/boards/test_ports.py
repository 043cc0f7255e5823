"""Serial ports as staff see them, and which Bluetooth boards find the headset by themselves."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from serial.tools import list_ports

from drivers.boards.ports import SELF_DISCOVERING, SerialPort, self_discovering_params, serial_ports
from drivers.boards.profiles import builtin_profiles


def fake_port(device, description="n/a", vid=None):
    return SimpleNamespace(device=device, description=description, vid=vid)


def test_usb_ports_come_first_and_empty_descriptions_are_dropped(monkeypatch):
    monkeypatch.setattr(
        list_ports,
        "comports",
        lambda: [
            fake_port("/dev/ttyS0"),
            fake_port("COM7", "COM7"),
            fake_port("/dev/ttyUSB1", "FT231X USB UART", vid=0x0403),
            fake_port("/dev/ttyUSB0", "CP2102 USB to UART", vid=0x10C4),
            fake_port(""),  # nothing to open: skipped
        ],
    )
    assert serial_ports() == [
        SerialPort("/dev/ttyUSB0", "CP2102 USB to UART", usb=True),
        SerialPort("/dev/ttyUSB1", "FT231X USB UART", usb=True),
        SerialPort("/dev/ttyS0", ""),
        SerialPort("COM7", ""),
    ]


def test_a_system_that_cannot_list_its_ports_gives_none_and_logs_why(monkeypatch, caplog):
    def broken():
        raise PermissionError("/sys/class/tty: permission denied")

    monkeypatch.setattr(list_ports, "comports", broken)
    with caplog.at_level(logging.ERROR):
        assert serial_ports() == []
    assert "serial ports" in caplog.text and "permission denied" in caplog.text


def test_the_real_ports_of_this_computer_are_listed_without_error():
    ports = serial_ports()
    assert all(isinstance(port, SerialPort) and port.device for port in ports)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("ganglion", ("mac_address",)),
        ("ganglion_native", ("mac_address", "serial_number")),
        ("muse2", ("mac_address", "serial_number")),
        ("muse_s", ("mac_address", "serial_number")),
        ("unicorn", ("serial_number",)),
        ("enophone", ()),  # its MAC address is required: BrainFlow does not search for it
        ("cyton", ()),
        ("playback", ()),
        ("virtual_visitor", ()),
    ],
)
def test_which_profiles_find_their_headset_by_themselves(key, expected):
    assert self_discovering_params(builtin_profiles()[key]) == expected


def test_every_self_discovering_board_is_known_to_the_installed_brainflow():
    from brainflow.board_shim import BoardIds

    assert set(SELF_DISCOVERING) <= set(BoardIds.__members__)
