"""The Qt binding must not leak references: PySide6 6.12.0 lost one reference to None per void
call under Python 3.11, and a long scoring session then aborted ("none_dealloc")."""
import sys

from PySide6.QtWidgets import QLineEdit


def test_void_qt_calls_do_not_lose_references_to_none(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    before = sys.getrefcount(None)
    for _ in range(20000):
        field.setEnabled(True)
    assert before - sys.getrefcount(None) < 100
