"""Excel interchange: every import error with its cell, all-or-nothing, idempotence, round trip."""
import hashlib
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from parapp.cli import main
from parapp.core.classification import Grade, counts
from parapp.core.errors import ParappError, ValidationError
from parapp.core.interchange.exporter import (
    export_data,
    export_score_sheets,
    export_summary,
    write_template,
)
from parapp.core.interchange.importer import (
    ImportCancelled,
    apply_plan,
    import_file,
    plan_import,
)
from parapp.core.interchange.xlsx import ImportFailed
from parapp.core.store import Store

SCORE_HEADERS = ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình", "Điểm thẩm định",
                 "Lý do trừ điểm"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workbook(path: Path, sheet: str, rows: list[list], setup=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if setup:
        setup(ws)
    wb.save(path)
    return path


@pytest.fixture
def period(tmp_path) -> Store:
    store = Store.create(tmp_path / "p.parapp", "Tỉnh Sơn Hà", 2025)
    with store.edit() as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_member("SNV", "Sở Nội vụ")
        ed.add_criterion("1", "Chỉ đạo, điều hành", "10", appraiser="SNV")
        ed.add_criterion("1.1", "Kế hoạch", "4", "1", method="levels",
                         params={"levels": ["4", "2", "0"]})
        ed.add_criterion("1.2", "Báo cáo", "6", "1")
        ed.add_criterion("2", "SIPAS", "90", source="sipas", method="proportional")
        ed.add_unit("SYT", "Sở Y tế", "SO")
        ed.add_unit("STP", "Sở Tư pháp", "SO")
        ed.add_unit("SXD", "Sở Xây dựng", "SO")
    yield store
    store.close()


# -- errors: all at once, with the cell, nothing changed -------------------------------------

def test_every_data_error_is_reported_with_its_cell(period, tmp_path):
    book = workbook(tmp_path / "diem.xlsx", "Điểm", [
        SCORE_HEADERS,
        ["SYT", "1.2", 5, "", None, None],      # 2: fine
        ["XYZ", "1.2", 5],                      # 3: unknown unit
        ["SYT", "9.9", 5],                      # 4: unknown criterion
        ["STP", "1.2", 6.5],                    # 5: above max
        ["STP", "1.1", -2],                     # 6: negative
        ["SXD", "1.1", "bốn"],                  # 7: not a number
        ["SYT", "1.2", 4],                      # 8: duplicate of row 2
        ["SYT", "1.1", 4, "", 2, None],         # 9: deduction without a reason
        ["STP", "2", 80],                       # 10: survey-fed
        ["SYT", "1", 8],                        # 11: not a leaf
    ])
    before = sha(period.path)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", book)
    assert err.value.errors == [
        "Điểm!A3: không có đơn vị mã «XYZ» trong kỳ đánh giá",
        "Điểm!B4: không có tiêu chí mã «9.9» trong bộ chỉ số",
        "Điểm!C5: điểm tự đánh giá «6.5»: điểm vượt điểm tối đa 6,00",
        "Điểm!C6: điểm tự đánh giá «-2»: điểm không được âm",
        "Điểm!C7: điểm tự đánh giá «bốn» không phải là số",
        "Điểm!B8: đơn vị SYT, tiêu chí 1.2 bị trùng với dòng 2",
        "Điểm!E9: điểm thẩm định 2,00 khác điểm tự đánh giá 4,00 nhưng thiếu lý do trừ điểm",
        "Điểm!C10: tiêu chí 2 lấy điểm từ SIPAS, không nhập điểm",
        "Điểm!C11: tiêu chí 1 có tiêu chí con; chỉ chấm điểm ở tiêu chí không có tiêu chí con",
    ]
    assert str(err.value).startswith("diem.xlsx: 9 lỗi, không có dữ liệu nào được nhập\n")
    assert sha(period.path) == before


def test_merged_cells_in_the_data_area(period, tmp_path):
    def merge(ws):
        ws.merge_cells("A1:B1")  # merged header cells are fine…
        ws.merge_cells("D3:F3")  # …merged data cells are not
    book = workbook(tmp_path / "gop.xlsx", "Điểm", [
        ["Điểm các đơn vị"], SCORE_HEADERS, ["SYT", "1.2", 5, "gộp"]], setup=merge)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", book)
    assert err.value.errors == ["Điểm!D3:F3: ô gộp trong vùng dữ liệu; hãy bỏ gộp ô"]


def test_formula_without_cached_value(period, tmp_path):
    book = workbook(tmp_path / "f.xlsx", "Điểm", [SCORE_HEADERS, ["SYT", "1.2", "=2+3"]])
    with pytest.raises(ImportFailed) as err:  # openpyxl writes formulas without cached values
        import_file(period, "scores", book)
    assert err.value.errors == ["Điểm!C2: công thức «=2+3» chưa có giá trị đã tính; hãy mở tệp "
                                "bằng Excel hoặc LibreOffice và lưu lại"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_formula_with_cached_value_is_read(period, tmp_path):
    book = workbook(tmp_path / "f.xlsx", "Điểm", [SCORE_HEADERS, ["SYT", "1.2", "=2+3"]])
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir",
                    str(out), str(book)], check=True, capture_output=True, timeout=120)
    report = import_file(period, "scores", out / "f.xlsx")
    assert report.changed == 1
    assert period.evaluate().results[_uuid(period, "SYT")].node_self[_key(period, "1.2")] == D(5)


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_never_what_gets_imported(period, tmp_path, state):
    """The sheet named «Điểm» hidden behind a visible one: what would be imported is not what
    anyone checked, so the workbook is refused naming it. A hidden helper sheet (a list the
    template's drop-downs read) is no obstacle."""
    book = Workbook()
    seen = book.active
    seen.title = "Điểm cũ"
    seen.append(SCORE_HEADERS)
    seen.append(["SYT", "1.2", 3])
    behind = book.create_sheet("Điểm")
    behind.append(SCORE_HEADERS)
    behind.append(["SYT", "1.2", 6])
    behind.sheet_state = state
    book.save(tmp_path / "an.xlsx")
    before = sha(period.path)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", tmp_path / "an.xlsx")
    assert str(err.value) == ("an.xlsx: trang «Điểm» đang bị ẩn, nên không ai thấy được dữ liệu "
                              "sẽ nhập; hãy bỏ ẩn trang (hoặc xóa nó) trong Excel rồi nhập lại")
    assert sha(period.path) == before
    book.remove(seen)
    behind.sheet_state = "visible"
    helper = book.create_sheet("Danh mục")
    helper.append(["SYT", "STP"])
    helper.sheet_state = state
    book.save(tmp_path / "ro.xlsx")
    assert import_file(period, "scores", tmp_path / "ro.xlsx").changed == 1
    assert period.score("SYT", "1.2")["self_points"] == D(6)


def test_the_report_of_an_import_in_english(period, tmp_path, monkeypatch):
    from parapp.core import i18n
    book = workbook(tmp_path / "diem.xlsx", "Điểm", [SCORE_HEADERS, ["SYT", "1.2", 5]])
    report = import_file(period, "scores", book)
    monkeypatch.setattr(i18n, "_language", "en")
    assert report.lines(digest=False) == ["diem.xlsx: 1 row, 1 with changes"]
    assert report.lines()[0].startswith(f"diem.xlsx (SHA-256 {report.sha256[:12]}…): 1 row")
    units = workbook(tmp_path / "dv.xlsx", "Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Khối"], ["SNG", "Sở Ngoại vụ", "SO"],
        ["SGT", "Sở Giao thông", "SO"]])
    assert import_file(period, "units", units).lines(digest=False) == [
        "dv.xlsx: 2 rows, 2 with changes", "Created: 2 units"]


def test_last_years_units_into_a_period_linked_to_none(period, tmp_path):
    """The mapping needs a linked previous period: without one the workbook is refused in
    words, naming its sheet (it ended in an AttributeError), and nothing changes."""
    book = workbook(tmp_path / "cu.xlsx", "Đơn vị năm trước", [
        ["Mã đơn vị năm trước", "Mã đơn vị năm nay"], ["SYT-CU", "SYT"]])
    before = sha(period.path)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "previous_units", book)
    assert err.value.errors == ["Đơn vị năm trước: kỳ đánh giá chưa liên kết kỳ trước (parapp "
                                "link-previous), không có đơn vị năm trước để ánh xạ"]
    assert sha(period.path) == before


def test_a_summary_of_a_period_not_set_up_yet_is_refused_in_words(tmp_path):
    with Store.create(tmp_path / "moi.parapp", "Tỉnh Sơn Hà", 2026) as store:
        with pytest.raises(ParappError, match=r"^Không có khối đơn vị nào để tổng hợp$"):
            export_summary(store, tmp_path / "tong-hop.xlsx")  # was openpyxl's IndexError
    assert not (tmp_path / "tong-hop.xlsx").exists()


def test_wrong_file_type(period, tmp_path):
    text = tmp_path / "diem.xlsx"
    text.write_text("Mã đơn vị;Mã tiêu chí\nSYT;1.2\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", text)
    assert err.value.errors == ["diem.xlsx: không phải sổ tính (.xlsx, .xls hoặc .ods)"]


def test_password_protected_workbook(period, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile
    plain = workbook(tmp_path / "plain.xlsx", "Điểm", [SCORE_HEADERS, ["SYT", "1.2", 5]])
    locked = tmp_path / "mat-khau.xlsx"
    with plain.open("rb") as f, locked.open("wb") as out:
        OOXMLFile(f).encrypt("matkhau", out)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", locked)
    assert err.value.errors == ["mat-khau.xlsx: sổ tính được bảo vệ bằng mật khẩu; hãy gỡ mật "
                                "khẩu rồi lưu lại"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_legacy_xls(period, tmp_path):
    """Excel 97–2003 workbooks import (python-calamine reads them; issue 16)."""
    plain = workbook(tmp_path / "cu.xlsx", "Điểm", [SCORE_HEADERS, ["SYT", "1.2", 5]])
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path),
                    str(plain)], check=True, capture_output=True, timeout=120)
    assert import_file(period, "scores", tmp_path / "cu.xls").changed == 1
    assert period.evaluate().results[_uuid(period, "SYT")].node_self[_key(period, "1.2")] == D(5)


def test_missing_required_header(period, tmp_path):
    book = workbook(tmp_path / "d.xlsx", "Điểm", [["Mã đơn vị", "Điểm tự đánh giá"], ["SYT", 5]])
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", book)
    assert err.value.errors == ["d.xlsx: trang «Điểm» không có dòng tiêu đề với các cột "
                                "«Mã đơn vị», «Mã tiêu chí»"]


def test_duplicate_header(period, tmp_path):
    book = workbook(tmp_path / "d.xlsx", "Điểm", [
        ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "điểm TỰ đánh giá"], ["SYT", "1.2", 5, 4]])
    with pytest.raises(ImportFailed) as err:
        import_file(period, "scores", book)
    assert err.value.errors == ["Điểm!D1: cột «điểm TỰ đánh giá» bị trùng với Điểm!C1"]


# -- headers and numbers --------------------------------------------------------------------

def test_headers_in_any_order_any_case_without_accents_extra_ignored(period, tmp_path):
    book = workbook(tmp_path / "d.xlsx", "Bảng điểm của đơn vị", [
        ["BẢNG TỰ CHẤM ĐIỂM NĂM 2025"],  # a title row above the header
        ["Ghi chú nội bộ", "  diem tu danh gia ", "MÃ TIÊU CHÍ", "Ma don vi", "Giai trinh"],
        ["bỏ qua", "5,5", "1.2", "SYT", "Có báo cáo quý"],
        ["bỏ qua", "4", "1.1", "SYT", None],
    ])
    report = import_file(period, "scores", book)
    assert (report.rows, report.changed) == (2, 2)
    result = period.evaluate().results[_uuid(period, "SYT")]
    assert result.node_self[_key(period, "1.2")] == D("5.5")
    assert result.self_total == D("9.5")


def test_decimal_comma_point_and_float(period, tmp_path):
    book = workbook(tmp_path / "d.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", "5,25"], ["STP", "1.2", 0.1 + 0.2]])
    import_file(period, "scores", book)
    results = period.evaluate().results
    assert results[_uuid(period, "SYT")].self_total == D("5.25")
    assert results[_uuid(period, "STP")].self_total == D("0.3")  # float artefact rounded away


def test_survey_percentages(period, tmp_path):
    def percent(ws):
        ws["B3"].number_format = "0.00%"
    book = workbook(tmp_path / "s.xlsx", "Điều tra", [
        ["Mã đơn vị", "SIPAS (%)", "ĐTXHH (%)"], ["SYT", "91,17%", None], ["STP", 0.8, None],
    ], setup=percent)
    import_file(period, "survey", book)
    results = period.evaluate().results
    assert results[_uuid(period, "SYT")].sipas == D("82.053")  # 91.17 % × 90
    assert results[_uuid(period, "STP")].sipas == D("72")  # 0,8 in a % cell = 80 %
    bad = workbook(tmp_path / "b.xlsx", "Điều tra", [["Mã đơn vị", "SIPAS (%)"], ["SYT", 120]])
    with pytest.raises(ImportFailed) as err:
        import_file(period, "survey", bad)
    assert err.value.errors == ["Điều tra!B2: SIPAS 120,00% phải trong khoảng 0…100%"]


# -- idempotence, partial updates, audit, protection of appraisals ---------------------------

def test_reimport_is_a_no_op_and_a_correction_changes_only_what_changed(period, tmp_path):
    rows = [SCORE_HEADERS, ["SYT", "1.1", 4, None, 2, "Kế hoạch ban hành chậm"],
            ["SYT", "1.2", 6], ["STP", "1.2", 5]]
    book = workbook(tmp_path / "d.xlsx", "Điểm", rows)
    first = import_file(period, "scores", book)
    assert first.changed == 3
    audit = len(period.audit())
    again = import_file(period, "scores", book)
    assert again.changed == 0 and len(period.audit()) == audit
    rows[3][2] = 4.5
    fixed = import_file(period, "scores", workbook(tmp_path / "d2.xlsx", "Điểm", rows))
    assert fixed.changed == 1
    entries = period.audit()[audit:]
    assert len(entries) == 1 and entries[0].changes["self_points"] == ["5", "4.5"]
    assert entries[0].source == f"nhập điểm: d2.xlsx (SHA-256 {sha(tmp_path / 'd2.xlsx')})"


def test_appraisals_entered_in_the_app_are_kept_unless_overwrite(period, tmp_path):
    with period.edit("gui") as ed:
        ed.set_self_score("SYT", "1.2", "6")
        ed.set_appraisal("SYT", "1.2", "5", "Báo cáo quý III gửi chậm")
    book = workbook(tmp_path / "d.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", 6, None, 4, "Thiếu báo cáo quý IV"]])
    report = import_file(period, "scores", book)
    assert report.changed == 0
    assert report.kept == ["Điểm!2: đơn vị SYT, tiêu chí 1.2: 5,00 → 4,00"]
    assert _appraisal(period, "SYT", "1.2") == D(5)
    report = import_file(period, "scores", book, overwrite=True)
    assert report.replaced == ["Điểm!2: đơn vị SYT, tiêu chí 1.2: 5,00 → 4,00"]
    assert _appraisal(period, "SYT", "1.2") == D(4)
    # an appraisal that came from an import may be corrected by the next import
    book2 = workbook(tmp_path / "d2.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", 6, None, 3, "Thiếu báo cáo quý III và IV"]])
    assert import_file(period, "scores", book2).kept == []
    assert _appraisal(period, "SYT", "1.2") == D(3)


def test_cancelling_leaves_nothing(period, tmp_path):
    rows = [SCORE_HEADERS] + [[u, c, 1] for u in ("SYT", "STP") for c in ("1.2",)]
    book = workbook(tmp_path / "d.xlsx", "Điểm", rows)
    before = sha(period.path)
    seen = []
    with pytest.raises(ImportCancelled):
        import_file(period, "scores", book,
                    progress=lambda done, total: seen.append(done) or False)
    assert seen and sha(period.path) == before


# -- criteria and units ---------------------------------------------------------------------

def test_criteria_and_units_into_an_empty_period(tmp_path):
    store = Store.create(tmp_path / "new.parapp", "Tỉnh Sơn Hà", 2026)
    crit = workbook(tmp_path / "tc.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa (SO)", "Điểm tối đa (XA)", "Cách chấm", "Nguồn điểm",
         "Cơ quan thẩm định", "Bắt buộc TLKC"],
        [1, "Chỉ đạo, điều hành CCHC", 60, 60, None, None, "Sở Nội vụ", None],
        ["1.1", "Kế hoạch CCHC", 20, 20, "Theo mức: 20; 10; 0", "Tự chấm", None, "Có"],
        ["1.2", "Báo cáo CCHC", 40, 30, "Có/Không", "Tự đánh giá", None, "Có"],
        ["1.3", "Tuyên truyền CCHC", 0, 10, "Tỷ lệ thuận", None, None, "Không"],
        [2, "SIPAS", 40, 40, "Tỷ lệ thuận", "SIPAS", "Sở Nội vụ", None],
    ])
    report = import_file(store, "criteria", crit)
    assert report.created == {"blocks": 2, "members": 1, "criteria": 5}
    # what was made is named: a typo in a workbook would show here as a new department
    assert report.lines(digest=False)[1] == (
        "Tạo mới: 2 khối (SO; XA), 1 cơ quan thẩm định (Sở Nội vụ — SNV), 5 tiêu chí")
    units = workbook(tmp_path / "dv.xlsx", "Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Khối", "Người đứng đầu", "Chức vụ", "Xếp hạng năm trước",
         "Không xếp hạng"],
        ["SYT", "Sở Y tế", "SO", "Nguyễn Văn An", "Giám đốc", 2, None],  # of 2 units
        ["X01", "Xã An Bình", "XA", "Trần Thị Bích", "Chủ tịch UBND xã", None, "Có"],
    ])
    assert import_file(store, "units", units).created == {"blocks": 0, "units": 2}
    tree = store.tree()
    assert tree.by_code["1.1"].params == {"levels": ["20", "10", "0"]}
    assert tree.by_code["1.3"].max_for("SO") == 0 and tree.by_code["1.2"].max_for("XA") == 30
    assert tree.appraiser_of(tree.by_code["1.2"].key) == "SNV"
    assert [(u.code, u.ranked, u.prev_rank) for u in store.units()] == [
        ("SYT", True, 2), ("X01", False, None)]
    assert import_file(store, "criteria", crit).changed == 0
    store.close()


def test_criteria_whose_children_do_not_add_up(tmp_path):
    store = Store.create(tmp_path / "new.parapp", "Tỉnh Sơn Hà", 2026)
    crit = workbook(tmp_path / "tc.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa"], ["1", "Lĩnh vực 1", 10], ["1.1", "TC 1", 4],
        ["1.2", "TC 2", 5], ["1.3.1", "mồ côi", 1], ["x.1", "sai mã", 1]])
    with pytest.raises(ImportFailed) as err:
        import_file(store, "criteria", crit)
    assert err.value.errors == ["Tiêu chí!A6: mã «x.1» không đúng dạng 1, 1.2, 1.2.3"]
    crit = workbook(tmp_path / "tc2.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa"], ["1", "Lĩnh vực 1", 10], ["1.1", "TC 1", 4],
        ["1.2", "TC 2", 5], ["1.3.1", "mồ côi", 1]])
    with pytest.raises(ImportFailed) as err:
        import_file(store, "criteria", crit)
    assert err.value.errors == ["Tiêu chí!A5: tiêu chí 1.3.1 không có tiêu chí cha 1.3"]
    crit = workbook(tmp_path / "tc3.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa"], ["1", "Lĩnh vực 1", 10], ["1.1", "TC 1", 4],
        ["1.2", "TC 2", 5]])
    with pytest.raises(ImportFailed) as err:
        import_file(store, "criteria", crit)
    assert err.value.errors == ["Tiêu chí!A2: Tiêu chí 1: tổng điểm tối đa các tiêu chí con là "
                                "9,000, khác điểm tối đa 10,000"]
    store.close()


def test_a_criteria_import_never_leaves_written_scores_behind(period, tmp_path):
    """Scores already written keep counting and stay valid: a criteria workbook that would
    lower a maximum below them, change the levels under them, give their criterion a child
    or move it to a survey source is refused at its row, and nothing changes."""
    with period.edit() as ed:
        ed.write_scores([("SYT", "1.2", {"self_points": D(5), "appraisal_points": D("4.5"),
                                         "appraisal_note": "Thiếu báo cáo quý IV"}),
                         ("STP", "1.2", {"self_points": D(6)}),
                         ("SYT", "1.1", {"self_points": D(2)})])
    before = sha(period.path)

    def refused(rows: list[list]) -> list[str]:
        book = workbook(tmp_path / "tc.xlsx", "Tiêu chí", [
            ["Mã", "Nội dung", "Điểm tối đa", "Cách chấm", "Nguồn điểm"], *rows])
        with pytest.raises(ImportFailed) as err:
            import_file(period, "criteria", book)
        assert sha(period.path) == before
        return err.value.errors

    assert refused([["1", "Chỉ đạo, điều hành", 10], ["1.1", "Kế hoạch", 5.5, "Theo mức: 5,5; 0"],
                    ["1.2", "Báo cáo", 4.5]]) == [
        "Tiêu chí!A3: tiêu chí 1.1: điểm đã ghi của 1 đơn vị không còn hợp lệ với thay đổi này "
        "(SYT: điểm tự đánh giá 2,00 — điểm phải là một trong các mức: 5,50; 0,00); hãy sửa "
        "điểm trước",
        "Tiêu chí!A4: tiêu chí 1.2: điểm đã ghi của 2 đơn vị không còn hợp lệ với thay đổi này "
        "(STP: điểm tự đánh giá 6,00 — điểm vượt điểm tối đa 4,50; SYT: điểm tự đánh giá 5,00 — "
        "điểm vượt điểm tối đa 4,50); hãy sửa điểm trước"]
    assert refused([["1.2.1", "Báo cáo quý", 6]]) == [
        "Tiêu chí!A2: tiêu chí 1.2.1 đặt dưới tiêu chí 1.2, nơi 2 đơn vị đã có điểm hoặc giải "
        "trình (STP, SYT); những điểm đó sẽ không còn được tính — hãy xóa chúng trước, hoặc đặt "
        "tiêu chí mới ở chỗ khác"]
    assert refused([["1.2", "Báo cáo", 6, None, "ĐTXHH"]]) == [
        "Tiêu chí!A2: tiêu chí 1.2 lấy điểm từ ĐTXHH, nhưng 2 đơn vị đã có điểm (STP, SYT); "
        "những điểm đó sẽ không còn được tính"]
    # a maximum raised, levels that keep what was written: taken
    book = workbook(tmp_path / "ok.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa", "Cách chấm"], ["1", "Chỉ đạo, điều hành", 11],
        ["1.1", "Kế hoạch", 4, "Theo mức: 4; 3; 2; 0"], ["1.2", "Báo cáo", 7]])
    assert import_file(period, "criteria", book).changed == 3
    assert period.tree().by_code["1.2"].max_for("SO") == D(7)


def test_a_department_written_without_accents_is_the_member_it_names(period, tmp_path):
    """'So Noi vu' typed on a keyboard without Vietnamese input is Sở Nội vụ, not a second
    member to whom the area's appraisal would move."""
    book = workbook(tmp_path / "tc.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa", "Cơ quan thẩm định"],
        ["1", "Chỉ đạo, điều hành", 10, "So Noi vu"]])
    report = import_file(period, "criteria", book)
    assert report.created.get("members", 0) == 0
    assert [m.code for m in period.members()] == ["SNV"]
    assert period.tree().appraiser_of(period.tree().by_code["1.2"].key) == "SNV"


# -- round trip and exports -----------------------------------------------------------------

def test_round_trip_reproduces_totals_and_ranks(small_demo, tmp_path):
    book = tmp_path / "du-lieu.xlsx"
    with Store.open(small_demo) as source:
        export_data(source, book)
        expected = source.evaluate()
        settings = source.settings().values()
    target = Store.create(tmp_path / "moi.parapp", "Tỉnh Sơn Hà", 2025)
    with target.edit() as ed:
        for key in ("bonus_cap", "penalty_cap"):
            ed.set_setting(key, settings[key] or "")
    for kind in ("criteria", "units", "scores", "survey", "adjustments"):
        import_file(target, kind, book)
    got = target.evaluate()

    # the workbook holds no overrides: the grade of a head without one
    overridden = {h.row.result.unit.code for h in expected.heads.values() if h.override}

    def table(result):
        return sorted((r.result.unit.code, r.result.total, r.result.index, r.rank,
                       None if r.result.unit.code in overridden
                       else result.heads[r.result.key].grade, r.result.unit.head_since)
                      for ranking in result.rankings.values() for r in ranking.rows())
    assert table(got) == table(expected)
    target.close()


UNIT_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Khối", "Người đứng đầu", "Giữ chức vụ từ ngày"]


def test_the_date_a_head_took_up_the_post_is_imported_from_a_date_or_text(period, tmp_path):
    def dated(ws):  # a date cell as Excel keeps it: a number formatted as a date
        ws["E2"].number_format = "DD/MM/YYYY"
    book = workbook(tmp_path / "dv.xlsx", "Đơn vị", [
        UNIT_HEADERS,
        ["SYT", "Sở Y tế", "SO", "Nguyễn Văn An", datetime(2025, 10, 16)],
        ["STP", "Sở Tư pháp", "SO", "Lê Thị Hoa", "01/09/2025"],
        ["SXD", "Sở Xây dựng", "SO", "Trần Văn Bình", None],
        ["SNN", "Sở Nông nghiệp", "SO", "Phạm Thu Hà", " 2025-07-01 "],
        ["SCT", "Sở Công Thương", "SO", "Đỗ Minh Tuấn", "1/9/2025"]], setup=dated)
    report = import_file(period, "units", book)
    assert (report.changed, report.created) == (5, {"blocks": 0, "units": 2})
    assert [(u.code, u.head_since) for u in period.units()] == [
        ("SCT", "2025-09-01"), ("SNN", "2025-07-01"), ("STP", "2025-09-01"), ("SXD", None),
        ("SYT", "2025-10-16")]
    assert import_file(period, "units", book).changed == 0  # the same again: nothing
    grades = {h.row.result.unit.code: (h.grade.value, h.reason)
              for h in period.evaluate().heads.values()}
    assert grades["SYT"] == ("khong_xep_loai", "Giữ chức vụ từ 16/10/2025 (2 tháng trong năm), "
                                               "dưới 6 tháng: không xếp loại")
    assert grades["SNN"][0] == "khong_hoan_thanh"  # 6 months: classified (no scores here)
    # the column left blank clears the date (the whole year); a sheet without it keeps it
    import_file(period, "units", workbook(tmp_path / "dv2.xlsx", "Đơn vị", [
        UNIT_HEADERS, ["STP", "Sở Tư pháp", "SO", "Lê Thị Hoa", None]]))
    import_file(period, "units", workbook(tmp_path / "dv3.xlsx", "Đơn vị", [
        UNIT_HEADERS[:4], ["SYT", "Sở Y tế", "SO", "Nguyễn Văn An"]]))
    assert {u.code: u.head_since for u in period.units()}["STP"] is None
    assert {u.code: u.head_since for u in period.units()}["SYT"] == "2025-10-16"


def test_a_bad_date_of_taking_up_the_post_names_its_cell_and_changes_nothing(period, tmp_path):
    with period.edit() as ed:
        ed.update_unit("SYT", head_since="2025-03-01")
    book = workbook(tmp_path / "dv.xlsx", "Đơn vị", [
        ["Danh sách đơn vị"],
        UNIT_HEADERS,
        ["SYT", "Sở Y tế", "SO", "Nguyễn Văn An", "01/09/2025"],  # fine
        ["STP", "Sở Tư pháp", "SO", "Lê Thị Hoa", "31/02/2025"],  # no such day
        ["SXD", "Sở Xây dựng", "SO", "Trần Văn Bình", 45901],  # a bare number
        ["SNN", "Sở Nông nghiệp", "SO", "Phạm Thu Hà", "tháng 9"],
        ["SCT", "Sở Công Thương", "SO", "Đỗ Minh Tuấn", "1/9/25"]])  # a two-digit year
    before = sha(period.path)
    with pytest.raises(ImportFailed) as err:
        import_file(period, "units", book)
    assert err.value.errors == [
        "Đơn vị!E4: ngày giữ chức vụ «31/02/2025» không phải là ngày dạng dd/mm/yyyy",
        "Đơn vị!E5: ngày giữ chức vụ «45901» không phải là ngày dạng dd/mm/yyyy",
        "Đơn vị!E6: ngày giữ chức vụ «tháng 9» không phải là ngày dạng dd/mm/yyyy",
        "Đơn vị!E7: ngày giữ chức vụ «1/9/25» không phải là ngày dạng dd/mm/yyyy"]
    assert str(err.value).startswith("dv.xlsx: 4 lỗi, không có dữ liệu nào được nhập\n")
    assert sha(period.path) == before
    assert [(u.code, u.head_since) for u in period.units()] == [
        ("STP", None), ("SXD", None), ("SYT", "2025-03-01")]


def test_the_interchange_workbook_writes_the_date_as_a_date(period, tmp_path):
    with period.edit() as ed:
        ed.update_unit("STP", head_since="2025-10-16")
    out = export_data(period, tmp_path / "du-lieu.xlsx")
    ws = load_workbook(out)["Đơn vị"]
    header = [c.value for c in ws[1]]
    column = header.index("Giữ chức vụ từ ngày") + 1
    cells = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=column)
             for r in range(2, ws.max_row + 1)}
    assert cells["STP"].value == datetime(2025, 10, 16)
    assert cells["STP"].number_format == "DD/MM/YYYY" and cells["SYT"].value is None
    assert date(2025, 10, 16) == cells["STP"].value.date()


def test_score_sheet_layout(small_demo, tmp_path):
    out = tmp_path / "bang-diem.xlsx"
    with Store.open(small_demo) as store:
        export_score_sheets(store, out, unit="SYT")
        result = store.evaluate().results[next(u.uuid for u in store.units() if u.code == "SYT")]
    ws = load_workbook(out)["SYT"]
    assert [c.value for c in ws[5]] == ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá",
                                        "Điểm thẩm định", "Chênh lệch", "Lý do trừ điểm",
                                        "Giải trình", "TLKC"]
    assert ws["A6"].value == "1" and ws["B6"].value.isupper() and ws["B6"].font.b
    assert ws["C6"].number_format == "0.00"
    assert ws.freeze_panes == "A6" and ws.print_title_rows == "$5:$5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    lines = {r[1]: r for r in ws.iter_rows(values_only=True) if r[1] and not r[0]}
    # the published total (components rounded first), read back as a float, split as in the
    # annex: the lines above it add up to it
    total = D(repr(lines.pop("TỔNG ĐIỂM")[4]))
    assert total == result.published_total
    parts = [D(repr(r[4])) for label, r in lines.items() if not label.startswith("Điểm thưởng:")
             and not label.startswith("Điểm trừ:")]
    assert {"Cộng điểm thẩm định các lĩnh vực", "Điểm điều tra xã hội học (ĐTXHH)",
            "Điểm Chỉ số hài lòng (SIPAS)"} <= set(lines)
    assert sum(parts, D(0)) == total


def test_summary_lists_every_unit_with_rank_and_class(small_demo, tmp_path):
    out = tmp_path / "tong-hop.xlsx"
    with Store.open(small_demo) as store:
        export_summary(store, out, block="SO")
        ranking = store.evaluate().rankings["SO"]
    ws = load_workbook(out)["SO"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[1]]
    assert [r[1] for r in rows] == [row.result.unit.code for row in ranking.rows()]
    rank_col = [c.value for c in ws[4]].index("Xếp hạng")
    assert [r[rank_col] for r in rows] == [row.rank or "—" for row in ranking.rows()]
    grade_col = [c.value for c in ws[4]].index("Xếp loại")
    assert next(r[grade_col] for r in rows if r[1] == "SCT") == "Không xếp loại"  # late head
    printed = [r[2:4] for r in ws.iter_rows(min_row=5, values_only=True) if not r[1] and r[2]]
    with Store.open(small_demo, readonly=True) as store:
        result = store.evaluate()
    expected = counts(result.heads[r.result.key] for r in result.rankings["SO"].rows())
    assert printed == [(g.label, n) for g, n in expected.items()]
    assert expected[Grade.NOT_CLASSIFIED] == 1 and sum(expected.values()) == 17


def test_prefilled_template_validates_each_score_against_its_max(period, tmp_path):
    out = write_template("scores", tmp_path / "mau.xlsx", period, unit="SYT")
    wb = load_workbook(out)
    ws = wb["Điểm"]
    assert [c.value for c in ws[1]][:7] == ["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá",
                                            "Số liệu tự đánh giá", "Giải trình",
                                            "Điểm thẩm định", "Lý do trừ điểm"]
    assert [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=2)] == [
        ("SYT", "1.1"), ("SYT", "1.2")]
    bounds = sorted((dv.formula1, dv.formula2, str(dv.sqref)) for dv in
                    ws.data_validations.dataValidation)
    assert bounds == [("0", "4", "C2 F2 I2 L2"), ("0", "6", "C3 F3 I3 L3")]


def test_prefilled_scores_template_round_trips(period, tmp_path):
    """Template from a period → edit one cell → import: exactly that cell's change."""
    with period.edit("gui") as ed:
        ed.set_self_score("SYT", "1.1", "4", "Đã ban hành kế hoạch")
        ed.set_appraisal("SYT", "1.1", "2", "Ban hành chậm")
        ed.set_self_score("SYT", "1.2", "6")
        ed.set_appraisal("SYT", "1.2", "6")
        ed.set_explanation2("SYT", "1.2", "Bổ sung báo cáo quý IV")
        ed.set_appraisal("SYT", "1.2", "5,5", "Báo cáo quý IV vẫn chậm", round=2)
        ed.set_self_score("STP", "1.2", "5,25")
        ed.set_applicable("SXD", "1.1", False, "Không có văn bản quy phạm")
    out = write_template("scores", tmp_path / "mau.xlsx", period)
    ws = load_workbook(out)["Điểm"]
    rows = {(r[0], r[1]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 6  # 3 units × the 2 self-scored leaves
    assert rows[("SYT", "1.1")] == ("SYT", "1.1", 4, None, "Đã ban hành kế hoạch", 2,
                                    "Ban hành chậm", None, None, None, None, None)
    assert rows[("SYT", "1.2")] == ("SYT", "1.2", 6, None, None, 6, None,
                                    "Bổ sung báo cáo quý IV", 5.5, "Báo cáo quý IV vẫn chậm",
                                    None, None)
    assert rows[("STP", "1.2")][2] == 5.25
    assert rows[("SXD", "1.1")][-2] == "Không có văn bản quy phạm"
    assert rows[("SXD", "1.2")] == ("SXD", "1.2") + (None,) * 10

    audit = len(period.audit())
    assert import_file(period, "scores", out).changed == 0  # unchanged: nothing written
    assert len(period.audit()) == audit

    wb = load_workbook(out)
    row = next(r for r in wb["Điểm"].iter_rows(min_row=2) if
               (r[0].value, r[1].value) == ("STP", "1.2"))
    row[2].value = 4.75
    wb.save(tmp_path / "sua.xlsx")
    report = import_file(period, "scores", tmp_path / "sua.xlsx")
    assert (report.changed, report.conflicts) == (1, [])
    entries = period.audit()[audit:]
    assert [e.changes for e in entries] == [{"self_points": ["5.25", "4.75"]}]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_prefilled_template_saved_by_libreoffice_changes_nothing(small_demo, tmp_path):
    """The secretariat opens the template in LibreOffice Calc and saves it: still no change."""
    with Store.open(small_demo) as store:
        out = write_template("scores", tmp_path / "mau.xlsx", store)
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", str(tmp_path / "lo"), str(out)], check=True,
                       capture_output=True, timeout=180)
        report = import_file(store, "scores", tmp_path / "lo" / "mau.xlsx")
    assert report.rows > 2000 and (report.changed, report.conflicts) == (0, [])


def test_a_plan_writes_nothing_and_lists_each_conflict(period, tmp_path):
    with period.edit("gui") as ed:
        ed.set_self_score("SYT", "1.2", "6")
        ed.set_appraisal("SYT", "1.2", "5", "Báo cáo quý III gửi chậm")
    book = workbook(tmp_path / "d.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", 6, None, 4, "Thiếu báo cáo quý IV"], ["STP", "1.2", 3]])
    before = sha(period.path)
    plan = plan_import(period, "scores", book)
    assert sha(period.path) == before and plan.report.txn == ""
    assert plan.report.changed == 1  # STP; SYT's appraisal is kept unless overwrite
    (conflict,) = plan.report.conflicts
    assert (conflict.ref, conflict.unit, conflict.unit_name, conflict.criterion,
            conflict.criterion_name, conflict.round) == ("Điểm!2", "SYT", "Sở Y tế", "1.2",
                                                         "Báo cáo", 1)
    assert (conflict.current, conflict.current_note, conflict.workbook,
            conflict.workbook_note) == (D(5), "Báo cáo quý III gửi chậm", D(4),
                                        "Thiếu báo cáo quý IV")
    # decided afterwards, on another connection (the window's worker): worked out again there
    with Store.open(period.path) as other:
        report = apply_plan(other, plan, overwrite=True)
    assert (report.changed, report.kept, report.replaced) == (
        2, [], ["Điểm!2: đơn vị SYT, tiêu chí 1.2: 5,00 → 4,00"])
    assert _appraisal(period, "SYT", "1.2") == D(4)
    assert period.score("STP", "1.2")["self_points"] == D(3)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_reads_the_same_values(small_demo, tmp_path):
    out = tmp_path / "tong-hop.xlsx"
    with Store.open(small_demo) as store:
        export_summary(store, out, block="SO")
        ranking = store.evaluate().rankings["SO"]
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,"
                    "34,76", "--outdir", str(tmp_path), str(out)], check=True,
                   capture_output=True, timeout=180)
    import csv
    lines = list(csv.reader((tmp_path / "tong-hop.csv").read_text(encoding="utf-8").splitlines()))
    header = lines[3]
    total, index = header.index("Tổng điểm"), header.index("Chỉ số (%)")
    data = [line for line in lines[4:] if line and line[1]]
    assert [line[1] for line in data] == [r.result.unit.code for r in ranking.rows()]
    assert [D(line[total]) for line in data] == [r.result.published_total
                                                 for r in ranking.rows()]
    assert [D(line[index]) for line in data] == [r.result.published_index
                                                 for r in ranking.rows()]


def test_cli_import_errors_and_exports(period, tmp_path, capsys):
    bad = workbook(tmp_path / "d.xlsx", "Điểm", [SCORE_HEADERS, ["XYZ", "1.2", 5],
                                                 ["SYT", "1.2", 7]])
    period.close()
    code = main(["import", "scores", str(period.path), str(bad)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == ["parapp: lỗi: d.xlsx: 2 lỗi, không có dữ liệu nào được nhập",
                                "  Điểm!A2: không có đơn vị mã «XYZ» trong kỳ đánh giá",
                                "  Điểm!C3: điểm tự đánh giá «7»: điểm vượt điểm tối đa 6,00"]
    assert main(["template", "units", "-o", str(tmp_path / "dv.xlsx")]) == 0
    assert [c.value for c in load_workbook(tmp_path / "dv.xlsx")["Đơn vị"][1]] == [
        "Mã đơn vị", "Tên đơn vị", "Khối", "Người đứng đầu", "Chức vụ", "Giữ chức vụ từ ngày",
        "Xếp hạng năm trước", "Không xếp hạng"]
    assert main(["export", "summary", str(period.path), "-o", str(tmp_path / "th.xlsx")]) == 0


def _uuid(store: Store, code: str) -> str:
    return next(u.uuid for u in store.units() if u.code == code)


def _key(store: Store, code: str) -> str:
    return store.tree().by_code[code].key


def _appraisal(store: Store, unit: str, code: str) -> D:
    return store.evaluate().results[_uuid(store, unit)].node_points[_key(store, code)]


def test_new_period_from_a_workbook_is_all_or_nothing(small_demo, tmp_path, capsys):
    book = tmp_path / "bo-chi-so.xlsx"
    with Store.open(small_demo) as source:
        export_data(source, book)
    target = tmp_path / "2026.parapp"
    assert main(["new", str(target), "--province", "Tỉnh Sơn Hà", "--year", "2026",
                 "--from", str(book)]) == 0
    with Store.open(target) as store:
        assert (len(store.units()), len(store.tree().preorder)) == (26, 155)
        assert store.period().year == 2026
    bad = workbook(tmp_path / "hong.xlsx", "Tiêu chí", [["Mã", "Nội dung", "Điểm tối đa"],
                                                        ["1", "Lĩnh vực", 10], ["1.1", "TC", 4]])
    capsys.readouterr()
    assert main(["new", str(tmp_path / "x.parapp"), "--province", "X", "--year", "2026",
                 "--from", str(bad)]) == 1
    assert "Tiêu chí!A2" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".parapp") == [
        "2026.parapp", "demo.parapp"]  # no x.parapp, no half-made file
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())
    # the workbook `new --from` takes, blank: both sheets in one file
    assert main(["template", "period", "-o", str(tmp_path / "mau-ky.xlsx")]) == 0
    assert load_workbook(tmp_path / "mau-ky.xlsx").sheetnames == ["Tiêu chí", "Đơn vị"]


def test_a_scores_import_is_undone_and_redone_as_one_transaction(period, tmp_path):
    with period.edit("gui") as ed:
        ed.set_self_score("SYT", "1.2", "6")
    before = {(u, c): period.score(u, c) for u, c in (("SYT", "1.2"), ("STP", "1.2"))}
    book = workbook(tmp_path / "d.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", 6, None, 4, "Thiếu báo cáo quý IV"], ["STP", "1.2", 5]])
    report = import_file(period, "scores", book)
    after = {(u, c): period.score(u, c) for u, c in (("SYT", "1.2"), ("STP", "1.2"))}
    undo = period.revert(report.txn, "gui: hoàn tác")
    assert {(u, c): period.score(u, c) for u, c in (("SYT", "1.2"), ("STP", "1.2"))} == before
    assert dict(period.unit_input("STP").scores) == {}  # no score again
    period.revert(undo, "gui: làm lại")
    assert {(u, c): period.score(u, c) for u, c in (("SYT", "1.2"), ("STP", "1.2"))} == after
    assert period.score("SYT", "1.2")["appraisal_points"] == D(4)
    # the undone-then-redone rows are the same rows: re-importing changes nothing
    assert import_file(period, "scores", book).changed == 0


def test_a_survey_import_is_undone_and_redone(period, tmp_path):
    import_file(period, "survey", workbook(tmp_path / "s1.xlsx", "Điều tra", [
        ["Mã đơn vị", "SIPAS (%)"], ["SYT", 80]]))
    report = import_file(period, "survey", workbook(tmp_path / "s2.xlsx", "Điều tra", [
        ["Mã đơn vị", "SIPAS (%)", "ĐTXHH (%)"], ["SYT", 90, 70], ["STP", 85, None]]))
    results = period.evaluate().results
    assert results[_uuid(period, "STP")].sipas == D("76.5")  # 85 % × 90
    undo = period.revert(report.txn)
    results = period.evaluate().results
    assert results[_uuid(period, "SYT")].sipas == D(72)  # back to 80 %
    assert results[_uuid(period, "STP")].sipas == D(0)  # no result again
    assert period.snapshot().units[1].survey_pct is None
    period.revert(undo)
    assert period.evaluate().results[_uuid(period, "SYT")].sipas == D(81)


def test_a_units_import_that_created_a_block_is_undone_whole(period, tmp_path):
    book = workbook(tmp_path / "dv.xlsx", "Đơn vị", [
        ["Mã đơn vị", "Tên đơn vị", "Khối", "Người đứng đầu", "Chức vụ"],
        ["SYT", "Sở Y tế", "SO", "Nguyễn Văn An", "Giám đốc"],
        ["X01", "Xã An Bình", "XA", "Trần Thị Bích", "Chủ tịch UBND xã"]])
    report = import_file(period, "units", book)
    assert report.created == {"blocks": 1, "units": 1}
    undo = period.revert(report.txn)
    assert sorted(u.code for u in period.units()) == ["STP", "SXD", "SYT"]
    assert [b.code for b in period.blocks()] == ["SO"]
    assert next(u for u in period.units() if u.code == "SYT").head_name == ""
    period.revert(undo)
    assert sorted(u.code for u in period.units()) == ["STP", "SXD", "SYT", "X01"]
    assert [b.code for b in period.blocks()] == ["SO", "XA"]
    assert next(u for u in period.units() if u.code == "SYT").head_name == "Nguyễn Văn An"


def test_a_criteria_import_is_undone_with_the_scores_intact(period, tmp_path):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.2", "5")
    book = workbook(tmp_path / "tc.xlsx", "Tiêu chí", [
        ["Mã", "Nội dung", "Điểm tối đa"], ["1", "Chỉ đạo, điều hành", 14],
        ["1.2", "Báo cáo", 8], ["1.3", "Tuyên truyền", 2]])
    report = import_file(period, "criteria", book)
    assert period.tree().by_code["1.2"].max_for("SO") == D(8)
    period.revert(report.txn)
    tree = period.tree()
    assert "1.3" not in tree.by_code and tree.by_code["1.2"].max_for("SO") == D(6)
    assert period.score("SYT", "1.2")["self_points"] == D(5)
    with period.edit() as ed:  # score writes see the structure as it is after the undo
        with pytest.raises(ValidationError, match="vượt điểm tối đa 6"):
            ed.set_self_score("SYT", "1.2", "7")


def test_an_undo_never_overwrites_a_later_change(period, tmp_path):
    report = import_file(period, "scores", workbook(tmp_path / "d.xlsx", "Điểm", [
        SCORE_HEADERS, ["SYT", "1.2", 6], ["STP", "1.2", 5]]))
    with period.edit("gui") as ed:
        ed.set_self_score("STP", "1.2", "4")
    before = sha(period.path)
    with pytest.raises(ValidationError, match="Không hoàn tác được: điểm đã được thay đổi sau "
                                              r"đó \(self_points\)"):
        period.revert(report.txn)
    assert sha(period.path) == before
    assert period.score("SYT", "1.2")["self_points"] == D(6)
    with pytest.raises(ValidationError, match="Không có thay đổi nào"):
        period.revert("no-such-transaction")
