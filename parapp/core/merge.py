"""Merging returned packages — council members' and units' — into the master file.

A returned package is checked against the master's own record of the package it sent
(`_check_package`; docs/council.md, "Trust model") before anything is written; a unit's
evidence row by row (`_check_evidence`). Then each package score of the part is compared three
ways, on what the package's kind enters (a member's round: its points and deduction note; a
unit's: its self score, figure, explanation and expected score, or its explanation of a
deduction): the base (as the package left), the package (the holder's work) and the master
(now, including packages merged earlier in the same merge):

    unchanged  the member changed nothing here (or made the change the master already has)
    applied    the member changed it and the master did not: the member's value is written
    parallel   applied, while the master changed other fields of the same score since
    conflict   the member and the master (or an earlier package) both changed it, differently

Conflicts are never settled silently: each needs a resolution — keep the master's value or take
the package's — with a reason, given by the caller (the GUI's side-by-side dialog, or a CLI
policy with its reason). All packages of one merge go in one transaction after a backup; the
transaction is recorded, so the whole merge can be undone (`Store.revert`). A package merged
before (same package, same sealed content) is skipped and said so; one merged, worked on and
sealed again is compared from its values at its last merge (`MergedPackage.package_values`).
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import operator
import re
import sqlite3
import time
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from parapp.core import fileformat, packages
from parapp.core.classification import reason_problem
from parapp.core.errors import FileDamaged, ValidationError
from parapp.core.files import put_in_place, safe_name, work_path
from parapp.core.i18n import count, pick
from parapp.core.integrity import WORDS
from parapp.core.models import (
    Criterion,
    MergedPackage,
    MergeResolution,
    Period,
    SentPackage,
    Unit,
)
from parapp.core.numbers import canonical, fmt, fmt_time, parse_decimal, too_precise
from parapp.core.packages import Kind, SealInfo
from parapp.core.phases import FIELD_LABELS, LABELS, closed_refusal, open_fields
from parapp.core.store import aside, gc_paused

MERGE_SOURCE = "hợp nhất gói"  # prefix of the audit source of every merge
POLICIES = ("fail", "keep-master", "take-package")
# a master larger than this gets no whole copy before each merge (at a real province's tens of
# gigabytes of evidence, minutes and as much disk again each time): the merge is still one
# transaction (a crash leaves the last committed state) and one undo step, and the secretariat
# keeps copies of the file on its own schedule (Tệp › Lưu bản sao)
BACKUP_LIMIT = 1024 ** 3
# every score field a holder enters: what one kind of package writes, another must leave alone
_VALUE_FIELDS = ("self_points", "explanation", "appraisal_points", "appraisal_note",
                 "explanation2", "appraisal2_points", "appraisal2_note", "self_figure",
                 "appraisal_figure", "expected_points")


@dataclass(frozen=True)
class Value:
    points: Decimal | None
    note: str
    figure: str = ""  # the declared figure the points follow from, if any
    expected: Decimal | None = None  # a unit's expected score (dự kiến), part of its self side

    def shown(self) -> str:
        points = "—" if self.points is None else fmt(self.points, None)
        if self.figure:
            points += f" [{self.figure}]"
        text = f"{points} ({self.note})" if self.note else points
        if self.expected is not None:
            text += f"; {pick('dự kiến', 'expected')} {fmt(self.expected, None)}"
        return text

    def to_json(self) -> dict:
        out = {"points": None if self.points is None else canonical(self.points),
               "note": self.note}
        if self.figure:
            out["figure"] = self.figure
        if self.expected is not None:
            out["expected"] = canonical(self.expected)
        return out

    @classmethod
    def from_json(cls, data: dict) -> Value:
        return _value(data.get("points"), data.get("note"), data.get("figure"),
                      data.get("expected"))


@dataclass
class Conflict:
    package: str  # file name, shown
    holder: str  # the member's or the unit's code
    unit: str
    criterion: str
    part: str  # appraisal / appraisal2 / self / explanation2 (Kind.part)
    base: Value
    master: Value
    theirs: Value  # the package's
    path: str = ""  # the package file: two packages may share a name

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.path or self.package, self.unit, self.criterion, self.part)


@dataclass(frozen=True)
class Resolution:
    chosen: str  # "master" or "package"
    reason: str


@dataclass
class Change:
    unit: str
    criterion: str
    part: str
    status: str  # unchanged / applied / parallel / conflict
    old: Value
    new: Value


@dataclass
class PackageResult:
    path: Path
    seal: SealInfo
    already: bool = False
    changes: list[Change] = field(default_factory=list)  # the rows that are not unchanged
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    evidence_added: int = 0
    evidence_removed: int = 0

    def counts(self) -> dict[str, int]:
        out = {"unchanged": self.unchanged, "applied": 0, "parallel": 0, "conflict": 0}
        for c in self.changes:
            out[c.status] += 1
        return out


@dataclass
class MergeReport:
    packages: list[PackageResult]
    txn: str = ""
    backup: Path | None = None
    unbacked: bool = False  # the master is too large for a copy before each merge


    @property
    def conflicts(self) -> list[Conflict]:
        return [c for p in self.packages for c in p.conflicts]

    def lines(self) -> list[str]:
        out = []
        for p in self.packages:
            who_vi, who_en = p.seal.kind.holder(p.seal.holder)
            if p.already:
                out.append(pick(f"{p.path.name}: gói của {who_vi} đã được hợp nhất trước "
                                "đó; không có gì thay đổi",
                                f"{p.path.name}: the package of {who_en} was merged before; "
                                "nothing changed"))
                continue
            n, at = p.counts(), fmt_time(p.seal.sealed_at)
            files_vi = files_en = ""
            if p.evidence_added or p.evidence_removed:
                files_vi = (f"; tài liệu kiểm chứng: {p.evidence_added} thêm, "
                            f"{p.evidence_removed} gỡ")
                files_en = (f"; evidence: {p.evidence_added} added, {p.evidence_removed} "
                            "removed")
            out.append(pick(
                f"{p.path.name} ({who_vi}, niêm phong {at}): "
                f"{n['applied']} áp dụng, {n['parallel']} song song, {n['conflict']} xung đột, "
                f"{n['unchanged']} không đổi{files_vi}",
                f"{p.path.name} ({who_en}, sealed {at}): {n['applied']} "
                f"applied, {n['parallel']} parallel, {count(n['conflict'], 'conflict')}, "
                f"{n['unchanged']} unchanged{files_en}"))
        return out


class _DryRun(Exception):
    """Raised inside the merge transaction to roll a planning run back."""


def _value(points, note, figure=None, expected=None) -> Value:
    return Value(None if points in (None, "") else Decimal(str(points)), note or "",
                 figure or "", None if expected in (None, "") else Decimal(str(expected)))


class _Row(NamedTuple):  # a tuple: a merge checks 18,000 of them
    """One row of a returned package's part, checked against the master's record."""
    key: str  # "unit uuid/criterion uuid"
    unit_uuid: str
    criterion_uuid: str
    base: dict  # every score field as the package left (the master's digest vouches for it)
    theirs: Value  # the package's value of the round's appraisal now
    # the holder's fields stored exactly as in the base (same values, same types): nothing
    # entered here, and the comparison can skip the row
    same: bool = False


@dataclass(frozen=True)
class _NewEvidence:
    """An evidence row a unit's package adds (its blob read again, and hashed, when written)."""
    uuid: str
    unit_uuid: str
    criterion_uuid: str
    sha256: str
    name: str
    mime_type: str
    size: int
    title: str


@dataclass(frozen=True)
class _Checked:
    path: Path
    seal: SealInfo
    kind: Kind
    criteria_revision: str
    rows: list[_Row]
    added: list[_NewEvidence] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # uuids of sent evidence the unit removed


NOTE_MAX = 10_000  # characters of a deduction note: a page of reasons, not a document


def _refuse(path: Path, vi: str, en: str) -> ValidationError:
    return ValidationError(f"{path.name}: {vi}", f"{path.name}: {en}")


def _fresh(name: str):
    """A score field as parapp stores it in a row it creates (the base of a pair never scored
    before the package left)."""
    return 0 if name == "deleted" else None if name.endswith(("_points", "_id")) else ""


class _Opened(NamedTuple):
    """A package opened for its checks: the file's checks passed, a read transaction begun on
    `con`, and the digests of its tables as that transaction reads them."""
    con: sqlite3.Connection
    tables: dict[str, str]


def _open_package(path: Path) -> _Opened:
    """The SQLite half of a package's checks — the file's pages, then every table digested by
    SQLite itself, which mostly lets go of Python's lock: a merge runs it for the next package
    while it checks this one's rows (`_opened_in_turn`)."""
    try:
        con = packages.connect(path, shared=True)
    except FileDamaged as exc:  # a package's remedy is another copy, not the master's backup
        raise packages.damaged(path, exc.detail) from None
    try:
        con.execute("BEGIN")  # one read transaction: what is verified is what is read
        return _Opened(con, packages.table_digests(con))
    except BaseException as exc:
        con.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise packages.damaged(path, exc) from None
        raise


def _opened_in_turn(paths: Sequence[Path]) -> Generator[tuple[Path, _Opened], None, None]:
    """Each package opened (`_open_package`), the next one beside the caller's work on this
    one; a package left unchecked (the caller stopped early) is closed."""
    pending = aside(functools.partial(_open_package, paths[0])) if paths else None
    try:
        for i, path in enumerate(paths):
            assert pending is not None
            opened, pending = pending(), None
            if i + 1 < len(paths):
                pending = aside(functools.partial(_open_package, paths[i + 1]))
            yield path, opened
    finally:
        if pending is not None:
            with contextlib.suppress(Exception):  # refused or not: the merge stops either way
                pending().con.close()


def _check_package(store, path: Path, opened: _Opened, period: Period,
                   records: Mapping[str, SentPackage], registered: Mapping[tuple[str, str], str],
                   names: Mapping[str, str]) -> _Checked:
    """Everything a returned package says, checked against the master's own record of the
    package it sent — never against the package's claims: that the master exported it, to this
    member or unit, for this round; the seal; every table the holder may not change; the part's
    rows and their bases; that the package's scores change only what its kind lets the holder
    enter, with valid values; and a unit's evidence row by row. ValidationError naming the
    file, the row and the rule. Closes `opened`."""
    con = opened.con
    try:
        info = packages.read_info(con, path)
        record = records.get(info["uuid"]) if isinstance(info["uuid"], str) else None
        if record is None:
            other = con.execute("SELECT uuid, province, year FROM period").fetchone()
            if other and other[0] != period.uuid:  # only to say why: it is refused either way
                raise _refuse(path, f"gói của kỳ đánh giá khác ({other[1]} {other[2]})",
                              f"the package is from another period ({other[1]} {other[2]})")
            raise _refuse(path, "tệp này chưa từng xuất gói này (mã gói không có trong sổ gói đã "
                                "gửi); chỉ hợp nhất được gói do chính tệp này xuất ra",
                          "this file never exported this package (its id is not among the "
                          "packages sent); only packages exported from this file can be merged")
        party = "unit" if record.unit_code else "member"
        holder = record.unit_code or record.member_code
        kind = packages.KINDS[party, record.round]
        if (info["kind"], info["holder"]) != (kind, holder):
            said_vi, said_en = info["kind"].holder(info["holder"])
            sent_vi, sent_en = kind.holder(holder)
            raise _refuse(
                path, f"gói ghi {said_vi}, vòng {info['round']}, nhưng Tổ thư ký đã gửi gói này "
                      f"cho {sent_vi}, vòng {record.round}",
                f"the package names {said_en}, round {info['round']}, but the secretariat sent "
                f"it to {sent_en}, round {record.round}")
        seal = packages.check_seal(con, path, kind, holder, registered.get((party, holder), ""),
                                   opened.tables)
        frozen = packages.frozen_digests(seal.tables, kind)
        # the bases last: row by row first, which names the row, then whole (their order)
        for table in sorted(set(frozen) | set(record.frozen), key=lambda t: t == "package_base"):
            if table == "package_base":
                sent = record.frozen.get(table)
                rows = _check_rows(con, path, store, record, kind, names,
                                   intact=sent not in (None, "missing") and frozen.get(table) == sent)
            if frozen.get(table) != record.frozen.get(table):
                row = _changed_row(con, store, table)
                raise _refuse(
                    path, f"gói có thay đổi ngoài phần được giao: {_table_vi(table)}"
                          + (f", {row}" if row else "") + " khác với khi Tổ thư ký gửi đi",
                    f"the package changes data outside the member's part: table {table}"
                    + (f", {row}" if row else "") + " differs from what the secretariat sent")
        added, removed = (_check_evidence(con, path, store, kind, rows, names)
                          if kind.evidence else ([], []))
        revision = con.execute("SELECT criteria_revision FROM period").fetchone()
        con.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise packages.damaged(path, exc) from None
    finally:
        con.close()
    return _Checked(path, seal, kind, revision[0] if revision else "", rows, added, removed)


def _where(names: Mapping[str, str], unit_uuid, crit_uuid) -> tuple[str, str]:
    unit, crit = names.get(unit_uuid, unit_uuid), names.get(crit_uuid, crit_uuid)
    return f"đơn vị {unit}, tiêu chí {crit}", f"unit {unit}, criterion {crit}"


def _check_rows(con: sqlite3.Connection, path: Path, store, record: SentPackage, kind: Kind,
                names: Mapping[str, str], intact: bool = False) -> list[_Row]:
    """The part's rows: exactly the recorded set, each base as recorded, no score row outside
    them, and nothing but what the kind lets the holder enter changed in them. `intact`: the
    bases' table has the digest recorded when the package left (verified against the seal),
    so it holds exactly the recorded rows and bases, and they are not checked one by one,
    which is only how a changed table names its row."""
    def where(unit_uuid, crit_uuid) -> tuple[str, str]:
        return _where(names, unit_uuid, crit_uuid)

    recorded: dict[tuple, str] = {}
    if not intact:
        with store.engine.connect() as master:  # straight from the driver
            recorded = {(u, c): d for u, c, d in master.connection.driver_connection.execute(
                "SELECT u.uuid, c.uuid, r.base_sha256 FROM sent_row r "
                "JOIN unit u ON u.id = r.unit_id JOIN criterion c ON c.id = r.criterion_id "
                "WHERE r.sent_id = ?", (record.id,))}
    bases: dict[tuple, tuple[str | None, dict]] = {}
    # bases repeat (a member's part in bench/merge.py: 1,350 rows, 120 texts): each text is
    # read once, and the rows that hold it share its dict, which they only read
    parsed: dict[str, dict] = {}
    for unit_uuid, crit_uuid, score_uuid, version, fields in con.execute(
            "SELECT unit_uuid, criterion_uuid, score_uuid, version, fields FROM package_base "
            "ORDER BY id"):
        key = (unit_uuid, crit_uuid)
        if not intact:
            if key not in recorded or key in bases:
                vi, en = where(*key)
                raise _refuse(path, f"{vi}: dòng không thuộc phần Tổ thư ký đã gửi đi",
                              f"{en}: a row outside the part the secretariat sent")
            if packages.base_digest(unit_uuid, crit_uuid, score_uuid, version,
                                    fields) != recorded[key]:
                vi, en = where(*key)
                raise _refuse(path, f"{vi}: giá trị gốc khác với khi Tổ thư ký gửi đi",
                              f"{en}: its base differs from what the secretariat sent")
        base = parsed.get(fields)
        if base is None:
            base = parsed[fields] = json.loads(fields)
        bases[key] = (score_uuid, base)
    missing = [key for key in recorded if key not in bases]
    if missing:
        vi, en = where(*missing[0])
        raise _refuse(path, f"{vi}: gói thiếu dòng Tổ thư ký đã gửi",
                      f"{en}: the package lacks a row the secretariat sent")
    # the package's own columns (one it added is compared, and differs from the base); those
    # the comparison never reads — the row's bookkeeping and what the holder's parapp writes
    # beside the entered fields — are not read
    columns = [r[1] for r in con.execute("PRAGMA table_info(score)")]
    fixed = [c for c in columns if c not in kind.stored and c not in packages.BASE_EXCLUDED]
    entered = list(kind.fields)
    wanted = fixed + entered + ["uuid", "deleted"]
    names_sql = ", ".join(f's."{c}"' if c in columns and '"' not in c else "NULL" for c in wanted)
    current: dict[tuple, tuple] = {}
    for values in con.execute(f"SELECT u.uuid, c.uuid, {names_sql} FROM score s "
                              "LEFT JOIN unit u ON u.id = s.unit_id "
                              "LEFT JOIN criterion c ON c.id = s.criterion_id ORDER BY s.id"):
        key = values[:2]
        if key not in bases or key in current:
            vi, en = where(*key)
            if key not in bases:
                raise _refuse(path, f"{vi}: gói có điểm ngoài phần được giao",
                              f"{en}: the package scores outside its part")
            raise _refuse(path, f"{vi}: gói có hai dòng điểm", f"{en}: two score rows")
        current[key] = values
    # a row: the key's two uuids, the fixed fields, the entered ones, uuid and deleted
    n_fixed, n_compared = len(fixed), len(fixed) + len(entered)
    compared = operator.itemgetter(*range(2, 2 + n_compared))
    sent_of = _tuple_of(fixed + entered)
    fresh = tuple(_fresh(c) for c in fixed) + (_ABSENT,) * len(entered)
    # _stored_value's arguments — points, note, figure, expected — by position in `compared`
    arguments = operator.itemgetter(*(n_fixed + entered.index(f) if f else n_compared
                                      for f in (kind.points, kind.note, kind.figure,
                                                kind.expected)))
    nothing = (None,) * (n_compared + 1)  # what a pair the package does not score enters
    # a package's values repeat (blank notes, the same reason, a few point values): each
    # checked once. Only text and None are kept, and those equal nothing else
    checked: dict[tuple, Value] = {}
    out = []
    for key, (score_uuid, fields) in bases.items():
        row = current.get(key)
        uuid, deleted = (None, None) if row is None else row[-2:]
        if score_uuid is not None and (row is None or uuid != score_uuid or deleted != 0):
            vi, en = where(*key)
            raise _refuse(path, f"{vi}: dòng điểm Tổ thư ký gửi đã bị xóa hoặc thay thế",
                          f"{en}: the score row the secretariat sent was removed or replaced")
        same, theirs_all = False, nothing
        if row is not None and not (score_uuid is None and deleted == 1):  # 1: undone there
            theirs_all = compared(row) + (None,)
            sent_all = sent_of(fields) if score_uuid else fresh
            # fixed and entered fields at once: most rows come back as they left
            same = theirs_all[:-1] == sent_all and list(map(type, theirs_all[:-1])) == list(
                map(type, sent_all))
            if not same:  # as stored: '' is not NULL, 1 is not 1.0
                for name, theirs, was in zip(fixed, theirs_all, sent_all[:n_fixed]):
                    if type(theirs) is not type(was) or theirs != was:
                        vi, en = where(*key)
                        raise _refuse(path, f"{vi}: gói sửa «{name}», ngoài phần được giao",
                                      f"{en}: the package changes '{name}', outside its part")
        entered_now = arguments(theirs_all)
        theirs = checked.get(entered_now)
        if theirs is None:
            try:
                theirs = checked[entered_now] = _stored_value(kind, *entered_now)
            except ValueError as exc:
                vi, en = where(*key)
                raise _refuse(path, f"{vi}: {exc.args[0]}", f"{en}: {exc.args[1]}") from None
        out.append(_Row(f"{key[0]}/{key[1]}", key[0], key[1], fields, theirs,
                        same and score_uuid is not None))
    return out


def _tuple_of(names: Sequence[str]) -> Callable[[Mapping], tuple]:
    """A base's fields `names` as a tuple; _ABSENT for a field the base does not have
    (whatever the package holds there differs)."""
    fast = operator.itemgetter(*names) if len(names) > 1 else None

    def picked(fields: Mapping) -> tuple:
        try:
            return fast(fields) if fast else tuple(fields[n] for n in names)
        except KeyError:
            return tuple(fields.get(n, _ABSENT) for n in names)
    return picked


_ABSENT = object()  # a column the base does not have: whatever the package holds there differs
_SHA256 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _check_evidence(con: sqlite3.Connection, path: Path, store, kind: Kind, rows: list[_Row],
                    names: Mapping[str, str]) -> tuple[list[_NewEvidence], list[str]]:
    """A unit's evidence, row by row. A row the master has (by its id) must be as the master
    has it — the same unit, criterion, file and name — and may only have been removed, where
    the kind lets the unit remove files. A new row must be on the package's part, name a
    file the package holds (its size as said, within the period's limit), with a plain name;
    its bytes are hashed when written. Returns the rows to add and the ids removed."""
    targets = {(r.unit_uuid, r.criterion_uuid) for r in rows}
    with store.session() as s:
        limit = store.settings_in(s).evidence_max_mb * 1024 * 1024
    found = con.execute(
        "SELECT e.uuid, u.uuid, c.uuid, e.sha256, e.original_name, e.mime_type, e.size, e.title, "
        "e.deleted FROM evidence e LEFT JOIN unit u ON u.id = e.unit_id "
        "LEFT JOIN criterion c ON c.id = e.criterion_id ORDER BY e.id").fetchall()
    with store.engine.connect() as master:
        ours = {r[0]: r[1:] for r in master.exec_driver_sql(
            "SELECT e.uuid, u.uuid, c.uuid, e.sha256, e.original_name, e.mime_type, e.size, "
            "e.title, e.deleted FROM evidence e JOIN unit u ON u.id = e.unit_id "
            "JOIN criterion c ON c.id = e.criterion_id WHERE e.uuid IN "
            "(SELECT value FROM json_each(?))", (json.dumps([r[0] for r in found
                                                            if isinstance(r[0], str)]),))}
        have = {r[0]: r[1] for r in master.exec_driver_sql(  # the master's bytes: their size
            "SELECT sha256, size FROM blob WHERE sha256 IN (SELECT value FROM json_each(?))",
            (json.dumps([r[3] for r in found if isinstance(r[3], str)]),))}
    added, removed = [], []
    for uuid, unit_uuid, crit_uuid, sha, name, mime, size, title, deleted in found:
        vi, en = _where(names, unit_uuid, crit_uuid)
        shown = str(name)[:80]
        outside = (unit_uuid, crit_uuid) not in targets  # another unit's file, or criterion's
        if uuid in ours:
            sent = ours[uuid]
            if (unit_uuid, crit_uuid, sha, name, mime, size, title) != tuple(sent[:7]):
                raise _refuse(path, f"{vi}: tài liệu kiểm chứng '{shown}' khác với khi Tổ thư ký "
                                    "gửi đi", f"{en}: evidence '{shown}' differs from what the "
                                              "secretariat sent")
            if outside:  # a file of the master's, copied in to be removed
                raise _outside(path, vi, en, shown)
            if deleted and not sent[7]:
                if kind.evidence != "edit":
                    raise _refuse(path, f"{vi}: gói giải trình gỡ tài liệu kiểm chứng '{shown}' "
                                        "đã nộp; chỉ được bổ sung tài liệu",
                                  f"{en}: the explanation package removes evidence '{shown}' "
                                  "submitted before; it may only add files")
                removed.append(uuid)
            continue
        if deleted == 1:
            continue  # attached and removed again in the package
        if outside:
            raise _outside(path, vi, en, shown)
        problem = None
        if not (isinstance(uuid, str) and _UUID.fullmatch(uuid)):
            problem = ("mã dòng không hợp lệ", "its row id is not valid")
        elif not (isinstance(sha, str) and _SHA256.fullmatch(sha)):
            problem = ("mã nội dung (SHA-256) không hợp lệ", "its SHA-256 is not valid")
        elif not (isinstance(name, str) and name and name == safe_name(name)):
            problem = ("tên tệp không hợp lệ", "its file name is not valid")
        elif not (isinstance(mime, str) and len(mime) <= 100 and "\x00" not in mime):
            problem = ("kiểu tệp không hợp lệ", "its file type is not valid")
        elif not (isinstance(title, str) and len(title) <= NOTE_MAX and "\x00" not in title):
            problem = ("tiêu đề không hợp lệ", "its title is not valid")
        elif type(size) is not int or not 0 < size <= limit:
            problem = (f"cỡ tệp {size!r} không hợp lệ hoặc vượt giới hạn "
                       f"{limit // 1048576} MB", f"its size {size!r} is not valid or over "
                       f"the {limit // 1048576} MB limit")
        elif sha in have and size != have[sha]:
            problem = ("cỡ tệp khác với nội dung đã có trong tệp chính",
                       "its size differs from the content the master holds")
        elif sha not in have:
            stored = con.execute("SELECT size, length(data), typeof(data) FROM blob WHERE "
                                 "sha256 = ?", (sha,)).fetchone()
            if stored is None:
                problem = ("gói không có nội dung tệp", "the package lacks the file's content")
            elif tuple(stored) != (size, size, "blob"):
                problem = ("nội dung tệp không đúng cỡ đã ghi",
                           "the file's content is not the size recorded")
        if problem is not None:
            raise _refuse(path, f"{vi}: tài liệu kiểm chứng '{shown}': {problem[0]}",
                          f"{en}: evidence '{shown}': {problem[1]}")
        added.append(_NewEvidence(uuid, unit_uuid, crit_uuid, sha, name, mime, size, title))
    return added, removed


def _outside(path: Path, vi: str, en: str, shown: str) -> ValidationError:
    return _refuse(path, f"{vi}: tài liệu kiểm chứng '{shown}' ngoài phần được giao",
                   f"{en}: evidence '{shown}' outside the package's part")


def _stored_value(kind: Kind, points, note, figure=None, expected=None) -> Value:
    """What the holder entered, as a package stores it; ValueError((vi, en)) when points (or
    the expected score) are not exact decimal text (a float, blob, NaN or infinity) or the note
    is not text of sane length. The criterion's method and maximum are the master's write's."""
    value = _stored_points(kind.points or "", points)
    wanted = _stored_points(kind.expected or "", expected)
    vi, en = FIELD_LABELS[kind.note]
    if note is not None and not isinstance(note, str):
        raise ValueError(f"{vi} không phải là văn bản", f"{en} is not text")
    if note and len(note) > NOTE_MAX:
        raise ValueError(f"{vi} dài {len(note)} ký tự, quá {NOTE_MAX}",
                         f"{en} has {len(note)} characters, over {NOTE_MAX}")
    if note and "\x00" in note:  # the seal's digest (SQLite's quote()) stops at a NUL: what
        # follows it is not sealed, and could have been added on the way
        raise ValueError(f"{vi} chứa ký tự NUL", f"{en} contains a NUL character")
    if figure is not None and not (isinstance(figure, str) and len(figure) <= 100
                                   and "\x00" not in figure):
        vi, en = FIELD_LABELS[kind.figure or ""]
        raise ValueError(f"{vi} không hợp lệ", f"{en} is not valid")
    return Value(value, note or "", figure or "", wanted)


@functools.lru_cache(maxsize=4096, typed=True)  # a merge reads 18,000, of a few dozen values
def _stored_points(name: str, points) -> Decimal | None:
    if points in (None, ""):
        return None
    shown = repr(points)[:40]
    vi, en = FIELD_LABELS[name]
    try:
        if not isinstance(points, str):
            raise ValueError
        value = parse_decimal(points)
    except ValueError:
        raise ValueError(f"{vi} {shown} không phải là số",
                         f"{en} {shown} is not a number") from None
    if too_precise(value) or abs(value) > 1000:
        raise ValueError(f"{vi} {shown} không hợp lệ", f"invalid {en} {shown}")
    return value


def _table_vi(table: str) -> str:
    return f"bảng {WORDS.get(table, table)} ({table})"


def _changed_row(con: sqlite3.Connection, store, table: str) -> str:
    """The first row of `table` in the package that is not as the master has it — a row the
    master does not have, or one the master has not changed since (same version) with other
    values — named by its code, key or file name; "" when none can be told (the master changed
    that row too, or a row was removed). Only on the way to a refusal: it may read a table."""
    try:
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        if table == "blob":  # content-addressed: a blob must hash to its key
            for key, data in con.execute("SELECT sha256, data FROM blob"):
                if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != key:
                    return f"dòng {str(key)[:12]}…"
            return ""
        if not columns:
            return ""
        pk = "id" if "id" in columns else "rowid"
        label = next((c for c in ("code", "key", "original_name", "member_code", "unit_uuid")
                      if c in columns), pk)
        quoted = " || ',' || ".join(f'quote("{c}")' for c in columns)
        query = f'SELECT {pk}, {quoted}, "{label}", ' + (
            "version" if "version" in columns else "NULL") + f' FROM "{table}"'
        theirs = {r[0]: r[1:] for r in con.execute(query)}
        with store.engine.connect() as master:
            ours = {r[0]: r[1:] for r in master.exec_driver_sql(query)}
    except (sqlite3.DatabaseError, OperationalError):
        return ""
    for key in sorted(theirs, key=str):
        text, name, version = theirs[key]
        if key not in ours:
            return f"dòng {name} (không có trong tệp chính)"
        if text != ours[key][0] and version == ours[key][2]:
            return f"dòng {name}"
    return ""


@gc_paused()
def merge_packages(store, paths: Sequence[Path | str], *,
                   resolutions: Mapping[tuple[str, str, str, str], Resolution] | None = None,
                   policy: str = "fail", reason: str = "", dry_run: bool = False,
                   progress: Callable[[int, int], bool | None] | None = None,
                   accept_late: str = "") -> MergeReport:
    """Merge `paths` into `store` in one transaction. Every package is checked against the
    master's record of it first (`_check_package`); one refused package refuses the merge.
    Conflicts are settled by `resolutions` (keyed by Conflict.key), else by `policy` with
    `reason`; with policy "fail" an unresolved conflict refuses the whole merge
    (ValidationError listing them). `dry_run` plans without writing: the report lists every
    change and conflict. A package of a round the master's phase is not in, or merged after
    the phase's deadline (the master's clock: a package's own times prove nothing), is refused
    unless the secretariat accepts it late with `accept_late`, a reason kept in the audit
    log."""
    if policy not in POLICIES:
        raise ValidationError(f"Chính sách không hợp lệ: {policy} (có: {', '.join(POLICIES)})",
                              f"Unknown policy: {policy} (known: {', '.join(POLICIES)})")
    if policy != "fail" and not reason.strip():
        raise ValidationError("Cần ghi lý do cho cách giải quyết xung đột (--reason)",
                              "A reason is required for the conflict policy (--reason)")
    if store.package_scope() is not None:
        raise ValidationError(f"{store.path.name}: đây là một gói; hãy hợp nhất vào tệp của Tổ "
                              "thư ký", f"{store.path.name}: this is a package; merge into the "
                              "master file")
    resolutions = dict(resolutions or {})
    files = [Path(p) for p in paths]
    registered = {("member", m.code): m.key_fingerprint for m in store.members()} | {
        ("unit", u.code): u.key_fingerprint for u in store.units()}
    with store.session() as s:
        records = {r.package_uuid: r for r in s.scalars(
            select(SentPackage).where(SentPackage.deleted.is_(False)))}
        names = dict(s.execute(select(Unit.uuid, Unit.code)).all()) | dict(
            s.execute(select(Criterion.uuid, Criterion.code)).all())
    backup = work = copying = None
    unbacked = not dry_run and store.path.stat().st_size > BACKUP_LIMIT
    if not dry_run and not unbacked:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = store.path.with_name(f"{store.path.name}.truoc-hop-nhat-{stamp}.bak")
        # a work file until the merge commits: a killed merge leaves a leftover that the next
        # open cleans up, not a backup of a merge that never happened. Copied while the
        # packages are checked (nothing is written before it is done): SQLite copies and
        # syncs the file without holding Python's lock
        copying = aside(functools.partial(fileformat.backup, store.path, work_path(backup)))
    try:
        # every package checked before anything is written
        period = store.period()
        with contextlib.closing(_opened_in_turn(files)) as in_turn:
            checked = [_check_package(store, p, opened, period, records, registered, names)
                       for p, opened in in_turn]
        merged = {(m.package_uuid, m.content_sha256) for m in merge_history(store)}
        new = [c for c in checked if (c.seal.package_uuid, c.seal.content_sha256) not in merged]
        # one merged before changes nothing now: neither late nor past the approval
        late = _late(store, new, accept_late)
        report = MergeReport([PackageResult(c.path, c.seal) for c in checked], unbacked=unbacked)
        if not new:
            for result in report.packages:  # nothing to do: no backup, no empty undo step
                result.already = True
            report.unbacked = False
            _discard(copying)
            return report
        work = copying() if copying is not None else None
    except BaseException:
        _discard(copying)
        raise
    try:
        accepted = f" (chấp nhận nộp muộn: {late})" if late else ""
        with store.edit(f"{MERGE_SOURCE}: " + ", ".join(p.name for p in files)) as ed:
            if late:  # accepted out of its phase: the phase does not hold these writes back
                ed.session.info["phase"] = None
            codes = _codes(ed.session)  # a merge writes scores and evidence only
            for i, (package, result) in enumerate(zip(checked, report.packages)):
                # each change names the package it came from (not every package of the merge:
                # a hundred names on each of ten thousand audit entries)
                ed.session.info["source"] = f"{MERGE_SOURCE}: {package.path.name}{accepted}"
                try:
                    _merge_one(ed, period, package, result, codes, resolutions, policy, reason)
                except ValidationError as exc:  # a rule of the write path: whose package it is
                    if exc.vi.startswith(f"{package.path.name}: "):
                        raise
                    (vi, en), (who_vi, who_en) = package.kind.title, package.kind.holder(
                        package.seal.holder)
                    raise _refuse(package.path, f"{vi} của {who_vi}: {exc.vi}",
                                  f"{en} of {who_en}: {exc.en}") from None
                if progress and progress(i + 1, len(files)) is False:
                    raise ValidationError("Đã hủy hợp nhất, không có thay đổi nào",
                                          "Merge cancelled, nothing was changed")
            unresolved = [c for c in report.conflicts if c.key not in resolutions
                          and policy == "fail"]
            if unresolved and not dry_run:
                raise ValidationError(
                    "\n".join([f"{len(unresolved)} xung đột chưa được giải quyết; không có gì "
                               "được hợp nhất:"] + [
                        f"  {c.package}: đơn vị {c.unit}, tiêu chí {c.criterion} "
                        f"({c.part}): gốc {c.base.shown()}, tệp chính {c.master.shown()}, "
                        f"gói {c.theirs.shown()}" for c in unresolved]),
                    f"{count(len(unresolved), 'unresolved conflict')}; nothing was merged")
            if dry_run:
                raise _DryRun
    except _DryRun:
        return report
    except BaseException:
        if work is not None:
            work.unlink(missing_ok=True)  # nothing changed: no backup to keep
        raise
    if work is not None and backup is not None:  # a dry run has none, and returned
        try:
            put_in_place(work, backup)
        except OSError:  # committed all the same: the backup keeps its work name
            backup = work
    report.txn, report.backup = ed.txn, backup
    return report


def _discard(copying: Callable[[], Path] | None) -> None:
    """Wait for the backup being copied, and remove it: nothing was merged."""
    if copying is not None:
        with contextlib.suppress(Exception):  # a copy that failed left nothing to remove
            copying().unlink(missing_ok=True)


def _late(store, checked: Sequence[_Checked], accept_late: str) -> str:
    """The reason a late package is accepted ('' when none is late); refuses a late package
    without one, and any package once the results are approved (reopening a phase, with its
    own reason, comes first)."""
    state = store.phase()
    if state.phase is None:
        return ""
    if state.phase.locked and checked:  # lateness can be accepted; approved results cannot move
        vi, en = closed_refusal(state.phase, "điểm", "the scores")
        raise _refuse(checked[0].path, vi, en)
    today = date.today()  # the master's clock
    problems = []
    for c in checked:
        if not set(c.kind.fields) <= open_fields(state.phase):
            vi, en = LABELS[state.phase]
            title_vi, title_en = c.kind.title
            problems.append((c.path, f"{title_vi} nộp khi kỳ đánh giá ở giai đoạn «{vi}»",
                             f"a {title_en} returned at «{en}»"))
        elif state.deadline is not None and today > state.deadline:
            when = state.deadline.strftime("%d/%m/%Y")
            problems.append((c.path, f"nộp sau hạn {when} của giai đoạn",
                             f"returned after the phase's deadline {when}"))
    if not problems:
        return ""
    reason = " ".join(accept_late.split())
    if not reason:
        path, vi, en = problems[0]
        raise _refuse(path, vi + "; Tổ thư ký có thể chấp nhận nộp muộn, có ghi lý do "
                      "(--accept-late)", en + "; the secretariat may accept it late, with a "
                      "reason (--accept-late)")
    problem = reason_problem(reason)
    if problem is not None:
        raise ValidationError("Chấp nhận nộp muộn: " + problem[0].replace(
            "khi điều chỉnh xếp loại", "khi chấp nhận nộp muộn"), "Accepting late: "
            + problem[1].replace("an override needs", "a late acceptance needs"))
    return reason


def _merge_one(ed, period: Period, package: _Checked, result: PackageResult,
               codes: Mapping[str, str], resolutions: dict, policy: str, reason: str) -> None:
    path, seal = package.path, package.seal
    if package.criteria_revision != period.criteria_revision:
        raise ValidationError(f"{path.name}: gói được lập theo phiên bản bộ chỉ số khác",
                              f"{path.name}: the package was made for another criteria revision")
    session = ed.session
    earlier = session.scalars(select(MergedPackage).where(
        MergedPackage.package_uuid == seal.package_uuid, MergedPackage.deleted.is_(False))
        .order_by(MergedPackage.id)).all()
    if any(m.content_sha256 == seal.content_sha256 for m in earlier):
        result.already = True
        return
    # the package's values at its last merge: what the member changed is measured from there
    previous = earlier[-1].package_values if earlier else {}
    kind = package.kind
    points_f, note_f, figure_f, part = kind.points, kind.note, kind.figure, kind.part
    expected_f = kind.expected
    other = [f for f in _VALUE_FIELDS if f not in kind.fields]

    def others_of(row: Mapping) -> list:  # as stored: equal, they are equal by meaning too
        return [canonical(v) if isinstance(v, Decimal) else v for v in map(row.get, other)]

    def value_of(row: Mapping) -> Value:
        return _value(row.get(points_f) if points_f else None, row.get(note_f),
                      row.get(figure_f) if figure_f else None,
                      row.get(expected_f) if expected_f else None)
    writes, resolved, values = [], [], {}
    compared = []
    for row in package.rows:
        # matched by UUID: a unit or criterion renamed at the secretariat meanwhile still meets
        # its rows; one removed there cannot take the member's appraisal
        unit, crit = codes.get(row.unit_uuid), codes.get(row.criterion_uuid)
        if unit is None or crit is None:
            raise ValidationError(
                f"{path.name}: gói có điểm của một đơn vị hoặc tiêu chí không còn trong tệp chính",
                f"{path.name}: the package scores a unit or criterion the master no longer has")
        if row.same and row.key not in previous:  # as it left: whatever the master has stays
            result.unchanged += 1
            continue
        compared.append((row, unit, crit))
    # the master's rows the holder may have changed, as they are now in this transaction
    # (with what earlier packages of the merge wrote)
    masters = ed.current_scores([(unit, crit) for _row, unit, crit in compared])
    for (row, unit, crit), master_row in zip(compared, masters):
        base, theirs = row.base, row.theirs
        sent = value_of(base)
        if theirs != sent:
            values[row.key] = theirs.to_json()
        was = Value.from_json(previous[row.key]) if row.key in previous else sent
        master_row = master_row or {}
        master = value_of(master_row)
        if theirs in (was, master):
            status = "unchanged"
        elif master == was:  # parallel when the master changed the row's other fields since
            status = "parallel" if others_of(master_row) != others_of(base) and any(
                _norm(k, master_row.get(k)) != _norm(k, base.get(k)) for k in other) \
                else "applied"
        else:
            status = "conflict"
        if status == "conflict":
            conflict = Conflict(path.name, seal.holder, unit, crit, part, was, master, theirs,
                                str(path))
            result.conflicts.append(conflict)
            choice = resolutions.get(conflict.key) or (
                Resolution("master" if policy == "keep-master" else "package", reason)
                if policy != "fail" else None)
            if choice is None:
                result.changes.append(Change(unit, crit, part, status, master, theirs))
                continue
            resolved.append((conflict, choice))
            if choice.chosen == "package":
                writes.append((unit, crit, theirs))
            result.changes.append(Change(unit, crit, part, status, master,
                                         theirs if choice.chosen == "package" else master))
            continue
        if status == "unchanged":
            result.unchanged += 1
            continue
        writes.append((unit, crit, theirs))
        result.changes.append(Change(unit, crit, part, status, master, theirs))
    ed.write_scores([(u, c, _fields(kind, v, seal.holder)) for u, c, v in writes])
    if package.added or package.removed:
        with _BlobReader(path) as read:
            result.evidence_added, result.evidence_removed = ed.merge_evidence(
                [vars(e) for e in package.added], package.removed, read)
    merged = MergedPackage(package_uuid=seal.package_uuid, content_sha256=seal.content_sha256,
                           member_code=seal.holder if kind.party == "member" else "",
                           unit_code=seal.holder if kind.party == "unit" else "",
                           file_name=path.name,
                           sealed_at=seal.sealed_at, package_values=values, summary={
                               "counts": result.counts(),
                               "evidence": [result.evidence_added, result.evidence_removed],
                               "changes": [[c.unit, c.criterion, c.part, c.status,
                                            c.old.to_json(), c.new.to_json()]
                                           for c in result.changes]})
    session.add(merged)
    for conflict, choice in resolved:
        if not choice.reason.strip():
            raise ValidationError(
                f"Đơn vị {conflict.unit}, tiêu chí {conflict.criterion}: cần ghi lý do chọn giá "
                "trị khi giải quyết xung đột",
                f"Unit {conflict.unit}, criterion {conflict.criterion}: a reason is required "
                "to resolve the conflict")
        session.add(MergeResolution(
            merge=merged, unit_code=conflict.unit, criterion_code=conflict.criterion,
            part=conflict.part, master_value=conflict.master.to_json(),
            package_value=conflict.theirs.to_json(), chosen=choice.chosen,
            reason=choice.reason.strip()))
    session.flush()


def _fields(kind: Kind, value: Value, holder: str) -> dict:
    """What Edit.write_scores takes from a package's value: the kind's fields, and for a
    member's appraisal who made it."""
    fields: dict[str, object] = {kind.note: value.note}
    if kind.points:
        fields[kind.points] = value.points
    if kind.figure:  # written with its points: the core checks that they follow from it
        fields[kind.figure] = value.figure
    if kind.expected:  # checked against the criterion's method and maximum, as a self score
        fields[kind.expected] = value.expected
    if kind.party == "member":
        fields["appraiser" if kind.round == 1 else "appraiser2"] = holder
    return fields


class _BlobReader:
    """Reads a file's bytes from a package as a merge writes them, refusing bytes that do not
    hash to their key (the seal covers what the package holds, not that a key is honest)."""

    def __init__(self, path: Path):  # checked by this merge already; each blob is hashed
        self.path, self.con = path, packages.connect(path, checked=False)

    def __enter__(self) -> Callable[[str, int], bytes]:
        return self.read

    def __exit__(self, *exc) -> None:
        self.con.close()

    def read(self, sha256: str, size: int) -> bytes:
        row = self.con.execute("SELECT data FROM blob WHERE sha256 = ?", (sha256,)).fetchone()
        data = row[0] if row else None
        if not isinstance(data, bytes) or len(data) != size \
                or hashlib.sha256(data).hexdigest() != sha256:
            raise _refuse(self.path, f"nội dung tệp {sha256[:12]}… không khớp với mã SHA-256 "
                          "của nó", f"the file content {sha256[:12]}… does not match its SHA-256")
        return data


def _codes(session) -> dict[str, str]:
    """Live units' and criteria's codes by UUID."""
    return dict(session.execute(
        select(Unit.uuid, Unit.code).where(Unit.deleted.is_(False))).all()) | dict(
        session.execute(select(Criterion.uuid, Criterion.code)
                        .where(Criterion.deleted.is_(False))).all())


_POINTS = {"self_points", "appraisal_points", "appraisal2_points", "expected_points"}


def _norm(name: str, value) -> object:
    """A score field by meaning, whether read raw (text) or typed (Decimal): None and '' alike."""
    if value in (None, ""):
        return None
    return Decimal(str(value)) if name in _POINTS else value


def merge_history(store) -> list[MergedPackage]:
    with store.session() as s:
        return list(s.scalars(select(MergedPackage).where(MergedPackage.deleted.is_(False))
                              .order_by(MergedPackage.id)))


def resolutions_of(store) -> list[MergeResolution]:
    with store.session() as s:
        return list(s.scalars(select(MergeResolution).where(MergeResolution.deleted.is_(False))
                              .order_by(MergeResolution.id)))
