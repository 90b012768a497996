"""Benchmarks of the foundation: open, full recompute, ranking, classification.

    .venv/bin/python bench/run.py [--units 150] [--repeat 15]

Builds (once, cached in bench/out/) a province of 150 units × 120 scored leaves through the
real Edit API, then times each operation against a floor measured in the same run:
  open           Store.open + snapshot   vs  raw sqlite3 reading the same score rows
  recompute      Engine.compute × units  vs  a flat sum of the same Decimals (arithmetic floor)
  ranking        rank_block per block    vs  sorted() of the indexes
  classification classify_block          vs  sorted() of the indexes
Reports medians, the ratio to the floor, and peak memory of snapshot + evaluate.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parapp.core.classification import classify_block
from parapp.core.models import ddl
from parapp.core.ranking import rank_block
from parapp.core.scoring import Engine
from parapp.core.store import Store

OUT = Path(__file__).resolve().parent / "out"


def build(path: Path, units: int) -> None:
    """8 areas × 5 criteria × 3 sub-criteria = 120 leaves (1 + 1 + 0.5 per criterion = 100)."""
    rng = random.Random(150)
    store = Store.create(path, "Tỉnh Benchmark", 2025, overwrite=True)
    with store.edit("bench") as ed:
        for code, name in (("SO", "Khối sở"), ("PHUONG", "Khối phường"), ("XA", "Khối xã")):
            ed.add_block(code, name)
        ed.add_member("SNV", "Sở Nội vụ")
        leaves = []
        for a in range(1, 9):
            ed.add_criterion(f"{a}", f"Lĩnh vực {a}", "12.5", appraiser="SNV")
            for c in range(1, 6):
                ed.add_criterion(f"{a}.{c}", f"Tiêu chí {a}.{c}", "2.5", f"{a}")
                for s, mx in ((1, "1"), (2, "1"), (3, "0.5")):
                    ed.add_criterion(f"{a}.{c}.{s}", f"Tiêu chí thành phần {a}.{c}.{s}", mx,
                                     f"{a}.{c}")
                    leaves.append((f"{a}.{c}.{s}", Decimal(mx)))
        for i in range(units):
            block = "SO" if i < 20 else ("PHUONG" if i < 60 else "XA")
            code = f"U{i:03d}"
            ed.add_unit(code, f"Đơn vị {i:03d}", block, f"Người đứng đầu {i}", "Giám đốc",
                        prev_rank=rng.randint(1, 40))
            for leaf, mx in leaves:
                own = (mx * Decimal(rng.randint(60, 100)) / 100).quantize(Decimal("0.01"))
                ed.set_self_score(code, leaf, own)
                if rng.random() < 0.2:
                    ed.set_appraisal(code, leaf, (own * Decimal("0.5")).quantize(
                        Decimal("0.001")), "Thiếu tài liệu kiểm chứng")
                else:
                    ed.set_appraisal(code, leaf, own)
    store.close()


def cached_province(units: int) -> Path:
    """The benchmark province, rebuilt whenever the file schema changes."""
    schema = hashlib.sha256("\n".join(ddl()).encode()).hexdigest()[:10]
    path = OUT / f"bench-{units}-{schema}.parapp"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        t0 = time.perf_counter()
        build(path, units)
        print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")
    return path


def timed(fn, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    path = cached_province(args.units)

    def open_and_snapshot():
        with Store.open(path, readonly=True) as store:
            return store.snapshot()

    def raw_read():
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        rows = [(u, c, Decimal(s), Decimal(a)) for u, c, s, a in con.execute(
            "SELECT unit_id, criterion_id, self_points, appraisal_points FROM score")]
        con.close()
        return rows

    t_open, snap = timed(open_and_snapshot, args.repeat)
    t_raw, rows = timed(raw_read, args.repeat)
    leaves = sum(1 for k in snap.tree.preorder if snap.tree.is_leaf(k))

    engine = Engine(snap.tree, snap.settings.caps)
    engine.compute(snap.units[0])  # compile the block plans once, as the GUI keeps its engine
    t_compute, results = timed(lambda: [engine.compute(u) for u in snap.units], args.repeat)
    values = [r[3] for r in rows]

    def flat_sum():
        total = Decimal(0)
        for v in values:
            total += v
        return total

    t_sum, _ = timed(flat_sum, args.repeat)
    by_block: dict[str, list] = {}
    for r in results:
        by_block.setdefault(r.unit.block, []).append(r)
    t_rank, rankings = timed(lambda: [rank_block(b, rs, snap.settings.tie_policy,
                                                 snap.settings.tie_breakers)
                                      for b, rs in by_block.items()], args.repeat)
    indexes = [r.index for r in results]
    t_sort, _ = timed(lambda: sorted(indexes, reverse=True), args.repeat)
    t_class, _ = timed(lambda: [classify_block(rk.rows(), snap.settings.rules)
                                for rk in rankings], args.repeat)

    tracemalloc.start()
    with Store.open(path, readonly=True) as store:
        store.evaluate()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print(f"province: {len(snap.units)} units × {leaves} leaves = {len(rows)} scores; "
          f"median of {args.repeat} runs; Python {sys.version.split()[0]}")
    print(f"{'operation':<16}{'parapp':>12}{'floor':>12}{'ratio':>9}  floor is")
    for name, t, floor, what in (
            ("open+snapshot", t_open, t_raw, "raw sqlite3 read of the score rows"),
            ("recompute", t_compute, t_sum, "flat Decimal sum of the same scores"),
            ("ranking", t_rank, t_sort, "sorted() of the indexes"),
            ("classification", t_class, t_sort, "sorted() of the indexes")):
        print(f"{name:<16}{t * 1000:>10.2f}ms{floor * 1000:>10.2f}ms{t / floor:>8.1f}×  {what}")
    print(f"peak memory of open + evaluate: {peak / 1048576:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
