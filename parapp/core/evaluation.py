"""A whole period evaluated: every unit computed, ranked per block, heads classified.

`Snapshot` is what the store hands the engine (plain data, no ORM objects); `evaluate` is pure.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from parapp.core.classification import HeadResult, Override, classify_block
from parapp.core.criteria import CriteriaTree
from parapp.core.ranking import BlockRanking, RankRow, rank_block, rerank_block
from parapp.core.scoring import Engine, UnitInput, UnitResult
from parapp.core.settings import DEFAULTS, PeriodSettings, settings_with


@dataclass(frozen=True)
class BlockInfo:
    code: str
    name: str


@dataclass(frozen=True)
class Snapshot:
    tree: CriteriaTree
    blocks: Sequence[BlockInfo]
    units: Sequence[UnitInput]
    settings: PeriodSettings = DEFAULTS
    overrides: Mapping[str, Override] = field(default_factory=dict)  # unit key → override
    year: int | None = None  # the period's: months in post are counted in it


@dataclass
class PeriodResult:
    results: dict[str, UnitResult]  # unit key → result
    rankings: dict[str, BlockRanking]  # block code → ranking
    heads: dict[str, HeadResult]  # unit key → classification

    def rank_row(self, unit_key: str) -> RankRow | None:
        return self.heads[unit_key].row if unit_key in self.heads else None


def reevaluate_unit(snapshot: Snapshot, result: PeriodResult, engine: Engine,
                    unit: UnitInput) -> tuple[Snapshot, PeriodResult]:
    """After one unit changed: recompute it, re-rank and re-classify its block only.

    The other units' results are reused, so an edit updates roll-ups and ranks in well under a
    frame instead of re-reading and recomputing the whole period."""
    units = [unit if u.key == unit.key else u for u in snapshot.units]
    snapshot = replace(snapshot, units=units)
    results = dict(result.results)
    computed = results[unit.key] = engine.compute(unit)
    settings = snapshot.settings
    rankings = dict(result.rankings)
    before = result.rankings.get(unit.block)
    ranking = rows = None  # rows: those to classify again (None: the whole block)
    if before is not None:
        ranking = rerank_block(before, computed, settings.tie_policy, settings.tie_breakers,
                               settings.rounding)
        if ranking is not None and all(rule.quota is None for rule in settings.rules):
            # each head's grade is then its own row's: only the rows numbered again
            kept = {id(row) for row in before.ranked}
            rows = [row for row in ranking.ranked if id(row) not in kept]
    if ranking is None:
        ranking = rank_block(unit.block, [r for r in results.values()
                                          if r.unit.block == unit.block],
                             settings.tie_policy, settings.tie_breakers, settings.rounding)
    rankings[unit.block] = ranking
    heads = dict(result.heads)
    for h in _classify(snapshot, ranking.rows() if rows is None else rows):
        heads[h.row.result.key] = h
    return snapshot, PeriodResult(results, rankings, heads)


def evaluate(snapshot: Snapshot, engine: Engine | None = None) -> PeriodResult:
    """Compute, rank and classify. Pass a cached `engine` to reuse its compiled block plans."""
    settings = snapshot.settings
    engine = engine or Engine(snapshot.tree, settings.caps)
    results = {u.key: engine.compute(u) for u in snapshot.units}
    by_block: dict[str, list[UnitResult]] = {b.code: [] for b in snapshot.blocks}
    for r in results.values():
        by_block.setdefault(r.unit.block, []).append(r)
    rankings = {code: rank_block(code, rs, settings.tie_policy, settings.tie_breakers,
                                 settings.rounding)
                for code, rs in by_block.items()}
    heads: dict[str, HeadResult] = {}
    for ranking in rankings.values():
        for h in _classify(snapshot, ranking.rows()):
            heads[h.row.result.key] = h
    return PeriodResult(results, rankings, heads)


def _classify(snapshot: Snapshot, rows: list[RankRow]) -> list[HeadResult]:
    settings = snapshot.settings
    # the rule needs the year; a snapshot without one (made by hand) classifies every head
    minimum = settings.min_months_in_post if snapshot.year is not None else 0
    return classify_block(rows, settings.rules, snapshot.overrides,
                          min_months=minimum, year=snapshot.year)


def evaluate_preview(snapshot: Snapshot, texts: Mapping[str, str]) -> PeriodResult:
    """The period re-evaluated with candidate settings (key → text), nothing written: what the
    settings dialog previews. Raises ValidationError for an invalid setting."""
    return evaluate(replace(snapshot, settings=settings_with(snapshot.settings, texts)))
