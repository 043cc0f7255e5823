"""The main window: demo menu and demo host in a stack, status bar, language and help menus."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from app import __version__
from app.demo_host import DEFAULT_MAX_FLICKER_S, DemoHost
from app.errors import friendly_message
from app.i18n import LANGUAGES, LanguageManager
from app.menu import DemoMenu
from app.rehearsal import RehearsalKeys, describe, key_help_text
from app.resources import icon
from app.settings import AppSettings
from app.status import PLAYER_TEXT, PROBLEM_TEXT, StatusPanel
from demos.base import DemoContext
from demos.kit.i18n import Retranslating, fill, translate
from demos.registry import DemoEntry
from drivers import cues
from drivers.acquisition import Acquisition, AcquisitionState
from drivers.board_errors import describe_board_problem

log = logging.getLogger(__name__)
MESSAGE_SHOWN_MS = 10_000

STYLE_SHEET = """
QMainWindow, QStackedWidget > QWidget { background: #f7f8fa; }
#menuHeading { font-size: 30px; font-weight: 600; color: #1f2d3d; }
#menuSubheading { font-size: 18px; color: #52606d; }
#demoTile { background: white; border: 1px solid #d9dee4; border-radius: 14px; text-align: left; }
#demoTile:hover { border: 2px solid #4c72b0; }
#demoTile:disabled { background: #eef0f3; }
#tileTitle { font-size: 22px; font-weight: 600; color: #1f2d3d; }
#tileBadge { color: #b35900; font-size: 14px; }
#tileReason { color: #b42318; font-size: 14px; }
#demoTitle { font-size: 22px; font-weight: 600; padding-left: 12px; }
#backButton, #languageButton { font-size: 18px; border-radius: 10px; background: #4c72b0; color: white; }
#messageBanner { background: #fff4e5; color: #663c00; font-size: 18px; padding: 12px; border-radius: 8px; }
"""


def stop_acquisitions(acquisitions: Sequence[Acquisition]) -> None:
    """Stop every headset's acquisition at once: each may wait for a hanging board call, and two
    such waits side by side take no longer than one (quitting stays within the stop timeout)."""
    if len(acquisitions) == 1:
        acquisitions[0].stop()
        return
    with ThreadPoolExecutor(len(acquisitions), thread_name_prefix="stop-acquisition") as pool:
        list(pool.map(lambda acquisition: acquisition.stop(), acquisitions))


#: A flicker may last at most this long (s): above the decoders' longest window (4 s), below eye strain.
MAX_FLICKER_RANGE_S = (5.0, 30.0)


class MainWindow(Retranslating, QMainWindow):
    """The showroom's one window. In kiosk mode: full screen, no menu bar, no rehearsal keys, no
    staff controls; a visitor's keys can do nothing but what the screen offers.

    ``second_acquisition`` is the second headset when staff configured one (the duel): its status
    shows beside the first one's, demos get its stream as ``context.second_stream``, and every cue
    reaches both headsets. The rehearsal keys steer the first visitor only.
    """

    def __init__(
        self,
        acquisition: Acquisition,
        entries: Sequence[DemoEntry],
        languages: LanguageManager,
        settings: AppSettings,
        *,
        kiosk: bool = False,
        second_acquisition: Acquisition | None = None,
    ) -> None:
        super().__init__()
        self.acquisition = acquisition
        self.second_acquisition = second_acquisition
        self.languages = languages
        self.settings = settings
        self.kiosk = kiosk
        self.staff_mode = not kiosk and bool(settings.value("staff_mode", False))
        self.log_path: Path | None = None
        self.setWindowIcon(icon("app.svg"))
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1280, 800)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message_banner = QLabel()
        self.message_banner.setObjectName("messageBanner")
        self.message_banner.setWordWrap(True)
        self.message_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_banner.hide()
        layout.addWidget(self.message_banner)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message_banner.hide)

        self.stack = QStackedWidget()
        self.menu = DemoMenu(entries)
        self.menu.set_montage(acquisition.profile.roles)
        self.menu.sigDemoChosen.connect(self.open_demo)
        self.menu.sigLanguageToggle.connect(self.toggle_language)
        stored = settings.value("safety/max_flicker_s", DEFAULT_MAX_FLICKER_S)
        low, high = MAX_FLICKER_RANGE_S
        max_flicker_s = min(high, max(low, stored))
        if max_flicker_s != stored:
            log.warning(
                "setting safety/max_flicker_s=%g is outside %g-%g s; using %g",
                stored,
                low,
                high,
                max_flicker_s,
            )
        self.host = DemoHost(self.announce, self.headset_text, max_flicker_s)
        self.host.sigBackToMenu.connect(self.show_menu)
        self.host.sigFailed.connect(self.show_message)
        self.stack.addWidget(self.menu)
        self.stack.addWidget(self.host)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        player_1, player_2 = PLAYER_TEXT if second_acquisition is not None else (None, None)
        self.status_panel = self._status_panel_for(acquisition, player_1)
        acquisition.sigState.connect(self._on_acquisition_state)
        acquisition.sigBoardError.connect(lambda _error: self.host.refresh_headset_text())
        #: The second headset's status (None without one).
        self.second_status_panel = (
            self._status_panel_for(second_acquisition, player_2) if second_acquisition is not None else None
        )

        self.rehearsal: RehearsalKeys | None = None
        self.visitor_label = QLabel()
        if acquisition.visitor is not None and not kiosk:  # staff steer the virtual visitor by keyboard
            self.rehearsal = RehearsalKeys(self, acquisition.visitor, acquisition.stream)
            self.rehearsal.sigChanged.connect(self.visitor_label.setText)
            self.statusBar().addPermanentWidget(self.visitor_label)

        self._build_menu_bar()
        self.menuBar().setVisible(not kiosk)
        languages.sigLanguageChanged.connect(self._on_language_changed)
        self.retranslate()

    def _status_panel_for(self, acquisition: Acquisition, prefix: str | None) -> StatusPanel:
        """A status panel in the status bar, fed by ``acquisition``'s signals."""
        panel = StatusPanel(
            self.statusBar(), acquisition.profile.name, acquisition.layout.sampling_rate, prefix=prefix
        )
        acquisition.sigState.connect(panel.set_state)
        acquisition.sigStats.connect(panel.set_stats)
        acquisition.sigBoardError.connect(
            lambda error: panel.set_problem(describe_board_problem(error, acquisition.profile))
        )
        return panel

    @property
    def acquisitions(self) -> list[Acquisition]:
        """Every headset's acquisition: the first, and the second when there is one."""
        second = self.second_acquisition
        return [self.acquisition] if second is None else [self.acquisition, second]

    def present(self) -> None:
        """Show the window as its mode wants it: full screen in kiosk mode."""
        if self.kiosk:
            self.showFullScreen()
        else:
            self.show()

    # --- demos ------------------------------------------------------------------------------------------
    def make_context(self, demo_id: str, cue: Callable[..., None]) -> DemoContext:
        return DemoContext(
            stream=self.acquisition.stream,
            cue=cue,
            settings=self.settings.for_demo(demo_id),
            logger=logging.getLogger(f"demos.{demo_id}"),
            language=lambda: self.languages.language,
            staff_mode=lambda: self.staff_mode,
            second_stream=None if self.second_acquisition is None else self.second_acquisition.stream,
            data_folder=self.settings.demo_folder(demo_id),
        )

    def announce(self, cue: cues.Cue, at: float | None = None) -> None:
        """The shell's half of ``context.cue``: the marker into the stream of every headset, and
        each virtual visitor (where one wears a headset) does what the cue asks."""
        at = time.time() if at is None else at
        for acquisition in self.acquisitions:
            acquisition.insert_marker(cue.code, at)
            if acquisition.visitor is not None:
                acquisition.visitor.follow(cue, at)
        if self.rehearsal is not None and self.acquisition.visitor is not None:
            self.visitor_label.setText(describe(self.acquisition.visitor.snapshot()))
        log.info("cue %s", cue.text)

    def headset_text(self) -> str:
        """Why the headset sends nothing, in the current language (for the visitor and staff)."""
        panel = self.status_panel
        if panel.problem is not None:
            return fill(translate("StatusPanel", PROBLEM_TEXT[panel.problem.kind]), panel.problem.detail)
        if self.acquisition.state is AcquisitionState.CONNECTING:
            return translate("MainWindow", "Connecting to the headset…")
        return friendly_message("board")

    def open_demo(self, entry: DemoEntry) -> bool:
        streaming = self.acquisition.state is AcquisitionState.STREAMING
        if self.host.open(entry, self.acquisition.profile.roles, self.make_context, streaming):
            self.stack.setCurrentWidget(self.host)
            return True
        self.show_menu()
        return False

    def set_staff_mode(self, on: bool) -> None:
        """Staff controls on or off (never on in kiosk mode); remembered for the next start."""
        self.staff_mode = on and not self.kiosk
        self.settings.set_value("staff_mode", self.staff_mode)
        self._staff_action.setChecked(self.staff_mode)
        self.host.set_staff_mode(self.staff_mode)

    def open_demo_by_id(self, demo_id: str) -> bool:
        for tile in self.menu.tiles:
            if tile.entry.key == demo_id:
                return self.open_demo(tile.entry)
        self.show_message(
            QCoreApplication.translate("MainWindow", "There is no demo called %1.").replace("%1", demo_id)
        )
        return False

    def show_menu(self) -> None:
        self.host.close_demo()
        self.stack.setCurrentWidget(self.menu)

    def show_message(self, text: str) -> None:
        """A friendly message at the top of the window that goes away by itself."""
        self.message_banner.setText(text)
        self.message_banner.show()
        self._message_timer.start(MESSAGE_SHOWN_MS)

    # --- language -----------------------------------------------------------------------------------------
    def toggle_language(self) -> None:
        codes = list(LANGUAGES)
        self.set_language(codes[(codes.index(self.languages.language) + 1) % len(codes)])

    def set_language(self, language: str) -> None:
        self.languages.set_language(language)
        self.settings.set_value("language", language)

    def _on_language_changed(self, language: str) -> None:
        for action in self._language_actions.actions():
            action.setChecked(action.data() == language)

    # --- chrome -----------------------------------------------------------------------------------------
    def _build_menu_bar(self) -> None:
        bar = self.menuBar()
        self._language_menu = bar.addMenu("")
        self._language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.languages.language)
            action.triggered.connect(lambda _checked=False, chosen=code: self.set_language(chosen))
            self._language_actions.addAction(action)
            self._language_menu.addAction(action)
        self._help_menu = bar.addMenu("")
        self._staff_action = QAction(self, checkable=True)
        self._staff_action.setChecked(self.staff_mode)
        self._staff_action.toggled.connect(self.set_staff_mode)
        self._help_menu.addAction(self._staff_action)
        self._rehearsal_action = QAction(self)
        self._rehearsal_action.triggered.connect(self._show_rehearsal_keys)
        self._rehearsal_action.setVisible(self.rehearsal is not None)
        self._help_menu.addAction(self._rehearsal_action)
        self._about_action = QAction(self)
        self._about_action.triggered.connect(self._show_about)
        self._help_menu.addAction(self._about_action)

    def _show_rehearsal_keys(self) -> None:
        QMessageBox.information(
            self, QCoreApplication.translate("MainWindow", "Rehearsal keys"), key_help_text()
        )

    def _show_about(self) -> None:
        def translate(text: str) -> str:
            return QCoreApplication.translate("MainWindow", text)

        profile, rate = self.acquisition.profile, self.acquisition.layout.sampling_rate
        lines = [
            f"BCI Showroom {__version__}",
            translate("Brain-computer-interface demos for science-outreach showrooms."),
            translate("Board: %1 (%2 Hz)").replace("%1", profile.name).replace("%2", str(rate)),
        ]
        if self.second_acquisition is not None:
            second = self.second_acquisition
            lines.append(
                fill(
                    QCoreApplication.translate("MainWindow", "Player 2's board: %1 (%2 Hz)"),
                    second.profile.name,
                    second.layout.sampling_rate,
                )
            )
        lines += [
            translate("Log file: %1").replace("%1", str(self.log_path or "-")),
        ]
        QMessageBox.about(self, translate("About BCI Showroom"), "\n".join(lines))

    def _on_acquisition_state(self, state: str) -> None:
        current = AcquisitionState(state)
        self.host.stream_changed(current is AcquisitionState.STREAMING)
        self.host.refresh_headset_text()
        if current is AcquisitionState.DISCONNECTED and self.stack.currentWidget() is self.host:
            self.show_message(friendly_message("board"))
        elif current is AcquisitionState.STREAMING and self.message_banner.text() == friendly_message(
            "board"
        ):
            self._message_timer.stop()  # data flows again: the visitor should not read otherwise
            self.message_banner.hide()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "BCI Showroom"))
        self._language_menu.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self._help_menu.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        self._about_action.setText(QCoreApplication.translate("MainWindow", "&About BCI Showroom"))
        self._staff_action.setText(QCoreApplication.translate("MainWindow", "&Staff controls"))
        self._rehearsal_action.setText(
            QCoreApplication.translate("MainWindow", "&Rehearsal keys (virtual visitor)")
        )
        if self.rehearsal is not None:
            self.visitor_label.setText(describe(self.rehearsal.state))
        other = [name for code, name in LANGUAGES.items() if code != self.languages.language]
        self.menu.set_language_button_text(" / ".join(other))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.host.close_demo()
        stop_acquisitions(self.acquisitions)
        super().closeEvent(event)
