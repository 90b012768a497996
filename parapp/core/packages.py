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
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from parapp.core import fileformat
from parapp.core.errors import ParappError, ValidationError
from parapp.core.models import Base

SEAL_CONTEXT = b"parapp package seal v1\n"
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

def _tables() -> list[str]:
    return sorted(t.name for t in Base.metadata.sorted_tables if t.name != "seal")


def content_digest(con: sqlite3.Connection) -> str:
    """SHA-256 of every row of every table but the seal, in a fixed order: what a seal covers.
    Free pages and the page layout are not content: a VACUUM keeps the digest."""
    digest = hashlib.sha256()
    for table in _tables():
        digest.update(f"\x00{table}\x00".encode())
        if table == "blob":  # large bytes: hashed as they are, after their key and size
            for key, size, data in con.execute("SELECT sha256, size, data FROM blob "
                                               "ORDER BY rowid"):
                digest.update(f"{key}|{size}|".encode())
                digest.update(data)
            continue
        # each row as SQL literals (quote()), built by SQLite itself: fast, and exact for the
        # text, integers and NULLs parapp stores
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        row = " || ',' || ".join(f'quote("{c}")' for c in columns)
        for (chunk,) in con.execute(
                f"SELECT group_concat(r, char(10)) FROM (SELECT {row} AS r FROM \"{table}\" "
                "ORDER BY rowid) GROUP BY 1 = 1"):
            digest.update(chunk.encode())
    return digest.hexdigest()


def _seal_message(info: dict, content: str, sealed_at: str, member: str) -> bytes:
    return SEAL_CONTEXT + json.dumps(
        {"package": info["uuid"], "member": member, "content": content, "at": sealed_at},
        sort_keys=True).encode()


def _read_info(con: sqlite3.Connection, path: Path) -> dict:
    row = con.execute("SELECT uuid, member_code, round, created_at, master_name "
                      "FROM package_info").fetchone()
    if row is None:
        raise ValidationError(f"{path.name}: không phải gói chấm điểm của thành viên Hội đồng",
                              f"{path.name}: not a council member's package")
    return dict(zip(("uuid", "member_code", "round", "created_at", "master_name"), row))


def _connect(path: Path, writable: bool = False) -> sqlite3.Connection:
    fileformat.inspect(path)  # missing, truncated, corrupted, foreign, newer: one-line refusal
    mode = "rw" if writable else "ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True,
                           isolation_level=None)


@dataclass(frozen=True)
class SealInfo:
    member: str
    fingerprint: str
    sealed_at: str
    content_sha256: str
    package_uuid: str
    round: int


def seal_package(path: Path | str, key: Ed25519PrivateKey, clock=None) -> SealInfo:
    """Sign the package's content with the member's key (replacing any earlier seal)."""
    path = Path(path)
    if fileformat.inspect(path) < fileformat.SCHEMA_VERSION:
        raise ValidationError(f"{path.name}: hãy mở gói bằng parapp một lần trước khi niêm phong",
                              f"{path.name}: open the package in parapp once before sealing")
    con = _connect(path, writable=True)
    try:
        info = _read_info(con, path)
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM seal")
        content = content_digest(con)
        at = (clock or (lambda: datetime.now(timezone.utc).isoformat(timespec="seconds")))()
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


def verify_seal(path: Path | str, registered: dict[str, str]) -> SealInfo:
    """Check a returned package: sealed, content intact, signature valid, sealed by the key
    registered for its member (`registered`: member code → fingerprint). ValidationError
    naming the file otherwise."""
    path = Path(path)
    con = _connect(path)
    try:
        info = _read_info(con, path)
        row = con.execute("SELECT member_code, fingerprint, public_key, content_sha256, "
                          "sealed_at, signature FROM seal").fetchone()
        if row is None:
            raise ValidationError(f"{path.name}: gói chưa được niêm phong (parapp package seal)",
                                  f"{path.name}: the package is not sealed (parapp package seal)")
        member, print_, public_b64, content, at, signature = row
        member_of_package = info["member_code"]
        try:
            raw = base64.b64decode(public_b64, validate=True)
            public = Ed25519PublicKey.from_public_bytes(raw)
            public.verify(base64.b64decode(signature, validate=True),
                          _seal_message(info, content, at, member))
        except (ValueError, InvalidSignature):
            raise ValidationError(f"{path.name}: chữ ký niêm phong không hợp lệ",
                                  f"{path.name}: the seal's signature is not valid") from None
        if content_digest(con) != content:
            raise ValidationError(f"{path.name}: nội dung gói đã bị thay đổi sau khi niêm phong",
                                  f"{path.name}: the package was changed after it was sealed")
    finally:
        con.close()
    expected = registered.get(member_of_package, "")
    if member != member_of_package or fingerprint(raw) != print_:
        raise ValidationError(f"{path.name}: niêm phong không khớp với gói",
                              f"{path.name}: the seal does not match the package")
    if not expected:
        raise ValidationError(
            f"{path.name}: thành viên {member_of_package} chưa đăng ký khóa với Tổ thư ký "
            "(parapp member-key)",
            f"{path.name}: member {member_of_package} has no registered key (parapp member-key)")
    if print_ != expected:
        raise ValidationError(
            f"{path.name}: gói được niêm phong bằng khóa {print_}, không phải khóa đã đăng ký "
            f"của thành viên {member_of_package}",
            f"{path.name}: sealed with key {print_}, not the key registered for member "
            f"{member_of_package}")
    return SealInfo(member, print_, at, content, info["uuid"], info["round"])


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
    """Write `member`'s package for `round_` (1: appraisal, 2: second appraisal) to `out`."""
    from parapp.core.store import utc_now  # store imports this module
    out = Path(out)
    if round_ not in ROUND_FIELDS:
        raise ValidationError(f"Vòng thẩm định không hợp lệ: {round_} (1 hoặc 2)",
                              f"Invalid appraisal round: {round_} (1 or 2)")
    if store.package_scope() is not None:
        raise ValidationError(f"{store.path.name}: đây là một gói, không phải tệp của Tổ thư ký",
                              f"{store.path.name}: this is a package, not the master file")
    part = store.assignment(member)
    if not part.leaves:
        raise ValidationError(f"Thành viên {member} chưa được giao tiêu chí nào để thẩm định",
                              f"Member {member} has no criteria assigned")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    fileformat.backup(store.path, tmp)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("BEGIN")
            leaf_ids = [r[0] for r in con.execute(
                f"SELECT id FROM criterion WHERE code IN ({','.join('?' * len(part.leaves))})",
                sorted(part.leaves))]
            unit_ids = [r[0] for r in con.execute(
                f"SELECT id FROM unit WHERE deleted = 0 AND code IN "
                f"({','.join('?' * len(part.units))})", sorted(part.units))]
            con.execute("CREATE TEMP TABLE part AS SELECT u.id AS unit_id, c.id AS criterion_id "
                        "FROM unit u, criterion c WHERE u.id IN (SELECT value FROM json_each(?)) "
                        "AND c.id IN (SELECT value FROM json_each(?))",
                        (json.dumps(unit_ids), json.dumps(leaf_ids)))
            # the secretariat's history and bookkeeping stay with it; scores and evidence of
            # the member's part only (what it appraises, with the units' self scores and
            # explanations): a small file to e-mail, and a small content to seal and verify
            for statement in ("DELETE FROM audit", "DELETE FROM merge_resolution",
                              "DELETE FROM merged_package", "DELETE FROM package_info",
                              "DELETE FROM package_base", "DELETE FROM seal",
                              "DELETE FROM score WHERE (unit_id, criterion_id) NOT IN "
                              "(SELECT unit_id, criterion_id FROM part)",
                              "DELETE FROM evidence WHERE (unit_id, criterion_id) NOT IN "
                              "(SELECT unit_id, criterion_id FROM part)",
                              "DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM evidence)"):
                con.execute(statement)
            columns = [c[1] for c in con.execute("PRAGMA table_info(score)")]
            fields = [c for c in columns if c not in (
                "id", "uuid", "version", "created_at", "updated_at", "author", "unit_id",
                "criterion_id")]
            rows = con.execute(
                f"SELECT u.uuid, c.uuid, s.uuid, s.version, "
                f"{', '.join('s.' + f for f in fields)} FROM part p "
                "JOIN unit u ON u.id = p.unit_id JOIN criterion c ON c.id = p.criterion_id "
                "LEFT JOIN score s ON s.unit_id = p.unit_id AND s.criterion_id = p.criterion_id "
                "ORDER BY u.id, c.id").fetchall()
            con.executemany(
                "INSERT INTO package_base (unit_uuid, criterion_uuid, score_uuid, version, "
                "fields) VALUES (?, ?, ?, ?, ?)",
                [(r[0], r[1], r[2], r[3],
                  json.dumps(dict(zip(fields, r[4:])) if r[2] else {}, ensure_ascii=False,
                             sort_keys=True)) for r in rows])
            now = (clock or utc_now)()
            con.execute("INSERT INTO package_info (uuid, member_code, round, created_at, "
                        "master_name) VALUES (?, ?, ?, ?, ?)",
                        ((new_uuid or (lambda: str(uuid_mod.uuid4())))(), member, round_, now,
                         store.path.name))
            evidence = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
            con.execute("COMMIT")
            con.execute("VACUUM")  # what was removed leaves the file: it travels by e-mail
        finally:
            con.close()
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return PackageExport(out, member, round_, len(part.units), len(part.leaves), len(rows),
                         evidence)
