"""Output files are replaced whole or not at all; work files a killed run leaves beside them are
cleaned up, or reported, the next time the folder's file is opened."""
import os
import subprocess
import sys
import textwrap

import pytest

from parapp.cli import main
from parapp.core.errors import ParappError
from parapp.core.files import clean_leftovers, replacing, this_host, work_path, write_bytes


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
