"""What the window shows of a file, read as plain, immutable data.

The Qt layer never holds a `Store` session or an ORM row: the operations layer
(parapp.ui.operations) reads these on the file's own thread and hands them to the views —
the whole period when a file is opened or re-read (`read_period`), one unit after an edit of
it (`read_unit`). Every leaf's stored fields and evidence list are read with the period, so
moving from leaf to leaf never waits for the disk.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from parapp.core.evaluation import PeriodResult, Snapshot, evaluate, reevaluate_unit
from parapp.core.models import Criterion, Score, Unit
from parapp.core.scoring import Engine, UnitInput
from parapp.core.store import SCORE_EDIT_FIELDS, EvidenceInfo, PackageScope, Store


@dataclass(frozen=True)
class PeriodInfo:
    uuid: str
    province: str
    year: int
    title: str


@dataclass(frozen=True)
class UnitRow:
    uuid: str
    code: str
    name: str
    head_name: str
    head_title: str


@dataclass(frozen=True)
class MemberRow:
    code: str
    department: str
    person: str


@dataclass(frozen=True)
class LeafRow:
    """One unit's stored fields on one leaf (as `Store.score` gives them) and its evidence."""
    self_points: Decimal | None = None
    explanation: str = ""
    appraisal_points: Decimal | None = None
    appraisal_note: str = ""
    explanation2: str = ""
    appraisal2_points: Decimal | None = None
    appraisal2_note: str = ""
    evidence: tuple[EvidenceInfo, ...] = ()

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SCORE_EDIT_FIELDS}

    @property
    def note_in_force(self) -> str:
        """The deduction note that counts: the second appraisal's once there is one."""
        return self.appraisal2_note if self.appraisal2_points is not None else \
            self.appraisal_note


EMPTY_LEAF = LeafRow()


@dataclass(frozen=True)
class UnitData:
    """One unit read afresh: as the engine sees it, and its leaves as the editor shows them."""
    input: UnitInput
    leaves: Mapping[str, LeafRow]  # by criterion code; a leaf never scored is absent


@dataclass
class PeriodData:
    """Everything the views show of an open file. The window replaces a unit's part after an
    edit (`apply_unit`) and the whole after an import, a merge or a settings change."""
    info: PeriodInfo
    snapshot: Snapshot
    engine: Engine
    result: PeriodResult
    units: list[UnitRow]
    members: list[MemberRow]
    scope: PackageScope | None  # None for a master file
    leaves: dict[str, Mapping[str, LeafRow]] = field(default_factory=dict)  # unit → code → row

    def leaf(self, unit_code: str, criterion_code: str) -> LeafRow:
        return self.leaves.get(unit_code, {}).get(criterion_code, EMPTY_LEAF)

    def evidence_counts(self, unit_code: str) -> dict[str, int]:
        return {code: len(row.evidence) for code, row in self.leaves.get(unit_code, {}).items()
                if row.evidence}

    def notes(self, unit_code: str) -> dict[str, str]:
        return {code: row.note_in_force for code, row in self.leaves.get(unit_code, {}).items()}

    def unit_input(self, unit_code: str) -> UnitInput | None:
        return next((u for u in self.snapshot.units if u.code == unit_code), None)

    def apply_unit(self, unit: UnitData) -> None:
        """After one unit changed in the file: its rows, and its block evaluated again."""
        self.snapshot, self.result = reevaluate_unit(self.snapshot, self.result, self.engine,
                                                     unit.input)
        self.leaves[unit.input.code] = unit.leaves


def read_period(store: Store) -> PeriodData:
    """The whole period (opening, or re-reading after a change of many units)."""
    period = store.period()
    snapshot = store.snapshot()
    engine = Engine(snapshot.tree, snapshot.settings.caps)
    result = evaluate(snapshot, engine)
    units = [UnitRow(u.uuid, u.code, u.name, u.head_name, u.head_title) for u in store.units()]
    members = [MemberRow(m.code, m.department, m.person or "") for m in store.members()]
    return PeriodData(PeriodInfo(period.uuid, period.province, period.year, period.title or ""),
                      snapshot, engine, result, units, members, store.package_scope(),
                      _leaves(store))


def read_unit(store: Store, unit_code: str) -> UnitData:
    return UnitData(store.unit_input(unit_code), _leaves(store, unit_code).get(unit_code, {}))


def _leaves(store: Store, unit_code: str | None = None) -> dict[str, Mapping[str, LeafRow]]:
    """Every stored score row and evidence list, by unit code and criterion code."""
    evidence: dict[tuple[str, str], list[EvidenceInfo]] = defaultdict(list)
    for info in store.evidence(unit_code):
        evidence[info.unit, info.criterion].append(info)
    query = (select(Unit.code, Criterion.code, *(getattr(Score, k) for k in SCORE_EDIT_FIELDS))
             .join(Unit, Score.unit_id == Unit.id).join(Criterion, Score.criterion_id == Criterion.id)
             .where(Score.deleted.is_(False), Unit.deleted.is_(False),
                    Criterion.deleted.is_(False)))
    if unit_code is not None:
        query = query.where(Unit.code == unit_code)
    rows: dict[str, dict[str, LeafRow]] = defaultdict(dict)
    with store.session() as s:
        for unit, code, *values in s.execute(query):
            stored: dict[str, Any] = {k: (v if k.endswith("points") else v or "")
                                      for k, v in zip(SCORE_EDIT_FIELDS, values, strict=True)}
            rows[unit][code] = LeafRow(**stored, evidence=tuple(evidence.pop((unit, code), ())))
    for (unit, code), infos in evidence.items():  # evidence on a leaf not scored yet
        rows[unit][code] = LeafRow(evidence=tuple(infos))
    return dict(rows)
