"""The open document: one assessment file, its lock and what was read from it — no widgets.

The window asks the document to open, re-read, copy or close a file and shows what it gets;
the document knows nothing of how. Opening takes the file writable under its lock when it can
(`Store.open(lock=True)`, as the writing commands do); a file another program, another machine
or another window of this process holds, or one that cannot be written, opens read-only with a
notice naming who holds it. Work files that an interrupted run left beside the file are
cleaned up or reported. What is read is `PeriodData`: plain data the views show (the engine's
snapshot and result, the units' and members' rows).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from parapp.core.evaluation import PeriodResult, Snapshot, evaluate, reevaluate_unit
from parapp.core.files import clean_leftovers
from parapp.core.lock import Locked, NotWritable, read_owner
from parapp.core.scoring import Engine, UnitInput
from parapp.core.store import Store
from parapp.ui import preferences

RECENT_MAX = 8

# Files this process has open for editing, by resolved path: FileLock lets a process re-enter its
# own lock, so a second window of the same process is told here that the file is taken.
_EDITING: dict[str, Document] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Document", text)


def recent_files() -> list[Path]:
    """Recently opened files that still exist, newest first."""
    return [Path(f) for f in preferences.RECENT_FILES.get() if Path(f).exists()][:RECENT_MAX]


def remember_recent(path: Path) -> None:
    path = path.resolve()
    files = [str(path)] + [str(f) for f in recent_files() if f != path]
    preferences.RECENT_FILES.set(files[:RECENT_MAX])
    preferences.RECENT_LAST.set(str(path))


def path_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


@dataclass
class PeriodData:
    """Everything read from a file when it is opened (or re-read)."""
    period: Any
    snapshot: Snapshot
    engine: Engine
    result: PeriodResult
    units: list  # store.units() rows: uuid, code, head_name, head_title
    members: list


@dataclass(frozen=True)
class Opened:
    """What opening a file gave: its data, and what to tell the person."""
    data: PeriodData
    notice: str | None  # read-only, and why: for a message box
    leftovers: str | None  # work files of interrupted runs: for the status bar


class Document(QObject):
    """The file a window edits: its `Store` (and lock), path and the data read from it."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.path: Path | None = None
        self.data: PeriodData | None = None
        self.read_only_reason: str | None = None  # who holds the file, or why it is read-only
        self._lock_key: str | None = None  # the file this document holds the lock of

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.readonly

    @property
    def package_scope(self):
        return self.store.package_scope() if self.store is not None else None

    def open(self, path: Path | str) -> Opened:
        """Open `path` in place of the file held now, which stays if this raises (ParappError,
        or another error reading the file)."""
        path = Path(path)
        leftovers = clean_leftovers(path.absolute().parent).message()
        key = path_key(path)
        reuse = self.store is not None and self.store.locked and key == self._lock_key
        store, notice, reason = self._open_store(path, key, reuse)
        try:
            data = read(store)
        except BaseException:
            store.close()  # and its lock
            raise
        if reuse:
            store.take_lock(self.store)
        self.close()
        self.store, self.path, self.data = store, path, data
        if store.locked:
            self._lock_key = key
            _EDITING[key] = self
        self.read_only_reason = reason
        remember_recent(path)
        return Opened(data, notice, leftovers)

    def _open_store(self, path: Path, key: str,
                    reuse: bool) -> tuple[Store, str | None, str | None]:
        """The file writable under its lock when it can be, else read-only: (store, notice for
        a message box, short reason for the status bar)."""
        if reuse:  # the same file again: the lock moves over from the store held
            return Store.open(path), None, None
        try:
            holder = _EDITING.get(key)
            if holder is not None and holder is not self and shiboken6.isValid(holder) \
                    and holder._lock_key == key:
                raise Locked(path, read_owner(path))
            return Store.open(path, lock=True), None, None
        except NotWritable as err:
            if isinstance(err, Locked):
                notice = _tr("{message}.\n\nTệp được mở ở chế độ chỉ xem: không sửa được "
                             "điểm, không nhập được dữ liệu. Hãy mở lại khi cửa sổ kia đã "
                             "đóng tệp.").format(message=err)
            else:
                notice = _tr("{message}: tệp được mở ở chế độ chỉ xem.").format(message=err)
            reason = err.reason
        return Store.open(path, readonly=True), notice, reason

    def reread(self) -> PeriodData:
        """Read the open file again (after an import, a merge, a settings change)."""
        self.data = read(self.store)
        return self.data

    def reevaluate_unit(self, unit_code: str) -> UnitInput:
        """After one unit changed in the file: re-read it and re-evaluate its block."""
        data = self.data
        unit = self.store.unit_input(unit_code)
        data.snapshot, data.result = reevaluate_unit(data.snapshot, data.result, data.engine,
                                                     unit)
        return unit

    def save_copy(self, target: Path) -> Path:
        """A consistent, self-contained copy (SQLite backup API) of the open file."""
        return self.store.save_copy(target)

    def close(self) -> None:
        """Close the file (releasing its lock)."""
        if self.store is not None:
            self.store.close()
            self.store = None
        self.data = None
        if _EDITING.get(self._lock_key) is self:
            del _EDITING[self._lock_key]
        self._lock_key = None


def read(store: Store) -> PeriodData:
    period = store.period()
    snapshot = store.snapshot()
    engine = Engine(snapshot.tree, snapshot.settings.caps)
    result = evaluate(snapshot, engine)
    return PeriodData(period, snapshot, engine, result, store.units(), store.members())
