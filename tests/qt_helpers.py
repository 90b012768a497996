"""Helpers shared by the GUI tests."""
import math
import re
from collections import Counter

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QKeyEvent, QTextDocument
from PySide6.QtGui import Qt as QtGui_Qt  # mightBeRichText lives in QtGui
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTextEdit,
    QToolButton,
    QWidget,
)


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
    assert open_file(qtbot, w, path)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_file(qtbot, window, path) -> bool:
    """`window.open_path(path)`, waited for: True once the file is shown, False if refused."""
    outcome: list[bool] = []
    if not window.open_path(path, outcome.append):
        return False
    # a wait, not a measure of speed (tests/test_responsive.py measures that): room for a
    # busy machine, where opening once took over 10 s in a full run
    qtbot.waitUntil(lambda: bool(outcome), timeout=30000)
    return outcome[0]


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


# -- readable on the laptops people have ------------------------------------------------------

# a 1366 × 768 screen less its task bar (40) and a window's title bar (30): the test screen
# (tests/laptop-screen.json) is 1366 × 728
LAPTOP = (1366, 768 - 70)


def _shown(text: str) -> str:
    """A label's or button's text as drawn: "&&" is "&", a single "&" marks the shortcut."""
    return re.sub(r"&(.)", r"\1", text)


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    room = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        return f"wraps to {need} px, {label.height()} px tall" if need > label.height() else None
    if QtGui_Qt.mightBeRichText(text) and label.textFormat() != Qt.TextFormat.PlainText:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        need = math.ceil(doc.idealWidth())
    else:
        metrics = label.fontMetrics()
        lines = (_shown(text) if label.buddy() is not None else text).split("\n")
        need = max(metrics.horizontalAdvance(line) for line in lines)
    return f"needs {need} px, has {room.width()}" if need > room.width() else None


def _button_problem(button: QAbstractButton) -> str | None:
    text = _shown(button.text())
    if not text or (isinstance(button, QToolButton) and button.arrowType() != Qt.ArrowType.NoArrow):
        return None
    need = button.fontMetrics().horizontalAdvance(text)
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        indicator = QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox) \
            else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        spacing = QStyle.PixelMetric.PM_CheckBoxLabelSpacing if isinstance(button, QCheckBox) \
            else QStyle.PixelMetric.PM_RadioButtonLabelSpacing
        room = button.width() - style.pixelMetric(indicator) - style.pixelMetric(spacing)
    else:  # the bevel: a frame each side
        room = button.width() - 2 * style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    return f"needs {need} px, has {room}" if need > room else None


def _line_edit_problem(edit: QLineEdit) -> str | None:
    text = edit.placeholderText()
    if not text or edit.text():
        return None
    margins = edit.textMargins()
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
    # Qt keeps 2 px inside the frame on each side
    room = edit.contentsRect().width() - margins.left() - margins.right() - 2 * frame - 4
    need = edit.fontMetrics().horizontalAdvance(text)
    return f"placeholder needs {need} px, has {room}" if need > room else None


def _combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text or combo.isEditable():
        return None
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.subControls = QStyle.SubControl.SC_All
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    return f"choice needs {need} px, has {field.width() - 2}" if need > field.width() - 2 else None


def _header_problems(header: QHeaderView) -> list[str]:
    out = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return out
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        need = max((header.fontMetrics().horizontalAdvance(line) for line in text.split("\n")),
                   default=0)
        if need + 2 * margin > header.sectionSize(section):
            out.append(f"column {text!r} needs {need + 2 * margin} px, "
                       f"has {header.sectionSize(section)}")
    return out


def cut_texts(window: QWidget) -> list[str]:
    """What a person cannot read whole in `window` as it is laid out now: a label, a button, a
    combo box's choice or an empty line edit's placeholder wider than its widget (a wrapped
    label taller), a column title wider than its column. Hidden widgets are not looked at."""
    for _ in range(3):  # layouts asked for (a text changed) are done first, as Qt would
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    problems = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.window().isVisible():
            continue
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton):
            problem = _button_problem(widget)
        elif isinstance(widget, QLineEdit):
            problem = _line_edit_problem(widget)
        elif isinstance(widget, QComboBox):
            problem = _combo_problem(widget)
        elif isinstance(widget, QHeaderView):
            problems += [f"{_name(widget)}: {p}" for p in _header_problems(widget)]
            continue
        else:
            continue
        if problem:
            text = getattr(widget, "text", lambda: "")() or getattr(
                widget, "placeholderText", lambda: "")() or getattr(
                widget, "currentText", lambda: "")()
            problems.append(f"{_name(widget)} {text[:60]!r}: {problem}")
    return problems


def unnamed_controls(window: QWidget) -> list[str]:
    """The controls of `window` a screen reader cannot tell apart: a field, list, table or
    button reached by Tab without a name (its accessible name, a label that is its buddy, a
    button's words), or sharing one with another. A combo box on Linux speaks its current
    choice as its name, so its own name is looked for. Hidden controls are not looked at."""
    spoken: list[tuple[QWidget, str]] = []
    labels = window.findChildren(QLabel)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus or \
                not isinstance(widget, _CONTROLS) or isinstance(widget.parent(), _COMPOSITE):
            continue
        if isinstance(widget, QComboBox):
            name = widget.accessibleName() or next(
                (label.text() for label in labels if label.buddy() is widget), "")
        else:
            face = QAccessible.queryAccessibleInterface(widget)
            name = face.text(QAccessible.Text.Name) if face is not None else ""
        spoken.append((widget, name.replace("&", "").strip()))
    said = Counter(name for _w, name in spoken)
    return [f"{_name(w)}: {'no name' if not name else f'{name!r} twice'}"
            for w, name in spoken if not name or said[name] > 1]


def alt_key_problems(window: QWidget) -> list[str]:
    """What Alt+letter cannot reach in `window` by a letter of its own: a labelled field, a
    check box or a radio button without one, and a letter that two controls share (Qt then
    moves between them instead of pressing or focusing one). A push button may go without
    (five «Chọn…» beside their fields cannot each have one: Tab from the field reaches it).
    Hidden widgets are not looked at."""
    keyed: dict[str, list[str]] = {}
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel)
                                                    and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        else:
            continue
        key = re.search(r"&([^&])", text.replace("&&", ""))
        if key is not None:
            keyed.setdefault(key.group(1).lower(), []).append(text)
        elif text.strip() and not isinstance(widget, (QPushButton, QToolButton)):
            problems.append(f"{_name(widget)} {text!r}: no letter")
    return problems + [f"{texts} share {key!r}" for key, texts in keyed.items()
                       if len(texts) > 1]


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName()})" if widget.objectName() \
        else type(widget).__name__


_CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QPlainTextEdit, QTextEdit)
_COMPOSITE = (QAbstractSpinBox, QComboBox)  # their inner line edit is theirs


def show_at(qtbot, window: QWidget, size: tuple[int, int] | None = None) -> QWidget:
    """Show `window` at `size` (default: its minimum size) and let it lay itself out."""
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    if size is None:
        size = window.minimumSizeHint().expandedTo(window.minimumSize()).toTuple()
    window.resize(*size)
    qtbot.wait(20)  # layouts settle (a wrapped label's height follows the width it gets)
    return window


def settle(qtbot, window, timeout_ms: int = 10000) -> None:
    """Wait until the window's operations (parapp.ui.operations) have all ended."""
    qtbot.waitUntil(lambda: window.ops.idle, timeout=timeout_ms)


def settle_all(timeout_s: float = 10.0) -> None:
    """Process events until every window's operations have ended (what a test reads of the
    file, or of a signal, is then what the person would see once the work is done)."""
    import time

    import shiboken6

    from parapp.ui.operations import Operations
    end = time.monotonic() + timeout_s
    while not all(ops.idle for ops in list(Operations.live) if shiboken6.isValid(ops)):
        if time.monotonic() > end:
            raise AssertionError(f"operations still running after {timeout_s} s")
        QApplication.processEvents()
        time.sleep(0.001)
