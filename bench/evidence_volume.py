"""Benchmark: a province holding gigabytes of evidence (scanned PDFs) — packages, merges, open.

    .venv/bin/python bench/evidence_volume.py [--gb 5] [--repeat 3] [--keep]

A benchmark, not a test: it writes about 4 × --gb gigabytes at its peak (the packages, the
master, a working copy, the backups a merge writes) under bench/out/volume-*/ and deletes them
at the end, unless --keep, which keeps the built master and packages (and the build's figures,
build.json) for the next run to reuse.

Build (the realistic way; the merge is measured): the 150 × 120 province of bench/run.py gets
8 council members, each appraising one area (the 8 top-level criteria), and a key for every
member and unit. The 150 units' self-assessment packages are exported without evidence; each
unit attaches one file to each of its 120 leaves through the Store API — incompressible random
bytes behind a PDF header, named like scans ("Quyết định số 12.pdf"), sized so that the
18,000 files hold --gb GB —, lowers three self scores by 0.25 with an explanation, and seals.
  merge          merge_packages(master, 150 packages) into the master, which has no evidence yet
    floor        bench/unit_packages.merge_floor on a copy of the same master: ATTACH, INSERT OR
                 IGNORE the blobs, INSERT the new evidence rows, INSERT OR REPLACE the scores

Then, on the master with its evidence (the "volume master") and on the same province without
evidence (every row but evidence and blob, copied by SQL: the baseline):
  open           Store.open(readonly) + snapshot(): cold (the file evicted from the page cache
                 with posix_fadvise) once, warm (median of --repeat)
  its parts      fileformat.inspect (PRAGMA quick_check of the whole file), PRAGMA quick_check
                 of the blob table alone and of every other table, integrity.scan
  floors         reading the whole file sequentially (cold and warm); shutil.copyfile + fsync
                 of the master; fileformat.backup (SQLite's backup API: what a merge does first)
  export         a member's package (an area: 15 leaves × 150 units, with their evidence) and a
                 unit's (its 120 leaves), each against bench/unit_packages.copy_part
  small merge    that unit's package returned with one self score changed and one new file,
                 merged into a copy of the volume master: what a merge costs once the master is
                 big (its backup writes a copy of the whole master)
Bytes read are the process's `rchar` (/proc/self/io): everything SQLite asked the system for,
from disk or the page cache.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import OUT, cached_province
from bench.unit_packages import copy_part, fill_and_seal, merge_floor, size_of
from parapp.core import fileformat, integrity
from parapp.core import packages as package_module
from parapp.core.merge import merge_packages
from parapp.core.models import Base, ddl
from parapp.core.packages import (
    export_package,
    export_unit_package,
    export_unit_packages,
    load_key,
    new_key,
    seal_package,
)
from parapp.core.store import Store

MEMBERS = [f"M{i}" for i in range(1, 9)]
HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def gb(n: float) -> str:
    return f"{n / 1e9:,.2f} GB"


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def rchar() -> int:
    """Bytes this process has asked the system to read so far (page cache or disk)."""
    with open("/proc/self/io") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("rchar:"))


def maxrss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def evict(path: Path) -> None:
    """Drop the file's pages from the page cache (this file only), so the next read is cold."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def measure(fn) -> tuple[float, int, object]:
    """(seconds, bytes read, result) of one call."""
    before = rchar()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, rchar() - before, result


def read_all(path: Path) -> None:
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        while f.readinto(view):
            pass


# -- build ------------------------------------------------------------------------------------

class Timed:
    """Adds up the time spent in module functions while in the block (what a merge spends on
    them), calling them unchanged: module.name is replaced by a timing wrapper, then restored."""

    def __init__(self, *targets: tuple[object, str]):
        self.targets = targets
        self.seconds = {name: 0.0 for _module, name in targets}

    def __enter__(self) -> Timed:
        self.originals = [getattr(module, name) for module, name in self.targets]
        for (module, name), original in zip(self.targets, self.originals):
            def wrapper(*args, _original=original, _name=name, **kwargs):
                t0 = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    self.seconds[_name] += time.perf_counter() - t0
            setattr(module, name, wrapper)
        return self

    def __exit__(self, *exc) -> None:
        for (module, name), original in zip(self.targets, self.originals):
            setattr(module, name, original)

    def shown(self) -> str:
        return ", ".join(f"{name} {s:.1f} s" for name, s in self.seconds.items())


def merge_parts() -> Timed:
    """The parts of a merge that read or copy whole files: the master's backup, the
    quick_check of each package (every packages.connect), the seal's table digests."""
    return Timed((fileformat, "backup"), (fileformat, "inspect"), (package_module, "table_digests"))


def pdf(size: int) -> bytes:
    return HEADER + os.urandom(size - len(HEADER))


def build(work: Path, target_gb: float) -> dict:
    """The volume master, built the realistic way; returns the figures of its merge."""
    source = cached_province(150)
    keys, folder = work / "keys", work / "packages"
    bare, master = work / "bare.parapp", work / "master.parapp"
    shutil.rmtree(work, ignore_errors=True)
    folder.mkdir(parents=True)
    t0 = time.perf_counter()
    shutil.copy(source, bare)
    with Store.open(bare) as store, store.edit("bench") as ed:
        for code in MEMBERS:
            ed.add_member(code, f"Sở thành viên {code}")
            ed.register_key(code, new_key(keys / f"{code}.key"))
        areas = sorted((n.code for n in store.tree().nodes.values() if "." not in n.code),
                       key=int)
        for area, code in zip(areas, MEMBERS, strict=True):
            ed.update_criterion(area, appraiser=code)
        for unit in store.units():
            ed.register_unit_key(unit.code, new_key(keys / f"{unit.code}.key"))
    shutil.copy(bare, master)
    with Store.open(master) as store:
        t1 = time.perf_counter()
        done = export_unit_packages(store, folder)
        t_export = time.perf_counter() - t1
    before_merge = work / "before-merge.parapp"
    shutil.copy(master, before_merge)
    parts = {d.holder: sorted(targets_of(d.path)) for d in done}
    files = sum(len(p) for p in parts.values())
    size = -(-int(target_gb * 1e9) // files)  # every file the same size: at least --gb in all
    rng = random.Random(150)
    t1 = time.perf_counter()
    for d in done:
        fill_and_seal(d.path, d.holder, [(u, c, f"Quyết định số {i + 1}.pdf", pdf(size))
                                         for i, (u, c) in enumerate(parts[d.holder])],
                      keys / f"{d.holder}.key", rng)
    t_fill = time.perf_counter() - t1
    packages = sorted(d.path for d in done)
    print(f"built the packages in {time.perf_counter() - t0:.0f} s (units filling and sealing "
          f"{t_fill:.0f} s): {files} files of {size:,} bytes, {gb(size_of(packages))} of "
          "packages")
    rss0 = maxrss()
    with Store.open(master) as store, merge_parts() as timer:
        t_merge, read, report = measure(lambda: merge_packages(store, packages))
    backup = report.backup
    figures = {
        "date": datetime.now().isoformat(timespec="minutes"),
        "files": files, "file_size": size, "evidence": files * size,
        "export_150_bare_s": t_export, "fill_and_seal_s": t_fill,
        "merge_s": t_merge, "merge_read": read, "merge_rss": maxrss(), "rss_before": rss0,
        "added": sum(p.evidence_added for p in report.packages),
        "applied": sum(p.counts()["applied"] for p in report.packages),
        "master_before": before_merge.stat().st_size, "master_after": master.stat().st_size,
        "backup": backup.stat().st_size if backup else 0,
        "packages": size_of(packages), "package_count": len(packages),
        "merge_parts": timer.shown(),
    }
    if backup:
        backup.unlink()
    floor = work / "floor.parapp"
    shutil.copy(before_merge, floor)
    t1 = time.perf_counter()
    merge_floor(floor, packages)
    figures["merge_floor_s"] = time.perf_counter() - t1
    figures["floor_after"] = floor.stat().st_size
    floor.unlink()
    (work / "build.json").write_text(json.dumps(figures, indent=1))
    return figures


def targets_of(path: Path) -> frozenset:
    with Store.open(path, readonly=True) as pkg:
        return pkg.package_scope().targets


def without_evidence(master: Path, out: Path) -> None:
    """The same province without its evidence: every row of every table but evidence and
    blob, copied by SQL into a new file of the same schema."""
    out.unlink(missing_ok=True)
    con = sqlite3.connect(out, isolation_level=None)
    try:
        con.execute("PRAGMA page_size = 4096")
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("BEGIN")
        for statement in ddl():
            con.execute(statement)
        fileformat.stamp(con)
        con.execute("COMMIT")
        con.execute("ATTACH DATABASE ? AS m", (master.resolve().as_uri() + "?mode=ro",))
        con.execute("BEGIN")
        for table in Base.metadata.sorted_tables:
            if table.name not in ("evidence", "blob"):
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                con.execute(f'INSERT INTO main."{table.name}" ({columns}) SELECT {columns} '
                            f'FROM m."{table.name}"')
        con.execute("COMMIT")
        con.execute("DETACH DATABASE m")
    finally:
        con.close()


# -- measurements ------------------------------------------------------------------------------

def open_and_snapshot(path: Path):
    def run():
        with Store.open(path, readonly=True) as store:
            return store.snapshot()
    return run


def ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def quick_check(path: Path, tables: list[str] | None):
    """PRAGMA quick_check of the whole file (None) or of these tables (and their indexes)."""
    def run():
        con = ro(path)
        try:
            if tables is None:
                return con.execute("PRAGMA quick_check").fetchall()
            return [con.execute(f'PRAGMA quick_check("{t}")').fetchall() for t in tables]
        finally:
            con.close()
    return run


def scan(path: Path):
    def run():
        con = ro(path)
        try:
            return integrity.scan(con, history=False)
        finally:
            con.close()
    return run


def copy_and_sync(src: Path, dest: Path) -> tuple[float, float]:
    t0 = time.perf_counter()
    shutil.copyfile(src, dest)
    t_copy = time.perf_counter() - t0
    fd = os.open(dest, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return t_copy, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    source = cached_province(150)
    work = OUT / f"volume-{args.gb:g}gb-{source.stem}"
    master, keys = work / "master.parapp", work / "keys"
    built = work / "build.json"
    if args.keep and built.exists() and master.exists():
        figures = json.loads(built.read_text())
        print(f"reusing the volume master built {figures['date']} ({work.name})")
    else:
        figures = build(work, args.gb)
    (work / "before-merge.parapp").unlink(missing_ok=True)
    if not args.keep:
        shutil.rmtree(work / "packages", ignore_errors=True)
    f = figures
    print(f"province: 150 units × 120 leaves, {f['files']} evidence files of {f['file_size']:,} "
          f"bytes = {gb(f['evidence'])}; Python {sys.version.split()[0]}, SQLite "
          f"{sqlite3.sqlite_version}; figures of the merge from the build ({f['date']})")
    print(f"export 150 units' packages without evidence: {f['export_150_bare_s']:.2f} s; units "
          f"attaching their files and sealing: {f['fill_and_seal_s']:.0f} s")
    print(f"merge 150 packages ({gb(f['packages'])}, {f['added']} files, {f['applied']} scores): "
          f"{f['merge_s']:.1f} s, floor {f['merge_floor_s']:.1f} s "
          f"({f['merge_s'] / f['merge_floor_s']:.1f}×); read {gb(f['merge_read'])}; master "
          f"{mb(f['master_before'])} → {gb(f['master_after'])} (floor's {gb(f['floor_after'])}); "
          f"backup {mb(f['backup'])}; peak RSS {mb(f['merge_rss'])} "
          f"(before the merge {mb(f['rss_before'])})")
    print(f"  of which {f.get('merge_parts', '—')}")

    noev = work / "no-evidence.parapp"
    without_evidence(master, noev)
    print(f"volume master {gb(master.stat().st_size)}; the same without evidence "
          f"{mb(noev.stat().st_size)}")
    rows = []

    def row(name, t, read, floor=None, what=""):
        rows.append((name, t, read, floor, what))
        ratio = f"{t / floor:7.1f}×" if floor else " " * 8
        print(f"{name:<46}{t:>9.2f}s  read {gb(read):>9}"
              + (f"  floor {floor:7.2f}s {ratio}  {what}" if floor else ""), flush=True)

    # cold: each file dropped from the page cache first
    evict(master)
    t_read_cold, _, _ = measure(lambda: read_all(master))
    evict(master)
    t_open_cold, r_open_cold, _ = measure(open_and_snapshot(master))
    evict(noev)
    t_noev_cold, _, _ = measure(open_and_snapshot(noev))
    evict(master)
    t_qc_cold, r_qc_cold, _ = measure(quick_check(master, None))
    row("read the volume master, cold", t_read_cold, master.stat().st_size)
    row("open + snapshot, cold", t_open_cold, r_open_cold, t_noev_cold,
        "the same province without evidence, cold")
    row("PRAGMA quick_check, cold", t_qc_cold, r_qc_cold, t_read_cold, "reading the file, cold")

    # warm
    read_all(master)
    measure(open_and_snapshot(master))
    warm = {"open": [], "noev": [], "read": [], "qc": [], "qc_blob": [], "qc_rest": [],
            "scan": [], "scan_noev": [], "inspect": []}
    con = ro(master)
    tables = [t.name for t in Base.metadata.sorted_tables]
    others = [t for t in tables if t != "blob"]
    con.close()
    for _ in range(args.repeat):
        warm["open"].append(measure(open_and_snapshot(master)))
        warm["noev"].append(measure(open_and_snapshot(noev)))
        warm["read"].append(measure(lambda: read_all(master)))
        warm["inspect"].append(measure(lambda: fileformat.inspect(master)))
        warm["qc"].append(measure(quick_check(master, None)))
        warm["qc_blob"].append(measure(quick_check(master, ["blob"])))
        warm["qc_rest"].append(measure(quick_check(master, others)))
        warm["scan"].append(measure(scan(master)))
        warm["scan_noev"].append(measure(scan(noev)))

    def med(key):
        return (statistics.median(s[0] for s in warm[key]), warm[key][-1][1])

    t_read = med("read")[0]
    row("open + snapshot, warm", *med("open"), med("noev")[0],
        "the same province without evidence, warm")
    row("  fileformat.inspect (quick_check), warm", *med("inspect"), t_read,
        "reading the file, warm")
    row("  PRAGMA quick_check, warm", *med("qc"), t_read, "reading the file, warm")
    row("  PRAGMA quick_check(blob), warm", *med("qc_blob"))
    row("  PRAGMA quick_check(each other table), warm", *med("qc_rest"))
    row("  integrity.scan, warm", *med("scan"), med("scan_noev")[0],
        "integrity.scan without evidence")
    row("read the volume master, warm", *med("read"))

    # floors of copying the file, and the backup a merge takes first
    copy = work / "copy.parapp"
    t_cp, t_cp_sync = copy_and_sync(master, copy)
    row("shutil.copyfile of the master (+ fsync)", t_cp, master.stat().st_size)
    print(f"{'':<46}with fsync {t_cp_sync:.2f} s")
    test = work / "backup-test.parapp"
    t_backup, r_backup, _ = measure(lambda: fileformat.backup(master, test))
    row("fileformat.backup of the master", t_backup, r_backup, t_cp_sync,
        "copyfile + fsync")
    test.unlink()

    # exports from the working copy (they record what they sent in the master)
    out = work / "exports"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    con = ro(copy)
    u000 = con.execute("SELECT id FROM unit WHERE code = 'U000'").fetchone()[0]
    con.close()
    with Store.open(copy) as store:
        leaves = sorted(store.assignment("M1").leaves)
        t_mem, r_mem, mem = measure(lambda: export_package(store, "M1", out / "M1.parapp"))
        t_unit, r_unit, unit = measure(
            lambda: export_unit_package(store, "U000", out / "U000.parapp"))
    con = ro(copy)
    ids = [r[0] for r in con.execute(
        f"SELECT id FROM criterion WHERE deleted = 0 AND code IN ({', '.join('?' * len(leaves))})",
        leaves)]
    con.close()
    t_mem_floor, _, _ = measure(lambda: copy_part(copy, out / "floor-M1.parapp",
                                                  f"criterion_id IN ({', '.join(map(str, ids))})"))
    t_unit_floor, _, _ = measure(lambda: copy_part(copy, out / "floor-U000.parapp",
                                                   f"unit_id = {u000}", u000))
    row(f"export M1's package ({mem.evidence} files, {mb(mem.path.stat().st_size)})", t_mem,
        r_mem, t_mem_floor, f"copy_part, {mb((out / 'floor-M1.parapp').stat().st_size)}")
    row(f"export U000's package ({unit.evidence} files, {mb(unit.path.stat().st_size)})",
        t_unit, r_unit, t_unit_floor,
        f"copy_part, {mb((out / 'floor-U000.parapp').stat().st_size)}")

    # a small merge into the big master: the unit's package back with one change, one file
    with Store.open(unit.path) as pkg:
        target, own = next((t, own) for t in sorted(pkg.package_scope().targets)
                           if (own := pkg.score(*t)["self_points"]) >= Decimal("0.25"))
        with pkg.edit("bench") as ed:
            ed.write_scores([(*target, {"self_points": own - Decimal("0.25"),
                                        "explanation": "Bổ sung sau rà soát"})])
            ed.add_evidence(*target, pdf(f["file_size"]), "Quyết định bổ sung.pdf")
    seal_package(unit.path, load_key(keys / "U000.key"))
    with Store.open(copy) as store, merge_parts() as parts:
        t_small, r_small, report = measure(lambda: merge_packages(store, [unit.path]))
    backup = report.backup
    row(f"merge U000's package back (+1 file, {report.packages[0].evidence_added} added)",
        t_small, r_small, t_backup, "fileformat.backup alone")
    print(f"{'':<46}its backup {gb(backup.stat().st_size) if backup else '—'} (deleted); "
          f"of which {parts.shown()}")
    if backup:
        backup.unlink()
    shutil.rmtree(out)
    copy.unlink()
    noev.unlink()
    if not args.keep:
        shutil.rmtree(work)
    print(f"peak RSS of this process: {mb(maxrss())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
