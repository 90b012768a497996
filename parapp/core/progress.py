"""Where the season stands, unit by unit and member by member: the secretariat's overview.

Per unit: the self-scored leaves that apply to it, how many it has scored, how many lack the
evidence the set requires, how many are appraised, deducted, explained and appraised again.
Per council member: the (unit, leaf) pairs of its part, how many are appraised in round 1,
how many explained deductions await its second appraisal, the packages sent and merged. And,
for the current phase, what remains in words. Counted from the master's own data (the
snapshot, the evidence list, the package records); nothing here writes.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from parapp.core.expected import Outlook, outlook
from parapp.core.i18n import pick
from parapp.core.phases import Phase, PhaseState


@dataclass(frozen=True)
class UnitProgress:
    code: str
    name: str
    block: str
    leaves: int  # self-scored leaves that apply to the unit
    scored: int  # with a self score
    evidence_missing: int  # scored above 0 where the set requires evidence, none attached
    appraised: int  # with a first appraisal
    deducted: int  # first appraisal below the self score
    explained: int  # deductions the unit explained (giải trình bổ sung)
    reappraised: int  # explained deductions with a second appraisal
    sent: int = 0  # the unit's own packages the master exported (self-assessment, explanation)
    merged: int = 0  # … and merged back

    @property
    def unscored(self) -> int:
        return self.leaves - self.scored


@dataclass(frozen=True)
class MemberProgress:
    code: str
    department: str
    leaves: int  # (unit, leaf) pairs of the member's part
    appraised: int  # of them, with a first appraisal
    explained: int  # of them, deductions the unit explained: the second round's work
    reappraised: int  # of those, with a second appraisal
    sent: int  # packages the master exported to the member
    merged: int  # packages of the member merged


@dataclass(frozen=True)
class RoundChange:
    """One criterion of one unit between the appraisal rounds: explained by the unit, or
    appraised again — both rounds with their reasons and who appraised them."""
    unit: str
    unit_name: str
    block: str
    criterion: str
    criterion_name: str
    self_points: Decimal | None
    first: Decimal | None
    first_note: str
    first_by: str  # the appraising member's department
    explanation: str  # giải trình sau vòng 1
    second: Decimal | None
    second_note: str
    second_by: str

    @property
    def change(self) -> Decimal | None:
        """Round 2 − round 1, once both exist."""
        return None if self.first is None or self.second is None else self.second - self.first


@dataclass(frozen=True)
class Progress:
    phase: PhaseState
    units: tuple[UnitProgress, ...]
    members: tuple[MemberProgress, ...]
    rounds: tuple[RoundChange, ...] = field(default=())
    expected: Outlook | None = None  # mid-year: the sub-criteria expected at full points

    def remaining(self) -> list[str]:
        """What the current phase still waits for, in a line each."""
        phase = self.phase.phase
        out = []
        if phase in (None, Phase.PREPARATION, Phase.SELF_ASSESSMENT):
            late = [u for u in self.units if u.unscored]
            if late:
                out.append(pick(f"{len(late)} đơn vị chưa tự đánh giá xong "
                                f"({sum(u.unscored for u in late)} tiêu chí)",
                                f"{len(late)} units have not finished their self-assessment "
                                f"({sum(u.unscored for u in late)} criteria)"))
            missing = [u for u in self.units if u.evidence_missing]
            if missing:
                out.append(pick(f"{len(missing)} đơn vị thiếu tài liệu kiểm chứng bắt buộc "
                                f"({sum(u.evidence_missing for u in missing)} tiêu chí)",
                                f"{len(missing)} units lack required evidence "
                                f"({sum(u.evidence_missing for u in missing)} criteria)"))
        if phase in (None, Phase.PREPARATION, Phase.APPRAISAL_1):
            for m in self.members:
                if m.appraised < m.leaves:
                    out.append(pick(f"{m.code}: còn {m.leaves - m.appraised}/{m.leaves} tiêu chí "
                                    "chưa thẩm định vòng 1",
                                    f"{m.code}: {m.leaves - m.appraised}/{m.leaves} criteria "
                                    "not appraised in round 1"))
        if phase is Phase.EXPLANATION:
            waiting = [u for u in self.units if u.deducted]
            out.append(pick(f"{len(waiting)} đơn vị bị trừ điểm; đã giải trình "
                            f"{sum(u.explained for u in waiting)}/"
                            f"{sum(u.deducted for u in waiting)} tiêu chí",
                            f"{len(waiting)} units lost points; "
                            f"{sum(u.explained for u in waiting)}/"
                            f"{sum(u.deducted for u in waiting)} criteria explained"))
        if phase in (None, Phase.PREPARATION, Phase.APPRAISAL_2):
            for m in self.members:
                if m.reappraised < m.explained:
                    out.append(pick(f"{m.code}: còn {m.explained - m.reappraised} giải trình "
                                    "chưa thẩm định vòng 2",
                                    f"{m.code}: {m.explained - m.reappraised} explanations "
                                    "not appraised in round 2"))
        return out or [pick("Không còn việc nào của giai đoạn này",
                            "Nothing remains in this phase")]


def progress_of(data, evidence_counts: dict[str, dict[str, int]],
                explained: Iterable[tuple[str, str]], sent: dict[str, int],
                merged: dict[str, int], scopes: dict[str, frozenset[str] | None],
                unit_sent: dict[str, int] | None = None,
                unit_merged: dict[str, int] | None = None) -> Progress:
    """The overview from a period's data (parapp.core.view_data.PeriodData, or the same
    fields): evidence counts per unit and criterion code, the (unit, criterion) pairs with a
    further explanation, packages sent and merged per member (and per unit, its own), each
    member's units (None: every unit)."""
    snapshot = data.snapshot
    tree = snapshot.tree
    explained_pairs = set(explained)
    names = {u.code: u.name for u in data.units}
    responsible = {k: tree.appraiser_of(k) for k in tree.self_leaves}
    units, per_member = [], {m.code: [0, 0, 0, 0] for m in data.members}
    block_order = {b.code: i for i, b in enumerate(snapshot.blocks)}
    # block by block, as the period lists them, each in its units' own order (stable sort)
    for unit in sorted(snapshot.units, key=lambda u: block_order.get(u.block, len(block_order))):
        result = data.result.results.get(unit.key)
        applicable = result.applicable(tree.self_leaves) if result is not None else []
        counts = [0] * 6  # scored, evidence missing, appraised, deducted, explained, reappraised
        for k in applicable:
            node = tree.nodes[k]
            score = unit.scores.get(k)
            self_points = score.self_points if score is not None else None
            appraisal = score.appraisal if score is not None else None
            is_explained = (unit.code, node.code) in explained_pairs
            deducted = (appraisal is not None and self_points is not None
                        and appraisal < self_points)
            counts[0] += self_points is not None
            counts[1] += bool(node.evidence_required and self_points
                              and not evidence_counts.get(unit.code, {}).get(node.code))
            counts[2] += appraisal is not None
            counts[3] += deducted
            counts[4] += deducted and is_explained
            counts[5] += (deducted and is_explained and score is not None
                          and score.appraisal2 is not None)
            member = responsible[k]
            scope = scopes.get(member) if member else None
            if member in per_member and (scope is None or unit.code in scope):
                tally = per_member[member]
                tally[0] += 1
                tally[1] += appraisal is not None
                tally[2] += deducted and is_explained
                tally[3] += (deducted and is_explained and score is not None
                             and score.appraisal2 is not None)
        scored, missing, appraised, deducted, explained_, reappraised = counts
        units.append(UnitProgress(unit.code, names.get(unit.code, unit.name), unit.block,
                                  len(applicable), scored, missing, appraised, deducted,
                                  explained_, reappraised, (unit_sent or {}).get(unit.code, 0),
                                  (unit_merged or {}).get(unit.code, 0)))
    members = tuple(MemberProgress(m.code, m.department, t[0], t[1], t[2], t[3],
                                   sent.get(m.code, 0), merged.get(m.code, 0))
                    for m in data.members for t in [per_member[m.code]])
    return Progress(data.phase, tuple(units), members)


def read_progress(store) -> Progress:
    """The overview of an open master."""
    from sqlalchemy import select

    from parapp.core.models import Member, MemberUnit, MergedPackage, SentPackage, Unit
    from parapp.core.view_data import read_period
    data = read_period(store)
    evidence = {unit: {code: len(items) for code, items in leaves.items()}
                for unit, leaves in data.evidence.items()}
    explained = [(unit, code) for unit, texts in data.texts.items()
                 for code, (_e, _n, explanation2, *_rest) in texts.items() if explanation2.strip()]
    with store.session() as s:
        sent = _count(s.scalars(select(SentPackage.member_code)
                                .where(SentPackage.deleted.is_(False))))
        merged = _count(s.scalars(select(MergedPackage.member_code)
                                  .where(MergedPackage.deleted.is_(False))))
        unit_sent = _count(s.scalars(select(SentPackage.unit_code)
                                     .where(SentPackage.deleted.is_(False))))
        unit_merged = _count(s.scalars(select(MergedPackage.unit_code)
                                       .where(MergedPackage.deleted.is_(False))))
        scoped: dict[str, set[str]] = {}  # a member with no unit recorded: every unit
        for member, unit in s.execute(select(Member.code, Unit.code)
                                      .join(MemberUnit, MemberUnit.member_id == Member.id)
                                      .join(Unit, MemberUnit.unit_id == Unit.id)
                                      .where(MemberUnit.deleted.is_(False))):
            scoped.setdefault(member, set()).add(unit)
    scopes = {m.code: frozenset(scoped[m.code]) if m.code in scoped else None
              for m in data.members}
    progress = progress_of(data, evidence, explained, sent, merged, scopes, unit_sent,
                           unit_merged)
    expected = store.expected_points()
    return Progress(progress.phase, progress.units, progress.members, between_rounds(store),
                    outlook(data.snapshot, data.result, expected) if expected else None)


def between_rounds(store, block: str | None = None) -> tuple[RoundChange, ...]:
    """Every criterion a unit explained after round 1 or the council appraised again (of one
    block, or all), in the units' and the criteria's order."""
    from sqlalchemy import select

    from parapp.core.models import Block, Criterion, Member, Score, Unit
    with store.session() as s:
        members = dict(s.execute(select(Member.id, Member.department)).tuples().all())
        found = s.execute(
            select(Unit.code, Unit.name, Block.code, Criterion.code, Criterion.name,
                   Score.self_points, Score.appraisal_points, Score.appraisal_note,
                   Score.appraiser_id, Score.explanation2, Score.appraisal2_points,
                   Score.appraisal2_note, Score.appraiser2_id)
            .join(Unit, Score.unit_id == Unit.id).join(Block, Unit.block_id == Block.id)
            .join(Criterion, Score.criterion_id == Criterion.id)
            .where(Score.deleted.is_(False), Unit.deleted.is_(False),
                   (Score.explanation2 != "") | Score.appraisal2_points.is_not(None))
            .order_by(Unit.position, Unit.code, Criterion.position, Criterion.code)).all()
    return tuple(RoundChange(unit, name, blk, crit, crit_name, own, first, note1 or "",
                             members.get(by1, ""), explained or "", second, note2 or "",
                             members.get(by2, ""))
                 for (unit, name, blk, crit, crit_name, own, first, note1, by1, explained,
                      second, note2, by2) in found if block in (None, blk))


def _count(codes: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for code in codes:
        out[code] = out.get(code, 0) + 1
    return out
