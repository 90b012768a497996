"""Bad data in a file never ends in "lỗi không mong đợi": a value edited in with an SQLite tool
(text, a blob, an infinity, broken JSON, an id pointing nowhere) or a damaged page is named —
file, table, row, column, value — with what to do; commands that fail leave the file as it was."""
import hashlib
import json
import shutil
import sqlite3
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Integer, LargeBinary, String

from parapp.cli import main
from parapp.core.errors import FileFormatError
from parapp.core.integrity import HISTORY
from parapp.core.models import Base, DecimalText, JSONText
from parapp.core.store import Store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def sql(path: Path, statement: str, *params) -> None:
    con = sqlite3.connect(path)
    con.execute(statement, params)
    con.commit()
    con.close()


def a_score(path: Path, unit: str = "SYT") -> tuple[int, str]:
    """(score id, criterion code) of one of `unit`'s scores."""
    con = sqlite3.connect(path)
    row = con.execute("SELECT s.id, c.code FROM score s JOIN unit u ON u.id = s.unit_id "
                      "JOIN criterion c ON c.id = s.criterion_id WHERE u.code = ? "
                      "AND s.self_points IS NOT NULL ORDER BY s.id LIMIT 1", (unit,)).fetchone()
    con.close()
    return row


# -- one line naming file, table, row, column, value and what to do ------------------------------

def test_a_score_holding_text_refuses_the_file_with_one_line_and_check_lists_it(small_demo,
                                                                                 capsys):
    score_id, code = a_score(small_demo)
    sql(small_demo, "UPDATE score SET appraisal_points = 'tám' WHERE id = ?", score_id)
    before = sha(small_demo)
    for command in (["info"], ["ranking"], ["export", "summary"], ["override"]):
        args = {"info": ["info", small_demo], "ranking": ["ranking", small_demo],
                "export": ["export", "summary", small_demo, "-o", small_demo.with_suffix(".xlsx")],
                "override": ["override", small_demo, "SYT", "clear"]}[command[0]]
        code_, out, err = run(capsys, *args)
        assert (code_, out) == (1, "")
        assert err == (
            f"parapp: lỗi: {small_demo}: dữ liệu hỏng ở bảng điểm (score), đơn vị SYT, tiêu chí "
            f"{code}, cột appraisal_points: giá trị 'tám' không phải là số; hãy khôi phục bản sao "
            f"lưu gần nhất hoặc sửa giá trị này bằng công cụ SQLite; lệnh parapp check "
            f"{small_demo} liệt kê tất cả\n")
    assert sha(small_demo) == before and not small_demo.with_suffix(".xlsx").exists()

    code_, out, err = run(capsys, "check", small_demo)
    assert code_ == 1 and err == ""
    assert out.splitlines()[:2] == [
        "LỖI — giá trị không đọc được: 1 giá trị",
        f"    bảng điểm (score), đơn vị SYT, tiêu chí {code}: cột appraisal_points: giá trị "
        "'tám' không phải là số"]
    assert out.splitlines()[-1] == ("Kết quả kiểm tra: 2 lỗi, 0 cảnh báo — có lỗi, chưa công "
                                    "bố được.")
    assert sha(small_demo) == before


def test_criteria_whose_parents_form_a_loop_refuse_the_file(small_demo, capsys):
    """Two criteria each other's parent, edited in by hand: they and everything under them drop
    out of the tree and of every total, silently. Refused on open, named; check lists them."""
    con = sqlite3.connect(small_demo)
    (first, second), = [con.execute("SELECT min(id), max(id) FROM criterion WHERE code IN "
                                    "('1.1', '1.2')").fetchone()]
    con.close()
    sql(small_demo, "UPDATE criterion SET parent_id = ? WHERE id = ?", second, first)
    sql(small_demo, "UPDATE criterion SET parent_id = ? WHERE id = ?", first, second)
    before = sha(small_demo)
    code_, out, err = run(capsys, "ranking", small_demo)
    assert (code_, out) == (1, "")
    assert err.startswith(
        f"parapp: lỗi: {small_demo}: dữ liệu hỏng ở bảng tiêu chí (criterion), mã 1.1, cột "
        f"parent_id: giá trị {second} không thuộc cây tiêu chí: các tiêu chí cha tạo thành "
        "vòng, hoặc lồng quá 50 tầng")
    code_, out, _err = run(capsys, "check", small_demo)
    lines = [line.strip() for line in out.splitlines() if "không thuộc cây tiêu chí" in line]
    assert code_ == 1 and [line.split(":")[0] for line in lines] == [
        "bảng tiêu chí (criterion), mã 1.1", "bảng tiêu chí (criterion), mã 1.2"] + [
        line.split(":")[0] for line in lines[2:]]  # and whatever hangs under them
    assert sha(small_demo) == before


@pytest.mark.parametrize("update, where, why", [
    ("UPDATE period SET year = 10000", "kỳ đánh giá (period), dòng 1, cột year: giá trị 10000",
     "không phải năm trong khoảng 2000…2100"),
    ("UPDATE criterion SET max_points = '1e39' WHERE code = '1.1'",
     "tiêu chí (criterion), mã 1.1, cột max_points: giá trị '1e39'",
     "quá lớn hoặc quá nhiều chữ số"),
    ("UPDATE score SET self_points = '12345678901234567890123456' WHERE id = "
     "(SELECT min(id) FROM score WHERE self_points IS NOT NULL)", "cột self_points: giá trị "
     "'12345678901234567890123456'", "quá lớn hoặc quá nhiều chữ số"),
    ("UPDATE unit SET name = printf('%.300000c', 'S') WHERE code = 'SYT'",
     "đơn vị (unit), mã SYT, cột name: giá trị 'SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS…'",
     "dài 300000 ký tự, quá 100000")])
def test_values_past_what_dates_and_rounding_take_refuse_the_file(small_demo, capsys, update,
                                                                   where, why):
    """Edited in by hand: a year with no date (every report, the classification and the check
    failed on it), a number past Decimal's 28 digits once rounded for display (the analysis,
    the exports and every report failed), a name of hundreds of thousands of characters (every
    report laid it out for minutes). Named on open."""
    sql(small_demo, update)
    code_, out, err = run(capsys, "ranking", small_demo)
    assert (code_, out) == (1, "") and f"{where} {why}" in err, err


def test_a_score_hiding_a_nul_character_is_found_and_shown_escaped(small_demo, capsys):
    """SQLite's string functions stop at a NUL: '4\\x00' looks like 4 to them, not to Python."""
    score_id, code = a_score(small_demo)
    sql(small_demo, "UPDATE score SET self_points = ? WHERE id = ?", "4\x005", score_id)
    code_, out, err = run(capsys, "info", small_demo)
    assert (code_, out) == (1, "")
    assert f"tiêu chí {code}, cột self_points: giá trị '4\\x005' không phải là số;" in err


def test_every_bad_value_is_one_line_of_check_and_the_message_is_english_too(small_demo, capsys):
    score_id, code = a_score(small_demo)
    sql(small_demo, "UPDATE score SET self_points = ?, appraisal2_points = ? WHERE id = ?",
        b"\x00\xff", "Infinity", score_id)
    sql(small_demo, "UPDATE criterion SET max_points = 'NaN' WHERE code = '1'")
    sql(small_demo, "UPDATE survey_result SET sipas_pct = ? WHERE unit_id = "
        "(SELECT id FROM unit WHERE code = 'SYT')", float("inf"))
    sql(small_demo, "UPDATE setting SET value = '{\"broken' WHERE key = 'place'")
    sql(small_demo, "UPDATE audit SET changes = '[1, 2' WHERE id = 1")
    code_, out, _ = run(capsys, "check", small_demo, "--format", "json")
    report = json.loads(out)
    assert code_ == 1 and report["errors"] == 7
    assert [(p["where"], p["message"]) for p in report["problems"][:6]] == [
        ("bảng thiết lập (setting), khóa place", "cột value: giá trị '{\"broken' không phải JSON "
                                                 "hợp lệ"),
        ("bảng tiêu chí (criterion), mã 1", "cột max_points: giá trị 'NaN' không phải là số"),
        ("bảng điểm (score), đơn vị SYT, tiêu chí " + code,
         "cột self_points: giá trị x'00ff' không phải là số"),
        ("bảng điểm (score), đơn vị SYT, tiêu chí " + code,
         "cột appraisal2_points: giá trị 'Infinity' không phải là số"),
        ("bảng kết quả khảo sát (survey_result), đơn vị SYT",
         "cột sipas_pct: giá trị 'Inf' không phải là số"),
        ("bảng nhật ký (audit), dòng 1", "cột changes: giá trị '[1, 2' không phải JSON hợp lệ")]
    assert report["problems"][6]["message"].startswith(
        "6 giá trị không đọc được; hãy khôi phục bản sao lưu gần nhất")
    code_, _, err = run(capsys, "--lang", "en", "classify", small_demo)
    assert code_ == 1 and err == (
        f"parapp: error: {small_demo}: damaged data in table setting, key place, column value: "
        "value '{\"broken' is not valid JSON (and 4 more); set it again: parapp settings "
        f"{small_demo} place=… (or restore a backup); parapp check {small_demo} lists them all\n")


@pytest.mark.parametrize("value,shown", [("01/09/2025", "'01/09/2025'"),
                                         ("2025-02-30", "'2025-02-30'"), (20250901, "'20250901'")])
def test_a_date_of_taking_up_the_post_that_is_not_iso_is_named(small_demo, capsys, value, shown):
    sql(small_demo, "UPDATE unit SET head_since = ? WHERE code = 'SCT'", value)
    before = sha(small_demo)
    code, out, err = run(capsys, "classify", small_demo)
    assert (code, out) == (1, "") and err == (
        f"parapp: lỗi: {small_demo}: dữ liệu hỏng ở bảng đơn vị (unit), mã SCT, cột head_since: "
        f"giá trị {shown} không hợp lệ (không phải ngày dạng yyyy-mm-dd); hãy khôi phục bản sao "
        "lưu gần nhất hoặc sửa giá trị này bằng công cụ SQLite; lệnh parapp check "
        f"{small_demo} liệt kê tất cả\n")
    assert sha(small_demo) == before


def test_a_setting_its_spec_refuses_is_named_and_can_be_set_again(small_demo, capsys):
    sql(small_demo, "UPDATE setting SET value = '\"ngày mai\"' WHERE key = 'decision_date'")
    before = sha(small_demo)
    code, _, err = run(capsys, "ranking", small_demo)
    assert code == 1 and err == (
        f"parapp: lỗi: {small_demo}: dữ liệu hỏng ở bảng thiết lập (setting), khóa decision_date, "
        "cột value: giá trị '\"ngày mai\"' không hợp lệ (ngày phải có dạng dd/mm/yyyy hoặc "
        f"yyyy-mm-dd); hãy đặt lại: parapp settings {small_demo} decision_date=… (hoặc khôi phục "
        f"bản sao lưu); lệnh parapp check {small_demo} liệt kê tất cả\n")
    # another setting changed meanwhile would be committed into a file that still fails: refused
    code, _, err = run(capsys, "settings", small_demo, "tie_policy=shared")
    assert code == 1 and err.count("\n") == 1 and "khóa decision_date" in err
    assert sha(small_demo) == before
    code, out, err = run(capsys, "settings", small_demo, "decision_date=05/02/2027",
                         "--format", "json")
    assert (code, err) == (0, "") and json.loads(out)["decision_date"] == "2027-02-05"
    with Store.open(small_demo) as store:  # readable again, and the repair is audited
        assert store.settings().document["decision_date"] == "2027-02-05"
        assert store.audit()[-1].changes == {"value": ['"ngày mai"', '"2027-02-05"']}


def test_a_setting_holding_broken_json_can_be_set_again_and_its_text_stays_in_the_audit(
        small_demo, capsys):
    sql(small_demo, "UPDATE setting SET value = '[\"TM. ỦY BAN' WHERE key = 'signer_authority'")
    code, _, _ = run(capsys, "settings", small_demo, "signer_authority=TM. ỦY BAN NHÂN DÂN")
    assert code == 0
    with Store.open(small_demo) as store:
        assert store.settings().document["signer_authority"] == ["TM. ỦY BAN NHÂN DÂN"]
        assert store.audit()[-1].changes["value"][0] == json.dumps('["TM. ỦY BAN',
                                                                   ensure_ascii=False)


def test_a_command_that_fails_leaves_the_file_byte_identical(small_demo, capsys, tmp_path):
    before = sha(small_demo)
    rules = tmp_path / "quy-tac.json"
    for value in ("[5]", "[{}]", '[{"grade": "tot", "component_min": 5}]',
                  '[{"grade": "tot", "min_index": 90.5}]', '[{"grade": "gioi"}]', "{broken"):
        rules.write_text(value, encoding="utf-8")
        code, out, err = run(capsys, "settings", small_demo, "tie_policy=shared",
                             f"classification=@{rules}")
        assert (code, out) == (1, "") and err.count("\n") == 1
        assert err.startswith("parapp: lỗi: Thiết lập 'classification' không hợp lệ: "), err
        assert sha(small_demo) == before
    # nested past what Python reads, and caps that would be a billion digits long or too fine
    rules.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for assignment, why in ((f"classification=@{rules}", "JSON lồng quá nhiều tầng"),
                            ("bonus_cap=1e999999999", "phải trong khoảng 0…1000"),
                            ("penalty_cap=-1", "phải trong khoảng 0…1000"),
                            ("bonus_cap=2,123456", "nhiều hơn 4 chữ số thập phân")):
        key = assignment.split("=")[0]
        assert run(capsys, "settings", small_demo, assignment) == (
            1, "", f"parapp: lỗi: Thiết lập '{key}' không hợp lệ: {why}\n")
        assert sha(small_demo) == before


# -- every typed column the models declare, any bad shape ----------------------------------------

def _typed_columns():
    """(table, column, kind) of every column whose stored value the models read as a type."""
    out = []
    for table in Base.metadata.sorted_tables:
        for c in table.columns:
            if c.foreign_keys:
                kind = "id"
            elif isinstance(c.type, DecimalText):
                kind = "decimal"
            elif isinstance(c.type, JSONText):
                kind = "json"
            elif isinstance(c.type, Boolean):
                kind = "bool"
            elif isinstance(c.type, Integer) and not c.primary_key:
                kind = "int"
            elif isinstance(c.type, LargeBinary):
                kind = "binary"
            elif isinstance(c.type, String):  # names, notes, codes: a blob is not text
                kind = "text"
            else:
                continue
            out.append((table.name, c.name, kind))
    return out


def _not_decimal(text: str) -> bool:
    try:
        return not Decimal(text).is_finite()
    except InvalidOperation:
        return True


def _not_json(text: str) -> bool:
    try:
        json.loads(text, parse_constant=lambda c: 1 / 0)
        return False
    except (ValueError, ZeroDivisionError):
        return True


_ANY_BAD = st.one_of(st.binary(max_size=12), st.just(float("inf")), st.just(-float("inf")))
BAD = {
    "decimal": st.one_of(_ANY_BAD, st.sampled_from(["NaN", "-Infinity", "1.2.3", "", ".", "8,5",
                                                    "1e99999999", "\x00", "4\x005"]),
                         st.text(max_size=12).filter(_not_decimal)),
    "json": st.one_of(_ANY_BAD, st.sampled_from(["{", "NaN", "[1,]", "{'a': 1}", "tru"]),
                      st.text(max_size=12).filter(_not_json)),
    "int": st.one_of(_ANY_BAD, st.floats(allow_nan=False), st.text(min_size=1, max_size=12)),
    "bool": st.one_of(_ANY_BAD, st.integers(-2 ** 63, 2 ** 63 - 1), st.text(min_size=1, max_size=12)),
    "id": st.one_of(st.integers(min_value=10 ** 6, max_value=2 ** 62),
                    st.text(min_size=1, max_size=12)),
    "binary": st.one_of(st.text(max_size=12), st.integers(-2 ** 63, 2 ** 63 - 1), st.just(0.5)),
    "text": st.binary(max_size=12),
}


def _fine(con: sqlite3.Connection, table: str, column: str, kind: str, stored) -> bool:
    """Whether SQLite turned the value into a sound one ('12' into 12 in an integer column)."""
    if kind == "int":
        return type(stored) is int
    if kind == "bool":
        return type(stored) is int and stored in (0, 1)
    if kind == "id":
        target = next(iter(Base.metadata.tables[table].c[column].foreign_keys)).column
        return con.execute(f'SELECT count(*) FROM "{target.table.name}" WHERE "{target.name}" = ?',
                           (stored,)).fetchone()[0] > 0
    return False


@pytest.fixture(scope="module")
def with_rows(_small_demo_master):
    """The typed columns of tables that have rows in the demo (a value can be put there)."""
    con = sqlite3.connect(_small_demo_master)
    found = [(t, c, k) for t, c, k in _typed_columns()
             if con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
    con.close()
    return found


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_bad_value_in_any_typed_column_is_named_never_a_crash(
        data, with_rows, _small_demo_master, tmp_path_factory, capsys):
    table, column, kind = data.draw(st.sampled_from(with_rows), label="column")
    value = data.draw(BAD[kind], label="value")
    path = tmp_path_factory.getbasetemp() / "ky.parapp"
    shutil.copy(_small_demo_master, path)
    con = sqlite3.connect(path)
    rowids = [r for (r,) in con.execute(f'SELECT rowid FROM "{table}"')]
    rowid = data.draw(st.sampled_from(rowids), label="row")
    try:
        con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (value, rowid))
        con.commit()
    except sqlite3.IntegrityError:  # a constraint of the schema refuses it: nothing to find
        con.close()  # its failed write holds the file's write lock until then
        assume(False)
    stored, = con.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
    sound = _fine(con, table, column, kind, stored)
    con.close()
    assume(not sound)
    before = sha(path)

    code, out, err = run(capsys, "check", path)
    assert code == 1 and err == "", err
    assert any(line.startswith("    bảng ") and f"({table})" in line
               and f": cột {column}: giá trị " in line for line in out.splitlines()), out
    code, out, err = run(capsys, "info", path)
    if table in HISTORY:  # not read by any view: found by check, not on open
        assert code == 0, err
    else:
        assert (code, out) == (1, "") and err.count("\n") == 1, err
        assert err.startswith(f"parapp: lỗi: {path}: dữ liệu hỏng ở bảng ") and \
            f"({table})" in err and f", cột {column}: giá trị " in err
        assert f"lệnh parapp check {path} liệt kê tất cả" in err
        with pytest.raises(FileFormatError):
            Store.open(path, readonly=True)
    assert sha(path) == before


# -- damaged pages -------------------------------------------------------------------------------

def test_a_damaged_page_says_what_to_do_on_open_and_in_check(small_demo, capsys):
    scribble_pages(small_demo)
    before = sha(small_demo)
    for command, exit_code in (("info", 1), ("check", 2)):  # check: could not check it
        code, out, err = run(capsys, command, small_demo)
        assert (code, out) == (exit_code, "") and err.count("\n") == 1
        assert err.startswith(f"parapp: lỗi: {small_demo}: tệp bị hỏng")
        assert err.endswith("hãy dùng bản sao lưu gần nhất (tệp .bak cạnh tệp, hoặc bản đã gửi "
                            "đi) — không ghi gì thêm vào tệp này\n")
    assert sha(small_demo) == before


def scribble_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096, 40 * 4096, 4096):  # scribble over b-tree page headers
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


# -- the checks the window leaves running beside its reading --------------------------------------

def test_checks_left_beside_the_reading_refuse_what_open_refuses(small_demo, tmp_path):
    damaged = tmp_path / "hong.parapp"
    shutil.copy(small_demo, damaged)
    scribble_pages(damaged)
    before = sha(damaged)
    with pytest.raises(FileFormatError) as now:
        Store.open(damaged)
    with pytest.raises(FileFormatError) as aside:  # at the opening or once the checks end
        store = Store.open(damaged, verify_aside=True)
        try:
            store.snapshot()
        finally:
            store.verified()
    assert str(aside.value) == str(now.value) and "tệp bị hỏng" in str(now.value)
    assert sha(damaged) == before

    score_id, code = a_score(small_demo)
    sql(small_demo, "UPDATE score SET self_points = 'x' WHERE id = ?", score_id)
    before = sha(small_demo)
    store = Store.open(small_demo, verify_aside=True)
    try:
        for _ in range(2):  # a refused file stays refused: never written
            with pytest.raises(FileFormatError, match="cột self_points: giá trị 'x' không phải"):
                with store.edit("test") as ed:
                    ed.set_self_score("SYT", code, "1")
    finally:
        store.close()
    assert sha(small_demo) == before


# -- an older file with a bad value is not upgraded ------------------------------------------------

def test_an_older_file_holding_a_bad_value_is_refused_before_it_is_upgraded(small_demo,
                                                                             monkeypatch):
    from parapp.core import fileformat
    score_id, _ = a_score(small_demo)
    sql(small_demo, "UPDATE score SET self_points = 'x' WHERE id = ?", score_id)
    older = fileformat.SCHEMA_VERSION - 1  # its last migration changes nothing here
    sql(small_demo, f"PRAGMA user_version = {older}")
    monkeypatch.setitem(fileformat.MIGRATIONS, older, lambda con: None)
    before = sha(small_demo)
    with pytest.raises(FileFormatError, match="cột self_points: giá trị 'x' không phải là số"):
        Store.open(small_demo)
    assert sha(small_demo) == before
    assert sorted(p.name for p in small_demo.parent.iterdir()) == [small_demo.name]


# -- the window opens files through the same core ------------------------------------------------

def refused_in_window(qtbot, monkeypatch, shown: Path, bad: Path) -> tuple[object, list, str]:
    """Open `bad` in a window showing `shown`: the window, the message boxes it showed, and
    the refusal `Store.open` gives for the file."""
    from PySide6.QtWidgets import QMessageBox
    from qt_helpers import open_file, open_window
    boxes: list = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: boxes.append((title, text)))
    w = open_window(qtbot, shown)
    assert not open_file(qtbot, w, bad)
    with pytest.raises(FileFormatError) as refused:
        Store.open(bad)
    return w, boxes, str(refused.value)


def test_the_window_shows_the_same_line_and_keeps_what_it_showed(qtbot, small_demo, tmp_path,
                                                                  monkeypatch):
    bad = tmp_path / "hong.parapp"
    shutil.copy(small_demo, bad)
    score_id, code = a_score(bad, "SYT")
    sql(bad, "UPDATE score SET appraisal_points = ? WHERE id = ?", b"\x01", score_id)
    w, boxes, refusal = refused_in_window(qtbot, monkeypatch, small_demo, bad)
    assert boxes == [("Không mở được tệp", refusal)]
    assert refusal.startswith(
        f"{bad}: dữ liệu hỏng ở bảng điểm (score), đơn vị SYT, tiêu chí {code}, cột "
        "appraisal_points: giá trị x'01' không phải là số; ")
    assert w.path == small_demo and not w.store.readonly  # still the file it showed
    assert not (tmp_path / ".~lock.hong.parapp#").exists()


def test_the_window_refuses_a_damaged_page_it_does_not_read_with_the_same_line(
        qtbot, small_demo, tmp_path, monkeypatch):
    bad = tmp_path / "hong.parapp"
    shutil.copy(small_demo, bad)
    # a page of the history, which the window does not read to show the file: only the check
    # of every page, running beside the reading, finds it
    con = sqlite3.connect(bad)
    page, size = con.execute("SELECT pageno, pgsize FROM dbstat WHERE name = 'audit' "
                             "AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1").fetchone()
    con.close()
    data = bytearray(bad.read_bytes())
    data[(page - 1) * size:(page - 1) * size + 64] = b"\xff" * 64
    bad.write_bytes(bytes(data))
    before = sha(bad)
    w, boxes, refusal = refused_in_window(qtbot, monkeypatch, small_demo, bad)
    assert boxes == [("Không mở được tệp", refusal)]
    assert "tệp bị hỏng" in refusal
    assert w.path == small_demo and not w.store.readonly
    assert sha(bad) == before and not (tmp_path / ".~lock.hong.parapp#").exists()
