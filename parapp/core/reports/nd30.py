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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from parapp.core.errors import ParappError
from parapp.core.files import write_bytes
from parapp.core.reports import fonts

SIGNATURE_FIELD = "ChuKySo"

TOP = BOTTOM = 20 * mm
LEFT = 30 * mm
RIGHT = 15 * mm
SIGNATURE_HEIGHT = 28 * mm  # ô 7c: the signature and the seal
SIGNATURE_WIDTH = 75 * mm


# -- the document's identity (period settings, else the period, else derived) ---------------------

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
        body = doc["issuer"] or f"ỦY BAN NHÂN DÂN {_upper(province_phrase(province))}"
        when = doc["decision_date"]
        authority = tuple(doc["signer_authority"]) or ("TM. ỦY BAN NHÂN DÂN",)
        return cls(
            province=province, year=period.year, parent_body=_upper(doc["issuer_parent"]),
            body=_upper(body), decision_number=fonts.nfc(doc["decision_number"]),
            decision_date=date.fromisoformat(when) if when else None,
            place=fonts.nfc(doc["place"] or province_name(province)),
            authority=tuple(_upper(a) for a in authority),
            signer_title=_upper(doc["signer_title"] or "CHỦ TỊCH"),
            signer_name=fonts.nfc(doc["signer_name"]))

    @property
    def number_text(self) -> str:
        """'215/QĐ-UBND'; a bare number gets '/QĐ-UBND'; none leaves a blank before it."""
        n = self.decision_number.strip()
        if not n:
            return "\u00a0" * 8 + "/QĐ-UBND"
        return n if "/" in n else f"{n}/QĐ-UBND"

    @property
    def decision_ref(self) -> str:
        return (f"(Kèm theo Quyết định số {self.number_text} {vn_date(self.decision_date)} "
                f"của Ủy ban nhân dân {province_phrase(self.province)})")

    @property
    def date_line(self) -> str:
        return f"{self.place}, {vn_date(self.decision_date)}"


# -- styles and small flowables ---------------------------------------------------------------

def styles() -> dict[str, ParagraphStyle]:
    fonts.register()

    def st(name: str, size: float, align=TA_LEFT, bold=False, italic=False, leading=None,
           **kw) -> ParagraphStyle:
        font = {(False, False): fonts.REGULAR, (True, False): fonts.BOLD,
                (False, True): fonts.ITALIC, (True, True): fonts.BOLD_ITALIC}[(bold, italic)]
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.2,
                              alignment=align, **kw)
    return {
        "body": st("body", 13, leading=16),
        "head_parent": st("head_parent", 12.5, TA_CENTER),
        "head_body": st("head_body", 12.5, TA_CENTER, bold=True),
        "quoc_hieu": st("quoc_hieu", 12.5, TA_CENTER, bold=True),
        "tieu_ngu": st("tieu_ngu", 13.5, TA_CENTER, bold=True),
        "date_line": st("date_line", 13, TA_CENTER, italic=True),
        "annex": st("annex", 13.5, TA_CENTER, bold=True, spaceBefore=6),
        "title": st("title", 13.5, TA_CENTER, bold=True, leading=17),
        "ref": st("ref", 13, TA_CENTER, italic=True, leading=16),
        "subtitle": st("subtitle", 13, TA_CENTER, leading=16),
        "section": st("section", 13, TA_LEFT, bold=True, spaceBefore=10, spaceAfter=4),
        "note": st("note", 11, TA_LEFT, italic=True, leading=13, spaceBefore=3),
        "counts": st("counts", 12, TA_LEFT, leading=15),
        "th": st("th", 9, TA_CENTER, bold=True, leading=10.5),
        "td": st("td", 10, TA_LEFT, leading=11.5),
        "td_c": st("td_c", 10, TA_CENTER, leading=11.5),
        "td_r": st("td_r", 10, TA_RIGHT, leading=11.5),
        "td_b": st("td_b", 10, TA_LEFT, bold=True, leading=11.5),
        "td_br": st("td_br", 10, TA_RIGHT, bold=True, leading=11.5),
        "td_i": st("td_i", 10, TA_LEFT, italic=True, leading=11.5),
        "td_small": st("td_small", 9, TA_LEFT, leading=10.5),
        "sign_auth": st("sign_auth", 13, TA_CENTER, bold=True, leading=16),
        "sign_name": st("sign_name", 13.5, TA_CENTER, bold=True),
    }


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


class TextCell(Flowable):
    """Plain wrapped text in one font (a table cell): what a Paragraph does for these cells at
    a fraction of its cost — no markup to parse, lines broken once per width and drawn as one
    text object. Left, centred or right aligned per the style; left indent honoured."""

    def __init__(self, value: object, style: ParagraphStyle):
        super().__init__()
        self.text = fonts.nfc(value)
        self.style = style
        self._for_width: float | None = None
        self.lines: list[str] = []

    def wrap(self, avail_width, avail_height):
        st = self.style
        if self._for_width != avail_width:
            self.lines = break_lines(self.text, st.fontName, st.fontSize,
                                     avail_width - st.leftIndent - st.rightIndent)
            self._for_width = avail_width
        self.width, self.height = avail_width, len(self.lines) * st.leading
        return self.width, self.height

    def draw(self):
        st = self.style
        c = self.canv
        y = self.height - st.leading + (st.leading - st.fontSize) / 2 + 0.22 * st.fontSize
        if st.alignment == TA_LEFT:  # one text object for all the lines
            t = c.beginText(st.leftIndent, y)
            t.setFont(st.fontName, st.fontSize, st.leading)
            for line in self.lines:
                t.textLine(line)
            c.drawText(t)
            return
        c.setFont(st.fontName, st.fontSize)
        for line in self.lines:
            if st.alignment == TA_RIGHT:
                c.drawRightString(self.width - st.rightIndent, y, line)
            elif st.alignment == TA_CENTER:
                c.drawCentredString(st.leftIndent + (self.width - st.leftIndent
                                                     - st.rightIndent) / 2, y, line)
            else:
                c.drawString(st.leftIndent, y, line)
            y -= st.leading


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


def _add_signature_field(canv, box: SignatureBox, signer: str = "") -> None:
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
        "T": PDFString(SIGNATURE_FIELD), "F": 132, "Rect": PDFArray([x1, y1, x2, y2]),
        "P": canv._doc.thisPageRef(), "AP": PDFDictionary({"N": appearance})})
    if signer.strip():
        widget["TU"] = PDFString(signer.strip())
    canv._addAnnotation(widget, name=SIGNATURE_FIELD)
    canv._doc.Catalog.AcroForm = PDFDictionary({
        "Fields": PDFArray([canv._doc.refAnnotation(SIGNATURE_FIELD)]), "SigFlags": 1})


# -- tables ---------------------------------------------------------------------------------------

GRID = colors.Color(0, 0, 0)
HEADER_BG = colors.Color(0.93, 0.93, 0.93)


def grid_table(rows: Sequence[list[TableCell]], widths: Sequence[float], header_rows: int = 1,
               extra: Sequence[tuple] = (), valign: str = "MIDDLE") -> Table:
    """A ruled table whose first `header_rows` rows repeat on every page."""
    t = Table(list(rows), colWidths=list(widths), repeatRows=header_rows, hAlign="CENTER")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 10), ("LEADING", (0, 0), (-1, -1), 11.5),
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5), ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        *extra,
    ]))
    return t


# -- the document ---------------------------------------------------------------------------------

@dataclass
class Document:
    identity: DocumentIdentity
    title: Sequence[str]  # upper-case title lines, bold
    body: list[Flowable]
    annex: str | None = None  # "Phụ lục I"
    subtitle: Sequence[str] = ()  # lines under the title (not bold)
    decision_ref: bool = True  # the "(Kèm theo Quyết định số …)" line
    wide: bool = True  # A4 landscape
    appendix: list[Flowable] = field(default_factory=list)  # after the signature block
    subject: str = ""

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.wide else A4

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - LEFT - RIGHT


def _header(doc: Document, st: dict) -> Table:
    ident = doc.identity
    width = doc.frame_width
    left_w = width * (0.42 if doc.wide else 0.40)
    left: list[Flowable] = []
    if ident.parent_body:
        left.append(para(ident.parent_body, st["head_parent"]))
    left.append(para(ident.body, st["head_body"]))
    left.append(Rule(min(40 * mm, left_w / 2)))
    right: list[Flowable] = [
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["quoc_hieu"]),
        para("Độc lập - Tự do - Hạnh phúc", st["tieu_ngu"]),
        Rule(measure("Độc lập - Tự do - Hạnh phúc", fonts.BOLD, 13.5)),
        Spacer(1, 4),
        para(ident.date_line, st["date_line"]),
    ]
    t = Table([[left, right]], colWidths=[left_w, width - left_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return t


def _signature(doc: Document, st: dict, record: list[SignatureBox]) -> KeepTogether:
    ident = doc.identity
    width = doc.frame_width
    right_w = max(SIGNATURE_WIDTH + 10 * mm, width * (0.42 if doc.wide else 0.5))
    block: list[Flowable] = [para(line, st["sign_auth"]) for line in ident.authority]
    block.append(para(ident.signer_title, st["sign_auth"]))
    block.append(SignatureSpace(SIGNATURE_WIDTH, SIGNATURE_HEIGHT, record, ident.signer_name))
    block.append(para(ident.signer_name or " ", st["sign_name"]))
    t = Table([["", block]], colWidths=[width - right_w, right_w])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                           ("ALIGN", (1, 0), (1, 0), "CENTER"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8), t])


def _on_page(doc: Document):
    def draw(canvas, template):
        page = canvas.getPageNumber()
        if page < 2:  # NĐ 30: no number on the first page
            return
        _w, h = doc.pagesize
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 13)
        canvas.drawCentredString(LEFT + doc.frame_width / 2, h - TOP / 2 - 4, str(page))
        canvas.restoreState()
    return draw


def story(doc: Document, record: list[SignatureBox]) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [_header(doc, st), Spacer(1, 14)]
    if doc.annex:
        out.append(para(doc.annex, st["annex"]))
    out += [para(line, st["title"]) for line in doc.title]
    out += [para(line, st["subtitle"]) for line in doc.subtitle]
    if doc.decision_ref and doc.annex:
        out.append(para(doc.identity.decision_ref, st["ref"]))
    out += [Spacer(1, 3), Rule(50 * mm), Spacer(1, 10)]
    out += doc.body
    out.append(_signature(doc, st, record))
    if doc.appendix:
        out.append(PageBreak())
        out += doc.appendix
    return out


def render(doc: Document, out: Path | str) -> SignatureBox:
    """Write the PDF (atomically) with an empty signature field; returns where the field is."""
    out = Path(out)
    record: list[SignatureBox] = []
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer, pagesize=doc.pagesize, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
        bottomMargin=BOTTOM, title=fonts.nfc(" ".join(doc.title)), author=doc.identity.body,
        subject=fonts.nfc(doc.subject), creator="parapp", invariant=1, lang="vi-VN",
        initialFontName=fonts.REGULAR, initialFontSize=13)
    frame = Frame(LEFT, BOTTOM, doc.frame_width, doc.pagesize[1] - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate("nd30", [frame], onPage=_on_page(doc))])
    template.build(story(doc, record))
    if not record:
        raise ParappError("Không đặt được ô chữ ký trong văn bản",
                          "The signature space could not be laid out")
    write_bytes(out, buffer.getvalue())
    return record[0]




def signature_field(path: Path | str) -> SignatureBox | None:
    """Where a PDF's `SIGNATURE_FIELD` is (empty or signed): its page and rectangle."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    with open(path, "rb") as f:
        reader = PdfFileReader(f, strict=False)
        for i, page in enumerate(_pages(reader.root["/Pages"])):
            for annot in page.get("/Annots", []):
                annot = annot.get_object()
                if annot.get("/FT") == "/Sig" and str(annot.get("/T")) == SIGNATURE_FIELD:
                    x1, y1, x2, y2 = (float(v) for v in annot["/Rect"])
                    return SignatureBox(i, (x1, y1, x2, y2))
    return None


def _pages(node):
    if node.get("/Type") == "/Pages":
        for kid in node["/Kids"]:
            yield from _pages(kid.get_object())
    else:
        yield node
