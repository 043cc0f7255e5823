"""The showroom's one look: palette, type sizes, corner radii and the Qt style sheet built from them.

Why one module: the attract screen, the consent and thank-you pages, the menu and the demo host
are seen one after another by the same visitor, often from a metre or two away on a touch screen.
They must read as one product, and a colour or a size changed here changes everywhere at once.

Rules of the look:

- Text a visitor reads is at least :data:`VISITOR_MIN_PX` (18 px); body text is larger. Small
  print is for staff only (the status bar), never for visitors.
- The calm pages (menu, consent, thank-you) are light: :data:`BACKGROUND` with white cards. The
  attract screen is dark (:data:`NIGHT_TOP` to :data:`NIGHT_BOTTOM`) so its live brain traces glow
  and catch the eye from across the room.
- One accent (:data:`PRIMARY`) marks what to touch; orange (:data:`WARNING`) marks flashing light;
  red (:data:`DANGER`) marks what cannot be used and why.

The style sheet is keyed by object names (``#menuHeading``), so only widgets that ask for a rule
get it. Widgets of the demo kit style themselves (see :mod:`demos.kit.widgets`); nothing here
restyles them. Pages built for visitors apply :data:`SHOWROOM_STYLE` themselves too, so they look
the same inside the main window and on their own (tests, screenshots).
"""

from __future__ import annotations

# The smallest text a visitor reads and the size of an instruction are the demo kit's, so the shell
# and the demos hold one figure (tests/app/test_visitor_text_size.py measures every visitor screen).
from demos.kit.widgets import INSTRUCTION_MIN_PX, VISITOR_MIN_PX

__all__ = ["INSTRUCTION_MIN_PX", "VISITOR_MIN_PX"]
#: Body text of the visitor's pages (px).
BODY_PX = 22
#: Text on the menu's tiles (px): a description must be readable from a step back.
TILE_TEXT_PX = 20
TILE_TITLE_PX = 26
HEADING_PX = 34
#: The thank-you page's headline (px).
DISPLAY_PX = 56

# Palette.
BACKGROUND = "#f7f8fa"
SURFACE = "#ffffff"
INK = "#1f2d3d"
MUTED = "#52606d"
BORDER = "#d9dee4"
PRIMARY = "#4c72b0"
PRIMARY_PRESSED = "#3b5d94"
PRIMARY_SOFT = "#e8eef8"
WARNING = "#b35900"
WARNING_SOFT = "#fff1e0"
DANGER = "#b42318"
SUCCESS = "#2f855a"
#: The attract screen's night sky, top to bottom, and what is written on it.
NIGHT_TOP = "#0b1626"
NIGHT_BOTTOM = "#1a2f52"
NIGHT_INK = "#f4f7fb"
NIGHT_MUTED = "#9fb3cc"
#: One colour per brain trace on the attract screen (bright on the night sky, told apart by hue).
TRACE_COLOURS = ("#5ec8e5", "#8fd694", "#f2c14e", "#e29ad9")

#: Corner radii (px): cards and tiles, buttons.
RADIUS = 16
BUTTON_RADIUS = 12

SHOWROOM_STYLE = f"""
QMainWindow, QStackedWidget > QWidget {{ background: {BACKGROUND}; }}
#consentPage, #thanksPage, #demoMenu {{ background: {BACKGROUND}; }}
#pageScroll, #pageScroll > QWidget, #pageScroll > QWidget > QWidget {{ background: transparent; }}
#menuHeading {{ font-size: 30px; font-weight: 600; color: {INK}; }}
#menuSubheading {{ font-size: {INSTRUCTION_MIN_PX}px; color: {MUTED}; }}
#demoTile {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: {RADIUS}px; text-align: left;
}}
#demoTile:hover {{ border: 2px solid {PRIMARY}; }}
#demoTile:pressed {{ background: {PRIMARY_SOFT}; border: 2px solid {PRIMARY}; }}
#demoTile:disabled {{ background: #eef0f3; }}
#tileTitle {{ font-size: {TILE_TITLE_PX}px; font-weight: 600; color: {INK}; }}
#tileDescription {{ font-size: {TILE_TEXT_PX}px; color: {MUTED}; }}
#tileBadge {{
    color: {WARNING}; background: {WARNING_SOFT}; font-size: {VISITOR_MIN_PX}px;
    border-radius: 8px; padding: 2px 10px;
}}
#tileStart {{ color: {PRIMARY}; font-size: 22px; font-weight: 600; }}
#tileReason {{ color: {DANGER}; font-size: {VISITOR_MIN_PX}px; }}
#demoTile[tileSize="large"] #tileTitle {{ font-size: 34px; }}
#demoTile[tileSize="large"] #tileDescription {{ font-size: 25px; }}
#demoTile[tileSize="small"] #tileTitle {{ font-size: 22px; }}
#demoTile[tileSize="small"] #tileDescription {{ font-size: {VISITOR_MIN_PX}px; }}
#demoTitle {{ font-size: 22px; font-weight: 600; padding-left: 12px; }}
#backButton, #languageButton {{
    font-size: {VISITOR_MIN_PX}px; border-radius: 10px; background: {PRIMARY}; color: white;
}}
#languageButton {{ padding: 0 20px; }}
#languageButton:pressed, #backButton:pressed {{ background: {PRIMARY_PRESSED}; }}
#finishButton {{
    font-size: 20px; font-weight: 600; border-radius: 10px; padding: 0 24px;
    background: {SURFACE}; color: {INK}; border: 2px solid {PRIMARY};
}}
#finishButton:pressed {{ background: {PRIMARY_SOFT}; }}
#messageBanner {{
    background: #fff4e5; color: #663c00; font-size: {VISITOR_MIN_PX}px; padding: 12px; border-radius: 8px;
    border: 1px solid #e8c48a;
}}

#consentTitle {{ font-size: 40px; font-weight: 700; color: {INK}; }}
#consentLead {{ font-size: 24px; color: {MUTED}; }}
#consentPoint {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: {RADIUS}px; }}
#consentPointTitle {{ font-size: 24px; font-weight: 600; color: {INK}; }}
#consentPointText {{ font-size: {BODY_PX}px; color: {MUTED}; }}

#thanksTitle {{ font-size: {DISPLAY_PX}px; font-weight: 700; color: {INK}; }}
#thanksLead {{ font-size: 26px; color: {MUTED}; }}
#thanksResult {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: {RADIUS}px; }}
#thanksResultTitle {{ font-size: 24px; font-weight: 600; color: {PRIMARY}; }}
#thanksResultLine {{ font-size: {BODY_PX}px; color: {INK}; }}
#thanksHint {{
    font-size: 20px; color: {MUTED}; background: {SURFACE}; border: 1px solid {BORDER};
    border-radius: 22px; padding: 8px 24px;
}}
"""
