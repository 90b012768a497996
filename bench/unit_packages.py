"""Benchmark: the demo's 137 units' self-assessment packages, exported and merged back with
their evidence.

    .venv/bin/python bench/unit_packages.py [--repeat 3]

Setup (untimed, cached in bench/out/units-<demo>/): the demo province (137 units, built once
like `parapp demo`) is copied to a "bare" master whose evidence and blob rows are removed with
raw SQL (DELETE + VACUUM), the removed files kept in memory; each unit gets a key registered in
the bare master. A copy of it exports the 137 packages; each package gets back its unit's files
(those on a (unit, criterion) of its part; a small file for each leaf where evidence is
mandatory and none was left), has three self scores lowered by 0.25 with an explanation, and
is sealed with the unit's key.

Timed, median of --repeat runs, each on a fresh copy of its master:
  export         export_unit_packages(all 137) from the bare master (no evidence: what goes out
                 before units attach files), and the same from the demo itself (each unit's own
                 files go out: ≈ 87 a unit)
    floor        per unit: a new file made from models.ddl(), the master ATTACHed read-only,
                 INSERT … SELECT of every table a package carries (not audit, merge_resolution,
                 merged_package, sent_row, sent_package, package_info, package_base, seal),
                 score and evidence rows of that unit only, the blobs they reference
  merge          merge_packages(master, 137 sealed packages): seals, checks against the
                 master's record, backup, three-way comparison, the score changes and every
                 new file written with their audit entries
    floor        one connection to a copy of the master, ATTACH the packages 10 at a time
                 (SQLite's limit), INSERT OR IGNORE INTO blob SELECT …, INSERT INTO evidence
                 SELECT … of the rows the master lacks, INSERT OR REPLACE of the score rows,
                 one transaction per batch
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sqlite3
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import OUT
from parapp.core import fileformat
from parapp.core.errors import ValidationError
from parapp.core.merge import merge_packages
from parapp.core.models import Base, ddl
from parapp.core.packages import (
    export_unit_packages,
    load_key,
    new_key,
    package_gaps,
    seal_package,
)
from parapp.core.store import Store

# what a package never carries (the secretariat's history and bookkeeping, the package tables)
NOT_SENT = {"audit", "merge_resolution", "merged_package", "sent_row", "sent_package",
            "package_info", "package_base", "seal"}
# what a unit's package carries of its own unit only
UNIT_OWNED = {"exclusion", "adjustment", "head_override", "survey_result", "survey_item"}
LOWERED = 3  # self scores lowered in each unit's package


def schema_tag() -> str:
    return hashlib.sha256("\n".join(ddl()).encode()).hexdigest()[:10]


def cached_demo() -> Path:
    """The demo province as `parapp demo` writes it (137 units), rebuilt per file schema."""
    from parapp.core.demo import build_demo
    path = OUT / f"demo-137-{schema_tag()}.parapp"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        t0 = time.perf_counter()
        build_demo(path)
        print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")
    return path


def size_of(paths) -> int:
    return sum(Path(p).stat().st_size for p in paths)


def mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


# -- floors -----------------------------------------------------------------------------------

def copy_part(master: Path, out: Path, part: str, owned_unit: int | None = None) -> None:
    """The export floor for one package: a new file of the current schema, the master attached
    read-only, every table a package carries copied by INSERT … SELECT; score and evidence rows
    only where `part` (an SQL condition on unit_id and criterion_id) holds, with their blobs;
    the unit-owned tables only for `owned_unit` when given. One transaction, like parapp's."""
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
        live = f"({part}) AND deleted = 0"
        where = {"score": part, "evidence": live,
                 "blob": f"sha256 IN (SELECT sha256 FROM m.evidence WHERE {live})"}
        for table in Base.metadata.sorted_tables:
            name = table.name
            if name in NOT_SENT:
                continue
            condition = where.get(name) or (f"unit_id = {int(owned_unit)}" if owned_unit
                                            is not None and name in UNIT_OWNED else "")
            columns = ", ".join(f'"{c.name}"' for c in table.columns)
            con.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM m."{name}"'
                        + (f" WHERE {condition}" if condition else ""))
        con.execute("COMMIT")
        con.execute("DETACH DATABASE m")
    finally:
        con.close()


def export_floor(master: Path, folder: Path) -> None:
    """copy_part for every live unit of `master`: its score and evidence rows, its blobs."""
    con = sqlite3.connect(f"{master.resolve().as_uri()}?mode=ro", uri=True)
    units = con.execute("SELECT id, code FROM unit WHERE deleted = 0 ORDER BY position, code"
                        ).fetchall()
    con.close()
    for unit_id, code in units:
        copy_part(master, folder / f"floor-{code}.parapp", f"unit_id = {int(unit_id)}", unit_id)


def merge_floor(master: Path, packages: list[Path]) -> None:
    """ATTACH 10 packages at a time (SQLite's limit); per batch, in one transaction: their
    blobs (INSERT OR IGNORE), the evidence rows the master lacks, and their score rows
    (INSERT OR REPLACE)."""
    con = sqlite3.connect(master, isolation_level=None)
    con.execute("PRAGMA synchronous = FULL")
    columns = ", ".join(f'"{r[1]}"' for r in con.execute("PRAGMA table_info(evidence)")
                        if r[1] != "id")
    for start in range(0, len(packages), 10):
        batch = packages[start:start + 10]
        for i, package in enumerate(batch):
            con.execute(f"ATTACH DATABASE ? AS p{i}", (package.resolve().as_uri() + "?mode=ro",))
        con.execute("BEGIN")
        for i in range(len(batch)):
            con.execute(f"INSERT OR IGNORE INTO main.blob (sha256, size, data) "
                        f"SELECT sha256, size, data FROM p{i}.blob")
            con.execute(f"INSERT INTO main.evidence ({columns}) SELECT {columns} "
                        f"FROM p{i}.evidence WHERE deleted = 0 "
                        f"AND uuid NOT IN (SELECT uuid FROM main.evidence)")
            con.execute(
                f"INSERT OR REPLACE INTO main.score SELECT s.* FROM p{i}.score s "
                f"JOIN p{i}.unit u ON u.id = s.unit_id "
                f"JOIN p{i}.criterion c ON c.id = s.criterion_id "
                f"JOIN p{i}.package_base b ON b.unit_uuid = u.uuid "
                f"AND b.criterion_uuid = c.uuid")
        con.execute("COMMIT")
        for i in range(len(batch)):
            con.execute(f"DETACH DATABASE p{i}")
    con.close()


# -- the units' side --------------------------------------------------------------------------

def fill_and_seal(path: Path, holder: str, files: list[tuple[str, str, str, bytes]],
                  key_path: Path, rng: random.Random,
                  lowered: int = LOWERED) -> tuple[int, int, int]:
    """What a unit does with its package: attach `files` (unit, criterion, name, bytes) on its
    part, lower `lowered` self scores by 0.25 with an explanation, attach a small file for each
    leaf where evidence is mandatory and missing, seal. Returns (files, scores lowered, files
    added for gaps)."""
    attached = changed = 0
    with Store.open(path) as pkg:
        targets = pkg.package_scope().targets
        if files:
            with pkg.edit("bench") as ed:
                for unit, crit, name, data in files:
                    if (unit, crit) in targets:
                        ed.add_evidence(unit, crit, data, name)
                        attached += 1
        order = sorted(targets)
        rng.shuffle(order)
        for unit, crit in order:
            if changed == lowered:
                break
            own = pkg.score(unit, crit).get("self_points")
            if own is None or own < Decimal("0.25"):
                continue
            try:
                with pkg.edit("bench") as ed:
                    ed.write_scores([(unit, crit, {
                        "self_points": own - Decimal("0.25"),
                        "explanation": "Đơn vị tự rà soát lại: chưa hoàn thành đúng hạn"})])
            except ValidationError:  # a method that does not take this value: another leaf
                continue
            changed += 1
    missing = [g for g in package_gaps(path) if g.blocking]
    if missing:
        with Store.open(path) as pkg, pkg.edit("bench") as ed:
            for g in missing:
                ed.add_evidence(g.unit, g.criterion,
                                f"%PDF-1.4 bổ sung {g.unit} {g.criterion}\n".encode(),
                                f"Bổ sung {g.criterion}.pdf")
    seal_package(path, load_key(key_path))
    return attached, changed, len(missing)


def prepare() -> tuple[Path, Path, Path, list[Path], int, int]:
    """(demo, bare master, master that sent the packages, sealed packages, files, bytes)."""
    demo = cached_demo()
    work = OUT / f"units-{demo.stem}"
    bare, master, folder, keys = (work / "bare.parapp", work / "master.parapp",
                                  work / "packages", work / "keys")
    ready = work / "ready"
    if ready.exists():
        files, total = map(int, ready.read_text().split())
        return demo, bare, master, sorted(folder.glob("*.parapp")), files, total
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    shutil.copy(demo, bare)
    con = sqlite3.connect(bare)
    removed = con.execute(
        "SELECT u.code, c.code, e.original_name, b.data FROM evidence e "
        "JOIN unit u ON u.id = e.unit_id JOIN criterion c ON c.id = e.criterion_id "
        "JOIN blob b ON b.sha256 = e.sha256 WHERE e.deleted = 0 ORDER BY e.id").fetchall()
    con.execute("DELETE FROM evidence")
    con.execute("DELETE FROM blob")
    con.commit()
    con.execute("VACUUM")
    con.close()
    with Store.open(bare) as store, store.edit("bench") as ed:
        for unit in store.units():
            ed.register_unit_key(unit.code, new_key(keys / f"{unit.code}.key"))
    shutil.copy(bare, master)
    folder.mkdir()
    with Store.open(master) as store:
        done = export_unit_packages(store, folder)
    by_unit: dict[str, list] = {}
    for row in removed:
        by_unit.setdefault(row[0], []).append(row)
    rng = random.Random(137)
    attached = changed = gaps = 0
    for d in done:
        a, c, g = fill_and_seal(d.path, d.holder, by_unit.get(d.holder, []),
                                keys / f"{d.holder}.key", rng)
        attached, changed, gaps = attached + a, changed + c, gaps + g
    total = sum(len(r[3]) for r in removed)
    print(f"prepared {len(done)} packages in {time.perf_counter() - t0:.1f} s: "
          f"{len(removed)} files of the demo ({mb(total)}), {attached} attached back on the "
          f"units' parts, {gaps} added for mandatory evidence, {changed} self scores lowered")
    ready.write_text(f"{len(removed)} {total}")
    return demo, bare, master, sorted(d.path for d in done), len(removed), total


def run_export(source: Path, scratch: Path) -> tuple[float, float, int, int]:
    """(parapp s, floor s, packages' bytes, floor files' bytes) exporting every unit of a copy
    of `source`."""
    copy, folder = scratch / "master.parapp", scratch / "out"
    shutil.rmtree(scratch, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(source, copy)
    with Store.open(copy) as store:
        t0 = time.perf_counter()
        done = export_unit_packages(store, folder)
        t_parapp = time.perf_counter() - t0
    written = size_of(d.path for d in done)
    shutil.rmtree(folder)
    folder.mkdir()
    shutil.copy(source, copy)
    t0 = time.perf_counter()
    export_floor(copy, folder)
    t_floor = time.perf_counter() - t0
    floor_written = size_of(folder.iterdir())
    shutil.rmtree(scratch)
    return t_parapp, t_floor, written, floor_written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    demo, bare, master, packages, files, total = prepare()
    scratch = OUT / "units-run"
    results: dict[str, list] = {"bare": [], "demo": [], "merge": [], "merge floor": []}
    report = None
    merged_size = backup_size = 0
    for _ in range(args.repeat):
        results["bare"].append(run_export(bare, scratch))
        results["demo"].append(run_export(demo, scratch))
        copy = OUT / "units-merge-run.parapp"
        shutil.copy(master, copy)
        with Store.open(copy) as store:
            t0 = time.perf_counter()
            report = merge_packages(store, packages)
            results["merge"].append(time.perf_counter() - t0)
        merged_size = copy.stat().st_size
        if report.backup:
            backup_size = report.backup.stat().st_size
            report.backup.unlink()
        shutil.copy(master, copy)
        t0 = time.perf_counter()
        merge_floor(copy, packages)
        results["merge floor"].append(time.perf_counter() - t0)
        floor_size = copy.stat().st_size
        copy.unlink()
    assert report is not None
    added = sum(p.evidence_added for p in report.packages)
    applied = sum(p.counts()["applied"] + p.counts()["parallel"] for p in report.packages)

    def med(rows: list, i: int) -> float:
        return statistics.median(r[i] for r in rows)

    print(f"{len(packages)} units' self-assessment packages of the demo; {files} files "
          f"({mb(total)}) taken out of the master and attached back by the units; median of "
          f"{args.repeat} runs; Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    print(f"{'operation':<40}{'parapp':>9}{'floor':>9}{'ratio':>8}  written (parapp / floor)")
    for name, key in (("export 137 from the bare master", "bare"),
                      ("export 137 from the demo (its evidence)", "demo")):
        rows = results[key]
        t, f = med(rows, 0), med(rows, 1)
        print(f"{name:<40}{t:>8.2f}s{f:>8.2f}s{t / f:>7.1f}×  {mb(rows[-1][2])} / "
              f"{mb(rows[-1][3])}")
    t, f = statistics.median(results["merge"]), statistics.median(results["merge floor"])
    print(f"{'merge 137 with their evidence':<40}{t:>8.2f}s{f:>8.2f}s{t / f:>7.1f}×  master "
          f"{mb(master.stat().st_size)} → {mb(merged_size)} / {mb(floor_size)}")
    print(f"merge: {added} files added, {applied} self scores changed; packages "
          f"{mb(size_of(packages))}; backup written by the merge {mb(backup_size)} (deleted)")
    print("targets: export of all units under 10 s — "
          + ("met" if max(med(results[k], 0) for k in ("bare", "demo")) < 10 else "NOT met")
          + "; merge of all under 10 s — " + ("met" if t < 10 else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
