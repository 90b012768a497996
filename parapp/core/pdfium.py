"""PDFium, one call at a time, whatever the thread.

PDFium is not thread-safe, not even for different documents on different threads: pypdfium2's
documentation says calls made at the same time "would crash or corrupt the process". parapp
uses it on three threads — the report window draws its pages on the GUI thread, the evidence
preview renders a file's first page on the file thread, a report's charts are rasterised on
its build thread — so every use holds `held()` from opening a document to closing it.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

_LOCK = threading.RLock()  # re-entrant: a page drawn while its document is being set up


@contextmanager
def held() -> Iterator[ModuleType]:
    """pypdfium2, with PDFium to this thread alone until the block ends."""
    import pypdfium2  # loaded on first use: not before the window paints
    with _LOCK:
        yield pypdfium2
