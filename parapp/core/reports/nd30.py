"""The document template of Decree 30/2020/NĐ-CP (Phụ lục I), laid out with reportlab.

A4 (landscape for wide tables); margins top/bottom 20 mm, left 30 mm, right 15 mm; Liberation
Serif (Times New Roman metrics). Page 1 carries the issuing body (parent body upper case, body
upper case bold, a short rule) top left and the Quốc hiệu / Tiêu ngữ (bold, a short rule) with the
place and date line (italic) top right; page numbers are centred in the top margin from page 2.
Then the annex heading ("Phụ lục I", the title, "(Kèm theo Quyết định số …)" in italics), the
body (tables repeat their header rows on every page), and the signature block on the right:
authority lines (TM. / KT.), the title, a blank space for the signature and the seal, the name.

While laying out, the blank signature space is recorded (page, rectangle in PDF points with the
origin bottom left) and an empty signature field named `SIGNATURE_FIELD` is written over it in
the same pass — the objects pyHanko's `append_signature_field` would add (checked with pyHanko's
reader and poppler's pdfsig) — for the signing step to fill. The signer's name printed under it
is also the field's user name (/TU: readers show it as a tooltip; signing compares it with the
certificate's holder). The same input gives the same bytes (reportlab's invariant mode).
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import tables as reportlab_tables

from parapp.core.errors import ParappError
from parapp.core.files import write_bytes
from parapp.core.reports import fonts
from parapp.core.reports.model import (
    STYLES,
    Bundle,
    Chart,
    Gap,
    Grid,
    Part,
    Signature,
    Text,
    issuer_lines,
)

# reportlab's table internals GridTable works with (not in reportlab's type stubs)
_rl: Any = reportlab_tables

SIGNATURE_FIELD = "ChuKySo"
ORG_SIGNATURE_FIELD = "ChuKySoCoQuan"  # the organisation's, on an annex sent on its own

TOP = BOTTOM = 20 * mm
LEFT = 30 * mm
RIGHT = 15 * mm
SIGNATURE_HEIGHT = 28 * mm  # ô 7c: the signature and the seal
SIGNATURE_WIDTH = 75 * mm


# -- the document's identity (period settings, else the period, else derived) ---------------------

SIGNER_TITLE = "CHỦ TỊCH"  # the chairman signs unless the settings say otherwise

def _upper(text: str) -> str:
    return fonts.nfc(text).upper()


def province_phrase(province: str) -> str:
    """'Tỉnh Sơn Hà' → 'tỉnh Sơn Hà'; 'Sơn Hà' → 'tỉnh Sơn Hà'; 'Thành phố Hải Phòng' →
    'thành phố Hải Phòng' (as it follows 'Ủy ban nhân dân')."""
    text = " ".join(fonts.nfc(province).split())
    low = text.lower()
    for prefix in ("tỉnh ", "thành phố "):
        if low.startswith(prefix):
            return prefix + text[len(prefix):]
    return "tỉnh " + text


def committee(province: str) -> str:
    """'Tỉnh Sơn Hà' → 'ỦY BAN NHÂN DÂN TỈNH SƠN HÀ' (the issuing body when none is set)."""
    return f"ỦY BAN NHÂN DÂN {_upper(province_phrase(province))}"


def province_name(province: str) -> str:
    """'Tỉnh Sơn Hà' → 'Sơn Hà' (the place name of the date line)."""
    phrase = province_phrase(province)
    return phrase.split(" ", 2 if phrase.startswith("thành phố ") else 1)[-1]


def vn_date(d: date | None, blank: str = "\u00a0" * 7) -> str:
    """'ngày 05 tháng 02 năm 2027': days below 10 and the months January and February get a
    leading zero (NĐ 30/2020); an unknown date leaves blanks to be written by hand."""
    if d is None:
        return f"ngày {blank} tháng {blank} năm {blank}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


@dataclass(frozen=True)
class DocumentIdentity:
    province: str
    year: int
    parent_body: str  # upper line, not bold ('' for none)
    body: str  # issuing body, upper case
    decision_number: str  # '' when not yet numbered
    decision_date: date | None
    place: str
    authority: tuple[str, ...]  # e.g. ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    signer_title: str
    signer_name: str

    @classmethod
    def from_store(cls, store) -> DocumentIdentity:
        period = store.period()
        doc = store.settings().document
        province = period.province
        body = doc["issuer"] or committee(province)
        when = doc["decision_date"]
        # none: the chairman signs in his own name ("CHỦ TỊCH"); "TM. ỦY BAN NHÂN DÂN" makes it
        # the committee's decision
        authority = tuple(doc["signer_authority"])
        return cls(
            province=province, year=period.year, parent_body=_upper(doc["issuer_parent"]),
            body=_upper(body), decision_number=fonts.nfc(doc["decision_number"]),
            decision_date=date.fromisoformat(when) if when else None,
            place=fonts.nfc(doc["place"] or province_name(province)),
            authority=tuple(_upper(a) for a in authority),
            signer_title=_upper(doc["signer_title"] or SIGNER_TITLE),
            signer_name=fonts.nfc(doc["signer_name"]))

    @property
    def number_text(self) -> str:
        """'215/QĐ-UBND'; a bare number gets '/QĐ-UBND'; none leaves a blank before it."""
        n = self.decision_number.strip()
        if not n:
            return "\u00a0" * 8 + "/QĐ-UBND"
        return n if "/" in n else f"{n}/QĐ-UBND"

    @property
    def by_committee(self) -> bool:
        """The decision is the People's Committee's ("TM. ỦY BAN NHÂN DÂN" signs), else its
        chairman's."""
        return any(line.startswith("TM.") for line in self.authority)

    @property
    def decision_ref(self) -> str:
        who = "Ủy ban nhân dân" if self.by_committee else "Chủ tịch Ủy ban nhân dân"
        return (f"(Kèm theo Quyết định số {self.number_text} {vn_date(self.decision_date)} "
                f"của {who} {province_phrase(self.province)})")

    @property
    def date_line(self) -> str:
        return f"{self.place}, {vn_date(self.decision_date)}"

    @property
    def signature(self) -> Signature:
        return Signature(self.authority, self.signer_title, self.signer_name)

    def bundle(self, parts: list[Part], subject: str) -> Bundle:
        """A file of these parts under this identity's issuing body and date."""
        return Bundle(self.parent_body, self.body, self.date_line, parts,
                      title=" ".join(parts[0].title), subject=subject)


# -- styles and small flowables ---------------------------------------------------------------

_STYLES: dict[str, ParagraphStyle] = {}
_ALIGN: dict[str, Any] = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def styles() -> dict[str, ParagraphStyle]:
    """The model's named styles as reportlab paragraph styles (made once per process)."""
    if not _STYLES:
        fonts.register()
        for name, s in STYLES.items():
            font = {(False, False): fonts.REGULAR, (True, False): fonts.BOLD,
                    (False, True): fonts.ITALIC, (True, True): fonts.BOLD_ITALIC}[
                (s.bold, s.italic)]
            _STYLES[name] = ParagraphStyle(
                name, fontName=font, fontSize=s.size, leading=s.size * s.leading,
                alignment=_ALIGN[s.align], firstLineIndent=s.first_indent * mm,
                spaceBefore=s.before, spaceAfter=s.after)
    return _STYLES


class Cell(Paragraph):
    """A paragraph that remembers its last wrap: a long table is measured again on every page
    it is split across, and breaking the same lines at the same width again is wasted work."""

    _wrapped: tuple | None = None

    def wrap(self, avail_width, avail_height):
        cached = self._wrapped
        if cached is not None and cached[0] == avail_width:
            _, self._wrapWidths, self.blPara, self.height = cached
            self.width = avail_width
            return avail_width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, self._wrapWidths, self.blPara, self.height)
        return size


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: NFC-normalised, markup characters escaped, new lines kept."""
    return Cell(escape(fonts.nfc(text)).replace("\n", "<br/>"), style)


_WIDTHS: dict[tuple[str, str, float], float] = {}


def measure(word: str, font: str, size: float) -> float:
    """stringWidth, remembered: Vietnamese text repeats a few thousand syllables endlessly."""
    key = (word, font, size)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
        width = _WIDTHS[key] = pdfmetrics.stringWidth(word, font, size)
    return width


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at blanks; a word wider than the line (a long file name) is cut
    where it fits, after a '-', '_' or '.' when there is one."""
    space = measure(" ", font, size)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line, line_w = "", 0.0
        for word in paragraph.split():
            w = measure(word, font, size)
            if line and line_w + space + w <= width:
                line, line_w = f"{line} {word}", line_w + space + w
                continue
            if line:
                out.append(line)
            while w > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut], font, size) > width:
                    cut -= 1
                soft = max(word.rfind(ch, 0, cut) for ch in "-_.")
                if soft > 0:
                    cut = soft + 1
                out.append(word[:cut])
                word = word[cut:]
                w = measure(word, font, size)
            line, line_w = word, w
        out.append(line)
    return out


_LINES: dict[tuple[str, str, float, float], tuple[str, ...]] = {}


# A cell's lines at most: a row must fit on a page, the landscape annex's included (a 3,000
# character explanation made a notice fail). The Word version keeps the whole text.
MAX_CELL_LINES = 30


class TextCell(Flowable):
    """Plain wrapped text in one font (a table cell): what a Paragraph does for these cells at
    a fraction of its cost — no markup to parse, lines broken once per width and drawn as one
    text object. Left, centred or right aligned per the style; left indent honoured."""

    def __init__(self, value: object, style: ParagraphStyle):
        super().__init__()
        self.text = fonts.nfc(value)
        self.style = style
        self._for_width: float | None = None
        self.lines: tuple[str, ...] = ()

    def wrap(self, avail_width, avail_height):
        st = self.style
        if self._for_width != avail_width:
            # the same criteria, names and figures fill every unit's notice
            key = (self.text, st.fontName, st.fontSize,
                   avail_width - st.leftIndent - st.rightIndent)
            lines = _LINES.get(key)
            if lines is None:
                if len(_LINES) > 100_000:
                    _LINES.clear()
                lines = _LINES[key] = tuple(break_lines(*key))
            if len(lines) > MAX_CELL_LINES:  # a row taller than a page cannot be laid out
                rest = sum(len(line) for line in lines[MAX_CELL_LINES - 1:])
                lines = (*lines[:MAX_CELL_LINES - 1], f"… (còn {rest} ký tự)")
            self.lines = lines
            self._for_width = avail_width
        self.width, self.height = avail_width, len(self.lines) * st.leading
        return self.width, self.height

    def draw(self):
        canv: Any = self.canv
        canv._code.append(self.operators(canv, _written(canv)))

    def operators(self, canv: Any, written: dict) -> str:
        """The lines as text objects, as reportlab's text object writes them (left aligned: one
        object, a line each T*; else one a line). They are relative to the cell, so a cell that
        repeats in a document (a figure, an appraiser, the header on every page) is written once
        (`written`: the document's, see `_written`), and one of ASCII and `fonts.SEEDED` only
        (the criteria, the figures: nearly all) once per process: those characters have the
        same codes in every document, and the face the same name if it was named first."""
        key = (self.text, self.style, self.width)
        ops = written.get(key)
        if ops is not None:
            return ops
        doc = canv._doc
        font = self.style.fontName
        shared = (getattr(doc, "_parapp_seeded", False) and font in fonts.CELL_FACES
                  and _SEEDED.issuperset(self.text))
        if shared:
            ops = _SHARED.get((*key, doc.fontMapping.get(font)))
        if ops is None:
            ops = self._text_objects(canv)
            if shared:
                if len(_SHARED) > 50_000:
                    _SHARED.clear()
                _SHARED[(*key, doc.fontMapping[font])] = ops
        written[key] = ops
        return ops

    def _text_objects(self, canv: Any) -> str:
        st = self.style
        font, size = st.fontName, st.fontSize
        y = self.height - st.leading + (st.leading - size) / 2 + 0.22 * size
        if st.alignment == TA_LEFT:
            ops = [f"BT 1 0 0 1 {fp_str(st.leftIndent, y)} Tm"]
            select = f"{fp_str(size)} Tf {fp_str(st.leading)} TL"
            current: list[str | None] = [None]
            for line in self.lines:
                ops += _encoded(canv, line, font, select, current)
                ops.append("T*")
            ops.append("ET")
            return " ".join(ops)
        select = f"{fp_str(size)} Tf {fp_str(1.2 * size)} TL"  # canvas.setFont's leading
        out = []
        for line in self.lines:
            if st.alignment == TA_RIGHT:
                x = self.width - st.rightIndent - measure(line, font, size)
            else:
                x = (st.leftIndent + (self.width - st.leftIndent - st.rightIndent) / 2
                     - 0.5 * measure(line, font, size))
            out.append(" ".join([f"BT 1 0 0 1 {fp_str(x, y)} Tm",
                                 *_encoded(canv, line, font, select, [None]), "T* ET"]))
            y -= st.leading
        return " ".join(out)


_SEEDED = frozenset(fonts.SEEDED + "\n" + "".join(map(chr, range(32, 127))))
_SHARED: dict[tuple, str] = {}  # see TextCell.operators


def _seed(canv: Any) -> None:
    """Give `fonts.SEEDED` the same codes in every document's cell faces (their font subsets
    then repeat too): first, in the same order."""
    doc = canv._doc
    for name in fonts.CELL_FACES:
        face: Any = pdfmetrics.getFont(name)  # a TTFont
        face.splitString(fonts.SEEDED, doc)
    doc._parapp_seeded = True


def _written(canv: Any) -> dict:
    """The text cells written in the canvas's document so far: a character's font subset and
    code never change within a document, so a cell's operators can be used again."""
    return canv._doc.__dict__.setdefault("_parapp_cells", {})


def _encoded(canv: Any, line: str, font_name: str, select: str, current: list[str | None]
             ) -> list[str]:
    """The operators that show `line` in a TrueType font, as reportlab's text object writes
    them: its runs per font subset, each after the subset's font selection (`select`: size and
    leading) unless `current` (the selection last made in this text object) is already it."""
    doc = canv._doc
    font: Any = pdfmetrics.getFont(font_name)  # a TTFont
    out = []
    for subset, chunk in _split(font, line, doc):
        chosen = f"{font.getSubsetInternalName(subset, doc)} {select}"
        if current[0] != chosen:
            out.append(chosen)
            current[0] = chosen
        out.append(f"({canv._escape(chunk)}) Tj")
    return out


def _split(font: Any, line: str, doc: Any) -> list[tuple[int, bytes]]:
    """font.splitString(line, doc) — the line's runs per font subset, new characters given
    their codes — without its loop over the characters when all of them already have a code
    in the first subset (most lines, once the first cells of a document have been drawn)."""
    known, table = doc.__dict__.setdefault("_parapp_subset0", {}).setdefault(
        font.fontName, (set(), {}))
    if line and known.issuperset(line):
        return [(0, line.translate(table).encode("latin-1"))]
    runs = font.splitString(line, doc)
    assigned = font.state[doc].assignments  # now every character of the line has its code
    for c in set(line) - known:
        n = assigned.get(ord(c))
        if n is not None and n < 256 and c != "\xa0":  # splitString draws a blank for U+00A0
            known.add(c)
            table[ord(c)] = chr(n)
    return runs


EMPTY = ()  # an empty cell: reportlab draws nothing for an empty list, a text object for ''
TableCell = Flowable | str | tuple  # what a table cell holds here: a flowable, text or EMPTY


def cell(value: object, style: ParagraphStyle) -> TextCell | tuple:
    """A table cell of plain wrapped text."""
    return TextCell(value, style) if value not in (None, "") else EMPTY


def text(value: object) -> str | tuple:
    """A one-line table cell drawn as a plain string (numbers, codes): NFC, no paragraph."""
    return fonts.nfc(value) if value not in (None, "") else EMPTY


class Rule(Flowable):
    """A short horizontal rule, centred in the space it is given (under the body and the
    Tiêu ngữ)."""

    def __init__(self, length: float, width: float = 0.6):
        super().__init__()
        self.length, self.line_width = length, width
        self._avail = length

    def wrap(self, avail_width, avail_height):
        self._avail = avail_width
        return avail_width, 6

    def draw(self):
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.line_width)
        self.canv.line(x, 3, x + self.length, 3)


@dataclass
class SignatureBox:
    page: int  # 0-based page index, as pyHanko's `on_page`
    rect: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points, origin bottom left

    @property
    def box(self) -> tuple[int, int, int, int]:
        x1, y1, x2, y2 = self.rect
        return round(x1), round(y1), round(x2), round(y2)


class SignatureSpace(Flowable):
    """The blank space of the signature block (ô 7c); records where it was drawn."""

    def __init__(self, width: float, height: float, record: list[SignatureBox],
                 signer: str = ""):
        super().__init__()
        self.width, self.height, self.record, self.signer = width, height, record, signer

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        x1, y1 = self.canv.absolutePosition(0, 0)
        x2, y2 = self.canv.absolutePosition(self.width, self.height)
        self.record.clear()  # a re-layout (a second pass) replaces the first record
        box = SignatureBox(self.canv.getPageNumber() - 1,
                           (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
        self.record.append(box)
        _add_signature_field(self.canv, box, self.signer)


def _add_signature_field(canv, box: SignatureBox, signer: str = "",
                         name: str = SIGNATURE_FIELD) -> None:
    """An empty signature field (AcroForm) over the box, on the page being drawn: what pyHanko's
    append_signature_field writes (a widget with FT /Sig, flags print + locked, an empty
    appearance; /SigFlags 1), written by reportlab itself in the same pass — adding it
    afterwards as an incremental update cost a tenth of a score sheet's time."""
    from reportlab.pdfbase.pdfdoc import (
        PDFArray,
        PDFDictionary,
        PDFName,
        PDFStream,
        PDFString,
    )
    x1, y1, x2, y2 = box.box
    appearance = PDFStream(PDFDictionary({
        "Type": PDFName("XObject"), "Subtype": PDFName("Form"),
        "BBox": PDFArray([0, 0, x2 - x1, y2 - y1]), "Resources": PDFDictionary({})}),
        content=b"", filters=[])
    widget = PDFDictionary({
        "Type": PDFName("Annot"), "Subtype": PDFName("Widget"), "FT": PDFName("Sig"),
        "T": PDFString(name), "F": 132, "Rect": PDFArray([x1, y1, x2, y2]),
        "P": canv._doc.thisPageRef(), "AP": PDFDictionary({"N": appearance})})
    if signer.strip():
        widget["TU"] = PDFString(signer.strip())
    canv._addAnnotation(widget, name=name)
    canv._doc.Catalog.AcroForm = PDFDictionary({
        "Fields": PDFArray([canv._doc.refAnnotation(name)]), "SigFlags": 1})


# -- tables ---------------------------------------------------------------------------------------

GRID = colors.Color(0, 0, 0)
HEADER_BG = colors.Color(0.93, 0.93, 0.93)


_TABLE_COMMANDS = ("BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT")


class GridTable(_rl.Table):
    """reportlab's Table for a grid of `TextCell`s, without the work such a table repeats.

    A long table is measured again on every page it is split across, and each part is a new
    Table measuring its rows again: here every row is measured once, for the whole table, and
    the parts get the heights (reportlab's own measure, so rows, spans and page breaks are the
    same). A text cell is written straight onto the table's canvas — the operators `drawOn`
    writes — instead of through reportlab's generic cell (a list of flowables, each wrapped
    again and drawn in a saved, translated state)."""

    _argH: list  # the row heights asked for (None: to be measured)
    _rowHeights: list
    _longTableOptimize: int

    def _calc_height(self, availHeight, availWidth, H=None, W=None):
        if None in self._argH:
            heights = self._text_row_heights(W or _rl._calc_pc(self._argW, availWidth))
            if heights is None:  # anything else: reportlab measures, every row at once
                optimise, self._longTableOptimize = self._longTableOptimize, 0
                try:
                    super()._calc_height(availHeight, availWidth, H, W)
                finally:
                    self._longTableOptimize = optimise
                heights = list(self._rowHeights)
            self._argH = self._rowHeights = heights
        super()._calc_height(availHeight, availWidth, H, W)  # the rows' positions

    def _text_row_heights(self, widths) -> list[float] | None:
        """The rows' heights as reportlab's _calc_height measures them, for text and empty
        cells without row spans (a spanning cell measured across its columns); None for a
        table with anything else."""
        self._spans()
        spans = self._spanRanges if self._spanCmds else {}
        if self._minRowHeights or (spans and self._rowSpanCells):
            return None
        spanned = set(self._colSpanCells) if spans else set()
        heights = []
        for i, (values, styles) in enumerate(zip(self._cellvalues, self._cellStyles,
                                                 strict=True)):
            h = 0.0
            for j, (v, s, w) in enumerate(zip(values, styles, widths, strict=True)):
                if (j, i) in spanned:
                    span = spans[j, i]
                    if not span:
                        continue  # covered by the spanning cell
                    w = max(self._colpositions[span[2] + 1] - self._colpositions[span[0]], w)
                if type(v) is TextCell:
                    t = v.wrap(w - s.leftPadding - s.rightPadding, 0)[1]
                elif v == EMPTY:
                    t = 0
                else:
                    return None
                t += s.bottomPadding + s.topPadding
                if t > h:
                    h = t
            heights.append(h)
        return heights

    def _addCommand(self, cmd):
        if cmd[0] not in _TABLE_COMMANDS and not _rl._isLineCommand(cmd):
            raise ValueError(f"{cmd[0]}: a grid's cells share their style (grid_table)")
        super()._addCommand(cmd)

    # reportlab works out every cell's span and rectangle for each part it measures — the rest
    # of the table, again on every page; a part needs them only when it is drawn, or to find
    # where it may break if cells span rows
    def _calcSpanRanges(self):
        n = self._nrows
        if any((r0 + n if r0 < 0 else r0) != (r1 + n if r1 < 0 else r1)
               for _cmd, (_c0, r0), (_c1, r1) in self._spanCmds):
            super()._calcSpanRanges()
        else:  # no row spans: no row where the part may not break (what splitting asks)
            self._rowSpanCells: list = []
            self._spanRanges: dict = {}  # worked out by _spans when needed
            self._span_ranges_due = True

    def _spans(self) -> None:
        if getattr(self, "_span_ranges_due", False):
            self._span_ranges_due = False
            super()._calcSpanRanges()

    def _calcSpanRects(self):
        self._span_rects_due = True

    def draw(self):
        if getattr(self, "_span_rects_due", False):
            self._span_rects_due = False
            self._spans()
            super()._calcSpanRects()
        self._fill = None
        self._written = _written(self.canv)
        super().draw()

    def _drawCell(self, cellval, cellstyle, pos, size):
        v = cellval
        if type(v) is not TextCell:  # else a list of flowables, as reportlab measured it
            if not v:
                return  # EMPTY: nothing to draw
            if len(v) != 1 or type(v[0]) is not TextCell:
                self._fill = None  # reportlab's cell sets its colour and font itself
                return super()._drawCell(cellval, cellstyle, pos, size)
            v = v[0]
        if self._fill is not cellstyle.color:
            self.canv.setFillColor(cellstyle.color)
            self._fill, self._curcellstyle = cellstyle.color, None
        # where reportlab's _drawCell puts a single flowable, and what drawOn writes there
        colpos, rowpos = pos
        colwidth, rowheight = size
        w, h = v.wrap(colwidth - cellstyle.leftPadding - cellstyle.rightPadding, rowheight)
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + h
        else:
            y = rowpos + (rowheight + cellstyle.bottomPadding - cellstyle.topPadding + h) / 2.0
        just = cellstyle.alignment
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
        elif just == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding - w
        else:
            x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding - w) / 2.0
        canv = self.canv
        canv._code.append(f"q 1 0 0 1 {fp_str(x, y - h)} cm {v.operators(canv, self._written)} Q")


def grid_table(rows: Sequence[list[TableCell]], widths: Sequence[float], header_rows: int = 1,
               extra: Sequence[tuple] = (), valign: str = "MIDDLE") -> Table:
    """A ruled table whose first `header_rows` rows repeat on every page; `extra`: line,
    background and span commands."""
    header, body = _cell_styles("MIDDLE"), _cell_styles(valign)
    ncols = len(widths)
    styles = [[header] * ncols if i < header_rows else [body] * ncols for i in range(len(rows))]
    t = GridTable(list(rows), colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER",
                  cellStyles=styles)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        *extra,
    ]))
    return t


_GRID_CELLS: dict[str, Any] = {}


def _cell_styles(valign: str) -> Any:
    """The style every cell of a grid shares (one object: reportlab would otherwise make one
    per cell and set each property on each cell with a command of its own)."""
    style = _GRID_CELLS.get(valign)
    if style is None:
        style = _GRID_CELLS[valign] = _rl.CellStyle(f"grid-{valign.lower()}")
        style.fontname, style.fontsize, style.leading = fonts.REGULAR, 10, 11.5
        style.valign = valign
        style.leftPadding = style.rightPadding = 2.5
        style.topPadding, style.bottomPadding = 1.8, 2.2
    return style


# -- the document ---------------------------------------------------------------------------------

def frame_width(wide: bool) -> float:
    return (landscape(A4) if wide else A4)[0] - LEFT - RIGHT


def _mm_widths(grid: Grid, frame: float) -> list[float]:
    widths = [w * mm for w in grid.widths]
    rest = frame - sum(widths)
    free = [i for i, w in enumerate(grid.widths) if w == 0]
    for i in free:
        widths[i] = rest / len(free)
    return widths


_INDENTED: dict[tuple[str, int], ParagraphStyle] = {}


def _cell_style(name: str, indent: int) -> ParagraphStyle:
    base = styles()[name]
    if not indent:
        return base
    key = (name, indent)
    if key not in _INDENTED:
        _INDENTED[key] = ParagraphStyle(f"{name}_{indent}", parent=base, leftIndent=2 * mm * indent)
    return _INDENTED[key]


def _table(grid: Grid, frame: float) -> Table:
    rows: list[list[TableCell]] = [[cell(c.text, _cell_style(c.style, c.indent)) for c in row]
                                   for row in grid.rows]
    extra: list[tuple] = [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in grid.spans]
    extra += [("BACKGROUND", (0, r), (-1, r), HEADER_BG) for r in sorted(grid.shaded)]
    # after the shaded rows: a cell's own colour wins
    extra += [("BACKGROUND", (c, r), (c, r), colors.Color(*(v / 255 for v in cell.fill)))
              for r, row in enumerate(grid.rows) for c, cell in enumerate(row) if cell.fill]
    return grid_table(rows, _mm_widths(grid, frame), grid.header_rows, extra,
                      valign=grid.valign.upper())


def _text(block: Text) -> Paragraph:
    st = styles()[block.style]
    body = escape(fonts.nfc(block.text)).replace("\n", "<br/>")
    if block.lead:
        body = f"<b>{escape(fonts.nfc(block.lead))}</b> {body}"
    return Cell(body, st)


def _header(bundle: Bundle, part: Part, width: float) -> Table:
    st = styles()
    left_w = width * (0.42 if part.wide else 0.40)
    left: list[Flowable] = []
    if bundle.issuer_parent:
        left.append(para(bundle.issuer_parent, st["head_parent"]))
    left += [para(line, st["head_body"]) for line in issuer_lines(bundle.issuer)]
    left.append(Rule(min(40 * mm, left_w / 2)))
    if part.number:
        left += [Spacer(1, 2), para(part.number, st["number"])]
    right: list[Flowable] = [
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["quoc_hieu"]),
        para("Độc lập - Tự do - Hạnh phúc", st["tieu_ngu"]),
        Rule(measure("Độc lập - Tự do - Hạnh phúc", fonts.BOLD, 13.5)),
        Spacer(1, 4),
        para(bundle.date_line, st["date_line"]),
    ]
    t = Table([[left, right]], colWidths=[left_w, width - left_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _signature(sig: Signature, wide: bool, record: list[SignatureBox]) -> KeepTogether:
    st = styles()
    width = frame_width(wide)
    right_w = max(SIGNATURE_WIDTH + 10 * mm, width * (0.42 if wide else 0.5))
    block: list[Flowable] = [para(line, st["sign_auth"]) for line in sig.authority]
    block.append(para(sig.title, st["sign_auth"]))
    block.append(SignatureSpace(SIGNATURE_WIDTH, SIGNATURE_HEIGHT, record, sig.name))
    block.append(para(sig.name or " ", st["sign_name"]))
    left: list[Flowable] = []
    if sig.recipients:
        left.append(para("Nơi nhận:", st["recipients_head"]))
        left += [para(f"- {r}", st["recipients"]) for r in sig.recipients]
    t = Table([[left or "", block]], colWidths=[width - right_w, right_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                           ("ALIGN", (1, 0), (1, 0), "CENTER"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8), t])


class _PartStart(Flowable):
    """Marks where a part begins, for its page numbers (and its organisation signature box)."""

    def __init__(self, index: int, starts: dict[int, int]):
        super().__init__()
        self.index, self.starts = index, starts

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        self.starts[self.canv.getPageNumber()] = self.index


def _part_story(bundle: Bundle, part: Part, record: list[SignatureBox]) -> list[Flowable]:
    st = styles()
    width = frame_width(part.wide)
    out: list[Flowable] = []
    if part.header:
        out += [_header(bundle, part, width), Spacer(1, 14)]
    if part.doc_type:
        out.append(para(part.doc_type, st["doc_type"]))
    if part.annex:
        out.append(para(part.annex, st["annex"]))
    out += [para(line, st["title"]) for line in part.title]
    out += [para(line, st["subtitle"]) for line in part.subtitle]
    if part.ref:
        out.append(para(part.ref, st["ref"]))
    out += [Spacer(1, 3), Rule(50 * mm), Spacer(1, 10)]
    for block in part.body:
        if isinstance(block, Text):
            out.append(_text(block))
        elif isinstance(block, Grid):
            out.append(_table(block, width))
        elif isinstance(block, Gap):
            out.append(Spacer(1, block.mm * mm))
        elif isinstance(block, Chart):
            from parapp.core.reports.chart import IndexChart
            out.append(IndexChart(block.bars, width, block.height * mm, block.places))
        elif block.unless_room:
            out.append(CondPageBreak(block.unless_room * mm))
        else:
            out.append(PageBreak())
    if part.signature is not None:
        out.append(_signature(part.signature, part.wide, record))
    return out


ORG_BOX = (62 * mm, 14 * mm)  # the organisation's signature, top right of an annex's page 1


class _BatchTemplate(BaseDocTemplate):
    def beforeDocument(self):
        _seed(self.canv)  # before anything is drawn


def render(bundle: Bundle, out: Path | str, batch: bool = False) -> SignatureBox | None:
    """Write the PDF (atomically); where its empty signature field is (the signer's, else the
    organisation's on a separate annex), or None for a document nobody signs. `batch`: one of
    many documents of a kind written in a row, which then share their table cells' text and
    font subsets (see `_seed`; each embeds the glyphs of all of `fonts.SEEDED`, ~8 KB more)."""
    out = Path(out)
    record: list[SignatureBox] = []
    starts: dict[int, int] = {}  # page → index of the part that begins on it
    buffer = io.BytesIO()
    template = (_BatchTemplate if batch else BaseDocTemplate)(
        buffer, pagesize=landscape(A4) if bundle.parts[0].wide else A4, leftMargin=LEFT,
        rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM, title=fonts.nfc(bundle.title),
        author=bundle.issuer, subject=fonts.nfc(bundle.subject), creator="parapp",
        invariant=1, lang="vi-VN", initialFontName=fonts.REGULAR, initialFontSize=13)

    def page_end(canvas, doc):
        page = canvas.getPageNumber()
        first = max(p for p in [*starts, 1] if p <= page)
        index = starts.get(first, 0)
        w, h = canvas._pagesize
        if page == first:
            org = bundle.parts[index].org_signature
            if org:  # NĐ 30: an annex sent as a file of its own carries the organisation's
                bw, bh = ORG_BOX  # signature top right of its first page
                box = SignatureBox(page - 1, (w - RIGHT - bw, h - 5 * mm - bh, w - RIGHT,
                                              h - 5 * mm))  # in the top margin, over nothing
                record.append(box)
                _add_signature_field(canvas, box, org, ORG_SIGNATURE_FIELD)
            return  # NĐ 30: no number on a part's first page
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 13)
        canvas.drawCentredString(LEFT + (w - LEFT - RIGHT) / 2, h - TOP / 2 - 4,
                                 str(page - first + 1))
        canvas.restoreState()

    templates = []
    for wide in (bundle.parts[0].wide, not bundle.parts[0].wide):
        size = landscape(A4) if wide else A4
        frame = Frame(LEFT, BOTTOM, size[0] - LEFT - RIGHT, size[1] - TOP - BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate("wide" if wide else "tall", [frame], pagesize=size,
                                      onPageEnd=page_end))
    template.addPageTemplates(templates)
    flow: list[Flowable] = []
    for i, part in enumerate(bundle.parts):
        if i:
            flow += [NextPageTemplate("wide" if part.wide else "tall"), PageBreak()]
        flow.append(_PartStart(i, starts))
        flow += _part_story(bundle, part, record)
    template.build(flow)
    signed = [p for p in bundle.parts if p.signature is not None or p.org_signature]
    if signed and not record:
        raise ParappError("Không đặt được ô chữ ký trong văn bản",
                          "The signature space could not be laid out")
    write_bytes(out, buffer.getvalue())
    return record[0] if record else None


def signature_field(path: Path | str) -> SignatureBox | None:
    """Where a PDF's signature field is (the signer's `SIGNATURE_FIELD`, or the organisation's
    on an annex on its own; empty or signed): its page and rectangle."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    with open(path, "rb") as f:
        reader = PdfFileReader(f, strict=False)
        for i, page in enumerate(_pages(reader.root["/Pages"])):
            for annot in page.get("/Annots", []):
                annot = annot.get_object()
                if annot.get("/FT") == "/Sig" and str(annot.get("/T")) in (
                        SIGNATURE_FIELD, ORG_SIGNATURE_FIELD):
                    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                    return SignatureBox(i, (x1, y1, x2, y2))
    return None


def _pages(node):
    if node.get("/Type") == "/Pages":
        for kid in node["/Kids"]:
            yield from _pages(kid.get_object())
    else:
        yield node
