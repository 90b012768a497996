"""Roll-ups, components and the index of one unit. Pure and exact.

Index % = achieved points / applicable max × 100, where the applicable max leaves out the nodes
marked "not applicable" for the unit. Survey-fed leaves take percentage × max. Bonus and penalty
lines sit outside the tree, each side capped.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from parapp.core.criteria import MAX_POINTS, CriteriaTree, Method, Source, threshold_of
from parapp.core.i18n import pick
from parapp.core.numbers import CONTEXT, HUNDRED, ZERO, fmt, quantize


def note_in_force(note: str | None, note2: str | None, appraisal2: object) -> str:
    """The reason of the deduction in force on a leaf: round 2's once the leaf was appraised
    again and gave one. A second appraisal goes without a reason only when it keeps round 1's
    points (Edit.write_scores), and round 1's reason then stands."""
    return (note2 if appraisal2 is not None and note2 else note) or ""


@dataclass(frozen=True, slots=True)
class LeafScore:
    self_points: Decimal | None = None
    appraisal: Decimal | None = None  # round 1
    appraisal2: Decimal | None = None  # round 2, after the unit's explanation

    @property
    def final(self) -> Decimal | None:
        """The appraised value in force: round 2, else round 1, else None (not appraised)."""
        return self.appraisal2 if self.appraisal2 is not None else self.appraisal


@dataclass(frozen=True, slots=True)
class Adjustment:
    kind: str  # "bonus" or "penalty"; points are positive either way
    self_points: Decimal = ZERO
    appraisal: Decimal | None = None

    @property
    def final(self) -> Decimal:
        return self.appraisal if self.appraisal is not None else self.self_points


def check_adjustment(points: Decimal, cap: Decimal | None) -> str | None:
    """Why `points` cannot be one bonus or penalty line, or None: positive (the kind says which
    way it counts), and at most the period's cap for its kind, or without one, the index's
    100 points."""
    if points < ZERO:
        return pick("ghi điểm dương (loại đã cho biết thưởng hay trừ)",
                    "points are positive (the kind says which way they count)")
    if cap is not None and points > cap:
        return pick(f"vượt mức tối đa {fmt(cap)} điểm của kỳ đánh giá",
                    f"above the period's cap of {fmt(cap)} points")
    if points > MAX_POINTS:
        return pick(f"vượt {fmt(MAX_POINTS, 0)} điểm của cả Chỉ số",
                    f"above the index's {fmt(MAX_POINTS, 0)} points")
    return None


@dataclass(frozen=True, slots=True)
class UnitInput:
    key: str
    code: str
    name: str
    block: str
    ranked: bool = True
    prev_rank: int | None = None
    prev_derived: bool = False  # prev_rank derived from old units merged into this one
    excluded: frozenset[str] = frozenset()  # node keys marked not applicable (whole subtrees)
    scores: Mapping[str, LeafScore] = field(default_factory=dict)
    sipas_pct: Decimal | None = None
    survey_pct: Decimal | None = None
    adjustments: Sequence[Adjustment] = ()
    # survey results per criterion key, where reported so (else the unit's one percentage)
    measured: Mapping[str, Decimal] = field(default_factory=dict)
    # when the head took up the post (None: the whole period); not scored, classified on
    head_since: date | None = None


@dataclass(frozen=True, slots=True)
class Caps:
    """The period's settings the engine applies: caps, and how figures are published."""
    bonus: Decimal | None = None
    penalty: Decimal | None = None
    clamp_index: bool = False
    places: int = 2  # published precision
    rounding: str = "none"  # ROUNDINGS


# how published figures are worked out (docs/publishing.md):
# "components": every printed component (appraised points per area, ĐTXHH, SIPAS, bonus minus
#     penalty) rounded first, the total their sum and the index computed from that total;
#     units are ranked on the published index
# "none": computed on unrounded values, each figure rounded only when printed; ranked on the
#     unrounded index (the document says so in a footnote)
ROUNDINGS = ("components", "none")


@dataclass(slots=True)
class UnitResult:
    unit: UnitInput
    node_max: dict[str, Decimal]  # applicable nodes only
    node_self: dict[str, Decimal]  # self-scored leaves only roll up here
    node_points: dict[str, Decimal]  # final points (appraised, or self where not appraised)
    applicable_max: Decimal
    self_total: Decimal  # the self-scored leaves, and the bonus less the penalty the unit declared
    appraisal: Decimal  # final points of self-scored leaves
    sipas: Decimal
    survey: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    index: Decimal
    not_appraised: int  # self-scored leaves without an appraisal
    not_self_scored: int
    # as published (Caps.places, Caps.rounding): the appraised points of each area (self-scored
    # leaves only; by area key), the total and the index — what the annex prints and ranks on
    published_areas: dict[str, Decimal] = field(default_factory=dict)
    published_total: Decimal = ZERO
    published_index: Decimal = ZERO
    self_bonus: Decimal = ZERO  # the bonus and penalty the unit declared, capped (in self_total)
    self_penalty: Decimal = ZERO

    @property
    def key(self) -> str:
        return self.unit.key

    def applicable(self, keys: Iterable[str]) -> list[str]:
        """Those of `keys` (in their order) that apply to the unit: of its block's set, not
        marked not applicable."""
        return [k for k in keys if k in self.node_max]

    def area_points(self, tree: CriteriaTree) -> dict[str, Decimal]:
        return {k: self.node_points[k] for k in tree.roots if k in self.node_max}

    def component(self, name: str) -> Decimal:
        return getattr(self, name)

    def differences(self, tree: CriteriaTree) -> dict[str, Decimal | None]:
        """Appraisal − self per applicable node, over self-scored leaves only.

        Survey-fed leaves have no self score, so node_points − node_self would count their whole
        points as a difference; they are left out, and a node without any self-scored leaf maps
        to None (it has neither a self score nor a difference to show).
        """
        diff: dict[str, Decimal | None] = {}
        for key in reversed(tree.preorder):  # children before parents
            if key not in self.node_max:
                continue
            kids = tree.kids(key)
            if not kids:
                own = tree.nodes[key].source is Source.SELF
                diff[key] = self.node_points[key] - self.node_self[key] if own else None
            else:
                parts = [d for k in kids if (d := diff.get(k)) is not None]
                diff[key] = sum(parts, ZERO) if parts else None
        return diff


SELF = Source.SELF

COMPONENTS = ("appraisal", "sipas", "survey", "bonus", "penalty", "self_total", "total", "index")


class Engine:
    """Compiled view of a criteria tree for fast repeated recomputation."""

    def __init__(self, tree: CriteriaTree, caps: Caps = Caps()):
        self.tree = tree
        self.caps = caps
        self._plans: dict[str, list[tuple]] = {}
        self._area_plan: list[tuple[str, tuple[str, ...]]] | None = None
        # survey-fed leaves scoring 0 below a threshold % (proportional criteria only)
        self._thresholds = {k: t for k, n in tree.nodes.items()
                            if n.method is Method.PROPORTIONAL
                            and (t := threshold_of(n.params)) is not None}

    def _plan(self, block: str) -> list[tuple]:
        """Post-order steps for a block: (key, kids, source, max) — kids empty for leaves."""
        plan = self._plans.get(block)
        if plan is None:
            tree = self.tree
            plan = []
            for key in reversed(tree.preorder):  # reversed pre-order visits children first
                node = tree.nodes[key]
                top = node.max_for(block)
                if top <= ZERO:
                    continue
                kids = tuple(k for k in tree.kids(key) if tree.in_block(k, block))
                plan.append((key, kids, node.source, top))
            self._plans[block] = plan
        return plan

    def _excluded_closure(self, unit: UnitInput) -> set[str]:
        out: set[str] = set()
        for key in unit.excluded:
            if key in self.tree.nodes:
                out.add(key)
                out.update(self.tree.descendants(key))
        return out

    def compute(self, unit: UnitInput) -> UnitResult:
        excluded = self._excluded_closure(unit) if unit.excluded else None
        node_max: dict[str, Decimal] = {}
        node_self: dict[str, Decimal] = {}
        node_points: dict[str, Decimal] = {}
        appraisal = sipas = survey = self_total = ZERO
        not_appraised = not_self = 0
        scores = unit.scores
        sipas_pct = unit.sipas_pct
        survey_pct = unit.survey_pct
        measured = unit.measured
        for key, kids, source, top in self._plan(unit.block):
            if kids:
                if excluded:
                    if key in excluded:
                        continue
                    kids = [k for k in kids if k in node_max]
                    if not kids:  # every child not applicable: the node leaves the denominator
                        continue
                m = s = p = ZERO
                for k in kids:
                    m += node_max[k]
                    s += node_self[k]
                    p += node_points[k]
                node_max[key], node_self[key], node_points[key] = m, s, p
                continue
            if excluded and key in excluded:
                continue
            node_max[key] = top
            if source is SELF:
                score = scores.get(key)
                if score is None:
                    own = final = None
                else:
                    own = score.self_points
                    final = score.appraisal2 if score.appraisal2 is not None else score.appraisal
                if own is None:
                    not_self += 1
                    own = ZERO
                if final is None:
                    not_appraised += 1
                    final = own
                node_self[key] = own
                node_points[key] = final
                self_total += own
                appraisal += final
            else:
                pct = measured.get(key) if measured else None
                if pct is None:
                    pct = sipas_pct if source is Source.SIPAS else survey_pct
                points = pct * top / HUNDRED if pct is not None else ZERO
                if pct is not None and key in self._thresholds and pct < self._thresholds[key]:
                    points = ZERO
                node_self[key] = ZERO
                node_points[key] = points
                if source is Source.SIPAS:
                    sipas += points
                else:
                    survey += points
        applicable = sum([node_max[k] for k in self.tree.roots if k in node_max], ZERO)
        bonus_self, bonus = self._capped(unit.adjustments, "bonus", self.caps.bonus)
        penalty_self, penalty = self._capped(unit.adjustments, "penalty", self.caps.penalty)
        total = appraisal + sipas + survey + bonus - penalty
        index = CONTEXT.divide(CONTEXT.multiply(total, HUNDRED), applicable) if applicable else ZERO
        if self.caps.clamp_index:
            index = min(max(index, ZERO), HUNDRED)
        places = self.caps.places
        # each area's appraised points: its points less those of its survey-fed leaves
        areas = {root: quantize(node_points[root] - sum(
                     [node_points[k] for k in fed if k in node_points], ZERO), places)
                 for root, fed in self._areas() if root in node_max}
        if self.caps.rounding == "components":
            shown_total = (sum(areas.values(), ZERO) + quantize(survey, places)
                           + quantize(sipas, places) + quantize(bonus - penalty, places))
            shown_index = quantize(CONTEXT.divide(CONTEXT.multiply(shown_total, HUNDRED),
                                                  applicable), places) if applicable else ZERO
            if self.caps.clamp_index:
                shown_index = min(max(shown_index, ZERO), HUNDRED)
        else:
            shown_total, shown_index = quantize(total, places), quantize(index, places)
        return UnitResult(
            unit=unit, node_max=node_max, node_self=node_self, node_points=node_points,
            applicable_max=applicable, self_total=self_total + bonus_self - penalty_self,
            appraisal=appraisal, sipas=sipas, survey=survey, bonus=bonus, penalty=penalty,
            total=total, index=index, not_appraised=not_appraised, not_self_scored=not_self,
            published_areas=areas, published_total=shown_total, published_index=shown_index,
            self_bonus=bonus_self, self_penalty=penalty_self)

    def _areas(self) -> list[tuple[str, tuple[str, ...]]]:
        """The areas, each with its survey-fed (ĐTXHH, SIPAS) leaves, worked out once."""
        if self._area_plan is None:
            tree = self.tree
            self._area_plan = [(root, tuple(k for k in tree.descendants(root)
                                            if tree.is_leaf(k)
                                            and tree.nodes[k].source is not SELF))
                               for root in tree.roots]
        return self._area_plan

    @staticmethod
    def _capped(adjustments: Sequence[Adjustment], kind: str,
                cap: Decimal | None) -> tuple[Decimal, Decimal]:
        own = sum((a.self_points for a in adjustments if a.kind == kind), ZERO)
        final = sum((a.final for a in adjustments if a.kind == kind), ZERO)
        if cap is not None:
            own, final = min(own, cap), min(final, cap)
        return own, final
