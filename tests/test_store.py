"""The assessment file: creation, refusal of bad files, upgrades, transactions, history."""
import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import select

from parapp.core import fileformat
from parapp.core.errors import FileFormatError, ParappError, ValidationError
from parapp.core.models import Score
from parapp.core.store import Store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def period(tmp_path) -> Store:
    store = Store.create(tmp_path / "p.parapp", "Tỉnh Sơn Hà", 2025)
    with store.edit() as ed:
        ed.add_block("SO", "Khối sở")
        ed.add_block("XA", "Khối xã")
        ed.add_member("SNV", "Sở Nội vụ", "Lê Thị Thu Hà", "Phó Giám đốc")
        ed.add_criterion("1", "Chỉ đạo, điều hành", "10", appraiser="SNV")
        ed.add_criterion("1.1", "Kế hoạch", "4", "1", method="levels",
                         params={"levels": ["4", "2", "0"]}, evidence_required=True)
        ed.add_criterion("1.2", "Báo cáo", "6", "1", block_max={"XA": "0"})
        ed.add_criterion("2", "Thủ tục hành chính", "80", block_max={"XA": "86"})
        ed.add_criterion("3", "SIPAS", "10", source="sipas", method="proportional",
                         block_max={"XA": "14"})
        ed.add_unit("SYT", "Sở Y tế", "SO", "Nguyễn Văn An", "Giám đốc", prev_rank=2)
        ed.add_unit("X01", "Xã An Bình", "XA", "Trần Thị Bích", "Chủ tịch UBND xã")
    yield store
    store.close()


# -- creation and identity ------------------------------------------------------------------

def test_new_file_is_stamped_and_self_contained(tmp_path):
    store = Store.create(tmp_path / "a.parapp", "Tỉnh Sơn Hà", 2025)
    store.close()
    header = fileformat.read_header(tmp_path / "a.parapp")
    assert header["application_id"] == fileformat.APPLICATION_ID
    assert header["user_version"] == fileformat.SCHEMA_VERSION
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parapp"]  # no -wal, no temp files
    con = sqlite3.connect(tmp_path / "a.parapp")
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_create_refuses_to_overwrite(tmp_path):
    (tmp_path / "a.parapp").write_bytes(b"keep me")
    with pytest.raises(FileFormatError, match="tệp đã tồn tại"):
        Store.create(tmp_path / "a.parapp", "Tỉnh Sơn Hà", 2025)
    assert (tmp_path / "a.parapp").read_bytes() == b"keep me"


def test_the_province_name_is_one_clean_line(tmp_path):
    """A name typed at a terminal may carry an escape or a line break: it is stored as the
    one line every document prints, and an empty one is refused."""
    with Store.create(tmp_path / "a.parapp", "Tỉnh\x1b[31m  Sơn\nHà ", 2025) as store:
        assert store.period().province == "Tỉnh [31m Sơn Hà"
    with pytest.raises(ValidationError, match="Tên tỉnh không được để trống"):
        Store.create(tmp_path / "b.parapp", "\x1b\t", 2025)
    assert not (tmp_path / "b.parapp").exists()


def test_rows_have_uuid_version_timestamps_author(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.1", "4")
    with period.session() as s:
        score = s.scalars(select(Score)).one()
        assert len(score.uuid) == 36 and score.version == 1
        assert score.author == "Người kiểm thử" and score.created_at == score.updated_at
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.1", "2")
    with period.session() as s:
        assert s.scalars(select(Score)).one().version == 2


# -- scores and validation ------------------------------------------------------------------

def test_scores_roll_up_into_the_ranking(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.1", "4", "Kế hoạch số 12/KH-SYT ngày 08/01/2025")
        ed.set_self_score("SYT", "1.2", "5,5")
        ed.set_self_score("SYT", "2", "72.125")
        ed.set_appraisal("SYT", "1.1", "2", "Kế hoạch ban hành chậm 18 ngày")
        ed.set_survey("SYT", sipas="91,17")
    r = period.evaluate().results[period.units()[0].uuid]
    assert (r.self_total, r.appraisal, r.sipas, r.total) == (
        D("81.625"), D("79.625"), D("9.117"), D("88.742"))


@pytest.mark.parametrize("unit,code,value,message", [
    ("SYT", "1.1", "3", "Đơn vị SYT, tiêu chí 1.1: điểm phải là một trong các mức: 4,00; 2,00; 0,00"),
    ("SYT", "1.2", "6.5", "Đơn vị SYT, tiêu chí 1.2: điểm vượt điểm tối đa 6,00"),
    ("SYT", "1.2", "-1", "Đơn vị SYT, tiêu chí 1.2: điểm không được âm"),
    ("SYT", "1.2", "abc", "Đơn vị SYT, tiêu chí 1.2: 'abc' không phải là số"),
    ("SYT", "1.2", "1.23456", "Đơn vị SYT, tiêu chí 1.2: tối đa 4 chữ số thập phân (1.23456)"),
    ("SYT", "1", "5", "Đơn vị SYT, tiêu chí 1: chỉ chấm điểm ở tiêu chí không có tiêu chí con"),
    ("X01", "1.2", "1", "Đơn vị X01, tiêu chí 1.2: tiêu chí không thuộc bộ chỉ số của khối XA"),
    ("SYT", "3", "9", "Đơn vị SYT, tiêu chí 3: tiêu chí lấy điểm từ SIPAS, đơn vị không tự đánh giá"),
    ("SYT", "9.9", "1", "Không có tiêu chí có mã '9.9'"),
    ("ABC", "1.2", "1", "Không có đơn vị có mã 'ABC'"),
])
def test_invalid_scores_are_refused_with_a_clear_message(period, unit, code, value, message):
    before = sha(period.path)
    with pytest.raises(ValidationError) as err:
        with period.edit() as ed:
            ed.set_self_score("SYT", "2", "70")  # a valid change in the same transaction…
            ed.set_self_score(unit, code, value)
    assert str(err.value) == message
    assert sha(period.path) == before  # …is rolled back with the invalid one


def test_three_decimals_are_kept_exactly(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "2", "79.875")
    with period.session() as s:
        raw = s.connection().exec_driver_sql("SELECT self_points FROM score").scalar()
    assert raw == "79.875"  # stored as exact text, never a float


def test_deduction_requires_a_reason(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.2", "6")
    with pytest.raises(ValidationError, match="phải ghi lý do khi điểm thẩm định khác"):
        with period.edit() as ed:
            ed.set_appraisal("SYT", "1.2", "5")
    with period.edit() as ed:
        ed.set_appraisal("SYT", "1.2", "6")  # accepting the self score needs no reason
        ed.set_appraisal("SYT", "1.2", "5", "Báo cáo quý III gửi chậm", round=2)
    row = period.evaluate().results[period.units()[0].uuid]
    assert row.node_points[period.tree().by_code["1.2"].key] == D(5)


def test_notes_in_force_per_criterion(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.2", "6")
        ed.set_appraisal("SYT", "1.2", "5", "Báo cáo quý III gửi chậm")
        ed.set_self_score("SYT", "1.1", "4")
    assert period.notes("SYT") == {"1.2": "Báo cáo quý III gửi chậm", "1.1": ""}
    with period.edit() as ed:
        ed.set_appraisal("SYT", "1.2", "6", "Chấp nhận giải trình", round=2)
    assert period.notes("SYT")["1.2"] == "Chấp nhận giải trình"
    # appraised again without a reason (allowed only keeping round 1's points): round 1's
    # reason stands — in the store, the window's data and the analysis alike
    with period.edit() as ed:
        ed.set_appraisal("SYT", "1.2", "5", "Thiếu báo cáo quý III", round=2)
        ed.set_appraisal("SYT", "1.2", "5", "Báo cáo quý III gửi chậm")
    with period.edit() as ed:
        ed.set_appraisal("SYT", "1.2", "5", "", round=2)
    assert period.notes("SYT")["1.2"] == "Báo cáo quý III gửi chậm"
    from parapp.core.analysis import read_notes
    from parapp.core.view_data import read_period
    assert read_period(period).notes("SYT") == {"1.2": "Báo cáo quý III gửi chậm"}
    assert read_notes(period)["SYT"] == {"1.2": "Báo cáo quý III gửi chậm"}


def test_appraiser_defaults_to_the_member_responsible_for_the_area(period):
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.2", "6")
        score = ed.set_appraisal("SYT", "1.2", "6")
        assert score["appraiser_id"] == ed.member("SNV").id


def test_not_applicable_needs_a_reason_and_changes_the_denominator(period):
    with pytest.raises(ValidationError, match="phải ghi lý do không áp dụng"):
        with period.edit() as ed:
            ed.set_applicable("SYT", "1.2", False)
    with period.edit() as ed:
        ed.set_applicable("SYT", "1.2", False, "Không có đơn vị trực thuộc")
    assert period.evaluate().results[period.units()[0].uuid].applicable_max == D(94)
    with period.edit() as ed:
        ed.set_applicable("SYT", "1.2", True)
    assert period.evaluate().results[period.units()[0].uuid].applicable_max == D(100)


def test_duplicate_codes_are_refused(period):
    with pytest.raises(ValidationError, match="Đã có đơn vị mã 'SYT'"):
        with period.edit() as ed:
            ed.add_unit("SYT", "Sở Y tế (trùng)", "SO")


def test_the_date_a_head_took_up_the_post_is_kept_as_iso_audited_and_undone(period):
    from datetime import date
    with period.edit("gui") as ed:
        ed.update_unit("SYT", head_since="01/09/2025")
        ed.add_unit("X02", "Xã Bình An", "XA", "Lê Văn Cường", "Chủ tịch UBND xã",
                    head_since=date(2025, 7, 1))
        txn = ed.txn
    units = {u.code: u for u in period.units()}
    assert (units["SYT"].head_since, units["X01"].head_since, units["X02"].head_since) == (
        "2025-09-01", None, "2025-07-01")
    assert {u.code: u.head_since for u in period.snapshot().units} == {
        "SYT": date(2025, 9, 1), "X01": None, "X02": date(2025, 7, 1)}
    entry = [e for e in period.audit() if e.entity == "unit" and e.action == "update"][-1]
    assert entry.changes["head_since"] == [None, "2025-09-01"]
    period.revert(txn)
    assert [(u.code, u.head_since) for u in period.units()] == [("SYT", None), ("X01", None)]
    with period.edit() as ed:
        ed.update_unit("SYT", head_since="2025-10-16")
        ed.update_unit("X01", head_since="2025-10-16")
        ed.update_unit("X01", head_since="")  # cleared: in post the whole year
    assert [(u.code, u.head_since) for u in period.units()] == [("SYT", "2025-10-16"),
                                                                ("X01", None)]
    for bad in ("31/02/2025", "16-10-2025", "1/9/25", "hôm qua"):
        with pytest.raises(ValidationError, match=f"Đơn vị SYT: ngày giữ chức vụ '{bad}' không "
                                                  "hợp lệ: ngày phải có dạng dd/mm/yyyy hoặc "
                                                  "yyyy-mm-dd"):
            with period.edit() as ed:
                ed.update_unit("SYT", head_since=bad)
    assert period.units()[0].head_since == "2025-10-16"


def test_a_new_period_leaves_heads_in_post_under_six_months_unclassified(period):
    assert period.settings().min_months_in_post == 6
    with period.edit() as ed:
        ed.update_unit("SYT", head_since="01/08/2025")  # 5 months of 2025
        ed.update_unit("X01", head_since="01/07/2025")  # 6
    heads = {h.row.result.unit.code: h for h in period.evaluate().heads.values()}
    assert heads["SYT"].grade.value == "khong_xep_loai"
    assert heads["SYT"].reason == ("Giữ chức vụ từ 01/08/2025 (5 tháng trong năm), dưới 6 tháng: "
                                   "không xếp loại")
    assert heads["X01"].grade.value == "khong_hoan_thanh" and heads["X01"].reason == ""
    with period.edit() as ed:
        ed.set_setting("min_months_in_post", "0")  # the rule off
    heads = {h.row.result.unit.code: h for h in period.evaluate().heads.values()}
    assert heads["SYT"].grade.value == "khong_hoan_thanh" and heads["SYT"].reason == ""


# -- history --------------------------------------------------------------------------------

def test_every_score_change_is_audited_with_old_and_new(period):
    with period.edit("kiểm thử") as ed:
        ed.set_self_score("SYT", "1.2", "6")
    with period.edit("kiểm thử") as ed:
        score = ed.set_appraisal("SYT", "1.2", "4.5", "Thiếu báo cáo quý IV")
        uuid = score["uuid"]
    entries = period.audit(uuid)
    assert [(e.action, e.author, e.source) for e in entries] == [
        ("create", "Người kiểm thử", "kiểm thử"), ("update", "Người kiểm thử", "kiểm thử")]
    assert entries[0].changes["self_points"] == [None, "6"]
    assert entries[0].changes["unit"] == [None, "SYT"]
    assert entries[0].changes["criterion"] == [None, "1.2"]
    assert entries[1].changes["appraisal_points"] == [None, "4.5"]
    assert entries[1].changes["appraisal_note"] == ["", "Thiếu báo cáo quý IV"]


@pytest.mark.parametrize("whole_unit", [1, 16])  # the unit read whole, or pair by pair
def test_writes_in_one_transaction_build_on_each_other(period, monkeypatch, whole_unit):
    """A row written earlier in the transaction is what a later write changes, however the
    later write reads the unit's rows."""
    monkeypatch.setattr("parapp.core.store._WHOLE_UNIT", whole_unit)
    with period.edit("kiểm thử") as ed:
        first = ed.set_self_score("SYT", "1.1", "4")["uuid"]
        ed.write_scores([("SYT", "1.1", {"self_points": "2"}),
                         ("SYT", "1.2", {"self_points": "5"})])
        second = ed.set_appraisal("SYT", "1.2", "4.5", "Thiếu báo cáo quý IV")["uuid"]
    assert period.score("SYT", "1.1")["self_points"] == D(2)
    assert (period.score("SYT", "1.2")["self_points"],
            period.score("SYT", "1.2")["appraisal_points"]) == (D(5), D("4.5"))
    assert [e.changes["self_points"] for e in period.audit(first)] == [[None, "4"], ["4", "2"]]
    assert [(e.action, e.changes.get("appraisal_points")) for e in period.audit(second)] == [
        ("create", None), ("update", [None, "4.5"])]


def test_deletion_leaves_a_tombstone(period):
    with period.edit() as ed:
        ed.delete_unit("X01")
    assert [u.code for u in period.units()] == ["SYT"]
    with period.session() as s:
        rows = s.connection().exec_driver_sql("SELECT code, deleted FROM unit").all()
    assert sorted(rows) == [("SYT", 0), ("X01", 1)]
    with period.edit() as ed:  # the code is free again
        ed.add_unit("X01", "Xã An Bình", "XA")
    assert [a.action for a in period.audit() if a.entity == "unit"][-2:] == ["delete", "create"]


# -- evidence -------------------------------------------------------------------------------

def test_evidence_is_content_addressed_and_deduplicated(period):
    pdf = b"%PDF-1.4 ke hoach"
    with period.edit() as ed:
        ed.set_self_score("SYT", "1.1", "4")
        ed.set_self_score("X01", "2", "80")
        ed.add_evidence("SYT", "1.1", pdf, "C:\\Users\\van thu\\Kế hoạch CCHC 2025.pdf")
        ed.add_evidence("X01", "2", pdf, "../../etc/kh.pdf")
    ev = period.evidence()
    assert [(e.unit, e.criterion, e.name, e.mime_type) for e in ev] == [
        ("SYT", "1.1", "Kế hoạch CCHC 2025.pdf", "application/pdf"),
        ("X01", "2", "kh.pdf", "application/pdf")]
    assert period.counts()["blobs"] == 1
    assert period.evidence_bytes(ev[0].uuid) == pdf
    assert ev[0].sha256 == hashlib.sha256(pdf).hexdigest()


def test_duplicate_empty_and_oversized_evidence_are_refused(period):
    with period.edit() as ed:
        ed.add_evidence("SYT", "1.1", b"abc", "a.pdf")
    with pytest.raises(ValidationError, match=r"tệp 'b.pdf' đã được đính kèm .*'a.pdf'"):
        with period.edit() as ed:
            ed.add_evidence("SYT", "1.1", b"abc", "b.pdf")
    with pytest.raises(ValidationError, match=r"tệp 'c.pdf' rỗng"):
        with period.edit() as ed:
            ed.add_evidence("SYT", "1.1", b"", "c.pdf")
    with period.edit() as ed:
        ed.set_setting("evidence_max_mb", "1")
    with pytest.raises(ValidationError, match=r"'big.pdf' \(1.0 MB\) vượt giới hạn 1 MB"):
        with period.edit() as ed:
            ed.add_evidence("SYT", "1.1", b"x" * (1024 * 1024 + 1), "big.pdf")
    assert len(period.evidence()) == 1


def test_removed_evidence_is_a_tombstone_and_can_be_attached_again(period):
    with period.edit() as ed:
        uuid = ed.add_evidence("SYT", "1.1", b"abc", "a.pdf").uuid
    with period.edit() as ed:
        ed.remove_evidence(uuid)
    assert period.evidence() == []
    with period.edit() as ed:
        ed.add_evidence("SYT", "1.1", b"abc", "a.pdf")
    assert len(period.evidence()) == 1 and period.counts()["blobs"] == 1


# -- opening bad files: a clear message, and the file is never modified -----------------------

def _plain_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b""), "tệp rỗng"),
    (lambda p: p.write_text("Mã,Tên\nSYT,Sở Y tế\n", encoding="utf-8"),
     "không phải tệp dữ liệu parapp (không phải cơ sở dữ liệu SQLite)"),
    (_plain_sqlite, "là cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu parapp"),
])
def test_foreign_files_are_refused_untouched(tmp_path, make, message):
    path = tmp_path / "x.parapp"
    make(path)
    before = path.read_bytes()
    with pytest.raises(FileFormatError) as err:
        Store.open(path)
    assert str(err.value) == f"{path}: {message}"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.parapp"]


def test_file_lacking_a_column_is_refused(small_demo):
    con = sqlite3.connect(small_demo)
    con.execute("ALTER TABLE score DROP COLUMN appraisal2_source")
    con.commit()
    con.close()
    with pytest.raises(FileFormatError) as err:
        Store.open(small_demo)
    assert str(err.value) == (f"{small_demo}: tệp thiếu cột appraisal2_source của bảng score; "
                              f"tệp không đúng lược đồ {fileformat.SCHEMA_VERSION} của phiên bản này")


def test_missing_file(tmp_path):
    with pytest.raises(FileFormatError, match="không tìm thấy tệp"):
        Store.open(tmp_path / "none.parapp")


def test_truncated_file_is_refused_untouched(small_demo):
    data = small_demo.read_bytes()
    small_demo.write_bytes(data[: len(data) // 2 + 1000])
    before = sha(small_demo)
    with pytest.raises(FileFormatError, match="tệp bị cắt cụt"):
        Store.open(small_demo)
    assert sha(small_demo) == before


def test_corrupted_file_is_refused_untouched(small_demo):
    data = bytearray(small_demo.read_bytes())
    page = 4096
    for offset in range(3 * page, 40 * page, page):  # scribble over the b-tree page headers
        data[offset:offset + 64] = b"\xff" * 64
    small_demo.write_bytes(bytes(data))
    before = sha(small_demo)
    with pytest.raises(FileFormatError, match="tệp bị hỏng"):
        Store.open(small_demo)
    assert sha(small_demo) == before


@pytest.mark.parametrize("aside", [False, True])
def test_a_schema_damaged_past_utf8_is_called_corrupted(small_demo, aside):
    """SQLite's message then quotes bytes that are not UTF-8, and Python's sqlite3 raises
    UnicodeDecodeError instead of its own error: it came out as an unexpected error."""
    con = sqlite3.connect(small_demo)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET name = CAST(X'7068C1736563' AS TEXT) "
                "WHERE name = 'phase_change'")
    con.commit()
    con.close()
    before = sha(small_demo)
    with pytest.raises(FileFormatError, match=r"tệp bị hỏng và không đọc được \(malformed "
                                              r"database schema \(ph\ufffdsec\)\)"):
        store = Store.open(small_demo, verify_aside=aside)
        store.verified()
    assert sha(small_demo) == before


def test_file_from_a_newer_parapp_is_refused_untouched(small_demo):
    con = sqlite3.connect(small_demo)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = sha(small_demo)
    with pytest.raises(FileFormatError, match=r"phiên bản parapp mới hơn .*lược đồ 99"):
        Store.open(small_demo)
    assert sha(small_demo) == before


# -- schema upgrades --------------------------------------------------------------------------

def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_older_file_is_upgraded_after_a_backup(small_demo, monkeypatch):
    original = _dump(small_demo)

    def add_column(con):
        con.execute("ALTER TABLE unit ADD COLUMN note TEXT DEFAULT ''")

    current = fileformat.SCHEMA_VERSION
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {current: add_column})
    store = Store.open(small_demo)
    store.close()
    backup = store.upgraded_from
    assert backup is not None and backup.name.startswith(f"demo.parapp.v{current}-")
    assert fileformat.read_header(backup)["user_version"] == current
    assert _dump(backup) == original
    con = sqlite3.connect(small_demo)
    assert con.execute("PRAGMA user_version").fetchone() == (current + 1,)
    assert "note" in [r[1] for r in con.execute("PRAGMA table_info(unit)")]


def test_read_only_open_of_an_older_file_upgrades_a_private_copy(small_demo, monkeypatch):
    before = sha(small_demo)
    current = fileformat.SCHEMA_VERSION
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {
        current: lambda con: con.execute("ALTER TABLE unit ADD COLUMN note TEXT")})
    with Store.open(small_demo, readonly=True) as store:
        assert store.path != small_demo and len(store.units()) == 26
        copy = store.path
    assert not copy.exists() and not copy.parent.exists()
    assert sha(small_demo) == before
    assert sorted(p.name for p in small_demo.parent.iterdir()) == ["demo.parapp"]


def test_failed_upgrade_leaves_the_file_unchanged(small_demo, monkeypatch):
    before = sha(small_demo)

    def broken(con):
        con.execute("ALTER TABLE unit ADD COLUMN note TEXT")
        raise RuntimeError("bước nâng cấp lỗi")

    current = fileformat.SCHEMA_VERSION
    monkeypatch.setattr(fileformat, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {current: broken})
    with pytest.raises(FileFormatError, match=r"không nâng cấp được tệp .*tệp không bị thay đổi"):
        Store.open(small_demo)
    assert sha(small_demo) == before
    assert any(p.name.startswith(f"demo.parapp.v{current}-")
               for p in small_demo.parent.iterdir())


def _schema(path: Path) -> dict:
    """Columns (name, type, not null, default) and indexes of every table."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: (sorted(r[1:] for r in con.execute(f"PRAGMA table_info({t})")),
                    sorted(r[1:3] for r in con.execute(f"PRAGMA index_list({t})")))
                for t in tables}
    finally:
        con.close()


FIXTURES = Path(__file__).with_name("fixtures")
RELEASED = sorted(FIXTURES.glob("schema-*.parapp"))  # scripts/make_schema_fixtures.py


def _version(fixture: Path) -> int:
    return int(fixture.stem.removeprefix("schema-"))


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_a_file_of_every_released_schema_version_is_kept_for_the_upgrade_tests():
    assert [_version(f) for f in RELEASED] == list(range(1, fileformat.SCHEMA_VERSION + 1))


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda f: f.stem)
def test_a_file_of_every_released_schema_is_upgraded_to_the_schema_of_a_new_file(fixture,
                                                                                 tmp_path):
    """The whole ladder from each released version: the schema becomes a new file's, every row
    stays, and the file is usable — scores, evidence, history, undo of new edits."""
    Store.create(tmp_path / "new.parapp", "Tỉnh Sơn Hà", 2025).close()
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    before = _counts(path)
    with Store.open(path) as store:
        assert (store.upgraded_from is not None) == (_version(fixture) < fileformat.SCHEMA_VERSION)
        score = store.score("SYT", "1.1")
        assert (score["self_points"], score["appraisal_points"]) == (D("4"), D("2"))
        assert score["appraisal_note"] == "Kế hoạch ban hành chậm so với quy định"
        [evidence] = store.evidence("SYT")
        assert store.evidence_bytes(evidence.uuid).startswith(b"%PDF-1.4")
        assert [e.action for e in store.audit()] == ["create", "update", "update"]
        assert [u.code for u in store.units()] == ["SYT", "X01"]
        assert store.evaluate().results  # every unit computes
        with store.edit("gui") as ed:
            ed.write_scores([("X01", "1.1", {"self_points": "2", "explanation": "Chưa đủ"})])
            txn = ed.txn
        store.revert(txn)  # new edits can be undone
        assert store.score("X01", "1.1")["self_points"] == D("4")
    assert _schema(path) == _schema(tmp_path / "new.parapp")
    after = _counts(path)
    grown = {"audit": 2, "score": 0}  # the edit and its undo; the score row itself stays
    if _version(fixture) == 1:
        grown["setting"] = 7  # the document identity, from the period
    assert {t: n - grown.get(t, 0) for t, n in after.items() if t in before} == before


def test_a_schema_1_files_document_identity_moves_to_the_settings(tmp_path):
    path = tmp_path / "old.parapp"
    shutil.copy(FIXTURES / "schema-1.parapp", path)
    with Store.open(path) as store:
        document = store.settings().document
    assert {k: document[k] for k in ("issuer", "place", "decision_number", "decision_date",
                                     "signer_authority", "signer_title", "signer_name")} == {
        "issuer": "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "place": "Sơn Hà",
        "decision_number": "386/QĐ-UBND", "decision_date": "2026-02-26",
        "signer_authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Nguyễn Kim Chi"}


def test_a_schema_3_file_is_upgraded_with_every_head_in_post_the_whole_year(tmp_path):
    path = tmp_path / "old.parapp"
    shutil.copy(FIXTURES / "schema-3.parapp", path)
    before = _counts(path)
    con = sqlite3.connect(path)
    units_before = con.execute("SELECT * FROM unit ORDER BY id").fetchall()
    con.close()
    with Store.open(path) as store:
        assert store.upgraded_from is not None
        assert [(u.code, u.head_name, u.head_title, u.head_since) for u in store.units()] == [
            ("SYT", "Nguyễn Văn An", "Giám đốc", None),
            ("X01", "Trần Thị Bích", "Chủ tịch UBND xã", None)]
        # never stored: the rule is off, the results stay what they were
        assert store.settings().min_months_in_post == 0
        grades = {h.row.result.unit.code: h.grade.value for h in store.evaluate().heads.values()}
        assert grades == {"SYT": "tot", "X01": "khong_hoan_thanh"}  # X01: its override
        assert store.phase().phase is None  # no phase: everything stays writable
    assert _counts(path) == {**before, "phase_change": 0, "survey_item": 0, "bonus_item": 0,
                             "previous_period": 0, "previous_unit": 0, "previous_value": 0}
    con = sqlite3.connect(path)
    columns = [r[1] for r in con.execute("PRAGMA table_info(unit)")]
    units_after = con.execute("SELECT * FROM unit ORDER BY id").fetchall()
    con.close()
    added = {"head_since": None, "key_fingerprint": ""}  # schema 4, schema 5: empty
    kept = [i for i, c in enumerate(columns) if c not in added]
    assert [tuple(row[i] for i in kept) for row in units_after] == units_before
    for column, empty in added.items():
        assert [row[columns.index(column)] for row in units_after] == [empty, empty]


@pytest.mark.parametrize("fixture", RELEASED[:-1], ids=lambda f: f.stem)
def test_an_older_file_opened_read_only_is_read_from_an_upgraded_private_copy(fixture,
                                                                             tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    with Store.open(path, readonly=True) as store:
        assert store.path != path and store.upgraded_from is None
        assert store.score("SYT", "1.2")["self_points"] == D("5.5")
        assert len(store.audit()) == 3
    assert sha(path) == sha(fixture)
    assert [p.name for p in tmp_path.iterdir()] == [fixture.name]


def test_an_upgrade_step_never_builds_tables_from_todays_models(monkeypatch, tmp_path):
    """The ladder carries its own SQL: models that changed since cannot change an upgrade."""
    from parapp.core import models
    monkeypatch.setattr(models, "ddl", lambda: pytest.fail("an upgrade step read the models"))
    path = tmp_path / "old.parapp"
    shutil.copy(FIXTURES / "schema-1.parapp", path)
    fileformat.upgrade(path, 1, keep_backup=False)
    assert fileformat.read_header(path)["user_version"] == fileformat.SCHEMA_VERSION


# -- crashes ----------------------------------------------------------------------------------

def test_a_crash_mid_transaction_leaves_the_last_committed_state(small_demo):
    with Store.open(small_demo) as store:
        before = store.evaluate()
        totals = {k: r.total for k, r in before.results.items()}
    script = textwrap.dedent(f"""
        import os, signal
        from parapp.core.store import Store
        store = Store.open({str(small_demo)!r})
        with store.edit() as ed:
            for unit in ("SYT", "STP", "SNV"):
                for code in ("1.1.2", "2.1.1", "3.1.1"):
                    ed.set_appraisal(unit, code, "0", "xóa điểm")
            ed.session.flush()  # the changes are in the file's pages, not yet committed
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    assert Path(str(small_demo) + "-journal").exists()  # a hot journal was left behind
    with Store.open(small_demo) as store:
        after = {k: r.total for k, r in store.evaluate().results.items()}
    assert after == totals


def test_save_copy_is_consistent(small_demo, tmp_path):
    with Store.open(small_demo) as store:
        copy = store.save_copy(tmp_path / "copy.parapp")
        expected = store.counts()
    with Store.open(copy, readonly=True) as again:
        assert again.counts() == expected


def test_read_only_store_refuses_edits(small_demo):
    with Store.open(small_demo, readonly=True) as store:
        with pytest.raises(ValidationError, match="chỉ để đọc"):
            with store.edit() as ed:
                ed.set_survey("SYT", sipas="90")


def test_copying_a_closed_file_carries_everything(small_demo, tmp_path):
    target = tmp_path / "emailed" / "demo.parapp"
    target.parent.mkdir()
    shutil.copy(small_demo, target)
    with Store.open(small_demo) as a, Store.open(target) as b:
        assert a.counts() == b.counts()
        ev = a.evidence()[0]
        assert b.evidence_bytes(ev.uuid) == a.evidence_bytes(ev.uuid)


@pytest.mark.parametrize("rules", ["bands-90-70-50", "nd335"])  # without a quota, and with
def test_reevaluating_one_unit_equals_a_full_evaluation(small_demo, rules):
    from parapp.core.evaluation import evaluate, reevaluate_unit
    from parapp.core.scoring import Engine
    with Store.open(small_demo) as store:
        with store.edit() as ed:
            ed.set_setting("classification", rules)
        snap = store.snapshot()
        engine = Engine(snap.tree, snap.settings.caps)
        result = first = evaluate(snap, engine)

        def table(r):
            return sorted((x.result.unit.code, x.result.total, x.rank, x.tied, x.decided_by,
                           r.heads[x.result.key].grade, r.heads[x.result.key].by_quota)
                          for ranking in r.rankings.values() for x in ranking.rows())

        # one unit falls past others, another rises, the first comes back: each edit re-ranked
        # in place as a full evaluation ranks and classifies the whole period
        top = first.rankings["SO"].ranked[0].result.unit
        scores = top.scores
        leaves = sorted((n for n in snap.tree.nodes.values() if scores.get(n.key)
                         and scores[n.key].self_points), key=lambda n: -scores[n.key].self_points)
        codes = [n.code for n in leaves[:3]]
        ranks = [1]
        # the first unit falls past others, another's score moves, the first comes back: each
        # edit re-ranked in place as a full evaluation ranks and classifies the whole period
        for unit, leaf_codes, zero in ((top.code, codes, True), ("STP", ["1.2.1"], False),
                                       (top.code, codes, False)):
            with store.edit("gui") as ed:
                for leaf in leaf_codes:
                    own = store.score(unit, leaf)["self_points"]
                    ed.set_appraisal(unit, leaf, "0" if zero else own, "Không có báo cáo")
            snap, result = reevaluate_unit(snap, result, engine, store.unit_input(unit))
            assert table(result) == table(store.evaluate())
            ranks.append(result.rank_row(top.key).rank)
        assert ranks[1] > 1 and ranks[-1] == 1  # the edits moved it down and back


def test_a_file_locked_by_another_program_gives_a_message_and_writes_nothing(small_demo,
                                                                             monkeypatch):
    monkeypatch.setattr(fileformat, "BUSY_TIMEOUT_S", 0.05)  # wait 50 ms, not 5 s
    store = Store.open(small_demo)
    blocker = sqlite3.connect(small_demo, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another program is writing
    try:
        with pytest.raises(ParappError, match="không ghi được vào tệp, không có gì được ghi"):
            with store.edit() as ed:
                ed.set_survey("SYT", sipas="50")
        # a score goes to the driver directly (the batched write path): the same message
        with pytest.raises(ParappError) as refused:
            with store.edit() as ed:
                ed.set_self_score("SYT", "1.1", "1")
        assert str(refused.value) == (f"{small_demo}: không ghi được vào tệp, không có gì được "
                                      "ghi (database is locked)")
        with pytest.raises(FileFormatError, match="đang được một chương trình khác ghi"):
            Store.open(small_demo)  # busy, not "corrupted"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        store.close()
    with Store.open(small_demo, readonly=True) as again:
        assert next(u for u in again.snapshot().units if u.code == "SYT").sipas_pct != 50


def test_a_file_sqlite_cannot_open_is_not_called_corrupted(small_demo, monkeypatch):
    """A crash left a journal, and the folder is read-only (a share): only a writable open can
    roll it back. That is not damage, and the message says what to do."""
    from parapp.core import fileformat
    Path(f"{small_demo}-journal").write_bytes(b"\x00" * 512)  # "hot": a write was cut off
    real = sqlite3.connect

    def refused(target, *args, rw_only=True, **kwargs):
        if "mode=rw" in str(target) or not rw_only:
            raise sqlite3.OperationalError("unable to open database file")
        return real(target, *args, **kwargs)

    monkeypatch.setattr(fileformat.sqlite3, "connect", refused)
    with pytest.raises(FileFormatError) as refusal:
        fileformat.check_pages(small_demo)
    assert str(refusal.value) == (
        f"{small_demo}: lần ghi trước bị ngắt giữa chừng và chỉ khôi phục được khi ghi được vào "
        "thư mục của tệp (tệp nhật ký -journal bên cạnh); hãy chép tệp cùng tệp -journal vào "
        "một thư mục ghi được rồi mở")
    Path(f"{small_demo}-journal").unlink()
    monkeypatch.setattr(fileformat.sqlite3, "connect",
                        lambda *a, **k: refused(*a, rw_only=False, **k))
    with pytest.raises(FileFormatError, match=r"không mở được tệp \(unable to open database"):
        fileformat.check_pages(small_demo)
