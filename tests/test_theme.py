"""Light and dark themes switch the palette the widgets draw with."""
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from parapp.ui.theme import apply_theme, is_dark


def test_dark_and_light_themes(qtbot):
    app = QApplication.instance()
    try:
        apply_theme("dark", app)
        assert is_dark(app)
        palette = app.palette()
        lightness = {role: palette.color(getattr(QPalette.ColorRole, role)).lightness()
                     for role in ("Base", "Window", "Mid", "Dark")}
        # an entry field must look like one: darker than the window, its frame apart from both
        assert lightness["Base"] + 15 <= lightness["Window"]
        assert abs(lightness["Mid"] - lightness["Window"]) >= 30
        assert abs(lightness["Mid"] - lightness["Base"]) >= 30
        apply_theme("light", app)
        assert not is_dark(app)
        assert apply_theme("purple", app) == "system"
    finally:
        apply_theme("light", app)


def test_status_icons_follow_the_theme(qtbot):
    from parapp.ui.criteria_model import DEDUCTED, status_icon
    app = QApplication.instance()
    try:
        apply_theme("light", app)
        light = status_icon({DEDUCTED})
        apply_theme("dark", app)
        dark = status_icon({DEDUCTED})
        assert light.cacheKey() != dark.cacheKey()  # drawn again in the dark palette
        assert status_icon({DEDUCTED}).cacheKey() == dark.cacheKey()  # and cached per theme
        # the arrow stands out from the rows it sits on: its middle far from the row's shade
        row = app.palette().color(QPalette.ColorRole.Base)
        middle = dark.pixmap(16, 16).toImage().pixelColor(8, 8)
        assert middle.alpha() == 255 and abs(middle.lightness() - row.lightness()) > 80
    finally:
        apply_theme("light", app)
