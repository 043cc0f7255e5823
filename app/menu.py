"""The demo menu: a grid of large, touchable tiles, greyed with a reason when the board can't serve a demo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.resources import icon
from demos.base import Unmet
from demos.kit.i18n import Retranslating, fill, role_name
from demos.registry import DemoEntry
from drivers.roles import Role

TILE_SIZE = QSize(320, 200)
TILE_MAX_SIZE = QSize(440, 260)
COLUMNS = 3


def describe_unmet(reason: Unmet) -> str:
    """One translated sentence for one unmet requirement."""
    if reason.kind == "role" and reason.role is not None:
        area = role_name(reason.role)
        return fill(QCoreApplication.translate("DemoMenu", "Needs an electrode over the %1."), area)
    return fill(
        QCoreApplication.translate("DemoMenu", "Needs %1 channels; this headset has %2."),
        reason.needed,
        reason.available,
    )


class DemoTile(QPushButton):
    """One demo: icon, title, description, and why it is unavailable (shown, not hidden in a tooltip)."""

    def __init__(self, entry: DemoEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.unmet: list[Unmet] = []
        self.setObjectName("demoTile")
        self.setMinimumSize(TILE_SIZE)
        self.setMaximumSize(TILE_MAX_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        header = QHBoxLayout()
        self.icon_label = QLabel()
        demo = entry.demo_class
        self.icon_label.setPixmap(icon(demo.icon if demo else "error.svg").pixmap(56, 56))
        header.addWidget(self.icon_label)
        self.title_label = QLabel()
        self.title_label.setObjectName("tileTitle")
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 1)
        layout.addLayout(header)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.description_label, 1)
        self.badge_label = QLabel()
        self.badge_label.setObjectName("tileBadge")
        layout.addWidget(self.badge_label)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("tileReason")
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        for label in (
            self.icon_label,
            self.title_label,
            self.description_label,
            self.badge_label,
            self.reason_label,
        ):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.retranslate()

    @property
    def is_broken(self) -> bool:
        return self.entry.demo_class is None

    def set_unmet(self, unmet: Sequence[Unmet]) -> None:
        self.unmet = list(unmet)
        self.setEnabled(not self.is_broken and not self.unmet)
        self.retranslate()

    def retranslate(self) -> None:
        demo = self.entry.demo_class
        if demo is None:
            self.title_label.setText(self.entry.key)
            self.description_label.setText(
                QCoreApplication.translate("DemoMenu", "This demo could not be loaded.")
            )
            self.reason_label.setText(
                QCoreApplication.translate("DemoMenu", "Staff: see the log for details.")
            )
            self.badge_label.setVisible(False)
            return
        self.title_label.setText(QCoreApplication.translate(demo.translation_context, demo.title))
        self.description_label.setText(QCoreApplication.translate(demo.translation_context, demo.description))
        self.badge_label.setText(
            QCoreApplication.translate("DemoMenu", "⚠ Flashing light") if demo.requirements.flickers else ""
        )
        self.badge_label.setVisible(demo.requirements.flickers)
        self.reason_label.setText("\n".join(describe_unmet(reason) for reason in self.unmet))
        self.reason_label.setVisible(bool(self.unmet))


class DemoMenu(Retranslating, QWidget):
    """The start page: heading, language switch and the demo tiles."""

    sigDemoChosen = Signal(object)  # DemoEntry
    sigLanguageToggle = Signal()

    def __init__(self, entries: Sequence[DemoEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("menuHeading")
        self.subheading = QLabel()
        self.subheading.setObjectName("menuSubheading")
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        header.addLayout(titles, 1)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.setMinimumSize(QSize(140, 56))
        self.language_button.clicked.connect(self.sigLanguageToggle)
        header.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setSpacing(20)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.tiles: list[DemoTile] = []
        for index, entry in enumerate(entries):
            tile = DemoTile(entry)
            tile.clicked.connect(lambda _checked=False, chosen=entry: self.sigDemoChosen.emit(chosen))
            self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles.append(tile)
        self.grid.setRowStretch(len(entries) // COLUMNS + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def set_montage(self, montage: Sequence[Role]) -> None:
        """Grey out the demos this board's montage can't serve, each with its reason."""
        for tile in self.tiles:
            demo = tile.entry.demo_class
            tile.set_unmet(demo.requirements.unmet_by(montage) if demo else [])

    def set_language_button_text(self, text: str) -> None:
        self.language_button.setText(text)

    def tile_for(self, key: str) -> DemoTile:
        return next(tile for tile in self.tiles if tile.entry.key == key)

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("DemoMenu", "Brain-Computer Interface Showroom"))
        self.subheading.setText(
            QCoreApplication.translate("DemoMenu", "Choose a demo: touch a tile to start.")
        )
        for tile in self.tiles:
            tile.retranslate()
