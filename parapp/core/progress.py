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
from dataclasses import dataclass

from parapp.core.criteria import Source
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
class Progress:
    phase: PhaseState
    units: tuple[UnitProgress, ...]
    members: tuple[MemberProgress, ...]

    def remaining(self) -> list[str]:
        """What the current phase still waits for, in a line each."""
        phase = self.phase.phase
        out = []
        if phase in (None, Phase.PREPARATION, Phase.SELF_ASSESSMENT):
            late = [u for u in self.units if u.unscored]
            if late:
                out.append(pick(f"{len(late)} đơn vị chưa tự chấm xong "
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
                merged: dict[str, int], scopes: dict[str, frozenset[str] | None]) -> Progress:
    """The overview from a period's data (parapp.core.view_data.PeriodData, or the same
    fields): evidence counts per unit and criterion code, the (unit, criterion) pairs with a
    further explanation, packages sent and merged per member, each member's units (None:
    every unit)."""
    snapshot = data.snapshot
    tree = snapshot.tree
    explained_pairs = set(explained)
    names = {u.code: u.name for u in data.units}
    leaves = [k for k in tree.preorder if tree.is_leaf(k)
              and tree.nodes[k].source is Source.SELF]
    responsible = {k: tree.appraiser_of(k) for k in leaves}
    units, per_member = [], {m.code: [0, 0, 0, 0] for m in data.members}
    for unit in snapshot.units:
        result = data.result.results.get(unit.key)
        applicable = [k for k in leaves if result is not None and k in result.node_max]
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
        units.append(UnitProgress(unit.code, names.get(unit.code, unit.name), unit.block,
                                  len(applicable), *counts[:6]))
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
                 for code, (_e, _n, explanation2, _n2) in texts.items() if explanation2.strip()]
    with store.session() as s:
        sent = _count(s.scalars(select(SentPackage.member_code)
                                .where(SentPackage.deleted.is_(False))))
        merged = _count(s.scalars(select(MergedPackage.member_code)
                                  .where(MergedPackage.deleted.is_(False))))
        scoped: dict[str, set[str]] = {}  # a member with no unit recorded: every unit
        for member, unit in s.execute(select(Member.code, Unit.code)
                                      .join(MemberUnit, MemberUnit.member_id == Member.id)
                                      .join(Unit, MemberUnit.unit_id == Unit.id)
                                      .where(MemberUnit.deleted.is_(False))):
            scoped.setdefault(member, set()).add(unit)
    scopes = {m.code: frozenset(scoped[m.code]) if m.code in scoped else None
              for m in data.members}
    return progress_of(data, evidence, explained, sent, merged, scopes)


def _count(codes: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for code in codes:
        out[code] = out.get(code, 0) + 1
    return out
