"""The one exception type users see: a clear, translated message and no traceback."""
from __future__ import annotations

from parapp.core.i18n import pick


class ParappError(Exception):
    """An error the user can act on. `str(err)` is the message in the current language."""

    def __init__(self, vi: str, en: str | None = None):
        self.vi = vi
        self.en = en or vi
        super().__init__(vi)

    def __str__(self) -> str:
        return pick(self.vi, self.en)


class FileFormatError(ParappError):
    """The file is not a usable parapp file; it was not modified."""


class FileDamaged(FileFormatError):
    """SQLite cannot read the file whole; `detail` is what it found."""

    def __init__(self, vi: str, en: str, detail: str):
        super().__init__(vi, en)
        self.detail = detail


class ValidationError(ParappError):
    """A value was refused; nothing was written."""
