"""Malformed and hostile workbooks, through `parapp import`: refused with the file and the part
or Sheet!Cell, exit 1, the period byte-identical; never a traceback or "lỗi không mong đợi".

Each workbook is a good one made with openpyxl, rewritten part by part with zipfile.
"""
import random
import re
import struct
import threading
import zipfile
from decimal import Decimal as D
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from workbook_parts import (
    HEADERS,
    NS,
    SHEET,
    book_with,
    data_row,
    good_book,
    make_period,
    padded_sheet,
    rewrite,
    sheet_xml,
    text_cell,
)
from workbook_parts import (
    run_import as run,
)

from parapp.core.interchange import xlsx
from parapp.core.store import Store

SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


@pytest.fixture
def period(tmp_path) -> Path:
    return make_period(tmp_path / "p.parapp")


def refused(period: Path, book: Path, kind: str = "scores") -> str:
    """The one line of a workbook refused as a whole."""
    code, lines = run(period, book, kind)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"parapp: lỗi: {book.name}: ")
    return lines[0].removeprefix("parapp: lỗi: ")


# -- cells openpyxl cannot decode: the cell and the rule ---------------------------------------

def test_a_number_cell_that_is_not_a_number_is_refused_with_its_cell(period, tmp_path):
    book = book_with(tmp_path, data_row(2, '<c r="C2"><v>5</v></c>'),
                     data_row(3, '<c r="C3"><v>NaN</v></c>', unit="STP"))
    assert refused(period, book) == "diem.xlsx: Điểm!C3: «NaN» không phải là số"


def test_other_undecodable_cells(period, tmp_path):
    cases = {  # the cell as written → the message
        '<c r="C2"><v>12abc</v></c>': "Điểm!C2: «12abc» không phải là số",
        '<c r="C2" t="b"><v>yes</v></c>': "Điểm!C2: «yes» không phải là giá trị đúng/sai",
        '<c r="C2" t="d"><v>hôm qua</v></c>': "Điểm!C2: «hôm qua» không phải là ngày giờ",
        '<c r="C2" s="x"><v>5</v></c>': "Điểm!C2: kiểu định dạng «x» không hợp lệ",
        '<c r="C2x"><v>5</v></c>': "trang «Điểm», dòng 2: địa chỉ ô «C2x» không hợp lệ",
    }
    for i, (cell, message) in enumerate(cases.items()):
        book = book_with(tmp_path, data_row(2, cell), name=f"d{i}.xlsx")
        assert refused(period, book) == f"d{i}.xlsx: {message}"


def test_cells_openpyxl_would_read_silently_wrong_are_refused(period, tmp_path):
    twice = book_with(tmp_path, data_row(2, '<c r="C2"><v>5</v></c><c r="C2"><v>6</v></c>'),
                      name="hai-lan.xlsx")
    assert refused(period, twice) == ("hai-lan.xlsx: Điểm!C2: ô lặp lại, sai thứ tự hoặc nằm "
                                      "ngoài dòng 2 của nó trong XML của trang")
    elsewhere = book_with(tmp_path, data_row(2, '<c r="C7"><v>5</v></c>'), name="lac.xlsx")
    assert refused(period, elsewhere).startswith("lac.xlsx: Điểm!C7: ô lặp lại")
    backwards = book_with(tmp_path, data_row(3, '<c r="C3"><v>5</v></c>'),
                          data_row(2, '<c r="C2"><v>4</v></c>', unit="STP"), name="nguoc.xlsx")
    assert refused(period, backwards) == ("nguoc.xlsx: trang «Điểm»: dòng 2 không theo thứ tự "
                                          "(sau dòng 3) hoặc ngoài giới hạn của Excel")
    beyond = book_with(tmp_path, data_row(1048577, '<c r="C1048577"><v>5</v></c>'),
                       name="xa.xlsx")
    assert "dòng 1048577 không theo thứ tự" in refused(period, beyond)


def test_merged_whole_columns_or_rows_are_refused_as_an_invalid_range(period, tmp_path):
    """Excel writes a merge's four corners; "A:B" has no rows, "2:3" no columns (openpyxl's
    reader would fail on them with a TypeError)."""
    for i, ref in enumerate(("A:B", "2:3")):
        sheet = sheet_xml(data_row(2, '<c r="C2"><v>5</v></c>')).replace(
            b"</sheetData>",
            f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode())
        book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / f"g{i}.xlsx", {SHEET: sheet})
        assert refused(period, book) == f"g{i}.xlsx: trang «Điểm»: vùng ô gộp «{ref}» không hợp lệ"


def test_rows_beyond_what_the_sheet_says_it_holds_are_read(period, tmp_path):
    """<dimension> is the writer's word on the sheet's size; a wrong one hides no row."""
    rows = data_row(2, '<c r="C2"><v>5</v></c>') + data_row(3, '<c r="C3"><v>3</v></c>',
                                                          criterion="1.1")
    book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "co.xlsx", {
        SHEET: sheet_xml(rows).replace(b"<sheetData>", b'<dimension ref="A1:D2"/><sheetData>')})
    assert run(period, book)[0] == 0
    with Store.open(period, readonly=True) as store:
        assert store.score("SYT", "1.1")["self_points"] == D(3)


def test_a_shared_formula_never_calculated_is_named_as_excel_shows_it(period, tmp_path):
    book = book_with(tmp_path, data_row(2, '<c r="C2"><f t="shared" si="0" ref="C2:C3">LEN(B2)</f>'
                                           '<v>2</v></c>'),
                     data_row(3, '<c r="C3"><f t="shared" si="0"/></c>', unit="STP"))
    code, lines = run(period, book)
    assert (code, lines[1:]) == (1, ["  Điểm!C3: công thức «=LEN(B3)» chưa có giá trị đã tính; hãy "
                                     "mở tệp bằng Excel hoặc LibreOffice và lưu lại"])


def test_excel_error_values_and_infinite_numbers_are_refused_with_their_cells(period, tmp_path):
    book = book_with(
        tmp_path,
        data_row(2, '<c r="C2" t="e"><v>#DIV/0!</v></c>'),
        data_row(3, '<c r="C3"><v>1e400</v></c>', unit="STP"),
        data_row(4, '<c r="C4"><v>4</v></c><c r="D4" t="e"><f>VLOOKUP(A4,X:Y,2)</f><v>#N/A</v>'
                    '</c>', unit="SYT", criterion="1.1"))
    code, lines = run(period, book)
    assert code == 1
    assert lines == ["parapp: lỗi: diem.xlsx: 3 lỗi, không có dữ liệu nào được nhập",
                     "  Điểm!C2: ô chứa giá trị lỗi #DIV/0! của Excel",
                     "  Điểm!C3: số vượt giới hạn của Excel",
                     "  Điểm!D4: ô chứa giá trị lỗi #N/A của Excel"]


def test_a_text_beyond_the_columns_limit_is_refused_with_its_cell(period, tmp_path):
    words = random.Random(1).choices(["báo cáo", "kế hoạch", "quý", "IV", "đã", "gửi"], k=1 << 18)
    note = text_cell("D2", " ".join(words)[:1 << 20])  # 1 MB (openpyxl would cut it to 32,767)
    code, lines = run(period, book_with(tmp_path, data_row(2, '<c r="C2"><v>5</v></c>' + note)))
    assert (code, lines[1:]) == (1, ["  Điểm!D2: dài 1.048.576 ký tự, vượt giới hạn 5.000 ký tự "
                                     "của cột"])


values = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.floats().map(repr), st.integers().map(str), st.decimals().map(str),
    st.from_regex(r"-?[0-9]{0,4}([.,][0-9]{0,6})?([eE][+-]?[0-9]{1,4})?%?", fullmatch=True))
types = st.one_of(st.sampled_from(["n", "s", "b", "d", "e", "str", "inlineStr"]),
                  st.text(st.characters(blacklist_categories=("Cs",)), max_size=3))


@settings(max_examples=40, deadline=None)
@given(value=values, kind=types)
def test_any_cell_is_imported_in_range_or_refused_naming_it(tmp_path_factory, value, kind):
    """Whatever a score cell holds, as whatever type: imported within 0…max, or refused naming
    the cell (or the sheet's part when the text is not even XML), the period unchanged."""
    folder = tmp_path_factory.mktemp("cell")
    period = make_period(folder / "p.parapp")
    cell = f'<c r="C2" t={quoteattr(kind)}><v>{escape(value)}</v></c>'
    code, lines = run(period, book_with(folder, data_row(2, cell)))
    if code == 0:
        with Store.open(period, readonly=True) as store:
            points = store.score("SYT", "1.2")["self_points"]
        assert points is None or D(0) <= points <= D(6)  # None: an empty cell
    else:
        assert code == 1 and ("Điểm!C2" in "\n".join(lines) or SHEET in lines[0]), lines


# -- the package: damaged zip, damaged or missing parts ---------------------------------------

def test_a_truncated_or_foreign_file(period, tmp_path):
    book = good_book(tmp_path / "base.xlsx")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(book.read_bytes()[:book.stat().st_size // 2])
    assert refused(period, cut) == ("cut.xlsx: sổ tính bị hỏng hoặc không trọn vẹn (không đọc "
                                    "được mục lục zip)")
    text = tmp_path / "text.xlsx"
    text.write_text("Mã đơn vị;Mã tiêu chí\n", encoding="utf-8")
    assert refused(period, text) == "text.xlsx: không phải sổ tính (.xlsx, .xls hoặc .ods)"
    short = tmp_path / "ngan.xls"  # too little of an .xls for the reader to tell its format
    short.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert refused(period, short) == ("ngan.xls: không đọc được sổ tính (tệp bị hỏng hoặc không "
                                      "trọn vẹn)")


def corrupt(book: Path, out: Path, name: str) -> Path:
    """`book` with a byte of part `name`'s compressed data changed, its directory intact."""
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as z:
        info = z.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x55
    out.write_bytes(bytes(data))
    return out


def test_every_part_damaged_or_cut_short_is_refused_by_its_name(period, tmp_path):
    book = good_book(tmp_path / "base.xlsx")
    with zipfile.ZipFile(book) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for i, (name, data) in enumerate(parts.items()):
        damaged = corrupt(book, tmp_path / f"hong{i}.xlsx", name)
        assert refused(period, damaged).startswith(f"hong{i}.xlsx: phần {name} bị hỏng ("), name
        cut = rewrite(book, tmp_path / f"cut{i}.xlsx", {name: data[:len(data) // 2]})
        assert refused(period, cut).startswith(f"cut{i}.xlsx: phần {name}: XML hỏng ở dòng "), name


def test_parts_no_xml_parser_reads_are_unpacked_but_not_parsed(period, tmp_path):
    book = good_book(tmp_path / "base.xlsx")
    extra = {"xl/media/image1.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
             "xl/printerSettings/printerSettings1.bin": b"", "customXml/empty.xml": b"",
             "xl/drawings/vmlDrawing1.vml": b"<xml><v:shape><br></v:shape></xml>"}  # as Excel's
    assert run(period, rewrite(book, tmp_path / "them.xlsx", extra))[0] == 0
    damaged = corrupt(rewrite(book, tmp_path / "anh.xlsx", extra), tmp_path / "anh-hong.xlsx",
                      "xl/media/image1.png")
    assert refused(period, damaged).startswith("anh-hong.xlsx: phần xl/media/image1.png bị hỏng")
    hostile = rewrite(book, tmp_path / "vml.xlsx", {"xl/drawings/vmlDrawing1.vml":
                                                    b'<!DOCTYPE x [<!ENTITY e "e">]><xml><br>'})
    assert refused(period, hostile) == f"vml.xlsx: phần xl/drawings/vmlDrawing1.vml {DTD_REFUSED}"


def shared_strings_book(tmp_path: Path, name: str, sst: bytes | None,
                        listed: bool = True, index: str = "0") -> Path:
    """Header and unit code as shared strings (as Excel writes them); the unit cell points at
    string `index`; `sst` is the strings part (None: left out), `listed` whether the package's
    content types name it."""
    base = good_book(tmp_path / "base.xlsx")
    with zipfile.ZipFile(base) as z:
        types = z.read("[Content_Types].xml").decode()
    if listed:
        types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" '
                                          f'ContentType="{SST_TYPE}"/></Types>')
    header = "".join(f'<c r="{col}1" t="s"><v>{i + 1}</v></c>' for i, col in enumerate("ABCD"))
    sheet = (f'<worksheet {NS}><sheetData><row r="1">{header}</row><row r="2">'
             f'<c r="A2" t="s"><v>{index}</v></c>{text_cell("B2", "1.2")}<c r="C2"><v>5</v></c>'
             '</row></sheetData></worksheet>').encode()
    return rewrite(base, tmp_path / name, {"[Content_Types].xml": types.encode(), SHEET: sheet,
                                           "xl/sharedStrings.xml": sst})


def sst(*strings: str, before: str = "") -> bytes:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0"?>{before}<sst {NS}>{items}</sst>'.encode()


def test_shared_strings_missing_damaged_or_misused(period, tmp_path):
    good = shared_strings_book(tmp_path, "dung.xlsx", sst("SYT", *map(escape, HEADERS)))
    assert run(period, good)[0] == 0  # the shape Excel writes imports
    missing = shared_strings_book(tmp_path, "thieu.xlsx", None)
    assert refused(period, missing) == ("thieu.xlsx: không đọc được sổ tính (thiếu phần "
                                        "xl/sharedStrings.xml)")
    unlisted = shared_strings_book(tmp_path, "khong-khai.xlsx", None, listed=False)
    assert refused(period, unlisted) == (
        "khong-khai.xlsx: Điểm!A1: không có chuỗi số «1» trong bảng chuỗi dùng chung (phần "
        "xl/sharedStrings.xml thiếu hoặc hỏng)")
    cut = shared_strings_book(tmp_path, "cut.xlsx", sst("SYT", *HEADERS)[:-10])
    assert refused(period, cut).startswith("cut.xlsx: phần xl/sharedStrings.xml: XML hỏng ở ")
    for index in ("-1", "99", "1.5", "x"):  # -1 would silently be the last string
        book = shared_strings_book(tmp_path, "chi-so.xlsx", sst("SYT", *map(escape, HEADERS)),
                                   index=index)
        assert refused(period, book) == (
            f"chi-so.xlsx: Điểm!A2: không có chuỗi số «{index}» trong bảng chuỗi dùng chung "
            "(phần xl/sharedStrings.xml thiếu hoặc hỏng)")


# -- XML entities: never expanded, never fetched -----------------------------------------------

@pytest.fixture
def web():
    """A local web server that counts the requests it gets."""
    hits = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"BI MAT")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


DTD_REFUSED = ("có khai báo DTD/thực thể (<!DOCTYPE>, <!ENTITY>), điều sổ tính Excel không bao "
               "giờ có; từ chối để không thực thể nào được mở rộng hay tải về")


def test_external_entities_are_neither_fetched_nor_expanded(period, tmp_path, web):
    url, hits = web
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT", encoding="utf-8")
    for i, dtd in enumerate([
            f'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
            f'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "{url}/x">]>',
            f'<!DOCTYPE worksheet SYSTEM "{url}/dtd">',
            f'<!DOCTYPE worksheet [<!ENTITY % p SYSTEM "{url}/p"> %p;]>']):
        book = book_with(tmp_path, data_row(2, '<c r="C2"><v>5</v></c>'
                                               '<c r="D2" t="inlineStr"><is><t>&x;</t></is></c>'),
                         name=f"xxe{i}.xlsx", before=dtd)
        assert refused(period, book) == f"xxe{i}.xlsx: phần {SHEET} {DTD_REFUSED}"
    assert hits == []


def test_entity_expansion_is_refused_in_shared_strings(period, tmp_path):
    laughs = ('<!DOCTYPE sst [<!ENTITY a "lol">'
              + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
                        for a, b in zip("abcdefgh", "bcdefghi")) + "]>")
    book = shared_strings_book(tmp_path, "cuoi.xlsx", sst("&i;", *HEADERS, before=laughs))
    assert refused(period, book) == f"cuoi.xlsx: phần xl/sharedStrings.xml {DTD_REFUSED}"


def test_a_dtd_in_any_part_is_refused_by_the_parts_name(period, tmp_path):
    book = good_book(tmp_path / "base.xlsx")
    with zipfile.ZipFile(book) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for i, (name, data) in enumerate(parts.items()):
        declaration = re.match(rb"<\?xml[^>]*\?>", data)
        at = declaration.end() if declaration else 0
        bad = data[:at] + b'<!DOCTYPE x [<!ENTITY e "e">]>' + data[at:]
        dtd = rewrite(book, tmp_path / f"dtd{i}.xlsx", {name: bad})
        assert refused(period, dtd) == f"dtd{i}.xlsx: phần {name} {DTD_REFUSED}"


# -- bounded: bombs and huge sheets are refused before they cost minutes or gigabytes ----------

def declare_size(book: Path, name: str, size: int) -> Path:
    """Make the zip's central directory claim that part `name` unpacks to `size` bytes."""
    data = bytearray(book.read_bytes())
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name.encode():
            break
        at += 4
    struct.pack_into("<I", data, at + 24, size)
    book.write_bytes(bytes(data))
    return book


def test_a_compression_bomb_is_refused_from_the_directory(period, tmp_path):
    base = good_book(tmp_path / "base.xlsx")
    bomb = rewrite(base, tmp_path / "bom.xlsx", {SHEET: padded_sheet(30)})
    message = refused(period, bomb)
    assert re.fullmatch(r"bom\.xlsx: phần xl/worksheets/sheet1\.xml giải nén ra 30 MB từ "
                        r"[\d,]+ KB \(gấp [\d.]+ lần, sổ tính thật không quá 100 lần\): tệp được "
                        r"tạo để gây quá tải \(bom nén\)", message), message
    huge = declare_size(rewrite(base, tmp_path / "lon.xlsx", {}), SHEET, 2_254_857_830)
    assert refused(period, huge) == ("lon.xlsx: phần xl/worksheets/sheet1.xml giải nén ra 2,1 GB, "
                                     "vượt giới hạn 128 MB của một sổ tính nhập liệu")


def test_a_directory_that_understates_a_bomb_does_not_let_it_through(period, tmp_path):
    base = good_book(tmp_path / "base.xlsx")
    bomb = rewrite(base, tmp_path / "bom.xlsx", {SHEET: padded_sheet(30)})
    declare_size(bomb, SHEET, 4000)  # below every limit: unpacking stops at 4000 bytes
    assert refused(period, bomb) == ("bom.xlsx: phần xl/worksheets/sheet1.xml bị hỏng (sai mã "
                                     "kiểm tra CRC); hãy mở tệp bằng Excel hoặc LibreOffice và "
                                     "lưu lại")


def test_the_parts_together_are_limited(period, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_BYTES", 1 << 20)  # so that the test need not unpack 128 MB
    noise = bytes(range(256)) * 2500  # 625 KB each, hardly compressible
    book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "nhieu.xlsx",
                   {"xl/media/a.bin": noise, "xl/media/b.bin": noise})
    assert re.fullmatch(r"nhieu\.xlsx: các phần giải nén ra 1,2 MB, vượt giới hạn 1 MB của một "
                        r"sổ tính nhập liệu", refused(period, book))


def test_a_zip_of_too_many_parts_is_refused_before_its_directory_is_loaded(period, tmp_path):
    book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "phan.xlsx",
                   {f"x/{i}": b"" for i in range(10_001)})
    assert refused(period, book) == ("phan.xlsx: sổ tính có hơn 10.000 phần (Excel chỉ tạo vài "
                                     "chục); tệp hỏng hoặc cố tình gây quá tải")


def test_an_element_too_wide_to_read_is_refused_before_openpyxl_builds_it(period, tmp_path):
    row = "".join(f"<c><v>{n}</v></c>" for n in range(150_000))  # one row: gigabytes at 10 M
    book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "rong.xlsx",
                   {SHEET: sheet_xml(f'<row r="2">{row}</row>')})
    assert refused(period, book) == (
        "rong.xlsx: phần xl/worksheets/sheet1.xml có một phần tử XML với hơn 65.536 phần tử con "
        "(một dòng Excel có tối đa 16.384 ô): đọc nó có thể tốn hàng GB bộ nhớ")


def test_a_sheet_of_100000_rows_is_refused_at_the_row_limit(period, tmp_path):
    rows = "".join(data_row(n, f'<c r="C{n}"><v>1</v></c>') for n in range(2, 100_002))
    book = rewrite(good_book(tmp_path / "base.xlsx"), tmp_path / "dong.xlsx",
                   {SHEET: sheet_xml(rows)})
    assert refused(period, book) == (
        "dong.xlsx: trang «Điểm» có hơn 60.000 dòng dữ liệu (dừng đọc ở dòng 60002); một trang "
        "nhận tối đa 60.000 dòng, đủ cho 500 đơn vị × 120 tiêu chí: hãy chia thành nhiều tệp")


# -- values beyond any sensible range: refused in every sheet kind, never stored ---------------

def sheet_book(path: Path, title: str, rows: list[list]) -> Path:
    wb = Workbook()
    wb.active.title = title
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def errors_of(period: Path, book: Path, kind: str) -> list[str]:
    code, lines = run(period, book, kind)
    assert code == 1, lines
    return [line.strip() for line in lines[1:]]


TOO_BIG = "quá lớn: mọi số trong sổ tính nhập liệu đều dưới 1.000.000"


def test_values_beyond_any_sensible_range_are_refused_in_every_sheet_kind(period, tmp_path):
    cases = {
        "criteria": ("Tiêu chí", [
            ["Mã", "Nội dung", "Điểm tối đa", "Điểm tối đa (SO)"],
            ["1.1", "Kế hoạch", 150, None], ["1.2", "Báo cáo", 0, None],
            ["1", "Chỉ đạo", 10, "1e400"], ["2", "Cải cách", -1, None]], [
            "Tiêu chí!C2: «150»: điểm tối đa vượt 100, số điểm của cả Chỉ số",
            "Tiêu chí!C3: «0»: điểm tối đa phải lớn hơn 0",
            f"Tiêu chí!D4: điểm tối đa «1e400» {TOO_BIG}",
            "Tiêu chí!C5: «-1»: điểm tối đa phải lớn hơn 0"]),
        "units": ("Đơn vị", [
            ["Mã đơn vị", "Tên đơn vị", "Khối", "Xếp hạng năm trước"],
            ["SYT", "Sở Y tế", "SO", 4], ["STP", "Sở Tư pháp", "SO", "1e400"],
            ["SXD", "Sở Xây dựng", "SO", 2.5]], [
            f"Đơn vị!D3: xếp hạng «1e400» {TOO_BIG}",
            "Đơn vị!D4: xếp hạng năm trước phải là số nguyên dương",
            "Đơn vị!D2: xếp hạng năm trước 4 lớn hơn số đơn vị của kỳ đánh giá (3)"]),
        "scores": ("Điểm", [
            ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Điểm thẩm định"],
            ["SYT", "1.2", "1e400", None], ["STP", "1.2", 1e300, None],
            ["STP", "1.1", 4, 4.5]], [
            f"Điểm!C2: điểm tự đánh giá «1e400» {TOO_BIG}",
            f"Điểm!C3: điểm tự đánh giá «1e+300» {TOO_BIG}",
            "Điểm!D4: điểm thẩm định «4.5»: điểm vượt điểm tối đa 4,00"]),
        "survey": ("Điều tra", [
            ["Mã đơn vị", "SIPAS (%)", "ĐTXHH (%)"], ["SYT", "1e400", 101], ["STP", -5, None]], [
            f"Điều tra!B2: SIPAS «1e400» {TOO_BIG}",
            "Điều tra!C2: ĐTXHH 101,00% phải trong khoảng 0…100%",
            "Điều tra!B3: SIPAS -5,00% phải trong khoảng 0…100%"]),
        "adjustments": ("Điểm thưởng, trừ", [
            ["Mã đơn vị", "Loại", "Nội dung", "Điểm tự đánh giá", "Điểm thẩm định"],
            ["SYT", "Thưởng", "Sáng kiến", 150, None], ["STP", "Trừ", "Sai phạm", 0, "1e400"],
            ["STP", "Trừ", "Chậm báo cáo", -1, None]], [
            "Điểm thưởng, trừ!D2: «150»: vượt 100 điểm của cả Chỉ số",
            f"Điểm thưởng, trừ!E3: điểm «1e400» {TOO_BIG}",
            "Điểm thưởng, trừ!D4: «-1»: ghi điểm dương (loại đã cho biết thưởng hay trừ)"]),
    }
    with Store.open(period) as store, store.edit() as ed:
        ed.add_unit("SXD", "Sở Xây dựng", "SO")
    for kind, (title, rows, expected) in cases.items():
        book = sheet_book(tmp_path / f"{kind}.xlsx", title, rows)
        assert errors_of(period, book, kind) == expected, kind


def test_a_bonus_or_penalty_above_the_periods_cap_is_refused(period, tmp_path):
    with Store.open(period) as store, store.edit() as ed:
        ed.set_setting("penalty_cap", "3")
    book = sheet_book(tmp_path / "tru.xlsx", "Điểm thưởng, trừ", [
        ["Mã đơn vị", "Loại", "Nội dung", "Điểm tự đánh giá", "Điểm thẩm định"],
        ["SYT", "Thưởng", "Sáng kiến", 4, None], ["STP", "Trừ", "Sai phạm", 0, 3.5]])
    assert errors_of(period, book, "adjustments") == [
        "Điểm thưởng, trừ!E3: «3.5»: vượt mức tối đa 3,00 điểm của kỳ đánh giá"]


def test_band_thresholds_beyond_100_percent_are_refused(period, tmp_path):
    book = sheet_book(tmp_path / "tc.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa", "Cách chấm"],
        ["1.1", "Kế hoạch", 4, "Theo khoảng tỷ lệ: ≥500% 4; ≥0% 0"]])
    assert errors_of(period, book, "criteria") == [
        "Tiêu chí!A2: Tiêu chí 1.1: có ngưỡng tỷ lệ ngoài 0…100%"]


NUMBER_CELLS = {  # per sheet kind: a valid row, and which of its cells hold numbers
    "criteria": ("Tiêu chí", ["Mã", "Nội dung", "Điểm tối đa", "Điểm tối đa (SO)"],
                 ["1.2", "Báo cáo", 6, 6], [2, 3]),
    "units": ("Đơn vị", ["Mã đơn vị", "Tên đơn vị", "Khối", "Xếp hạng năm trước"],
              ["SYT", "Sở Y tế", "SO", 1], [3]),
    "scores": ("Điểm", ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Điểm thẩm định",
                        "Lý do trừ điểm", "Điểm thẩm định lần 2", "Lý do (lần 2)"],
               ["SYT", "1.2", 5, 5, "x", 5, "y"], [2, 3, 5]),
    "survey": ("Điều tra", ["Mã đơn vị", "SIPAS (%)", "ĐTXHH (%)"], ["SYT", 90, 80], [1, 2]),
    "adjustments": ("Điểm thưởng, trừ", ["Mã đơn vị", "Loại", "Nội dung", "Điểm tự đánh giá",
                                         "Điểm thẩm định"], ["SYT", "Thưởng", "Sáng kiến", 1, 1],
                    [3, 4]),
}
numbers = st.one_of(
    st.floats(), st.integers(), st.decimals(), st.floats(-200, 200),
    st.decimals(-200, 200, places=4), st.integers(-5, 200),
    st.sampled_from(["1e400", "-1e400", "NaN", "INF", "12abc", "1e-400", "0x10", "1_000"]))


def assert_sane(period: Path) -> None:
    """What any import must leave: every stored number within its rule."""
    with Store.open(period, readonly=True) as store:
        snap = store.snapshot()
    tree, units = snap.tree, snap.units
    for node in tree.nodes.values():
        assert D(0) < node.max_points <= 100
        assert all(D(0) <= v <= 100 for v in node.block_max.values())
    for unit in units:
        assert unit.prev_rank is None or 1 <= unit.prev_rank <= len(units)
        for pct in (unit.sipas_pct, unit.survey_pct):
            assert pct is None or D(0) <= pct <= 100
        for a in unit.adjustments:
            assert all(v is None or D(0) <= v <= 100 for v in (a.self_points, a.appraisal))
        for key, score in unit.scores.items():
            top = tree.nodes[key].max_for(unit.block)
            for v in (score.self_points, score.appraisal, score.appraisal2):
                assert v is None or D(0) <= v <= top


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(sorted(NUMBER_CELLS)), data=st.data())
def test_any_number_in_any_sheet_is_stored_within_its_rule_or_refused_with_where(
        tmp_path_factory, kind, data):
    title, header, row, columns = NUMBER_CELLS[kind]
    column = data.draw(st.sampled_from(columns))
    value = data.draw(numbers)
    row = list(row)
    row[column] = value if not isinstance(value, D) else str(value)
    folder = tmp_path_factory.mktemp("number")
    period = make_period(folder / "p.parapp")
    code, lines = run(period, sheet_book(folder / "b.xlsx", title, [header, row]), kind)
    if code == 0:
        assert_sane(period)
    else:  # the cell; for maxima that no longer add up, the criterion concerned
        assert code == 1 and f"  {title}" in "\n".join(lines), (value, lines)
