"""This year against last year through a reorganisation: three old communes merged into one new
one, figures derived as docs/season.md documents them, computed here by hand."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest

from parapp.cli import main
from parapp.core.carry_over import link_previous
from parapp.core.comparison import read_comparison
from parapp.core.errors import ValidationError
from parapp.core.store import Store

# Last year, block XA, criteria 1.1 (of 4), 1.2 (of 6), 2.1 (of 10), maximum 20:
#   X1 4 + 6 + 6   = 16   → 80,00 %, rank 2
#   X2 2 + 5 + 7   = 14   → 70,00 %, rank 5
#   X3 3 + 6 + 6,1 = 15,1 → 75,50 %, rank 3
#   Y  4 + 6 + 8   = 18   → 90,00 %, rank 1
#   Z  4 + 5 + 5,4 = 14,4 → 72,00 %, rank 4
LAST = {"X1": ("4", "6", "6"), "X2": ("2", "5", "7"), "X3": ("3", "6", "6.1"),
        "Y": ("4", "6", "8"), "Z": ("4", "5", "5.4")}
# This year 1.2 is worth 5 (maximum 19); X1, X2 and X3 are merged into N:
#   N 4 + 5 + 10 = 19 → 100,00 %, rank 1
#   Y 4 + 5 + 9  = 18 → 94,74 %, rank 2
#   Z 2 + 4 + 6  = 12 → 63,16 %, rank 3
NOW = {"N": ("4", "5", "10"), "Y": ("4", "5", "9"), "Z": ("2", "4", "6")}
NAMES = {"X1": "Xã Đông", "X2": "Xã Tây", "X3": "Xã Nam", "Y": "Phường Bắc", "Z": "Xã Trung",
         "N": "Xã Đông Tây Nam"}


def _period(path, year: int, scores: dict, max_12: str):
    store = Store.create(path, "Tỉnh Sơn Hà", year)
    with store.edit("test") as ed:
        ed.add_block("XA", "Khối xã, phường")
        ed.add_criterion("1", "Chỉ đạo, điều hành", str(4 + int(max_12)))
        ed.add_criterion("1.1", "Kế hoạch CCHC", "4", "1")
        ed.add_criterion("1.2", "Báo cáo CCHC", max_12, "1")
        ed.add_criterion("2", "Thủ tục hành chính", "10")
        ed.add_criterion("2.1", "Giải quyết hồ sơ đúng hạn", "10", "2")
        for code, points in scores.items():
            ed.add_unit(code, NAMES[code], "XA")
            for leaf, value in zip(("1.1", "1.2", "2.1"), points, strict=True):
                ed.set_self_score(code, leaf, value)
    return store


def q(value: D) -> D:
    return value.quantize(D("1e-20"))


@pytest.fixture
def linked(tmp_path):
    _period(tmp_path / "2025.parapp", 2025, LAST, "6").close()
    store = _period(tmp_path / "2026.parapp", 2026, NOW, "5")
    done = link_previous(store, tmp_path / "2025.parapp")
    assert (done.year, done.units, done.mapped, done.unmapped) == (2025, 5, 2, ("N",))
    with store.edit("test") as ed:
        for old in ("X1", "X2", "X3"):
            ed.map_previous(old, "N")
    yield store
    store.close()


def test_a_link_is_not_undone_but_a_mapping_is(linked, tmp_path):
    """Relinking replaces last year's values and the period they came from, which are copied,
    not audited: an undo would bring last year's units back without their values. Refused,
    nothing changed; the mapping of a unit, audited, is undone."""
    before = read_comparison(linked)
    other = tmp_path / "2025-ban-khac.parapp"
    _period(other, 2025, {code: ("1", "1", "1") for code in LAST}, "6").close()
    relinked = link_previous(linked, other)
    with pytest.raises(ValidationError) as refused:
        linked.revert(relinked.txn)
    assert str(refused.value) == ("Không hoàn tác việc liên kết kỳ năm trước; hãy liên kết lại "
                                  "với tệp kỳ trước")
    assert linked.previous_period().file_name == other.name
    link_previous(linked, tmp_path / "2025.parapp")  # the remedy: linked again
    with linked.edit("test") as ed:
        for old in ("X1", "X2", "X3"):
            ed.map_previous(old, "N")
    assert read_comparison(linked) == before
    with linked.edit("test") as ed:
        ed.map_previous("X3", None)
    linked.revert(ed.txn)
    assert read_comparison(linked) == before


def test_the_merged_unit_takes_its_old_units_figures_derived(linked):
    previous = linked.previous()
    n = previous["N"]
    assert n.derived and [s.code for s in n.sources] == ["X1", "X2", "X3"]
    assert n.index == (D(80) + D(70) + D("75.5")) / 3  # 75,1666…
    assert n.total == D("45.1") / 3
    # the other ranked units of block XA above 75,17 %: Y only
    assert n.rank == 2
    assert n.values["1.1"] == D(3) and n.values["1.2"] == D(17) / 3
    assert n.values["2.1"] == D("19.1") / 3 and n.maxima["1.2"] == D(6)
    assert (previous["Y"].derived, previous["Y"].rank, previous["Y"].index) == (False, 1, D(90))
    assert previous["Z"].rank == 4 and set(previous) == {"N", "Y", "Z"}
    # the annex's rank change comes from the link: N 2‡ → 1, Y 1 → 2, Z 4 → 3
    ranking = linked.evaluate().rankings["XA"]
    assert [(r.result.unit.code, r.rank, r.result.unit.prev_rank, r.result.unit.prev_derived,
             r.change) for r in ranking.rows()] == [
        ("N", 1, 2, True, 1), ("Y", 2, 1, False, -1), ("Z", 3, 4, False, 1)]
    # one unit read again after an edit (its old units' block only): the same previous ranks
    assert [(u.prev_rank, u.prev_derived) for u in map(linked.unit_input, "NYZ")] == [
        (2, True), (1, False), (4, False)]


def test_per_criterion_and_per_block_comparison(linked):
    found = read_comparison(linked)
    assert found.year == 2025
    n = found.unit("N")
    assert (n.index, n.index_change, n.rank_change) == (D(100), D(100) - D("225.5") / 3, 1)
    # 1.2 was worth 6, now 5: last year's 17/3 counts as 17/3 × 5/6 = 85/18 (thirds and
    # eighteenths compared to 20 places: the last of Decimal's 28 digits depends on the order)
    assert [(c.code, c.points, q(c.previous), q(c.change)) for c in n.criteria] == [
        ("1.1", D(4), D(3), D(1)), ("1.2", D(5), q(D(85) / 18), q(D(5) - D(85) / 18)),
        ("2.1", D(10), q(D("19.1") / 3), q(D(10) - D("19.1") / 3))]
    assert [c.code for c in n.improved] == ["2.1", "1.1", "1.2"] and n.fell == ()
    z = found.unit("Z")
    assert [(c.code, q(c.change)) for c in z.fell] == [("1.1", D(-2)),
                                                       ("1.2", q(D(4) - D(25) / 6))]
    assert [(c.code, c.change) for c in z.improved] == [("2.1", D("0.6"))]
    (block,) = found.blocks
    assert (block.units, block.rose, block.sank) == (3, 2, 1)
    assert block.index == (D(100) + D("94.74") + D("63.16")) / 3
    assert block.previous == (D("225.5") / 3 + D(90) + D(72)) / 3
    # average change per sub-criterion: 2.1 (10,9/3 + 1 + 0,6)/3, 1.2 (5/18 + 0 − 1/6)/3,
    # 1.1 (1 + 0 − 2)/3
    assert [(t.code, q(t.change)) for t in block.trends] == [
        ("2.1", q((D("10.9") / 3 + D("1.6")) / 3)), ("1.2", q(D(1) / 27)), ("1.1", q(D(-1) / 3))]


def test_compare_on_the_command_line(linked, capsys):
    path = str(linked.path)
    linked.close()
    assert main(["compare", path, "--unit", "N", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (unit,) = data["units"]
    assert unit["previous"] == {"total": "15.0333", "index": "75.1667", "rank": 2,
                                "derived": True, "from": ["X1", "X2", "X3"]}
    assert (unit["rank_change"], [c["code"] for c in unit["improved"]]) == (
        1, ["2.1", "1.1", "1.2"])
    assert main(["compare", path]) == 0
    out = capsys.readouterr().out
    assert "Khối xã, phường: 3 đơn vị có kết quả năm 2025" in out
    assert "2 đơn vị tăng, 1 đơn vị giảm" in out
    assert ("Tiêu chí thành phần cải thiện nhiều nhất (bình quân): 2.1 (+1,74), 1.2 (+0,04); "
            "giảm nhiều nhất: 1.1 (−0,33)") in out
    row = next(line for line in out.splitlines() if line.startswith("N "))
    assert row.split()[-4:] == ["+24,83", "1", "2*", "+1"]
    assert "* suy ra từ các đơn vị năm trước được sáp nhập" in out
    assert main(["info", path]) == 0
    assert ("Kỳ trước đã liên kết: Tỉnh Sơn Hà năm 2025 (2025.parapp), 5 đơn vị, 5 đơn vị đã "
            "ánh xạ") in capsys.readouterr().out


def test_the_mapping_round_trips_through_a_workbook(tmp_path, capsys):
    from openpyxl import load_workbook
    _period(tmp_path / "2025.parapp", 2025, LAST, "6").close()
    _period(tmp_path / "2026.parapp", 2026, NOW, "5").close()
    path = str(tmp_path / "2026.parapp")
    assert main(["link-previous", path, str(tmp_path / "2025.parapp")]) == 0
    assert "chưa có đơn vị năm trước" in capsys.readouterr().out
    book = tmp_path / "anh-xa.xlsx"
    assert main(["template", "previous_units", "-o", str(book), "--from", path]) == 0
    wb = load_workbook(book)
    ws = wb["Đơn vị năm trước"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[4], r[5]) for r in rows] == [
        ("Y", 1, "Y"), ("X1", 2, None), ("X3", 3, None), ("Z", 4, "Z"), ("X2", 5, None)]
    for r in range(2, 7):
        if ws.cell(r, 1).value.startswith("X"):
            ws.cell(r, 6).value = "N"
    ws.cell(2, 6).value = "KHONG"  # no such unit: the whole sheet is refused
    wb.save(book)
    assert main(["import", "previous_units", path, str(book)]) == 1
    assert "F2: không có đơn vị mã «KHONG» trong kỳ đánh giá" in capsys.readouterr().err
    with Store.open(path, readonly=True) as store:
        assert "N" not in store.previous()  # nothing changed
    ws.cell(2, 6).value = "Y"
    wb.save(book)
    assert main(["import", "previous_units", path, str(book)]) == 0
    with Store.open(path, readonly=True) as store:
        assert store.previous()["N"].rank == 2
    # X3 was not N's after all: it had no successor
    assert main(["map-previous", path, "--from", "X3"]) == 0
    with Store.open(path, readonly=True) as store:
        n = store.previous()["N"]
        assert [s.code for s in n.sources] == ["X1", "X2"] and n.index == D(75)


def test_linking_is_refused_without_a_previous_year(tmp_path):
    store = _period(tmp_path / "2026.parapp", 2026, NOW, "5")
    with pytest.raises(ValidationError, match="không phải kỳ trước"):
        link_previous(store, store.path)
    with pytest.raises(ValidationError, match="chưa liên kết kỳ trước"):
        read_comparison(store)
    store.close()


def test_the_annex_marks_a_derived_previous_rank(linked, tmp_path):
    from test_reports import build_annex, flat, text_of
    text = flat(text_of(build_annex(linked, tmp_path / "phu-luc.pdf"), layout=False))
    # N: 100,00 %, 1st; last year 2 ‡ (derived), one place up
    assert "100,00 1 2‡ +1" in text
    assert ("(‡) Thứ hạng năm trước suy ra từ các đơn vị đã sắp xếp, sáp nhập vào đơn vị (vị "
            "trí của chỉ số bình quân các đơn vị cũ trong bảng xếp hạng năm trước): Xã Đông "
            "Tây Nam.") in text


def test_a_unit_with_nothing_scored_yet_is_not_compared(linked, capsys):
    """Early in the season (a period just made from last year's file) a unit has no result
    yet: it is not shown as falling to 0 % and ranked first with everyone; a block's averages
    are of the units under way, and it says how many are still waiting."""
    with linked.edit("test") as ed:  # Z's scores, and Y's but one, taken back
        for leaf in ("1.1", "1.2", "2.1"):
            ed.set_self_score("Z", leaf, None)
    found = read_comparison(linked)
    z = found.unit("Z")
    assert (z.scored, z.rank, z.index_change, z.rank_change, z.criteria) == (
        False, None, None, None, ())
    (block,) = found.blocks
    assert (block.units, block.waiting, block.rose, block.sank) == (2, 1, 2, 0)
    assert block.index == (D(100) + D("94.74")) / 2  # N and Y only
    assert block.previous == (D("225.5") / 3 + D(90)) / 2
    y = found.unit("Y")
    assert (y.scored, y.rank) == (True, 2)
    path = str(linked.path)
    with linked.edit("test") as ed:
        for code in ("N", "Y"):
            for leaf in ("1.1", "1.2", "2.1"):
                ed.set_self_score(code, leaf, None)
    linked.close()
    assert main(["compare", path]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("Khối xã, phường: 3 đơn vị có kết quả năm 2025, chưa đơn vị "
                                   "nào có điểm năm nay")
    row = next(line for line in out.splitlines() if line.startswith("Z "))
    assert row.split()[-3:] == ["—", "72,00", "4"]  # no index, last year's, last year's rank
    assert main(["compare", path, "--unit", "Z", "--format", "json"]) == 0
    (unit,) = json.loads(capsys.readouterr().out)["units"]
    assert (unit["scored"], unit["rank"], unit["index_change"]) == (False, None, None)
