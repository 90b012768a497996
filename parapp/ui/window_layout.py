"""Where the main window's parts go: kept per screen size, worked out the first time.

What a person arranges — the window, its splitters, the columns of its lists — is remembered per
screen size (`screen_key`): the 1366 × 768 laptop and the meeting room's 1920 × 1080 screen each
keep their own arrangement; the tab shown is kept once. What is not saved for this screen size
is laid out when the window's width is known (`apply_defaults` from the window's showEvent):
the names get the room.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parapp.ui import preferences
from parapp.ui.scoring import C_DIFF, C_MAX
from parapp.ui.sizing import screen_key
from parapp.ui.unit_list import LONG_NAME, U_INDEX, U_RANK, U_TOTAL

if TYPE_CHECKING:
    from parapp.ui.main_window import MainWindow


class WindowLayout:
    def __init__(self, window: MainWindow):
        self.window = window
        self.placed = False  # a geometry was saved for this screen size
        self.unsaved: set[str] = set()

    def _option(self, name: str):
        return preferences.layout(screen_key(self.window), name)

    def _parts(self) -> dict[str, Any]:
        """The splitters and column headers whose state is kept (saveState/restoreState)."""
        w = self.window
        return {"splitter": w.ui.splitter, "edit_splitter": w.ui.editSplitter,
                "dashboard_splitter": w.dashboard.splitter,
                "editor_splitter": w.editor.splitter,
                "units_header": w.unit_view.header(),
                "criteria_header": w.criteria_view.header()}

    def restore(self) -> None:
        w = self.window
        geometry = self._option("geometry").get()
        self.placed = geometry is not None and w.restoreGeometry(geometry)
        if not self.placed:
            screen = w.screen().availableGeometry() if w.screen() else None
            if screen is not None and screen.width() > 1400:
                w.resize(min(1800, screen.width() * 9 // 10),
                         min(1050, screen.height() * 9 // 10))
        self.unsaved = set()
        for name, part in self._parts().items():
            state = self._option(name).get()
            if state is None or not part.restoreState(state):
                self.unsaved.add(name)
        w.scoring.fit_codes = "criteria_header" in self.unsaved  # the user's widths are kept
        tab = preferences.WINDOW_TAB.get()
        if 0 <= tab < w.tabs.count():
            w.tabs.setCurrentIndex(tab)

    def show(self) -> None:
        """Show the window where it was last on a screen of this size; the first time on a
        laptop-sized screen, maximized (the window needs all of it)."""
        w = self.window
        screen = w.screen().availableGeometry() if w.screen() else None
        if self.placed or screen is None or screen.width() >= 1700:
            w.show()
            return
        w.resize(screen.size())  # the default layout is worked out for this width
        w.showMaximized()

    def apply_defaults(self) -> None:
        """The names get the room: the left list as wide as a department's name with its index
        and rank, the editor as wide as its two sides need or a third of the rest, the criteria
        tree (its name column) all the rest, and the tree takes what the window gains. On a
        narrow window the columns that repeat what is beside them start hidden (right click a
        header to show them): the total (the index ranks the units), the leaf's maximum (in the
        editor), the deduction (in "Trạng thái")."""
        unsaved, self.unsaved = self.unsaved, set()
        if not unsaved:
            return
        w = self.window
        width = w.width()
        if "units_header" in unsaved:
            w.unit_view.header().setSectionHidden(U_TOTAL, width < 1600)
        if "criteria_header" in unsaved:
            w.criteria_view.header().setSectionHidden(C_MAX, width < 1400)
            w.criteria_view.header().setSectionHidden(C_DIFF, width < 1600)
        view, header = w.unit_view, w.unit_view.header()
        name = view.fontMetrics().horizontalAdvance(LONG_NAME) + view.fontMetrics().height()
        left = min(width * 26 // 100, 2 * view.indentation() + max(name, width // 8)
                   + sum(header.sectionSize(c) for c in (U_TOTAL, U_INDEX, U_RANK)
                         if not header.isSectionHidden(c))
                   + view.verticalScrollBar().sizeHint().width() + 2 * view.frameWidth())
        if "splitter" in unsaved:
            w.ui.splitter.setSizes([left, width - left])
        if "edit_splitter" in unsaved:
            editor = max(w.editor.minimumSizeHint().width(), (width - left) // 3)
            w.ui.editSplitter.setSizes([width - left - editor, editor])

    def save(self) -> None:
        w = self.window
        self._option("geometry").set(w.saveGeometry())
        for name, part in self._parts().items():
            self._option(name).set(part.saveState())
        preferences.WINDOW_TAB.set(w.tabs.currentIndex())
