"""One editor per file: a second opener is told who has it; a crashed owner's lock is taken over."""
import json
import os
import socket
import subprocess
import sys

import pytest

from parapp.core.lock import FileLock, Locked, lock_path


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


def test_a_crashed_owners_lock_is_taken_over(tmp_path):
    path = tmp_path / "p.parapp"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True)
    lock_path(path).write_text(json.dumps({"user": "u", "host": socket.gethostname(),
                                           "pid": int(dead.stdout)}), encoding="utf-8")
    lock = FileLock.acquire(path)
    assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()
    lock.release()


def test_a_lock_from_another_machine_is_respected(tmp_path):
    path = tmp_path / "p.parapp"
    lock_path(path).write_text(json.dumps({"user": "thu.ky", "host": "may-khac", "pid": 1}),
                               encoding="utf-8")
    with pytest.raises(Locked, match="đang được thu.ky trên máy may-khac mở để chỉnh sửa"):
        FileLock.acquire(path)


def test_a_lock_taken_again_by_its_own_process_is_released_by_the_first_holder_only(tmp_path):
    path = tmp_path / "p.parapp"
    first = FileLock.acquire(path)
    again = FileLock.acquire(path)
    again.release()
    assert lock_path(path).exists()
    first.release()
    assert not lock_path(path).exists()
