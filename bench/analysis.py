"""Benchmark: the province-wide analysis must feel instant on every edit.

    .venv/bin/python bench/analysis.py [--repeat 20]

On the 150 × 120 province of bench/run.py, with a first appraisal deducting a quarter of the
leaves (cached, untimed), the evaluated period in memory as the window holds it. Timed (median
of --repeat):
  analysis   criterion_stats of every block (the province) — per sub-criterion: units losing
             points, share reached, points lost, who lost most, the reasons given most often,
             over-scoring — and unit_losses of one unit
  pictures   self_gaps, summary, heat_map and index_distribution of every block
  compare    the comparison with a previous period of the same 150 units (every unit mapped,
             per-criterion values of every node; built from this period's results, untimed)
  expected   the mid-year outlook with an expected score on every leaf
  floor      one pass over the same (unit, leaf) pairs summing points and maxima: the least any
             per-criterion figure costs
Target: well under 100 ms in-process for all of them together.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import OUT, cached_province
from parapp.core.analysis import (
    criterion_stats,
    heat_map,
    index_distribution,
    read_notes,
    self_gaps,
    summary,
    unit_losses,
)
from parapp.core.carry_over import past_results
from parapp.core.comparison import compare
from parapp.core.evaluation import evaluate
from parapp.core.expected import outlook
from parapp.core.previous import PastUnit, by_successor
from parapp.core.store import Store


def prepare() -> Path:
    source = cached_province(150)
    path = OUT / f"analysis-{source.stem}.parapp"
    if path.exists():
        return path
    shutil.copy(source, path)
    rng = random.Random(15)
    with Store.open(path) as store, store.edit("bench") as ed:
        changes = []
        snapshot = store.snapshot()
        tree = snapshot.tree
        for unit in snapshot.units:
            for key, score in unit.scores.items():
                if score.self_points and rng.random() < 0.25:
                    changes.append((unit.code, tree.nodes[key].code, {
                        "appraisal_points": (score.self_points / 2).quantize(Decimal("0.01")),
                        "appraisal_note": rng.choice(["Thiếu tài liệu kiểm chứng",
                                                      "Báo cáo chậm", "Số liệu không khớp"])}))
        ed.write_scores(changes)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with Store.open(prepare(), readonly=True) as store:
        snapshot = store.snapshot()
        result = evaluate(snapshot)
        notes = read_notes(store)
        departments = {m.code: m.department for m in store.members()}
        past = [PastUnit(u.code, u.name, u.block, u.ranked, u.total, u.index - 1, u.rank,
                         u.code, u.values, u.maxima, u.block_name) for u in past_results(store)]
    previous = by_successor(past)
    tree = snapshot.tree
    expected = {(u.code, tree.nodes[k].code): v for u in snapshot.units
                for k, v in result.results[u.key].node_max.items() if tree.is_leaf(k)}
    blocks = [b.code for b in snapshot.blocks]
    unit = snapshot.units[0].code
    times, pictures, comparing, outlooks, floors = [], [], [], [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        stats = criterion_stats(snapshot, result, notes)
        unit_losses(snapshot, result, unit, notes.get(unit, {}), departments)
        times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        self_gaps(snapshot, result)
        summary(snapshot, result)
        for block in blocks:
            heat_map(snapshot, result, block)
        index_distribution(snapshot, result)
        pictures.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = compare(snapshot, result, previous, 2024)
        comparing.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        outlook(snapshot, result, expected)
        outlooks.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sums: dict[str, list] = {}
        for r in result.results.values():
            for key, top in r.node_max.items():
                pair = sums.setdefault(key, [Decimal(0), Decimal(0)])
                pair[0] += r.node_points.get(key, Decimal(0))
                pair[1] += top
        floors.append(time.perf_counter() - t0)
    f = statistics.median(floors)
    losing = sum(s.losing for s in stats)
    compared = sum(len(u.criteria) for u in found.units)
    print(f"{len(snapshot.units)} units, {len(stats)} sub-criteria, {losing} (unit, "
          f"sub-criterion) pairs below the maximum, {compared} compared with last year; "
          f"median of {args.repeat}")
    total = 0.0
    for name, runs in (("analysis", times), ("pictures", pictures), ("compare", comparing),
                       ("expected", outlooks)):
        t = statistics.median(runs)
        total += t
        print(f"{name:<15} {t * 1000:7.1f} ms   {t / f:5.1f}× the floor")
    print(f"all             {total * 1000:7.1f} ms   {total / f:5.1f}× the floor")
    print(f"floor           {f * 1000:7.1f} ms   (one pass summing points and maxima)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
