"""A new period from last year's file (`parapp new FILE --from-period LAST.parapp`).

What carries over is what a season starts from: the blocks, the council's members with their
registered keys and the units they appraise, the criteria set (every node with its maxima per
block, scoring method, source, evidence rule, guidance and appraising member — editable
afterwards), the units with their heads and keys, the bonus and penalty catalogue, and the
settings (but the decision's and the notices' numbers and dates, which are this year's to
give). Last year's published results are linked as the previous period (`link_previous`,
parapp.core.previous): each unit's rank then fills the annex's rank-change column, and its
points per criterion the comparisons. Nothing of last year's scores, evidence, exclusions,
survey results, bonus lines, overrides or packages comes along: the new period starts empty.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.evaluation import evaluate
from parapp.core.files import discard, put_in_place, work_path
from parapp.core.lock import check_new_file
from parapp.core.numbers import ZERO
from parapp.core.previous import PastUnit
from parapp.core.settings import SPECS
from parapp.core.store import Store

# this year's own: the numbers and dates of this year's documents
NOT_CARRIED = ("decision_number", "decision_date", "notice_number")


@dataclass(frozen=True)
class CarriedOver:
    path: Path
    province: str
    year: int
    blocks: int
    members: int
    criteria: int
    units: int
    ranked: int  # units whose previous rank comes from last year's ranking


@dataclass(frozen=True)
class Linked:
    province: str
    year: int
    units: int  # last year's units linked
    mapped: int  # of them, mapped to a unit of this period by their code
    unmapped: tuple[str, ...]  # this period's units no old unit maps to
    txn: str  # the transaction that linked it (undone whole)


def period_of(path: Path | str) -> tuple[str, int]:
    """The province and year of a period file (only read): what a new period from it
    proposes."""
    with Store.open(path, readonly=True) as store:
        period = store.period()
        return period.province, period.year


def past_results(store: Store) -> list[PastUnit]:
    """A period's units as published — total, index, rank, and the points in force and
    maximum of every applicable criterion node by its code — in one evaluation."""
    snapshot = store.snapshot()
    result = evaluate(snapshot)
    tree = snapshot.tree
    blocks = {b.code: b.name for b in snapshot.blocks}
    ranks = {row.result.unit.code: row.rank for ranking in result.rankings.values()
             for row in ranking.rows()}
    out = []
    for u in snapshot.units:
        r = result.results.get(u.key)
        if r is None:
            continue
        out.append(PastUnit(u.code, u.name, u.block, u.ranked, r.published_total,
                            r.published_index, ranks.get(u.code), None,
                            {tree.nodes[k].code: r.node_points.get(k, ZERO) for k in r.node_max},
                            {tree.nodes[k].code: m for k, m in r.node_max.items()},
                            blocks.get(u.block, "")))
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def link_previous(store: Store, last: Path | str) -> Linked:
    """Link the open period to last year's file `last` (only read): its published results are
    copied in, replacing any earlier link, and its units mapped by code (parapp.core.previous)."""
    last = Path(last)
    this = store.period()
    with Store.open(last, readonly=True) as old:
        period = old.period()
        if period.year >= this.year:
            raise ValidationError(
                f"{last.name}: kỳ năm {period.year} không phải kỳ trước của kỳ năm {this.year}",
                f"{last.name}: the {period.year} period is not before this {this.year} one")
        past = past_results(old)
    with store.edit(f"liên kết kỳ trước: {last.name}") as ed:
        mapped = ed.link_previous(period.province, period.year, last.name, _sha256(last), past)
    old_codes = {u.code for u in past}
    return Linked(period.province, period.year, len(past), mapped,
                  tuple(u.code for u in store.units() if u.code not in old_codes), ed.txn)


def create_from_period(path: Path | str, last: Path | str, province: str | None = None,
                       year: int | None = None, overwrite: bool = False,
                       title: str | None = None) -> CarriedOver:
    """The new period at `path` (it appears only when complete), from the period file `last`
    (opened read-only: nothing is written to it). Its title is `title`, else last year's with
    the year and the province made the new period's ("… năm 2025 … tỉnh Sơn Hà" named last
    year's period)."""
    path = Path(path)
    check_new_file(path, overwrite)
    with Store.open(last, readonly=True) as old:
        period = old.period()
        snapshot = old.snapshot()
        tree = snapshot.tree
        blocks = old.blocks()
        block_code = {b.id: b.code for b in blocks}
        members = old.members()
        scopes = {m.code: sorted(old.assignment(m.code).units) for m in members
                  if _scoped(old, m.code)}
        units = old.units()
        settings = old.stored_settings()
        items = old.bonus_items()
        member_code = {m.id: m.code for m in members}
        past = past_results(old)
        digest = _sha256(Path(last))
    tmp = work_path(path)
    try:
        new_province, new_year = province or period.province, year or period.year + 1
        if title is None:
            title = re.sub(rf"\b{period.year}\b", str(new_year), period.title or "")
            if period.province and new_province != period.province:
                mid = new_province[0].lower() + new_province[1:]  # "… tỉnh Sơn Hà" mid-sentence
                title = re.sub(re.escape(period.province),
                               lambda m: new_province if m[0][0].isupper() else mid, title,
                               flags=re.IGNORECASE)
        with Store.create(tmp, new_province, new_year,
                          title=title, criteria_name=period.criteria_name or "",
                          criteria_decision=period.criteria_decision or "",
                          overwrite=True) as new:
            with new.edit(f"tạo từ kỳ {period.province} {period.year}: {Path(last).name}") as ed:
                for key, value in settings.items():
                    if key not in NOT_CARRIED and key in SPECS:  # as its text, checked again
                        ed.set_setting(key, SPECS[key].show(value))
                for b in blocks:
                    ed.add_block(b.code, b.name, b.position)
                for m in members:
                    ed.add_member(m.code, m.department, m.person or "", m.title or "",
                                  m.position)
                    if m.key_fingerprint:
                        ed.register_key(m.code, m.key_fingerprint)
                for key in tree.preorder:
                    node = tree.nodes[key]
                    parent = tree.nodes[node.parent].code if node.parent in tree.nodes else None
                    ed.add_criterion(node.code, node.name, node.max_points, parent,
                                     block_max=dict(node.block_max), method=node.method.value,
                                     params=dict(node.params), source=node.source.value,
                                     evidence_required=node.evidence_required,
                                     appraiser=node.appraiser, position=node.position,
                                     guidance=node.guidance,
                                     evidence_guidance=node.evidence_guidance)
                for u in units:
                    ed.add_unit(u.code, u.name, block_code[u.block_id], u.head_name or "",
                                u.head_title or "", ranked=u.ranked,
                                position=u.position, head_since=u.head_since)
                    if u.key_fingerprint:
                        ed.register_unit_key(u.code, u.key_fingerprint)
                ed.session.flush()  # the units' ids, for the members' scopes
                for member, scope in scopes.items():
                    ed.set_member_units(member, scope)
                for item in items:
                    ed.add_bonus_item(item.code, item.kind, item.name, item.max_points,
                                      evidence_required=item.evidence_required,
                                      appraiser=member_code.get(item.appraiser_id or 0),
                                      guidance=item.guidance, position=item.position)
                ed.link_previous(period.province, period.year, Path(last).name, digest, past)
        put_in_place(tmp, path)
    finally:
        discard(tmp)
    return CarriedOver(path, province or period.province, year or period.year + 1, len(blocks),
                       len(members), len(tree.nodes), len(units),
                       sum(1 for u in past if u.rank is not None))


def _scoped(store: Store, member: str) -> bool:
    """Whether the member's units are recorded (none recorded: every unit, and the new
    period's units are every unit too)."""
    from sqlalchemy import func, select

    from parapp.core.models import Member, MemberUnit
    with store.session() as s:
        return bool(s.scalar(select(func.count()).select_from(MemberUnit).join(
            Member, MemberUnit.member_id == Member.id).where(
            Member.code == member, MemberUnit.deleted.is_(False))))
