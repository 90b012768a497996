"""Who has an assessment file open for editing: a lock file beside it, like office suites use.

`<dir>/.~lock.<name>#` holds the owner's user, host, process id and the time that process
started while a window or a writing command has the file; another opener sees it: a window
opens the file read-only with a notice, a writing command refuses. A lock of this host whose
process is gone — crashed, killed, or its pid now another process's (which started at another
time) — is stale and taken over: a crash never leaves a file read-only. A lock of another host
(a shared folder) cannot be checked from here and is respected. The lock is removed on close,
so a closed file stays a single self-contained file. Processes are looked up through psutil,
the same way on Windows and Linux (`files.alive`).
"""
from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

import psutil

from parapp.core.errors import FileFormatError, ParappError
from parapp.core.files import alive, work_path
from parapp.core.i18n import pick


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    started: float | None = None  # psutil's create_time; None: a lock from before it was kept

    def describe(self) -> str:
        return f"{self.user} trên máy {self.host}"

    def to_json(self) -> bytes:
        return json.dumps({"user": self.user, "host": self.host, "pid": self.pid,
                           "started": self.started}).encode()


def lock_path(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return LockOwner(user, socket.gethostname(), os.getpid(), psutil.Process().create_time())


def _parse(raw: bytes) -> LockOwner | None:
    try:
        data = json.loads(raw)
        started = data.get("started")
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]),
                         None if started is None else float(started))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _read(path: Path) -> bytes | None:
    try:
        return lock_path(path).read_bytes()
    except OSError:
        return None


def read_owner(path: Path) -> LockOwner | None:
    raw = _read(path)
    return None if raw is None else _parse(raw)


def _stale(owner: LockOwner | None) -> bool:
    """Whether a lock can be taken over: unreadable, or of a process of this host that is gone.
    Another host's is never stale: from here, its process cannot be looked up."""
    return owner is None or (owner.host == socket.gethostname()
                             and not alive(owner.pid, owner.started))


def _mine(owner: LockOwner | None, me: LockOwner) -> bool:
    return owner is not None and (owner.host, owner.pid) == (me.host, me.pid) and (
        owner.started is None or alive(owner.pid, owner.started))


def holder(path: Path) -> LockOwner | None:
    """Who else holds `path`'s lock now: None when nobody, this process, or a process of this
    host that is gone."""
    owner = read_owner(path)
    return None if _stale(owner) or _mine(owner, _me()) else owner


def _create(file: Path, content: bytes) -> bool:
    """Create `file` holding `content` unless it exists (then False). Written aside and linked
    into place, so nobody ever reads a lock half written; where the file system has no hard
    links (FAT), created exclusively and then written."""
    tmp = work_path(file)
    try:
        tmp.write_bytes(content)
        try:
            os.link(tmp, file)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass
    finally:
        tmp.unlink(missing_ok=True)
    try:
        fd = os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as f:
        f.write(content)
    return True


def check_new_file(path: Path, overwrite: bool, force: str = "") -> None:
    """Before a new file is made at `path` (a period, the demo): refused when one is there and
    `overwrite` was not asked (`force`: the option that asks it, named in the message), and
    when a parapp has it open for editing, asked or not (`refuse_replacing`)."""
    if path.exists() and not overwrite:
        how_vi, how_en = ((f"dùng {force} để ghi đè", f"use {force} to overwrite") if force
                          else ("chọn tên khác", "choose another name"))
        raise FileFormatError(f"{path}: tệp đã tồn tại; {how_vi}",
                              f"{path}: the file already exists; {how_en}")
    refuse_replacing(path)


def refuse_replacing(path: Path) -> None:
    """Refuse to put a new file in `path`'s place while a parapp has it open for editing, this
    one included: its writes would go on into the file replaced, lost (Linux), or the replace
    would be refused half way (Windows)."""
    owner = read_owner(path)
    if owner is not None and not _stale(owner):
        who, who_en = owner.describe(), f"{owner.user} on {owner.host}"
        raise ParappError(f"{path}: tệp đang được {who} mở để chỉnh sửa, không ghi đè được; hãy "
                          "đóng tệp đó rồi thử lại, hoặc chọn tên khác",
                          f"{path}: the file is open for editing by {who_en} and cannot be "
                          "replaced; close it and try again, or choose another name")


class FileLock:
    """Acquire with `FileLock.acquire(path)`: returns the lock, or raises Locked(owner)."""

    def __init__(self, path: Path, owned: bool = True):
        self.path = Path(path)
        self.file = lock_path(self.path)
        self.owned = owned  # False: this process held it already; the first holder releases

    @classmethod
    def acquire(cls, path: Path | str) -> FileLock:
        lock = cls(Path(path))
        me = _me()
        for _ in range(3):
            if _create(lock.file, me.to_json()):
                return lock
            raw = _read(lock.path)
            if raw is None:
                continue  # released meanwhile
            owner = _parse(raw)
            if _mine(owner, me):
                return cls(lock.path, owned=False)
            if not _stale(owner):
                raise Locked(lock.path, owner)
            if _read(lock.path) == raw:  # still the stale one, not a lock taken meanwhile
                lock.file.unlink(missing_ok=True)
        raise Locked(lock.path, read_owner(lock.path))

    def release(self) -> None:
        if self.owned and _mine(read_owner(self.path), _me()):
            self.file.unlink(missing_ok=True)


class NotWritable(ParappError):
    """The file can be read but not written from here; `reason` says why in a few words."""

    def __init__(self, vi: str, en: str, reason_vi: str, reason_en: str):
        super().__init__(vi, en)
        self.reason_vi, self.reason_en = reason_vi, reason_en

    @property
    def reason(self) -> str:
        return pick(self.reason_vi, self.reason_en)


class Locked(NotWritable):
    def __init__(self, path: Path, owner: LockOwner | None):
        self.path, self.owner = path, owner
        who = owner.describe() if owner else "một cửa sổ parapp khác"
        who_en = f"{owner.user} on {owner.host}" if owner else "another parapp window"
        super().__init__(f"{path.name} đang được {who} mở để chỉnh sửa",
                         f"{path.name} is open for editing by {who_en}", who, who_en)
