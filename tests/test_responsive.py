"""The window never waits for the disk: every read and write of the file runs on the file
thread (parapp.ui.operations), so a slow USB stick or network share never freezes it.

Every SQL statement is slowed down (as on a slow share) and recorded with the thread it ran on,
while a watchdog timer on the GUI thread measures how long the event loop went without turning.
The person opens a file, moves between units and criteria, types scores, attaches evidence,
imports a workbook, undoes and saves a copy: no statement runs on the GUI thread and the event
loop never stalls for longer than 100 ms.
"""
from __future__ import annotations

import gc
import threading
import time

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox
from qt_helpers import settle, type_text
from sqlalchemy import event
from sqlalchemy.engine import Engine

from parapp.core.criteria import Source
from parapp.core.store import Store
from parapp.ui import importing
from parapp.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SLOW_S = 0.03  # per statement: a file on a slow network share
STALL_MS = 100


class Watchdog:
    """Ticks every 10 ms on the GUI thread; `worst` is the longest gap between two ticks, and
    `collections` the garbage collector's runs over the old objects (generation 2) meanwhile."""

    def __init__(self):
        self.collections: list[float] = []  # ms each
        self.worst = 0.0
        self.where = ""
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.step = "start"

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if gap > self.worst:
            self.worst, self.where = gap, self.step
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()
        gc.callbacks.append(self._gc)

    def stop(self) -> None:
        self.timer.stop()
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                self._gc_start = time.perf_counter()
            else:
                self.collections.append((time.perf_counter() - self._gc_start) * 1000)


@pytest.fixture
def slow_disk():
    """Every statement slowed down; those run on the GUI thread recorded."""
    on_gui: list[str] = []

    def slow(_con, _cursor, statement, *_args):
        if threading.current_thread() is threading.main_thread():
            on_gui.append(statement.split("\n")[0][:80])
        time.sleep(SLOW_S)

    event.listen(Engine, "before_cursor_execute", slow)
    yield on_gui
    event.remove(Engine, "before_cursor_execute", slow)


@pytest.fixture
def own_heap():
    """What earlier tests left in this process is not the window's: the garbage collector
    leaves it be (a full collection over a whole test session's objects takes longer than
    100 ms; over the window's own, a few)."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def self_scored_leaf(window, unit_code: str):
    data = window.document.data
    unit = data.unit_input(unit_code)
    tree = data.snapshot.tree
    return next(tree.nodes[k] for k in tree.preorder if tree.is_leaf(k)
                and tree.nodes[k].source is Source.SELF and tree.nodes[k].max_for(unit.block) > 0)


def test_nothing_the_person_does_waits_for_the_disk(qtbot, small_demo, tmp_path, slow_disk,
                                                      own_heap, monkeypatch):
    monkeypatch.setattr(importing, "show_information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(str(a[1:3])))
    dog = Watchdog()
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 760)
    w.show()
    qtbot.waitExposed(w)
    dog.start()

    dog.step = "open"
    opened = []
    assert w.open_path(small_demo, opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    assert opened == [True]

    dog.step = "move between units and criteria"
    for code in ("SYT", "SXD", "SYT"):
        assert w.select_unit(code)
        qtbot.wait(20)
    leaf = self_scored_leaf(w, "SYT")
    assert w.select_criterion(leaf.code)

    dog.step = "type a score, Enter"
    field = w.editor.self_score
    field.setFocus()
    field.selectAll()
    type_text(qtbot, field, "0")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(20)

    dog.step = "attach evidence"
    assert w.select_unit("SYT") and w.select_criterion(leaf.code)
    picture = tmp_path / "bien-ban.png"
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 110, 200))
    assert image.save(str(picture))
    w.editor.add_evidence_files([picture])
    settle(qtbot, w, 60000)

    dog.step = "import a workbook"
    book = tmp_path / "diem.xlsx"
    wb = Workbook()
    wb.active.title = "Điểm"
    wb.active.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình"])
    wb.active.append(["SXD", leaf.code, None, "Đã bổ sung kế hoạch"])
    wb.save(book)
    ended = []
    assert w.import_excel("scores", book, True, ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=60000)
    assert ended[0] is not None and ended[0].changed == 1

    dog.step = "undo"
    w.undo()
    settle(qtbot, w, 60000)

    dog.step = "save a copy"
    copy = tmp_path / "ban-sao.parapp"
    assert w.save_copy(copy)
    settle(qtbot, w, 60000)
    dog.stop()

    assert slow_disk == [], "statements run on the GUI thread"
    print(f"worst stall {dog.worst:.0f} ms during «{dog.where}»; full collections (ms): "
          f"{[round(c) for c in dog.collections]}")
    assert dog.worst < STALL_MS, f"the window froze {dog.worst:.0f} ms during «{dog.where}»"
    # what was done is in the file
    with Store.open(copy, readonly=True) as store:
        assert store.score("SYT", leaf.code)["self_points"] == 0
        assert [e.name for e in store.evidence("SYT", leaf.code)][-1:] == [picture.name]
        assert store.score("SXD", leaf.code)["explanation"] != "Đã bổ sung kế hoạch"  # undone

