"""The season's progress: exact counts per unit and per council member for a period built by
hand, what remains in words for the phase, and `parapp progress` (text, JSON, workbook)."""
from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from test_council import make_master

from parapp.cli import main
from parapp.core.packages import export_package
from parapp.core.progress import read_progress
from parapp.core.store import Store


def season(tmp_path):
    """Three departments, four leaves each (areas 1: SNV, 2: STC), all self-scored."""
    master = make_master(tmp_path / "chinh.parapp")
    with master.edit("test") as ed:
        ed.update_criterion("1.2", evidence_required=True)  # SYT has evidence there, not others
        ed.write_scores([
            ("STP", "2.2", {"self_points": None}),  # not scored yet
            ("SYT", "1.1", {"appraisal_points": "3", "appraisal_note": "Kế hoạch ban hành chậm"}),
            ("SYT", "1.2", {"appraisal_points": "5"}),
            ("STP", "2.1", {"appraisal_points": "4", "appraisal_note": "Chưa giao tự chủ hết"}),
            ("SYT", "1.1", {"explanation2": "Kế hoạch trình đúng hạn, chờ ý kiến Sở Nội vụ"}),
            ("SYT", "1.1", {"appraisal2_points": "3.5", "appraisal2_note": "Chấp nhận một phần"}),
        ])
    export_package(master, "SNV", tmp_path / "goi-SNV.parapp")
    return master


def test_counts_per_unit_and_member_and_what_remains(tmp_path):
    master = season(tmp_path)
    progress = read_progress(master)
    master.close()
    units = {u.code: (u.leaves, u.scored, u.evidence_missing, u.appraised, u.deducted,
                      u.explained, u.reappraised) for u in progress.units}
    assert units == {"SYT": (4, 4, 0, 2, 1, 1, 1), "STP": (4, 3, 1, 1, 1, 0, 0),
                     "SXD": (4, 4, 1, 0, 0, 0, 0)}
    members = {m.code: (m.leaves, m.appraised, m.explained, m.reappraised, m.sent, m.merged)
               for m in progress.members}
    assert members == {"SNV": (6, 2, 1, 1, 1, 0), "STC": (6, 1, 0, 0, 0, 0)}
    assert progress.remaining() == [
        "1 đơn vị chưa tự đánh giá xong (1 tiêu chí)",
        "2 đơn vị thiếu tài liệu kiểm chứng bắt buộc (2 tiêu chí)",
        "SNV: còn 4/6 tiêu chí chưa thẩm định vòng 1",
        "STC: còn 5/6 tiêu chí chưa thẩm định vòng 1"]


def test_what_remains_follows_the_phase(tmp_path):
    master = season(tmp_path)
    with master.edit("test") as ed:
        ed.set_phase("explanation")
    assert read_progress(master).remaining() == [
        "2 đơn vị bị trừ điểm; đã giải trình 1/2 tiêu chí"]
    with master.edit("test") as ed:
        ed.set_phase("appraisal_2")
    assert read_progress(master).remaining() == ["Không còn việc nào của giai đoạn này"]
    master.close()


def test_cli_progress_text_json_and_workbook(tmp_path, capsys):
    season(tmp_path).close()
    path = str(tmp_path / "chinh.parapp")
    assert main(["progress", path]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Giai đoạn: Chuẩn bị\n  - 1 đơn vị chưa tự đánh giá xong (1 tiêu chí)\n")
    assert main(["progress", path, "--format", "json", "--block", "SO"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(u["code"], u["scored"], u["evidence_missing"]) for u in data["units"]] == [
        ("STP", 3, 1), ("SXD", 4, 1), ("SYT", 4, 0)]  # in the file's order of units
    assert data["members"][0] == {"code": "SNV", "department": "Sở Nội vụ", "leaves": 6,
                                  "appraised": 2, "explained": 1, "reappraised": 1,
                                  "packages_sent": 1, "packages_merged": 0}
    assert main(["progress", path, "-o", str(tmp_path / "tien-do.xlsx")]) == 0
    book = load_workbook(tmp_path / "tien-do.xlsx")
    assert book.sheetnames == ["Còn lại", "Đơn vị", "Thành viên"]
    rows = list(book["Đơn vị"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Mã đơn vị", "Tên đơn vị", "Khối")
    assert rows[1] == ("STP", "Sở Tư pháp", "SO", 4, 3, 1, 1, 1, 1, 0, 0, 0, 0)
    assert book["Đơn vị"].auto_filter.ref == "A1:M4"
    assert book["Còn lại"]["A1"].value == "Giai đoạn: Chuẩn bị"


@pytest.mark.gui
def test_the_progress_window_at_a_glance(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from qt_helpers import open_window, settle, type_text

    from parapp.ui.progress_view import ProgressWindow
    season(tmp_path).close()
    window = open_window(qtbot, tmp_path / "chinh.parapp")
    window.ui.actionProgress.trigger()  # Kỳ đánh giá › Tiến độ…
    qtbot.waitUntil(lambda: window.findChild(ProgressWindow) is not None, timeout=10000)
    dialog = window.findChild(ProgressWindow)
    assert dialog.ui.phaseLabel.text() == "Giai đoạn: Chuẩn bị"
    assert dialog.ui.remainingLabel.text().splitlines()[0] == (
        "• 1 đơn vị chưa tự đánh giá xong (1 tiêu chí)")
    table = dialog.units_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert sorted(rows) == ["STP", "SXD", "SYT"]
    assert table.item(rows["STP"], 2).text() == "Khối sở"  # the block's name, not SO
    assert table.cellWidget(rows["STP"], 3).text() == "3/4"  # the bar of the self-assessment
    assert [table.item(rows["STP"], c).text() for c in range(4, 9)] == ["1", "1", "1", "0", "0"]
    members = dialog.members_table
    assert members.cellWidget(0, 3).text() == "2/6" and members.item(0, 6).text() == "1"
    rounds = dialog.rounds_table  # what changed between the rounds, as the workbook has it
    assert [[rounds.item(0, c).text() for c in range(rounds.columnCount())]] == [[
        "SYT", "Sở Y tế", "Khối sở", "1.1 — Kế hoạch CCHC", "4", "3",
        "Kế hoạch ban hành chậm",
        "Kế hoạch trình đúng hạn, chờ ý kiến Sở Nội vụ", "3,5", "Chấp nhận một phần",
        "Sở Nội vụ", "+0,5"]]
    tabs = dialog.ui.tabs
    assert tabs.tabText(tabs.indexOf(dialog.ui.roundsTab)) == "&Giữa hai vòng thẩm định (1)"
    dialog.ui.filterEdit.setFocus()
    type_text(qtbot, dialog.ui.filterEdit, "tư pháp")
    assert dialog.visible_codes(table) == ["STP"]
    assert dialog.visible_codes(rounds) == []
    target, proposed = tmp_path / "tien-do", []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _caption, path, _filter: proposed.append(path) or (
                            str(target), ""))
    qtbot.mouseClick(dialog.ui.exportButton, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert load_workbook(tmp_path / "tien-do.xlsx").sheetnames == [
        "Còn lại", "Đơn vị", "Thành viên"]
    # beside the period's file, not in the current folder (the program's own, from a shortcut)
    assert proposed == [str(window.path.parent / f"tien-do-{date.today().isoformat()}.xlsx")]


def test_what_changed_between_the_rounds(tmp_path, capsys):
    """The workbook of the explanation round: each criterion a unit explained or the council
    appraised again, with both rounds, their reasons and appraisers, and the change."""
    season(tmp_path).close()
    out = tmp_path / "giua-hai-vong.xlsx"
    assert main(["export", "rounds", str(tmp_path / "chinh.parapp"), "-o", str(out)]) == 0
    sheet = load_workbook(out)["Giữa hai vòng"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Mã đơn vị", "Đơn vị", "Mã tiêu chí", "Tiêu chí")
    assert rows[1:] == [(
        "SYT", "Sở Y tế", "1.1", "Kế hoạch CCHC", 4, 3, "Kế hoạch ban hành chậm", "Sở Nội vụ",
        "Kế hoạch trình đúng hạn, chờ ý kiến Sở Nội vụ", 3.5, "Chấp nhận một phần",
        "Sở Nội vụ", 0.5)]
    assert sheet.auto_filter.ref == "A1:M2"


def test_the_units_are_listed_block_by_block(small_demo):
    """Departments, then wards, then communes, as the period lists its blocks: not P001,
    VPUB, X001, P002 as their codes happen to interleave."""
    with Store.open(small_demo, readonly=True) as store:
        blocks = [b.code for b in store.snapshot().blocks]
        listed = [u.block for u in read_progress(store).units]
    runs = [b for i, b in enumerate(listed) if i == 0 or listed[i - 1] != b]
    assert runs == blocks  # each block once, in the period's order
