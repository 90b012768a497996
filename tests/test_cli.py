"""The command line: exit codes, JSON output, one-line errors, settings round trip."""
import ctypes
import gc
import json
import os
import re
import subprocess
import sys
import types
from decimal import Decimal as D

import pytest

from parapp.cli import main
from parapp.core.classification import Grade, counts
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


def test_classify_applies_the_periods_rules(small_demo, capsys):
    # a new period (the demo) is classified on plain bands, as provinces publish: every head of
    # a unit at 90 % or more is "xuất sắc", however many they are
    data = run_json(capsys, "classify", small_demo)
    so = next(b for b in data["blocks"] if b["code"] == "SO")
    assert sum(so["counts"].values()) == 17
    # the demo's head of SCT took up the post on 1 November: not classified, whatever the index
    late = [h for h in so["heads"] if h["grade"] == "khong_xep_loai"]
    assert [(h["code"], h["head_since"], D(h["index"]) >= 90, h["reason"]) for h in late] == [
        ("SCT", "2025-11-01", True, "Giữ chức vụ từ 01/11/2025 (2 tháng trong năm), dưới 6 "
                                    "tháng: không xếp loại")]
    assert so["counts"]["khong_xep_loai"] == 1
    plain = [h for h in so["heads"] if not h["overridden"] and h not in late]
    assert all((h["grade"] == "xuat_sac") == (D(h["index"]) >= 90) for h in plain)
    assert so["counts"]["xuat_sac"] > (so["counts"]["tot"] // 5)  # more than a quota allows
    # with the decree's ratio: "xuất sắc" at most 20 % of those rated "tốt"
    assert run(capsys, "settings", small_demo, "classification=nd335")[0] == 0
    so = next(b for b in run_json(capsys, "classify", small_demo)["blocks"]
              if b["code"] == "SO")
    assert so["counts"]["xuat_sac"] > 0 and so["counts"]["xuat_sac"] * 5 <= so["counts"]["tot"]
    assert so["counts"]["khong_xep_loai"] == 1  # SCT takes no place, nor counts in the base
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
    # saved by Notepad (UTF-8 with a BOM): the same; by PowerShell 5's `>` (UTF-16): refused
    rules.write_bytes("\ufeff".encode() + rules.read_bytes())
    values = run_json(capsys, "settings", small_demo, f"classification=@{rules}")
    assert values["classification"][0] == {"grade": "xuat_sac", "min_index": "95"}
    rules.write_text(rules.read_text(encoding="utf-8-sig"), encoding="utf-16")
    assert run(capsys, "settings", small_demo, f"classification=@{rules}")[::2] == (
        1, f"parapp: lỗi: {rules}: tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8\n")
    heads = run_json(capsys, "classify", small_demo)
    assert all(h["grade"] in ("xuat_sac", "tot", "khong_hoan_thanh")
               for b in heads["blocks"] for h in b["heads"] if h["code"] not in ("SCT", "P003"))
    assert [h["grade"] for b in heads["blocks"] for h in b["heads"]
            if h["code"] in ("SCT", "P003")] == ["khong_xep_loai", "khong_xep_loai"]


def test_classify_prints_each_head_not_classified_with_the_reason(small_demo, capsys):
    code, out, _ = run(capsys, "classify", small_demo, "--block", "PHUONG")
    assert code == 0
    [line] = [line for line in out.splitlines() if "Phường Bình Minh" in line]
    assert re.search(r"\s{2}Không xếp loại\s{2,}Giữ chức vụ từ 16/10/2025 \(2 tháng trong năm\), "
                     r"dưới 6 tháng: không xếp loại$", line), line
    with Store.open(small_demo, readonly=True) as store:
        result = store.evaluate()
    c = counts(result.heads[r.result.key] for r in result.rankings["PHUONG"].rows())
    assert c[Grade.NOT_CLASSIFIED] == 1
    assert out.splitlines()[-2] == "; ".join(f"{g.label}: {n}" for g, n in c.items())
    code, out, _ = run(capsys, "--lang", "en", "classify", small_demo, "--block", "PHUONG")
    assert "  Not classified  " in out and out.count("In post since 16/10/2025 (2 months of the "
                                                     "year), under 6 months: not classified") == 1
    # X003's head came with the merged commune on 1 July: 6 months, classified
    xa = run_json(capsys, "classify", small_demo, "--block", "XA")["blocks"][0]
    x003 = next(h for h in xa["heads"] if h["code"] == "X003")
    assert (x003["head_since"], x003["grade"] != "khong_xep_loai", x003["reason"]) == (
        "2025-07-01", True, "")
    assert "khong_xep_loai" not in xa["counts"]  # no head of the block is: not listed
    # an override wins over the months in post
    assert run(capsys, "override", small_demo, "P003", "tot", "--reason",
               "Quyết định số 77/QĐ-UBND giao phụ trách phường từ tháng 01/2025")[0] == 0
    blocks = run_json(capsys, "classify", small_demo)["blocks"]
    heads = {h["code"]: h for b in blocks for h in b["heads"]}
    assert (heads["P003"]["grade"], heads["P003"]["overridden"], heads["P003"]["reason"]) == (
        "tot", True, "Quyết định số 77/QĐ-UBND giao phụ trách phường từ tháng 01/2025")
    assert heads["SCT"]["grade"] == "khong_xep_loai"
    # the rule off: every head is classified
    assert run(capsys, "settings", small_demo, "min_months_in_post=0")[0] == 0
    blocks = run_json(capsys, "classify", small_demo)["blocks"]
    grades = {h["code"]: h["grade"] for b in blocks for h in b["heads"]}
    assert grades["P003"] == "tot" and grades["SCT"] == "xuat_sac"  # 93,31 %
    assert all("khong_xep_loai" not in b["counts"] for b in blocks)


@pytest.mark.parametrize("args,message", [
    (["settings", "{f}", "tie_policy=random"],
     "parapp: lỗi: Thiết lập 'tie_policy' không hợp lệ: chỉ nhận: shared, shared_display, break"),
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


def test_check_groups_by_rule_and_exits_1_only_when_publication_is_blocked(small_demo, capsys):
    report = run_json(capsys, "check", small_demo)
    assert report["errors"] == 0 and report["blocks_publication"] is False
    by_rule = {}
    for p in report["problems"]:
        by_rule.setdefault(p["rule"], []).append(p)
    assert {g["rule"]: g["count"] for g in report["groups"]} == {
        r: len(ps) for r, ps in by_rule.items()}
    missing = by_rule["no_evidence"]
    assert len(missing) > 3 and all(p["severity"] == "warning" for p in missing)
    code, out, _ = run(capsys, "check", small_demo)
    lines = out.splitlines()
    at = lines.index(f"Cảnh báo — thiếu tài liệu kiểm chứng: {len(missing)} đơn vị")
    assert lines[at + 1:at + 5] == [f"    {p['where']}: {p['message']}" for p in missing[:3]] + [
        f"    … và {len(missing) - 3} nữa (--all: liệt kê hết)"]
    assert code == 0 and lines[-1] == (f"Kết quả kiểm tra: 0 lỗi, {len(report['problems'])} "
                                       "cảnh báo — không có gì chặn công bố.")
    code, out, _ = run(capsys, "check", small_demo, "--all")
    assert code == 0 and all(f"    {p['where']}: {p['message']}" in out.splitlines()
                             for p in missing)

    with Store.open(small_demo) as store:  # an appraisal without a reason, written behind the API
        with store.session() as s, s.begin():
            s.connection().exec_driver_sql(
                "UPDATE score SET appraisal_points = '0', appraisal_note = '' WHERE id = "
                "(SELECT id FROM score WHERE self_points NOT IN ('0') LIMIT 1)")
    code, out, _ = run(capsys, "check", small_demo, "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["errors"] == 1 and report["blocks_publication"] is True
    [error] = [p for p in report["problems"] if p["severity"] == "error"]
    assert error["rule"] == "no_reason"
    assert error["message"] == "điểm thẩm định khác điểm tự đánh giá nhưng không có lý do"
    code, out, _ = run(capsys, "check", small_demo)
    lines = out.splitlines()
    assert code == 1 and lines[:2] == [
        "LỖI — điểm thẩm định khác điểm tự đánh giá nhưng không có lý do: 1 điểm",
        f"    {error['where']}: {error['message']}"]
    assert lines[-1].endswith("— có lỗi, chưa công bố được.")


def test_check_of_a_file_that_cannot_be_read_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "check", tmp_path / "khong-co.parapp")
    assert (code, out) == (2, "") and err == (
        f"parapp: lỗi: {tmp_path / 'khong-co.parapp'}: không tìm thấy tệp\n")


def test_usage_errors_are_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["new", str(tmp_path / "x.parapp"), "--year", "2025"])
    _, err = capsys.readouterr()
    assert exit_.value.code == 2 and err.count("\n") == 1
    assert err.startswith("parapp: lỗi: ") and "--province" in err
    assert err.endswith("(xem parapp new --help)\n")


@pytest.fixture
def no_window(monkeypatch):
    """The window must not open: a script waiting on it would hang."""
    import parapp.ui.app
    monkeypatch.setattr(parapp.ui.app, "run_gui", lambda *a: pytest.fail("the window opened"))


@pytest.mark.parametrize("args,message", [
    (["chek", "{f}"], "parapp: lỗi: không có lệnh 'chek' (gần nhất: 'check') "
                      "(xem parapp --help)"),
    (["rank", "{f}"], "parapp: lỗi: không có lệnh 'rank' (gần nhất: 'ranking') "
                      "(xem parapp --help)"),
    (["xyzw", "{f}"], "parapp: lỗi: không có lệnh 'xyzw' (các lệnh: analysis, check, "
                      "classify, compare, demo, expected, export, import, info, key, link-previous, "
                      "losses, map-previous, member-key, "
                      "member-units, merge, "
                      "merge-report, new, not-applicable, override, package, phase, progress, "
                      "ranking, "
                      "report, settings, sign, template, tokens, unit-key, verify) (xem parapp --help)"),
    (["{f}", "{f}"], "parapp: lỗi: cửa sổ mở một tệp; thừa: {f} (xem parapp --help)"),
    (["{f}", "--fast"], "parapp: lỗi: tham số không nhận ra: --fast (xem parapp --help)"),
])
def test_a_mistyped_command_never_opens_the_window(small_demo, capsys, no_window, args,
                                                   message):
    with pytest.raises(SystemExit) as exit_:
        main([a.format(f=small_demo) for a in args])
    _, err = capsys.readouterr()
    assert exit_.value.code == 2 and err == message.format(f=small_demo) + "\n"


def test_a_file_named_like_a_word_opens(tmp_path, monkeypatch):
    import parapp.ui.app
    opened = []
    monkeypatch.setattr(parapp.ui.app, "run_gui", lambda path: opened.append(path) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kyhop").write_bytes(b"")  # an existing file, whatever its name: the window
    assert main(["kyhop"]) == 0 and main(["moi.parapp", "--lang", "vi"]) == 0 and main([]) == 0
    assert opened == ["kyhop", "moi.parapp", None]


def test_without_a_display_the_window_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "parapp"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr == ("parapp: lỗi: không có màn hình (DISPLAY, WAYLAND_DISPLAY chưa đặt) "
                           "nên không mở được cửa sổ; các lệnh không cần cửa sổ: parapp --help\n")


def test_a_bundle_missing_a_qt_library_says_what_to_do_even_without_a_console(
        tmp_path, monkeypatch, capsys):
    """Windows: a .zip extracted in part, or a DLL an antivirus quarantined, fails the import of
    Qt. One line says so and what to do; the windowed program (parapp-gui.exe), which has no
    stderr, shows it in a message box rather than closing without a word."""
    failure = ImportError("DLL load failed while importing QtWidgets: The specified module "
                          "could not be found.")

    class Broken(types.ModuleType):
        def __getattr__(self, name):
            raise failure
    monkeypatch.setitem(sys.modules, "parapp.ui.app", Broken("parapp.ui.app"))
    monkeypatch.chdir(tmp_path)
    said = ("lỗi: thiếu thư viện Qt cần để mở cửa sổ (DLL load failed while importing QtWidgets:"
            " The specified module could not be found.); hãy giải nén lại toàn bộ tệp .zip của "
            "parapp vào một thư mục mới (có thể giải nén chưa hết, hoặc phần mềm diệt virus đã "
            "cách ly một tệp)")
    assert main([]) == 1
    assert capsys.readouterr() == ("", f"parapp: {said}\n")
    boxes = []
    user32 = types.SimpleNamespace(MessageBoxW=lambda *args: boxes.append(args))
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(user32=user32), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stderr", None)
    assert main([]) == 1
    assert boxes == [(None, said, "parapp", 0x10)]


def test_a_passphrase_is_not_asked_where_nobody_can_type_it(tmp_path):
    """A script that forgot --pin-stdin: one line saying how to give it, not a prompt echoed
    into a log, a warning and a traceback at the end of the input."""
    proc = subprocess.run([sys.executable, "-m", "parapp", "key", "new", "--member", "SNV",
                           "-o", str(tmp_path / "SNV.key")], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120)
    assert (proc.returncode, proc.stdout, proc.stderr) == (1, "", (
        "parapp: lỗi: Mật khẩu bảo vệ khóa (để trống: không đặt): không có ai nhập ở đây; "
        "trong một tập lệnh, đưa vào qua stdin với --pin-stdin\n"))
    assert list(tmp_path.iterdir()) == []


def test_a_year_zero_is_a_wrong_year_not_a_missing_one(tmp_path, capsys):
    assert main(["new", str(tmp_path / "n.parapp"), "--province", "Tỉnh A", "--year", "0"]) == 1
    assert capsys.readouterr().err == "parapp: lỗi: Năm không hợp lệ: 0\n"
    assert list(tmp_path.iterdir()) == []


def test_odd_numbers_and_folders_are_refused_in_one_line(small_demo, tmp_path, capsys):
    """'8_5' is 85 to Python; nan and inf are floats; --all-units into a file. Each refused,
    named, nothing written."""
    from parapp.core.numbers import parse_decimal
    with pytest.raises(ValueError):
        parse_decimal("8_5")
    text = tmp_path / "ghi-chu.txt"
    text.write_text("x", encoding="utf-8")
    pdf = tmp_path / "van-ban.pdf"
    assert main(["report", "annex", str(small_demo), "-o", str(pdf)]) == 0
    capsys.readouterr()
    for args, said in (
            (["report", "notice", small_demo, "--all-units", "-o", text],
             f"{text}: không phải thư mục; --all-units cần -o THƯ_MỤC"),
            (["report", "notice", small_demo, "--all-units", "-o", text / "con"],
             f"{text / 'con'}: không tạo được thư mục (Not a directory)"),
            (["sign", pdf, "-o", tmp_path / "ky.pdf", "--pkcs12", text, "--box",
              "nan,nan,nan,nan"], "--box cần 4 số x1,y1,x2,y2 (điểm, tính từ góc dưới trái): "
                                  "nan,nan,nan,nan")):
        assert main([str(a) for a in args]) == 1
        assert capsys.readouterr().err == f"parapp: lỗi: {said}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([small_demo.name,
                                                                 "ghi-chu.txt", "van-ban.pdf"])


def test_the_program_collects_garbage_once_its_libraries_are_in(small_demo, tmp_path):
    """The whole program holds the cyclic collector off while it imports, and must bring it
    back: a window open all day, or a command reading a province, would otherwise keep every
    cycle it makes. A test's main([...]) leaves the collector alone (its garbage stays)."""
    probe = ("import gc, sys, parapp.cli as cli, parapp.ui.app as app\n"
             "def state():\n"
             "    print('collector', gc.isenabled(), gc.get_freeze_count() > 0, file=sys.stderr)\n"
             "def window(path):\n"
             "    state()\n"
             "    return 0\n"
             "opened = cli._open\n"
             "def command_opens(*args, **kwargs):\n"
             "    store = opened(*args, **kwargs)\n"
             "    state()\n"
             "    return store\n"
             "app.run_gui, cli._open = window, command_opens\n"
             "sys.argv = ['parapp'] + sys.argv[1:]\n"
             "sys.exit(cli.main())\n")
    for args in ([str(small_demo)], ["info", str(small_demo)]):
        proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                              text=True, timeout=120, cwd=tmp_path,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert (proc.returncode, proc.stderr) == (0, "collector True True\n"), args
    assert gc.isenabled() and main(["info", str(small_demo)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0


def error_paths(f, tmp_path):
    """Command lines that fail, one per kind of failure the command line reaches."""
    missing = tmp_path / "khong-co.parapp"
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải PDF", encoding="utf-8")
    return [
        ["info", missing], ["info", text], ["ranking", f, "--block", "HUYEN"],
        ["settings", f, "tie_policy"], ["settings", f, "colour=red"],
        ["override", f, "SYT", "xuat_sac"], ["override", f, "KHONGCO", "tot", "--reason",
                                             "Kết luận thanh tra số 12/KL-TTr"],
        ["not-applicable", f, "SYT", "1.1"], ["report", "unit", f, "-o", tmp_path / "u.pdf"],
        ["export", "scores", missing, "-o", tmp_path / "x.xlsx"],
        ["import", "scores", f, tmp_path / "khong-co.xlsx"],
        ["verify", text], ["verify", f], ["sign", text, "-o", tmp_path / "o.pdf"],
        ["sign", text, "-o", tmp_path / "o.pdf", "--pkcs12", tmp_path / "k.p12"],
        ["member-key", f, "SNV"], ["package", "seal", f],
        ["merge", f, tmp_path / "goi.parapp"],
        ["new", tmp_path / "n.parapp"], ["ranking"], ["chek", f], ["--lang", "fr", "info", f],
        ["info", f, "--format", "xml"], ["template", "diem", "-o", tmp_path / "t.xlsx"],
    ]


def test_every_error_line_starts_the_same_way(small_demo, tmp_path, capsys, no_window):
    for args in error_paths(small_demo, tmp_path):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code
        _, err = capsys.readouterr()
        assert code != 0, args
        assert err and all(line.startswith("parapp: ") for line in err.splitlines()), (args, err)


def test_english_is_available(small_demo, capsys):
    code, _out, err = run(capsys, "--lang", "en", "ranking", small_demo, "--block", "XYZ")
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
    before = small_demo.read_bytes()
    for placeholder in ("…", "...", "x", "-", "abc", "lý do", "Lý do điều chỉnh.", "Đã xem"):
        code, _, err = run(capsys, "override", small_demo, "SYT", "tot", "--reason", placeholder)
        assert (code, err) == (1, f"parapp: lỗi: Đơn vị SYT: lý do '{placeholder}' chưa nói rõ "
                                  "căn cứ; hãy ghi căn cứ điều chỉnh, ví dụ 'Kết luận thanh tra "
                                  "số 12/KL-TTr ngày 5/6/2025'\n")
    assert small_demo.read_bytes() == before

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


def test_output_is_utf8_when_redirected_under_a_windows_code_page(tmp_path):
    """Windows encodes a redirected stdout/stderr with the ANSI code page (cp1252 has no "Đ",
    "ạ", "ỗ"): PYTHONIOENCODING=cp1252 does the same here."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}

    def parapp(*args):
        proc = subprocess.run([sys.executable, "-m", "parapp", *map(str, args)],
                              capture_output=True, env=env, timeout=120)
        return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")

    path = tmp_path / "Hội đồng 2025.parapp"
    assert parapp("new", path, "--province", "Tỉnh Sơn Hà", "--year", 2025) == (
        0, f"Đã tạo kỳ đánh giá Tỉnh Sơn Hà năm 2025: {path}\n", "")
    assert parapp("info", tmp_path / "khong-co.parapp") == (
        1, "", f"parapp: lỗi: {tmp_path / 'khong-co.parapp'}: không tìm thấy tệp\n")
    code, out, err = parapp("--help")
    assert code == 0 and err == "" and "Thẩm định Chỉ số cải cách hành chính" in out
    code, out, err = parapp("ranking", "--help")
    assert code == 0 and err == "" and "--block" in out
