"""The settings file holds the staff PIN's hash: readable by the app's user only (POSIX 0600), made
so on the first save and narrowed on a start that finds it wider. A first start on a fresh account
(no config folder yet) saves it and says nothing about it to staff."""

from __future__ import annotations

import logging
import os
import stat
import sys

import pytest

from app.settings import AppSettings

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def wide_umask():
    """The usual umask (022), whatever the test runner's: files would be made 0644 by default."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_the_first_save_makes_a_file_the_app_user_only_can_read(tmp_path, wide_umask):
    path = tmp_path / "home" / ".config" / "BCI Showroom" / "bci-showroom" / "settings.ini"
    stored = AppSettings(path)
    stored.set_value("kiosk/pin_hash", "scrypt$...")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    stored.set_value("language", "zh_CN")  # Qt saves over it: the mode stays
    assert mode(path) == 0o600


@posix_only
def test_a_start_that_finds_the_file_readable_by_all_narrows_it_and_logs(tmp_path, wide_umask, caplog):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=zh_CN\n", encoding="utf-8")
    path.chmod(0o644)
    with caplog.at_level(logging.WARNING):
        stored = AppSettings(path)
    assert mode(path) == 0o600 and "readable by other users" in caplog.text
    assert stored.value("language", "en") == "zh_CN" and stored.problem is None


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_first_start_on_a_fresh_account_says_nothing_about_the_settings_file(
    qtbot, tmp_path, language, kiosk
):
    """No config folder at all yet: the file is saved, so no "cannot be saved" banner (desktop) and
    no notice atop the staff console."""
    from app.bootstrap import build_showroom
    from drivers.boards.profiles import find_profile

    path = tmp_path / "fresh-home" / ".config" / "BCI Showroom" / "bci-showroom" / "settings.ini"
    showroom = build_showroom(find_profile("virtual_visitor"), language=language, settings=path, kiosk=kiosk)
    qtbot.addWidget(showroom.window)
    try:
        window = showroom.window
        assert showroom.settings.problem is None
        assert window.message_banner.isHidden() and window.message_banner.text() == ""
        window.open_staff_console()
        assert window.console.notice_label.isHidden() and window.console.notice_label.text() == ""
        assert "language=" in path.read_text(encoding="utf-8")  # and it was saved
    finally:
        showroom.close()
        showroom.languages.set_language("en")  # translators are global to the QApplication
