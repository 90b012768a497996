"""Head classification: presets, quota, conditions, overrides, rule parsing, months in post."""
from datetime import date
from decimal import Decimal as D

import pytest

from parapp.core.classification import (
    PRESETS,
    Grade,
    Override,
    Rule,
    classify_block,
    counts,
    months_in_post,
    reason_problem,
    rules_from_setting,
)
from parapp.core.criteria import CriteriaTree, Node
from parapp.core.ranking import rank_block
from parapp.core.scoring import Engine, LeafScore, UnitInput

INDEXES = ["95", "94", "93", "92", "91", "85", "75", "65", "55", "45"]
XS, TOT, HT, KHT = Grade.EXCELLENT, Grade.GOOD, Grade.COMPLETED, Grade.NOT_COMPLETED
KXL = Grade.NOT_CLASSIFIED


def block_rows(indexes=INDEXES, sipas=None, since=None):
    tree = CriteriaTree([Node("t", "1", "T", None, D(90)),
                         Node("s", "2", "SIPAS", None, D(10), source="sipas")])
    engine = Engine(tree)
    results = []
    for i, idx in enumerate(indexes):
        # 90-point tree + SIPAS: choose tree points so that the total equals idx
        pct = D(sipas[i]) if sipas else D(100)
        tree_points = D(idx) - pct * 10 / 100
        results.append(engine.compute(UnitInput(f"u{i}", f"U{i}", f"Đơn vị {i:02d}", "B", scores={
            "t": LeafScore(tree_points)}, sipas_pct=pct, head_since=(since or {}).get(f"u{i}"))))
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
    with pytest.raises(ValueError, match="danh sách quy tắc xếp loại phải là một mảng JSON "
                                         "không rỗng"):
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


# -- months in post -------------------------------------------------------------------------------

@pytest.mark.parametrize("since,months", [
    (None, 12),  # not recorded: the whole year
    (date(2019, 3, 15), 12), (date(2025, 12, 31), 12), (date(2026, 1, 1), 12),
    (date(2026, 1, 2), 11),  # January is not whole
    (date(2026, 7, 1), 6), (date(2026, 7, 2), 5),
    (date(2026, 9, 1), 4), (date(2026, 9, 2), 3), (date(2026, 9, 16), 3), (date(2026, 9, 30), 3),
    (date(2026, 12, 1), 1), (date(2026, 12, 2), 0), (date(2026, 12, 31), 0),
    (date(2027, 1, 1), 0), (date(2030, 5, 1), 0),  # after the year's end
    (date(2024, 2, 29), 12), (date(2028, 2, 29), 0),
])
def test_months_in_post_counts_the_whole_calendar_months_of_the_year(since, months):
    assert months_in_post(since, 2026) == months


# -- heads in post too short a time ---------------------------------------------------------------

BANDS = PRESETS["bands-90-70-50"][0]


def test_a_head_below_the_minimum_is_not_classified_with_the_reason():
    since = {"u0": date(2025, 9, 1), "u5": date(2025, 7, 1), "u6": date(2025, 6, 1),
             "u7": date(2025, 7, 16)}
    results = classify_block(block_rows(since=since), BANDS, min_months=6, year=2025)
    # u0: 4 months (below), u5: 6 (at the minimum), u6: 7 (above), u7: 5 (below)
    assert grades(results) == [KXL, XS, XS, XS, XS, TOT, TOT, KXL, HT, KHT]
    assert results[0].reason == ("Giữ chức vụ từ 01/09/2025 (4 tháng trong năm), dưới 6 tháng: "
                                 "không xếp loại")
    assert results[7].reason == ("Giữ chức vụ từ 16/07/2025 (5 tháng trong năm), dưới 6 tháng: "
                                 "không xếp loại")
    assert (results[0].rule, results[0].override, results[0].by_quota) == (None, None, False)
    assert results[0].tenure is not None and results[0].tenure.months == 4
    assert results[5].tenure is None and results[5].reason == ""
    assert Grade.NOT_CLASSIFIED.label == "Không xếp loại"
    assert counts(results) == {XS: 4, TOT: 2, HT: 1, KHT: 1, KXL: 2}


def test_the_reason_in_english(monkeypatch):
    from parapp.core import i18n
    monkeypatch.setattr(i18n, "_language", "en")
    [head] = classify_block(block_rows(["95"], since={"u0": date(2025, 12, 1)}), BANDS,
                            min_months=6, year=2025)
    assert (head.grade.label, head.reason) == (
        "Not classified", "In post since 01/12/2025 (1 month of the year), under 6 months: not "
                          "classified")


def test_the_rule_is_off_at_zero_and_needs_the_year():
    since = {"u0": date(2025, 12, 20)}  # 0 months
    assert grades(classify_block(block_rows(since=since), BANDS, year=2025))[0] == XS
    assert grades(classify_block(block_rows(since=since), BANDS, min_months=1, year=2025))[0] \
        == KXL
    with pytest.raises(ValueError, match="min_months needs the period's year"):
        classify_block(block_rows(since=since), BANDS, min_months=6)
    # twelve: only a head in post all year is classified
    since = {"u0": date(2025, 1, 1), "u1": date(2025, 1, 2)}
    assert grades(classify_block(block_rows(since=since), BANDS, min_months=12,
                                 year=2025))[:2] == [XS, KXL]


def test_an_override_wins_over_the_months_in_post():
    since = {"u0": date(2025, 11, 1), "u1": date(2025, 11, 1)}
    overrides = {"u0": Override(TOT, "Quyết định số 45/QĐ-UBND giao phụ trách từ đầu năm")}
    results = classify_block(block_rows(since=since), BANDS, overrides, min_months=6, year=2025)
    assert grades(results)[:2] == [TOT, KXL]
    assert results[0].reason == "Quyết định số 45/QĐ-UBND giao phụ trách từ đầu năm"
    assert results[0].tenure is None


def test_a_head_not_classified_takes_no_quota_place_and_counts_in_no_base():
    # nd335 without the rule: 7 rated tốt or better → 1 excellent (u0), u1…u4 fall to tốt
    # (see the first test). u0 in post 2 months: it leaves the candidates and the base; of the
    # rest, u1 is the one "xuất sắc" the 6 rated "tốt" (u2…u6, and u1's fall-backs) allow
    since = {"u0": date(2025, 11, 1)}
    results = classify_block(block_rows(since=since), PRESETS["nd335"][0], min_months=6,
                             year=2025)
    assert grades(results) == [KXL, XS, TOT, TOT, TOT, TOT, TOT, HT, HT, KHT]
    assert [h.by_quota for h in results][:5] == [False, False, True, True, True]
    assert counts(results) == {XS: 1, TOT: 5, HT: 2, KHT: 1, KXL: 1}
    # two of the five ≥ 90 not classified: one excellent beside 2 + 2 rated tốt is more than
    # 20 % (0,8 → 0), so none; were they counted, 1 beside 6 would be allowed
    since = {"u0": date(2025, 11, 1), "u1": date(2025, 10, 1)}
    results = classify_block(block_rows(since=since), PRESETS["nd335"][0], min_months=6,
                             year=2025)
    assert grades(results) == [KXL, KXL, TOT, TOT, TOT, TOT, TOT, HT, HT, KHT]
    # a quota of the heads at "tốt" or better: those not classified are not in it either
    rules = (Rule(XS, D(90), quota=D("0.2"), quota_base=TOT), Rule(TOT, D(70)), Rule(HT, D(50)),
             Rule(KHT))
    results = classify_block(block_rows(since={"u0": date(2025, 11, 1)}), rules,
                             min_months=6, year=2025)
    # 6 at tốt or better (u1…u6) → floor(1.2) = 1 excellent
    assert grades(results) == [KXL, XS, TOT, TOT, TOT, TOT, TOT, HT, HT, KHT]


def test_counts_leave_out_not_classified_when_no_head_is():
    results = classify_block(block_rows(), BANDS, min_months=6, year=2025)
    assert list(counts(results)) == [XS, TOT, HT, KHT]


def test_no_rule_gives_not_classified():
    with pytest.raises(ValueError, match="xếp loại không tồn tại: khong_xep_loai"):
        rules_from_setting('[{"grade": "khong_xep_loai"}]')
    with pytest.raises(ValueError, match="xếp loại không tồn tại: khong_xep_loai"):
        rules_from_setting('[{"grade": "xuat_sac", "quota": "0.2", "quota_base": '
                           '"khong_xep_loai"}, {"grade": "tot"}]')
    assert not Grade.NOT_CLASSIFIED.at_least(KHT) and not KHT.at_least(Grade.NOT_CLASSIFIED)


def test_the_quota_place_goes_to_the_head_ranked_higher_among_equal_indexes():
    """Two heads at 92 %, the tie broken by SIPAS (u1 ranked 1st, u0 2nd), and room for one
    "xuất sắc" (5 more reach "tốt": 1 × 5 ≤ 6 of "tốt", 2 × 5 > 5): the 1st has it."""
    tree = CriteriaTree([Node("t", "1", "T", None, D(90)),
                         Node("s", "2", "SIPAS", None, D(10), source="sipas")])
    engine = Engine(tree)
    units = [("u0", "92", "80"), ("u1", "92", "100")] + [
        (f"u{i}", "85", "100") for i in range(2, 7)]
    results = [engine.compute(UnitInput(key, key.upper(), f"Đơn vị {key}", "B", scores={
        "t": LeafScore(D(idx) - D(pct) / 10)}, sipas_pct=D(pct))) for key, idx, pct in units]
    rows = rank_block("B", results, "break", ["sipas"]).rows()
    assert [(r.result.unit.key, r.rank) for r in rows[:2]] == [("u1", 1), ("u0", 2)]
    by_unit = {h.row.result.unit.key: h for h in classify_block(rows, PRESETS["nd335"][0])}
    assert (by_unit["u1"].grade, by_unit["u0"].grade) == (XS, TOT) and by_unit["u0"].by_quota


def test_a_quota_of_those_at_a_grade_or_better_rounds_down():
    """20 % of the 8 at "tốt" or better is 1,6: one "xuất sắc", not two."""
    rules = (Rule(XS, D(90), quota=D("0.2"), quota_base=TOT), Rule(TOT, D(70)), Rule(HT, D(50)),
             Rule(KHT))
    results = classify_block(block_rows(["95", "94", "93", "85", "84", "83", "82", "81"]), rules)
    assert grades(results) == [XS, TOT, TOT, TOT, TOT, TOT, TOT, TOT]


def test_an_override_to_excellent_still_leaves_the_places_the_ratio_allows():
    """NĐ 335's ratio with an override: u9 (45 %) made "xuất sắc" by the council, and 12 more
    at "tốt": 2 places (2 × 5 ≤ 12 + 0), one taken by the override, one left for u0."""
    indexes = ["95", "94"] + [str(89 - i) for i in range(12)] + ["45"]
    overrides = {"u14": Override(XS, "Hội đồng đề nghị do có thành tích đột xuất")}
    results = classify_block(block_rows(indexes), PRESETS["nd335"][0], overrides)
    assert grades(results)[:2] == [XS, TOT] and grades(results)[-1] == XS
    assert counts(results)[XS] * 5 <= counts(results)[TOT]


def test_a_component_minimum_is_met_at_exactly_the_minimum():
    sipas = ["90", "89.99", "100", "100", "100", "100", "100", "100", "100", "100"]
    rules = (Rule(XS, D(90), component_min={"sipas": D(9)}), Rule(TOT, D(80)), Rule(KHT))
    assert grades(classify_block(block_rows(sipas=sipas), rules))[:2] == [XS, TOT]
