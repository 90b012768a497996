"""A message line under a field or a list: its colour by kind, shown only when it says something."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
NOTE_STYLE = "font-style: italic;"
QUIET_STYLE = "color: palette(dark);"
INFO_STYLE = ""


def show_line(label: QLabel, text: str | None) -> None:
    """`text` in `label`, hidden when there is nothing to say."""
    label.setText(text or "")
    label.setVisible(bool(text))
