"""Benchmark: importing the scores of 150 units × 120 leaves from Excel.

    .venv/bin/python bench/excel.py [--repeat 5]

Setup (untimed): the 150 × 120 province of bench/run.py is exported with `export data`; a new
period gets its criteria and units from that workbook. Timed, each repetition on a fresh copy:
  import   import_file(store, "scores", book)  — read, check every row, write 18,000 scores
           (self + appraisal + deduction notes) and their audit entries in one transaction
  floor    openpyxl alone iterating the same sheet in read-only mode (values only)
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook  # noqa: E402

from bench.run import OUT, cached_province  # noqa: E402
from parapp.core.interchange.exporter import export_data  # noqa: E402
from parapp.core.interchange.importer import import_file  # noqa: E402
from parapp.core.store import Store  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = cached_province(150)
    book = OUT / "bench-150.xlsx"
    with Store.open(source, readonly=True) as store:
        export_data(store, book)
    empty = OUT / "bench-150-empty.parapp"
    store = Store.create(empty, "Tỉnh Benchmark", 2025, overwrite=True)
    import_file(store, "criteria", book)
    import_file(store, "units", book)
    store.close()

    def floor() -> int:
        wb = load_workbook(book, read_only=True)
        n = sum(1 for _ in wb["Điểm"].iter_rows(values_only=True))
        wb.close()
        return n

    imports, floors, rows = [], [], 0
    for i in range(args.repeat):
        target = OUT / f"bench-import-{i}.parapp"
        shutil.copy(empty, target)
        with Store.open(target) as store:
            t0 = time.perf_counter()
            report = import_file(store, "scores", book)
            imports.append(time.perf_counter() - t0)
        target.unlink()
        t0 = time.perf_counter()
        rows = floor()
        floors.append(time.perf_counter() - t0)
    t_import, t_floor = statistics.median(imports), statistics.median(floors)
    print(f"scores sheet: {rows - 1} rows, {report.changed} written; median of {args.repeat} runs")
    print(f"import scores   {t_import:6.2f} s")
    print(f"openpyxl floor  {t_floor:6.2f} s   (read-only iteration of the same sheet)")
    print(f"ratio           {t_import / t_floor:6.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
