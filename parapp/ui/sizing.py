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
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


def chars(widget: QWidget, n: float) -> int:
    """The width of `n` average characters in the widget's font."""
    return round(widget.fontMetrics().averageCharWidth() * n)


def fit_words(button: QWidget, room: int = 1) -> None:
    """A button at least as wide as its words and `room` lines' height: the style's 80 px
    minimum leaves longer words almost touching the edges, and makes short ones wider than a
    laptop's narrow panel can spare."""
    metrics = button.fontMetrics()
    button.setMinimumWidth(metrics.horizontalAdvance(button.text()) + room * metrics.height())


def column_width(header: QHeaderView, section: int, sample: str,
                 font: QFont | None = None) -> int:
    """A column as wide as its title's widest line or `sample` (a typical value, in `font`,
    by default the view's), whichever is wider, with room around it."""
    title = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
    metrics = QFontMetrics(font or header.parentWidget().font())
    return max(max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n")),
               metrics.horizontalAdvance(sample)) + header.fontMetrics().height()


def two_lines(title: str) -> str:
    """A column title broken at the space nearest its middle ("Tệp chính\n(hiện tại)"): the
    column can then be as narrow as its values."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if not spaces:
        return title
    at = min(spaces, key=lambda i: abs(len(title) - 2 * i))
    return title[:at] + "\n" + title[at + 1:]


def fit_line_edit(edit: QLineEdit, most: float = 80) -> None:
    """A line edit at least as wide as its text or its placeholder (up to `most` characters),
    so a path or a hint shows whole where the window has room for it."""
    metrics = edit.fontMetrics()
    text = max(edit.text(), edit.placeholderText(), key=metrics.horizontalAdvance)
    # the frame and Qt's margins inside it take less than a line's height
    edit.setMinimumWidth(min(metrics.horizontalAdvance(text), chars(edit, most))
                         + metrics.height())


def fit_screen(window: QWidget, width: int, height: int) -> None:
    """Open `window` at `width` × `height`, or as much of it as its screen has room for (less a
    title bar): a 1366 × 768 laptop has 728 pixels above its task bar."""
    screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    title = 2 * window.fontMetrics().height() + 4  # a title bar, at any scaling
    window.resize(min(width, screen.width()), min(height, screen.height() - title))


def screen_key(widget: QWidget) -> str:
    """The size of the screen (its part not taken by task bars) the widget is on: "1366x728"."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = screen.availableGeometry().size()
    return f"{size.width()}x{size.height()}"


class _WholeText(QObject):
    """Keeps its window's minimum size at what its layout needs, the height at the window's
    width (and the width at least `least` pixels)."""

    def __init__(self, window: QWidget, least: int):
        super().__init__(window)
        self.least = least

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        layout = obj.layout() if isinstance(obj, QWidget) else None
        if layout is not None and event.type() in (QEvent.Type.Resize,
                                                   QEvent.Type.LayoutRequest):
            least = layout.totalMinimumSize()
            width = max(least.width(), self.least)
            height = layout.totalHeightForWidth(max(obj.width(), width)) \
                if layout.hasHeightForWidth() else least.height()
            if (width, height) != (obj.minimumWidth(), obj.minimumHeight()):
                obj.setMinimumSize(width, height)
        return False


def keep_text_whole(window: QWidget, width_chars: float = 0) -> None:
    """Never cut `window`'s wrapped labels: it grows taller when narrowed or when a message
    appears. With `width_chars`, it is never narrower than that many characters either."""
    window.installEventFilter(_WholeText(window, chars(window, width_chars)))


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
