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
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select

from parapp.core.classification import Grade, HeadResult, counts
from parapp.core.criteria import CriteriaTree, Source
from parapp.core.errors import ParappError
from parapp.core.evaluation import PeriodResult
from parapp.core.models import Adjustment as AdjustmentRow
from parapp.core.models import Criterion as CriterionRow
from parapp.core.models import Member, Score, Unit
from parapp.core.numbers import ZERO, quantize
from parapp.core.ranking import RankRow, TiePolicy
from parapp.core.scoring import note_in_force
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
    numbers = tree.block_numbers(block)
    for key in tree.roots:
        if tree.nodes[key].max_for(block) <= ZERO:
            continue
        leaves = _self_leaves(tree, key, block)
        top = sum((tree.nodes[k].max_for(block) for k in leaves), ZERO)
        if leaves and top > ZERO:
            node = tree.nodes[key]
            out.append((AreaColumn(key, numbers[key], node.name, top), leaves))
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
    prev_derived: bool  # prev_rank derived from old units merged into this one
    change: int | None  # places gained since last year
    head_name: str
    head_title: str
    grade: Grade
    grade_label: str
    # per AreaColumn: some leaf of it self-scored and not appraised yet, its points standing in
    provisional: tuple[bool, ...] = ()

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
    shared_display: bool = False  # ties are shared when equal as published

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
            provisional = []
            scores = res.unit.scores
            for col, leaves in columns:
                provisional.append(any(
                    k in res.node_max and k in scores and scores[k].final is None
                    and scores[k].self_points is not None for k in leaves))
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
                prev_rank=res.unit.prev_rank, prev_derived=res.unit.prev_derived,
                change=row.change, head_name=unit.head_name,
                head_title=unit.head_title, grade=head.grade, grade_label=head.grade.label,
                provisional=tuple(provisional)))
        leaves = [k for k in tree.preorder if tree.is_leaf(k) and tree.in_block(k, b.code)]
        tables.append(RankingTable(
            b.code, b.name, tuple(c for c, _ in columns), tuple(rows),
            counts(result.heads[r.result.key] for r in rank_rows),
            survey_max=sum((tree.nodes[k].max_for(b.code) for k in leaves
                            if tree.nodes[k].source is Source.SURVEY), ZERO),
            sipas_max=sum((tree.nodes[k].max_for(b.code) for k in leaves
                           if tree.nodes[k].source is Source.SIPAS), ZERO),
            bonus_cap=settings.bonus_cap, penalty_cap=settings.penalty_cap,
            rounding="components" if rounding_components else "none",
            shared_display=settings.tie_policy is TiePolicy.SHARED_DISPLAY))
    return tables


# -- SIPAS index ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SipasRow:
    stt: int
    code: str
    name: str
    pct: Decimal | None  # the SIPAS index as published (None: no survey result)
    points: Decimal  # the points it gives in the PAR Index
    rank: int | None
    tied: bool
    ranked: bool = True  # False: scored but not ranked in its block (as the ranking annex)


@dataclass(frozen=True)
class SipasTable:
    block: str
    name: str
    rows: tuple[SipasRow, ...]  # by rank, then units not ranked, then those without a result
    max: Decimal  # the block's SIPAS points at most

    @property
    def average(self) -> Decimal | None:
        """Over the units ranked, as the ranking annex's figures are."""
        values = [r.pct for r in self.rows if r.pct is not None and r.ranked]
        return sum(values, ZERO) / len(values) if values else None


def sipas_tables(store: Store, block: str | None = None,
                 result: PeriodResult | None = None) -> list[SipasTable]:
    """Per block, the units' SIPAS index (percent, at the published precision) ranked from the
    highest; equal as printed, they share a rank (1, 2, 2, 4)."""
    blocks = _blocks(store, block)
    result = result or store.evaluate()
    tree = store.tree()
    places = store.settings().display_decimals
    tables = []
    for b in blocks:
        ranking = result.rankings.get(b.code)
        units = [r.result for r in (ranking.rows() if ranking else [])]
        # a unit the block does not rank (outside its comparison) is not ranked here either
        known = sorted(((quantize(u.unit.sipas_pct, places), u) for u in units
                        if u.unit.sipas_pct is not None and u.unit.ranked),
                       key=lambda p: (-p[0], p[1].unit.name))
        rows: list[SipasRow] = []
        for pct, u in known:
            previous = rows[-1] if rows else None
            if previous is not None and previous.pct == pct:
                rank = previous.rank
                rows[-1] = replace(previous, tied=True)
            else:
                rank = len(rows) + 1
            rows.append(SipasRow(len(rows) + 1, u.unit.code, u.unit.name, pct, u.sipas, rank,
                                 previous is not None and previous.pct == pct))
        for u in units:
            if u.unit.sipas_pct is not None and not u.unit.ranked:
                rows.append(SipasRow(len(rows) + 1, u.unit.code, u.unit.name,
                                     quantize(u.unit.sipas_pct, places), u.sipas, None, False,
                                     ranked=False))
        rows += [SipasRow(len(rows) + 1, u.unit.code, u.unit.name, None, u.sipas, None, False,
                          ranked=u.unit.ranked) for u in units if u.unit.sipas_pct is None]
        leaves = [k for k in tree.preorder if tree.is_leaf(k) and tree.in_block(k, b.code)
                  and tree.nodes[k].source is Source.SIPAS]
        tables.append(SipasTable(b.code, b.name, tuple(rows),
                                 sum((tree.nodes[k].max_for(b.code) for k in leaves), ZERO)))
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


# -- per-unit score sheet (the unit's result notice) ----------------------------------------------

@dataclass(frozen=True)
class SheetRow:
    """A node of the appraised part of the tree (self-scored leaves and the nodes above them;
    ĐTXHH and SIPAS have lines of their own, as in the annex)."""
    key: str
    code: str  # numbered as the unit's block numbers its set
    name: str
    depth: int  # 0 = area
    leaf: bool
    applicable: bool  # False: marked not applicable for this unit (no points)
    max: Decimal
    self_points: Decimal
    points: Decimal  # appraised (in force), or self where not yet appraised; an area as published
    difference: Decimal | None  # appraisal − self; None when nothing differs
    note: str  # deduction note in force
    explanation: str  # explanation, then the second-round explanation
    evidence: tuple[str, ...]  # evidence file names (leaves)
    appraised: bool  # False for a leaf without an appraisal yet
    appraiser: str  # the council member (department) who appraised the leaf, or is to

    @property
    def area(self) -> bool:
        return self.depth == 0


@dataclass(frozen=True)
class AdjustmentLine:
    kind: str  # "bonus" | "penalty"
    description: str
    points: Decimal  # in force, positive either way
    note: str
    own: Decimal = ZERO  # as the unit declared it (its self-assessment report)


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
    self_total: Decimal  # self-scored leaves, and the bonus less the penalty the unit declared
    self_bonus: Decimal  # the unit's own bonus and penalty, capped: self_total holds them
    self_penalty: Decimal
    appraisal: Decimal  # the appraised part as published: the sum of the area rows
    appraisal_max: Decimal
    survey: Decimal
    survey_max: Decimal
    sipas: Decimal
    sipas_max: Decimal
    adjustments: tuple[AdjustmentLine, ...]
    bonus: Decimal  # after the period's cap
    penalty: Decimal
    adjustment: Decimal  # bonus − penalty as published (one figure, as in the annex)
    total: Decimal
    max: Decimal
    index: Decimal
    rank: int | None
    block_size: int  # ranked units in the block
    grade_label: str
    rounding: str


def unreconciled_areas(sheet: UnitSheet, places: int) -> list[str]:
    """Areas whose leaves, each as printed, do not add up to the area's printed figure (leaves
    with more decimals than are printed): the notice says so under its table."""
    bad = []
    area, parts = None, ZERO
    for row in (*sheet.rows, None):
        if row is None or row.area:
            if area is not None and quantize(parts, places) != quantize(area.points, places):
                bad.append(area.code)
            area, parts = row, ZERO
        elif row.leaf and row.applicable:
            parts += quantize(row.points, places)
    return bad


def _score_texts(store: Store, unit_uuids: set[str] | None
                 ) -> dict[tuple[str, str], tuple[str, str, bool, int | None]]:
    """(unit uuid, criterion uuid) → (deduction note in force, explanation(s), appraised,
    the member who entered the appraisal in force)."""
    query = (select(Unit.uuid, CriterionRow.uuid, Score.appraisal_points, Score.appraisal_note,
                    Score.appraisal2_points, Score.appraisal2_note, Score.explanation,
                    Score.explanation2, Score.appraiser_id, Score.appraiser2_id)
             .join(Unit, Score.unit_id == Unit.id)
             .join(CriterionRow, Score.criterion_id == CriterionRow.id)
             .where(Score.deleted.is_(False)))
    if unit_uuids is not None and len(unit_uuids) == 1:
        query = query.where(Unit.uuid.in_(unit_uuids))
    out = {}
    with store.session() as s:
        for u, c, p1, n1, p2, n2, e1, e2, who1, who2 in s.execute(query):
            if unit_uuids is not None and u not in unit_uuids:
                continue
            note = note_in_force(n1, n2, p2)
            explanation = (e1 or "") + (f"\n{e2}" if e2 else "")
            who = who2 if p2 is not None else who1
            out[(u, c)] = (note.strip(), explanation.strip(), p1 is not None or p2 is not None,
                           who)
    return out


def _appraisers(store: Store) -> tuple[dict[int, str], dict[str, int | None]]:
    """Member id → department; criterion uuid → the member in charge of it."""
    with store.session() as s:
        members = {m.id: m.department for m in s.scalars(select(Member))}
        in_charge = {uuid: who for uuid, who in s.execute(
            select(CriterionRow.uuid, CriterionRow.appraiser_id)
            .where(CriterionRow.deleted.is_(False)))}
    return members, in_charge


def _adjustments(store: Store, unit_uuids: set[str]) -> dict[str, list[AdjustmentLine]]:
    query = (select(Unit.uuid, AdjustmentRow.kind, AdjustmentRow.description,
                    AdjustmentRow.self_points, AdjustmentRow.appraisal_points, AdjustmentRow.note)
             .join(Unit, AdjustmentRow.unit_id == Unit.id)
             .where(AdjustmentRow.deleted.is_(False)).order_by(AdjustmentRow.id))
    out: dict[str, list[AdjustmentLine]] = {}
    with store.session() as s:
        for u, kind, description, own, appraised, note in s.execute(query):
            if u in unit_uuids:
                out.setdefault(u, []).append(AdjustmentLine(
                    kind, description, appraised if appraised is not None else own, note or "",
                    own))
    return out


def _self_leaves_under(tree: CriteriaTree, numbers: dict[str, str]) -> dict[str, list[str]]:
    """Each node of a block's set (in order) with the self-scored leaves under it; nodes with
    none (survey-fed parts, which have lines of their own) are left out."""
    out = {}
    for key in tree.preorder:
        if key not in numbers:
            continue
        leaves = [k for k in ([key] if tree.is_leaf(key) else tree.descendants(key))
                  if tree.is_leaf(k) and k in numbers and tree.nodes[k].source is Source.SELF]
        if leaves:
            out[key] = leaves
    return out


def unit_sheets(store: Store, unit: str | None = None, block: str | None = None,
                result: PeriodResult | None = None, evidence: bool = True) -> list[UnitSheet]:
    """Score sheets of one unit (`unit` code), of a block, or of every unit: the appraised
    part's nodes numbered as the block numbers its set, each area with the figure the annex
    prints for it, then ĐTXHH, SIPAS, bonus and penalty lines and the total, split as in the
    annex. `evidence=False` leaves the rows' evidence file names out (a document that does
    not print them: reading them is half the time of all the province's sheets)."""
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
    settings = store.settings()
    places = settings.display_decimals
    components = settings.rounding == "components"
    wanted = {u.uuid for u in units}
    texts = _score_texts(store, wanted)
    members, in_charge = _appraisers(store)
    adjustments = _adjustments(store, wanted)
    files: dict[tuple[str, str], list[str]] = {}
    for e in store.evidence(unit_code=unit) if evidence else ():
        files.setdefault((e.unit, e.criterion), []).append(e.name)
    numbering: dict[str, dict[str, str]] = {}
    leaves_under: dict[str, dict[str, list[str]]] = {}  # per block, worked out once
    sheets = []
    for u in units:
        res = result.results[u.uuid]
        b = blocks[u.block_id]
        numbers = numbering.setdefault(b.code, tree.block_numbers(b.code))
        row_info = result.rank_row(u.uuid)
        ranking = result.rankings.get(b.code)
        rows = []
        # the self-scored leaves of the block under each node, applicable to the unit or not
        under = leaves_under.setdefault(b.code, _self_leaves_under(tree, numbers))
        for key, leaves in under.items():
            node = tree.nodes[key]
            live = [k for k in leaves if k in res.node_max]
            applicable = bool(live)
            self_points = sum((res.node_self[k] for k in live), ZERO)
            points = sum((res.node_points[k] for k in live), ZERO)
            if tree.depth[key] == 0 and components and applicable:
                points = res.published_areas.get(key, points)
            leaf = tree.is_leaf(key)
            note, explanation, appraised, who = texts.get((u.uuid, key), ("", "", False, None)) \
                if leaf else ("", "", True, None)
            who = who if who is not None else in_charge.get(key) if leaf else None
            rows.append(SheetRow(
                key=key, code=numbers[key], name=node.name, depth=tree.depth[key], leaf=leaf,
                applicable=applicable,
                max=sum((res.node_max[k] for k in live), ZERO) if applicable
                else node.max_for(b.code),
                self_points=self_points, points=points,
                difference=(points - self_points) or None if applicable else None,
                note=note, explanation=explanation,
                evidence=tuple(files.get((u.code, node.code), ())) if leaf else (),
                appraised=appraised or not applicable,
                appraiser=members.get(who, "") if who is not None else ""))
        survey_max = sum((res.node_max[k] for k in res.node_max if tree.is_leaf(k)
                          and tree.nodes[k].source is Source.SURVEY), ZERO)
        sipas_max = sum((res.node_max[k] for k in res.node_max if tree.is_leaf(k)
                         and tree.nodes[k].source is Source.SIPAS), ZERO)
        areas = [r for r in rows if r.area and r.applicable]
        shown = (lambda v: quantize(v, places)) if components else (lambda v: v)
        sheets.append(UnitSheet(
            key=u.uuid, code=u.code, name=u.name, block=b.code, block_name=b.name,
            head_name=u.head_name, head_title=u.head_title, rows=tuple(rows),
            self_total=res.self_total, self_bonus=res.self_bonus, self_penalty=res.self_penalty,
            appraisal=sum((r.points for r in areas), ZERO) if components else res.appraisal,
            appraisal_max=sum((r.max for r in areas), ZERO),
            survey=shown(res.survey), survey_max=survey_max, sipas=shown(res.sipas),
            sipas_max=sipas_max, adjustments=tuple(adjustments.get(u.uuid, ())),
            bonus=res.bonus, penalty=res.penalty, adjustment=shown(res.bonus - res.penalty),
            total=res.published_total, max=res.applicable_max, index=res.published_index,
            rank=row_info.rank if row_info else None,
            block_size=len(ranking.ranked) if ranking else 0,
            grade_label=result.heads[u.uuid].grade.label if u.uuid in result.heads else "",
            rounding=settings.rounding))
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
