"""Output files are replaced whole or not at all; work files a killed run leaves beside them are
cleaned up, or reported, the next time the folder's file is opened."""
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parapp.cli import main
from parapp.core import files
from parapp.core.carry_over import create_from_period
from parapp.core.demo import build_demo
from parapp.core.errors import ParappError
from parapp.core.files import clean_leftovers, replacing, this_host, work_path, write_bytes
from parapp.core.interchange.importer import create_period
from parapp.core.lock import read_owner
from parapp.core.store import Store


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "phu-luc.pdf"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with replacing(out) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("crash while writing")
    assert out.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [out]
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [out]


def test_an_unwritable_place_is_a_message_naming_the_file(tmp_path):
    out = tmp_path / "khong-co" / "bang-diem.xlsx"
    with pytest.raises(ParappError, match=r"khong-co/bang-diem.xlsx: không ghi được tệp"):
        write_bytes(out, b"x")


def killed_run(code: str, *args) -> None:
    """Run `code` in another process that is killed (os._exit) where the code says KILL."""
    script = textwrap.dedent(code).replace("KILL", "os._exit(9)")
    proc = subprocess.run([sys.executable, "-c", "import os, sys\n" + script, *map(str, args)])
    assert proc.returncode == 9


def test_what_killed_runs_left_is_removed_when_the_folder_is_next_used(small_demo, capsys):
    folder = small_demo.parent
    out = folder / "phu-luc.pdf"
    killed_run("""
        from parapp.core.files import replacing
        with replacing(sys.argv[1]) as tmp:
            tmp.write_bytes(b"half a PDF")
            KILL
    """, out)
    killed_run("""
        import sqlite3
        from parapp.core.files import work_path
        con = sqlite3.connect(work_path(sys.argv[1]))  # a package being made, as a database
        con.execute("CREATE TABLE t (x)")
        con.execute("BEGIN")
        con.execute("INSERT INTO t VALUES (1)")  # mid-transaction: with its journal
        KILL
    """, folder / "goi-SNV.parapp")
    left = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
    assert len(left) == 3 and all(".parapp-tmp" in name for name in left)
    assert any(name.endswith(".parapp-tmp-journal") for name in left)

    code = main(["info", str(small_demo)])
    _, err = capsys.readouterr()
    assert code == 0
    assert err == (f"parapp: {folder}: đã xóa 3 tệp tạm do parapp bỏ lại khi bị dừng giữa chừng "
                   f"({', '.join(left)})\n")
    assert sorted(p.name for p in folder.iterdir()) == [small_demo.name]


def test_only_parapp_work_files_of_dead_runs_of_this_machine_are_removed(tmp_path):
    target = tmp_path / "ky.parapp"
    ours = work_path(target).name
    other_host = ours.replace(f"@{this_host()}.", "@may-khac.")
    alive = ours.replace(f".{os.getpid()}@", f".{os.getppid()}@")  # a running process
    not_ours = [".ky.parapp.1234.tmp", "ky.parapp-tmp", ".ky.parapp.99999@x.parapp-tmp",
                "ghi-chu.txt", ".~lock.ky.parapp#"]
    for name in [other_host, alive, *not_ours]:
        (tmp_path / name).write_bytes(b"")
    found = clean_leftovers(tmp_path)
    assert found.removed == () and found.unsure == (other_host,)
    assert found.message() == (
        f"{tmp_path}: còn 1 tệp tạm của parapp trên máy khác hoặc đã lâu không đổi "
        f"({other_host}); nếu không còn parapp nào đang chạy với thư mục này, có thể xóa chúng")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other_host, alive, *not_ours])
    day_old = os.stat(tmp_path / alive).st_mtime - 2 * 86400
    os.utime(tmp_path / alive, (day_old, day_old))  # alive, or its pid reused: not sure
    assert clean_leftovers(tmp_path).unsure == tuple(sorted([alive, other_host]))
    assert clean_leftovers(tmp_path / "khong-co").message() is None


def test_the_window_reports_leftovers_in_its_status_bar(qtbot, small_demo):
    from qt_helpers import open_window
    killed_run("""
        from parapp.core.files import replacing
        with replacing(sys.argv[1]) as tmp:
            KILL
    """, small_demo.parent / "tong-hop.xlsx")
    w = open_window(qtbot, small_demo)
    assert w.statusBar().currentMessage().startswith(
        f"{small_demo.parent}: đã xóa 1 tệp tạm do parapp bỏ lại khi bị dừng giữa chừng (.tong-hop")
    assert sorted(p.name for p in small_demo.parent.iterdir()) == sorted(
        [small_demo.name, f".~lock.{small_demo.name}#"])


def test_a_replace_windows_refuses_for_a_moment_is_tried_again(tmp_path, monkeypatch):
    """A scanner, the indexer or OneDrive holding the file just written: Windows refuses the
    replace (PermissionError) for a moment, and it goes through once they let go."""
    out = tmp_path / "phu-luc.pdf"
    out.write_bytes(b"old")
    refusals, waits, replace = [PermissionError(13, "Access is denied")] * 3, [], os.replace

    def busy_then_free(src, dst):
        if refusals:
            raise refusals.pop()
        replace(src, dst)
    monkeypatch.setattr(files, "_WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", busy_then_free)
    monkeypatch.setattr(files.time, "sleep", waits.append)
    write_bytes(out, b"new")
    assert out.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [out]
    assert waits == [0.05, 0.1, 0.15]


def test_a_replace_that_stays_refused_says_so_and_leaves_the_old_file(tmp_path, monkeypatch):
    """Still refused after a second (a reader has the file open), and the work file held too:
    the message that says what to do is the one given, not the failed clean-up's."""
    out = tmp_path / "phu-luc.pdf"
    out.write_bytes(b"old")
    waits = []

    def refused(*_paths):
        raise PermissionError(13, "Access is denied")
    monkeypatch.setattr(files, "_WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", refused)
    monkeypatch.setattr(files.time, "sleep", waits.append)
    unlink = Path.unlink

    def held(path, missing_ok=False):
        if path.name.endswith(".parapp-tmp"):
            raise PermissionError(13, "Access is denied")
        unlink(path, missing_ok=missing_ok)
    monkeypatch.setattr(Path, "unlink", held)
    with pytest.raises(ParappError) as err:
        write_bytes(out, b"new")
    assert str(err.value) == (
        f"{out}: không ghi được tệp (Access is denied); nếu tệp đang mở trong một chương trình "
        "khác (trình đọc PDF, Excel), hãy đóng tệp rồi thử lại")
    assert out.read_bytes() == b"old" and len(waits) == 6 and sum(waits) == pytest.approx(1.0)


def test_a_file_open_for_editing_is_never_replaced_by_a_new_one(small_demo, tmp_path, capsys):
    """A new period, last year's carried over or the demo built again, saved over a file a
    parapp has open for editing (this one too): refused before anything is written, naming it;
    the file and the editor's work are untouched."""
    other = tmp_path / "nam-truoc.parapp"
    shutil.copy(small_demo, other)
    before = small_demo.read_bytes()
    with Store.open(small_demo, lock=True):
        owner = read_owner(small_demo)
        refusal = (f"{small_demo}: tệp đang được {owner.user} trên máy {owner.host} mở để chỉnh "
                   "sửa, không ghi đè được; hãy đóng tệp đó rồi thử lại, hoặc chọn tên khác")
        for create in (lambda: create_period(small_demo, "Tỉnh Sơn Hà", 2026, overwrite=True),
                       lambda: create_from_period(small_demo, other, overwrite=True),
                       lambda: Store.create(small_demo, "Tỉnh Sơn Hà", 2026, overwrite=True),
                       lambda: build_demo(small_demo, overwrite=True)):
            with pytest.raises(ParappError) as err:
                create()
            assert str(err.value) == refusal
        assert main(["demo", str(small_demo), "--force"]) == 1
        assert capsys.readouterr().err == f"parapp: lỗi: {refusal}\n"
        assert small_demo.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([small_demo.name, other.name])
    build_demo(small_demo, overwrite=True, units=3)  # closed: replaced as asked
    assert small_demo.read_bytes() != before


def test_a_file_from_a_unit_is_marked_as_from_the_internet_on_windows(tmp_path, monkeypatch):
    """Windows' Mark of the Web: the stream Zone.Identifier beside the file's data, the Internet
    zone (3). Elsewhere nothing is written; on Windows this is the file's alternate stream,
    which this test, on Linux, sees as a file named so."""
    document = tmp_path / "bao-cao.doc"
    document.write_bytes(b"document")
    files.mark_from_elsewhere(document)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.doc"]
    monkeypatch.setattr(files, "_WINDOWS", True)
    files.mark_from_elsewhere(document)
    assert (tmp_path / "bao-cao.doc:Zone.Identifier").read_bytes() == (
        b"[ZoneTransfer]\r\nZoneId=3\r\n")
    assert document.read_bytes() == b"document"


def test_the_folders_of_opened_evidence_that_outlived_their_parapp_are_removed(tmp_path,
                                                                               monkeypatch):
    """A crash or a kill skips the clean-up at exit, and Windows keeps the files a viewer still
    has open: the next parapp removes the folders of processes of this machine that are gone,
    and only those."""
    monkeypatch.setattr(files.tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    gone = tmp_path / f"parapp-tlkc-{dead}-k2j3h4"
    (gone / "sub").mkdir(parents=True)
    (gone / "sub" / "ho-so.pdf").write_bytes(b"%PDF")
    running = tmp_path / f"parapp-tlkc-{os.getppid()}-a1b2c3"  # a live process's
    running.mkdir()
    others = [tmp_path / "parapp-tlkc-abc", tmp_path / f"parapp-xls-{dead}-q", tmp_path / "x"]
    for other in others:
        other.mkdir()
    made = files.private_temp_dir("tlkc")
    assert made.parent == tmp_path and made.name.startswith(f"parapp-tlkc-{os.getpid()}-")
    assert made.stat().st_mode & 0o777 == 0o700
    assert sorted(tmp_path.iterdir()) == sorted([made, running, *others])


def test_an_output_is_never_written_over_a_parapp_file(small_demo, tmp_path, capsys):
    """`-o` given the period's own name, or a package's: a workbook or a PDF written there would
    be the end of the period. Refused, naming it; a copy is never saved over the file itself
    nor over one open for editing."""
    package = tmp_path / "goi.parapp"
    shutil.copy(small_demo, package)
    before = {p: p.read_bytes() for p in (small_demo, package)}
    for args in (["export", "summary", small_demo, "-o", small_demo],
                 ["progress", small_demo, "-o", package]):
        assert main([str(a) for a in args]) == 1, args
        out = args[-1]
        assert capsys.readouterr().err == (
            f"parapp: lỗi: {out}: đây là tệp dữ liệu parapp, không ghi đè bằng tệp xuất ra; "
            "chọn tên khác\n")
    with Store.open(small_demo, lock=True) as store, Store.open(package, lock=True):
        with pytest.raises(ParappError, match="đây là chính tệp đang mở; chọn tên khác"):
            store.save_copy(small_demo)
        with pytest.raises(ParappError, match="mở để chỉnh sửa, không ghi đè được"):
            store.save_copy(package)
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([small_demo.name, package.name])


def test_an_output_never_replaces_a_device_a_pipe_or_a_folder(small_demo, tmp_path, capsys):
    """`-o /dev/null` run as root: the workbook written aside and renamed over it replaced the
    device with a file; a named pipe made the command wait for ever. Refused, named."""
    pipe = tmp_path / "ong"
    os.mkfifo(pipe)
    for out in (pipe, tmp_path):  # not /dev/null itself: a regression would replace it
        assert main(["export", "summary", str(small_demo), "-o", str(out)]) == 1
        assert capsys.readouterr().err == (
            f"parapp: lỗi: {out}: không phải một tệp thường; chọn tên tệp khác\n")
    assert pipe.is_fifo()
