"""The assessment file's tables (SQLAlchemy 2.0 typed models).

Every domain row is `Tracked`: a UUID that survives copying between files, a version counter
(SQLAlchemy's version_id_col, bumped on every update), timestamps, the author, and a tombstone
flag instead of deletion — what a later merge needs. Scores are exact decimals stored as text.
Evidence bytes live once per SHA-256 in `blob`.
"""
from __future__ import annotations

import json
import uuid as uuid_mod
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlalchemy.sql import FromClause

from parapp.core.numbers import canonical


class DecimalText(TypeDecorator):
    """Exact decimals as TEXT: SQLite's NUMERIC would silently turn them into floats."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"expected Decimal, got {type(value).__name__}")
        return canonical(value)

    def process_result_value(self, value, dialect):
        return Decimal(value) if value is not None else None


class JSONText(TypeDecorator):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {Decimal: DecimalText, dict: JSONText, list: JSONText, Any: JSONText}


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


class Tracked:
    """Identity and history columns shared by every domain row."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(200), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)  # tombstone
    if TYPE_CHECKING:  # the mixin has no table; each mapped class gets its own
        __table__: ClassVar[FromClause]  # as DeclarativeBase declares it

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


def _live_unique(table: str, *cols: str) -> Index:
    """Uniqueness among live rows only, so a tombstone never blocks re-creating a code."""
    return Index(f"uq_{table}_{'_'.join(cols)}_live", *cols, unique=True,
                 sqlite_where=text("deleted = 0"))


class Period(Tracked, Base):
    """The one assessment period this file holds."""

    __tablename__ = "period"
    province: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    title: Mapped[str] = mapped_column(String(500), default="")
    criteria_name: Mapped[str] = mapped_column(String(500), default="")
    criteria_decision: Mapped[str] = mapped_column(String(500), default="")
    criteria_revision: Mapped[str] = mapped_column(String(36), default=new_uuid)
    # the document identity (issuer, decision, place, signer) is in the period settings
    # (settings.DOCUMENT_KEYS): validated, audited and undoable like every setting


class Setting(Tracked, Base):
    __tablename__ = "setting"
    __table_args__ = (_live_unique("setting", "key"),)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSONText)


class Block(Tracked, Base):
    __tablename__ = "block"
    __table_args__ = (_live_unique("block", "code"),)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)


class Member(Tracked, Base):
    """A council member: a department and the person who represents it."""

    __tablename__ = "member"
    __table_args__ = (_live_unique("member", "code"),)
    code: Mapped[str] = mapped_column(String(50))
    department: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)
    # fingerprint of the public key whose seal the secretariat accepts on this member's returned
    # packages (parapp.core.packages; schema 2)
    key_fingerprint: Mapped[str] = mapped_column(String(100), default="", server_default="")


class MemberUnit(Tracked, Base):
    """Optional scope of a member: the units it appraises (none recorded: every unit)."""

    __tablename__ = "member_unit"
    __table_args__ = (_live_unique("member_unit", "member_id", "unit_id"),)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))

    member: Mapped[Member] = relationship()
    unit: Mapped[Unit] = relationship()


class Criterion(Tracked, Base):
    __tablename__ = "criterion"
    __table_args__ = (
        _live_unique("criterion", "code"),
        CheckConstraint("method IN ('manual','yesno','levels','bands','proportional',"
                        "'per_case')", name="ck_criterion_method"),
        CheckConstraint("source IN ('self','sipas','survey')", name="ck_criterion_source"),
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("criterion.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(Text)
    max_points: Mapped[Decimal]
    method: Mapped[str] = mapped_column(String(20), default="manual")
    params: Mapped[dict] = mapped_column(JSONText, default=dict)
    source: Mapped[str] = mapped_column(String(10), default="self")
    evidence_required: Mapped[bool] = mapped_column(default=False)
    appraiser_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    # what the province's set says beside the criterion (schema 5): how points are given
    # ("cách tính điểm") and the evidence required ("yêu cầu tài liệu kiểm chứng")
    guidance: Mapped[str] = mapped_column(Text, default="", server_default="")
    evidence_guidance: Mapped[str] = mapped_column(Text, default="", server_default="")

    parent: Mapped[Criterion | None] = relationship(remote_side="Criterion.id")
    appraiser: Mapped[Member | None] = relationship()
    block_max: Mapped[list[CriterionMax]] = relationship(back_populates="criterion")


class CriterionMax(Tracked, Base):
    """Max points of a criterion in one block, when it differs from the criterion's default."""

    __tablename__ = "criterion_max"
    __table_args__ = (_live_unique("criterion_max", "criterion_id", "block_id"),)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    block_id: Mapped[int] = mapped_column(ForeignKey("block.id"))
    max_points: Mapped[Decimal]

    criterion: Mapped[Criterion] = relationship(back_populates="block_max")
    block: Mapped[Block] = relationship()


class Unit(Tracked, Base):
    __tablename__ = "unit"
    __table_args__ = (_live_unique("unit", "code"),)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(300))
    block_id: Mapped[int] = mapped_column(ForeignKey("block.id"), index=True)
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_title: Mapped[str] = mapped_column(String(200), default="")
    # when the current head took up the post, an ISO date (yyyy-mm-dd) like every date parapp
    # stores; None: in post the whole period. A head in post too few months of the period's year
    # is not classified (setting min_months_in_post; schema 4)
    head_since: Mapped[str | None] = mapped_column(String(10), default=None)
    ranked: Mapped[bool] = mapped_column(default=True)  # False: scored but not ranked
    prev_rank: Mapped[int | None] = mapped_column(default=None)
    position: Mapped[int] = mapped_column(default=0)
    # the key whose seal the master will accept on the unit's own packages (schema 5): the
    # unit's officer makes it and tells the secretariat its fingerprint, as members do
    key_fingerprint: Mapped[str] = mapped_column(String(100), default="", server_default="")

    block: Mapped[Block] = relationship()


class Exclusion(Tracked, Base):
    """A node that does not apply to a unit; it and its subtree leave the unit's denominator."""

    __tablename__ = "exclusion"
    __table_args__ = (_live_unique("exclusion", "unit_id", "criterion_id"),)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    reason: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[Unit] = relationship()
    criterion: Mapped[Criterion] = relationship()


class Score(Tracked, Base):
    """One unit's scores on one leaf: self-assessment, appraisal, and the second round."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("unit_id", "criterion_id", name="uq_score_unit_criterion"),)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    self_points: Mapped[Decimal | None]
    explanation: Mapped[str] = mapped_column(Text, default="")  # giải trình
    appraisal_points: Mapped[Decimal | None]
    appraisal_note: Mapped[str] = mapped_column(Text, default="")  # lý do trừ điểm
    appraiser_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    # where the appraisal came from ("gui", "cli", "nhập điểm: file.xlsx …"): imports never
    # overwrite an appraisal a council member entered in the app without being told to
    appraisal_source: Mapped[str] = mapped_column(Text, default="")
    explanation2: Mapped[str] = mapped_column(Text, default="")  # giải trình bổ sung
    appraisal2_points: Mapped[Decimal | None]
    appraisal2_note: Mapped[str] = mapped_column(Text, default="")
    appraiser2_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    appraisal2_source: Mapped[str] = mapped_column(Text, default="")
    # the figure the points follow from, where the method computes them (schema 6): a ratio
    # "3194/3400" or a percentage for bands and proportional criteria, a count of cases for
    # per_case ones (criteria.parse_figure); the unit's, and the appraiser's correction
    self_figure: Mapped[str] = mapped_column(Text, default="", server_default="")
    appraisal_figure: Mapped[str] = mapped_column(Text, default="", server_default="")
    # mid-year, the points the unit is expected to reach (dự kiến), entered before the season
    # by the secretariat or from the unit's estimate (schema 7); not part of any result
    expected_points: Mapped[Decimal | None] = mapped_column(default=None)

    unit: Mapped[Unit] = relationship()
    criterion: Mapped[Criterion] = relationship()


class SurveyItem(Tracked, Base):
    """A survey result of one unit on one survey-fed criterion (a question group), where the
    survey team reports per criterion rather than one percentage for them all (schema 5)."""

    __tablename__ = "survey_item"
    __table_args__ = (_live_unique("survey_item", "unit_id", "criterion_id"),)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    pct: Mapped[Decimal]

    unit: Mapped[Unit] = relationship()
    criterion: Mapped[Criterion] = relationship()


class SurveyResult(Tracked, Base):
    """A unit's SIPAS and ĐTXHH percentages, delivered by the survey teams."""

    __tablename__ = "survey_result"
    __table_args__ = (_live_unique("survey_result", "unit_id"),)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    sipas_pct: Mapped[Decimal | None]
    survey_pct: Mapped[Decimal | None]

    unit: Mapped[Unit] = relationship()


class BonusItem(Tracked, Base):
    """An item of the set's bonus and penalty catalogue (schema 6): "initiative recognised at
    province level, up to 1 point", with its own maximum, its evidence rule and the council
    member who appraises it. A unit's bonus or penalty line may name one."""

    __tablename__ = "bonus_item"
    __table_args__ = (
        _live_unique("bonus_item", "code"),
        CheckConstraint("kind IN ('bonus','penalty')", name="ck_bonus_item_kind"),
    )
    code: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(Text)
    max_points: Mapped[Decimal]
    evidence_required: Mapped[bool] = mapped_column(default=False)
    appraiser_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    guidance: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(default=0)

    appraiser: Mapped[Member | None] = relationship()


class Adjustment(Tracked, Base):
    """A bonus or penalty line outside the 100-point tree (points positive either way)."""

    __tablename__ = "adjustment"
    __table_args__ = (CheckConstraint("kind IN ('bonus','penalty')", name="ck_adjustment_kind"),)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text)
    self_points: Mapped[Decimal]
    appraisal_points: Mapped[Decimal | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # the catalogue item the line claims, if any (schema 6): its maximum bounds the points
    item_id: Mapped[int | None] = mapped_column(ForeignKey("bonus_item.id"), default=None)

    unit: Mapped[Unit] = relationship()
    item: Mapped[BonusItem | None] = relationship()


class HeadOverride(Tracked, Base):
    __tablename__ = "head_override"
    __table_args__ = (
        _live_unique("head_override", "unit_id"),
        CheckConstraint("length(trim(reason)) > 0", name="ck_override_reason"),
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    grade: Mapped[str] = mapped_column(String(30))
    disqualified: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text)

    unit: Mapped[Unit] = relationship()


class Blob(Base):
    """Evidence bytes, content-addressed: identical files are stored once."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Evidence(Tracked, Base):
    """An evidence document (tài liệu kiểm chứng) attached to one unit's leaf."""

    __tablename__ = "evidence"
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    original_name: Mapped[str] = mapped_column(String(255))  # shown, never used as a path
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    title: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped[Unit] = relationship()
    criterion: Mapped[Criterion] = relationship()


class AuditEntry(Base):
    """Append-only history: one entry per changed row per flush, with every changed field."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete
    entity: Mapped[str] = mapped_column(String(50))
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[dict] = mapped_column(JSONText)  # {field: [old, new]}
    source: Mapped[str] = mapped_column(Text, default="")  # "cli", "gui", a file and its SHA-256
    # the transaction (Store.edit) that made the change: undo and redo revert a whole
    # transaction — one edit, an import, a merge — from its entries (schema 2)
    txn: Mapped[str] = mapped_column(String(36), index=True, default="", server_default="")


# -- council packages (schema 2): a member's package carries package_info and package_base, a
# returned package a seal; the master records what it merged. See parapp.core.packages.

class PackageInfo(Base):
    """In a package only: whose it is (a council member's or a unit's) and which round it
    serves."""

    __tablename__ = "package_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))  # the package; the same across re-seals
    member_code: Mapped[str] = mapped_column(String(50))
    round: Mapped[int]  # see packages.KINDS: a member's appraisal round, a unit's 0 or 1
    created_at: Mapped[str] = mapped_column(String(32))
    master_name: Mapped[str] = mapped_column(Text, default="")
    # a unit's own package (schema 6): the unit's code, and member_code empty
    unit_code: Mapped[str] = mapped_column(String(50), default="", server_default="")


class PackageBase(Base):
    """In a member package only: a score of the member's part as it was when the package left
    (all score fields, JSON), so a merge can tell the member's changes from the master's."""

    __tablename__ = "package_base"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_uuid: Mapped[str] = mapped_column(String(36))
    criterion_uuid: Mapped[str] = mapped_column(String(36))
    score_uuid: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int | None]
    fields: Mapped[dict] = mapped_column(JSONText)


class Seal(Base):
    """In a returned package only: the holder's Ed25519 signature over the package's content
    (member_code for a member's package, unit_code for a unit's)."""

    __tablename__ = "seal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_code: Mapped[str] = mapped_column(String(50))
    fingerprint: Mapped[str] = mapped_column(String(100))
    public_key: Mapped[str] = mapped_column(Text)  # base64 of the raw 32-byte key
    content_sha256: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[str] = mapped_column(String(32))
    signature: Mapped[str] = mapped_column(Text)  # base64
    unit_code: Mapped[str] = mapped_column(String(50), default="", server_default="")  # schema 6


class MergedPackage(Tracked, Base):
    """In the master: a package merged (a re-import of the same content is a no-op)."""

    __tablename__ = "merged_package"
    package_uuid: Mapped[str] = mapped_column(String(36), index=True)
    content_sha256: Mapped[str] = mapped_column(String(64))
    member_code: Mapped[str] = mapped_column(String(50))
    file_name: Mapped[str] = mapped_column(Text)
    sealed_at: Mapped[str] = mapped_column(String(32))
    summary: Mapped[dict] = mapped_column(JSONText, default=dict)  # counts by classification
    # the package's own values (round points and note) of the rows where they differ from the
    # base it left with, keyed "unit uuid/criterion uuid": the base the next merge of the same
    # package compares with, so that a package merged, worked on and sealed again brings only
    # what changed since (schema 3)
    package_values: Mapped[dict] = mapped_column(JSONText, default=dict, server_default="{}")
    # a unit's package (schema 6): the unit's code, and member_code empty
    unit_code: Mapped[str] = mapped_column(String(50), default="", server_default="")
    # not copied into the row's audit entry: the row keeps them and never changes (an undo only
    # tombstones it), and the score entries of the same transaction hold each change already —
    # a merge of 15 packages copied 1.9 MB of them into the log
    AUDIT_LEAVES_OUT: ClassVar[frozenset[str]] = frozenset({"summary", "package_values"})


class MergeResolution(Tracked, Base):
    """In the master: how one conflict of a merge was resolved, and why."""

    __tablename__ = "merge_resolution"
    merge_id: Mapped[int] = mapped_column(ForeignKey("merged_package.id"), index=True)
    unit_code: Mapped[str] = mapped_column(String(50))
    criterion_code: Mapped[str] = mapped_column(String(50))
    part: Mapped[str] = mapped_column(String(20))  # appraisal / appraisal2
    master_value: Mapped[dict] = mapped_column(JSONText)
    package_value: Mapped[dict] = mapped_column(JSONText)
    chosen: Mapped[str] = mapped_column(String(10))  # master / package
    reason: Mapped[str] = mapped_column(Text)

    merge: Mapped[MergedPackage] = relationship()


class SentPackage(Tracked, Base):
    """In the master: a package it exported. A returned package is checked against this record,
    never against what the package says about itself (schema 3)."""

    __tablename__ = "sent_package"
    package_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    member_code: Mapped[str] = mapped_column(String(50))
    round: Mapped[int]
    file_name: Mapped[str] = mapped_column(Text)
    # SHA-256 per table of the tables the package must bring back unchanged (all but the
    # scores and their bases, checked row by row, the member's own audit log and the seal)
    frozen: Mapped[dict] = mapped_column(JSONText)
    # a unit's package (schema 6): the unit's code, and member_code empty
    unit_code: Mapped[str] = mapped_column(String(50), default="", server_default="")


class SentRow(Base):
    """In the master: one (unit, criterion) row of a package's part and the digest of the base
    the package carries for it (bookkeeping of SentPackage, written and read in bulk)."""

    __tablename__ = "sent_row"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sent_id: Mapped[int] = mapped_column(ForeignKey("sent_package.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id"))
    base_sha256: Mapped[str] = mapped_column(String(64))


def ddl() -> list[str]:
    """CREATE statements in a fixed order (a table's indexes are a set: sort them by name), so
    that new files and db/schema.sql come out the same on every run."""
    dialect = sqlite.dialect()
    statements = []
    for table in Base.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        statements.extend(str(CreateIndex(ix).compile(dialect=dialect)).strip()
                          for ix in sorted(table.indexes, key=lambda ix: str(ix.name)))
    return statements


class PhaseChange(Tracked, Base):
    """The period entering a phase of the season (parapp.core.phases): the last live row is
    where the period stands. Going back to an earlier phase needs a reason (schema 5)."""

    __tablename__ = "phase_change"
    phase: Mapped[str] = mapped_column(String(30))
    deadline: Mapped[str | None] = mapped_column(String(10))  # ISO date, or none
    reason: Mapped[str] = mapped_column(Text, default="")


class PreviousPeriod(Base):
    """The period this one follows (schema 7): which file its previous results were copied
    from. One row at most; relinking replaces it with everything below."""

    __tablename__ = "previous_period"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    province: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    file_name: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    linked_at: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(200), default="")


class PreviousUnit(Tracked, Base):
    """A unit of the previous period with its published result, copied from that period's file
    (schema 7): comparisons never need last year's file again. `unit_id` maps it to this
    year's unit that took it over — several old units may map to one new unit after a
    reorganisation; none: the unit has no successor."""

    __tablename__ = "previous_unit"
    __table_args__ = (_live_unique("previous_unit", "code"),)
    code: Mapped[str] = mapped_column(String(50))
    name: Mapped[str] = mapped_column(String(300))
    block_code: Mapped[str] = mapped_column(String(50))
    block_name: Mapped[str] = mapped_column(String(200), default="")
    ranked: Mapped[bool] = mapped_column(default=True)
    total: Mapped[Decimal]  # as published
    index_value: Mapped[Decimal]  # as published, the ranking's key
    rank: Mapped[int | None] = mapped_column(default=None)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True, default=None)

    unit: Mapped[Unit | None] = relationship()


class PreviousValue(Base):
    """A previous unit's points in force on one criterion node (any level), by the criterion's
    code then, with the node's maximum for that unit (schema 7)."""

    __tablename__ = "previous_value"
    __table_args__ = (UniqueConstraint("previous_unit_id", "criterion_code",
                                       name="uq_previous_value_unit_criterion"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    previous_unit_id: Mapped[int] = mapped_column(ForeignKey("previous_unit.id"))
    criterion_code: Mapped[str] = mapped_column(String(50))
    max_points: Mapped[Decimal]
    points: Mapped[Decimal]


AUDITED = (Score, SurveyResult, Adjustment, BonusItem, HeadOverride, Exclusion, Evidence, Setting, Unit,
           CriterionMax, Criterion, Block, Member, MemberUnit, MergedPackage, MergeResolution,
           SentPackage, PhaseChange, SurveyItem, PreviousUnit)
