"""The command line: exit codes, JSON output, one-line errors, settings round trip."""
import json
import subprocess
import sys
from decimal import Decimal as D

import pytest

from parapp.cli import main
from parapp.core.store import Store


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args):
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_new_creates_an_empty_period(tmp_path, capsys):
    path = tmp_path / "2025.parapp"
    code, out, _ = run(capsys, "new", path, "--province", "Tỉnh Sơn Hà", "--year", 2025)
    assert code == 0 and "Đã tạo kỳ đánh giá Tỉnh Sơn Hà năm 2025" in out
    info = run_json(capsys, "info", path)
    assert info["period"]["province"] == "Tỉnh Sơn Hà" and info["period"]["year"] == 2025
    assert info["counts"]["units"] == 0


def test_info_lists_blocks_members_and_assignments(small_demo, capsys):
    info = run_json(capsys, "info", small_demo)
    assert [(b["code"], b["units"], b["max_points"]) for b in info["blocks"]] == [
        ("SO", 17, "100"), ("PHUONG", 3, "100"), ("XA", 6, "100")]
    members = {m["code"]: m["assigned"] for m in info["members"]}
    assert members["SNV"] == ["1", "4", "5", "8"] and members["STP"] == ["2"]
    assert info["criteria"] == {"areas": 8, "nodes": 155, "leaves": 111}
    assert len(info["units"]) == 26
    bqlda = next(u for u in info["units"] if u["code"] == "BQLDAGT")
    assert (bqlda["block"], bqlda["ranked"]) == ("SO", False)
    code, out, _ = run(capsys, "info", small_demo)
    assert code == 0 and "Thành viên Hội đồng thẩm định" in out and "Sở Tư pháp" in out


def test_ranking_json_matches_the_engine(small_demo, capsys):
    data = run_json(capsys, "ranking", small_demo, "--block", "SO")
    with Store.open(small_demo) as store:
        expected = store.evaluate().rankings["SO"]
    got = data["blocks"][0]["units"]
    assert [(u["code"], u["rank"]) for u in got] == [
        (r.result.unit.code, r.rank) for r in expected.rows()]
    assert all(D(u["index"]) == r.result.index for u, r in zip(got, expected.rows()))
    assert got[-1]["rank"] is None and got[-1]["code"] == "BQLDAGT"  # scored, not ranked
    code, out, _ = run(capsys, "ranking", small_demo, "--block", "SO")
    assert code == 0 and "không xếp hạng" in out and "Khối sở, ban, ngành (SO)" in out


def test_classify_applies_the_preset_quota(small_demo, capsys):
    data = run_json(capsys, "classify", small_demo)
    so = next(b for b in data["blocks"] if b["code"] == "SO")
    good_or_better = so["counts"]["xuat_sac"] + so["counts"]["tot"]
    assert so["counts"]["xuat_sac"] == int(good_or_better * 0.2)
    assert sum(so["counts"].values()) == 17
    overridden = [h for b in data["blocks"] for h in b["heads"] if h["overridden"]]
    assert len(overridden) == 1 and overridden[0]["grade"] == "khong_hoan_thanh"
    assert overridden[0]["reason"].startswith("Người đứng đầu bị kỷ luật")


def test_settings_show_change_and_validate(small_demo, capsys, tmp_path):
    assert run_json(capsys, "settings", small_demo)["tie_policy"] == "break"
    values = run_json(capsys, "settings", small_demo, "tie_policy=shared",
                      "classification=bands-90-80-70", "display_decimals=3")
    assert (values["tie_policy"], values["classification"], values["display_decimals"]) == (
        "shared", "bands-90-80-70", 3)
    rules = tmp_path / "quy-tac.json"
    rules.write_text(json.dumps([{"grade": "xuat_sac", "min_index": "95"},
                                 {"grade": "tot", "min_index": "85"},
                                 {"grade": "khong_hoan_thanh"}]), encoding="utf-8")
    values = run_json(capsys, "settings", small_demo, f"classification=@{rules}")
    assert values["classification"][0] == {"grade": "xuat_sac", "min_index": "95"}
    heads = run_json(capsys, "classify", small_demo)
    assert all(h["grade"] in ("xuat_sac", "tot", "khong_hoan_thanh")
               for b in heads["blocks"] for h in b["heads"])


@pytest.mark.parametrize("args,message", [
    (["settings", "{f}", "tie_policy=random"],
     "parapp: lỗi: Thiết lập 'tie_policy' không hợp lệ: chỉ nhận: shared, break"),
    (["settings", "{f}", "colour=red"], "parapp: lỗi: Không có thiết lập 'colour'."),
    (["settings", "{f}", "tie_breakers=appraisal,luck"],
     "parapp: lỗi: Thiết lập 'tie_breakers' không hợp lệ: tiêu chí phụ không tồn tại: luck"),
    (["settings", "{f}", "display_decimals=5"],
     "parapp: lỗi: Thiết lập 'display_decimals' không hợp lệ: phải trong khoảng 2…3"),
    (["ranking", "{f}", "--block", "HUYEN"], "parapp: lỗi: Không có khối 'HUYEN'"),
    (["info", "{missing}"], "parapp: lỗi: {missing}: không tìm thấy tệp"),
])
def test_errors_are_one_line_on_stderr(small_demo, tmp_path, capsys, args, message):
    missing = tmp_path / "khong-co.parapp"
    args = [a.format(f=small_demo, missing=missing) for a in args]
    before = small_demo.read_bytes()
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(message.format(missing=missing))
    assert small_demo.read_bytes() == before


def test_check_exit_code_reflects_errors(small_demo, capsys):
    code, out, _ = run(capsys, "check", small_demo)
    assert code == 0 and "Kết quả kiểm tra: 0 lỗi" in out
    with Store.open(small_demo) as store:  # an appraisal without a reason, written behind the API
        with store.session() as s, s.begin():
            s.connection().exec_driver_sql(
                "UPDATE score SET appraisal_points = '0', appraisal_note = '' WHERE id = "
                "(SELECT id FROM score WHERE self_points NOT IN ('0') LIMIT 1)")
    code, out, _ = run(capsys, "check", small_demo, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["errors"] == 1
    assert "khác điểm tự đánh giá nhưng không có lý do" in report["problems"][0]["message"]
    assert main(["check", str(small_demo)]) == 1


def test_usage_errors_are_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["new", str(tmp_path / "x.parapp"), "--year", "2025"])
    _, err = capsys.readouterr()
    assert exit_.value.code == 2 and err.count("\n") == 1
    assert err.startswith("parapp new: lỗi: ") and "--province" in err


def test_english_is_available(small_demo, capsys):
    code, out, err = run(capsys, "--lang", "en", "ranking", small_demo, "--block", "XYZ")
    assert code == 1 and err == "parapp: error: No block 'XYZ'\n"


def test_module_entry_point_and_help():
    proc = subprocess.run([sys.executable, "-m", "parapp", "--help"], capture_output=True,
                          text=True)
    assert proc.returncode == 0
    for command in ("new", "demo", "info", "check", "settings", "ranking", "classify"):
        assert command in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "parapp", "ranking", "--help"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "--block" in proc.stdout and "--format" in proc.stdout


def test_override_and_not_applicable_from_the_command_line(small_demo, capsys):
    code, _, err = run(capsys, "override", small_demo, "SYT", "xuat_sac")
    assert code == 1 and "Phải ghi lý do (--reason)" in err
    assert run(capsys, "override", small_demo, "SYT", "hoan_thanh", "--reason",
               "Kết luận thanh tra số 12/KL-TTr")[0] == 0
    heads = run_json(capsys, "classify", small_demo, "--block", "SO")["blocks"][0]["heads"]
    syt = next(h for h in heads if h["code"] == "SYT")
    assert (syt["grade"], syt["overridden"], syt["reason"]) == (
        "hoan_thanh", True, "Kết luận thanh tra số 12/KL-TTr")
    assert run(capsys, "override", small_demo, "SYT", "clear")[0] == 0
    heads = run_json(capsys, "classify", small_demo, "--block", "SO")["blocks"][0]["heads"]
    assert not next(h for h in heads if h["code"] == "SYT")["overridden"]

    def syt_max():
        data = run_json(capsys, "ranking", small_demo, "--block", "SO")
        return next(u["max"] for u in data["blocks"][0]["units"] if u["code"] == "SYT")
    assert syt_max() == "100"
    code, _, err = run(capsys, "not-applicable", small_demo, "SYT", "1.1")
    assert code == 1 and "phải ghi lý do không áp dụng" in err
    assert run(capsys, "not-applicable", small_demo, "SYT", "1.1", "--reason",
               "Không có đơn vị trực thuộc")[0] == 0
    assert syt_max() == "98"  # area 1.1 is worth 2 points and leaves SYT's denominator
    assert run(capsys, "not-applicable", small_demo, "SYT", "1.1", "--undo")[0] == 0
    assert syt_max() == "100"
