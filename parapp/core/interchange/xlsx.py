"""Reading workbooks defensively: every problem becomes a message naming the sheet and cell.

openpyxl's read-only mode keeps large sheets cheap but hides merged cells and gives formulas
instead of their cached values; both are recovered here only when needed.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from parapp.core.errors import ParappError
from parapp.core.interchange.columns import Layout, block_max_header, match_header, normalise
from parapp.core.numbers import MAX_ENTERED_DECIMALS, parse_decimal, quantize, too_precise

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and legacy .xls
HEADER_SEARCH_ROWS = 10


class ImportFailed(ParappError):
    """A file could not be imported; `errors` lists every problem; nothing was changed."""

    def __init__(self, path: Path, errors: list[str]):
        self.errors = errors
        head = f"{path.name}: {len(errors)} lỗi, không có dữ liệu nào được nhập"
        head_en = f"{path.name}: {len(errors)} error(s), nothing was imported"
        super().__init__("\n".join([head, *(f"  {e}" for e in errors)]),
                         "\n".join([head_en, *(f"  {e}" for e in errors)]))


class Cell:
    """A cell's value and where it is; the reference text is made only when a message needs it."""

    __slots__ = ("value", "_where", "_row")

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
        return "" if self.value is None else str(self.value).strip()


class Row:
    """One data row; cells are made on demand (an import reads a few of each row's columns)."""

    __slots__ = ("number", "_values", "_columns", "_blocks", "_prefix")

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
        return str(self._values[i]).strip() or None

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


def open_workbook(path: Path):
    """The workbook in read-only mode, or ImportFailed with a one-line reason."""
    if not path.exists():
        raise ImportFailed(path, [f"{path}: không tìm thấy tệp"])
    with path.open("rb") as f:
        head = f.read(8)
    if head == _OLE_MAGIC:
        data = path.read_bytes()
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k" in data:
            reason = "sổ tính được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi lưu lại"
        else:
            reason = "định dạng Excel 97–2003 (.xls); hãy lưu lại dưới dạng .xlsx"
        raise ImportFailed(path, [f"{path.name}: {reason}"])
    if not zipfile.is_zipfile(path):
        raise ImportFailed(path, [f"{path.name}: không phải sổ tính Excel (.xlsx)"])
    try:
        return load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for damaged packages
        raise ImportFailed(path, [f"{path.name}: không đọc được sổ tính ({exc})"]) from None


def _merged_ranges(wb, ws) -> list[tuple[int, int, int, int]]:
    """Merged ranges from the sheet XML (read-only worksheets do not expose them)."""
    try:
        xml = wb._archive.read(ws._worksheet_path)  # openpyxl 3.1 read-only internals
    except (AttributeError, KeyError):
        return []
    start = xml.rfind(b"<mergeCells")
    if start < 0:
        return []
    return [range_boundaries(ref.decode()) for ref in
            re.findall(rb'<mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"', xml[start:])]


def _find_header(ws, layout: Layout) -> tuple[int, list[Any]] | None:
    required = {c.key for c in layout.columns if c.required}
    for number, values in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True),
                                    start=1):
        keys = {match_header(layout, v) for v in values if isinstance(v, str)}
        if required <= keys:
            return number, list(values)
    return None


def read_sheet(path: Path, layout: Layout) -> Sheet:
    """The data rows of the layout's sheet, or ImportFailed listing every structural problem."""
    wb = open_workbook(path)
    try:
        ws = next((w for w in wb.worksheets if normalise(w.title) == normalise(layout.sheet)),
                  None)
        candidates = [ws] if ws is not None else list(wb.worksheets)
        found = None
        for candidate in candidates:
            found = _find_header(candidate, layout)
            if found:
                ws = candidate
                break
        if not found:
            need = ", ".join(f"«{c.header}»" for c in layout.columns if c.required)
            where = f"trang «{ws.title}»" if ws is not None else "sổ tính"
            raise ImportFailed(path, [f"{path.name}: {where} không có dòng tiêu đề với các cột "
                                      f"{need}"])
        header_row, headers = found
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
            if block is not None and key is None:
                block_index[i] = block
            else:
                index[i] = key
        if layout.any_of and not set(index.values()) & set(layout.any_of):
            names = ", ".join(f"«{layout.column(k).header}»" for k in layout.any_of)
            errors.append(f"{ws.title}!{header_row}: cần ít nhất một trong các cột {names}")
        merged = [m for m in _merged_ranges(wb, ws) if m[3] > header_row]
        for min_col, min_row, max_col, max_row in merged:
            errors.append(f"{ws.title}!{get_column_letter(min_col)}{min_row}:"
                          f"{get_column_letter(max_col)}{max_row}: ô gộp trong vùng dữ liệu; "
                          "hãy bỏ gộp ô")
        rows: list[Row] = []
        formulas: list[tuple[Cell, int, int]] = []
        columns = {key: i for i, key in index.items()}
        blocks = {block: i for i, block in block_index.items()}
        width = max([*index, *block_index], default=0) + 1
        prefix = [f"{ws.title}!{get_column_letter(i + 1)}" for i in range(width)]
        for number, values in enumerate(ws.iter_rows(min_row=header_row + 1, max_col=width,
                                                     values_only=True), start=header_row + 1):
            if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in values):
                continue
            row = Row(number, values, columns, blocks, prefix)
            for i, value in enumerate(values):
                if isinstance(value, str) and value.startswith("=") and (
                        i in index or i in block_index):
                    formulas.append((Cell(f"{prefix[i]}{number}", value), number, i + 1))
            rows.append(row)
        if formulas:
            errors += _resolve_formulas(path, ws.title, formulas, rows)
        if errors:
            raise ImportFailed(path, errors)
        return Sheet(ws.title, set(index.values()), list(block_index.values()), rows)
    finally:
        wb.close()


def _resolve_formulas(path: Path, title: str, formulas: list[tuple[Cell, int, int]],
                      rows: list[Row]) -> list[str]:
    """Replace formulas by the values Excel cached; a formula never calculated is an error."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[title]
        wanted = {(r, c): cell for cell, r, c in formulas}
        lo, hi = min(r for r, _ in wanted), max(r for r, _ in wanted)
        cached = {}
        for r, values in enumerate(ws.iter_rows(min_row=lo, max_row=hi, values_only=True),
                                   start=lo):
            for c, value in enumerate(values, start=1):
                if (r, c) in wanted:
                    cached[(r, c)] = value
    finally:
        wb.close()
    by_number = {row.number: row for row in rows}
    errors = []
    for (r, c), cell in wanted.items():
        value = cached.get((r, c))
        if value is None:
            errors.append(f"{cell.ref}: công thức «{cell.value}» chưa có giá trị đã tính; hãy mở "
                          "tệp bằng Excel hoặc LibreOffice và lưu lại")
        else:
            row = by_number[r]
            row._values = row._values[:c - 1] + (value,) + row._values[c:]
    return errors


def number(cell: Cell, errors: list[str], label: str = "") -> Decimal | None:
    """An exact number from a cell: '8,5', '8.5', 8.5 (float from Excel), '91,17%'.

    Float artefacts of spreadsheet arithmetic (0.30000000000000004) are rounded away when they
    sit beyond the decimals parapp accepts; real extra precision is refused.
    """
    value = cell.value
    label = f"{label} " if label else ""
    if isinstance(value, bool) or isinstance(value, datetime):
        errors.append(f"{cell.ref}: {label}«{value}» không phải là số")
        return None
    try:
        if isinstance(value, float):
            exact = Decimal(repr(value))
            rounded = quantize(exact, MAX_ENTERED_DECIMALS)
            return rounded if abs(rounded - exact) < Decimal("1e-9") else exact
        result = parse_decimal(value if isinstance(value, (int, Decimal)) else str(value))
    except (ValueError, TypeError, InvalidOperation):
        errors.append(f"{cell.ref}: {label}«{cell.text}» không phải là số")
        return None
    if too_precise(result):
        errors.append(f"{cell.ref}: {label}tối đa {MAX_ENTERED_DECIMALS} chữ số thập phân "
                      f"({cell.text})")
        return None
    return result


def yes(cell: Cell | None) -> bool:
    return cell is not None and normalise(cell.text) in {
        "có", "co", "x", "1", "true", "yes", "đúng", "không xếp hạng"}
