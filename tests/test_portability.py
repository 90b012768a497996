"""Nothing may assume Linux (issue 16), shown on Linux: the bundle's spawned workers, file names
that Windows' case-insensitive rules would merge, SQLite URIs of network shares, the file
associations of Windows and Linux."""
from __future__ import annotations

import multiprocessing
import multiprocessing.spawn
import runpy
import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_a_spawned_worker_of_the_bundle_runs_the_worker_not_parapp(monkeypatch):
    """In the bundle, a "spawn" worker is parapp.exe started again with --multiprocessing-fork;
    PyInstaller's freeze_support turns it into the worker, if the entry point calls it."""
    ran = []

    def freeze_support():  # as PyInstaller's: a worker's command line runs it, then exits
        if multiprocessing.spawn.is_forking(sys.argv):
            ran.append("worker")
            raise SystemExit(0)

    monkeypatch.setattr(multiprocessing, "freeze_support", freeze_support)
    monkeypatch.setattr(sys, "argv", ["parapp.exe", "--multiprocessing-fork", "parent_pid=1",
                                      "pipe_handle=3"])
    monkeypatch.setattr("parapp.cli.main", lambda *a: pytest.fail("a worker started parapp"))
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(ROOT / "packaging" / "launcher.py"), run_name="__main__")
    assert exit_.value.code == 0 and ran == ["worker"]


def test_sqlite_uris_keep_odd_names_and_put_a_windows_share_in_the_path(tmp_path):
    from pathlib import PureWindowsPath

    from parapp.core.fileformat import uri_of
    from parapp.core.store import Store
    assert uri_of(PureWindowsPath(r"C:\Users\Nguyễn Văn A\Hồ sơ #1\2025.parapp")) == (
        "file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20A/H%E1%BB%93%20s%C6%A1%20%231/2025.parapp")
    share = r"\\may-chu\Hội đồng\2025 #2.parapp"
    assert uri_of(PureWindowsPath(share)) == (
        "file:////may-chu/H%E1%BB%99i%20%C4%91%E1%BB%93ng/2025%20%232.parapp")
    with pytest.raises(sqlite3.OperationalError, match="invalid uri authority"):
        sqlite3.connect(PureWindowsPath(share).as_uri(), uri=True)  # what as_uri() alone gives
    folder = tmp_path / "Hồ sơ #1 ?x=1"
    folder.mkdir()
    Store.create(folder / "kỳ 2025.parapp", "Tỉnh Sơn Hà", 2025).close()
    with Store.open(folder / "kỳ 2025.parapp", readonly=True) as store:
        assert store.period().province == "Tỉnh Sơn Hà"
    # a path after an empty host, as a share's is: SQLite takes it (Linux reads // as /)
    sqlite3.connect("file:///" + uri_of(folder / "kỳ 2025.parapp").removeprefix("file://")
                    + "?mode=ro", uri=True).execute("SELECT 1 FROM sqlite_master").close()


def test_generated_names_are_distinct_with_case_ignored():
    from parapp.core.files import distinct_names
    assert distinct_names(["thong-bao-SYT.pdf", "thong-bao-syt.pdf", "thong-bao-STP.pdf",
                           "thong-bao-Syt.pdf", "thong-bao-syt-2.pdf", "ghi-chu"]) == [
        "thong-bao-SYT.pdf", "thong-bao-syt-2.pdf", "thong-bao-STP.pdf", "thong-bao-Syt-3.pdf",
        "thong-bao-syt-2-2.pdf", "ghi-chu"]


def casefolded(paths) -> set[str]:
    return {Path(p).name.casefold() for p in paths}


def test_units_coded_alike_but_for_case_get_a_notice_and_a_package_each(tmp_path, monkeypatch):
    """On Windows (and macOS) thong-bao-SYT.pdf and thong-bao-syt.pdf are one file: the second
    unit's notice or package would silently replace the first's."""
    from test_council import make_master

    from parapp.core.packages import export_unit_packages
    from parapp.core.reports import notice
    master = make_master(tmp_path / "chinh.parapp")
    with master.edit() as ed:
        ed.add_unit("syt", "Trung tâm Y tế", "SO")
        ed.set_self_score("syt", "1.1", "4")
    written: list[Path] = []
    monkeypatch.setattr(notice, "write", lambda _bundle, out, **_: written.append(out))
    paths = notice.build_notices(master, tmp_path / "thong-bao")
    assert paths == written and len(casefolded(paths)) == len(paths) == 4
    assert (tmp_path / "thong-bao" / "thong-bao-syt-2.pdf") in paths
    folder = tmp_path / "goi"
    folder.mkdir()
    done = export_unit_packages(master, folder)
    assert len(casefolded(p.path for p in done)) == len(done) == 4
    assert len(list(folder.glob("*.parapp"))) == 4
    master.close()


def test_the_windows_registration_script_keeps_its_vietnamese():
    """Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI code page:
    "Tệp kỳ đánh giá" would be registered as mojibake."""
    raw = (ROOT / "packaging" / "windows" / "register.ps1").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Tệp kỳ đánh giá parapp" in raw.decode("utf-8")
    assert '"`"$gui`" `"%1`""' in raw.decode("utf-8")  # a path with spaces is one argument


def test_the_linux_menu_entry_opens_files_from_a_folder_with_spaces(tmp_path):
    """A desktop entry's Exec splits at spaces outside quotes: unquoted, a bundle unpacked in
    "Tài liệu & biểu mẫu" ran "/…/Tài" and the double-clicked file never opened."""
    import shlex
    import shutil
    import subprocess
    bundle = tmp_path / "Tài liệu & biểu mẫu" / "parapp"
    (bundle / "share").mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "install.sh", bundle)
    for name in ("parapp.desktop", "parapp-mime.xml"):
        shutil.copy(ROOT / "packaging" / "linux" / name, bundle / "share")
    shutil.copy(ROOT / "parapp" / "ui" / "icons" / "parapp.png", bundle / "share")
    subprocess.run(["sh", str(bundle / "install.sh")], check=True, capture_output=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                        "XDG_DATA_HOME": str(tmp_path / "data")}, timeout=60)
    entry = (tmp_path / "data" / "applications" / "parapp.desktop").read_text("utf-8")
    command = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert shlex.split(command.removeprefix("Exec=")) == [str(bundle / "parapp"), "%f"]


def test_a_file_open_in_another_program_is_named_as_the_likely_cause(tmp_path, monkeypatch):
    """Windows refuses to replace a PDF open in a reader or a workbook open in Excel; the old
    file stays, and the message says what to do rather than only "Access is denied"."""
    from parapp.core import files
    from parapp.core.errors import ParappError
    out = tmp_path / "phu-luc.pdf"
    out.write_bytes(b"%PDF- old")

    def refuse(_src, _dst):
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(files, "_WINDOWS", True)
    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(ParappError, match=r"phu-luc\.pdf: không ghi được tệp \(Access is "
                                          r"denied\); nếu tệp đang mở trong một chương trình "
                                          r"khác \(trình đọc PDF, Excel\), hãy đóng tệp"):
        files.write_bytes(out, b"%PDF- new")
    assert out.read_bytes() == b"%PDF- old" and list(tmp_path.iterdir()) == [out]


def test_a_code_ending_in_a_line_break_is_refused(tmp_path):
    """A unit's code goes into file names (thong-bao-{code}.pdf), where Windows refuses a line
    break; the check's "$" matched before a final one."""
    from parapp.core.errors import ValidationError
    from parapp.core.store import Store
    with Store.create(tmp_path / "k.parapp", "Tỉnh Sơn Hà", 2025) as store:
        with pytest.raises(ValidationError, match="Mã đơn vị không hợp lệ"), store.edit() as ed:
            ed.add_block("SO", "Khối sở")
            ed.add_unit("SYT\n", "Sở Y tế", "SO")


def test_files_on_a_share_out_of_reach_never_hold_the_window(tmp_path, monkeypatch):
    """A laptop away from the office: the last file and some recent ones are on a share
    (\\\\server\\share\\…, where a mapped drive resolves). Asking whether they exist would hold the
    GUI thread for the network's timeout before the window shows, or when the Tệp › Gần đây
    menu opens: they are listed and opened as they are, and opening one says if it is gone."""
    from parapp.ui import preferences
    from parapp.ui.app import initial_file
    from parapp.ui.document import recent_files

    share = "\\\\may-chu\\so-noi-vu\\2025.parapp"
    here, gone = tmp_path / "2024.parapp", tmp_path / "da-xoa.parapp"
    here.write_bytes(b"")
    asked = []
    exists, is_file = Path.exists, Path.is_file

    def probe(real):
        def asking(path, *args, **kwargs):
            asked.append(str(path))
            if str(path).startswith("\\\\"):
                pytest.fail(f"{path} looked for on the GUI thread")
            return real(path, *args, **kwargs)
        return asking
    monkeypatch.setattr(Path, "exists", probe(exists))
    monkeypatch.setattr(Path, "is_file", probe(is_file))
    preferences.RECENT_FILES.set([share, str(gone), str(here)])
    preferences.RECENT_LAST.set(share)
    assert initial_file(None) == Path(share)
    assert recent_files() == [Path(share), here]
    assert asked == [str(gone), str(here)]


def test_a_mapped_drive_counts_as_a_share(monkeypatch):
    """Z:\\ mapped to \\\\server\\share (the usual way offices reach the Sở's files), or a
    mapping whose share is gone: Windows's drive table says so without asking the network, and
    such a path is not looked for on the GUI thread either; a local disk still is."""
    from parapp.core import files
    monkeypatch.setattr(files.sys, "platform", "win32")
    kinds = {"C:": 3, "D:": 2, "Z:": 4, "Y:": 1}  # fixed, removable, remote, no root
    monkeypatch.setattr(files, "_drive_type", lambda drive: kinds[drive.upper()])
    assert [files.on_a_share(p) for p in (
        "C:\\Users\\a\\2025.parapp", "d:\\2025.parapp", "Z:\\SoNoiVu\\2025.parapp",
        "y:\\2025.parapp", "\\\\may-chu\\so-noi-vu\\2025.parapp", "2025.parapp")] == [
        False, False, True, True, True, False]
    monkeypatch.setattr(files.sys, "platform", "linux")
    assert not files.on_a_share("Z:\\SoNoiVu\\2025.parapp")  # a name, on Linux
