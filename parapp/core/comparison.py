"""This year against the linked previous period (`parapp compare`): per unit its index, total
and rank then and now, per criterion what it gained or lost, and per block the averages.

Last year's figures are those of parapp.core.previous (a merged unit's derived from its old
units', marked so). A criterion is compared by its code; where its maximum changed, last
year's points count in proportion to this year's maximum (last year's share × this year's
maximum), so that a change in the set is not read as a change in the unit. Exact decimals;
averages are exact quotients, rounded only for display.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from parapp.core.evaluation import PeriodResult, Snapshot
from parapp.core.numbers import ZERO
from parapp.core.previous import PastUnit, Previous, by_successor
from parapp.core.scoring import UnitInput

TOP = 5  # criteria that improved or fell most: how many each list keeps
BLOCK_TOP = 3  # the same across a block
NOTICEABLE = Decimal("0.005")  # an average change below half a hundredth is shown as none


class CriterionChange(NamedTuple):  # a tuple: a province compares 18,000 of them per edit
    code: str
    name: str
    max: Decimal  # this year's, for the unit
    points: Decimal  # in force this year
    previous: Decimal  # last year's, in proportion to this year's maximum where it changed
    previous_max: Decimal  # last year's maximum

    @property
    def change(self) -> Decimal:
        return self.points - self.previous


@dataclass(frozen=True)
class UnitComparison:
    code: str
    name: str
    block: str
    total: Decimal  # as published
    index: Decimal
    rank: int | None  # None: not ranked, or nothing scored yet this year
    previous: Previous | None  # None: no old unit is mapped to it
    criteria: tuple[CriterionChange, ...] = ()  # sub-criteria comparable with last year
    # anything of this year's entered (a score, a survey figure, a bonus or penalty): before
    # that its index is no result to compare — a new period is not every unit falling to 0
    scored: bool = True

    @property
    def index_change(self) -> Decimal | None:
        if self.previous is None or not self.scored:
            return None
        return self.index - self.previous.index

    @property
    def rank_change(self) -> int | None:
        """Places gained (positive = up)."""
        if self.previous is None or self.previous.rank is None or self.rank is None:
            return None
        return self.previous.rank - self.rank

    @property
    def improved(self) -> tuple[CriterionChange, ...]:
        return tuple(sorted((c for c in self.criteria if c.change > 0),
                            key=lambda c: (-c.change, c.code))[:TOP])

    @property
    def fell(self) -> tuple[CriterionChange, ...]:
        return tuple(sorted((c for c in self.criteria if c.change < 0),
                            key=lambda c: (c.change, c.code))[:TOP])


@dataclass(frozen=True)
class CriterionTrend:
    """A sub-criterion across a block's compared units: the average change."""
    code: str
    name: str
    units: int
    change: Decimal


@dataclass(frozen=True)
class BlockComparison:
    code: str
    name: str
    units: int  # units with a previous result and this year's under way: those compared
    index: Decimal  # their average index this year (0 when there are none)
    previous: Decimal  # and last year
    rose: int  # units whose index rose
    sank: int  # units whose index fell
    trends: tuple[CriterionTrend, ...]  # every comparable sub-criterion, most improved first
    waiting: int = 0  # units with a previous result and nothing scored yet this year

    @property
    def change(self) -> Decimal:
        return self.index - self.previous

    @property
    def improved(self) -> tuple[CriterionTrend, ...]:
        """The sub-criteria that improved most on average (as UnitComparison.improved)."""
        return tuple(t for t in self.trends if t.change >= NOTICEABLE)[:BLOCK_TOP]

    @property
    def fell(self) -> tuple[CriterionTrend, ...]:
        return tuple(t for t in reversed(self.trends) if t.change <= -NOTICEABLE)[:BLOCK_TOP]


@dataclass(frozen=True)
class Comparison:
    year: int  # the linked period's
    units: tuple[UnitComparison, ...]  # in ranking order per block
    blocks: tuple[BlockComparison, ...]

    def unit(self, code: str) -> UnitComparison:
        return next(u for u in self.units if u.code == code)


def _criteria(leaves: list[tuple[str, str, str]], result: PeriodResult, key: str,
              previous: Previous) -> tuple[CriterionChange, ...]:
    r = result.results[key]
    node_max, node_points = r.node_max, r.node_points
    values, maxima = previous.values, previous.maxima
    out = []
    for node_key, code, name in leaves:
        now_max = node_max.get(node_key)
        before_max = maxima.get(code)
        if now_max is None or not before_max or code not in values:
            continue
        before = values[code]
        scaled = before if before_max == now_max else before * now_max / before_max
        out.append(CriterionChange(code, name, now_max, node_points.get(node_key, ZERO), scaled,
                                   before_max))
    return tuple(out)


def compare(snapshot: Snapshot, result: PeriodResult, previous: Mapping[str, Previous],
            year: int) -> Comparison:
    tree = snapshot.tree
    leaves = [(k, tree.nodes[k].code, tree.nodes[k].name) for k in tree.preorder
              if tree.is_leaf(k)]
    units = []
    for code, ranking in result.rankings.items():
        for row in ranking.rows():
            unit = row.result.unit
            past = previous.get(unit.code)
            scored = _scored(unit)
            units.append(UnitComparison(
                unit.code, unit.name, code, row.result.published_total,
                row.result.published_index, row.rank if scored else None, past,
                _criteria(leaves, result, unit.key, past) if past and scored else (), scored))
    blocks = []
    for b in snapshot.blocks:
        known = [u for u in units if u.block == b.code and u.previous is not None]
        if not known:
            continue
        mine = [u for u in known if u.scored]
        if not mine:
            blocks.append(BlockComparison(b.code, b.name, 0, ZERO, ZERO, 0, 0, (), len(known)))
            continue
        changes: dict[str, list[Decimal]] = {}
        names: dict[str, str] = {}
        for u in mine:
            for c in u.criteria:
                changes.setdefault(c.code, []).append(c.change)
                names[c.code] = c.name
        trends = sorted((CriterionTrend(code, names[code], len(v), sum(v, ZERO) / len(v))
                         for code, v in changes.items()), key=lambda t: (-t.change, t.code))
        blocks.append(BlockComparison(
            b.code, b.name, len(mine), sum((u.index for u in mine), ZERO) / len(mine),
            sum((u.previous.index for u in mine if u.previous), ZERO) / len(mine),
            sum(1 for u in mine if (u.index_change or ZERO) > 0),
            sum(1 for u in mine if (u.index_change or ZERO) < 0), tuple(trends),
            len(known) - len(mine)))
    return Comparison(year, tuple(units), tuple(blocks))


def _scored(unit: UnitInput) -> bool:
    """Whether anything of this year's is entered for the unit."""
    return (unit.sipas_pct is not None or unit.survey_pct is not None or bool(unit.adjustments)
            or bool(unit.measured) or any(s.self_points is not None or s.appraisal is not None
                                          or s.appraisal2 is not None
                                          for s in unit.scores.values()))


def read_comparison(store, past: list[PastUnit] | None = None) -> Comparison:
    """The open period against its linked previous one (refused when none is linked); `past`:
    its units with their values, when the caller has read them already."""
    from parapp.core.errors import ValidationError
    from parapp.core.evaluation import evaluate
    linked = store.previous_period()
    if linked is None:
        raise ValidationError(
            "Kỳ đánh giá chưa liên kết kỳ trước: dùng parapp link-previous TỆP KỲ_TRƯỚC.parapp "
            "(hoặc tạo kỳ bằng parapp new --from-period)",
            "The period is not linked to a previous one: use parapp link-previous FILE "
            "LAST.parapp (or create it with parapp new --from-period)")
    snapshot = store.snapshot()
    previous = by_successor(past) if past is not None else store.previous()
    return compare(snapshot, evaluate(snapshot), previous, linked.year)
