"""Command line: `parapp [FILE]` opens the GUI, `parapp SUBCOMMAND …` works headless.

Every subcommand prints text for people or `--format json` for scripts, exits 0 on success and
non-zero on failure, and reports errors as one line on stderr without a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from parapp import __version__
from parapp.core.classification import Grade, counts
from parapp.core.errors import ParappError
from parapp.core.i18n import language, pick, set_language
from parapp.core.numbers import canonical, fmt
from parapp.core.ranking import tie_breaker_label
from parapp.core.settings import SPECS
from parapp.core.store import Store


class CliError(ParappError):
    pass


def _open(path: str, readonly: bool = True) -> Store:
    return Store.open(path, readonly=readonly)


def _num(value, places: int) -> str:
    return fmt(value, places, comma=language() == "vi")


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 right: Sequence[int] = ()) -> None:
    cells = [[str(c) for c in headers]] + [[("" if c is None else str(c)) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) if i in right else c.ljust(w)
                        for i, (c, w) in enumerate(zip(row, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _exact(value) -> str | None:
    return canonical(value) if value is not None else None


# -- subcommands ----------------------------------------------------------------------------------

def cmd_new(args) -> int:
    if args.workbook:
        from parapp.core.interchange.importer import create_period
        for report in create_period(args.file, args.province, args.year, args.workbook):
            print("\n".join(report.lines()))
    else:
        Store.create(args.file, args.province, args.year, title=args.title or "").close()
    print(pick(f"Đã tạo kỳ đánh giá {args.province} năm {args.year}: {args.file}",
               f"Created the {args.year} period of {args.province}: {args.file}"))
    return 0


def cmd_demo(args) -> int:
    from parapp.core.demo import build_demo
    path = build_demo(args.file, seed=args.seed, units=args.units, overwrite=args.force)
    with _open(str(path)) as store:
        c = store.counts()
    print(pick(f"Đã tạo tỉnh mẫu: {c['units']} đơn vị, {c['criteria']} tiêu chí → {path}",
               f"Created the demo province: {c['units']} units, {c['criteria']} criteria → {path}"))
    return 0


def cmd_info(args) -> int:
    with _open(args.file) as store:
        period, blocks, units, members = (store.period(), store.blocks(), store.units(),
                                          store.members())
        tree, counts_ = store.tree(), store.counts()
    per_block = {b.code: sum(1 for u in units if u.block_id == b.id) for b in blocks}
    block_code = {b.id: b.code for b in blocks}
    areas_of: dict[str, list[str]] = {m.code: [] for m in members}
    for key in tree.preorder:
        node = tree.nodes[key]
        if node.appraiser and node.appraiser in areas_of:
            areas_of[node.appraiser].append(node.code)
    leaves = sum(1 for k in tree.preorder if tree.is_leaf(k))
    if args.format == "json":
        _emit_json({
            "period": {"province": period.province, "year": period.year, "title": period.title,
                       "criteria": period.criteria_name, "criteria_decision":
                       period.criteria_decision, "decision_number": period.decision_number,
                       "decision_date": period.decision_date, "uuid": period.uuid},
            "blocks": [{"code": b.code, "name": b.name, "units": per_block[b.code],
                        "max_points": _exact(tree.total_max(b.code))} for b in blocks],
            "members": [{"code": m.code, "department": m.department, "person": m.person,
                         "title": m.title, "assigned": areas_of[m.code]} for m in members],
            "units": [{"code": u.code, "name": u.name, "block": block_code[u.block_id],
                       "head_name": u.head_name, "head_title": u.head_title,
                       "ranked": u.ranked, "prev_rank": u.prev_rank} for u in units],
            "criteria": {"areas": len(tree.roots), "nodes": len(tree.preorder), "leaves": leaves},
            "counts": counts_,
        })
        return 0
    print(f"{pick('Tỉnh', 'Province')}: {period.province}    {pick('Năm', 'Year')}: {period.year}")
    if period.title:
        print(period.title)
    if period.criteria_name:
        print(f"{pick('Bộ chỉ số', 'Criteria set')}: {period.criteria_name}"
              + (f" ({period.criteria_decision})" if period.criteria_decision else ""))
    print(pick(f"Tiêu chí: {len(tree.roots)} lĩnh vực, {len(tree.preorder)} mục, {leaves} mục "
               "chấm điểm", f"Criteria: {len(tree.roots)} areas, {len(tree.preorder)} nodes, "
               f"{leaves} scored leaves"))
    print()
    _print_table([pick("Mã khối", "Block"), pick("Tên khối", "Name"), pick("Số đơn vị", "Units"),
                  pick("Điểm tối đa", "Max")],
                 [(b.code, b.name, per_block[b.code], _num(tree.total_max(b.code), 2))
                  for b in blocks], right=(2, 3))
    print()
    print(pick("Thành viên Hội đồng thẩm định và lĩnh vực phụ trách:",
               "Council members and their assignments:"))
    _print_table([pick("Mã", "Code"), pick("Cơ quan", "Department"), pick("Người", "Person"),
                  pick("Phụ trách", "Assigned")],
                 [(m.code, m.department, f"{m.person} ({m.title})" if m.title else m.person,
                   ", ".join(areas_of[m.code]) or "—") for m in members])
    print()
    print(pick(
        f"Điểm tự đánh giá: {counts_['self_scores']}; điểm thẩm định: {counts_['appraisals']}; "
        f"tài liệu kiểm chứng: {counts_['evidence']} ({counts_['blobs']} tệp, "
        f"{counts_['blob_bytes']} byte); nhật ký: {counts_['audit']} dòng",
        f"Self scores: {counts_['self_scores']}; appraisals: {counts_['appraisals']}; "
        f"evidence: {counts_['evidence']} ({counts_['blobs']} files, {counts_['blob_bytes']} "
        f"bytes); audit log: {counts_['audit']} entries"))
    return 0


def cmd_check(args) -> int:
    from parapp.core.check import check
    with _open(args.file) as store:
        problems = check(store)
    errors = [p for p in problems if p.severity == "error"]
    if args.format == "json":
        _emit_json({"errors": len(errors), "warnings": len(problems) - len(errors),
                    "problems": [{"severity": p.severity, "where": p.where, "message": p.message}
                                 for p in problems]})
    else:
        for p in problems:
            tag = pick("LỖI", "ERROR") if p.severity == "error" else pick("Cảnh báo", "Warning")
            print(f"{tag}: {p}")
        print(pick(f"Kết quả kiểm tra: {len(errors)} lỗi, {len(problems) - len(errors)} cảnh báo.",
                   f"Check: {len(errors)} errors, {len(problems) - len(errors)} warnings."))
    return 1 if errors else 0


def cmd_settings(args) -> int:
    if args.assignments:
        pairs = []
        for item in args.assignments:
            if "=" not in item:
                raise CliError(f"'{item}' không có dạng KHÓA=GIÁ_TRỊ",
                               f"'{item}' is not KEY=VALUE")
            key, value = item.split("=", 1)
            if value.startswith("@"):
                try:
                    value = Path(value[1:]).read_text(encoding="utf-8")
                except OSError as exc:
                    raise CliError(f"{value[1:]}: không đọc được tệp ({exc.strerror})",
                                   f"{value[1:]}: cannot read ({exc.strerror})") from None
            pairs.append((key.strip(), value.strip()))
        with _open(args.file, readonly=False) as store, store.edit("cli settings") as ed:
            for key, value in pairs:
                ed.set_setting(key, value)
    with _open(args.file) as store:
        values = store.settings().values()
    if args.format == "json":
        _emit_json(values)
        return 0
    rows = [(k, json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v,
             SPECS[k].description) for k, v in values.items()]
    _print_table([pick("Thiết lập", "Setting"), pick("Giá trị", "Value"),
                  pick("Ý nghĩa", "Meaning")], rows)
    return 0


def _block_filter(store: Store, block: str | None):
    blocks = store.blocks()
    if block:
        blocks = [b for b in blocks if b.code == block]
        if not blocks:
            raise CliError(f"Không có khối '{block}'", f"No block '{block}'")
    return blocks


def cmd_ranking(args) -> int:
    with _open(args.file) as store:
        blocks = _block_filter(store, args.block)
        result = store.evaluate()
        places = store.settings().display_decimals
        settings = store.settings()
    out = []
    for b in blocks:
        ranking = result.rankings.get(b.code)
        rows = ranking.rows() if ranking else []
        out.append((b, rows))
    if args.format == "json":
        _emit_json({"tie_policy": settings.tie_policy.value,
                    "tie_breakers": list(settings.tie_breakers), "blocks": [
            {"code": b.code, "name": b.name, "units": [{
                "rank": r.rank, "code": r.result.unit.code, "name": r.result.unit.name,
                "ranked": r.result.unit.ranked, "appraisal": _exact(r.result.appraisal),
                "sipas": _exact(r.result.sipas), "survey": _exact(r.result.survey),
                "bonus": _exact(r.result.bonus), "penalty": _exact(r.result.penalty),
                "total": _exact(r.result.total), "max": _exact(r.result.applicable_max),
                "index": _exact(r.result.index), "index_display": fmt(r.result.index, places),
                "prev_rank": r.result.unit.prev_rank, "change": r.change, "tied": r.tied,
                "decided_by": r.decided_by} for r in rows]} for b, rows in out]})
        return 0
    for b, rows in out:
        print(f"{b.name} ({b.code})")
        table = []
        for r in rows:
            change = "" if r.change is None else (f"+{r.change}" if r.change > 0 else str(r.change))
            note = pick("đồng hạng", "tied") if r.tied else (
                f"{pick('phân định theo', 'by')} {tie_breaker_label(r.decided_by)}"
                if r.decided_by else "")
            table.append((r.rank if r.rank is not None else pick("không xếp hạng", "unranked"),
                          r.result.unit.code, r.result.unit.name, _num(r.result.total, places),
                          _num(r.result.index, places), r.result.unit.prev_rank or "", change, note))
        _print_table([pick("Hạng", "Rank"), pick("Mã", "Code"), pick("Đơn vị", "Unit"),
                      pick("Tổng điểm", "Total"), pick("Chỉ số (%)", "Index (%)"),
                      pick("Hạng năm trước", "Last year"), pick("Tăng/giảm", "Change"),
                      pick("Ghi chú", "Note")], table, right=(3, 4, 5, 6))
        print()
    return 0


def cmd_classify(args) -> int:
    with _open(args.file) as store:
        blocks = _block_filter(store, args.block)
        result = store.evaluate()
        places = store.settings().display_decimals
        units = {u.uuid: u for u in store.units()}
    out = []
    for b in blocks:
        ranking = result.rankings.get(b.code)
        heads = [result.heads[r.result.key] for r in (ranking.rows() if ranking else [])]
        out.append((b, heads))
    if args.format == "json":
        _emit_json({"blocks": [{"code": b.code, "name": b.name,
                                "counts": {g.value: n for g, n in counts(heads).items()},
                                "heads": [{
                                    "code": h.row.result.unit.code, "unit": h.row.result.unit.name,
                                    "head_name": units[h.row.result.key].head_name,
                                    "head_title": units[h.row.result.key].head_title,
                                    "index": _exact(h.row.result.index),
                                    "index_display": fmt(h.row.result.index, places),
                                    "rank": h.row.rank, "grade": h.grade.value,
                                    "grade_label": h.grade.label, "overridden": h.override is not None,
                                    "by_quota": h.by_quota, "reason": h.reason} for h in heads]}
                               for b, heads in out]})
        return 0
    for b, heads in out:
        print(f"{b.name} ({b.code})")
        _print_table([pick("Hạng", "Rank"), pick("Đơn vị", "Unit"), pick("Người đứng đầu", "Head"),
                      pick("Chỉ số (%)", "Index (%)"), pick("Xếp loại", "Classification"),
                      pick("Lý do", "Reason")],
                     [(h.row.rank or "—", h.row.result.unit.name,
                       f"{units[h.row.result.key].head_name}", _num(h.row.result.index, places),
                       h.grade.label, h.reason) for h in heads], right=(3,))
        c = counts(heads)
        print("; ".join(f"{g.label}: {c[g]}" for g in Grade))
        print()
    return 0


def cmd_override(args) -> int:
    grade = None if args.grade == "clear" else args.grade
    if grade is not None and not (args.reason or "").strip():
        raise CliError("Phải ghi lý do (--reason) khi điều chỉnh xếp loại",
                       "An override needs a reason (--reason)")
    with _open(args.file, readonly=False) as store, store.edit("cli override") as ed:
        ed.set_override(args.unit, grade, args.reason or "", disqualified=args.disqualify)
    print(pick(f"Đơn vị {args.unit}: " + ("đã bỏ điều chỉnh xếp loại" if grade is None
                                          else f"xếp loại {Grade(grade).label}"),
               f"Unit {args.unit}: " + ("override removed" if grade is None
                                       else f"classified {Grade(grade).label}")))
    return 0


def cmd_not_applicable(args) -> int:
    with _open(args.file, readonly=False) as store, store.edit("cli not-applicable") as ed:
        ed.set_applicable(args.unit, args.criterion, args.applicable, args.reason or "")
    print(pick(f"Đơn vị {args.unit}, tiêu chí {args.criterion}: "
               + ("áp dụng" if args.applicable else "không áp dụng"),
               f"Unit {args.unit}, criterion {args.criterion}: "
               + ("applicable" if args.applicable else "not applicable")))
    return 0


def cmd_template(args) -> int:
    from parapp.core.interchange.exporter import write_template
    if args.source:
        with _open(args.source) as store:
            out = write_template(args.kind, Path(args.output), store, args.unit)
    else:
        out = write_template(args.kind, Path(args.output))
    print(pick(f"Đã tạo mẫu {args.kind}: {out}", f"Wrote the {args.kind} template: {out}"))
    return 0


def cmd_import(args) -> int:
    from parapp.core.interchange.importer import import_file
    with _open(args.file, readonly=False) as store:
        report = import_file(store, args.kind, args.workbook, overwrite=args.overwrite)
    if args.format == "json":
        _emit_json({"kind": report.kind, "file": str(report.path), "sha256": report.sha256,
                    "rows": report.rows, "changed": report.changed, "created": report.created,
                    "kept": report.kept, "replaced": report.replaced})
    else:
        print("\n".join(report.lines()))
        if report.kept:
            print(pick("Dùng --overwrite để ghi đè các điểm thẩm định được giữ nguyên ở trên.",
                       "Use --overwrite to replace the appraisals kept above."))
    return 0


def cmd_export(args) -> int:
    from parapp.core.interchange import exporter
    with _open(args.file) as store:
        if args.what == "scores":
            out = exporter.export_score_sheets(store, Path(args.output), args.unit, args.block)
        elif args.what == "summary":
            out = exporter.export_summary(store, Path(args.output), args.block)
        else:
            out = exporter.export_data(store, Path(args.output))
    print(pick(f"Đã xuất: {out}", f"Exported: {out}"))
    return 0


# -- parser ---------------------------------------------------------------------------------------

def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=pick("định dạng kết quả (mặc định: text)", "output format (default: text)"))


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, like every other error."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {pick('lỗi', 'error')}: {message} "
                     f"({pick('xem', 'see')} {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parapp",
        description=pick(
            "Thẩm định Chỉ số cải cách hành chính. Không có lệnh: mở giao diện "
            "(parapp [TỆP]).",
            "PAR Index appraisal. Without a subcommand: open the GUI (parapp [FILE])."))
    parser.add_argument("--version", action="version", version=f"parapp {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"),
                        help=pick("ngôn ngữ (mặc định: vi)", "language (default: vi)"))
    sub = parser.add_subparsers(dest="command", metavar=pick("LỆNH", "COMMAND"),
                                parser_class=_Parser)

    def add(name: str, func: Callable, vi: str, en: str, file: bool = True):
        p = sub.add_parser(name, help=pick(vi, en), description=pick(vi, en))
        if file:
            p.add_argument("file", metavar=pick("TỆP", "FILE"),
                           help=pick("tệp kỳ đánh giá (.parapp)", "assessment file (.parapp)"))
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "tạo kỳ đánh giá trống", "create an empty assessment period")
    p.add_argument("--province", required=True, help=pick("tên tỉnh", "province name"))
    p.add_argument("--year", required=True, type=int, help=pick("năm đánh giá", "assessed year"))
    p.add_argument("--title", help=pick("tiêu đề kỳ đánh giá", "period title"))
    p.add_argument("--from", dest="workbook", metavar="BOOK.xlsx",
                   help=pick("lấy bộ tiêu chí và đơn vị từ sổ tính (trang «Tiêu chí», «Đơn vị»)",
                             "take criteria and units from a workbook (sheets «Tiêu chí», "
                             "«Đơn vị»)"))

    p = add("demo", cmd_demo, "tạo tỉnh mẫu (dữ liệu minh họa)", "create the demo province")
    p.add_argument("--seed", type=int, default=2025, help=pick("hạt giống ngẫu nhiên", "seed"))
    p.add_argument("--units", type=int, default=None,
                   help=pick("số xã, phường (mặc định: 120)", "number of communes/wards "
                             "(default: 120)"))
    p.add_argument("--force", action="store_true",
                   help=pick("ghi đè tệp đã có", "overwrite an existing file"))

    _add_format(add("info", cmd_info, "thông tin kỳ đánh giá", "show the period"))
    _add_format(add("check", cmd_check, "kiểm tra tính toàn vẹn và quy tắc chấm điểm",
                    "check integrity and scoring rules"))
    p = add("settings", cmd_settings, "xem hoặc đổi thiết lập của kỳ đánh giá",
            "show or change period settings")
    p.add_argument("assignments", nargs="*", metavar=pick("KHÓA=GIÁ_TRỊ", "KEY=VALUE"),
                   help=pick("ví dụ tie_policy=shared, classification=nd335, "
                             "classification=@quy-tac.json", "e.g. tie_policy=shared, "
                             "classification=nd335, classification=@rules.json"))
    _add_format(p)
    p = add("ranking", cmd_ranking, "xếp hạng theo khối", "ranking per block")
    p.add_argument("--block", metavar=pick("MÃ", "CODE"), help=pick("chỉ một khối", "one block"))
    _add_format(p)
    p = add("classify", cmd_classify, "xếp loại người đứng đầu", "classify unit heads")
    p.add_argument("--block", metavar=pick("MÃ", "CODE"), help=pick("chỉ một khối", "one block"))
    _add_format(p)

    p = add("override", cmd_override, "điều chỉnh xếp loại người đứng đầu (bắt buộc có lý do)",
            "override a head's classification (a reason is required)")
    p.add_argument("unit", metavar=pick("ĐƠN_VỊ", "UNIT"))
    p.add_argument("grade", choices=[g.value for g in Grade] + ["clear"],
                   metavar=pick("XẾP_LOẠI", "GRADE"),
                   help=" | ".join([g.value for g in Grade] + ["clear"]))
    p.add_argument("--reason", help=pick("lý do", "reason"))
    p.add_argument("--disqualify", action="store_true",
                   help=pick("không hoàn thành vì bị kỷ luật…", "disqualified (e.g. disciplined)"))

    p = add("not-applicable", cmd_not_applicable,
            "đánh dấu tiêu chí không áp dụng với một đơn vị (ra khỏi mẫu số)",
            "mark a criterion not applicable to a unit (leaves its denominator)")
    p.add_argument("unit", metavar=pick("ĐƠN_VỊ", "UNIT"))
    p.add_argument("criterion", metavar=pick("TIÊU_CHÍ", "CRITERION"))
    p.add_argument("--reason", help=pick("lý do (bắt buộc)", "reason (required)"))
    p.add_argument("--undo", dest="applicable", action="store_true",
                   help=pick("áp dụng trở lại", "make it applicable again"))

    kinds = ("criteria", "units", "scores", "survey", "adjustments")
    p = add("template", cmd_template, "tạo mẫu Excel để nhập dữ liệu",
            "write a blank Excel import template", file=False)
    p.add_argument("kind", choices=kinds, metavar=pick("LOẠI", "KIND"),
                   help=" | ".join(kinds))
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--from", dest="source", metavar=pick("TỆP", "FILE"),
                   help=pick("điền sẵn đơn vị × tiêu chí từ kỳ đánh giá (mẫu điểm)",
                             "prefill units × criteria from a period (scores template)"))
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"), help=pick("chỉ một đơn vị", "one unit"))

    p = add("import", cmd_import, "nhập dữ liệu từ Excel (tất cả hoặc không gì cả)",
            "import from Excel (all or nothing)", file=False)
    p.add_argument("kind", choices=kinds, metavar=pick("LOẠI", "KIND"), help=" | ".join(kinds))
    p.add_argument("file", metavar=pick("TỆP", "FILE"), help=pick("tệp kỳ đánh giá",
                                                                  "assessment file"))
    p.add_argument("workbook", metavar="BOOK.xlsx")
    p.add_argument("--overwrite", action="store_true",
                   help=pick("ghi đè điểm thẩm định đã nhập trong phần mềm",
                             "replace appraisals entered in the app"))
    _add_format(p)

    p = add("export", cmd_export, "xuất Excel: bảng điểm, tổng hợp, hoặc toàn bộ dữ liệu",
            "export to Excel: score sheets, summary, or all data", file=False)
    p.add_argument("what", choices=("scores", "summary", "data"), metavar=pick("LOẠI", "WHAT"),
                   help="scores | summary | data")
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"))
    p.add_argument("--block", metavar=pick("MÃ", "CODE"))
    return parser


def _subcommands() -> set[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    first = next((a for i, a in enumerate(argv)
                  if not a.startswith("-") and (i == 0 or argv[i - 1] != "--lang")), None)
    wants_cli = any(a in ("-h", "--help", "--version") for a in argv) or first in _subcommands()
    if not wants_cli:
        from parapp.ui.app import run_gui  # Qt is imported only for the GUI
        return run_gui(first)
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except ParappError as exc:
        print(f"parapp: {pick('lỗi', 'error')}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("PARAPP_DEBUG"):
            traceback.print_exc()
        print(f"parapp: {pick('lỗi không mong đợi', 'unexpected error')}: {exc!r} "
              f"({pick('đặt PARAPP_DEBUG=1 để xem chi tiết', 'set PARAPP_DEBUG=1 for details')})",
              file=sys.stderr)
        return 2
