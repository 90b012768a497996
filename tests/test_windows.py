"""What differs on Windows (issue 16), shown on Linux: the bundle's spawned workers, file names
that Windows' case-insensitive, reserved-name rules would merge or refuse, SQLite URIs of
network shares."""
from __future__ import annotations

import multiprocessing
import multiprocessing.spawn
import runpy
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
