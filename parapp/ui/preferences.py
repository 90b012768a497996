"""The window's persistent settings, one typed registry (the key, the type, the default).

Every setting the Qt layer keeps between runs is declared here, once; modules read and write it
through its `Option` and never spell a key. The values live in the user's INI file
(`parapp.ui.app_settings`), read afresh on each access so that tests redirecting HOME never
touch the real user's settings. (Picard's `config` is the model.)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray

from parapp.ui import app_settings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    kind: type
    default: T

    def get(self) -> T:
        value = app_settings().value(self.key)
        if value is None:
            return self.default
        return _as(self.kind, value, self.default)

    def set(self, value: T) -> None:
        settings = app_settings()
        settings.setValue(self.key, value)
        settings.sync()


def _as(kind: type, value: Any, default: Any) -> Any:
    """An INI value as `kind`: QSettings gives text back for numbers, and a lone string for a
    list of one."""
    if kind is list:
        return [value] if isinstance(value, str) else list(value)
    if kind is int:
        text = str(value)
        return int(text) if text.lstrip("-").isdigit() else default
    if kind is QByteArray:
        return value if isinstance(value, QByteArray) else default
    return kind(value)


LANGUAGE = Option("ui/language", str, "vi")
THEME = Option("ui/theme", str, "system")
MEMBER = Option("ui/member", str, "")  # "Tôi là": the member whose areas "mine" shows
RECENT_FILES = Option("recent/files", list, [])
RECENT_LAST = Option("recent/last", str, "")
IMPORT_DIR = Option("recent/import_dir", str, "")
EXPORT_DIR = Option("recent/export_dir", str, "")
REPORTS_DIR = Option("reports/dir", str, "")
WINDOW_TAB = Option("window/tab", int, 0)
# signing: where the key and the pictures are, never a secret
SIGNING_MODE = Option("signing/mode", str, "pkcs12")
SIGNING_PKCS12 = Option("signing/pkcs12", str, "")
SIGNING_PKCS11_LIB = Option("signing/pkcs11_lib", str, "")
SIGNING_SIGNATURE_IMAGE = Option("signing/signature_image", str, "")
SIGNING_SEAL_IMAGE = Option("signing/seal_image", str, "")
SIGNING_TRUST_ROOTS = Option("signing/trust_roots", str, "")


def layout(screen: str, part: str) -> Option[QByteArray | None]:
    """A window part's saved state (geometry, a splitter, a header) on screens of one size."""
    return Option(f"layout/{screen}/{part}", QByteArray, None)
