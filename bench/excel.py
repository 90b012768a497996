"""Benchmark: importing the scores of 150 units × 120 leaves from Excel.

    .venv/bin/python bench/excel.py [--repeat 5]

Setup (untimed): the 150 × 120 province of bench/run.py is exported with `export data`; a new
period gets its criteria and units from that workbook. Timed, each repetition on a fresh copy:
  import   import_file(store, "scores", book)  — read, check every row, write 18,000 scores
           (self + appraisal + deduction notes) and their audit entries in one transaction
  floor    openpyxl alone iterating the same sheet in read-only mode (values only)
  calamine python-calamine alone reading the same sheet's values (what parapp reads with)
  package  the zip directory checks and the hardened scan of every XML part, alone
Then workbooks that must be refused, timed and (in a separate run) their peak Python memory
measured with tracemalloc: a scores sheet of 100,000 rows, a 30 MB compression bomb, and a row
of a million cells (which openpyxl would build whole).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook

from bench.run import OUT, cached_province
from parapp.core.interchange import xlsx
from parapp.core.interchange.exporter import export_data
from parapp.core.interchange.importer import import_file
from parapp.core.interchange.xlsx import ImportFailed
from parapp.core.store import Store

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def hostile(book: Path) -> dict[str, Path]:
    """Workbooks to refuse, made from `book` by replacing its scores sheet (sheet3.xml)."""
    def cell(ref: str, text: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    head = (f'<row r="1">{cell("A1", "Mã đơn vị")}{cell("B1", "Mã tiêu chí")}'
            f'{cell("C1", "Điểm tự đánh giá")}</row>')
    rows = "".join(f'<row r="{n}">{cell(f"A{n}", f"U{n % 150:03d}")}{cell(f"B{n}", "1.1.1")}'
                   f'<c r="C{n}"><v>1</v></c></row>' for n in range(2, 100_002))
    sheet = f'<worksheet {NS}><sheetData>{head}{rows}</sheetData></worksheet>'.encode()
    start = sheet[:sheet.index(b"<row r=\"3\"")]
    bomb = start + b"</sheetData>" + b" " * (30 << 20) + b"</worksheet>"
    wide = start + b'<row r="3">' + b"".join(b"<c><v>%d</v></c>" % n for n in range(10**6)) + \
        b"</row></sheetData></worksheet>"
    out = {}
    for name, data in (("100,000 rows", sheet), ("30 MB bomb", bomb), ("1 M-cell row", wide)):
        path = OUT / f"bench-hostile-{len(out)}.xlsx"
        with zipfile.ZipFile(book) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for item in zin.namelist():
                z.writestr(item, data if item == "xl/worksheets/sheet3.xml" else zin.read(item))
        out[name] = path
    return out


def refuse(target: Path, book: Path) -> str:
    with Store.open(target) as store:
        try:
            import_file(store, "scores", book)
        except ImportFailed as err:
            return str(err)
    raise AssertionError(f"{book} was imported")


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

    def calamine_floor() -> int:
        from python_calamine import CalamineWorkbook
        wb = CalamineWorkbook.from_path(book)
        n = len(wb.get_sheet_by_name("Điểm").to_python(skip_empty_area=False))
        wb.close()
        return n

    imports, floors, calamines, rows = [], [], [], 0
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
        t0 = time.perf_counter()
        calamine_floor()
        calamines.append(time.perf_counter() - t0)
    data = book.read_bytes()
    packages = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        xlsx._check_package(data)
        packages.append(time.perf_counter() - t0)
    t_import, t_floor = statistics.median(imports), statistics.median(floors)
    print(f"scores sheet: {rows - 1} rows, {report.changed} written; median of {args.repeat} runs")
    print(f"import scores   {t_import:6.2f} s")
    print(f"openpyxl floor  {t_floor:6.2f} s   (read-only iteration of the same sheet)")
    print(f"ratio           {t_import / t_floor:6.2f}×")
    t_calamine = statistics.median(calamines)
    print(f"calamine floor  {t_calamine:6.2f} s   (python-calamine reading the same sheet)")
    print(f"ratio           {t_import / t_calamine:6.2f}×")
    print(f"package checks  {statistics.median(packages) * 1000:6.1f} ms (part of the import)")

    target = OUT / "bench-refuse.parapp"
    shutil.copy(empty, target)
    for name, path in hostile(book).items():
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            message = refuse(target, path)
            times.append(time.perf_counter() - t0)
        tracemalloc.start()
        refuse(target, path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"refuse {name:<13} {statistics.median(times):5.2f} s, peak {peak / 2**20:5.1f} MiB"
              f" ({path.stat().st_size / 2**20:.1f} MB file): {message[:70]}…")
        path.unlink()
    target.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
