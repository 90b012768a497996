"""Published figures a reviewer can check by hand, and ranks that never contradict them.

Setting `rounding`: "components" rounds every printed component first (each area's appraised
points, ĐTXHH, SIPAS, bonus minus penalty) and works the total and index out from the rounded
ones; "none" computes on unrounded values. Tie policies: "shared" (exactly equal), "shared_display"
(equal as published), "break" (tie-breakers, among them "unrounded")."""
import itertools
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.criteria import CriteriaTree, Node
from parapp.core.ranking import TiePolicy, rank_block
from parapp.core.scoring import Caps, Engine, LeafScore, UnitInput


def tree() -> CriteriaTree:
    """Two areas of 50 points, one leaf each."""
    return CriteriaTree([Node("a1", "1", "Thể chế", None, D(50)),
                         Node("c1", "1.1", "Văn bản", "a1", D(50)),
                         Node("a2", "2", "Thủ tục", None, D(50)),
                         Node("c2", "2.1", "Hồ sơ", "a2", D(50))])


def unit(code: str, p1: str, p2: str, own: str | None = None) -> UnitInput:
    """Appraised points `p1`, `p2`; self scores `own` (default: the appraisal)."""
    return UnitInput(code, code, f"Đơn vị {code}", "B", scores={
        "c1": LeafScore(D(own or p1), D(p1)), "c2": LeafScore(D(own or p2), D(p2))})


def compute(rounding: str, *units: UnitInput):
    engine = Engine(tree(), Caps(places=2, rounding=rounding))
    return [engine.compute(u) for u in units]


def test_components_rounded_first_then_added():
    # 43.335 and 42.935 print 43,34 and 42,94: the printed total is 86,28, not 86,27 (the
    # unrounded 86.27 would print one hundredth away from the sum of its printed columns)
    [r] = compute("components", unit("A", "43.335", "42.935"))
    assert r.total == D("86.270")
    assert r.published_areas == {"a1": D("43.34"), "a2": D("42.94")}
    assert r.published_total == D("86.28") == sum(r.published_areas.values())
    assert r.published_index == D("86.28")
    [r] = compute("none", unit("A", "43.335", "42.935"))
    assert (r.published_total, r.published_index) == (D("86.27"), D("86.27"))


def test_the_index_comes_from_the_printed_total_over_the_applicable_maximum():
    engine = Engine(tree(), Caps(places=2, rounding="components"))
    u = UnitInput("X", "X", "Xã X", "B", excluded=frozenset({"a2"}),
                  scores={"c1": LeafScore(D("45.333"), D("45.333"))})
    r = engine.compute(u)
    assert r.applicable_max == D(50)
    assert r.published_total == D("45.33") and r.published_index == D("90.66")  # 45,33/50


def test_ranks_follow_the_printed_index_when_components_are_rounded():
    # before rounding B is ahead (86.274 > 86.270); as printed A is (43,34 + 42,94 = 86,28
    # against 43,30 + 42,97 = 86,27): the annex ranks what it prints
    a, b = compute("components", unit("A", "43.335", "42.935"), unit("B", "43.304", "42.97"))
    assert b.index > a.index
    assert (a.published_index, b.published_index) == (D("86.28"), D("86.27"))
    rows = rank_block("B", [a, b], TiePolicy.BREAK, ["appraisal"], rounding="components").rows()
    assert [(r.result.unit.code, r.rank) for r in rows] == [("A", 1), ("B", 2)]


def equal_as_printed():
    """Both print 85,86; A is 85.864 before rounding, B 85.858."""
    return unit("A", "42.932", "42.932"), unit("B", "42.929", "42.929")


def test_shared_display_shares_what_is_printed_equal():
    a, b = compute("none", *equal_as_printed())
    assert a.index != b.index and a.published_index == b.published_index == D("85.86")
    rows = rank_block("B", [b, a], TiePolicy.SHARED_DISPLAY, rounding="none").rows()
    assert [(r.rank, r.tied) for r in rows] == [(1, True), (1, True)]


def test_printed_equal_and_ranked_apart_says_what_decided():
    a, b = compute("none", *equal_as_printed())
    # computing on unrounded values: the value before rounding decides, and says so
    rows = rank_block("B", [b, a], TiePolicy.SHARED, rounding="none").rows()
    assert [(r.result.unit.code, r.rank, r.decided_by) for r in rows] == [
        ("A", 1, None), ("B", 2, "unrounded")]
    # rounding components: equal as published; the tie-breakers decide
    a, b = compute("components", *equal_as_printed())
    rows = rank_block("B", [b, a], TiePolicy.BREAK, ["unrounded"], rounding="components").rows()
    assert [(r.result.unit.code, r.rank, r.decided_by) for r in rows] == [
        ("A", 1, None), ("B", 2, "unrounded")]
    rows = rank_block("B", [b, a], TiePolicy.SHARED, rounding="components").rows()
    assert [(r.rank, r.tied) for r in rows] == [(1, True), (1, True)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50_000), st.integers(0, 50_000)), min_size=2,
                max_size=12),
       st.sampled_from(["shared", "shared_display", "break"]))
def test_a_rank_never_contradicts_the_printed_index(points, policy):
    units = [unit(f"U{i}", str(D(p1) / 1000), str(D(p2) / 1000)) for i, (p1, p2) in
             enumerate(points)]
    results = compute("components", *units)
    rows = rank_block("B", results, policy, ["appraisal", "unrounded"],
                      rounding="components").ranked
    for above, below in itertools.pairwise(rows):
        assert above.result.published_index >= below.result.published_index
        if above.rank == below.rank:
            assert above.result.published_index == below.result.published_index
        # printed alike, placed apart: what decided is named
        if above.rank != below.rank and \
                above.result.published_index == below.result.published_index:
            assert below.decided_by is not None


@pytest.mark.parametrize("rounding", ["components", "none"])
def test_every_new_period_rounds_components_and_old_files_keep_computing_unrounded(
        tmp_path, rounding):
    from parapp.core.settings import DEFAULTS
    from parapp.core.store import Store
    with Store.create(tmp_path / "moi.parapp", "Tỉnh Sơn Hà", 2026) as store:
        assert store.settings().rounding == "components"
        with store.edit() as ed:
            ed.set_setting("rounding", rounding)
        assert store.settings().rounding == rounding
    assert DEFAULTS.rounding == "none"  # a file that never stored it: as it was computed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_annex_says_what_decided_between_units_printed_alike(tmp_path):
    from parapp.core.reports.decision import build_annex
    from parapp.core.store import Store
    path = tmp_path / "ky.parapp"
    with Store.create(path, "Tỉnh Sơn Hà", 2026) as store:
        with store.edit() as ed:
            ed.add_block("SO", "Khối sở, ban, ngành")
            ed.add_criterion("1", "Cải cách thể chế", "50")
            ed.add_criterion("1.1", "Xây dựng văn bản", "50", "1")
            ed.add_criterion("2", "Cải cách thủ tục hành chính", "50")
            ed.add_criterion("2.1", "Giải quyết hồ sơ", "50", "2")
            for code, name, points in (("STP", "Sở Tư pháp", "42.932"),
                                       ("SXD", "Sở Xây dựng", "42.929"),
                                       ("SYT", "Sở Y tế", "40")):
                ed.add_unit(code, name, "SO")
                for leaf in ("1.1", "2.1"):
                    ed.set_self_score(code, leaf, points, "Đã thực hiện")
                    ed.set_appraisal(code, leaf, points)  # appraised: no provisional mark
        out = build_annex(store, "annex", tmp_path / "phu-luc.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    # both print 85,86; the period's tie-breakers (appraisal, then SIPAS) decide
    assert "(1) Sở Tư pháp và Sở Xây dựng cùng đạt 85,86%; Sở Tư pháp xếp trên do điểm " \
           "thẩm định cao hơn." in text
    # both rows marked at their rank
    assert "Sở Tư pháp 42,93 42,93 0,00 0,00 85,86 85,86 1 (1)" in text
    assert "Sở Xây dựng 42,93 42,93 0,00 0,00 85,86 85,86 2 (1)" in text
    assert "Sở Y tế 40,00 40,00 0,00 0,00 80,00 80,00 3" in text
    assert "tổng điểm là tổng các cột đã làm tròn" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_annex_headings_give_the_maxima_of_survey_sipas_and_the_caps(small_demo, tmp_path):
    from parapp.core.reports.decision import build_annex
    from parapp.core.store import Store
    with Store.open(small_demo) as store:
        caps = (store.settings().bonus_cap, store.settings().penalty_cap)
        out = build_annex(store, "annex", tmp_path / "phu-luc.pdf", block="SO")
    assert caps == (D(2), D(3))  # the demo's
    words = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True,
                           text=True).stdout.split()
    text = " ".join(words)  # the headings' lines read across: names, then the maxima
    assert "ĐTXHH SIPAS trừ (22,00) (10,00) (+2,00/ −3,00) Tổng điểm" in text


FONT_PROBE = """
import sys
from pathlib import Path
from parapp.core.reports import fonts
from parapp.core.reports.model import Part, Text
from parapp.core.reports.nd30 import DocumentIdentity, render
files = fonts.font_files()
print(sorted(p.name for p in files.values()))
ident = DocumentIdentity("Sơn Hà", 2026, "", "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "", None, "Sơn Hà",
                         ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "")
render(ident.bundle([Part(["THỬ"], [Text("Chỉ số cải cách hành chính")],
                         signature=ident.signature)], "thử"), Path(sys.argv[1]))
"""


def test_times_new_roman_is_used_where_the_machine_has_it(tmp_path):
    """PARAPP_FONT=times: the documents take Times New Roman from the system's fonts (here a
    folder holding files under the names Windows gives them); without it, Liberation Serif."""
    import os
    import sys

    from parapp.core.reports import fonts
    folder = tmp_path / "Fonts"
    folder.mkdir()
    for source, name in zip(fonts.FACES.values(), fonts.TIMES_FILES["windows"], strict=True):
        shutil.copy(fonts.FONT_DIR / source[1], folder / name)
    env = {**os.environ, "PARAPP_FONT": "times", "PARAPP_FONT_DIR": str(folder)}
    run = subprocess.run([sys.executable, "-c", FONT_PROBE, str(tmp_path / "a.pdf")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == str(sorted(fonts.TIMES_FILES["windows"]))
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF-")
    (folder / "timesbd.ttf").unlink()  # one face missing: the shipped font, and the log says so
    run = subprocess.run([sys.executable, "-c", FONT_PROBE, str(tmp_path / "b.pdf")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "LiberationSerif-Bold.ttf" in run.stdout.splitlines()[0]


def test_every_row_of_every_block_adds_up_as_printed(small_demo):
    """Rounding components: no row of any block prints parts that miss its total. Computed
    unrounded, some rows do — what the footnote of that way warns of."""
    from parapp.core.reports.tables import printed_mismatches, ranking_tables
    from parapp.core.store import Store
    with Store.open(small_demo) as store:
        places = store.settings().display_decimals
        tables = ranking_tables(store)
        assert len(tables) == 3 and all(printed_mismatches(t, places) == [] for t in tables)
        with store.edit() as ed:
            ed.set_setting("rounding", "none")
        assert any(printed_mismatches(t, places) for t in ranking_tables(store))
