"""Light and dark themes with a manual override (users ask for one regardless of the system).

Fusion with an explicit palette looks the same on every platform and in screenshots; "system"
follows the desktop's colour scheme where Qt can tell it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("system", "light", "dark")
# messages in the report window and the sign dialog: an error, a warning (amber), the banner
# that says whether a document is signed and verified or why it is missing
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300; font-weight: bold;"
OK_BANNER = "background: #e6f4ea; color: #0b5d1e; border: 1px solid #8cc79b; padding: 6px;"
BAD_BANNER = "background: #fdecea; color: #8a1c14; border: 1px solid #e6a39d; padding: 6px;"


def _dark_palette() -> QPalette:
    p = QPalette()
    # entry fields clearly darker than the window, and the shades Fusion draws frames and
    # arrows with set apart from both: a field must look like one
    base, window, text = QColor(30, 30, 32), QColor(53, 53, 56), QColor(230, 230, 230)
    for role, colour in (
            (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
            (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor(40, 40, 43)),
            (QPalette.ColorRole.Light, QColor(90, 90, 96)),
            (QPalette.ColorRole.Midlight, QColor(72, 72, 77)),
            (QPalette.ColorRole.Mid, QColor(100, 100, 106)),
            (QPalette.ColorRole.Dark, QColor(24, 24, 26)),
            (QPalette.ColorRole.Shadow, QColor(12, 12, 12)),
            (QPalette.ColorRole.ToolTipBase, window), (QPalette.ColorRole.ToolTipText, text),
            (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, QColor(62, 62, 66)),
            (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.BrightText, Qt.red),
            (QPalette.ColorRole.Link, QColor(110, 170, 255)),
            (QPalette.ColorRole.Highlight, QColor(52, 120, 200)),
            (QPalette.ColorRole.HighlightedText, Qt.white),
            (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))):
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(130, 130, 130))
    return p


def is_dark(source: QApplication | QWidget | QPalette | None = None) -> bool:
    """The one answer to "is the theme dark": of the application (by default), a widget or a
    palette — colours that must read on the background ask here."""
    if source is None:
        source = QApplication.instance()
    palette = source if isinstance(source, QPalette) else source.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color() -> QColor:
    """Red that reads on the theme in use (a refused package, a key that is not there)."""
    return QColor("#ff8a80") if is_dark() else QColor("#c62828")


def apply_theme(name: str, app: QApplication | None = None) -> str:
    """Apply a theme ("system", "light" or "dark"); returns the one applied."""
    app = app or QApplication.instance()
    name = name if name in THEMES else "system"
    app.setStyle("Fusion")
    scheme = QGuiApplication.styleHints().colorScheme()
    dark = name == "dark" or (name == "system" and scheme == Qt.ColorScheme.Dark)
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    return name
