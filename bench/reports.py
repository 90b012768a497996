"""Benchmark: the official PDFs of a 150-unit province against LibreOffice printing the same
tables from Excel.

    .venv/bin/python bench/reports.py [--repeat 5] [--sheets-repeat 1]

Setup (untimed): the demo province with 150 units (17 sở, 44 phường, 89 xã; 111 leaves, notes,
explanations, evidence), built once with `build_demo(units=133)` and cached in bench/out/.
Timed, medians of the repetitions:
  annex     build_annex(store, "annex", out): evaluate, the ranking tables of 3 blocks, the
            NĐ 30 layout and the organisation's empty signature field — one PDF
  decision  build_decision(store, out): the decision and its ranking, SIPAS and heads annexes in
            one PDF with the signer's empty field, and the same as a Word draft (.docx)
  sheets    build_notices(store, dir, workers=…): all 150 result notices, one PDF each, in
            one process and in one process per CPU
  floor     `soffice --headless --convert-to pdf` of the equivalent workbooks written by
            export_summary / export_score_sheets (one workbook, 150 sheets), conversion only
            (the export itself is timed separately, for reference)
"""
from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# parapp is imported in the functions: the notices' other processes import this module again
# (spawn), and should start as they do under the CLI, not with the demo and the exporters

UNITS = 150
DEPARTMENTS = 17


def cached_demo(units: int = UNITS) -> Path:
    from bench.run import OUT
    from parapp.core.demo import build_demo
    from parapp.core.models import ddl
    schema = hashlib.sha256("\n".join(ddl()).encode()).hexdigest()[:10]
    path = OUT / f"demo-{units}-{schema}.parapp"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        t0 = time.perf_counter()
        build_demo(path, units=units - DEPARTMENTS, overwrite=True)
        print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")
    return path


def soffice_pdf(book: Path, outdir: Path, profile: Path) -> float:
    """Seconds LibreOffice takes to print a workbook to PDF (a private profile, so a running
    LibreOffice does not interfere; the profile is warmed up before the first timed run)."""
    t0 = time.perf_counter()
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(book)],
                   check=True, capture_output=True, timeout=1800)
    elapsed = time.perf_counter() - t0
    if not (outdir / book.with_suffix(".pdf").name).exists():
        raise RuntimeError(f"soffice wrote no PDF for {book}")
    return elapsed


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main() -> int:
    from parapp.core.interchange.exporter import export_score_sheets, export_summary
    from parapp.core.reports.decision import build_annex, build_decision
    from parapp.core.reports.notice import build_notices
    from parapp.core.store import Store
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sheets-repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    source = cached_demo()
    work = Path(tempfile.mkdtemp(prefix="parapp-bench-reports-"))
    try:
        with Store.open(source, readonly=True) as store:
            n_units = len(store.units())
            annex_times, sheet_times, decision_times, word_times = [], [], [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                annex = build_annex(store, "annex", work / "phu-luc.pdf")
                annex_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                decision = build_decision(store, work / "quyet-dinh.pdf")
                decision_times.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                build_decision(store, work / "quyet-dinh.docx")
                word_times.append(time.perf_counter() - t0)
            parallel_times = []
            for i in range(args.sheets_repeat):
                t0 = time.perf_counter()
                sheets = build_notices(store, work / f"sheets-{i}")
                sheet_times.append(time.perf_counter() - t0)
                if args.workers > 1:
                    t0 = time.perf_counter()
                    build_notices(store, work / f"sheets-p{i}", workers=args.workers)
                    parallel_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            summary = export_summary(store, work / "tong-hop.xlsx")
            t_export_summary = time.perf_counter() - t0
            t0 = time.perf_counter()
            book = export_score_sheets(store, work / "bang-diem.xlsx")
            t_export_sheets = time.perf_counter() - t0
        sheet_pages = sum(pages(p) for p in sheets)
        t_annex, t_sheets = statistics.median(annex_times), statistics.median(sheet_times)
        t_decision, t_word = statistics.median(decision_times), statistics.median(word_times)
        print(f"province: {n_units} units; annex {pages(annex)} pages, decision with annexes "
              f"{pages(decision)} pages, {len(sheets)} notices {sheet_pages} pages")
        print(f"annex PDF        {t_annex:7.2f} s   (median of {args.repeat})")
        print(f"decision PDF     {t_decision:7.2f} s   (with its 3 annexes)")
        print(f"decision .docx   {t_word:7.2f} s   ({t_word / t_decision:.2f}× the PDF)")
        print(f"all notices      {t_sheets:7.2f} s   ({t_sheets / len(sheets) * 1000:.0f} ms a "
              f"unit, one process; median of {args.sheets_repeat})")
        if parallel_times:
            t_parallel = statistics.median(parallel_times)
            print(f"  {args.workers} processes     {t_parallel:7.2f} s")
        if not shutil.which("soffice"):
            print("soffice not installed: no LibreOffice floor")
            return 0
        profile = work / "lo-profile"
        soffice_pdf(summary, work / "warm", profile)  # first start creates the profile
        floors_summary = [soffice_pdf(summary, work / f"lo-s{i}", profile)
                          for i in range(max(1, args.repeat // 2))]
        floors_sheets = [soffice_pdf(book, work / f"lo-b{i}", profile)
                         for i in range(args.sheets_repeat)]
        f_summary, f_sheets = statistics.median(floors_summary), statistics.median(floors_sheets)
        lo_pages = pages(work / "lo-b0" / "bang-diem.pdf")
        print(f"soffice summary  {f_summary:7.2f} s   (export_summary took "
              f"{t_export_summary:.2f} s more)")
        print(f"soffice sheets   {f_sheets:7.2f} s   ({lo_pages} pages; export_score_sheets "
              f"took {t_export_sheets:.2f} s more)")
        print(f"ratio annex      {t_annex / f_summary:7.2f}×")
        print(f"ratio decision   {t_decision / f_summary:7.2f}×")
        print(f"ratio sheets     {t_sheets / f_sheets:7.2f}×"
              + (f"  ({t_parallel / f_sheets:.2f}× with {args.workers} processes)"
                 if parallel_times else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
