"""Files beside the user's files: output written whole or not at all, and work files whose
leftovers (a run killed mid-way) are recognised and cleaned up the next time the folder is used.

Every temporary parapp writes beside a target is named by `work_path`:
`.<target name>.<pid>@<host>.<random>.parapp-tmp` — hidden, unmistakably parapp's, and carrying its
owner, so that `clean_leftovers` can remove those of processes of this host that are gone and
only report the ones it cannot be sure of (another machine's, on a shared folder).
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

import psutil

from parapp.core.errors import ParappError
from parapp.core.i18n import count, pick

_SUFFIX = ".parapp-tmp"
_WINDOWS = sys.platform == "win32"
# the target's name is greedy: the owner is the last "<pid>@<host>.<random>" before the suffix;
# "-journal" is SQLite's rollback journal of a work file that is a database
_WORK = re.compile(r"^\.(?P<target>.+)\.(?P<pid>[0-9]+)@(?P<host>[A-Za-z0-9.-]+)\.[0-9a-f]{8}"
                   + re.escape(_SUFFIX) + r"(?:-journal)?$")
_STALE_AFTER_S = 24 * 3600  # a work file of a live process unchanged this long: report it
# psutil's start time of a process, on Linux boot time + ticks, can differ by up to a second
# from one reading to the next; a pid reused within a second of its owner's start is not a case
_SAME_START_S = 1.0


def this_host() -> str:
    """The host name as it goes into file names (letters, digits, '.', '-' only)."""
    return re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname()) or "host"


def alive(pid: int, started: float | None = None) -> bool:
    """Whether process `pid` of this host still runs and, given the time it `started`
    (psutil's create_time), is still that process and not a later one that got its pid.
    When that cannot be told (another user's process on Windows): yes."""
    if pid <= 0:  # 0 is the kernel's, negatives are process groups: never a parapp
        return False
    try:
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:  # ended, its parent has not yet looked
            return False
        return started is None or abs(process.create_time() - started) < _SAME_START_S
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True
    except (OverflowError, ValueError):  # no process can have that pid
        return False


def work_path(target: Path | str) -> Path:
    """A new, unused name for a work file beside `target` (not created). Write there, then
    `os.replace` it onto the target, and remove it on failure; if the process is killed first,
    `clean_leftovers` finds it."""
    target = Path(target)
    name = target.name.encode()[:120].decode(errors="ignore")  # file names stay < 255 bytes
    return target.with_name(f".{name}.{os.getpid()}@{this_host()}.{secrets.token_hex(4)}"
                            f"{_SUFFIX}")


@dataclass(frozen=True)
class Leftovers:
    """What `clean_leftovers` found in a folder: names removed, and names left for the user."""

    folder: Path
    removed: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()

    def message(self) -> str | None:
        """One line for the user, or None when there was nothing."""
        parts_vi, parts_en = [], []
        if self.removed:
            parts_vi.append(f"đã xóa {len(self.removed)} tệp tạm do parapp bỏ lại khi bị dừng "
                            f"giữa chừng ({_names(self.removed)})")
            parts_en.append(f"removed {count(len(self.removed), 'temporary file')} left by an "
                            f"interrupted parapp ({_names(self.removed)})")
        if self.unsure:
            parts_vi.append(f"còn {len(self.unsure)} tệp tạm của parapp trên máy khác hoặc đã "
                            f"lâu không đổi ({_names(self.unsure)}); nếu không còn parapp nào "
                            "đang chạy với thư mục này, có thể xóa chúng")
            parts_en.append(f"{count(len(self.unsure), 'temporary file')} of parapp on another machine "
                            f"or unchanged for long ({_names(self.unsure)}); if no parapp is "
                            "running with this folder, they can be deleted")
        if not parts_vi:
            return None
        return pick(f"{self.folder}: {'; '.join(parts_vi)}", f"{self.folder}: "
                    f"{'; '.join(parts_en)}")


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")


def clean_leftovers(folder: Path | str) -> Leftovers:
    """Remove the work files (see `work_path`) in `folder` whose process is certainly gone — of
    this host, its pid no longer running — and list those it cannot be sure of: another host's
    (a shared folder), or a live pid's left unchanged for a day (the pid may have been reused).
    Nothing that is not named like a parapp work file is touched."""
    folder = Path(folder)
    removed, unsure = [], []
    host, now = this_host(), time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return Leftovers(folder)
    for entry in sorted(entries, key=lambda e: e.name):
        match = _WORK.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        pid = int(match["pid"])
        if match["host"] != host:
            unsure.append(entry.name)
        elif pid == os.getpid():
            continue  # this process's own, in use
        elif not alive(pid):
            try:
                os.unlink(entry.path)
                removed.append(entry.name)
            except FileNotFoundError:
                continue  # its owner or another opener removed it meanwhile
            except OSError:
                unsure.append(entry.name)
        elif _age(entry, now) > _STALE_AFTER_S:
            unsure.append(entry.name)
    return Leftovers(folder, tuple(removed), tuple(unsure))


def _age(entry: os.DirEntry, now: float) -> float:
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return 0.0


# Windows: a virus scanner, the search indexer or a sync client (OneDrive) opens a file just
# written for a moment, and a replace meanwhile is refused; tried again over about a second
_REPLACE_RETRIES_S = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25)


def put_in_place(tmp: Path | str, out: Path | str) -> None:
    """`tmp` takes `out`'s place in one step (os.replace): readers see the old file or the new
    one. Where Windows refuses it (PermissionError), tried again for about a second before the
    error is raised."""
    for wait in _REPLACE_RETRIES_S if _WINDOWS else ():
        try:
            os.replace(tmp, out)
            return
        except PermissionError:
            time.sleep(wait)
    os.replace(tmp, out)


def writable_folder(folder: Path) -> bool:
    """Whether files can be created in `folder`, as far as can be told without writing one. On
    Windows a folder's read-only attribute only tells Explorer to read its desktop.ini
    (Documents, Desktop and Downloads carry it) and writing there works; elsewhere a folder
    without write bits is refused even to root, for whom os.access says yes."""
    return os.access(folder, os.W_OK) and (_WINDOWS or bool(folder.stat().st_mode & 0o222))


def mark_from_elsewhere(path: Path | str) -> None:
    """On Windows, mark `path` as come from the Internet zone, the Mark of the Web a browser
    puts on a download: evidence comes from the units, and Office opens a marked document in
    Protected View with its macros blocked, SmartScreen asks before a marked program runs. Kept
    with the file when it is renamed; elsewhere, or on a drive without alternate streams (FAT,
    exFAT), nothing."""
    if _WINDOWS:
        with suppress(OSError), open(f"{path}:Zone.Identifier", "wb") as stream:
            stream.write(b"[ZoneTransfer]\r\nZoneId=3\r\n")


def private_temp_dir(kind: str) -> Path:
    """A new private folder (mode 0700) in the system's temporary folder, named for this
    process: `parapp-<kind>-<pid>-<random>`. Those of earlier processes of this machine that
    are gone are removed first: a crash or a kill skips the clean-up at exit, and Windows keeps
    the files a viewer still had open when parapp closed."""
    prefix = f"parapp-{kind}-"
    with suppress(OSError):
        for entry in os.scandir(tempfile.gettempdir()):
            pid = entry.name.removeprefix(prefix).partition("-")[0]
            if entry.name.startswith(prefix) and pid.isdigit() and not alive(int(pid)) \
                    and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))


def on_a_share(path: Path | str) -> bool:
    """Whether `path` is on a network share (\\\\server\\share\\…, or a drive letter Windows
    maps to one, connected or not): asking whether it exists waits for the network, for as long
    as the system's timeout when the share is out of reach (a laptop away from the office). Not
    on the GUI thread."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    drive = PureWindowsPath(text).drive
    return sys.platform == "win32" and len(drive) == 2 and _drive_type(drive) in _NOT_LOCAL


_NOT_LOCAL = {1, 4}  # GetDriveTypeW: DRIVE_NO_ROOT_DIR (a mapping gone), DRIVE_REMOTE


def _drive_type(drive: str) -> int:
    """What Windows says a drive letter is, from its own table: no network is asked."""
    import ctypes
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]


def same_spelling(a: Path | str, b: Path | str) -> bool:
    """Whether two paths name the same file as written — absolute, and without case where the
    system ignores it — without asking the disk (a share out of reach would make it wait)."""
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def discard(tmp: Path | str) -> None:
    """Remove a work file if it is there. One Windows still holds open (a scanner) stays, and
    the error being raised, the one that says what went wrong, is not replaced by this one:
    `clean_leftovers` removes it the next time the folder is used."""
    with suppress(OSError):
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def replacing(out: Path | str) -> Iterator[Path]:
    """A temporary path beside `out` to write to. When the block ends, the data is flushed to
    disk and the temporary file takes `out`'s place in one step, so readers see the old file or
    the new one, never a part. On any failure it is removed and `out` stays as it was; an
    OSError becomes a ParappError naming `out`."""
    out = Path(out)
    if out.exists() and not out.is_file():  # a device (/dev/null), a pipe, a folder: renaming
        raise ParappError(f"{out}: không phải một tệp thường; chọn tên tệp khác",  # over it
                          f"{out}: not a regular file; choose another file name")  # replaces it
    from parapp.core.fileformat import holds_parapp_data  # it writes through this module
    if holds_parapp_data(out):  # `-o` given the period's own name: the period would be lost
        raise ParappError(f"{out}: đây là tệp dữ liệu parapp, không ghi đè bằng tệp xuất ra; "
                          "chọn tên khác", f"{out}: this is a parapp data file, not replaced by "
                          "an output; choose another name")
    tmp = work_path(out)
    try:
        tmp.open("xb").close()
    except OSError as exc:
        raise ParappError(f"{out}: không ghi được tệp ({exc.strerror})",
                          f"{out}: cannot write ({exc.strerror})") from None
    try:
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        put_in_place(tmp, out)
    except OSError as exc:
        if not (_WINDOWS and isinstance(exc, PermissionError) and out.exists()):
            raise ParappError(f"{out}: không ghi được tệp ({exc.strerror})",
                              f"{out}: cannot write ({exc.strerror})") from None
        # Windows refuses to replace a file another program has open ("Access is denied")
        raise ParappError(f"{out}: không ghi được tệp ({exc.strerror}); nếu tệp đang mở trong "
                          "một chương trình khác (trình đọc PDF, Excel), hãy đóng tệp rồi thử "
                          "lại", f"{out}: cannot write ({exc.strerror}); if it is open in another "
                          "program (a PDF reader, Excel), close it and try again") from None
    finally:
        discard(tmp)


def write_bytes(out: Path | str, data: bytes) -> Path:
    with replacing(out) as tmp:
        tmp.write_bytes(data)
    return Path(out)


def safe_name(name: str) -> str:
    """An evidence file's display name: no folders, no control characters, NFC, ≤ 200 chars."""
    name = PureWindowsPath(PurePosixPath(name).name).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    return name[:200] or "tai-lieu"


# what Windows will not take in a file name: these characters, and a device's name as the
# part before the first dot, whatever the case ("con.pdf", "LPT1.tar.gz")
_NOT_ON_WINDOWS = re.compile(r'[<>:"/\\|?*]')
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in "123456789")}


def portable_name(name: str) -> str:
    """`name` (an evidence file's, `safe_name`) as a file name every system can write: each
    character Windows refuses in a name becomes '_', and a device's name ("CON", "NUL",
    "COM1"…) gets a '_' after it, before its extension."""
    name = _NOT_ON_WINDOWS.sub("_", safe_name(name))
    stem, dot, rest = name.partition(".")
    return f"{stem}_{dot}{rest}" if stem.upper() in _DEVICES else name


def distinct_names(names: Iterable[str]) -> list[str]:
    """`names` (of files in one folder) made distinct as Windows and macOS compare names, case
    ignored: one equal but for case to an earlier one gets "-2", "-3"… before its extension, so
    that units coded SYT and syt get two notices, not one written over the other."""
    taken: set[str] = set()
    out = []
    for name in names:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        candidate, n = name, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{stem}-{n}{dot}{ext}"
        taken.add(candidate.casefold())
        out.append(candidate)
    return out
