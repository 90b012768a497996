"""The one façade over an assessment file: open/create, transactional edits, snapshots.

UI and CLI code never build queries; they call `Store` (reads) and `Edit` (writes, obtained
from `Store.edit()`, one transaction each). History columns and the audit log are filled in one
place, a `before_flush` hook, so no write path can forget them.
"""
from __future__ import annotations

import contextlib
import gc
import getpass
import hashlib
import json
import mimetypes
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import unicodedata
import uuid as uuid_mod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Engine,
    Integer,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    type_coerce,
)
from sqlalchemy import (
    inspect as sa_inspect,
)
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import InstanceState, Session, defer, selectinload, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from parapp.core import fileformat, integrity
from parapp.core.classification import Grade, Override, reason_problem
from parapp.core.criteria import (
    CriteriaTree,
    Method,
    Node,
    Source,
    check_max,
    check_points,
    figure_points,
    needs_reason,
    parse_figure,
)
from parapp.core.errors import FileFormatError, ParappError, ValidationError
from parapp.core.evaluation import BlockInfo, PeriodResult, Snapshot, evaluate
from parapp.core.files import discard, put_in_place, safe_name, work_path
from parapp.core.lock import FileLock, NotWritable, check_new_file, refuse_replacing
from parapp.core.models import (
    AUDITED,
    AuditEntry,
    Base,
    Blob,
    Block,
    BonusItem,
    Criterion,
    CriterionMax,
    DecimalText,
    Evidence,
    Exclusion,
    HeadOverride,
    JSONText,
    Member,
    MemberUnit,
    PackageBase,
    PackageInfo,
    Period,
    PhaseChange,
    PreviousPeriod,
    PreviousUnit,
    PreviousValue,
    Score,
    Seal,
    SentPackage,
    Setting,
    SurveyItem,
    SurveyResult,
    Tracked,
    Unit,
    ddl,
)
from parapp.core.models import Adjustment as AdjustmentRow
from parapp.core.numbers import (
    MAX_ENTERED_DECIMALS,
    canonical,
    fmt,
    parse_date,
    parse_decimal,
    too_precise,
)
from parapp.core.packages import KINDS, Kind
from parapp.core.phases import (
    FIELD_LABELS,
    LABELS,
    Phase,
    PhaseState,
    closed_refusal,
    evidence_open,
    open_fields,
)
from parapp.core.previous import PastUnit, Previous, by_successor, previous_ranks
from parapp.core.scoring import (
    Adjustment,
    LeafScore,
    UnitInput,
    check_adjustment,
    note_in_force,
)
from parapp.core.settings import NEW_PERIOD_SETTINGS, SPECS, PeriodSettings, parse_setting
from parapp.core.text import plain_text

Clock = Callable[[], str]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_author() -> str:
    try:
        return os.environ.get("PARAPP_AUTHOR") or getpass.getuser()
    except (KeyError, OSError):
        return "parapp"


def _make_engine(path: Path, readonly: bool) -> Engine:
    mode = "ro" if readonly else "rw"
    url = f"sqlite:///{fileformat.sqlite_uri(path)}?mode={mode}&uri=true"
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_con, _record):
        # The driver's own transaction handling is off; SQLAlchemy's "begin" below issues
        # BEGIN itself, so SAVEPOINTs and transactional DDL behave (SQLAlchemy SQLite docs).
        dbapi_con.isolation_level = None
        cur = dbapi_con.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {int(fileformat.BUSY_TIMEOUT_S * 1000)}")
        if not readonly:
            cur.execute("PRAGMA journal_mode = DELETE")
            cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(con):
        con.exec_driver_sql("BEGIN")

    return engine


def _check_file(source: Path, shown: Path,
                check: Callable[[sqlite3.Connection], None] | None) -> None:
    """Every table and column the models use must exist: a file that claims our schema version
    but lacks them (hand-edited, or made by a development build) is refused, not half-read.
    Then `check` (the scan of stored values) runs on the same connection."""
    con = sqlite3.connect(f"{fileformat.sqlite_uri(source)}?mode=ro", uri=True)
    try:
        for table in Base.metadata.sorted_tables:
            present = {row[1] for row in con.execute(f'PRAGMA table_info("{table.name}")')}
            missing = [c.name for c in table.columns if c.name not in present]
            if missing:
                what = f"bảng {table.name}" if not present else \
                    f"cột {', '.join(missing)} của bảng {table.name}"
                what_en = f"table {table.name}" if not present else \
                    f"{'column' if len(missing) == 1 else 'columns'} {', '.join(missing)} of " \
                    f"table {table.name}"
                raise FileFormatError(f"{shown}: tệp thiếu {what}; tệp không đúng lược đồ "
                                      f"{fileformat.SCHEMA_VERSION} của phiên bản này",
                                      f"{shown}: the file lacks {what_en}; it does not match "
                                      f"schema {fileformat.SCHEMA_VERSION}")
        if check is not None:
            check(con)
    except sqlite3.DatabaseError as exc:  # a page that cannot be read
        raise fileformat.corrupted(shown, exc) from None
    finally:
        con.close()


def aside(work: Callable[[], Any]) -> Callable[[], Any]:
    """`work` on a thread of its own — SQLite's reading, copying and syncing let go of Python's
    lock, so it runs beside the caller; the returned function waits for it and gives its result
    or raises its error."""
    out: list = []

    def run() -> None:
        try:
            out.append((True, work()))
        except BaseException as exc:  # handed to whoever waits
            out.append((False, exc))

    thread = threading.Thread(target=run, name="parapp-check", daemon=True)
    thread.start()

    def result() -> Any:
        thread.join()
        done, value = out[0]
        if not done:
            raise value
        return value
    return result


def _scan(path: Path) -> list | None:
    """integrity.scan of `path` on its own connection: the bad values, or None when it could
    not read the file (an older schema, a hot journal only a writer may roll back, …: then the
    caller scans on its own connection)."""
    try:
        con = sqlite3.connect(f"{fileformat.sqlite_uri(path)}?mode=ro", uri=True,
                              timeout=fileformat.BUSY_TIMEOUT_S)
        try:
            return integrity.scan(con, history=False)
        finally:
            con.close()
    # UnicodeDecodeError: an SQLite error quoting a damaged name (the page check names it)
    except (sqlite3.Error, OSError, UnicodeDecodeError):
        return None


# ---------------------------------------------------------------------------------------------
# history and audit, filled in for every flush

_BOOKKEEPING = {"id", "uuid", "version", "created_at", "updated_at", "author"}


def _value(v: Any) -> str | None:
    """A field as the audit log records it (text); `_from_audit` turns it back."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        return canonical(v)
    return str(v)


def _audit_value(model: type[Tracked], key: str, v: Any) -> str | None:
    if v is not None and isinstance(model.__table__.c[key].type, JSONText):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)  # "5" and 5 stay apart
    return _value(v)


def _from_audit(model: type[Tracked], key: str, text: str | None) -> Any:
    """The column value an audit text stands for (the inverse of `_audit_value`)."""
    if text is None:
        return None
    kind = model.__table__.c[key].type
    if isinstance(kind, JSONText):
        return json.loads(text)
    if isinstance(kind, DecimalText):
        return Decimal(text)
    if isinstance(kind, Boolean):
        return text == "True"
    if isinstance(kind, Integer):
        return int(text)
    return text


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off for one bulk operation (an import, a merge):
    its passes over the hundreds of thousands of cells, rows and values such an operation holds
    at once cost ≈ 10 % of it, and they free nothing — rows, dicts and values are freed as they
    go by reference counting. Whatever cycles it leaves are collected once it ends."""
    if not gc.isenabled():  # nested, or paused by the caller
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _driver_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's, for what SQLAlchemy does slower or not at all."""
    raw = session.connection().connection.driver_connection
    if raw is None:  # SQLAlchemy's word for a connection closed or invalidated meanwhile
        raise RuntimeError("the session's database connection is closed")
    return raw


def _columns(obj) -> list[str]:
    return [a.key for a in sa_inspect(obj).mapper.column_attrs if a.key not in _BOOKKEEPING]


# a unit with this many score rows to read is read whole (see Edit._read_scores)
_WHOLE_UNIT = 16


def _sql(value: Any) -> Any:
    """A value as the driver stores it, the same way the models' column types do."""
    if isinstance(value, Decimal):
        return canonical(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _audit_values(info: Mapping, now: str, action: str, entity: str, uuid: str,
                  changes: dict) -> dict:
    """One audit entry; the ORM hook and the batched score writes both build them here."""
    return {"at": now, "author": info["author"], "action": action, "entity": entity,
            "entity_uuid": uuid, "changes": changes, "source": info.get("source", ""),
            "txn": info.get("txn", "")}


def _insert_audits(cursor, audits: list[dict]) -> None:
    """Audit entries (`_audit_values`) written in bulk straight to the driver: the batched
    writes (scores, a merge's evidence) bypass the ORM hook for speed, not the audit."""
    if audits:
        cursor.executemany(
            "INSERT INTO audit (at, author, action, entity, entity_uuid, changes, source, txn) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(a["at"], a["author"], a["action"], a["entity"], a["entity_uuid"],
              json.dumps(a["changes"], ensure_ascii=False, sort_keys=True), a["source"],
              a["txn"]) for a in audits])


_SCORE_COLUMNS = {c.name for c in Score.__table__.columns} - _BOOKKEEPING - {"unit_id",
                                                                              "criterion_id"}
_SCORE_AUDITED_ORDER = [c.name for c in Score.__table__.columns if c.name in _SCORE_COLUMNS]
_SCORE_POINTS = ("self_points", "appraisal_points", "appraisal2_points", "expected_points")
_SCORE_TYPED = {*_SCORE_POINTS, "deleted"}
_AUDITED_BY_TABLE: dict[str, type[Tracked]] = {m.__tablename__: m for m in AUDITED}
_STRUCTURE = (Block, Criterion, CriterionMax, Unit, Member)  # facts cached for score writes
_BLANK_SCORE: dict[str, Any] = {
    "self_points": None, "explanation": "", "appraisal_points": None, "appraisal_note": "",
    "appraiser_id": None, "appraisal_source": "", "explanation2": "", "appraisal2_points": None,
    "appraisal2_note": "", "appraiser2_id": None, "appraisal2_source": "", "self_figure": "",
    "appraisal_figure": "", "expected_points": None, "deleted": False}
SCORE_EDIT_FIELDS = ("self_points", "explanation", "appraisal_points", "appraisal_note",
                     "explanation2", "appraisal2_points", "appraisal2_note", "self_figure",
                     "appraisal_figure", "expected_points")
_SCORE_FIELDS = {"self_points", "explanation", "appraisal_points", "appraisal_note", "appraiser",
                 "explanation2", "appraisal2_points", "appraisal2_note", "appraiser2",
                 "self_figure", "appraisal_figure", "expected_points"}
_FIGURES = (("self_figure", "self_points"), ("appraisal_figure", "appraisal_points"))
_NOTES = ("explanation", "appraisal_note", "explanation2", "appraisal2_note")
_SCORED = {"self_points", "appraisal_points", "appraisal2_points"}  # only on self-scored leaves
# each appraisal round: points, note, who, source, what it appraises, that named (vi, en)
_ROUNDS = (("appraisal_points", "appraisal_note", "appraiser", "appraisal_source", "self_points",
            "tự đánh giá", "self score"),
           ("appraisal2_points", "appraisal2_note", "appraiser2", "appraisal2_source",
            "appraisal_points", "thẩm định vòng 1", "first appraisal"))
# a new score row's keys, in order: _BLANK_SCORE's, then what write_scores adds
_NEW_SCORE_KEYS = (*_BLANK_SCORE, "unit_id", "criterion_id", "uuid", "version", "created_at",
                   "updated_at", "author")
_NEW_SCORE_TYPED = tuple(i for i, k in enumerate(_NEW_SCORE_KEYS) if k in _SCORE_TYPED)
_NEW_SCORE_AUDITED = tuple((i, k) for i, k in enumerate(_NEW_SCORE_KEYS) if k in _SCORE_COLUMNS)


@dataclass(frozen=True)
class _Shape:
    """What a change's field names ask of `Edit.write_scores`, worked out once per set of
    names: an import's or a merge's thousands of rows share one or two."""
    closed: frozenset[str]  # fields the phase does not open
    outside: bool  # fields a package does not take
    scored: bool  # points given: refused on a leaf that is not self-scored
    points: tuple[str, ...]
    figures: tuple[tuple[str, str, bool], ...]  # (figure, its points, points given too)
    notes: tuple[str, ...]
    rounds: tuple[tuple[str, str, str, str, str, str, str], ...]  # the rounds touched

    @classmethod
    def of(cls, names: tuple[str, ...], open_now: frozenset[str],
           package: PackageScope | None) -> _Shape:
        given = set(names)
        unknown = given - _SCORE_FIELDS
        if unknown:
            raise ValueError(f"unknown score fields: {sorted(unknown)}")
        outside = package is not None and bool(given - package.fields - (
            {"appraiser", "appraiser2"} if package.member else set()))
        return cls(frozenset(given - open_now), outside, bool(_SCORED & given),
                   tuple(k for k in _SCORE_POINTS if k in given),
                   tuple((f, p, p in given) for f, p in _FIGURES if f in given or p in given),
                   tuple(k for k in _NOTES if k in given),
                   tuple(r for r in _ROUNDS if r[0] in given or r[1] in given or (
                       r[0] == "appraisal_points" and "appraisal_figure" in given)))


def _fingerprint(fingerprint: str) -> str:
    if fingerprint and not re.fullmatch(r"SHA256:[A-Za-z0-9+/]{43}", fingerprint):
        raise ValidationError(f"Dấu vân tay khóa không hợp lệ: '{fingerprint}'",
                              f"Invalid key fingerprint: '{fingerprint}'")
    return fingerprint


def _text(value: str | None) -> str:
    """A text as stored: NFC, no stray spaces around it, lines kept."""
    return unicodedata.normalize("NFC", value or "").strip()


def _phase_state(session: Session) -> PhaseState:
    row = session.scalars(select(PhaseChange).where(PhaseChange.deleted.is_(False))
                          .order_by(PhaseChange.id.desc()).limit(1)).first()
    if row is None:
        return PhaseState(None)
    return PhaseState(Phase(row.phase), date.fromisoformat(row.deadline) if row.deadline
                      else None, row.created_at, row.reason)


def _check_phase(session: Session) -> None:
    """What the master's phase does not let be written: anything that makes the results once
    approved; evidence outside the units' phases (scores are checked in write_scores)."""
    phase: Phase | None = session.info.get("phase")
    if phase is None:
        return
    changed = [o for o in (*session.new, *session.dirty)
               if isinstance(o, Tracked) and not isinstance(o, PhaseChange)
               and (o in session.new or session.is_modified(o))]
    if phase.locked and changed:
        raise ValidationError(*closed_refusal(phase, "kết quả (điểm, tiêu chí, đơn vị, thiết "
                                              "lập, xếp loại)", "the results (scores, criteria, "
                                              "units, settings, classification)"))
    if not evidence_open(phase) and any(isinstance(o, Evidence) for o in changed):
        raise ValidationError(*closed_refusal(phase, "tài liệu kiểm chứng", "evidence"))


def _before_flush(session: Session, _ctx, _instances) -> None:
    info = session.info
    now = info["clock"]()
    author = info["author"]

    def audit(obj, action: str, changes: dict) -> None:
        session.add(AuditEntry(**_audit_values(info, now, action, obj.__tablename__, obj.uuid,
                                               changes)))

    for obj in session.deleted:
        if isinstance(obj, Tracked):
            raise RuntimeError("tracked rows are never deleted; set deleted=True (tombstone)")
    package: PackageScope | None = info.get("package")
    if package is not None and any(
            isinstance(o, Tracked) and not isinstance(o, Score)
            and not (package.kind.evidence and isinstance(o, Evidence))
            for o in (*session.new, *session.dirty)):
        vi, en = package.refusal()
        raise ValidationError(vi[0].upper() + vi[1:], en[0].upper() + en[1:])
    _check_phase(session)
    for obj in list(session.new):
        if not isinstance(obj, Tracked):
            continue
        if obj.uuid is None:
            obj.uuid = info["new_uuid"]()
        obj.created_at = obj.updated_at = now
        obj.author = author
        if obj.deleted is None:
            obj.deleted = False
        if isinstance(obj, AUDITED):
            left_out = getattr(obj, "AUDIT_LEAVES_OUT", ())
            changes = {k: [None, _audit_value(type(obj), k, getattr(obj, k))]
                       for k in _columns(obj)
                       if getattr(obj, k) not in (None, "", False) and k not in left_out}
            for link in ("unit", "criterion"):  # ids are not assigned yet: name them by code
                target = getattr(obj, link, None)
                if target is not None:
                    changes[link] = [None, target.code]
            audit(obj, "create", changes)
    # session.dirty is an unordered set: sort it so that the same edits give the same file
    for obj in sorted(session.dirty, key=lambda o: (type(o).__name__, getattr(o, "id", 0) or 0)):
        if not isinstance(obj, Tracked) or not session.is_modified(obj):
            continue
        obj.updated_at = now
        obj.author = author
        if not isinstance(obj, AUDITED):
            continue
        state: InstanceState[Any] = sa_inspect(obj)
        changes = {}
        for key in _columns(obj):
            hist = state.attrs[key].history
            if hist.has_changes():
                old = _audit_value(type(obj), key, hist.deleted[0] if hist.deleted else None)
                new = _audit_value(type(obj), key, hist.added[0] if hist.added else None)
                if old != new:
                    changes[key] = [old, new]
        if changes:
            deleted = changes.get("deleted") == ["False", "True"]
            audit(obj, "delete" if deleted else "update", changes)


# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EvidenceInfo:
    uuid: str
    unit: str
    criterion: str
    name: str
    mime_type: str
    size: int
    sha256: str
    title: str


@dataclass(frozen=True)
class Assignment:
    """A council member's part: the leaves it appraises (its criteria's, own or inherited) and
    the units (its recorded scope, else all)."""
    member: str
    leaves: frozenset[str]
    units: frozenset[str]


@dataclass(frozen=True)
class PackageScope:
    """What may be written in a package: the fields its kind lets the holder enter
    (packages.KINDS) on the (unit, criterion) pairs of its part, and evidence there when the
    kind allows it."""
    kind: Kind
    holder: str  # the member's or the unit's code
    targets: frozenset[tuple[str, str]]
    created_at: str = ""  # when the package left the secretariat

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.kind.fields)

    @property
    def round(self) -> int:
        return self.kind.round

    @property
    def member(self) -> str | None:
        return self.holder if self.kind.party == "member" else None

    @property
    def unit(self) -> str | None:
        return self.holder if self.kind.party == "unit" else None

    def refusal(self) -> tuple[str, str]:
        """What the package takes, for a refusal of anything else."""
        if self.kind.party == "member":
            return (f"gói chỉ cho ghi điểm thẩm định phần được giao (thành viên {self.holder}, "
                    f"vòng {self.round})", "a package only takes the appraisal of the member's "
                    f"part (member {self.holder}, round {self.round})")
        if self.kind.evidence == "edit":
            return (f"gói của đơn vị {self.holder} chỉ cho ghi điểm tự đánh giá, điểm dự kiến, "
                    "giải trình và tài liệu kiểm chứng của các tiêu chí áp dụng cho đơn vị",
                    f"unit {self.holder}'s package only takes the self scores, expected scores, "
                    "explanations and evidence of the unit's applicable criteria")
        return (f"gói giải trình của đơn vị {self.holder} chỉ cho ghi giải trình và bổ sung tài "
                "liệu kiểm chứng ở các tiêu chí bị trừ điểm vòng 1",
                f"unit {self.holder}'s explanation package only takes explanations and further "
                "evidence on the criteria deducted in round 1")


class Store:
    """An open assessment file."""

    def __init__(self, path: Path, engine: Engine, author: str, readonly: bool,
                 clock: Clock = utc_now, new_uuid: Callable[[], str] | None = None):
        self.path = path
        self.engine = engine
        self.author = author
        self.readonly = readonly
        self.clock = clock
        self.new_uuid = new_uuid or (lambda: str(uuid_mod.uuid4()))
        self.upgraded_from: Path | None = None  # backup taken by an upgrade on open
        self.checked = True  # stored values scanned on open (see `open`)
        self._lock: FileLock | None = None  # held from `open(lock=True)` until `close`
        self._temporary: Path | None = None  # folder of a private upgraded copy, removed on close
        # ids, blocks, nodes of units and criteria for score writes: kept across transactions
        # (single edits from the window), dropped when the structure changes or on a full read
        self._facts: dict[Any, tuple] = {}
        self._package: tuple[PackageScope | None] | None = None  # read once: (scope,)
        self._pending: Callable[[], None] | None = None  # checks left running (see `open`)
        self._closed = False  # `close`d: nothing more is read or written through it
        self._refusal: Exception | None = None  # what they found
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _before_flush)

    # -- lifecycle ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, author: str | None = None, readonly: bool = False, *,
             lock: bool = False, checked: bool = True, verify_aside: bool = False) -> Store:
        """Open an assessment file; raises FileFormatError (nothing written) for a file that is
        not a usable parapp file, NotWritable when writing is asked for and not possible.

        lock: when writing, hold the file's lock (`.~lock.NAME#`, parapp.core.lock) until
        `close`, as the window and the writing commands do, so that another parapp sees who has
        it; raises Locked, naming them, when someone else holds it.
        checked: refuse a file holding values the models cannot read (integrity.scan). False
        opens it anyway — `parapp check` lists them, a write may repair them — and every write
        then scans the file before it commits, so none commits into a file still damaged.
        verify_aside: the check of every page and the scan go on beside what the caller reads
        next (the window reading the period: a third of opening a 1,500-unit file, done on a
        second core); `verified()` waits for them and raises what `open` would have. Nothing
        is written before they pass: `edit` waits for them."""
        path = Path(path)
        # the scan of stored values starts at once on its own connection, beside `inspect`
        # reading every page: both are SQLite's own work, which lets go of Python's lock
        early = aside(lambda: _scan(path)) if checked else None
        pages = None
        held = None
        try:
            deferred = verify_aside and not fileformat.hot_journal(path)
            version = fileformat.inspect(path, pages=not deferred)
            if deferred:
                if version < fileformat.SCHEMA_VERSION:  # the upgrade writes: check pages first
                    fileformat.check_pages(path)
                else:
                    pages = aside(lambda: fileformat.check_pages(path))
            if not readonly and not os.access(path, os.W_OK):
                raise NotWritable(f"{path}: không có quyền ghi vào tệp",
                                  f"{path}: the file is not writable",
                                  "không có quyền ghi", "no write permission")
            if lock and not readonly:
                try:
                    held = FileLock.acquire(path)
                except OSError as exc:
                    raise NotWritable(
                        f"{path}: không tạo được tệp khóa cạnh tệp ({exc.strerror})",
                        f"{path}: cannot create the lock file beside it ({exc.strerror})",
                        "không ghi được vào thư mục của tệp",
                        "cannot write in the file's folder") from None
            store = cls._open(path, version, author, readonly, checked, early, pages)
        except BaseException:
            if held is not None:
                held.release()
            if early is not None:
                early()  # its connection is closed before the caller goes on
            if pages is not None:
                pages()  # a damaged page found beside the opening is the reason to give
            raise
        store._lock = held
        return store

    @classmethod
    def _open(cls, path: Path, version: int, author: str | None, readonly: bool,
              checked: bool, early: Callable[[], list | None] | None,
              pages: Callable[[], None] | None = None) -> Store:
        def refuse_bad(con: sqlite3.Connection) -> None:
            bad = early() if early is not None else None
            if bad is None or version < fileformat.SCHEMA_VERSION:  # not read, or not upgraded
                bad = integrity.scan(con, history=False)
            if bad:
                raise integrity.refusal(path, bad)

        check = refuse_bad if checked else None
        backup = None
        source = path
        try:
            if version < fileformat.SCHEMA_VERSION:
                if readonly:  # leave the original untouched: read an upgraded private copy
                    source = Path(tempfile.mkdtemp(prefix="parapp-")) / path.name
                    fileformat.backup(path, source)
                    fileformat.upgrade(source, version, keep_backup=False, check=check)
                else:
                    backup = fileformat.upgrade(path, version, check=check)
                check = None  # done inside the upgrade's transaction
            _check_file(source, path, check if pages is None else None)
        except BaseException:
            if source != path:
                shutil.rmtree(source.parent, ignore_errors=True)
            raise
        store = cls(source, _make_engine(source, readonly), author or default_author(), readonly)
        store.upgraded_from = backup
        store.checked = checked
        if pages is not None:
            def verify() -> None:
                pages()
                _check_file(source, path, check)
            store._pending = verify
        if source != path:
            store._temporary = source.parent
        try:
            with store.session() as s:
                if s.scalar(select(func.count()).select_from(Period)) != 1:
                    raise FileFormatError(f"{path}: tệp không chứa kỳ đánh giá",
                                          f"{path}: the file holds no assessment period")
        except OperationalError as exc:
            store.close()
            raise FileFormatError(f"{path}: tệp thiếu bảng dữ liệu ({exc.orig})",
                                  f"{path}: the file lacks tables ({exc.orig})") from None
        except ParappError:
            store.close()
            raise
        return store

    @classmethod
    def create(cls, path: Path | str, province: str, year: int, *, author: str | None = None,
               clock: Clock = utc_now, new_uuid: Callable[[], str] | None = None,
               overwrite: bool = False, **period: Any) -> Store:
        """Create an empty period. The file appears only when complete (temp file + rename)."""
        path = Path(path)
        check_new_file(path, overwrite)
        # a name: one line, NFC, no control characters (an escape pasted into a terminal)
        province = " ".join(_text(plain_text(province)).split())
        if not province:
            raise ValidationError("Tên tỉnh không được để trống", "The province name is empty")
        if not 2000 <= int(year) <= 2100:
            raise ValidationError(f"Năm không hợp lệ: {year}", f"Invalid year: {year}")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = work_path(path)
        try:
            con = sqlite3.connect(tmp, isolation_level=None)
            try:
                con.execute("PRAGMA page_size = 4096")
                con.execute("PRAGMA journal_mode = DELETE")
                con.execute("BEGIN")
                for statement in ddl():
                    con.execute(statement)
                fileformat.stamp(con)
                con.execute("COMMIT")
            finally:
                con.close()
            store = cls(tmp, _make_engine(tmp, False), author or default_author(), False,
                        clock, new_uuid)
            period.setdefault("criteria_revision", store.new_uuid())
            with store.edit("new") as ed:
                ed.session.add(Period(province=province, year=int(year), **period))
                # written, not left to the defaults: those stay what older files were made
                # with (settings.NEW_PERIOD_SETTINGS)
                for key, value in NEW_PERIOD_SETTINGS.items():
                    ed.set_setting(key, value)
                ed.set_phase(Phase.PREPARATION)  # the season starts: everything open
            store.close()
            put_in_place(tmp, path)
        finally:
            discard(tmp)
        return cls(path, _make_engine(path, False), author or default_author(), False,
                   clock, new_uuid)

    @property
    def locked(self) -> bool:
        """Whether this store holds the file's lock (see `open`)."""
        return self._lock is not None

    def take_lock(self, other: Store) -> None:
        """Hold the lock `other` (a store of the same file, about to close) holds."""
        self._lock, other._lock = other._lock, None

    def verified(self) -> None:
        """Wait for the checks `open(verify_aside=True)` left running; raise what `open` would
        have raised (and again on every later call: a refused file stays refused)."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            try:
                pending()
            except Exception as exc:
                self._refusal = exc
        if self._refusal is not None:
            raise self._refusal

    def close(self) -> None:
        if self._pending is not None:  # a check still reading the file: let it end first
            with contextlib.suppress(Exception):
                self.verified()
        self._closed = True
        self.engine.dispose()
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def revert(self, txn: str, source: str = "") -> str:
        """Undo transaction `txn` in a new transaction (see Edit.revert); returns the new
        transaction's id, whose revert redoes `txn`."""
        with self.edit(source) as ed:
            ed.revert(txn)
        return ed.txn

    def save_copy(self, dest: Path | str) -> Path:
        """A consistent, self-contained copy (SQLite backup API), e.g. to e-mail. Never over
        the file itself, nor over one a parapp has open for editing."""
        dest = Path(dest)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise ValidationError(f"{dest}: đây là chính tệp đang mở; chọn tên khác cho bản sao",
                                  f"{dest}: this is the open file itself; choose another name "
                                  "for the copy")
        refuse_replacing(dest)
        return fileformat.backup(self.path, dest)

    # -- sessions -------------------------------------------------------------------------------

    def session(self) -> Session:
        if self._closed:  # SQLAlchemy would open the file again, without its lock
            raise ParappError(f"{self.path.name}: tệp đã được đóng (một tệp khác đã mở thay); "
                              "không có gì được đọc hay ghi", f"{self.path.name}: the file was "
                              "closed (another was opened in its place); nothing was read or "
                              "written")
        s = self._sessions()
        s.info.update(author=self.author, clock=self.clock, new_uuid=self.new_uuid)
        return s

    @contextmanager
    def edit(self, source: str = "") -> Iterator[Edit]:
        """One transaction: everything inside commits together or not at all."""
        if self.readonly:
            raise ValidationError(f"{self.path}: tệp đang mở chỉ để đọc",
                                  f"{self.path}: the file is open read-only")
        self.verified()
        with self.session() as s:
            s.info["source"] = source
            s.info["txn"] = self.new_uuid()
            ed = Edit(self, s)
            try:
                package = s.info["package"] = self.package_scope()
                with s.begin():
                    # a package's scope decides what it takes; the master's, its phase
                    s.info["phase"] = _phase_state(s).phase if package is None else None
                    yield ed
                    if package is not None:  # a sealed package changed: the seal no longer holds
                        # a mapped class's __table__ is its Table, typed as any FromClause
                        s.execute(cast(Table, Seal.__table__).delete())
                    if not self.checked:  # never commit into a file that still has bad values
                        s.flush()
                        bad = integrity.scan(_driver_connection(s))
                        if bad:
                            raise integrity.refusal(self.path, bad)
            # SQLAlchemy's errors, and the driver's own from the batched writes (scores, a
            # merge's evidence, audit entries) that go to it directly
            except (IntegrityError, sqlite3.IntegrityError) as exc:
                why = getattr(exc, "orig", exc)
                raise ValidationError(f"Dữ liệu không hợp lệ, không có gì được ghi ({why})",
                                      f"Invalid data, nothing was written ({why})") from None
            except (OperationalError, sqlite3.OperationalError) as exc:  # locked, disk full, …
                why = getattr(exc, "orig", exc)
                raise ParappError(f"{self.path}: không ghi được vào tệp, không có gì được ghi "
                                  f"({why})",
                                  f"{self.path}: cannot write to the file, nothing was written "
                                  f"({why})") from None
            finally:
                if ed.structure_changed:  # committed or rolled back: the facts may be stale
                    self._facts.clear()

    # -- reads ----------------------------------------------------------------------------------

    def period(self) -> Period:
        with self.session() as s:
            return s.scalars(select(Period)).one()

    def phase(self) -> PhaseState:
        """Where the period stands in the season (phase None: never set, everything open)."""
        with self.session() as s:
            return _phase_state(s)

    def phase_history(self) -> list[PhaseChange]:
        with self.session() as s:
            return list(s.scalars(select(PhaseChange).where(PhaseChange.deleted.is_(False))
                                  .order_by(PhaseChange.id)))

    def stored_settings(self) -> dict[str, Any]:
        """The settings the period stores (its own values, by key), as stored."""
        with self.session() as s:
            return {k: v for k, v in s.execute(
                select(Setting.key, Setting.value).where(Setting.deleted.is_(False)))}

    def settings(self) -> PeriodSettings:
        with self.session() as s:
            stored = {row.key: row.value for row in s.scalars(
                select(Setting).where(Setting.deleted.is_(False)))}
        try:
            return PeriodSettings.from_values(stored)
        except (ValueError, KeyError) as exc:
            raise FileFormatError(f"{self.path}: thiết lập của kỳ đánh giá không hợp lệ ({exc})",
                                  f"{self.path}: invalid period settings ({exc})") from None

    def blocks(self) -> list[Block]:
        with self.session() as s:
            return list(s.scalars(select(Block).where(Block.deleted.is_(False))
                                  .order_by(Block.position, Block.code)))

    def bonus_items(self) -> list[BonusItem]:
        """The set's bonus and penalty catalogue, in its order."""
        with self.session() as s:
            return list(s.scalars(select(BonusItem).where(BonusItem.deleted.is_(False))
                                  .order_by(BonusItem.position, BonusItem.code)))

    def members(self) -> list[Member]:
        with self.session() as s:
            return list(s.scalars(select(Member).where(Member.deleted.is_(False))
                                  .order_by(Member.position, Member.code)))

    def units(self) -> list[Unit]:
        with self.session() as s:
            return list(s.scalars(select(Unit).where(Unit.deleted.is_(False))
                                  .order_by(Unit.position, Unit.code)))

    def expected_points(self) -> dict[tuple[str, str], Decimal]:
        """Every expected score (dự kiến) by (unit code, criterion code)."""
        with self.engine.connect() as con:
            return {(u, c): Decimal(v) for u, c, v in con.exec_driver_sql(
                "SELECT u.code, c.code, s.expected_points FROM score s "
                "JOIN unit u ON u.id = s.unit_id JOIN criterion c ON c.id = s.criterion_id "
                "WHERE s.deleted = 0 AND u.deleted = 0 AND s.expected_points IS NOT NULL")}

    def previous_period(self) -> PreviousPeriod | None:
        """The period this one is linked to as its previous one, if any."""
        with self.session() as s:
            return s.scalars(select(PreviousPeriod)).first()

    def past_units(self, values: bool = False) -> list[PastUnit]:
        """The previous period's units as published, with the unit each is mapped to (and
        their points per criterion code when `values`), in last year's block and rank order."""
        with self.session() as s:
            return _load_past(s, values)

    def previous(self) -> dict[str, Previous]:
        """What each mapped unit of this period had last year, by its code (derived where
        several old units were merged into it: parapp.core.previous)."""
        return by_successor(self.past_units(values=True))

    def tree(self) -> CriteriaTree:
        with self.session() as s:
            return _load_tree(s)

    def counts(self) -> dict[str, int]:
        def n(model, *where) -> int:
            q = select(func.count()).select_from(model)
            if hasattr(model, "deleted"):
                q = q.where(model.deleted.is_(False))
            for w in where:
                q = q.where(w)
            return s.execute(q).scalar_one()
        with self.session() as s:
            return {
                "blocks": n(Block), "units": n(Unit), "members": n(Member),
                "criteria": n(Criterion),
                "self_scores": n(Score, Score.self_points.is_not(None)),
                "appraisals": n(Score, Score.appraisal_points.is_not(None)),
                "evidence": n(Evidence),
                "blobs": s.execute(select(func.count()).select_from(Blob)).scalar_one(),
                "blob_bytes": s.execute(select(func.coalesce(func.sum(Blob.size), 0))).scalar_one(),
                "audit": s.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
            }

    def evidence(self, unit_code: str | None = None,
                 criterion_code: str | None = None) -> list[EvidenceInfo]:
        with self.session() as s:
            q = (select(Evidence, Unit.code, Criterion.code).join(Unit, Evidence.unit_id == Unit.id)
                 .join(Criterion, Evidence.criterion_id == Criterion.id)
                 .where(Evidence.deleted.is_(False)).order_by(Evidence.id))
            if unit_code:
                q = q.where(Unit.code == unit_code)
            if criterion_code:
                q = q.where(Criterion.code == criterion_code)
            return [EvidenceInfo(e.uuid, u, c, e.original_name, e.mime_type, e.size, e.sha256,
                                 e.title) for e, u, c in s.execute(q)]

    def evidence_bytes(self, evidence_uuid: str) -> bytes:
        with self.session() as s:
            data = s.scalar(select(Blob.data).join(Evidence, Evidence.sha256 == Blob.sha256)
                            .where(Evidence.uuid == evidence_uuid))
            digest = s.scalar(select(Evidence.sha256).where(Evidence.uuid == evidence_uuid))
        if data is None:
            raise ValidationError(f"Không có tài liệu kiểm chứng {evidence_uuid}",
                                  f"No evidence {evidence_uuid}")
        if hashlib.sha256(data).hexdigest() != digest:  # opening does not read every file
            raise ParappError(f"{self.path}: nội dung tài liệu kiểm chứng bị hỏng (không khớp "
                              "SHA-256); hãy khôi phục bản sao lưu gần nhất (parapp check)",
                              f"{self.path}: the evidence content is damaged (its SHA-256 does "
                              "not match); restore the latest backup (parapp check)")
        return data

    def assignment(self, member: str) -> Assignment:
        with self.session() as s:
            row = s.scalars(select(Member).where(Member.code == member,
                                                 Member.deleted.is_(False))).one_or_none()
            if row is None:
                raise ValidationError(f"Không có thành viên Hội đồng mã '{member}'",
                                      f"No council member '{member}'")
            scoped = set(s.scalars(select(Unit.code).join(MemberUnit, MemberUnit.unit_id == Unit.id)
                                   .where(MemberUnit.member_id == row.id,
                                          MemberUnit.deleted.is_(False))))
        tree = self.tree()
        leaves = frozenset(tree.nodes[k].code for k in tree.preorder if tree.is_leaf(k)
                           and tree.nodes[k].source is Source.SELF
                           and tree.appraiser_of(k) == member)
        units = frozenset(scoped or (u.code for u in self.units()))
        return Assignment(member, leaves, units)

    def package_scope(self) -> PackageScope | None:
        """None for a master file; for a package, what may be written in it."""
        if self._package is None:
            with self.session() as s:
                info = s.scalars(select(PackageInfo)).first()
                scope = None
                if info is not None:
                    units = dict(s.execute(select(Unit.uuid, Unit.code)).tuples().all())
                    crits = dict(s.execute(select(Criterion.uuid, Criterion.code)).tuples().all())
                    targets = frozenset(
                        (units[u], crits[c]) for u, c in s.execute(
                            select(PackageBase.unit_uuid, PackageBase.criterion_uuid))
                        if u in units and c in crits)
                    kind = KINDS.get(("unit" if info.unit_code else "member", info.round))
                    if kind is None:  # written by hand: no package parapp makes
                        raise FileFormatError(
                            f"{self.path.name}: thông tin gói (package_info) bị hỏng; xin Tổ thư "
                            "ký xuất lại gói", f"{self.path.name}: the package information "
                            "(package_info) is damaged; ask the secretariat for a new package")
                    scope = PackageScope(kind, info.unit_code or info.member_code, targets,
                                         info.created_at)
            self._package = (scope,)
        return self._package[0]

    def score(self, unit_code: str, criterion_code: str) -> dict[str, Any]:
        """The editable fields of one unit's score on one leaf (empty values if never scored),
        in the form Edit.write_scores takes: what an undo needs to put back."""
        score = Score.__table__
        query = select(*(score.c[k] for k in SCORE_EDIT_FIELDS)).where(
            score.c.unit_id == _unit_id(unit_code),
            score.c.criterion_id == _criterion_id(criterion_code), score.c.deleted.is_(False))
        with self.engine.connect() as con:
            row = con.execute(query).mappings().first()
        if row is None:
            return {k: (None if k.endswith("points") else "") for k in SCORE_EDIT_FIELDS}
        return {k: (row[k] if k.endswith("points") else row[k] or "") for k in SCORE_EDIT_FIELDS}

    def notes(self, unit_code: str) -> dict[str, str]:
        """The deduction note in force per criterion code of a unit (round 2 if it has one)."""
        with self.session() as s:
            return {code: note_in_force(n1, n2, p2) for code, n1, n2, p2 in s.execute(
                select(Criterion.code, Score.appraisal_note, Score.appraisal2_note,
                       Score.appraisal2_points)
                .join(Criterion, Score.criterion_id == Criterion.id)
                .where(Score.unit_id == _unit_id(unit_code), Score.deleted.is_(False)))}

    def audit(self, entity_uuid: str | None = None) -> list[AuditEntry]:
        with self.session() as s:
            q = select(AuditEntry).order_by(AuditEntry.id)
            if entity_uuid:
                q = q.where(AuditEntry.entity_uuid == entity_uuid)
            return list(s.scalars(q))

    def snapshot(self) -> Snapshot:
        """Everything the engine needs, as plain data, read in one transaction."""
        self._facts.clear()  # a full read: another process may have changed the structure
        with self.session() as s, s.begin():
            return _load_snapshot(s, self.settings_in(s))

    def unit_input(self, code: str) -> UnitInput:
        """One unit as the engine sees it, read afresh (after an edit of that unit)."""
        with self.session() as s:
            units = _load_units(s, only=code)
        if not units:
            raise ValidationError(f"Không có đơn vị có mã '{code}'", f"No unit with code '{code}'")
        return units[0]

    def settings_in(self, s: Session) -> PeriodSettings:
        stored = {k: v for k, v in s.execute(
            select(Setting.key, Setting.value).where(Setting.deleted.is_(False)))}
        return PeriodSettings.from_values(stored)

    def evaluate(self) -> PeriodResult:
        return evaluate(self.snapshot())


def _unit_id(code: str):
    """The live unit's id as a scalar subquery: lets SQLite use the unit_id indexes instead
    of scanning every score to join on the code."""
    return select(Unit.id).where(Unit.code == code, Unit.deleted == False).scalar_subquery()  # noqa: E712


def _criterion_id(code: str):
    return select(Criterion.id).where(Criterion.code == code,
                                      Criterion.deleted == False).scalar_subquery()  # noqa: E712


class _Decimals(dict):
    """Each stored decimal text as a Decimal, made once: a period's points take few values."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, text: str) -> Decimal:
        value = self[text] = Decimal(text)
        return value


def _load_units(s: Session, only: str | None = None) -> list[UnitInput]:
    """The engine's view of the units (all, or the one with code `only`): scores, exclusions,
    survey results and adjustments, read with one query each."""
    crit_uuid = dict(s.execute(select(Criterion.id, Criterion.uuid)).tuples().all())
    block_code = dict(s.execute(select(Block.id, Block.code)).tuples().all())
    unit_query = select(Unit.id, Unit.uuid, Unit.code, Unit.name, Unit.block_id, Unit.ranked,
                        Unit.prev_rank, Unit.head_since).where(Unit.deleted.is_(False))
    if only is not None:
        unit_query = unit_query.where(Unit.code == only)
    unit_rows = s.execute(unit_query.order_by(Unit.position, Unit.code)).all()
    ids = [u.id for u in unit_rows]

    def of_units(query, column):  # one unit: by id, so SQLite uses the unit_id indexes
        return query.where(column == ids[0] if ids else False) if only is not None else query

    # the scores, the bulk of a period (180,000 rows at 1,500 units), straight from the driver:
    # SQLAlchemy's rows and its Decimal type per value cost 0.6 s of a 1 s evaluation there
    scores: dict[int, dict[str, LeafScore]] = {}
    decimal = _Decimals()
    leaves: dict[tuple, LeafScore] = {}  # immutable, and a period has few distinct ones
    sql = ("SELECT unit_id, criterion_id, self_points, appraisal_points, appraisal2_points"
           " FROM score WHERE deleted = 0")
    args: tuple = ()
    if only is not None:
        sql, args = sql + " AND unit_id = ?", (ids[0] if ids else None,)
    for uid, cid, own, a1, a2 in _driver_connection(s).execute(sql, args):
        of_unit = scores.get(uid)
        if of_unit is None:
            of_unit = scores[uid] = {}
        leaf = leaves.get(texts := (own, a1, a2))
        if leaf is None:
            leaf = leaves[texts] = LeafScore(decimal[own], decimal[a1], decimal[a2])
        of_unit[crit_uuid[cid]] = leaf
    excluded: dict[int, set[str]] = {}
    for uid, cid in s.execute(of_units(select(Exclusion.unit_id, Exclusion.criterion_id)
                                       .where(Exclusion.deleted.is_(False)), Exclusion.unit_id)):
        excluded.setdefault(uid, set()).add(crit_uuid[cid])
    surveys = {uid: (sp, sv) for uid, sp, sv in s.execute(of_units(
        select(SurveyResult.unit_id, SurveyResult.sipas_pct, SurveyResult.survey_pct)
        .where(SurveyResult.deleted.is_(False)), SurveyResult.unit_id))}
    measured: dict[int, dict[str, Decimal]] = {}
    for uid, cid, pct in s.execute(of_units(
            select(SurveyItem.unit_id, SurveyItem.criterion_id, SurveyItem.pct)
            .where(SurveyItem.deleted.is_(False)), SurveyItem.unit_id)):
        measured.setdefault(uid, {})[crit_uuid[cid]] = pct
    adjustments: dict[int, list[Adjustment]] = {}
    for uid, kind, own, appr in s.execute(of_units(
            select(AdjustmentRow.unit_id, AdjustmentRow.kind, AdjustmentRow.self_points,
                   AdjustmentRow.appraisal_points).where(AdjustmentRow.deleted.is_(False))
            .order_by(AdjustmentRow.id), AdjustmentRow.unit_id)):
        adjustments.setdefault(uid, []).append(Adjustment(kind, own, appr))
    # last year's ranks: all of them for the period; for one unit (re-read after each edit),
    # only the previous units of the blocks its own old units were in
    blocks = None if only is None else set(s.scalars(select(PreviousUnit.block_code).where(
        PreviousUnit.unit_id == (ids[0] if ids else None), PreviousUnit.deleted.is_(False))))
    linked = previous_ranks(_load_past(s, blocks=blocks)) if blocks != set() else {}
    units = []
    for u in unit_rows:
        sp, sv = surveys.get(u.id, (None, None))
        # last year's rank from the linked period wherever the unit is mapped, else as typed
        prev_rank, derived = linked.get(u.code, (u.prev_rank, False))
        units.append(UnitInput(
            key=u.uuid, code=u.code, name=u.name, block=block_code.get(u.block_id, "?"),
            ranked=u.ranked, prev_rank=prev_rank, prev_derived=derived,
            excluded=frozenset(excluded.get(u.id, ())),
            scores=scores.get(u.id, {}), sipas_pct=sp, survey_pct=sv,
            adjustments=tuple(adjustments.get(u.id, ())), measured=measured.get(u.id, {}),
            head_since=date.fromisoformat(u.head_since) if u.head_since else None))
    return units


def _load_past(s: Session, values: bool = False,
               blocks: set[str] | None = None) -> list[PastUnit]:
    """The previous period's units (of `blocks`, else all; their points by criterion code when
    `values`), each with the live unit it is mapped to."""
    query = select(PreviousUnit.id, PreviousUnit.code, PreviousUnit.name, PreviousUnit.block_code,
                   PreviousUnit.block_name, PreviousUnit.ranked, PreviousUnit.total,
                   PreviousUnit.index_value, PreviousUnit.rank, Unit.code)
    query = (query.outerjoin(Unit, (Unit.id == PreviousUnit.unit_id) & Unit.deleted.is_(False))
             .where(PreviousUnit.deleted.is_(False))
             .order_by(PreviousUnit.block_code, PreviousUnit.rank.is_(None), PreviousUnit.rank,
                       PreviousUnit.code))
    if blocks is not None:
        query = query.where(PreviousUnit.block_code.in_(blocks))
    rows = s.execute(query).all()
    points: dict[int, dict[str, Decimal]] = {}
    maxima: dict[int, dict[str, Decimal]] = {}
    if values and rows:
        for pid, code, mx, pts in s.execute(select(
                PreviousValue.previous_unit_id, PreviousValue.criterion_code,
                PreviousValue.max_points, PreviousValue.points)):
            points.setdefault(pid, {})[code] = pts
            maxima.setdefault(pid, {})[code] = mx
    return [PastUnit(r.code, r.name, r.block_code, r.ranked, r.total, r.index_value, r.rank,
                     r[9], points.get(r.id, {}), maxima.get(r.id, {}), r.block_name)
            for r in rows]


def _load_tree(s: Session) -> CriteriaTree:
    blocks = dict(s.execute(select(Block.id, Block.code)).tuples().all())
    members = dict(s.execute(select(Member.id, Member.code)).tuples().all())
    overrides: dict[int, dict[str, Decimal]] = {}
    for cid, bid, mx in s.execute(select(CriterionMax.criterion_id, CriterionMax.block_id,
                                         CriterionMax.max_points)
                                  .where(CriterionMax.deleted.is_(False))):
        overrides.setdefault(cid, {})[blocks[bid]] = mx
    rows = s.execute(select(Criterion.id, Criterion.uuid, Criterion.code, Criterion.name,
                            Criterion.parent_id, Criterion.max_points, Criterion.method,
                            Criterion.params, Criterion.source, Criterion.evidence_required,
                            Criterion.appraiser_id, Criterion.position, Criterion.guidance,
                            Criterion.evidence_guidance)
                     .where(Criterion.deleted.is_(False))).all()
    uuid_of = {r.id: r.uuid for r in rows}
    return CriteriaTree(Node(
        key=r.uuid, code=r.code, name=r.name, parent=uuid_of.get(r.parent_id),
        max_points=r.max_points, block_max=overrides.get(r.id, {}), method=Method(r.method),
        params=r.params or {}, source=Source(r.source), evidence_required=r.evidence_required,
        appraiser=members.get(r.appraiser_id), position=r.position, guidance=r.guidance or "",
        evidence_guidance=r.evidence_guidance or "") for r in rows)


def _load_snapshot(s: Session, settings: PeriodSettings) -> Snapshot:
    tree = _load_tree(s)
    block_rows = s.execute(select(Block.id, Block.code, Block.name)
                           .where(Block.deleted.is_(False))
                           .order_by(Block.position, Block.code)).all()
    units = _load_units(s)
    unit_uuid = {u.code: u.key for u in units}
    overrides = {}
    for code, grade, disq, reason in s.execute(
            select(Unit.code, HeadOverride.grade, HeadOverride.disqualified, HeadOverride.reason)
            .join(Unit, HeadOverride.unit_id == Unit.id).where(HeadOverride.deleted.is_(False))):
        if code in unit_uuid:
            overrides[unit_uuid[code]] = Override(Grade(grade), reason, disq)
    year = s.scalar(select(Period.year))
    return Snapshot(tree, [BlockInfo(b.code, b.name) for b in block_rows], units, settings,
                    overrides, year=year)


# ---------------------------------------------------------------------------------------------

def _points(value: Decimal | str | int | None, where: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Decimal) and value.is_finite():
        points = value
    else:
        try:
            points = parse_decimal(value)
        except (ValueError, TypeError):
            raise ValidationError(f"{where}: '{value}' không phải là số",
                                  f"{where}: '{value}' is not a number") from None
    if too_precise(points):
        raise ValidationError(
            f"{where}: tối đa {MAX_ENTERED_DECIMALS} chữ số thập phân ({value})",
            f"{where}: at most {MAX_ENTERED_DECIMALS} decimals ({value})")
    return points


def _max_points(value: Decimal | str | int | None, code: str,
                block: str | None = None) -> Decimal | None:
    """A criterion's max points (for `block`: None leaves the default), within check_max."""
    where_vi, where_en = (f"Tiêu chí {code}", f"Criterion {code}") if block is None else (
        f"Tiêu chí {code}, khối {block}", f"Criterion {code}, block {block}")
    points = _points(value, where_vi)
    if points is None:
        if block is None:
            raise ValidationError(f"{where_vi}: thiếu điểm tối đa", f"{where_en}: max missing")
        return None
    problem = check_max(points, block=block is not None)
    if problem:
        raise ValidationError(f"{where_vi}: {problem}", f"{where_en}: {problem}")
    return points


class Edit:
    """Writes inside one transaction (see Store.edit). Rows are addressed by their codes."""

    def __init__(self, store: Store, session: Session):
        self.store = store
        self.session = session
        # Per-transaction indexes, kept in step with the rows this Edit adds, so that bulk
        # operations (imports, the demo) run one query per table instead of one per call.
        self._indexes: dict[type, dict[str, Any]] = {}
        self._nodes: dict[str, tuple[Node, bool]] = {}
        # score rows by unit id and criterion id, as read (a tuple) or typed (a dict); None:
        # read, and there is no row
        self._scores: dict[int, dict[int, Any]] = {}
        self._score_names: list[str] = []  # the score table's columns, as read
        self._whole: set[int] = set()  # units whose every score row is in _scores
        self._targets = store._facts
        self.structure_changed = False
        self._evidence: dict[int, dict[tuple[int, str], str]] = {}
        self._blobs: set[str] = set()
        self._settings: PeriodSettings | None = None

    @property
    def author(self) -> str:
        return self.session.info["author"]

    @author.setter
    def author(self, name: str) -> None:
        """Changes made from now on are by `name`; what is pending is flushed as the previous."""
        if name != self.session.info["author"]:
            self.session.flush()
            self.session.info["author"] = name

    @property
    def txn(self) -> str:
        """This transaction's id: its audit entries carry it, `Store.revert` undoes it."""
        return self.session.info["txn"]

    # -- lookups ----------------------------------------------------------------------------

    def _index(self, model) -> dict[str, Any]:
        index = self._indexes.get(model)
        if index is None:
            query = select(model).where(model.deleted.is_(False))
            if model is Criterion:
                query = query.options(selectinload(Criterion.block_max),
                                      selectinload(Criterion.parent),
                                      selectinload(Criterion.appraiser))
            with self.session.no_autoflush:
                index = self._indexes[model] = {r.code: r for r in self.session.scalars(query)}
        return index

    def _structure_changed(self) -> None:
        self._nodes.clear()
        self._targets.clear()
        self.structure_changed = True

    def _get(self, model, code: str, vi: str, en: str):
        row = self._index(model).get(code)
        if row is None:
            raise ValidationError(f"Không có {vi} có mã '{code}'", f"No {en} with code '{code}'")
        return row

    def block(self, code: str) -> Block:
        return self._get(Block, code, "khối", "block")

    def unit(self, code: str) -> Unit:
        return self._get(Unit, code, "đơn vị", "unit")

    def criterion(self, code: str) -> Criterion:
        return self._get(Criterion, code, "tiêu chí", "criterion")

    def member(self, code: str) -> Member:
        return self._get(Member, code, "thành viên Hội đồng", "council member")

    def _new(self, row, vi: str, en: str):
        """Add a coded row, refusing a code already in use."""
        index = self._index(type(row))
        if row.code in index:
            raise ValidationError(f"Đã có {vi} mã '{row.code}'", f"A {en} '{row.code}' exists")
        index[row.code] = row
        self._structure_changed()
        return self._add(row)

    # -- period and settings ------------------------------------------------------------------

    def update_period(self, **fields: Any) -> Period:
        period = self.session.scalars(select(Period)).one()
        for k, v in fields.items():
            if not hasattr(Period, k) or k in _BOOKKEEPING:
                raise ValidationError(f"Không có trường '{k}'", f"No field '{k}'")
            setattr(period, k, v)
        return period

    def _refuse_publishing_errors(self) -> None:
        """What `parapp check` calls errors blocks publication: results with an appraisal
        missing, a reason missing or a criterion set that does not add up are not published."""
        from parapp.core.check import check  # it reads the store: imported when publishing
        errors = [p for p in check(self.store) if p.severity == "error"]
        if errors:
            more = len(errors) - 1
            raise ValidationError(
                f"Chưa công bố được: {errors[0]}" + (f" (và {more} lỗi khác)" if more else "")
                + f"; lệnh parapp check {self.store.path.name} liệt kê tất cả",
                f"Cannot publish yet: {errors[0]}" + (f" (and {more} more)" if more else "")
                + f"; parapp check {self.store.path.name} lists them all")

    def set_phase(self, phase: Phase | str, deadline: str | None = None,
                  reason: str = "") -> PhaseChange:
        """Enter `phase` (or set the current phase's deadline: the same phase again), with an
        optional deadline (dd/mm/yyyy or ISO). Going back to an earlier phase — reopening —
        needs a reason that states its grounds; it is kept with the change."""
        try:
            new = Phase(phase)
        except ValueError:
            raise ValidationError(
                f"Không có giai đoạn '{phase}'. Các giai đoạn: {', '.join(Phase)}",
                f"No phase '{phase}'. Phases: {', '.join(Phase)}") from None
        when = None
        if deadline not in (None, ""):
            try:
                when = parse_date(str(deadline))
            except ValueError:
                raise ValidationError(
                    f"Hạn của giai đoạn không hợp lệ: '{deadline}' (ngày dạng dd/mm/yyyy)",
                    f"Invalid deadline: '{deadline}' (a date as dd/mm/yyyy)") from None
        current = _phase_state(self.session).phase
        reason = " ".join(reason.split())
        if new is Phase.PUBLISHED and current is not Phase.PUBLISHED:
            self._refuse_publishing_errors()
        if current is not None and new.order < current.order:
            problem = reason_problem(reason)
            if problem is not None:
                raise ValidationError(
                    f"Mở lại giai đoạn «{LABELS[new][0]}» (đang ở «{LABELS[current][0]}»): "
                    + problem[0].replace("khi điều chỉnh xếp loại", "khi mở lại"),
                    f"Reopening «{LABELS[new][1]}» (now «{LABELS[current][1]}»): "
                    + problem[1].replace("an override needs", "a reopening needs"))
        row = PhaseChange(phase=new.value, deadline=when.isoformat() if when else None,
                          reason=reason)
        self.session.add(row)
        self.session.info["phase"] = new  # later writes of this transaction are in it
        return row

    def set_setting(self, key: str, text: str) -> Any:
        value = parse_setting(key, text)
        self._settings = None
        row = self.session.scalars(select(Setting).options(defer(Setting.value)).where(
            Setting.key == key, Setting.deleted.is_(False))).first()
        if row is not None:
            stored = self.session.scalar(select(type_coerce(Setting.value, Text))
                                         .where(Setting.id == row.id))
            try:
                json.loads(stored or "")  # NULL is no JSON either
            except (ValueError, TypeError, RecursionError):  # not JSON (a damaged file, being
                # repaired, or nested past reading): it is replaced, its text kept in the audit
                set_committed_value(row, "value", stored)
        if value == SPECS[key].default and row is None:
            return value
        if row is None:
            self.session.add(Setting(key=key, value=value))
        elif row.value != value:
            row.value = value
        return value

    # -- structure ----------------------------------------------------------------------------

    def add_block(self, code: str, name: str, position: int | None = None) -> Block:
        _require_code(code, "khối", "block")
        return self._new(Block(code=code, name=name, position=_pos(position, code)),
                         "khối", "block")

    def add_member(self, code: str, department: str, person: str = "", title: str = "",
                   position: int | None = None) -> Member:
        _require_code(code, "thành viên", "member")
        return self._new(Member(code=code, department=department, person=person, title=title,
                                position=_pos(position, code)), "thành viên", "member")

    def register_key(self, member: str, fingerprint: str) -> Member:
        """The key whose seal is accepted on `member`'s returned packages ("" forgets it)."""
        row = self.member(member)
        row.key_fingerprint = _fingerprint(fingerprint)
        return row

    def register_unit_key(self, unit: str, fingerprint: str) -> Unit:
        """The key whose seal will be accepted on `unit`'s own packages ("" forgets it)."""
        row = self.unit(unit)
        row.key_fingerprint = _fingerprint(fingerprint)
        return row

    def record_sent_package(self, package_uuid: str, kind: Kind, holder: str, file_name: str,
                            frozen: Mapping[str, str],
                            rows: Iterable[tuple[int, int, str]]) -> SentPackage:
        """Record a package this master exports (parapp.core.packages): what a returned
        package is checked against. `holder`: the member's or the unit's code (kind.party);
        `rows`: (unit id, criterion id, base digest)."""
        member, unit = (holder, "") if kind.party == "member" else ("", holder)
        record = self._add(SentPackage(package_uuid=package_uuid, member_code=member,
                                       unit_code=unit, round=kind.round, file_name=file_name,
                                       frozen=dict(frozen)))
        self.session.flush()
        self.session.connection().exec_driver_sql(
            "INSERT INTO sent_row (sent_id, unit_id, criterion_id, base_sha256) "
            "VALUES (?, ?, ?, ?)", [(record.id, u, c, d) for u, c, d in rows])
        return record

    def set_member_units(self, member: str, units: Iterable[str]) -> None:
        """Limit `member` to these units (an empty list: every unit)."""
        row = self.member(member)
        wanted = {self.unit(code).id for code in units}
        current = {m.unit_id: m for m in self.session.scalars(select(MemberUnit).where(
            MemberUnit.member_id == row.id, MemberUnit.deleted.is_(False)))}
        for unit_id, link in current.items():
            if unit_id not in wanted:
                link.deleted = True
        for unit_id in wanted - set(current):
            self.session.add(MemberUnit(member_id=row.id, unit_id=unit_id))

    def add_criterion(self, code: str, name: str, max_points: Decimal | str,
                      parent: str | None = None, *, block_max: Mapping[str, Any] | None = None,
                      method: str = "manual", params: Mapping | None = None,
                      source: str = "self", evidence_required: bool = False,
                      appraiser: str | None = None, position: int | None = None,
                      guidance: str = "", evidence_guidance: str = "") -> Criterion:
        where = f"Tiêu chí {code}"
        _require_code(code, "tiêu chí", "criterion")
        top = _max_points(max_points, code)
        try:
            Method(method), Source(source)
        except ValueError as exc:
            raise ValidationError(f"{where}: {exc}", f"Criterion {code}: {exc}") from None
        row = Criterion(code=code, name=name, max_points=top, method=method,
                        params=dict(params or {}), source=source,
                        evidence_required=evidence_required, guidance=_text(guidance),
                        evidence_guidance=_text(evidence_guidance),
                        parent=self.criterion(parent) if parent else None,
                        appraiser=self.member(appraiser) if appraiser else None,
                        position=_pos(position, code.split(".")[-1]))
        self._new(row, "tiêu chí", "criterion")
        for block_code, value in (block_max or {}).items():
            mx = _max_points(value, code, block_code)
            if mx is not None and mx != top:
                self._add(CriterionMax(criterion=row, block=self.block(block_code), max_points=mx))
        return row

    def add_unit(self, code: str, name: str, block: str, head_name: str = "",
                 head_title: str = "", ranked: bool = True, prev_rank: int | None = None,
                 position: int | None = None, head_since: date | str | None = None) -> Unit:
        """A new unit; `head_since`, when its head took up the post (a date, 'yyyy-mm-dd' or
        'dd/mm/yyyy'; None: the whole period)."""
        _require_code(code, "đơn vị", "unit")
        return self._new(Unit(code=code, name=name, block=self.block(block), head_name=head_name,
                              head_title=head_title, head_since=_head_since(head_since, code),
                              ranked=ranked, prev_rank=prev_rank,
                              position=_pos(position, code)), "đơn vị", "unit")

    def update_unit(self, code: str, *, block: str | None = None, **fields: Any) -> Unit:
        """Change a unit's fields (name, head_name, head_title, head_since, ranked, prev_rank,
        block)."""
        unit = self.unit(code)
        for key, value in fields.items():
            if key not in ("name", "head_name", "head_title", "head_since", "ranked", "prev_rank"):
                raise ValidationError(f"Không sửa được trường '{key}'", f"Cannot edit '{key}'")
            if key == "head_since":
                value = _head_since(value, code)
            if getattr(unit, key) != value:
                setattr(unit, key, value)
        if block is not None and unit.block.code != block:
            unit.block = self.block(block)
            self._structure_changed()
        return unit

    def update_criterion(self, code: str, *, block_max: Mapping[str, Any] | None = None,
                         appraiser: str | None = None, **fields: Any) -> Criterion:
        """Change a criterion's fields; `block_max` maps block codes to maxima (None: default)."""
        row = self.criterion(code)
        for key, value in fields.items():
            if key not in ("name", "max_points", "method", "params", "source",
                           "evidence_required", "guidance", "evidence_guidance"):
                raise ValidationError(f"Không sửa được trường '{key}'", f"Cannot edit '{key}'")
            if key == "max_points":
                value = _max_points(value, code)
            if key in ("guidance", "evidence_guidance"):
                value = _text(value)
            if getattr(row, key) != value:
                setattr(row, key, value)
        if appraiser is not None:
            member = self.member(appraiser) if appraiser else None
            if row.appraiser is not member:
                row.appraiser = member
        for block_code, value in (block_max or {}).items():
            value = _max_points(value, code, block_code)
            current = next((m for m in row.block_max
                            if not m.deleted and m.block.code == block_code), None)
            if value is None or value == row.max_points:
                if current is not None:
                    current.deleted = True
            elif current is None:
                self._add(CriterionMax(criterion=row, block=self.block(block_code),
                                       max_points=value))
            elif current.max_points != value:
                current.max_points = value
        self._structure_changed()
        return row

    def _add(self, row):
        if isinstance(row, Tracked) and row.uuid is None:
            row.uuid = self.session.info["new_uuid"]()  # known at once, e.g. to undo or link
        self.session.add(row)
        return row

    def set_applicable(self, unit: str, criterion: str, applicable: bool, reason: str = "") -> None:
        u, c = self.unit(unit), self.criterion(criterion)
        row = self.session.scalars(select(Exclusion).where(
            Exclusion.unit_id == u.id, Exclusion.criterion_id == c.id,
            Exclusion.deleted.is_(False))).first()
        if applicable and row is not None:
            row.deleted = True
        elif not applicable and row is None:
            if not reason.strip():
                raise ValidationError(
                    f"Đơn vị {unit}, tiêu chí {criterion}: phải ghi lý do không áp dụng",
                    f"Unit {unit}, criterion {criterion}: a reason is required")
            self._add(Exclusion(unit=u, criterion=c, reason=reason))

    # -- scores -------------------------------------------------------------------------------

    def _node(self, c: Criterion) -> tuple[Node, bool]:
        """The criterion as an engine node (with its block maxima) and whether it is a leaf."""
        if not self._nodes:
            parents = {r.parent.code for r in self._index(Criterion).values() if r.parent}
            for r in self._index(Criterion).values():
                block_max = {m.block.code: m.max_points for m in r.block_max if not m.deleted}
                self._nodes[r.code] = (Node(r.uuid, r.code, r.name, None, r.max_points,
                                            block_max, Method(r.method), r.params or {},
                                            Source(r.source)), r.code not in parents)
        return self._nodes[c.code]

    def _figure(self, node: Node, block: str, text, where: str) -> tuple[str, Decimal | None]:
        """A declared figure as stored, and the points it gives (None: no figure)."""
        try:
            figure = parse_figure(node, str(text or ""))
        except ValueError as exc:
            vi, en = exc.args[0]
            raise ValidationError(f"{where}: {vi}", f"{where}: {en}") from None
        return figure, figure_points(node, block, figure) if figure else None

    def _checked(self, node: Node, block: str, value, where: str) -> Decimal | None:
        points = _points(value, where)
        if points is not None:
            problem = check_points(node, block, points)
            if problem:
                raise ValidationError(f"{where}: {problem}", f"{where}: {problem}")
        return points

    def _target(self, unit: str, criterion: str) -> tuple:
        """(unit id, criterion id, block, node, responsible member id, where) of a scored leaf.
        Unit and criterion facts are worked out once per transaction: a bulk import names the
        same 150 units and 120 criteria 18,000 times."""
        u = self._targets.get(unit)
        if u is None:
            u = self._unit_fact(unit)
        c = self._targets.get(("criterion", criterion))
        if c is None:
            crit_row = self.criterion(criterion)
            node, is_leaf = self._node(crit_row)
            if crit_row.id is None:
                self.session.flush()
            member = _responsible(crit_row)
            c = self._targets[("criterion", criterion)] = (
                crit_row.id, node, is_leaf, member.id if member else None)
        unit_id, block = u
        crit_id, node, is_leaf, responsible = c
        where = f"Đơn vị {unit}, tiêu chí {criterion}"
        if not is_leaf:
            raise ValidationError(f"{where}: chỉ chấm điểm ở tiêu chí không có tiêu chí con",
                                  f"Unit {unit}, criterion {criterion}: only leaves take scores")
        if node.max_for(block) <= 0:
            raise ValidationError(
                f"{where}: tiêu chí không thuộc bộ chỉ số của khối {block}",
                f"Unit {unit}, criterion {criterion}: not in block {block}'s set")
        return unit_id, crit_id, block, node, responsible, where

    def _unit_fact(self, unit: str) -> tuple[int, str]:
        """(id, block) of a unit, kept for score writes (see `_target`)."""
        unit_row = self.unit(unit)
        if unit_row.id is None:
            self.session.flush()
        u = self._targets[unit] = (unit_row.id, unit_row.block.code)
        return u

    def _read_scores(self, pairs: Iterable[tuple[str, str]]) -> list[tuple | None]:
        """Read the score rows of `pairs` (unit code, criterion code) not read yet in this
        transaction, straight from the driver (SQLAlchemy's per-value result processing costs
        more than the query), and keep them as read, typed by `_score_row` when first needed.
        A unit with many pairs is read whole (an import writes every row of its units); others
        pair by pair (a merge writes a few rows of each unit, a window one). A pair the write
        refuses (an unknown code, not a leaf of the unit's block) is left to the write's own
        checks, which name the row. Returns each pair's `_target`, None for such a pair."""
        wanted: dict[int, list[int]] = {}
        targets: list[tuple | None] = []
        for unit, criterion in pairs:
            try:
                target = self._target(unit, criterion)
            except ValidationError:
                targets.append(None)
                continue
            targets.append(target)
            unit_id, crit_id = target[:2]
            if unit_id not in self._whole and crit_id not in self._scores.setdefault(unit_id, {}):
                wanted.setdefault(unit_id, []).append(crit_id)
        whole = [u for u, crits in wanted.items() if len(crits) >= _WHOLE_UNIT]
        single = [[u, c] for u, crits in wanted.items() if len(crits) < _WHOLE_UNIT
                  for c in crits]
        driver = _driver_connection(self.session)
        if whole:
            self._keep_scores(driver.execute(
                f"SELECT * FROM score WHERE unit_id IN ({', '.join('?' * len(whole))})", whole))
        if single:
            self._keep_scores(driver.execute(
                "SELECT s.* FROM json_each(?) p JOIN score s "
                "ON s.unit_id = json_extract(p.value, '$[0]') "
                "AND s.criterion_id = json_extract(p.value, '$[1]')", (json.dumps(single),)))
        self._whole.update(whole)
        for unit_id, crit_id in single:
            self._scores[unit_id].setdefault(crit_id, None)  # not found: the pair has no row
        return targets

    def _keep_scores(self, cursor: sqlite3.Cursor) -> None:
        """The score rows `cursor` reads, kept as read; a row this transaction holds already
        (read, or written since) stays."""
        names = [d[0] for d in cursor.description]
        self._score_names = names
        unit_at, crit_at = names.index("unit_id"), names.index("criterion_id")
        for values in cursor.fetchall():
            self._scores[values[unit_at]].setdefault(values[crit_at], values)
        cursor.close()

    def current_scores(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, Any] | None]:
        """The live score rows of `pairs` (unit code, criterion code) as they are now in this
        transaction, typed (see `_score_row`); None where there is none (or it was undone, or
        the pair takes no score: a write there is refused by name)."""
        out = []
        for target in self._read_scores(pairs):
            row = None if target is None else self._score_row(self._scores[target[0]],
                                                              target[1])
            out.append(None if row is None or row["deleted"] else row)
        return out

    def _score_row(self, scores: dict[int, Any], crit_id: int) -> dict[str, Any] | None:
        """A unit's score row of `crit_id` as `_read_scores` read it, typed (points as Decimal,
        the tombstone as bool) the first time; None when there is none."""
        row = scores.get(crit_id)
        if row is None or isinstance(row, dict):
            return row
        typed = dict(zip(self._score_names, row))
        for key in _SCORE_POINTS:
            if typed[key] is not None:
                typed[key] = Decimal(typed[key])
        typed["deleted"] = bool(typed["deleted"])
        scores[crit_id] = typed
        return typed

    def write_scores(self, changes: Iterable[tuple[str, str, Mapping[str, Any]]]) -> list[dict]:
        """Apply score changes — (unit code, criterion code, {field: value}) — in one batch.

        Fields: self_points, explanation, appraisal_points, appraisal_note, appraiser,
        explanation2, appraisal2_points, appraisal2_note, appraiser2. Every change is validated
        (leaf of the unit's block, self-scored, points allowed by the method, a reason whenever
        an appraisal differs from what it appraises); only fields that differ are written, with
        the version bumped and one audit entry per row. This is the only write path for scores:
        single edits from the GUI and bulk imports share it. Returns the rows as written.
        """
        info = self.session.info
        now, source, author = info["clock"](), info.get("source", ""), info["author"]
        new_uuid = info["new_uuid"]
        package: PackageScope | None = info.get("package")
        inserts: list[tuple[dict[str, Any], list[Any]]] = []
        audits, written = [], []
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}  # rows by the columns they set
        phase: Phase | None = info.get("phase")
        open_now = open_fields(phase)
        shapes: dict[tuple[str, ...], _Shape] = {}
        changes = list(changes)
        targets = self._read_scores([(unit, criterion) for unit, criterion, _fields in changes])
        for (unit, criterion, fields), target in zip(changes, targets):
            shape = shapes.get(names := tuple(fields))
            if shape is None:
                shape = shapes[names] = _Shape.of(names, open_now, package)
            if shape.closed and phase is not None:
                named = [label for f, label in FIELD_LABELS.items() if f in shape.closed]
                vi, en = closed_refusal(phase, ", ".join(v for v, _ in named),
                                        ", ".join(e for _, e in named))
                raise ValidationError(f"Đơn vị {unit}, tiêu chí {criterion}: {vi}",
                                      f"Unit {unit}, criterion {criterion}: {en}")
            if package is not None and (shape.outside or (unit, criterion) not in
                                        package.targets):
                vi, en = package.refusal()
                raise ValidationError(f"Đơn vị {unit}, tiêu chí {criterion}: {vi}",
                                      f"Unit {unit}, criterion {criterion}: {en}")
            # a pair the read left out is refused here, by name
            unit_id, crit_id, block, node, responsible, where = target or self._target(
                unit, criterion)
            if shape.scored and node.source is not Source.SELF:
                raise ValidationError(
                    f"{where}: tiêu chí lấy điểm từ {node.source.label}, đơn vị không tự đánh giá",
                    f"Unit {unit}, criterion {criterion}: scored from {node.source.value}, "
                    "not self-scored")
            scores = self._scores[unit_id]  # read above: `_target` refuses what was not
            current = self._score_row(scores, crit_id)
            if current is None:
                row = dict(_BLANK_SCORE)
            elif current["deleted"]:  # a score undone earlier comes back empty, then filled
                row = {**current, **_BLANK_SCORE}
            else:
                row = dict(current)
            for key in shape.points:
                row[key] = self._checked(node, block, fields[key], where)
            for figure, points, typed in shape.figures:  # points that follow from a figure
                if figure not in fields:  # points typed: a figure no longer stands behind them
                    row[figure] = ""
                    continue
                row[figure], computed = self._figure(node, block, fields[figure], where)
                if computed is not None:
                    if typed and row[points] != computed:
                        raise ValidationError(
                            f"{where}: điểm {fmt(row[points], None)} không khớp với số liệu "
                            f"{row[figure]} ({fmt(computed, None)} điểm)",
                            f"Unit {unit}, criterion {criterion}: points "
                            f"{fmt(row[points], None)} do not follow from the figure "
                            f"{row[figure]} ({fmt(computed, None)} points)")
                    row[points] = computed
            for key in shape.notes:  # no stray spaces or blank lines around a reason, no
                row[key] = plain_text(fields[key] or "").strip()  # control characters
            for points, note, who, src, reference, label_vi, label_en in shape.rounds:
                if needs_reason(row[points], row[reference], row[note]):
                    raise ValidationError(
                        f"{where}: phải ghi lý do khi điểm thẩm định khác điểm {label_vi}",
                        f"Unit {unit}, criterion {criterion}: a reason is required when the "
                        f"appraisal differs from the {label_en}")
                member_id = self.member(fields[who]).id if fields.get(who) else responsible
                row[f"{who}_id"] = member_id if row[points] is not None else None
                row[src] = source
            row["deleted"] = False
            if current is None:
                row.update(unit_id=unit_id, criterion_id=crit_id, uuid=new_uuid(),
                           version=1, created_at=now, updated_at=now, author=author)
                # as the driver stores them, for the row and its audit entry; every new row
                # has its keys in the same order (_BLANK_SCORE's, then these)
                values = list(row.values())
                stored = values.copy()
                for i in _NEW_SCORE_TYPED:
                    stored[i] = _sql(stored[i])
                changes_: dict[str, list] = {"unit": [None, unit], "criterion": [None, criterion]}
                for i, key in _NEW_SCORE_AUDITED:
                    if values[i] not in (None, "", False):  # what it holds, not its blanks
                        changes_[key] = [None, str(stored[i])]
                inserts.append((row, stored))
                audits.append(_audit_values(info, now, "create", "score", row["uuid"],
                                            changes_))
            else:
                diff = {k: v for k, v in row.items() if k in _SCORE_COLUMNS
                        and current.get(k) != v}
                if not diff:
                    written.append(row)
                    continue
                diff.update(version=current["version"] + 1, updated_at=now, author=author)
                row.update(diff)
                updates.setdefault(tuple(sorted(diff)), []).append(
                    {**diff, "_id": current["id"], "_version": current["version"]})
                audits.append(_audit_values(info, now, "update", "score", current["uuid"], {
                    k: [_value(current.get(k)), _value(v)] for k, v in diff.items()
                    if k in _SCORE_COLUMNS}))
            scores[crit_id] = row
            written.append(row)
        self.session.flush()  # ORM rows pending in this transaction go first (foreign keys)
        # Straight to the driver's executemany: per-row parameter processing in SQLAlchemy
        # costs more than SQLite itself for an import of 18,000 rows.
        cursor = _driver_connection(self.session).cursor()
        if inserts:
            columns = list(inserts[0][0])
            cursor.executemany(
                f"INSERT INTO score ({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})", [stored for _row, stored in inserts])
            units = sorted({r["unit_id"] for r, _stored in inserts})
            ids = dict(cursor.execute(
                f"SELECT uuid, id FROM score WHERE unit_id IN ({', '.join('?' * len(units))})",
                units).fetchall())
            for r, _stored in inserts:
                r["id"] = ids[r["uuid"]]
        for keys, params in updates.items():
            cursor.executemany(
                f"UPDATE score SET {', '.join(f'{k} = ?' for k in keys)} "
                "WHERE id = ? AND version = ?",
                [[_sql(p[k]) for k in keys] + [p["_id"], p["_version"]] for p in params])
            if cursor.rowcount != len(params):
                raise ValidationError("Điểm vừa được người khác thay đổi; hãy tải lại",
                                      "Scores were changed meanwhile; reload and retry")
        _insert_audits(cursor, audits)
        cursor.close()
        return written

    def revert(self, txn: str) -> int:
        """Undo transaction `txn` from its audit entries, newest first: changed fields get
        their old values back, created rows are tombstoned, tombstoned rows come back. Refuses
        (ValidationError, nothing written) when a row has changed since, so an undo never
        overwrites a later change. These writes are audited too, so reverting this transaction
        redoes `txn`. Returns the number of rows changed."""
        session = self.session
        entries = session.scalars(select(AuditEntry).where(AuditEntry.txn == txn)
                                  .order_by(AuditEntry.id.desc())).all() if txn else []
        if not entries:
            raise ValidationError("Không có thay đổi nào được ghi cho bước này để hoàn tác",
                                  "No changes are recorded for this step, nothing to undo")
        if any(e.entity == "phase_change" for e in entries):  # undoing an approval would
            raise ValidationError(  # reopen without the reason a reopening needs
                "Không hoàn tác việc chuyển giai đoạn; hãy chuyển giai đoạn lại (quay lại giai "
                "đoạn trước phải ghi lý do)", "A phase change is not undone; move the phase "
                "again (going back needs a reason)")
        if any(e.entity == "previous_unit" and e.action == "create" for e in entries):
            # a link replaces last year's values and the period they came from, which are
            # copied, not audited: undone, the units linked before would come back without them
            raise ValidationError(
                "Không hoàn tác việc liên kết kỳ năm trước; hãy liên kết lại với tệp kỳ trước",
                "Linking the previous period is not undone; link the earlier file again")
        for entry in entries:
            model = _AUDITED_BY_TABLE[entry.entity]
            row = session.scalars(select(model).where(model.uuid == entry.entity_uuid)).one()
            fields = {k: v for k, v in entry.changes.items() if k in model.__table__.c}
            changed = [k for k, (_old, new) in fields.items()
                       if _audit_value(model, k, getattr(row, k)) != new]
            if changed or (entry.action == "create" and row.deleted):
                raise ValidationError(
                    f"Không hoàn tác được: {integrity.WORDS.get(entry.entity, entry.entity)} "
                    f"đã được thay đổi sau đó ({', '.join(changed) or 'deleted'})",
                    f"Cannot undo: the {entry.entity} was changed afterwards "
                    f"({', '.join(changed) or 'deleted'})")
            if entry.action == "create":
                row.deleted = True
            else:
                for key, (old, _new) in fields.items():
                    setattr(row, key, _from_audit(model, key, old))
            if model in _STRUCTURE:
                self._structure_changed()
        session.flush()
        self._scores.clear()
        self._whole.clear()
        return len(entries)

    def set_self_score(self, unit: str, criterion: str, points: Decimal | str | None,
                       explanation: str | None = None) -> dict:
        fields: dict[str, Any] = {"self_points": points}
        if explanation is not None:
            fields["explanation"] = explanation
        return self.write_scores([(unit, criterion, fields)])[0]

    def set_appraisal(self, unit: str, criterion: str, points: Decimal | str | None,
                      note: str = "", appraiser: str | None = None, round: int = 1) -> dict:
        """Record an appraisal. A note is required whenever it differs from what it appraises
        (the self score in round 1, the first appraisal in round 2)."""
        if round not in (1, 2):
            raise ValidationError("Vòng thẩm định chỉ là 1 hoặc 2", "Appraisal round is 1 or 2")
        prefix = "appraisal" if round == 1 else "appraisal2"
        fields = {f"{prefix}_points": points, f"{prefix}_note": note}
        if appraiser:
            fields["appraiser" if round == 1 else "appraiser2"] = appraiser
        return self.write_scores([(unit, criterion, fields)])[0]

    def set_explanation2(self, unit: str, criterion: str, text: str) -> dict:
        return self.write_scores([(unit, criterion, {"explanation2": text})])[0]

    def set_survey(self, unit: str, sipas: Decimal | str | None = None,
                   survey: Decimal | str | None = None) -> SurveyResult:
        u = self.unit(unit)
        values = {}
        for name, value in (("SIPAS", sipas), ("ĐTXHH", survey)):
            pct = _points(value, f"Đơn vị {unit}, {name}")
            if pct is not None and not 0 <= pct <= 100:
                raise ValidationError(f"Đơn vị {unit}: {name} phải trong khoảng 0…100%",
                                      f"Unit {unit}: {name} must be within 0…100%")
            values[name] = pct
        row = self.session.scalars(select(SurveyResult).where(
            SurveyResult.unit_id == u.id, SurveyResult.deleted.is_(False))).first()
        if row is None:
            row = self._add(SurveyResult(unit=u))
        if sipas is not None:
            row.sipas_pct = values["SIPAS"]
        if survey is not None:
            row.survey_pct = values["ĐTXHH"]
        return row

    def set_survey_item(self, unit: str, criterion: str,
                        pct: Decimal | str | None) -> SurveyItem | None:
        """A survey result of `unit` on one survey-fed criterion (0…100 %); None removes it
        (the unit's own percentage applies again)."""
        u, c = self.unit(unit), self.criterion(criterion)
        where_vi, where_en = f"Đơn vị {unit}, tiêu chí {criterion}", f"Unit {unit}, criterion " \
            f"{criterion}"
        if Source(c.source) is Source.SELF:
            raise ValidationError(f"{where_vi}: tiêu chí do đơn vị tự đánh giá, không lấy điểm từ "
                                  "khảo sát", f"{where_en}: self-scored, not fed by a survey")
        if self.session.scalar(select(Criterion.id).where(Criterion.parent_id == c.id,
                                                          Criterion.deleted.is_(False))):
            raise ValidationError(f"{where_vi}: chỉ nhận kết quả của tiêu chí thành phần",
                                  f"{where_en}: only a leaf takes a survey result")
        value = _points(pct, where_vi)
        if value is not None and not 0 <= value <= 100:
            raise ValidationError(f"{where_vi}: tỷ lệ phải trong khoảng 0…100%",
                                  f"{where_en}: the percentage must be within 0…100%")
        row = self.session.scalars(select(SurveyItem).where(
            SurveyItem.unit_id == u.id, SurveyItem.criterion_id == c.id,
            SurveyItem.deleted.is_(False))).first()
        if value is None:
            if row is not None:
                row.deleted = True
            return None
        if row is None:
            return self._add(SurveyItem(unit=u, criterion=c, pct=value))
        if row.pct != value:
            row.pct = value
        return row

    def add_bonus_item(self, code: str, kind: str, name: str, max_points: Decimal | str, *,
                       evidence_required: bool = False, appraiser: str | None = None,
                       guidance: str = "", position: int | None = None) -> BonusItem:
        """An item of the set's bonus and penalty catalogue, with its own maximum."""
        _require_code(code, "mục thưởng, trừ", "bonus item")
        if kind not in ("bonus", "penalty"):
            raise ValidationError(f"Mục {code}: loại phải là thưởng hoặc trừ",
                                  f"Item {code}: the kind is bonus or penalty")
        if not name.strip():
            raise ValidationError(f"Mục {code}: thiếu nội dung", f"Item {code}: name missing")
        top = self._adjustment_points(kind, max_points, f"Mục {code}")
        if top is None or top <= 0:
            raise ValidationError(f"Mục {code}: thiếu điểm tối đa (số dương)",
                                  f"Item {code}: a positive maximum is required")
        return self._new(BonusItem(
            code=code, kind=kind, name=_text(name), max_points=top,
            evidence_required=evidence_required, guidance=_text(guidance),
            appraiser=self.member(appraiser) if appraiser else None,
            position=_pos(position, code)), "mục thưởng, trừ", "bonus item")

    def update_bonus_item(self, code: str, *, kind: str, name: str, max_points,
                          evidence_required: bool = False, appraiser: str | None = None,
                          guidance: str = "") -> BonusItem:
        """Change a catalogue item; lines that claim it already must stay within its new
        maximum."""
        row = self.bonus_item(code)
        if kind not in ("bonus", "penalty"):
            raise ValidationError(f"Mục {code}: loại phải là thưởng hoặc trừ",
                                  f"Item {code}: the kind is bonus or penalty")
        top = self._adjustment_points(kind, max_points, f"Mục {code}")
        if top is None or top <= 0:
            raise ValidationError(f"Mục {code}: thiếu điểm tối đa (số dương)",
                                  f"Item {code}: a positive maximum is required")
        row.kind, row.name, row.max_points = kind, _text(name), top
        row.evidence_required, row.guidance = evidence_required, _text(guidance)
        row.appraiser = self.member(appraiser) if appraiser else None
        for line in self.session.scalars(select(AdjustmentRow).where(
                AdjustmentRow.item_id == row.id, AdjustmentRow.deleted.is_(False))):
            if line.kind != kind:
                raise ValidationError(f"Mục {code}: đã có dòng thưởng/trừ theo mục, không đổi "
                                      "loại được", f"Item {code}: lines claim it, its kind "
                                      "cannot change")
            self._within_item(row, (line.self_points, line.appraisal_points),
                              f"Đơn vị {line.unit.code}, {line.description}")
        return row

    def bonus_item(self, code: str) -> BonusItem:
        row = self.session.scalars(select(BonusItem).where(
            BonusItem.code == code, BonusItem.deleted.is_(False))).first()
        if row is None:
            raise ValidationError(f"Không có mục thưởng, trừ mã '{code}'",
                                  f"No bonus or penalty item '{code}'")
        return row

    def add_adjustment(self, unit: str, kind: str, description: str, self_points,
                       appraisal_points=None, note: str = "",
                       item: str | None = None) -> AdjustmentRow:
        """A bonus or penalty line of a unit; naming a catalogue `item`, its kind is the
        item's, its description the item's name unless given, its points at most the item's
        maximum."""
        entry = self.bonus_item(item) if item else None
        if entry is not None:
            if kind and kind != entry.kind:
                raise ValidationError(
                    f"Đơn vị {unit}: mục {entry.code} là "
                    f"{'điểm thưởng' if entry.kind == 'bonus' else 'điểm trừ'}",
                    f"Unit {unit}: item {entry.code} is a {entry.kind}")
            kind, description = entry.kind, description.strip() or entry.name
        where = f"Đơn vị {unit}, {'điểm thưởng' if kind == 'bonus' else 'điểm trừ'}"
        if kind not in ("bonus", "penalty"):
            raise ValidationError(f"Loại điều chỉnh không hợp lệ: {kind}",
                                  f"Invalid adjustment kind: {kind}")
        own = self._adjustment_points(kind, self_points, where) or Decimal(0)
        appr = self._adjustment_points(kind, appraisal_points, where)
        self._within_item(entry, (own, appr), where)
        if not description.strip():
            raise ValidationError(f"{where}: thiếu nội dung", f"{where}: description missing")
        return self._add(AdjustmentRow(unit=self.unit(unit), kind=kind, description=description,
                                       self_points=own, appraisal_points=appr, note=note,
                                       item=entry))

    @staticmethod
    def _within_item(entry: BonusItem | None, points: Iterable[Decimal | None],
                     where: str) -> None:
        for value in points:
            if entry is not None and value is not None and value > entry.max_points:
                top = fmt(entry.max_points, None)
                raise ValidationError(
                    f"{where}: {fmt(value, None)} điểm vượt mức tối đa {top} của mục "
                    f"{entry.code} ({entry.name})",
                    f"{where}: {fmt(value, None)} points above the maximum {top} of item "
                    f"{entry.code} ({entry.name})")

    def update_adjustment(self, adjustment_uuid: str, self_points, appraisal_points=None,
                          note: str = "") -> AdjustmentRow:
        row = self.session.scalars(select(AdjustmentRow).where(
            AdjustmentRow.uuid == adjustment_uuid, AdjustmentRow.deleted.is_(False))).first()
        if row is None:
            raise ValidationError(f"Không có dòng thưởng/trừ {adjustment_uuid}",
                                  f"No adjustment {adjustment_uuid}")
        where = f"Đơn vị {row.unit.code}, {row.description}"
        own = self._adjustment_points(row.kind, self_points, where) or Decimal(0)
        appr = self._adjustment_points(row.kind, appraisal_points, where)
        self._within_item(row.item, (own, appr), where)
        row.self_points, row.appraisal_points, row.note = own, appr, note
        return row

    def _period_settings(self) -> PeriodSettings:
        if self._settings is None:
            with self.session.no_autoflush:
                self._settings = self.store.settings_in(self.session)
        return self._settings

    def _adjustment_points(self, kind: str, value, where: str) -> Decimal | None:
        """Points of a bonus or penalty line, within check_adjustment (the period's caps)."""
        points = _points(value, where)
        if points is None:
            return None
        settings = self._period_settings()
        problem = check_adjustment(points, settings.bonus_cap if kind == "bonus"
                                   else settings.penalty_cap)
        if problem:
            raise ValidationError(f"{where}: {problem}", f"{where}: {problem}")
        return points

    def set_override(self, unit: str, grade: str | None, reason: str = "",
                     disqualified: bool = False) -> None:
        """Set (or with grade None, clear) a manual head classification; a reason is required."""
        u = self.unit(unit)
        row = self.session.scalars(select(HeadOverride).where(
            HeadOverride.unit_id == u.id, HeadOverride.deleted.is_(False))).first()
        if grade is None:
            if row is not None:
                row.deleted = True
            return
        try:
            Override(Grade(grade), reason, disqualified)
        except ValueError as exc:
            raise ValidationError(f"Đơn vị {unit}: {exc}", f"Unit {unit}: {exc}") from None
        problem = reason_problem(reason)  # entered now: a placeholder is refused
        if problem:
            raise ValidationError(f"Đơn vị {unit}: {problem[0]}", f"Unit {unit}: {problem[1]}")
        if row is None:
            self._add(HeadOverride(unit=u, grade=grade, reason=reason, disqualified=disqualified))
        else:
            row.grade, row.reason, row.disqualified = grade, reason, disqualified

    # -- evidence -----------------------------------------------------------------------------

    def add_evidence(self, unit: str, criterion: str, data: bytes, name: str,
                     title: str = "") -> Evidence:
        self._package_evidence(unit, criterion)
        where = self._target(unit, criterion)[-1]
        where_en = f"Unit {unit}, criterion {criterion}"
        u, c = self.unit(unit), self.criterion(criterion)
        limit = self._period_settings().evidence_max_mb * 1024 * 1024
        shown = safe_name(name)
        if len(data) > limit:
            raise ValidationError(
                f"{where}: tệp '{shown}' ({len(data) / 1048576:.1f} MB) vượt giới hạn "
                f"{limit // 1048576} MB",
                f"{where_en}: '{shown}' ({len(data) / 1048576:.1f} MB) exceeds {limit // 1048576} MB")
        if not data:
            raise ValidationError(f"{where}: tệp '{shown}' rỗng", f"{where_en}: '{shown}' is empty")
        digest = hashlib.sha256(data).hexdigest()
        if u.id is None or c.id is None:
            self.session.flush()  # ids key the duplicate check below
        attached = self._attached(u)
        duplicate = attached.get((c.id, digest))
        if duplicate is not None:
            raise ValidationError(f"{where}: tệp '{shown}' đã được đính kèm (trùng nội dung với "
                                  f"'{duplicate}')",
                                  f"{where_en}: '{shown}' is already attached (same content as "
                                  f"'{duplicate}')")
        if digest not in self._blobs:
            with self.session.no_autoflush:
                stored = self.session.scalar(select(Blob.sha256).where(Blob.sha256 == digest))
            if stored is None:
                self._add(Blob(sha256=digest, size=len(data), data=data))
            self._blobs.add(digest)
        attached[(c.id, digest)] = shown
        mime = mimetypes.guess_type(shown)[0] or "application/octet-stream"
        return self._add(Evidence(unit=u, criterion=c, sha256=digest, original_name=shown,
                                  mime_type=mime, size=len(data), title=title))

    def merge_evidence(self, added: Iterable[Mapping[str, Any]], removed: Iterable[str],
                       blob: Callable[[str, int], bytes]) -> tuple[int, int]:
        """Write a returned package's evidence (parapp.core.merge, after its checks): `added`
        rows (uuid, unit_uuid, criterion_uuid, sha256, name, mime_type, size, title) keep their
        uuid, so that merging the package again finds them; a blob the master lacks comes from
        `blob(sha256, size)`, which reads and verifies it. A file already attached to the same
        criterion is not attached twice. `removed`: uuids of live rows to tombstone. Written
        in bulk with their audit entries (an undo of the merge takes them back). Returns the
        counts added and removed."""
        info = self.session.info
        phase: Phase | None = info.get("phase")
        added, removed = list(added), list(removed)
        if (added or removed) and not evidence_open(phase):
            assert phase is not None
            raise ValidationError(*closed_refusal(phase, "tài liệu kiểm chứng", "evidence"))
        self.session.flush()
        cursor = _driver_connection(self.session).cursor()
        now, author = info["clock"](), info["author"]
        ids = dict(cursor.execute("SELECT uuid, id FROM unit WHERE deleted = 0").fetchall())
        ids |= dict(cursor.execute("SELECT uuid, id FROM criterion WHERE deleted = 0").fetchall())
        codes = dict(cursor.execute("SELECT uuid, code FROM unit").fetchall())
        codes |= dict(cursor.execute("SELECT uuid, code FROM criterion").fetchall())
        units = sorted({ids[r["unit_uuid"]] for r in added})
        attached = {(u, c, sha) for u, c, sha in cursor.execute(
            f"SELECT unit_id, criterion_id, sha256 FROM evidence WHERE deleted = 0 AND unit_id "
            f"IN ({', '.join('?' * len(units))})", units)}
        rows, audits, new_blobs = [], [], set()
        for r in added:
            key = (ids[r["unit_uuid"]], ids[r["criterion_uuid"]], r["sha256"])
            if key in attached:
                continue
            attached.add(key)
            if r["sha256"] not in new_blobs and cursor.execute(
                    "SELECT 1 FROM blob WHERE sha256 = ?", (r["sha256"],)).fetchone() is None:
                cursor.execute("INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)",
                               (r["sha256"], r["size"], blob(r["sha256"], r["size"])))
                new_blobs.add(r["sha256"])
            values = {"unit_id": key[0], "criterion_id": key[1], "sha256": r["sha256"],
                      "original_name": r["name"], "mime_type": r["mime_type"],
                      "size": r["size"], "title": r["title"]}
            rows.append((r["uuid"], now, now, author, *values.values()))
            changes = {k: [None, str(v)] for k, v in values.items() if v not in (None, "")}
            changes.update(unit=[None, codes[r["unit_uuid"]]],
                           criterion=[None, codes[r["criterion_uuid"]]])
            audits.append(_audit_values(info, now, "create", "evidence", r["uuid"], changes))
        cursor.executemany(
            "INSERT INTO evidence (uuid, version, created_at, updated_at, author, deleted, "
            "unit_id, criterion_id, sha256, original_name, mime_type, size, title) "
            "VALUES (?, 1, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)", rows)
        gone = 0
        for uuid in removed:
            cursor.execute("UPDATE evidence SET deleted = 1, version = version + 1, "
                           "updated_at = ?, author = ? WHERE uuid = ? AND deleted = 0",
                           (now, author, uuid))
            if cursor.rowcount:
                gone += 1
                audits.append(_audit_values(info, now, "delete", "evidence", uuid,
                                            {"deleted": ["False", "True"]}))
        _insert_audits(cursor, audits)
        self._evidence.clear()
        return len(rows), gone

    def _package_evidence(self, unit: str, criterion: str) -> None:
        """In a package, evidence changes only where its kind allows, on its own part."""
        package: PackageScope | None = self.session.info.get("package")
        if package is not None and (not package.kind.evidence
                                    or (unit, criterion) not in package.targets):
            vi, en = package.refusal()
            raise ValidationError(f"Đơn vị {unit}, tiêu chí {criterion}: {vi}",
                                  f"Unit {unit}, criterion {criterion}: {en}")

    def _attached(self, u: Unit) -> dict[tuple[int, str], str]:
        """(criterion id, sha256) → name of the live evidence of a unit, pending rows included."""
        attached = self._evidence.get(u.id)
        if attached is None:
            attached = self._evidence[u.id] = {
                (cid, sha): name for cid, sha, name in self.session.execute(
                    select(Evidence.criterion_id, Evidence.sha256, Evidence.original_name)
                    .where(Evidence.unit_id == u.id, Evidence.deleted.is_(False)))}
        return attached

    def remove_evidence(self, evidence_uuid: str) -> None:
        row = self.session.scalars(select(Evidence).where(Evidence.uuid == evidence_uuid,
                                                          Evidence.deleted.is_(False))).first()
        if row is None:
            raise ValidationError(f"Không có tài liệu kiểm chứng {evidence_uuid}",
                                  f"No evidence {evidence_uuid}")
        package: PackageScope | None = self.session.info.get("package")
        if package is not None:
            self._package_evidence(row.unit.code, row.criterion.code)
            if package.kind.evidence == "add" and not self.session.scalar(
                    select(AuditEntry.id).where(AuditEntry.entity_uuid == row.uuid,
                                                AuditEntry.action == "create").limit(1)):
                raise ValidationError(
                    f"'{row.original_name}': gói giải trình chỉ cho gỡ tài liệu bổ sung trong "
                    "gói này; tài liệu đã nộp khi tự đánh giá được giữ nguyên",
                    f"'{row.original_name}': an explanation package only removes files added "
                    "in it; the evidence submitted with the self-assessment stays")
        row.deleted = True
        self._evidence.pop(row.unit_id, None)  # the blob stays: other rows or an undo may still need it

    def link_previous(self, province: str, year: int, file_name: str, content_sha256: str,
                      past: Iterable[PastUnit]) -> int:
        """Link the period to its previous one: `past` (with their points per criterion code)
        replaces what was linked before; each old unit is mapped to the live unit of the same
        code, if any. Returns how many were mapped. Not undone (`revert` refuses it): link the
        earlier file again."""
        s = self.session
        s.execute(delete(PreviousValue))
        s.execute(delete(PreviousPeriod))
        for row in s.scalars(select(PreviousUnit).where(PreviousUnit.deleted.is_(False))):
            row.deleted = True
        s.flush()  # the old codes free for the new rows
        s.add(PreviousPeriod(province=province, year=year, file_name=file_name,
                             content_sha256=content_sha256, linked_at=self.store.clock(),
                             author=self.author))
        units = self._index(Unit)
        mapped = 0
        for u in past:
            unit = units.get(u.code)
            mapped += unit is not None
            row = PreviousUnit(code=u.code, name=u.name, block_code=u.block,
                               block_name=u.block_name, ranked=u.ranked,
                               total=u.total, index_value=u.index, rank=u.rank, unit=unit)
            s.add(row)
            s.flush()
            if u.values:
                s.execute(insert(PreviousValue), [
                    {"previous_unit_id": row.id, "criterion_code": code,
                     "max_points": u.maxima[code], "points": points}
                    for code, points in u.values.items()])
        return mapped

    def map_previous(self, old: str, unit: str | None) -> PreviousUnit:
        """Map last year's unit `old` to this year's `unit` (None: no successor)."""
        row = self.session.scalars(select(PreviousUnit).where(
            PreviousUnit.code == old, PreviousUnit.deleted.is_(False))).first()
        if row is None:
            raise ValidationError(f"Không có đơn vị mã '{old}' trong kỳ trước đã liên kết",
                                  f"No unit '{old}' in the linked previous period")
        target = self.unit(unit).id if unit else None
        if row.unit_id != target:  # the column, not the relationship: audited, undoable
            row.unit_id = target
        return row

    def delete_unit(self, code: str) -> None:
        self.unit(code).deleted = True
        del self._index(Unit)[code]
        self._structure_changed()


def _responsible(c: Criterion | None) -> Member | None:
    """The member appraising a criterion: its own, else the nearest ancestor's."""
    while c is not None and c.appraiser is None:
        c = c.parent
    return c.appraiser if c is not None else None


_CODE = re.compile(r"^[0-9A-Za-z_.\-]{1,50}$")


def _head_since(value: date | str | None, unit: str) -> str | None:
    """The stored form of the date a unit's head took up the post: ISO text, or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return parse_date(str(value)).isoformat()
    except ValueError as exc:
        raise ValidationError(f"Đơn vị {unit}: ngày giữ chức vụ '{value}' không hợp lệ: {exc}",
                              f"Unit {unit}: invalid date of taking up the post '{value}': "
                              f"{exc}") from None


def _require_code(code: str, vi: str, en: str) -> None:
    if not _CODE.fullmatch(code or ""):  # match: its "$" let "SYT\n" through
        raise ValidationError(f"Mã {vi} không hợp lệ: '{code}' (chỉ chữ không dấu, số, . _ -)",
                              f"Invalid {en} code: '{code}' (letters, digits, . _ - only)")


def _pos(position: int | None, code: str) -> int:
    if position is not None:
        return position
    return int(code) if code.isdigit() else 0
