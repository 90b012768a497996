"""Last year's results linked to this period, and what each of this year's units had then.

Linking (`parapp link-previous FILE LAST.parapp`, or `parapp new --from-period`) copies last
year's published results into this year's file — per unit its total, index and rank, and its
points in force on every criterion node, by the criterion's code — so that comparisons never
need last year's file again. Each old unit is mapped to this year's unit that took it over: by
default the unit with the same code; after a reorganisation the secretariat maps several old
units to one new one (in the window, or with the workbook sheet «Đơn vị năm trước»).

What a unit had last year (`Previous`):
- mapped from one old unit: that unit's published figures and rank, as they were;
- mapped from several (a merger): **derived**, marked so wherever shown —
  each figure (total, index, points on a criterion and its maximum) is the plain average of the
  old units' figures (over those that had the criterion); the rank is the place the derived
  index would have taken in last year's ranking of the old units' block: one more than the
  number of other ranked units of that block with a higher index (the old units it replaces do
  not count). Old units of different blocks give no derived rank.
Exact decimals throughout; an average is an exact quotient, rounded only for display.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from parapp.core.numbers import ZERO


@dataclass(frozen=True)
class PastUnit:
    """One unit of the previous period as published."""
    code: str
    name: str
    block: str
    ranked: bool
    total: Decimal
    index: Decimal
    rank: int | None
    successor: str | None = None  # this year's unit code it is mapped to
    values: Mapping[str, Decimal] = field(default_factory=dict)  # points by criterion code
    maxima: Mapping[str, Decimal] = field(default_factory=dict)
    block_name: str = ""


@dataclass(frozen=True)
class Previous:
    """What one of this year's units had last year."""
    sources: tuple[PastUnit, ...]
    total: Decimal
    index: Decimal
    rank: int | None
    values: Mapping[str, Decimal]
    maxima: Mapping[str, Decimal]

    @property
    def derived(self) -> bool:
        return len(self.sources) > 1


def _mean(values: Sequence[Decimal]) -> Decimal:
    return sum(values, ZERO) / len(values)


def derived_rank(sources: Sequence[PastUnit], index: Decimal,
                 everyone: Iterable[PastUnit]) -> int | None:
    """The rank of one old unit, or the place a merged unit's derived `index` would have taken
    among the other ranked units of its old units' block (None across blocks)."""
    if len(sources) == 1:
        return sources[0].rank
    blocks = {s.block for s in sources}
    if len(blocks) != 1 or not any(s.rank is not None for s in sources):
        return None
    (block,) = blocks
    mine = {s.code for s in sources}
    return 1 + sum(1 for u in everyone if u.block == block and u.rank is not None
                   and u.code not in mine and u.index > index)


def derive(sources: Sequence[PastUnit], everyone: Iterable[PastUnit]) -> Previous:
    """A unit's previous result from the old units mapped to it (see the module's rules)."""
    index = _mean([s.index for s in sources])
    codes = sorted({c for s in sources for c in s.values})
    values = {c: _mean([s.values[c] for s in sources if c in s.values]) for c in codes}
    maxima = {c: _mean([s.maxima[c] for s in sources if c in s.maxima]) for c in codes}
    return Previous(tuple(sources), _mean([s.total for s in sources]), index,
                    derived_rank(sources, index, everyone), values, maxima)


def successors(past: Sequence[PastUnit]) -> dict[str, list[PastUnit]]:
    """The old units mapped to each of this year's units, by its code, in code order."""
    groups: dict[str, list[PastUnit]] = {}
    for u in sorted(past, key=lambda u: u.code):
        if u.successor is not None:
            groups.setdefault(u.successor, []).append(u)
    return groups


def by_successor(past: Sequence[PastUnit]) -> dict[str, Previous]:
    """Every mapped unit of this year's previous result, by its code."""
    return {code: derive(group, past) for code, group in successors(past).items()}


def previous_ranks(past: Sequence[PastUnit]) -> dict[str, tuple[int | None, bool]]:
    """Every mapped unit's previous rank and whether it is derived, by its code (what the
    annex's rank-change column needs, without the per-criterion values)."""
    return {code: (derived_rank(group, _mean([u.index for u in group]), past), len(group) > 1)
            for code, group in successors(past).items()}
