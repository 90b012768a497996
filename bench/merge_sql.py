"""Benchmark: the merge's row checks in Python against the same comparison done by SQLite.

    .venv/bin/python bench/merge_sql.py [--repeat 5]

Issue 16 suggested comparing a returned package's rows with their bases in SQL "where it is
cheaper than Python". This measures whether it is, on bench/merge.py's 15 member packages
(18,000 rows of their parts, 6,002 of them changed), each package read in one process, no
other thread running:
  python     the merge's own check of every row (`_check_rows`): the part's rows against the
             master's record of their bases, then each score row against its base, field by
             field, type and value, and what the member entered checked
  fetch      the floor of any check done in Python: SQLite joining each base to its score row
             and handing every row to Python, nothing compared
  sql:*      SQLite alone telling, for every row, whether the package's score row is exactly
             its base (what lets the other rows skip Python): the sum of that flag, no row
             handed over. The base is the master's JSON text of the row, so SQLite must read it:
    extract  json_type() and json_extract() of each field (SQLite 3.40 parses the JSON text at
             every call)
    object   the row's fields as json_object(), compared to the base minus the fields the
             holder's parapp writes beside them, json_remove() (one parse a row)
    quote    the base's own text rebuilt from the row with json_quote() and compared as text
             (no parse; stricter than Python where escapes are written differently)
A SQL route pays its flag for every row and still checks the changed third in Python (about a
third of `python`): it is cheaper only if its flag costs well under two thirds of `python`.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.merge import prepare  # noqa: E402
from parapp.core import merge, packages  # noqa: E402
from parapp.core.models import SentPackage  # noqa: E402
from parapp.core.store import Store  # noqa: E402

JOINED = ("FROM package_base b LEFT JOIN unit u ON u.uuid = b.unit_uuid "
          "LEFT JOIN criterion c ON c.uuid = b.criterion_uuid "
          "LEFT JOIN score s ON s.unit_id = u.id AND s.criterion_id = c.id")
LIVE = ("b.score_uuid IS NOT NULL AND typeof(s.uuid) = 'text' AND "
        "+s.uuid = b.score_uuid COLLATE BINARY AND +s.deleted = 0")


def flags(compared: list[str], beside: list[str], base_keys: list[str]) -> dict[str, str]:
    """Each variant's SQL flag: 1 where the score row is exactly its base in `compared`."""
    extract = " AND ".join(
        f"CASE json_type(b.fields, '$.{c}') WHEN 'null' THEN s.\"{c}\" IS NULL "
        f"WHEN 'text' THEN typeof(s.\"{c}\") = 'text' AND "
        f"+s.\"{c}\" = json_extract(b.fields, '$.{c}') COLLATE BINARY "
        f"WHEN 'integer' THEN typeof(s.\"{c}\") = 'integer' AND "
        f"+s.\"{c}\" = json_extract(b.fields, '$.{c}') ELSE 0 END" for c in compared)
    typed = " AND ".join(f"typeof(s.\"{c}\") IN ('text', 'integer', 'null')"
                         for c in base_keys)
    ordered = sorted(compared)
    as_object = ("json_object(" + ", ".join(f"'{c}', s.\"{c}\"" for c in ordered) + ") = "
                 "json_remove(b.fields" + "".join(f", '$.{c}'" for c in beside) + ")")
    # json.dumps(..., ensure_ascii=False, sort_keys=True), as the master wrote the base
    as_text = ("'{' || " + " || ', ' || ".join(f"'\"{c}\": ' || json_quote(s.\"{c}\")"
                                               for c in base_keys) + " || '}' = b.fields")
    return {"extract": f"{LIVE} AND {extract}",
            "object": f"CASE WHEN {LIVE} AND {typed} THEN {as_object} ELSE 0 END",
            "quote": f"CASE WHEN {LIVE} AND {typed} THEN {as_text} ELSE 0 END"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    master, paths = prepare(15)
    kind = packages.KINDS["member", 1]
    with Store.open(master, readonly=True) as store:
        with store.session() as s:
            records = {r.package_uuid: r for r in s.query(SentPackage)}
        cons = [sqlite3.connect(p) for p in paths]
        recorded = [records[c.execute("SELECT uuid FROM package_info").fetchone()[0]]
                    for c in cons]
        names: dict[str, str] = {}  # codes for a refusal's message: none expected
        columns = [r[1] for r in cons[0].execute("PRAGMA table_info(score)")]
        compared = [c for c in columns if c not in kind.stored
                    and c not in packages.BASE_EXCLUDED] + list(kind.fields)
        beside = sorted(kind.stored - {*kind.fields, *packages.BASE_EXCLUDED})
        base_keys = sorted(c for c in columns if c not in packages.BASE_EXCLUDED)
        variants = flags(compared, beside, base_keys)
        times: dict[str, list[float]] = {}

        def timed(name: str, work) -> None:
            t0 = time.perf_counter()
            result = [work(con, record) for con, record in zip(cons, recorded)]
            times.setdefault(name, []).append(time.perf_counter() - t0)
            results[name] = result

        results: dict[str, list] = {}
        for _ in range(args.repeat):
            timed("python", lambda con, record: sum(
                r.same for r in merge._check_rows(con, Path("bench"), store, record, kind,
                                                  names)))
            timed("fetch", lambda con, _r: len(con.execute(
                f"SELECT b.unit_uuid, b.criterion_uuid, b.score_uuid, b.fields, "
                f"{', '.join(f's.{c}' for c in columns)} {JOINED}").fetchall()))
            for name, flag in variants.items():
                timed(f"sql:{name}", lambda con, _r, flag=flag: con.execute(
                    f"SELECT sum({flag}) {JOINED}").fetchone()[0])
    same = {name: sum(counts) for name, counts in results.items() if name != "fetch"}
    rows = sum(results["fetch"])
    python = statistics.median(times["python"])
    print(f"{len(paths)} packages, {rows} rows; rows found as they left: "
          + ", ".join(f"{n} {c}" for n, c in same.items()))
    print(f"SQLite {sqlite3.sqlite_version}; median of {args.repeat}, seconds for all packages "
          "(ratio to python)")
    for name, runs in times.items():
        t = statistics.median(runs)
        print(f"  {name:<12} {t:6.3f} s  {t / python:5.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
