"""Helpers shared by the GUI tests."""
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    """Key presses for each character. QTest maps only ASCII to keys (it aborts on 'ả'), so
    other characters arrive as a key event carrying the text, as an input method sends them."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         ch))


def open_window(qtbot, path, size=(1200, 760)):
    """The main window on `path`, shown and exposed (closed by qtbot at the end of the test)."""
    from parapp.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_path(path)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def when_modal(cls, act, tries: int = 500):
    """Call `act(dialog)` once a `cls` dialog is the active modal widget — it opens inside a
    blocking exec(), often only after a worker thread has reported — polling every 20 ms (for
    10 s at most, so a dialog that never comes cannot leave a timer behind for later tests).
    Returns the list the dialog is appended to, to assert it was seen."""
    from PySide6.QtCore import QTimer
    seen: list = []

    def poll(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isVisible():
            seen.append(dialog)
            try:
                act(dialog)
            except BaseException:  # reported by pytest-qt; the test must not hang on the dialog
                dialog.reject()
                raise
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, lambda: poll(tries))
    return seen
