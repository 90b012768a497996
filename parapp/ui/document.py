"""The open document: one assessment file, its lock and what was read from it — no widgets.

The window asks the document to open, re-read, copy or close a file and shows what it gets;
the document knows nothing of how. Its store is used only on the window's file thread
(parapp.ui.operations): `open_work` runs there, `install` then takes its outcome on the GUI
thread. Opening takes the file writable under its lock when it can
(`Store.open(lock=True)`, as the writing commands do); a file another program, another machine
or another window of this process holds, or one that cannot be written, opens read-only with a
notice naming who holds it. Work files that an interrupted run left beside the file are
cleaned up or reported. What is read is `PeriodData` (parapp.core.view_data): plain data the
views show.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject

from parapp.core.files import clean_leftovers, on_a_share
from parapp.core.lock import Locked, NotWritable, read_owner
from parapp.core.phases import Phase
from parapp.ui import preferences

if TYPE_CHECKING:  # read on the file thread, imported there (the window paints first)
    from parapp.core.store import Store
    from parapp.core.view_data import PeriodData

RECENT_MAX = 8

# Files this process has open for editing, by resolved path: FileLock lets a process re-enter its
# own lock, so a second window of the same process is told here that the file is taken.
_EDITING: dict[str, Document] = {}


def recent_files() -> list[Path]:
    """Recently opened files that still exist, newest first; those on a network share are
    listed unasked (the menu would wait for a share out of reach: opening one says if it is
    gone)."""
    return [Path(f) for f in preferences.RECENT_FILES.get()
            if on_a_share(f) or Path(f).exists()][:RECENT_MAX]


def remember_recent(path: Path) -> None:
    path = Path(path_key(path))  # a file just opened: its folder answers
    files = [str(path)] + [str(f) for f in recent_files() if f != path]
    preferences.RECENT_FILES.set(files[:RECENT_MAX])
    preferences.RECENT_LAST.set(str(path))


def path_key(path: Path) -> str:
    """`path` resolved (a mapped drive to its share, links followed), or as given made absolute
    when the system cannot say."""
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


@dataclass(frozen=True)
class Opened:
    """What opening a file gave (on the worker thread): the store and its data, and what to
    tell the person."""
    path: Path
    store: Store
    data: PeriodData
    notice: str | None  # read-only, and why: for a message box
    leftovers: str | None  # work files of interrupted runs: for the status bar
    reason: str | None  # read-only, in a few words: for the status bar
    lock_key: str | None  # the file whose lock the store holds


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
    def is_open(self) -> bool:
        return self.store is not None

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.readonly

    @property
    def package_scope(self):
        return self.data.scope if self.data is not None else None

    @property
    def phase(self) -> Phase | None:
        """The master's phase of the season (None: never set, or a package)."""
        return self.data.phase.phase if self.data is not None else None

    def open_work(self, path: Path | str) -> Opened:
        """On the file thread: open `path` and read it. The file held now stays open and shown
        if this raises (ParappError, or another error reading the file); `install` swaps."""
        path = Path(path)
        leftovers = clean_leftovers(path.absolute().parent).message()
        key = path_key(path)
        reuse = self.store is not None and self.store.locked and key == self._lock_key
        store, notice, reason = self._open_store(path, key, reuse)
        from parapp.core.view_data import read_period
        try:
            try:
                data = read_period(store)
            finally:  # the file's checks ran beside the reading; what they find comes first
                store.verified()
        except BaseException:
            store.close()  # and its lock
            raise
        if reuse:
            store.take_lock(self.store)
        if self.store is not None:
            self.store.close()
        return Opened(path, store, data, notice, leftovers, reason,
                      key if store.locked else None)

    def install(self, opened: Opened) -> None:
        """On the GUI thread, once `open_work` succeeded: the new file is the document's."""
        self._forget()
        self.store, self.path, self.data = opened.store, opened.path, opened.data
        self.read_only_reason = opened.reason
        if opened.lock_key is not None:
            self._lock_key = opened.lock_key
            _EDITING[opened.lock_key] = self
        remember_recent(opened.path)

    def _open_store(self, path: Path, key: str,
                    reuse: bool) -> tuple[Store, str | None, str | None]:
        """The file writable under its lock when it can be, else read-only: (store, notice for
        a message box, short reason for the status bar)."""
        from parapp.core.store import Store
        if reuse:  # the same file again: the lock moves over from the store held
            return Store.open(path, verify_aside=True), None, None
        try:
            holder = _EDITING.get(key)
            if holder is not None and holder is not self and shiboken6.isValid(holder) \
                    and holder._lock_key == key:
                raise Locked(path, read_owner(path))
            return Store.open(path, lock=True, verify_aside=True), None, None
        except NotWritable as err:
            if isinstance(err, Locked):
                notice = QCoreApplication.translate(
                    "Document", "{message}.\n\nTệp được mở ở chế độ chỉ xem: không sửa được "
                    "điểm, không nhập được dữ liệu. Hãy mở lại khi cửa sổ kia đã đóng tệp."
                ).format(message=err)
            else:
                notice = QCoreApplication.translate(
                    "Document", "{message}: tệp được mở ở chế độ chỉ xem.").format(message=err)
            reason = err.reason
        return Store.open(path, readonly=True, verify_aside=True), notice, reason

    def apply(self, changes) -> None:
        """A change committed (parapp.ui.operations.Changes): take its fresh data."""
        if self.data is None:
            return
        if changes.fresh_period is not None:
            self.data = changes.fresh_period
        for unit in changes.fresh_units.values():
            self.data.apply_unit(unit)

    def close_work(self) -> None:
        """On the file thread: close the file (releasing its lock)."""
        if self.store is not None:
            self.store.close()

    def _forget(self) -> None:
        """On the GUI thread, after `close_work` (or an open that closed it): no file."""
        self.store = None
        self.data = None
        if _EDITING.get(self._lock_key) is self:
            del _EDITING[self._lock_key]
        self._lock_key = None

    def close(self) -> None:
        """Close the file now, on the calling thread: only when the file thread is idle (the
        window closing)."""
        self.close_work()
        self._forget()
