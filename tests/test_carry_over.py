"""A new period from last year's file: what a season starts from comes along — and nothing of
last year's scores."""
from __future__ import annotations

import sqlite3
from decimal import Decimal as D

from test_analysis import province  # noqa: F401  (the fixture)

from parapp.cli import main
from parapp.core.packages import new_key
from parapp.core.store import Store


def test_new_from_last_years_period(province, tmp_path, capsys):  # noqa: F811
    last = province
    with last.edit("test") as ed:
        ed.update_criterion("2.2", method="proportional", params={"threshold": "50"},
                            guidance="Tỷ lệ × 5")
        ed.register_key("SNV", new_key(tmp_path / "SNV.key"))
        ed.register_unit_key("SYT", new_key(tmp_path / "SYT.key"))
        ed.set_member_units("STC", ["SYT", "STP"])
        ed.add_bonus_item("K1", "bonus", "Sáng kiến cấp tỉnh", "1", appraiser="SNV")
        ed.set_setting("tie_policy", "shared")
        ed.set_setting("decision_number", "215/QĐ-UBND")
    old = {u.code: u for u in last.units()}
    path = last.path
    last.close()
    before = path.read_bytes()
    new = tmp_path / "ky-2026.parapp"
    assert main(["new", str(new), "--from-period", str(path)]) == 0
    assert ("Đã tạo kỳ đánh giá Tỉnh Sơn Hà năm 2026" in capsys.readouterr().out)
    assert path.read_bytes() == before  # last year's file untouched
    with Store.open(new, readonly=True) as store:
        assert (store.period().province, store.period().year) == ("Tỉnh Sơn Hà", 2026)
        tree = store.tree()
        assert sorted(n.code for n in tree.nodes.values()) == [
            "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1"]
        node = tree.by_code["2.2"]
        assert (node.method.value, dict(node.params), node.guidance, node.max_points) == (
            "proportional", {"threshold": "50"}, "Tỷ lệ × 5", D(5))
        assert tree.by_code["3.1"].source.value == "survey"
        assert tree.appraiser_of(tree.by_code["2.1"].key) == "STC"
        units = {u.code: u for u in store.units()}
        assert sorted(units) == sorted(old)
        # last year's results linked as the previous period, each unit mapped to itself:
        # SYT 19,6/22 (its bonus point included) = 89,09 %, STP 19/22 = 86,36 %, SXD 12/16
        # (1.2 not applicable) = 75 %; nothing typed in as a previous rank
        linked = store.previous_period()
        assert (linked.province, linked.year, linked.file_name) == ("Tỉnh Sơn Hà", 2025,
                                                                    "ky.parapp")
        assert {u.code: u.prev_rank for u in units.values()} == {
            "SYT": None, "STP": None, "SXD": None}
        assert {u.code: (u.prev_rank, u.prev_derived) for u in store.snapshot().units} == {
            "SYT": (1, False), "STP": (2, False), "SXD": (3, False)}
        previous = store.previous()
        assert {code: (p.total, p.index) for code, p in previous.items()} == {
            "SYT": (D("19.6"), D("89.09")), "STP": (D(19), D("86.36")), "SXD": (D(12), D(75))}
        # every applicable node's points in force, by code: SYT 1.1 appraised 3 of 4, 3.1
        # from the survey 80 % of 2; SXD has no 1.2
        assert previous["SYT"].values == {"1": D(8), "1.1": D(3), "1.2": D(5), "2": D(9),
                                          "2.1": D(5), "2.2": D(4), "3": D("1.6"),
                                          "3.1": D("1.6")}
        assert "1.2" not in previous["SXD"].values and previous["SXD"].maxima["1"] == D(4)
        assert units["SYT"].key_fingerprint == old["SYT"].key_fingerprint != ""
        assert {m.code: m.key_fingerprint != "" for m in store.members()} == {
            "SNV": True, "STC": False}
        assert store.assignment("STC").units == {"SYT", "STP"}
        assert [i.code for i in store.bonus_items()] == ["K1"]
        settings = store.settings()
        assert settings.tie_policy.value == "shared"
        assert store.settings().document["decision_number"] == ""
    con = sqlite3.connect(new)
    try:
        for table in ("score", "evidence", "exclusion", "survey_result", "adjustment",
                      "head_override", "sent_package", "merged_package"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
    finally:
        con.close()
    assert main(["new", str(new), "--from-period", str(path)]) == 1
    assert "tệp đã tồn tại" in capsys.readouterr().err


def test_the_new_periods_title_names_its_own_year_and_province(small_demo, tmp_path, capsys):
    """Last year's title named last year ("… năm 2025 … tỉnh Sơn Hà"), carried over as it was,
    and --title was not taken at all."""
    from parapp.cli import main
    with Store.open(small_demo, readonly=True) as old:
        title, year = old.period().title, old.period().year
    assert f"năm {year}" in title and "tỉnh Sơn Hà" in title
    moved = tmp_path / "khac.parapp"
    assert main(["new", str(moved), "--from-period", str(small_demo), "--province",
                 "Tỉnh Bình An", "--year", "2030"]) == 0
    given = tmp_path / "dat-ten.parapp"
    assert main(["new", str(given), "--from-period", str(small_demo), "--title",
                 "Chỉ số CCHC năm 2026"]) == 0
    with Store.open(moved, readonly=True) as new, Store.open(given, readonly=True) as named:
        assert new.period().title == title.replace(f"năm {year}", "năm 2030").replace(
            "tỉnh Sơn Hà", "tỉnh Bình An")
        assert named.period().title == "Chỉ số CCHC năm 2026"
