"""Command line: `parapp [FILE]` opens the GUI, `parapp SUBCOMMAND …` works headless.

Every subcommand prints text for people or `--format json` for scripts, exits 0 on success and
non-zero on failure, and reports errors as one line on stderr without a traceback (a bug's
traceback goes to the log, parapp/logs.py).
"""
from __future__ import annotations

import argparse
import difflib
import functools
import gc
import io
import json
import logging
import math
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parapp import __version__, logs
from parapp.core.classification import Grade, counts
from parapp.core.errors import ParappError
from parapp.core.files import clean_leftovers
from parapp.core.i18n import LANGUAGES, count, language, pick, set_language
from parapp.core.lock import holder
from parapp.core.numbers import canonical, fmt, fmt_change, fmt_time
from parapp.core.ranking import tie_breaker_label
from parapp.core.reports.common import FORMATS
from parapp.core.settings import SPECS

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by the commands that read a file: the
    # window starts without waiting for it
    from parapp.core.store import Store

log = logging.getLogger(__name__)
_process = {"whole": False}  # main() runs as the program itself (no arguments given to it)
# global options that take a value: the word after them is not a command or a file
VALUED_OPTIONS = ("--lang", "--log-level")


class CliError(ParappError):
    pass


def _note(text: str) -> None:
    """A warning or note for the user on stderr; every such line starts "parapp: ". The
    windowed program of the Windows bundle (parapp-gui.exe) has no stderr: there it is a
    message box, or a double-click that fails before Qt is loaded would show nothing at all."""
    if sys.stderr is None and sys.platform == "win32":
        import ctypes
        ctypes.windll.user32.MessageBoxW(None, text, "parapp", 0x10)  # MB_ICONERROR
        return
    print(f"parapp: {text}", file=sys.stderr)


def _error(text: str) -> None:
    _note(f"{pick('lỗi', 'error')}: {text}")


def _open(path: str, readonly: bool = True, checked: bool = True) -> Store:
    """The file as a command uses it: read-only, or to write under its lock (refused, naming
    them, when another parapp has it open to edit; released when the store closes). Work files
    that interrupted runs left beside it are cleaned up or reported first."""
    from parapp.core.store import Store
    _imported()
    note = clean_leftovers(Path(path).absolute().parent).message()
    if note:
        _note(note)
    if not readonly:
        return Store.open(path, lock=True, checked=checked)
    owner = holder(Path(path))
    if owner is not None:  # it may change meanwhile: what is read is what is saved now
        _note(pick(f"{Path(path).name} đang được {owner.user} trên máy {owner.host} mở để "
                   "chỉnh sửa; đọc dữ liệu đã ghi đến lúc này",
                   f"{Path(path).name} is open for editing by {owner.user} on {owner.host}; "
                   "reading what is saved so far"))
    return Store.open(path, readonly=True, checked=checked)


def _imported() -> None:
    """The command's libraries are in: the cyclic collector, held off while they were imported
    (main()), comes back, leaving out what they hold. SQLAlchemy, the models, reportlab or Qt
    are hundreds of thousands of objects that live as long as the process and are never
    garbage: the passes over them as they were imported cost 10–15 % of the imports, and each
    full pass afterwards scanned them again (16 % of `report annex`'s CPU). Only when main() is
    the program itself: a test's or a script's garbage would stay for good. A command that
    opens no file (new, sign, verify, tokens, key) is short, and runs without the collector."""
    if _process["whole"]:
        gc.freeze()
        gc.enable()


def _output_folder(path: str | Path) -> Path:
    """The folder `--all-units` writes one file per unit into, made if missing; refused,
    named, when it is a file or cannot be made."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder}: không phải thư mục; --all-units cần -o THƯ_MỤC",
                       f"{folder}: not a folder; --all-units needs -o FOLDER")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"{folder}: không tạo được thư mục ({exc.strerror})",
                       f"{folder}: cannot create the folder ({exc.strerror})") from None
    return folder


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
    if args.last:
        from parapp.core.carry_over import create_from_period
        if args.workbook:
            raise CliError("Dùng --from hoặc --from-period, không dùng cả hai",
                           "Give --from or --from-period, not both")
        done = create_from_period(args.file, args.last, args.province, args.year,
                                  title=args.title)
        print(pick(f"Đã tạo kỳ đánh giá {done.province} năm {done.year}: {done.path} — từ "
                   f"{args.last}: {done.blocks} khối, {done.members} thành viên Hội đồng, "
                   f"{done.criteria} tiêu chí, {done.units} đơn vị ({done.ranked} có thứ hạng "
                   "năm trước); không có điểm nào của năm trước",
                   f"Created the {done.year} period of {done.province}: {done.path} — from "
                   f"{args.last}: {done.blocks} blocks, {done.members} council members, "
                   f"{done.criteria} criteria, {done.units} units ({done.ranked} with last "
                   "year's rank); none of last year's scores"))
        return 0
    missing = [name for name, value in (("--province", args.province), ("--year", args.year))
               if value is None or value == ""]  # a year 0 is given, and refused as a year
    if missing:  # a usage error, as argparse says it (both are required without a last year)
        args.new_parser.error(pick("thiếu tham số bắt buộc: ", "the following arguments are "
                                   "required: ") + ", ".join(missing))
    if args.workbook:
        from parapp.core.interchange.importer import create_period
        for report in create_period(args.file, args.province, args.year, args.workbook):
            print("\n".join(report.lines()))
    else:
        from parapp.core.store import Store
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
        tree, counts_, document = store.tree(), store.counts(), store.settings().document
        phase = store.phase()
        linked, past = store.previous_period(), store.past_units()
    mapped = sum(1 for u in past if u.successor)
    previous = None if linked is None else {
        "province": linked.province, "year": linked.year, "file": linked.file_name,
        "units": len(past), "mapped": mapped}
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
                       period.criteria_decision, "decision_number": document["decision_number"],
                       "decision_date": document["decision_date"], "uuid": period.uuid},
            "blocks": [{"code": b.code, "name": b.name, "units": per_block[b.code],
                        "max_points": _exact(tree.total_max(b.code))} for b in blocks],
            "members": [{"code": m.code, "department": m.department, "person": m.person,
                         "title": m.title, "assigned": areas_of[m.code]} for m in members],
            "units": [{"code": u.code, "name": u.name, "block": block_code[u.block_id],
                       "head_name": u.head_name, "head_title": u.head_title,
                       "ranked": u.ranked, "prev_rank": u.prev_rank,
                       "key_fingerprint": u.key_fingerprint} for u in units],
            "criteria": {"areas": len(tree.roots), "nodes": len(tree.preorder), "leaves": leaves},
            "counts": counts_,
            "phase": _phase_json(phase),
            "previous": previous,
        })
        return 0
    print(f"{pick('Tỉnh', 'Province')}: {period.province}    {pick('Năm', 'Year')}: {period.year}")
    if period.title:
        print(period.title)
    print(f"{pick('Giai đoạn', 'Phase')}: {phase.describe(date.today())}")
    if period.criteria_name:
        print(f"{pick('Bộ chỉ số', 'Criteria set')}: {period.criteria_name}"
              + (f" ({period.criteria_decision})" if period.criteria_decision else ""))
    print(pick(f"Tiêu chí: {len(tree.roots)} lĩnh vực, {len(tree.preorder)} mục, {leaves} mục "
               "chấm điểm", f"Criteria: {len(tree.roots)} areas, {len(tree.preorder)} nodes, "
               f"{leaves} scored leaves"))
    if linked is not None:
        print(pick(f"Kỳ trước đã liên kết: {linked.province} năm {linked.year} "
                   f"({linked.file_name}), {len(past)} đơn vị, {mapped} đơn vị đã ánh xạ",
                   f"Linked previous period: {linked.province} {linked.year} "
                   f"({linked.file_name}), {len(past)} units, {mapped} mapped"))
    print()
    _print_table([pick("Mã khối", "Block"), pick("Tên khối", "Name"), pick("Số đơn vị", "Units"),
                  pick("Điểm tối đa", "Max")],
                 [(b.code, b.name, per_block[b.code], fmt(tree.total_max(b.code), 2))
                  for b in blocks], right=(2, 3))
    print()
    print(pick("Thành viên Hội đồng thẩm định và lĩnh vực phụ trách:",
               "Council members and their assignments:"))
    _print_table([pick("Mã", "Code"), pick("Cơ quan", "Agency"), pick("Người", "Person"),
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


# `parapp check` exit codes (documented in its --help)
PUBLISHABLE, BLOCKED, NOT_CHECKED = 0, 1, 2
SHOWN_PER_WARNING = 3  # examples listed under a warning's count without --all


def _phase_json(state) -> dict:
    today = date.today()
    return {"phase": state.phase.value if state.phase else None,
            "deadline": state.deadline.isoformat() if state.deadline else None,
            "days_left": state.days_left(today), "since": state.since, "reason": state.reason}


def cmd_phase(args) -> int:
    """Show the period's phase and its history, or enter a phase / set its deadline."""
    from parapp.core.phases import Phase
    if args.phase is None and args.deadline is None:
        with _open(args.file) as store:
            state, history = store.phase(), store.phase_history()
        if args.format == "json":
            _emit_json({**_phase_json(state), "history": [
                {"phase": h.phase, "deadline": h.deadline, "reason": h.reason,
                 "at": h.created_at, "author": h.author} for h in history]})
            return 0
        print(f"{pick('Giai đoạn', 'Phase')}: {state.describe(date.today())}")
        if history:
            print()
            _print_table([pick("Lúc", "At"), pick("Giai đoạn", "Phase"), pick("Hạn", "Due"),
                          pick("Người", "By"), pick("Lý do", "Reason")],
                         [(fmt_time(h.created_at), Phase(h.phase).label,
                           date.fromisoformat(h.deadline).strftime("%d/%m/%Y")
                           if h.deadline else "", h.author, h.reason) for h in history])
        return 0
    with _open(args.file, readonly=False) as store:
        current = store.phase().phase
        with store.edit("cli") as ed:
            ed.set_phase(args.phase or (current.value if current else "preparation"),
                         args.deadline, args.reason or "")
        state = store.phase()
    print(pick(f"Giai đoạn: {state.describe(date.today())}",
               f"Phase: {state.describe(date.today())}"))
    return 0


def cmd_progress(args) -> int:
    """Where the season stands: what the phase waits for, per unit, per council member."""
    from parapp.core.progress import read_progress
    with _open(args.file) as store:
        if args.output:
            from parapp.core.interchange.exporter import export_progress
            out = export_progress(store, Path(args.output))
            print(pick(f"Đã xuất tiến độ: {out}", f"Wrote the progress: {out}"))
            return 0
        progress = read_progress(store)
    units = [u for u in progress.units if args.block in (None, u.block)]
    if args.format == "json":
        _emit_json({"phase": _phase_json(progress.phase), "remaining": progress.remaining(),
                    "units": [{"code": u.code, "name": u.name, "block": u.block,
                               "leaves": u.leaves, "scored": u.scored,
                               "evidence_missing": u.evidence_missing,
                               "appraised": u.appraised, "deducted": u.deducted,
                               "explained": u.explained, "reappraised": u.reappraised,
                               "packages_sent": u.sent, "packages_merged": u.merged}
                              for u in units],
                    "members": [{"code": m.code, "department": m.department,
                                 "leaves": m.leaves, "appraised": m.appraised,
                                 "explained": m.explained, "reappraised": m.reappraised,
                                 "packages_sent": m.sent, "packages_merged": m.merged}
                                for m in progress.members]})
        return 0
    print(f"{pick('Giai đoạn', 'Phase')}: {progress.phase.describe(date.today())}")
    for line in progress.remaining():
        print(f"  - {line}")
    print()
    _print_table([pick("Mã", "Code"), pick("Đơn vị", "Unit"), pick("Khối", "Block"),
                  pick("Đã tự đánh giá", "Scored"), pick("Thiếu TLKC", "Missing evidence"),
                  pick("Thẩm định", "Appraised"), pick("Bị trừ", "Deducted"),
                  pick("Giải trình", "Explained"), pick("Vòng 2", "Round 2"),
                  pick("Gói gửi/hợp nhất", "Packages sent/merged")],
                 [(u.code, u.name, u.block, f"{u.scored}/{u.leaves}", u.evidence_missing,
                   u.appraised, u.deducted, u.explained, u.reappraised, f"{u.sent}/{u.merged}")
                  for u in units],
                 right=(3, 4, 5, 6, 7, 8, 9))
    print()
    _print_table([pick("Mã", "Code"), pick("Cơ quan", "Agency"),
                  pick("Thẩm định vòng 1", "Round 1"), pick("Giải trình cần xem", "To review"),
                  pick("Vòng 2", "Round 2"), pick("Gói gửi/hợp nhất", "Packages sent/merged")],
                 [(m.code, m.department, f"{m.appraised}/{m.leaves}", m.explained,
                   m.reappraised, f"{m.sent}/{m.merged}") for m in progress.members],
                 right=(2, 3, 4, 5))
    return 0


def cmd_losses(args) -> int:
    """Where one unit lost points, area by area, beside its block."""
    from parapp.core.analysis import read_unit_losses, shown
    with _open(args.file) as store:
        if args.output:
            target = Path(args.output)
            if target.suffix.lower() in FORMATS:  # a document to print for the unit's leader
                from parapp.core.reports.losses import build_losses
                out = build_losses(store, target, args.unit)
            else:
                from parapp.core.interchange.exporter import export_losses
                out = export_losses(store, args.unit, target)
            print(pick(f"Đã xuất: {out}", f"Wrote: {out}"))
            return 0
        losses = read_unit_losses(store, args.unit)
        places = store.settings().display_decimals
    if args.format == "json":
        _emit_json({"unit": losses.code, "name": losses.name, "block": losses.block,
                    "lost": shown(losses.lost), "areas": [
                        {"number": a.number, "name": a.name, "max": shown(a.max),
                         "points": shown(a.points), "lost": shown(a.lost), "leaves": [
                             {"number": x.number, "code": x.code, "name": x.name,
                              "max": shown(x.max), "self": None if x.self_points is None
                              else shown(x.self_points), "points": shown(x.points),
                              "lost": shown(x.lost), "note": x.note, "by": x.by,
                              "block_average": shown(x.block_average),
                              "block_best": shown(x.block_best)} for x in a.leaves]}
                        for a in losses.areas]})
        return 0
    print(pick(f"{losses.name} ({losses.code}): bị trừ {fmt(losses.lost, places)} điểm",
               f"{losses.name} ({losses.code}): {fmt(losses.lost, places)} points lost"))
    for area in losses.areas:
        print()
        print(f"{area.number}. {area.name}: {fmt(area.points, places)}/"
              f"{fmt(area.max, places)} ({pick('bị trừ', 'lost')} {fmt(area.lost, places)})")
        _print_table([pick("STT", "No."), pick("Tiêu chí", "Criterion"),
                      pick("Tối đa", "Max"), pick("Đạt", "Points"), pick("Bị trừ", "Lost"),
                      pick("BQ khối", "Block avg"), pick("Lý do", "Reason")],
                     [(x.number, x.name, fmt(x.max, places), fmt(x.points, places),
                       fmt(x.lost, places), fmt(x.block_average, places), x.note)
                      for x in area.leaves], right=(2, 3, 4, 5))
    return 0


def cmd_analysis(args) -> int:
    """Each sub-criterion across the units of a block (or of the province)."""
    from parapp.core.analysis import read_block_analysis, shown
    with _open(args.file) as store:
        if args.output:
            from parapp.core.interchange.exporter import export_analysis
            out = export_analysis(store, Path(args.output), args.block)
            print(pick(f"Đã xuất: {out}", f"Wrote: {out}"))
            return 0
        found = read_block_analysis(store, args.block)
        stats, gaps, overview = found.stats, found.gaps, found.summary
        places = store.settings().display_decimals
    if args.format == "json":
        _emit_json({"block": args.block, "summary": overview.lines(), "areas": [
            {"code": a.code, "name": a.name, "units": a.units, "share": shown(a.share)}
            for a in overview.areas], "risen": [
            {"unit": u, "block": b, "places": n} for u, b, n in overview.risen], "criteria": [
            {"code": s.code, "name": s.name, "area": s.area, "units": s.units,
             "losing": s.losing, "share": shown(s.share), "lost": shown(s.lost),
             "worst": [{"unit": u, "lost": shown(v)} for u, v in s.worst],
             "reasons": [{"reason": r, "units": n} for r, n in s.reasons],
             "over_scored": s.over_scored, "over_scoring": shown(s.over_scoring)}
            for s in stats], "self_assessment": [
            {"unit": g.unit, "name": g.name, "block": g.block, "leaves": g.leaves,
             "gap": shown(g.gap), "areas": [{"area": a, "gap": shown(v)} for a, v in g.areas]}
            for g in gaps]})
        return 0
    for line in overview.lines():
        print(line)
    if overview.lines():
        print()
    _print_table([pick("Mã", "Code"), pick("Tiêu chí", "Criterion"),
                  pick("Bị trừ/đơn vị", "Losing/units"), pick("Đạt %", "Reached %"),
                  pick("Điểm bị trừ", "Points lost"), pick("Nhiều nhất", "Most lost"),
                  pick("Tự đánh giá cao hơn", "Over-scored")],
                 [(s.code, s.name, f"{s.losing}/{s.units}", fmt(s.share * 100, places),
                   fmt(s.lost, places), ", ".join(u for u, _v in s.worst), s.over_scored)
                  for s in stats], right=(2, 3, 4, 6))
    if gaps:
        print()
        print(pick("Tự đánh giá cao hơn kết quả (chất lượng tự đánh giá):",
                   "Self scores above the result (self-assessment quality):"))
        _print_table([pick("Mã", "Code"), pick("Đơn vị", "Unit"),
                      pick("Số tiêu chí", "Criteria"), pick("Chênh lệch", "Gap"),
                      pick("Lĩnh vực chênh nhiều nhất", "Largest by area")],
                     [(g.unit, g.name, g.leaves, fmt(g.gap, places),
                       ", ".join(f"{a} ({fmt(v, places)})" for a, v in g.areas[:3]))
                      for g in gaps], right=(2, 3))
    return 0


def cmd_link_previous(args) -> int:
    """Link the period to last year's file: its published results are copied in."""
    from parapp.core.carry_over import link_previous
    with _open(args.file, readonly=False) as store:
        linked = link_previous(store, args.last)
    print(pick(f"Đã liên kết kỳ {linked.province} năm {linked.year} ({args.last}): {linked.units} "
               f"đơn vị, {linked.mapped} đơn vị ánh xạ theo mã",
               f"Linked the {linked.year} period of {linked.province} ({args.last}): "
               f"{linked.units} units, {linked.mapped} mapped by code"))
    if linked.unmapped:
        print(pick("Đơn vị năm nay chưa có đơn vị năm trước (sắp xếp, sáp nhập: parapp "
                   "map-previous hoặc nhập trang «Đơn vị năm trước»): ",
                   "This year's units without a previous unit (reorganised: parapp "
                   "map-previous, or import the sheet «Đơn vị năm trước»): ")
              + ", ".join(linked.unmapped))
    return 0


def cmd_map_previous(args) -> int:
    """Map last year's units to the unit of this year that took them over."""
    with _open(args.file, readonly=False) as store:
        with store.edit("ánh xạ đơn vị năm trước") as ed:
            for old in args.previous:
                ed.map_previous(old, args.unit)
    target = args.unit or pick("(không có đơn vị kế thừa)", "(no successor)")
    print(pick(f"Đã ánh xạ {', '.join(args.previous)} → {target}",
               f"Mapped {', '.join(args.previous)} → {target}"))
    return 0


def cmd_compare(args) -> int:
    """This year against the linked previous period."""
    from parapp.core.analysis import shown
    from parapp.core.comparison import read_comparison
    from parapp.core.reports.tables import change_text
    with _open(args.file) as store:
        found = read_comparison(store)
        places = store.settings().display_decimals
        if args.unit and args.unit not in {u.code for u in store.units()}:
            raise CliError(f"Không có đơn vị có mã '{args.unit}'", f"No unit with code "
                           f"'{args.unit}'")

    def number(value):
        return None if value is None else shown(value)

    def previous_json(u):
        p = u.previous
        return None if p is None else {
            "total": shown(p.total), "index": shown(p.index), "rank": p.rank,
            "derived": p.derived, "from": [s.code for s in p.sources]}

    def unit_json(u, detail: bool):
        data = {"unit": u.code, "name": u.name, "block": u.block, "scored": u.scored,
                "total": shown(u.total), "index": shown(u.index), "rank": u.rank,
                "previous": previous_json(u),
                "index_change": number(u.index_change), "rank_change": u.rank_change}
        if detail:
            def rows(changes):
                return [{"code": c.code, "name": c.name, "max": shown(c.max),
                         "points": shown(c.points), "previous": shown(c.previous),
                         "previous_max": shown(c.previous_max), "change": shown(c.change)}
                        for c in changes]
            data.update(criteria=rows(u.criteria), improved=rows(u.improved),
                        fell=rows(u.fell))
        return data

    units = [u for u in found.units if args.unit in (None, u.code)]
    if args.format == "json":
        _emit_json({"previous_year": found.year, "units": [
            unit_json(u, args.unit is not None) for u in units], "blocks": [] if args.unit else [
            {"block": b.code, "name": b.name, "units": b.units, "waiting": b.waiting,
             "index": shown(b.index),
             "previous": shown(b.previous), "change": shown(b.change), "improved": b.rose,
             "fell": b.sank, "criteria": [{"code": t.code, "name": t.name, "units": t.units,
                                           "change": shown(t.change)} for t in b.trends]}
            for b in found.blocks]})
        return 0

    def signed(value):
        return fmt_change(value, places)

    def prev_rank(u):
        p = u.previous
        return "" if p is None or p.rank is None else f"{p.rank}{'*' if p.derived else ''}"

    def index(u):
        return fmt(u.index, places) if u.scored else "—"

    if args.unit:
        (u,) = units
        p = u.previous
        print(f"{u.name} ({u.code}): " + (pick(
            f"chỉ số {fmt(u.index, places)}%, hạng {u.rank or '—'}",
            f"index {fmt(u.index, places)}%, rank {u.rank or '—'}") if u.scored else pick(
            "chưa có điểm năm nay", "nothing scored yet this year")))
        if p is None:
            print(pick("Không có kết quả năm trước (chưa ánh xạ đơn vị năm trước).",
                       "No previous result (no previous unit mapped)."))
            return 0
        sources = ", ".join(f"{s.name} ({s.code})" for s in p.sources)
        print(pick(f"Năm {found.year}: chỉ số {fmt(p.index, places)}%, hạng {p.rank or '—'}"
                   + (f" — suy ra từ {sources}" if p.derived else ""),
                   f"{found.year}: index {fmt(p.index, places)}%, rank {p.rank or '—'}"
                   + (f" — derived from {sources}" if p.derived else "")))
        print(pick(f"Thay đổi: chỉ số {signed(u.index_change) or '—'}, thứ hạng "
                   f"{change_text(u.rank_change) or '—'}",
                   f"Change: index {signed(u.index_change) or '—'}, rank "
                   f"{change_text(u.rank_change) or '—'}"))
        for title, rows in ((pick("Cải thiện nhiều nhất:", "Improved most:"), u.improved),
                            (pick("Giảm nhiều nhất:", "Fell most:"), u.fell)):
            if rows:
                print()
                print(title)
                _print_table([pick("Mã", "Code"), pick("Tiêu chí", "Criterion"),
                              pick("Tối đa", "Max"), pick("Năm nay", "This year"),
                              pick("Năm trước", "Last year"), pick("Thay đổi", "Change")],
                             [(c.code, c.name, fmt(c.max, places), fmt(c.points, places),
                               fmt(c.previous, places), signed(c.change)) for c in rows],
                             right=(2, 3, 4, 5))
        return 0
    for b in found.blocks:
        if not b.units:
            print(pick(f"{b.name}: {b.waiting} đơn vị có kết quả năm {found.year}, chưa đơn vị "
                       "nào có điểm năm nay", f"{b.name}: {b.waiting} units with a "
                       f"{found.year} result, none scored yet this year"))
            continue
        waiting = pick(f"; {b.waiting} đơn vị chưa có điểm năm nay",
                       f"; {b.waiting} not scored yet this year") if b.waiting else ""
        print(pick(f"{b.name}: {b.units} đơn vị có kết quả năm {found.year}; chỉ số bình quân "
                   f"{fmt(b.index, places)}% (năm trước {fmt(b.previous, places)}%, "
                   f"{signed(b.change)}); {b.rose} đơn vị tăng, {b.sank} đơn vị giảm",
                   f"{b.name}: {b.units} units with a {found.year} result; average index "
                   f"{fmt(b.index, places)}% (last year {fmt(b.previous, places)}%, "
                   f"{signed(b.change)}); {b.rose} rose, {b.sank} fell") + waiting)
        up = ", ".join(f"{t.code} ({signed(t.change)})" for t in b.improved) or "—"
        down = ", ".join(f"{t.code} ({signed(t.change)})" for t in b.fell) or "—"
        print(pick(f"  Tiêu chí thành phần cải thiện nhiều nhất (bình quân): {up}; giảm nhiều "
                   f"nhất: {down}", f"  Sub-criteria improved most (on average): {up}; fell "
                   f"most: {down}"))
    print()
    _print_table([pick("Mã", "Code"), pick("Đơn vị", "Unit"), pick("Khối", "Block"),
                  pick("Chỉ số", "Index"), pick("Năm trước", "Last year"),
                  pick("Thay đổi", "Change"), pick("Hạng", "Rank"),
                  pick("Hạng năm trước", "Last rank"), pick("Tăng/giảm hạng", "Places")],
                 [(u.code, u.name, u.block, index(u),
                   "" if u.previous is None else fmt(u.previous.index, places),
                   signed(u.index_change), u.rank or "", prev_rank(u),
                   change_text(u.rank_change)) for u in units], right=(3, 4, 5, 6, 7, 8))
    if any(u.previous is not None and u.previous.derived for u in units):
        print(pick("* suy ra từ các đơn vị năm trước được sáp nhập (bình quân; thứ hạng: vị trí "
                   "của chỉ số bình quân trong bảng xếp hạng năm trước)",
                   "* derived from last year's units merged into it (their average; rank: "
                   "where that average index would have stood in last year's ranking)"))
    return 0


def cmd_expected(args) -> int:
    """Mid-year: the sub-criteria each unit expects to reach in full."""
    from parapp.core.analysis import shown
    from parapp.core.expected import read_outlook
    with _open(args.file) as store:
        found = read_outlook(store)
        places = store.settings().display_decimals
    units = [u for u in found.units if args.unit in (None, u.code)]
    if args.unit and not units:
        raise CliError(f"Không có đơn vị có mã '{args.unit}'", f"No unit with code '{args.unit}'")

    def short_json(s):
        return {"code": s.code, "name": s.name, "max": shown(s.max),
                "expected": None if s.expected is None else shown(s.expected)}
    if args.format == "json":
        _emit_json({"leaves": found.leaves, "estimated": found.estimated, "full": found.full,
                    "units": [{"unit": u.code, "name": u.name, "block": u.block,
                               "leaves": u.leaves, "estimated": u.estimated, "full": u.full,
                               "short": [short_json(s) for s in u.short]} for u in units],
                    "criteria": [] if args.unit else [
                        {"code": c.code, "name": c.name, "units": c.units, "full": c.full}
                        for c in found.criteria]})
        return 0
    if args.unit:
        (u,) = units
        print(pick(f"{u.name} ({u.code}): {u.full}/{u.leaves} tiêu chí thành phần dự kiến đạt "
                   f"điểm tối đa; đã dự kiến {u.estimated}/{u.leaves}",
                   f"{u.name} ({u.code}): {u.full}/{u.leaves} sub-criteria expected at full "
                   f"points; {u.estimated}/{u.leaves} estimated"))
        if u.short:
            print()
            _print_table([pick("Mã", "Code"), pick("Tiêu chí thành phần", "Sub-criterion"),
                          pick("Tối đa", "Max"), pick("Dự kiến", "Expected")],
                         [(s.code, s.name, fmt(s.max, places),
                           pick("chưa dự kiến", "not estimated") if s.expected is None
                           else fmt(s.expected, places)) for s in u.short], right=(2, 3))
        return 0
    print(pick(f"Toàn tỉnh: {found.full}/{found.leaves} lượt tiêu chí thành phần dự kiến đạt điểm "
               f"tối đa (đã dự kiến {found.estimated}/{found.leaves})",
               f"Province: {found.full}/{found.leaves} unit sub-criteria expected at full points "
               f"({found.estimated}/{found.leaves} estimated)"))
    print()
    _print_table([pick("Mã", "Code"), pick("Đơn vị", "Unit"), pick("Khối", "Block"),
                  pick("Đạt tối đa", "At full"), pick("Đã dự kiến", "Estimated")],
                 [(u.code, u.name, u.block, f"{u.full}/{u.leaves}", f"{u.estimated}/{u.leaves}")
                  for u in units], right=(3, 4))
    weak = [c for c in found.criteria if c.full < c.units][:10]
    if weak:
        print()
        print(pick("Tiêu chí thành phần ít đơn vị dự kiến đạt tối đa nhất:",
                   "Sub-criteria fewest units expect at full points:"))
        _print_table([pick("Mã", "Code"), pick("Tiêu chí thành phần", "Sub-criterion"),
                      pick("Đạt tối đa", "At full")],
                     [(c.code, c.name, f"{c.full}/{c.units}") for c in weak], right=(2,))
    return 0


def cmd_check(args) -> int:
    from parapp.core.check import RULES, check, rule_count, rule_label
    try:
        with _open(args.file, checked=False) as store:
            problems = check(store)
    except ParappError as exc:  # no file, not a parapp file: nothing was checked
        _error(str(exc))
        return NOT_CHECKED
    errors = [p for p in problems if p.severity == "error"]
    order = {rule: n for n, rule in enumerate(RULES)}
    groups: dict[tuple[str, str], list] = {}  # errors first, then in the order of RULES
    for p in sorted(problems, key=lambda p: (p.severity != "error", order[p.rule])):
        groups.setdefault((p.severity, p.rule), []).append(p)
    if args.format == "json":
        _emit_json({"errors": len(errors), "warnings": len(problems) - len(errors),
                    "blocks_publication": bool(errors),
                    "groups": [{"rule": rule, "severity": severity, "label": rule_label(rule),
                                "count": len(found)} for (severity, rule), found in groups.items()],
                    "problems": [{"rule": p.rule, "severity": p.severity, "where": p.where,
                                  "message": p.message} for p in problems]})
        return BLOCKED if errors else PUBLISHABLE
    for (severity, rule), found in groups.items():
        tag = pick("LỖI", "ERROR") if severity == "error" else pick("Cảnh báo", "Warning")
        print(f"{tag} — {rule_label(rule)}: {rule_count(rule, len(found))}")
        shown = found if severity == "error" or args.all else found[:SHOWN_PER_WARNING]
        for p in shown:
            print(f"    {p}")
        if len(shown) < len(found):
            print("    " + pick(f"… và {len(found) - len(shown)} nữa (--all: liệt kê hết)",
                                f"… and {len(found) - len(shown)} more (--all: list them all)"))
    verdict = (pick("có lỗi, chưa công bố được", "errors block publication") if errors
               else pick("không có gì chặn công bố", "nothing blocks publication"))
    print(pick(f"Kết quả kiểm tra: {len(errors)} lỗi, {len(problems) - len(errors)} cảnh báo — "
               f"{verdict}.", f"Check: {len(errors)} errors, {len(problems) - len(errors)} "
               f"warnings — {verdict}."))
    return BLOCKED if errors else PUBLISHABLE


def cmd_settings(args) -> int:
    if args.assignments:
        pairs = []
        for item in args.assignments:
            if "=" not in item:
                raise CliError(f"'{item}' không có dạng KHÓA=GIÁ_TRỊ",
                               f"'{item}' is not KEY=VALUE")
            key, value = item.split("=", 1)
            if value.startswith("@"):
                try:  # Notepad saves UTF-8 with a BOM, which is not part of the value
                    value = Path(value[1:]).read_text(encoding="utf-8-sig")
                except OSError as exc:
                    raise CliError(f"{value[1:]}: không đọc được tệp ({exc.strerror})",
                                   f"{value[1:]}: cannot read ({exc.strerror})") from None
                except UnicodeDecodeError:  # PowerShell 5's `>` writes UTF-16
                    raise CliError(f"{value[1:]}: tệp không phải văn bản UTF-8; hãy lưu lại với "
                                   "bảng mã UTF-8", f"{value[1:]}: the file is not UTF-8 text; "
                                   "save it again as UTF-8") from None
            pairs.append((key.strip(), value.strip()))
        # unchecked: a damaged setting can be set again; the edit commits only a sound file
        with _open(args.file, readonly=False, checked=False) as store, \
                store.edit("cli settings") as ed:
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
                "index": _exact(r.result.index),
                # as the annex publishes it (each component rounded, then added: the settings)
                "total_display": fmt(r.result.published_total, places, comma=False),
                "index_display": fmt(r.result.published_index, places, comma=False),
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
                          r.result.unit.code, r.result.unit.name,
                          fmt(r.result.published_total, places),
                          fmt(r.result.published_index, places), r.result.unit.prev_rank or "",
                          change, note))
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
                                    "head_since": units[h.row.result.key].head_since,
                                    "index": _exact(h.row.result.index),
                                    "index_display": fmt(h.row.result.published_index,
                                                          places, comma=False),
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
                       f"{units[h.row.result.key].head_name}",
                       fmt(h.row.result.published_index, places),
                       h.grade.label, h.reason) for h in heads], right=(3,))
        print("; ".join(f"{g.label}: {n}" for g, n in counts(heads).items()))
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
    from parapp.core.interchange.columns import LAYOUTS
    sheets = ("«Tiêu chí», «Đơn vị»" if args.kind == "period"
              else f"«{LAYOUTS[args.kind].sheet}»")  # the sheet's name, as the workbook has it
    print(pick(f"Đã tạo mẫu {sheets}: {out}", f"Wrote the {sheets} template: {out}"))
    return 0


def cmd_import(args) -> int:
    from parapp.core.interchange.importer import import_file
    with _open(args.file, readonly=False) as store:
        report = import_file(store, args.kind, args.workbook, overwrite=args.overwrite)
    if args.format == "json":
        _emit_json({"kind": report.kind, "file": str(report.path), "sha256": report.sha256,
                    "rows": report.rows, "changed": report.changed, "created": report.created,
                    "created_names": report.new_names, "kept": report.kept,
                    "replaced": report.replaced})
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
        elif args.what == "rounds":
            out = exporter.export_rounds(store, Path(args.output), args.block)
        else:
            out = exporter.export_data(store, Path(args.output))
    print(pick(f"Đã xuất: {out}", f"Exported: {out}"))
    return 0


def cmd_report(args) -> int:
    from parapp.core.reports.decision import build_document
    from parapp.core.reports.notice import build_notices
    out = Path(args.output)
    what = "notice" if args.what == "unit" else args.what
    if (what not in ("notice", "self") and args.unit) or (what != "notice" and args.all_units):
        raise CliError("--unit chỉ dùng với notice và self, --all-units với notice",
                       "--unit is for notice and self only, --all-units for notice only")
    if what in ("decision", "results") and args.block:
        raise CliError("Quyết định và báo cáo kết quả gồm tất cả các khối: không dùng --block",
                       "The decision and the results report cover every block: --block does "
                       "not apply")
    if what == "notice" and not args.all_units and out.suffix.lower() not in FORMATS:
        raise CliError(f"{out}: chỉ xuất được tệp .pdf hoặc .docx",
                       f"{out}: only .pdf or .docx files can be written")
    with _open(args.file) as store:
        if what == "notice":
            if args.all_units:
                paths = build_notices(store, _output_folder(out), args.block,
                                      name="thong-bao-{code}." + args.format, workers=None)
                print(pick(f"Đã tạo {len(paths)} thông báo kết quả trong {out}",
                           f"Wrote {len(paths)} result notices into {out}"))
                return 0
            if not args.unit:
                raise CliError("Thông báo kết quả cần mã đơn vị (--unit MÃ) hoặc --all-units",
                               "A result notice needs a unit code (--unit CODE) or --all-units")
        if what == "self" and not args.unit:
            scope = store.package_scope()  # a unit's own package: that unit
            if scope is None or scope.unit is None:
                raise CliError("Báo cáo tự đánh giá cần mã đơn vị (--unit MÃ)",
                               "A self-assessment report needs a unit code (--unit CODE)")
            args.unit = scope.unit
        build_document(store, what, out,
                       args.unit if what in ("notice", "self") else args.block)
    print(pick(f"Đã tạo văn bản: {out}", f"Wrote the document: {out}"))
    return 0


# -- parser ---------------------------------------------------------------------------------------

def _read_secret(args, vi: str, en: str) -> str:
    """A PIN or passphrase: one line of stdin with --pin-stdin, else typed at the terminal."""
    if args.pin_stdin:  # as bytes: Windows would decode a pipe with its ANSI code page
        line = sys.stdin.buffer.readline() if hasattr(sys.stdin, "buffer") else \
            sys.stdin.readline().encode()
        try:
            return line.decode("utf-8-sig").rstrip("\r\n")
        except UnicodeDecodeError:
            raise CliError("--pin-stdin: dòng đọc vào không phải văn bản UTF-8",
                           "--pin-stdin: the line read is not UTF-8 text") from None
    if sys.stdin is None or not sys.stdin.isatty():  # a script that forgot --pin-stdin: not
        # asked where nobody can type it (getpass would warn, echo, then fail on the end)
        raise CliError(f"{vi}: không có ai nhập ở đây; trong một tập lệnh, đưa vào qua stdin "
                       "với --pin-stdin", f"{en}: nobody can type it here; in a script, pipe it "
                       "in with --pin-stdin")
    import getpass
    return getpass.getpass(pick(vi, en) + ": ")


def _parse_box(text: str) -> tuple[float, ...]:
    try:
        box = tuple(float(v) for v in text.replace(";", ",").split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not all(math.isfinite(v) for v in box):  # "nan", "inf" are floats
        raise CliError(f"--box cần 4 số x1,y1,x2,y2 (điểm, tính từ góc dưới trái): {text}",
                       f"--box takes 4 numbers x1,y1,x2,y2 (points from the bottom left): {text}")
    return box


def cmd_sign(args) -> int:
    from parapp.core import signing
    if args.pkcs12 and args.pkcs11_lib:
        raise CliError("Chọn một: --pkcs12 hoặc --pkcs11-lib", "Pick one: --pkcs12 or "
                       "--pkcs11-lib")
    if not (args.pkcs12 or args.pkcs11_lib):
        raise CliError("Cần khóa ký: --pkcs12 TỆP hoặc --pkcs11-lib THƯ_VIỆN --token-label NHÃN",
                       "A signing key is needed: --pkcs12 FILE or --pkcs11-lib LIB "
                       "--token-label LABEL")
    if args.pkcs11_lib and not args.token_label:
        raise CliError("--pkcs11-lib cần --token-label (xem: parapp tokens --pkcs11-lib …)",
                       "--pkcs11-lib needs --token-label (see: parapp tokens --pkcs11-lib …)")
    box = _parse_box(args.box) if args.box else None
    signing.check_paths(args.file, args.output)  # before asking for a secret
    if args.pkcs12:
        if not Path(args.pkcs12).is_file():
            raise CliError(f"Không tìm thấy tệp khóa PKCS#12: {args.pkcs12}",
                           f"PKCS#12 key file not found: {args.pkcs12}")
        key = signing.load_pkcs12(args.pkcs12, _read_secret(
            args, f"Mật khẩu của {args.pkcs12}", f"Passphrase of {args.pkcs12}"))
    else:
        status = signing.token_status(args.pkcs11_lib, args.token_label)
        warning = signing.check_pin(status)  # refuses a locked token
        refused = signing.token_certificate_refusal(  # before the PIN, as open_token would
            args.pkcs11_lib, args.token_label, key_label=args.key_label, key_id=args.key_id)
        if refused is not None:
            raise refused
        if warning:
            _note(warning)
        if status.protected_authentication_path and not args.pin_stdin:
            _note(pick("Nhập PIN trên bàn phím của thiết bị.", "Enter the PIN on the device's "
                       "keypad."))
            pin = None
        else:
            pin = _read_secret(args, f"PIN của thiết bị «{status.label}»",
                               f"PIN of the token «{status.label}»")
        key = signing.open_token(args.pkcs11_lib, args.token_label, pin,
                                 key_label=args.key_label, key_id=args.key_id)
        del pin
    with key:
        result = signing.sign_pdf(
            args.file, args.output, key, signature_image=args.signature_image,
            seal_image=args.seal_image, reason=args.reason, location=args.location,
            page=args.page, box=box, expected_signer=args.expect_signer)
    if result.placement is signing.Placement.FIELD and (args.page or box):
        _note(pick(f"Lưu ý: tài liệu có sẵn ô chữ ký «{result.field_name}»; đã ký vào ô đó, "
                   "bỏ qua --page/--box.", f"Note: the document has its own signature field "
                   f"«{result.field_name}»; signed there, --page/--box ignored."))
    if result.warning:
        _note(result.warning)
    cert = result.certificate
    if args.format == "json":
        _emit_json({"file": str(result.path), "field": result.field_name,
                    "placement": result.placement.value, "page": result.page,
                    "box": list(result.box), "signing_time": result.signing_time.isoformat(),
                    "signer": cert.to_json(), "other_signer": result.other_signer,
                    "stamp_text": result.stamp_text})
    else:
        org = f" — {cert.organisation}" if cert.organisation else ""
        print(pick(f"Đã ký: {result.path} (ô «{result.field_name}», trang {result.page}; "
                   f"{cert.common_name}{org}; {signing.format_time(result.signing_time)})",
                   f"Signed: {result.path} (field «{result.field_name}», page {result.page}; "
                   f"{cert.common_name}{org}; {signing.format_time(result.signing_time)})"))
    return 0


def _yes(value: bool | None) -> str:
    if value is None:
        return pick("chưa kiểm tra", "not checked")
    return pick("có", "yes") if value else pick("KHÔNG", "NO")


# `parapp verify` exit codes, for scripts (documented in its --help)
VERIFIED, FAILED, UNREADABLE, TRUST_NOT_CHECKED = 0, 1, 2, 3


def cmd_verify(args) -> int:
    from parapp.core import signing
    try:
        reports = signing.verify_pdf(args.file, args.trust or ())
    except signing.UnsignedPdfError as exc:
        if args.format == "json":
            _emit_json({"file": args.file, "ok": False, "status": "failed", "signatures": [],
                        "message": str(exc)})
        _error(str(exc))
        return FAILED
    except ParappError as exc:  # not a readable PDF, or a root certificate that is not one
        _error(str(exc))
        return UNREADABLE
    ok = all(r.ok for r in reports)
    status, code = (("failed", FAILED) if not ok else ("trusted", VERIFIED) if args.trust
                    else ("trust_not_checked", TRUST_NOT_CHECKED))
    if args.format == "json":
        _emit_json({"file": args.file, "ok": ok, "status": status,
                    "trust_checked": bool(args.trust),
                    "signatures": [r.to_json() for r in reports]})
        return code
    verdict = {"failed": pick("CÓ CHỮ KÝ KHÔNG ĐẠT", "SOME SIGNATURES FAILED"),
               "trusted": pick("tất cả hợp lệ và được tin cậy", "all valid and trusted"),
               "trust_not_checked": pick(
                   "tất cả nguyên vẹn; CHƯA KIỂM TRA ĐỘ TIN CẬY của người ký (thêm --trust "
                   "GỐC.pem)", "all intact; the signers' TRUST WAS NOT CHECKED (add --trust "
                   "ROOT.pem)")}[status]
    print(pick(f"{args.file}: {len(reports)} chữ ký — {verdict}",
               f"{args.file}: {count(len(reports), 'signature')} — {verdict}"))
    coverage = {"entire_file": pick("toàn bộ tệp", "the whole file"),
                "entire_revision": pick("đến phiên bản khi ký (có cập nhật sau)",
                                        "up to its revision (later updates follow)"),
                "partial": pick("không đầy đủ", "incomplete")}
    for r in reports:
        covers = coverage[r.coverage]
        if r.trailing_bytes and not r.modified_after:
            covers = pick(f"toàn bộ tài liệu, trừ {r.trailing_bytes} byte nối thêm sau %%EOF",
                          f"the whole document, not the {r.trailing_bytes} bytes appended "
                          "after %%EOF")
        print(f"[{r.index}] {r.field_name} — {r.summary}")
        if r.signer is not None:
            print("    " + pick(f"Người ký: {r.signer.common_name}; cơ quan: "
                                f"{r.signer.organisation or '—'}; số sê-ri: {r.signer.serial}; "
                                f"nơi cấp: {r.signer.issuer}",
                                f"Signer: {r.signer.common_name}; organisation: "
                                f"{r.signer.organisation or '—'}; serial: {r.signer.serial}; "
                                f"issuer: {r.signer.issuer}"))
        print("    " + pick(
            f"Thời gian ký: {signing.format_time(r.signing_time) or '—'}; toàn vẹn: "
            f"{_yes(r.intact)}; chữ ký đúng: {_yes(r.valid)}; phạm vi: {covers}; "
            f"tin cậy: {_yes(r.trusted)}",
            f"Signing time: {signing.format_time(r.signing_time) or '—'}; intact: "
            f"{_yes(r.intact)}; valid: {_yes(r.valid)}; covers: {covers}; "
            f"trusted: {_yes(r.trusted)}"))
        if r.reason or r.location:
            print("    " + pick(f"Lý do: {r.reason or '—'}; nơi ký: {r.location or '—'}",
                                f"Reason: {r.reason or '—'}; location: {r.location or '—'}"))
    return code


def cmd_tokens(args) -> int:
    from parapp.core import signing
    tokens = signing.list_tokens(args.pkcs11_lib)
    certs = (signing.list_certificates(args.pkcs11_lib, args.token_label)
             if args.token_label else None)
    if args.format == "json":
        data: dict[str, Any] = {"library": args.pkcs11_lib,
                                "tokens": [t.to_json() for t in tokens]}
        if certs is not None:
            data["certificates"] = [c.to_json() for c in certs]
        _emit_json(data)
        return 0
    if not tokens:
        print(pick(f"Không thấy thiết bị ký số nào trong {args.pkcs11_lib} (chưa cắm thiết bị?)",
                   f"No token in {args.pkcs11_lib} (is it plugged in?)"))
    for t in tokens:
        warning = signing.pin_warning(t.pin_state) or (
            pick("ĐÃ KHÓA", "LOCKED") if t.pin_state is signing.PinState.LOCKED else "")
        print(f"«{t.label}»  {t.manufacturer} {t.model}  {pick('số sê-ri', 'serial')} "
              f"{t.serial}  {warning}".rstrip())
    problems = {"expired": pick("ĐÃ HẾT HẠN", "EXPIRED"),
                "not_yet_valid": pick("CHƯA CÓ HIỆU LỰC", "NOT YET VALID"),
                "usage": pick("KHÔNG DÙNG ĐỂ KÝ", "NOT FOR SIGNING")}
    for c in certs or ():
        print(f"  {c.label or '—'}  id={c.id}  {c.certificate.common_name}"
              f" — {c.certificate.organisation or '—'}  "
              f"{pick('hết hạn', 'expires')} {signing.format_date(c.certificate.not_after)}"
              + (f"  {problems[c.problem.kind]}" if c.problem and not c.authority else ""))
    return 0

# -- council workflow: keys, packages, merge -------------------------------------------------------

def cmd_key_new(args) -> int:
    from parapp.core.packages import default_key_path, key_name, new_key
    if bool(args.member) == bool(args.unit):
        raise CliError("Cần đúng một trong --member hoặc --unit",
                       "Give exactly one of --member or --unit")
    path = Path(args.output) if args.output else default_key_path(
        key_name("member", args.member) if args.member else key_name("unit", args.unit))
    passphrase = _read_secret(args, "Mật khẩu bảo vệ khóa (để trống: không đặt)",
                              "Passphrase for the key (empty: none)")
    if passphrase and not args.pin_stdin and passphrase != _read_secret(
            args, "Nhập lại mật khẩu", "Repeat the passphrase"):
        raise CliError("Hai lần nhập mật khẩu không khớp; chưa tạo khóa",
                       "The passphrases differ; no key was created")
    print_ = new_key(path, passphrase or None)
    print(pick(f"Đã tạo khóa: {path}\nKhóa công khai: {path.with_suffix('.pub')}\n"
               f"Dấu vân tay (gửi Tổ thư ký để đăng ký): {print_}",
               f"Key created: {path}\nPublic key: {path.with_suffix('.pub')}\n"
               f"Fingerprint (send it to the secretariat): {print_}"))
    return 0


def _key_given(args) -> str:
    from parapp.core.packages import read_public_key
    if bool(args.public_key) == bool(args.fingerprint):
        raise CliError("Cần đúng một trong --public-key hoặc --fingerprint",
                       "Give exactly one of --public-key or --fingerprint")
    return read_public_key(args.public_key) if args.public_key else args.fingerprint.strip()


def cmd_member_key(args) -> int:
    print_ = _key_given(args)
    with _open(args.file, readonly=False) as store, store.edit("cli member-key") as ed:
        ed.register_key(args.member, print_)
    print(pick(f"Thành viên {args.member}: đã đăng ký khóa {print_}",
               f"Member {args.member}: registered key {print_}"))
    return 0


def cmd_unit_key(args) -> int:
    print_ = _key_given(args)
    with _open(args.file, readonly=False) as store, store.edit("cli unit-key") as ed:
        ed.register_unit_key(args.unit, print_)
    print(pick(f"Đơn vị {args.unit}: đã đăng ký khóa {print_}",
               f"Unit {args.unit}: registered key {print_}"))
    return 0


def cmd_member_units(args) -> int:
    with _open(args.file, readonly=False) as store:
        with store.edit("cli member-units") as ed:
            ed.set_member_units(args.member, args.units)
        part = store.assignment(args.member)
    print(pick(f"Thành viên {args.member}: {len(part.leaves)} tiêu chí × {len(part.units)} đơn vị",
               f"Member {args.member}: {len(part.leaves)} criteria × {len(part.units)} units"))
    return 0


def cmd_package_export(args) -> int:
    from parapp.core.packages import (
        export_package,
        export_unit_package,
        export_unit_packages,
    )
    given = [a for a in ("member", "unit", "all_units") if getattr(args, a) is not None]
    if len(given) != 1:
        raise CliError("Cần đúng một trong --member, --unit hoặc --all-units",
                       "Give exactly one of --member, --unit or --all-units")
    round_ = args.round if args.round is not None else (1 if args.member else 0)
    with _open(args.file, readonly=False) as store:  # the master records what it sends
        if args.all_units is not None:
            block = args.all_units or None  # --all-units "" : every block
            done = export_unit_packages(store, _output_folder(args.output), round_, block)
        elif args.unit:
            done = [export_unit_package(store, args.unit, Path(args.output), round_)]
        else:
            done = [export_package(store, args.member, Path(args.output), round_)]
    for d in done:
        vi, en = d.kind.holder(d.holder)
        title_vi, title_en = d.kind.title
        print(pick(f"Đã tạo {title_vi} {d.path} cho {vi}: {d.leaves} tiêu chí × {d.units} đơn "
                   f"vị, {d.evidence} tài liệu kiểm chứng",
                   f"Wrote the {title_en} {d.path} for {en}: {d.leaves} criteria × {d.units} "
                   f"units, {d.evidence} evidence files"))
    if args.all_units is not None:
        print(pick(f"{len(done)} gói", count(len(done), "package")))
    return 0


def cmd_package_seal(args) -> int:
    from parapp.core.packages import (
        default_key_path,
        key_name,
        load_key,
        package_gaps,
        seal_package,
    )
    with _open(args.file) as store:
        scope = store.package_scope()
    if scope is None:
        raise CliError(f"{args.file}: không phải gói chấm điểm", f"{args.file}: not a package")
    path = Path(args.key) if args.key else default_key_path(key_name(scope.kind.party,
                                                                     scope.holder))
    try:
        key = load_key(path)
    except ParappError as exc:
        if "mật khẩu" not in str(exc) and "passphrase" not in str(exc):
            raise
        key = load_key(path, _read_secret(args, "Mật khẩu của khóa", "Key passphrase"))
    gaps = [g for g in package_gaps(args.file) if not g.blocking]  # blocking ones: refused
    seal = seal_package(args.file, key)
    if gaps:
        print(pick(f"Lưu ý, còn {len(gaps)} mục chưa làm:",
                   f"Note, {count(len(gaps), 'item')} not done yet:"))
        for gap in gaps:
            print(f"  {gap}")
    vi, en = seal.kind.holder(seal.holder)
    print(pick(f"Đã niêm phong {args.file} ({vi}, khóa {seal.fingerprint})",
               f"Sealed {args.file} ({en}, key {seal.fingerprint})"))
    return 0


def cmd_merge(args) -> int:
    from parapp.core.merge import merge_packages
    with _open(args.file, readonly=False) as store:  # a dry run rolls its transaction back
        report = merge_packages(store, args.packages, policy=args.policy,
                                reason=args.reason or "", dry_run=args.dry_run,
                                accept_late=args.accept_late or "")
    if args.format == "json":
        _emit_json({"txn": report.txn, "backup": str(report.backup or ""), "packages": [
            {"file": p.path.name, "member": p.seal.member, "already_merged": p.already,
             "counts": p.counts(), "conflicts": [
                 {"unit": c.unit, "criterion": c.criterion, "part": c.part,
                  "base": c.base.to_json(), "master": c.master.to_json(),
                  "package": c.theirs.to_json()} for c in p.conflicts]}
            for p in report.packages]})
        return 0
    for line in report.lines():
        print(line)
    for c in report.conflicts:
        print(f"  {pick('xung đột', 'conflict')}: {c.package} {c.unit} {c.criterion} ({c.part}): "
              f"{pick('tệp chính', 'master')} {c.master.shown()} / {pick('gói', 'package')} "
              f"{c.theirs.shown()}")
    if args.dry_run:
        print(pick("Chạy thử: không có gì được ghi", "Dry run: nothing was written"))
    elif report.backup:
        print(pick(f"Bản sao lưu trước khi hợp nhất: {report.backup}",
                   f"Backup before the merge: {report.backup}"))
    elif report.unbacked:
        print(pick("Tệp lớn hơn 1 GB: không sao chép cả tệp trước khi hợp nhất (hoàn tác bằng "
                   "Ctrl+Z trong cửa sổ; hãy lưu bản sao định kỳ)",
                   "The file is over 1 GB: not copied whole before the merge (undo it with "
                   "Ctrl+Z; keep copies of the file on a schedule)"))
    return 0


def cmd_merge_report(args) -> int:
    from parapp.core.interchange.exporter import export_merge_report
    with _open(args.file) as store:
        out = export_merge_report(store, Path(args.output))
    print(pick(f"Đã xuất báo cáo hợp nhất: {out}", f"Wrote the merge report: {out}"))
    return 0



def _add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help=pick("định dạng kết quả (mặc định: text)", "output format (default: text)"))


# argparse's own words in Vietnamese: the usage line, the headings of --help and the usage
# errors a user can make (not the ones only a programmer can)
ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "Tham số",
    "options": "Tùy chọn",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}


def _in_language(method: Callable) -> Callable:
    """`method` with argparse's own words in the chosen language: argparse looks them up
    through its module's gettext functions when a parser is made, parses, or formats its help.
    Restored after, so that other argparse users in the process (a test runner) keep theirs."""
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        if language() != "vi":
            return method(*args, **kwargs)
        saved = argparse._, argparse.ngettext
        argparse._ = lambda text: ARGPARSE_VI.get(text, text)
        argparse.ngettext = lambda one, many, n: argparse._(one if n == 1 else many)
        try:
            return method(*args, **kwargs)
        finally:
            argparse._, argparse.ngettext = saved
    return wrapper


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr, like every other error, and argparse's words in
    the chosen language (every parapp parser and subparser is one of these)."""

    __init__ = _in_language(argparse.ArgumentParser.__init__)
    parse_args = _in_language(argparse.ArgumentParser.parse_args)
    parse_known_args = _in_language(argparse.ArgumentParser.parse_known_args)
    format_usage = _in_language(argparse.ArgumentParser.format_usage)
    format_help = _in_language(argparse.ArgumentParser.format_help)

    def error(self, message: str):
        self.exit(2, f"parapp: {pick('lỗi', 'error')}: {message} "
                     f"({pick('xem', 'see')} {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="parapp",
        description=pick(
            "Thẩm định Chỉ số cải cách hành chính. Không có lệnh: mở giao diện "
            "(parapp [TỆP]).",
            "PAR Index appraisal. Without a subcommand: open the GUI (parapp [FILE])."))
    parser.add_argument("--version", action="version", version=f"parapp {__version__}",
                        help=pick("hiện số phiên bản rồi thoát",
                                  "show program's version number and exit"))
    parser.add_argument("--lang", choices=("vi", "en"),
                        help=pick("ngôn ngữ (mặc định: vi)", "language (default: vi)"))
    parser.add_argument("--log-level", choices=logs.LEVELS, metavar=pick("MỨC", "LEVEL"),
                        help=pick(f"mức chi tiết của nhật ký: {', '.join(logs.LEVELS)} (mặc "
                                  f"định: {logs.ENV_LEVEL} hoặc info); nhật ký ghi vào "
                                  f"{logs.log_dir()}",
                                  f"how much the log records: {', '.join(logs.LEVELS)} (default: "
                                  f"{logs.ENV_LEVEL} or info); the log is written in "
                                  f"{logs.log_dir()}"))
    sub = parser.add_subparsers(dest="command", metavar=pick("LỆNH", "COMMAND"),
                                parser_class=_Parser)

    def add(name: str, func: Callable, vi: str, en: str, file: bool = True):
        p = sub.add_parser(name, help=pick(vi, en), description=pick(vi, en))
        if file:
            p.add_argument("file", metavar=pick("TỆP", "FILE"),
                           help=pick("tệp kỳ đánh giá (.parapp)", "assessment file (.parapp)"))
        p.set_defaults(func=func)
        return p

    p = add("new", cmd_new, "tạo kỳ đánh giá trống, hoặc từ kỳ năm trước",
            "create an assessment period, empty or from last year's")
    p.add_argument("--province", help=pick("tên tỉnh", "province name"))
    p.add_argument("--year", type=int, help=pick("năm đánh giá", "assessed year"))
    p.add_argument("--from-period", dest="last", metavar="LAST.parapp",
                   help=pick("lấy khối, thành viên và khóa, bộ tiêu chí, đơn vị, danh mục thưởng "
                             "trừ, thiết lập và thứ hạng năm trước từ tệp kỳ năm trước (không "
                             "lấy điểm); mặc định cùng tỉnh, năm sau",
                             "take blocks, members and keys, the criteria set, units, the bonus "
                             "catalogue, settings and last year's ranks from last year's file "
                             "(no scores); by default the same province, the next year"))
    p.set_defaults(new_parser=p)
    p.add_argument("--title", help=pick("tiêu đề kỳ đánh giá", "period title"))
    p.add_argument("--from", dest="workbook", metavar="BOOK.xlsx|.xls|.ods",
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
    p = add("check", cmd_check, "kiểm tra tính toàn vẹn và quy tắc chấm điểm",
            "check integrity and scoring rules")
    p.epilog = pick(
        "Các vấn đề được gom theo quy tắc, kèm số lượng; mỗi cảnh báo nêu vài ví dụ (--all: "
        "tất cả), mỗi lỗi nêu đủ. Lỗi chặn công bố kết quả (điểm vượt mức tối đa, trừ điểm "
        "không có lý do, tệp hỏng…); cảnh báo là việc cần xem lại (thiếu tài liệu kiểm chứng, "
        "chưa thẩm định, đồng hạng…). Mã thoát: 0 khi không có gì chặn công bố (có thể có cảnh "
        "báo), 1 khi có lỗi chặn công bố, 2 khi không đọc được tệp. --format json liệt kê mọi "
        "vấn đề với khóa quy tắc (rule).",
        "Problems are grouped by rule, with counts; a warning shows a few examples (--all: "
        "every one), an error all of them. Errors block publishing the results (points above "
        "the maximum, a deduction without a reason, a damaged file…); warnings are for review "
        "(missing evidence, not appraised, shared ranks…). Exit status: 0 when nothing blocks "
        "publication (warnings may remain), 1 when errors block it, 2 when the file cannot be "
        "read. --format json lists every problem with its rule key.")
    p.add_argument("--all", action="store_true",
                   help=pick("liệt kê mọi cảnh báo", "list every warning"))
    _add_format(p)
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

    kinds = ("criteria", "units", "scores", "survey", "survey_items", "bonus_items",
             "adjustments", "previous_units")
    p = add("template", cmd_template, "tạo mẫu Excel để nhập dữ liệu (điền sẵn với --from)",
            "write an Excel import template (prefilled with --from)", file=False)
    p.add_argument("kind", choices=kinds + ("period",), metavar=pick("LOẠI", "KIND"),
                   help=" | ".join(kinds) + pick(" | period (tiêu chí và đơn vị, cho new --from)",
                                                 " | period (criteria and units, for new --from)"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.add_argument("--from", dest="source", metavar=pick("TỆP", "FILE"),
                   help=pick("mẫu điểm: mỗi đơn vị × tiêu chí một dòng, điền sẵn giá trị hiện tại "
                             "của kỳ đánh giá", "scores template: one row per unit × criterion, "
                             "prefilled with the period's current values"))
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"), help=pick("chỉ một đơn vị", "one unit"))

    p = add("import", cmd_import, "nhập dữ liệu từ Excel (tất cả hoặc không gì cả)",
            "import from Excel (all or nothing)", file=False)
    p.add_argument("kind", choices=kinds, metavar=pick("LOẠI", "KIND"), help=" | ".join(kinds))
    p.add_argument("file", metavar=pick("TỆP", "FILE"), help=pick("tệp kỳ đánh giá",
                                                                  "assessment file"))
    p.add_argument("workbook", metavar="BOOK.xlsx|.xls|.ods")
    p.add_argument("--overwrite", action="store_true",
                   help=pick("ghi đè điểm thẩm định đã nhập trong phần mềm",
                             "replace appraisals entered in the app"))
    _add_format(p)

    p = add("export", cmd_export, "xuất Excel: bảng điểm, tổng hợp, những gì thay đổi giữa hai "
            "vòng thẩm định, hoặc toàn bộ dữ liệu", "export to Excel: score sheets, summary, what "
            "changed between the appraisal rounds, or all data", file=False)
    p.add_argument("what", choices=("scores", "summary", "rounds", "data"),
                   metavar=pick("LOẠI", "WHAT"), help="scores | summary | rounds | data")
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"))
    p.add_argument("--block", metavar=pick("MÃ", "CODE"))

    p = add("phase", cmd_phase,
            "giai đoạn của kỳ đánh giá: xem (kèm lịch sử), chuyển giai đoạn, đặt hạn",
            "the period's phase: show it (with its history), move to a phase, set its deadline",
            file=False)
    p.epilog = pick(
        "Các giai đoạn: preparation (chuẩn bị), self_assessment (đơn vị tự đánh giá), "
        "appraisal_1 (thẩm định vòng 1), explanation (đơn vị giải trình), appraisal_2 (thẩm "
        "định vòng 2), approved (đã phê duyệt), published (đã công bố). Giai đoạn quyết định "
        "phần nào ghi được; quay lại giai đoạn trước phải có --reason nêu căn cứ.",
        "Phases: preparation, self_assessment, appraisal_1, explanation, appraisal_2, "
        "approved, published. The phase decides what can be written; going back to an earlier "
        "one needs a --reason stating its grounds.")
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("phase", nargs="?", metavar=pick("GIAI_ĐOẠN", "PHASE"),
                   help=pick("giai đoạn chuyển sang (bỏ trống: chỉ xem, hoặc chỉ đổi hạn)",
                             "the phase to enter (none: show, or change the deadline only)"))
    p.add_argument("--deadline", metavar="dd/mm/yyyy", help=pick("hạn của giai đoạn",
                                                                  "the phase's deadline"))
    p.add_argument("--reason", help=pick("lý do (bắt buộc khi mở lại giai đoạn trước)",
                                         "the reason (required to reopen an earlier phase)"))
    _add_format(p)

    p = add("progress", cmd_progress,
            "tiến độ của mùa đánh giá: việc còn lại của giai đoạn, từng đơn vị, từng thành viên",
            "the season's progress: what the phase waits for, per unit, per council member",
            file=False)
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("--block", metavar=pick("MÃ", "CODE"), help=pick("chỉ một khối", "one block"))
    p.add_argument("-o", "--output", metavar="OUT.xlsx",
                   help=pick("xuất ra sổ tính (lọc, sắp xếp được)",
                             "write a workbook (filterable, sortable)"))
    _add_format(p)

    p = add("losses", cmd_losses, "đơn vị bị trừ điểm ở đâu: từng tiêu chí thành phần chưa đạt "
            "tối đa, theo lĩnh vực, so với bình quân và cao nhất của khối",
            "where a unit lost points: each sub-criterion below its maximum, by area, beside "
            "its block's average and best", file=False)
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("--unit", required=True, metavar=pick("MÃ", "CODE"))
    p.add_argument("-o", "--output", metavar="OUT.pdf|OUT.docx|OUT.xlsx",
                   help=pick("văn bản để in cho lãnh đạo đơn vị (.pdf, .docx) hoặc sổ tính (.xlsx)",
                             "a document to print for the unit's leader (.pdf, .docx) or a "
                             "workbook (.xlsx)"))
    _add_format(p)

    p = add("analysis", cmd_analysis, "phân tích theo tiêu chí thành phần: số đơn vị bị trừ, tỷ "
            "lệ đạt, đơn vị bị trừ nhiều nhất, lý do thường gặp, tự đánh giá cao hơn kết quả",
            "per sub-criterion: units losing points, share reached, who lost most, the usual "
            "reasons, self scores above the result", file=False)
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("--block", metavar=pick("MÃ", "CODE"), help=pick("chỉ một khối", "one block"))
    p.add_argument("-o", "--output", metavar="OUT.xlsx",
                   help=pick("xuất ra sổ tính", "write a workbook"))
    _add_format(p)

    p = add("link-previous", cmd_link_previous,
            "liên kết kỳ năm trước: chép kết quả đã công bố của năm trước (chỉ số, thứ hạng, "
            "điểm từng tiêu chí) vào kỳ này để so sánh; đơn vị ánh xạ theo mã",
            "link last year's period: copy its published results (index, rank, points per "
            "criterion) into this period for comparison; units mapped by code")
    p.add_argument("last", metavar="LAST.parapp", help=pick("tệp kỳ năm trước (chỉ đọc)",
                                                           "last year's file (only read)"))
    p = add("map-previous", cmd_map_previous,
            "ánh xạ đơn vị năm trước sang đơn vị năm nay kế thừa (sắp xếp, sáp nhập: nhiều đơn "
            "vị cũ vào một đơn vị mới)", "map last year's units to this year's unit that took "
            "them over (reorganisation: several old units into one new one)")
    p.add_argument("unit", metavar=pick("ĐƠN_VỊ_NĂM_NAY", "UNIT"), nargs="?",
                   help=pick("mã đơn vị năm nay; bỏ trống: không có đơn vị kế thừa",
                             "this year's unit code; omitted: no successor"))
    p.add_argument("--from", dest="previous", nargs="+", required=True,
                   metavar=pick("MÃ_NĂM_TRƯỚC", "OLD_CODE"),
                   help=pick("mã các đơn vị năm trước", "last year's unit codes"))
    p = add("compare", cmd_compare, "so sánh với kỳ năm trước đã liên kết: chỉ số, thứ hạng, "
            "tiêu chí cải thiện hoặc giảm nhiều nhất, theo đơn vị và theo khối",
            "compare with the linked previous period: index, rank, the criteria that improved "
            "or fell most, per unit and per block")
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"), help=pick("chi tiết một đơn vị",
                                                                   "one unit in detail"))
    _add_format(p)

    p = add("expected", cmd_expected, "giữa năm: số tiêu chí thành phần dự kiến đạt điểm tối "
            "đa, theo đơn vị và toàn tỉnh, và những tiêu chí chưa đạt (điểm dự kiến nhập từ "
            "cột «Điểm dự kiến» của trang «Điểm»)", "mid-year: the sub-criteria expected at "
            "full points, per unit and for the province, and those that are not (expected "
            "points from the column «Điểm dự kiến» of the sheet «Điểm»)")
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"), help=pick("chi tiết một đơn vị",
                                                                   "one unit in detail"))
    _add_format(p)

    p = add("report", cmd_report,
            "văn bản theo NĐ 30/2020 (PDF để ký, hoặc bản Word .docx để sửa): quyết định công bố "
            "kèm phụ lục, phụ lục xếp hạng, phụ lục SIPAS, xếp loại người đứng đầu, thông báo kết "
            "quả thẩm định của đơn vị, báo cáo kết quả (kèm biểu đồ), báo cáo tự đánh giá của đơn "
            "vị",
            "official documents (Decree 30/2020; PDF to sign, or a .docx draft to edit): the "
            "decision with its annexes, the ranking annex, the SIPAS annex, the head "
            "classification, a unit's result notice, the results report (with charts), a unit's "
            "self-assessment report", file=False)
    p.add_argument("what", choices=("decision", "annex", "sipas", "heads", "notice", "results",
                                    "self", "unit"),
                   metavar=pick("LOẠI", "WHAT"),
                   help=pick("decision (quyết định kèm các phụ lục, một tệp) | annex (phụ lục xếp "
                             "hạng) | sipas (phụ lục Chỉ số SIPAS) | heads (xếp loại người đứng "
                             "đầu) | notice (thông báo kết quả của một đơn vị: --unit, hoặc "
                             "--all-units -o THƯ_MỤC) | results (báo cáo kết quả của Sở Nội vụ, "
                             "kèm biểu đồ) | self (báo cáo tự đánh giá của đơn vị: --unit, hoặc "
                             "đơn vị của gói)",
                             "decision (the decision with every annex, one file) | annex "
                             "(ranking annex) | sipas (SIPAS annex) | heads (head classification)"
                             " | notice (a unit's result notice: --unit, or --all-units -o "
                             "FOLDER) | results (Sở Nội vụ's report on the results, with charts) "
                             "| self (a unit's self-assessment report: --unit, or the package's "
                             "unit)"))
    p.add_argument("file", metavar=pick("TỆP", "FILE"))
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.docx",
                   help=pick("định dạng theo phần mở rộng", "the format follows the extension"))
    p.add_argument("--block", metavar=pick("MÃ", "CODE"), help=pick("chỉ một khối", "one block"))
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"),
                   help=pick("đơn vị (thông báo, báo cáo tự đánh giá)",
                             "unit (notice, self-assessment report)"))
    p.add_argument("--all-units", action="store_true",
                   help=pick("thông báo của mọi đơn vị (hoặc của --block) vào thư mục -o",
                             "every unit's notice (or --block's) into the folder -o"))
    p.add_argument("--format", choices=("pdf", "docx"), default="pdf",
                   help=pick("định dạng các thông báo với --all-units",
                             "format of the notices with --all-units"))

    p = add("sign", cmd_sign, "ký số tệp PDF (PAdES) bằng tệp PKCS#12 hoặc thiết bị ký số USB",
            "digitally sign a PDF (PAdES) with a PKCS#12 file or a USB token", file=False)
    p.epilog = pick(
        "PIN hoặc mật khẩu được hỏi khi chạy (không hiện trên màn hình), hoặc đọc một dòng từ "
        "đầu vào chuẩn với --pin-stdin; không bao giờ nhận qua tham số dòng lệnh, vì tham số "
        "hiện trong danh sách tiến trình (ps) và lịch sử lệnh. PIN không được lưu ở đâu cả. "
        "Thiết bị ký số bị khóa sau nhiều lần nhập sai PIN (thường là 3): parapp cảnh báo "
        "trước lần cuối và không thử khi thiết bị đã khóa.",
        "The PIN or passphrase is asked for when run (not echoed), or read as one line from "
        "standard input with --pin-stdin; never taken as an argument, because arguments show "
        "in the process list (ps) and the shell history. The PIN is never stored. A token "
        "locks after repeated wrong PINs (usually 3): parapp warns before the last attempt "
        "and does not try a locked token.")
    p.add_argument("file", metavar="IN.pdf")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help=pick("tệp đã ký (khác tệp gốc; tệp gốc không bị sửa)",
                             "the signed file (not the source; the source is left as is)"))
    p.add_argument("--pkcs12", metavar=pick("TỆP.p12", "FILE.p12"),
                   help=pick("khóa và chứng thư số trong tệp PKCS#12 (.p12/.pfx)",
                             "key and certificate in a PKCS#12 file (.p12/.pfx)"))
    p.add_argument("--pkcs11-lib", metavar=pick("THƯ_VIỆN", "LIB"),
                   help=pick("thư viện PKCS#11 của thiết bị ký số (.so/.dll)",
                             "the token's PKCS#11 library (.so/.dll)"))
    p.add_argument("--token-label", metavar=pick("NHÃN", "LABEL"),
                   help=pick("nhãn của thiết bị (xem: parapp tokens)",
                             "the token's label (see: parapp tokens)"))
    p.add_argument("--key-label", metavar=pick("NHÃN", "LABEL"),
                   help=pick("nhãn của khóa ký trên thiết bị (mặc định: khóa duy nhất)",
                             "the signing key's label on the token (default: the only key)"))
    p.add_argument("--key-id", metavar="HEX", help=pick("mã (CKA_ID) của khóa ký, dạng hex",
                                                        "the signing key's id (CKA_ID), hex"))
    p.add_argument("--pin-stdin", action="store_true",
                   help=pick("đọc PIN/mật khẩu từ dòng đầu của đầu vào chuẩn (cho script)",
                             "read the PIN/passphrase from the first line of stdin (scripts)"))
    p.add_argument("--signature-image", metavar="PNG",
                   help=pick("ảnh chữ ký (màu xanh, nền trong suốt)",
                             "signature image (blue, transparent background)"))
    p.add_argument("--seal-image", metavar="PNG",
                   help=pick("ảnh con dấu của cơ quan (màu đỏ, nền trong suốt)",
                             "the organisation's seal (red, transparent background)"))
    p.add_argument("--reason", metavar=pick("LÝ_DO", "TEXT"), help=pick("lý do ký", "reason"))
    p.add_argument("--expect-signer", metavar=pick("HỌ_TÊN", "NAME"),
                   help=pick("cảnh báo nếu chứng thư số không mang tên này (mặc định: tên người "
                             "ký in trên văn bản do parapp tạo)", "warn when the certificate "
                             "is not in this name (default: the signer printed on a document "
                             "parapp made)"))
    p.add_argument("--location", metavar=pick("NƠI_KÝ", "TEXT"), help=pick("nơi ký",
                                                                          "location"))
    p.add_argument("--page", type=int, metavar="N",
                   help=pick("trang đặt chữ ký, từ 1 (mặc định: trang cuối)",
                             "page for the signature, from 1 (default: the last page)"))
    p.add_argument("--box", metavar="x1,y1,x2,y2",
                   help=pick("khung chữ ký, điểm tính từ góc dưới trái (mặc định: góc dưới "
                             "phải); bỏ qua nếu tài liệu có sẵn ô chữ ký",
                             "signature box in points from the bottom left (default: bottom "
                             "right); ignored when the document has its own signature field"))
    _add_format(p)

    p = add("verify", cmd_verify, "kiểm tra chữ ký số trong tệp PDF",
            "check the digital signatures of a PDF", file=False)
    p.epilog = pick(
        "Mã thoát: 0 khi mọi chữ ký hợp lệ và được tin cậy theo các chứng thư gốc --trust; "
        "3 khi mọi chữ ký nguyên vẹn, hợp lệ nhưng chưa kiểm tra độ tin cậy (không có --trust: "
        "ai cũng tự tạo được chứng thư số mang tên bất kỳ); 1 khi có chữ ký không đạt hoặc tệp "
        "không có chữ ký; 2 khi không đọc được tệp hoặc chứng thư gốc. Một chữ ký đạt khi "
        "nguyên vẹn, đúng với chứng thư số, chứng thư còn hiệu lực lúc ký và dùng để ký văn "
        "bản, tài liệu không bị sửa sau khi ký (trừ ký thêm/điền biểu mẫu) và không có dữ liệu "
        "nối thêm sau phần cuối của tệp. --format json: \"status\" là trusted, "
        "trust_not_checked hoặc failed.",
        "Exit status: 0 when every signature is valid and trusted by the --trust roots; 3 when "
        "every signature is intact and valid but trust was not checked (no --trust: anyone can "
        "make a certificate in any name); 1 when a signature failed or the file has none; 2 "
        "when the file or a root certificate cannot be read. A signature passes when it is "
        "intact, matches its certificate, the certificate was valid at the signing time and "
        "is for signing documents, the document was not modified after signing (other than "
        "further signatures or form filling) and nothing was appended after the end of the "
        "file. --format json: \"status\" is trusted, trust_not_checked or failed.")
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument("--trust", action="append", metavar="ROOT.pem",
                   help=pick("chứng thư gốc được tin cậy (PEM/DER; lặp lại được)",
                             "a trusted root certificate (PEM/DER; repeatable)"))
    _add_format(p)

    p = add("tokens", cmd_tokens, "liệt kê thiết bị ký số và chứng thư số trên đó",
            "list signing tokens and their certificates", file=False)
    p.add_argument("--pkcs11-lib", required=True, metavar=pick("THƯ_VIỆN", "LIB"),
                   help=pick("thư viện PKCS#11 của thiết bị ký số", "the token's PKCS#11 "
                             "library"))
    p.add_argument("--token-label", metavar=pick("NHÃN", "LABEL"),
                   help=pick("liệt kê chứng thư số trên thiết bị này (không cần PIN)",
                             "list the certificates on this token (no PIN needed)"))
    _add_format(p)

    p = add("key", cmd_key_new, "tạo cặp khóa niêm phong gói cho thành viên Hội đồng hoặc đơn vị",
            "create a council member's or a unit's key pair for sealing packages", file=False)
    p.add_argument("action", choices=("new",), help="new")
    p.add_argument("--member", metavar=pick("MÃ", "CODE"),
                   help=pick("mã thành viên Hội đồng", "council member code"))
    p.add_argument("--unit", metavar=pick("MÃ", "CODE"),
                   help=pick("mã đơn vị (sở, xã, phường)", "unit code (department, commune)"))
    p.add_argument("-o", "--output", metavar="KEY",
                   help=pick("tệp khóa riêng (mặc định: thư mục dữ liệu của parapp)",
                             "private key file (default: parapp's data folder)"))
    p.add_argument("--pin-stdin", action="store_true",
                   help=pick("đọc mật khẩu từ đầu vào chuẩn", "read the passphrase from stdin"))

    p = add("member-key", cmd_member_key, "đăng ký khóa của thành viên Hội đồng (Tổ thư ký)",
            "register a council member's key (secretariat)")
    p.add_argument("member", metavar=pick("THÀNH_VIÊN", "MEMBER"))
    p.add_argument("--public-key", metavar="KEY.pub")
    p.add_argument("--fingerprint", metavar="SHA256:…")

    p = add("unit-key", cmd_unit_key, "đăng ký khóa của đơn vị (Tổ thư ký)",
            "register a unit's key (secretariat)")
    p.add_argument("unit", metavar=pick("ĐƠN_VỊ", "UNIT"))
    p.add_argument("--public-key", metavar="KEY.pub")
    p.add_argument("--fingerprint", metavar="SHA256:…")

    p = add("member-units", cmd_member_units,
            "giới hạn các đơn vị một thành viên thẩm định (không ghi đơn vị: tất cả)",
            "limit the units a member appraises (no unit: all)")
    p.add_argument("member", metavar=pick("THÀNH_VIÊN", "MEMBER"))
    p.add_argument("units", nargs="*", metavar=pick("ĐƠN_VỊ", "UNIT"))

    p = add("package", lambda a: a.package_func(a),
            "gói của thành viên Hội đồng và của đơn vị: xuất, niêm phong",
            "council members' and units' packages: export, seal", file=False)
    actions = p.add_subparsers(dest="action", metavar=pick("VIỆC", "ACTION"), required=True,
                               parser_class=_Parser)
    q = actions.add_parser("export", help=pick("xuất gói cho một thành viên hoặc đơn vị",
                                               "export a member's or a unit's package"))
    q.add_argument("file", metavar=pick("TỆP", "FILE"))
    q.add_argument("--member", metavar=pick("MÃ", "CODE"),
                   help=pick("gói thẩm định của thành viên Hội đồng",
                             "a council member's appraisal package"))
    q.add_argument("--unit", metavar=pick("MÃ", "CODE"),
                   help=pick("gói của một đơn vị (tự đánh giá, hoặc giải trình với --round 1)",
                             "a unit's package (self-assessment, or explanation with --round 1)"))
    q.add_argument("--all-units", metavar=pick("KHỐI", "BLOCK"), nargs="?", const="",
                   help=pick("gói của mọi đơn vị trong khối (không ghi khối: mọi khối), vào thư "
                             "mục -o", "every unit's package of the block (no block: every "
                             "block), into the folder -o"))
    q.add_argument("-o", "--output", required=True, metavar="OUT.parapp",
                   help=pick("tệp gói (thư mục với --all-units)",
                             "the package file (a folder with --all-units)"))
    q.add_argument("--round", type=int, default=None, choices=(0, 1, 2),
                   help=pick("thành viên: 1 thẩm định (mặc định), 2 sau giải trình; đơn vị: 0 tự "
                             "đánh giá (mặc định), 1 giải trình sau vòng 1",
                             "member: 1 appraisal (default), 2 after the explanations; unit: 0 "
                             "self-assessment (default), 1 explanation after round 1"))
    q.set_defaults(package_func=cmd_package_export)
    q = actions.add_parser("seal", help=pick("niêm phong gói để gửi lại", "seal a package"))
    q.add_argument("file", metavar="PACKAGE.parapp")
    q.add_argument("--key", metavar="KEY", help=pick("tệp khóa riêng (mặc định: của thành viên)",
                                                     "private key (default: the member's)"))
    q.add_argument("--pin-stdin", action="store_true",
                   help=pick("đọc mật khẩu từ đầu vào chuẩn", "read the passphrase from stdin"))
    q.set_defaults(package_func=cmd_package_seal)

    p = add("merge", cmd_merge, "hợp nhất các gói đã niêm phong vào tệp của Tổ thư ký",
            "merge sealed packages into the master file")
    p.add_argument("packages", nargs="+", metavar="PACKAGE.parapp")
    p.add_argument("--policy", default="fail", choices=("fail", "keep-master", "take-package"),
                   help=pick("xử lý xung đột: fail (mặc định, không hợp nhất gì), keep-master, "
                             "take-package (cần --reason)", "conflicts: fail (default, merge "
                             "nothing), keep-master, take-package (needs --reason)"))
    p.add_argument("--reason", help=pick("lý do giải quyết xung đột", "why conflicts are "
                                         "resolved so"))
    p.add_argument("--accept-late", metavar=pick("LÝ_DO", "REASON"),
                   help=pick("chấp nhận gói nộp sau hạn hoặc ngoài giai đoạn của nó, ghi lý do "
                             "vào nhật ký", "accept packages returned after the deadline or "
                             "outside their phase, the reason kept in the audit log"))
    p.add_argument("--dry-run", action="store_true",
                   help=pick("chỉ liệt kê thay đổi và xung đột", "list changes and conflicts only"))
    _add_format(p)

    p = add("merge-report", cmd_merge_report, "báo cáo các lần hợp nhất (Excel)",
            "report the merges (Excel)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    return parser


def _subcommands() -> set[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def _no_command(word: str, commands: set[str]) -> str:
    """The usage error for a word that is neither a subcommand nor a file."""
    near = difflib.get_close_matches(word, sorted(commands), n=3, cutoff=0.5)
    if near:
        listed = ", ".join(f"'{c}'" for c in near)
        return pick(f"không có lệnh '{word}' (gần nhất: {listed})",
                    f"no command '{word}' (nearest: {listed})")
    listed = ", ".join(sorted(commands))
    return pick(f"không có lệnh '{word}' (các lệnh: {listed})",
                f"no command '{word}' (commands: {listed})")


def _no_display() -> bool:
    """No display for the window: Qt would abort with its own message about plugins."""
    platforms = {p.split(":")[0] for p in os.environ.get("QT_QPA_PLATFORM", "").split(";")}
    on_a_display = platforms <= {"", "xcb", "wayland", "wayland-egl"}  # not offscreen, vnc…
    return (sys.platform not in ("win32", "darwin") and on_a_display
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"))


def _run_gui(argv: list[str], positional: list[str], commands: set[str]) -> int:
    """`parapp [FILE] [--lang L]`: the window. A word that is not a file and looks like a
    command (no folder, no suffix) is a mistyped command: refused, so a script never waits on
    a window it did not ask for."""
    parser = build_parser()
    first = positional[0] if positional else None
    if first is not None and not Path(first).exists() and "/" not in first \
            and os.sep not in first and not Path(first).suffix:
        parser.error(_no_command(first, commands))
    if len(positional) > 1:
        parser.error(pick(f"cửa sổ mở một tệp; thừa: {' '.join(positional[1:])}",
                          f"the window opens one file; extra: {' '.join(positional[1:])}"))
    args = parser.parse_args([a for a in argv if a not in positional])  # only options left
    logs.setup(args.log_level)
    if _no_display():
        _error(pick("không có màn hình (DISPLAY, WAYLAND_DISPLAY chưa đặt) nên không mở được "
                    "cửa sổ; các lệnh không cần cửa sổ: parapp --help",
                    "no display (DISPLAY, WAYLAND_DISPLAY unset), so the window cannot open; "
                    "commands that need no window: parapp --help"))
        return 1
    try:
        from parapp.ui.app import run_gui  # Qt is imported only for the GUI
    except ImportError as exc:
        if "DLL load failed" in str(exc):  # Windows: a file of the bundle missing or held back
            _error(pick(f"thiếu thư viện Qt cần để mở cửa sổ ({exc}); hãy giải nén lại toàn bộ "
                        "tệp .zip của parapp vào một thư mục mới (có thể giải nén chưa hết, hoặc "
                        "phần mềm diệt virus đã cách ly một tệp)",
                        f"a library Qt needs to open the window is missing ({exc}); extract the "
                        "whole parapp .zip again into a new folder (it may have been extracted "
                        "in part, or an antivirus may have quarantined a file)"))
            return 1
        if "shared object" not in str(exc):
            raise
        _error(pick(f"thiếu thư viện Qt cần để mở cửa sổ ({exc}); cài bằng: sudo sh "
                    "scripts/system-deps.sh (Debian/Ubuntu)",
                    f"a shared library Qt needs is missing ({exc}); install it with: sudo sh "
                    "scripts/system-deps.sh (Debian/Ubuntu)"))
        return 1
    _imported()
    return run_gui(first)


def _utf8_output() -> None:
    """Print UTF-8 wherever stdout and stderr go. Redirected to a file or a pipe on Windows
    (`> log.txt`, a scheduled task), Python encodes with the ANSI code page (cp1252), which has
    no "Đ" or "ỗ": every Vietnamese line would end in UnicodeEncodeError. A console is written
    in UTF-16 whatever the encoding; a stream that is not a real one (None in the windowed
    program, a test's capture) is left alone."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in ("utf-8",
                                                                                     "utf8"):
            stream.reconfigure(encoding="utf-8", errors=stream.errors)  # stderr: backslashes


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    _process["whole"] = argv is None
    if argv is None:
        gc.disable()  # until the command's libraries are in (_imported)
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1] and argv[argv.index("--lang") + 1] in LANGUAGES:
        set_language(argv[argv.index("--lang") + 1])  # a wrong value: argparse says so
    positional = [a for i, a in enumerate(argv)
                  if not a.startswith("-") and (i == 0 or argv[i - 1] not in VALUED_OPTIONS)]
    commands = _subcommands()
    first = positional[0] if positional else None
    if first not in commands and not any(a in ("-h", "--help", "--version") for a in argv):
        return _run_gui(argv, positional, commands)
    parser = build_parser()
    args = parser.parse_args(argv)
    logs.setup(args.log_level)
    with logs.timed(f"parapp {args.command}", log, argv=" ".join(argv)) as op:
        code = _run(args)
        op.outcome = f"exit {code}"
    return code


def _run(args) -> int:
    """The command's exit code; an error is one line on stderr, its traceback in the log."""
    try:
        return args.func(args)
    except ParappError as exc:
        log.warning("%s", exc)
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line; the traceback goes to the log
        log.exception("unexpected error")
        if os.environ.get("PARAPP_DEBUG"):
            traceback.print_exc()
        where = logs.log_path()
        details = (pick(f"chi tiết trong {where}", f"details in {where}") if where else
                   pick("đặt PARAPP_DEBUG=1 để xem chi tiết", "set PARAPP_DEBUG=1 for details"))
        _note(f"{pick('lỗi không mong đợi', 'unexpected error')}: {exc!r} ({details})")
        return 2
