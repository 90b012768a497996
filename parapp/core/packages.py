"""Packages: a council member's or a unit's part of the period, to work on offline; keys and
seals.

The secretariat exports a package (`KINDS`): to a council member, its part for a round of
appraisal; to a unit, its self-assessment, or after round 1 its explanation of the deductions.
A package is a period file of its own (criteria, units, settings) with the scores and the live
evidence of its part only, no history, and two extra tables — `package_info` (whose package,
which kind) and `package_base` (each score of the part as it was when the package left). Its
holder opens it in parapp like any file; only what the kind lets the holder enter can be
written, on the part only (`Store.package_scope`, enforced in the core), and the merge checks
it again against the master's own record.

Key scheme (offline, no authority needed): each member and unit creates an Ed25519 key pair once
(`parapp key new`); the private key stays on the member's laptop (PKCS#8 PEM, encrypted when a
passphrase is given); the member sends the public key's fingerprint to the secretariat by any
channel it trusts (official letter, phone), which records it (`parapp member-key`, `unit-key`).
Sealing signs the SHA-256 of the package's whole content (every table but the seal, in a fixed
order, evidence bytes included) with the private key and stores the signature, the public key
and its fingerprint in the `seal` table. A merge accepts a package only when the content
digest matches, the signature verifies, and the fingerprint is the one registered for the
package's holder. Any later write to the package drops the seal: it must be sealed again.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
import uuid as uuid_mod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from parapp.core import fileformat
from parapp.core.criteria import code_key
from parapp.core.errors import ParappError, ValidationError
from parapp.core.files import (
    discard,
    distinct_names,
    portable_name,
    put_in_place,
    work_path,
    writable_folder,
)
from parapp.core.lock import refuse_replacing
from parapp.core.models import Base

SEAL_CONTEXT = b"parapp package seal v2\n"


@dataclass(frozen=True)
class Kind:
    """What a package is for: who holds it — a council member or a unit — the round it serves,
    and what its holder writes in it (everything else must come back as it left)."""
    party: str  # "member" or "unit"
    round: int  # a member's appraisal round (1, 2); a unit's: 0 self-assessment, 1 explanation
    points: str | None  # the score field of points the holder enters, if any
    note: str  # the text beside it: a deduction's reason, or the unit's explanation
    stored: frozenset[str]  # every score column the holder's parapp writes
    evidence: str  # "" unchanged; "add" supplementary files only; "edit" add and remove
    part: str  # the part's name in a merge's records (MergeResolution.part)
    figure: str | None = None  # the declared figure the holder's points may follow from
    expected: str | None = None  # the mid-year expected score, entered beside the points

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields the holder enters (Edit.write_scores names)."""
        return tuple(f for f in (self.points, self.note, self.figure, self.expected) if f)

    def holder(self, code: str) -> tuple[str, str]:
        """'thành viên X' / 'member X', or the unit's."""
        return who(self.party, code)

    @property
    def title(self) -> tuple[str, str]:
        """The package in words: 'gói thẩm định vòng 1', 'gói tự đánh giá', …"""
        if self.party == "member":
            return (f"gói thẩm định vòng {self.round}", f"round {self.round} appraisal package")
        return (("gói tự đánh giá", "self-assessment package") if self.round == 0
                else ("gói giải trình", "explanation package"))


def who(party: str, code: str) -> tuple[str, str]:
    """A package's holder in words: 'thành viên X' / 'member X', 'đơn vị X' / 'unit X'."""
    vi, en = ("thành viên", "member") if party == "member" else ("đơn vị", "unit")
    return f"{vi} {code}", f"{en} {code}"


KINDS = {
    ("member", 1): Kind("member", 1, "appraisal_points", "appraisal_note", frozenset(
        {"appraisal_points", "appraisal_note", "appraiser_id", "appraisal_source",
         "appraisal_figure"}), "", "appraisal", "appraisal_figure"),
    ("member", 2): Kind("member", 2, "appraisal2_points", "appraisal2_note", frozenset(
        {"appraisal2_points", "appraisal2_note", "appraiser2_id", "appraisal2_source"}), "",
        "appraisal2"),
    # the unit's self-assessment: self scores, explanations and evidence of its applicable
    # leaves, and the unit's own expected scores (the secretariat may also enter them)
    ("unit", 0): Kind("unit", 0, "self_points", "explanation",
                      frozenset({"self_points", "explanation", "self_figure", "expected_points"}),
                      "edit", "self", "self_figure", "expected_points"),
    # after round 1: an explanation and supplementary evidence for each disputed deduction
    ("unit", 1): Kind("unit", 1, None, "explanation2", frozenset({"explanation2"}), "add",
                      "explanation2"),
}
UNIT_SELF, UNIT_EXPLANATION = KINDS["unit", 0], KINDS["unit", 1]


# -- keys -------------------------------------------------------------------------------------

def default_key_path(member: str) -> Path:
    """Where a member's private key lives unless another file is chosen: the user's parapp
    data folder (outside any synced or shared project folder)."""
    from platformdirs import user_data_dir
    # a member coded CON or NUL would name a device on Windows
    return Path(user_data_dir("parapp", appauthor=False)) / "keys" / portable_name(f"{member}.key")


def key_name(party: str, code: str) -> str:
    """The key file's name for a package holder: a unit's code may be a member's too (SNV)."""
    return code if party == "member" else f"{code}-don-vi"


def fingerprint(public_key: Ed25519PublicKey | bytes) -> str:
    """'SHA256:' and the base64 of the raw key's SHA-256, as OpenSSH shows keys."""
    raw = public_key if isinstance(public_key, bytes) else public_key.public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode().rstrip("=")


def new_key(path: Path | str, passphrase: str | None = None) -> str:
    """Create a key pair: the private key at `path` (owner-only), the public key beside it
    (`.pub`, to send to the secretariat). Returns the fingerprint. Never overwrites a key."""
    path = Path(path)
    if path.exists():
        raise ValidationError(f"{path}: khóa đã tồn tại; không ghi đè",
                              f"{path}: a key already exists; not overwritten")
    key = Ed25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            encryption)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    public = key.public_key()
    path.with_suffix(".pub").write_text(public_key_text(public) + "\n", encoding="utf-8")
    return fingerprint(public)


def public_key_text(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "parapp-ed25519 " + base64.b64encode(raw).decode()


def read_public_key(path: Path | str) -> str:
    """The fingerprint of a `.pub` file written by `new_key`."""
    path = Path(path)
    try:
        kind, data = path.read_text(encoding="utf-8-sig").split()[:2]  # Notepad's BOM
        raw = base64.b64decode(data, validate=True)
        if kind != "parapp-ed25519" or len(raw) != 32:
            raise ValueError
    except (OSError, ValueError, UnicodeDecodeError):
        raise ValidationError(f"{path}: không phải tệp khóa công khai parapp",
                              f"{path}: not a parapp public key file") from None
    return fingerprint(raw)


def load_key(path: Path | str, passphrase: str | None = None) -> Ed25519PrivateKey:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParappError(f"{path}: không đọc được khóa ({exc.strerror})",
                          f"{path}: cannot read the key ({exc.strerror})") from None
    try:
        key = serialization.load_pem_private_key(
            data, passphrase.encode() if passphrase else None)
    except TypeError:  # encrypted without a passphrase, or the reverse
        raise ParappError(f"{path}: khóa cần mật khẩu" if not passphrase
                          else f"{path}: khóa không có mật khẩu",
                          f"{path}: the key needs a passphrase" if not passphrase
                          else f"{path}: the key has no passphrase") from None
    except ValueError:
        raise ParappError(f"{path}: sai mật khẩu hoặc không phải khóa riêng",
                          f"{path}: wrong passphrase, or not a private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ParappError(f"{path}: không phải khóa Ed25519", f"{path}: not an Ed25519 key")
    return key


# -- content and seal -------------------------------------------------------------------------

# Tables a merge does not compare whole with the master's record: the scores, where the member
# writes the round's appraisal of its part (checked row by row instead), and the package's audit
# log, the member's own history, which a merge never reads. Every other table must come back
# exactly as the master sent it.
NOT_FROZEN = ("score", "audit")


def _tables() -> list[str]:
    return sorted(t.name for t in Base.metadata.sorted_tables if t.name != "seal")


def table_digests(con: sqlite3.Connection) -> dict[str, str]:
    """SHA-256 of each table's rows — every table of the models but the seal — in primary-key
    order, each row as SQL literals (quote(), built by SQLite itself: fast, and exact for any
    value, including a hostile one). Free pages, page layout and rowids are not content: a
    VACUUM keeps every digest. A table that is missing has the digest "missing".

    Three statements whatever the number of tables (the columns of all, the rows of all but
    the evidence bytes, the evidence bytes): a merge works this out for the next package on
    another thread, and a thread that comes back to Python after every statement would wait
    for the checking thread at each return."""
    tables = _tables()
    columns: dict[str, list[tuple[str, int]]] = {t: [] for t in tables}
    for table, name, pk in con.execute(" UNION ALL ".join(
            f"SELECT '{t}', name, pk FROM pragma_table_info('{t}')" for t in tables)):
        columns[table].append((name, pk))
    out = {t: "missing" for t in tables if not columns[t]}
    # the rows' text as UTF-8 bytes: straight from SQLite when that is how the file stores it
    # (no decoding to str and encoding back: a merge digests 15 packages)
    as_bytes = con.execute("PRAGMA encoding").fetchone()[0] == "UTF-8"
    joined = "CAST(group_concat(r, char(10)) AS BLOB)" if as_bytes else "group_concat(r, char(10))"
    texts = [t for t in tables if t not in out and t != "blob"]
    selects = []
    for table in texts:
        info = columns[table]
        quoted = [f'quote("{name}")' for name, _pk in info]
        # one printf builds the row at once (what || does piece by piece), within SQLite's
        # limit on a function's arguments
        row = (f"printf('{','.join(['%s'] * len(info))}', {', '.join(quoted)})"
               if len(info) < 100 else " || ',' || ".join(quoted))
        selects.append(f'(SELECT {joined} FROM (SELECT {row} AS r FROM "{table}" '
                       f"ORDER BY {_order(info)}))")
    if selects:
        chunks = con.execute(f"SELECT {', '.join(selects)}").fetchone()
        for table, chunk in zip(texts, chunks):
            digest = hashlib.sha256()
            if chunk is not None:  # None: no rows
                digest.update(chunk if as_bytes else chunk.encode())
            out[table] = digest.hexdigest()
    if "blob" in tables and "blob" not in out:  # large bytes: hashed as they are, after their
        digest = hashlib.sha256()                # key and size
        for key, size, data in con.execute(
                f"SELECT quote(sha256), quote(size), data FROM blob ORDER BY "
                f"{_order(columns['blob'])}"):
            digest.update(f"{key}|{size}|".encode())
            digest.update(data if isinstance(data, bytes) else repr(data).encode())
        out["blob"] = digest.hexdigest()
    return {t: out[t] for t in tables}


def _order(info: list[tuple[str, int]]) -> str:
    """A table's primary key (its columns by their place in it), else its rowid."""
    return ", ".join(f'"{name}"' for name, pk in sorted(info, key=lambda c: c[1]) if pk) \
        or "rowid"


def content_digest(con: sqlite3.Connection) -> str:
    """What a seal covers: the digests of every table but the seal's."""
    return _digest_of(table_digests(con))


def _digest_of(tables: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def frozen_digests(tables: Mapping[str, str], kind: Kind) -> dict[str, str]:
    """The digests of the tables compared whole: all but NOT_FROZEN, and the evidence where
    the holder may attach files (checked row by row)."""
    loose = {*NOT_FROZEN, "evidence", "blob"} if kind.evidence else set(NOT_FROZEN)
    return {t: d for t, d in tables.items() if t not in loose}


def base_digest(unit_uuid, criterion_uuid, score_uuid, version, fields) -> str:
    """A package_base row as the master recorded it when the package left (fields: the JSON
    text as stored). Each value by its repr(), type included and unambiguous, whatever a
    hostile file puts there: a forged value only mismatches."""
    return hashlib.sha256(  # the five reprs joined by NUL, in one f-string (a merge: 18,000)
        f"{unit_uuid!r}\x00{criterion_uuid!r}\x00{score_uuid!r}\x00{version!r}\x00{fields!r}"
        .encode()).hexdigest()


def _seal_message(info: dict, content: str, sealed_at: str, party: str, holder: str) -> bytes:
    # a member's message is as it always was: packages sealed before units had packages verify
    return SEAL_CONTEXT + json.dumps(
        {"package": info["uuid"], party: holder, "content": content, "at": sealed_at},
        sort_keys=True).encode()


def read_info(con: sqlite3.Connection, path: Path) -> dict:
    """The package's package_info row, shape checked (what it claims is checked by a merge
    against the master's record): uuid, member_code, unit_code, round, created_at,
    master_name, and `kind` (KINDS) and `holder` (the member's or the unit's code)."""
    names = ("uuid", "member_code", "round", "created_at", "master_name", "unit_code")
    try:
        row = con.execute(f"SELECT {', '.join(names)} FROM package_info").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        raise ValidationError(f"{path.name}: không phải gói chấm điểm của parapp",
                              f"{path.name}: not a parapp package")
    info = dict(zip(names, row))
    member, unit = info["member_code"], info["unit_code"]
    kind = None
    if isinstance(member, str) and isinstance(unit, str) and bool(member) != bool(unit) \
            and type(info["round"]) is int:
        kind = KINDS.get(("unit" if unit else "member", info["round"]))
    if not isinstance(info["uuid"], str) or kind is None:
        raise ValidationError(f"{path.name}: thông tin gói (package_info) bị hỏng; xin Tổ thư ký "
                              "xuất lại gói", f"{path.name}: the package information "
                              "(package_info) is damaged; ask the secretariat for a new package")
    info.update(kind=kind, holder=member or unit)
    return info


def connect(path: Path, writable: bool = False, checked: bool = True,
            shared: bool = False) -> sqlite3.Connection:
    """A package's connection, after the file's checks (`checked` False: its checks were
    passed a moment ago in the same merge, and what is read now is verified on its own;
    `shared`: opened on one thread and read on another, one at a time)."""
    version = fileformat.inspect(path) if checked else fileformat.SCHEMA_VERSION
    if version < fileformat.SCHEMA_VERSION:
        raise ValidationError(
            f"{path.name}: gói được tạo bởi phiên bản parapp cũ hơn (lược đồ {version}); xin Tổ "
            "thư ký xuất lại gói",
            f"{path.name}: the package was made by an older parapp (schema {version}); ask the "
            "secretariat for a new package")
    mode = "rw" if writable else "ro"
    con = sqlite3.connect(f"{fileformat.sqlite_uri(path)}?mode={mode}", uri=True,
                          isolation_level=None, check_same_thread=not shared)
    # a package arrives from outside: no SQL function or virtual table its schema names runs
    con.execute("PRAGMA trusted_schema = OFF")
    return con


@dataclass(frozen=True)
class SealInfo:
    holder: str  # the code of the member, or of the unit, that sealed
    fingerprint: str
    sealed_at: str
    content_sha256: str
    package_uuid: str
    kind: Kind
    # the package's table digests, as verified against the seal (what a merge checks next)
    tables: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def round(self) -> int:
        return self.kind.round


@dataclass(frozen=True)
class Gap:
    """Something missing in a package before it is sealed: a warning, or a block where the
    criteria set makes evidence mandatory."""
    unit: str
    criterion: str
    vi: str
    en: str
    blocking: bool = False

    def __str__(self) -> str:
        from parapp.core.i18n import pick
        return pick(f"Đơn vị {self.unit}, tiêu chí {self.criterion}: {self.vi}",
                    f"Unit {self.unit}, criterion {self.criterion}: {self.en}")


def package_gaps(path: Path | str) -> list[Gap]:
    """What the package's holder has not done yet, per row of its part, in the criteria's
    order: a unit's leaves not scored, evidence missing (mandatory: blocking), deductions not
    explained; a member's leaves not appraised."""
    path = Path(path)
    con = connect(path)
    try:
        return _gaps(con, read_info(con, path)["kind"])
    finally:
        con.close()


def _gaps(con: sqlite3.Connection, kind: Kind) -> list[Gap]:
    rows = con.execute(
        "SELECT u.code, c.code, c.evidence_required, c.evidence_guidance, s.self_points, "
        "s.appraisal_points, s.appraisal2_points, s.explanation2, (SELECT count(*) FROM evidence e "
        "WHERE e.unit_id = u.id AND e.criterion_id = c.id AND e.deleted = 0) "
        "FROM package_base b JOIN unit u ON u.uuid = b.unit_uuid "
        "JOIN criterion c ON c.uuid = b.criterion_uuid "
        "LEFT JOIN score s ON s.unit_id = u.id AND s.criterion_id = c.id AND s.deleted = 0"
    ).fetchall()
    out = []
    # the package's own rows: whatever an edit behind parapp's back left there only sorts
    # and reads as text here (a merge refuses it anyway)
    for unit, crit, *values in sorted(rows, key=lambda r: (str(r[0]), code_key(str(r[1])))):
        try:
            found = _gap_of(kind, *values)
        except (ArithmeticError, TypeError, ValueError):
            found = None
        if found is not None:
            out.append(Gap(str(unit), str(crit), *found))
    return out


def _gap_of(kind: Kind, required, guidance, self_points, first, second, explained,
            files) -> tuple[str, str, bool] | None:
    if kind is UNIT_SELF:
        if self_points in (None, ""):
            return "chưa tự đánh giá", "not scored yet", False
        if files == 0 and (required or guidance) and Decimal(str(self_points)) > 0:
            if required:
                return ("thiếu tài liệu kiểm chứng bắt buộc", "mandatory evidence is missing",
                        True)
            return "chưa có tài liệu kiểm chứng", "no evidence attached", False
        return None
    if kind is UNIT_EXPLANATION:
        if not (explained or "").strip():
            return ("chưa giải trình (không giải trình: chấp nhận kết quả vòng 1)",
                    "not explained (no explanation: the first appraisal is accepted)", False)
        return None
    if (first if kind.round == 1 else second) in (None, ""):
        return "chưa thẩm định", "not appraised yet", False
    return None


def seal_package(path: Path | str, key: Ed25519PrivateKey, clock=None) -> SealInfo:
    """Sign the package's content with the holder's key (replacing any earlier seal). Refused
    while mandatory evidence is missing (package_gaps: what else is missing only warns)."""
    path = Path(path)
    con = connect(path, writable=True)
    try:
        info = read_info(con, path)
        kind = info["kind"]
        blocking = [g for g in _gaps(con, kind) if g.blocking]
        if blocking:
            raise ValidationError(
                "\n".join([f"{path.name}: chưa niêm phong được, còn thiếu tài liệu kiểm chứng bắt "
                           "buộc:"] + [f"  tiêu chí {g.criterion}" for g in blocking]),
                f"{path.name}: cannot be sealed yet, mandatory evidence is missing: "
                + ", ".join(g.criterion for g in blocking))
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM seal")
        content = content_digest(con)
        at = (clock or (lambda: datetime.now(UTC).isoformat(timespec="seconds")))()
        public = key.public_key()
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        signature = key.sign(_seal_message(info, content, at, kind.party, info["holder"]))
        con.execute("INSERT INTO seal (member_code, unit_code, fingerprint, public_key, "
                    "content_sha256, sealed_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (info["member_code"], info["unit_code"], fingerprint(raw),
                     base64.b64encode(raw).decode(), content, at,
                     base64.b64encode(signature).decode()))
        con.execute("COMMIT")
    finally:
        con.close()
    return SealInfo(info["holder"], fingerprint(raw), at, content, info["uuid"], kind)


def verify_seal(path: Path | str, kind: Kind, holder: str, registered: str) -> SealInfo:
    """Check a returned package's seal: present, made over the content as it is now, by
    `holder` — the member or unit (`kind.party`) the master sent the package to, from its own
    record — with `registered`, the fingerprint the master holds for it ("" when none). The
    package's own claims (its holder, the key it carries) are only compared with these.
    ValidationError naming the file otherwise."""
    path = Path(path)
    con = connect(path)
    try:
        return check_seal(con, path, kind, holder, registered)
    finally:
        con.close()


def check_seal(con: sqlite3.Connection, path: Path, kind: Kind, holder: str,
               registered: str, tables: dict[str, str] | None = None) -> SealInfo:
    """verify_seal on an open connection (a merge reads the seal and the rows it covers in one
    read transaction, so the file cannot change in between; `tables`: the table digests,
    worked out already in that transaction)."""
    try:
        info = read_info(con, path)
        try:
            row = con.execute("SELECT member_code, unit_code, fingerprint, public_key, "
                              "content_sha256, sealed_at, signature FROM seal").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            raise ValidationError(f"{path.name}: gói chưa được niêm phong (parapp package seal)",
                                  f"{path.name}: the package is not sealed (parapp package seal)")
        by_member, by_unit, print_, public_b64, content, at, signature = row
        party, sealed_by = ("unit", by_unit) if by_unit else ("member", by_member)
        try:
            raw = base64.b64decode(public_b64, validate=True)
            Ed25519PublicKey.from_public_bytes(raw).verify(
                base64.b64decode(signature, validate=True),
                _seal_message(info, content, at, party, sealed_by))
        except (ValueError, TypeError, InvalidSignature):
            raise ValidationError(f"{path.name}: chữ ký niêm phong không hợp lệ",
                                  f"{path.name}: the seal's signature is not valid") from None
        if tables is None:
            tables = table_digests(con)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from None
    if _digest_of(tables) != content:
        raise ValidationError(f"{path.name}: nội dung gói đã bị thay đổi sau khi niêm phong",
                              f"{path.name}: the package was changed after it was sealed")
    who_vi, who_en = kind.holder(holder)
    if (party, sealed_by) != (kind.party, holder):
        by_vi, by_en = who(party, sealed_by)
        raise ValidationError(
            f"{path.name}: gói được niêm phong với tư cách {by_vi}, nhưng Tổ thư ký đã gửi gói "
            f"này cho {who_vi}",
            f"{path.name}: sealed as {by_en}, but the secretariat sent this package to {who_en}")
    if fingerprint(raw) != print_:
        raise ValidationError(f"{path.name}: niêm phong không khớp với khóa ghi trong đó",
                              f"{path.name}: the seal does not match the key it names")
    command = "parapp member-key" if kind.party == "member" else "parapp unit-key"
    if not registered:
        raise ValidationError(
            f"{path.name}: {who_vi} chưa đăng ký khóa với Tổ thư ký ({command})",
            f"{path.name}: {who_en} has no registered key ({command})")
    if print_ != registered:
        raise ValidationError(
            f"{path.name}: gói được niêm phong bằng khóa {print_}, không phải khóa đã đăng ký "
            f"của {who_vi}",
            f"{path.name}: sealed with key {print_}, not the key registered for {who_en}")
    return SealInfo(holder, print_, at, content, info["uuid"], kind, tables)


def damaged(path: Path, detail: object) -> ValidationError:
    shown = fileformat.first_finding(detail)
    return ValidationError(f"{path.name}: gói bị hỏng, không đọc được ({shown}); hãy đề nghị "
                           "gửi lại gói", f"{path.name}: the package is damaged and cannot be "
                           f"read ({shown}); ask for it to be sent again")


# -- export -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PackageExport:
    path: Path
    holder: str  # the member's or the unit's code
    kind: Kind
    units: int
    leaves: int
    scores: int  # rows of the part (the base)
    evidence: int

    @property
    def round(self) -> int:
        return self.kind.round


def export_package(store, member: str, out: Path | str, round_: int = 1,
                   clock=None, new_uuid=None) -> PackageExport:
    """Write `member`'s package for `round_` (1: appraisal, 2: second appraisal) to `out`, and
    record it in the master (`Edit.record_sent_package`): the package's id, member and round,
    the digests of every table the member may not change, and each row of the part with the
    digest of its base. A returned package is checked against that record only. The package
    file appears only together with its record. A round-2 package holds exactly the disputed
    items of the member's part: those a unit explained after the first appraisal."""
    kind = KINDS.get(("member", round_))
    if kind is None:
        raise ValidationError(f"Vòng thẩm định không hợp lệ: {round_} (1 hoặc 2)",
                              f"Invalid appraisal round: {round_} (1 or 2)")
    _check_master(store)
    part = store.assignment(member)
    if not part.leaves:
        raise ValidationError(f"Thành viên {member} chưa được giao tiêu chí nào để thẩm định",
                              f"Member {member} has no criteria assigned")
    pairs = {(u, c) for u in part.units for c in part.leaves}
    if round_ == 2:
        pairs &= _explained(store)
        if not pairs:
            raise ValidationError(
                f"Thành viên {member}: không có tiêu chí nào của phần được giao được đơn vị giải "
                "trình sau vòng 1; không cần gói vòng 2",
                f"Member {member}: no unit explained any criterion of the member's part after "
                "round 1; no round-2 package is needed")
    return _export(store, kind, member, pairs, Path(out), clock, new_uuid)


def unit_parts(store, kind: Kind) -> dict[str, set[str]]:
    """What each live unit's package of `kind` holds: its applicable self-scored leaves for the
    self-assessment (none marked not applicable, none of another block's set); for the
    explanation, the leaves the first appraisal deducted from its self score."""
    from parapp.core.evaluation import evaluate
    snapshot = store.snapshot()
    tree = snapshot.tree
    result = evaluate(snapshot)
    parts: dict[str, set[str]] = {}
    for unit in snapshot.units:
        mine = result.results.get(unit.key)
        applicable = mine.applicable(tree.self_leaves) if mine is not None else []
        if kind is UNIT_EXPLANATION:
            applicable = [k for k in applicable if (s := unit.scores.get(k)) is not None
                          and s.appraisal is not None and s.self_points is not None
                          and s.appraisal < s.self_points]
        parts[unit.code] = {tree.nodes[k].code for k in applicable}
    return parts


def export_unit_package(store, unit: str, out: Path | str, round_: int = 0, *,
                        parts: Mapping[str, set[str]] | None = None, clock=None,
                        new_uuid=None) -> PackageExport:
    """Write the unit's own package to `out` — round 0: its self-assessment (self scores,
    explanations, evidence of its applicable leaves, with their guidance); round 1: its
    explanation of the first appraisal's deductions (each deduction with the appraiser's
    reason; an explanation and supplementary evidence writable) — and record it in the master,
    as a member's package is. `parts`: unit_parts(store, kind), when exporting many."""
    kind = _unit_kind(round_)
    _check_master(store)
    leaves = (parts if parts is not None else unit_parts(store, kind)).get(unit)
    if leaves is None:
        raise ValidationError(f"Không có đơn vị có mã '{unit}'", f"No unit with code '{unit}'")
    if not leaves:
        raise ValidationError(
            f"Đơn vị {unit}: không có tiêu chí nào bị trừ điểm ở vòng 1; không cần gói giải "
            "trình" if kind is UNIT_EXPLANATION else f"Đơn vị {unit}: không có tiêu chí nào "
            "để tự đánh giá",
            f"Unit {unit}: no criterion was deducted in round 1; no explanation package is "
            "needed" if kind is UNIT_EXPLANATION else f"Unit {unit}: no criterion to assess")
    return _export(store, kind, unit, {(unit, c) for c in leaves}, Path(out), clock, new_uuid)


def export_unit_packages(store, folder: Path | str, round_: int = 0,
                         block: str | None = None, progress=None) -> list[PackageExport]:
    """One package per live unit (of `block`, else every block) in `folder`, named
    goi-<unit>-tu-danh-gia.parapp or goi-<unit>-giai-trinh.parapp (distinct_names: codes equal
    but for case do not share a file on Windows). A unit with nothing to send
    (no deduction to explain) is skipped. `progress(done, total)` after each unit; returning
    False stops (the packages written so far stay, each with its record)."""
    kind = _unit_kind(round_)
    _check_master(store)
    folder = Path(folder)
    with store.engine.connect() as con:
        units = [code for code, in_block in con.exec_driver_sql(
            "SELECT u.code, b.code FROM unit u JOIN block b ON b.id = u.block_id "
            "WHERE u.deleted = 0 ORDER BY u.position, u.code") if block in (None, in_block)]
    if block is not None and not units:
        raise ValidationError(f"Khối {block} không có đơn vị nào", f"Block {block} has no units")
    parts = unit_parts(store, kind)
    suffix = "tu-danh-gia" if kind is UNIT_SELF else "giai-trinh"
    names = distinct_names(f"goi-{unit}-{suffix}.parapp" for unit in units)
    done = []
    for i, (unit, name) in enumerate(zip(units, names)):
        if parts.get(unit):
            done.append(export_unit_package(store, unit, folder / name, round_, parts=parts))
        if progress is not None and progress(i + 1, len(units)) is False:
            break
    return done


def _unit_kind(round_: int) -> Kind:
    kind = KINDS.get(("unit", round_))
    if kind is None:
        raise ValidationError(f"Loại gói của đơn vị không hợp lệ: {round_} (0: tự đánh giá, 1: "
                              "giải trình)", f"Invalid unit package: {round_} (0: "
                              "self-assessment, 1: explanation)")
    return kind


def _explained(store) -> set[tuple[str, str]]:
    """(unit, criterion) codes of every live score with a further explanation."""
    with store.engine.connect() as con:
        return set(con.exec_driver_sql(
            "SELECT u.code, c.code FROM score s JOIN unit u ON u.id = s.unit_id "
            "JOIN criterion c ON c.id = s.criterion_id WHERE s.deleted = 0 AND u.deleted = 0 "
            "AND c.deleted = 0 AND trim(s.explanation2) != ''").tuples().all())


def _check_master(store) -> None:
    if store.package_scope() is not None:
        raise ValidationError(f"{store.path.name}: đây là một gói, không phải tệp của Tổ thư ký",
                              f"{store.path.name}: this is a package, not the master file")
    if store.readonly:
        raise ValidationError(
            f"{store.path.name}: tệp đang mở chỉ để đọc; xuất gói cần ghi lại gói đã gửi vào tệp "
            "này (để kiểm tra gói khi nhận về)",
            f"{store.path.name}: the file is open read-only; exporting a package records it in "
            "this file (to check the package when it comes back)")


def _export(store, kind: Kind, holder: str, pairs: set[tuple[str, str]], out: Path,
            clock, new_uuid) -> PackageExport:
    from parapp.core.store import utc_now  # store imports this module
    _check_destination(out, store.path)
    package_uuid = (new_uuid or (lambda: str(uuid_mod.uuid4())))()
    tmp = work_path(out)  # a killed export leaves a work file the next open cleans up
    try:
        try:
            sent, evidence = _build(tmp, store, kind, holder, pairs, package_uuid,
                                    (clock or utc_now)())
            con = sqlite3.connect(tmp, isolation_level=None)
            try:
                tables = table_digests(con)
            finally:
                con.close()
        except (OSError, sqlite3.OperationalError) as exc:
            raise _unwritable(out.parent, exc) from None
        # recorded first, then put in place: a record that fails to commit leaves whatever
        # package already had that name as it was
        with store.edit(f"xuất {kind.title[0]}: {kind.holder(holder)[0]}") as ed:
            ed.record_sent_package(package_uuid, kind, holder, out.name,
                                   frozen_digests(tables, kind), sent)
        try:
            put_in_place(tmp, out)
        except OSError as exc:
            store.revert(ed.txn, "gói không ghi được")  # no package left: nor does its record
            raise _unwritable(out, exc) from None
    finally:
        discard(tmp)
    return PackageExport(out, holder, kind, len({u for u, _c in pairs}),
                         len({c for _u, c in pairs}), len(sent), evidence)


# tables a package never carries: the secretariat's history and bookkeeping, and the package
# tables it gets afresh
_NOT_SENT = {"audit", "merge_resolution", "merged_package", "sent_row", "sent_package",
             "package_info", "package_base", "seal"}
# a unit's package carries these of its own only (what another unit was given or scored is
# not its business)
_UNIT_OWNED = {"exclusion", "adjustment", "head_override", "survey_result", "survey_item"}


def _build(path: Path, store, kind: Kind, holder: str, pairs: set[tuple[str, str]],
           package_uuid: str, now: str) -> tuple[list[tuple[int, int, str]], int]:
    """Write the package to `path`, a new file of the current schema: the master's period,
    criteria, units, members and settings, the scores and live evidence of the part — (unit,
    criterion) `pairs` — with their blobs, its package_info and package_base. Rows are copied
    by SQL from the master attached read-only, in one read transaction: a few megabytes of
    the part, never a copy of the whole master. Returns the part's rows as the master records
    them — (unit id, criterion id, base digest) — and the evidence count."""
    from parapp.core.models import ddl
    con = sqlite3.connect(fileformat.sqlite_uri(path), uri=True, isolation_level=None)
    try:
        con.execute("PRAGMA page_size = 4096")
        con.execute("PRAGMA journal_mode = DELETE")
        con.execute("BEGIN")
        for statement in ddl():
            con.execute(statement)
        fileformat.stamp(con)
        con.execute("COMMIT")
        con.execute("ATTACH DATABASE ? AS m", (fileformat.sqlite_uri(store.path) + "?mode=ro",))
        con.execute("BEGIN")
        con.execute("CREATE TEMP TABLE part_codes (unit TEXT, criterion TEXT)")
        con.executemany("INSERT INTO part_codes VALUES (?, ?)", sorted(pairs))
        con.execute("CREATE TEMP TABLE part AS SELECT u.id AS unit_id, c.id AS criterion_id "
                    "FROM part_codes p JOIN m.unit u ON u.code = p.unit AND u.deleted = 0 "
                    "JOIN m.criterion c ON c.code = p.criterion AND c.deleted = 0")
        in_part = "(unit_id, criterion_id) IN (SELECT unit_id, criterion_id FROM temp.part)"
        unit_id = None
        if kind.party == "unit":
            (unit_id,) = con.execute("SELECT id FROM m.unit WHERE code = ? AND deleted = 0",
                                     (holder,)).fetchone()
        live = f"{in_part} AND deleted = 0"
        where = {"score": in_part, "evidence": live,
                 "blob": f"sha256 IN (SELECT sha256 FROM m.evidence WHERE {live})"}
        for table in Base.metadata.sorted_tables:
            name = table.name
            if name in _NOT_SENT:
                continue
            condition = where.get(name) or (f"unit_id = {int(unit_id)}" if unit_id is not None
                                            and name in _UNIT_OWNED else "")
            columns = ", ".join(f'"{c.name}"' for c in table.columns)
            con.execute(f'INSERT INTO main."{name}" ({columns}) SELECT {columns} FROM m."{name}"'
                        + (f" WHERE {condition}" if condition else ""))
        sent = _write_base(con)
        con.execute("INSERT INTO package_info (uuid, member_code, unit_code, round, created_at, "
                    "master_name) VALUES (?, ?, ?, ?, ?, ?)",
                    (package_uuid, holder if kind.party == "member" else "",
                     holder if kind.party == "unit" else "", kind.round, now, store.path.name))
        evidence = con.execute("SELECT count(*) FROM main.evidence").fetchone()[0]
        con.execute("COMMIT")
        con.execute("DETACH DATABASE m")
    finally:
        con.close()
    return sent, evidence


def _write_base(con: sqlite3.Connection) -> list[tuple[int, int, str]]:
    """package_base: each row of the part as it leaves (every score field, JSON)."""
    columns = [c[1] for c in con.execute("PRAGMA main.table_info(score)")]
    fields = [c for c in columns if c not in BASE_EXCLUDED]
    rows = con.execute(
        f"SELECT p.unit_id, p.criterion_id, u.uuid, c.uuid, s.uuid, s.version, "
        f"{', '.join('s.' + f for f in fields)} FROM temp.part p "
        "JOIN main.unit u ON u.id = p.unit_id JOIN main.criterion c ON c.id = p.criterion_id "
        "LEFT JOIN main.score s ON s.unit_id = p.unit_id AND s.criterion_id = p.criterion_id "
        "ORDER BY u.id, c.id").fetchall()
    base, sent = [], []
    for unit_id, crit_id, unit_uuid, crit_uuid, score_uuid, version, *values in rows:
        text = json.dumps(dict(zip(fields, values)) if score_uuid else {}, ensure_ascii=False,
                          sort_keys=True)
        base.append((unit_uuid, crit_uuid, score_uuid, version, text))
        sent.append((unit_id, crit_id, base_digest(unit_uuid, crit_uuid, score_uuid, version,
                                                   text)))
    con.executemany("INSERT INTO main.package_base (unit_uuid, criterion_uuid, score_uuid, "
                    "version, fields) VALUES (?, ?, ?, ?, ?)", base)
    return sent


# score columns a package's base does not carry: the row's identity and bookkeeping
BASE_EXCLUDED = ("id", "uuid", "version", "created_at", "updated_at", "author", "unit_id",
                 "criterion_id")


def _check_destination(out: Path, master: Path) -> None:
    """Refuse, before any work, a package path that cannot be written: a folder, a read-only
    file (its read-only mark is the owner's wish, even where the system would let us replace
    it), a missing or read-only folder, or the master itself."""
    folder = out.parent
    if out.exists() and out.resolve() == master.resolve():
        raise ValidationError(f"{out}: đây là tệp của Tổ thư ký; chọn tên khác cho gói",
                              f"{out}: this is the master file; choose another name")
    if out.is_dir():
        raise ValidationError(f"{out}: là một thư mục; chọn tên tệp cho gói",
                              f"{out}: is a folder; choose a file name for the package")
    if out.exists() and not out.stat().st_mode & 0o222:
        raise ValidationError(
            f"{out}: tệp chỉ đọc, không ghi đè; chọn tên khác hoặc bỏ thuộc tính chỉ đọc",
            f"{out}: the file is read-only, not replaced; choose another name or clear its "
            "read-only mark")
    if out.exists() and not _a_package(out):  # a period, a key, a document: not replaced
        raise ValidationError(
            f"{out}: tệp này không phải gói đã xuất trước đây, không ghi đè; chọn tên khác",
            f"{out}: this file is not a package exported before, not replaced; choose another "
            "name")
    refuse_replacing(out)  # a package open for editing in a window
    if not folder.is_dir():
        raise ValidationError(f"{folder}: thư mục không tồn tại; chọn thư mục khác",
                              f"{folder}: the folder does not exist; choose another folder")
    if not writable_folder(folder):
        raise _unwritable(folder, None)


def _a_package(path: Path) -> bool:
    """Whether `path` is a package parapp exported (a parapp file holding its package_info):
    what a package sent again under the same name may replace."""
    if not (path.is_file() and fileformat.holds_parapp_data(path)):
        return False
    try:
        con = sqlite3.connect(f"{fileformat.sqlite_uri(path)}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM package_info").fetchone()[0] == 1
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _unwritable(where: Path, exc: BaseException | None) -> ValidationError:
    why = f" ({getattr(exc, 'strerror', None) or exc})" if exc is not None else ""
    return ValidationError(
        f"{where}: không ghi được vào đây{why}; chọn thư mục khác (chưa có gì được ghi)",
        f"{where}: cannot write here{why}; choose another folder (nothing was written)")
