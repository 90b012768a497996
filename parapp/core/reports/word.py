"""The Word draft (.docx) of a document, from the same blocks as its PDF.

The secretariat edits the decision's wording in Word before it goes for signature; the signed
form stays the PDF. Layout follows the PDF: A4, NĐ 30 margins, each part in a section of its own
(its orientation; page numbers centred in the header from its second page, restarting at each
part), the page head as a borderless two-column table, tables with repeated header rows, the
signature block beside the recipients. Fonts: Times New Roman, which Word has wherever the
draft is edited.
"""
from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

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

FONT = "Times New Roman"
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
TWIPS_PER_MM = 1440 / 25.4
MM = 72 / 25.4  # points


def _paragraph(container, text: str, style: str, lead: str = ""):
    s = STYLES[style]
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = ALIGN[s.align]
    fmt.space_before, fmt.space_after = Pt(s.before), Pt(s.after)
    fmt.line_spacing = Pt(s.size * s.leading)
    if s.first_indent:
        fmt.first_line_indent = Mm(s.first_indent)
    if lead:
        run = p.add_run(fonts.nfc(lead) + " ")
        run.font.size, run.bold, run.italic = Pt(s.size), True, s.italic
    lines = fonts.nfc(text).split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size, run.bold, run.italic = Pt(s.size), s.bold, s.italic
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)
    return p


def _cell_paragraph(cell, text: str, style: str, indent: int = 0) -> None:
    p = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 \
        else cell.add_paragraph()
    s = STYLES[style]
    p.paragraph_format.alignment = ALIGN[s.align]
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    if indent:
        p.paragraph_format.left_indent = Mm(2 * indent)
    lines = fonts.nfc(text).split("\n")
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size, run.bold, run.italic = Pt(s.size), s.bold, s.italic
        if i < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def _insert(parent, child, before: tuple[str, ...]) -> None:
    """Add `child` to `parent` ahead of the first of the elements the schema puts after it (Word
    reports a file whose elements are out of order as damaged)."""
    for name in before:
        found = parent.find(qn(name))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    _insert(table._tbl.tblPr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                        "w:tblCaption", "w:tblDescription"))


def _widths(table, widths_mm: list[float]) -> None:
    """Column widths in the table's grid (what Word and LibreOffice lay out by) and its cells;
    a row is never split across pages (a page head, a signature block)."""
    table.autofit = False
    for column, w in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(w)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def _runs(text: str, style: str) -> str:
    s = STYLES[style]
    props = (("<w:b/>" if s.bold else "") + ("<w:i/>" if s.italic else "")
             + f'<w:sz w:val="{round(s.size * 2)}"/>')
    lines = fonts.nfc(text).split("\n")
    return "<w:br/>".join(f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">'
                          f"{escape(line)}</w:t></w:r>" for line in lines)


_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def _grid(doc, grid: Grid, frame_mm: float) -> None:
    """The table written as WordprocessingML at once: python-docx's cell-by-cell API takes
    seconds for an annex of 150 rows (each cell lookup walks the table)."""
    rest = frame_mm - sum(grid.widths)
    free = sum(1 for w in grid.widths if w == 0)
    widths = [round((w if w else rest / free) * TWIPS_PER_MM) for w in grid.widths]
    starts = {(r0, c0): (c1 - c0 + 1, r1 - r0 + 1) for c0, r0, c1, r1 in grid.spans}
    below = {}  # (row, col) → columns spanned, for the rows a vertical span continues into
    for (r0, c0), (cols, rows) in starts.items():
        for r in range(r0 + 1, r0 + rows):
            below[(r, c0)] = cols
    xml = [f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
           '<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="50" w:type="dxa"/><w:right w:w="50" w:type="dxa"/>'
           "</w:tblCellMar></w:tblPr><w:tblGrid>"]
    xml += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    xml.append("</w:tblGrid>")
    for r, row in enumerate(grid.rows):
        xml.append("<w:tr>")
        if r < grid.header_rows:  # repeated at the top of every page
            xml.append('<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>')
        shade = ('<w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/>'
                 if r < grid.header_rows or r in grid.shaded else "")
        valign = "top" if grid.valign == "top" and r >= grid.header_rows else "center"
        c = 0
        while c < len(row):
            if (r, c) in below:
                cols = below[(r, c)]
                span = f'<w:gridSpan w:val="{cols}"/>' if cols > 1 else ""
                width = sum(widths[c:c + cols])
                xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}'
                           f'<w:vMerge/>{shade}</w:tcPr><w:p/></w:tc>')
                c += cols
                continue
            cols, rows = starts.get((r, c), (1, 1))
            cell = row[c]
            span = f'<w:gridSpan w:val="{cols}"/>' if cols > 1 else ""
            merge = '<w:vMerge w:val="restart"/>' if rows > 1 else ""
            st = STYLES[cell.style]
            indent = (f'<w:ind w:left="{round(2 * cell.indent * TWIPS_PER_MM)}"/>'
                      if cell.indent else "")
            width = sum(widths[c:c + cols])
            fill = ('<w:shd w:val="clear" w:color="auto" w:fill="{:02X}{:02X}{:02X}"/>'
                    .format(*cell.fill) if cell.fill else shade)
            xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}{fill}'
                       f'<w:vAlign w:val="{valign}"/></w:tcPr><w:p><w:pPr>'
                       f'<w:spacing w:before="0" w:after="0"/>{indent}'
                       f'<w:jc w:val="{_JC[st.align]}"/></w:pPr>'
                       f"{_runs(cell.text, cell.style) if cell.text else ''}</w:p></w:tc>")
            c += cols
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    table = parse_xml("".join(xml))
    end = doc.element.body.find(qn("w:sectPr"))  # the body's last child stays its sectPr
    if end is not None:
        end.addprevious(table)
    else:
        doc.element.body.append(table)
    doc.add_paragraph().paragraph_format.space_after = Pt(0)  # Word needs text after a table


def _header(doc, bundle: Bundle, part: Part, frame_mm: float) -> None:
    left_w = frame_mm * (0.42 if part.wide else 0.40)
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, [left_w, frame_mm - left_w])
    left, right = table.rows[0].cells
    if bundle.issuer_parent:
        _cell_paragraph(left, bundle.issuer_parent, "head_parent")
    for line in issuer_lines(bundle.issuer):
        _cell_paragraph(left, line, "head_body")
    _cell_paragraph(left, "—————", "head_body")
    if part.number:
        _cell_paragraph(left, part.number, "number")
    _cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "quoc_hieu")
    _cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc", "tieu_ngu")
    _cell_paragraph(right, "———————————", "tieu_ngu")
    _cell_paragraph(right, bundle.date_line, "date_line")


def _signature(doc, sig: Signature, frame_mm: float, wide: bool) -> None:
    right_w = max(85.0, frame_mm * (0.42 if wide else 0.5))
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    _borderless(table)
    _widths(table, [frame_mm - right_w, right_w])
    left, right = table.rows[0].cells
    if sig.recipients:
        _cell_paragraph(left, "Nơi nhận:", "recipients_head")
        for r in sig.recipients:
            _cell_paragraph(left, f"- {r}", "recipients")
    for line in (*sig.authority, sig.title):
        _cell_paragraph(right, line, "sign_auth")
    for _ in range(5):  # the space for the signature and the seal
        _cell_paragraph(right, "", "sign_auth")
    _cell_paragraph(right, sig.name, "sign_name")


def _page_numbers(section, first: bool) -> None:
    """The page number centred in the header, not on the part's first page, from 1 again.
    The later sections share the first one's header (linked), so its field is added once."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty header of its own
    if section._sectPr.find(qn("w:pgNumType")) is None:  # a new section copies the last one's
        number = OxmlElement("w:pgNumType")
        number.set(qn("w:start"), "1")
        _insert(section._sectPr, number, ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                          "w:titlePg", "w:textDirection", "w:bidi",
                                          "w:rtlGutter", "w:docGrid", "w:printerSettings"))
    if not first:
        return
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _setup(section, wide: bool, first: bool) -> float:
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE[1], PAGE[0]) if wide else PAGE
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(8)
    _page_numbers(section, first)
    return (297 if wide else 210) - 30 - 15


def render(bundle: Bundle, out: Path | str) -> Path:
    """Write the .docx (atomically)."""
    doc = new_document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    doc.core_properties.title = fonts.nfc(bundle.title)
    doc.core_properties.subject = fonts.nfc(bundle.subject)
    doc.core_properties.author = bundle.issuer
    for i, part in enumerate(bundle.parts):
        section = doc.sections[0] if i == 0 else doc.add_section(WD_SECTION.NEW_PAGE)
        frame = _setup(section, part.wide, i == 0)
        if part.header:
            _header(doc, bundle, part, frame)
        if part.doc_type:
            _paragraph(doc, part.doc_type, "doc_type")
        if part.annex:
            _paragraph(doc, part.annex, "annex")
        for line in part.title:
            _paragraph(doc, line, "title")
        for line in part.subtitle:
            _paragraph(doc, line, "subtitle")
        if part.ref:
            _paragraph(doc, part.ref, "ref")
        _paragraph(doc, "", "subtitle")
        for block in part.body:
            if isinstance(block, Text):
                _paragraph(doc, block.text, block.style, block.lead)
            elif isinstance(block, Grid):
                _grid(doc, block, frame)
            elif isinstance(block, Gap):
                doc.add_paragraph().paragraph_format.space_after = Pt(block.mm * 2.83)
            elif isinstance(block, Chart):
                from parapp.core.reports.chart import chart_png
                png = chart_png(block.bars, frame * MM, block.height * MM, block.places)
                doc.add_picture(io.BytesIO(png), width=Mm(frame))
            elif not block.unless_room:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if part.signature is not None:
            _signature(doc, part.signature, frame, part.wide)
    buffer = io.BytesIO()
    doc.save(buffer)
    write_bytes(Path(out), buffer.getvalue())
    return Path(out)
