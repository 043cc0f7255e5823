"""The demo menu: large touchable tiles that fill the screen, greyed with a reason when the board can't
serve a demo.

Why the tiles are placed by hand (:func:`grid_shape`, :meth:`DemoMenu.arrange`) rather than in a
fixed three-column grid: staff show one to about nine demos, on 1280×800 tablets and 1920×1080
kiosks. A fixed grid left one small tile in a corner of an empty screen, or pushed the sixth tile
under the fold behind a scroll bar that visitors never find. The menu computes columns and rows
from the count and the room it has, so the tiles are as large as they can be and everything is
on screen; a scroll bar appears only where even the smallest readable tiles cannot fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import friendly_message
from app.i18n import other_language_name
from app.resources import icon
from app.style import SHOWROOM_STYLE
from demos.base import Unmet
from demos.kit.i18n import Retranslating, fill, role_name, translate
from demos.kit.widgets import mark_instruction
from demos.registry import DemoEntry
from drivers.roles import Role

#: The smallest tile whose title and description still read at full size (below it, the menu scrolls).
TILE_MIN_SIZE = QSize(300, 170)
#: Larger tiles only look empty: one or two demos get tiles this big at most, centred.
TILE_MAX_SIZE = QSize(760, 470)
TILE_SPACING = 20
#: Width over height a tile may have: narrower tiles wrap every word, wider ones look like bars.
TILE_ASPECT_RANGE = (1.0, 2.4)
#: A tile's look by its size (the style sheet's ``#demoTile[tileSize=...]`` rules): larger text and icon on
#: big tiles, so one or two demos don't sit as small print in a sea of white; smaller on crowded menus.
SIZE_CLASSES = ("large", "normal", "small")
ICON_PX = {"large": 96, "normal": 64, "small": 48}
#: Room inside a tile around its texts (px): left and right, top and bottom.
PADDING_PX = {"large": (28, 24), "normal": (20, 18), "small": (16, 12)}


def describe_unmet(reason: Unmet) -> str:
    """One translated sentence for one unmet requirement."""
    if reason.kind == "role" and reason.role is not None:
        area = role_name(reason.role)
        return fill(translate("DemoMenu", "Needs an electrode over the %1."), area)
    return fill(
        translate("DemoMenu", "Needs %1 channels; this headset has %2."),
        reason.needed,
        reason.available,
    )


def usable_tile_size(width: float, height: float) -> tuple[float, float]:
    """The tile a ``width`` × ``height`` cell holds: no larger than :data:`TILE_MAX_SIZE`, and
    within :data:`TILE_ASPECT_RANGE` (the rest of the cell stays empty)."""
    width = min(width, TILE_MAX_SIZE.width())
    height = min(height, TILE_MAX_SIZE.height())
    narrowest, widest = TILE_ASPECT_RANGE
    if width > widest * height:
        width = widest * height
    elif width < narrowest * height:
        height = width / narrowest
    return width, height


def grid_shape(count: int, width: float, height: float, spacing: float = TILE_SPACING) -> tuple[int, int]:
    """Columns and rows for ``count`` tiles in ``width`` × ``height`` px.

    Every arrangement from one row to one column is tried; the one whose tiles cover the most
    screen wins, counting the empty cells of a last, unfilled row as lost (so three demos make one
    row of three, not two rows of two with a hole). Arrangements whose tiles would be smaller than
    :data:`TILE_MIN_SIZE` lose to any that is not, so text stays readable; when none is, the one
    with the widest tiles wins and the menu scrolls.
    """
    if count <= 0:
        return 1, 0
    best: tuple[tuple[bool, bool, float], int, int] | None = None
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        cell_w = (width - (columns - 1) * spacing) / columns
        cell_h = (height - (rows - 1) * spacing) / rows
        if cell_w <= 0 or cell_h <= 0:
            continue
        tile_w, tile_h = usable_tile_size(cell_w, cell_h)
        wide_enough = cell_w >= TILE_MIN_SIZE.width()
        fits = wide_enough and cell_h >= TILE_MIN_SIZE.height()
        # Too small everywhere: as many columns as stay readable, so the fewest rows scroll.
        score = tile_w * tile_h * count / (columns * rows) if fits else float(columns)
        key = (fits, wide_enough, score)
        if best is None or key > best[0]:
            best = (key, columns, rows)
    if best is None:
        return 1, count
    return best[1], best[2]


class DemoTile(QPushButton):
    """One demo: icon, title, description, and why it is unavailable (shown, not hidden in a tooltip)."""

    def __init__(self, entry: DemoEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.unmet: list[Unmet] = []
        #: The headset sends nothing: the tile is greyed and says so in a visitor's words.
        self.headset_down = False
        self.setObjectName("demoTile")
        self.setMinimumSize(TILE_MIN_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the menu places it
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.setSpacing(14)
        self.icon_label = QLabel()
        demo = entry.demo_class
        self._icon = icon(demo.icon if demo else "error.svg")
        self.size_class = ""
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel()
        self.title_label.setObjectName("tileTitle")
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(header)
        self.description_label = QLabel()
        self.description_label.setObjectName("tileDescription")
        self.description_label.setWordWrap(True)
        self.description_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.description_label, 1)
        self.badge_label = QLabel()
        self.badge_label.setObjectName("tileBadge")
        # "Touch to start": only on large tiles, where it tells a first-time visitor what the card is.
        self.start_label = QLabel()
        self.start_label.setObjectName("tileStart")
        footer = QHBoxLayout()
        footer.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        footer.addStretch(1)
        footer.addWidget(self.start_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(footer)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("tileReason")
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        for label in (
            self.icon_label,
            self.title_label,
            self.description_label,
            self.badge_label,
            self.start_label,
            self.reason_label,
        ):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.set_size_class("normal")
        self.retranslate()

    def set_size_class(self, size_class: str) -> None:
        """Use the look for tiles of this size: one of :data:`SIZE_CLASSES`."""
        if size_class == self.size_class:
            return
        self.size_class = size_class
        self.setProperty("tileSize", size_class)
        side = ICON_PX[size_class]
        self.icon_label.setPixmap(self._icon.pixmap(side, side))
        across, down = PADDING_PX[size_class]
        self.layout().setContentsMargins(across, down, across, down)
        self.layout().setSpacing(6 if size_class == "small" else 10)
        self.start_label.setVisible(size_class == "large" and self.isEnabled())
        for widget in (self, self.title_label, self.description_label):
            widget.style().unpolish(widget)  # the property selector is read when a widget is polished
            widget.style().polish(widget)
        self.layout().invalidate()

    @property
    def is_broken(self) -> bool:
        return self.entry.demo_class is None

    def set_unmet(self, unmet: Sequence[Unmet]) -> None:
        self.unmet = list(unmet)
        self._update_enabled()

    def set_headset_down(self, down: bool) -> None:
        """Grey the tile while the headset sends nothing (``down``), with a sentence for visitors."""
        self.headset_down = down
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.setEnabled(not self.is_broken and not self.unmet and not self.headset_down)
        self.start_label.setVisible(self.size_class == "large" and self.isEnabled())
        self.retranslate()

    def text_fits(self) -> bool:
        """Whether the description shows whole (not cut at the tile's bottom) at the tile's size."""
        label = self.description_label
        if not label.isVisibleTo(self) or not label.text():
            return True
        return label.heightForWidth(label.width()) <= label.height()

    def retranslate(self) -> None:
        demo = self.entry.demo_class
        if demo is None:
            self.title_label.setText(self.entry.key)
            self.description_label.setText(translate("DemoMenu", "This demo could not be loaded."))
            self.reason_label.setText(translate("DemoMenu", "Staff: see the log for details."))
            self.reason_label.setVisible(True)
            self.badge_label.setVisible(False)
            return
        self.start_label.setText(translate("DemoMenu", "Touch to start ›"))
        self.title_label.setText(translate(demo.translation_context, demo.title))
        self.description_label.setText(translate(demo.translation_context, demo.description))
        flickers = demo.requirements.flickers
        self.badge_label.setText(translate("DemoMenu", "⚠ Flashing light") if flickers else "")
        self.badge_label.setVisible(flickers)
        reasons = [describe_unmet(reason) for reason in self.unmet]
        if self.headset_down and not self.unmet:
            reasons.append(friendly_message("board"))
        self.reason_label.setText("\n".join(reasons))
        self.reason_label.setVisible(bool(reasons))


class _ViewportWatcher(QObject):
    """Calls ``arrange`` whenever the scroll area's viewport changes size."""

    def __init__(self, menu: DemoMenu) -> None:
        super().__init__(menu)
        self._menu = menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._menu.arrange()
        return False


class DemoMenu(Retranslating, QWidget):
    """The start page: heading, language switch, "I'm done" (in a visitor flow) and the demo tiles.

    :attr:`sigDemoChosen` carries the chosen :class:`~demos.registry.DemoEntry`;
    :attr:`sigLanguageToggle` asks for the other language; :attr:`sigFinished` is the visitor's
    "I'm done" (the button shows only after :meth:`set_visitor_flow` ``(True)``).
    """

    sigDemoChosen = Signal(object)  # DemoEntry
    sigLanguageToggle = Signal()
    sigFinished = Signal()

    def __init__(self, entries: Sequence[DemoEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoMenu")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(SHOWROOM_STYLE)
        self._montage: list[Role] | None = None
        self._headset_down = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(12)
        header = QHBoxLayout()
        header.setSpacing(16)
        titles = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("menuHeading")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("menuSubheading")
        self.subheading.setWordWrap(True)
        mark_instruction(self.subheading)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        header.addLayout(titles, 1)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setMinimumSize(QSize(160, 56))
        self.finish_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.finish_button.clicked.connect(self.sigFinished)
        self.finish_button.hide()
        header.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignTop)
        self.language_button = QPushButton()
        self.language_button.setObjectName("languageButton")
        self.language_button.setMinimumSize(QSize(140, 56))
        self.language_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.language_button.clicked.connect(self.sigLanguageToggle)
        header.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        # The tiles' parent; :meth:`arrange` places them by hand.
        self.tile_area = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pageScroll")  # the page's background shows through
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.tile_area)
        self.scroll.viewport().installEventFilter(_ViewportWatcher(self))
        layout.addWidget(self.scroll, 1)
        self.tiles: list[DemoTile] = []
        # (columns, rows) of the last arrangement.
        self.shape = (1, 0)
        self.set_entries(entries)
        self.retranslate()

    # --- entries ------------------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[DemoEntry]) -> None:
        """Show these demos, in this order (staff reorder and hide demos): the tiles are made anew."""
        for tile in self.tiles:
            tile.hide()
            tile.setParent(None)
            tile.deleteLater()
        self.tiles = []
        for entry in entries:
            tile = DemoTile(entry, self.tile_area)
            tile.clicked.connect(lambda _checked=False, chosen=entry: self.sigDemoChosen.emit(chosen))
            tile.show()
            self.tiles.append(tile)
        if self._montage is not None:
            self.set_montage(self._montage)
        self.set_headset_down(self._headset_down)
        self.arrange()

    def set_montage(self, montage: Sequence[Role]) -> None:
        """Grey out the demos this board's montage can't serve, each with its reason."""
        self._montage = list(montage)
        for tile in self.tiles:
            demo = tile.entry.demo_class
            tile.set_unmet(demo.requirements.unmet_by(montage) if demo else [])

    def set_headset_down(self, down: bool) -> None:
        """Grey every tile while the headset sends nothing (a demo would only wait), and bring them
        back when it streams; each greyed tile says why in a visitor's words."""
        self._headset_down = down
        for tile in self.tiles:
            tile.set_headset_down(down)
        self.arrange()  # a reason line changes the text the tiles must fit

    def tile_for(self, key: str) -> DemoTile:
        return next(tile for tile in self.tiles if tile.entry.key == key)

    # --- visitor flow -------------------------------------------------------------------------------
    def set_visitor_flow(self, on: bool) -> None:
        """In a kiosk visit the menu offers "I'm done" (:attr:`sigFinished`); staff's menu does not."""
        self.finish_button.setVisible(on)

    def set_language_button_text(self, text: str) -> None:
        self.language_button.setText(text)

    # --- layout -------------------------------------------------------------------------------------
    def arrange(self) -> None:
        """Place the tiles for the room the menu has now (called on every resize)."""
        if not self.tiles:
            self.shape = (1, 0)
            return
        room = self.scroll.viewport().size()
        width, height = room.width(), room.height()
        columns, rows = grid_shape(len(self.tiles), width, height)
        self.shape = (columns, rows)
        cell_w = (width - (columns - 1) * TILE_SPACING) / columns
        cell_h = (height - (rows - 1) * TILE_SPACING) / rows
        tile_w, tile_h = usable_tile_size(cell_w, cell_h)
        if cell_h < TILE_MIN_SIZE.height():  # rows too low for any text: full-width rows that scroll
            tile_w, tile_h = min(cell_w, TILE_MAX_SIZE.width()), TILE_MIN_SIZE.height()
        tile_w = max(tile_w, min(TILE_MIN_SIZE.width(), width))
        tile_h = max(tile_h, self._fit_text(round(tile_w), tile_h))
        block_h = rows * tile_h + (rows - 1) * TILE_SPACING
        self.tile_area.setMinimumHeight(math.ceil(block_h) if block_h > height else 0)
        top = max(0.0, (height - block_h) / 2)
        for index, tile in enumerate(self.tiles):
            row, column = divmod(index, columns)
            in_row = min(columns, len(self.tiles) - row * columns)  # a last row shorter than the others
            row_w = in_row * tile_w + (in_row - 1) * TILE_SPACING
            left = (width - row_w) / 2 + column * (tile_w + TILE_SPACING)
            y = top + row * (tile_h + TILE_SPACING)
            tile.setGeometry(QRect(round(left), round(y), round(tile_w), round(tile_h)))

    def _fit_text(self, tile_w: int, tile_h: float) -> int:
        """Choose the tiles' look for this size, the largest whose texts fit ``tile_h``; returns the
        height the texts need at that look (more than ``tile_h`` when even the smallest does not fit:
        the tiles then grow and the menu scrolls, rather than cutting a description off)."""
        preferred = "large" if tile_w >= 560 and tile_h >= 340 else "small" if tile_h < 220 else "normal"
        needed = 0
        for size_class in SIZE_CLASSES[SIZE_CLASSES.index(preferred) :]:
            for tile in self.tiles:
                tile.set_size_class(size_class)
            needed = max(tile.heightForWidth(tile_w) for tile in self.tiles)
            if needed <= tile_h:
                break
        return needed

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.arrange()

    def retranslate(self) -> None:
        self.heading.setText(translate("DemoMenu", "Brain-Computer Interface Showroom"))
        self.subheading.setText(translate("DemoMenu", "Choose a demo: touch a tile to start."))
        self.finish_button.setText(translate("DemoMenu", "I'm done"))
        self.language_button.setText(other_language_name())
        for tile in self.tiles:
            tile.retranslate()
