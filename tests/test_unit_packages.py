"""Units' own packages: the self-assessment package and the explanation package — what they hold,
what a unit can write in them, the seal with the unit's key, and the merge with its evidence and
its refusals (each leaving the master unchanged)."""
from __future__ import annotations

import hashlib
import sqlite3
import uuid
from decimal import Decimal as D
from pathlib import Path

import pytest
from test_council import make_master, sha

from parapp.core.errors import ValidationError
from parapp.core.merge import merge_history, merge_packages
from parapp.core.packages import (
    export_package,
    export_unit_package,
    export_unit_packages,
    load_key,
    new_key,
    seal_package,
)
from parapp.core.store import Store


@pytest.fixture
def season(tmp_path):
    """The council's master with a key for unit SYT and for member SNV, and SYT's
    self-assessment package."""
    master = make_master(tmp_path / "chinh.parapp")
    keys = {"SYT": tmp_path / "keys" / "SYT.key", "SNV": tmp_path / "keys" / "SNV.key",
            "STP": tmp_path / "keys" / "STP.key"}
    with master.edit("cli") as ed:
        ed.register_unit_key("SYT", new_key(keys["SYT"]))
        ed.register_unit_key("STP", new_key(keys["STP"]))
        ed.register_key("SNV", new_key(keys["SNV"]))
    package = export_unit_package(master, "SYT", tmp_path / "goi-SYT.parapp").path
    return master, keys, package


def sealed(package: Path, key: Path) -> Path:
    seal_package(package, load_key(key))
    return package


def refused(master: Store, paths: list[Path], message: str) -> None:
    before = sha(master.path)
    with pytest.raises(ValidationError, match=message):
        merge_packages(master, paths)
    assert sha(master.path) == before


def fill(package: Path) -> None:
    """The unit's officer: a lower self score with its explanation, one file more, one less."""
    with Store.open(package) as store:
        with store.edit("gui") as ed:
            ed.write_scores([("SYT", "1.1", {"self_points": D(3),
                                             "explanation": "Kế hoạch ban hành tháng 2"})])
            ed.add_evidence("SYT", "1.1", b"%PDF-1.4 ke hoach 2026", "Kế hoạch CCHC.pdf")
        (gone,) = store.evidence("SYT", "2.1")
        with store.edit("gui") as ed:
            ed.remove_evidence(gone.uuid)


def test_a_units_package_holds_its_own_criteria_scores_and_evidence_only(season):
    _master, _keys, package = season
    with Store.open(package, readonly=True) as store:
        scope = store.package_scope()
        assert (scope.kind.party, scope.unit, scope.round) == ("unit", "SYT", 0)
        assert scope.targets == {("SYT", c) for c in ("1.1", "1.2", "2.1", "2.2")}
        assert {(e.unit, e.criterion, e.name) for e in store.evidence()} == {
            ("SYT", "1.2", "Báo cáo quý IV.pdf"), ("SYT", "2.1", "Quyết định giao tự chủ.pdf")}
    con = sqlite3.connect(package)
    try:  # another unit's scores are not its business; the secretariat's history stays home
        assert con.execute("SELECT DISTINCT u.code FROM score s JOIN unit u "
                           "ON u.id = s.unit_id").fetchall() == [("SYT",)]
        assert con.execute("SELECT count(*) FROM audit").fetchone() == (0,)
        assert con.execute("SELECT unit_code, member_code, round FROM package_info"
                           ).fetchall() == [("SYT", "", 0)]
    finally:
        con.close()


def test_a_unit_writes_its_self_assessment_and_evidence_and_nothing_else(season):
    _master, _keys, package = season
    fill(package)
    with Store.open(package) as store:
        assert store.score("SYT", "1.1")["self_points"] == D(3)
        for unit, crit, fields in (
                ("STP", "1.1", {"self_points": D(2)}),
                ("SYT", "1.1", {"appraisal_points": D(2), "appraisal_note": "Thiếu"}),
                ("SYT", "1.2", {"explanation2": "Bổ sung"})):
            with pytest.raises(ValidationError, match=(
                    f"Đơn vị {unit}, tiêu chí {crit}: gói của đơn vị SYT chỉ cho ghi điểm tự "
                    "đánh giá, điểm dự kiến, giải trình và tài liệu kiểm chứng")):
                with store.edit("gui") as ed:
                    ed.write_scores([(unit, crit, fields)])
        with pytest.raises(ValidationError, match=r"Đơn vị STP, tiêu chí 1\.1: gói của đơn vị SYT"):
            with store.edit("gui") as ed:
                ed.add_evidence("STP", "1.1", b"%PDF-1.4 x", "x.pdf")
        with pytest.raises(ValidationError, match="chỉ cho ghi điểm tự đánh giá"):
            with store.edit("gui") as ed:
                ed.set_setting("evidence_max_mb", 50)


def test_the_merge_takes_self_scores_explanations_and_evidence_once(season):
    master, keys, package = season
    fill(package)
    report = merge_packages(master, [sealed(package, keys["SYT"])])
    assert report.lines() == [
        f"goi-SYT.parapp (đơn vị SYT, niêm phong {report.lines()[0].split('niêm phong ')[1][:16]}"
        "): 1 áp dụng, 0 song song, 0 xung đột, 3 không đổi; tài liệu kiểm chứng: 1 thêm, 1 gỡ"]
    score = master.score("SYT", "1.1")
    assert (score["self_points"], score["explanation"]) == (D(3), "Kế hoạch ban hành tháng 2")
    assert sorted((e.criterion, e.name) for e in master.evidence("SYT")) == [
        ("1.1", "Kế hoạch CCHC.pdf"), ("1.2", "Báo cáo quý IV.pdf")]
    added = next(e for e in master.evidence("SYT") if e.criterion == "1.1")
    assert added.sha256 == hashlib.sha256(b"%PDF-1.4 ke hoach 2026").hexdigest()
    assert master.evidence_bytes(added.uuid) == b"%PDF-1.4 ke hoach 2026"
    (merged,) = merge_history(master)
    assert (merged.unit_code, merged.member_code) == ("SYT", "")
    # the same package again: nothing to do; worked on and sealed again: only what is new
    assert [p.already for p in merge_packages(master, [package]).packages] == [True]
    with Store.open(package) as store, store.edit("gui") as ed:
        ed.write_scores([("SYT", "2.2", {"self_points": D(5), "explanation": "Đủ"})])
    again = merge_packages(master, [sealed(package, keys["SYT"])])
    assert again.packages[0].counts()["applied"] == 1
    assert (again.packages[0].evidence_added, again.packages[0].evidence_removed) == (0, 0)
    assert len(master.evidence("SYT")) == 2
    # the whole merge is one step: undone, the file and the row come back
    master.revert(report.txn)
    assert sorted((e.criterion, e.name) for e in master.evidence("SYT")) == [
        ("1.2", "Báo cáo quý IV.pdf"), ("2.1", "Quyết định giao tự chủ.pdf")]


def test_a_master_change_meanwhile_is_a_conflict_settled_with_a_reason(season):
    master, keys, package = season
    fill(package)
    with master.edit("gui") as ed:
        ed.write_scores([("SYT", "1.1", {"self_points": D(2)})])
    with pytest.raises(ValidationError, match="1 xung đột chưa được giải quyết"):
        merge_packages(master, [sealed(package, keys["SYT"])])
    report = merge_packages(master, [package], policy="take-package",
                            reason="Đơn vị xác nhận lại điểm tự chấm")
    (conflict,) = report.conflicts
    assert (conflict.holder, conflict.part, conflict.master.points, conflict.theirs.points) == (
        "SYT", "self", D(2), D(3))
    assert master.score("SYT", "1.1")["self_points"] == D(3)


def test_refusals_name_the_file_and_the_rule_and_change_nothing(season, tmp_path):
    master, keys, package = season
    fill(package)
    refused(master, [package], "goi-SYT.parapp: gói chưa được niêm phong")
    refused(master, [sealed(package, keys["SNV"])],
            "goi-SYT.parapp: gói được niêm phong bằng khóa .*, không phải khóa đã đăng ký của "
            "đơn vị SYT")
    sealed(package, keys["SYT"])
    con = sqlite3.connect(package)
    con.execute("UPDATE score SET explanation = 'sửa sau khi niêm phong' WHERE explanation != ''")
    con.commit()
    con.close()
    refused(master, [package], "goi-SYT.parapp: nội dung gói đã bị thay đổi sau khi niêm phong")
    # another unit's package sealed with its own key cannot pass for SYT's
    other = export_unit_package(master, "STP", tmp_path / "goi-STP.parapp").path
    con = sqlite3.connect(other)
    con.execute("UPDATE package_info SET unit_code = 'SYT'")
    con.commit()
    con.close()
    refused(master, [sealed(other, keys["STP"])],
            "goi-STP.parapp: gói ghi đơn vị SYT, vòng 0, nhưng Tổ thư ký đã gửi gói này cho "
            "đơn vị STP, vòng 0")


def _forge(package: Path, key: Path, sql: str, params=()) -> Path:
    """The unit itself edits its package behind parapp's back and seals it with its own key:
    the seal holds, the master's record and rules must not."""
    con = sqlite3.connect(package)
    con.execute(sql, params)
    con.commit()
    con.close()
    return sealed(package, key)


def _new_evidence_sql(unit: str, crit: str, sha256: str, size: int, name: str = "x.pdf"):
    return ("INSERT INTO evidence (uuid, version, created_at, updated_at, author, deleted, "
            "unit_id, criterion_id, sha256, original_name, mime_type, size, title) VALUES "
            "(?, 1, '', '', '', 0, (SELECT id FROM unit WHERE code = ?), "
            "(SELECT id FROM criterion WHERE code = ?), ?, ?, 'application/pdf', ?, '')",
            (str(uuid.uuid4()), unit, crit, sha256, name, size))


def test_forged_evidence_is_refused_by_the_masters_rules(season):
    master, keys, package = season
    key = keys["SYT"]
    data = b"%PDF-1.4 gia mao"
    digest = hashlib.sha256(data).hexdigest()
    con = sqlite3.connect(package)
    con.execute("INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)",
                (digest, len(data), data))
    con.commit()
    con.close()
    # on another unit's criterion
    _forge(package, key, *_new_evidence_sql("STP", "1.1", digest, len(data)))
    refused(master, [package], "goi-SYT.parapp: đơn vị STP, tiêu chí 1.1: tài liệu kiểm chứng "
                               "'x.pdf' ngoài phần được giao")
    _forge(package, key, "DELETE FROM evidence WHERE original_name = 'x.pdf'")
    # a name that would be a path
    _forge(package, key, *_new_evidence_sql("SYT", "1.1", digest, len(data), "../../evil.pdf"))
    refused(master, [package], "đơn vị SYT, tiêu chí 1.1: tài liệu kiểm chứng '../../evil.pdf': "
                               "tên tệp không hợp lệ")
    _forge(package, key, "DELETE FROM evidence WHERE original_name = '../../evil.pdf'")
    # bytes that are not what their key says
    liar = hashlib.sha256(b"something else").hexdigest()
    _forge(package, key, "INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)",
           (liar, len(data), data))
    _forge(package, key, *_new_evidence_sql("SYT", "1.1", liar, len(data)))
    refused(master, [package], f"goi-SYT.parapp: nội dung tệp {liar[:12]}… không khớp với mã "
                               "SHA-256 của nó")
    _forge(package, key, "DELETE FROM evidence WHERE sha256 = ?", (liar,))
    # a file whose content the package does not hold
    _forge(package, key, *_new_evidence_sql("SYT", "1.1", "ab" * 32, 10))
    refused(master, [package], "tài liệu kiểm chứng 'x.pdf': gói không có nội dung tệp")
    _forge(package, key, "DELETE FROM evidence WHERE sha256 = ?", ("ab" * 32,))
    # a file the master holds already (another unit's, say), its size misstated
    known = hashlib.sha256(b"%PDF-1.4 bao cao").hexdigest()
    _forge(package, key, *_new_evidence_sql("SYT", "1.1", known, 999))
    refused(master, [package], "tài liệu kiểm chứng 'x.pdf': cỡ tệp khác với nội dung đã có "
                               "trong tệp chính")
    _forge(package, key, "DELETE FROM evidence WHERE sha256 = ? AND size = 999", (known,))
    # a sent file changed in place
    _forge(package, key, "UPDATE evidence SET original_name = 'khac.pdf' "
                         "WHERE original_name = 'Báo cáo quý IV.pdf'")
    refused(master, [package], "đơn vị SYT, tiêu chí 1.2: tài liệu kiểm chứng 'khac.pdf' khác "
                               "với khi Tổ thư ký gửi đi")


def test_a_units_package_cannot_remove_another_units_evidence(season, tmp_path):
    """A unit copies another unit's evidence row, as the master has it, into its own package,
    marked removed, and seals it with its own key: the row is outside its part, and the merge
    refuses it whole; the other unit's file stays."""
    master, keys, _package = season
    with master.edit("gui") as ed:
        ed.add_evidence("STP", "1.1", b"%PDF-1.4 ke hoach STP", "Kế hoạch STP.pdf")
    (theirs,) = master.evidence("STP", "1.1")
    package = export_unit_package(master, "SYT", tmp_path / "goi-SYT-2.parapp").path
    con = sqlite3.connect(package)
    con.execute("ATTACH DATABASE ? AS m", (str(master.path),))
    con.execute("INSERT INTO evidence SELECT * FROM m.evidence WHERE uuid = ?", (theirs.uuid,))
    con.execute("UPDATE evidence SET deleted = 1 WHERE uuid = ?", (theirs.uuid,))
    con.commit()
    con.close()
    refused(master, [sealed(package, keys["SYT"])],
            "goi-SYT-2.parapp: đơn vị STP, tiêu chí 1.1: tài liệu kiểm chứng 'Kế hoạch STP.pdf' "
            "ngoài phần được giao")
    assert [e.uuid for e in master.evidence("STP", "1.1")] == [theirs.uuid]


def test_the_explanation_package_holds_the_deductions_and_takes_explanations(season, tmp_path):
    master, keys, _package = season
    with master.edit("gui") as ed:
        ed.set_appraisal("SYT", "1.2", "3", "Thiếu báo cáo quý IV")
        ed.set_appraisal("SYT", "2.1", "5", "")  # not deducted: nothing to explain
    done = export_unit_package(master, "SYT", tmp_path / "giai-trinh.parapp", round_=1)
    assert (done.leaves, done.scores, done.evidence) == (1, 1, 1)
    with Store.open(done.path) as store:
        assert store.package_scope().targets == {("SYT", "1.2")}
        with store.edit("gui") as ed:
            ed.set_explanation2("SYT", "1.2", "Báo cáo quý IV đã gửi ngày 15/12, kèm công văn")
            ed.add_evidence("SYT", "1.2", b"%PDF-1.4 cong van", "Công văn gửi báo cáo.pdf")
        with pytest.raises(ValidationError, match="gói giải trình của đơn vị SYT chỉ cho ghi "
                                                  "giải trình"):
            with store.edit("gui") as ed:
                ed.write_scores([("SYT", "1.2", {"self_points": D(6)})])
        sent = next(e for e in store.evidence("SYT") if e.name == "Báo cáo quý IV.pdf")
        with pytest.raises(ValidationError, match="chỉ cho gỡ tài liệu bổ sung trong gói này"):
            with store.edit("gui") as ed:
                ed.remove_evidence(sent.uuid)
        mine = next(e for e in store.evidence("SYT") if e.name == "Công văn gửi báo cáo.pdf")
        with store.edit("gui") as ed:  # a file added here can be taken back
            ed.remove_evidence(mine.uuid)
        with store.edit("gui") as ed:
            ed.add_evidence("SYT", "1.2", b"%PDF-1.4 cong van so 2", "Công văn số 2.pdf")
    merge_packages(master, [sealed(done.path, keys["SYT"])])
    assert master.score("SYT", "1.2")["explanation2"].startswith("Báo cáo quý IV đã gửi")
    assert sorted(e.name for e in master.evidence("SYT", "1.2")) == [
        "Báo cáo quý IV.pdf", "Công văn số 2.pdf"]
    # the round-2 package of the member holds exactly that disputed item
    round2 = export_package(master, "SNV", tmp_path / "goi-SNV-2.parapp", round_=2)
    assert (round2.units, round2.leaves, round2.scores, round2.evidence) == (1, 1, 1, 2)


def test_an_explanation_package_cannot_remove_what_was_submitted(season, tmp_path):
    master, keys, _package = season
    with master.edit("gui") as ed:
        ed.set_appraisal("SYT", "1.2", "3", "Thiếu báo cáo quý IV")
    done = export_unit_package(master, "SYT", tmp_path / "giai-trinh.parapp", round_=1)
    _forge(done.path, keys["SYT"], "UPDATE evidence SET deleted = 1")
    refused(master, [done.path], "giai-trinh.parapp: đơn vị SYT, tiêu chí 1.2: gói giải trình "
                                 "gỡ tài liệu kiểm chứng 'Báo cáo quý IV.pdf' đã nộp")


def test_nothing_to_explain_and_unknown_units_are_said_plainly(season, tmp_path):
    master, _keys, _package = season
    with pytest.raises(ValidationError, match="Đơn vị STP: không có tiêu chí nào bị trừ điểm "
                                              "ở vòng 1; không cần gói giải trình"):
        export_unit_package(master, "STP", tmp_path / "x.parapp", round_=1)
    with pytest.raises(ValidationError, match="Không có đơn vị có mã 'XYZ'"):
        export_unit_package(master, "XYZ", tmp_path / "x.parapp")
    with pytest.raises(ValidationError, match="Khối KHAC không có đơn vị nào"):
        export_unit_packages(master, tmp_path, block="KHAC")
    assert not (tmp_path / "x.parapp").exists()


def test_every_unit_of_a_block_at_once(season, tmp_path):
    master, _keys, _package = season
    folder = tmp_path / "goi"
    folder.mkdir()
    done = export_unit_packages(master, folder, block="SO")
    assert sorted(p.path.name for p in done) == [
        "goi-STP-tu-danh-gia.parapp", "goi-SXD-tu-danh-gia.parapp", "goi-SYT-tu-danh-gia.parapp"]
    assert [d.leaves for d in done] == [4, 4, 4]


@pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils missing")
def test_the_unit_prints_its_self_assessment_report_from_its_package(season, tmp_path, capsys):
    """For the unit's leader to check and sign: issued by the unit, every criterion with its
    self score, figure, explanation and evidence, the self-assessed total."""
    import subprocess

    from parapp.cli import main
    _master, _keys, package = season
    fill(package)
    out = tmp_path / "bao-cao-tu-danh-gia.pdf"
    assert main(["report", "self", str(package), "-o", str(out)]) == 0  # the package's unit
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert text.startswith("UBND TỈNH SƠN HÀ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ Y TẾ")
    assert "BÁO CÁO Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm" in text
    assert "1.1 Kế hoạch CCHC 4,00 3,00 Kế hoạch ban hành tháng 2 1 tệp" in text
    assert "1.2 Báo cáo CCHC 6,00 5,00 1 tệp" in text
    # 3 + 5 + 5 (2.1, its file removed) + 4 = 17 of 20
    assert "TỔNG ĐIỂM TỰ ĐÁNH GIÁ 20,00 17,00" in text
    capsys.readouterr()
    assert main(["report", "self", str(_master.path), "-o", str(out)]) == 1
    assert "Báo cáo tự đánh giá cần mã đơn vị (--unit MÃ)" in capsys.readouterr().err


@pytest.mark.skipif(not __import__("shutil").which("pdftotext"), reason="poppler-utils missing")
def test_the_self_report_prints_the_bonus_and_penalty_its_total_holds(season, tmp_path):
    """The unit's total counts the bonus and penalty it declares: they are printed above it,
    so that the total is what the lines add up to (it was printed alone, 69,00 of 68,00)."""
    import subprocess

    from parapp.core.reports.self_report import build_self_report
    master, _keys, _package = season
    with master.edit("cli") as ed:
        ed.add_adjustment("SYT", "bonus", "Sáng kiến CCHC được công nhận", "1.5")
        ed.add_adjustment("SYT", "penalty", "Chậm gửi báo cáo quý", "0.5")

    def lines() -> str:
        out = build_self_report(master, tmp_path / "bao-cao.pdf", "SYT")
        return " ".join(subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                                       capture_output=True, text=True).stdout.split())
    text = lines()  # 4 + 5 + 5 + 4 = 18 of 20, + 1,5 − 0,5
    assert ("Cộng điểm tự đánh giá các lĩnh vực 20,00 18,00 Điểm thưởng: Sáng kiến CCHC được "
            "công nhận +1,50 Điểm trừ: Chậm gửi báo cáo quý −0,50 TỔNG ĐIỂM TỰ ĐÁNH GIÁ 20,00 "
            "19,00") in text
    assert "Cộng điểm thưởng/ trừ" not in text
    with master.edit("cli") as ed:  # the period takes at most 1 point of bonus
        ed.set_setting("bonus_cap", "1")
    text = lines()
    assert ("Điểm trừ: Chậm gửi báo cáo quý −0,50 Cộng điểm thưởng/ trừ +0,50 Sau giới hạn điểm "
            "thưởng/ trừ của kỳ đánh giá TỔNG ĐIỂM TỰ ĐÁNH GIÁ 20,00 18,50") in text


def test_a_large_master_is_merged_without_a_whole_copy_and_still_undone(season, monkeypatch):
    """Tens of gigabytes of evidence: no copy of the whole file before each merge; the merge
    is one transaction and one undo step all the same."""
    from parapp.core import merge
    master, keys, package = season
    fill(package)
    monkeypatch.setattr(merge, "BACKUP_LIMIT", 0)
    before = sorted(master.path.parent.glob("*.bak"))
    report = merge_packages(master, [sealed(package, keys["SYT"])])
    assert report.unbacked and report.backup is None
    assert sorted(master.path.parent.glob("*.bak")) == before
    assert master.score("SYT", "1.1")["self_points"] == D(3)
    master.revert(report.txn)
    assert master.score("SYT", "1.1")["self_points"] == D(4)


def test_damaged_evidence_bytes_are_found_when_read_not_when_opened(season, capsys):
    """Opening does not read every file (a province's evidence runs to gigabytes); a file whose
    bytes no longer hash to their key is refused when it is read, and `parapp check` finds
    it."""
    from parapp.cli import main
    from parapp.core.errors import ParappError
    master, _keys, _package = season
    (doc,) = master.evidence("SYT", "1.2")
    path = master.path
    master.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE blob SET data = ? WHERE sha256 = ?", (b"%PDF-1.4 hong", doc.sha256))
    con.commit()
    con.close()
    with Store.open(path, readonly=True) as store:
        with pytest.raises(ParappError, match="nội dung tài liệu kiểm chứng bị hỏng"):
            store.evidence_bytes(doc.uuid)
    assert main(["check", str(path)]) == 1
    assert ("nội dung tài liệu kiểm chứng bị hỏng (không khớp SHA-256): Báo cáo quý IV.pdf"
            in capsys.readouterr().out)


# -- expected scores (dự kiến) through the unit's own package ------------------------------------

def _expected_audit(master: Store, txn: str) -> list[tuple[str, list]]:
    return [(a.source, a.changes["expected_points"]) for a in master.audit()
            if a.txn == txn and a.entity == "score" and "expected_points" in a.changes]


def test_expected_scores_go_out_in_the_units_package_and_come_back_audited(season, tmp_path):
    master, keys, _package = season
    with master.edit("gui") as ed:
        ed.set_phase("self_assessment")  # the master's rules: expected is open here
        ed.write_scores([("SYT", "1.2", {"expected_points": D("5.5")})])
    done = export_unit_package(master, "SYT", tmp_path / "du-kien.parapp").path
    con = sqlite3.connect(done)
    try:  # the base the merge measures the unit's change from carries it
        (base,) = con.execute("SELECT json_extract(b.fields, '$.expected_points') FROM "
                              "package_base b JOIN criterion c ON c.uuid = b.criterion_uuid "
                              "WHERE c.code = '1.2'").fetchone()
    finally:
        con.close()
    assert base == "5.5"
    with Store.open(done) as store:
        assert store.score("SYT", "1.2")["expected_points"] == D("5.5")
        with store.edit("gui") as ed:
            ed.write_scores([("SYT", "1.1", {"expected_points": D(4)}),
                             ("SYT", "1.2", {"expected_points": D(6)})])
        with pytest.raises(ValidationError) as above:  # the criterion's maximum, as a self score
            with store.edit("gui") as ed:
                ed.write_scores([("SYT", "2.1", {"expected_points": D(6)})])
        assert above.value.vi == "Đơn vị SYT, tiêu chí 2.1: điểm vượt điểm tối đa 5,00"
    report = merge_packages(master, [sealed(done, keys["SYT"])])
    assert report.lines()[0].endswith("): 2 áp dụng, 0 song song, 0 xung đột, 2 không đổi")
    assert [(master.score("SYT", c)["self_points"], master.score("SYT", c)["expected_points"])
            for c in ("1.1", "1.2", "2.1")] == [(D(4), D(4)), (D(5), D(6)), (D(5), None)]
    assert _expected_audit(master, report.txn) == [
        ("hợp nhất gói: du-kien.parapp", [None, "4"]),
        ("hợp nhất gói: du-kien.parapp", ["5.5", "6"])]
    merged = merge_history(master)[-1]
    assert merged.summary["changes"] == [
        ["SYT", "1.1", "self", "applied", {"points": "4", "note": ""},
         {"points": "4", "note": "", "expected": "4"}],
        ["SYT", "1.2", "self", "applied", {"points": "5", "note": "", "expected": "5.5"},
         {"points": "5", "note": "", "expected": "6"}]]
    master.revert(report.txn)  # one undo step, as for the other fields
    assert [master.score("SYT", c)["expected_points"] for c in ("1.1", "1.2")] == [
        None, D("5.5")]


def test_the_masters_own_expected_score_meanwhile_is_a_conflict(season, capsys):
    from parapp.cli import main
    from parapp.core.merge import Resolution, resolutions_of
    master, keys, package = season
    with Store.open(package) as store, store.edit("gui") as ed:
        ed.write_scores([("SYT", "1.1", {"expected_points": D(3)})])
    with master.edit("gui") as ed:
        ed.write_scores([("SYT", "1.1", {"expected_points": D(2)})])
    sealed(package, keys["SYT"])
    before = sha(master.path)
    assert main(["merge", str(master.path), str(package), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == ["  xung đột: goi-SYT.parapp SYT 1.1 (self): tệp chính 4; dự kiến 2 / "
                       "gói 4; dự kiến 3", "Chạy thử: không có gì được ghi"]
    assert out[0].endswith("0 áp dụng, 0 song song, 1 xung đột, 3 không đổi")
    with pytest.raises(ValidationError, match="1 xung đột chưa được giải quyết"):
        merge_packages(master, [package])
    assert sha(master.path) == before
    plan = merge_packages(master, [package], dry_run=True)
    (conflict,) = plan.conflicts
    assert (conflict.part, conflict.base.expected, conflict.master.expected,
            conflict.theirs.expected) == ("self", None, D(2), D(3))
    merge_packages(master, [package], resolutions={
        conflict.key: Resolution("master", "Tổ thư ký đã thống nhất với đơn vị")})
    assert master.score("SYT", "1.1")["expected_points"] == D(2)
    (kept,) = resolutions_of(master)
    assert (kept.part, kept.chosen, kept.master_value, kept.package_value) == (
        "self", "master", {"points": "4", "note": "", "expected": "2"},
        {"points": "4", "note": "", "expected": "3"})


def test_an_expected_score_forged_in_a_members_or_explanation_package_is_refused(season,
                                                                                 tmp_path):
    master, keys, _package = season
    member = export_package(master, "SNV", tmp_path / "goi-SNV.parapp").path
    _forge(member, keys["SNV"], "UPDATE score SET expected_points = '4' WHERE unit_id = "
           "(SELECT id FROM unit WHERE code = 'SYT') AND criterion_id = "
           "(SELECT id FROM criterion WHERE code = '1.1')")
    before = sha(master.path)
    for policy in ("fail", "take-package"):
        with pytest.raises(ValidationError) as forged:
            merge_packages(master, [member], policy=policy, reason="Lấy theo gói")
        assert (forged.value.vi, forged.value.en) == (
            "goi-SNV.parapp: đơn vị SYT, tiêu chí 1.1: gói sửa «expected_points», ngoài phần "
            "được giao", "goi-SNV.parapp: unit SYT, criterion 1.1: the package changes "
            "'expected_points', outside its part")
    assert sha(master.path) == before
    with master.edit("gui") as ed:
        ed.set_appraisal("SYT", "1.2", "3", "Thiếu báo cáo quý IV")
    explanation = export_unit_package(master, "SYT", tmp_path / "giai-trinh.parapp",
                                      round_=1).path
    _forge(explanation, keys["SYT"], "UPDATE score SET expected_points = '6'")
    before = sha(master.path)
    with pytest.raises(ValidationError) as forged:
        merge_packages(master, [explanation])
    assert forged.value.vi == ("giai-trinh.parapp: đơn vị SYT, tiêu chí 1.2: gói sửa "
                               "«expected_points», ngoài phần được giao")
    assert sha(master.path) == before
    assert master.score("SYT", "1.2")["expected_points"] is None


@pytest.mark.parametrize("value, message", [
    ("'abc'", "điểm dự kiến 'abc' không phải là số"),
    ("x'3132'", "điểm dự kiến b'12' không phải là số"),  # bytes, not text
    ("'2.123456'", "điểm dự kiến '2.123456' không hợp lệ"),
])
def test_an_expected_score_that_is_not_exact_text_is_refused(season, value, message):
    master, keys, package = season
    _forge(package, keys["SYT"], f"UPDATE score SET expected_points = {value} WHERE "
           "criterion_id = (SELECT id FROM criterion WHERE code = '1.1')")
    refused(master, [package], f"^goi-SYT.parapp: đơn vị SYT, tiêu chí 1.1: {message}$")


def test_an_expected_score_entered_at_the_secretariat_is_parallel_to_an_appraisal(season,
                                                                                  tmp_path):
    master, keys, _package = season
    member = export_package(master, "SNV", tmp_path / "goi-SNV.parapp").path
    with Store.open(member) as store, store.edit("gui") as ed:
        ed.set_appraisal("SYT", "1.2", "4", "Báo cáo gửi chậm")
    with master.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2", {"expected_points": D(6)})])
    report = merge_packages(master, [sealed(member, keys["SNV"])])
    assert [(c.unit, c.criterion, c.status) for c in report.packages[0].changes
            if c.status != "unchanged"] == [("SYT", "1.2", "parallel")]
    score = master.score("SYT", "1.2")
    assert (score["appraisal_points"], score["expected_points"]) == (D(4), D(6))


def test_a_package_whose_information_was_edited_by_hand_says_so(season, capsys):
    """package_info says round 9, which no package parapp makes: every command that reads what
    the package may hold says the package is damaged, in one line, and changes nothing."""
    from parapp.cli import main
    _master, _keys, package = season
    con = sqlite3.connect(package)
    con.execute("UPDATE package_info SET round = 9")
    con.commit()
    con.close()
    before = sha(package)
    for args in (["package", "seal", str(package)], ["not-applicable", str(package), "SYT",
                                                     "1.1"]):
        assert main(args) == 1
        assert capsys.readouterr().err == (
            f"parapp: lỗi: {package.name}: thông tin gói (package_info) bị hỏng; xin Tổ thư ký "
            "xuất lại gói\n")
    assert sha(package) == before
