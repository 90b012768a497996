"""Helpers shared by the documents."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from parapp.core.errors import ParappError
from parapp.core.numbers import fmt
from parapp.core.reports.model import Bundle

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


MINUS = "\u2212"  # one minus sign in every document (not the hyphen)


def num(value: Decimal | None, places: int) -> str:
    """An exact value as printed: rounded half-up to the period's decimals, decimal comma, the
    typographic minus sign."""
    return fmt(value, places, comma=True).replace("-", MINUS)


def roman(i: int) -> str:
    return ROMAN[i] if i < len(ROMAN) else str(i + 1)


FORMATS = (".pdf", ".docx")


def write(bundle: Bundle, out: Path | str, batch: bool = False) -> Path:
    """The document as a PDF (the signed form) or a Word draft, by the file's extension;
    `batch`: one of many of a kind written in a row (nd30.render)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        from parapp.core.reports import nd30
        nd30.render(bundle, out, batch)
    elif suffix == ".docx":
        from parapp.core.reports import word
        word.render(bundle, out)
    else:
        raise ParappError(f"{out}: chỉ xuất được tệp .pdf hoặc .docx",
                          f"{out}: only .pdf or .docx files can be written")
    return out
