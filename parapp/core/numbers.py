"""Exact decimal scores: parsing user input, arithmetic context, rounding for display only;
and the one display form of numbers and times, by the interface language.

Scores are never floats. Stored and summed values keep every digit; ROUND_HALF_UP (the
Vietnamese convention) is applied only when a number is shown or exported. Shown numbers take
the interface language's decimal mark (8,50 in Vietnamese, 8.50 in English); machine output
(JSON, storage) asks for the point.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from parapp.core.i18n import language, pick

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# Enough digits that an index (a quotient) never loses order against another index.
CONTEXT = Context(prec=40)
MAX_ENTERED_DECIMALS = 4


def parse_decimal(text: str | int | Decimal) -> Decimal:
    """Parse '8,5', '8.5', ' 8 ' or '91,17%' into an exact Decimal. Raises ValueError."""
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text)
    elif isinstance(text, str):
        s = text.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
        if s.count(",") == 1 and "." not in s:
            s = s.replace(",", ".")
        if "_" in s:  # Python's digit grouping: "8_5" would be 85
            raise ValueError(text)
        try:
            value = Decimal(s)
        except InvalidOperation:
            raise ValueError(text) from None
    else:  # floats are refused on purpose: they are not exact
        raise TypeError(f"not an exact number: {text!r}")
    if not value.is_finite():
        raise ValueError(text)
    return value


def decimals_of(value: Decimal) -> int:
    """Significant decimals: 8.50 → 1, 9.117 → 3, 10 → 0 (from the digits, no text)."""
    _sign, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent >= 0:
        return 0
    if not isinstance(exponent, int) or exponent >= 0 or not any(digits):
        return 0
    trailing = 0
    for d in reversed(digits[exponent:]):
        if d:
            break
        trailing += 1
    return -exponent - trailing


def too_precise(value: Decimal, places: int = MAX_ENTERED_DECIMALS) -> bool:
    """More significant decimals than `places`; at most one digit count, and none at all for
    the usual values (an import checks 36,000 of them)."""
    exponent = value.as_tuple().exponent
    return not (isinstance(exponent, int) and exponent >= -places) and \
        decimals_of(value) > places


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt(value: Decimal | None, places: int | None = 2, comma: bool | None = None) -> str:
    """Display form: rounded half-up to `places` (places=None: exact, as typed: '0,75', '2'),
    '' for None; the decimal mark of the interface language (a comma in Vietnamese) unless
    `comma` says which."""
    if comma is None:
        comma = language() == "vi"
    if value is None:
        return ""
    if places is None:
        s = canonical(value)
    else:
        s = f"{quantize(value, places):f}"
        if s.startswith("-") and quantize(value, places).is_zero():
            s = s[1:]
    return s.replace(".", ",") if comma else s


def fmt_change(value: Decimal | None, places: int = 2) -> str:
    """A change as shown: '+1,25', '−0,50' (the minus sign, as the rank changes print it),
    '0,00'; '' for None."""
    if value is None:
        return ""
    text = fmt(abs(value), places)
    if quantize(value, places).is_zero():
        return text
    return ("+" if value > 0 else "\u2212") + text


def fmt_time(iso: str) -> str:
    """A stored time (ISO 8601, UTC) as the local dd/mm/yyyy hh:mm, in every language (as
    stored if unreadable)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return iso


def fmt_date(day: date) -> str:
    """A date as documents print it, in every language: dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")


def parse_date(text: str) -> date:
    """'2025-09-01', '01/09/2025' or '1/9/2025' (day first, a four-digit year) → a date.
    Raises ValueError saying the forms it takes."""
    value = text.strip()
    try:
        if "/" in value:
            day, month, year = value.split("/")
            if not (len(year.strip()) == 4 and all(p.strip().isdigit()
                                                   for p in (day, month, year))):
                raise ValueError
            return date(int(year), int(month), int(day))
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(pick("ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd",
                              "a date as dd/mm/yyyy or yyyy-mm-dd")) from None


def canonical(value: Decimal) -> str:
    """Storage form: exact, no exponent, no trailing zeros ('9.117', '10', '0').

    Not Decimal.normalize(): that rounds to the context precision and would drop digits.
    """
    s = str(value)
    if "E" in s:  # the rare slow path: formatting costs more than the rest together
        s = f"{value:f}"
    if s[-1] == "0" and "." in s:  # trailing zeros: common (1.50 from a quantized 0.75 × 2)
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s
