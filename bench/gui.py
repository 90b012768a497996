"""Benchmark: the window on a 150-unit province — open to a usable window, edit to updated views.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py [--repeat 9] [--units 150]

open   a new MainWindow opens the file (lock, store, evaluation and every leaf's rows read on
       the file thread; unit list, dashboard, first unit's criteria tree shown) — from the call
       to the window showing the file, its events processed
       floor: Store.open + evaluate() alone, the core work any window must do
edit   an appraisal and its reason typed in the editor are committed: the score is written
       and the unit read again on the file thread, its block re-ranked, and the unit list,
       criteria tree and summary refreshed (the dashboard refreshes when its tab is shown) —
       timed from the commit to the views showing it
       floor: the same kind of appraisal written through Store.edit alone (one transaction)
enter  the Enter key in the score field: the GUI thread's own time before the next leaf is in
       the editor (what a user waits for between two scores; the write goes on meanwhile)
Targets (issue 4): open under 1 s, edit-to-update under 50 ms.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.run import OUT, cached_province
from parapp.core.store import Store


def wait_idle(app, window) -> None:
    """Run the event loop, as the application does, until the window's operations have all
    ended (a loop that polls instead would hold Python's lock and slow the file thread)."""
    if window.ops.idle:
        return
    loop = QEventLoop()
    window.ops.busy_changed.connect(loop.quit)
    loop.exec()
    window.ops.busy_changed.disconnect(loop.quit)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--units", type=int, default=150)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from parapp.ui.main_window import MainWindow
    source = cached_province(args.units)
    path = OUT / "bench-gui.parapp"
    shutil.copy(source, path)

    opens, floors = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        window = MainWindow()
        window.resize(1400, 900)
        assert window.open_path(path)
        window.show()
        wait_idle(app, window)
        app.processEvents()
        opens.append(time.perf_counter() - t0)
        window.close()
        window.deleteLater()
        app.processEvents()
        t0 = time.perf_counter()
        with Store.open(path) as store:
            store.evaluate()
        floors.append(time.perf_counter() - t0)

    window = MainWindow()
    window.resize(1400, 900)
    window.open_path(path)
    window.show()
    wait_idle(app, window)
    app.processEvents()
    unit, leaf = "U075", "4.3.1"  # a commune in the middle of the largest block
    assert window.select_unit(unit) and window.select_criterion(leaf)
    app.processEvents()
    edits, writes, enters = [], [], []
    for i in range(args.repeat):
        value = "0.5" if i % 2 else "0.25"
        editor = window.editor
        editor.appraisal_note.setPlainText(f"Thiếu tài liệu kiểm chứng (lần {i})")
        editor.appraisal_score.setText(value)
        t0 = time.perf_counter()
        assert editor.commit("appraisal_points")
        wait_idle(app, window)
        edits.append(time.perf_counter() - t0)
        assert window.store.score(unit, leaf)["appraisal_points"] == Decimal(value)
        t0 = time.perf_counter()
        with window.store.edit("bench") as ed:
            ed.set_appraisal(unit, "4.3.2", value, f"Bench {i}")
        writes.append(time.perf_counter() - t0)
        other = "0.75" if i % 2 else "0.7"
        field = editor.appraisal_score
        editor.appraisal_note.setPlainText(f"Thiếu báo cáo (lần {i})")
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, other)
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        enters.append(time.perf_counter() - t0)
        wait_idle(app, window)
        window.select_criterion(leaf)
        app.processEvents()
    window.close()
    t_open, t_floor = statistics.median(opens), statistics.median(floors)
    t_edit, t_write = statistics.median(edits), statistics.median(writes)
    t_enter = statistics.median(enters)
    print(f"province: {args.units} units × 120 leaves; median of {args.repeat} runs")
    print(f"open to usable window  {t_open * 1000:8.1f} ms   floor {t_floor * 1000:7.1f} ms "
          f"(Store.open + evaluate)   ratio {t_open / t_floor:4.1f}×")
    print(f"edit to updated views  {t_edit * 1000:8.1f} ms   floor {t_write * 1000:7.1f} ms "
          f"(the write alone)         ratio {t_edit / t_write:4.1f}×")
    print(f"Enter to next leaf     {t_enter * 1000:8.1f} ms   (GUI thread: the write sent, next "
          "leaf shown)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
