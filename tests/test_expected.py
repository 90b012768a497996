"""Mid-year tracking: expected scores (dự kiến) and the sub-criteria expected at full points,
against the hand-computed province of test_analysis."""
from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from openpyxl import Workbook
from test_analysis import province  # noqa: F401  (the fixture)

from parapp.cli import main
from parapp.core.errors import ValidationError
from parapp.core.expected import read_outlook

# 1.1 of 4, 1.2 of 6 (not SXD's), 2.1 and 2.2 of 5, 3.1 of 2 (from the survey)
EXPECTED = [("SYT", "1.1", 4), ("SYT", "1.2", 5), ("SYT", "2.1", 5), ("SYT", "2.2", 3),
            ("STP", "1.1", 4), ("STP", "1.2", 6), ("STP", "2.1", 5), ("STP", "2.2", 5),
            ("STP", "3.1", 2),
            ("SXD", "1.1", 4), ("SXD", "2.1", 5), ("SXD", "2.2", 5), ("SXD", "3.1", 1)]


def _book(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Điểm dự kiến"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def test_the_sub_criteria_expected_at_full_points(province, tmp_path, capsys):  # noqa: F811
    before = province.evaluate()
    path = str(province.path)
    province.close()
    assert main(["import", "scores", path, str(_book(tmp_path / "du-kien.xlsx", EXPECTED))]) == 0
    capsys.readouterr()
    from parapp.core.store import Store
    with Store.open(path, readonly=True) as store:
        found = read_outlook(store)
        after = store.evaluate()
    # never part of a result
    assert [r.total for r in after.results.values()] == [r.total for r in before.results.values()]
    units = {u.code: u for u in found.units}
    syt, stp, sxd = units["SYT"], units["STP"], units["SXD"]
    # SYT: 1.1 and 2.1 in full; 2.2 two short, 1.2 one; 3.1 not estimated
    assert (syt.full, syt.estimated, syt.leaves) == (2, 4, 5)
    assert [(s.code, s.expected, s.gap) for s in syt.short] == [
        ("2.2", D(3), D(2)), ("1.2", D(5), D(1)), ("3.1", None, None)]
    assert (stp.full, stp.leaves, stp.short) == (5, 5, ())
    assert (sxd.full, sxd.leaves, [s.code for s in sxd.short]) == (3, 4, ["3.1"])  # no 1.2
    assert (found.full, found.estimated, found.leaves) == (10, 13, 14)
    # 3.1: 1 of 3 units, 1.2: 1 of 2, 2.2: 2 of 3, then 1.1 and 2.1 in full everywhere
    assert [(c.code, c.full, c.units) for c in found.criteria] == [
        ("3.1", 1, 3), ("1.2", 1, 2), ("2.2", 2, 3), ("1.1", 3, 3), ("2.1", 3, 3)]
    assert main(["expected", path, "--unit", "SYT", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["units"][0]["short"][2] == {"code": "3.1", "name": "Điều tra xã hội học",
                                            "max": "2", "expected": None}
    assert main(["expected", path]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Toàn tỉnh: 10/14 lượt tiêu chí thành phần dự kiến đạt điểm tối đa "
                          "(đã dự kiến 13/14)")
    assert main(["expected", path, "--unit", "SYT"]) == 0
    out = capsys.readouterr().out
    assert "Sở Y tế (SYT): 2/5 tiêu chí thành phần dự kiến đạt điểm tối đa" in out
    assert "chưa dự kiến" in out


def test_an_expected_score_above_the_maximum_is_refused(province, tmp_path, capsys):  # noqa: F811
    path = str(province.path)
    province.close()
    book = _book(tmp_path / "sai.xlsx", [("SYT", "1.1", 4), ("SYT", "1.2", 7)])
    assert main(["import", "scores", path, str(book)]) == 1
    assert "C3: điểm dự kiến «7»" in capsys.readouterr().err
    from parapp.core.store import Store
    with Store.open(path, readonly=True) as store:
        assert store.expected_points() == {}  # nothing of the sheet written


def test_expected_scores_are_taken_before_the_appraisal_only(province):  # noqa: F811
    with province.edit("test") as ed:
        ed.write_scores([("SYT", "1.1", {"expected_points": "4"})])
        ed.set_phase("self_assessment")
        ed.write_scores([("SYT", "1.2", {"expected_points": "6"})])
        ed.set_phase("appraisal_1")
    with pytest.raises(ValidationError, match="điểm dự kiến"):
        with province.edit("test") as ed:
            ed.write_scores([("SYT", "2.1", {"expected_points": "5"})])
    assert province.expected_points() == {("SYT", "1.1"): D(4), ("SYT", "1.2"): D(6)}


def test_the_progress_window_counts_the_expected_at_full_points(qtbot, province):  # noqa: F811
    from PySide6.QtCore import Qt
    from qt_helpers import open_window

    from parapp.ui.progress_view import ProgressWindow
    with province.edit("test") as ed:
        ed.write_scores([(u, c, {"expected_points": str(v)}) for u, c, v in EXPECTED])
    path = province.path
    province.close()
    window = open_window(qtbot, path)
    window.ui.actionProgress.trigger()
    qtbot.waitUntil(lambda: window.findChild(ProgressWindow) is not None, timeout=10000)
    dialog = window.findChild(ProgressWindow)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.expectedTab)
    assert dialog.ui.expectedLabel.text().startswith(
        "Toàn tỉnh: 10/14 lượt tiêu chí thành phần dự kiến đạt điểm tối đa (đã dự kiến 13/14).")
    table = dialog.expected_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert {code: (table.cellWidget(r, 3).text(), table.item(r, 4).text())
            for code, r in rows.items()} == {"SYT": ("2/5", "4"), "STP": ("5/5", "5"),
                                             "SXD": ("3/4", "4")}
    rect = table.visualItemRect(table.item(rows["SYT"], 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    short = dialog.short_table
    assert [[short.item(r, c).text() for c in (0, 2, 3)] for r in range(short.rowCount())] == [
        ["2.2", "5", "3"], ["1.2", "6", "5"], ["3.1", "2", "chưa dự kiến"]]
    dialog.close()
