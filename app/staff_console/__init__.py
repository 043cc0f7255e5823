"""The staff console: the headset, the menu, the demos' settings, the showroom and its usage.

In kiosk mode staff reach it through the hidden gesture and the PIN; on a desktop it opens from
the menu bar. It is a page of the main window, large and touch-friendly like the rest (staff use
the same touch screen), in Chinese or English, with five tabs:

- **Headset**: the board profile (built-in, or a .toml file) and the parameters it takes (the
  dongle's serial port from a list of the ports present, a Bluetooth MAC address or serial number,
  a playback file), checked with :func:`drivers.boards.profiles.preflight` before anything is stored or
  started; Start / Stop; the headset's live state and its real problem in plain words.
- **Menu**: which demos visitors see, and in what order (:func:`menu_order.menu_entries` applies it).
- **Demos**: each demo's declared :class:`demos.base.StaffSetting` values, and the shell's
  flicker limit.
- **Showroom**: the visitors' default language, kiosk mode, the idle timeout, the staff PIN, and
  quitting the showroom.
- **Usage**: a day's use per demo from :class:`app.usage.UsageLog`, exported as CSV for Excel.

Every value staff set is stored at once (no Save button to forget). What the console needs of the
main window is the :class:`.host.StaffHost` protocol; the tests use a fake one. Bad input (a profile
file with an error, a port that is not there, a folder that cannot be written, garbage in the
settings file) is one plain sentence on the page, the details go to the log: never a traceback.

The modules: :mod:`.console` (the page and its tabs), :mod:`.host` (:class:`StaffHost`), one module
per tab (:mod:`.headset_tab`, :mod:`.menu_tab`, :mod:`.demos_tab`, :mod:`.showroom_tab`,
:mod:`.usage_tab`), the widgets they share (:mod:`.widgets`), and the menu's order and hidden demos as
stored, which the main window reads too (:mod:`.menu_order`).
"""
