"""The phases of the season: what each lets be written in the master, reopening with a reason,
deadlines, and `parapp phase` / `parapp info`. A refusal names the unit, the criterion and what
the phase does not take, and leaves the file byte for byte as it was."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, timedelta

import pytest

from parapp.cli import main
from parapp.core.errors import ValidationError
from parapp.core.phases import Phase, PhaseState
from parapp.core.store import Store

LEAF = "1.1.1"


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def enter(path, phase: str, deadline: str | None = None, reason: str = "") -> None:
    with Store.open(path) as store, store.edit("test") as ed:
        ed.set_phase(phase, deadline, reason)


def write(path, **fields) -> None:
    with Store.open(path) as store, store.edit("test") as ed:
        ed.write_scores([("SYT", LEAF, fields)])


def refused(path, message: str, **fields) -> None:
    before = sha(path)
    with pytest.raises(ValidationError) as err:
        write(path, **fields)
    assert str(err.value) == message
    assert sha(path) == before


def test_a_new_period_starts_in_preparation_with_everything_open(small_demo):
    with Store.open(small_demo) as store:
        state = store.phase()
        assert state.phase is Phase.PREPARATION and state.deadline is None
        assert [h.phase for h in store.phase_history()] == ["preparation"]
    write(small_demo, self_points="0.5", explanation="Đã ban hành kế hoạch",
          appraisal_points="0.5", explanation2="Bổ sung", appraisal2_points="0.5")


def test_each_phase_takes_its_own_fields_only(small_demo):
    enter(small_demo, "self_assessment", "31/01/2026")
    write(small_demo, self_points="0.25", explanation="Kế hoạch ban hành ngày 10/01")
    refused(small_demo, "Đơn vị SYT, tiêu chí 1.1.1: Giai đoạn «Đơn vị tự đánh giá» không cho "
            "ghi điểm thẩm định vòng 1, lý do trừ điểm vòng 1", appraisal_points="0",
            appraisal_note="Chưa ban hành")
    enter(small_demo, "appraisal_1")
    write(small_demo, appraisal_points="0", appraisal_note="Kế hoạch ban hành sau thời hạn")
    refused(small_demo, "Đơn vị SYT, tiêu chí 1.1.1: Giai đoạn «Thẩm định vòng 1» không cho ghi "
            "điểm tự đánh giá", self_points="0.5")
    enter(small_demo, "explanation")
    write(small_demo, explanation2="Kế hoạch đã trình đúng hạn, chậm do chờ ý kiến Sở Nội vụ")
    refused(small_demo, "Đơn vị SYT, tiêu chí 1.1.1: Giai đoạn «Đơn vị giải trình» không cho ghi "
            "điểm thẩm định vòng 1", appraisal_points="0.25")
    enter(small_demo, "appraisal_2")
    write(small_demo, appraisal2_points="0.25", appraisal2_note="Chấp nhận một phần giải trình")
    with Store.open(small_demo) as store:
        score = store.score("SYT", LEAF)
        assert (str(score["self_points"]), str(score["appraisal_points"]),
                str(score["appraisal2_points"])) == ("0.25", "0", "0.25")
        assert [h.phase for h in store.phase_history()] == [
            "preparation", "self_assessment", "appraisal_1", "explanation", "appraisal_2"]


def test_evidence_only_in_the_units_phases(small_demo, tmp_path):
    pdf = b"%PDF-1.4\n% bien ban\n%%EOF\n"
    enter(small_demo, "appraisal_1")
    before = sha(small_demo)
    with pytest.raises(ValidationError) as err, Store.open(small_demo) as store, \
            store.edit("test") as ed:
        ed.add_evidence("SYT", LEAF, pdf, "bien-ban.pdf")
    assert str(err.value) == "Giai đoạn «Thẩm định vòng 1» không cho ghi tài liệu kiểm chứng"
    assert sha(small_demo) == before
    enter(small_demo, "explanation")  # supplementary evidence with the explanation
    with Store.open(small_demo) as store, store.edit("test") as ed:
        ed.add_evidence("SYT", LEAF, pdf, "bien-ban.pdf")


def test_approved_locks_the_results_until_reopened_with_a_reason(small_demo):
    enter(small_demo, "approved")
    before = sha(small_demo)
    for change in (lambda ed: ed.write_scores([("SYT", LEAF, {"self_points": "0"})]),
                   lambda ed: ed.set_setting("rounding", "none"),
                   lambda ed: ed.update_unit("SYT", name="Sở Y tế tỉnh")):
        with pytest.raises(ValidationError) as err, Store.open(small_demo) as store, \
                store.edit("test") as ed:
            change(ed)
        assert "Kỳ đánh giá ở giai đoạn «Đã phê duyệt»: không sửa được" in str(err.value)
        assert "mở lại một giai đoạn trước, có ghi lý do (parapp phase)" in str(err.value)
        assert sha(small_demo) == before
    # going back needs a reason that states its grounds; it is kept
    for reason in ("", "sửa"):
        with pytest.raises(ValidationError) as err:
            enter(small_demo, "appraisal_2", reason=reason)
        assert str(err.value).startswith(
            "Mở lại giai đoạn «Thẩm định vòng 2» (đang ở «Đã phê duyệt»): ")
        assert sha(small_demo) == before
    enter(small_demo, "appraisal_2", reason="Kết luận của Chủ tịch UBND tỉnh tại Thông báo 45/TB")
    write(small_demo, appraisal2_points="0.25", appraisal2_note="Thẩm định lại theo kết luận")
    with Store.open(small_demo) as store:
        last = store.phase_history()[-1]
        assert (last.phase, last.reason) == (
            "appraisal_2", "Kết luận của Chủ tịch UBND tỉnh tại Thông báo 45/TB")
        entries = [a for a in store.audit() if a.entity == "phase_change"]
        assert entries[-1].changes["reason"][1] == last.reason  # in the audit log too
    enter(small_demo, "published")  # forward: no reason needed


def test_the_phase_and_the_time_left_as_people_read_them():
    today = date(2026, 3, 6)
    state = PhaseState(Phase.APPRAISAL_1, today + timedelta(days=9))
    assert state.describe(today) == "Thẩm định vòng 1 — hạn 15/03/2026 (còn 9 ngày)"
    assert PhaseState(Phase.APPRAISAL_1, today).describe(today) == (
        "Thẩm định vòng 1 — hạn 06/03/2026 (hôm nay)")
    assert PhaseState(Phase.EXPLANATION, today - timedelta(days=2)).describe(today) == (
        "Đơn vị giải trình — hạn 04/03/2026 (quá hạn 2 ngày)")
    assert PhaseState(None).describe(today) == "Chưa đặt giai đoạn (mọi phần đều ghi được)"


def test_cli_phase_info_and_refusals(small_demo, capsys):
    due = (date.today() + timedelta(days=10)).strftime("%d/%m/%Y")
    assert main(["phase", str(small_demo), "appraisal_1", "--deadline", due]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Giai đoạn: Thẩm định vòng 1 — hạn {due} (còn 10 ngày)")
    assert main(["phase", str(small_demo), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["phase"], data["days_left"], [h["phase"] for h in data["history"]]) == (
        "appraisal_1", 10, ["preparation", "appraisal_1"])
    assert main(["info", str(small_demo)]) == 0
    assert f"Giai đoạn: Thẩm định vòng 1 — hạn {due} (còn 10 ngày)" in capsys.readouterr().out
    before = sha(small_demo)
    for args, message in (
            (["phase", str(small_demo), "phase_3"],
             "parapp: lỗi: Không có giai đoạn 'phase_3'. Các giai đoạn: preparation, "
             "self_assessment, appraisal_1, explanation, appraisal_2, approved, published"),
            (["phase", str(small_demo), "explanation", "--deadline", "31/02/2026"],
             "parapp: lỗi: Hạn của giai đoạn không hợp lệ: '31/02/2026' (ngày dạng dd/mm/yyyy)"),
            (["phase", str(small_demo), "self_assessment"],
             "parapp: lỗi: Mở lại giai đoạn «Đơn vị tự đánh giá» (đang ở «Thẩm định vòng 1»): "
             "phải ghi lý do khi mở lại")):
        assert main(args) == 1
        assert capsys.readouterr().err.strip() == message
        assert sha(small_demo) == before


def test_an_import_in_a_closed_phase_changes_nothing(small_demo, tmp_path, capsys):
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm"
    sheet.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình"])
    sheet.append(["SYT", LEAF, 0.25, "Kế hoạch ban hành chậm"])
    book.save(tmp_path / "diem.xlsx")
    enter(small_demo, "approved")
    before = sha(small_demo)
    capsys.readouterr()
    assert main(["import", "scores", str(small_demo), str(tmp_path / "diem.xlsx"),
                 "--overwrite"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"parapp: lỗi: diem.xlsx: Đơn vị SYT, tiêu chí {LEAF}: Kỳ đánh giá ở giai đoạn «Đã phê "
        "duyệt»: không sửa được điểm tự đánh giá, giải trình; muốn sửa phải mở lại một giai "
        "đoạn trước, có ghi lý do (parapp phase)")
    assert sha(small_demo) == before


# -- packages returned in the wrong phase or late ------------------------------------------------

from test_council import appraise, council, sealed  # noqa: E402,F401  (the council fixture)

from parapp.core.merge import merge_packages  # noqa: E402


def test_a_package_returned_on_its_deadline_day_is_on_time(council):  # noqa: F811
    """The deadline is the last day the package may come back, not the day before it."""
    master, keys, packages = council
    appraise(packages["SNV"], [("SYT", "1.2", "4", "Báo cáo quý IV gửi chậm")])
    path = sealed(packages["SNV"], keys["SNV"])
    with master.edit("test") as ed:
        ed.set_phase("appraisal_1", date.today().strftime("%d/%m/%Y"))
    merge_packages(master, [path])
    assert str(master.score("SYT", "1.2")["appraisal_points"]) == "4"


def test_a_package_outside_its_phase_or_late_is_refused_unless_accepted(council,  # noqa: F811
                                                                        capsys):
    master, keys, packages = council
    appraise(packages["SNV"], [("SYT", "1.2", "4", "Báo cáo quý IV gửi chậm")])
    path = sealed(packages["SNV"], keys["SNV"])
    with master.edit("test") as ed:
        ed.set_phase("self_assessment")  # the units' phase: no appraisal is taken
    before = sha(master.path)
    with pytest.raises(ValidationError) as err:
        merge_packages(master, [path])
    assert str(err.value) == (
        "goi-SNV.parapp: gói thẩm định vòng 1 nộp khi kỳ đánh giá ở giai đoạn «Đơn vị tự đánh giá»; Tổ thư "
        "ký có thể chấp nhận nộp muộn, có ghi lý do (--accept-late)")
    assert sha(master.path) == before
    yesterday = (date.today() - timedelta(days=1)).strftime("%d/%m/%Y")
    with master.edit("test") as ed:
        ed.set_phase("appraisal_1", yesterday)  # its round, but past the deadline
    before = sha(master.path)
    assert main(["merge", str(master.path), str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"parapp: lỗi: goi-SNV.parapp: nộp sau hạn {yesterday} của giai đoạn; Tổ thư ký có thể "
        "chấp nhận nộp muộn, có ghi lý do (--accept-late)")
    assert sha(master.path) == before
    assert main(["merge", str(master.path), str(path), "--accept-late", "x"]) == 1
    assert "Chấp nhận nộp muộn: lý do 'x' chưa nói rõ căn cứ" in capsys.readouterr().err
    assert sha(master.path) == before
    reason = "Sở Nội vụ báo máy hỏng, gửi lại theo Công văn 210/SNV"
    assert main(["merge", str(master.path), str(path), "--accept-late", reason]) == 0
    with Store.open(master.path) as store:
        assert str(store.score("SYT", "1.2")["appraisal_points"]) == "4"
        merged = [a for a in store.audit() if a.source.startswith("hợp nhất gói")]
        assert merged and all(a.source.endswith(f"(chấp nhận nộp muộn: {reason})")
                              for a in merged)


@pytest.mark.parametrize("phase", ["approved", "published"])
def test_accepting_a_late_package_does_not_reopen_approved_results(council, capsys,  # noqa: F811
                                                                   phase):
    """Lateness can be accepted with a reason; approved results move only once the
    secretariat reopens an earlier phase, with its own reason."""
    master, keys, packages = council
    appraise(packages["SNV"], [("SYT", "1.2", "4", "Báo cáo quý IV gửi chậm")])
    path = sealed(packages["SNV"], keys["SNV"])
    with master.edit("test") as ed:
        ed.set_phase(phase)
    before = sha(master.path)
    reason = "Sở Nội vụ báo máy hỏng, gửi lại theo Công văn 210/SNV"
    assert main(["merge", str(master.path), str(path), "--accept-late", reason]) == 1
    label = {"approved": "Đã phê duyệt", "published": "Đã công bố"}[phase]
    assert capsys.readouterr().err.strip() == (
        f"parapp: lỗi: goi-SNV.parapp: Kỳ đánh giá ở giai đoạn «{label}»: không sửa được điểm; "
        "muốn sửa phải mở lại một giai đoạn trước, có ghi lý do (parapp phase)")
    assert sha(master.path) == before
    with master.edit("test") as ed:
        ed.set_phase("appraisal_2", reason="Hội đồng thẩm định lại theo Công văn 215/SNV")
    assert main(["merge", str(master.path), str(path), "--accept-late", reason]) == 0
    capsys.readouterr()
    with Store.open(master.path) as store:
        assert str(store.score("SYT", "1.2")["appraisal_points"]) == "4"
    with master.edit("test") as ed:  # merged: the same package again changes nothing, and
        ed.set_phase(phase)          # says so even after the approval
    assert main(["merge", str(master.path), str(path)]) == 0
    assert capsys.readouterr().out == ("goi-SNV.parapp: gói của thành viên SNV đã được hợp nhất "
                                       "trước đó; không có gì thay đổi\n")


def test_a_phase_change_is_not_undone(small_demo):
    """Undoing an approval would reopen the results without the reason a reopening needs."""
    with Store.open(small_demo) as store:
        with store.edit("test") as ed:
            ed.set_phase("approved")
        txn = ed.txn
        before = sha(small_demo)
        with pytest.raises(ValidationError) as err:
            store.revert(txn)
        assert str(err.value) == ("Không hoàn tác việc chuyển giai đoạn; hãy chuyển giai đoạn "
                                  "lại (quay lại giai đoạn trước phải ghi lý do)")
        assert sha(small_demo) == before and store.phase().phase is Phase.APPROVED


# -- units' keys --------------------------------------------------------------------------------

def test_a_units_key_made_and_registered_like_a_members(small_demo, tmp_path, capsys,
                                                        monkeypatch):
    """A unit's officer makes a key pair (kept apart from a member's of the same code), the
    secretariat registers its fingerprint on the unit; a wrong fingerprint is refused, and one
    of --member or --unit is needed."""
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    key = tmp_path / "SNV-don-vi.key"
    assert main(["key", "new", "--unit", "SNV", "-o", str(key), "--pin-stdin"]) == 0
    out = capsys.readouterr().out
    print_ = out.strip().splitlines()[-1].split(": ", 1)[1]
    assert print_.startswith("SHA256:") and key.with_suffix(".pub").is_file()
    assert main(["unit-key", str(small_demo), "SNV", "--public-key",
                 str(key.with_suffix(".pub"))]) == 0
    assert capsys.readouterr().out.strip() == f"Đơn vị SNV: đã đăng ký khóa {print_}"
    assert main(["info", str(small_demo), "--format", "json"]) == 0
    units = json.loads(capsys.readouterr().out)["units"]
    assert next(u for u in units if u["code"] == "SNV")["key_fingerprint"] == print_
    with Store.open(small_demo) as store:
        assert next(m for m in store.members() if m.code == "SNV").key_fingerprint == ""
    before = sha(small_demo)
    for args, message in (
            (["unit-key", str(small_demo), "SNV", "--fingerprint", "SHA256:abc"],
             "parapp: lỗi: Dấu vân tay khóa không hợp lệ: 'SHA256:abc'"),
            (["unit-key", str(small_demo), "SNV"],
             "parapp: lỗi: Cần đúng một trong --public-key hoặc --fingerprint"),
            (["key", "new", "-o", str(tmp_path / "x.key")],
             "parapp: lỗi: Cần đúng một trong --member hoặc --unit")):
        assert main(args) == 1
        assert capsys.readouterr().err.strip() == message
    assert sha(small_demo) == before


def test_a_period_with_errors_is_not_published(small_demo, capsys):
    """`parapp check` calls an appraisal lower than the self score without its reason an error
    that blocks publication: entering «Đã công bố» is refused, naming the first and counting
    the rest; nothing changes until it is mended."""
    con = sqlite3.connect(small_demo)
    con.execute("UPDATE score SET appraisal_note = '' WHERE id = (SELECT min(s.id) FROM score s "
                "JOIN unit u ON u.id = s.unit_id WHERE u.code = 'SYT' AND "
                "s.appraisal_points != s.self_points)")
    con.commit()
    con.close()
    with Store.open(small_demo, readonly=True) as store:
        before = store.phase().phase
    assert main(["phase", str(small_demo), "published"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parapp: lỗi: Chưa công bố được: Đơn vị SYT, tiêu chí ") and err.endswith(
        f"điểm thẩm định khác điểm tự đánh giá nhưng không có lý do; lệnh parapp check "
        f"{small_demo.name} liệt kê tất cả\n"), err
    with Store.open(small_demo, readonly=True) as store:
        assert store.phase().phase == before
