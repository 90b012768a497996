"""Benchmark: merging 15 council members' sealed packages into a 150-unit province.

    .venv/bin/python bench/merge.py [--repeat 5] [--members 15] [--units 150]

Setup (untimed, cached in bench/out/): the --units × 120 province of bench/run.py gets 15 members,
its 40 criteria dealt out among them round-robin, each member a key; each member's package is
exported, a third of its appraisals changed (with a reason), and sealed. Timed, each repetition
on a fresh copy of the master:
  merge   merge_packages(master, 15 packages): verify every seal (content digest + Ed25519),
          back up the master, compare every row three ways, write the changes and the merge
          records in one transaction, commit
  (the merge's wall time, and its CPU time — process_time, every thread — steadier on a
  shared machine)
  floor   plain SQLite: ATTACH each package and INSERT OR REPLACE the same score rows
          (every row of the member's part) into the master, in one transaction, commit
"""
from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import OUT, cached_province
from parapp.core.merge import merge_packages
from parapp.core.packages import export_package, load_key, new_key, seal_package
from parapp.core.store import Store


def add_members(store: Store, members: int, work: Path) -> list[str]:
    """`members` council members M01…, a key each (in `work`), the criteria dealt out among
    them round-robin; their codes."""
    codes = [f"M{i:02d}" for i in range(1, members + 1)]
    with store.edit("bench") as ed:
        for code in codes:
            ed.add_member(code, f"Sở thành viên {code}")
            ed.register_key(code, new_key(work / f"{code}.key"))
        criteria = [n.code for n in store.tree().nodes.values() if n.code.count(".") == 1]
        for i, crit in enumerate(sorted(criteria)):
            ed.update_criterion(crit, appraiser=codes[i % members])
    return codes


def prepare(members: int, units: int = 150) -> tuple[Path, list[Path]]:
    source = cached_province(units)
    work = OUT / f"merge-{source.stem}-{members}"
    master = work / "master.parapp"
    packages = [work / f"M{i:02d}.parapp" for i in range(1, members + 1)]
    if master.exists() and all(p.exists() for p in packages):
        return master, packages
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy(source, master)
    rng = random.Random(15)
    t0 = time.perf_counter()
    with Store.open(master) as store:
        codes = add_members(store, members, work)
        for code, path in zip(codes, packages):
            export_package(store, code, path)
            with Store.open(path) as pkg:
                chosen = [(u, c, pkg.score(u, c)["self_points"])
                          for u, c in sorted(pkg.package_scope().targets) if rng.random() < 1 / 3]
                with pkg.edit("bench") as ed:
                    for unit, crit, own in chosen:
                        ed.set_appraisal(unit, crit, (own * Decimal("0.75")).quantize(
                            Decimal("0.01")), "Tài liệu kiểm chứng chưa đầy đủ")
            seal_package(path, load_key(work / f"{code}.key"))
    print(f"prepared {members} packages in {time.perf_counter() - t0:.1f} s")
    return master, packages


def floor(master: Path, packages: list[Path]) -> None:
    """SQLite attaches at most 10 databases at once: batches of 10, one transaction each."""
    con = sqlite3.connect(master, isolation_level=None)
    con.execute("PRAGMA synchronous = FULL")
    for start in range(0, len(packages), 10):
        batch = packages[start:start + 10]
        for i, package in enumerate(batch):
            con.execute(f"ATTACH DATABASE ? AS p{i}", (str(package),))
        con.execute("BEGIN")
        for i in range(len(batch)):
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--units", type=int, default=150)
    args = parser.parse_args()
    master, packages = prepare(args.members, args.units)
    merges, cpus, floors, report = [], [], [], None
    for i in range(args.repeat):
        copy = OUT / f"merge-run-{i}.parapp"
        shutil.copy(master, copy)
        with Store.open(copy) as store:
            t0, c0 = time.perf_counter(), time.process_time()
            report = merge_packages(store, packages)
            merges.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        if report.backup:
            report.backup.unlink()
        shutil.copy(master, copy)
        t0 = time.perf_counter()
        floor(copy, packages)
        floors.append(time.perf_counter() - t0)
        copy.unlink()
    rows = sum(sum(p.counts().values()) for p in report.packages)
    applied = sum(p.counts()["applied"] for p in report.packages)
    t_merge, t_floor = statistics.median(merges), statistics.median(floors)
    print(f"{len(packages)} packages, {rows} rows of members' parts, {applied} changes applied; "
          f"median of {args.repeat} runs")
    print(f"merge           {t_merge:6.2f} s   (CPU {statistics.median(cpus):.2f} s)")
    print(f"SQLite floor    {t_floor:6.2f} s   (ATTACH + INSERT OR REPLACE … SELECT of the "
          "same rows)")
    print(f"ratio           {t_merge / t_floor:6.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
