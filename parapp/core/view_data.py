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
from datetime import date
from decimal import Decimal
from typing import Any

from parapp.core.evaluation import PeriodResult, Snapshot, evaluate, reevaluate_unit
from parapp.core.phases import Phase, PhaseState, PhaseStep
from parapp.core.scoring import Engine, UnitInput, note_in_force
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
    head_since: date | None = None  # when the head took up the post (None: not recorded)


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
    self_figure: str = ""
    appraisal_figure: str = ""
    expected_points: Decimal | None = None  # mid-year expected score (not in the engine's input)

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SCORE_EDIT_FIELDS}


# explanation, appraisal note, explanation 2, appraisal 2 note, the declared figures (the
# unit's and the appraiser's), and the expected score as stored ('' when none): the engine's
# snapshot does not carry it, so it is read with the texts
Texts = tuple[str, str, str, str, str, str, str]
NO_TEXTS: Texts = ("", "", "", "", "", "", "")


@dataclass(frozen=True)
class UnitData:
    """One unit read afresh: as the engine sees it (its points), and the texts and evidence
    lists of its leaves — all of them, or only the leaf `only` when one leaf was written."""
    input: UnitInput
    texts: Mapping[str, Texts]  # by criterion code; leaves without any text are absent
    evidence: Mapping[str, tuple[EvidenceInfo, ...]]  # by criterion code
    only: str | None = None


NO_PHASE = PhaseState(None)


@dataclass
class PeriodData:
    """Everything the views show of an open file. The window replaces a unit's part after an
    edit (`apply_unit`) and the whole after an import, a merge or a settings change.

    A leaf's points are the snapshot's (the engine reads them anyway); only its texts and
    evidence lists are kept beside it."""
    info: PeriodInfo
    snapshot: Snapshot
    engine: Engine
    result: PeriodResult
    units: list[UnitRow]
    members: list[MemberRow]
    scope: PackageScope | None  # None for a master file
    texts: dict[str, dict[str, Texts]] = field(default_factory=dict)  # unit → code → texts
    evidence: dict[str, dict[str, tuple[EvidenceInfo, ...]]] = field(default_factory=dict)
    phase: PhaseState = NO_PHASE  # the master's phase (a package: its scope decides)
    phase_steps: tuple[PhaseStep, ...] = ()  # how it got there

    def unit_input(self, unit_code: str) -> UnitInput | None:
        return next((u for u in self.snapshot.units if u.code == unit_code), None)

    def leaf(self, unit_code: str, criterion_code: str) -> LeafRow:
        unit = self.unit_input(unit_code)
        node = self.snapshot.tree.by_code.get(criterion_code)
        score = unit.scores.get(node.key) if unit is not None and node is not None else None
        explanation, note, explanation2, note2, figure, figure_a, expected = self.texts.get(
            unit_code, {}).get(criterion_code, NO_TEXTS)
        evidence = self.evidence.get(unit_code, {}).get(criterion_code, ())
        wanted = Decimal(expected) if expected else None
        if score is None:
            return LeafRow(None, explanation, None, note, explanation2, None, note2, evidence,
                           figure, figure_a, wanted)
        return LeafRow(score.self_points, explanation, score.appraisal, note, explanation2,
                       score.appraisal2, note2, evidence, figure, figure_a, wanted)

    def evidence_counts(self, unit_code: str) -> dict[str, int]:
        return {code: len(infos) for code, infos in self.evidence.get(unit_code, {}).items()
                if infos}

    def notes(self, unit_code: str) -> dict[str, str]:
        """The deduction note in force per criterion code: the second appraisal's once there
        is one (leaves without a note are absent)."""
        unit = self.unit_input(unit_code)
        by_code = self.snapshot.tree.by_code
        notes = {}
        for code, (_explanation, note, _explanation2, note2, *_figures) in \
                self.texts.get(unit_code, {}).items():
            node = by_code.get(code)
            score = unit.scores.get(node.key) if unit is not None and node is not None else None
            notes[code] = note_in_force(note, note2,
                                        score.appraisal2 if score is not None else None)
        return notes

    def apply_unit(self, unit: UnitData) -> None:
        """After one unit changed in the file: its rows, and its block evaluated again."""
        self.snapshot, self.result = reevaluate_unit(self.snapshot, self.result, self.engine,
                                                     unit.input)
        code = unit.input.code
        if unit.only is None:
            self.texts[code] = dict(unit.texts)
            self.evidence[code] = dict(unit.evidence)
            return
        _replace(self.texts.setdefault(code, {}), unit.texts, unit.only)
        _replace(self.evidence.setdefault(code, {}), unit.evidence, unit.only)


def _replace(kept: dict, fresh: Mapping, code: str) -> None:
    if code in fresh:
        kept[code] = fresh[code]
    else:
        kept.pop(code, None)


def read_period(store: Store) -> PeriodData:
    """The whole period (opening, or re-reading after a change of many units)."""
    period = store.period()
    snapshot = store.snapshot()
    engine = Engine(snapshot.tree, snapshot.settings.caps)
    result = evaluate(snapshot, engine)
    units = [UnitRow(u.uuid, u.code, u.name, u.head_name, u.head_title,
                     date.fromisoformat(u.head_since) if u.head_since else None)
             for u in store.units()]
    members = [MemberRow(m.code, m.department, m.person or "") for m in store.members()]
    scope = store.package_scope()
    return PeriodData(PeriodInfo(period.uuid, period.province, period.year, period.title or ""),
                      snapshot, engine, result, units, members, scope,
                      _texts(store), _evidence(store),
                      store.phase() if scope is None else NO_PHASE,
                      tuple(PhaseStep(h.created_at, Phase(h.phase),
                                      date.fromisoformat(h.deadline) if h.deadline else None,
                                      h.author, h.reason) for h in store.phase_history())
                      if scope is None else ())


def read_unit(store: Store, unit_code: str, only: str | None = None) -> UnitData:
    """One unit afresh; with `only`, the texts and evidence of that one leaf."""
    texts = _texts(store, unit_code, only).get(unit_code, {})
    evidence = _evidence(store, unit_code, only).get(unit_code, {})
    return UnitData(store.unit_input(unit_code), texts, evidence, only)


# the texts of every live score that has any; read with the driver's own cursor (for a whole
# province, 150 units × 120 leaves, the ORM's row processing was most of opening a file)
_TEXTS_SQL = """
SELECT u.code, c.code, coalesce(s.explanation, ''), coalesce(s.appraisal_note, ''),
       coalesce(s.explanation2, ''), coalesce(s.appraisal2_note, ''),
       coalesce(s.self_figure, ''), coalesce(s.appraisal_figure, ''),
       coalesce(s.expected_points, '')
FROM score s JOIN unit u ON u.id = s.unit_id JOIN criterion c ON c.id = s.criterion_id
WHERE s.deleted = 0 AND u.deleted = 0 AND c.deleted = 0
  AND (s.explanation != '' OR s.appraisal_note != '' OR s.explanation2 != ''
       OR s.appraisal2_note != '' OR s.self_figure != '' OR s.appraisal_figure != ''
       OR s.expected_points IS NOT NULL) {where}
"""
# one unit (and one leaf): by id, so that SQLite reads them through the score's indexes
_OF_UNIT = "AND s.unit_id = (SELECT id FROM unit WHERE code = ? AND deleted = 0)"
_OF_LEAF = " AND s.criterion_id = (SELECT id FROM criterion WHERE code = ? AND deleted = 0)"


def _texts(store: Store, unit_code: str | None = None,
           only: str | None = None) -> dict[str, dict[str, Texts]]:
    where, params = "", tuple[str, ...]()
    if unit_code is not None:
        where, params = _OF_UNIT, (unit_code,)
        if only is not None:
            where, params = where + _OF_LEAF, (unit_code, only)
    texts: dict[str, dict[str, Texts]] = defaultdict(dict)
    with store.engine.connect() as con:
        raw = con.connection.driver_connection
        assert raw is not None  # a connection just checked out of the pool
        for row in raw.execute(_TEXTS_SQL.format(where=where), params):
            texts[row[0]][row[1]] = row[2:]
    return dict(texts)


def _evidence(store: Store, unit_code: str | None = None,
              only: str | None = None) -> dict[str, dict[str, tuple[EvidenceInfo, ...]]]:
    lists: dict[str, dict[str, list[EvidenceInfo]]] = defaultdict(lambda: defaultdict(list))
    for info in store.evidence(unit_code, only):
        lists[info.unit][info.criterion].append(info)
    return {unit: {code: tuple(infos) for code, infos in leaves.items()}
            for unit, leaves in lists.items()}
