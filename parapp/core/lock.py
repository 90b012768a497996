"""Who has an assessment file open for editing: a lock file beside it, like office suites use.

`<dir>/.~lock.<name>#` holds the owner's user, host and process id while a window or a writing
command has the file; another opener sees it: a window opens the file read-only with a notice, a
writing command refuses. A lock left by a crashed process on the same host (its pid is gone) is
taken over. The lock is removed on close, so a closed file stays a single self-contained file.
"""
from __future__ import annotations

import getpass
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ParappError
from parapp.core.i18n import pick


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int

    def describe(self) -> str:
        return f"{self.user} trên máy {self.host}"


def lock_path(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def this_host() -> str:
    """The host name as it goes into file names (letters, digits, '.', '-' only)."""
    return re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "host"


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return LockOwner(user, socket.gethostname(), os.getpid())


def alive(pid: int) -> bool:
    """Whether process `pid` of this host still runs (when unsure: yes)."""
    if os.name == "nt":  # os.kill(pid, 0) would terminate it there
        import ctypes
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) \
                or code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def read_owner(path: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def holder(path: Path) -> LockOwner | None:
    """Who else holds `path`'s lock now: None when nobody, this process, or a crashed process
    of this host."""
    owner = read_owner(path)
    if owner is None or owner.host != socket.gethostname():
        return owner
    return owner if owner.pid != os.getpid() and alive(owner.pid) else None


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
        for _ in range(2):
            try:
                fd = os.open(lock.file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = read_owner(lock.path)
                if owner is not None and owner.host == me.host and owner.pid == me.pid:
                    return cls(lock.path, owned=False)
                if owner is not None and holder(lock.path) is not None:
                    raise Locked(lock.path, owner) from None
                lock.file.unlink(missing_ok=True)  # a crashed owner: take it over
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"user": me.user, "host": me.host, "pid": me.pid}, f)
            return lock
        raise Locked(lock.path, read_owner(lock.path))

    def release(self) -> None:
        owner = read_owner(self.path)
        if self.owned and owner is not None and owner.pid == os.getpid() \
                and owner.host == socket.gethostname():
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
