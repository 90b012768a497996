"""The assessment file on disk: identification, integrity checks, backups, schema upgrades.

A parapp file is an SQLite database with `PRAGMA application_id` = APPLICATION_ID and
`PRAGMA user_version` = its schema version, in rollback-journal mode so that a closed file is
one self-contained file (no -wal sidecar) that is safe to copy or e-mail.

Opening never modifies a file that is refused: the header is read as bytes, then SQLite checks
it through a read-only connection. An older file is upgraded only after a backup, in one
transaction.
"""
from __future__ import annotations

import sqlite3
import struct
import time
from collections.abc import Callable
from pathlib import Path, PurePath

from parapp.core.errors import FileDamaged, FileFormatError, ParappError
from parapp.core.files import discard, put_in_place, work_path
from parapp.core.migrations import MIGRATIONS

APPLICATION_ID = 0x50415241  # "PARA"
SCHEMA_VERSION = 7
_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0  # how long to wait for another program's write to finish



def _err(path: Path, vi: str, en: str) -> FileFormatError:
    return FileFormatError(f"{path}: {vi}", f"{path}: {en}")


def holds_parapp_data(path: Path) -> bool:
    """Whether `path` is a parapp file (a period or a package), by its header alone: what an
    export, a report or a copy must never be written over."""
    try:
        return read_header(path)["application_id"] == APPLICATION_ID
    except FileFormatError:
        return False


def read_header(path: Path) -> dict[str, int]:
    """The fields of the 100-byte SQLite header that matter here; raises FileFormatError."""
    if not path.exists():
        raise _err(path, "không tìm thấy tệp", "file not found")
    if path.is_dir():
        raise _err(path, "đây là thư mục, không phải tệp", "is a folder, not a file")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise _err(path, f"không đọc được tệp ({exc.strerror})",
                   f"cannot read the file ({exc.strerror})") from None
    if not head:
        raise _err(path, "tệp rỗng", "the file is empty")
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        raise _err(path, "không phải tệp dữ liệu parapp (không phải cơ sở dữ liệu SQLite)",
                   "not a parapp file (not an SQLite database)")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    user_version, = struct.unpack(">I", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    return {"page_size": page_size, "pages": pages if valid_for == change_counter else 0,
            "user_version": user_version, "application_id": app_id}


def inspect(path: Path | str, whole: bool = False, pages: bool = True) -> int:
    """Check that `path` is a usable parapp file and return its schema version.

    Raises FileFormatError with a message naming the file for: a missing or empty file, a
    non-SQLite file, an SQLite file that is not parapp's, a file from a newer parapp, and a
    truncated or corrupted file (reading every page: `pages` False leaves that to the caller,
    through `check_pages`). Never writes to the file.
    """
    path = Path(path)
    header = read_header(path)
    size = path.stat().st_size
    if header["page_size"] < 512 or size % header["page_size"] or (
            header["pages"] and size < header["pages"] * header["page_size"]):
        raise _err(path, "tệp bị cắt cụt (không đầy đủ), có thể do sao chép hoặc tải về bị lỗi",
                   "the file is truncated (incomplete), perhaps from a failed copy or download")
    if header["application_id"] != APPLICATION_ID:
        raise _err(path, "là cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu parapp",
                   "is an SQLite database but not a parapp file")
    version = header["user_version"]
    if version > SCHEMA_VERSION:
        raise _err(path, f"được tạo bởi phiên bản parapp mới hơn (lược đồ {version}, phiên bản "
                         f"này đọc được đến {SCHEMA_VERSION}); hãy cập nhật parapp",
                   f"was made by a newer parapp (schema {version}; this version reads up to "
                   f"{SCHEMA_VERSION}); please update parapp")
    if version < 1:
        raise _err(path, "tệp chưa được khởi tạo đầy đủ", "the file was never fully created")
    if pages:
        check_pages(path, whole)
    return version


def hot_journal(path: Path) -> bool:
    """Whether a crash mid-write left a journal that a read-write open must roll back."""
    journal = Path(str(path) + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def corrupted(path: Path, detail: object) -> FileDamaged:
    """A file SQLite cannot read whole: say so, and what to do (`detail` kept whole in the
    error, shown as its first finding)."""
    shown = first_finding(detail)
    return FileDamaged(
        f"{path}: tệp bị hỏng và không đọc được ({shown}); hãy dùng bản sao lưu gần nhất (tệp "
        ".bak cạnh tệp, hoặc bản đã gửi đi) — không ghi gì thêm vào tệp này",
        f"{path}: the file is corrupted and cannot be read ({shown}); use the latest backup "
        "(a .bak file beside it, or a copy sent to someone) — write nothing more to it",
        str(detail))


def first_finding(detail: object, limit: int = 160) -> str:
    """SQLite's account of a damaged file on one line: its first finding, without the
    '*** in database main ***' heading, cut at `limit` characters; '…' when more followed.
    A message is one line, not SQLite's page-by-page report."""
    lines = [line.strip() for line in str(detail).splitlines()
             if line.strip() and not line.strip().startswith("***")]
    first = lines[0] if lines else str(detail).strip()
    more = len(lines) > 1 or len(first) > limit
    return first[:limit] + (" …" if more else "")


# the evidence bytes: tens of gigabytes in a real province. Opening checks every other table;
# each file's bytes are checked against their SHA-256 when they are read (Store.evidence_bytes)
# and by `parapp check`
UNCHECKED_ON_OPEN = ("blob",)


def sqlite_uri(path: Path | str) -> str:
    """The file as an SQLite URI (file:…, to which "?mode=ro" etc. are added): percent-encoded,
    so that a space, '#', '?' or a Vietnamese letter in a folder's name stays part of the name."""
    return uri_of(Path(path).resolve())


def uri_of(path: PurePath) -> str:
    """`path` (absolute) as a URI SQLite takes. It refuses a URI with a host ("invalid uri
    authority"), yet as_uri() writes a Windows share \\\\server\\share\\x — and a mapped drive
    once resolved — as file://server/share/x: the share goes in the path, file:////server/…"""
    uri = path.as_uri()
    return uri if uri.startswith("file:///") else "file:////" + uri.removeprefix("file://")


def check_pages(path: Path, whole: bool = False) -> None:
    """SQLite's quick_check of every table (and index) but the evidence bytes', or of the
    whole file with `whole`: corruption found is refused, naming the file."""
    # Only a read-write open rolls a hot journal back to the last committed state, so use one
    # then (it restores, it does not change committed data).
    mode = "rw" if hot_journal(path) else "ro"
    try:
        con = sqlite3.connect(f"{sqlite_uri(path)}?mode={mode}", uri=True,
                              timeout=BUSY_TIMEOUT_S)
        try:
            if whole:
                result = con.execute("PRAGMA quick_check").fetchall()
            else:
                result = [("ok",)]
                tables = [t for (t,) in con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                    if t not in UNCHECKED_ON_OPEN]
                for table in tables:
                    found = con.execute(f'PRAGMA quick_check("{table}")').fetchall()
                    if found != [("ok",)]:
                        result = found
                        break
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):  # being written, not damaged
            raise _err(path, "tệp đang được một chương trình khác ghi; hãy thử lại sau",
                       "the file is being written by another program; try again later") from None
        if "unable to open" in str(exc):  # not damaged: SQLite could not open it at all
            if mode == "rw":
                raise _err(path, "lần ghi trước bị ngắt giữa chừng và chỉ khôi phục được khi "
                                 "ghi được vào thư mục của tệp (tệp nhật ký -journal bên cạnh); "
                                 "hãy chép tệp cùng tệp -journal vào một thư mục ghi được rồi mở",
                           "the last write was interrupted and can only be rolled back where "
                           "the file's folder is writable (the -journal file beside it); copy "
                           "both to a writable folder and open the copy") from None
            raise _err(path, f"không mở được tệp ({exc})",
                       f"cannot open the file ({exc})") from None
        raise corrupted(path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise corrupted(path, exc) from None
    except UnicodeDecodeError as exc:  # SQLite's message quoting a name damaged past UTF-8
        raise corrupted(path, _undecoded(exc)) from None
    if result != [("ok",)]:
        raise corrupted(path, result[0][0])


def _undecoded(exc: UnicodeDecodeError) -> str:
    """The text of an SQLite error that Python's sqlite3 could not decode (it raises this in
    its place): a damaged schema's name in "malformed database schema (…)"."""
    raw = exc.object
    return bytes(raw).decode("utf-8", "replace") if isinstance(raw, (bytes, bytearray)) \
        else str(exc)


def backup(src: Path | str, dest: Path | str) -> Path:
    """A consistent copy through SQLite's backup API, written to a temporary name then renamed."""
    src, dest = Path(src), Path(dest)
    tmp = work_path(dest)
    try:
        source = sqlite3.connect(f"{sqlite_uri(src)}?mode=ro", uri=True)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        put_in_place(tmp, dest)
    finally:
        discard(tmp)
    return dest


def upgrade(path: Path | str, version: int, keep_backup: bool = True,
            check: Callable[[sqlite3.Connection], None] | None = None) -> Path | None:
    """Bring a file from `version` to SCHEMA_VERSION; returns the backup taken, if any. `check`
    runs on the upgraded file inside the upgrade's transaction: a ParappError from it rolls the
    upgrade back (and drops the backup, which is then the file as it is)."""
    path = Path(path)
    if version >= SCHEMA_VERSION:
        return None
    stamp = time.strftime("%Y%m%d-%H%M%S")
    taken = backup(path, path.with_name(f"{path.name}.v{version}-{stamp}.bak"))
    saved: Path | None = taken
    if not keep_backup:  # upgrading a private temporary copy
        taken.unlink()
        saved = None
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        try:
            for v in range(version, SCHEMA_VERSION):
                MIGRATIONS[v](con)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if check is not None:
                check(con)
            con.execute("COMMIT")
        except ParappError:
            con.execute("ROLLBACK")
            if saved is not None:
                saved.unlink()
            raise
        except Exception as exc:
            con.execute("ROLLBACK")
            kept = saved.name if saved else "—"
            raise _err(path, f"không nâng cấp được tệp ({exc}); tệp không bị thay đổi, "
                             f"bản sao lưu: {kept}",
                       f"could not upgrade the file ({exc}); it was not changed, "
                       f"backup: {kept}") from None
    finally:
        con.close()
    return saved


def stamp(con: sqlite3.Connection) -> None:
    """Mark a freshly created database as a parapp file of the current schema."""
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
