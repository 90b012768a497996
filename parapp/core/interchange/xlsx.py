"""Reading workbooks: the one guarded path that every byte parapp reads from a workbook takes.

`read_sheet` reads the file once (the SHA-256 the audit log records is of exactly the bytes
parsed); checks the zip's directory against the limits below before anything is unpacked;
unpacks every XML part, bounded, through a hardened parser that refuses any DTD, so no entity
is ever expanded or fetched by anyone, and any element too wide for openpyxl to build in
memory; then goes through the XML of each sheet it reads, refusing what openpyxl would fail on
or read silently wrong (see `_SheetCheck`); and only then lets openpyxl read the values,
through its public read-only API. Whatever fails on the way — zip, XML, a cell that cannot be
decoded — becomes one ImportFailed naming the file and, where known, the part or the sheet and
cell; no other exception gets out. Problems with values (Excel error values, non-finite
numbers, over-long texts, uncalculated formulas) are collected and listed together, each with
its cell.

Values are read by python-calamine (Rust; issue 16), which also reads .xls (Excel 97–2003) and
.ods (OpenDocument). For .xlsx the checks above still come first: calamine turns error values
and formulas never calculated into empty cells and gives every number as a float, so the XML
pass says which cells hold what, and numbers are turned back into what openpyxl gave (an
integer for 101, the same float otherwise). Should calamine refuse a sheet that passed the
checks (an error value it does not know, such as #SPILL!), openpyxl reads that sheet instead,
as before. An .ods has its own pass over content.xml first (`_OdsCheck`: how far each sheet
reaches, repetitions counted, error values, formulas without values, merged cells). For .xls
the file size, the rows and cells of the sheet, the texts, numbers and Excel's error texts are
checked on the values calamine returns, and xlrd names the cells holding error values, which
calamine reads as empty (`_xls_errors`; docs/excel-templates.md, «.xls and .ods»).
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import posixpath
import pyexpat
import re
import sys
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn
from xml.etree import ElementTree

from openpyxl.formula.translate import Translator
from openpyxl.utils import coordinate_to_tuple, get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_ISO8601
from openpyxl.xml.constants import (
    CONTYPES_NS,
    PKG_REL_NS,
    REL_NS,
    SHARED_STRINGS,
    SHEET_MAIN_NS,
    XLSM,
    XLSX,
    XLTM,
    XLTX,
)
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
    XmlError,
    ZipError,
)

from parapp.core.errors import ParappError, ValidationError
from parapp.core.i18n import count
from parapp.core.interchange.columns import Layout, block_max_header, match_header, normalise
from parapp.core.numbers import MAX_ENTERED_DECIMALS, parse_decimal, quantize, too_precise
from parapp.core.text import plain_text

_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and legacy .xls
_DAMAGED = ("không đọc được sổ tính (tệp bị hỏng hoặc không trọn vẹn)",
            "unreadable workbook (the file is damaged or incomplete)")
_PROTECTED = ("sổ tính được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi lưu lại",
              "the workbook is password-protected; remove the password and save")
HEADER_SEARCH_ROWS = 10

# Limits, from what a province needs (at most a few hundred units × ~120 criteria): a workbook
# beyond them is refused, saying which limit and why, before it costs minutes or gigabytes.
MAX_BYTES = 128 << 20  # the file, and all its parts unpacked together
MAX_PARTS = 10_000  # zip entries; Excel writes a few dozen
MAX_RATIO = 100  # unpacked : packed, for a part above RATIO_GRACE; real sheets stay below 50
RATIO_GRACE = 1 << 20
MAX_ROWS = 60_000  # data rows in a sheet: 500 units × 120 criteria
# rows × columns up to the last cell holding data: calamine reads a sheet into one block of
# that many cells (32 bytes each), empty ones included; 60,000 rows of 60 columns fit
MAX_CELLS = 4_000_000
ROWS_WHY = ("500 đơn vị × 120 tiêu chí", "500 units × 120 criteria")
EXCEL_ROWS = 1_048_576  # Excel's last row
# Children of one XML element. openpyxl builds each element whole before it can be read (a
# row with all its cells, the styles with all their formats): 500 bytes of memory for a cell
# of 18 bytes, so one row of a million cells would take gigabytes. A row has at most 16,384
# cells and the styles at most 64,000 formats. Rows and shared strings are read one by one.
MAX_CHILDREN = 65_536
_STREAMED = ("sheetData", "sst", "table")  # may have EXCEL_ROWS children (table: .ods rows)
# A part with fewer tags cannot cost more than ~250 MB however its elements nest (openpyxl
# takes at most ~500 bytes per tag): only a larger one has its shape checked, a second pass.
SHAPE_TAGS = 500_000
NUMBER_LIMIT = Decimal(1_000_000)  # no number in any sheet comes near: points, %, ranks
_CHUNK = 1 << 16
# Excel's error values, and LibreOffice's (Err:502): in .xls and .ods calamine gives them as
# empty cells or as these texts
_ERROR_TEXT = re.compile(r"#(NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|"
                         r"CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)|Err:\d{3}")
# zip's signatures: of an entry in the central directory, of a local file header (zipfile has
# them as stringCentralDir and stringFileHeader, which it does not export)
_ZIP_CENTRAL_DIR = b"PK\x01\x02"
_ZIP_FILE_HEADER = b"PK\x03\x04"

# openpyxl warns about what it drops (extensions, dates out of range); parapp reads none of
# the former, and a date out of range comes to it as the text #VALUE!, not a number.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")


class ImportFailed(ValidationError):
    """A file could not be imported; `errors` lists every problem; nothing was changed.

    Given `en`, the one error is the workbook refused as a whole and the message is that one
    line, e.g. 'diem.xlsx: Điểm!C7: «NaN» không phải là số'."""

    def __init__(self, path: Path, errors: list[str], en: str | None = None):
        self.errors = errors
        self.whole = en is not None
        if en is not None:
            super().__init__(errors[0], en)
            return
        head = f"{path.name}: {len(errors)} lỗi, không có dữ liệu nào được nhập"
        head_en = f"{path.name}: {count(len(errors), 'error')}, nothing was imported"
        super().__init__("\n".join([head, *(f"  {e}" for e in errors)]),
                         "\n".join([head_en, *(f"  {e}" for e in errors)]))


class ImportCancelled(ParappError):
    """An import stopped at the user's word (the cancel button, the window closing) while it
    read or wrote: nothing was changed."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name}: đã hủy nhập, không có thay đổi nào",
                         f"{path.name}: import cancelled, nothing was changed")


class _Cancelled(Exception):
    """The reading was cancelled (`read_sheet`'s `cancelled`): ImportCancelled, named there."""


def _never() -> bool:
    return False


CANCEL_EVERY = 1000  # rows read between two looks at `cancelled`


class _Rows:
    """The count of rows read, which asks `cancelled` once every CANCEL_EVERY rows and raises
    _Cancelled when it says so: each pass over a sheet calls `one` per row."""

    def __init__(self, cancelled: Callable[[], bool] = _never):
        self.cancelled, self.read = cancelled, 0

    def one(self) -> None:
        self.read += 1
        if not self.read % CANCEL_EVERY and self.cancelled():
            raise _Cancelled


class _Refused(Exception):
    """The workbook cannot be read: where (the file, a part, Sheet!Cell) and why."""

    def __init__(self, vi: str, en: str):
        super().__init__(vi)
        self.vi, self.en = vi, en


class Cell:
    """A cell's value and where it is; the reference text is made only when a message needs it."""

    __slots__ = ("_row", "_where", "value")

    def __init__(self, ref_or_prefix: str, value: Any, row: int | None = None):
        self.value, self._where, self._row = value, ref_or_prefix, row

    @property
    def ref(self) -> str:  # "Điểm!D17"
        return self._where if self._row is None else f"{self._where}{self._row}"

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    @property
    def text(self) -> str:
        return "" if self.value is None else plain_text(str(self.value)).strip()


class Row:
    """One data row; cells are made on demand (an import reads a few of each row's columns)."""

    __slots__ = ("_blocks", "_columns", "_prefix", "_values", "number")

    def __init__(self, number: int, values: tuple, columns: dict[str, int],
                 blocks: dict[str, int], prefix: list[str]):
        self.number, self._values = number, values
        self._columns, self._blocks, self._prefix = columns, blocks, prefix

    def _cell(self, i: int) -> Cell:
        value = self._values[i] if i < len(self._values) else None
        return Cell(self._prefix[i], value, self.number)

    def get(self, key: str) -> Cell | None:
        """The cell of a column, or None when the column is absent or the cell blank."""
        i = self._columns.get(key)
        if i is None or i >= len(self._values):
            return None
        value = self._values[i]
        if value is None or (value.__class__ is str and not value.strip()):
            return None
        return Cell(self._prefix[i], value, self.number)

    def text(self, key: str) -> str | None:
        """The stripped text of a column's cell, or None when absent or blank (no Cell made:
        texts need no cell reference unless they are wrong, and they never are)."""
        i = self._columns.get(key)
        if i is None or i >= len(self._values) or self._values[i] is None:
            return None
        return plain_text(str(self._values[i])).strip() or None

    @property
    def cells(self) -> dict[str, Cell]:
        return {key: self._cell(i) for key, i in self._columns.items()}

    @property
    def block_max(self) -> dict[str, Cell]:
        return {block: self._cell(i) for block, i in self._blocks.items()}


@dataclass
class Sheet:
    title: str
    columns: set[str]  # keys of the columns present
    block_columns: list[str]  # block codes of "Điểm tối đa (<khối>)" columns
    rows: list[Row]
    sha256: str = ""  # of the bytes that were read


# -- the guarded path -------------------------------------------------------------------------

def read_sheet(path: Path, layout: Layout,
               cancelled: Callable[[], bool] | None = None) -> Sheet:
    """The data rows of the layout's sheet, or ImportFailed: one line when the workbook as a
    whole cannot be read, else every problem found in it, each with its cell. `cancelled`
    is asked every CANCEL_EVERY rows read, and every 50 ms while an .xls is read aside
    (`_probe_xls`): ImportCancelled once it says so."""
    cancelled = cancelled or _never
    try:
        data = _read_file(path)
        kind = "xls" if data[:8] == _OLE_MAGIC else _check_package(data)
        if kind == "xls":
            _probe_xls(path, data, layout, cancelled)
        sheet = _read(path, data, layout, kind, cancelled)
    except ImportFailed:
        raise
    except _Cancelled:
        raise ImportCancelled(path) from None
    except _Refused as refused:
        raise ImportFailed(path, [f"{path.name}: {refused.vi}"],
                           f"{path.name}: {refused.en}") from refused.__cause__
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        vi, en = _describe(exc)
        raise ImportFailed(path, [f"{path.name}: không đọc được sổ tính ({vi})"],
                           f"{path.name}: unreadable workbook ({en})") from exc
    except BaseException as exc:
        if not _panicked(exc):
            raise
        raise ImportFailed(path, [f"{path.name}: {_DAMAGED[0]}"],
                           f"{path.name}: {_DAMAGED[1]}") from None
    sheet.sha256 = hashlib.sha256(data).hexdigest()
    return sheet


def _panicked(exc: BaseException) -> bool:
    """A Rust panic in calamine (pyo3_runtime.PanicException, a BaseException Python cannot
    import by name): it gave up on a file it could not parse."""
    return type(exc).__name__ == "PanicException"


def _read_file(path: Path) -> bytes:
    """The file's bytes, read once and at most MAX_BYTES of them."""
    try:
        with path.open("rb") as f:  # read(n) allocates n bytes: ask for what the file holds
            data = f.read(min(os.fstat(f.fileno()).st_size, MAX_BYTES) + 1)
    except FileNotFoundError:
        raise ImportFailed(path, [f"{path}: không tìm thấy tệp"],
                           f"{path}: file not found") from None
    except OSError as exc:
        raise _Refused(f"không đọc được tệp ({exc.strerror})",
                       f"cannot read the file ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise _Refused(f"tệp lớn hơn {_size(MAX_BYTES)[0]}, giới hạn của một sổ tính nhập liệu",
                       f"the file is larger than {_size(MAX_BYTES)[1]}, the limit for a "
                       "workbook to import")
    if data[:8] == _OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in data:
        raise _Refused(*_PROTECTED)
    return data  # else an Excel 97–2003 workbook (.xls), which calamine reads


def _check_package(data: bytes) -> str:
    """"xlsx", or "ods" for an OpenDocument spreadsheet (a zip too). Refuse a zip that would cost too much to unpack, then unpack every XML part through
    the hardened parser. zipfile never returns more bytes than a part's declared size (it
    stops there and the CRC check fails), so a directory that lies about sizes cannot let a
    bomb through: the declared sizes checked here bound what any reader unpacks."""
    # zipfile loads the whole directory; count its entries first, from their signatures
    if data.count(_ZIP_CENTRAL_DIR) > MAX_PARTS:
        raise _Refused(f"sổ tính có hơn {_count(MAX_PARTS)[0]} phần (Excel chỉ tạo vài chục); "
                       "tệp hỏng hoặc cố tình gây quá tải",
                       f"the workbook has more than {_count(MAX_PARTS)[1]} parts (Excel writes "
                       "a few dozen); the file is damaged or made to overload")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        if data[:4] == _ZIP_FILE_HEADER:
            raise _Refused("sổ tính bị hỏng hoặc không trọn vẹn (không đọc được mục lục zip)",
                           "the workbook is damaged or incomplete (unreadable zip directory)"
                           ) from None
        raise _Refused("không phải sổ tính (.xlsx, .xls hoặc .ods)",
                       "not a workbook (.xlsx, .xls or .ods)") from None
    with archive:
        parts = archive.infolist()
        seen: set[str] = set()
        total = 0
        for part in parts:
            name = part.filename
            if name in seen:
                raise _Refused(f"phần {name} xuất hiện hai lần trong tệp zip",
                               f"part {name} appears twice in the zip")
            seen.add(name)
            unpackable = part.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            if part.flag_bits & 0x1 or not unpackable:
                raise _Refused(f"phần {name} được mã hóa hoặc nén theo cách Excel không dùng",
                               f"part {name} is encrypted or compressed in a way Excel never "
                               "uses")
            size, packed = part.file_size, part.compress_size
            if size > MAX_BYTES:
                raise _Refused(f"phần {name} giải nén ra {_size(size)[0]}, vượt giới hạn "
                               f"{_size(MAX_BYTES)[0]} của một sổ tính nhập liệu",
                               f"part {name} unpacks to {_size(size)[1]}, over the "
                               f"{_size(MAX_BYTES)[1]} limit for a workbook to import")
            if size > RATIO_GRACE and size > MAX_RATIO * packed:
                ratio = size // max(packed, 1)
                raise _Refused(
                    f"phần {name} giải nén ra {_size(size)[0]} từ {_size(packed)[0]} (gấp "
                    f"{_count(ratio)[0]} lần, sổ tính thật không quá {MAX_RATIO} lần): tệp "
                    "được tạo để gây quá tải (bom nén)",
                    f"part {name} unpacks to {_size(size)[1]} from {_size(packed)[1]} "
                    f"({_count(ratio)[1]}×, real workbooks stay under {MAX_RATIO}×): a file "
                    "made to overload (zip bomb)")
            total += size
        if total > MAX_BYTES:
            raise _Refused(f"các phần giải nén ra {_size(total)[0]}, vượt giới hạn "
                           f"{_size(MAX_BYTES)[0]} của một sổ tính nhập liệu",
                           f"the parts unpack to {_size(total)[1]}, over the "
                           f"{_size(MAX_BYTES)[1]} limit for a workbook to import")
        for part in parts:
            _scan(archive, part)
        if "[Content_Types].xml" not in seen and "mimetype" in seen and \
                archive.read("mimetype").strip() == _ODS:
            return "ods"
        return "xlsx"


class _DTDRefused(Exception):
    pass


class _TooManyChildren(Exception):
    pass


def _refuse_dtd(*_args) -> NoReturn:
    raise _DTDRefused


def _count_children(parser) -> None:
    """Make `parser` refuse an element with more children than it may have."""
    left = [MAX_CHILDREN]  # what each open element may still take
    push, pop = left.append, left.pop

    def start(name: str, _attrs) -> None:
        left[-1] -= 1
        if left[-1] < 0:
            raise _TooManyChildren
        push(EXCEL_ROWS if name.endswith(_STREAMED) and name.rpartition(":")[2] in _STREAMED
             else MAX_CHILDREN)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda _name: pop()
    parser.ordered_attributes = True  # a list is cheaper than a dict, and nothing reads them


def _scan(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Unpack one part (which checks its CRC) and, when an XML parser could read it, parse it
    with expat hardened as defusedxml does it, stricter still: any DTD is refused (SpreadsheetML
    never has one), so an entity is never declared, let alone expanded or fetched. openpyxl
    itself would switch to defusedxml if it were installed, and read a third slower (its pure
    Python parser); after this scan it would find nothing to defuse."""
    name = part.filename
    try:
        if _parse(archive, part) > SHAPE_TAGS:
            _parse(archive, part, shape=True)
    except _DTDRefused:
        raise _Refused(f"phần {name} có khai báo DTD/thực thể (<!DOCTYPE>, <!ENTITY>), điều sổ "
                       "tính Excel không bao giờ có; từ chối để không thực thể nào được mở rộng "
                       "hay tải về",
                       f"part {name} declares a DTD or entities (<!DOCTYPE>, <!ENTITY>), which "
                       "Excel workbooks never do; refused so that no entity is expanded or "
                       "fetched") from None
    except _TooManyChildren:
        raise _Refused(f"phần {name} có một phần tử XML với hơn {_count(MAX_CHILDREN)[0]} phần tử "
                       f"con (một dòng Excel có tối đa 16.384 ô): đọc nó có thể tốn hàng GB bộ nhớ",
                       f"part {name} has an XML element with more than "
                       f"{_count(MAX_CHILDREN)[1]} children (an Excel row has at most 16,384 "
                       "cells): reading it could take gigabytes of memory") from None
    except pyexpat.ExpatError as exc:
        if name.lower().endswith(".vml"):
            return  # legacy drawings are not always well-formed; only a DTD matters in them
        reason = pyexpat.ErrorString(exc.code)
        raise _Refused(f"phần {name}: XML hỏng ở dòng {exc.lineno}, cột {exc.offset} ({reason})",
                       f"part {name}: malformed XML at line {exc.lineno}, column {exc.offset} "
                       f"({reason})") from None
    except Exception as exc:  # a bad CRC, deflate stream or local header: a damaged part
        vi, en = (("sai mã kiểm tra CRC", "bad CRC") if "CRC" in str(exc) else
                  ("dữ liệu nén hỏng", "corrupt compressed data") if isinstance(exc, zlib.error)
                  else ("dữ liệu bị cắt cụt", "truncated data") if isinstance(exc, EOFError)
                  else _describe(exc))
        raise _Refused(f"phần {name} bị hỏng ({vi}); hãy mở tệp bằng Excel hoặc LibreOffice và "
                       "lưu lại",
                       f"part {name} is damaged ({en}); open the file in Excel or LibreOffice "
                       "and save it again"
                       ) from exc


def _parse(archive: zipfile.ZipFile, part: zipfile.ZipInfo, shape: bool = False) -> int:
    """Unpack a part and parse it when it may be XML (with `shape`, counting each element's
    children too); the number of tags it has at most, 0 if it is not XML."""
    with archive.open(part) as stream:
        chunk = stream.read(_CHUNK)
        if not _may_be_xml(chunk):  # images, printer settings: no XML parser reads them
            while stream.read(_CHUNK):
                pass  # but unpacked all the same: a damaged part is a damaged workbook
            return 0
        parser = pyexpat.ParserCreate()
        parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _refuse_dtd
        parser.EntityDeclHandler = _refuse_dtd
        parser.UnparsedEntityDeclHandler = _refuse_dtd
        parser.ExternalEntityRefHandler = _refuse_dtd
        if shape:
            _count_children(parser)
        tags = 0
        while chunk:
            tags += chunk.count(b"<")
            parser.Parse(chunk, False)
            chunk = stream.read(_CHUNK)
        parser.Parse(b"", True)
        return tags


def _may_be_xml(head: bytes) -> bool:
    """What expat would parse: UTF-8 or UTF-16 text starting with '<' after an optional BOM and
    white space (all of it white space: read on to find out). An empty part is nothing."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return bool(head) and (not text or text[:1] == b"<"
                           or text[:2] in (b"\x00<", b"\xff\xfe", b"\xfe\xff"))


def _read(path: Path, data: bytes, layout: Layout, kind: str,
          cancelled: Callable[[], bool] = _never) -> Sheet:
    book = _Book(data, kind, cancelled)
    try:
        ws, header_row, headers = _find_header(book, layout)
        if header_row is None:
            need = ", ".join(f"«{c.header}»" for c in layout.columns if c.required)
            where = f"trang «{ws.title}»" if ws is not None else "sổ tính"
            where_en = f"sheet '{ws.title}'" if ws is not None else "the workbook"
            raise _Refused(f"{where} không có dòng tiêu đề với các cột {need}",
                           f"{where_en} has no header row with the columns {need}")
        errors: list[str] = []
        index: dict[int, str] = {}
        block_index: dict[int, str] = {}
        seen: dict[str, str] = {}
        for i, header in enumerate(headers):
            if not isinstance(header, str):
                continue
            ref = f"{ws.title}!{get_column_letter(i + 1)}{header_row}"
            key = match_header(layout, header)
            block = block_max_header(header) if layout.kind == "criteria" else None
            if key is None and block is None:
                continue  # an extra column: ignored
            name = key or f"max:{block}"
            if name in seen:
                errors.append(f"{ref}: cột «{header.strip()}» bị trùng với {seen[name]}")
                continue
            seen[name] = ref
            if key is not None:
                index[i] = key
            elif block is not None:
                block_index[i] = block
        if layout.any_of and not set(index.values()) & set(layout.any_of):
            names = ", ".join(f"«{layout.column(k).header}»" for k in layout.any_of)
            errors.append(f"{ws.title}!{header_row}: cần ít nhất một trong các cột {names}")
        width = max([*index, *block_index], default=0) + 1
        prefix = [f"{ws.title}!{get_column_letter(i + 1)}" for i in range(width)]
        # the longest text each column takes; 0: a column parapp does not read
        limits = [layout.column(index[i]).max_len if i in index else
                  layout.column("max").max_len if i in block_index else 0
                  for i in range(width)]
        columns = {key: i for i, key in index.items()}
        blocks = {block: i for i, block in block_index.items()}
        rows: list[Row] = []
        facts = book.check(ws)
        counted = _Rows(cancelled)
        for number, cells in book.rows(ws):
            counted.one()
            if number <= header_row:
                continue
            values = _values(number, cells, width, limits, prefix, facts.special, errors,
                             kind != "xlsx")
            if not any(v is not None and (v.__class__ is not str or v.strip()) for v in values):
                continue
            if len(rows) == MAX_ROWS:
                raise _Refused(
                    f"trang «{ws.title}» có hơn {_count(MAX_ROWS)[0]} dòng dữ liệu (dừng đọc ở "
                    f"dòng {number}); một trang nhận tối đa {_count(MAX_ROWS)[0]} dòng, đủ cho "
                    f"{ROWS_WHY[0]}: hãy chia thành nhiều tệp",
                    f"sheet '{ws.title}' has more than {_count(MAX_ROWS)[1]} data rows "
                    f"(stopped reading at row {number}); a sheet takes at most "
                    f"{_count(MAX_ROWS)[1]} rows, enough for {ROWS_WHY[1]}: split the file")
            rows.append(Row(number, tuple(values), columns, blocks, prefix))
        for min_col, min_row, max_col, max_row in facts.merged:
            if max_row > header_row:
                errors.append(f"{ws.title}!{get_column_letter(min_col)}{min_row}:"
                              f"{get_column_letter(max_col)}{max_row}: ô gộp trong vùng dữ "
                              "liệu; hãy bỏ gộp ô")
        if errors:
            raise ImportFailed(path, errors)
        return Sheet(ws.title, set(index.values()), list(block_index.values()), rows)
    finally:
        book.close()


def _find_header(book: _Book, layout: Layout) -> tuple[Any, int | None, list[Any]]:
    """(sheet, header row, header values): the layout's sheet by name, else the first sheet
    with the required headers in its first rows; (sheet or None, None, []) if none has."""
    required = {c.key for c in layout.columns if c.required}
    named = next((w for w in book.worksheets if normalise(w.title) == normalise(layout.sheet)),
                 None)
    for ws in [named] if named is not None else book.worksheets:
        book.check(ws, until=HEADER_SEARCH_ROWS)
        for number, cells in book.rows(ws, until=HEADER_SEARCH_ROWS):
            values = list(cells)
            keys = {match_header(layout, v) for v in values if isinstance(v, str)}
            if required <= keys:
                if ws.title in book.hidden:  # what would be imported is not what was checked
                    raise _Refused(
                        f"trang «{ws.title}» đang bị ẩn, nên không ai thấy được dữ liệu sẽ "
                        "nhập; hãy bỏ ẩn trang (hoặc xóa nó) trong Excel rồi nhập lại",
                        f"sheet «{ws.title}» is hidden, so nobody sees the data that would be "
                        "imported; unhide it (or delete it) in Excel and import again")
                return ws, number, values
    return named, None, []


def _values(number: int, cells: list, width: int, limits: list[int], prefix: list[str],
            special: dict[tuple[int, int], tuple[str, str]], errors: list[str],
            error_texts: bool = False) -> list[Any]:
    """The values of columns 1…width of row `number`, each one parapp reads (limits: the
    longest text of each column, 0: not read) checked, problems going to `errors`. With
    `error_texts` (.xls, .ods: no XML pass tells error values), a text that is one of Excel's
    or LibreOffice's error values is taken as one."""
    values = list(cells[:width])
    values += [None] * (width - len(values))
    for i, value in enumerate(values):
        limit = limits[i]
        if not limit:
            continue
        what = special.get((number, i + 1)) if special else None
        if error_texts and value.__class__ is str and _ERROR_TEXT.fullmatch(value.strip()):
            what = ("e", value.strip())
        if what is not None:  # an Excel error value, or a formula never calculated
            kind, text = what
            errors.append(f"{prefix[i]}{number}: ô chứa giá trị lỗi {text} của Excel"
                          if kind == "e" else
                          f"{prefix[i]}{number}: công thức «{text}» chưa có giá trị đã tính; "
                          "hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại")
            values[i] = None
        elif value.__class__ is float and not math.isfinite(value):
            errors.append(f"{prefix[i]}{number}: số vượt giới hạn của Excel")
            values[i] = None
        elif value.__class__ is str and len(value) > limit:
            errors.append(f"{prefix[i]}{number}: dài {_count(len(value))[0]} ký tự, vượt giới "
                          f"hạn {_count(limit)[0]} ký tự của cột")
            values[i] = None
    return values


# -- values: python-calamine, on sheets whose XML parapp checked first -------------------------

@dataclass(frozen=True)
class _Ws:
    title: str


class _Book:
    """A workbook read by python-calamine from the checked bytes (cached values of formulas).

    .xlsx: before a sheet's values are read, `check` goes through its XML: what would be read
    wrong or fail is refused naming the cell (rows or cells out of order or repeated, a number
    that is not one, a shared string by a negative number), and what the values alone do not
    tell is noted (which cells hold Excel's error values, which formulas were never
    calculated, the merged ranges, numbers a float cannot hold, how far the cells reach).
    .ods: every sheet is checked by `_OdsCheck` before calamine reads the workbook.
    .xls: `check` reads the sheet with calamine and refuses it when its cells reach too far;
    the merged ranges are calamine's, the cells holding error values xlrd's."""

    def __init__(self, data: bytes, kind: str, cancelled: Callable[[], bool] = _never):
        self.data, self.kind = data, kind
        self.archive: zipfile.ZipFile | None = None
        self.ods: dict[str, _SheetFacts] = {}
        self.xls: Any = None  # .xls: the workbook as xlrd reads it (error values)
        self.cancelled = cancelled
        if kind == "ods":  # calamine reads every sheet at once: each is checked first
            self.ods = _ods_facts(data, cancelled)
            for title, facts in self.ods.items():
                _refuse_extent(title, facts)
        try:
            self.wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except PasswordError:
            raise _Refused(*_PROTECTED) from None
        except Exception as exc:  # CalamineError, XmlError, ZipError…
            vi, en = _describe(exc)
            raise _Refused(f"không đọc được sổ tính ({vi})",
                           f"unreadable workbook ({en})") from exc
        if kind == "xlsx":
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            try:
                self.parts, self.strings = _package_map(self.archive)
            except Exception as exc:
                vi, en = _describe(exc)
                raise _Refused(f"không đọc được sổ tính ({vi})",
                               f"unreadable workbook ({en})") from exc
            if not set(self.parts) <= set(self.wb.sheet_names):  # never, but for a bug
                raise _Refused("không xác định được phần XML của các trang",
                               "cannot tell which XML part holds which sheet")
            titles = list(self.parts)
        else:
            titles = [m.name for m in self.wb.sheets_metadata
                      if m.typ == SheetTypeEnum.WorkSheet]
        if kind == "xls":
            self.xls = _xls_book(data)
        self.worksheets = [_Ws(t) for t in titles]
        self.hidden = {m.name for m in self.wb.sheets_metadata  # out of the person's sight
                       if m.visible != SheetVisibleEnum.Visible}
        self._checked: dict[str, _SheetFacts] = {}
        self._sheets: dict[str, Any] = {}  # title → CalamineSheet, parsed once
        self._openpyxl: Any = None  # for a sheet calamine refuses after the checks

    def check(self, ws: _Ws, until: int | None = None) -> _SheetFacts:
        """Check `ws` before its values are read. The whole sheet, `until` notwithstanding:
        calamine reads a sheet whole, so how far its cells reach must be known first."""
        del until
        facts = self._checked.get(ws.title)
        if facts is None:
            facts = self.ods.get(ws.title) or _SheetFacts(None)
            if self.archive is not None:
                with self.archive.open(self.parts[ws.title]) as source:
                    _SheetCheck(ws.title, self.strings, facts, _Rows(self.cancelled)).run(source)
            elif self.kind != "ods" or ws.title not in self.ods:
                sheet = self._sheet(ws)
                end = sheet.end
                facts.extent = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
                for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ():
                    facts.merged.append((c0 + 1, r0 + 1, c1 + 1, r1 + 1))
            _refuse_extent(ws.title, facts)
            if self.xls is not None:  # within the data area calamine read: bounded
                _xls_errors(self.xls, ws.title, facts)
            self._checked[ws.title] = facts
        return facts

    def _sheet(self, ws: _Ws) -> Any:
        sheet = self._sheets.get(ws.title)
        if sheet is None:
            sheet = self._sheets[ws.title] = self.wb.get_sheet_by_name(ws.title)
        return sheet

    def rows(self, ws: _Ws, until: int | None = None) -> Iterator[tuple[int, list]]:
        """(row number, values of its columns from A) of the sheet's rows, in order: a number
        an int when it is whole (as openpyxl read `<v>101</v>`), else the float; a blank
        cell None; a date a datetime (as openpyxl gives it)."""
        facts = self.check(ws)
        try:
            values = self._sheet(ws).to_python(skip_empty_area=False, nrows=until)
        except Exception as exc:
            if self.kind == "xlsx":  # an error value calamine does not know (#SPILL!)
                yield from self._openpyxl_rows(ws, until)
                return
            vi, en = _describe(exc)
            raise _Refused(f"trang «{ws.title}» không đọc được ({vi})",
                           f"sheet '{ws.title}' is unreadable ({en})") from exc
        exact = facts.exact
        for number, cells in enumerate(values, 1):
            _python(cells)
            if exact:
                for (row, col), value in exact.items():
                    if row == number and col <= len(cells):
                        cells[col - 1] = value
            yield number, cells

    def _openpyxl_rows(self, ws: _Ws, until: int | None) -> Iterator[tuple[int, list]]:
        """The rows as openpyxl's public read-only API reads them (the path before calamine)."""
        from openpyxl import load_workbook
        part = self.parts[ws.title]
        try:
            if self._openpyxl is None:
                # keep_links=False: external links are cached copies of other workbooks
                self._openpyxl = load_workbook(io.BytesIO(self.data), read_only=True,
                                               data_only=True, keep_links=False)
            sheet = self._openpyxl[ws.title]
            sheet.reset_dimensions()  # the sheet's own <dimension> may say less than it holds
            for number, cells in enumerate(sheet.iter_rows(max_row=until, values_only=True), 1):
                yield number, list(cells)
        except Exception as exc:
            vi, en = _describe(exc)
            raise _Refused(f"trang «{ws.title}» (phần {part}) không đọc được ({vi})",
                           f"sheet '{ws.title}' (part {part}) is unreadable ({en})") from exc

    def close(self) -> None:
        self.wb.close()
        if self.xls is not None:
            self.xls.release_resources()
        if self._openpyxl is not None:
            self._openpyxl.close()
        if self.archive is not None:
            self.archive.close()


def _refuse_extent(title: str, facts: _SheetFacts) -> None:
    """Refuse a sheet whose cells holding data reach too far for calamine to read it."""
    rows, cols = facts.extent
    if rows * cols > MAX_CELLS:
        corner = f"A1:{get_column_letter(min(cols, 16_384))}{rows}"
        raise _Refused(
            f"trang «{title}»: các ô có dữ liệu trải trên vùng {corner} "
            f"({_count(rows * cols)[0]} ô), vượt giới hạn {_count(MAX_CELLS)[0]} ô của "
            "một trang nhập liệu; hãy xóa các ô thừa ở xa vùng dữ liệu",
            f"sheet '{title}': the cells holding data span {corner} "
            f"({_count(rows * cols)[1]} cells), over the {_count(MAX_CELLS)[1]}-cell "
            "limit of a sheet to import; delete stray cells far from the data")


PROBE_SECONDS = 120  # a damaged .xls read in a process of its own: how long it may take,
PROBE_MEMORY = 1536 * 1024 * 1024  # and how much memory (3.75 million cells read: 0.5 GB)


def _probe_xls(path: Path, data: bytes, layout: Layout, cancelled: Callable[[], bool]) -> None:
    """Read an .xls in a throwaway process first, as the import will read it (`_xls_reads`),
    and refuse it if that process dies, takes too long or too much memory: on some damaged
    files calamine's Rust asks for hundreds of gigabytes and aborts its process — the window
    with it, were it read there — and on others it loops, taking memory until the laptop
    swaps. An error raised as a Python exception is left to the import itself, which says it
    the same way for every file. Cancelled (the window's cancel, or the window closing): the
    reader is ended there and then (_Cancelled: `read_sheet` says ImportCancelled), not waited
    for up to PROBE_SECONDS."""
    import multiprocessing

    import psutil
    context = multiprocessing.get_context("spawn")  # safe from the window's threads
    reader = context.Process(target=_xls_reads, args=(path, data, layout), name="parapp-xls",
                             daemon=True)
    reader.start()
    deadline = time.monotonic() + PROBE_SECONDS
    too_much = None
    with contextlib.suppress(psutil.Error):  # gone: it ended, its exit code says how
        watched = psutil.Process(reader.pid)
        while reader.is_alive():
            reader.join(0.05)
            if cancelled():
                reader.kill()
                reader.join()
                raise _Cancelled
            if watched.memory_info().rss > PROBE_MEMORY:
                too_much = (f"cần hơn {_size(PROBE_MEMORY)[0]} bộ nhớ",
                            f"it needs more than {_size(PROBE_MEMORY)[1]} of memory")
            elif time.monotonic() > deadline:
                too_much = (f"đọc quá {PROBE_SECONDS} giây", f"reading took over "
                            f"{PROBE_SECONDS} seconds")
            if too_much:
                break
    if too_much or reader.is_alive():
        reader.kill()
        reader.join()
        vi, en = too_much or ("không kết thúc", "it does not finish")
        raise _Refused(f"không đọc được sổ tính ({vi}; tệp bị hỏng?)",
                       f"unreadable workbook ({en}; is the file damaged?)")
    if reader.exitcode == _PANICKED:  # said here: in this process it would print the panic
        raise _Refused(*_DAMAGED)
    if reader.exitcode != 0:
        raise _Refused("không đọc được sổ tính (tệp bị hỏng: trình đọc .xls dừng đột ngột)",
                       "unreadable workbook (the file is damaged: the .xls reader crashed)")


_PANICKED = 3  # the throwaway reader's exit code when calamine panicked


def _xls_reads(path: Path, data: bytes, layout: Layout) -> None:
    """The import's own reading of an .xls (`_read`), in the throwaway process of
    `_probe_xls`: its exit code says whether the reading ended, and how."""
    with contextlib.suppress(OSError):  # what a dying reader prints is no message of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    try:
        _read(path, data, layout, "xls")
    except Exception:  # refused in words: the import says it in its own process
        pass
    except BaseException as exc:
        if _panicked(exc):
            sys.exit(_PANICKED)
        raise


def _damaged(exc: Exception) -> tuple[str, str]:
    """(vi, en) for an .xls that olefile or xlrd cannot read: damaged, and what they found
    (their exceptions' names, such as struct's «error», say nothing to a user)."""
    detail = _shown(str(exc) or type(exc).__name__, 80)
    return f"{_DAMAGED[0][:-1]}: {detail})", f"{_DAMAGED[1][:-1]}: {detail})"


def _xls_book(data: bytes) -> Any:
    """An .xls as xlrd opens it, each sheet read only when asked. xlrd is given the workbook's
    stream as olefile takes it out of the file: xlrd's own reading of the container follows a
    damaged sector chain round and round for ever (gigabytes a minute), olefile refuses it."""
    import olefile  # .xls only, and rare: not loaded for .xlsx and .ods
    import xlrd
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream is None:
                raise ValueError("no Workbook stream")
            biff = ole.openstream(stream).read()
        # its warnings (a record shorter than it says…) are no message of ours
        return xlrd.open_workbook(file_contents=biff, on_demand=True, logfile=io.StringIO())
    except Exception as exc:  # olefile and xlrd raise many types for damaged workbooks
        if "encrypted" in str(exc):
            raise _Refused(*_PROTECTED) from None
        raise _Refused(*_damaged(exc)) from exc


def _xls_errors(book: Any, title: str, facts: _SheetFacts) -> None:
    """Note the cells of an .xls sheet that hold one of Excel's error values, read by xlrd
    (calamine gives them as empty cells)."""
    from xlrd import XL_CELL_ERROR, error_text_from_code
    try:
        sheet = book.sheet_by_name(title)
        for r in range(sheet.nrows):
            types = sheet.row_types(r)
            if XL_CELL_ERROR in types:
                for c, kind in enumerate(types):
                    if kind == XL_CELL_ERROR:
                        code = sheet.cell_value(r, c)
                        facts.special[(r + 1, c + 1)] = (
                            "e", error_text_from_code.get(int(code), f"#{code}"))
        book.unload_sheet(title)
    except Exception as exc:  # xlrd raises many types for damaged workbooks
        vi, en = _damaged(exc)
        raise _Refused(f"trang «{title}»: {vi}", f"sheet '{title}': {en}") from exc


def _ods_facts(data: bytes, cancelled: Callable[[], bool]) -> dict[str, _SheetFacts]:
    """Each sheet of an .ods (already unpacked and parsed once by _check_package) as _OdsCheck
    finds it; none when it has no content.xml (calamine then says what is wrong)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "content.xml" not in archive.namelist():
            return {}
        with archive.open("content.xml") as source:
            return _OdsCheck(_Rows(cancelled)).run(source)


_INT_FLOAT = float(1 << 53)  # a whole float up to this is exactly the integer it shows


def _python(cells: list) -> None:
    """calamine's values in place as openpyxl gave them: whole numbers as int, '' as None,
    a date as a datetime at midnight."""
    for i, value in enumerate(cells):
        kind = value.__class__
        if kind is float:
            if value.is_integer() and -_INT_FLOAT <= value <= _INT_FLOAT:
                cells[i] = int(value)
        elif kind is str:
            if not value:
                cells[i] = None
        elif kind is date:
            cells[i] = datetime(value.year, value.month, value.day)


_MAIN = "{" + SHEET_MAIN_NS + "}"
_WORKBOOK_TYPES = (XLTM, XLTX, XLSM, XLSX)  # in the order openpyxl looks for them


def _package_map(archive: zipfile.ZipFile) -> tuple[dict[str, str], int]:
    """(title → part of each worksheet, in the workbook's order; the number of shared
    strings), found the way openpyxl finds them: the workbook and the shared strings by their
    content types, each sheet through the workbook's relationships. The parts were scanned
    (no DTD, bounded) before this reads them."""
    types = ElementTree.fromstring(archive.read("[Content_Types].xml"))
    overrides = {o.get("ContentType"): o.get("PartName", "").lstrip("/")
                 for o in reversed(types.findall(f"{{{CONTYPES_NS}}}Override"))}
    workbook = next((overrides[t] for t in _WORKBOOK_TYPES if t in overrides), "xl/workbook.xml")
    folder, name = posixpath.split(workbook)
    rels = {}
    for rel in ElementTree.fromstring(archive.read(posixpath.join(
            folder, "_rels", f"{name}.rels"))).iter(f"{{{PKG_REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        rels[rel.get("Id")] = (rel.get("Type", ""), target[1:] if target.startswith("/") else
                               posixpath.normpath(posixpath.join(folder, target)))
    names = set(archive.namelist())
    parts = {}
    for sheet in ElementTree.fromstring(archive.read(workbook)).iter(f"{_MAIN}sheet"):
        kind, target = rels.get(sheet.get(f"{{{REL_NS}}}id"), ("", ""))
        if target in names and "chartsheet" not in kind:
            parts[sheet.get("name", "")] = target  # openpyxl has loaded it: it has a name
    strings = 0
    if SHARED_STRINGS in overrides:
        parser = pyexpat.ParserCreate(namespace_separator="}")
        counted = [0]

        def start(name: str, _attrs) -> None:
            if name == _SI:
                counted[0] += 1

        parser.StartElementHandler = start
        with archive.open(overrides[SHARED_STRINGS]) as source:
            parser.ParseFile(source)
        strings = counted[0]
    return parts, strings


# element names as expat gives them with namespace_separator="}": "<namespace>}<name>"
_ROW, _C, _V, _F, _MERGE, _SI = (f"{SHEET_MAIN_NS}}}{n}" for n in
                                ("row", "c", "v", "f", "mergeCell", "si"))


@dataclass
class _SheetFacts:
    until: int | None  # the last row checked; None: all of them
    # (row, column) → ("e", Excel's error value) or ("f", a formula never calculated)
    special: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min col, row, max…
    extent: tuple[int, int] = (0, 0)  # the last row and column holding a value or formula
    # (row, column) → a whole number too long for a float (a code of 17 digits typed as one)
    exact: dict[tuple[int, int], int] = field(default_factory=dict)


class _Stop(Exception):
    pass


class _SheetCheck:
    """One pass of expat over a worksheet's XML, read as openpyxl's reader reads it: rows by
    their number (else the next), cells by their reference (else the next column), values by
    their type. Raises _Refused at the first problem."""

    def __init__(self, title: str, strings: int, facts: _SheetFacts, counted: _Rows):
        self.title, self.strings, self.facts, self.counted = title, strings, facts, counted
        self.row = self.col = self.last_row = self.last_col = 0
        self.cell: tuple[int, int, str] | None = None  # row, column, type of the open cell
        self.text: list[str] = []
        self.value: str | None = None
        self.formula: str | None = None
        self.formula_attrs: dict[str, str] = {}
        # shared formulas: si → (text, cell); a formula without an si is shared under None
        self.shared: dict[str | None, tuple[str, str]] = {}

    def run(self, source) -> None:
        parser = self.parser = pyexpat.ParserCreate(namespace_separator="}")
        parser.ordered_attributes = True
        self.starts = {_C: self.start_cell, _V: self.start_text, _F: self.start_text,
                       _ROW: self.start_row, _MERGE: self.start_merge}
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        with contextlib.suppress(_Stop):
            parser.ParseFile(source)
        self.facts.extent = (self.last_row, self.last_col)

    @property
    def open_cell(self) -> tuple[int, int, str]:
        """(row, column, type) of the cell being read: only asked inside its <c> element."""
        assert self.cell is not None, "no cell is open"
        return self.cell

    def refuse(self, vi: str, en: str, ref: str | None = None) -> _Refused:
        if not ref:
            row, col, _ = self.open_cell
            ref = f"{get_column_letter(col)}{row}"
        where = f"{self.title}!{ref}"
        return _Refused(f"{where}: {vi}", f"{where}: {en}")

    def start(self, name: str, attrs: list[str]) -> None:
        handler = self.starts.get(name)  # expat interns names: one hash, cached
        if handler is not None:
            handler(name, dict(zip(attrs[::2], attrs[1::2])) if attrs else {})

    def start_text(self, name: str, attrs: dict[str, str]) -> None:
        if self.cell is not None:
            self.text = []
            self.parser.CharacterDataHandler = self.text.append
            if name == _F:
                self.formula_attrs = attrs

    def start_merge(self, _name: str, attrs: dict[str, str]) -> None:
        ref = attrs.get("ref", "")
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
            # whole columns or rows ("A:B", "2:3"): Excel always writes a merge's four corners
            if min_col is None or min_row is None or max_col is None or max_row is None:
                raise ValueError(ref)
        except Exception:
            raise _Refused(f"trang «{self.title}»: vùng ô gộp «{_shown(ref)}» không hợp lệ",
                           f"sheet '{self.title}': invalid merged range '{_shown(ref)}'"
                           ) from None
        self.facts.merged.append((min_col, min_row, max_col, max_row))

    def start_row(self, _name: str, attrs: dict[str, str]) -> None:
        last, r = self.row, attrs.get("r")
        if r is None:
            number = last + 1
        else:  # as openpyxl: an integer, or a float that is one ("2.0")
            try:
                number = int(r)
            except ValueError:
                try:
                    as_float = float(r)
                except ValueError:
                    as_float = math.nan
                if not as_float.is_integer():
                    shown = _shown(r)
                    raise _Refused(f"trang «{self.title}»: số dòng «{shown}» không hợp lệ",
                                   f"sheet '{self.title}': invalid row number '{shown}'"
                                   ) from None
                number = int(as_float)
        if not last < number <= EXCEL_ROWS:
            raise _Refused(f"trang «{self.title}»: dòng {number} không theo thứ tự (sau dòng "
                           f"{last}) hoặc ngoài giới hạn của Excel",
                           f"sheet '{self.title}': row {number} out of order (after row "
                           f"{last}) or beyond Excel's last row")
        if self.facts.until is not None and number > self.facts.until:
            raise _Stop
        self.row, self.col = number, 0
        self.counted.one()

    def start_cell(self, _name: str, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref:
            try:
                row, col = coordinate_to_tuple(ref)
            except Exception:
                shown = _shown(ref)
                raise _Refused(f"trang «{self.title}», dòng {self.row}: địa chỉ ô «{shown}» "
                               "không hợp lệ",
                               f"sheet '{self.title}', row {self.row}: invalid cell address "
                               f"'{shown}'") from None
        else:
            row, col = self.row, self.col + 1
        self.cell = (row, col, attrs.get("t", "n"))
        if col <= self.col or row != self.row:
            raise self.refuse(f"ô lặp lại, sai thứ tự hoặc nằm ngoài dòng {self.row} của nó "
                              "trong XML của trang",
                              f"cell repeated, out of order or outside its row {self.row} in "
                              "the sheet's XML", f"{get_column_letter(col)}{row}")
        self.col = col
        style = attrs.get("s")
        if style:
            try:
                int(style)
            except ValueError:
                raise self.refuse(f"kiểu định dạng «{_shown(style)}» không hợp lệ",
                                  f"invalid style '{_shown(style)}'") from None
        self.value = self.formula = None

    def end(self, name: str) -> None:
        if name in (_V, _F):
            if self.cell is not None:
                self.parser.CharacterDataHandler = None
                text = "".join(self.text)
                if name == _V:
                    self.value = text
                else:
                    self.formula = self.shared_formula(text)
        elif name == _C:
            self.end_cell()

    def shared_formula(self, text: str) -> str:
        """The formula's text as Excel shows it; a shared one's follower, translated from the
        first cell as openpyxl does it."""
        attrs, (row, col, _) = self.formula_attrs, self.open_cell
        here = f"{get_column_letter(col)}{row}"
        if attrs.get("t") != "shared":
            return "=" + text
        first = self.shared.get(attrs.get("si"))
        if first is None:
            self.shared[attrs.get("si")] = ("=" + text, here)
            return "=" + text
        try:
            return Translator(first[0], origin=first[1]).translate_formula(here)
        except Exception:
            return first[0]

    def end_cell(self) -> None:
        row, col, kind = self.open_cell
        # as openpyxl: an empty <v> is no value; an inline string's is in <is>, not <v>
        value = None if kind == "inlineStr" else self.value or None
        if value is not None or self.formula is not None or kind == "inlineStr":
            self.last_row = row
            if col > self.last_col:
                self.last_col = col
        if value is None:
            if self.formula is not None and kind != "inlineStr":
                self.facts.special[(row, col)] = ("f", self.formula)
        elif kind == "n":
            try:
                if "." in value or "E" in value or "e" in value:
                    float(value)
                elif len(value) > 15 and abs(whole := int(value)) > 1 << 53:
                    self.facts.exact[(row, col)] = whole  # calamine gives it as a float
                else:
                    int(value)
            except ValueError:  # as openpyxl reads a number
                raise self.refuse(f"«{_shown(value)}» không phải là số",
                                  f"'{_shown(value)}' is not a number") from None
        elif kind == "s":  # openpyxl indexes a list: "-1" would be the last string
            if not (value.isascii() and value.isdigit() and int(value) < self.strings):
                raise self.refuse(
                    f"không có chuỗi số «{_shown(value)}» trong bảng chuỗi dùng chung (phần "
                    "xl/sharedStrings.xml thiếu hoặc hỏng)",
                    f"no string number '{_shown(value)}' in the shared strings (part "
                    "xl/sharedStrings.xml is missing or damaged)")
        elif kind == "b":
            try:
                int(value)
            except ValueError:
                raise self.refuse(f"«{_shown(value)}» không phải là giá trị đúng/sai",
                                  f"'{_shown(value)}' is not a true/false value") from None
        elif kind == "d":
            try:
                from_ISO8601(value)
            except Exception:
                raise self.refuse(f"«{_shown(value)}» không phải là ngày giờ",
                                  f"'{_shown(value)}' is not a date") from None
        elif kind == "e":
            self.facts.special[(row, col)] = ("e", value)
        self.cell = None


_ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODS_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_ODS_CELLS = (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell")
_ODS_COLUMNS, _ODS_ROWS = _ODS_TABLE + "number-columns-repeated", _ODS_TABLE + "number-rows-repeated"
_ODS_SPAN = _ODS_TABLE + "number-columns-spanned"
# cells an .ods may mark (error values, formulas never calculated, merged ranges) before its
# sheet is refused whole: one repeated element may stand for millions of them
MAX_MARKED = 10_000


class _OdsCheck:
    """One pass of expat over an .ods's content.xml, before calamine reads it: calamine reads
    every sheet at once, expanding each cell repeated (table:number-columns-repeated,
    number-rows-repeated) into as many values, so a file of a kilobyte could ask for gigabytes.
    Per sheet: how far the cells holding anything reach, repetitions counted; and what
    calamine's values do not tell — an error value (calamine gives "", LibreOffice writes
    calcext:value-type="error"), a formula without a value, the merged ranges."""

    def __init__(self, counted: _Rows) -> None:
        self.counted = counted
        self.sheets: dict[str, _SheetFacts] = {}
        self.facts: _SheetFacts | None = None
        self.row = self.col = self.last_row = self.last_col = 0
        self.rows = 1  # the open row's repetitions
        self.row_used = False
        self.cell: tuple[int, str | None, str | None] | None = None  # repeat, formula, error
        self.cell_used = False
        self.text: list[str] | None = None  # an error cell's text
        self.marked = 0

    def run(self, source) -> dict[str, _SheetFacts]:
        parser = self.parser = pyexpat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.ParseFile(source)
        return self.sheets

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.cell is not None:  # inside a cell: its paragraphs, or what else it holds
            self.cell_used = True
            return
        if name in _ODS_CELLS and self.facts is not None:
            repeat = _repeat(attrs, _ODS_COLUMNS) if _ODS_COLUMNS in attrs else 1
            used = (_ODS_OFFICE + "value-type") in attrs or (_ODS_TABLE + "formula") in attrs
            formula = attrs.get(_ODS_TABLE + "formula")
            error = attrs.get(_ODS_CALCEXT + "value-type") == "error"
            self.cell = (repeat, formula if (_ODS_OFFICE + "value-type") not in attrs else None,
                         "" if error else None)
            self.text = [] if error else None
            if self.text is not None:  # an error's text is read: no call for any other text
                self.parser.CharacterDataHandler = self.text.append
            self.cell_used = used
            spanned = (_repeat(attrs, _ODS_TABLE + "number-columns-spanned"),
                       _repeat(attrs, _ODS_TABLE + "number-rows-spanned")) \
                if _ODS_SPAN in attrs or _ODS_TABLE + "number-rows-spanned" in attrs else (1, 1)
            if spanned != (1, 1):
                self._mark(self.rows * repeat)
                for r in range(self.row + 1, self.row + self.rows + 1):
                    for c in range(self.col + 1, self.col + repeat + 1):
                        self.facts.merged.append((c, r, c + spanned[0] - 1, r + spanned[1] - 1))
        elif name == _ODS_TABLE + "table-row" and self.facts is not None:
            self.rows, self.col, self.row_used = _repeat(attrs, _ODS_ROWS), 0, False
            self.counted.one()
        elif name == _ODS_TABLE + "table":
            self.facts = self.sheets[attrs.get(_ODS_TABLE + "name", "")] = _SheetFacts(None)
            self.row = self.last_row = self.last_col = 0

    def end(self, name: str) -> None:
        facts = self.facts
        if self.cell is not None and name in _ODS_CELLS and facts is not None:
            repeat, formula, error = self.cell
            if self.cell_used:
                self.row_used = True
                self.last_col = max(self.last_col, self.col + repeat)
                what = ("e", "".join(self.text or ()).strip() or "#VALUE!") \
                    if error is not None else ("f", formula) if formula else None
                if what is not None:
                    self._mark(self.rows * repeat)
                    for r in range(self.row + 1, self.row + self.rows + 1):
                        for c in range(self.col + 1, self.col + repeat + 1):
                            facts.special[(r, c)] = what
            self.col += repeat
            if self.text is not None:
                self.parser.CharacterDataHandler = None
            self.cell = self.text = None
        elif name == _ODS_TABLE + "table-row" and facts is not None and self.cell is None:
            if self.row_used:
                self.last_row = self.row + self.rows
            self.row += self.rows
        elif name == _ODS_TABLE + "table" and facts is not None:
            facts.extent = (self.last_row, self.last_col)
            self.facts = None

    def _mark(self, count: int) -> None:
        """`count` more cells to mark; past MAX_MARKED in all, the sheet is refused."""
        self.marked += count
        if self.marked > MAX_MARKED:
            title = next(t for t, f in self.sheets.items() if f is self.facts)
            raise _Refused(
                f"trang «{title}» có hơn {_count(MAX_MARKED)[0]} ô gộp, ô chứa giá trị lỗi hoặc "
                "công thức chưa có giá trị đã tính; hãy sửa trong LibreOffice rồi lưu lại",
                f"sheet '{title}' has more than {_count(MAX_MARKED)[1]} merged cells, cells "
                "holding error values or formulas never calculated; fix them in LibreOffice "
                "and save")


def _repeat(attrs: dict[str, str], key: str) -> int:
    """A repetition or span count of an .ods element (1 when absent; a wrong one refused)."""
    text = attrs.get(key)
    if text is None:
        return 1
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= EXCEL_ROWS:
        name = "table:" + key.rpartition("}")[2]
        raise _Refused(f"content.xml: {name}=«{_shown(text)}» không phải là số lần hợp lệ",
                       f"content.xml: {name}='{_shown(text)}' is not a valid count")
    return int(text)


def _describe(exc: Exception) -> tuple[str, str]:
    """(vi, en) of an exception from openpyxl, zipfile or calamine, for a message."""
    missing = re.search(r"no item named '([^']*)' in the archive", str(exc))
    if isinstance(exc, KeyError) and missing:
        return f"thiếu phần {missing[1]}", f"part {missing[1]} is missing"
    if isinstance(exc, (CalamineError, XmlError, ZipError)):  # its words are the reader's own
        return "tệp bị hỏng hoặc không trọn vẹn", "the file is damaged or incomplete"
    text = _shown(f"{type(exc).__name__}: {exc}", 200)
    return text, text


def _shown(text: str | None, limit: int = 40) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _size(n: int) -> tuple[str, str]:
    """(vi, en) of a byte count: ('2,1 GB', '2.1 GB')."""
    unit, scale = next((u, s) for u, s in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10),
                                           ("byte", 1)) if n >= s or s == 1)
    text = f"{n / scale:.1f}".removesuffix(".0")
    return f"{text.replace('.', ',')} {unit}", f"{text} {unit}"


def _count(n: int) -> tuple[str, str]:
    """(vi, en) of a count: ('60.000', '60,000')."""
    return f"{n:,}".replace(",", "."), f"{n:,}"


# -- values -----------------------------------------------------------------------------------

def number(cell: Cell, errors: list[str], label: str = "") -> Decimal | None:
    """An exact number from a cell: '8,5', '8.5', 8.5 (float from Excel), '91,17%'.

    Float artefacts of spreadsheet arithmetic (0.30000000000000004) are rounded away when they
    sit beyond the decimals parapp accepts; real extra precision is refused. Magnitudes no
    sheet has any use for ('1e400') are refused here, before any rule does arithmetic on them.
    """
    value = cell.value
    label = f"{label} " if label else ""
    if isinstance(value, (bool, datetime)):
        errors.append(f"{cell.ref}: {label}«{value}» không phải là số")
        return None
    try:
        exact = Decimal(repr(value)) if isinstance(value, float) else parse_decimal(
            value if isinstance(value, (int, Decimal)) else str(value))
        too_big = abs(exact) >= NUMBER_LIMIT  # NaN: InvalidOperation
    except (ValueError, TypeError, InvalidOperation):
        errors.append(f"{cell.ref}: {label}«{_shown(cell.text)}» không phải là số")
        return None
    if too_big:
        errors.append(f"{cell.ref}: {label}«{_shown(cell.text)}» quá lớn: mọi số trong sổ tính "
                      f"nhập liệu đều dưới {_count(int(NUMBER_LIMIT))[0]}")
        return None
    if isinstance(value, float):
        rounded = quantize(exact, MAX_ENTERED_DECIMALS)
        if abs(rounded - exact) < Decimal("1e-9"):
            return rounded
    if too_precise(exact):
        errors.append(f"{cell.ref}: {label}tối đa {MAX_ENTERED_DECIMALS} chữ số thập phân "
                      f"({_shown(cell.text)})")
        return None
    return exact


_YES = {"có", "co", "x", "1", "true", "yes", "đúng", "dung", "không xếp hạng", "✓", "v"}
_NO = {"không", "khong", "0", "false", "no", "sai", "-"}


def yes(cell: Cell | None, errors: list[str]) -> bool:
    """A Có / Không cell (blank: Không). Anything else is an error naming the cell: a mark the
    list does not know must not silently mean "no" (a mandatory evidence dropped)."""
    if cell is None:
        return False
    if isinstance(cell.value, (int, float, Decimal)) and cell.value in (0, 1):  # 1, 1.0, TRUE
        return bool(cell.value)
    word = normalise(cell.text)
    if word in _YES:
        return True
    if word not in _NO:
        errors.append(f"{cell.ref}: «{cell.text}» không phải Có hoặc Không (Có, x, 1; Không, 0 "
                      "hoặc để trống)")
    return False
