"""Light and dark themes switch the palette the widgets draw with."""
from PySide6.QtWidgets import QApplication

from parapp.ui.theme import apply_theme, is_dark


def test_dark_and_light_themes(qtbot):
    app = QApplication.instance()
    try:
        apply_theme("dark", app)
        assert is_dark(app)
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
    finally:
        apply_theme("light", app)
