"""Shared fixtures. Qt runs offscreen; settings and data dirs are redirected to tmp folders."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # the one screen is what councils have: a 1366 × 768 laptop, less its task bar (40 px)
    os.environ["QT_QPA_PLATFORM"] = \
        f"offscreen:configfile={Path(__file__).with_name('laptop-screen.json')}"
os.environ["PARAPP_LANG"] = "vi"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's settings, recent files, demo copy or log."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))  # the log
    monkeypatch.delenv("PARAPP_LOG_LEVEL", raising=False)
    monkeypatch.setenv("PARAPP_AUTHOR", "Người kiểm thử")
    from parapp import logs
    from parapp.core import i18n
    i18n.set_language(None)
    logs.setup()  # as parapp does at start: each test logs into its own home


@pytest.fixture(scope="session")
def _small_demo_master(tmp_path_factory) -> Path:
    from parapp.core.demo import build_demo
    path = tmp_path_factory.mktemp("demo") / "small.parapp"
    build_demo(path, units=9)  # 17 departments + 3 wards + 6 communes
    return path


@pytest.fixture
def small_demo(_small_demo_master, tmp_path) -> Path:
    """A private copy of a small demo province (26 units), safe to modify."""
    path = tmp_path / "demo.parapp"
    shutil.copy(_small_demo_master, path)
    return path


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where GUI tests save what a person would see: $PARAPP_SHOTS to keep the pictures and look
    at them, else a folder of this run's own."""
    kept = os.environ.get("PARAPP_SHOTS")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pytest_sessionfinish(session, exitstatus) -> None:
    """In CI every tool the tests check output against is installed (.ci/run, which sets
    PARAPP_EVERY_TOOL): there a skipped test is a check that did not run, and the run fails."""
    if not os.environ.get("PARAPP_EVERY_TOOL") or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if skipped:
        reporter.ensure_newline()
        reporter.write_line(f"{len(skipped)} test(s) skipped where every tool should be "
                            "installed (PARAPP_EVERY_TOOL):", red=True)
        for report in skipped:
            reporter.write_line(f"  {report.nodeid}: {report.longrepr[-1]}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
