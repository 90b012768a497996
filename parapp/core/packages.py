"""Council member packages: export, the member's part, keys and seals.

The secretariat exports one package per council member: a copy of the period file (criteria,
units, settings) with the scores — self scores, explanations, appraisals — and the evidence of
the member's part only, no history, and two extra tables — `package_info` (whose package, which round) and
`package_base` (each score of the member's part as it was when the package left). The member
opens it in parapp like any file; only the appraisal of the assigned part can be written
(`Store.package_scope`, enforced in the core).

Key scheme (offline, no authority needed): each member creates an Ed25519 key pair once
(`parapp key new`); the private key stays on the member's laptop (PKCS#8 PEM, encrypted when a
passphrase is given); the member sends the public key's fingerprint to the secretariat by any
channel it trusts (official letter, phone), which records it on the member (`parapp member-key`).
Sealing signs the SHA-256 of the package's whole content (every table but the seal, in a fixed
order, evidence bytes included) with the private key and stores the signature, the public key
and its fingerprint in the `seal` table. A merge accepts a package only when the content
digest matches, the signature verifies, and the fingerprint is the one registered for the
package's member. Any later write to the package drops the seal: it must be sealed again.
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
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from parapp.core import fileformat
from parapp.core.errors import ParappError, ValidationError
from parapp.core.files import work_path
from parapp.core.models import Base

SEAL_CONTEXT = b"parapp package seal v2\n"
ROUND_FIELDS = {1: ("appraisal_points", "appraisal_note"),
                2: ("appraisal2_points", "appraisal2_note")}
ROUND_PART = {1: "appraisal", 2: "appraisal2"}


# -- keys -------------------------------------------------------------------------------------

def default_key_path(member: str) -> Path:
    """Where a member's private key lives unless another file is chosen: the user's parapp
    data folder (outside any synced or shared project folder)."""
    from platformdirs import user_data_dir
    return Path(user_data_dir("parapp", appauthor=False)) / "keys" / f"{member}.key"


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
        kind, data = path.read_text(encoding="utf-8").split()[:2]
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
    VACUUM keeps every digest. A table that is missing has the digest "missing"."""
    out = {}
    for table in _tables():
        info = list(con.execute(f'PRAGMA table_info("{table}")'))
        if not info:
            out[table] = "missing"
            continue
        digest = hashlib.sha256()
        keys = ", ".join(f'"{r[1]}"' for r in sorted(info, key=lambda r: r[5]) if r[5]) or "rowid"
        if table == "blob":  # large bytes: hashed as they are, after their key and size
            for key, size, data in con.execute(
                    f"SELECT quote(sha256), quote(size), data FROM blob ORDER BY {keys}"):
                digest.update(f"{key}|{size}|".encode())
                digest.update(data if isinstance(data, bytes) else repr(data).encode())
        else:
            row = " || ',' || ".join(f'quote("{r[1]}")' for r in info)
            for (chunk,) in con.execute(
                    f"SELECT group_concat(r, char(10)) FROM (SELECT {row} AS r FROM \"{table}\" "
                    f"ORDER BY {keys}) GROUP BY 1 = 1"):
                digest.update(chunk.encode())
        out[table] = digest.hexdigest()
    return out


def content_digest(con: sqlite3.Connection) -> str:
    """What a seal covers: the digests of every table but the seal's."""
    return _digest_of(table_digests(con))


def _digest_of(tables: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def frozen_digests(tables: Mapping[str, str]) -> dict[str, str]:
    """The digests of the tables compared whole (all but NOT_FROZEN)."""
    return {t: d for t, d in tables.items() if t not in NOT_FROZEN}


def base_digest(unit_uuid, criterion_uuid, score_uuid, version, fields) -> str:
    """A package_base row as the master recorded it when the package left (fields: the JSON
    text as stored). Each value by its repr(), type included and unambiguous, whatever a
    hostile file puts there: a forged value only mismatches."""
    return hashlib.sha256("\x00".join(map(repr, (unit_uuid, criterion_uuid, score_uuid, version,
                                                 fields))).encode()).hexdigest()


def _seal_message(info: dict, content: str, sealed_at: str, member: str) -> bytes:
    return SEAL_CONTEXT + json.dumps(
        {"package": info["uuid"], "member": member, "content": content, "at": sealed_at},
        sort_keys=True).encode()


def read_info(con: sqlite3.Connection, path: Path) -> dict:
    try:
        row = con.execute("SELECT uuid, member_code, round, created_at, master_name "
                          "FROM package_info").fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        raise ValidationError(f"{path.name}: không phải gói chấm điểm của thành viên Hội đồng",
                              f"{path.name}: not a council member's package")
    info = dict(zip(("uuid", "member_code", "round", "created_at", "master_name"), row))
    if not (isinstance(info["uuid"], str) and isinstance(info["member_code"], str)
            and info["round"] in ROUND_FIELDS and type(info["round"]) is int):
        raise ValidationError(f"{path.name}: thông tin gói (package_info) bị hỏng; xin Tổ thư ký "
                              "xuất lại gói", f"{path.name}: the package information "
                              "(package_info) is damaged; ask the secretariat for a new package")
    return info


def connect(path: Path, writable: bool = False) -> sqlite3.Connection:
    version = fileformat.inspect(path)  # missing, truncated, corrupted, foreign, newer: refused
    if version < fileformat.SCHEMA_VERSION:
        raise ValidationError(
            f"{path.name}: gói được tạo bởi phiên bản parapp cũ hơn (lược đồ {version}); xin Tổ "
            "thư ký xuất lại gói",
            f"{path.name}: the package was made by an older parapp (schema {version}); ask the "
            "secretariat for a new package")
    mode = "rw" if writable else "ro"
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                          isolation_level=None)
    # a package arrives from outside: no SQL function or virtual table its schema names runs
    con.execute("PRAGMA trusted_schema = OFF")
    return con


@dataclass(frozen=True)
class SealInfo:
    member: str
    fingerprint: str
    sealed_at: str
    content_sha256: str
    package_uuid: str
    round: int
    # the package's table digests, as verified against the seal (what a merge checks next)
    tables: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)


def seal_package(path: Path | str, key: Ed25519PrivateKey, clock=None) -> SealInfo:
    """Sign the package's content with the member's key (replacing any earlier seal)."""
    path = Path(path)
    con = connect(path, writable=True)
    try:
        info = read_info(con, path)
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM seal")
        content = content_digest(con)
        at = (clock or (lambda: datetime.now(UTC).isoformat(timespec="seconds")))()
        public = key.public_key()
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        signature = key.sign(_seal_message(info, content, at, info["member_code"]))
        con.execute("INSERT INTO seal (member_code, fingerprint, public_key, content_sha256, "
                    "sealed_at, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    (info["member_code"], fingerprint(raw), base64.b64encode(raw).decode(),
                     content, at, base64.b64encode(signature).decode()))
        con.execute("COMMIT")
    finally:
        con.close()
    return SealInfo(info["member_code"], fingerprint(raw), at, content, info["uuid"],
                    info["round"])


def verify_seal(path: Path | str, member: str, registered: str) -> SealInfo:
    """Check a returned package's seal: present, made over the content as it is now, by
    `member` — the member the master sent the package to, from its own record — with
    `registered`, the fingerprint the master holds for that member ("" when none). The package's
    own claims (its member, the key it carries) are only compared with these. ValidationError
    naming the file otherwise."""
    path = Path(path)
    con = connect(path)
    try:
        return check_seal(con, path, member, registered)
    finally:
        con.close()


def check_seal(con: sqlite3.Connection, path: Path, member: str, registered: str) -> SealInfo:
    """verify_seal on an open connection (a merge reads the seal and the rows it covers in one
    read transaction, so the file cannot change in between)."""
    try:
        info = read_info(con, path)
        try:
            row = con.execute("SELECT member_code, fingerprint, public_key, content_sha256, "
                              "sealed_at, signature FROM seal").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            raise ValidationError(f"{path.name}: gói chưa được niêm phong (parapp package seal)",
                                  f"{path.name}: the package is not sealed (parapp package seal)")
        sealed_by, print_, public_b64, content, at, signature = row
        try:
            raw = base64.b64decode(public_b64, validate=True)
            Ed25519PublicKey.from_public_bytes(raw).verify(
                base64.b64decode(signature, validate=True),
                _seal_message(info, content, at, sealed_by))
        except (ValueError, TypeError, InvalidSignature):
            raise ValidationError(f"{path.name}: chữ ký niêm phong không hợp lệ",
                                  f"{path.name}: the seal's signature is not valid") from None
        tables = table_digests(con)
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from None
    if _digest_of(tables) != content:
        raise ValidationError(f"{path.name}: nội dung gói đã bị thay đổi sau khi niêm phong",
                              f"{path.name}: the package was changed after it was sealed")
    if sealed_by != member:
        raise ValidationError(
            f"{path.name}: gói được niêm phong với tư cách thành viên {sealed_by}, nhưng Tổ thư "
            f"ký đã gửi gói này cho thành viên {member}",
            f"{path.name}: sealed as member {sealed_by}, but the secretariat sent this package "
            f"to member {member}")
    if fingerprint(raw) != print_:
        raise ValidationError(f"{path.name}: niêm phong không khớp với khóa ghi trong đó",
                              f"{path.name}: the seal does not match the key it names")
    if not registered:
        raise ValidationError(
            f"{path.name}: thành viên {member} chưa đăng ký khóa với Tổ thư ký "
            "(parapp member-key)",
            f"{path.name}: member {member} has no registered key (parapp member-key)")
    if print_ != registered:
        raise ValidationError(
            f"{path.name}: gói được niêm phong bằng khóa {print_}, không phải khóa đã đăng ký "
            f"của thành viên {member}",
            f"{path.name}: sealed with key {print_}, not the key registered for member "
            f"{member}")
    return SealInfo(member, print_, at, content, info["uuid"], info["round"], tables)


def damaged(path: Path, exc: Exception) -> ValidationError:
    return ValidationError(f"{path.name}: gói bị hỏng, không đọc được ({exc}); xin thành viên "
                           "gửi lại gói", f"{path.name}: the package is damaged and cannot be "
                           f"read ({exc}); ask the member to send it again")


# -- export -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PackageExport:
    path: Path
    member: str
    round: int
    units: int
    leaves: int
    scores: int  # rows of the member's part (the base)
    evidence: int


def export_package(store, member: str, out: Path | str, round_: int = 1,
                   clock=None, new_uuid=None) -> PackageExport:
    """Write `member`'s package for `round_` (1: appraisal, 2: second appraisal) to `out`, and
    record it in the master (`Edit.record_sent_package`): the package's id, member and round,
    the digests of every table the member may not change, and each row of the part with the
    digest of its base. A returned package is checked against that record only. The package
    file appears only together with its record."""
    from parapp.core.store import utc_now  # store imports this module
    out = Path(out)
    if round_ not in ROUND_FIELDS:
        raise ValidationError(f"Vòng thẩm định không hợp lệ: {round_} (1 hoặc 2)",
                              f"Invalid appraisal round: {round_} (1 or 2)")
    if store.package_scope() is not None:
        raise ValidationError(f"{store.path.name}: đây là một gói, không phải tệp của Tổ thư ký",
                              f"{store.path.name}: this is a package, not the master file")
    if store.readonly:
        raise ValidationError(
            f"{store.path.name}: tệp đang mở chỉ để đọc; xuất gói cần ghi lại gói đã gửi vào tệp "
            "này (để kiểm tra gói khi nhận về)",
            f"{store.path.name}: the file is open read-only; exporting a package records it in "
            "this file (to check the package when it comes back)")
    part = store.assignment(member)
    if not part.leaves:
        raise ValidationError(f"Thành viên {member} chưa được giao tiêu chí nào để thẩm định",
                              f"Member {member} has no criteria assigned")
    _check_destination(out, store.path)
    package_uuid = (new_uuid or (lambda: str(uuid_mod.uuid4())))()
    tmp = work_path(out)  # a killed export leaves a work file the next open cleans up
    try:
        try:
            fileformat.backup(store.path, tmp)
        except (OSError, sqlite3.Error) as exc:
            raise _unwritable(out.parent, exc) from None
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            sent, evidence = _make_package(con, store, part, member, round_, package_uuid,
                                           (clock or utc_now)())
            tables = table_digests(con)
        finally:
            con.close()
        replaced = False
        try:
            with store.edit(f"xuất gói: thành viên {member}, vòng {round_}") as ed:
                ed.record_sent_package(package_uuid, member, round_, out.name,
                                       frozen_digests(tables), sent)
                os.replace(tmp, out)  # last: a refused record leaves no package behind
                replaced = True
        except OSError as exc:
            raise _unwritable(out, exc) from None
        except BaseException:
            if replaced:  # the record did not commit: a package without one would be refused
                out.unlink(missing_ok=True)
            raise
    finally:
        tmp.unlink(missing_ok=True)
    return PackageExport(out, member, round_, len(part.units), len(part.leaves), len(sent),
                         evidence)


def _make_package(con: sqlite3.Connection, store, part, member: str, round_: int,
                  package_uuid: str, now: str) -> tuple[list[tuple[int, int, str]], int]:
    """Turn `con`, a copy of the master, into the member's package. Returns the part's rows as
    the master records them — (unit id, criterion id, base digest) — and the evidence count."""
    con.execute("BEGIN")
    leaf_ids = [r[0] for r in con.execute(
        f"SELECT id FROM criterion WHERE deleted = 0 AND code IN "
        f"({','.join('?' * len(part.leaves))})", sorted(part.leaves))]
    unit_ids = [r[0] for r in con.execute(
        f"SELECT id FROM unit WHERE deleted = 0 AND code IN "
        f"({','.join('?' * len(part.units))})", sorted(part.units))]
    con.execute("CREATE TEMP TABLE part AS SELECT u.id AS unit_id, c.id AS criterion_id "
                "FROM unit u, criterion c WHERE u.id IN (SELECT value FROM json_each(?)) "
                "AND c.id IN (SELECT value FROM json_each(?))",
                (json.dumps(unit_ids), json.dumps(leaf_ids)))
    # the secretariat's history and bookkeeping stay with it; scores and evidence of the
    # member's part only (what it appraises, with the units' self scores and explanations):
    # a small file to e-mail, and a small content to seal and verify
    for statement in ("DELETE FROM audit", "DELETE FROM merge_resolution",
                      "DELETE FROM merged_package", "DELETE FROM sent_row",
                      "DELETE FROM sent_package", "DELETE FROM package_info",
                      "DELETE FROM package_base", "DELETE FROM seal",
                      "DELETE FROM score WHERE (unit_id, criterion_id) NOT IN "
                      "(SELECT unit_id, criterion_id FROM part)",
                      "DELETE FROM evidence WHERE (unit_id, criterion_id) NOT IN "
                      "(SELECT unit_id, criterion_id FROM part)",
                      "DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM evidence)"):
        con.execute(statement)
    columns = [c[1] for c in con.execute("PRAGMA table_info(score)")]
    fields = [c for c in columns if c not in BASE_EXCLUDED]
    rows = con.execute(
        f"SELECT p.unit_id, p.criterion_id, u.uuid, c.uuid, s.uuid, s.version, "
        f"{', '.join('s.' + f for f in fields)} FROM part p "
        "JOIN unit u ON u.id = p.unit_id JOIN criterion c ON c.id = p.criterion_id "
        "LEFT JOIN score s ON s.unit_id = p.unit_id AND s.criterion_id = p.criterion_id "
        "ORDER BY u.id, c.id").fetchall()
    base, sent = [], []
    for unit_id, crit_id, unit_uuid, crit_uuid, score_uuid, version, *values in rows:
        text = json.dumps(dict(zip(fields, values)) if score_uuid else {}, ensure_ascii=False,
                          sort_keys=True)
        base.append((unit_uuid, crit_uuid, score_uuid, version, text))
        sent.append((unit_id, crit_id, base_digest(unit_uuid, crit_uuid, score_uuid, version,
                                                   text)))
    con.executemany("INSERT INTO package_base (unit_uuid, criterion_uuid, score_uuid, version, "
                    "fields) VALUES (?, ?, ?, ?, ?)", base)
    con.execute("INSERT INTO package_info (uuid, member_code, round, created_at, master_name) "
                "VALUES (?, ?, ?, ?, ?)", (package_uuid, member, round_, now, store.path.name))
    evidence = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
    con.execute("COMMIT")
    con.execute("VACUUM")  # what was removed leaves the file: it travels by e-mail
    return sent, evidence


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
    if not folder.is_dir():
        raise ValidationError(f"{folder}: thư mục không tồn tại; chọn thư mục khác",
                              f"{folder}: the folder does not exist; choose another folder")
    if not os.access(folder, os.W_OK) or not folder.stat().st_mode & 0o222:
        raise _unwritable(folder, None)


def _unwritable(where: Path, exc: BaseException | None) -> ValidationError:
    why = f" ({getattr(exc, 'strerror', None) or exc})" if exc is not None else ""
    return ValidationError(
        f"{where}: không ghi được vào đây{why}; chọn thư mục khác (chưa có gì được ghi)",
        f"{where}: cannot write here{why}; choose another folder (nothing was written)")
