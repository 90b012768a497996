"""Stored values the models could not read, found by one scan when a file is opened and by
`parapp check`.

A file edited with an SQLite tool, or damaged, may hold anything SQLite allows: text or a blob
where a score is, an infinity, broken JSON in a setting, an id pointing at no row. Reading such a
value would fail deep inside a view; the scan instead names each one — table, row in the user's
terms, column, value — and the file is refused with what to do. What is checked follows the
column types the models declare (exact decimals, JSON, integers, booleans, binary, text, foreign
keys), so a new table or column is covered without being listed here. SQL finds the few
candidate rows fast; Python, with the same parsing the models use, decides on those only.
"""
from __future__ import annotations

import functools
import json
import sqlite3
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Integer, LargeBinary, Table

from parapp.core.classification import Grade
from parapp.core.criteria import params_problem
from parapp.core.errors import FileFormatError
from parapp.core.i18n import pick
from parapp.core.models import AuditEntry, Base, DecimalText, JSONText
from parapp.core.phases import Phase
from parapp.core.settings import stored_problem

# tables in words, for messages ("bảng điểm (score)"); a table not named here shows its name only
WORDS = {"score": "điểm", "unit": "đơn vị", "criterion": "tiêu chí", "block": "khối",
         "member": "thành viên Hội đồng", "setting": "thiết lập", "evidence": "tài liệu",
         "survey_result": "kết quả khảo sát", "adjustment": "điểm thưởng/trừ",
         "head_override": "xếp loại điều chỉnh", "exclusion": "tiêu chí không áp dụng",
         "criterion_max": "điểm tối đa theo khối", "period": "kỳ đánh giá",
         "member_unit": "đơn vị của thành viên", "blob": "nội dung tài liệu",
         "audit": "nhật ký", "merged_package": "gói đã hợp nhất",
         "merge_resolution": "xử lý xung đột", "package_info": "thông tin gói",
         "package_base": "giá trị gốc của gói", "seal": "niêm phong",
         "sent_package": "gói đã gửi", "sent_row": "dòng của gói đã gửi",
         "phase_change": "giai đoạn", "survey_item": "kết quả khảo sát theo tiêu chí",
         "previous_period": "kỳ trước", "previous_unit": "đơn vị năm trước",
         "previous_value": "điểm năm trước", "bonus_item": "danh mục thưởng, trừ"}
# The audit log is append-only history that no view reads (an undo reads only its own fresh
# entries); its ~40,000 JSON entries would double the time to open a file. `check` scans it.
HISTORY = frozenset({AuditEntry.__tablename__})
_SHOWN = 40  # characters of a bad value shown


@dataclass(frozen=True)
class BadValue:
    table: str
    row: tuple[str, str]  # the row in the user's terms, (vi, en): "đơn vị SYT, tiêu chí 1.2"
    column: str
    value: str  # as stored, shortened
    reason: tuple[str, str]  # (vi, en), reads after the value: "'abc' không phải là số"
    setting: str | None = None  # the setting's key: `parapp settings` can set it again

    def where(self, lang: str | None = None) -> str:
        word = WORDS.get(self.table)
        vi = f"bảng {word} ({self.table})" if word else f"bảng {self.table}"
        return _pick(lang, f"{vi}, {self.row[0]}", f"table {self.table}, {self.row[1]}")

    def problem(self, lang: str | None = None) -> str:
        return _pick(lang, f"cột {self.column}: giá trị {self.value} {self.reason[0]}",
                     f"column {self.column}: value {self.value} {self.reason[1]}")


def _pick(lang: str | None, vi: str, en: str) -> str:
    return pick(vi, en) if lang is None else (en if lang == "en" else vi)


def refusal(path: Path, bad: list[BadValue]) -> FileFormatError:
    """The one-line error that refuses a file holding `bad` values: the first, how many more, and
    what to do."""
    first = bad[0]
    more_vi = f" (và {len(bad) - 1} giá trị hỏng khác)" if len(bad) > 1 else ""
    more_en = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
    if first.setting is not None:
        todo_vi = (f"hãy đặt lại: parapp settings {path} {first.setting}=… (hoặc khôi phục bản "
                   "sao lưu)")
        todo_en = (f"set it again: parapp settings {path} {first.setting}=… (or restore a "
                   "backup)")
    else:
        todo_vi = "hãy khôi phục bản sao lưu gần nhất hoặc sửa giá trị này bằng công cụ SQLite"
        todo_en = "restore the latest backup, or correct this value with an SQLite tool"
    return FileFormatError(
        f"{path}: dữ liệu hỏng ở {first.where('vi')}, {first.problem('vi')}{more_vi}; "
        f"{todo_vi}; lệnh parapp check {path} liệt kê tất cả",
        f"{path}: damaged data in {first.where('en')}, {first.problem('en')}{more_en}; "
        f"{todo_en}; parapp check {path} lists them all")


def scan(con: sqlite3.Connection, history: bool = True) -> list[BadValue]:
    """Every stored value of the models' tables that reading would choke on or misread (also in
    tombstoned rows: writes and undo read them), in table order. `history=False` leaves out the
    audit log (see HISTORY). Raises sqlite3.DatabaseError when a page cannot be read."""
    factory = con.text_factory
    con.text_factory = _lenient_text  # a value that is not UTF-8 is shown, not a crash here
    try:
        tables = [t for t in Base.metadata.sorted_tables if history or t.name not in HISTORY]
        bad = _foreign_keys(con, tables) + _criteria_off_the_tree(con) + _years(con)
        for table in tables:
            bad.extend(_scan_table(con, table))
        order = {t.name: (t.name in HISTORY, i) for i, t in enumerate(tables)}
        return sorted(bad, key=lambda b: order[b.table])  # what views read first
    finally:
        con.text_factory = factory


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


# -- what each column type may hold: an SQL test for candidates, a Python verdict on them --------

Verdict = Callable[[Any], tuple[str, str] | None]


def _decimal(value) -> tuple[str, str] | None:
    try:  # what DecimalText reads, and finite: the engine adds and compares them
        if isinstance(value, str) and Decimal(value).is_finite():
            # and rounded for display within Decimal's 28 digits: points are far below 10^15
            if -20 < Decimal(value).adjusted() < 15 or Decimal(value).is_zero():
                return None
            return ("quá lớn hoặc quá nhiều chữ số", "is too large or has too many digits")
    except InvalidOperation:
        pass
    return ("không phải là số", "is not a number")


def _json(shape: type | None) -> Verdict:
    def verdict(value) -> tuple[str, str] | None:
        try:
            data = json.loads(value, parse_constant=_no_constant) \
                if isinstance(value, str) else _no_constant(value)
        except (ValueError, RecursionError):
            return ("không phải JSON hợp lệ", "is not valid JSON")
        if shape is not None and not isinstance(data, shape):
            return ("không phải một đối tượng JSON {…}", "is not a JSON object {…}")
        return None
    return verdict


def _no_constant(name):
    raise ValueError(name)  # NaN, Infinity: Python's json takes them, JSON has no such thing


def _integer(value) -> tuple[str, str] | None:
    if isinstance(value, int):
        return None
    return ("không phải là số nguyên", "is not a whole number")


def _boolean(value) -> tuple[str, str] | None:
    if isinstance(value, int) and value in (0, 1):
        return None
    return ("không phải 0 hoặc 1", "is not 0 or 1")


def _binary(value) -> tuple[str, str] | None:
    return None if isinstance(value, bytes) else ("không phải dữ liệu nhị phân",
                                                  "is not binary data")


# far beyond any name or note parapp takes (a note: 5,000), far below what stalls a report
TEXT_MAX = 100_000


def _text(value) -> tuple[str, str] | None:
    if not isinstance(value, str):
        return ("không phải là văn bản", "is not text")
    if len(value) > TEXT_MAX:
        return (f"dài {len(value)} ký tự, quá {TEXT_MAX}",
                f"is {len(value)} characters long, over {TEXT_MAX}")
    return None


def _rule(table: Table, column: Column) -> tuple[str, Verdict] | None:
    """(SQL condition true for every value that may be bad, verdict) for a column, or None when
    SQLite itself guarantees the type (the integer rowid) or foreign_key_check covers it."""
    name, kind = f'"{column.name}"', column.type
    if column.foreign_keys or (column.primary_key and isinstance(kind, Integer)):
        return None
    if isinstance(kind, DecimalText):  # digits with at most one '.'; anything else is looked at
        # SQLite's string functions stop at a NUL character: the byte length sees past it
        test = (f"{name} >= x'' OR {name} GLOB '*[^0-9.]*' OR {name} GLOB '*.*.*' "
                f"OR {name} IN ('', '.') OR length(CAST({name} AS BLOB)) != length({name}) "
                f"OR length({name}) > 20")
        if column.nullable:  # mostly empty (second appraisals): skip the rest at once
            test = f"{name} IS NOT NULL AND ({test})"
        return test, _decimal
    if isinstance(kind, JSONText):
        shape = _json_shape(table, column)
        test = f"{name} >= x'' OR NOT json_valid({name})"
        if shape is dict:  # parapp writes objects as "{…", without leading spaces
            test += f" OR {name} NOT GLOB '{{*'"
        return test, _json(shape)
    if isinstance(kind, Boolean):
        return f"{name} NOT IN (0, 1)", _boolean
    if isinstance(kind, Integer):
        return f"typeof({name}) NOT IN ('integer', 'null')", _integer
    if isinstance(kind, LargeBinary):  # typeof() reads no content: evidence runs to gigabytes
        return f"typeof({name}) != 'blob'", _binary
    # text: SQLite stores any number put there as text; only a blob stays what it is, and a
    # view would get bytes where it shows a name or a note. Nor does it bound a text's length:
    # a unit's name of two million characters laid every report out for minutes, in gigabytes
    # (names and codes only, the columns declared with a length: the notes, a province's
    # hundreds of thousands, are bounded where they are written)
    if getattr(kind, "length", None):
        return f"{name} >= x'' OR length({name}) > {TEXT_MAX}", _text
    return f"{name} >= x''", _text


def _json_shape(table: Table, column: Column) -> type | None:
    """dict when the model declares the column `Mapped[dict]`, else None (any JSON)."""
    model = next((m.class_ for m in Base.registry.mappers if m.local_table is table), None)
    hint = typing.get_type_hints(model).get(column.key) if model is not None else None
    args = typing.get_args(hint)
    return dict if args and args[0] is dict else None


# Values the type alone does not settle: what they mean must be readable too.
_MEANINGS: dict[tuple[str, str], Callable[[dict], str | None]] = {
    ("setting", "value"): lambda row: stored_problem(row["key"], json.loads(row["value"])),
    ("criterion", "params"): lambda row: params_problem(json.loads(row["params"])),
    ("head_override", "grade"): lambda row: None if row["grade"] in [g.value for g in Grade]
    else pick(f"chỉ nhận: {', '.join(Grade)}", f"one of: {', '.join(Grade)}"),
    ("unit", "head_since"): lambda row: _iso_date_problem(row["head_since"]),
    ("phase_change", "phase"): lambda row: None if row["phase"] in [p.value for p in Phase]
    else pick(f"chỉ nhận: {', '.join(Phase)}", f"one of: {', '.join(Phase)}"),
    ("phase_change", "deadline"): lambda row: _iso_date_problem(row["deadline"]),
}


def _iso_date_problem(value) -> str | None:
    """Why a stored date is not the ISO yyyy-mm-dd parapp writes (None: it is, or NULL)."""
    if value is None:
        return None
    try:
        if isinstance(value, str) and date.fromisoformat(value).isoformat() == value:
            return None
    except ValueError:
        pass
    return pick("không phải ngày dạng yyyy-mm-dd", "not a date as yyyy-mm-dd")



@functools.cache
def _query(table: Table) -> tuple[str, dict[str, tuple[str, Verdict]]] | None:
    """The table's candidate query and its columns' rules (worked out once per table)."""
    rules = {c.name: r for c in table.columns if (r := _rule(table, c)) is not None}
    if not rules and not any(t == table.name for t, _ in _MEANINGS):
        return None
    where = " OR ".join(f"({test})" for test, _ in rules.values()) or "0"
    if any(t == table.name for t, _ in _MEANINGS):
        where = "1"  # few rows (settings, criteria, overrides): every one is read
    quoted = ", ".join(f'"{c.name}"' for c in table.columns)
    return f'SELECT rowid, {quoted} FROM "{table.name}" WHERE {where}', rules


def _scan_table(con: sqlite3.Connection, table: Table) -> Iterable[BadValue]:
    query = _query(table)
    if query is None:
        return
    sql, rules = query
    meanings = {col: f for (t, col), f in _MEANINGS.items() if t == table.name}
    names = [c.name for c in table.columns]
    for rowid, *values in con.execute(sql).fetchall():
        row = dict(zip(names, values))
        wrong = {}
        for column, (_test, verdict) in rules.items():
            reason = verdict(row[column])
            if reason is not None and not (row[column] is None and table.c[column].nullable):
                wrong[column] = reason
        for column, meaning in meanings.items():
            if column not in wrong:
                detail = meaning(row)
                if detail is not None:
                    wrong[column] = (f"không hợp lệ ({detail})", f"is invalid ({detail})")
        for column, reason in wrong.items():
            yield BadValue(table.name, _row_terms(con, table, row, rowid), column,
                           _shown(row[column]), reason,
                           row["key"] if table.name == "setting" and isinstance(row["key"], str)
                           else None)


def _foreign_keys(con: sqlite3.Connection, tables: list[Table]) -> list[BadValue]:
    """Ids that point at no row (also an id stored as text): PRAGMA foreign_key_check."""
    bad = []
    for table in tables:
        links = {fk_id: (column, parent) for fk_id, _seq, parent, column, *_ in
                 con.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        for _table, rowid, parent, fk_id in con.execute(
                f'PRAGMA foreign_key_check("{table.name}")').fetchall():
            column = links[fk_id][0]
            names = [c.name for c in table.columns]
            values = con.execute(f'SELECT {", ".join(chr(34) + n + chr(34) for n in names)} '
                                 f'FROM "{table.name}" WHERE rowid = ?', (rowid,)).fetchone()
            row = dict(zip(names, values))
            word = WORDS.get(parent, parent)
            bad.append(BadValue(table.name, _row_terms(con, table, row, rowid), column,
                                _shown(row[column]), (f"trỏ tới {word} không tồn tại",
                                                      f"points to no {parent} row")))
    return bad


MAX_CRITERIA_DEPTH = 50  # a set has three or four levels; the tree is walked recursively


def _criteria_off_the_tree(con: sqlite3.Connection) -> list[BadValue]:
    """Criteria that no chain of parents leads to from a field (lĩnh vực): a criterion its own
    parent, or two each other's, drops out of the tree and out of every total without a word;
    one nested past MAX_CRITERIA_DEPTH levels is refused as well."""
    rows = con.execute(
        "WITH RECURSIVE reached(id, depth) AS (SELECT id, 0 FROM criterion WHERE parent_id IS "
        "NULL UNION ALL SELECT c.id, r.depth + 1 FROM criterion c JOIN reached r ON c.parent_id"
        f" = r.id WHERE r.depth < {MAX_CRITERIA_DEPTH}) SELECT rowid, code, parent_id FROM "
        "criterion WHERE parent_id IS NOT NULL AND id NOT IN (SELECT id FROM reached) "
        "AND parent_id IN (SELECT id FROM criterion) ORDER BY rowid").fetchall()
    return [BadValue("criterion", (f"mã {code}", f"code {code}") if isinstance(code, str)
                     else (f"dòng {rowid}", f"row {rowid}"), "parent_id", _shown(parent),
                     ("không thuộc cây tiêu chí: các tiêu chí cha tạo thành vòng, hoặc lồng "
                      f"quá {MAX_CRITERIA_DEPTH} tầng", "is off the criteria tree: its parents "
                      f"form a loop, or it is nested over {MAX_CRITERIA_DEPTH} levels"))
            for rowid, code, parent in rows]


def _years(con: sqlite3.Connection) -> list[BadValue]:
    """A period's year outside 2000…2100, as parapp creates them: dates are made of it (a
    deadline, a head's term), and past 9999 or below 1 there is no date at all."""
    rows = con.execute("SELECT rowid, year FROM period WHERE typeof(year) = 'integer' AND "
                       "year NOT BETWEEN 2000 AND 2100").fetchall()
    return [BadValue("period", (f"dòng {rowid}", f"row {rowid}"), "year", _shown(year),
                     ("không phải năm trong khoảng 2000…2100", "is not a year within 2000…2100"))
            for rowid, year in rows]


def _row_terms(con: sqlite3.Connection, table: Table, row: dict, rowid: int) -> tuple[str, str]:
    """A row as the user knows it: its code or key, else the codes of the rows it belongs to
    (a score: its unit and criterion), else its row number."""
    for name, vi, en in (("code", "mã", "code"), ("key", "khóa", "key")):
        if name in row and isinstance(row[name], str):
            return f"{vi} {row[name]}", f"{en} {row[name]}"
    parts_vi, parts_en, missing = [], [], False
    for column in table.columns:
        fk = next(iter(column.foreign_keys), None)
        if fk is None or column.nullable or "code" not in fk.column.table.c:
            continue
        parent = fk.column.table.name
        found = con.execute(f'SELECT code FROM "{parent}" WHERE id = ?',
                            (row[column.name],)).fetchone()
        if found is None:  # the id itself is the bad value
            missing = True
            continue
        parts_vi.append(f"{WORDS.get(parent, parent)} {found[0]}")
        parts_en.append(f"{parent} {found[0]}")
    if missing or not parts_vi:
        parts_vi.append(f"dòng {rowid}")
        parts_en.append(f"row {rowid}")
    return ", ".join(parts_vi), ", ".join(parts_en)


def _shown(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        text = value[:_SHOWN // 2].hex()
        return f"x'{text}{'…' if len(value) > _SHOWN // 2 else ''}'"
    if isinstance(value, str):
        text = value if len(value) <= _SHOWN else value[:_SHOWN] + "…"
        text = "".join(f"\\x{ord(c):02x}" if c < " " and c != "\n" else c for c in text)
        return "'" + text.replace("\n", " ") + "'"  # a control character shown, not sent
    return repr(value)
