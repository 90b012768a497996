"""Where the points were lost: for one unit, and per sub-criterion across a block or the
province — what a unit's leader and Sở Nội vụ look at after the ranking; and how a block's
indexes spread between the heads' classification thresholds.

Computed from the evaluated period (Snapshot → PeriodResult) and the deduction notes in force,
exact decimals throughout (averages are exact quotients, rounded only for display). A leaf's
points are those in force: the second appraisal, else the first, else the self score; survey
and SIPAS leaves count with their derived points; a leaf marked not applicable to a unit is
not that unit's (no maximum, no loss).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.classification import Grade, Rule
from parapp.core.criteria import Source
from parapp.core.evaluation import PeriodResult, Snapshot
from parapp.core.i18n import pick
from parapp.core.numbers import ZERO
from parapp.core.scoring import note_in_force

TOP = 3  # units that lost most, reasons most often given: how many each list keeps


@dataclass(frozen=True)
class LostLeaf:
    """One sub-criterion a unit did not reach in full."""
    key: str
    number: str  # as the unit's block numbers its set
    code: str  # the criterion's code in the set
    name: str
    max: Decimal
    self_points: Decimal | None  # None for survey and SIPAS leaves, and unscored ones
    points: Decimal  # in force
    note: str  # the deduction's reason in force
    by: str  # the appraising member's department, or where the points come from
    block_average: Decimal  # the block's units' points on this leaf (those it applies to)
    block_best: Decimal

    @property
    def lost(self) -> Decimal:
        return self.max - self.points


@dataclass(frozen=True)
class AreaLosses:
    key: str
    number: str
    name: str
    max: Decimal
    points: Decimal
    leaves: tuple[LostLeaf, ...]  # most points lost first

    @property
    def lost(self) -> Decimal:
        return sum((leaf.lost for leaf in self.leaves), ZERO)


@dataclass(frozen=True)
class UnitLosses:
    code: str
    name: str
    block: str
    areas: tuple[AreaLosses, ...]  # in the set's order; areas without a loss left out

    @property
    def lost(self) -> Decimal:
        return sum((a.lost for a in self.areas), ZERO)


@dataclass(frozen=True)
class CriterionStat:
    """One sub-criterion across the units it applies to (of a block, or of the province)."""
    key: str
    code: str
    name: str
    area: str  # the area's code
    units: int  # units it applies to
    losing: int  # of them, below the maximum
    share: Decimal  # the average share of the maximum reached, 0…1
    lost: Decimal  # points lost by all of them together
    worst: tuple[tuple[str, Decimal], ...]  # (unit, points lost), most first
    reasons: tuple[tuple[str, int], ...]  # deduction reasons given most often, with counts
    over_scored: int  # units whose self score was above the points in force
    over_scoring: Decimal  # by how much in all (self score − points in force, where above)


def _by(tree, key: str, departments: Mapping[str, str]) -> str:
    node = tree.nodes[key]
    if node.source is not Source.SELF:
        return node.source.label
    member = tree.appraiser_of(key)
    return departments.get(member or "", member or "")


def unit_losses(snapshot: Snapshot, result: PeriodResult, unit_code: str,
                notes: Mapping[str, str], departments: Mapping[str, str]) -> UnitLosses:
    """Every sub-criterion where `unit_code` is below the maximum, grouped by area (the set's
    order), most points lost first, beside its block's average and best on the same leaf.
    `notes`: the deduction note in force per criterion code; `departments`: member → name."""
    tree = snapshot.tree
    unit = next((u for u in snapshot.units if u.code == unit_code), None)
    if unit is None:
        raise KeyError(unit_code)
    mine = result.results[unit.key]
    peers = [result.results[u.key] for u in snapshot.units if u.block == unit.block
             and u.key in result.results]
    numbers = tree.block_numbers(unit.block)
    areas = []
    for area in tree.roots:
        if area not in mine.node_max:
            continue
        leaves = []
        for key in [area, *tree.descendants(area)]:
            if not tree.is_leaf(key) or key not in mine.node_max:
                continue
            top, points = mine.node_max[key], mine.node_points.get(key, ZERO)
            if points >= top:
                continue
            others = [p.node_points.get(key, ZERO) for p in peers if key in p.node_max]
            score = unit.scores.get(key)
            node = tree.nodes[key]
            leaves.append(LostLeaf(
                key, numbers.get(key, node.code), node.code, node.name, top,
                score.self_points if score is not None else None, points,
                notes.get(node.code, ""), _by(tree, key, departments),
                sum(others, ZERO) / len(others), max(others)))
        if leaves:
            leaves.sort(key=lambda leaf: (-leaf.lost, leaf.number))
            node = tree.nodes[area]
            areas.append(AreaLosses(area, numbers.get(area, node.code), node.name,
                                    mine.node_max[area], mine.node_points.get(area, ZERO),
                                    tuple(leaves)))
    return UnitLosses(unit.code, unit.name, unit.block, tuple(areas))


def criterion_stats(snapshot: Snapshot, result: PeriodResult,
                    notes: Mapping[str, Mapping[str, str]],
                    block: str | None = None) -> list[CriterionStat]:
    """Per sub-criterion, across the units of `block` (None: the province) it applies to: how
    many lost points, the average share of the maximum reached, the points lost in all, the
    units that lost most, the reasons given most often, and over-scoring (self scores above
    the points in force). Most points lost first. `notes`: per unit, per criterion code."""
    tree = snapshot.tree
    units = [u for u in snapshot.units if block in (None, u.block) and u.key in result.results]
    out = []
    for key in tree.preorder:
        if not tree.is_leaf(key):
            continue
        node = tree.nodes[key]
        rows = []
        for unit in units:
            r = result.results[unit.key]
            if key in r.node_max and r.node_max[key] > 0:
                rows.append((unit, r.node_max[key], r.node_points.get(key, ZERO)))
        if not rows:
            continue
        lost = [(u.code, top - points) for u, top, points in rows if points < top]
        reasons = Counter(" ".join(notes.get(u.code, {}).get(node.code, "").split())
                          for u, top, points in rows if points < top)
        reasons.pop("", None)
        over = []
        for u, _top, points in rows:
            score = u.scores.get(key)
            if score is not None and score.self_points is not None \
                    and score.self_points > points:
                over.append(score.self_points - points)
        out.append(CriterionStat(
            key, node.code, node.name, tree.nodes[tree.area_of(key)].code, len(rows),
            len(lost), sum((points / top for _u, top, points in rows), ZERO) / len(rows),
            sum((v for _c, v in lost), ZERO),
            tuple(sorted(lost, key=lambda x: (-x[1], x[0]))[:TOP]),
            tuple(sorted(reasons.items(), key=lambda x: (-x[1], x[0]))[:TOP]),
            len(over), sum(over, ZERO)))
    out.sort(key=lambda s: (-s.lost, -s.losing, s.code))
    return out


@dataclass(frozen=True)
class SelfGap:
    """How far a unit's self-assessment was above the points in force: the main source of
    disputes (self-assessment quality)."""
    unit: str
    name: str
    block: str
    leaves: int  # self-scored leaves above their points in force
    gap: Decimal  # by how much in all
    areas: tuple[tuple[str, Decimal], ...]  # (area code, gap) where there is one, most first


def self_gaps(snapshot: Snapshot, result: PeriodResult,
              block: str | None = None) -> list[SelfGap]:
    """Per unit (of `block`, else all), the self scores above the points in force, in all and
    per area; the largest gap first, units without one left out."""
    tree = snapshot.tree
    out = []
    for unit in snapshot.units:
        if block not in (None, unit.block) or unit.key not in result.results:
            continue
        r = result.results[unit.key]
        per_area: dict[str, Decimal] = {}
        count = 0
        for key, score in unit.scores.items():
            if key not in r.node_max or score.self_points is None:
                continue
            points = r.node_points.get(key, ZERO)
            if score.self_points > points:
                count += 1
                area = tree.nodes[tree.area_of(key)].code
                per_area[area] = per_area.get(area, ZERO) + score.self_points - points
        if count:
            out.append(SelfGap(unit.code, unit.name, unit.block, count,
                               sum(per_area.values(), ZERO),
                               tuple(sorted(per_area.items(), key=lambda x: (-x[1], x[0])))))
    out.sort(key=lambda g: (-g.gap, g.unit))
    return out


@dataclass(frozen=True)
class AreaShare:
    code: str  # as the block numbers its set; the set's code for the province
    name: str
    units: int  # units it applies to
    share: Decimal  # the average share of the area's maximum reached, 0…1


@dataclass(frozen=True)
class Summary:
    """The province (or a block) in a few lines: its areas from the weakest, and the units that
    rose most in the ranking since last year (where last year's rank is known)."""
    areas: tuple[AreaShare, ...]  # weakest first
    risen: tuple[tuple[str, str, int], ...]  # (unit, block, places gained), most first
    derived: frozenset[str] = frozenset()  # units of `risen` whose last rank is derived (‡)

    def lines(self, places: int = 2, lang: str | None = None,
              names: Mapping[str, str] | None = None) -> list[str]:
        """The summary in words, in `lang` (default: the interface's language; a document
        asks for "vi" whatever the interface speaks); units by their `names` where given,
        else by code."""
        from parapp.core.i18n import language
        from parapp.core.numbers import fmt
        en = (lang or language()) == "en"
        out = []
        if self.areas:
            weak, strong = self.areas[0], self.areas[-1]
            low, high = (fmt(a.share * 100, places, comma=not en) for a in (weak, strong))
            out.append(f"Weakest area: {weak.code}. {weak.name} ({low}% of its maximum on "
                       f"average); strongest: {strong.code}. {strong.name} ({high}%)." if en
                       else f"Lĩnh vực đạt thấp nhất: {weak.code}. {weak.name} (bình quân "
                       f"{low}% điểm tối đa); cao nhất: {strong.code}. {strong.name} "
                       f"({high}%).")
        if self.risen:
            names = names or {}
            risen = ", ".join(f"{names.get(unit, unit)} (+{n}{'‡' if unit in self.derived else ''})"
                              for unit, _block, n in self.risen)
            out.append(f"Rose most since last year: {risen}." if en
                       else f"Tăng hạng nhiều nhất so với năm trước: {risen}.")
            if self.derived:
                out.append("(‡ last year's rank derived from the units merged into it.)" if en
                           else "(‡ Thứ hạng năm trước suy ra từ các đơn vị đã sắp xếp, sáp "
                                "nhập vào đơn vị.)")
        return out


def summary(snapshot: Snapshot, result: PeriodResult, block: str | None = None) -> Summary:
    """Each area's average share of its maximum across the units (of `block`) it applies to,
    weakest first; the units that gained most places since last year (at most TOP)."""
    tree = snapshot.tree
    results = [result.results[u.key] for u in snapshot.units
               if block in (None, u.block) and u.key in result.results]
    # a block's areas as its tables number them (its heat map, its documents)
    numbers = tree.block_numbers(block) if block is not None else {}
    areas = []
    for key in tree.roots:
        shares = [r.node_points.get(key, ZERO) / r.node_max[key] for r in results
                  if r.node_max.get(key)]
        if shares:
            node = tree.nodes[key]
            areas.append(AreaShare(numbers.get(key, node.code), node.name, len(shares),
                                   sum(shares, ZERO) / len(shares)))
    areas.sort(key=lambda a: (a.share, a.code))
    risen: list[tuple[str, str, int]] = []
    derived = set()
    for code, ranking in result.rankings.items():
        if block in (None, code):
            for row in ranking.rows():
                if row.change is not None and row.change > 0:
                    risen.append((row.result.unit.code, code, row.change))
                    if row.result.unit.prev_derived:
                        derived.add(row.result.unit.code)
    risen.sort(key=lambda x: (-x[2], x[0]))
    # the TOP most, and any unit level with the last of them: a tie is not cut at random
    kept = [r for r in risen if r[2] >= risen[min(TOP, len(risen)) - 1][2]] if risen else []
    return Summary(tuple(areas), tuple(kept),
                   frozenset(derived & {unit for unit, _b, _n in kept}))


def heat_rgb(share: Decimal) -> tuple[int, int, int]:
    """The colour of a share of the maximum: red (0) through amber to green (1) — the one
    scale of the analysis window's heat map and of the results report's."""
    x = max(0.0, min(1.0, float(share)))  # a colour only: no figure is read from it
    if x < 0.5:
        r, g = 230, int(90 + 2 * x * 130)
    else:
        r, g = int(230 - (x - 0.5) * 2 * 150), 200
    return r, g, 110


@dataclass(frozen=True)
class HeatArea:
    key: str
    number: str  # as the block numbers its set
    code: str  # the area's code in the set
    name: str


@dataclass(frozen=True)
class HeatCell:
    points: Decimal
    max: Decimal

    @property
    def share(self) -> Decimal:
        return self.points / self.max


@dataclass(frozen=True)
class HeatRow:
    unit: str
    name: str
    rank: int | None  # None: scored but not ranked
    cells: tuple[HeatCell | None, ...]  # per HeatMap.areas; None where the area does not apply


@dataclass(frozen=True)
class HeatMap:
    """A block's units (in ranking order) × its areas: each unit's points on the area over the
    area's maximum for that unit."""
    areas: tuple[HeatArea, ...]
    rows: tuple[HeatRow, ...]

    def average(self, column: int) -> Decimal | None:
        """The column's average share over the units the area applies to (as `summary`)."""
        shares = [c.share for r in self.rows if (c := r.cells[column]) is not None]
        return sum(shares, ZERO) / len(shares) if shares else None


def heat_map(snapshot: Snapshot, result: PeriodResult, block: str) -> HeatMap:
    tree = snapshot.tree
    numbers = tree.block_numbers(block)
    keys = [k for k in tree.roots if tree.in_block(k, block)]
    areas = tuple(HeatArea(k, numbers.get(k, tree.nodes[k].code), tree.nodes[k].code,
                           tree.nodes[k].name) for k in keys)
    ranking = result.rankings.get(block)
    rows = []
    for row in ranking.rows() if ranking else []:
        res = row.result
        cells = tuple(HeatCell(res.node_points.get(k, ZERO), top)
                      if (top := res.node_max.get(k)) else None for k in keys)
        rows.append(HeatRow(res.unit.code, res.unit.name, row.rank, cells))
    return HeatMap(areas, tuple(rows))


@dataclass(frozen=True)
class IndexPoint:
    """A ranked unit on the index axis."""
    unit: str
    name: str
    index: Decimal  # as published (what the annex prints and ranks on)
    rank: int
    grade: Grade | None  # the head's classification as given (overrides and quotas included)


@dataclass(frozen=True)
class Band:
    """The indexes from `low` (included) to `high` (excluded), None: no bound; `grade` is what
    the index alone reaches under the rules' thresholds."""
    grade: Grade
    low: Decimal | None
    high: Decimal | None
    units: tuple[str, ...]  # unit codes, best first
    share: Decimal  # of the block's ranked units, 0…1

    @property
    def count(self) -> int:
        return len(self.units)


@dataclass(frozen=True)
class Distribution:
    """A block's published indexes between the classification thresholds."""
    block: str
    name: str
    points: tuple[IndexPoint, ...]  # ranked units, best first
    thresholds: tuple[tuple[Grade, Decimal], ...]  # (grade, minimum index), highest first
    bands: tuple[Band, ...]  # highest first; one without bounds when no rule has a minimum
    minimum: Decimal | None  # None: no ranked unit
    maximum: Decimal | None
    average: Decimal | None  # exact quotient
    median: Decimal | None
    # the rules' conditions an index axis cannot show (quota, rank, component minimums): the
    # bands count what the index reaches, the heads' grades may be lower
    caveats: tuple[str, ...]


def index_thresholds(rules: Sequence[Rule]) -> tuple[tuple[Grade, Decimal], ...]:
    """Each distinct minimum index of the rules, highest first, with the grade an index there
    reaches: the first rule in order (as classify_block tries them) whose minimum it meets."""
    lows = sorted({r.min_index for r in rules if r.min_index is not None}, reverse=True)
    return tuple((next(r.grade for r in rules if r.min_index is not None and r.min_index <= t),
                  t) for t in lows)


def _below_all(rules: Sequence[Rule]) -> Grade:
    """What an index under every minimum gets: the first rule that asks nothing, else the
    classification's fallback, not completed."""
    return next((r.grade for r in rules if r.min_index is None and r.max_rank is None
                 and not r.component_min and r.quota is None), Grade.NOT_COMPLETED)


def index_distribution(snapshot: Snapshot, result: PeriodResult, block: str | None = None,
                       rules: Sequence[Rule] | None = None) -> list[Distribution]:
    """Per block (`block`, else every block), its ranked units' published indexes counted in
    the bands between the classification thresholds (the period's rules unless `rules`),
    with the lowest, highest, average and median index. Units scored but not ranked are left
    out, as in the results report's distribution."""
    rules = tuple(snapshot.settings.rules if rules is None else rules)
    thresholds = index_thresholds(rules)
    caveats = tuple(r.describe() for r in rules
                    if r.quota is not None or r.max_rank is not None or r.component_min)
    if not thresholds:
        caveats = (pick("Các quy tắc xếp loại không dùng ngưỡng chỉ số: không có vạch ngưỡng.",
                        "The classification rules set no minimum index: no thresholds "
                        "to draw."), *caveats)
    out = []
    for info in snapshot.blocks:
        if block not in (None, info.code):
            continue
        ranking = result.rankings.get(info.code)
        rows = ranking.ranked if ranking is not None else []
        points = tuple(IndexPoint(
            r.result.unit.code, r.result.unit.name, r.result.published_index, r.rank or 0,
            result.heads[r.result.key].grade if r.result.key in result.heads else None)
            for r in rows)
        edges = [t for _g, t in thresholds]
        grades = [g for g, _t in thresholds] + [_below_all(rules)]
        bands = []
        for i, grade in enumerate(grades):
            low = edges[i] if i < len(edges) else None
            high = edges[i - 1] if i else None
            units = tuple(p.unit for p in points if (low is None or p.index >= low)
                          and (high is None or p.index < high))
            bands.append(Band(grade, low, high, units,
                              Decimal(len(units)) / len(points) if points else ZERO))
        values = sorted(p.index for p in points)
        n = len(values)
        median = (values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2) \
            if n else None
        out.append(Distribution(
            info.code, info.name, points, thresholds, tuple(bands),
            values[0] if n else None, values[-1] if n else None,
            sum(values, ZERO) / n if n else None, median, caveats))
    return out


def read_notes(store) -> dict[str, dict[str, str]]:
    """The deduction note in force of every scored leaf, per unit and criterion code (the
    second appraisal's once there is one), in one query."""
    out: dict[str, dict[str, str]] = {}
    with store.engine.connect() as con:
        for unit, code, note, note2, second in con.exec_driver_sql(
                "SELECT u.code, c.code, s.appraisal_note, s.appraisal2_note, "
                "s.appraisal2_points FROM score s JOIN unit u ON u.id = s.unit_id "
                "JOIN criterion c ON c.id = s.criterion_id WHERE s.deleted = 0 "
                "AND u.deleted = 0 AND (s.appraisal_note != '' OR s.appraisal2_note != '')"):
            out.setdefault(unit, {})[code] = note_in_force(note, note2, second)
    return out


def read_unit_losses(store, unit: str) -> UnitLosses:
    """unit_losses of an open period (one evaluation, the notes in force)."""
    from parapp.core.errors import ValidationError
    from parapp.core.evaluation import evaluate
    snapshot = store.snapshot()
    departments = {m.code: m.department for m in store.members()}
    try:
        return unit_losses(snapshot, evaluate(snapshot), unit,
                           read_notes(store).get(unit, {}), departments)
    except KeyError:
        raise ValidationError(f"Không có đơn vị có mã '{unit}'",
                              f"No unit with code '{unit}'") from None


@dataclass(frozen=True)
class BlockAnalysis:
    stats: list[CriterionStat]
    gaps: list[SelfGap]
    summary: Summary


def read_block_analysis(store, block: str | None = None) -> BlockAnalysis:
    """A block's (or the province's) sub-criteria, self gaps and summary, from one
    evaluation of the open period."""
    from parapp.core.errors import ValidationError
    from parapp.core.evaluation import evaluate
    snapshot = store.snapshot()
    if block is not None and block not in {b.code for b in snapshot.blocks}:
        raise ValidationError(f"Không có khối mã '{block}'", f"No block '{block}'")
    result = evaluate(snapshot)
    return BlockAnalysis(criterion_stats(snapshot, result, read_notes(store), block),
                         self_gaps(snapshot, result, block), summary(snapshot, result, block))


def shown(value: Decimal) -> str:
    """A figure for JSON: exact where it ends, else to 4 decimals (an average of thirds)."""
    from parapp.core.numbers import canonical
    exact = canonical(value)
    return exact if len(exact.partition(".")[2]) <= 4 else canonical(
        value.quantize(Decimal("0.0001")))
