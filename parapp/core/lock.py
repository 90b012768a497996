"""Who has an assessment file open for editing: a lock file beside it, like office suites use.

`<dir>/.~lock.<name>#` holds the owner's user, host and process id while a window edits the
file; a second window sees it and opens the file read-only with a notice. A lock left by a
crashed process on the same host (its pid is gone) is taken over. The lock is removed on close,
so a closed file stays a single self-contained file.
"""
from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from parapp.core.errors import ParappError


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int

    def describe(self) -> str:
        return f"{self.user} trên máy {self.host}"


def lock_path(path: Path) -> Path:
    return path.with_name(f".~lock.{path.name}#")


def _me() -> LockOwner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return LockOwner(user, socket.gethostname(), os.getpid())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_owner(path: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FileLock:
    """Acquire with `FileLock.acquire(path)`: returns the lock, or raises Locked(owner)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.file = lock_path(self.path)

    @classmethod
    def acquire(cls, path: Path | str) -> FileLock:
        lock = cls(Path(path))
        me = _me()
        for _ in range(2):
            try:
                fd = os.open(lock.file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                owner = read_owner(lock.path)
                stale = owner is None or (owner.host == me.host and not _alive(owner.pid))
                if owner is not None and owner.host == me.host and owner.pid == me.pid:
                    return lock  # this process already holds it
                if not stale:
                    raise Locked(lock.path, owner) from None
                lock.file.unlink(missing_ok=True)  # a crashed owner: take it over
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"user": me.user, "host": me.host, "pid": me.pid}, f)
            return lock
        raise Locked(lock.path, read_owner(lock.path))

    def release(self) -> None:
        owner = read_owner(self.path)
        if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
            self.file.unlink(missing_ok=True)


class Locked(ParappError):
    def __init__(self, path: Path, owner: LockOwner | None):
        self.path, self.owner = path, owner
        who = owner.describe() if owner else "một cửa sổ parapp khác"
        who_en = f"{owner.user} on {owner.host}" if owner else "another parapp window"
        super().__init__(f"{path.name} đang được {who} mở để chỉnh sửa",
                         f"{path.name} is open for editing by {who_en}")
