"""Official documents as plain data, laid out by two renderers: `pdf` (reportlab, the signed
form) and `docx` (python-docx, the editable draft).

A document (`Bundle`) is one file of one or more `Part`s — a decision followed by its annexes,
or one annex, or one unit's notice. Each part starts on a new page, has its own orientation and
numbers its pages from its own first page (NĐ 30/2020: an annex is numbered on its own; no
number on a first page). A part's body is a list of blocks: `Text` (a paragraph in one of the
named `STYLES`), `Grid` (a ruled table whose header rows repeat on every page), `Chart`, `Gap` and
`Break`. The documents build these blocks once, so the PDF and the Word draft cannot say
different things.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from parapp.core.classification import Grade

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Style:
    size: float  # points
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    first_indent: float = 0  # mm, the first line of a body paragraph
    before: float = 0  # points of space above
    after: float = 0
    leading: float = 1.2  # line height as a multiple of the size


STYLES: dict[str, Style] = {
    # the page head (issuing body, Quốc hiệu) and titles
    "head_parent": Style(12.5, align="center"),
    "head_body": Style(12.5, bold=True, align="center"),
    "number": Style(13, align="center"),
    "quoc_hieu": Style(12.5, bold=True, align="center"),
    "tieu_ngu": Style(13.5, bold=True, align="center"),
    "date_line": Style(13, italic=True, align="center"),
    "doc_type": Style(14, bold=True, align="center", before=6),
    "annex": Style(14, bold=True, align="center", before=6),
    "title": Style(13.5, bold=True, align="center", leading=1.25),
    "ref": Style(13, italic=True, align="center", leading=1.25),
    "subtitle": Style(13, align="center", leading=1.25),
    "authority": Style(14, bold=True, align="center", before=6, after=6),
    # the body of a decision or notice
    "body": Style(14, align="justify", first_indent=10, after=6, leading=1.25),
    "basis": Style(14, italic=True, align="justify", first_indent=10, after=4, leading=1.25),
    "decides": Style(14, bold=True, align="center", before=6, after=6),
    # under and between tables
    "section": Style(13, bold=True, before=10, after=4),
    "note": Style(11, italic=True, before=3, leading=1.2),
    "counts": Style(12, leading=1.25),
    # the signature block and the recipients (Nơi nhận)
    "sign_auth": Style(13, bold=True, align="center", leading=1.25),
    "sign_name": Style(13.5, bold=True, align="center"),
    "recipients_head": Style(12, bold=True, italic=True),
    "recipients": Style(11, leading=1.15),
    # table cells
    "th": Style(9, bold=True, align="center", leading=1.17),
    "td": Style(10, leading=1.15),
    "td_c": Style(10, align="center", leading=1.15),
    "td_r": Style(10, align="right", leading=1.15),
    "td_b": Style(10, bold=True, leading=1.15),
    "td_bc": Style(10, bold=True, align="center", leading=1.15),
    "td_br": Style(10, bold=True, align="right", leading=1.15),
    "td_i": Style(10, italic=True, leading=1.15),
    "td_small": Style(9, leading=1.17),
}


@dataclass(frozen=True)
class Text:
    """A paragraph. `lead` is printed bold before the text (e.g. "Điều 1.")."""
    text: str
    style: str = "body"
    lead: str = ""


@dataclass(frozen=True)
class Cell:
    text: str = ""
    style: str = "td"
    indent: int = 0  # levels of a tree (criteria), 2 mm each
    fill: tuple[int, int, int] | None = None  # the cell's background, RGB 0…255 (a heat map)


@dataclass(frozen=True)
class Grid:
    """A ruled table. `widths` in mm, one 0 taking what the others leave; `spans` as
    (first column, first row, last column, last row); `shaded` rows get the header's grey."""
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    header_rows: int = 1
    spans: tuple[tuple[int, int, int, int], ...] = ()
    shaded: frozenset[int] = frozenset()
    valign: Literal["middle", "top"] = "middle"


@dataclass(frozen=True)
class Gap:
    mm: float


@dataclass(frozen=True)
class Break:
    """A new page, or only when less than `unless_room` mm is left (keeps a heading with its
    table)."""
    unless_room: float = 0


@dataclass(frozen=True)
class Bar:
    name: str
    index: Decimal  # as published
    grade: Grade  # the bar's colour


@dataclass(frozen=True)
class Chart:
    """The index of each unit of a block as bars, `height` mm tall across the frame (drawn
    by reportlab; in the Word draft, the same drawing as a picture)."""
    bars: tuple[Bar, ...]
    height: float
    places: int = 2


Block = Text | Grid | Gap | Break | Chart


@dataclass(frozen=True)
class Signature:
    """The signature block (right) with the recipients (Nơi nhận, left)."""
    authority: tuple[str, ...]  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    title: str  # "PHÓ CHỦ TỊCH"
    name: str
    recipients: tuple[str, ...] = ()


@dataclass
class Part:
    """One part of a file: its page head, title lines, body and (maybe) signature."""
    title: list[str]  # bold, upper case
    body: list[Block]
    wide: bool = True  # A4 landscape
    header: bool = True  # issuing body and Quốc hiệu (an annex in its decision's file: none)
    number: str = ""  # "Số: 215/QĐ-UBND" under the issuing body ('' for none)
    doc_type: str = ""  # "QUYẾT ĐỊNH", "THÔNG BÁO" above the title
    annex: str = ""  # "Phụ lục I"
    subtitle: list[str] = field(default_factory=list)
    ref: str = ""  # "(Kèm theo Quyết định số …)"
    signature: Signature | None = None
    # an annex issued as a file of its own: the organisation's digital signature goes top right
    # of page 1 (NĐ 30); the text it shows is the document's number and symbol
    org_signature: str = ""


@dataclass
class Bundle:
    """One file. `issuer` lines head every part that has a header; the date line too."""
    issuer_parent: str
    issuer: str
    date_line: str
    parts: list[Part]
    title: str  # the file's metadata title
    subject: str = ""


def issuer_lines(issuer: str) -> list[str]:
    """The issuing body as the page head prints it: "ỦY BAN NHÂN DÂN" on a line of its own
    above the place ("TỈNH SƠN HÀ"), as every People's Committee's documents do."""
    head = "ỦY BAN NHÂN DÂN "
    if issuer.startswith(head) and len(issuer) > len(head):
        return [head.strip(), issuer[len(head):]]
    return [issuer]
