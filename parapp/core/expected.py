"""Mid-year tracking: the points each unit expects to reach (dự kiến) on each sub-criterion,
entered before the season (the scores workbook's column «Điểm dự kiến», or `Edit.write_scores`
with `expected_points`), and how many sub-criteria are expected at full points — per unit and
for the province ("42/95 tiêu chí thành phần dự kiến đạt điểm tối đa"), with those that are not.

A unit's sub-criteria are its applicable leaves (not-applicable ones are not its), survey and
SIPAS leaves included. A leaf without an estimate counts as not expected at full and is listed
as not estimated. Expected points are never part of a result.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.evaluation import PeriodResult, Snapshot


@dataclass(frozen=True)
class ShortLeaf:
    """A sub-criterion not expected at full points."""
    code: str
    name: str
    max: Decimal
    expected: Decimal | None  # None: not estimated

    @property
    def gap(self) -> Decimal | None:
        return None if self.expected is None else self.max - self.expected


@dataclass(frozen=True)
class UnitOutlook:
    code: str
    name: str
    block: str
    leaves: int  # applicable sub-criteria
    estimated: int
    full: int  # expected at their maximum
    short: tuple[ShortLeaf, ...]  # estimated below the maximum (largest gap first), then the
    # ones not estimated (in the set's order)


@dataclass(frozen=True)
class LeafOutlook:
    """One sub-criterion across the units it applies to."""
    code: str
    name: str
    units: int
    full: int  # units expecting its maximum


@dataclass(frozen=True)
class Outlook:
    units: tuple[UnitOutlook, ...]
    criteria: tuple[LeafOutlook, ...]  # fewest units expecting full points first

    @property
    def leaves(self) -> int:
        return sum(u.leaves for u in self.units)

    @property
    def full(self) -> int:
        return sum(u.full for u in self.units)

    @property
    def estimated(self) -> int:
        return sum(u.estimated for u in self.units)


def outlook(snapshot: Snapshot, result: PeriodResult,
            expected: Mapping[tuple[str, str], Decimal]) -> Outlook:
    tree = snapshot.tree
    order = {k: i for i, k in enumerate(tree.leaves)}
    units = []
    per_leaf: dict[str, list[int]] = {}
    for u in snapshot.units:
        r = result.results.get(u.key)
        if r is None:
            continue
        mine = r.applicable(tree.leaves)
        below, missing = [], []
        full = 0
        for key in mine:
            node, top = tree.nodes[key], r.node_max[key]
            value = expected.get((u.code, node.code))
            counts = per_leaf.setdefault(key, [0, 0])
            counts[0] += 1
            if value is None:
                missing.append(ShortLeaf(node.code, node.name, top, None))
            elif value >= top:
                full += 1
                counts[1] += 1
            else:
                below.append(ShortLeaf(node.code, node.name, top, value))
        below.sort(key=lambda s: (-(s.gap or 0), order[tree.by_code[s.code].key]))
        units.append(UnitOutlook(u.code, u.name, u.block, len(mine), len(mine) - len(missing),
                                 full, tuple(below + missing)))
    criteria = sorted((LeafOutlook(tree.nodes[k].code, tree.nodes[k].name, n, f)
                       for k, (n, f) in per_leaf.items()),
                      key=lambda c: (Decimal(c.full) / c.units, order[tree.by_code[c.code].key]))
    return Outlook(tuple(units), tuple(criteria))


def read_outlook(store) -> Outlook:
    """The open period's outlook, in one evaluation and one query."""
    from parapp.core.evaluation import evaluate
    snapshot = store.snapshot()
    return outlook(snapshot, evaluate(snapshot), store.expected_points())
