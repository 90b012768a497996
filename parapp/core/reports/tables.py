"""The tables of the official reports as plain rows: the one place they are computed.

The PDF documents (annex, heads, unit sheets) and the Excel exports (`export_summary`,
`export_score_sheets`) both build from these rows, so a printed figure and a spreadsheet cell can
never disagree. Values stay exact `Decimal`s here; formatting belongs to each renderer.

- `ranking_tables`: per block, STT, unit, appraisal points per area, ĐTXHH, SIPAS, bonus,
  penalty, total, index, rank (ranked units first, then those scored but not ranked), last
  year's rank and the change, and the head's classification.
- `head_tables`: per block, unit, head's name and title, index, rank, grade, and the reason of
  every override, disqualification or quota demotion; counts per grade.
- `unit_sheets`: per unit, every applicable node with max, self, appraisal, difference, deduction
  note, explanation and evidence file names; depth and area flag for the layout.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from parapp.core.classification import Grade, HeadResult, counts
from parapp.core.criteria import CriteriaTree, Source
from parapp.core.errors import ParappError
from parapp.core.evaluation import PeriodResult
from parapp.core.models import Criterion as CriterionRow
from parapp.core.models import Score, Unit
from parapp.core.numbers import ZERO, quantize
from parapp.core.ranking import RankRow
from parapp.core.store import Store

# -- common ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AreaColumn:
    """An area as an annex column: its code, name and the max of its appraised part (the
    self-scored leaves; SIPAS and ĐTXHH leaves have columns of their own)."""
    key: str
    code: str
    name: str
    max: Decimal


def _blocks(store: Store, block: str | None):
    blocks = [b for b in store.blocks() if block in (None, b.code)]
    if block is not None and not blocks:
        raise ParappError(f"Không có khối '{block}'", f"No block '{block}'")
    return blocks


def _self_leaves(tree: CriteriaTree, area: str, block: str) -> list[str]:
    return [k for k in [area, *tree.descendants(area)]
            if tree.is_leaf(k) and tree.nodes[k].source is Source.SELF
            and tree.in_block(k, block) and tree.nodes[k].max_for(block) > ZERO]


def area_columns(tree: CriteriaTree, block: str) -> list[tuple[AreaColumn, list[str]]]:
    """The block's areas that have an appraised part, with the self-scored leaves under each."""
    out = []
    for key in tree.roots:
        if tree.nodes[key].max_for(block) <= ZERO:
            continue
        leaves = _self_leaves(tree, key, block)
        top = sum((tree.nodes[k].max_for(block) for k in leaves), ZERO)
        if leaves and top > ZERO:
            node = tree.nodes[key]
            out.append((AreaColumn(key, node.code, node.name, top), leaves))
    return out


# -- ranking annex --------------------------------------------------------------------------------

@dataclass(frozen=True)
class RankingRow:
    stt: int
    key: str  # unit uuid
    code: str
    name: str
    areas: tuple[Decimal | None, ...]  # appraised points per AreaColumn (None: not applicable)
    appraisal: Decimal  # all appraised (self-scored) leaves
    survey: Decimal  # ĐTXHH
    sipas: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal  # as published: the sum of the printed components, or rounded (rounding none)
    max: Decimal  # the unit's applicable max
    index: Decimal  # as published
    rank: int | None  # None: scored but not ranked
    tied: bool
    decided_by: str | None  # tie-breaker that separated an equal index
    prev_rank: int | None
    change: int | None  # places gained since last year
    head_name: str
    head_title: str
    grade: Grade
    grade_label: str

    @property
    def ranked(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True)
class RankingTable:
    block: str
    name: str
    areas: tuple[AreaColumn, ...]
    rows: tuple[RankingRow, ...]  # ranked first (by rank), then the unranked
    counts: dict[Grade, int] = field(default_factory=dict)
    survey_max: Decimal = ZERO  # the block's ĐTXHH and SIPAS points at most
    sipas_max: Decimal = ZERO
    bonus_cap: Decimal | None = None  # the period's caps on bonus and penalty points
    penalty_cap: Decimal | None = None
    rounding: str = "none"  # how the figures were published (scoring.ROUNDINGS)

    @property
    def ranked(self) -> list[RankingRow]:
        return [r for r in self.rows if r.rank is not None]

    @property
    def unranked(self) -> list[RankingRow]:
        return [r for r in self.rows if r.rank is None]


def ranking_tables(store: Store, block: str | None = None,
                   result: PeriodResult | None = None) -> list[RankingTable]:
    blocks = _blocks(store, block)
    result = result or store.evaluate()
    tree = store.tree()
    settings = store.settings()
    rounding_components = settings.rounding == "components"
    units = {u.uuid: u for u in store.units()}
    tables = []
    for b in blocks:
        columns = area_columns(tree, b.code)
        ranking = result.rankings.get(b.code)
        rank_rows: list[RankRow] = ranking.rows() if ranking else []
        rows = []
        for i, row in enumerate(rank_rows, start=1):
            res = row.result
            head = result.heads[res.key]
            unit = units[res.key]
            # as published: each area's appraised points rounded first when the period rounds
            # its components (the total is then their sum), else exact
            areas: list[Decimal | None] = []
            for col, leaves in columns:
                if col.key not in res.node_max:
                    areas.append(None)
                    continue
                areas.append(res.published_areas.get(col.key, ZERO) if rounding_components
                             else sum((res.node_points[k] for k in leaves
                                       if k in res.node_points), ZERO))
            rows.append(RankingRow(
                stt=i, key=res.key, code=res.unit.code, name=res.unit.name, areas=tuple(areas),
                appraisal=res.appraisal, survey=res.survey, sipas=res.sipas, bonus=res.bonus,
                penalty=res.penalty, total=res.published_total, max=res.applicable_max,
                index=res.published_index,
                rank=row.rank, tied=row.tied, decided_by=row.decided_by,
                prev_rank=res.unit.prev_rank, change=row.change, head_name=unit.head_name,
                head_title=unit.head_title, grade=head.grade, grade_label=head.grade.label))
        leaves = [k for k in tree.preorder if tree.is_leaf(k) and tree.in_block(k, b.code)]
        tables.append(RankingTable(
            b.code, b.name, tuple(c for c, _ in columns), tuple(rows),
            counts(result.heads[r.result.key] for r in rank_rows),
            survey_max=sum((tree.nodes[k].max_for(b.code) for k in leaves
                            if tree.nodes[k].source is Source.SURVEY), ZERO),
            sipas_max=sum((tree.nodes[k].max_for(b.code) for k in leaves
                           if tree.nodes[k].source is Source.SIPAS), ZERO),
            bonus_cap=settings.bonus_cap, penalty_cap=settings.penalty_cap,
            rounding="components" if rounding_components else "none"))
    return tables


# -- head classification --------------------------------------------------------------------------

@dataclass(frozen=True)
class HeadRow:
    stt: int
    key: str
    code: str
    unit: str
    head_name: str
    head_title: str
    index: Decimal
    rank: int | None
    grade: Grade
    grade_label: str
    reason: str  # override / disqualification reason, the quota demotion, or why not classified
    overridden: bool
    disqualified: bool
    by_quota: bool


@dataclass(frozen=True)
class HeadTable:
    block: str
    name: str
    rows: tuple[HeadRow, ...]
    counts: dict[Grade, int]


def _head_row(i: int, h: HeadResult, unit: Unit) -> HeadRow:
    res = h.row.result
    return HeadRow(
        stt=i, key=res.key, code=res.unit.code, unit=res.unit.name, head_name=unit.head_name,
        head_title=unit.head_title, index=res.published_index, rank=h.row.rank, grade=h.grade,
        grade_label=h.grade.label, reason=h.reason, overridden=h.override is not None,
        disqualified=bool(h.override and h.override.disqualified), by_quota=h.by_quota)


def head_tables(store: Store, block: str | None = None,
                result: PeriodResult | None = None) -> list[HeadTable]:
    blocks = _blocks(store, block)
    result = result or store.evaluate()
    units = {u.uuid: u for u in store.units()}
    tables = []
    for b in blocks:
        ranking = result.rankings.get(b.code)
        heads = [result.heads[r.result.key] for r in (ranking.rows() if ranking else [])]
        rows = tuple(_head_row(i, h, units[h.row.result.key]) for i, h in enumerate(heads, 1))
        tables.append(HeadTable(b.code, b.name, rows, counts(heads)))
    return tables


# -- per-unit score sheet -------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetRow:
    key: str
    code: str
    name: str
    depth: int  # 0 = area
    leaf: bool
    max: Decimal
    self_points: Decimal | None  # None where the node has no self-scored leaf (SIPAS, ĐTXHH)
    points: Decimal  # appraised (in force), or self where not yet appraised
    difference: Decimal | None  # appraisal − self; None when nothing differs or no self side
    note: str  # deduction note in force
    explanation: str  # explanation, then the second-round explanation
    evidence: tuple[str, ...]  # evidence file names (leaves)
    appraised: bool  # False for a self-scored leaf without an appraisal yet

    @property
    def area(self) -> bool:
        return self.depth == 0


@dataclass(frozen=True)
class UnitSheet:
    key: str
    code: str
    name: str
    block: str
    block_name: str
    head_name: str
    head_title: str
    rows: tuple[SheetRow, ...]
    self_total: Decimal
    appraisal: Decimal
    survey: Decimal
    sipas: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    max: Decimal
    index: Decimal
    rank: int | None
    block_size: int  # ranked units in the block
    grade_label: str


def _score_texts(store: Store, unit_uuids: set[str] | None) -> dict[tuple[str, str],
                                                                    tuple[str, str, bool]]:
    """(unit uuid, criterion uuid) → (deduction note in force, explanation(s), appraised)."""
    query = (select(Unit.uuid, CriterionRow.uuid, Score.appraisal_points, Score.appraisal_note,
                    Score.appraisal2_points, Score.appraisal2_note, Score.explanation,
                    Score.explanation2)
             .join(Unit, Score.unit_id == Unit.id)
             .join(CriterionRow, Score.criterion_id == CriterionRow.id)
             .where(Score.deleted.is_(False)))
    if unit_uuids is not None and len(unit_uuids) == 1:
        query = query.where(Unit.uuid.in_(unit_uuids))
    out = {}
    with store.session() as s:
        for u, c, p1, n1, p2, n2, e1, e2 in s.execute(query):
            if unit_uuids is not None and u not in unit_uuids:
                continue
            note = (n2 if p2 is not None and n2 else n1) or ""
            explanation = (e1 or "") + (f"\n{e2}" if e2 else "")
            out[(u, c)] = (note.strip(), explanation.strip(), p1 is not None or p2 is not None)
    return out


def unit_sheets(store: Store, unit: str | None = None, block: str | None = None,
                result: PeriodResult | None = None) -> list[UnitSheet]:
    """Score sheets of one unit (`unit` code), of a block, or of every unit."""
    blocks = {b.id: b for b in store.blocks()}
    if block is not None and not any(b.code == block for b in blocks.values()):
        raise ParappError(f"Không có khối '{block}'", f"No block '{block}'")
    units = [u for u in store.units() if unit in (None, u.code)
             and (block is None or blocks[u.block_id].code == block)]
    if unit is not None and not units:
        raise ParappError(f"Không có đơn vị '{unit}'", f"No unit '{unit}'")
    if not units:
        raise ParappError("Không có đơn vị nào để xuất", "No unit to export")
    result = result or store.evaluate()
    tree = store.tree()
    texts = _score_texts(store, {u.uuid for u in units})
    evidence: dict[tuple[str, str], list[str]] = {}
    for e in store.evidence(unit_code=unit):
        evidence.setdefault((e.unit, e.criterion), []).append(e.name)
    sheets = []
    for u in units:
        res = result.results[u.uuid]
        row_info = result.rank_row(u.uuid)
        ranking = result.rankings.get(blocks[u.block_id].code)
        diffs = res.differences(tree)
        rows = []
        for key in tree.preorder:
            if key not in res.node_max:
                continue
            node = tree.nodes[key]
            leaf = tree.is_leaf(key)
            own_side = diffs.get(key) is not None
            note, explanation, appraised = texts.get((u.uuid, key), ("", "", False)) if leaf \
                else ("", "", True)
            if leaf and node.source is not Source.SELF:
                appraised = True
            rows.append(SheetRow(
                key=key, code=node.code, name=node.name, depth=tree.depth[key], leaf=leaf,
                max=res.node_max[key], self_points=res.node_self[key] if own_side else None,
                points=res.node_points[key], difference=diffs.get(key) or None,
                note=note, explanation=explanation,
                evidence=tuple(evidence.get((u.code, node.code), ())) if leaf else (),
                appraised=appraised))
        sheets.append(UnitSheet(
            key=u.uuid, code=u.code, name=u.name, block=blocks[u.block_id].code,
            block_name=blocks[u.block_id].name, head_name=u.head_name, head_title=u.head_title,
            rows=tuple(rows), self_total=res.self_total, appraisal=res.appraisal,
            survey=res.survey, sipas=res.sipas, bonus=res.bonus, penalty=res.penalty,
            total=res.published_total, max=res.applicable_max, index=res.published_index,
            rank=row_info.rank if row_info else None,
            block_size=len(ranking.ranked) if ranking else 0,
            grade_label=result.heads[u.uuid].grade.label if u.uuid in result.heads else ""))
    return sheets


def rank_text(rank: int | None, unranked: str = "—") -> str:
    return str(rank) if rank is not None else unranked


def change_text(change: int | None) -> str:
    """+3 / −2 / 0; '' when either year's rank is unknown."""
    if change is None:
        return ""
    return f"+{change}" if change > 0 else ("0" if change == 0 else f"−{-change}")


def printed_mismatches(table: RankingTable, places: int) -> Sequence[str]:
    """Codes of rows whose printed parts (areas, ĐTXHH, SIPAS, bonus minus penalty, each at
    `places`) do not add up to the printed total: none when the period rounds its components."""
    return [r.code for r in table.rows
            if sum((quantize(a, places) for a in r.areas if a is not None), ZERO)
            + quantize(r.survey, places) + quantize(r.sipas, places)
            + quantize(r.bonus - r.penalty, places) != quantize(r.total, places)]
