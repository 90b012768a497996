"""A new period from last year's file (`parapp new FILE --from-period LAST.parapp`).

What carries over is what a season starts from: the blocks, the council's members with their
registered keys and the units they appraise, the criteria set (every node with its maxima per
block, scoring method, source, evidence rule, guidance and appraising member — editable
afterwards), the units with their heads and keys, the bonus and penalty catalogue, and the
settings (but the decision's and the notices' numbers and dates, which are this year's to
give). Each unit's rank in last year's published ranking becomes its previous rank (the
annex's rank-change column). Nothing of last year's scores, evidence, exclusions, survey
results, bonus lines, overrides or packages comes along: the new period starts empty.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import FileFormatError
from parapp.core.evaluation import evaluate
from parapp.core.files import work_path
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
    ranked: int  # units given last year's rank as their previous rank


def create_from_period(path: Path | str, last: Path | str, province: str | None = None,
                       year: int | None = None, overwrite: bool = False) -> CarriedOver:
    """The new period at `path` (it appears only when complete), from the period file `last`
    (opened read-only: nothing is written to it)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileFormatError(f"{path}: tệp đã tồn tại; chọn tên khác",
                              f"{path}: the file already exists; choose another name")
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
        result = evaluate(snapshot)
        ranks = {row.result.unit.code: row.rank for ranking in result.rankings.values()
                 for row in ranking.rows() if row.rank is not None}
    tmp = work_path(path)
    try:
        with Store.create(tmp, province or period.province, year or period.year + 1,
                          title=period.title or "", criteria_name=period.criteria_name or "",
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
                                u.head_title or "", ranked=u.ranked, prev_rank=ranks.get(u.code),
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
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return CarriedOver(path, province or period.province, year or period.year + 1, len(blocks),
                       len(members), len(tree.nodes), len(units),
                       sum(1 for u in units if u.code in ranks))


def _scoped(store: Store, member: str) -> bool:
    """Whether the member's units are recorded (none recorded: every unit, and the new
    period's units are every unit too)."""
    from sqlalchemy import func, select

    from parapp.core.models import Member, MemberUnit
    with store.session() as s:
        return bool(s.scalar(select(func.count()).select_from(MemberUnit).join(
            Member, MemberUnit.member_id == Member.id).where(
            Member.code == member, MemberUnit.deleted.is_(False))))
