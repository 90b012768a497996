"""scripts/system-deps.sh on a machine where another package manager holds apt's lock: it
waits (saying so once) and goes on, or gives up after APT_LOCK_WAIT seconds in one line.
apt-get, ldconfig, id and sleep are stand-ins on PATH: nothing is installed."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKED = ("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 "
          "(apt-get)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/"
          "lock-frontend), is another process using it?")


def run_script(tmp_path: Path, apt_get: str, wait: int = 600, python: str = "python3"):
    """system-deps.sh as root on a machine without Qt's libraries, with `apt_get` as apt-get
    and `python` as the Python `make` creates .venv with."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for name, body in {"ldconfig": "exit 0", "id": "echo 0", "apt-get": apt_get,
                       "sleep": 'echo "$1" >> "$LOG.sleep"'}.items():
        (bin_ / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_ / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_}:{os.environ['PATH']}", "LOG": str(tmp_path / "apt"),
           "APT_LOCK_WAIT": str(wait), "PYTHON": python}
    return subprocess.run(["sh", str(ROOT / "scripts" / "system-deps.sh")], env=env,
                          capture_output=True, text=True, timeout=60)


def locked_for(calls: int) -> str:
    """An apt-get whose first `calls` calls find the lock held, then logs what it was asked."""
    return f'''n=$(cat "$LOG.count" 2>/dev/null || echo 0); echo $((n + 1)) > "$LOG.count"
if [ "$n" -lt {calls} ]; then printf '%s\\n' "{LOCKED}" >&2; exit 100; fi
echo "$DEBIAN_FRONTEND $*" >> "$LOG"'''


def test_a_held_apt_lock_is_waited_for(tmp_path):
    proc = run_script(tmp_path, locked_for(3))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ("parapp: another package manager holds apt's lock; waiting for it "
                           "(up to 600 s)…\n")
    calls = (tmp_path / "apt").read_text().splitlines()
    assert calls[0] == "noninteractive update -qq"
    assert calls[1].startswith("noninteractive install -y -qq --no-install-recommends libegl1")
    assert (tmp_path / "apt.sleep").read_text().split() == ["5", "5", "5"]


def test_a_lock_held_too_long_is_explained_in_one_line(tmp_path):
    proc = run_script(tmp_path, locked_for(99), wait=10)
    assert proc.returncode == 1 and not (tmp_path / "apt").exists()
    assert proc.stderr.splitlines() == [
        "parapp: another package manager holds apt's lock; waiting for it (up to 10 s)…",
        "parapp: another package manager has held apt's lock for 10 s; run this again when it "
        "is done (see: ps -C apt-get,apt,dpkg,unattended-upgr)"]


def test_another_apt_failure_is_shown_as_apt_said_it(tmp_path):
    proc = run_script(tmp_path, "echo 'E: Unable to locate package libegl1' >&2; exit 100")
    assert proc.returncode == 1 and proc.stderr == "E: Unable to locate package libegl1\n"


def test_a_python_without_venvs_pip_gets_python3_venv_first(tmp_path):
    """Debian's own python3 creates a venv only with python3-venv (its ensurepip): `make run`
    would stop at its first step on a bare machine."""
    debian_python = tmp_path / "python3"
    debian_python.write_text("#!/bin/sh\n"
                             "echo \"ModuleNotFoundError: No module named 'ensurepip'\" >&2\n"
                             "exit 1\n")
    debian_python.chmod(0o755)
    proc = run_script(tmp_path, locked_for(0), python=str(debian_python))
    assert proc.returncode == 0, proc.stderr
    calls = (tmp_path / "apt").read_text().splitlines()
    assert calls[:2] == ["noninteractive update -qq",
                         "noninteractive install -y -qq --no-install-recommends python3-venv"]
    assert calls[2].startswith("noninteractive install -y -qq --no-install-recommends libegl1")
