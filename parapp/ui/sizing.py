"""Sizes that hold on the laptops councils use (1366 × 768, 1280 × 720) and at any display scaling.

Widths are worked out in the font's own units (`chars`), so they follow the font and the scaling.
A window with wrapped text is kept tall enough for that text at whatever width it has
(`keep_text_whole`): Qt sizes a window from its layout's minimum, which ignores wrapping, so a
wrapped label at the bottom of a dialog would otherwise be cut. What a user arranges (splitters,
columns, the window) is remembered per screen size (`screen_key`): what suits a 1366 × 768
laptop is not what suits the 1920 × 1080 screen in the meeting room. In lists and tables a name
too long for its column loses its middle (`RoomyDelegate`), its tooltip holding it whole.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget


def chars(widget: QWidget, n: float) -> int:
    """The width of `n` average characters in the widget's font."""
    return round(widget.fontMetrics().averageCharWidth() * n)


def fit_line_edit(edit: QLineEdit, most: float = 64) -> None:
    """A line edit at least as wide as its text or its placeholder (up to `most` characters),
    so a path or a hint shows whole where the window has room for it."""
    metrics = edit.fontMetrics()
    text = max(edit.text(), edit.placeholderText(), key=metrics.horizontalAdvance)
    # the frame and Qt's margins inside it take less than a line's height
    edit.setMinimumWidth(min(metrics.horizontalAdvance(text), chars(edit, most))
                         + metrics.height())


def screen_key(widget: QWidget) -> str:
    """The size of the screen (its part not taken by task bars) the widget is on: "1366x728"."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = screen.availableGeometry().size()
    return f"{size.width()}x{size.height()}"


class _WholeText(QObject):
    """Keeps its window's minimum height at what its layout needs at the window's width."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) \
                and isinstance(obj, QWidget):
            layout = obj.layout()
            if layout is not None and layout.hasHeightForWidth():
                height = layout.totalHeightForWidth(obj.width())
                if height != obj.minimumHeight():
                    obj.setMinimumHeight(height)
        return False


def keep_text_whole(window: QWidget, width_chars: float = 0) -> None:
    """Never cut `window`'s wrapped labels: it grows taller when narrowed or when a message
    appears. With `width_chars`, it is never narrower than that many characters either."""
    if width_chars:
        window.setMinimumWidth(max(window.minimumWidth(), chars(window, width_chars)))
    window.installEventFilter(_WholeText(window))


class RoomyDelegate(QStyledItemDelegate):
    """Taller rows: Vietnamese stacks two marks on capitals (Ể, Ỗ, Ấ…), which a row exactly one
    line high clips. The extra room scales with the font, so it holds at any display scaling.

    A name too long for its column (`name_column`) loses its middle, not its end: "Ban Quản lý
    dự án … dân dụng và công nghiệp tỉnh" still says which board; the row's tooltip has it all."""

    def __init__(self, name_column: int, parent: QObject | None = None):
        super().__init__(parent)
        self.name_column = name_column

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        line = QFontMetrics(option.font).height()
        return QSize(size.width(), max(size.height(), line + (line + 1) // 2))

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == self.name_column:
            option.textElideMode = Qt.TextElideMode.ElideMiddle
