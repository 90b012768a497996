"""Benchmark: `parapp FILE` as a whole process, to the first painted window and to the file shown.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--repeat 7] [--units 150]

Each run is a new Python process (warm disk: the file and the libraries read once before the
runs). Timed from just before the process is started:
  painted  the main window's first paint (the window is usable: menus, the file still loading)
  shown    the file open in it (the document's data shown, the operations idle)
  floor    a process that imports PySide6's widgets, creates the QApplication and paints an
           empty QMainWindow: what any Qt window of this Python costs
The child is `parapp FILE`: `parapp.cli.main()` reading its sys.argv, the real entry point, with an
application event filter watching for the first paint; nothing in parapp is replaced. Issue 16's
target: painted and usable in under 0.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# the child: times since its start (time.time(), compared with the parent's) of the first paint
# and of the file shown, then it quits
CHILD = r"""
import json, os, sys, time
marks = {}
import parapp.cli as cli

def watched(path):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    window = opened(path)

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "painted" not in marks:
                marks["painted"] = time.time()
            return False
    watch = Watch(window)
    QApplication.instance().installEventFilter(watch)

    def poll():
        if "painted" in marks and window.document.is_open and window.ops.idle:
            marks["shown"] = time.time()
            print(json.dumps(marks))
            sys.stdout.flush()
            os._exit(0)
        QTimer.singleShot(5, poll)
    QTimer.singleShot(0, poll)
    return window

# main() as the program itself (no arguments given to it: it reads sys.argv), so that what it
# does for a whole process only (the collector held off while Qt is imported) is measured; the
# window's creation is watched once parapp.ui.app is imported, which _imported() follows
settled = cli._imported

def imported():
    global opened
    settled()
    import parapp.ui.app as app
    opened, app.open_initial = app.open_initial, watched
cli._imported = imported
sys.argv = ["parapp", sys.argv[1]]
cli.main()
"""

FLOOR = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
marks = {}
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            marks["painted"] = time.time()
            print(json.dumps(marks))
            sys.stdout.flush()
            os._exit(0)
        return False
watch = Watch()
app.installEventFilter(watch)
window.show()
app.exec()
"""


def run(code: str, *args: str, env: dict) -> dict[str, float]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    if out.returncode:
        sys.exit(out.stderr)
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: v - start for k, v in marks.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--units", type=int, default=150)
    args = parser.parse_args()
    from bench.run import cached_province
    path = cached_province(args.units)
    with tempfile.TemporaryDirectory(prefix="parapp-start-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "HOME": home, "XDG_CONFIG_HOME": f"{home}/.config",
               "XDG_DATA_HOME": f"{home}/.local/share", "XDG_STATE_HOME": f"{home}/.state",
               "PYTHONPATH": str(ROOT)}
        run(CHILD, str(path), env=env)  # warm: the libraries and the file read once
        run(FLOOR, env=env)
        runs = [run(CHILD, str(path), env=env) for _ in range(args.repeat)]
        floors = [run(FLOOR, env=env)["painted"] for _ in range(args.repeat)]
    painted = statistics.median(r["painted"] for r in runs)
    shown = statistics.median(r["shown"] for r in runs)
    floor = statistics.median(floors)
    print(f"{path.name}: median of {args.repeat} processes")
    print(f"painted         {painted * 1000:7.0f} ms   {painted / floor:4.1f}× the floor")
    print(f"shown           {shown * 1000:7.0f} ms   {shown / floor:4.1f}× the floor")
    print(f"floor           {floor * 1000:7.0f} ms   (PySide6 widgets, QApplication, an empty "
          "window painted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
