"""Language selection for core messages: Vietnamese first, English second.

Messages are written as (vi, en) pairs where they are raised; `pick` returns the one for the
current language, chosen by set_language() or the PARAPP_LANG environment variable.
"""
from __future__ import annotations

import os
import unicodedata

LANGUAGES = ("vi", "en")
_language: str | None = None


def language() -> str:
    if _language is not None:
        return _language
    env = os.environ.get("PARAPP_LANG", "vi")
    if env == "vi":  # the common case, asked for on every number shown
        return "vi"
    env = env.lower()[:2]
    return env if env in LANGUAGES else "vi"


def set_language(code: str | None) -> None:
    global _language
    if code is not None and code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    _language = code


def pick(vi: str, en: str) -> str:
    return en if language() == "en" else vi


def count(n: int, one: str, many: str | None = None) -> str:
    """`n` and an English noun in its number: '1 row', '15 rows' (`many` where not just
    one + 's'). Vietnamese, which has no plural, writes its count without this."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def fold(text: str) -> str:
    """Text as compared without accents, case or extra spaces: 'Điểm  tự đánh giá' → 'diem tu
    danh gia' (precomposed and decomposed input alike)."""
    text = " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
