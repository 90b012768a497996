"""Benchmark: preparing the council members' packages at two sizes of province, to see how
each step grows with the number of units (issue 16).

    .venv/bin/python bench/packages.py [--units 150 450] [--members 15] [--repeat 1]

For each size, the province of bench/run.py (built once, cached in bench/out/) is copied and
given 15 members (its 40 criteria dealt out among them round-robin, a key each), as
bench/merge.py's setup does. Then, timed, for each member in turn — the sum over the members:
  export       export_package: of which
    build        packages._build, the new file with the member's part copied from the master
                 attached read-only (INSERT … SELECT), its package_base
    digests      packages.table_digests of the new file (the master's record of the frozen
                 tables)
    record       the rest: the master's record of the package (sent_package, one sent_row per
                 row of the part) in a transaction of its own, the file moved into place
  seal         seal_package of the package as exported (gaps, content digest, signature)
  read         the bench choosing a third of the part's rows and reading each one's self score
               (Store.score, one query a row: the bench's own doing, not parapp's work)
  edit         one Store.edit in the package: set_appraisal on each chosen row (the write path
               one row at a time, as the window writes), the scope check, commit
  reseal       seal_package again after the edit
and the floors, measured in the same run on the same rows:
  export       per member: a new file from models.ddl(), the master ATTACHed read-only, INSERT …
               SELECT of every table a package carries, the scores and evidence of the part only
               (bench/unit_packages.copy_part)
  seal         per member: SHA-256 of the package file's bytes and an Ed25519 signature
  edit         per member: one sqlite3 transaction (synchronous = FULL), executemany of
               UPDATE score SET appraisal_points, appraisal_note for the same rows
Prints each step per size, the ratio between the sizes beside the ratio of units, and each
step's ratio to its floor. --repeat runs each size that many times on fresh copies; medians.
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
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.merge import add_members
from bench.run import OUT, cached_province
from bench.unit_packages import copy_part
from parapp.core import packages as packages_mod
from parapp.core.packages import export_package, load_key, seal_package
from parapp.core.store import Store

STEPS = ("export", "build", "digests", "record", "seal", "read", "edit", "reseal")
FLOORS = {"export": "export", "seal": "seal", "edit": "edit", "reseal": "seal"}


class Timer:
    """Sums of wall time per step; `_build` and `table_digests` are wrapped while an export
    runs so that the export's parts are told apart."""

    def __init__(self) -> None:
        self.sums: dict[str, float] = defaultdict(float)

    def add(self, step: str, since: float) -> float:
        now = time.perf_counter()
        self.sums[step] += now - since
        return now

    def timed(self, step: str, function):
        def timed_call(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.add(step, t0)
        return timed_call

    def wrap_export(self):
        build, digests = packages_mod._build, packages_mod.table_digests
        packages_mod._build = self.timed("build", build)
        packages_mod.table_digests = self.timed("digests", digests)
        return lambda: setattr(packages_mod, "_build", build) or setattr(
            packages_mod, "table_digests", digests)


def setup(units: int, members: int, work: Path) -> tuple[Path, list[str]]:
    """A copy of the cached province with the members, their keys and criteria (untimed)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    master = work / "master.parapp"
    shutil.copy(cached_province(units), master)
    with Store.open(master) as store:
        codes = add_members(store, members, work)
    return master, codes


def run_parapp(master: Path, codes: list[str], work: Path) -> tuple[dict[str, float], dict]:
    timer = Timer()
    rng = random.Random(15)
    edits: dict[str, list[tuple[str, str, Decimal]]] = {}
    rows = 0
    with Store.open(master) as store:
        for code in codes:
            path = work / f"{code}.parapp"
            key = load_key(work / f"{code}.key")
            restore = timer.wrap_export()
            try:
                t = time.perf_counter()
                export = export_package(store, code, path)
                t = timer.add("export", t)
            finally:
                restore()
            rows += export.scores
            seal_package(path, key)
            t = timer.add("seal", t)
            with Store.open(path) as pkg:
                chosen = [(u, c, pkg.score(u, c)["self_points"])
                          for u, c in sorted(pkg.package_scope().targets) if rng.random() < 1 / 3]
                t = timer.add("read", t)
                changed = [(u, c, (own * Decimal("0.75")).quantize(Decimal("0.01")))
                           for u, c, own in chosen]
                with pkg.edit("bench") as ed:
                    for unit, crit, points in changed:
                        ed.set_appraisal(unit, crit, points, "Tài liệu kiểm chứng chưa đầy đủ")
            t = timer.add("edit", t)
            seal_package(path, key)
            timer.add("reseal", t)
            edits[code] = changed
    sums = dict(timer.sums)
    sums["record"] = sums["export"] - sums["build"] - sums["digests"]
    return sums, {"rows": rows, "changed": sum(len(v) for v in edits.values()), "edits": edits}


def run_floors(master: Path, codes: list[str], work: Path, edits: dict) -> dict[str, float]:
    sums: dict[str, float] = defaultdict(float)
    con = sqlite3.connect(f"{master.resolve().as_uri()}?mode=ro", uri=True)
    sent = dict(con.execute("SELECT member_code, id FROM sent_package"))
    con.close()
    for code in codes:
        out = work / f"floor-{code}.parapp"
        t0 = time.perf_counter()
        copy_part(master, out, "(unit_id, criterion_id) IN (SELECT unit_id, criterion_id "
                               f"FROM m.sent_row WHERE sent_id = {int(sent[code])})")
        t1 = time.perf_counter()
        sums["export"] += t1 - t0
        key = load_key(work / f"{code}.key")
        digest = hashlib.sha256((work / f"{code}.parapp").read_bytes()).digest()
        key.sign(digest)
        t2 = time.perf_counter()
        sums["seal"] += t2 - t1
        pkg = sqlite3.connect(out, isolation_level=None)
        ids = dict(pkg.execute("SELECT code, id FROM unit")), dict(
            pkg.execute("SELECT code, id FROM criterion"))
        t3 = time.perf_counter()
        pkg.execute("PRAGMA synchronous = FULL")
        pkg.execute("BEGIN")
        pkg.executemany(
            "UPDATE score SET appraisal_points = ?, appraisal_note = ? "
            "WHERE unit_id = ? AND criterion_id = ?",
            [(str(p), "Tài liệu kiểm chứng chưa đầy đủ", ids[0][u], ids[1][c])
             for u, c, p in edits[code]])
        pkg.execute("COMMIT")
        pkg.close()
        sums["edit"] += time.perf_counter() - t3
        out.unlink()
    return dict(sums)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, nargs="+", default=[150, 450])
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    results = {}
    for units in args.units:
        cached_province(units)  # built (and timed) outside the runs
        runs, floors, facts = [], [], {}
        for i in range(args.repeat):
            work = OUT / f"packages-{units}-{i}"
            master, codes = setup(units, args.members, work)
            sums, facts = run_parapp(master, codes, work)
            runs.append(sums)
            floors.append(run_floors(master, codes, work, facts["edits"]))
            shutil.rmtree(work)
        results[units] = (
            {s: statistics.median(r[s] for r in runs) for s in STEPS},
            {s: statistics.median(f[s] for f in floors) for s in ("export", "seal", "edit")},
            facts)
    print(f"{args.members} members' packages; sums over the members, median of {args.repeat} "
          f"run(s) per size; Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    for units, (_t, _f, facts) in results.items():
        print(f"  {units} units: {facts['rows']:,} rows in the members' parts, "
              f"{facts['changed']:,} appraisals changed")
    sizes = list(results)
    header = f"{'step':<10}" + "".join(f"{f'{u} units':>12}" for u in sizes)
    header += "".join(f"{f'×{u}/{sizes[0]}':>11}" for u in sizes[1:])
    header += "".join(f"{f'floor {u}':>11}{'ratio':>7}" for u in sizes)
    print(header)
    for step in (*STEPS, "total"):
        times = [sum(results[u][0][s] for s in ("export", "seal", "read", "edit", "reseal"))
                 if step == "total" else results[u][0][step] for u in sizes]
        line = f"{step:<10}" + "".join(f"{t:>11.2f}s" for t in times)
        line += "".join(f"{t / times[0]:>10.2f}×" for t in times[1:])
        if step in FLOORS:
            for u, t in zip(sizes, times):
                floor = results[u][1][FLOORS[step]]
                line += f"{floor:>10.2f}s{t / floor:>6.1f}×"
        print(line)
    for u in sizes[1:]:
        print(f"units ×{u / sizes[0]:.2f}; rows of the parts ×"
              f"{results[u][2]['rows'] / results[sizes[0]][2]['rows']:.2f}")
    for step in ("export", "seal", "edit"):
        floors = [results[u][1][step] for u in sizes]
        print(f"floor {step:<7}" + "".join(f"{t:>11.2f}s" for t in floors)
              + "".join(f"{t / floors[0]:>10.2f}×" for t in floors[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
