"""Workbooks for tests: a good one made with openpyxl, rewritten part by part with zipfile;
the small period they are imported into, and the import command run on them."""
import contextlib
import hashlib
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

from parapp.cli import main
from parapp.core.store import Store

SHEET = "xl/worksheets/sheet1.xml"
HEADERS = ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình"]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def good_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(HEADERS)
    ws.append(["SYT", "1.2", 5, "Có báo cáo"])
    wb.save(path)
    return path


def rewrite(src: Path, dst: Path, parts: dict[str, bytes | None]) -> Path:
    """A copy of workbook `src` with parts replaced or added (bytes) or left out (None)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = parts.get(name, zin.read(name))
            if data is not None:
                zout.writestr(name, data)
        for name, data in parts.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)
    return dst


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def sheet_xml(*rows: str, before: str = "") -> bytes:
    """A worksheet part: the header row, then `rows` (<row> elements); `before` goes between
    the XML declaration and the root element."""
    header = "".join(text_cell(f"{col}1", h) for col, h in zip("ABCD", HEADERS))
    return (f'<?xml version="1.0" encoding="UTF-8"?>{before}<worksheet {NS}><sheetData>'
            f'<row r="1">{header}</row>{"".join(rows)}</sheetData></worksheet>').encode()


def data_row(n: int, points: str, unit: str = "SYT", criterion: str = "1.2") -> str:
    """Row n: unit, criterion, then `points`, the raw XML of the cell(s) from column C on."""
    return f'<row r="{n}">{text_cell(f"A{n}", unit)}{text_cell(f"B{n}", criterion)}{points}</row>'


def book_with(tmp_path: Path, *rows: str, name: str = "diem.xlsx", before: str = "") -> Path:
    base = good_book(tmp_path / "base.xlsx")
    return rewrite(base, tmp_path / name, {SHEET: sheet_xml(*rows, before=before)})


def padded_sheet(megabytes: int) -> bytes:
    """A valid sheet with `megabytes` MB of white space in it: it compresses about 1000:1."""
    return sheet_xml(data_row(2, '<c r="C2"><v>5</v></c>')).replace(
        b"</sheetData>", b"</sheetData>" + b" " * (megabytes << 20))


def make_period(path: Path) -> Path:
    """Two departments of one block, an area of two criteria (4 and 6 points)."""
    with Store.create(path, "Tỉnh Sơn Hà", 2025) as store, store.edit() as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_criterion("1", "Chỉ đạo, điều hành", "10")
        ed.add_criterion("1.1", "Kế hoạch", "4", "1")
        ed.add_criterion("1.2", "Báo cáo", "6", "1")
        ed.add_unit("SYT", "Sở Y tế", "SO")
        ed.add_unit("STP", "Sở Tư pháp", "SO")
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_import(period: Path, book: Path, kind: str = "scores") -> tuple[int, list[str]]:
    """`parapp import KIND PERIOD BOOK`: exit code and stderr lines; a refusal changed nothing."""
    before = sha(period)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", kind, str(period), str(book)])
    if code != 0:
        assert sha(period) == before
    return code, err.getvalue().splitlines()
