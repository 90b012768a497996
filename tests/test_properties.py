"""Invariants of the engine under random trees, scores and ties (hypothesis)."""
import itertools
import math
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.classification import PRESETS, Grade, classify_block
from parapp.core.criteria import CriteriaTree, Node
from parapp.core.numbers import ZERO, quantize
from parapp.core.ranking import rank_block
from parapp.core.scoring import Engine, LeafScore, UnitInput

cents = st.integers(min_value=0, max_value=2000).map(lambda n: D(n) / 100)


@st.composite
def trees(draw):
    """A random tree of depth ≤ 3 whose maxima add up by construction."""
    nodes: list[Node] = []
    areas = draw(st.integers(1, 4))
    for a in range(1, areas + 1):
        kids = draw(st.integers(0, 3))
        if kids == 0:
            nodes.append(Node(f"{a}", f"{a}", f"Lĩnh vực {a}", None, draw(cents) + D(1)))
            continue
        area_max = ZERO
        for c in range(1, kids + 1):
            grand = draw(st.integers(0, 2))
            if grand == 0:
                mx = draw(cents) + D("0.5")
                nodes.append(Node(f"{a}.{c}", f"{a}.{c}", "TC", f"{a}", mx))
            else:
                mx = ZERO
                for g in range(1, grand + 1):
                    leaf = draw(cents) + D("0.25")
                    nodes.append(Node(f"{a}.{c}.{g}", f"{a}.{c}.{g}", "TCTP", f"{a}.{c}", leaf))
                    mx += leaf
                nodes.append(Node(f"{a}.{c}", f"{a}.{c}", "TC", f"{a}", mx))
            area_max += mx
        nodes.append(Node(f"{a}", f"{a}", f"Lĩnh vực {a}", None, area_max))
    return CriteriaTree(nodes)


@st.composite
def units_for(draw, tree: CriteriaTree, n: int):
    leaves = [k for k in tree.preorder if tree.is_leaf(k)]
    units = []
    for i in range(n):
        scores = {}
        for k in leaves:
            top = tree.nodes[k].max_for("B")
            own = draw(st.integers(0, int(top * 100))) / D(100)
            appraised = draw(st.one_of(st.none(), st.integers(0, int(own * 100)).map(
                lambda v: D(v) / 100)))
            scores[k] = LeafScore(own, appraised)
        excluded = frozenset(draw(st.lists(st.sampled_from(tree.preorder), max_size=1)))
        units.append(UnitInput(f"u{i}", f"U{i:03d}", f"Đơn vị {i:03d}", "B",
                               ranked=draw(st.booleans()) or i == 0, excluded=excluded,
                               scores=scores))
    return units


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_rollups_add_up_and_stay_within_maxima(data):
    tree = data.draw(trees())
    assert tree.validate(["B"]) == []
    engine = Engine(tree)
    for unit in data.draw(units_for(tree, 3)):
        r = engine.compute(unit)
        for key in r.node_max:
            kids = [k for k in tree.kids(key) if k in r.node_max]
            if kids:
                assert r.node_points[key] == sum((r.node_points[k] for k in kids), ZERO)
                assert r.node_self[key] == sum((r.node_self[k] for k in kids), ZERO)
                assert r.node_max[key] == sum((r.node_max[k] for k in kids), ZERO)
            assert ZERO <= r.node_points[key] <= r.node_self[key] <= r.node_max[key]
        assert r.total == sum((r.node_points[k] for k in tree.roots if k in r.node_max), ZERO)
        assert r.applicable_max == sum((r.node_max[k] for k in tree.roots if k in r.node_max),
                                       ZERO)


indexes = st.lists(st.integers(5000, 10000).map(lambda n: D(n) / 100), min_size=1, max_size=25)


def _results(values, appraisal=None):
    tree = CriteriaTree([Node("t", "1", "T", None, D(100))])
    engine = Engine(tree)
    out = []
    for i, v in enumerate(values):
        r = engine.compute(UnitInput(f"u{i}", f"U{i}", f"Đơn vị {i:03d}", "B",
                                     scores={"t": LeafScore(v)}))
        if appraisal is not None:
            r.appraisal = appraisal[i % len(appraisal)]
        out.append(r)
    return out


@given(indexes)
def test_shared_ranks_are_competition_ranks(values):
    ranking = rank_block("B", _results(values), "shared")
    for row in ranking.ranked:
        better = sum(1 for v in values if v > row.result.index)
        assert row.rank == better + 1
        assert row.tied == (sum(1 for v in values if v == row.result.index) > 1)


@given(indexes, st.lists(st.integers(0, 3).map(D), min_size=1, max_size=4))
def test_breaking_by_name_gives_a_permutation_consistent_with_the_index(values, appraisal):
    ranking = rank_block("B", _results(values, appraisal), "break", ["appraisal", "name"])
    assert sorted(r.rank for r in ranking.ranked) == list(range(1, len(values) + 1))
    ordered = [r.result for r in ranking.ranked]
    for a, b in itertools.pairwise(ordered):
        assert a.index > b.index or (a.index == b.index and a.appraisal >= b.appraisal)


@given(indexes, st.sampled_from([2, 3]))
def test_rounding_for_display_never_reverses_the_order(values, places):
    ranking = rank_block("B", _results(values), "shared")
    shown = [quantize(r.result.index, places) for r in ranking.ranked]
    assert shown == sorted(shown, reverse=True)


@given(indexes)
def test_the_excellent_quota_is_never_exceeded(values):
    rows = rank_block("B", _results(values)).rows()
    results = classify_block(rows, PRESETS["nd335"][0])
    good_or_better = sum(1 for h in results if h.grade.at_least(Grade.GOOD))
    excellent = sum(1 for h in results if h.grade is Grade.EXCELLENT)
    assert excellent <= math.floor(D("0.20") * good_or_better)
    for h in results:  # nobody is classified above what their index allows
        if h.grade is Grade.EXCELLENT:
            assert h.row.result.index >= 90
        if h.grade is Grade.GOOD:
            assert h.row.result.index >= 70


@given(st.decimals(allow_nan=False, allow_infinity=False, places=8, min_value=-10**6,
                   max_value=10**6))
def test_decimals_of_counts_the_significant_decimals(value):
    from parapp.core.numbers import canonical, decimals_of
    text = canonical(value)
    assert decimals_of(value) == (len(text.split(".")[1]) if "." in text else 0)
