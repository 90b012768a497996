"""Preparing a council member's package grows at most linearly with the province (issue 16),
checked without timing anything: the SQL statements run to export, seal, edit and reseal a
package are counted for a province of N units and one of 3N, and the plans SQLite chooses
for them are read.

- exporting and sealing run the same statements whatever the number of units (rows are
  copied and hashed in bulk, never one statement a unit or a row);
- an edit of k rows runs at most a fixed number of statements a row;
- no statement run once a unit or a row scans a table (a lookup by index only: a scan in a
  loop is what makes the work grow with the square of the province), and the export's copy
  from the attached master finds the part's scores, evidence and files by index.
"""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from parapp.core.packages import export_package, load_key, new_key, seal_package
from parapp.core.store import Store

# statements whose plan is read: what reads or writes rows (a table made from a query too)
DML = r"\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE TEMP TABLE \w+ AS SELECT)\b"
LEAVES = ("1.1", "1.2", "1.3", "2.1", "2.2", "2.3")


def make_province(path: Path, units: int) -> None:
    """Two blocks, two members (SNV: area 1, STC: area 2), every leaf self-scored and
    appraised, a file on one leaf of every other unit."""
    store = Store.create(path, "Tỉnh Sơn Hà", 2025)
    with store.edit() as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_block("XA", "Khối xã")
        ed.add_member("SNV", "Sở Nội vụ")
        ed.add_member("STC", "Sở Tài chính")
        for area, member in (("1", "SNV"), ("2", "STC")):
            ed.add_criterion(area, f"Lĩnh vực {area}", "6", appraiser=member)
            for leaf in LEAVES:
                if leaf.startswith(area + "."):
                    ed.add_criterion(leaf, f"Tiêu chí {leaf}", "2", area)
        for i in range(units):
            code = f"U{i:03d}"
            ed.add_unit(code, f"Đơn vị {i}", "SO" if i % 3 == 0 else "XA")
            for leaf in LEAVES:
                ed.set_self_score(code, leaf, "2")
                ed.set_appraisal(code, leaf, "2")
            if i % 2 == 0:
                ed.add_evidence(code, "1.2", f"%PDF-1.4 {i}".encode(), f"Báo cáo {i}.pdf")
    store.close()


@dataclass
class Trace:
    """Statements run, by text, and the query plans of those that read tables."""
    runs: Counter = field(default_factory=Counter)
    plans: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0  # the rows the step changed (the edit)

    def record(self, run, sql: str, params) -> None:
        self.runs[sql] += 1
        if sql not in self.plans and re.match(DML, sql, re.IGNORECASE):
            try:
                self.plans[sql] = [row[-1] for row in run("EXPLAIN QUERY PLAN " + sql,
                                                          params or ())]
            except sqlite3.Error:  # e.g. a statement naming a table made by an earlier one
                self.plans[sql] = []

    @property
    def total(self) -> int:
        return sum(self.runs.values())


@pytest.fixture
def tracing(monkeypatch):
    """Every statement sent to SQLite, through SQLAlchemy or parapp's own sqlite3 connections,
    recorded in `tracing["current"]` while it is set: each call of a connection's or cursor's
    execute or executemany (an executemany counts once: one statement, many rows)."""
    holder: dict[str, Trace] = {}
    real_connect = sqlite3.connect

    def execute(con: sqlite3.Connection):
        # EXPLAIN through the base class: not itself recorded
        return lambda sql, params: sqlite3.Connection.execute(con, sql, params)

    class TracedCursor(sqlite3.Cursor):
        def execute(self, sql, params=(), /):
            if "current" in holder:
                holder["current"].record(execute(self.connection), sql, params)
            return super().execute(sql, params)

        def executemany(self, sql, seq, /):
            if "current" in holder:
                seq = list(seq)
                holder["current"].record(execute(self.connection), sql, seq[0] if seq else ())
            return super().executemany(sql, seq)

    class Traced(sqlite3.Connection):
        # the C implementation of Connection.execute does not go through cursor(): both traced
        def cursor(self, factory=TracedCursor):
            return super().cursor(factory)

        def execute(self, sql, params=(), /):
            if "current" in holder:
                holder["current"].record(execute(self), sql, params)
            return super().execute(sql, params)

        def executemany(self, sql, seq, /):
            if "current" in holder:
                seq = list(seq)
                holder["current"].record(execute(self), sql, seq[0] if seq else ())
            return super().executemany(sql, seq)

    def connect(*args, **kwargs):
        kwargs.setdefault("factory", Traced)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)  # parapp's own connections (packages)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)  # SQLAlchemy's
    return holder


def prepare(folder: Path, units: int, holder: dict) -> dict[str, Trace]:
    """bench/merge.py's setup for one member at a province of `units`: export SNV's package,
    seal it, change a third of its appraisals one row at a time (as the window writes), seal
    it again. The statements of each step."""
    folder.mkdir()
    master = folder / "chinh.parapp"
    make_province(master, units)
    key = folder / "SNV.key"
    with Store.open(master) as store:
        with store.edit() as ed:
            ed.register_key("SNV", new_key(key))
        steps = {name: Trace() for name in ("export", "seal", "edit", "reseal")}
        package = folder / "goi-SNV.parapp"
        holder["current"] = steps["export"]
        export_package(store, "SNV", package)
        holder["current"] = steps["seal"]
        seal_package(package, load_key(key))
        holder.pop("current")
        with Store.open(package) as pkg:
            targets = sorted(pkg.package_scope().targets)[::3]
            holder["current"] = steps["edit"]
            with pkg.edit("gui") as ed:
                for unit, crit in targets:
                    ed.set_appraisal(unit, crit, "1.5", "Thiếu tài liệu kiểm chứng")
            holder.pop("current")
        steps["edit"].rows = len(targets)
        holder["current"] = steps["reseal"]
        seal_package(package, load_key(key))
        holder.pop("current")
    return steps


@pytest.fixture
def traced(tmp_path, tracing) -> tuple[dict[str, Trace], dict[str, Trace], int]:
    """The statements of each step at 6 units and at 18 (×3)."""
    return prepare(tmp_path / "small", 6, tracing), prepare(tmp_path / "large", 18, tracing), 3


def _short(sql: str) -> str:
    return " ".join(sql.split())[:100]


def test_exporting_and_sealing_run_the_same_statements_whatever_the_number_of_units(traced):
    small, large, _times = traced
    for step in ("export", "seal", "reseal"):
        grown = {_short(sql): (small[step].runs[sql], n) for sql, n in large[step].runs.items()
                 if n != small[step].runs[sql]}
        assert not grown, f"{step}: statements run more often with 3× the units: {grown}"


def test_an_edit_runs_a_bounded_number_of_statements_a_row(traced):
    small, large, times = traced
    rows_small, rows_large = small["edit"].rows, large["edit"].rows
    assert rows_large == times * rows_small
    for sql, n in large["edit"].runs.items():  # nothing runs more than once a row changed
        assert n <= times * small["edit"].runs[sql], (_short(sql), small["edit"].runs[sql], n)
    # one write_scores a row, as the window writes: the row's UPDATE, its audit entry, and at
    # most one read of the unit's scores
    per_row = (large["edit"].total - small["edit"].total) / (rows_large - rows_small)
    assert per_row <= 3, per_row


def _scans(plan: list[str]) -> list[str]:
    """A plan's full scans of a stored table (the temporary list of the part, and a list
    passed as a parameter and read by json_each, excepted)."""
    return [line for line in plan if line.startswith("SCAN ") and not line.startswith(
        ("SCAN CONSTANT ROW", "SCAN temp.", "SCAN (subquery")) and "VIRTUAL TABLE" not in line]


def test_no_statement_run_once_a_unit_or_a_row_scans_a_table(traced):
    small, large, _times = traced
    looped = {(step, _short(sql)): _scans(large[step].plans.get(sql, []))
              for step in large for sql, n in large[step].runs.items()
              if n > small[step].runs[sql]}
    assert looped, "the edit's statements a row were not traced"
    scanning = {k: v for k, v in looped.items() if v}
    assert not scanning, f"a statement run once a unit or a row scans a table: {scanning}"


def test_the_export_finds_the_part_in_the_master_by_index(traced):
    """The part's scores, evidence and files are looked up in the attached master, never by a
    scan of its tables (a package per unit would otherwise read the whole master each time)."""
    _small, large, _times = traced
    plans = {_short(sql): plan for sql, plan in large["export"].plans.items()
             if re.search(r'\bm\."?(score|evidence|blob|unit|criterion)\b', sql)}
    assert any("score" in sql for sql in plans)
    scanning = {sql: [line for line in plan if re.match(
        r"SCAN m\.(score|evidence|blob)\b", line)] for sql, plan in plans.items()}
    assert not any(scanning.values()), scanning
    searched = [line for plan in plans.values() for line in plan]
    assert any(line.startswith("SEARCH m.score USING INDEX") for line in searched), searched
