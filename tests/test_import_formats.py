"""Values read by python-calamine (issue 16): .xlsx reads as it did with openpyxl, and .ods and
.xls import with the same Sheet!Cell messages and the same all-or-nothing rule."""
import shutil
import sqlite3
import subprocess
import zipfile
from decimal import Decimal as D
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook
from workbook_parts import HEADERS, book_with, data_row, make_period, sha, text_cell
from workbook_parts import run_import as run

from parapp.core.interchange import xlsx
from parapp.core.interchange.columns import LAYOUTS
from parapp.core.interchange.importer import import_file
from parapp.core.interchange.xlsx import ImportFailed, read_sheet
from parapp.core.store import Store


@pytest.fixture
def period(tmp_path) -> Path:
    return make_period(tmp_path / "p.parapp")


def self_scores(period: Path) -> dict[tuple[str, str], D]:
    """The self-assessed points the import gave (those not given evaluate to 0)."""
    with Store.open(period, readonly=True) as store:
        results = store.evaluate().results
        units = {u.code: u.uuid for u in store.units()}
        crits = {c: store.tree().by_code[c].key for c in ("1.1", "1.2")}
        return {(u, c): results[units[u]].node_self[crits[c]]
                for u in units for c in ("1.1", "1.2")
                if results[units[u]].node_self.get(crits[c])}


# -- .ods: written here, a zip of content.xml as LibreOffice writes it -------------------------

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')


class Xml(str):
    """A cell written as given: what LibreOffice writes beyond plain values."""


def ods_cell(value) -> str:
    if isinstance(value, Xml):
        return value
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, str):
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
                "</table:table-cell>")
    return (f'<table:table-cell office:value-type="float" office:value="{value!r}">'
            f"<text:p>{value}</text:p></table:table-cell>")


# LibreOffice fills a sheet out to its last row and column with empty repeated cells
LIBREOFFICE_PADDING = Xml('<table:table-row table:number-rows-repeated="1048571">'
                          '<table:table-cell table:number-columns-repeated="16384"/>'
                          "</table:table-row>")


def ods(path: Path, title: str, rows: list) -> Path:
    body = "".join(row if isinstance(row, Xml) else
                   "<table:table-row>" + "".join(map(ods_cell, row)) + "</table:table-row>"
                   for row in rows)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="{escape(title)}">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   zipfile.ZIP_STORED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def test_an_ods_workbook_imports_with_exact_numbers(period, tmp_path):
    book = ods(tmp_path / "diem.ods", "Điểm", [HEADERS, ["SYT", "1.2", 0.75, "Có báo cáo"],
                                               ["STP", "1.1", 3, None],
                                               ["STP", "1.2", 0.1 + 0.2, None],
                                               LIBREOFFICE_PADDING])
    assert run(period, book) == (0, [])
    assert self_scores(period) == {("SYT", "1.2"): D("0.75"), ("STP", "1.1"): D(3),
                                   ("STP", "1.2"): D("0.3")}


def test_an_ods_workbook_with_bad_values_is_refused_naming_each_cell(period, tmp_path):
    # what the reader refuses (error values, texts over the column's limit) …
    book = ods(tmp_path / "loi.ods", "Điểm", [
        HEADERS, ["SYT", "1.2", "#DIV/0!", None], ["STP", "1.1", 2, "x" * 100_000],
        ["STP", "1.2", "Err:502", None]])
    code, lines = run(period, book)
    assert (code, lines) == (1, [
        "parapp: lỗi: loi.ods: 3 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!C2: ô chứa giá trị lỗi #DIV/0! của Excel",
        "  Điểm!D3: dài 100.000 ký tự, vượt giới hạn 5.000 ký tự của cột",
        "  Điểm!C4: ô chứa giá trị lỗi Err:502 của Excel"])
    # … then what the import refuses, every row checked
    book = ods(tmp_path / "sai.ods", "Điểm", [
        HEADERS, ["SYT", "1.2", "năm", None], ["STP", "1.1", 1e300, None],
        ["SYT", "1.1", 2, None]])
    code, lines = run(period, book)
    assert code == 1
    assert lines[0] == "parapp: lỗi: sai.ods: 2 lỗi, không có dữ liệu nào được nhập"
    assert [line.split(":")[0].strip() for line in lines[1:]] == ["Điểm!C2", "Điểm!C3"]


def test_ods_error_values_formulas_without_values_and_merged_cells_are_named(period, tmp_path):
    # as LibreOffice writes an error: a string value of "" that calamine reads as an empty cell
    error = Xml('<table:table-cell table:formula="of:=1/0" office:value-type="string" '
                'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
                "</table:table-cell>")
    uncalculated = Xml('<table:table-cell table:formula="of:=[.A9]+1"/>')
    merged = Xml('<table:table-cell table:number-columns-spanned="2" office:value-type="string">'
                 "<text:p>gộp</text:p></table:table-cell><table:covered-table-cell/>")
    book = ods(tmp_path / "loi.ods", "Điểm", [
        HEADERS, ["SYT", "1.2", error, None], ["STP", "1.1", uncalculated, None],
        Xml('<table:table-row table:number-rows-repeated="2"><table:table-cell '
            'office:value-type="string"><text:p>SYT</text:p></table:table-cell>'
            '<table:table-cell office:value-type="string"><text:p>1.1</text:p>'
            f"</table:table-cell>{error}</table:table-row>"),
        ["STP", "1.2", 1, merged], LIBREOFFICE_PADDING])
    assert run(period, book) == (1, [
        "parapp: lỗi: loi.ods: 5 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!C2: ô chứa giá trị lỗi #DIV/0! của Excel",
        "  Điểm!C3: công thức «of:=[.A9]+1» chưa có giá trị đã tính; hãy mở tệp bằng Excel "
        "hoặc LibreOffice và lưu lại",
        "  Điểm!C4: ô chứa giá trị lỗi #DIV/0! của Excel",
        "  Điểm!C5: ô chứa giá trị lỗi #DIV/0! của Excel",
        "  Điểm!D6:E6: ô gộp trong vùng dữ liệu; hãy bỏ gộp ô"])


def test_an_ods_cell_repeated_over_millions_is_refused_before_calamine_expands_it(
        period, tmp_path, monkeypatch):
    from parapp.core.interchange import xlsx
    one = Xml('<table:table-row table:number-rows-repeated="100000"><table:table-cell '
              'table:number-columns-repeated="1000" office:value-type="float" office:value="1">'
              "<text:p>1</text:p></table:table-cell></table:table-row>")
    book = ods(tmp_path / "lap.ods", "Điểm", [HEADERS, one])
    assert book.stat().st_size < 2_000  # a kilobyte asking calamine for 100 million values

    def never(*_args, **_kwargs):
        raise AssertionError("calamine was asked to read it")
    monkeypatch.setattr(xlsx.CalamineWorkbook, "from_filelike", never)
    assert run(period, book) == (1, [
        "parapp: lỗi: lap.ods: trang «Điểm»: các ô có dữ liệu trải trên vùng A1:ALL100001 "
        "(100.001.000 ô), vượt giới hạn 4.000.000 ô của một trang nhập liệu; hãy xóa các ô "
        "thừa ở xa vùng dữ liệu"])
    huge = Xml('<table:table-row table:number-rows-repeated="99999999999"/>')
    code, lines = run(period, ods(tmp_path / "sai.ods", "Điểm", [HEADERS, huge]))
    assert (code, lines) == (1, [
        "parapp: lỗi: sai.ods: content.xml: table:number-rows-repeated=«99999999999» không "
        "phải là số lần hợp lệ"])


def test_a_damaged_ods_is_refused_as_a_whole(period, tmp_path):
    good = ods(tmp_path / "tot.ods", "Điểm", [HEADERS, ["SYT", "1.2", 5, None]])
    bad = tmp_path / "hong.ods"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, data.replace(b"</table:table>", b"") if name == "content.xml"
                          else data)
    code, lines = run(period, bad)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("parapp: lỗi: hong.ods: phần content.xml: XML hỏng")


# -- .xls: made by LibreOffice from an .xlsx (nothing on PyPI writes .xls any more) ------------

def xls(tmp_path: Path, name: str, rows: list[list], merged: str = "") -> Path:
    wb = Workbook()
    wb.active.title = "Điểm"
    for row in rows:
        wb.active.append(row)
    if merged:
        wb.active.merge_cells(merged)
    src = tmp_path / f"{name}.xlsx"
    wb.save(src)
    out = tmp_path / "xls"
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(out),
                    str(src)], check=True, capture_output=True, timeout=120)
    return out / f"{name}.xls"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_an_xls_workbook_imports_and_bad_values_are_named(period, tmp_path):
    errors = xls(tmp_path, "loi", [HEADERS, ["SYT", "1.2", "=1/0", None], ["STP", "1.1", 3, None],
                                   ["SXD", "1.1", 3, "=NA()"]])
    # LibreOffice stores #DIV/0! and #N/A as error cells, which calamine reads as empty: each
    # is named, a note's too (read as empty, it would have been taken as no note)
    assert run(period, errors) == (1, [
        "parapp: lỗi: loi.xls: 2 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!C2: ô chứa giá trị lỗi #DIV/0! của Excel",
        "  Điểm!D4: ô chứa giá trị lỗi #N/A của Excel"])
    bad = xls(tmp_path, "sai", [HEADERS, ["STP", "1.1", "bốn", None], ["STP", "1.2", 12, None]])
    assert run(period, bad) == (1, [
        "parapp: lỗi: sai.xls: 2 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!C2: điểm tự đánh giá «bốn» không phải là số",
        "  Điểm!C3: điểm tự đánh giá «12»: điểm vượt điểm tối đa 6,00"])
    merged = xls(tmp_path, "gop", [HEADERS, ["STP", "1.1", 3, "Có"], ["STP", "1.2", 2, None]],
                 merged="D2:D3")
    assert run(period, merged) == (1, [
        "parapp: lỗi: gop.xls: 1 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!D2:D3: ô gộp trong vùng dữ liệu; hãy bỏ gộp ô"])
    assert self_scores(period) == {}
    good = xls(tmp_path, "tot", [HEADERS, ["SYT", "1.2", 0.75, "Có"], ["STP", "1.1", 3, None]])
    assert run(period, good) == (0, [])
    assert self_scores(period) == {("SYT", "1.2"): D("0.75"), ("STP", "1.1"): D(3)}


FIXTURES = Path(__file__).parent / "fixtures"


def refused_untouched(period: Path, book: Path) -> list[str]:
    """The import command's output for `book`, which it refuses leaving the period as it was."""
    before = sha(period)
    code, lines = run(period, book)
    assert code == 1
    assert sha(period) == before
    return lines


def test_a_truncated_xls_is_refused_in_one_line(period, tmp_path):
    """calamine's Rust panics on an .xls cut short (a download that stopped): a
    BaseException, which no `except Exception` caught, so a traceback came out."""
    cut = tmp_path / "cut.xls"
    cut.write_bytes((FIXTURES / "loi-gia-tri.xls").read_bytes()[:5000])
    assert refused_untouched(period, cut) == [
        "parapp: lỗi: cut.xls: không đọc được sổ tính (tệp bị hỏng hoặc không trọn vẹn)"]


def test_an_xls_only_xlrd_finds_damaged_is_refused_as_damaged(period, tmp_path):
    """calamine reads this damaged .xls; xlrd, looking for error values, stops in a record cut
    short: the refusal says the file is damaged, not struct's «error: …»."""
    damaged = Path(shutil.copy(FIXTURES / "xlrd-hong.xls", tmp_path / "hong.xls"))
    assert refused_untouched(period, damaged) == [
        "parapp: lỗi: hong.xls: trang «Điểm»: không đọc được sổ tính (tệp bị hỏng hoặc không "
        "trọn vẹn: unpack requires a buffer of 4 bytes)"]


def test_an_xls_on_which_the_reader_dies_is_refused_and_the_program_lives_on(period, tmp_path):
    """A damaged .xls (one byte pattern among random corruptions of a LibreOffice file) on
    which calamine asks for 237 GB and aborts: read first in a throwaway process, it is refused
    in one line, where the whole program (the window with it) used to die."""
    damaged = Path(shutil.copy(FIXTURES / "calamine-het-bo-nho.xls", tmp_path / "hong.xls"))
    assert refused_untouched(period, damaged) == [
        "parapp: lỗi: hong.xls: không đọc được sổ tính (tệp bị hỏng: trình đọc .xls dừng đột "
        "ngột)"]


def test_an_xls_whose_reader_loops_taking_memory_is_stopped_and_refused(period, tmp_path,
                                                                          monkeypatch):
    """On this damaged .xls calamine loops, taking memory until it is killed (after 80 s and
    23 GB here; a laptop would swap first): past PROBE_MEMORY the reader is killed."""
    import multiprocessing
    monkeypatch.setattr(xlsx, "PROBE_MEMORY", 300 * 1024 * 1024)
    damaged = Path(shutil.copy(FIXTURES / "calamine-vong-lap.xls", tmp_path / "vong.xls"))
    assert refused_untouched(period, damaged) == [
        "parapp: lỗi: vong.xls: không đọc được sổ tính (cần hơn 300 MB bộ nhớ; tệp bị hỏng?)"]
    assert multiprocessing.active_children() == []


def test_an_xls_read_aside_stops_at_once_when_the_import_is_cancelled(period, tmp_path):
    """The throwaway reader is waited for up to PROBE_SECONDS: cancelled meanwhile (the
    window's cancel button, or the window closing), it is ended there and then and nothing is
    read, rather than the window staying read-only until the reader gives up."""
    import multiprocessing

    from parapp.core.interchange.importer import plan_import
    from parapp.core.interchange.xlsx import ImportCancelled
    damaged = Path(shutil.copy(FIXTURES / "calamine-vong-lap.xls", tmp_path / "vong.xls"))
    asked = []

    def cancelled() -> bool:  # the reader has run a few of its 50 ms waits
        asked.append(len(multiprocessing.active_children()))
        return len(asked) > 4
    before = sha(period)
    with Store.open(period) as store, pytest.raises(
            ImportCancelled, match=r"^vong\.xls: đã hủy nhập, không có thay đổi nào$"):
        plan_import(store, "scores", damaged, cancelled=cancelled)
    assert asked == [1] * 5  # asked while the reader ran, not after
    assert multiprocessing.active_children() == []
    assert sha(period) == before


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_reading_a_long_sheet_stops_when_the_import_is_cancelled(tmp_path, suffix):
    """The cancel reaches the reading itself: asked every CANCEL_EVERY rows of the sheet, not
    only once the whole sheet has been read and checked (60,000 rows on a slow laptop)."""
    import random

    from parapp.core.interchange.xlsx import CANCEL_EVERY, ImportCancelled
    noise = random.Random(3)  # notes that differ: rows all alike compress like a zip bomb
    rows = [HEADERS] + [["SYT", "1.2", 1, f"Báo cáo {noise.getrandbits(64):x}"]
                        for _ in range(3 * CANCEL_EVERY)]
    if suffix == "ods":
        book = ods(tmp_path / "dai.ods", "Điểm", rows)
    else:
        wb = Workbook()
        wb.active.title = "Điểm"
        for row in rows:
            wb.active.append(row)
        wb.save(book := tmp_path / "dai.xlsx")
    asked = []

    def cancelled() -> bool:  # the second look: a thousand rows on
        asked.append(True)
        return len(asked) == 2
    with pytest.raises(ImportCancelled, match=rf"^dai\.{suffix}: đã hủy nhập"):
        read_sheet(book, LAYOUTS["scores"], cancelled)
    assert len(asked) == 2
    assert len(read_sheet(book, LAYOUTS["scores"], lambda: False).rows) == 3 * CANCEL_EVERY


def test_an_xls_read_too_long_is_refused_and_its_reader_ended(period, tmp_path, monkeypatch):
    """A reader that does not finish on a damaged file (xlrd's own reading of the container
    looped, before olefile took the stream out): past PROBE_SECONDS it is killed and the file
    refused."""
    import multiprocessing
    monkeypatch.setattr(xlsx, "PROBE_SECONDS", 0)
    assert refused_untouched(period, FIXTURES / "loi-gia-tri.xls") == [
        "parapp: lỗi: loi-gia-tri.xls: không đọc được sổ tính (đọc quá 0 giây; tệp bị hỏng?)"]
    assert multiprocessing.active_children() == []


# -- .xlsx: calamine's floats read as openpyxl read them ---------------------------------------

def test_xlsx_numbers_read_as_openpyxl_read_them(tmp_path):
    book = book_with(
        tmp_path,
        data_row(2, '<c r="C2"><v>101</v></c><c r="D2"><v>0.30000000000000004</v></c>'),
        data_row(3, '<c r="C3"><v>0.75</v></c><c r="D3"><v>12345678901234567890</v></c>'),
        data_row(4, '<c r="C4"><v>-0</v></c>' + text_cell("D4", "")))
    rows = read_sheet(book, LAYOUTS["scores"]).rows
    values = [[r.get(k).value if r.get(k) else None for k in ("self", "explanation")] for r in rows]
    assert values == [[101, 0.30000000000000004], [0.75, 12345678901234567890], [0, None]]
    assert type(values[0][0]) is int and type(values[2][0]) is int
    assert rows[0].text("self") == "101"


def test_an_error_value_calamine_does_not_know_is_still_named_with_its_cell(period, tmp_path):
    book = book_with(tmp_path, data_row(2, '<c r="C2" t="e"><f>SEQUENCE(3)</f><v>#SPILL!</v></c>'),
                     data_row(3, '<c r="C3"><v>4</v></c>', unit="STP"))
    assert run(period, book) == (1, [
        "parapp: lỗi: diem.xlsx: 1 lỗi, không có dữ liệu nào được nhập",
        "  Điểm!C2: ô chứa giá trị lỗi #SPILL! của Excel"])


def test_a_stray_cell_far_from_the_data_is_refused_before_it_is_read(period, tmp_path):
    book = book_with(tmp_path, data_row(2, '<c r="C2"><v>4</v></c>'),
                     '<row r="900000"><c r="XFD900000"><v>1</v></c></row>', name="xa.xlsx")
    code, lines = run(period, book)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("parapp: lỗi: xa.xlsx: trang «Điểm»: các ô có dữ liệu trải trên "
                               "vùng A1:XFD900000")


def test_import_errors_refuse_the_whole_ods_file(period, tmp_path):
    book = ods(tmp_path / "mot.ods", "Điểm", [HEADERS, ["SYT", "1.2", 5, None],
                                              ["XXX", "1.2", 5, None]])
    with Store.open(period) as store, pytest.raises(ImportFailed) as err:
        import_file(store, "scores", book)
    assert any(e.startswith("Điểm!A3") for e in err.value.errors)


def test_a_line_break_pasted_from_word_comes_in_as_a_line_break(small_demo, tmp_path, capsys):
    """Shift+Enter in Word, pasted into Excel, is a vertical tab (saved _x000B_): taken as it
    stood, it stopped every later workbook and Word export of the period (neither can hold
    it). It comes in as a line break, and the exports go on; a report of a file that holds
    one already, and an export of it, write it as a line break too."""
    from openpyxl import load_workbook

    from parapp.cli import main
    book = tmp_path / "du-lieu.xlsx"
    assert main(["export", "data", str(small_demo), "-o", str(book)]) == 0
    wb = load_workbook(book)
    ws = wb["Điểm"]
    ws.cell(row=2, column=5, value="Dòng 1_x000B_Dòng 2")  # Giải trình of the first row
    unit, leaf = ws.cell(row=2, column=1).value, ws.cell(row=2, column=2).value
    wb.save(book)
    assert main(["import", "scores", str(small_demo), str(book)]) == 0
    with Store.open(small_demo, readonly=True) as store:
        assert store.score(unit, leaf)["explanation"] == "Dòng 1\nDòng 2"
    assert main(["export", "data", str(small_demo), "-o", str(tmp_path / "lai.xlsx")]) == 0
    sql = sqlite3.connect(small_demo)  # a file written before: the character stored
    sql.execute("UPDATE score SET explanation = 'Một\x0bHai\x1b' WHERE explanation LIKE 'Dòng 1%'")
    sql.commit()
    sql.close()
    capsys.readouterr()
    assert main(["report", "self", str(small_demo), "--unit", unit,
                 "-o", str(tmp_path / "tu-danh-gia.docx")]) == 0, capsys.readouterr().err
    assert main(["report", "self", str(small_demo), "--unit", unit,
                 "-o", str(tmp_path / "tu-danh-gia.pdf")]) == 0, capsys.readouterr().err
    for kind in ("data", "scores", "summary"):
        out = tmp_path / f"{kind}.xlsx"
        assert main(["export", kind, str(small_demo), "-o", str(out)]) == 0, capsys.readouterr()
    notes = [c.value for r in load_workbook(tmp_path / "data.xlsx")["Điểm"].iter_rows()
             for c in r if isinstance(c.value, str) and c.value.startswith("Một")]
    assert notes == ["Một\nHai "]


def test_a_yes_no_mark_the_list_does_not_know_is_an_error_not_a_no(small_demo, tmp_path,
                                                                      capsys):
    """«Bắt buộc TLKC» holding "maybe" made the evidence optional without a word; "✓" is a
    yes. A mark neither yes nor no is refused, naming its cell, and nothing is imported."""
    from openpyxl import load_workbook

    from parapp.cli import main
    book = tmp_path / "du-lieu.xlsx"
    assert main(["export", "data", str(small_demo), "-o", str(book)]) == 0
    wb = load_workbook(book)
    ws = wb["Tiêu chí"]
    column = next(c.column for c in ws[1] if c.value == "Bắt buộc TLKC")
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=column).value]
    ws.cell(row=rows[0], column=column, value="maybe")
    wb.save(book)
    before = small_demo.read_bytes()
    capsys.readouterr()
    assert main(["import", "criteria", str(small_demo), str(book)]) == 1
    err = capsys.readouterr().err
    ref = f"Tiêu chí!{ws.cell(row=rows[0], column=column).coordinate}"
    assert f"{ref}: «maybe» không phải Có hoặc Không (Có, x, 1; Không, 0 hoặc để trống)" in err
    assert small_demo.read_bytes() == before
    ws.cell(row=rows[0], column=column, value="✓")
    code = ws.cell(row=rows[0], column=1).value
    wb.save(book)
    assert main(["import", "criteria", str(small_demo), str(book)]) == 0
    with Store.open(small_demo, readonly=True) as store:
        assert store.tree().by_code[code].evidence_required


def test_a_unit_code_differing_only_by_case_is_refused(small_demo, tmp_path, capsys):
    """«snv» imported beside SNV made a second Sở Nội vụ (and two notices whose files Windows
    takes for one): refused, naming the cell and the unit it repeats."""
    from openpyxl import load_workbook

    from parapp.cli import main
    book = tmp_path / "du-lieu.xlsx"
    assert main(["export", "data", str(small_demo), "-o", str(book)]) == 0
    wb = load_workbook(book)
    ws = wb["Đơn vị"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "SNV")
    ws.cell(row=row, column=1, value="snv")
    wb.save(book)
    before = small_demo.read_bytes()
    capsys.readouterr()
    assert main(["import", "units", str(small_demo), str(book)]) == 1
    assert f"Đơn vị!A{row}: mã đơn vị «snv» trùng với «SNV», chỉ khác chữ hoa, chữ thường" in (
        capsys.readouterr().err)
    assert small_demo.read_bytes() == before


def test_criteria_exported_then_imported_change_nothing(small_demo, tmp_path, capsys):
    """The demo stores a method's parameters as "1.00", the import writes "1": taking one for
    the other, importing the workbook just exported reported 23 criteria changed and wrote 23
    audit entries for nothing."""
    from parapp.cli import main
    book = tmp_path / "du-lieu.xlsx"
    assert main(["export", "data", str(small_demo), "-o", str(book)]) == 0
    before = small_demo.read_bytes()
    capsys.readouterr()
    assert main(["import", "criteria", str(small_demo), str(book)]) == 0
    assert "0 dòng có thay đổi, không có gì thay đổi" in capsys.readouterr().out
    assert small_demo.read_bytes() == before
