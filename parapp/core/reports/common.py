"""Helpers shared by the three documents."""
from __future__ import annotations

from decimal import Decimal

from parapp.core.numbers import fmt

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


MINUS = "\u2212"  # one minus sign in every document (not the hyphen)


def num(value: Decimal | None, places: int) -> str:
    """An exact value as printed: rounded half-up to the period's decimals, decimal comma, the
    typographic minus sign."""
    return fmt(value, places, comma=True).replace("-", MINUS)


def roman(i: int) -> str:
    return ROMAN[i] if i < len(ROMAN) else str(i + 1)
