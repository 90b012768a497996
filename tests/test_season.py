"""A small province through the whole season on the command line: the units' self-assessment
packages out and back with their evidence, round 1 by the council's members, the explanation
packages out and back, round 2, approval and publication — with late, tampered, wrong-phase and
outside-the-unit packages refused, and the master unchanged after each refusal."""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
import uuid
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

from openpyxl import Workbook
from test_council import appraise, make_master, sha

from parapp.cli import main
from parapp.core.store import Store

TODAY = date.today()


def run(capsys, *args: str) -> str:
    """One command that must succeed; its output."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def refused(capsys, master: Path, *args: str) -> str:
    """One command that must fail without touching the master; its error line."""
    before = sha(master)
    assert main([str(a) for a in args]) == 1
    assert sha(master) == before
    return capsys.readouterr().err.strip()


def make_key(capsys, monkeypatch, keys: Path, party: str, code: str) -> Path:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))  # no passphrase
    path = keys / f"{code}.key"
    run(capsys, "key", "new", f"--{party}", code, "-o", path, "--pin-stdin")
    return path


def with_evidence(package: Path, unit: str, criterion: str, data: bytes, name: str) -> None:
    """What the unit's window does when a file is dropped on a criterion."""
    with Store.open(package) as store, store.edit("gui") as ed:
        ed.add_evidence(unit, criterion, data, name)


def test_a_small_province_through_the_whole_season(tmp_path, capsys, monkeypatch):
    master = tmp_path / "chinh.parapp"
    make_master(master).close()  # prepared: criteria, units, members, last self scores
    keys = tmp_path / "keys"
    key = {code: make_key(capsys, monkeypatch, keys, "unit", code)
           for code in ("SYT", "STP", "SXD")}
    key |= {code: make_key(capsys, monkeypatch, keys, "member", code) for code in ("SNV", "STC")}
    for code in ("SYT", "STP", "SXD"):
        run(capsys, "unit-key", master, code, "--public-key", keys / f"{code}.pub")
    for code in ("SNV", "STC"):
        run(capsys, "member-key", master, code, "--public-key", keys / f"{code}.pub")

    # -- self-assessment ----------------------------------------------------------------------
    deadline = (TODAY + timedelta(days=7)).strftime("%d/%m/%Y")
    assert "Đơn vị tự đánh giá" in run(capsys, "phase", master, "self_assessment",
                                       "--deadline", deadline)
    out_self = tmp_path / "tu-danh-gia"
    out_self.mkdir()
    printed = run(capsys, "package", "export", master, "--all-units", "SO", "-o", out_self)
    assert "3 gói" in printed and "4 tiêu chí × 1 đơn vị" in printed
    syt, stp, sxd = (out_self / f"goi-{c}-tu-danh-gia.parapp" for c in ("SYT", "STP", "SXD"))
    # SYT prepares its scores in Excel first, then attaches a file in parapp
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá", "Giải trình"])
    ws.append(["SYT", "1.1", 3, "Kế hoạch ban hành tháng 2"])
    wb.save(tmp_path / "syt.xlsx")
    run(capsys, "import", "scores", syt, tmp_path / "syt.xlsx")
    with_evidence(syt, "SYT", "1.1", b"%PDF-1.4 ke hoach", "Kế hoạch CCHC 2026.pdf")
    # STP raises one score and proves it
    with Store.open(stp) as store, store.edit("gui") as ed:
        ed.write_scores([("STP", "2.2", {"self_points": D(5), "explanation": "Đủ hồ sơ"})])
    with_evidence(stp, "STP", "2.2", b"%PDF-1.4 tu chu", "Phương án tự chủ.pdf")
    # the unit's package refuses what is not the unit's before anything is sealed
    refused(capsys, syt, "import", "scores", syt, _book(tmp_path, "STP", "1.1", 1))
    for code, path in (("SYT", syt), ("STP", stp), ("SXD", sxd)):
        assert "đơn vị " + code in run(capsys, "package", "seal", path, "--key", key[code])

    # refusals, each changing nothing: tampered after sealing, outside the unit, wrong phase
    tampered = _copy(syt, tmp_path / "tampered.parapp")
    _sql(tampered, "UPDATE score SET self_points = '4' WHERE self_points = '3'")
    assert "nội dung gói đã bị thay đổi sau khi niêm phong" in refused(
        capsys, master, "merge", master, tampered)
    outside = _copy(stp, tmp_path / "outside.parapp")
    data = b"%PDF-1.4 khac"
    digest = __import__("hashlib").sha256(data).hexdigest()
    _sql(outside, "INSERT INTO blob (sha256, size, data) VALUES (?, ?, ?)",
         (digest, len(data), data))
    _sql(outside, "INSERT INTO evidence (uuid, version, created_at, updated_at, author, deleted, "
                  "unit_id, criterion_id, sha256, original_name, mime_type, size, title) "
                  "VALUES (?, 1, '', '', '', 0, (SELECT id FROM unit WHERE code = 'SYT'), "
                  "(SELECT id FROM criterion WHERE code = '1.1'), ?, 'x.pdf', "
                  "'application/pdf', ?, '')", (str(uuid.uuid4()), digest, len(data)))
    run(capsys, "package", "seal", outside, "--key", key["STP"])  # its own key: the seal holds
    assert "đơn vị SYT, tiêu chí 1.1: tài liệu kiểm chứng 'x.pdf' ngoài phần được giao" in (
        refused(capsys, master, "merge", master, outside))
    early = tmp_path / "snv-som.parapp"
    run(capsys, "package", "export", master, "--member", "SNV", "-o", early)
    run(capsys, "package", "seal", early, "--key", key["SNV"])
    assert "gói thẩm định vòng 1 nộp khi kỳ đánh giá ở giai đoạn «Đơn vị tự đánh giá»" in (
        refused(capsys, master, "merge", master, early))
    # late: refused, then taken with the secretariat's reason
    run(capsys, "phase", master, "--deadline", (TODAY - timedelta(days=1)).strftime("%d/%m/%Y"))
    assert "nộp sau hạn" in refused(capsys, master, "merge", master, syt, stp, sxd)
    printed = run(capsys, "merge", master, syt, stp, sxd, "--accept-late",
                  "Đường truyền của xã bị gián đoạn ngày cuối, đã báo cáo bằng văn bản")
    assert "tài liệu kiểm chứng: 1 thêm, 0 gỡ" in printed
    progress = json.loads(run(capsys, "progress", master, "--format", "json"))
    assert {u["code"]: (u["packages_sent"], u["packages_merged"], u["scored"], u["leaves"])
            for u in progress["units"]} == {"SYT": (1, 1, 4, 4), "STP": (1, 1, 4, 4),
                                            "SXD": (1, 1, 4, 4)}
    with Store.open(master, readonly=True) as store:
        assert store.score("SYT", "1.1")["self_points"] == D(3)
        assert store.score("STP", "2.2")["explanation"] == "Đủ hồ sơ"
        assert {e.name for e in store.evidence("STP")} == {"Phương án tự chủ.pdf"}

    # -- appraisal round 1 --------------------------------------------------------------------
    run(capsys, "phase", master, "appraisal_1")
    members = {}
    for code in ("SNV", "STC"):
        members[code] = tmp_path / f"goi-{code}-1.parapp"
        run(capsys, "package", "export", master, "--member", code, "-o", members[code])
    appraise(members["SNV"], [("SYT", "1.2", "3", "Thiếu báo cáo quý IV")])
    appraise(members["STC"], [("STP", "2.2", "4", "Phương án chưa được phê duyệt")])
    for code, path in members.items():
        run(capsys, "package", "seal", path, "--key", key[code])
    run(capsys, "merge", master, *members.values())

    # -- explanation --------------------------------------------------------------------------
    run(capsys, "phase", master, "explanation")
    out_expl = tmp_path / "giai-trinh"
    out_expl.mkdir()
    printed = run(capsys, "package", "export", master, "--all-units", "SO", "--round", "1",
                  "-o", out_expl)
    assert "2 gói" in printed  # SXD lost no point: nothing to explain
    syt2 = out_expl / "goi-SYT-giai-trinh.parapp"
    with Store.open(syt2) as store, store.edit("gui") as ed:
        ed.set_explanation2("SYT", "1.2", "Báo cáo quý IV gửi ngày 15/12 (công văn kèm theo)")
    with_evidence(syt2, "SYT", "1.2", b"%PDF-1.4 cong van", "Công văn 15-12.pdf")
    run(capsys, "package", "seal", syt2, "--key", key["SYT"])
    assert "1 áp dụng" in run(capsys, "merge", master, syt2)

    # -- appraisal round 2: the disputed item only --------------------------------------------
    run(capsys, "phase", master, "appraisal_2")
    assert "không có tiêu chí nào của phần được giao được đơn vị giải trình" in refused(
        capsys, master, "package", "export", master, "--member", "STC", "--round", "2",
        "-o", tmp_path / "stc-2.parapp")
    snv2 = tmp_path / "goi-SNV-2.parapp"
    assert "1 tiêu chí × 1 đơn vị" in run(capsys, "package", "export", master, "--member",
                                          "SNV", "--round", "2", "-o", snv2)
    with Store.open(snv2) as store, store.edit("gui") as ed:
        ed.write_scores([("SYT", "1.2", {"appraisal2_points": D(5),
                                         "appraisal2_note": "Đã có báo cáo bổ sung"})])
    run(capsys, "package", "seal", snv2, "--key", key["SNV"])
    run(capsys, "merge", master, snv2)

    # -- approval and publication: nothing more comes in --------------------------------------
    run(capsys, "phase", master, "approved")
    with Store.open(snv2) as store, store.edit("gui") as ed:  # a late second thought
        ed.write_scores([("SYT", "1.2", {"appraisal2_points": D(4),
                                         "appraisal2_note": "Báo cáo bổ sung còn thiếu"})])
    run(capsys, "package", "seal", snv2, "--key", key["SNV"])
    assert "goi-SNV-2.parapp: Kỳ đánh giá ở giai đoạn «Đã phê duyệt»: không sửa được điểm" in (
        refused(capsys, master, "merge", master, snv2, "--accept-late",
                "Sở Nội vụ gửi bổ sung theo Công văn 12/SNV"))
    run(capsys, "phase", master, "published")
    ranking = json.loads(run(capsys, "ranking", master, "--format", "json"))
    totals = {u["code"]: u["total"] for b in ranking["blocks"] for u in b["units"]}
    # SYT 3 + 5 (round 2 restored 1.2) + 5 + 4; STP 4 + 5 + 5 + 4 (deducted 2.2); SXD as it was
    assert totals == {"SYT": "17", "STP": "18", "SXD": "18"}
    changes = tmp_path / "vong.xlsx"
    run(capsys, "export", "rounds", master, "-o", changes)
    assert changes.exists()


def _copy(package: Path, dest: Path) -> Path:
    shutil.copy(package, dest)
    return dest


def _sql(path: Path, statement: str, params=()) -> None:
    con = sqlite3.connect(path)
    con.execute(statement, params)
    con.commit()
    con.close()


def _book(folder: Path, unit: str, criterion: str, points) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    ws.append(["Mã đơn vị", "Mã tiêu chí", "Điểm tự đánh giá"])
    ws.append([unit, criterion, points])
    path = folder / f"{unit}-{criterion}.xlsx"
    wb.save(path)
    return path
