"""One editor per file: a second opener is told who has it; a crashed owner's lock is taken over.
The command line honours the same lock as the window."""
import hashlib
import json
import os
import socket
import subprocess
import sys
import textwrap

import psutil
import pytest

from parapp.cli import main
from parapp.core.lock import FileLock, Locked, lock_path, read_owner
from parapp.core.lock import holder as holder_of
from parapp.core.store import Edit


def test_second_process_is_refused_and_told_who(tmp_path):
    path = tmp_path / "p.parapp"
    path.write_bytes(b"")
    script = ("import sys\nfrom parapp.core.lock import FileLock, Locked\n"
              "try:\n    FileLock.acquire(sys.argv[1])\nexcept Locked as e:\n"
              "    print(e); sys.exit(3)\n")
    lock = FileLock.acquire(path)
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                          text=True)
    assert proc.returncode == 3
    assert proc.stdout.strip().startswith("p.parapp đang được ")
    assert f"trên máy {socket.gethostname()}" in proc.stdout
    lock.release()
    assert not lock_path(path).exists()
    proc = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True)
    assert proc.returncode == 0


def test_a_lock_whose_process_has_ended_is_taken_over(tmp_path):
    path = tmp_path / "p.parapp"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True)
    lock_path(path).write_text(json.dumps({"user": "u", "host": socket.gethostname(),
                                           "pid": int(dead.stdout)}), encoding="utf-8")
    lock = FileLock.acquire(path)
    assert read_owner(path).pid == os.getpid()
    lock.release()


def test_the_lock_of_a_killed_process_is_taken_over(tmp_path):
    """A window killed outright (kill -9, a power cut of the process) leaves its lock behind;
    the next opener on this host writes, never read-only."""
    path = tmp_path / "p.parapp"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys
        from parapp.core.lock import FileLock
        FileLock.acquire(sys.argv[1])
        print("ready", flush=True)
        sys.stdin.read()
    """), str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "ready\n"
    assert read_owner(path).pid == proc.pid
    with pytest.raises(Locked):
        FileLock.acquire(path)
    proc.kill()
    proc.wait(10)
    assert read_owner(path).pid == proc.pid  # left behind
    lock = FileLock.acquire(path)
    assert read_owner(path).pid == os.getpid()
    lock.release()
    assert not lock_path(path).exists()


def test_a_lock_whose_pid_now_belongs_to_another_process_is_taken_over(tmp_path):
    """After a crash the pid may go to another program: the lock records when its process
    started, so a process of the same pid started at another time is not its owner."""
    path = tmp_path / "p.parapp"
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    try:
        started = psutil.Process(other.pid).create_time()
        owner = {"user": "u", "host": socket.gethostname(), "pid": other.pid}
        lock_path(path).write_text(json.dumps({**owner, "started": started}), encoding="utf-8")
        with pytest.raises(Locked):  # that very process: respected
            FileLock.acquire(path)
        assert holder_of(path) == read_owner(path)
        lock_path(path).write_text(json.dumps({**owner, "started": started - 3600}),
                                   encoding="utf-8")
        assert holder_of(path) is None
        lock = FileLock.acquire(path)
        assert read_owner(path).pid == os.getpid()
        lock.release()
    finally:
        other.stdin.close()
        other.wait(10)


def test_an_unreadable_lock_is_taken_over(tmp_path):
    path = tmp_path / "p.parapp"
    lock_path(path).write_bytes(b"")  # a lock file cut short, by a crash or a full disk
    FileLock.acquire(path).release()
    assert not lock_path(path).exists()


def test_a_lock_from_another_machine_is_respected(tmp_path):
    """On a shared folder another machine's process cannot be looked up from here: whatever
    its pid is here, the lock stands."""
    path = tmp_path / "p.parapp"
    for pid in (1, 2 ** 22 + 1):  # a running process here, and none
        lock_path(path).write_text(json.dumps({"user": "thu.ky", "host": "may-khac", "pid": pid,
                                               "started": 0.0}), encoding="utf-8")
        with pytest.raises(Locked, match=r"đang được thu.ky trên máy may-khac mở để chỉnh sửa"):
            FileLock.acquire(path)
        assert holder_of(path).host == "may-khac"


# -- the command line honours the same lock as the window ----------------------------------------

def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def holder(small_demo):
    """Another parapp process on this host that has the file open to write, until the test
    ends."""
    script = textwrap.dedent("""
        import sys
        from parapp.core.store import Store
        store = Store.open(sys.argv[1], lock=True)
        print("ready", flush=True)
        sys.stdin.read()
        store.close()
    """)
    proc = subprocess.Popen([sys.executable, "-c", script, str(small_demo)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "ready\n"
    yield proc
    proc.stdin.close()
    proc.wait(10)


def test_writing_commands_refuse_a_file_another_parapp_holds_and_reads_go_on(small_demo, capsys,
                                                                            holder):
    owner = read_owner(small_demo)
    assert owner.pid == holder.pid
    before = _sha(small_demo)
    for args in (["settings", small_demo, "tie_policy=shared"],
                 ["override", small_demo, "SYT", "clear"],
                 ["not-applicable", small_demo, "SYT", "1.1", "--reason", "x"],
                 ["member-units", small_demo, "SNV"]):
        code, out, err = _run(capsys, *args)
        assert (code, out) == (1, "")
        assert err == (f"parapp: lỗi: {small_demo.name} đang được {owner.user} trên máy "
                       f"{owner.host} mở để chỉnh sửa\n")
    assert _sha(small_demo) == before and read_owner(small_demo) == owner
    code, out, err = _run(capsys, "ranking", small_demo, "--block", "SO")
    assert code == 0 and out
    assert err == (f"parapp: {small_demo.name} đang được {owner.user} trên máy {owner.host} mở "
                   "để chỉnh sửa; đọc dữ liệu đã ghi đến lúc này\n")
    holder.stdin.close()
    holder.wait(10)
    assert not lock_path(small_demo).exists()
    assert _run(capsys, "settings", small_demo, "tie_policy=shared")[0] == 0


def test_a_lock_of_another_machine_refuses_a_writing_command(small_demo, capsys):
    lock_path(small_demo).write_text(json.dumps({"user": "thu.ky", "host": "may-khac",
                                                 "pid": 1}), encoding="utf-8")
    before = _sha(small_demo)
    code, _, err = _run(capsys, "--lang", "en", "settings", small_demo, "display_decimals=3")
    assert code == 1 and err == (f"parapp: error: {small_demo.name} is open for editing by "
                                 "thu.ky on may-khac\n")
    assert _sha(small_demo) == before and lock_path(small_demo).exists()


def test_a_writing_command_holds_the_lock_while_it_writes_and_always_releases_it(
        small_demo, capsys, monkeypatch):
    seen = []
    set_setting = Edit.set_setting

    def watched(self, key, text):
        seen.append(read_owner(small_demo))
        return set_setting(self, key, text)

    monkeypatch.setattr(Edit, "set_setting", watched)
    assert _run(capsys, "settings", small_demo, "tie_policy=shared")[0] == 0
    assert _run(capsys, "settings", small_demo, "tie_policy=never")[0] == 1  # fails mid-way
    assert [o.pid for o in seen] == [os.getpid(), os.getpid()]
    assert not lock_path(small_demo).exists()


def test_a_window_opening_while_a_command_writes_is_read_only_naming_it(qtbot, small_demo,
                                                                        holder, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from qt_helpers import open_window
    notices = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a, **k: notices.append(text))
    owner = read_owner(small_demo)
    w = open_window(qtbot, small_demo)
    assert w.store.readonly and w.mode_label.text() == f"Chỉ xem — {owner.user} trên máy " \
                                                       f"{owner.host}"
    assert notices[0].startswith(f"{small_demo.name} đang được {owner.user} trên máy "
                                 f"{owner.host} mở để chỉnh sửa.")
    w.close()
    assert read_owner(small_demo) == owner  # not the window's to remove


def test_a_lock_taken_again_by_its_own_process_is_released_by_the_first_holder_only(tmp_path):
    path = tmp_path / "p.parapp"
    first = FileLock.acquire(path)
    again = FileLock.acquire(path)
    again.release()
    assert lock_path(path).exists()
    first.release()
    assert not lock_path(path).exists()
