"""The Qt layer: everything Qt lives under parapp.ui; parapp.core never imports Qt.

Widgets never touch the assessment file: they show plain data (parapp.core.view_data) and ask
the window's operations (parapp.ui.operations) for every read and write, which run on the
file's own thread. Numbers are formatted only with `parapp.core.numbers.fmt`. Forms are designed in forms/*.ui and compiled into
parapp.ui.forms by scripts/build_forms.py.
"""
from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

APP_NAME = "parapp"
ORGANISATION = "parapp"


def app_settings() -> QSettings:
    """The user's GUI settings (window layout, recent files) as an INI file.

    The location is resolved on every call (platformdirs reads XDG_CONFIG_HOME and friends each
    time), so tests that redirect HOME never read or write the real user's settings.
    """
    path = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / f"{APP_NAME}.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)
