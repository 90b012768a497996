"""Head classification: presets, quota, conditions, overrides, rule parsing."""
from decimal import Decimal as D

import pytest

from parapp.core.classification import (
    PRESETS,
    Grade,
    Override,
    Rule,
    classify_block,
    counts,
    reason_problem,
    rules_from_setting,
)
from parapp.core.criteria import CriteriaTree, Node
from parapp.core.ranking import rank_block
from parapp.core.scoring import Engine, LeafScore, UnitInput

INDEXES = ["95", "94", "93", "92", "91", "85", "75", "65", "55", "45"]
XS, TOT, HT, KHT = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED


def block_rows(indexes=INDEXES, sipas=None):
    tree = CriteriaTree([Node("t", "1", "T", None, D(90)),
                         Node("s", "2", "SIPAS", None, D(10), source="sipas")])
    engine = Engine(tree)
    results = []
    for i, idx in enumerate(indexes):
        # 90-point tree + SIPAS: choose tree points so that the total equals idx
        pct = D(sipas[i]) if sipas else D(100)
        tree_points = D(idx) - pct * 10 / 100
        results.append(engine.compute(UnitInput(f"u{i}", f"U{i}", f"Đơn vị {i:02d}", "B", scores={
            "t": LeafScore(tree_points)}, sipas_pct=pct)))
    return rank_block("B", results).rows()


def grades(results):
    return [h.grade for h in results]


def test_nd335_quota_of_twenty_percent_of_those_rated_good():
    results = classify_block(block_rows(), PRESETS["nd335"][0])
    # 7 units reach "tốt" or better → floor(0.2 × 7) = 1 excellent; the other four ≥ 90 fall to tốt
    assert grades(results) == [XS, TOT, TOT, TOT, TOT, TOT, TOT, HT, HT, KHT]
    assert [h.by_quota for h in results][:5] == [False, True, True, True, True]
    assert results[1].reason == "vượt hạn mức tỷ lệ xếp loại cao hơn"
    assert counts(results) == {XS: 1, TOT: 6, HT: 2, KHT: 1}


def test_nd335_counts_the_excellent_against_those_finally_rated_good():
    """NĐ 335/2025: the number "xuất sắc" is at most 20 % of the number rated "hoàn thành tốt".
    Ten heads reach 90 and five more reach 70: a quota of the fifteen at "tốt" or better would
    allow 3 excellent beside 12 good (3 > 20 % of 12); the decree's ratio allows 2 beside 13."""
    indexes = ["99", "98", "97", "96", "95", "94", "93", "92", "91", "90",
               "85", "80", "78", "75", "71"]
    results = classify_block(block_rows(indexes), PRESETS["nd335"][0])
    assert counts(results)[XS] == 2 and counts(results)[TOT] == 13
    assert grades(results)[:3] == [XS, XS, TOT] and results[2].by_quota


@pytest.mark.parametrize("n_high, n_good", [(0, 4), (1, 4), (1, 5), (3, 10), (6, 0), (7, 30),
                                            (12, 3), (20, 20)])
def test_nd335_ratio_holds_and_no_one_more_could_be_excellent(n_high, n_good):
    indexes = [str(99 - i * D("0.25")) for i in range(n_high)] + \
              [str(89 - i * D("0.5")) for i in range(n_good)]
    result = counts(classify_block(block_rows(indexes), PRESETS["nd335"][0]))
    excellent, good = result[XS], result[TOT]
    assert excellent * 5 <= good  # at most 20 % of those rated good
    if excellent < n_high:  # one more would break it: one fewer good, one more excellent
        assert (excellent + 1) * 5 > good - 1


def test_presets_say_what_they_are_based_on():
    assert "20% số hoàn thành tốt" in PRESETS["nd335"][1]
    assert "không hạn mức" in PRESETS["bands-90-70-50"][1]
    assert grades(classify_block(block_rows(), PRESETS["bands-90-70-50"][0])) == \
        [XS] * 5 + [TOT, TOT, HT, HT, KHT]


def test_common_bands_90_80_70_have_no_quota():
    results = classify_block(block_rows(), PRESETS["bands-90-80-70"][0])
    assert grades(results) == [XS] * 5 + [TOT, HT, KHT, KHT, KHT]


def test_band_edges_are_inclusive_on_the_unrounded_index():
    results = classify_block(block_rows(["90", "89.9999", "70", "69.999"]),
                             PRESETS["bands-90-80-70"][0])
    assert grades(results) == [XS, TOT, HT, KHT]


def test_override_takes_a_quota_place_first():
    rows = block_rows()
    overrides = {"u1": Override(XS, "Hội đồng đề nghị do có thành tích đột xuất")}
    results = classify_block(rows, PRESETS["nd335"][0], overrides)
    assert grades(results)[:3] == [TOT, XS, TOT]
    assert results[1].override is not None and results[1].reason.startswith("Hội đồng")
    assert results[0].by_quota


def test_disqualification_leaves_the_quota_base():
    rows = block_rows()
    overrides = {"u0": Override(KHT, "Bị kỷ luật khiển trách năm 2025", disqualified=True)}
    results = classify_block(rows, PRESETS["nd335"][0], overrides)
    # base is now 6 (u1…u6) → floor(1.2) = 1 excellent: the next best, u1
    assert grades(results) == [KHT, XS, TOT, TOT, TOT, TOT, TOT, HT, HT, KHT]


def test_override_requires_a_reason():
    with pytest.raises(ValueError, match="phải ghi lý do"):
        Override(XS, "   ")


@pytest.mark.parametrize("reason,refused", [
    ("…", True), ("x", True), ("abc", True), ("lý do", True), ("  Lý do  điều chỉnh ", True),
    ("KHÔNG CÓ LÝ DO!", True), ("Đã xem", True), ("Kỷ luật", True),
    ("Bị kỷ luật khiển trách năm 2025", False), ("Kết luận thanh tra số 12/KL-TTr", False),
])
def test_a_placeholder_reason_is_refused_where_it_is_entered(reason, refused):
    assert (reason_problem(reason) is not None) is refused
    Override(XS, reason)  # a reason already in a file is read as it is


def test_rank_and_component_conditions():
    rules = (Rule(XS, D(90), max_rank=3), Rule(TOT, D(80)), Rule(HT, D(70)), Rule(KHT))
    assert grades(classify_block(block_rows(), rules))[:5] == [XS, XS, XS, TOT, TOT]
    sipas = ["80", "100", "100", "100", "100", "100", "100", "100", "100", "100"]
    rules = (Rule(XS, D(90), component_min={"sipas": D(9)}), Rule(TOT, D(80)), Rule(KHT))
    assert grades(classify_block(block_rows(sipas=sipas), rules))[:3] == [TOT, XS, XS]


def test_rules_round_trip_through_json_and_reject_bad_keys():
    rules = PRESETS["nd335"][0]
    assert rules_from_setting([r.to_json() for r in rules]) == rules
    with pytest.raises(ValueError, match="khóa không hợp lệ trong quy tắc: min"):
        rules_from_setting('[{"grade": "tot", "min": 80}]')
    with pytest.raises(ValueError, match="thành phần điểm không tồn tại: sipass"):
        rules_from_setting('[{"grade": "tot", "component_min": {"sipass": 8}}]')
    with pytest.raises(ValueError, match="hạn mức phải trong khoảng 0…1"):
        rules_from_setting('[{"grade": "xuat_sac", "quota": 20}]')
    assert rules[0].to_json()["quota_of"] == "rated"  # the decree's count survives the trip
    with pytest.raises(ValueError, match="quota_of phải là một trong: at_least, rated"):
        rules_from_setting('[{"grade": "xuat_sac", "quota": "0.2", "quota_of": "all"}]')
    with pytest.raises(ValueError):
        rules_from_setting("[]")


def test_unranked_units_are_classified_without_rank_conditions():
    tree = CriteriaTree([Node("t", "1", "T", None, D(100))])
    engine = Engine(tree)
    results = [engine.compute(UnitInput(k, k, k, "B", ranked=k != "u0",
                                        scores={"t": LeafScore(D(v))}))
               for k, v in (("u0", "97"), ("u1", "96"), ("u2", "91"))]
    rules = (Rule(XS, D(90), max_rank=1), Rule(TOT, D(80)), Rule(KHT))
    out = {h.row.result.key: h.grade for h in classify_block(rank_block("B", results).rows(), rules)}
    assert out == {"u0": XS, "u1": XS, "u2": TOT}
