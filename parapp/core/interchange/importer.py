"""All-or-nothing spreadsheet imports: criteria, units, scores, survey results, adjustments.

Every import reads and checks the whole sheet first and reports every problem at once (sheet,
cell, Vietnamese message); only a clean file is applied, in one transaction, and only what
differs from the period is written, so importing the same file again changes nothing. The audit
log records the file name and SHA-256 as the source of each change. An appraisal that a council
member entered in the app is never replaced by an import unless `overwrite` is given; what was
kept or replaced is listed in the report.

`plan_import` checks a workbook and works out what importing it would change without writing
anything (the window shows the conflicting appraisals before the user decides); `apply_plan`
writes it; `import_file` does both.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from parapp.core.criteria import (
    CriteriaTree,
    Method,
    Node,
    Source,
    bands_of,
    check_max,
    check_points,
    code_key,
    figure_points,
    levels_of,
    needs_reason,
    parse_figure,
    per_case_of,
    threshold_of,
)
from parapp.core.errors import ParappError, ValidationError
from parapp.core.files import discard, put_in_place, work_path
from parapp.core.i18n import count, pick
from parapp.core.interchange.columns import LAYOUTS, fold, normalise
from parapp.core.interchange.xlsx import (
    Cell,
    ImportCancelled,
    ImportFailed,
    Row,
    Sheet,
    number,
    read_sheet,
    yes,
)
from parapp.core.lock import check_new_file
from parapp.core.models import (
    Adjustment,
    Block,
    BonusItem,
    Criterion,
    Exclusion,
    Member,
    Score,
    SurveyItem,
    SurveyResult,
    Unit,
)
from parapp.core.numbers import HUNDRED, ZERO, canonical, fmt, parse_date
from parapp.core.phases import FIELD_LABELS
from parapp.core.scoring import check_adjustment
from parapp.core.store import Edit, Store, gc_paused

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel
IMPORT_SOURCE = "nhập"  # prefix of the audit source of every import


@dataclass(frozen=True)
class Conflict:
    """An appraisal a council member entered in parapp that the workbook would change."""
    ref: str  # "Điểm!17": the workbook's row
    unit: str
    unit_name: str
    criterion: str
    criterion_name: str
    round: int  # 1 or 2
    current: Decimal
    current_note: str
    workbook: Decimal
    workbook_note: str

    def __str__(self) -> str:
        return (f"{self.ref}: đơn vị {self.unit}, tiêu chí {self.criterion}: "
                f"{'lần 2 ' if self.round == 2 else ''}{fmt(self.current, 2, comma=True)} → "
                f"{fmt(self.workbook, 2, comma=True)}")


@dataclass
class ImportReport:
    kind: str
    path: Path
    sha256: str
    rows: int = 0
    changed: int = 0  # rows that changed something
    created: dict[str, int] = field(default_factory=dict)
    # the blocks and members created, by name: where a typo in a workbook would otherwise
    # pass as a new department or block unnoticed
    new_names: dict[str, list[str]] = field(default_factory=dict)
    overwrite: bool = False  # whether the conflicts below are replaced or kept
    conflicts: list[Conflict] = field(default_factory=list)
    # the transaction that wrote the import ("" when nothing changed): Store.revert(txn)
    # undoes the whole import, whatever it created or changed
    txn: str = ""

    @property
    def kept(self) -> list[str]:
        """Appraisals entered in the app that the import left as they were."""
        return [] if self.overwrite else [str(c) for c in self.conflicts]

    @property
    def replaced(self) -> list[str]:
        """Appraisals entered in the app that the import replaced (overwrite)."""
        return [str(c) for c in self.conflicts] if self.overwrite else []

    def lines(self, digest: bool = True) -> list[str]:
        """What the import did, in the language shown: the file (with its SHA-256, which the
        audit log names as the source, unless `digest` is False: the window puts it in the
        details), the rows, what was created, and each appraisal kept or replaced."""
        name = f"{self.path.name} (SHA-256 {self.sha256[:12]}…)" if digest else self.path.name
        out = [pick(f"{name}: {self.rows} dòng, {self.changed} dòng có thay đổi"
                    + (", không có gì thay đổi" if not self.changed else ""),
                    f"{name}: {count(self.rows, 'row')}, {self.changed} with changes"
                    + (", nothing changed" if not self.changed else ""))]
        names = {"blocks": ("khối", "block", None),
                 "members": ("cơ quan thẩm định", "member", None),
                 "criteria": ("tiêu chí", "criterion", "criteria"),
                 "units": ("đơn vị", "unit", None),
                 "adjustments": ("dòng thưởng/trừ", "bonus or penalty line", None),
                 "bonus_items": ("mục thưởng/trừ", "bonus or penalty item", None)}
        created = []
        for kind, n in self.created.items():
            if n:
                which = self.new_names.get(kind)
                shown = f" ({'; '.join(which)})" if which else ""
                created.append((f"{n} {names[kind][0]}{shown}",
                                count(n, *names[kind][1:]) + shown))
        if created:
            out.append(pick("Tạo mới: " + ", ".join(vi for vi, _ in created),
                            "Created: " + ", ".join(en for _, en in created)))
        if self.kept:
            out.append(pick(f"Giữ nguyên {len(self.kept)} điểm thẩm định do thành viên Hội đồng "
                            "đã nhập trong phần mềm:", f"Kept {count(len(self.kept), 'appraisal')} "
                            "council members entered in parapp:"))
            out += [f"  {k}" for k in self.kept]
        if self.replaced:
            out.append(pick(f"Đã ghi đè {len(self.replaced)} điểm thẩm định:",
                            f"Replaced {count(len(self.replaced), 'appraisal')}:"))
            out += [f"  {r}" for r in self.replaced]
        return out


@dataclass
class ImportPlan:
    """A checked workbook and what importing it would change; nothing is written yet."""
    sheet: Sheet  # the rows as read: applying the plan never reads the file again
    report: ImportReport  # as it will be once applied (no `txn` yet)
    steps: list[Callable[[Edit], Any]]
    store: Store  # the connection the plan was worked out on


@gc_paused()
def plan_import(store: Store, kind: str, path: Path | str, overwrite: bool = False,
                cancelled: Callable[[], bool] | None = None) -> ImportPlan:
    """Read and check `path` and work out the changes, writing nothing. Raises ImportFailed
    (every problem listed), or ImportCancelled once `cancelled()` says so while it reads."""
    path = Path(path)
    layout = LAYOUTS.get(kind)
    if layout is None:
        raise ParappError(f"Không có loại dữ liệu '{kind}' (có: {', '.join(LAYOUTS)})",
                          f"No data kind '{kind}' (known: {', '.join(LAYOUTS)})")
    sheet = read_sheet(path, layout, cancelled)
    if cancelled is not None and cancelled():  # read: planning checks every row again
        raise ImportCancelled(path)
    return _plan(store, kind, path, sheet, overwrite)


def _plan(store: Store, kind: str, path: Path, sheet: Sheet, overwrite: bool) -> ImportPlan:
    # the digest is of the bytes read: the file may change while this import runs
    report = ImportReport(kind, path, sheet.sha256, rows=len(sheet.rows), overwrite=overwrite)
    planner = _PLANNERS[kind](store, sheet, report, overwrite)
    errors = planner.plan()
    if errors:
        raise ImportFailed(path, errors)
    return ImportPlan(sheet, report, planner.steps, store)


@gc_paused()
def apply_plan(store: Store, plan: ImportPlan, overwrite: bool | None = None,
               progress: Progress | None = None) -> ImportReport:
    """Write `plan` in one transaction; `overwrite`, when given, decides its conflicts. A plan
    made on another connection (the window's preview) or for the other choice is worked out
    again from the rows already read, against the period as it is now. Raises ImportFailed or
    ImportCancelled (nothing changed either way)."""
    report = plan.report
    if overwrite is None:
        overwrite = report.overwrite
    if plan.store is not store or overwrite != report.overwrite:
        plan = _plan(store, report.kind, report.path, plan.sheet, overwrite)
        report = plan.report
    source = (f"{IMPORT_SOURCE} {LAYOUTS[report.kind].sheet.lower()}: {report.path.name} "
              f"(SHA-256 {report.sha256})")
    if plan.steps:
        try:
            with store.edit(source) as ed:
                for done, step in enumerate(plan.steps, start=1):  # a row or a batch of rows
                    step(ed)
                    if progress and progress(done, len(plan.steps)) is False:
                        raise ImportCancelled(report.path)
        except ValidationError as exc:  # the write path's own rules (the phase, a package's
            if isinstance(exc, ImportFailed):  # part): the refusal names the workbook
                raise
            name = report.path.name
            raise ImportFailed(report.path, [f"{name}: {exc.vi}"], f"{name}: {exc.en}") from None
        report.txn = ed.txn
    return report


def import_file(store: Store, kind: str, path: Path | str, overwrite: bool = False,
                progress: Progress | None = None) -> ImportReport:
    """Import one kind of sheet from `path` into the open period. Raises ImportFailed (every
    problem listed, nothing changed) or ImportCancelled (nothing changed)."""
    return apply_plan(store, plan_import(store, kind, path, overwrite), progress=progress)


def _same(a: Any, b: Any) -> bool:
    return (a or None) == (b or None) if not isinstance(a, Decimal) else a == b


class _Planner:
    """Reads the period, checks every row, and collects the steps that change something."""

    def __init__(self, store: Store, sheet, report: ImportReport, overwrite: bool):
        self.store, self.sheet, self.report, self.overwrite = store, sheet, report, overwrite
        self.errors: list[str] = []
        self.steps: list[Callable[[Edit], Any]] = []
        with store.session() as s:
            self.units = {u.code: u for u in s.scalars(select(Unit).where(Unit.deleted.is_(False)))}
            self.blocks = {b.code: b for b in s.scalars(select(Block).where(
                Block.deleted.is_(False)))}
            block_code = {b.id: b.code for b in self.blocks.values()}
            self.block_of_unit = {u.code: block_code[u.block_id] for u in self.units.values()}
            self.members = list(s.scalars(select(Member).where(Member.deleted.is_(False))))
            self.load(s)
        self.tree = store.tree()

    def load(self, s) -> None:
        pass

    # `...`, not [Edit]: mypy cannot type a lambda whose defaults bind loop variables against
    # a one-argument callable (mypy#15459), and every step here is such a lambda
    def step(self, fn: Callable[..., Any]) -> None:
        self.steps.append(fn)

    def duplicate(self, seen: dict, key, row: Row, ref: str, what: str) -> bool:
        if key in seen:
            self.errors.append(f"{ref}: {what} bị trùng với dòng {seen[key]}")
            return True
        seen[key] = row.number
        return False

    def unit_code(self, row: Row) -> str | None:
        cell = row.get("unit")
        if cell is None:
            self.errors.append(f"{row.cells['unit'].ref}: thiếu mã đơn vị")
            return None
        if cell.text not in self.units:
            self.errors.append(f"{cell.ref}: không có đơn vị mã «{cell.text}» trong kỳ đánh giá")
            return None
        return cell.text

    def plan(self) -> list[str]:
        raise NotImplementedError


# -- criteria --------------------------------------------------------------------------------

_METHOD_NAMES = {
    "cham truc tiep": Method.MANUAL, "co/khong": Method.YESNO, "co / khong": Method.YESNO,
    "theo muc": Method.LEVELS, "theo khoang ty le": Method.BANDS, "theo khoang": Method.BANDS,
    "ty le thuan": Method.PROPORTIONAL, "ty le": Method.PROPORTIONAL,
    "tru theo truong hop": Method.PER_CASE,
}
_SOURCE_NAMES = {"tu danh gia": Source.SELF, "tu cham": Source.SELF,  # as older workbooks say
                 "sipas": Source.SIPAS, "dtxhh": Source.SURVEY,
                 "dieu tra xa hoi hoc": Source.SURVEY}
_CODE = re.compile(r"^\d+(\.\d+)*$")
_WRITTEN_POINTS = ("self_points", "appraisal_points", "appraisal2_points", "expected_points")
_WRITTEN_TEXTS = ("explanation", "appraisal_note", "explanation2", "appraisal2_note")


def _short(value: Decimal) -> str:
    """0,25 / 1 (the workbook's way of writing points: no trailing zeros)."""
    return fmt(value, 2, comma=True).rstrip("0").rstrip(",")


def method_text(method: Method, params: dict) -> str:
    """The 'Cách chấm' cell for a method (the inverse of _parse_method)."""
    if method is Method.LEVELS:
        return "Theo mức: " + "; ".join(fmt(v, 2, comma=True).rstrip("0").rstrip(",")
                                        for v in levels_of(params))
    if method is Method.PER_CASE:
        each, most = per_case_of(params)
        text = f"Trừ theo trường hợp: {_short(each)} mỗi trường hợp"
        return text + (f"; tối đa {_short(most)}" if most is not None else "")
    if method is Method.PROPORTIONAL and threshold_of(params) is not None:
        below = fmt(threshold_of(params), 2, comma=True).rstrip("0").rstrip(",")
        return f"Tỷ lệ thuận: dưới {below}% 0 điểm"
    if method is Method.BANDS:
        return "Theo khoảng tỷ lệ: " + "; ".join(
            f"≥{fmt(a, 2, comma=True).rstrip('0').rstrip(',')}% "
            f"{fmt(b, 2, comma=True).rstrip('0').rstrip(',')}"
            for a, b in bands_of(params))
    return method.label


def _parse_method(cell: Cell | None, errors: list[str]) -> tuple[Method, dict]:
    if cell is None:
        return Method.MANUAL, {}
    head, _, rest = cell.text.partition(":")
    method = _METHOD_NAMES.get(fold(head).strip())
    if method is None:
        errors.append(f"{cell.ref}: cách chấm «{cell.text}» không hợp lệ (Chấm trực tiếp, "
                      "Có/Không, Theo mức: …, Theo khoảng tỷ lệ: …, Tỷ lệ thuận, Trừ theo trường "
                      "hợp: …)")
        return Method.MANUAL, {}
    parts = [p.strip() for p in rest.split(";") if p.strip()]
    if method is Method.LEVELS:
        levels = [number(Cell(cell.ref, p), errors, "mức") for p in parts]
        if not parts:
            errors.append(f"{cell.ref}: «Theo mức» cần danh sách mức, ví dụ «Theo mức: 1; 0,5; 0»")
        return method, {"levels": [canonical(v) for v in levels if v is not None]}
    if method is Method.BANDS:
        bands = []
        for p in parts:
            m = re.match(r"^(?:≥|>=)?\s*([\d.,]+)\s*%\s*(?:→|->|:)?\s*([\d.,]+)$", p)
            if not m:
                errors.append(f"{cell.ref}: khoảng «{p}» không đúng dạng «≥80% 1»")
                continue
            lo = number(Cell(cell.ref, m.group(1)), errors)
            pts = number(Cell(cell.ref, m.group(2)), errors)
            if lo is not None and pts is not None:
                bands.append([canonical(lo), canonical(pts)])
        if not parts:
            errors.append(f"{cell.ref}: «Theo khoảng tỷ lệ» cần các khoảng, ví dụ "
                          "«Theo khoảng tỷ lệ: ≥100% 2; ≥80% 1; ≥0% 0»")
        return method, {"bands": bands}
    if method is Method.PER_CASE:
        m = re.match(r"^([\d.,]+)(?:\s*diem)?(?:\s*(?:moi|/)\s*truong hop)?$",
                     fold(parts[0])) if parts else None
        most = re.match(r"^toi da\s*([\d.,]+)(?:\s*diem)?$", fold(parts[1])) \
            if len(parts) == 2 else None
        if m is None or len(parts) > 2 or (len(parts) == 2 and most is None):
            errors.append(f"{cell.ref}: «{cell.text}»: trừ theo trường hợp cần số điểm trừ mỗi "
                          "trường hợp, ví dụ «Trừ theo trường hợp: 0,25 mỗi trường hợp; tối đa 1»")
            return method, {}
        each = number(Cell(cell.ref, m.group(1)), errors, "điểm trừ")
        params = {"per_case": canonical(each)} if each is not None else {}
        if most is not None:
            top = number(Cell(cell.ref, most.group(1)), errors, "tối đa")
            if top is not None:
                params["most"] = canonical(top)
        return method, params
    if method is Method.PROPORTIONAL and parts:
        m = re.match(r"^(?:duoi|<)\s*([\d.,]+)\s*%(?:\s*:?\s*0(?:\s*diem)?)?$", fold(parts[0]))
        if len(parts) > 1 or not m:
            errors.append(f"{cell.ref}: «{cell.text}»: tỷ lệ thuận chỉ nhận một ngưỡng, ví dụ "
                          "«Tỷ lệ thuận: dưới 50% 0 điểm»")
            return method, {}
        below = number(Cell(cell.ref, m.group(1)), errors, "ngưỡng")
        return method, {"threshold": canonical(below)} if below is not None else {}
    return method, {}


class _Criteria(_Planner):
    def load(self, s) -> None:
        self.existing = {c.code: c for c in s.scalars(select(Criterion).where(
            Criterion.deleted.is_(False)))}
        # what the units have written, by criterion: the criteria may change under it only
        # where it still counts and stays valid (`_scores_kept`)
        self.written: dict[str, list[tuple[str, str, str, Decimal | None]]] = {}
        for crit, unit, block, *values in s.execute(
                select(Criterion.code, Unit.code, Block.code, *(
                    getattr(Score, f) for f in (*_WRITTEN_POINTS, *_WRITTEN_TEXTS)))
                .join(Score.criterion).join(Score.unit).join(Unit.block)
                .where(Score.deleted.is_(False), Unit.deleted.is_(False),
                       Criterion.deleted.is_(False))):
            entries = [(unit, block, f, v) for f, v in zip(_WRITTEN_POINTS, values)
                       if v is not None]
            if entries or any(values[len(_WRITTEN_POINTS):]):
                self.written.setdefault(crit, []).extend(entries or [(unit, block, "", None)])

    def _scores_kept(self, tree: CriteriaTree, rows: dict[str, tuple[Row, dict]]) -> list[str]:
        """Refusals where the file would leave a unit's written score behind: a criterion it
        gives a child or another source (its scores would no longer count), or a maximum,
        method or levels the score no longer fits. Named at the file's row."""
        out = []
        for code in sorted(self.written, key=code_key):
            entries, node = self.written[code], tree.by_code.get(code)
            if node is None:
                continue
            units = sorted({unit for unit, *_ in entries})
            who = ", ".join(units[:3]) + (", …" if len(units) > 3 else "")
            child = min((c for c in rows if c.rsplit(".", 1)[0] == code), key=code_key,
                        default=None)
            if child is not None and not tree.is_leaf(node.key):
                out.append(f"{rows[child][1]['ref']}: tiêu chí {child} đặt dưới tiêu chí {code}, "
                           f"nơi {len(units)} đơn vị đã có điểm hoặc giải trình ({who}); những "
                           "điểm đó sẽ không còn được tính — hãy xóa chúng trước, hoặc đặt tiêu "
                           "chí mới ở chỗ khác")
                continue
            if code not in rows:
                continue
            ref = rows[code][1]["ref"]
            scored = [(u, b, f, v) for u, b, f, v in entries if v is not None]
            if node.source is not Source.SELF and scored:
                out.append(f"{ref}: tiêu chí {code} lấy điểm từ {node.source.label}, nhưng "
                           f"{len({u for u, *_ in scored})} đơn vị đã có điểm ({who}); những "
                           "điểm đó sẽ không còn được tính")
                continue
            broken = [(unit, f"{unit}: {FIELD_LABELS[f][0]} {fmt(points)} — {problem}")
                      for unit, block, f, points in sorted(scored, key=lambda e: e[0])
                      if (problem := check_points(node, block, points))]
            if broken:
                said = [text for _unit, text in broken]
                out.append(f"{ref}: tiêu chí {code}: điểm đã ghi của "
                           f"{len({unit for unit, _text in broken})} đơn vị không còn hợp lệ "
                           f"với thay đổi này ({'; '.join(said[:3])}"
                           f"{'; …' if len(said) > 3 else ''}); hãy sửa điểm trước")
        return out

    def member_code(self, cell: Cell | None) -> str | None:
        """The member a cell names, by code or department; written without its accents
        ('So Noi vu') when that names exactly one. None: a department the period lacks."""
        if cell is None:
            return None
        for m in self.members:
            if normalise(m.code) == normalise(cell.text) or \
                    normalise(m.department) == normalise(cell.text):
                return m.code
        bare = [m.code for m in self.members if fold(m.department) == fold(cell.text)]
        return bare[0] if len(bare) == 1 else None

    def plan(self) -> list[str]:
        sheet, errors = self.sheet, self.errors
        if "max" not in sheet.columns and not sheet.block_columns:
            errors.append(f"{sheet.title}!1: cần cột «Điểm tối đa» hoặc «Điểm tối đa (<mã khối>)»")
            return errors
        rows: dict[str, tuple[Row, dict]] = {}
        seen: dict[str, int] = {}
        new_members: dict[str, str] = {}
        for row in sheet.rows:
            code_cell = row.get("code")
            if code_cell is None:
                errors.append(f"{row.cells['code'].ref}: thiếu mã tiêu chí")
                continue
            code = code_cell.text.rstrip(".")
            if isinstance(code_cell.value, float) and code_cell.value.is_integer():
                code = str(int(code_cell.value))
            if not _CODE.match(code):
                errors.append(f"{code_cell.ref}: mã «{code_cell.text}» không đúng dạng 1, 1.2, "
                              "1.2.3")
                continue
            if self.duplicate(seen, code, row, code_cell.ref, f"mã «{code}»"):
                continue
            name = row.get("name")
            if name is None:
                errors.append(f"{row.cells['name'].ref}: thiếu nội dung tiêu chí")
            top = number(row.get("max"), errors, "điểm tối đa") if row.get("max") else None
            block_max = {}
            for block, cell in row.block_max.items():
                if not cell.blank:
                    block_max[block] = number(cell, errors, "điểm tối đa")
            if top is None and not any(v is not None for v in block_max.values()):
                errors.append(f"{code_cell.ref}: thiếu điểm tối đa của tiêu chí {code}")
                continue
            for value, cell, of_block in [(top, row.get("max"), False)] + [
                    (block_max.get(b), row.block_max[b], True) for b in block_max]:
                problem = check_max(value, of_block) if value is not None else None
                if problem:
                    errors.append(f"{cell.ref}: «{cell.text}»: {problem}")
            method, params = _parse_method(row.get("method"), errors)
            source = Source.SELF
            if row.get("source"):
                named = _SOURCE_NAMES.get(fold(row.get("source").text))
                if named is None:
                    errors.append(f"{row.get('source').ref}: nguồn điểm «{row.get('source').text}»"
                                  " không hợp lệ (Tự đánh giá, SIPAS, ĐTXHH)")
                else:
                    source = named
            appraiser = None
            if row.get("appraiser"):
                appraiser = self.member_code(row.get("appraiser"))
                if appraiser is None:
                    department = row.get("appraiser").text
                    appraiser = new_members.setdefault(department, _member_code(
                        department, {m.code for m in self.members} | set(new_members.values())))
            rows[code] = (row, {
                "name": name.text if name else "", "top": top, "block_max": block_max,
                "method": method, "params": params, "source": source, "appraiser": appraiser,
                "evidence": yes(row.get("evidence"), errors), "ref": code_cell.ref,
                "guidance": row.get("guidance").text if row.get("guidance") else "",
                "evidence_guidance": row.get("evidence_guidance").text
                if row.get("evidence_guidance") else ""})
        if errors:
            return errors
        blocks = sorted(set(self.blocks) | set(sheet.block_columns)) or [None]
        # check the resulting tree: the file's rows over what the period already has
        nodes = {}  # keyed by code here: the file's rows have no UUIDs yet
        for key in self.tree.preorder:
            node = self.tree.nodes[key]
            parent = self.tree.nodes[node.parent].code if node.parent else None
            nodes[node.code] = replace(node, key=node.code, parent=parent)
        for code, (_row, d) in rows.items():
            default = d["top"] if d["top"] is not None else max(
                v for v in d["block_max"].values() if v is not None)
            parent = code.rsplit(".", 1)[0] if "." in code else None
            nodes[code] = Node(code, code, d["name"], parent, default,
                               {b: v for b, v in d["block_max"].items() if v is not None},
                               d["method"], d["params"], d["source"])
            d["default"] = default
        for code, node in nodes.items():
            if node.parent is not None and node.parent not in nodes:
                ref = rows[code][1]["ref"] if code in rows else code
                errors.append(f"{ref}: tiêu chí {code} không có tiêu chí cha {node.parent}")
        if errors:
            return errors
        tree = CriteriaTree(nodes.values())
        for finding in tree.validate(blocks):
            if finding.severity != "error":
                continue
            code = finding.where.rsplit(" ", 1)[-1]
            ref = rows[code][1]["ref"] if code in rows else f"{sheet.title}"
            errors.append(f"{ref}: {finding}")
        errors += self._scores_kept(tree, rows)
        if errors:
            return errors
        created = {"blocks": 0, "members": 0, "criteria": 0}
        for block in sheet.block_columns:
            if block not in self.blocks:
                created["blocks"] += 1
                self.report.new_names.setdefault("blocks", []).append(block)
                self.step(lambda ed, b=block: ed.add_block(b, b))
        for department, code in new_members.items():
            created["members"] += 1
            self.report.new_names.setdefault("members", []).append(f"{department} — {code}")
            self.step(lambda ed, c=code, d=department: ed.add_member(c, d))
        for code in sorted(rows, key=code_key):
            row, d = rows[code]
            block_max = {b: d["block_max"].get(b) for b in sheet.block_columns}
            parent = code.rsplit(".", 1)[0] if "." in code else None
            current = self.existing.get(code)
            if current is None:
                created["criteria"] += 1
                self.report.changed += 1
                self.step(lambda ed, code=code, d=d, parent=parent, bm=block_max: ed.add_criterion(
                    code, d["name"], d["default"], parent,
                    block_max={b: v for b, v in bm.items() if v is not None},
                    method=d["method"].value, params=d["params"], source=d["source"].value,
                    evidence_required=d["evidence"], appraiser=d["appraiser"],
                    guidance=d["guidance"], evidence_guidance=d["evidence_guidance"]))
                continue
            node = self.tree.by_code[code]
            fields = {k: v for k, v in (
                ("name", d["name"]), ("max_points", d["default"]), ("method", d["method"].value),
                ("params", d["params"]), ("source", d["source"].value),
                ("evidence_required", d["evidence"]),
                # a workbook without the column keeps what the period has
                *[(k, d[k]) for k in ("guidance", "evidence_guidance")
                  if k in self.sheet.columns])
                if (_numbers(getattr(current, k)) != _numbers(v) if k == "params"
                    else getattr(current, k) != v)}
            wanted_max = {b: (v if v != d["default"] else None) for b, v in block_max.items()}
            changed_max = {b: v for b, v in wanted_max.items()
                           if node.block_max.get(b) != v}
            appraiser = d["appraiser"] if d["appraiser"] != node.appraiser and (
                "appraiser" in self.sheet.columns) else None
            if fields or changed_max or appraiser is not None:
                self.report.changed += 1
                self.step(lambda ed, code=code, f=fields, bm=changed_max, a=appraiser:
                          ed.update_criterion(code, block_max=bm, appraiser=a, **f))
        self.report.created = created
        return errors


def _member_code(department: str, taken: set[str]) -> str:
    """A code given as such ('SNV'), else the department's initials: 'Sở Tài chính' → 'STC'."""
    if re.match(r"^[0-9A-Za-z_\-]{1,20}$", department):
        initials = department.upper()
    else:
        initials = "".join(w[0] for w in fold(department).split() if w[0].isalnum()).upper() \
            or "TV"
    code, n = initials, 2
    while code in taken:
        code, n = f"{initials}{n}", n + 1
    return code


def _numbers(value):
    """A method's parameters by what they mean: "1.00", as a period made elsewhere stores
    them, is the "1" an import writes (else importing what was exported changed them all)."""
    if isinstance(value, dict):
        return {k: _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    return value


# -- units -----------------------------------------------------------------------------------

class _Units(_Planner):
    def plan(self) -> list[str]:
        errors = self.errors
        seen: dict[str, int] = {}
        planned: list[tuple[str, dict]] = []
        ranks: list[tuple[int, Cell]] = []
        new_blocks: dict[str, str] = {}
        folded = {c.casefold(): c for c in self.units}  # the codes, ignoring case
        for row in self.sheet.rows:
            cell = row.get("code")
            if cell is None:
                errors.append(f"{row.cells['code'].ref}: thiếu mã đơn vị")
                continue
            code = cell.text
            if not re.match(r"^[0-9A-Za-z_.\-]{1,50}$", code):
                errors.append(f"{cell.ref}: mã đơn vị «{code}» chỉ gồm chữ không dấu, số, . _ -")
                continue
            if self.duplicate(seen, code, row, cell.ref, f"mã đơn vị «{code}»"):
                continue
            # "snv" beside SNV: a second Sở Nội vụ, and two notices whose files Windows merges
            alike = folded.setdefault(code.casefold(), code)
            if alike != code:
                errors.append(f"{cell.ref}: mã đơn vị «{code}» trùng với «{alike}», chỉ khác chữ "
                              "hoa, chữ thường")
                continue
            name = row.get("name")
            if name is None:
                errors.append(f"{row.cells['name'].ref}: thiếu tên đơn vị")
                continue
            block_cell = row.get("block")
            if block_cell is None:
                errors.append(f"{row.cells['block'].ref}: thiếu khối")
                continue
            block = self.block_code(block_cell.text, new_blocks)
            prev = None
            if row.get("prev_rank"):
                value = number(row.get("prev_rank"), errors, "xếp hạng")
                if value is not None and (value != int(value) or value < 1):
                    errors.append(f"{row.get('prev_rank').ref}: xếp hạng năm trước phải là số "
                                  "nguyên dương")
                elif value is not None:
                    prev = int(value)
                    ranks.append((prev, row.get("prev_rank")))
            since = None
            if row.get("head_since"):
                since = head_since(row.get("head_since"), errors)
            planned.append((code, {
                "name": name.text, "block": block,
                "head_name": row.get("head_name").text if row.get("head_name") else "",
                "head_title": row.get("head_title").text if row.get("head_title") else "",
                "head_since": since.isoformat() if since else None,
                "prev_rank": prev, "ranked": not yes(row.get("unranked"), errors)}))
        # a rank is a place among the units ranked: never beyond how many the period has
        units_after = len(set(self.units) | {code for code, _d in planned})
        for rank, cell in ranks:
            if rank > units_after:
                errors.append(f"{cell.ref}: xếp hạng năm trước {rank} lớn hơn số đơn vị của kỳ "
                              f"đánh giá ({units_after})")
        if errors:
            return errors
        created = {"blocks": len(new_blocks), "units": 0}
        if new_blocks:
            self.report.new_names["blocks"] = [f"{name} — {code}"
                                               for name, code in new_blocks.items()]
        for name, code in new_blocks.items():
            self.step(lambda ed, c=code, n=name: ed.add_block(c, n, position=len(self.blocks)))
        present = self.sheet.columns
        for code, d in planned:
            unit = self.units.get(code)
            if unit is None:
                created["units"] += 1
                self.report.changed += 1
                self.step(lambda ed, c=code, d=d: ed.add_unit(c, **d))
                continue
            fields = {k: v for k, v in d.items() if k != "block" and (
                k in present or k in ("name",) or (k == "ranked" and "unranked" in present))
                and not _same(getattr(unit, k), v)}
            moved_to = d["block"] if d["block"] != self.block_of_unit[code] else None
            if fields or moved_to:
                self.report.changed += 1
                self.step(lambda ed, c=code, f=fields, b=moved_to: ed.update_unit(c, block=b, **f))
        self.report.created = created
        return errors

    def block_code(self, text: str, new_blocks: dict[str, str]) -> str:
        for code, block in self.blocks.items():
            if normalise(code) == normalise(text) or normalise(block.name) == normalise(text):
                return code
        if text in new_blocks:
            return new_blocks[text]
        if re.match(r"^[0-9A-Za-z_\-]{1,20}$", text):
            code = text.upper()
        else:  # "Khối xã" → "XA"
            words = fold(text).split()
            code = re.sub(r"[^A-Z0-9]", "", "_".join(w for w in words if w != "khoi").upper()) \
                or "KHOI"
        taken = set(self.blocks) | set(new_blocks.values())
        base, n = code, 2
        while code in taken:
            code, n = f"{base}{n}", n + 1
        new_blocks[text] = code
        return code


def head_since(cell: Cell, errors: list[str]) -> date | None:
    """The date a head took up the post: a date cell, or text dd/mm/yyyy (yyyy-mm-dd too). A
    bare number is refused: it is a date only to a cell formatted as one."""
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            pass
    errors.append(f"{cell.ref}: ngày giữ chức vụ «{cell.text}» không phải là ngày "
                  "dạng dd/mm/yyyy")
    return None


# -- scores ----------------------------------------------------------------------------------

class _Scores(_Planner):
    BATCH = 500

    def load(self, s) -> None:
        self.changes: list[tuple[str, str, dict]] = []
        rows = s.execute(select(Unit.code, Criterion.code, Score).join(
            Unit, Score.unit_id == Unit.id).join(Criterion, Score.criterion_id == Criterion.id)
            .where(Score.deleted.is_(False)))
        self.existing = {(u, c): score for u, c, score in rows}
        self.excluded = {(u, c): reason for u, c, reason in s.execute(
            select(Unit.code, Criterion.code, Exclusion.reason)
            .join(Unit, Exclusion.unit_id == Unit.id)
            .join(Criterion, Exclusion.criterion_id == Criterion.id)
            .where(Exclusion.deleted.is_(False)))}

    def plan(self) -> list[str]:
        errors, tree = self.errors, self.tree
        seen: dict[tuple[str, str], int] = {}
        present = self.sheet.columns
        for row in self.sheet.rows:
            unit = self.unit_code(row)
            crit_cell = row.get("criterion")
            if crit_cell is None:
                errors.append(f"{row.cells['criterion'].ref}: thiếu mã tiêu chí")
                continue
            code = crit_cell.text
            if isinstance(crit_cell.value, float) and crit_cell.value.is_integer():
                code = str(int(crit_cell.value))
            node = tree.by_code.get(code)
            if node is None:
                errors.append(f"{crit_cell.ref}: không có tiêu chí mã «{code}» trong bộ chỉ số")
                continue
            if unit is None:
                continue
            if self.duplicate(seen, (unit, code), row, crit_cell.ref,
                              f"đơn vị {unit}, tiêu chí {code}"):
                continue
            block = self.block_of_unit[unit]
            if not tree.is_leaf(node.key):
                scored = [k for k in ("self", "appraisal", "appraisal2", "explanation",
                                      "explanation2", "expected") if row.get(k)]
                if scored:
                    errors.append(f"{row.cells[scored[0]].ref}: tiêu chí {code} có tiêu chí con; "
                                  "chỉ chấm điểm ở tiêu chí không có tiêu chí con")
                elif "not_applicable" in present:  # a whole criterion can be not applicable
                    self.plan_not_applicable(row, unit, node)
                continue
            if node.max_for(block) <= 0:
                errors.append(f"{crit_cell.ref}: tiêu chí {code} không thuộc bộ chỉ số của khối "
                              f"{block} (đơn vị {unit})")
                continue
            self.plan_row(row, unit, node, block, present)
            if "not_applicable" in present:
                self.plan_not_applicable(row, unit, node)
        for i in range(0, len(self.changes), self.BATCH):  # batches: progress and cancel
            self.step(lambda ed, batch=self.changes[i:i + self.BATCH]: ed.write_scores(batch))
        return errors

    def value(self, row: Row, key: str, node: Node, block: str, label: str) -> Decimal | None:
        cell = row.get(key)
        if cell is None:
            return None
        points = number(cell, self.errors, label)
        if points is not None:
            problem = check_points(node, block, points)
            if problem:
                self.errors.append(f"{cell.ref}: {label} «{cell.text}»: {problem}")
                return None
        return points


    def plan_row(self, row: Row, unit: str, node: Node, block: str, present: set[str]) -> None:
        errors_before = len(self.errors)
        own = self.value(row, "self", node, block, "điểm tự đánh giá")
        appraisal = self.value(row, "appraisal", node, block, "điểm thẩm định")
        appraisal2 = self.value(row, "appraisal2", node, block, "điểm thẩm định lần 2")
        expected = self.value(row, "expected", node, block, "điểm dự kiến")
        texts = {key: row.text(key) for key in ("explanation", "note", "explanation2",
                                                       "note2")}
        figure = None
        if row.get("self_figure") is not None:
            try:
                figure = parse_figure(node, row.text("self_figure") or "")
            except ValueError as exc:
                self.errors.append(f"{row.cells['self_figure'].ref}: {exc.args[0][0]}")
            else:
                computed = figure_points(node, block, figure) if figure else None
                if computed is not None and own is not None and own != computed:
                    self.errors.append(
                        f"{row.cells['self'].ref}: điểm tự đánh giá {fmt(own, 2, comma=True)} "
                        f"không khớp với số liệu {figure} ({fmt(computed, 2, comma=True)} điểm)")
                own = computed if computed is not None else own
        if node.source is not Source.SELF:
            for key, points in (("self", own), ("appraisal", appraisal),
                                ("appraisal2", appraisal2)):
                if points is not None:
                    self.errors.append(f"{row.cells[key].ref}: tiêu chí {node.code} lấy điểm từ "
                                       f"{node.source.label}, không nhập điểm")
        current = self.existing.get((unit, node.code))

        def now(field_: str, given):  # the value after this row is applied
            return given if given is not None else (getattr(current, field_) if current else None)

        if needs_reason(appraisal, now("self_points", own), now("appraisal_note", texts["note"])):
            self.errors.append(f"{row.cells['appraisal'].ref}: điểm thẩm định "
                               f"{fmt(appraisal, 2, comma=True)} khác điểm tự đánh giá "
                               f"{fmt(now('self_points', own), 2, comma=True)} nhưng thiếu lý do "
                               "trừ điểm")
        if needs_reason(appraisal2, now("appraisal_points", appraisal),
                        now("appraisal2_note", texts["note2"])):
            self.errors.append(f"{row.cells['appraisal2'].ref}: điểm thẩm định lần 2 khác lần 1 "
                               "nhưng thiếu lý do")
        if len(self.errors) > errors_before:
            return
        fields: dict[str, Any] = {}
        for key, value in (("self_points", own), ("explanation", texts["explanation"]),
                           ("explanation2", texts["explanation2"]), ("self_figure", figure),
                           ("expected_points", expected)):
            if value is not None and not _same(value, getattr(current, key) if current else None):
                fields[key] = value
        for round_, points, note, prefix in ((1, appraisal, texts["note"], "appraisal"),
                                             (2, appraisal2, texts["note2"], "appraisal2")):
            if points is None:
                continue
            old = getattr(current, f"{prefix}_points") if current else None
            old_note = getattr(current, f"{prefix}_note") if current else ""
            new_note = note if note is not None else old_note
            if old == points and _same(old_note, new_note):
                continue
            # changing what a council member entered in parapp, not what an import wrote
            if old is not None and old != points and not (
                    getattr(current, f"{prefix}_source") or "").startswith(IMPORT_SOURCE):
                self.report.conflicts.append(Conflict(
                    f"{self.sheet.title}!{row.number}", unit, self.units[unit].name, node.code,
                    node.name, round_, old, old_note or "", points, new_note or ""))
                if not self.overwrite:
                    continue
            fields[f"{prefix}_points"], fields[f"{prefix}_note"] = points, new_note
        if fields:
            self.report.changed += 1
            self.changes.append((unit, node.code, fields))

    def plan_not_applicable(self, row: Row, unit: str, node: Node) -> None:
        """A reason marks the node not applicable; an empty cell makes it applicable again."""
        reason = row.text("not_applicable")
        old = self.excluded.get((unit, node.code))
        if reason and old != reason:
            self.report.changed += 1
            if old is not None:
                self.step(lambda ed: ed.set_applicable(unit, node.code, True))
            self.step(lambda ed: ed.set_applicable(unit, node.code, False, reason))
        elif not reason and old is not None:
            self.report.changed += 1
            self.step(lambda ed: ed.set_applicable(unit, node.code, True))


# -- survey results ---------------------------------------------------------------------------

class _Survey(_Planner):
    def load(self, s) -> None:
        self.existing = {u: (sp, sv) for u, sp, sv in s.execute(
            select(Unit.code, SurveyResult.sipas_pct, SurveyResult.survey_pct)
            .join(Unit, SurveyResult.unit_id == Unit.id).where(SurveyResult.deleted.is_(False)))}

    def percent(self, row: Row, key: str, label: str) -> Decimal | None:
        cell = row.get(key)
        if cell is None:
            return None
        value = number(cell, self.errors, label)
        if value is None:
            return None
        if not isinstance(cell.value, str) and ZERO < value <= 1:
            value = value * HUNDRED  # a cell formatted as % holds the fraction (0,9117)
        if not ZERO <= value <= HUNDRED:
            self.errors.append(f"{cell.ref}: {label} {fmt(value, 2, comma=True)}% phải trong "
                               "khoảng 0…100%")
            return None
        return value

    def plan(self) -> list[str]:
        seen: dict[str, int] = {}
        for row in self.sheet.rows:
            unit = self.unit_code(row)
            if unit is None or self.duplicate(seen, unit, row, row.cells["unit"].ref,
                                              f"đơn vị {unit}"):
                continue
            sipas = self.percent(row, "sipas", "SIPAS")
            survey = self.percent(row, "survey", "ĐTXHH")
            old_sipas, old_survey = self.existing.get(unit, (None, None))
            new_sipas = sipas if sipas is not None and sipas != old_sipas else None
            new_survey = survey if survey is not None and survey != old_survey else None
            if new_sipas is not None or new_survey is not None:
                self.report.changed += 1
                self.step(lambda ed, u=unit, a=new_sipas, b=new_survey: ed.set_survey(u, a, b))
        return self.errors


class _SurveyItems(_Survey):
    """Survey results per criterion (question group): a unit, a survey-fed leaf, its %."""

    def load(self, s) -> None:
        self.existing = {(u, c): pct for u, c, pct in s.execute(
            select(Unit.code, Criterion.code, SurveyItem.pct)
            .join(Unit, SurveyItem.unit_id == Unit.id)
            .join(Criterion, SurveyItem.criterion_id == Criterion.id)
            .where(SurveyItem.deleted.is_(False)))}
        self.fed = {c.code for c in s.scalars(select(Criterion).where(
            Criterion.deleted.is_(False), Criterion.source != "self"))}
        parents = set(s.scalars(select(Criterion.parent_id).where(
            Criterion.deleted.is_(False), Criterion.parent_id.is_not(None))))
        self.fed -= {c.code for c in s.scalars(select(Criterion).where(
            Criterion.id.in_(parents)))}

    def plan(self) -> list[str]:
        seen: dict[tuple[str, str], int] = {}
        for row in self.sheet.rows:
            unit = self.unit_code(row)
            cell = row.get("criterion")
            if cell is None:
                self.errors.append(f"{row.cells['criterion'].ref}: thiếu mã tiêu chí")
                continue
            criterion = cell.text.rstrip(".")
            if unit is None or self.duplicate(seen, (unit, criterion), row, cell.ref,
                                              f"đơn vị {unit}, tiêu chí {criterion}"):
                continue
            if criterion not in self.fed:
                self.errors.append(f"{cell.ref}: tiêu chí «{criterion}» không phải tiêu chí "
                                   "thành phần lấy điểm từ ĐTXHH hoặc SIPAS")
                continue
            pct = self.percent(row, "pct", "tỷ lệ")
            if pct is not None and pct != self.existing.get((unit, criterion)):
                self.report.changed += 1
                self.step(lambda ed, u=unit, c=criterion, v=pct: ed.set_survey_item(u, c, v))
        return self.errors


# -- bonus and penalty lines ------------------------------------------------------------------

_KINDS = {"thuong": "bonus", "diem thuong": "bonus", "tru": "penalty", "diem tru": "penalty"}


def _kind(cell: Cell | None) -> str | None:
    return _KINDS.get(fold(cell.text)) if cell else None


class _BonusItems(_Planner):
    """The bonus and penalty catalogue: new items by code, changed ones updated."""

    def load(self, s) -> None:
        self.existing = {b.code: b for b in s.scalars(
            select(BonusItem).where(BonusItem.deleted.is_(False)))}
        self.members = list(s.scalars(select(Member).where(Member.deleted.is_(False))))
        settings = self.store.settings_in(s)
        self.caps = {"bonus": settings.bonus_cap, "penalty": settings.penalty_cap}

    def member_code(self, cell: Cell) -> str | None:
        return next((m.code for m in self.members if normalise(cell.text) in (
            normalise(m.code), normalise(m.department))), None)

    def plan(self) -> list[str]:
        errors = self.errors
        seen: dict[tuple, int] = {}
        created = 0
        for position, row in enumerate(self.sheet.rows, start=1):
            code_cell, name = row.get("code"), row.get("name")
            kind = _kind(row.get("kind"))
            if kind is None:
                errors.append(f"{row.cells['kind'].ref}: loại phải là «Thưởng» hoặc «Trừ»")
            top = number(row.get("max"), errors, "điểm tối đa") if row.get("max") else None
            if top is not None and (top <= 0 or check_adjustment(
                    top, self.caps.get(kind) if kind else None)):
                errors.append(f"{row.cells['max'].ref}: «{row.cells['max'].text}»: điểm tối đa "
                              "phải là số dương, không quá mức tối đa của kỳ")
                top = None
            appraiser = None
            if row.get("appraiser"):
                appraiser = self.member_code(row.get("appraiser"))
                if appraiser is None:
                    errors.append(f"{row.cells['appraiser'].ref}: không có thành viên Hội đồng "
                                  f"«{row.get('appraiser').text}»")
            for key, what, cell in (("code", "mã mục", code_cell), ("name", "nội dung", name),
                                    ("max", "điểm tối đa", row.get("max"))):
                if cell is None:
                    errors.append(f"{row.cells[key].ref}: thiếu {what}")
            if code_cell is None or name is None or kind is None or top is None:
                continue
            code = code_cell.text
            if self.duplicate(seen, (code,), row, code_cell.ref, f"mục {code}"):
                continue
            fields = {"kind": kind, "name": name.text, "max_points": top,
                      "evidence_required": yes(row.get("evidence"), errors), "appraiser": appraiser,
                      "guidance": row.get("guidance").text if row.get("guidance") else ""}
            current = self.existing.get(code)
            if current is None:
                created += 1
                self.report.changed += 1
                self.step(lambda ed, c=code, f=fields, p=position: ed.add_bonus_item(
                    c, f["kind"], f["name"], f["max_points"], position=p,
                    evidence_required=f["evidence_required"], appraiser=f["appraiser"],
                    guidance=f["guidance"]))
            elif (current.kind, current.name, current.max_points, current.evidence_required,
                  current.guidance) != (kind, name.text, top, fields["evidence_required"],
                                        fields["guidance"]) or appraiser != next(
                    (m.code for m in self.members if m.id == current.appraiser_id), None):
                self.report.changed += 1
                self.step(lambda ed, c=code, f=fields: ed.update_bonus_item(c, **f))
        self.report.created = {"bonus_items": created}
        return errors


class _Adjustments(_Planner):
    def load(self, s) -> None:
        self.existing = {(u, a.kind, normalise(a.description)): a for u, a in s.execute(
            select(Unit.code, Adjustment).join(Unit, Adjustment.unit_id == Unit.id)
            .where(Adjustment.deleted.is_(False)))}
        self.items = {b.code: b for b in s.scalars(
            select(BonusItem).where(BonusItem.deleted.is_(False)))}
        settings = self.store.settings_in(s)
        self.caps = {"bonus": settings.bonus_cap, "penalty": settings.penalty_cap}

    def plan(self) -> list[str]:
        errors = self.errors
        seen: dict[tuple, int] = {}
        created = 0
        for row in self.sheet.rows:
            unit = self.unit_code(row)
            item = None
            if row.get("item"):
                item = self.items.get(row.get("item").text)
                if item is None:
                    errors.append(f"{row.cells['item'].ref}: không có mục «{row.get('item').text}» "
                                  "trong danh mục thưởng, trừ")
                    continue
            kind = _kind(row.get("kind")) or (item.kind if item else None)
            if kind is None:
                errors.append(f"{row.cells['kind'].ref}: loại phải là «Thưởng» hoặc «Trừ»"
                              if "kind" in row.cells else
                              f"{self.sheet.title}!{row.number}: cần cột «Loại» hoặc «Mã mục»")
            elif item is not None and kind != item.kind:
                errors.append(f"{row.cells['kind'].ref}: mục {item.code} là "
                              f"{'điểm thưởng' if item.kind == 'bonus' else 'điểm trừ'}")
                continue
            described = row.get("description")
            description = described.text if described else (item.name if item else None)
            if description is None:
                errors.append(f"{row.cells['description'].ref}: thiếu nội dung"
                              if "description" in row.cells else
                              f"{self.sheet.title}!{row.number}: cần cột «Nội dung» hoặc "
                              "«Mã mục»")
            own = number(row.get("self"), errors, "điểm") if row.get("self") else ZERO
            appraisal = number(row.get("appraisal"), errors, "điểm") if row.get(
                "appraisal") else None
            cap = self.caps.get(kind) if kind is not None else None
            for value, column in ((own, "self"), (appraisal, "appraisal")):
                problem = check_adjustment(value, cap) if value is not None else None
                if problem is None and item is not None and value is not None \
                        and value > item.max_points:
                    problem = (f"vượt mức tối đa {fmt(item.max_points, None)} của mục "
                               f"{item.code}")
                if problem:
                    errors.append(f"{row.cells[column].ref}: «{row.cells[column].text}»: "
                                  f"{problem}")
            if unit is None or kind is None or description is None:
                continue
            key = (unit, kind, normalise(description))
            ref = described.ref if described else row.cells["item"].ref
            if self.duplicate(seen, key, row, ref, "dòng thưởng/trừ"):
                continue
            note = row.get("note").text if row.get("note") else ""
            current = self.existing.get(key)
            if current is None:
                created += 1
                self.report.changed += 1
                self.step(lambda ed, u=unit, k=kind, d=description, s=own, a=appraisal,
                          n=note, i=item.code if item else None:
                          ed.add_adjustment(u, k, d, s, a, n, item=i))
            elif (current.self_points, current.appraisal_points, current.note) != (
                    own, appraisal, note):
                self.report.changed += 1
                self.step(lambda ed, uuid=current.uuid, s=own, a=appraisal, n=note:
                          ed.update_adjustment(uuid, s, a, n))
        self.report.created = {"adjustments": created}
        return errors


# -- last year's units and this year's successors ----------------------------------------------

class _PreviousUnits(_Planner):
    """The mapping of the linked previous period's units to this year's: one old unit a row,
    the unit that took it over (blank: none). Rows left out keep their mapping."""

    def load(self, s) -> None:
        self.past = {u.code: u.successor for u in self.store.past_units()}

    def plan(self) -> list[str]:
        if not self.past:
            return [f"{self.sheet.title}: kỳ đánh giá chưa liên kết kỳ trước (parapp "
                    "link-previous), không có đơn vị năm trước để ánh xạ"]
        seen: dict[str, int] = {}
        for row in self.sheet.rows:
            cell = row.get("previous")
            if cell is None:
                self.errors.append(f"{row.cells['previous'].ref}: thiếu mã đơn vị năm trước")
                continue
            old = cell.text
            if self.duplicate(seen, old, row, cell.ref, f"đơn vị năm trước {old}"):
                continue
            if old not in self.past:
                self.errors.append(f"{cell.ref}: không có đơn vị mã «{old}» trong kỳ trước đã "
                                   "liên kết")
                continue
            target = row.get("unit")
            unit = target.text if target is not None else None
            if target is not None and unit not in self.units:
                self.errors.append(f"{target.ref}: không có đơn vị mã «{unit}» trong kỳ đánh giá")
                continue
            if unit != self.past[old]:
                self.report.changed += 1
                self.step(lambda ed, o=old, u=unit: ed.map_previous(o, u))
        return self.errors


_PLANNERS: dict[str, type[_Planner]] = {
    "criteria": _Criteria, "units": _Units, "scores": _Scores, "survey": _Survey,
    "survey_items": _SurveyItems, "bonus_items": _BonusItems,
    "adjustments": _Adjustments, "previous_units": _PreviousUnits,
}


PERIOD_KINDS = ("criteria", "units")  # the sheets a new period takes from one workbook


def create_period(path: Path | str, province: str, year: int, workbook: Path | str | None = None,
                  overwrite: bool = False) -> list[ImportReport]:
    """A new period file, its criteria and units taken from `workbook` when given (sheets
    «Tiêu chí» and «Đơn vị»). All or nothing: the file appears only when both imported."""
    path = Path(path)
    check_new_file(path, overwrite)
    tmp = work_path(path)
    reports: list[ImportReport] = []
    try:
        with Store.create(tmp, province, year) as store:
            if workbook is not None:
                for kind in PERIOD_KINDS:
                    reports.append(import_file(store, kind, Path(workbook)))
        put_in_place(tmp, path)
    finally:
        discard(tmp)
    return reports
