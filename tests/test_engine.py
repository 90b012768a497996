"""The rules engine on hand-computed cases and on published figures (domain.md §4, §11)."""
from decimal import Decimal as D

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parapp.core.criteria import (
    CriteriaTree,
    Method,
    Node,
    Source,
    check_points,
    points_from_measure,
)
from parapp.core.numbers import CONTEXT, fmt, parse_decimal
from parapp.core.ranking import rank_block, rerank_block, vietnamese_key
from parapp.core.scoring import Adjustment, Caps, Engine, LeafScore, UnitInput


def small_tree() -> CriteriaTree:
    """Area 1 (10): 1.1 levels 4/2/0; 1.2 = 1.2.1 yes/no 2 + 1.2.2 manual 4.
    Area 2 (80): SO has 2.1 = 50 and 2.2 = 30; XA has 2.1 = 80 and no 2.2.
    Area 3: SIPAS, 10 points."""
    return CriteriaTree([
        Node("a1", "1", "Chỉ đạo, điều hành", None, D(10)),
        Node("c11", "1.1", "Kế hoạch", "a1", D(4), method=Method.LEVELS,
             params={"levels": ["4", "2", "0"]}),
        Node("c12", "1.2", "Báo cáo", "a1", D(6)),
        Node("c121", "1.2.1", "Đúng hạn", "c12", D(2), method=Method.YESNO),
        Node("c122", "1.2.2", "Đầy đủ", "c12", D(4)),
        Node("a2", "2", "Thủ tục hành chính", None, D(80)),
        Node("c21", "2.1", "Hồ sơ đúng hạn", "a2", D(50), block_max={"XA": D(80)}),
        Node("c22", "2.2", "Một cửa", "a2", D(30), block_max={"XA": D(0)}),
        Node("a3", "3", "SIPAS", None, D(10), source=Source.SIPAS, method=Method.PROPORTIONAL),
    ])


def test_tree_validates_per_block_and_names_the_node():
    tree = small_tree()
    assert tree.validate(["SO", "XA"]) == []
    assert tree.total_max("SO") == tree.total_max("XA") == D(100)
    broken = CriteriaTree([*tree.nodes.values()][:-1] + [
        Node("a3", "3", "SIPAS", None, D(10), block_max={"XA": D(9)})])
    assert [str(p) for p in broken.validate(["SO", "XA"])] == []  # a leaf: nothing to add up
    wrong = CriteriaTree([n if n.key != "c22" else Node("c22", "2.2", "Một cửa", "a2", D("29.5"),
                                                        block_max={"XA": D(0)})
                          for n in tree.nodes.values()])
    messages = [str(p) for p in wrong.validate(["SO", "XA"])]
    assert messages == ["Tiêu chí 2: khối SO: tổng điểm tối đa các tiêu chí con là 79,500, "
                        "khác điểm tối đa 80,000"]


def test_rollup_appraisal_self_and_sipas_exact():
    engine = Engine(small_tree())
    unit = UnitInput("u1", "SYT", "Sở Y tế", "SO", scores={
        "c11": LeafScore(D(4), D(2)),
        "c121": LeafScore(D(2), D(2)),
        "c122": LeafScore(D("3.5"), D("3.25")),
        "c21": LeafScore(D("45.5"), D("45.5")),
        "c22": LeafScore(D(30), D("27.125")),
    }, sipas_pct=D("91.17"))
    r = engine.compute(unit)
    assert r.node_self["c12"] == D("5.5") and r.node_points["c12"] == D("5.25")
    assert r.node_self["a1"] == D("9.5") and r.node_points["a1"] == D("7.25")
    assert r.node_points["a2"] == D("72.625")
    assert r.sipas == D("9.117")  # 91.17 % × 10, kept exact
    assert r.total == D("88.992")
    assert r.self_total == D(85)
    assert r.appraisal == D("79.875")
    assert r.applicable_max == D(100) and r.index == D("88.992")
    assert r.not_appraised == 0 and r.not_self_scored == 0
    assert fmt(r.sipas, 2, comma=False) == "9.12" and fmt(r.total, 2, comma=True) == "88,99"


def test_not_applicable_leaves_the_denominator_and_unappraised_counts_self():
    engine = Engine(small_tree())
    unit = UnitInput("u2", "STP", "Sở Tư pháp", "SO", excluded=frozenset({"c22"}), scores={
        "c11": LeafScore(D(4)), "c121": LeafScore(D(2)), "c122": LeafScore(D(4)),
        "c21": LeafScore(D(50), D(40)),
    }, sipas_pct=D(80))
    r = engine.compute(unit)
    assert "c22" not in r.node_max
    assert r.applicable_max == D(70)
    assert r.total == D(58)
    assert r.index == CONTEXT.divide(D(5800), D(70))
    assert fmt(r.index, 2, comma=False) == "82.86" and fmt(r.index, 3, comma=False) == "82.857"
    assert r.not_appraised == 3


def test_excluding_an_area_removes_its_whole_subtree():
    r = Engine(small_tree()).compute(UnitInput("u", "X", "X", "SO", excluded=frozenset({"a1"})))
    assert r.applicable_max == D(90)
    assert not {"a1", "c11", "c12", "c121", "c122"} & set(r.node_max)


def test_block_specific_maxima():
    r = Engine(small_tree()).compute(UnitInput("u", "X01", "Xã An Bình", "XA", scores={
        "c21": LeafScore(D(70), D(64))}, survey_pct=None))
    assert r.node_max["c21"] == D(80) and "c22" not in r.node_max
    assert r.applicable_max == D(100)
    assert r.total == D(64) and r.not_self_scored == 3


def test_bonus_and_penalty_are_capped_per_side():
    engine = Engine(small_tree(), Caps(bonus=D(2), penalty=D("0.75")))
    unit = UnitInput("u", "U", "U", "SO", adjustments=(
        Adjustment("bonus", D("1.5")), Adjustment("bonus", D(1)),
        Adjustment("penalty", D(0), D(1))))
    r = engine.compute(unit)
    assert (r.bonus, r.penalty) == (D(2), D("0.75"))
    assert r.total == D("1.25")


def test_clamp_index_setting():
    unit = UnitInput("u", "U", "U", "XA", scores={"c21": LeafScore(D(80))},
                     sipas_pct=D(100), adjustments=(Adjustment("bonus", D(30)),))
    assert Engine(small_tree()).compute(unit).index == D(120)
    assert Engine(small_tree(), Caps(clamp_index=True)).compute(unit).index == D(100)
    # as published too: new periods round each component, then add them; the clamp holds
    clamped = Engine(small_tree(), Caps(clamp_index=True, rounding="components")).compute(unit)
    assert (clamped.published_index, clamped.index) == (D(100), D(100))


def test_a_bonus_or_penalty_line_may_be_exactly_its_cap():
    from parapp.core.scoring import check_adjustment
    assert check_adjustment(D(5), D(5)) is None and check_adjustment(D(100), None) is None
    assert check_adjustment(D("5.01"), D(5)) == "vượt mức tối đa 5,00 điểm của kỳ đánh giá"
    assert check_adjustment(D("100.01"), None) == "vượt 100 điểm của cả Chỉ số"


def test_the_unit_s_own_bonus_and_penalty_count_in_its_self_total():
    """A tie-breaker and the self-assessment report's total: the leaves it scored, and the
    bonus less the penalty it declared (capped), whatever the council decided for them."""
    unit = UnitInput("u", "U", "U", "XA", scores={"c21": LeafScore(D(30), D(20))},
                     adjustments=(Adjustment("bonus", D(3), D(1)), Adjustment("penalty", D(1))))
    r = Engine(small_tree(), Caps(bonus=D(2))).compute(unit)
    assert (r.self_total, r.self_bonus, r.self_penalty) == (D(31), D(2), D(1))  # 30 + 2 − 1


def test_points_validation_by_method():
    tree = small_tree()
    assert check_points(tree.nodes["c11"], "SO", D(2)) is None
    assert check_points(tree.nodes["c11"], "SO", D(3)) == ("điểm phải là một trong các mức: "
                                                           "4,00; 2,00; 0,00")
    assert check_points(tree.nodes["c121"], "SO", D(1)) == "tiêu chí Có/Không chỉ nhận 0 hoặc 2,00"
    assert check_points(tree.nodes["c21"], "SO", D("50.01")) == "điểm vượt điểm tối đa 50,00"
    assert check_points(tree.nodes["c21"], "XA", D("50.01")) is None
    assert check_points(tree.nodes["c122"], "SO", D("-0.5")) == "điểm không được âm"


def test_points_from_measure_bands_and_proportional():
    band = Node("b", "1.1.3", "Mức độ hoàn thành", None, D(1), method=Method.BANDS,
                params={"bands": [["100", "1.00"], ["80", "0.50"], ["0", "0"]]})
    assert points_from_measure(band, "SO", D(100)) == D(1)
    assert points_from_measure(band, "SO", D("99.99")) == D("0.50")
    assert points_from_measure(band, "SO", D("79.9")) == D(0)
    prop = Node("p", "8.2.1", "ĐTXHH", None, D("3.5"), method=Method.PROPORTIONAL)
    assert points_from_measure(prop, "SO", D("87.35")) == D("3.05725")


@pytest.mark.parametrize("text,value", [("8,5", "8.5"), ("8.5", "8.5"), (" 91,17 % ", "91.17"),
                                        ("10", "10"), ("0,125", "0.125")])
def test_parse_decimal_accepts_comma_and_percent(text, value):
    assert parse_decimal(text) == D(value)


@pytest.mark.parametrize("text", ["abc", "1,2,3", "", "NaN", "inf"])
def test_parse_decimal_refuses_garbage(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        parse_decimal(8.5)


def test_display_rounds_half_up_only():
    assert fmt(D("9.115"), 2, comma=False) == "9.12"  # half-up, not banker's rounding
    assert fmt(D("9.125"), 2, comma=False) == "9.13"
    assert fmt(D("89.7685"), 3, comma=False) == "89.769"
    assert fmt(D("-0.001"), 2, comma=False) == "0.00"


# -- Hải Phòng 2017, khối sở (domain.md §11.1): published totals must rank exactly as published.

HAI_PHONG_2017 = [
    ("Thanh tra thành phố", "84.36"), ("Văn phòng UBND thành phố", "84.32"),
    ("Sở Ngoại vụ", "83.73"), ("Sở Tư pháp", "83.60"), ("Sở Khoa học và Công nghệ", "83.46"),
    ("Sở Nội vụ", "83.18"), ("Sở Thông tin và Truyền thông", "82.75"),
    ("Sở Giao thông vận tải", "82.61"), ("Sở Y tế", "81.30"), ("Sở Giáo dục và Đào tạo", "81.09"),
    ("Sở Tài chính", "80.51"), ("Sở Lao động - Thương binh và Xã hội", "80.43"),
    ("Sở Du lịch", "80.24"), ("Sở Tài nguyên và Môi trường", "80.06"),
    ("Sở Văn hóa và Thể thao", "78.27"), ("Sở Nông nghiệp và Phát triển nông thôn", "75.36"),
    ("Sở Công Thương", "74.76"), ("Sở Kế hoạch và Đầu tư", "74.45"), ("Sở Xây dựng", "70.12"),
    ("Ban Quản lý Khu kinh tế Hải Phòng", "67.32"),
]


def test_hai_phong_2017_ranks_exactly_as_published():
    tree = CriteriaTree([Node("t", "1", "Tổng điểm", None, D(100))])
    engine = Engine(tree)
    # fed in reverse alphabetical order so that the input order cannot explain the result
    units = [UnitInput(f"u{i}", f"HP{i:02d}", name, "SO", scores={"t": LeafScore(D(total))})
             for i, (name, total) in sorted(enumerate(HAI_PHONG_2017), key=lambda x: x[1][0],
                                            reverse=True)]
    ranking = rank_block("SO", [engine.compute(u) for u in units])
    assert [(row.rank, row.result.unit.name, fmt(row.result.total, 2, comma=False)) for row in ranking.ranked] \
        == [(i, name, total) for i, (name, total) in enumerate(HAI_PHONG_2017, start=1)]
    assert ranking.ties == []


# -- ties and tie-breakers

def _result(key, name, index, appraisal=D(0), sipas=D(0), ranked=True, prev=None):
    tree = CriteriaTree([Node("t", "1", "T", None, D(100))])
    return Engine(tree).compute(UnitInput(key, key.upper(), name, "B", ranked=ranked,
                                          prev_rank=prev, scores={"t": LeafScore(D(index))}))


def _with(result, **components):
    for k, v in components.items():
        setattr(result, k, D(v))
    return result


def test_shared_ties_are_competition_ranked():
    results = [_result("a", "Phường An Phú", "85.86"), _result("b", "Phường Bình Minh", "85.86"),
               _result("c", "Phường Cẩm Phả", "90"), _result("d", "Phường Đông Hải", "80")]
    ranking = rank_block("B", results, "shared")
    assert [(r.result.key, r.rank, r.tied) for r in ranking.ranked] == [
        ("c", 1, False), ("a", 2, True), ("b", 2, True), ("d", 4, False)]
    assert [[r.result.key for r in group] for group in ranking.ties] == [["a", "b"]]


def test_tied_and_unranked_units_are_listed_by_their_vietnamese_names():
    """Equal units, and the units a block does not rank, in the order of their names as
    Vietnamese sorts them (Đ after D), whatever their codes say: codes are given here in the
    reverse order."""
    results = [_result("a", "Xã Đông Sơn", "85"), _result("b", "Xã Dương Xá", "85"),
               _result("c", "Xã Cẩm Thủy", "85"),
               _result("d", "Ban Quản lý dự án giao thông", "90", ranked=False),
               _result("e", "Ban Quản lý dự án dân dụng", "90", ranked=False)]
    ranking = rank_block("B", results, "shared")
    assert [(r.result.key, r.rank) for r in ranking.ranked] == [("c", 1), ("b", 1), ("a", 1)]
    assert [r.result.key for r in ranking.unranked] == ["e", "d"]  # dân… before giao…


def test_unrounded_totals_decide_even_when_display_is_equal():
    # Hải Dương 2021: "cùng đạt 85,86" yet ranked 1st and 2nd — more decimals decided.
    results = [_result("nam_sach", "Huyện Nam Sách", "85.855"),
               _result("tp", "Thành phố Hải Dương", "85.8649")]
    ranking = rank_block("B", results, "shared")
    assert [(r.result.key, r.rank, fmt(r.result.index, 2, comma=False)) for r in ranking.ranked] == [
        ("tp", 1, "85.86"), ("nam_sach", 2, "85.86")]


def test_tie_breakers_in_order_then_shared_when_exhausted():
    a = _with(_result("a", "Xã Bình An", "88"), appraisal="60", sipas="9")
    b = _with(_result("b", "Xã An Bình", "88"), appraisal="60", sipas="9.5")
    c = _with(_result("c", "Xã Cát Hải", "88"), appraisal="61", sipas="8")
    d = _with(_result("d", "Xã Đông Hòa", "88"), appraisal="60", sipas="9")
    ranking = rank_block("B", [a, b, c, d], "break", ["appraisal", "sipas"])
    assert [(r.result.key, r.rank, r.tied, r.decided_by) for r in ranking.ranked] == [
        ("c", 1, False, None), ("b", 2, False, "appraisal"), ("a", 3, True, "sipas"),
        ("d", 3, True, None)]
    by_name = rank_block("B", [a, b, c, d], "break", ["appraisal", "sipas", "name"])
    assert [(r.result.key, r.rank) for r in by_name.ranked] == [
        ("c", 1), ("b", 2), ("a", 3), ("d", 4)]


def test_unranked_units_listed_separately_and_rank_change():
    results = [_result("a", "Sở A", "90", prev=3), _result("b", "Sở B", "95", ranked=False),
               _result("c", "Sở C", "85", prev=1)]
    ranking = rank_block("B", results)
    assert [(r.result.key, r.rank, r.change) for r in ranking.ranked] == [("a", 1, 2), ("c", 2, -1)]
    assert [(r.result.key, r.rank) for r in ranking.unranked] == [("b", None)]


def test_vietnamese_alphabetical_order():
    names = ["Xã Đông Hòa", "Xã Dương Kinh", "Xã Ân Thi", "Xã An Lão", "Xã Ăn Cư", "Xã Hòa Bình",
             "Xã Hoa Lư", "Xã Hóa Châu"]
    assert sorted(names, key=vietnamese_key) == [
        "Xã An Lão", "Xã Ăn Cư", "Xã Ân Thi", "Xã Dương Kinh", "Xã Đông Hòa", "Xã Hoa Lư",
        "Xã Hòa Bình", "Xã Hóa Châu"]


# -- an edit re-ranks its unit in place: the same ranking as ranking the block again ----------

def _block_of(spec):
    """Results from (index, appraisal, name, ranked) tuples: few distinct values, so that
    indexes, tie-breakers and names tie often."""
    return [_with(_result(f"u{i:02d}", name, index, ranked=ranked,
                          appraisal=D(appraisal)), appraisal=appraisal)
            for i, (index, appraisal, name, ranked) in enumerate(spec)]


def _rows(ranking):
    return [(id(r.result), r.rank, r.tied, r.decided_by) for r in ranking.ranked] + [
        (id(r.result), r.rank) for r in ranking.unranked]


@settings(max_examples=400, deadline=None)
@given(spec=st.lists(st.tuples(st.sampled_from(["70", "80.004", "80.001", "80", "90", "95.5"]),
                               st.sampled_from(["1", "2"]),
                               st.sampled_from(["Xã An", "Xã Bình", "Xã Ân"]),
                               st.booleans().map(lambda b: b or True) | st.just(False)),
                     min_size=1, max_size=14),
       edit=st.tuples(st.integers(0, 13), st.sampled_from(["60", "80", "80.004", "99"]),
                      st.sampled_from(["1", "2"])),
       policy=st.sampled_from([("shared", (), "none"), ("shared", (), "components"),
                               ("shared_display", (), "none"),
                               ("break", ("appraisal", "name"), "none"),
                               ("break", ("unrounded",), "components")]))
def test_rerank_in_place_equals_ranking_the_block_again(spec, edit, policy):
    results = _block_of(spec)
    ranked = [r for r in results if r.unit.ranked]
    assume(ranked)
    before = rank_block("B", results, *policy)
    changed = ranked[edit[0] % len(ranked)]
    new = _with(_result(changed.unit.key, changed.unit.name, edit[1], appraisal=D(edit[2])),
                appraisal=edit[2])
    after = [new if r is changed else r for r in results]
    assert _rows(rerank_block(before, new, *policy)) == _rows(rank_block("B", after, *policy))


def test_bonus_and_penalty_are_published_as_one_rounded_figure():
    """The annex prints bonus less penalty as one figure, rounded once: +0,125 and −0,004 make
    +0,12 (rounded apart they would be +0,13 − 0,00 = +0,13)."""
    plain = UnitInput("u", "U", "U", "XA", scores={"c21": LeafScore(D(80))}, sipas_pct=D(100))
    adjusted = UnitInput("v", "V", "V", "XA", scores={"c21": LeafScore(D(80))}, sipas_pct=D(100),
                         adjustments=(Adjustment("bonus", D("0.125")),
                                      Adjustment("penalty", D("0.004"))))
    engine = Engine(small_tree(), Caps(rounding="components", places=2))
    gap = engine.compute(adjusted).published_total - engine.compute(plain).published_total
    assert gap == D("0.12")


@pytest.mark.parametrize("note, note2, appraisal2, in_force", [
    ("Thiếu biên bản", "Đã bổ sung một phần", D(1), "Đã bổ sung một phần"),  # round 2's
    ("Thiếu biên bản", "", D(1), "Thiếu biên bản"),  # round 2 kept round 1's points
    ("Thiếu biên bản", "Ghi chú vòng 2", None, "Thiếu biên bản"),  # not appraised again
    (None, None, None, ""),
])
def test_the_deduction_reason_in_force(note, note2, appraisal2, in_force):
    from parapp.core.scoring import note_in_force
    assert note_in_force(note, note2, appraisal2) == in_force
