"""The criteria set (Bộ Chỉ số): a tree of any depth with max points per block.

Pure data: built from the store or from test literals, used by the scoring engine. A node whose
max for a block is 0 is not part of that block's set.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from parapp.core.i18n import pick
from parapp.core.numbers import HUNDRED, ZERO, canonical, fmt, parse_decimal

MAX_POINTS = HUNDRED  # the index is out of 100 points: no criterion can be worth more


class Source(StrEnum):
    SELF = "self"  # self-scored by the unit, appraised by the council
    SIPAS = "sipas"  # points = SIPAS % × max
    SURVEY = "survey"  # points = ĐTXHH % × max

    @property
    def label(self) -> str:
        return {
            Source.SELF: pick("Tự đánh giá", "Self-scored"),
            Source.SIPAS: "SIPAS",
            Source.SURVEY: pick("ĐTXHH", "Survey"),
        }[self]


class Method(StrEnum):
    MANUAL = "manual"
    YESNO = "yesno"  # full points or 0
    LEVELS = "levels"  # one of params["levels"]
    BANDS = "bands"  # measured % → points by params["bands"]: [[min %, points], ...]
    PROPORTIONAL = "proportional"  # measured % × max (0 below params["threshold"] %, if any)
    PER_CASE = "per_case"  # max less params["per_case"] a case, at most params["most"] in all

    @property
    def label(self) -> str:
        return {
            Method.MANUAL: pick("Chấm trực tiếp", "Manual"),
            Method.YESNO: pick("Có/Không", "Yes/no"),
            Method.LEVELS: pick("Theo mức", "Levels"),
            Method.BANDS: pick("Theo khoảng tỷ lệ", "Percentage bands"),
            Method.PROPORTIONAL: pick("Tỷ lệ thuận", "Proportional"),
            Method.PER_CASE: pick("Trừ theo trường hợp", "Deduction per case"),
        }[self]


def _number(value) -> Decimal:
    number = Decimal(str(value))  # JSON may give 4, 0.5 or "0.5": all exact once a string
    if not number.is_finite():
        raise ValueError(value)
    return number


def levels_of(params: Mapping) -> list[Decimal]:
    """The points of a "levels" criterion. Raises ValueError, TypeError or ArithmeticError."""
    return [_number(v) for v in params.get("levels", [])]


def bands_of(params: Mapping) -> list[tuple[Decimal, Decimal]]:
    """(minimum %, points) of a "bands" criterion. Raises as `levels_of`."""
    return [(_number(a), _number(b)) for a, b in params.get("bands", [])]


def threshold_of(params: Mapping) -> Decimal | None:
    """The % below which a proportional criterion scores 0 ("dưới 50%: 0 điểm"), or None."""
    value = params.get("threshold")
    return None if value is None else _number(value)


def per_case_of(params: Mapping) -> tuple[Decimal, Decimal | None]:
    """(points deducted a case, the most deducted in all or None: down to 0) of a "per_case"
    criterion ("trừ 0,25 điểm mỗi trường hợp, tối đa 1 điểm")."""
    most = params.get("most")
    return _number(params.get("per_case", 0)), None if most is None else _number(most)


def per_case_points(node: Node, block: str, cases: int) -> Decimal:
    """The points of a "per_case" criterion with `cases` cases found."""
    top = node.max_for(block)
    each, most = per_case_of(node.params)
    floor = max(ZERO, top - most) if most is not None else ZERO
    return max(floor, top - each * cases)


# methods whose points follow from a figure the unit declares (and an appraiser may correct)
FIGURE_METHODS = frozenset({Method.BANDS, Method.PROPORTIONAL, Method.PER_CASE})
FIGURE_PLACES = Decimal("0.01")  # a proportional score from a ratio: to the hundredth


def parse_figure(node: Node, text: str) -> str:
    """A declared figure as stored: "a/b" (a ratio, e.g. 3194/3400 records online) or "p%"
    for bands and proportional criteria, a whole number of cases for per_case ones; '' for
    none. ValueError((vi, en)) says why a text is not one."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    if node.method not in FIGURE_METHODS:
        raise ValueError((f"tiêu chí chấm «{node.method.label}»: nhập điểm, không nhập số liệu",
                          f"scored '{node.method.value}': enter the points, not a figure"))
    try:
        if node.method is Method.PER_CASE:
            if not text.isdigit():
                raise ValueError
            return str(int(text))
        if text.endswith("%"):
            pct = parse_decimal(text[:-1].strip())
            if not ZERO <= pct <= HUNDRED:
                raise ValueError
            return f"{canonical(pct)}%"
        part, whole = (parse_decimal(v.strip()) for v in text.split("/"))
        if not ZERO <= part <= whole or whole == ZERO:
            raise ValueError
        return f"{canonical(part)}/{canonical(whole)}"
    except ValueError:
        if node.method is Method.PER_CASE:
            raise ValueError((f"số trường hợp '{text}' phải là số nguyên không âm",
                              f"the number of cases '{text}' must be a whole number")) from None
        raise ValueError((f"số liệu '{text}' phải là tỷ lệ a/b (0 ≤ a ≤ b, b > 0) hoặc phần trăm "
                          "0…100%", f"the figure '{text}' must be a ratio a/b (0 ≤ a ≤ b, "
                          "b > 0) or a percentage 0…100%")) from None


def figure_points(node: Node, block: str, figure: str) -> Decimal:
    """The points a stored figure (parse_figure) gives on `node` in `block`: the band reached,
    the ratio × max to the hundredth (half up; 0 below the threshold), or max less the cases'
    deductions."""
    if node.method is Method.PER_CASE:
        return per_case_points(node, block, int(figure))
    if figure.endswith("%"):
        pct = Decimal(figure[:-1])
    else:
        part, whole = (Decimal(v) for v in figure.split("/"))
        pct = part * HUNDRED / whole
    points = points_from_measure(node, block, pct)
    return points.quantize(FIGURE_PLACES, ROUND_HALF_UP) if node.method is Method.PROPORTIONAL \
        else points


def params_problem(params) -> str | None:
    """Why stored scoring-method parameters cannot be used, or None."""
    try:
        levels_of(params), bands_of(params)
    except (ArithmeticError, TypeError, ValueError, AttributeError):
        return pick("levels và bands phải là danh sách số",
                    "levels and bands must be lists of numbers")
    try:
        threshold_of(params), per_case_of(params)
    except (ArithmeticError, TypeError, ValueError, AttributeError):
        return pick("threshold, per_case và most phải là số",
                    "threshold, per_case and most must be numbers")
    return None


def code_key(code: str) -> tuple:
    """Sort key for dotted codes: '1.10' after '1.9'."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in code.split("."))


@dataclass(frozen=True, slots=True)
class Node:
    key: str  # stable identity (the row's UUID)
    code: str
    name: str
    parent: str | None
    max_points: Decimal  # default for every block
    block_max: Mapping[str, Decimal] = field(default_factory=dict)  # block code → override
    method: Method = Method.MANUAL
    params: Mapping = field(default_factory=dict)
    source: Source = Source.SELF
    evidence_required: bool = False
    appraiser: str | None = None  # member code responsible for appraising it
    position: int = 0
    guidance: str = ""  # how points are given ("cách tính điểm"), as the set words it
    evidence_guidance: str = ""  # the evidence it requires ("yêu cầu TLKC")

    def __post_init__(self):  # accept plain strings for the enums ("sipas", "levels")
        object.__setattr__(self, "method", Method(self.method))
        object.__setattr__(self, "source", Source(self.source))

    def max_for(self, block: str | None) -> Decimal:
        if block is None:  # a period without blocks yet: the default
            return self.max_points
        return self.block_max.get(block, self.max_points)


@dataclass(frozen=True, slots=True)
class Problem:
    """A validation finding; `where` names the node, unit or setting concerned."""

    where: str
    message: str
    severity: str = "error"  # or "warning"
    rule: str = "criteria"  # which check found it (parapp.core.check.RULES)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class CriteriaTree:
    def __init__(self, nodes: Iterable[Node]):
        self.nodes: dict[str, Node] = {n.key: n for n in nodes}
        children: dict[str | None, list[Node]] = {}
        for n in self.nodes.values():
            parent = n.parent if n.parent in self.nodes else None
            children.setdefault(parent, []).append(n)
        for siblings in children.values():
            siblings.sort(key=lambda n: (n.position, code_key(n.code)))
        self.children: dict[str | None, tuple[str, ...]] = {
            k: tuple(n.key for n in v) for k, v in children.items()
        }
        self.roots: tuple[str, ...] = self.children.get(None, ())
        self.preorder: tuple[str, ...] = tuple(self._walk(self.roots))
        self.by_code: dict[str, Node] = {n.code: n for n in self.nodes.values()}
        self.leaves: tuple[str, ...] = tuple(k for k in self.preorder if self.is_leaf(k))
        # the leaves a unit scores itself (not fed by a survey), in order
        self.self_leaves: tuple[str, ...] = tuple(
            k for k in self.leaves if self.nodes[k].source is Source.SELF)
        self.depth: dict[str, int] = {}
        for key in self.preorder:
            p = self.nodes[key].parent
            self.depth[key] = 0 if p not in self.nodes else self.depth[p] + 1

    def _walk(self, keys: Iterable[str]):
        for k in keys:
            yield k
            yield from self._walk(self.children.get(k, ()))

    def is_leaf(self, key: str) -> bool:
        return not self.children.get(key)

    def kids(self, key: str) -> tuple[str, ...]:
        return self.children.get(key, ())

    def in_block(self, key: str, block: str) -> bool:
        return self.nodes[key].max_for(block) > ZERO

    def block_numbers(self, block: str) -> dict[str, str]:
        """The block's own numbering of the nodes in its set: "1", "1.1", "1.1.1", … counted
        over the nodes the block uses, so that a node of the shared tree the block does not use
        leaves no gap (documents addressed to a unit number its criteria this way)."""
        out: dict[str, str] = {}

        def walk(keys: Iterable[str], prefix: str) -> None:
            n = 0
            for k in keys:
                if not self.in_block(k, block):
                    continue
                n += 1
                out[k] = f"{prefix}{n}"
                walk(self.kids(k), f"{out[k]}.")
        walk(self.roots, "")
        return out

    def descendants(self, key: str) -> list[str]:
        return list(self._walk(self.kids(key)))

    def area_of(self, key: str) -> str:
        node = self.nodes[key]
        while node.parent in self.nodes:
            node = self.nodes[node.parent]
        return node.key

    def appraiser_of(self, key: str) -> str | None:
        """The member responsible for a node: its own, else the nearest ancestor's."""
        node: Node | None = self.nodes[key]
        while node is not None:
            if node.appraiser:
                return node.appraiser
            node = self.nodes.get(node.parent) if node.parent else None
        return None

    def total_max(self, block: str) -> Decimal:
        return sum((self.nodes[r].max_for(block) for r in self.roots), ZERO)

    def validate(self, blocks: Iterable[str | None]) -> list[Problem]:
        """Structural rules: codes, children adding up to the parent per block, leaf methods.
        A block of None checks the default maxima (a period without blocks yet)."""
        problems: list[Problem] = []
        seen: dict[str, str] = {}
        for key in self.preorder:
            node = self.nodes[key]
            where = pick(f"Tiêu chí {node.code}", f"Criterion {node.code}")
            if node.code in seen:
                problems.append(Problem(where, pick("mã bị trùng", "duplicate code")))
            seen[node.code] = key
            parent = self.nodes.get(node.parent) if node.parent else None
            expected_prefix = parent.code + "." if parent else ""
            if parent and not node.code.startswith(expected_prefix):
                problems.append(Problem(where, pick(
                    f"mã không nằm dưới mã cha {parent.code}",
                    f"code is not under its parent's code {parent.code}")))
            problem = check_max(node.max_points) or next(
                filter(None, (check_max(v, block=True) for v in node.block_max.values())), None)
            if problem:
                problems.append(Problem(where, problem))
        blocks = list(blocks)
        for key in self.preorder:
            kids = self.kids(key)
            node = self.nodes[key]
            where = pick(f"Tiêu chí {node.code}", f"Criterion {node.code}")
            for block in blocks:
                if kids:
                    total = sum((self.nodes[k].max_for(block) for k in kids), ZERO)
                    if total != node.max_for(block):
                        vi_block, en_block = (f"khối {block}: ", f"block {block}: ") if block \
                            else ("", "")
                        problems.append(Problem(where, pick(
                            f"{vi_block}tổng điểm tối đa các tiêu chí con là {fmt(total, 3)}, "
                            f"khác điểm tối đa {fmt(node.max_for(block), 3)}",
                            f"{en_block}children's max points add up to {fmt(total, 3)}, "
                            f"not {fmt(node.max_for(block), 3)}")))
            if not kids:
                problems.extend(self._validate_leaf(node, blocks, where))
        return problems

    def _validate_leaf(self, node: Node, blocks: list[str | None], where: str) -> list[Problem]:
        problems = []
        maxima = {node.max_for(b) for b in blocks if node.max_for(b) > ZERO}
        problem = params_problem(node.params)
        if problem:
            problems.append(Problem(where, pick(f"tham số cách chấm không hợp lệ: {problem}",
                                                f"invalid scoring-method parameters: {problem}")))
        elif node.method is Method.LEVELS:
            levels = levels_of(node.params)
            if not levels:
                problems.append(Problem(where, pick("chưa khai báo các mức điểm",
                                                    "no levels defined")))
            for m in maxima:
                if any(v < ZERO or v > m for v in levels):
                    problems.append(Problem(where, pick(
                        f"có mức điểm nằm ngoài 0…{fmt(m)}", f"a level is outside 0…{fmt(m)}")))
        elif node.method is Method.BANDS:
            bands = bands_of(node.params)
            if not bands:
                problems.append(Problem(where, pick("chưa khai báo các khoảng tỷ lệ",
                                                    "no bands defined")))
            for m in maxima:
                if any(p < ZERO or p > m for _, p in bands):
                    problems.append(Problem(where, pick(
                        f"có khoảng cho điểm ngoài 0…{fmt(m)}",
                        f"a band gives points outside 0…{fmt(m)}")))
            if any(not ZERO <= a <= HUNDRED for a, _ in bands):
                problems.append(Problem(where, pick("có ngưỡng tỷ lệ ngoài 0…100%",
                                                    "a band's threshold is outside 0…100%")))
        if node.method is Method.PER_CASE and not problem:
            each, most = per_case_of(node.params)
            if each <= ZERO or (most is not None and most <= ZERO):
                problems.append(Problem(where, pick(
                    "trừ theo trường hợp cần số điểm trừ mỗi trường hợp (và tối đa) lớn hơn 0",
                    "a per-case deduction needs points a case (and a most) above 0")))
        threshold = threshold_of(node.params) if not problem else None
        if threshold is not None and (node.method is not Method.PROPORTIONAL
                                      or not ZERO <= threshold <= HUNDRED):
            problems.append(Problem(where, pick(
                "ngưỡng 0 điểm chỉ dùng với cách chấm tỷ lệ thuận, trong khoảng 0…100%",
                "a zero-points threshold is for proportional criteria, within 0…100%")))
        if node.source is not Source.SELF and node.method not in (Method.MANUAL,
                                                                   Method.PROPORTIONAL):
            problems.append(Problem(where, pick(
                "tiêu chí lấy điểm từ điều tra chỉ dùng cách chấm tỷ lệ",
                "survey-fed criteria are scored proportionally"), "warning"))
        return problems


def check_max(points: Decimal, block: bool = False) -> str | None:
    """Why `points` cannot be a criterion's max points, or None. 0 is allowed for a block (the
    criterion is not in that block's set), never as the criterion's own max."""
    if points < ZERO or (points == ZERO and not block):
        return pick("điểm tối đa phải lớn hơn 0" if not block else "điểm tối đa không được âm",
                    "max points must be above 0" if not block else "max points cannot be negative")
    if points > MAX_POINTS:
        return pick(f"điểm tối đa vượt {fmt(MAX_POINTS, 0)}, số điểm của cả Chỉ số",
                    f"max points above {fmt(MAX_POINTS, 0)}, the whole index")
    return None


def check_points(node: Node, block: str, points: Decimal) -> str | None:
    """Why `points` is not a valid score for this leaf in this block, or None if it is."""
    top = node.max_for(block)
    if points < ZERO:
        return pick("điểm không được âm", "points cannot be negative")
    if points > top:
        return pick(f"điểm vượt điểm tối đa {fmt(top)}", f"points exceed the maximum {fmt(top)}")
    if node.method is Method.YESNO and points not in (ZERO, top):
        return pick(f"tiêu chí Có/Không chỉ nhận 0 hoặc {fmt(top)}",
                    f"a yes/no criterion takes 0 or {fmt(top)}")
    if node.method is Method.PER_CASE:
        each, most = per_case_of(node.params)
        floor = max(ZERO, top - most) if most is not None else ZERO
        cases = (top - points) / each if each > ZERO else ZERO
        if points < floor or (points != floor and cases != cases.to_integral_value()):
            return pick(f"điểm phải là {fmt(top)} trừ {fmt(each)} mỗi trường hợp, thấp nhất "
                        f"{fmt(floor)}", f"points must be {fmt(top)} less {fmt(each)} a case, "
                        f"at least {fmt(floor)}")
    if node.method is Method.LEVELS:
        levels = set(levels_of(node.params))
        if levels and points not in levels:
            # "; " between them: in Vietnamese the comma is the decimal mark (1,00; 0,50)
            shown = "; ".join(fmt(v) for v in sorted(levels, reverse=True))
            return pick(f"điểm phải là một trong các mức: {shown}",
                        f"points must be one of the levels: {shown}")
    return None


def needs_reason(points: Decimal | None, reference: Decimal | None, note: str | None) -> bool:
    """An appraisal that differs from what it appraises must say why (domain.md §3.1)."""
    return (points is not None and reference is not None and points != reference
            and not (note or "").strip())


def points_from_measure(node: Node, block: str, percent: Decimal) -> Decimal:
    """Points for a measured percentage (bands, proportional, survey-fed leaves); kept exact."""
    top = node.max_for(block)
    if node.method is Method.BANDS:
        for threshold, points in sorted(bands_of(node.params), reverse=True):
            if percent >= threshold:
                return points
        return ZERO
    below = threshold_of(node.params) if node.method is Method.PROPORTIONAL else None
    if below is not None and percent < below:
        return ZERO
    return percent * top / 100
